// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/timelinechart.h"

#include <QShowEvent>

#include <algorithm>
#include <cmath>

#include <QMouseEvent>
#include <QToolTip>

#include "models/simulation/moneyformat.h"

#include "views/comparisonchart.h"
#include "views/fleetview.h"
#include "views/numberticker.h"
#include "views/periodticker.h"
#include "views/theme.h"

namespace fleetplan::views {

using models::PlatformId;

namespace {

struct Range
{
    double min = 0;
    double max = 0;
    double mean = 0;
};

template <typename T> Range rangeOf(const QList<T> &values)
{
    Range r;
    if (values.isEmpty())
        return r;
    r.min = r.max = double(values.constFirst());
    double sum = 0;
    for (const T v : values) {
        r.min = std::min(r.min, double(v));
        r.max = std::max(r.max, double(v));
        sum += double(v);
    }
    r.mean = sum / double(values.size());
    return r;
}

} // namespace

bool isFargatePlatform(PlatformId id)
{
    return id == PlatformId::EcsFargate || id == PlatformId::EcsFargateSpot || id == PlatformId::EksFargate;
}

TimelineChart::TimelineChart(QWidget *parent)
    : QCustomPlot(parent)
    , m_theme(ChartTheme::forWindowColor(palette().window().color()))
{
    setAccessibleName(tr("Cost and fleet timeline chart"));
    setAccessibleDescription(
        tr("Cost per hour and nodes per hour of each platform over the billing period, with the load"));
    setMinimumSize(320, 260);
    // Ten step lines of 730+ points with pens wider than one pixel: antialiased, QPainter's raster engine
    // took 113 ms CPU a replot at 1400 x 700; fast polylines without antialiasing (the segments are all
    // horizontal or vertical, so nothing is lost) took 14 ms; the load curve's fill unantialiased too (a step
    // polygon has no slanted edge) and the dashed Fargate lines one pixel wide (a cosmetic dashed pen stays
    // on the raster engine's fast path, a 1.4 px one goes through the stroker) take 6 ms
    // (bench/bench_charts.cpp BM_TimelineChartReplot).
    setPlottingHint(QCP::phFastPolylines, true);
    setNotAntialiasedElements(QCP::aePlottables | QCP::aeFills);

    m_costRect = axisRect();
    m_fleetRect = new QCPAxisRect(this);
    plotLayout()->addElement(1, 0, m_fleetRect);
    m_fleetRect->axis(QCPAxis::atRight)->setVisible(true);
    auto *group = new QCPMarginGroup(this);
    m_costRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    m_fleetRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    // Same right-hand space in both panels, so the hours line up (the cost panel's right axis stays empty).
    m_costRect->axis(QCPAxis::atRight)->setVisible(true);
    m_costRect->axis(QCPAxis::atRight)->setTickLabels(false);
    m_costRect->axis(QCPAxis::atRight)->setTicks(false);

    // Legend below both panels, several entries per row.
    m_costRect->insetLayout()->take(legend);
    plotLayout()->addElement(2, 0, legend);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(3);
    legend->setVisible(true);
    plotLayout()->setRowStretchFactor(0, 1.2);
    plotLayout()->setRowStretchFactor(1, 1.0);
    plotLayout()->setRowStretchFactor(2, 0.001);

    for (QCPAxisRect *rect : { m_costRect, m_fleetRect }) {
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->axis(QCPAxis::atBottom)->setTicker(QSharedPointer<QCPAxisTicker>(new PeriodTicker));
    }
    // The hover crosshair: one vertical line per panel, drawn above the graphs.
    for (QCPAxisRect *rect : { m_costRect, m_fleetRect }) {
        auto *line = new QCPItemStraightLine(this);
        line->setClipAxisRect(rect);
        for (QCPItemPosition *pos : { line->point1, line->point2 })
            pos->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        line->setVisible(false);
        line->setSelectable(false);
        (rect == m_costRect ? m_costCursor : m_fleetCursor) = line;
    }
    setMouseTracking(true);
    connect(this, &QCustomPlot::legendClick, this,
        [this](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) { toggleLegendItem(item); });
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    NumberTicker::install(m_costRect->axis(QCPAxis::atLeft)); // USD per hour
    NumberTicker::install(m_fleetRect->axis(QCPAxis::atLeft), NumberTicker::Kind::Count); // EC2 nodes
    // Fargate runs one micro-VM per task: tens of tasks against a few nodes, so they get their own axis,
    // left of the nodes' one (issue 17, item 8).
    m_tasksAxis = m_fleetRect->addAxis(QCPAxis::atLeft);
    NumberTicker::install(m_tasksAxis, NumberTicker::Kind::Count);
    NumberTicker::install(m_fleetRect->axis(QCPAxis::atRight)); // vCPU
    QCPAxis *costX = m_costRect->axis(QCPAxis::atBottom);
    QCPAxis *fleetX = m_fleetRect->axis(QCPAxis::atBottom);
    connect(costX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), fleetX,
        qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(fleetX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), costX,
        qOverload<const QCPRange &>(&QCPAxis::setRange));
    rebuild();
}

