// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/scenarioinput.h"

#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "pricing/catalog.h"

namespace fleetplan::cli {

std::optional<models::Scenario> readValidScenario(const QString &path, const pricing::Catalog &catalog,
    QTextStream &err, bool quiet, double loadMultiplier, const std::optional<QString> &region)
{
    models::ScenarioReadResult read = models::readScenarioFile(path);
    if (read.scenario && region)
        read.scenario->region = *region;
    QList<models::Diagnostic> problems = read.diagnostics; // already name the file
    if (read.ok()) {
        const QString origin = path == QLatin1String("-") ? QStringLiteral("<stdin>") : path;
        for (models::Diagnostic d : models::validateScenario(*read.scenario, &catalog)) {
            d.where = d.where.isEmpty() ? origin : origin + u':' + d.where;
            problems.append(d);
        }
        if (!models::hasErrors(problems))
            problems
                += models::validateLoadMultiplier(*read.scenario, loadMultiplier, QStringLiteral("--load-multiplier"));
    }
    for (const models::Diagnostic &d : std::as_const(problems)) {
        if (d.isError())
            err << "error: " << d.toString() << '\n';
        else if (!quiet)
            err << "warning: " << d.toString() << '\n';
    }
    if (!read.ok() || models::hasErrors(problems))
        return std::nullopt;
    return read.scenario;
}

} // namespace fleetplan::cli
