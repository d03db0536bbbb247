// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/diagnostic.h"
#include "models/workload/scenario.h"

/// JSON interchange of scenarios (docs/scenario-format.md). One reader and one writer serve the CLI,
/// the GUI, the tests and users' own tools.
namespace fleetplan::models {

struct ScenarioReadResult
{
    std::optional<Scenario> scenario; ///< set unless an error stopped reading
    QList<Diagnostic> diagnostics; ///< errors and warnings (unknown keys are warnings)
    bool ok() const { return scenario.has_value() && !hasErrors(diagnostics); }
    QString errorText() const; ///< all diagnostics, one per line
};

/// The newest `fleetplan_scenario` format version this Fleetplan reads. Version 2 (issue 19) adds the
/// app-runner platform block and the services' App Runner request fields; the reader takes versions 1
/// and 2 (a version-1 document has neither, so App Runner is off and the fields are their defaults).
inline constexpr int ScenarioFormatVersion = 2;
/// The version a scenario is written as: 2 when it uses anything version 1 lacks (App Runner settings
/// that differ from the default, a service's request load), else 1, so an older Fleetplan still opens
/// every file that does not need the newer fields, and refuses, rather than misprices, one that does.
int scenarioFormatVersionOf(const Scenario &scenario);

/// The registry and network blocks (issue 19) as JSON objects: the JSON format's "registry" and "network"
/// keys, and what the SQLite document stores for them (table scenario_blocks).
QJsonObject registryToJson(const RegistrySettings &registry);
QJsonObject networkToJson(const NetworkSettings &network);
/// Reads a block into `out`, reporting type errors and unknown keys at `path` ("registry", "network").
void registryFromJson(
    const QJsonObject &object, const QString &path, RegistrySettings &out, QList<Diagnostic> &diagnostics);
void networkFromJson(
    const QJsonObject &object, const QString &path, NetworkSettings &out, QList<Diagnostic> &diagnostics);

/// A service's "deployment" block (issue 20) as a JSON object: the JSON format's key, and what the SQLite
/// document stores in services.deployment. deploymentToJson writes the optional keys only when they differ
/// from the default; deploymentFromJson reports type errors and unknown keys at `path`.
QJsonObject deploymentToJson(const DeploymentSettings &deployment);
void deploymentFromJson(
    const QJsonObject &object, const QString &path, DeploymentSettings &out, QList<Diagnostic> &diagnostics);

/// Parses a scenario from JSON text. `origin` (a file name) prefixes locations of syntax errors.
ScenarioReadResult scenarioFromJson(const QByteArray &json, const QString &origin = {});
ScenarioReadResult scenarioFromJsonObject(const QJsonObject &object);
/// Writes every field, defaults included, so a round trip is lossless.
QJsonObject scenarioToJsonObject(const Scenario &scenario);
QByteArray scenarioToJson(const Scenario &scenario);

/// Reads a scenario file: `.json` through scenarioFromJson, `.fleetplan` through the SQLite document
/// reader. `-` reads standard input (JSON).
ScenarioReadResult readScenarioFile(const QString &path);

/// Writes a scenario file atomically: `.fleetplan` as a SQLite document (writeScenarioDocument),
/// anything else as JSON through QSaveFile. On failure the previous file is left intact, false is
/// returned and `error` (when given) names the file and the cause.
bool writeScenarioFile(const Scenario &scenario, const QString &path, QString *error = nullptr);

/// The bundled sample scenario (resources/samples/online-shop.json, compiled in).
Scenario bundledSampleScenario();

} // namespace fleetplan::models
