// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include "models/import/importresult.h"

/// Amazon ECS descriptions to services: the JSON the AWS CLI prints or takes.
namespace fleetplan::models {

/// Imports ECS JSON files of three kinds, recognised by their top-level keys:
/// - task definitions as `aws ecs describe-task-definition` prints them (`{"taskDefinition": {...}}`) and as
///   `aws ecs register-task-definition --cli-input-json` takes them (`{"family": ..., "containerDefinitions": [...]}`);
/// - `aws ecs describe-services` output (`{"services": [...]}`), joined to the task definitions of the
///   batch by ARN, `family:revision` or `family` (the highest revision given);
/// - `aws application-autoscaling describe-scalable-targets --service-namespace ecs` output
///   (`{"ScalableTargets": [...]}`), joined to the services by ResourceId `service/CLUSTER/NAME`.
///
/// Task size follows the ECS rules (ContainerDefinition and TaskDefinition API reference): task-level
/// `cpu` / `memory`, where set, are the task size; otherwise the containers' sum, where a container
/// reserves `memoryReservation` if set, else `memory`, and `cpu` units (1024 = 1 vCPU). A service gets
/// replicas from `desiredCount`, spotOk from a FARGATE_SPOT capacity provider, kind daemon from the
/// DAEMON scheduling strategy. A task definition no service of the batch uses is imported on its own
/// with one replica.
ImportResult importEcs(const QList<ImportInput> &inputs);

/// Reads the files (a directory: its *.json, *.yaml and *.yml files, recursively) and imports them.
ImportResult importEcsPaths(const QStringList &paths);

} // namespace fleetplan::models
