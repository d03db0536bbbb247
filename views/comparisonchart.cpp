// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charttheme.h"
#include "views/comparisonchart.h"

#include <QShowEvent>

#include <algorithm>
#include <cmath>

#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>

#include "models/simulation/moneyformat.h"
#include "views/cheapestmark.h"
#include "views/numberticker.h"
#include "views/theme.h"

namespace fleetplan::views {

using models::ComponentId;
using models::PlatformId;

namespace {

constexpr double BarWidth = 0.6;

} // namespace

QString formatUsdAmount(double usd)
{
    return models::formatNumber(usd, 2);
}

QString formatUsdShort(double usd)
{
    // One currency style in the whole application: the amount, then "USD" (as `fleetplan compare`).
    return models::formatNumber(std::round(usd), 0) + QStringLiteral(" USD");
}

ComparisonChart::ComparisonChart(QWidget *parent)
    : QCustomPlot(parent)
    , m_theme(ChartTheme::forWindowColor(palette().window().color()))
{
    setAccessibleName(tr("Cost comparison chart"));
    setAccessibleDescription(tr("Stacked bars of the cost of each platform, split by cost component"));
    setMouseTracking(true);
    setMinimumSize(320, 220);
    placeLegendBelow(this); // the full width stays for the five bars
    NumberTicker::install(yAxis); // "12,000"
    xAxis->grid()->setVisible(false);
    rebuild();
}

void ComparisonChart::setReport(const models::CostReport &report)
{
    m_report = report;
    rebuild();
}

void ComparisonChart::setTheme(const ChartTheme &theme)
{
    m_theme = theme;
    rebuild();
}

void ComparisonChart::rebuild()
{
    clearPlottables();
    clearItems();
    m_bars.clear();
    m_components.clear();
    m_platforms.clear();
    m_totalLabels.clear();
    m_cheapestBars = cheapestIndexes(m_report);
    m_cheapest = m_cheapestBars.isEmpty() ? -1 : m_cheapestBars.constFirst();

    m_theme.apply(this);
    yAxis->setLabel(tr("USD / %1").arg(m_report.periodUnit()));

    QVector<double> keys;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double maxTotal = 0;
    for (int i = 0; i < m_report.platforms.size(); ++i) {
        const models::PlatformResult &p = m_report.platforms.at(i);
        m_platforms.append(p.id);
        keys.append(i + 1);
        QString name = models::displayName(p.id);
        // Two lines keep five labels from colliding on a narrow chart.
        const qsizetype space = name.indexOf(u' ', name.size() / 2 - 1);
        if (space > 0)
            name[space] = u'\n';
        ticker->addTick(i + 1, name);
        if (p.feasible())
            maxTotal = std::max(maxTotal, p.totalUsd);
    }
    xAxis->setTicker(ticker);
    xAxis->setRange(0.4, std::max(1.0, static_cast<double>(m_report.platforms.size())) + 0.6);
    xAxis->setTickLength(0, 3);
    xAxis->setSubTicks(false);
    yAxis->setRange(0, maxTotal > 0 ? maxTotal * 1.22 : 1.0);

    for (int c = 0; c < models::ComponentCount; ++c) {
        const auto id = static_cast<ComponentId>(c);
        QVector<double> values;
        bool present = false;
        for (const models::PlatformResult &p : m_report.platforms) {
            // An infeasible platform has no bar: its partial figures are not a price.
            present = present || (p.feasible() && p.component(id) != nullptr);
            values.append(p.feasible() ? p.componentUsd(id) : 0.0);
        }
        if (!present)
            continue;
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setName(models::displayName(id));
        bars->setWidth(BarWidth);
        bars->setBrush(componentColor(id));
        bars->setPen(QPen(m_theme.background, 0.8));
        bars->setAntialiased(false);
        bars->setData(keys, values, true);
        if (!m_bars.isEmpty())
            bars->moveAbove(m_bars.constLast());
        m_bars.append(bars);
        m_components.append(id);
    }

    for (int i = 0; i < m_report.platforms.size(); ++i) {
        const models::PlatformResult &p = m_report.platforms.at(i);
        auto *label = new QCPItemText(this);
        label->setClipToAxisRect(false);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->position->setCoords(i + 1, p.feasible() ? p.totalUsd : 0.0);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setTextAlignment(Qt::AlignCenter);
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setColor(m_theme.text);
        QFont font = m_theme.labelFont;
        font.setBold(m_cheapestBars.contains(i));
        label->setFont(font);
        label->setPen(QPen(p.feasible() ? platformColor(p.id) : m_theme.text, m_cheapestBars.contains(i) ? 2.0 : 1.0,
            p.feasible() ? Qt::SolidLine : Qt::DashLine));
        label->setBrush(m_theme.background);
        label->setText(totalLabel(i));
        m_totalLabels.append(label);
    }
    legend->setVisible(!m_bars.isEmpty());
    m_lazy.request(this);
}

QString ComparisonChart::totalLabel(int bar) const
{
    if (bar < 0 || bar >= m_report.platforms.size())
        return {};
    const models::PlatformResult &p = m_report.platforms.at(bar);
    if (!p.feasible())
        return tr("infeasible");
    const QString total = formatUsdShort(p.totalUsd);
    if (p.partial())
        return tr("partial\n") + total;
    return m_cheapestBars.contains(bar) ? cheapestMark(m_cheapestBars.size() > 1) + u'\n' + total : total;
}

QString ComparisonChart::tooltipAt(const QPointF &pos) const
{
    if (m_report.platforms.isEmpty() || !axisRect()->rect().contains(pos.toPoint()))
        return {};
    const double key = xAxis->pixelToCoord(pos.x());
    const double value = yAxis->pixelToCoord(pos.y());
    const int index = int(std::lround(key)) - 1;
    if (index < 0 || index >= m_report.platforms.size() || std::abs(key - (index + 1)) > BarWidth / 2)
        return {};
    const models::PlatformResult &p = m_report.platforms.at(index);
    if (!p.feasible())
        return tr("%1 cannot run this workload: %2").arg(models::displayName(p.id), p.infeasibleSummary());
    double base = 0;
    for (const ComponentId id : m_components) {
        const double usd = p.componentUsd(id);
        if (usd > 0 && value >= base && value < base + usd) {
            const double share = p.totalUsd > 0 ? usd / p.totalUsd * 100.0 : 0.0;
            return tr("%1 — %2: %3 USD (%4 % of %5 USD)")
                .arg(models::displayName(p.id), models::displayName(id), formatUsdAmount(usd),
                    QString::number(share, 'f', 1), formatUsdAmount(p.totalUsd));
        }
        base += usd;
    }
    return {};
}

QString ComparisonChart::textSummary() const
{
    if (m_report.platforms.isEmpty())
        return tr("No platform simulated.");
    const models::PlatformResult *best = m_report.cheapestPlatform();
    QList<const models::PlatformResult *> sorted;
    QStringList infeasible;
    for (const models::PlatformResult &p : m_report.platforms) {
        if (p.feasible())
            sorted.append(&p);
        else
            infeasible.append(tr("%1: infeasible (%2).").arg(models::displayName(p.id), p.infeasibleSummary()));
    }
    std::stable_sort(
        sorted.begin(), sorted.end(), [](const auto *a, const auto *b) { return a->totalUsd < b->totalUsd; });
    const QList<int> tied = cheapestIndexes(m_report);
    const double cheapest = best ? best->totalUsd : 0.0;
    QStringList parts;
    for (const models::PlatformResult *p : sorted) {
        QString line = tr("%1: %2 USD per %3")
                           .arg(models::displayName(p->id), formatUsdAmount(p->totalUsd), m_report.periodUnit());
        const int index = int(p - m_report.platforms.constData());
        if (tied.contains(index))
            line += tied.size() > 1 ? tr(" (tie for cheapest)") : tr(" (cheapest)");
        else if (cheapest > 0)
            line += tr(" (%1 % more)").arg(QString::number((p->totalUsd - cheapest) / cheapest * 100.0, 'f', 1));
        parts.append(line + u'.');
    }
    return (parts + infeasible).join(u' ');
}

void ComparisonChart::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    const QString tip = tooltipAt(event->position());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
}

void ComparisonChart::showEvent(QShowEvent *event)
{
    QCustomPlot::showEvent(event);
    m_lazy.shown(this);
}

} // namespace fleetplan::views
