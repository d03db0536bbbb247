// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include "models/workload/scenariojson.h"

/// The native `.fleetplan` document: a SQLite file with proper tables (scenario, load_profiles,
/// load_profile_hours, services, containers, platform_settings, platform_instance_types, purchase,
/// meta), identified by `PRAGMA application_id` and versioned by `PRAGMA user_version`.
/// The layout and its migrations are described in docs/scenario-format.md. The code is in three parts:
/// documentschema.h (connections, DDL, migrations), scenariodocumentreader.cpp and
/// scenariodocumentwriter.cpp.
namespace fleetplan::models {

/// `PRAGMA application_id` of every `.fleetplan` file: the ASCII bytes "FLPN" (0x464C504E).
/// `file(1)` and our reader use it to tell a Fleetplan document from any other SQLite database.
inline constexpr qint32 DocumentApplicationId = 0x464C504E;

/// The schema version this build writes (`PRAGMA user_version`). Older files are read through the
/// migrations, in memory; newer ones are refused.
///  - 1: first layout (scenario, load profiles, services, containers, platform settings, purchase)
///  - 2: adds `scenario.notes` and the `meta` table (writer, save time, recovery information)
///  - 3: adds `services.gpus`, `services.accelerator`, `services.no_memory_request` and the
///    `reserved_instances` and `savings_plans` tables (existing commitments) (issue 14)
///  - 4: adds `services.requests_per_second`, `services.request_ms`, `services.concurrent_requests`
///    (App Runner's request load) (issue 19)
///  - 5: adds the `scenario_blocks` table: the registry and network blocks as JSON (issue 19)
///  - 6: adds `services.one_per_node` (issue 20)
///  - 7: adds `services.deployment`, the deployment block as JSON (issue 20)
///  - 8: adds `services.app_runner_vcpu`, `services.app_runner_memory_gb` (App Runner instance size, issue 19)
inline constexpr int DocumentSchemaVersion = 8;

/// Reads a `.fleetplan` SQLite document. Errors name the file and say what is wrong: not a SQLite
/// file, a SQLite file of another application, truncated or damaged, written by a newer Fleetplan.
/// Reading never writes: the file is opened read-only (a write-protected file or folder is fine) and
/// its bytes, modification time and `user_version` stay as they were. A document of an older schema
/// version is copied into an in-memory database, migrated there and read from it, with a warning;
/// the file gets the current schema when it is saved (writeScenarioDocument()).
/// `meta`, when given, receives the `meta` table's key/value pairs.
ScenarioReadResult readScenarioDocument(const QString &path, QHash<QString, QString> *meta = nullptr);

/// Writes `scenario` to `path` as a `.fleetplan` document, atomically: the document is built in a
/// temporary file in the same folder inside one SQLite transaction and then renamed over `path`.
/// On any failure (folder missing or read-only, disk full, file size limit) `path` is left exactly as
/// it was, the temporary file is removed, false is returned and `error` says what failed.
/// `meta` adds key/value pairs to the `meta` table (the writer version and save time are always set).
bool writeScenarioDocument(
    const Scenario &scenario, const QString &path, QString *error = nullptr, const QHash<QString, QString> &meta = {});

} // namespace fleetplan::models
