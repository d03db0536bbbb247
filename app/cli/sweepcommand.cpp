// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan sweep SCENARIO`: every platform's cost over a range of loads, and the loads where the cheaper
// platform changes (docs/sweep.md).
#include <QCommandLineParser>

#include "app/cli/commands.h"
#include "app/cli/jsonenvelope.h"
#include "app/cli/pricingsetup.h"
#include "app/cli/csvfield.h"
#include "app/cli/scenarioinput.h"
#include "models/atomicwrite.h"
#include "models/simulation/loadsweep.h"
#include "models/simulation/moneyformat.h"
#include "pricing/catalog.h"

namespace fleetplan::cli {

namespace {

using models::formatNumber;

constexpr int LoadWidth = 8;
constexpr int PlatformWidth = 19;

/// A title line, one row per load with one column per platform (money as `compare` prints it,
/// "infeasible" where the platform cannot run), then the break-evens and infeasible ranges in words.
QString toTable(const models::LoadSweep &sweep)
{
    QString text = QStringLiteral("%1 — %2, USD per %3, %4 packing (loads %5)\n\n")
                       .arg(sweep.scenarioName, sweep.region, sweep.periodUnit,
                           sweep.fast ? QStringLiteral("fast") : QStringLiteral("refined"), sweep.range.toString());
    text += QStringLiteral("%1").arg(QStringLiteral("load"), -LoadWidth);
    for (models::PlatformId id : sweep.platforms)
        text += QStringLiteral(" %1").arg(models::displayName(id), PlatformWidth);
    text += QStringLiteral("  cheapest\n");
    for (const models::SweepPoint &p : sweep.points) {
        text += QStringLiteral("%1").arg(models::formatLoad(p.load), -LoadWidth);
        const models::SweepCost *best = nullptr;
        for (models::PlatformId id : sweep.platforms) {
            const models::SweepCost *c = p.cost(id);
            QString cell = QStringLiteral("not run");
            if (c && c->feasible) {
                cell = formatNumber(c->totalUsd, 2);
                if (!best || c->totalUsd < best->totalUsd)
                    best = c;
            } else if (c) {
                cell = QStringLiteral("infeasible");
            }
            text += QStringLiteral(" %1").arg(cell, PlatformWidth);
        }
        text += QStringLiteral("  %1\n").arg(best ? models::displayName(best->platform) : QString());
    }
    text += QStringLiteral("\nBreak-even points (linear interpolation between neighbouring loads):\n");
    const QStringList lines = sweep.summaryLines();
    if (lines.isEmpty())
        text += QStringLiteral("  none\n");
    for (const QString &line : lines)
        text += QStringLiteral("  ") + line + u'\n';
    return text;
}

/// One row per load and platform; an infeasible platform's total is empty and the note says why.
QString toCsv(const models::LoadSweep &sweep)
{
    QString text = QStringLiteral("load,platform,feasible,total_usd,note\n");
    for (const models::SweepPoint &p : sweep.points) {
        for (const models::SweepCost &c : p.costs) {
            text += QStringLiteral("%1,%2,%3,%4,%5\n")
                        .arg(QString::number(p.load, 'g', 17), models::toId(c.platform),
                            c.feasible ? QStringLiteral("true") : QStringLiteral("false"),
                            c.feasible ? QString::number(c.totalUsd, 'g', 17) : QString(),
                            c.feasible ? QString() : csvField(QStringLiteral("infeasible: ") + c.infeasibleReason));
        }
    }
    return text;
}

} // namespace

int runSweep(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Price one scenario at a range of loads on every platform and list the loads where "
                       "another platform becomes the cheaper one (break-even points, found by linear "
                       "interpolation between neighbouring loads)."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("SCENARIO"), QStringLiteral("Scenario (.json or .fleetplan; - for stdin)"));
    const QCommandLineOption loadOption(QStringLiteral("load"),
        QStringLiteral("Load multipliers FROM:TO:STEP (default 0.25:4:0.25; above 0, at most 20, at most "
                       "400 points)."),
        QStringLiteral("FROM:TO:STEP"), QStringLiteral("0.25:4:0.25"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
        QStringLiteral("Output format: table (default), json or csv."), QStringLiteral("FORMAT"),
        QStringLiteral("table"));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    const QCommandLineOption fastOption(QStringLiteral("fast"),
        QStringLiteral("Constructive packing only (faster; the figures the window shows while a slider moves). "
                       "By default every point is priced as compare prices it."));
    const QCommandLineOption platformOption(QStringLiteral("platform"),
        QStringLiteral("Only this platform (repeatable): ecs-ec2, ecs-fargate, "
                       "ecs-fargate-spot, eks-nodes, eks-fargate, app-runner."),
        QStringLiteral("ID"));
    const QCommandLineOption quietOption({ QStringLiteral("q"), QStringLiteral("quiet") },
        QStringLiteral("Leave out warnings about the scenario (errors still go to standard error)."));
    parser.addOptions({ loadOption, formatOption, outputOption, fastOption, platformOption, quietOption });
    const PricingOptions pricingOptions;
    pricingOptions.addTo(parser);
    if (!parser.parse(QStringList { QStringLiteral("fleetplan sweep") } + ctx.args)) {
        ctx.err << "fleetplan sweep: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().size() != 1) {
        ctx.err << "fleetplan sweep: expected exactly one SCENARIO file\n";
        return UsageError;
    }
    const QString format = parser.value(formatOption);
    if (format != u"table" && format != u"json" && format != u"csv") {
        ctx.err << "fleetplan sweep: --format must be table, json or csv, not \"" << format << "\"\n";
        return UsageError;
    }
    models::LoadSweepOptions options;
    for (const QString &id : parser.values(platformOption)) {
        const auto platform = models::platformFromId(id);
        if (!platform) {
            ctx.err << "fleetplan sweep: unknown platform \"" << id
                    << "\" (expected ecs-ec2, ecs-fargate, ecs-fargate-spot, eks-nodes, eks-fargate or app-runner)\n";
            return UsageError;
        }
        if (!options.platforms.contains(*platform))
            options.platforms.append(*platform);
    }
    // A range that cannot be swept is invalid input (exit 2), like a scenario that cannot be priced.
    QString rangeError;
    const auto range = models::parseLoadRange(parser.value(loadOption), &rangeError);
    if (!range) {
        ctx.err << "fleetplan sweep: --load: " << rangeError << '\n';
        return InvalidInput;
    }
    options.range = *range;
    options.fast = parser.isSet(fastOption);

    int exitCode = Ok;
    const auto pricing = setupPricing(parser, pricingOptions, QStringLiteral("sweep"),
        parser.positionalArguments().constFirst(), ctx.err, parser.isSet(quietOption), &exitCode);
    if (!pricing)
        return exitCode;
    const auto read = readValidScenario(parser.positionalArguments().constFirst(), *pricing->catalog, ctx.err,
        parser.isSet(quietOption), 1.0, pricing->region);
    if (!read)
        return InvalidInput;

    const models::LoadSweep sweep = models::sweepLoad(*read, *pricing->catalog, options);
    PricingSetup used = *pricing;
    if (used.hasPriceBook()) {
        models::SimulationOptions simulation;
        simulation.platforms = options.platforms;
        used.measureChanges(*read, models::simulate(*read, *pricing->catalog, {}, simulation), {}, simulation);
    }
    QString text;
    if (format == u"json") {
        text = QString::fromUtf8(envelopeJson(models::loadSweepToJson(sweep), QStringLiteral("load_sweep"),
            QJsonObject { { QStringLiteral("pricing"), used.toJson(read->region) } }));
    } else if (format == u"csv") {
        text = toCsv(sweep);
    } else {
        text = toTable(sweep);
        const QStringList notes = used.noteLines(read->region);
        if (!notes.isEmpty())
            text += u'\n' + notes.join(u'\n') + u'\n';
    }

    const QString output = parser.value(outputOption);
    if (output.isEmpty() || output == u"-") {
        ctx.out << text;
    } else {
        QString reason;
        if (!models::writeFileAtomically(output, text.toUtf8(), &reason)) {
            ctx.err << "fleetplan sweep: cannot write " << output << ": " << reason << '\n';
            return InvalidInput;
        }
    }
    // As compare: the run fails only when no platform can run the workload at any load.
    bool anyFeasible = false;
    for (const models::SweepPoint &p : sweep.points) {
        for (const models::SweepCost &c : p.costs)
            anyFeasible = anyFeasible || c.feasible;
    }
    if (!anyFeasible && !sweep.platforms.isEmpty()) {
        ctx.err << "fleetplan sweep: no platform can run this workload at any load swept\n";
        return InvalidInput;
    }
    return Ok;
}

} // namespace fleetplan::cli
