// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportwriter.h"

#include <cstdio>

#include <QFile>
#include <QFileInfo>
#include <QPrinter>

#include "app/report/reportcharts.h"
#include "app/report/reportcontent.h"
#include "app/report/reportformats.h"
#include "models/atomicwrite.h"
#include "models/simulation/costreportjson.h"

namespace fleetplan::app {

namespace {

QString full(double value)
{
    return QString::number(value, 'g', 17);
}

ReportContent contentFor(const models::CostReport &report, const models::Scenario &scenario,
    std::shared_ptr<const pricing::Catalog> catalog, const models::LoadSweep *sweep = nullptr,
    const models::Sensitivity *sensitivity = nullptr, const std::optional<ReportBaseline> &baseline = std::nullopt,
    const QStringList &notes = {})
{
    if (!catalog)
        catalog = pricing::Catalog::bundled();
    ReportContent content
        = buildReportContent(report, scenario, catalog->datasets(), catalog->builtAt(), sweep, sensitivity);
    if (baseline)
        content.baseline = baselineSection(baseline->label, baseline->report, baseline->scenario, report, scenario);
    content.warnings += notes;
    return content;
}

/// The scenario swept over the report's load range with the report's what-if and platforms.
std::optional<models::LoadSweep> sweepFor(
    const models::CostReport &report, const models::Scenario &scenario, const ReportOptions &options)
{
    if (!options.costVsLoad || report.platforms.isEmpty() || !options.costVsLoadRange.problem().isEmpty())
        return std::nullopt;
    const std::shared_ptr<const pricing::Catalog> catalog
        = options.catalog ? options.catalog : pricing::Catalog::bundled();
    models::LoadSweepOptions sweep;
    sweep.range = options.costVsLoadRange;
    sweep.fast = options.costVsLoadFast;
    sweep.whatIf = report.whatIf;
    for (const models::PlatformResult &p : report.platforms)
        sweep.platforms.append(p.id);
    return models::sweepLoad(scenario, *catalog, sweep);
}

/// The sensitivity of the report's ranking at its what-if, on the platforms it priced.
std::optional<models::Sensitivity> sensitivityFor(
    const models::CostReport &report, const models::Scenario &scenario, const ReportOptions &options)
{
    if (!options.sensitivity || report.platforms.isEmpty())
        return std::nullopt;
    const std::shared_ptr<const pricing::Catalog> catalog
        = options.catalog ? options.catalog : pricing::Catalog::bundled();
    models::Scenario priced = scenario;
    for (int i = 0; i < models::PlatformCount; ++i) {
        const auto id = models::PlatformId(i);
        priced.platform(id).enabled = report.platform(id) != nullptr;
    }
    models::SensitivityOptions analysis;
    analysis.whatIf = report.whatIf;
    analysis.fast = options.sensitivityFast;
    return models::analyseSensitivity(priced, *catalog, analysis);
}

/// Writes bytes to a file atomically, or to standard output for "-".
bool writeBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QString reason;
    if (models::writeFileAtomically(path, bytes, &reason))
        return true;
    if (error)
        *error = path == u"-" ? QStringLiteral("cannot write to standard output: %1").arg(reason)
                              : QStringLiteral("%1: cannot write: %2").arg(path, reason);
    return false;
}

/// The drawn report (PDF, HTML, print): its content and charts, with the load sweep and sensitivity both
/// read, handed to `use` while they live.
template <typename Use>
auto withContentAndCharts(
    const models::CostReport &report, const models::Scenario &scenario, const ReportOptions &options, Use use)
{
    const std::optional<models::LoadSweep> sweep = sweepFor(report, scenario, options);
    const models::LoadSweep *swept = sweep ? &*sweep : nullptr;
    const std::optional<models::Sensitivity> sensitivity = sensitivityFor(report, scenario, options);
    const models::Sensitivity *analysed = sensitivity ? &*sensitivity : nullptr;
    const ReportContent content
        = contentFor(report, scenario, options.catalog, swept, analysed, options.baseline, options.notes);
    const ReportCharts charts(report, swept, analysed);
    return use(content, charts);
}

} // namespace

QString toId(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    case ReportFormat::Html:
        return QStringLiteral("html");
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::Json:
        return QStringLiteral("json");
    case ReportFormat::Markdown:
        return QStringLiteral("md");
    }
    return {};
}

std::optional<ReportFormat> reportFormatFromId(const QString &id)
{
    const QString lower = id.toLower();
    if (lower == u"pdf")
        return ReportFormat::Pdf;
    if (lower == u"html" || lower == u"htm")
        return ReportFormat::Html;
    if (lower == u"csv")
        return ReportFormat::Csv;
    if (lower == u"json")
        return ReportFormat::Json;
    if (lower == u"md" || lower == u"markdown")
        return ReportFormat::Markdown;
    return std::nullopt;
}

std::optional<ReportFormat> reportFormatFromPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.isEmpty())
        return std::nullopt;
    return reportFormatFromId(suffix);
}

QByteArray reportCsv(const models::CostReport &report)
{
    QString text = QStringLiteral("platform,component,usd\n");
    for (const models::PlatformResult &p : report.platforms) {
        for (const models::CostComponent &c : p.components)
            text += QStringLiteral("%1,%2,%3\n").arg(models::toId(p.id), models::toId(c.id), full(c.usd));
        // An infeasible platform has no total: the field stays empty, never a partial sum.
        text += QStringLiteral("%1,total,%2\n").arg(models::toId(p.id), p.feasible() ? full(p.totalUsd) : QString());
    }
    return text.toUtf8();
}

