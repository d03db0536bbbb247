// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan compare SCENARIO`: the same workload priced on the five platforms (docs/compare-json.md).
#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>

#include "app/cli/commands.h"
#include "app/cli/scenarioinput.h"
#include "app/cli/comparediff.h"
#include "app/cli/csvfield.h"
#include "app/cli/diffrun.h"
#include "app/cli/jsonenvelope.h"
#include "app/cli/pricingsetup.h"
#include "models/atomicwrite.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "models/simulation/costreportjson.h"
#include "models/simulation/moneyformat.h"
#include "models/simulation/simulation.h"
#include "pricing/catalog.h"

namespace fleetplan::cli {

namespace {

using models::formatNumber;

QString percent(double fraction)
{
    return formatNumber(fraction * 100.0, 1) + QStringLiteral(" %");
}

/// The packing gap of the EC2-backed platforms: compute instance-hours at catalog rates against the Σ of
/// the hourly placement lower bounds (docs/cost-rules.md). Empty when no platform has a bound.
QString gapTable(const models::CostReport &report)
{
    QString text;
    for (const models::PlatformResult &p : report.platforms) {
        if (p.lowerBoundUsd <= 0)
            continue;
        text += QStringLiteral("%1 %2 %3 %4\n")
                    .arg(models::displayName(p.id), -20)
                    .arg(formatNumber(p.packedComputeUsd, 2), 14)
                    .arg(formatNumber(p.lowerBoundUsd, 2), 14)
                    .arg(formatNumber(p.optimalityRatio, 3), 14);
    }
    if (text.isEmpty())
        return text;
    return QStringLiteral("\n%1 %2 %3 %4\n")
               .arg(QStringLiteral("packing vs bound"), -20)
               .arg(QStringLiteral("compute USD"), 14)
               .arg(QStringLiteral("bound USD"), 14)
               .arg(QStringLiteral("packed ÷ bound"), 14)
        + text;
}

/// Human-readable: a summary table, then each platform's bill with the arithmetic behind every line.
QString toTable(const models::CostReport &report)
{
    QString text;
    text += QStringLiteral("%1 — %2, %3 hours (catalog as of %4)\n\n")
                .arg(report.scenarioName, report.region)
                .arg(report.hours)
                .arg(report.catalogAsOf);
    text += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                .arg(QStringLiteral("platform"), -20)
                .arg(QStringLiteral("total USD"), 14)
                .arg(QStringLiteral("peak nodes"), 11)
                .arg(QStringLiteral("CPU util"), 9)
                .arg(QStringLiteral("mem util"), 9)
                .arg(QStringLiteral("idle USD"), 12);
    const models::PlatformResult *best = report.cheapestPlatform();
    for (const models::PlatformResult &p : report.platforms) {
        if (!p.feasible()) {
            text += QStringLiteral("%1 %2   %3\n")
                        .arg(models::displayName(p.id), -20)
                        .arg(QStringLiteral("infeasible"), 14)
                        .arg(p.infeasibleSummary());
            continue;
        }
        text += QStringLiteral("%1 %2 %3 %4 %5 %6%7\n")
                    .arg(models::displayName(p.id), -20)
                    .arg(formatNumber(p.totalUsd, 2), 14)
                    .arg(p.peakNodes, 11)
                    .arg(percent(p.utilisation.cpu), 9)
                    .arg(percent(p.utilisation.memory), 9)
                    .arg(formatNumber(p.idleCostUsd, 2), 12)
                    .arg(&p == best       ? QStringLiteral("  cheapest")
                            : p.partial() ? QStringLiteral("  partial: not on %1: %2")
                                                .arg(models::displayName(p.id), p.notOnPlatformSummary())
                                          : QString());
    }
    // The compute answer and the whole bill (issue 19): only when a registry or network block priced something.
    bool network = false;
    for (const models::PlatformResult &p : report.platforms)
        network = network || (p.feasible() && p.networkAndRegistryUsd() > 0);
    if (network) {
        text += QStringLiteral("\n%1 %2 %3 %4\n")
                    .arg(QStringLiteral("platform"), -20)
                    .arg(QStringLiteral("compute USD"), 14)
                    .arg(QStringLiteral("network+registry"), 17)
                    .arg(QStringLiteral("total USD"), 14);
        for (const models::PlatformResult &p : report.platforms) {
            if (!p.feasible())
                continue;
            text += QStringLiteral("%1 %2 %3 %4\n")
                        .arg(models::displayName(p.id), -20)
                        .arg(formatNumber(p.computeUsd(), 2), 14)
                        .arg(formatNumber(p.networkAndRegistryUsd(), 2), 17)
                        .arg(formatNumber(p.totalUsd, 2), 14);
        }
    }
    text += gapTable(report);
    for (const models::PlatformResult &p : report.platforms) {
        if (p.feasible()) {
            text += QStringLiteral("\n%1 (%2): %3 USD\n")
                        .arg(models::displayName(p.id), models::toId(p.id), formatNumber(p.totalUsd, 2));
        } else {
            text += QStringLiteral("\n%1 (%2): infeasible\n").arg(models::displayName(p.id), models::toId(p.id));
            for (const models::Infeasibility &i : p.infeasible)
                text += QStringLiteral("  cannot run: %1\n")
                            .arg(i.service.isEmpty() ? i.reason : i.service + QStringLiteral(": ") + i.reason);
        }
        for (const models::Infeasibility &i : p.notOnPlatform)
            text += QStringLiteral("  not on %1: %2: %3\n").arg(models::displayName(p.id), i.service, i.reason);
        for (const models::CostComponent &c : p.components) {
            text += QStringLiteral("  %1 %2 USD\n").arg(models::toId(c.id), -20).arg(formatNumber(c.usd, 2), 14);
            for (const QString &line : c.explanation.split(u'\n', Qt::SkipEmptyParts))
                text += QStringLiteral("      ") + line + u'\n';
        }
        if (!p.nodeHoursByType.isEmpty()) {
            text += QStringLiteral("  node-hours:");
            for (auto it = p.nodeHoursByType.cbegin(); it != p.nodeHoursByType.cend(); ++it)
                text += QStringLiteral(" %1 %2;").arg(it.key(), formatNumber(it.value(), 0));
            text += u'\n';
        }
        if (p.savingsPlan.applicable)
            text += QStringLiteral("  recommended Savings Plan: ") + p.savingsPlan.explanation + u'\n';
        for (const QString &w : p.warnings)
            text += QStringLiteral("  warning: ") + w + u'\n';
    }
    return text;
}

/// One row per platform and component, then a total row per platform. Full precision.
QString toCsv(const models::CostReport &report)
{
    QString text = QStringLiteral("platform,component,usd,quantity,unit\n");
    for (const models::PlatformResult &p : report.platforms) {
        for (const models::CostComponent &c : p.components) {
            text += QStringLiteral("%1,%2,%3,%4,%5\n")
                        .arg(models::toId(p.id), models::toId(c.id), QString::number(c.usd, 'g', 17),
                            QString::number(c.quantity, 'g', 17), csvField(c.unit));
        }
        // An infeasible platform's total is empty and its unit says why: never a number to sum.
        if (p.feasible())
            text += QStringLiteral("%1,total,%2,,\n").arg(models::toId(p.id), QString::number(p.totalUsd, 'g', 17));
        else
            text += QStringLiteral("%1,total,,,%2\n")
                        .arg(models::toId(p.id), csvField(QStringLiteral("infeasible: ") + p.infeasibleSummary()));
    }
    return text;
}

} // namespace

int runCompare(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Price one scenario on ECS on EC2, ECS Fargate, ECS Fargate Spot, "
                                                    "EKS managed nodes and EKS Fargate, hour by hour."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("SCENARIO"), QStringLiteral("Scenario (.json or .fleetplan; - for stdin)"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
        QStringLiteral("Output format: table (default), json, csv, markdown or github-comment (the last two with "
                       "--diff)."),
        QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption platformOption(QStringLiteral("platform"),
        QStringLiteral("Only this platform (repeatable): ecs-ec2, ecs-fargate, "
                       "ecs-fargate-spot, eks-nodes, eks-fargate, app-runner."),
        QStringLiteral("ID"));
    const QCommandLineOption loadOption(QStringLiteral("load-multiplier"),
        QStringLiteral("Multiply every service's load (what-if)."), QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOptions({ formatOption, platformOption, loadOption, outputOption });
    // CI options (issues 9 and 22): compare two scenarios or saved results, budget gates, silence.
    const QCommandLineOption diffOption(QStringLiteral("diff"),
        QStringLiteral("Show what changed from SCENARIO to OTHER (a scenario or a result saved with --format "
                       "json) per platform and component, as `fleetplan diff SCENARIO OTHER` does; gates then "
                       "apply to OTHER."),
        QStringLiteral("OTHER"));
    const QCommandLineOption failAboveOption(QStringLiteral("fail-above"),
        QStringLiteral("Exit with status 3 when a platform's monthly cost (730 hours) is above USD; "
                       "PLATFORM=USD gates one platform (repeatable)."),
        QStringLiteral("[PLATFORM=]USD"));
    const QCommandLineOption failChangeOption(QStringLiteral("fail-above-change"),
        QStringLiteral("Exit with status 3 when a platform's cost rises from SCENARIO to OTHER (--diff) by more than "
                       "this, in percent (10%) or USD per month (250); PLATFORM=... gates one platform (repeatable)."),
        QStringLiteral("[PLATFORM=]CHANGE"));
    const QCommandLineOption maxCharsOption(QStringLiteral("max-chars"),
        QStringLiteral("Size cap of markdown and github-comment output (default 65536, GitHub's comment limit)."),
        QStringLiteral("N"), QStringLiteral("65536"));
    const QCommandLineOption quietOption({ QStringLiteral("q"), QStringLiteral("quiet") },
        QStringLiteral("Print nothing on standard output (errors and failed gates still go to stderr)."));
    const QCommandLineOption strictOption(QStringLiteral("strict"),
        QStringLiteral(
            "Exit with status 2 when any platform cannot run the workload (by default only when none can)."));
    parser.addOptions({ diffOption, failAboveOption, failChangeOption, maxCharsOption, quietOption, strictOption });
    const PricingOptions pricingOptions;
    pricingOptions.addTo(parser);
    if (!parser.parse(QStringList { QStringLiteral("fleetplan compare") } + ctx.args)) {
        ctx.err << "fleetplan compare: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().size() != 1) {
        ctx.err << "fleetplan compare: expected exactly one SCENARIO file\n";
        return UsageError;
    }
    const QString format = parser.value(formatOption);
    const bool diff = parser.isSet(diffOption);
    if (format != u"table" && format != u"json" && format != u"csv"
        && !(diff && (format == u"markdown" || format == u"github-comment"))) {
        ctx.err << "fleetplan compare: --format must be table, json or csv"
                << (diff ? " (with --diff also markdown or github-comment)" : "") << ", not \"" << format << "\"\n";
        return UsageError;
    }
    if (parser.isSet(failChangeOption) && !diff) {
        ctx.err << "fleetplan compare: --fail-above-change needs --diff OTHER (a change from SCENARIO to OTHER)\n";
        return UsageError;
    }
    DiffRequest request;
    request.command = QStringLiteral("compare");
    request.before = parser.positionalArguments().constFirst();
    request.after = parser.value(diffOption);
    request.format = format;
    if (const int code = parseDiffOptions(
            ctx, parser, request, platformOption, loadOption, failAboveOption, failChangeOption, maxCharsOption);
        code >= 0)
        return code;
    request.quiet = parser.isSet(quietOption);
    request.strict = parser.isSet(strictOption);
    request.output = parser.value(outputOption);
    if (diff && request.after == u"-" && request.before == u"-") {
        ctx.err << "fleetplan compare: only one of SCENARIO and --diff can read standard input\n";
        return UsageError;
    }
    int exitCode = Ok;
    const auto pricing
        = setupPricing(parser, pricingOptions, request.command, request.before, ctx.err, request.quiet, &exitCode);
    if (!pricing)
        return exitCode;
    request.pricing = *pricing;
    if (diff)
        return runDiffRequest(ctx, request);

    const models::WhatIf &whatIf = request.whatIf;
    const auto read = readValidScenario(
        request.before, *pricing->catalog, ctx.err, request.quiet, whatIf.loadMultiplier, pricing->region);
    if (!read)
        return InvalidInput;
    const models::Scenario &scenario = *read;

    const models::CostReport report = models::simulate(scenario, *pricing->catalog, whatIf, request.options);
    PricingSetup used = *pricing;
    used.measureChanges(scenario, report, whatIf, request.options);
    // A gate must judge a platform that is priced: one on a platform left out would pass silently.
    for (const BudgetGate &g : request.budgetGates) {
        if (g.platform && !report.platform(*g.platform)) {
            ctx.err << "fleetplan compare: --fail-above " << models::toId(*g.platform) << ": "
                    << models::displayName(*g.platform)
                    << " is not priced (see --platform and the scenario's platforms)\n";
            return UsageError;
        }
    }
    QStringList failures;
    QJsonArray gates;
    for (const BudgetGate &g : request.budgetGates) {
        const QStringList failed = failedGates(report, { g });
        failures += failed;
        gates.append(QJsonObject { { QStringLiteral("option"), QStringLiteral("--fail-above") },
            { QStringLiteral("spec"),
                g.platform ? models::toId(*g.platform) + u'=' + QString::number(g.usdPerMonth)
                           : QString::number(g.usdPerMonth) },
            { QStringLiteral("passed"), failed.isEmpty() },
            { QStringLiteral("failures"), QJsonArray::fromStringList(failed) } });
    }
    QString text;
    if (format == u"json") {
        QJsonObject extra;
        if (!request.budgetGates.isEmpty()) {
            extra.insert(QStringLiteral("gates"), gates);
            extra.insert(QStringLiteral("gates_passed"), failures.isEmpty());
        }
        text = QString::fromUtf8(costReportJson(report, scenario, used, extra));
    } else if (format == u"csv") {
        text = toCsv(report);
    } else {
        text = toTable(report);
        const QStringList notes = used.noteLines(report.region);
        if (!notes.isEmpty())
            text += u'\n' + notes.join(u'\n') + u'\n';
    }

    if (request.quiet) {
        // Nothing on stdout; a file given with -o is still written.
    } else if (request.output.isEmpty() || request.output == u"-") {
        ctx.out << text;
    }
    if (!request.output.isEmpty() && request.output != u"-") {
        QString reason;
        if (!models::writeFileAtomically(request.output, text.toUtf8(), &reason)) {
            ctx.err << "fleetplan compare: cannot write " << request.output << ": " << reason << '\n';
            return InvalidInput;
        }
    }
    // Infeasible platforms are reported, priced platforms still count: the run fails only when no
    // platform can run the workload, or with --strict when any cannot.
    int feasibleCount = 0;
    for (const models::PlatformResult &p : report.platforms) {
        if (p.feasible())
            ++feasibleCount;
        else
            ctx.err << "fleetplan compare: " << models::displayName(p.id)
                    << " cannot run this workload: " << p.infeasibleSummary() << '\n';
    }
    for (const QString &failure : failures)
        ctx.err << "fleetplan compare: " << failure << '\n';
    if ((feasibleCount == 0 && !report.platforms.isEmpty())
        || (request.strict && feasibleCount < report.platforms.size()))
        return InvalidInput;
    return failures.isEmpty() ? Ok : BudgetExceeded;
}

} // namespace fleetplan::cli