void TimelineChart::setReport(const models::CostReport &report)
{
    m_report = report;
    rebuild();
}

void TimelineChart::setTheme(const ChartTheme &theme)
{
    m_theme = theme;
    rebuild();
}

void TimelineChart::rebuild()
{
    clearGraphs();
    m_costGraphs.clear();
    m_nodeGraphs.clear();
    m_loadGraph = nullptr;
    m_theme.apply(this);

    QCPAxis *costX = m_costRect->axis(QCPAxis::atBottom);
    QCPAxis *costY = m_costRect->axis(QCPAxis::atLeft);
    QCPAxis *fleetX = m_fleetRect->axis(QCPAxis::atBottom);
    QCPAxis *fleetY = m_fleetRect->axis(QCPAxis::atLeft);
    QCPAxis *loadY = m_fleetRect->axis(QCPAxis::atRight);
    costY->setLabel(tr("USD / hour"));
    fleetY->setLabel(tr("EC2 nodes"));
    m_tasksAxis->setLabel(tr("Fargate tasks (dashed)"));
    loadY->setLabel(tr("load: vCPU requested"));
    fleetX->setLabel(tr("day and time · click a legend entry to hide or show it"));
    costX->setTickLabels(true);

    const int hours = m_report.hours;
    QVector<double> keys(hours);
    for (int h = 0; h < hours; ++h)
        keys[h] = h;

    // The load curve: vCPU the workload requests. Fargate platforms request exactly the tasks' sizes
    // (no daemons per node), so the first Fargate platform gives the cleanest curve.
    const models::PlatformResult *loadSource = nullptr;
    for (const models::PlatformResult &p : m_report.platforms) {
        if (isFargatePlatform(p.id) && !p.series.cpuRequested.isEmpty()) {
            loadSource = &p;
            break;
        }
    }
    if (!loadSource && !m_report.platforms.isEmpty())
        loadSource = &m_report.platforms.constFirst();
    if (loadSource && loadSource->series.cpuRequested.size() >= hours) {
        m_loadPlatform = loadSource->id;
        m_loadGraph = addGraph(fleetX, loadY);
        m_loadGraph->setName(tr("load (vCPU requested)"));
        QColor fill = m_theme.text;
        fill.setAlpha(40);
        m_loadGraph->setPen(QPen(m_theme.axis, 1, Qt::DotLine));
        m_loadGraph->setBrush(fill);
        m_loadGraph->setLineStyle(QCPGraph::lsStepLeft);
        m_loadGraph->setData(keys,
            QVector<double>(loadSource->series.cpuRequested.cbegin(), loadSource->series.cpuRequested.cbegin() + hours),
            true);
    }

    double maxCost = 0;
    double maxNodes = 0;
    double maxTasks = 0;
    for (const models::PlatformResult &p : m_report.platforms) {
        // An infeasible platform's partial figures are no price: no cost or node line for it.
        if (!p.feasible())
            continue;
        const QColor color = platformColor(p.id);
        if (p.series.costUsd.size() >= hours) {
            QCPGraph *cost = addGraph(costX, costY);
            cost->setName(models::displayName(p.id));
            cost->setPen(QPen(color, 1.6));
            cost->setLineStyle(QCPGraph::lsStepLeft);
            cost->setData(keys, QVector<double>(p.series.costUsd.cbegin(), p.series.costUsd.cbegin() + hours), true);
            m_costGraphs.insert(p.id, cost);
            maxCost = std::max(maxCost, rangeOf(p.series.costUsd).max);
        }
        // App Runner counts its provisioned instances (series.tasks), drawn like Fargate's tasks.
        const bool appRunner = p.id == PlatformId::AppRunner;
        const bool fargate = isFargatePlatform(p.id) || appRunner;
        const QList<int> &counts = fargate ? p.series.tasks : p.series.nodes;
        if (counts.size() >= hours) {
            QCPGraph *nodes = addGraph(fleetX, fargate ? m_tasksAxis : fleetY);
            nodes->setName(
                models::displayName(p.id) + (appRunner ? tr(" instances") : (fargate ? tr(" tasks") : tr(" nodes"))));
            // Dashed: one pixel wide (see the constructor: a wider dashed pen is stroked, several times slower).
            nodes->setPen(QPen(color, fargate ? 1.0 : 1.4, fargate ? Qt::DashLine : Qt::SolidLine));
            nodes->setLineStyle(QCPGraph::lsStepLeft);
            QVector<double> values(hours);
            for (int h = 0; h < hours; ++h)
                values[h] = counts.at(h);
            nodes->setData(keys, values, true);
            nodes->removeFromLegend(); // same colour as the platform's cost line
            m_nodeGraphs.insert(p.id, nodes);
            double &top = fargate ? maxTasks : maxNodes;
            top = std::max(top, rangeOf(counts).max);
        }
    }
    for (QCPItemStraightLine *line : { m_costCursor, m_fleetCursor })
        line->setPen(QPen(m_theme.text, 1, Qt::DashLine));
    if (m_loadGraph)
        m_loadGraph->setVisible(!m_loadHidden);
    for (auto it = m_costGraphs.cbegin(); it != m_costGraphs.cend(); ++it)
        it.value()->setVisible(!m_hidden.contains(it.key()));
    for (auto it = m_nodeGraphs.cbegin(); it != m_nodeGraphs.cend(); ++it)
        it.value()->setVisible(!m_hidden.contains(it.key()));
    updateLegendColours();
    if (m_crosshairHour >= hours)
        showCrosshair(-1);
    const double end = std::max(1, hours - 1);
    costX->setRange(0, end);
    fleetX->setRange(0, end);
    costY->setRange(0, maxCost > 0 ? maxCost * 1.1 : 1);
    fleetY->setRange(0, maxNodes > 0 ? maxNodes * 1.1 : 1);
    m_tasksAxis->setRange(0, maxTasks > 0 ? maxTasks * 1.1 : 1);
    // Each count axis only when a platform of its kind is drawn.
    fleetY->setVisible(maxNodes > 0 || maxTasks == 0);
    m_tasksAxis->setVisible(maxTasks > 0);
    const double maxLoad = loadSource ? rangeOf(loadSource->series.cpuRequested).max : 0;
    loadY->setRange(0, maxLoad > 0 ? maxLoad * 1.1 : 1);
    legend->setVisible(!m_report.platforms.isEmpty());
    m_lazy.request(this);
}