QByteArray hourlyCsv(const models::CostReport &report)
{
    QStringList header { QStringLiteral("hour") };
    for (const models::PlatformResult &p : report.platforms) {
        const QString id = models::toId(p.id);
        header << id + QStringLiteral("_cost_usd") << id + QStringLiteral("_nodes") << id + QStringLiteral("_tasks")
               << id + QStringLiteral("_vcpu_requested");
    }
    QString text = header.join(u',') + u'\n';
    for (int h = 0; h < report.hours; ++h) {
        QStringList row { QString::number(h) };
        for (const models::PlatformResult &p : report.platforms) {
            const models::HourlySeries &s = p.series;
            row << (h < s.costUsd.size() ? full(s.costUsd.at(h)) : QString())
                << (h < s.nodes.size() ? QString::number(s.nodes.at(h)) : QString())
                << (h < s.tasks.size() ? QString::number(s.tasks.at(h)) : QString())
                << (h < s.cpuRequested.size() ? full(s.cpuRequested.at(h)) : QString());
        }
        text += row.join(u',') + u'\n';
    }
    return text.toUtf8();
}

QByteArray reportMarkdown(const models::CostReport &report, const models::Scenario &scenario,
    const std::shared_ptr<const pricing::Catalog> &catalog)
{
    ReportOptions options;
    options.catalog = catalog;
    const std::optional<models::LoadSweep> sweep = sweepFor(report, scenario, options);
    const std::optional<models::Sensitivity> sensitivity = sensitivityFor(report, scenario, options);
    return renderMarkdownReport(
        contentFor(report, scenario, catalog, sweep ? &*sweep : nullptr, sensitivity ? &*sensitivity : nullptr));
}

std::optional<QByteArray> renderReport(const models::CostReport &report, const models::Scenario &scenario,
    ReportFormat format, const ReportOptions &options, QString *error, int *pages)
{
    if (pages)
        *pages = 0;
    switch (format) {
    case ReportFormat::Csv:
        return reportCsv(report);
    case ReportFormat::Json:
        return options.json ? *options.json : models::costReportToJson(report);
    case ReportFormat::Markdown: {
        const std::optional<models::LoadSweep> sweep = sweepFor(report, scenario, options);
        const std::optional<models::Sensitivity> sensitivity = sensitivityFor(report, scenario, options);
        return renderMarkdownReport(contentFor(report, scenario, options.catalog, sweep ? &*sweep : nullptr,
            sensitivity ? &*sensitivity : nullptr, options.baseline, options.notes));
    }
    case ReportFormat::Pdf:
    case ReportFormat::Html:
        break;
    }
    if (!ReportCharts::available()) {
        if (error)
            *error = QStringLiteral("%1 reports draw charts and need a QApplication (offscreen platform)")
                         .arg(toId(format).toUpper());
        return std::nullopt;
    }
    return withContentAndCharts(report, scenario, options,
        [&](const ReportContent &content, const ReportCharts &charts) -> std::optional<QByteArray> {
            if (format == ReportFormat::Html)
                return renderHtmlReport(content, charts);
            return renderPdfReport(content, charts, options.pageSize, pages, error);
        });
}

std::optional<int> printReport(const models::CostReport &report, const models::Scenario &scenario, QPrinter *printer,
    const ReportOptions &options, QString *error)
{
    if (!ReportCharts::available()) {
        if (error)
            *error = QStringLiteral("printing draws charts and needs a QApplication");
        return std::nullopt;
    }
    // The paper chosen in the print dialog or the preview's page setup, when it is one the layout knows.
    const QPageSize::PageSizeId chosen = printer->pageLayout().pageSize().id();
    const QPageSize paper(chosen == QPageSize::A4 || chosen == QPageSize::Letter ? chosen : options.pageSize);
    return withContentAndCharts(
        report, scenario, options, [&](const ReportContent &content, const ReportCharts &charts) -> std::optional<int> {
            int pages = 0;
            if (!printPdfReport(content, charts, printer, paper, &pages, error))
                return std::nullopt;
            return pages;
        });
}

std::optional<ReportOutcome> writeReport(const models::CostReport &report, const models::Scenario &scenario,
    const QString &path, const ReportOptions &options, QString *error)
{
    const std::optional<ReportFormat> format = options.format ? options.format : reportFormatFromPath(path);
    if (!format) {
        if (error)
            *error = QStringLiteral("%1: unknown report format (use .pdf, .html, .csv, .json or .md)").arg(path);
        return std::nullopt;
    }
    ReportOutcome outcome;
    outcome.format = *format;
    QString renderError;
    const std::optional<QByteArray> bytes
        = renderReport(report, scenario, *format, options, &renderError, &outcome.pages);
    if (!bytes) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, renderError);
        return std::nullopt;
    }
    if (!writeBytes(path, *bytes, error))
        return std::nullopt;
    outcome.bytes = bytes->size();
    if (!options.hourlyCsvPath.isEmpty() && !writeBytes(options.hourlyCsvPath, hourlyCsv(report), error))
        return std::nullopt;
    return outcome;
}

} // namespace fleetplan::app
