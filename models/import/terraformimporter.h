// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include "models/import/importresult.h"

/// Terraform plans and states to services: the JSON `terraform show -json PLANFILE` and `terraform show
/// -json` (of a state) print.
namespace fleetplan::models {

/// Imports the AWS and Kubernetes provider resources of Terraform JSON output. A plan is read from its
/// `resource_changes` (what each resource will be after apply; resources being destroyed are left out), a
/// state from `values.root_module` and its child modules.
///
/// - `aws_ecs_task_definition` (container_definitions, cpu, memory, network_mode, requires_compatibilities,
///   runtime_platform, ephemeral_storage), `aws_ecs_service` (desired_count, launch_type,
///   capacity_provider_strategy, scheduling_strategy; placement strategies and constraints are not modelled
///   and are named in a warning) and `aws_appautoscaling_target` (ecs:service:DesiredCount) go through the
///   ECS importer's rules (importEcs), as register-task-definition input, describe-services and
///   describe-scalable-targets output. A service names its task definition, and a scalable target its
///   service, by value or, where the value is known only after apply, by the plan's configuration
///   references (`aws_ecs_task_definition.web.arn`).
/// - `kubernetes_*` workloads (deployment, stateful_set, daemonset, job, cron_job, pod,
///   replication_controller, horizontal_pod_autoscaler, with or without `_v1`/`_v2`) and `kubernetes_manifest`
///   are turned into manifests and go through the Kubernetes importer (importKubernetes).
/// - `aws_eks_node_group` becomes an ImportedNodeGroup (EKS-nodes platform settings);
///   `aws_eks_fargate_profile` is reported (its selectors) and counted.
/// - Values known only after apply (`after_unknown`) are reported as warnings, never guessed: a resource
///   whose sizing depends on one is not imported.
ImportResult importTerraform(const QList<ImportInput> &inputs);

/// Reads the files and imports them.
ImportResult importTerraformPaths(const QStringList &paths);

} // namespace fleetplan::models
