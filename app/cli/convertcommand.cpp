// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCommandLineParser>

#include "app/cli/commands.h"
#include "app/cli/scenarioinput.h"
#include "models/workload/scenariojson.h"
#include "pricing/catalog.h"

namespace fleetplan::cli {

int runConvert(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Convert a scenario between the JSON interchange format and the native .fleetplan document.\n"
                       "The format of each file follows its extension (.fleetplan = SQLite document, anything else =\n"
                       "JSON); OUTPUT - writes JSON to standard output. The output is written atomically: on failure\n"
                       "an existing OUTPUT is left as it was. Nothing is lost: both formats hold every field."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("INPUT"), QStringLiteral("Scenario to read (.json or .fleetplan; - for stdin)"));
    parser.addPositionalArgument(
        QStringLiteral("OUTPUT"), QStringLiteral("File to write (.fleetplan or .json; - for stdout)"));
    if (!parser.parse(QStringList { QStringLiteral("fleetplan convert") } + ctx.args)) {
        ctx.err << "fleetplan convert: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2) {
        ctx.err << "fleetplan convert: expected INPUT and OUTPUT\n";
        return UsageError;
    }
    // What `validate` rejects is not converted: a NaN or 1e308 would be written as "cpu": null, and a
    // converted file must read back as the same valid scenario.
    QString catalogError;
    const auto catalog = pricing::Catalog::withUserPriceBook(&catalogError);
    if (!catalogError.isEmpty())
        ctx.err << "fleetplan convert: " << catalogError << '\n';
    const auto read = readValidScenario(files.at(0), *catalog, ctx.err);
    if (!read) {
        ctx.err << "fleetplan convert: " << files.at(1) << " not written\n";
        return InvalidInput;
    }
    if (files.at(1) == QLatin1String("-")) {
        ctx.out << QString::fromUtf8(models::scenarioToJson(*read));
        return Ok;
    }
    QString error;
    if (!models::writeScenarioFile(*read, files.at(1), &error)) {
        ctx.err << "error: " << error << '\n';
        return InvalidInput;
    }
    return Ok;
}

} // namespace fleetplan::cli
