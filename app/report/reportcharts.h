// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QByteArray>
#include <QSize>
#include <QSizeF>
#include <QString>

#include "models/simulation/costreport.h"

class QCPPainter;

namespace fleetplan::views {
class ComparisonChart;
class TimelineChart;
} // namespace fleetplan::views

namespace fleetplan::app {

/// The GUI's comparison and timeline charts, set up once for a report in the light theme and drawn as
/// vectors: into a PDF through QCPPainter, or into an SVG for HTML. Needs a QApplication (the
/// `report` command runs one on the offscreen platform); never shown on screen.
class ReportCharts
{
public:
    explicit ReportCharts(const models::CostReport &report);
    ~ReportCharts();
    ReportCharts(const ReportCharts &) = delete;
    ReportCharts &operator=(const ReportCharts &) = delete;

    /// true when a QApplication runs (widgets can be created).
    static bool available();

    /// Draws the chart with its top left at the painter's origin, `size` in device pixels.
    void paintComparison(QCPPainter *painter, const QSizeF &size) const;
    void paintTimeline(QCPPainter *painter, const QSizeF &size) const;
    /// The chart as an SVG document (text kept as text), `size` in pixels at 96 dpi.
    QByteArray comparisonSvg(const QSize &size) const;
    QByteArray timelineSvg(const QSize &size) const;

    /// The charts' text summaries (captions, accessibility).
    QString comparisonSummary() const;
    QString timelineSummary() const;

    views::ComparisonChart *comparison() const { return m_comparison.get(); }
    views::TimelineChart *timeline() const { return m_timeline.get(); }

private:
    std::unique_ptr<views::ComparisonChart> m_comparison;
    std::unique_ptr<views::TimelineChart> m_timeline;
};

} // namespace fleetplan::app
