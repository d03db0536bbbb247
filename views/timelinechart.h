// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <qcustomplot.h>

#include "models/simulation/costreport.h"
#include "views/charttheme.h"
#include "views/lazyreplot.h"

namespace fleetplan::views {

/// The billing period hour by hour, in two panels sharing the time axis: above, the cost per hour of
/// each platform; below, the nodes each platform runs (EC2 nodes; on Fargate platforms every task is
/// its own micro-VM, so tasks are shown) with the load curve (vCPU requested) on a second axis.
/// The time axis reads as weekday, day and time of day (hour 0 is Monday 00:00). Drag pans and the
/// wheel zooms the time axis of both panels together; hovering shows a crosshair and each platform's
/// figures at that hour; clicking a legend entry hides or shows that platform (or the load curve).
class TimelineChart : public QCustomPlot
{
    Q_OBJECT

public:
    explicit TimelineChart(QWidget *parent = nullptr);

    /// Shows `report` and resets the time axis to the whole period. Replots queued.
    void setReport(const models::CostReport &report);
    void setTheme(const ChartTheme &theme);
    ChartTheme theme() const { return m_theme; }

    /// Range and means per platform for screen readers and the text beside the chart.
    QString textSummary() const;

    /// Hides or shows a platform's cost and node lines (kept across reports); its legend entry greys.
    void setPlatformVisible(models::PlatformId id, bool visible);
    bool isPlatformVisible(models::PlatformId id) const { return !m_hidden.contains(id); }
    /// What hovering hour `hour` shows: "Tue 14:00, day 2", then each shown platform's cost and nodes
    /// (Fargate: tasks), then the load.
    QString hoverText(int hour) const;
    /// Puts the crosshair on `hour` (-1 hides it).
    void showCrosshair(int hour);
    /// The hour under the crosshair, -1 when hidden.
    int crosshairHour() const { return m_crosshairHour; }

    /// Cost per hour graph of a platform (nullptr when the platform is not in the report).
    QCPGraph *costGraph(models::PlatformId id) const { return m_costGraphs.value(id); }
    /// Nodes (or Fargate tasks) per hour graph of a platform.
    QCPGraph *nodeGraph(models::PlatformId id) const { return m_nodeGraphs.value(id); }
    /// The load curve: vCPU requested per hour (nullptr when the report is empty).
    QCPGraph *loadGraph() const { return m_loadGraph; }
    /// The platform whose requested vCPU is drawn as the load curve.
    models::PlatformId loadPlatform() const { return m_loadPlatform; }

    QCPAxisRect *costRect() const { return m_costRect; }
    QCPAxisRect *fleetRect() const { return m_fleetRect; }
    /// The lower panel's axis of Fargate tasks (EC2 nodes are on the panel's left axis).
    QCPAxis *tasksAxis() const { return m_tasksAxis; }

    /// Replots drawn since construction (a hidden chart draws nothing; it catches up when shown).
    int replotCount() const { return m_lazy.count(); }

protected:
    void showEvent(QShowEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void rebuild();
    void toggleLegendItem(QCPAbstractLegendItem *item);
    void updateLegendColours();

    models::CostReport m_report;
    LazyReplot m_lazy;
    ChartTheme m_theme;
    QCPAxisRect *m_costRect = nullptr;
    QCPAxisRect *m_fleetRect = nullptr;
    QCPAxis *m_tasksAxis = nullptr;
    QHash<models::PlatformId, QCPGraph *> m_costGraphs;
    QHash<models::PlatformId, QCPGraph *> m_nodeGraphs;
    QCPGraph *m_loadGraph = nullptr;
    models::PlatformId m_loadPlatform = models::PlatformId::EcsFargate;
    QSet<models::PlatformId> m_hidden;
    bool m_loadHidden = false;
    QCPItemStraightLine *m_costCursor = nullptr;
    QCPItemStraightLine *m_fleetCursor = nullptr;
    int m_crosshairHour = -1;
};

/// true for ECS Fargate, ECS Fargate Spot and EKS Fargate (no EC2 nodes: each task is its own VM).
bool isFargatePlatform(models::PlatformId id);

} // namespace fleetplan::views
