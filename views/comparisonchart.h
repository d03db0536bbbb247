// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <qcustomplot.h>

#include "models/simulation/costreport.h"
#include "views/charttheme.h"
#include "views/lazyreplot.h"

namespace fleetplan::views {

/// Stacked bars, one per simulated platform, split by cost component, with the total printed above
/// each bar and the cheapest platform marked ("★ cheapest", bold). Hovering a segment shows a tooltip
/// naming platform, component and amount. Used by the main window and, drawn through toPainter(), by
/// the PDF and HTML reports.
class ComparisonChart : public QCustomPlot
{
    Q_OBJECT

public:
    explicit ComparisonChart(QWidget *parent = nullptr);

    /// Shows `report` (replaces what was shown). Replots queued.
    void setReport(const models::CostReport &report);
    /// Restyles for a light or dark window. Replots queued.
    void setTheme(const ChartTheme &theme);
    ChartTheme theme() const { return m_theme; }

    /// One sentence per platform, cheapest first, for screen readers and the text beside the chart:
    /// "ECS Fargate Spot: 1,234.56 USD per month (cheapest). ECS on EC2: ...".
    QString textSummary() const;

    /// The tooltip for a point in widget coordinates: "EKS managed nodes — Compute (On-Demand): 123.45 USD",
    /// or an empty string when the point is on no bar segment.
    QString tooltipAt(const QPointF &pos) const;

    /// The stacked bars, one QCPBars per component present in the report (bottom first).
    const QList<QCPBars *> &componentBars() const { return m_bars; }
    /// The components in the order of componentBars().
    const QList<models::ComponentId> &components() const { return m_components; }
    /// The platforms in bar order (bar i sits at key i + 1).
    const QList<models::PlatformId> &platforms() const { return m_platforms; }
    /// The label printed above bar i.
    QString totalLabel(int bar) const;
    /// Index of the cheapest platform's bar, -1 when the report is empty.
    int cheapestIndex() const { return m_cheapest; }

    /// Replots drawn since construction (a hidden chart draws nothing; it catches up when shown).
    int replotCount() const { return m_lazy.count(); }

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();

    models::CostReport m_report;
    LazyReplot m_lazy;
    ChartTheme m_theme;
    QList<QCPBars *> m_bars;
    QList<models::ComponentId> m_components;
    QList<models::PlatformId> m_platforms;
    QList<QCPItemText *> m_totalLabels;
    int m_cheapest = -1;
    QList<int> m_cheapestBars; ///< every bar at the cheapest total (more than one: a tie)
};

/// "12,345.67": models::formatNumber(usd, 2), exactly as `fleetplan compare` prints figures.
QString formatUsdAmount(double usd);
/// "12,346 USD" rounded to whole dollars, for bar labels.
QString formatUsdShort(double usd);

} // namespace fleetplan::views
