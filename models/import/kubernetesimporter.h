// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include "models/import/importresult.h"

/// Kubernetes manifests to services: multi-document YAML (as `helm template` and kustomize print it) and
/// `kubectl get ... -o yaml|json` output, including `List` objects.
namespace fleetplan::models {

/// Run time assumed for a Job or CronJob run without `activeDeadlineSeconds` (docs/import.md); a
/// CronJob that runs more often is assumed to take at most the time between two runs.
inline constexpr int DefaultJobRunSeconds = 600;
/// Size planned for a pod whose containers have no request or limit at all: what EKS Fargate gives such a
/// pod (EKS user guide, "Fargate pod configuration": no requests → 0.25 vCPU / 0.5 GB).
inline constexpr double NoRequestCpu = 0.25;
inline constexpr double NoRequestMemoryMib = 512;

/// Imports Kubernetes objects from the inputs (YAML through yaml-cpp, JSON through QJsonDocument).
///
/// Deployment, StatefulSet, ReplicaSet and Pod become services; DaemonSet a daemon; Job and CronJob a
/// job (runs per day from the cron schedule, run time from activeDeadlineSeconds, parallel pods from
/// parallelism/completions). Per container the CPU and memory requests count, or the limits where a
/// request is absent (Kubernetes defaults requests to limits); init containers count by the max rule,
/// init containers with `restartPolicy: Always` (native sidecars) as long-running. A
/// HorizontalPodAutoscaler (autoscaling/v1 or v2) sets min/max replicas of its scaleTargetRef when that
/// object is in the batch. `kubernetes.io/arch`, `kubernetes.io/os` and Spot capacity labels
/// (`karpenter.sh/capacity-type: spot`, `eks.amazonaws.com/capacityType: SPOT`) in nodeSelector,
/// required node affinity or tolerations set arch, os and spotOk. Objects owned by a controller
/// (ReplicaSets of a Deployment, Pods of a ReplicaSet, Jobs of a CronJob) are skipped, so a
/// `kubectl get all` dump does not count a workload twice; so are Helm hooks (objects annotated
/// `helm.sh/hook`, e.g. `helm test` Pods), which `helm template` prints but which do not run in the fleet.
ImportResult importKubernetes(const QList<ImportInput> &inputs);

/// Which namespaces an import keeps (`fleetplan import k8s --namespace/--exclude-namespace`). Patterns are
/// names or shell wildcards ("team-*"); an object without `metadata.namespace` is in "default", where
/// `kubectl apply` without `-n` puts it. Empty `include` keeps every namespace not excluded.
struct KubernetesImportOptions
{
    QStringList includeNamespaces;
    QStringList excludeNamespaces;

    /// The namespace an object is in: `ns`, or "default" when it names none.
    [[nodiscard]] static QString namespaceOf(const QString &ns);
    /// Whether an object of namespace `ns` ("" = default) is imported.
    [[nodiscard]] bool keeps(const QString &ns) const;
};

/// As importKubernetes(inputs), keeping only the namespaces `options` selects; every workload left out is
/// counted in `skippedKinds` as "KIND (namespace NS not selected)", and an HPA of such a namespace is
/// ignored with it.
ImportResult importKubernetes(const QList<ImportInput> &inputs, const KubernetesImportOptions &options);

/// Reads files and directories (recursively: *.yaml, *.yml, *.json) and imports them. A directory holding
/// Chart.yaml (an unrendered Helm chart) is refused with helmChartMessage().
ImportResult importKubernetesPaths(const QStringList &paths, const KubernetesImportOptions &options = {});

/// The error for an unrendered Helm chart: how to render it (Debian 12 ships no helm to do it for the user).
QString helmChartMessage();

/// A chart's Chart.yaml, or a file with Go template actions (`{{ .Values.x }}`, `{{- include ...}}`). The
/// importer gives helmChartMessage() for such a file only when it cannot read it: rendered manifests hold
/// template text in strings too (Prometheus alert annotations, Alertmanager templates).
bool isHelmChartFile(const ImportInput &input);

} // namespace fleetplan::models
