// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/fleetview.h"

#include <array>
#include <algorithm>
#include <cmath>

#include <QHelpEvent>
#include <QMap>
#include <QPainter>
#include <QSet>
#include <QToolTip>

#include "views/periodticker.h"
#include "views/timelinechart.h"

namespace fleetplan::views {

namespace {
constexpr int RowHeight = 58;
constexpr int Margin = 8;
constexpr int MinLabelWidth = 230;

double ratio(double used, double capacity)
{
    return capacity > 0 ? used / capacity : 0.0;
}

struct NodeUse
{
    double cpu = 0;
    double memory = 0;
    int slotCount = 0;
    int tasks = 0;
};

NodeUse useOf(const models::FleetNode &node)
{
    NodeUse u;
    for (const models::FleetItem &item : node.items) {
        u.cpu += item.cpu * item.count;
        u.memory += item.memoryMib * item.count;
        u.slotCount += item.slotsUsed * item.count;
        u.tasks += item.count;
    }
    return u;
}
} // namespace

FleetView::FleetView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("fleetView"));
    setAccessibleName(tr("Fleet"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void FleetView::setSnapshot(const models::FleetSnapshot &snapshot)
{
    m_snapshot = snapshot;
    updateLegend();
    setAccessibleDescription(textSummary());
    updateGeometryForNodes();
    update();
}

void FleetView::updateGeometryForNodes()
{
    setMinimumHeight(std::max(120, legendHeight() + int(m_snapshot.nodes.size()) * RowHeight + 2 * Margin));
    updateGeometry();
}

QSize FleetView::sizeHint() const
{
    return { 760, std::max(200, legendHeight() + int(m_snapshot.nodes.size()) * RowHeight + 2 * Margin) };
}

QSize FleetView::minimumSizeHint() const
{
    return { 420, 120 };
}

namespace {
// Tableau 20 (light and dark pairs interleaved apart): distinct hues for up to 16 services.
constexpr std::array<QRgb, 16> ServicePalette { 0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1,
    0xFF9DA7, 0x9C755F, 0xA0CBE8, 0xFFBE7D, 0x8CD17D, 0xB6992D, 0x499894, 0xD37295, 0xD4A6C8 };
constexpr int ServicePaletteSize = int(ServicePalette.size());

bool isSystemDaemon(const QString &service)
{
    return service == QLatin1String("aws-node") || service == QLatin1String("kube-proxy")
        || service == QLatin1String("coredns") || service == QLatin1String("ecs-agent");
}
} // namespace

void FleetView::setServiceNames(const QStringList &names, const QList<double> &weights)
{
    m_colors.clear();
    m_rank.clear();
    m_order = names;
    QList<int> services;
    for (int i = 0; i < names.size(); ++i) {
        if (!isSystemDaemon(names.at(i)) && !services.contains(i))
            services << i;
    }
    // Heaviest first (scenario order among equals); without weights, the scenario's order.
    if (weights.size() == names.size()) {
        std::stable_sort(
            services.begin(), services.end(), [&weights](int a, int b) { return weights.at(a) > weights.at(b); });
    }
    const int coloured = services.size() <= ServicePaletteSize ? int(services.size()) : TopServices;
    for (int r = 0; r < coloured; ++r) {
        const QString &name = names.at(services.at(r));
        if (!m_rank.contains(name)) {
            m_rank.insert(name, int(m_rank.size()));
            m_colors.insert(name, QColor(ServicePalette[m_rank.value(name) % ServicePaletteSize]));
        }
    }
    updateLegend();
    updateGeometryForNodes();
    update();
}

QColor FleetView::othersColor()
{
    return QColor(0xC9, 0xC4, 0xBC); // a warm light grey: apart from the daemons' grey and every palette hue
}

QColor FleetView::serviceColor(const QString &service) const
{
    auto it = m_colors.constFind(service);
    if (it != m_colors.constEnd())
        return *it;
    if (isSystemDaemon(service))
        return QColor(0x8C, 0x8C, 0x8C);
    // A service of the scenario outside the top ones: "others". A name nobody announced takes a palette
    // colour from a stable hash of the name.
    const QColor c = m_order.contains(service) ? othersColor()
                                               : QColor(ServicePalette[qHash(service, 0x5eedU) % ServicePaletteSize]);
    m_colors.insert(service, c);
    return c;
}

QString FleetView::countText(int count, bool tasks)
{
    // Two source strings rather than "%n node(s)": no English numerus translation is shipped.
    if (tasks)
        return count == 1 ? tr("%n task", nullptr, count) : tr("%n tasks", nullptr, count);
    return count == 1 ? tr("%n node", nullptr, count) : tr("%n nodes", nullptr, count);
}

void FleetView::updateLegend()
{
    // Hashed, not QStringList::contains: 2,000 services on 8,000 Fargate tasks took seconds.
    QSet<QString> seen;
    QStringList coloured;
    QStringList daemons;
    QStringList others;
    for (const models::FleetNode &node : m_snapshot.nodes) {
        for (const models::FleetItem &item : node.items) {
            QStringList &list = m_rank.contains(item.service) || (m_order.isEmpty() && !isSystemDaemon(item.service))
                ? coloured
                : (isSystemDaemon(item.service) ? daemons : others);
            if (!seen.contains(item.service)) {
                seen.insert(item.service);
                list << item.service;
            }
        }
    }
    QHash<QString, int> position;
    for (qsizetype i = m_order.size() - 1; i >= 0; --i)
        position.insert(m_order.at(i), int(i)); // the first occurrence wins, as indexOf()
    if (!m_order.isEmpty() && !others.isEmpty()) {
        // Unannounced names (not in the scenario) keep their own entry; the scenario's small ones are "others".
        for (qsizetype i = others.size() - 1; i >= 0; --i) {
            if (!position.contains(others.at(i)))
                coloured << others.takeAt(i);
        }
    }
    std::stable_sort(coloured.begin(), coloured.end(), [this, &position](const QString &a, const QString &b) {
        const int ra = m_rank.value(a, int(m_rank.size()) + position.value(a, -1));
        const int rb = m_rank.value(b, int(m_rank.size()) + position.value(b, -1));
        return ra < rb;
    });
    QList<LegendEntry> &entries = m_entries;
    entries.clear();
    for (const QString &name : std::as_const(coloured))
        entries.append({ name, serviceColor(name), {} });
    if (!others.isEmpty())
        entries.append({ others.size() == 1 ? tr("others (1 service)") : tr("others (%1 services)").arg(others.size()),
            othersColor(), {} });
    for (const QString &name : std::as_const(daemons))
        entries.append({ name, serviceColor(name), {} });
    m_layoutWidth = -1;
}

const QList<FleetView::LegendEntry> &FleetView::legendLayout() const
{
    if (m_layoutWidth == width())
        return m_layout;
    QList<LegendEntry> entries = m_entries;
    const QFontMetrics fm(font());
    const int lineHeight = fm.height() + 4;
    int x = Margin;
    int y = Margin;
    for (LegendEntry &e : entries) {
        const int w = 14 + 4 + fm.horizontalAdvance(e.label) + 14;
        if (x > Margin && x + w > width() - Margin) {
            x = Margin;
            y += lineHeight;
        }
        e.rect = QRect(x, y, w, lineHeight);
        x += w;
    }
    m_layout = entries;
    m_layoutWidth = width();
    return m_layout;
}

QStringList FleetView::legendEntries() const
{
    QStringList labels;
    for (const LegendEntry &e : legendLayout())
        labels << e.label;
    return labels;
}

int FleetView::legendHeight() const
{
    const auto items = legendLayout();
    return items.isEmpty() ? 0 : items.constLast().rect.bottom() - Margin + 8;
}

void FleetView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int wanted = std::max(120, legendHeight() + int(m_snapshot.nodes.size()) * RowHeight + 2 * Margin);
    if (minimumHeight() != wanted)
        setMinimumHeight(wanted);
}

int FleetView::labelWidth() const
{
    // The node's second line whole: "On-Demand · 0.7680 USD/h · 53 tasks".
    const QFontMetrics fm(font());
    return std::max(MinLabelWidth,
        fm.horizontalAdvance(tr("On-Demand") + QStringLiteral(" · 00.0000 USD/h · ") + countText(888, true)) + 12);
}

int FleetView::valueColumnWidth() const
{
    // Wide enough for the longest value written beside a bar (a Fargate task has "no slot limit").
    const QFontMetrics fm(font());
    return 6
        + std::max(
            { fm.horizontalAdvance(tr("no slot limit")), fm.horizontalAdvance(tr("slots") + QStringLiteral(" 888/888")),
                fm.horizontalAdvance(tr("mem") + QStringLiteral(" 100 %")),
                fm.horizontalAdvance(tr("cpu") + QStringLiteral(" 100 %")) });
}

QRect FleetView::barRect(int node, int dim) const
{
    const QRect row = nodeRect(node);
    if (row.isEmpty() || dim < 0 || dim > 2)
        return {};
    const int barLeft = Margin + labelWidth();
    const int barWidth = std::max(60, width() - barLeft - Margin - valueColumnWidth() - 6);
    const int barH = (row.height() - 8) / 3;
    return QRect(barLeft, row.top() + 4 + dim * barH, barWidth, barH - 3);
}

QRect FleetView::valueLabelRect(int node, int dim) const
{
    const QRect bar = barRect(node, dim);
    if (bar.isEmpty())
        return {};
    return QRect(bar.right() + 6, bar.top() - 2, valueColumnWidth(), bar.height() + 4);
}

QRect FleetView::nodeRect(int node) const
{
    if (node < 0 || node >= m_snapshot.nodes.size())
        return {};
    return QRect(Margin, Margin + legendHeight() + node * RowHeight, width() - 2 * Margin, RowHeight - 6);
}

int FleetView::nodeAt(const QPoint &pos) const
{
    // Rows are RowHeight apart below the legend: a division, not a search (2,000 services on 8,000 tasks).
    const int top = pos.y() - Margin - legendHeight();
    if (top < 0)
        return -1;
    const int i = top / RowHeight;
    return i < m_snapshot.nodes.size() && nodeRect(i).contains(pos) ? i : -1;
}

QString FleetView::textSummary() const
{
    // On Fargate every "node" is one task's micro-VM: counted as tasks.
    const bool fargate = isFargatePlatform(m_snapshot.platform);
    if (m_snapshot.nodes.isEmpty())
        return (fargate ? tr("%1 at hour %2 (%3): no tasks") : tr("%1 at hour %2 (%3): no nodes"))
            .arg(models::displayName(m_snapshot.platform))
            .arg(m_snapshot.hour)
            .arg(periodHourShort(m_snapshot.hour));
    QStringList lines;
    lines << tr("%1 at hour %2 (%3): %4")
                 .arg(models::displayName(m_snapshot.platform))
                 .arg(m_snapshot.hour)
                 .arg(periodHourShort(m_snapshot.hour), countText(int(m_snapshot.nodes.size()), fargate));
    for (const models::FleetNode &node : m_snapshot.nodes) {
        const NodeUse u = useOf(node);
        QMap<QString, int> counts;
        for (const models::FleetItem &item : node.items)
            counts[item.service] += item.count;
        QStringList tasks;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            tasks << QStringLiteral("%1×%2").arg(it.key()).arg(it.value());
        QString line = QStringLiteral("%1  %2  cpu %3 %  mem %4 %")
                           .arg(node.instanceType, node.spot ? tr("spot") : tr("on-demand"))
                           .arg(std::lround(ratio(u.cpu, node.cpuCapacity) * 100))
                           .arg(std::lround(ratio(u.memory, node.memoryCapacityMib) * 100));
        if (node.slotCapacity > 0)
            line += QStringLiteral("  slots %1/%2").arg(u.slotCount).arg(node.slotCapacity);
        line += QStringLiteral("  ") + tasks.join(u' ');
        lines << line;
    }
    return lines.join(u'\n');
}

bool FleetView::event(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        m_layoutWidth = -1; // the legend's layout measured the old font
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int n = nodeAt(help->pos());
        if (n < 0) {
            QToolTip::hideText();
            return true;
        }
        const models::FleetNode &node = m_snapshot.nodes.at(n);
        QMap<QString, std::pair<int, double>> perService;
        for (const models::FleetItem &item : node.items) {
            auto &e = perService[item.service];
            e.first += item.count;
            e.second += item.cpu * item.count;
        }
        QString text = QStringLiteral("<b>%1</b> (%2, %3 USD/h)<br>")
                           .arg(node.instanceType.toHtmlEscaped(), node.spot ? tr("Spot") : tr("On-Demand"))
                           .arg(node.usdPerHour, 0, 'f', 4);
        for (auto it = perService.cbegin(); it != perService.cend(); ++it)
            text += tr("%1: %2, %3 vCPU<br>")
                        .arg(it.key().toHtmlEscaped(), countText(it->first, true))
                        .arg(it->second, 0, 'f', 2);
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void FleetView::paintEvent(QPaintEvent * /*event*/)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QFontMetrics fm(font());
    if (m_snapshot.nodes.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No nodes at this hour"));
        return;
    }
    for (const LegendEntry &e : legendLayout()) {
        const QRect &r = e.rect;
        const QRect swatch(r.left(), r.top() + (r.height() - 12) / 2, 12, 12);
        p.fillRect(swatch, e.color);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(
            QRect(swatch.right() + 5, r.top(), r.width() - 18, r.height()), Qt::AlignLeft | Qt::AlignVCenter, e.label);
    }
    for (int i = 0; i < m_snapshot.nodes.size(); ++i) {
        const QRect row = nodeRect(i);
        if (!row.intersects(p.clipBoundingRect().toAlignedRect()) && !p.clipBoundingRect().isEmpty())
            continue;
        const models::FleetNode &node = m_snapshot.nodes.at(i);
        const NodeUse u = useOf(node);
        if (i % 2)
            p.fillRect(row, pal.color(QPalette::AlternateBase));
        // Label: type, purchase, price.
        p.setPen(pal.color(QPalette::Text));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QRect(row.left() + 4, row.top() + 2, labelWidth() - 8, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(node.instanceType, Qt::ElideRight, labelWidth() - 8));
        p.setFont(font());
        p.drawText(QRect(row.left() + 4, row.top() + 2 + fm.height(), labelWidth() - 8, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(QStringLiteral("%1 · %2 USD/h · %3")
                              .arg(node.spot ? tr("Spot") : tr("On-Demand"))
                              .arg(node.usdPerHour, 0, 'f', 4)
                              .arg(countText(u.tasks, true)),
                Qt::ElideRight, labelWidth() - 8));

        // Three bars: CPU, memory, slots; each filled with tasks in order, coloured by service.
        struct Dim
        {
            QString name;
            double capacity;
            double used;
            int which;
        };
        const auto dims = std::to_array<Dim>({
            { tr("cpu"), node.cpuCapacity, u.cpu, 0 },
            { tr("mem"), node.memoryCapacityMib, u.memory, 1 },
            { tr("slots"), double(node.slotCapacity), double(u.slotCount), 2 },
        });
        for (int d = 0; d < 3; ++d) {
            const Dim &dim = dims[d];
            const QRect bar = barRect(i, d);
            const QRect value = valueLabelRect(i, d);
            p.fillRect(bar, pal.color(QPalette::Window));
            p.setPen(pal.color(QPalette::Mid));
            p.drawRect(bar.adjusted(0, 0, -1, -1));
            if (dim.capacity <= 0) {
                p.setPen(pal.color(QPalette::PlaceholderText));
                p.drawText(value, Qt::AlignLeft | Qt::AlignVCenter, dim.which == 2 ? tr("no slot limit") : QString());
                continue;
            }
            double x = bar.left();
            for (const models::FleetItem &item : node.items) {
                const double amount = dim.which == 0 ? item.cpu : dim.which == 1 ? item.memoryMib : item.slotsUsed;
                if (amount <= 0)
                    continue;
                for (int copy = 0; copy < item.count; ++copy) {
                    const double w = std::min(amount / dim.capacity * bar.width(), bar.right() - x);
                    if (w <= 0)
                        break;
                    QRectF seg(x, bar.top() + 1, w, bar.height() - 2);
                    p.fillRect(seg, serviceColor(item.service));
                    p.setPen(QPen(pal.color(QPalette::Base), 1));
                    if (w > 3)
                        p.drawLine(QPointF(seg.right(), seg.top()), QPointF(seg.right(), seg.bottom()));
                    x += w;
                }
            }
            p.setPen(pal.color(QPalette::Text));
            const QString label = dim.which == 2
                ? QStringLiteral("%1 %2/%3").arg(dim.name).arg(u.slotCount).arg(node.slotCapacity)
                : QStringLiteral("%1 %2 %").arg(dim.name).arg(std::lround(ratio(dim.used, dim.capacity) * 100));
            p.drawText(value, Qt::AlignLeft | Qt::AlignVCenter, label);
        }
    }
}

} // namespace fleetplan::views
