// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "models/workload/scenario.h"
#include "models/simulation/costreport.h"
#include "models/simulation/recommendation.h"
#include "models/simulation/loadsweep.h"
#include "models/simulation/sensitivity.h"
#include "pricing/catalog.h"

/// The words and tables of a cost report, built once from a CostReport and shown by every format
/// (PDF, HTML, Markdown). Figures are formatted exactly as `fleetplan compare` prints them.
namespace fleetplan::app {

/// A table of a report section.
struct ReportTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> boldRows; ///< total rows
    QList<bool> numeric; ///< per column: right-aligned figures
    QList<double> weights; ///< relative column widths for the PDF
};

/// One platform's bill.
struct PlatformBreakdown
{
    models::PlatformId platform = models::PlatformId::EcsEc2;
    QString title; ///< "ECS on EC2 (ecs-ec2): 715.62 USD"
    ReportTable table; ///< component, quantity, USD, how it was computed; a total row
};

/// The "Cost vs load" section: every platform's total over a range of loads and the break-evens.
struct CostVsLoadSection
{
    bool present = false; ///< false when the report was written without a sweep
    QString intro; ///< what was swept and how the break-evens are found, plain text
    ReportTable table; ///< one row per load, one column per platform ("infeasible" where it cannot run)
    QStringList lines; ///< LoadSweep::summaryLines(): break-evens and infeasible ranges in words
};

/// The section for `sweep`, the figures as `fleetplan sweep` prints them.
CostVsLoadSection costVsLoadSection(const models::LoadSweep &sweep);

/// The "Sensitivity" section: which inputs move the ranking of the cheapest platform and the runner-up.
struct SensitivitySection
{
    bool present = false; ///< false when the report was written without the analysis
    QString intro; ///< what was varied and what the gap is, plain text
    ReportTable table; ///< one row per input, largest swing first: analysed, low, gap, high, gap, crossover
    QStringList lines; ///< Sensitivity::summaryLines(): the headline, then every input in words
};

/// The section for `sensitivity`, the figures as `fleetplan sensitivity` prints them.
SensitivitySection sensitivitySection(const models::Sensitivity &sensitivity);

/// The "Against the baseline" section: the report's figures against another scenario's.
struct BaselineSection
{
    bool present = false;
    QString intro; ///< what the baseline is, plain text
    ReportTable table; ///< one row per platform, then a row per component that changed (indented)
    QStringList inputs; ///< the inputs changed (models::scenarioChangeLines)
};

/// The section comparing `current` (of `currentScenario`) with `baseline` (of `baselineScenario`).
BaselineSection baselineSection(const QString &label, const models::CostReport &baseline,
    const models::Scenario &baselineScenario, const models::CostReport &current,
    const models::Scenario &currentScenario);

struct ReportContent
{
    QString title; ///< "Fleetplan cost report — Sample: online shop"
    QList<QPair<QString, QString>> titleBlock; ///< scenario, region, period, catalog date, version, what-if
    QString recommendation; ///< one paragraph, plain text
    ReportTable summary; ///< one row per platform: total, difference to cheapest
    QList<PlatformBreakdown> breakdowns;
    ReportTable fleet; ///< peak nodes, utilisation, idle cost per platform
    ReportTable nodeHours; ///< platform, instance type, node-hours
    ReportTable savingsPlans; ///< one row per platform where a Savings Plan applies
    QStringList warnings; ///< "EKS Fargate: ..."
    ReportTable workload; ///< the scenario's services
    ReportTable assumptions; ///< rule, value, source, platforms
    ReportTable rates; ///< catalog datasets with their dates and sources
    CostVsLoadSection costVsLoad; ///< cost vs load with break-evens (PDF, HTML, Markdown)
    SensitivitySection sensitivity; ///< the tornado's inputs (PDF, HTML, Markdown)
    BaselineSection baseline; ///< against the baseline (PDF, HTML, Markdown)
    QString periodUnit; ///< "month" (730 hours) or "N hours"
};

/// Builds the content. `datasets` are the catalog's (Catalog::datasets()); `catalogBuiltAt` may be empty;
/// `sweep` (may be null: no Cost vs load section) the scenario swept over a range of loads; `sensitivity`
/// (may be null: no Sensitivity section) its analysis.
ReportContent buildReportContent(const models::CostReport &report, const models::Scenario &scenario,
    const QList<pricing::DatasetInfo> &datasets, const QString &catalogBuiltAt = {},
    const models::LoadSweep *sweep = nullptr, const models::Sensitivity *sensitivity = nullptr);

/// The recommendation paragraph: models::recommendationText() (models/simulation/recommendation.h).
using models::recommendationText;

/// "715.62": the figure as `fleetplan compare` prints it (models::formatNumber(usd, 2)).
QString usd(double value);

} // namespace fleetplan::app
