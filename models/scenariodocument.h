// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "models/scenariojson.h"

/// The native `.fleetplan` document: a SQLite file (application_id, user_version, migrations).
namespace fleetplan::models {

/// Reads a `.fleetplan` SQLite document.
ScenarioReadResult readScenarioDocument(const QString &path);

} // namespace fleetplan::models