QString TimelineChart::textSummary() const
{
    if (m_report.platforms.isEmpty())
        return tr("No platform simulated.");
    QStringList parts;
    for (const models::PlatformResult &p : m_report.platforms) {
        if (!p.feasible()) {
            parts.append(tr("%1: infeasible (%2).").arg(models::displayName(p.id), p.infeasibleSummary()));
            continue;
        }
        const Range cost = rangeOf(p.series.costUsd);
        const bool appRunner = p.id == PlatformId::AppRunner;
        const bool fargate = isFargatePlatform(p.id) || appRunner;
        const Range count = fargate ? rangeOf(p.series.tasks) : rangeOf(p.series.nodes);
        parts.append(tr("%1: %2 to %3 USD per hour (mean %4), %5 to %6 %7.")
                         .arg(models::displayName(p.id), formatUsdAmount(cost.min), formatUsdAmount(cost.max),
                             formatUsdAmount(cost.mean))
                         .arg(count.min, 0, 'f', 0)
                         .arg(count.max, 0, 'f', 0)
                         .arg(appRunner ? tr("instances") : (fargate ? tr("tasks") : tr("nodes"))));
    }
    if (m_loadGraph) {
        const Range load = rangeOf(m_report.platform(m_loadPlatform)->series.cpuRequested);
        parts.append(tr("Load: %1 to %2 vCPU requested over %3 hours.")
                         .arg(load.min, 0, 'f', 2)
                         .arg(load.max, 0, 'f', 2)
                         .arg(m_report.hours));
    }
    return parts.join(u' ');
}

