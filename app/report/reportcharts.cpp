// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportcharts.h"

#include <QApplication>
#include <QBuffer>
#include <QSvgGenerator>

#include "views/comparisonchart.h"
#include "views/costvsloadchart.h"
#include "views/sensitivitychart.h"
#include "views/timelinechart.h"

namespace fleetplan::app {

namespace {

void paintPlot(QCustomPlot *plot, QCPPainter *painter, const QSizeF &size)
{
    const QCPPainter::PainterModes modes = painter->modes();
    painter->setMode(QCPPainter::pmVectorized);
    plot->toPainter(painter, int(size.width()), int(size.height()));
    painter->setModes(modes);
}

QByteArray svgOf(QCustomPlot *plot, const QSize &size)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(96);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(plot->accessibleName());
    generator.setDescription(plot->accessibleDescription());
    QCPPainter painter;
    if (!painter.begin(&generator))
        return {};
    painter.setMode(QCPPainter::pmVectorized);
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return buffer.data();
}

} // namespace

bool ReportCharts::available()
{
    return qobject_cast<QApplication *>(QCoreApplication::instance()) != nullptr;
}

ReportCharts::ReportCharts(
    const models::CostReport &report, const models::LoadSweep *sweep, const models::Sensitivity *sensitivity)
    : m_comparison(std::make_unique<views::ComparisonChart>())
    , m_timeline(std::make_unique<views::TimelineChart>())
{
    // Reports are printed on white whatever the desktop theme is.
    m_comparison->setTheme(views::ChartTheme::light());
    m_timeline->setTheme(views::ChartTheme::light());
    m_comparison->setReport(report);
    m_timeline->setReport(report);
    if (sweep) {
        m_costVsLoad = std::make_unique<views::CostVsLoadChart>();
        m_costVsLoad->setTheme(views::ChartTheme::light());
        m_costVsLoad->setCurrentLoad(report.whatIf.loadMultiplier);
        m_costVsLoad->setSweep(*sweep);
    }
    if (sensitivity) {
        m_sensitivity = std::make_unique<views::SensitivityChart>();
        m_sensitivity->setTheme(views::ChartTheme::light());
        m_sensitivity->setSensitivity(*sensitivity);
    }
}

ReportCharts::~ReportCharts() = default;

void ReportCharts::paintComparison(QCPPainter *painter, const QSizeF &size) const
{
    paintPlot(m_comparison.get(), painter, size);
}

void ReportCharts::paintTimeline(QCPPainter *painter, const QSizeF &size) const
{
    paintPlot(m_timeline.get(), painter, size);
}

void ReportCharts::paintCostVsLoad(QCPPainter *painter, const QSizeF &size) const
{
    if (m_costVsLoad)
        paintPlot(m_costVsLoad.get(), painter, size);
}

QByteArray ReportCharts::costVsLoadSvg(const QSize &size) const
{
    return m_costVsLoad ? svgOf(m_costVsLoad.get(), size) : QByteArray();
}

void ReportCharts::paintSensitivity(QCPPainter *painter, const QSizeF &size) const
{
    if (m_sensitivity)
        paintPlot(m_sensitivity.get(), painter, size);
}

QByteArray ReportCharts::sensitivitySvg(const QSize &size) const
{
    return m_sensitivity ? svgOf(m_sensitivity.get(), size) : QByteArray();
}

QString ReportCharts::sensitivitySummary() const
{
    return m_sensitivity ? m_sensitivity->textSummary() : QString();
}

QString ReportCharts::costVsLoadSummary() const
{
    return m_costVsLoad ? m_costVsLoad->textSummary() : QString();
}

QString ReportCharts::comparisonSummary() const
{
    return m_comparison->textSummary();
}

QString ReportCharts::timelineSummary() const
{
    return m_timeline->textSummary();
}

QByteArray ReportCharts::comparisonSvg(const QSize &size) const
{
    return svgOf(m_comparison.get(), size);
}

QByteArray ReportCharts::timelineSvg(const QSize &size) const
{
    return svgOf(m_timeline.get(), size);
}

} // namespace fleetplan::app
