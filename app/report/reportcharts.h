// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QByteArray>
#include <QSize>
#include <QSizeF>
#include <QString>

#include "models/simulation/costreport.h"
#include "models/simulation/loadsweep.h"
#include "models/simulation/sensitivity.h"

class QCPPainter;

namespace fleetplan::views {
class ComparisonChart;
class CostVsLoadChart;
class SensitivityChart;
class TimelineChart;
} // namespace fleetplan::views

namespace fleetplan::app {

/// The GUI's comparison and timeline charts, set up once for a report in the light theme and drawn as
/// vectors: into a PDF through QCPPainter, or into an SVG for HTML. Needs a QApplication (the
/// `report` command runs one on the offscreen platform); never shown on screen.
class ReportCharts
{
public:
    /// `sweep` (may be null) adds the cost vs load chart, its what-if line at the report's load;
    /// `sensitivity` (may be null) the sensitivity tornado.
    explicit ReportCharts(const models::CostReport &report, const models::LoadSweep *sweep = nullptr,
        const models::Sensitivity *sensitivity = nullptr);
    ~ReportCharts();
    ReportCharts(const ReportCharts &) = delete;
    ReportCharts &operator=(const ReportCharts &) = delete;

    /// true when a QApplication runs (widgets can be created).
    static bool available();

    /// Draws the chart with its top left at the painter's origin, `size` in device pixels.
    void paintComparison(QCPPainter *painter, const QSizeF &size) const;
    void paintTimeline(QCPPainter *painter, const QSizeF &size) const;
    void paintCostVsLoad(QCPPainter *painter, const QSizeF &size) const; ///< nothing without a sweep
    void paintSensitivity(QCPPainter *painter, const QSizeF &size) const; ///< nothing without an analysis
    /// The chart as an SVG document (text kept as text), `size` in pixels at 96 dpi.
    QByteArray comparisonSvg(const QSize &size) const;
    QByteArray timelineSvg(const QSize &size) const;
    QByteArray costVsLoadSvg(const QSize &size) const; ///< empty without a sweep
    QByteArray sensitivitySvg(const QSize &size) const; ///< empty without an analysis

    /// The charts' text summaries (captions, accessibility).
    QString comparisonSummary() const;
    QString timelineSummary() const;
    QString costVsLoadSummary() const;
    QString sensitivitySummary() const;

    views::ComparisonChart *comparison() const { return m_comparison.get(); }
    views::TimelineChart *timeline() const { return m_timeline.get(); }
    views::CostVsLoadChart *costVsLoad() const { return m_costVsLoad.get(); } ///< nullptr without a sweep

private:
    std::unique_ptr<views::ComparisonChart> m_comparison;
    std::unique_ptr<views::TimelineChart> m_timeline;
    std::unique_ptr<views::CostVsLoadChart> m_costVsLoad;
    std::unique_ptr<views::SensitivityChart> m_sensitivity;
};

} // namespace fleetplan::app