void TimelineChart::showEvent(QShowEvent *event)
{
    QCustomPlot::showEvent(event);
    m_lazy.shown(this);
}

void TimelineChart::setPlatformVisible(PlatformId id, bool visible)
{
    if (visible)
        m_hidden.remove(id);
    else
        m_hidden.insert(id);
    if (QCPGraph *g = m_costGraphs.value(id))
        g->setVisible(visible);
    if (QCPGraph *g = m_nodeGraphs.value(id))
        g->setVisible(visible);
    updateLegendColours();
    m_lazy.request(this);
}

void TimelineChart::toggleLegendItem(QCPAbstractLegendItem *item)
{
    auto *entry = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!entry)
        return;
    if (entry->plottable() == m_loadGraph) {
        m_loadHidden = !m_loadHidden;
        m_loadGraph->setVisible(!m_loadHidden);
        updateLegendColours();
        m_lazy.request(this);
        return;
    }
    for (auto it = m_costGraphs.cbegin(); it != m_costGraphs.cend(); ++it) {
        if (it.value() == entry->plottable()) {
            setPlatformVisible(it.key(), !isPlatformVisible(it.key()));
            return;
        }
    }
}

void TimelineChart::updateLegendColours()
{
    // A hidden line's legend entry greys (its text and icon), so the legend says what the chart shows.
    QColor grey = m_theme.text;
    grey.setAlpha(90);
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto *entry = qobject_cast<QCPPlottableLegendItem *>(legend->item(i));
        if (entry)
            entry->setTextColor(entry->plottable()->visible() ? m_theme.text : grey);
    }
}

QString TimelineChart::hoverText(int hour) const
{
    if (hour < 0 || hour >= m_report.hours)
        return {};
    QStringList lines { periodHourText(hour) };
    for (const models::PlatformResult &p : m_report.platforms) {
        if (!p.feasible() || m_hidden.contains(p.id))
            continue;
        const bool appRunner = p.id == PlatformId::AppRunner;
        const bool fargate = isFargatePlatform(p.id) || appRunner;
        const QList<int> &counts = fargate ? p.series.tasks : p.series.nodes;
        QString line = models::displayName(p.id) + QStringLiteral(": ");
        if (hour < p.series.costUsd.size())
            line += models::formatNumber(p.series.costUsd.at(hour), 4) + QStringLiteral(" USD/h");
        if (appRunner && hour < counts.size() && hour < p.series.idleInstances.size())
            line += tr(" · %1 instances (%2 active, %3 idle)")
                        .arg(counts.at(hour))
                        .arg(counts.at(hour) - p.series.idleInstances.at(hour))
                        .arg(p.series.idleInstances.at(hour));
        else if (hour < counts.size())
            line += QStringLiteral(" · ") + FleetView::countText(counts.at(hour), fargate);
        lines << line;
    }
    if (m_loadGraph && !m_loadHidden) {
        const models::PlatformResult *load = m_report.platform(m_loadPlatform);
        if (load && hour < load->series.cpuRequested.size())
            lines << tr("load: %1 vCPU requested").arg(models::formatNumber(load->series.cpuRequested.at(hour), 2));
    }
    return lines.join(u'\n');
}

void TimelineChart::showCrosshair(int hour)
{
    m_crosshairHour = hour >= 0 && hour < m_report.hours ? hour : -1;
    for (QCPItemStraightLine *line : { m_costCursor, m_fleetCursor }) {
        line->setVisible(m_crosshairHour >= 0);
        line->point1->setCoords(m_crosshairHour, 0);
        line->point2->setCoords(m_crosshairHour, 1);
    }
    m_lazy.request(this);
}

void TimelineChart::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    if (!m_costRect->rect().contains(pos) && !m_fleetRect->rect().contains(pos)) {
        if (m_crosshairHour >= 0) {
            showCrosshair(-1);
            QToolTip::hideText();
        }
        return;
    }
    // Step lines hold hour h's value from h to h + 1: the hour under the mouse is the whole part.
    const int hour = int(std::floor(m_costRect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x())));
    if (hour != m_crosshairHour)
        showCrosshair(hour);
    const QString tip = hoverText(m_crosshairHour);
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
}

void TimelineChart::leaveEvent(QEvent *event)
{
    QCustomPlot::leaveEvent(event);
    showCrosshair(-1);
}

} // namespace fleetplan::views
