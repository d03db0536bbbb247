// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenariodocument.h"

namespace fleetplan::models {

// Placeholder until the SQLite document lands (issue 4): reports the file as unreadable.
ScenarioReadResult readScenarioDocument(const QString &path)
{
    ScenarioReadResult result;
    result.diagnostics.append({Diagnostic::Severity::Error, path,
                               QStringLiteral("SQLite .fleetplan documents are not supported by this build")});
    return result;
}

} // namespace fleetplan::models
