// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charttheme.h"
#include "views/costvsloadchart.h"
#include "views/numberticker.h"

#include <algorithm>
#include <limits>

#include <QShowEvent>

#include "views/theme.h"

namespace fleetplan::views {

using models::PlatformId;

namespace {

/// More labelled break-evens than this would cover the lines: only the markers are drawn then.
constexpr int MaxBreakEvenLabels = 8;

/// The total of `platform` at the computed point of load `load` (NaN when there is none or it is infeasible).
double costAt(const models::LoadSweep &sweep, PlatformId platform, double load)
{
    for (const models::SweepPoint &p : sweep.points) {
        if (p.load != load)
            continue;
        const models::SweepCost *c = p.cost(platform);
        return c && c->feasible ? c->totalUsd : std::numeric_limits<double>::quiet_NaN();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

CostVsLoadChart::CostVsLoadChart(QWidget *parent)
    : QCustomPlot(parent)
    , m_theme(ChartTheme::forWindowColor(palette().window().color()))
{
    setAccessibleName(tr("Cost versus load chart"));
    setAccessibleDescription(
        tr("The total of each platform at a range of load multipliers, with the break-even points marked"));
    setMinimumSize(320, 240);
    placeLegendBelow(this);
    rebuild();
}

void CostVsLoadChart::setSweep(const models::LoadSweep &sweep)
{
    m_sweep = sweep;
    rebuild();
}

void CostVsLoadChart::setCurrentLoad(double load)
{
    m_currentLoad = load;
    rebuild();
}

void CostVsLoadChart::setTheme(const ChartTheme &theme)
{
    m_theme = theme;
    rebuild();
}

QString CostVsLoadChart::textSummary() const
{
    const QStringList lines = m_sweep.summaryLines();
    if (lines.isEmpty())
        return m_sweep.points.isEmpty() ? tr("No load swept.") : tr("No break-even in the loads swept.");
    return lines.join(QStringLiteral(". ")) + u'.';
}

void CostVsLoadChart::showEvent(QShowEvent *event)
{
    QCustomPlot::showEvent(event);
    m_lazy.shown(this);
}

void CostVsLoadChart::rebuild()
{
    clearGraphs();
    clearItems();
    m_graphs.clear();
    m_breakEvens = nullptr;
    m_currentLine = nullptr;
    m_infeasibleAreas.clear();
    m_theme.apply(this);

    const QString unit = m_sweep.periodUnit;
    xAxis->setLabel(tr("load multiplier (× the scenario's load)"));
    yAxis->setLabel(tr("USD / %1").arg(unit));
    NumberTicker::install(yAxis); // "12,000"

    double maxCost = 0;
    for (PlatformId id : std::as_const(m_sweep.platforms)) {
        QVector<double> keys;
        QVector<double> values;
        for (const models::SweepPoint &p : std::as_const(m_sweep.points)) {
            const models::SweepCost *c = p.computed ? p.cost(id) : nullptr;
            if (!c)
                continue; // not computed yet: the line joins the computed neighbours
            keys.append(p.load);
            // NaN breaks the line: an infeasible platform has no price at that load.
            values.append(c->feasible ? c->totalUsd : std::numeric_limits<double>::quiet_NaN());
            if (c->feasible)
                maxCost = std::max(maxCost, c->totalUsd);
        }
        QCPGraph *graph = addGraph();
        graph->setName(models::displayName(id));
        graph->setPen(QPen(platformColor(id), 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, platformColor(id), 4));
        graph->setData(keys, values, true);
        m_graphs.insert(id, graph);
    }

    const models::LoadRange &range = m_sweep.range;
    const double half = range.step / 2;
    const double left = m_sweep.points.isEmpty() ? 0 : m_sweep.points.constFirst().load - half;
    const double right = m_sweep.points.isEmpty() ? 1 : m_sweep.points.constLast().load + half;
    xAxis->setRange(left, right);
    yAxis->setRange(0, maxCost > 0 ? maxCost * 1.12 : 1);

    // Infeasible ranges: the platform's colour, faint, over the loads it cannot run (half a step either side).
    for (const models::InfeasibleRange &r : std::as_const(m_sweep.infeasibleRanges)) {
        auto *area = new QCPItemRect(this);
        QColor fill = platformColor(r.platform);
        fill.setAlpha(45);
        area->setBrush(fill);
        area->setPen(Qt::NoPen);
        area->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        area->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        area->topLeft->setCoords(r.from - half, 0);
        area->bottomRight->setCoords(r.to + half, 1);
        area->setLayer(QStringLiteral("grid"));
        m_infeasibleAreas.append(area);
        auto *label = new QCPItemText(this);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords((r.from + r.to) / 2, 0.02 + 0.06 * double(m_infeasibleAreas.size() - 1));
        label->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
        label->setText(tr("%1: cannot run").arg(models::displayName(r.platform)));
        label->setFont(m_theme.font);
        label->setColor(m_theme.text);
    }

    // Break-evens: a diamond where the two lines cross (on the interpolated line of either), the load beside it.
    if (!m_sweep.breakEvens.isEmpty()) {
        QVector<double> keys;
        QVector<double> values;
        for (const models::BreakEven &b : std::as_const(m_sweep.breakEvens)) {
            const double lower = costAt(m_sweep, b.cheaperAbove, b.lowerLoad);
            const double upper = costAt(m_sweep, b.cheaperAbove, b.upperLoad);
            const double t = b.upperLoad > b.lowerLoad ? (b.load - b.lowerLoad) / (b.upperLoad - b.lowerLoad) : 0;
            keys.append(b.load);
            values.append(lower + (upper - lower) * t);
        }
        m_breakEvens = addGraph();
        m_breakEvens->setName(tr("break-even"));
        m_breakEvens->setLineStyle(QCPGraph::lsNone);
        m_breakEvens->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(m_theme.text, 1.5), QBrush(m_theme.background), 10));
        m_breakEvens->setData(keys, values, false);
        if (keys.size() <= MaxBreakEvenLabels) {
            // Neighbouring crossings (closer than 8 % of the axis) alternate above and below their markers.
            double lastKey = -1e300;
            bool below = false;
            for (qsizetype i = 0; i < keys.size(); ++i) {
                below = keys.at(i) - lastKey < 0.08 * (right - left) ? !below : false;
                lastKey = keys.at(i);
                auto *label = new QCPItemText(this);
                label->position->setCoords(keys.at(i), values.at(i));
                label->setPositionAlignment((below ? Qt::AlignTop : Qt::AlignBottom) | Qt::AlignHCenter);
                label->setPadding(below ? QMargins(0, 8, 0, 0) : QMargins(0, 0, 0, 8));
                label->setText(models::formatLoad(keys.at(i)));
                label->setFont(m_theme.font);
                label->setColor(m_theme.text);
            }
        }
    }

    if (m_currentLoad > 0 && !m_sweep.points.isEmpty()) {
        m_currentLine = new QCPItemStraightLine(this);
        m_currentLine->point1->setCoords(m_currentLoad, 0);
        m_currentLine->point2->setCoords(m_currentLoad, 1);
        m_currentLine->setPen(QPen(m_theme.axis, 1.2, Qt::DashLine));
        auto *label = new QCPItemText(this);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(m_currentLoad, 0.0);
        label->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
        label->setPadding(QMargins(4, 2, 0, 0));
        label->setText(tr("what-if %1").arg(models::formatLoad(m_currentLoad)));
        label->setFont(m_theme.font);
        label->setColor(m_theme.text);
    }
    m_lazy.request(this);
}

} // namespace fleetplan::views
