// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemView;
class QAction;
class QCustomPlot;
class QTableView;
class QWidget;

/// What every table and chart of the window offers, as in KDE applications and LibreOffice: copy a table
/// as tab-separated text (Ctrl+C, pasted as cells into a spreadsheet), and export a chart as PNG, SVG or
/// PDF from its context menu ("Export chart…").
namespace fleetplan::views {

/// The selected rows of `view` (all rows when nothing is selected) as tab-separated text: the header
/// line first, one line per row, the display text of each visible column.
QString tableAsTabSeparated(const QAbstractItemView *view);

/// Adds a Copy action (QKeySequence::Copy, active while the table has focus, also in its context menu)
/// that puts tableAsTabSeparated() on the clipboard. Returns the action.
QAction *addCopyAction(QTableView *table);

/// Writes the chart to `path`, the format from its suffix: .png (at the chart's size), .svg (vector,
/// QSvgGenerator) or .pdf (vector). Returns false with `error` set when it cannot.
bool exportChart(QCustomPlot *chart, const QString &path, QString *error = nullptr);

/// Gives the chart a context menu with "Export chart…" (a save dialog, then exportChart()). Returns the
/// action.
QAction *addChartExportAction(QCustomPlot *chart, const QString &baseName);

/// Writes a widget that is not a QCustomPlot (the fleet view) as it is drawn: .png (at its size) or .svg
/// (its paint commands, vector where the widget paints vectors). false with `error` set when it cannot.
bool exportWidget(QWidget *widget, const QString &path, QString *error = nullptr);

/// Gives the widget a context menu with "Export image…" (a save dialog, then exportWidget()).
QAction *addWidgetExportAction(QWidget *widget, const QString &baseName);

} // namespace fleetplan::views
