// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>
#include <QTextStream>

#include "models/workload/scenario.h"

namespace fleetplan::pricing {
class Catalog;
}

namespace fleetplan::cli {

/// Reads the scenario a command is about to price (`-` = standard input) and validates it against the
/// catalog, with validateScenario() as `validate` does, and the what-if `loadMultiplier` with
/// validateLoadMultiplier(). Every problem goes to `err` naming the file and the field; warnings are left
/// out when `quiet`. Returns nothing when there is an error: a negative replica count, a number above the
/// limits of validation.h or an unknown instance type is never priced. `region` (`--region`, a config
/// file) replaces the scenario's region before it is checked.
std::optional<models::Scenario> readValidScenario(const QString &path, const pricing::Catalog &catalog,
    QTextStream &err, bool quiet = false, double loadMultiplier = 1.0, const std::optional<QString> &region = {});

} // namespace fleetplan::cli
