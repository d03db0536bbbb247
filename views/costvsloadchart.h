// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <qcustomplot.h>

#include "models/simulation/loadsweep.h"
#include "views/charttheme.h"
#include "views/lazyreplot.h"

namespace fleetplan::views {

/// Cost versus load (models/simulation/loadsweep.h): one line per platform, its total over the billing
/// period at each load multiplier swept; the break-even points marked (a diamond on the crossing, its
/// load written beside it); loads where a platform cannot run shaded in the platform's colour and the line
/// broken there; a vertical line at the what-if's current load. Points not computed yet (a coarse sweep)
/// are left out and the line joins the computed ones. Used by the main window's Cost vs load page and,
/// drawn through toPainter(), by the PDF and HTML reports.
class CostVsLoadChart : public QCustomPlot
{
    Q_OBJECT

public:
    explicit CostVsLoadChart(QWidget *parent = nullptr);

    /// Shows `sweep` (replaces what was shown). Replots queued.
    void setSweep(const models::LoadSweep &sweep);
    const models::LoadSweep &sweep() const { return m_sweep; }
    /// The load of the what-if (the vertical line); a value ≤ 0 hides the line. Replots queued.
    void setCurrentLoad(double load);
    double currentLoad() const { return m_currentLoad; }
    void setTheme(const ChartTheme &theme);
    ChartTheme theme() const { return m_theme; }

    /// The break-evens and infeasible ranges in words, one sentence each, for screen readers and the text
    /// under the chart (LoadSweep::summaryLines()).
    QString textSummary() const;

    /// The line of a platform (nullptr when the platform was not swept).
    QCPGraph *platformGraph(models::PlatformId id) const { return m_graphs.value(id); }
    /// The break-even markers (one data point per break-even; nullptr when there is none).
    QCPGraph *breakEvenGraph() const { return m_breakEvens; }
    /// The what-if line (nullptr when hidden).
    QCPItemStraightLine *currentLoadLine() const { return m_currentLine; }
    /// One shaded rectangle per infeasible range.
    const QList<QCPItemRect *> &infeasibleAreas() const { return m_infeasibleAreas; }

    /// Replots drawn since construction (a hidden chart draws nothing; it catches up when shown).
    int replotCount() const { return m_lazy.count(); }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();

    models::LoadSweep m_sweep;
    double m_currentLoad = 1.0;
    LazyReplot m_lazy;
    ChartTheme m_theme;
    QHash<models::PlatformId, QCPGraph *> m_graphs;
    QCPGraph *m_breakEvens = nullptr;
    QCPItemStraightLine *m_currentLine = nullptr;
    QList<QCPItemRect *> m_infeasibleAreas;
};

} // namespace fleetplan::views
