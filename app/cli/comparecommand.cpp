// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan compare SCENARIO`: the same workload priced on the five platforms (docs/compare-json.md).
#include <QCommandLineParser>
#include <QFile>

#include "app/cli/commands.h"
#include "app/cli/scenarioinput.h"
#include "app/cli/comparediff.h"
#include "app/cli/csvfield.h"
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
                    .arg(&p == best ? QStringLiteral("  cheapest") : QString());
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
        QStringLiteral("Output format: table (default), json or csv."), QStringLiteral("FORMAT"),
        QStringLiteral("table"));
    const QCommandLineOption platformOption(QStringLiteral("platform"),
        QStringLiteral("Only this platform (repeatable): ecs-ec2, ecs-fargate, "
                       "ecs-fargate-spot, eks-nodes, eks-fargate."),
        QStringLiteral("ID"));
    const QCommandLineOption loadOption(QStringLiteral("load-multiplier"),
        QStringLiteral("Multiply every service's load (what-if)."), QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOptions({ formatOption, platformOption, loadOption, outputOption });
    // CI options (issue 9): compare two scenarios, budget gates, silence.
    const QCommandLineOption diffOption(QStringLiteral("diff"),
        QStringLiteral("Show what changed from SCENARIO to OTHER per platform and component "
                       "(USD and percent); gates then apply to OTHER."),
        QStringLiteral("OTHER"));
    const QCommandLineOption failAboveOption(QStringLiteral("fail-above"),
        QStringLiteral("Exit with status 3 when a platform's monthly cost (730 hours) is above USD; "
                       "PLATFORM=USD gates one platform (repeatable)."),
        QStringLiteral("[PLATFORM=]USD"));
    const QCommandLineOption quietOption({ QStringLiteral("q"), QStringLiteral("quiet") },
        QStringLiteral("Print nothing on standard output (errors and failed gates still go to stderr)."));
    const QCommandLineOption strictOption(QStringLiteral("strict"),
        QStringLiteral(
            "Exit with status 2 when any platform cannot run the workload (by default only when none can)."));
    parser.addOptions({ diffOption, failAboveOption, quietOption, strictOption });
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
    if (format != u"table" && format != u"json" && format != u"csv") {
        ctx.err << "fleetplan compare: --format must be table, json or csv, not \"" << format << "\"\n";
        return UsageError;
    }
    models::SimulationOptions options;
    for (const QString &id : parser.values(platformOption)) {
        const auto platform = models::platformFromId(id);
        if (!platform) {
            ctx.err << "fleetplan compare: unknown platform \"" << id
                    << "\" (expected ecs-ec2, ecs-fargate, ecs-fargate-spot, eks-nodes or eks-fargate)\n";
            return UsageError;
        }
        if (!options.platforms.contains(*platform))
            options.platforms.append(*platform);
    }
    models::WhatIf whatIf;
    bool numberOk = false;
    whatIf.loadMultiplier = parser.value(loadOption).toDouble(&numberOk);
    // NaN, infinity and 1e300 parse as numbers: they are not load multipliers (validation.h).
    if (!numberOk || !(whatIf.loadMultiplier >= 0 && whatIf.loadMultiplier <= models::MaxLoadMultiplier)) {
        ctx.err << "fleetplan compare: --load-multiplier must be a number from 0 to " << models::MaxLoadMultiplier
                << ", not \"" << parser.value(loadOption) << "\"\n";
        return UsageError;
    }

    QList<BudgetGate> gates;
    for (const QString &spec : parser.values(failAboveOption)) {
        QString gateError;
        const auto gate = parseBudgetGate(spec, &gateError);
        if (!gate) {
            ctx.err << "fleetplan compare: " << gateError << '\n';
            return UsageError;
        }
        gates.append(*gate);
    }
    if (parser.isSet(diffOption) && parser.value(diffOption) == u"-"
        && parser.positionalArguments().constFirst() == u"-") {
        ctx.err << "fleetplan compare: only one of SCENARIO and --diff can read standard input\n";
        return UsageError;
    }

    QString catalogError;
    const auto catalog = pricing::Catalog::withUserPriceBook(&catalogError);
    if (!catalogError.isEmpty())
        ctx.err << "fleetplan compare: " << catalogError << '\n';
    const bool quiet = parser.isSet(quietOption);
    const auto read
        = readValidScenario(parser.positionalArguments().constFirst(), *catalog, ctx.err, quiet, whatIf.loadMultiplier);
    if (!read)
        return InvalidInput;
    const models::Scenario &scenario = *read;

    const models::CostReport report = models::simulate(scenario, *catalog, whatIf, options);
    QString text;
    if (format == u"json")
        text = QString::fromUtf8(models::costReportToJson(report));
    else if (format == u"csv")
        text = toCsv(report);
    else
        text = toTable(report);

    const models::CostReport *gated = &report;
    models::CostReport other;
    if (parser.isSet(diffOption)) {
        const auto otherRead
            = readValidScenario(parser.value(diffOption), *catalog, ctx.err, quiet, whatIf.loadMultiplier);
        if (!otherRead)
            return InvalidInput;
        other = models::simulate(*otherRead, *catalog, whatIf, options);
        gated = &other;
        const QList<models::ScenarioChange> inputs = models::scenarioChanges(scenario, *otherRead);
        if (format == u"json")
            text = QString::fromUtf8(diffJson(report, other, inputs));
        else if (format == u"csv")
            text = diffCsv(report, other);
        else
            text = diffTable(report, other, inputs);
    }

    if (parser.isSet(quietOption)) {
        // Nothing on stdout; a file given with -o is still written.
    } else if (parser.value(outputOption) == u"-") {
        ctx.out << text;
    }
    if (parser.isSet(outputOption) && parser.value(outputOption) != u"-") {
        QString reason;
        if (!models::writeFileAtomically(parser.value(outputOption), text.toUtf8(), &reason)) {
            ctx.err << "fleetplan compare: cannot write " << parser.value(outputOption) << ": " << reason << '\n';
            return InvalidInput;
        }
    } else if (!parser.isSet(outputOption) && !parser.isSet(quietOption)) {
        ctx.out << text;
    }
    // Infeasible platforms are reported, priced platforms still count: the run fails only when no
    // platform can run the workload, or with --strict when any cannot.
    int feasibleCount = 0;
    for (const models::PlatformResult &p : gated->platforms) {
        if (p.feasible())
            ++feasibleCount;
        else
            ctx.err << "fleetplan compare: " << models::displayName(p.id)
                    << " cannot run this workload: " << p.infeasibleSummary() << '\n';
    }
    const QStringList failures = failedGates(*gated, gates);
    for (const QString &failure : failures)
        ctx.err << "fleetplan compare: " << failure << '\n';
    if ((feasibleCount == 0 && !gated->platforms.isEmpty())
        || (parser.isSet(strictOption) && feasibleCount < gated->platforms.size()))
        return InvalidInput;
    return failures.isEmpty() ? Ok : BudgetExceeded;
}

} // namespace fleetplan::cli
