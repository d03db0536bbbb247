// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

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

/// A node group read from infrastructure code (Terraform `aws_eks_node_group`, CloudFormation
/// `AWS::EKS::Nodegroup`): what the EKS-nodes platform's settings can hold of it.
struct ImportedNodeGroup
{
    QString source; ///< "plan.json: aws_eks_node_group.general"
    QStringList instanceTypes; ///< empty: AWS's default (t3.medium)
    int minSize = 0;
    int maxSize = 0;
    int desiredSize = 0;
    bool spot = false; ///< capacity type SPOT
    double diskGib = 20; ///< disk_size / DiskSize (EKS default 20 GiB)

    friend bool operator==(const ImportedNodeGroup &, const ImportedNodeGroup &) = default;
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
    QList<ImportedNodeGroup> nodeGroups; ///< EKS managed node groups (infrastructure code only)
    /// The AWS region the input's ARNs name (ECS: task definition, service and cluster ARNs); empty when
    /// none does. Several regions in one batch are a warning, and the first is kept.
    QString region;

    bool hasErrors() const { return models::hasErrors(diagnostics); }
    /// A few lines for people: services imported, skipped kinds with counts, failed files.
    QString summary() const;
};

/// The EKS-nodes platform settings the node groups describe (applyNodeGroups), or the settings unchanged
/// when there are none: allowed instance types = every group's types (AWS's default t3.medium for a group
/// naming none), one fixed type when that is a single type (a managed node group does not mix), the
/// largest disk as EBS per node.
PlatformSettings eksNodesSettings(const QList<ImportedNodeGroup> &groups, PlatformSettings settings);

/// Applies the node groups to the scenario: the EKS-nodes settings (eksNodesSettings) and, when some groups
/// are SPOT, the purchase Spot share = their share of the desired nodes. Returns what it changed, for the
/// user ("" when there were no node groups).
QString applyNodeGroups(const QList<ImportedNodeGroup> &groups, Scenario &scenario);

/// Reads files into inputs. Directories are searched recursively for *.yaml, *.yml and *.json (sorted);
/// an unreadable path becomes an error diagnostic in `errors` and a failed file.
QList<ImportInput> readImportInputs(const QStringList &paths, QList<Diagnostic> &errors, QStringList &failedFiles);

/// Reads the paths (readImportInputs) and runs `importer` on what was read; read errors and failed files
/// come first in the result.
ImportResult importPaths(
    const QStringList &paths, const std::function<ImportResult(const QList<ImportInput> &)> &importer);

/// Gives services with the same name distinct names ("web", "web-2"), warning about each rename.
void makeServiceNamesUnique(ImportResult &result);

} // namespace fleetplan::models
