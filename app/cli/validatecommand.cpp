// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCommandLineParser>

#include "app/cli/commands.h"
#include "models/scenariojson.h"

namespace fleetplan::cli {

int runValidate(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check a scenario file and print every problem."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Scenario (.json or .fleetplan; - for stdin)"));
    if (!parser.parse(QStringList{QStringLiteral("fleetplan validate")} + ctx.args)) {
        ctx.err << parser.errorText() << '\n';
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
    const auto result = models::readScenarioFile(parser.positionalArguments().constFirst());
    if (!result.diagnostics.isEmpty())
        ctx.err << result.errorText() << '\n';
    if (!result.ok())
        return InvalidInput;
    ctx.out << "valid: " << result.scenario->services.size() << " services\n";
    return Ok;
}

} // namespace fleetplan::cli
