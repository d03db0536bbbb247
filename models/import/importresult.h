// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "models/diagnostic.h"
#include "models/workload/scenario.h"

/// What the workload importers (ECS, Kubernetes) share: their input and their result.
namespace fleetplan::models {

/// One file's content, with the name diagnostics and `Service::source` use for it.
struct ImportInput
{
    QString origin; ///< "chart.yaml", "taskdefs/web.json"
    QByteArray data;
};

/// The outcome of importing a batch of files.
///
/// A malformed file contributes nothing but its error diagnostics (naming the file and the line, or
/// the JSON path); the other files of the batch are imported as usual. Objects the planner does not
/// model (ConfigMap, Service, Ingress, ...) are counted in `skippedKinds`, not reported as errors.
struct ImportResult
{
    QList<Service> services; ///< in file order; each has `source` = "file: Kind/name"
    QMap<QString, int> skippedKinds; ///< kind → number of objects skipped
    QList<Diagnostic> diagnostics; ///< errors (a file or object not imported) and warnings (assumptions made)
    QStringList importedFiles; ///< files that contributed (or could have contributed) without error
    QStringList failedFiles; ///< files with an error: nothing was imported from them

    bool hasErrors() const { return models::hasErrors(diagnostics); }
    /// A few lines for people: services imported, skipped kinds with counts, failed files.
    QString summary() const;
};

/// Reads files into inputs. Directories are searched recursively for *.yaml, *.yml and *.json (sorted);
/// an unreadable path becomes an error diagnostic in `errors` and a failed file.
QList<ImportInput> readImportInputs(const QStringList &paths, QList<Diagnostic> &errors, QStringList &failedFiles);

/// Reads the paths (readImportInputs) and runs `importer` on what was read; read errors and failed files
/// come first in the result.
ImportResult importPaths(const QStringList &paths, ImportResult (*importer)(const QList<ImportInput> &));

/// Gives services with the same name distinct names ("web", "web-2"), warning about each rename.
void makeServiceNamesUnique(ImportResult &result);

} // namespace fleetplan::models
