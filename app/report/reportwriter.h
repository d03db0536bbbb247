// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QPageSize>
#include <QString>
#include <QStringList>

#include "models/workload/scenario.h"
#include "models/simulation/costreport.h"
#include "models/simulation/loadsweep.h"
#include "pricing/catalog.h"

class QPrinter;

/// Report writers: `fleetplan report` and the GUI's File → Export report both call writeReport().
/// Formats (docs/reports.md): PDF (A4 or Letter, vector charts, numbered pages), one self-contained
/// HTML file (charts inline as SVG), Markdown (for pull requests), CSV (one row per platform and
/// component plus a total row per platform; an hourly series on request) and JSON (byte-identical to
/// `fleetplan compare --format json`).
namespace fleetplan::app {

enum class ReportFormat { Pdf, Html, Csv, Json, Markdown };

/// "pdf", "html", "csv", "json", "md".
QString toId(ReportFormat format);
/// From an id ("md" and "markdown" both read as Markdown), case-insensitive.
std::optional<ReportFormat> reportFormatFromId(const QString &id);
/// From a file name's suffix (.pdf, .html/.htm, .csv, .json, .md/.markdown).
std::optional<ReportFormat> reportFormatFromPath(const QString &path);

/// What a report is compared with: a scenario and its figures, and what to call it.
struct ReportBaseline
{
    QString label; ///< "shop-last-week.json", "the baseline of 14:05"
    models::Scenario scenario;
    models::CostReport report;
};

struct ReportOptions
{
    std::optional<ReportFormat> format; ///< unset = from the output path's suffix
    QPageSize::PageSizeId pageSize = QPageSize::A4; ///< PDF only: A4 or Letter
    QString hourlyCsvPath; ///< also write the hourly series CSV there ("-" = stdout); empty = no
    /// Catalog whose datasets (dates, sources) are listed; nullptr = pricing::Catalog::bundled().
    std::shared_ptr<const pricing::Catalog> catalog;
    /// PDF, HTML and Markdown: add the "Cost vs load" section, the scenario swept over `costVsLoadRange`
    /// with the report's what-if and platforms (models/simulation/loadsweep.h). CSV and JSON never have it
    /// (they stay the figures `compare` prints; `fleetplan sweep` writes the sweep as CSV or JSON).
    bool costVsLoad = true;
    models::LoadRange costVsLoadRange; ///< default ×0.25 … ×4 step 0.25 (16 points)
    /// Constructive packing for the sweep (SimulationOptions::placementBudgetMicros = 0). A report's
    /// default: see docs/reports.md for the measured cost of a refined sweep.
    bool costVsLoadFast = true;
    /// PDF, HTML and Markdown: add the "Sensitivity" section and its tornado (models/simulation/sensitivity.h)
    /// at the report's what-if, with constructive packing unless `sensitivityFast` is false.
    bool sensitivity = true;
    bool sensitivityFast = true;
    /// PDF, HTML and Markdown: an "Against the baseline" section, the report's figures against these (the
    /// window's baseline, `report --baseline FILE`) per platform and component, and the inputs changed.
    std::optional<ReportBaseline> baseline;
    /// PDF, HTML and Markdown: lines listed with the warnings, e.g. the price book's overrides that changed a
    /// figure (`fleetplan report`, cli/pricingsetup.h).
    QStringList notes;
    /// JSON: the text to write instead of models::costReportToJson() (`fleetplan report` writes what
    /// `compare --format json` prints, with its schema_version, pricing and scenario).
    std::optional<QByteArray> json;
};

/// What writing produced.
struct ReportOutcome
{
    ReportFormat format = ReportFormat::Pdf;
    int pages = 0; ///< PDF pages (0 for other formats)
    qint64 bytes = 0; ///< size of the report
};

/// Renders the report into bytes. PDF and HTML need a running QApplication (charts are widgets; use
/// the offscreen platform headless); without one they fail with *error set.
std::optional<QByteArray> renderReport(const models::CostReport &report, const models::Scenario &scenario,
    ReportFormat format, const ReportOptions &options = {}, QString *error = nullptr, int *pages = nullptr);

/// Renders and writes the report to `path` ("-" = standard output) atomically (QSaveFile), and the
/// hourly CSV when options.hourlyCsvPath is set. Returns the outcome, or nullopt with *error naming
/// the file and the cause.
std::optional<ReportOutcome> writeReport(const models::CostReport &report, const models::Scenario &scenario,
    const QString &path, const ReportOptions &options = {}, QString *error = nullptr);

/// Prints the PDF report's pages on `printer` (File → Print and Print Preview), on the printer's paper
/// size when it is A4 or Letter and on options.pageSize otherwise. Needs a running QApplication, as the PDF.
/// Returns the pages printed, or nullopt with *error set.
std::optional<int> printReport(const models::CostReport &report, const models::Scenario &scenario, QPrinter *printer,
    const ReportOptions &options = {}, QString *error = nullptr);

/// CSV: "platform,component,usd" with one row per platform and component, then "<platform>,total,<usd>".
/// Full precision (17 significant digits), so the rows sum to the totals.
QByteArray reportCsv(const models::CostReport &report);
/// CSV of the hourly series: hour, then per platform <id>_cost_usd, <id>_nodes, <id>_tasks, <id>_vcpu_requested.
QByteArray hourlyCsv(const models::CostReport &report);
/// Markdown for a pull request: summary table, recommendation, breakdowns, warnings.
QByteArray reportMarkdown(const models::CostReport &report, const models::Scenario &scenario,
    const std::shared_ptr<const pricing::Catalog> &catalog = {});

} // namespace fleetplan::app
