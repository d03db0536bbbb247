// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>

#include "models/simulation/costreport.h"

class QCustomPlot;
class QCPAxis;
class QCPLegend;

namespace fleetplan::views {

/// Colours and fonts of a chart. QCustomPlot ignores QPalette, so every chart applies one of these
/// itself: backgrounds, axes, tick labels, grids and legend.
struct ChartTheme
{
    QColor background;
    QColor text;
    QColor axis;
    QColor grid;
    QColor subGrid;
    QColor legendBackground;
    QColor legendBorder;
    QFont font; ///< tick labels, legend
    QFont labelFont; ///< axis labels, totals

    /// Dark text on white: the GUI's light theme and every report.
    static ChartTheme light();
    /// Light text on a dark grey background.
    static ChartTheme dark();
    /// light() or dark(), whichever suits a widget palette whose window colour is `window`.
    static ChartTheme forWindowColor(const QColor &window);

    /// Applies background and legend colours to the plot, and styleAxis() to its four default axes.
    void apply(QCustomPlot *plot) const;
    void styleAxis(QCPAxis *target) const;
    void styleLegend(QCPLegend *legend) const;
};

/// Moves the plot's legend out of its axis rect into row `row` of the plot layout, below the charts, three
/// entries to a line, column by column: it never hides a bar or a line and takes only the height it needs.
void placeLegendBelow(QCustomPlot *plot, int row = 1);

/// A fixed colour per cost component (the same in every chart and report), distinct from each other.
QColor componentColor(models::ComponentId id);

} // namespace fleetplan::views
