// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/commands.h"
#include "app/cli/jsonenvelope.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "pricing/catalog.h"

namespace fleetplan::cli {

namespace {
QString severityName(const models::Diagnostic &d)
{
    return d.isError() ? QStringLiteral("error") : QStringLiteral("warning");
}
} // namespace

int runValidate(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check a scenario file and print every problem: the file's syntax and types, then the workload\n"
                       "(sizes, replicas, load profiles, jobs), the region and whether every task fits an allowed\n"
                       "instance type of the bundled catalog. Exit status 0 when valid, 2 when not."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Scenario (.json or .fleetplan; - for stdin)"));
    const QCommandLineOption format(QStringLiteral("format"),
        QStringLiteral("Output format: text (problems on stderr) or json (a report on stdout)."),
        QStringLiteral("text|json"), QStringLiteral("text"));
    const QCommandLineOption strict(QStringLiteral("strict"), QStringLiteral("Treat warnings as errors."));
    const QCommandLineOption noCatalog(QStringLiteral("no-catalog"),
        QStringLiteral("Skip the checks against the bundled catalog (region, instance fit)."));
    parser.addOptions({ format, strict, noCatalog });
    if (!parser.parse(QStringList { QStringLiteral("fleetplan validate") } + ctx.args)) {
        ctx.err << "fleetplan validate: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().size() != 1) {
        ctx.err << "fleetplan validate: expected exactly one FILE\n";
        return UsageError;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json")) {
        ctx.err << "fleetplan validate: unknown --format \"" << fmt << "\" (expected text or json)\n";
        return UsageError;
    }

    const QString path = parser.positionalArguments().constFirst();
    const QString origin = path == QLatin1String("-") ? QStringLiteral("<stdin>") : path;
    const models::ScenarioReadResult read = models::readScenarioFile(path);
    QList<models::Diagnostic> problems = read.diagnostics; // already name the file
    if (read.scenario && !hasErrors(read.diagnostics)) {
        std::shared_ptr<const pricing::Catalog> catalog;
        // The same catalog compare and report price with (bundled + the user's price book), so that what
        // validate accepts, they accept.
        QString catalogError;
        if (!parser.isSet(noCatalog))
            catalog = pricing::Catalog::withUserPriceBook(&catalogError);
        if (!catalogError.isEmpty())
            ctx.err << "fleetplan validate: " << catalogError << '\n';
        for (models::Diagnostic d : models::validateScenario(*read.scenario, catalog.get())) {
            d.where = d.where.isEmpty() ? origin : origin + u':' + d.where;
            problems.append(d);
        }
    }
    int errors = 0;
    int warnings = 0;
    for (const models::Diagnostic &d : std::as_const(problems))
        (d.isError() ? errors : warnings) += 1;
    const bool valid = errors == 0 && (!parser.isSet(strict) || warnings == 0);

    if (fmt == QLatin1String("json")) {
        QJsonArray list;
        for (const models::Diagnostic &d : std::as_const(problems))
            list.append(QJsonObject { { QStringLiteral("severity"), severityName(d) },
                { QStringLiteral("where"), d.where }, { QStringLiteral("message"), d.message } });
        QJsonObject report { { QStringLiteral("file"), origin }, { QStringLiteral("valid"), valid },
            { QStringLiteral("errors"), errors }, { QStringLiteral("warnings"), warnings },
            { QStringLiteral("problems"), list } };
        if (read.scenario) {
            report.insert(QStringLiteral("services"), int(read.scenario->services.size()));
            report.insert(QStringLiteral("load_profiles"), int(read.scenario->loadProfiles.size()));
        }
        ctx.out << envelopeJson(report, QStringLiteral("validation"));
        return valid ? Ok : InvalidInput;
    }

    for (const models::Diagnostic &d : std::as_const(problems))
        ctx.err << severityName(d) << ": " << d.toString() << '\n';
    if (valid) {
        ctx.out << "valid: " << origin << ": " << read.scenario->services.size() << " services, "
                << read.scenario->loadProfiles.size() << " load profiles";
        if (warnings > 0)
            ctx.out << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
        ctx.out << '\n';
        return Ok;
    }
    ctx.err << "invalid: " << origin << ": " << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
            << (warnings == 1 ? " warning" : " warnings") << '\n';
    return InvalidInput;
}

} // namespace fleetplan::cli
