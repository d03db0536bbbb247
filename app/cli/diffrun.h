// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QTextStream>

#include "app/cli/cli.h"
#include "app/cli/comparediff.h"
#include "app/cli/pricingsetup.h"
#include "models/simulation/costreport.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenario.h"

/// `fleetplan diff BEFORE AFTER` and `fleetplan compare BEFORE --diff AFTER` (docs/ci.md): either side a
/// scenario (priced now) or a result saved with `compare --format json` (schema_version 1), as a table,
/// JSON, CSV, Markdown or a GitHub comment, with budget gates on AFTER and gates on the change.
namespace fleetplan::cli {

/// What a platform runs on, summed over the period: instance-hours by type ("m6i.large", "m6i.large
/// (spot)") on EC2 platforms, task-hours by Fargate size ("fargate 2 vCPU / 9216 MiB") on Fargate ones;
/// and each service's Fargate size.
struct PlatformMix
{
    QMap<QString, double> capacityHours;
    QMap<QString, QString> fargateSizes; ///< service → "2 vCPU / 9216 MiB" (Fargate platforms)
};
PlatformMix platformMix(const models::PlatformResult &platform);
/// {"capacity_hours": {...}, "fargate_task_sizes": {...}}, the "mix" of a platform in the compare JSON.
QJsonObject platformMixJson(const PlatformMix &mix);

/// The compare JSON's platforms with their "mix" added (from `report`, in the same order).
QJsonObject withPlatformMix(QJsonObject json, const models::CostReport &report);

/// The compare JSON (kind "cost_report", docs/compare-json.md): costReportToJson() with every platform's
/// "mix", the "pricing", the "billing_period", the scenario priced ("scenario_input", so that a saved result
/// can be diffed input by input) and `extra` (gates). `compare --format json` and the JSON report.
QByteArray costReportJson(const models::CostReport &report, const models::Scenario &scenario,
    const PricingSetup &pricing, const QJsonObject &extra = {});

/// `--fail-above-change 10%`, `--fail-above-change 250` (USD per month) or `eks-nodes=10%`: fails when a
/// platform's cost rises by more than that from BEFORE to AFTER.
struct ChangeGate
{
    std::optional<models::PlatformId> platform; ///< unset = every platform priced on both sides
    double amount = 0; ///< USD per month, or percent when `percent`
    bool percent = false;
    QString spec; ///< as typed
};
std::optional<ChangeGate> parseChangeGate(const QString &text, QString *error);

/// One side of a diff.
struct DiffSide
{
    QString file; ///< as given
    QString source; ///< "scenario" or "result"
    models::CostReport report;
    std::optional<models::Scenario> scenario; ///< the scenario priced, when known
    QMap<models::PlatformId, PlatformMix> mix;
    QJsonObject pricing; ///< how it was priced ("pricing" of a saved result, or the run's)
};

struct DiffRequest
{
    QString command; ///< "diff" or "compare"
    QString before;
    QString after;
    QString format; ///< table, json, csv, markdown, github-comment
    QList<BudgetGate> budgetGates; ///< --fail-above, on AFTER
    QList<ChangeGate> changeGates; ///< --fail-above-change
    bool quiet = false;
    bool strict = false;
    QString output; ///< -o FILE; empty or "-" = stdout
    int maxChars = 65536; ///< markdown / github-comment size cap (GitHub's comment limit)
    models::WhatIf whatIf;
    models::SimulationOptions options;
    PricingSetup pricing;
};

/// Runs a diff: loads both sides, writes the output, prints failed gates; returns the exit code.
int runDiffRequest(Context &ctx, const DiffRequest &request);

/// Reads --platform, --load-multiplier, --fail-above, --fail-above-change and --max-chars into `request`;
/// -1 to go on, or the exit code after a message.
int parseDiffOptions(Context &ctx, const QCommandLineParser &parser, DiffRequest &request,
    const QCommandLineOption &platformOption, const QCommandLineOption &loadOption,
    const QCommandLineOption &failAboveOption, const QCommandLineOption &failChangeOption,
    const QCommandLineOption &maxCharsOption);

/// Loads a side: a saved result (JSON with "schema_version" and "kind": "cost_report") or a scenario.
std::optional<DiffSide> loadDiffSide(const QString &file, const DiffRequest &request, QTextStream &err);

/// A Markdown diff (`markdown`, or `github-comment` with a marker line for bots that update their
/// comment): one headline per platform, a small table, the details in <details> sections; cut at
/// `maxChars` characters by leaving out whole sections, saying so.
QString diffMarkdown(const DiffSide &before, const DiffSide &after, bool githubComment, int maxChars,
    const QStringList &notes, const QStringList &gateLines);

} // namespace fleetplan::cli
