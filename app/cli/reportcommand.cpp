// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan report SCENARIO -o OUT.pdf|.html|.csv|.json|.md`: the comparison as a document (docs/reports.md).
#include <QCommandLineParser>
#include <QFileInfo>

#include "app/cli/commands.h"
#include "app/cli/diffrun.h"
#include "app/cli/pricingsetup.h"
#include "app/cli/scenarioinput.h"
#include "app/report/reportwriter.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "models/simulation/simulation.h"
#include "pricing/catalog.h"

namespace fleetplan::cli {

int runReport(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a cost report of a scenario: PDF (charts, breakdowns, assumptions), self-contained HTML, Markdown, "
        "CSV (one row per platform and component) or JSON (the same as compare --format json)."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("SCENARIO"), QStringLiteral("Scenario (.json or .fleetplan; - for stdin)"));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write the report to FILE (.pdf, .html, .csv, .json, .md; - for stdout)."),
        QStringLiteral("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
        QStringLiteral("pdf, html, csv, json or md (default: from the suffix of FILE)."), QStringLiteral("FORMAT"));
    const QCommandLineOption pageOption(QStringLiteral("page-size"),
        QStringLiteral("PDF page size: A4 (default) or Letter."), QStringLiteral("SIZE"), QStringLiteral("A4"));
    const QCommandLineOption hourlyOption(QStringLiteral("hourly-csv"),
        QStringLiteral("Also write the hour-by-hour series (cost, nodes, tasks, vCPU) as CSV to FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption loadOption(QStringLiteral("load-multiplier"),
        QStringLiteral("Multiply every service's load (what-if)."), QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption platformOption(QStringLiteral("platform"),
        QStringLiteral("Only this platform (repeatable): ecs-ec2, ecs-fargate, "
                       "ecs-fargate-spot, eks-nodes, eks-fargate, app-runner."),
        QStringLiteral("ID"));
    const QCommandLineOption baselineOption(QStringLiteral("baseline"),
        QStringLiteral("Compare with this scenario (last week's plan): an \"Against the baseline\" section per "
                       "platform and component, with the inputs that changed (PDF, HTML, Markdown)."),
        QStringLiteral("FILE"));
    const QCommandLineOption quietOption(
        { QStringLiteral("q"), QStringLiteral("quiet") }, QStringLiteral("Print nothing but errors."));
    parser.addOptions({ outputOption, formatOption, pageOption, hourlyOption, loadOption, platformOption,
        baselineOption, quietOption });
    const PricingOptions pricingOptions;
    pricingOptions.addTo(parser);
    if (!parser.parse(QStringList { QStringLiteral("fleetplan report") } + ctx.args)) {
        ctx.err << "fleetplan report: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().size() != 1) {
        ctx.err << "fleetplan report: expected exactly one SCENARIO file\n";
        return UsageError;
    }
    if (!parser.isSet(outputOption)) {
        ctx.err
            << "fleetplan report: -o FILE is required (.pdf, .html, .csv, .json or .md; - for stdout with --format)\n";
        return UsageError;
    }
    const QString output = parser.value(outputOption);
    const bool quiet = parser.isSet(quietOption);

    app::ReportOptions options;
    if (parser.isSet(formatOption)) {
        options.format = app::reportFormatFromId(parser.value(formatOption));
        if (!options.format) {
            ctx.err << "fleetplan report: --format must be pdf, html, csv, json or md, not \""
                    << parser.value(formatOption) << "\"\n";
            return UsageError;
        }
    } else if (!app::reportFormatFromPath(output)) {
        ctx.err << "fleetplan report: cannot tell the format of \"" << output
                << "\": use a .pdf, .html, .csv, .json or .md file, or --format\n";
        return UsageError;
    }
    const QString pageSize = parser.value(pageOption).toLower();
    if (pageSize == u"a4") {
        options.pageSize = QPageSize::A4;
    } else if (pageSize == u"letter") {
        options.pageSize = QPageSize::Letter;
    } else {
        ctx.err << "fleetplan report: --page-size must be A4 or Letter, not \"" << parser.value(pageOption) << "\"\n";
        return UsageError;
    }
    options.hourlyCsvPath = parser.value(hourlyOption);
    if (output == u"-" && options.hourlyCsvPath == u"-") {
        ctx.err << "fleetplan report: the report and --hourly-csv cannot both go to standard output\n";
        return UsageError;
    }

    models::SimulationOptions simulation;
    for (const QString &id : parser.values(platformOption)) {
        const auto platform = models::platformFromId(id);
        if (!platform) {
            ctx.err << "fleetplan report: unknown platform \"" << id
                    << "\" (expected ecs-ec2, ecs-fargate, ecs-fargate-spot, eks-nodes, eks-fargate or app-runner)\n";
            return UsageError;
        }
        if (!simulation.platforms.contains(*platform))
            simulation.platforms.append(*platform);
    }
    models::WhatIf whatIf;
    bool numberOk = false;
    whatIf.loadMultiplier = parser.value(loadOption).toDouble(&numberOk);
    // NaN, infinity and 1e300 parse as numbers: they are not load multipliers (validation.h).
    if (!numberOk || !(whatIf.loadMultiplier >= 0 && whatIf.loadMultiplier <= models::MaxLoadMultiplier)) {
        ctx.err << "fleetplan report: --load-multiplier must be a number from 0 to " << models::MaxLoadMultiplier
                << ", not \"" << parser.value(loadOption) << "\"\n";
        return UsageError;
    }

    int exitCode = Ok;
    const auto pricing = setupPricing(parser, pricingOptions, QStringLiteral("report"),
        parser.positionalArguments().constFirst(), ctx.err, quiet, &exitCode);
    if (!pricing)
        return exitCode;
    const auto &catalog = pricing->catalog;
    const auto read = readValidScenario(
        parser.positionalArguments().constFirst(), *catalog, ctx.err, quiet, whatIf.loadMultiplier, pricing->region);
    if (!read)
        return InvalidInput;
    const models::Scenario &scenario = *read;
    options.catalog = catalog;

    const models::CostReport report = models::simulate(scenario, *catalog, whatIf, simulation);
    PricingSetup used = *pricing;
    used.measureChanges(scenario, report, whatIf, simulation);
    options.notes = used.noteLines(report.region);
    options.json = costReportJson(report, scenario, used);
    if (parser.isSet(baselineOption)) {
        const QString file = parser.value(baselineOption);
        const auto baseline = readValidScenario(file, *catalog, ctx.err, quiet, whatIf.loadMultiplier, pricing->region);
        if (!baseline)
            return InvalidInput;
        options.baseline = app::ReportBaseline { QFileInfo(file).fileName(), *baseline,
            models::simulate(*baseline, *catalog, whatIf, simulation) };
    }
    ctx.out.flush(); // the report may go to stdout through its own QFile
    QString error;
    const auto outcome = app::writeReport(report, scenario, output, options, &error);
    if (!outcome) {
        ctx.err << "fleetplan report: " << error << '\n';
        return InvalidInput;
    }
    if (!quiet) {
        ctx.err << "fleetplan report: wrote " << (output == u"-" ? QStringLiteral("standard output") : output) << " ("
                << app::toId(outcome->format).toUpper();
        if (outcome->pages > 0)
            ctx.err << ", " << outcome->pages << (outcome->pages == 1 ? " page" : " pages");
        ctx.err << ", " << outcome->bytes << " bytes)";
        if (!options.hourlyCsvPath.isEmpty())
            ctx.err << " and the hourly series to " << options.hourlyCsvPath;
        ctx.err << '\n';
    }
    return Ok;
}

} // namespace fleetplan::cli
