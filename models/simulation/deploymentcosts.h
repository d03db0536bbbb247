// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include "models/simulation/costreport.h"
#include "models/simulation/platformmodels.h"
#include "models/workload/scenario.h"

/// Deployments as a cost component (issue 20; docs/cost-rules.md "Deployments"). A rolling update starts
/// surge tasks beside the running ones for the deployment's duration; blue/green (CodeDeploy) runs a full
/// second task set for the duration plus the bake time. The hourly simulation steps by an hour, so the
/// surge is pro-rated: surge task-hours = surge tasks × minutes ÷ 60 per deployment. Fargate bills those
/// task-hours at the task's Fargate size (per second, one minute minimum); ECS on EC2 and EKS nodes pay only
/// for the extra nodes needed where the hour's packed fleet has no room for the surge; App Runner deploys
/// by itself and is not priced here.
namespace fleetplan::models {

/// Surge tasks one deployment starts for `desired` running tasks. Rolling: maxSurge as a percent of
/// `desired` rounded the orchestrator's way — Kubernetes rounds maxSurge up, ECS rounds maximumPercent
/// down (ECS API reference, DeploymentConfiguration; Kubernetes API reference, RollingUpdateDeployment) —
/// or an absolute count, at most `desired`. Blue/green: `desired` (a full second task set). None: 0.
int surgeTasks(const DeploymentSettings &deployment, int desired, bool kubernetesRounding);

/// Minutes the surge tasks run in one deployment: the duration, plus the bake time for blue/green.
double surgeMinutes(const DeploymentSettings &deployment);

/// The hours of the period in which a deployment starts: deployment k at k × 86 400 s ÷ frequency (per
/// day) or k × 604 800 s ÷ frequency (per week) after the start of the period (as job runs are spread over
/// the day), for every k whose start lies inside the period. Empty when the strategy is none or the
/// frequency is 0.
QList<int> deploymentStartHours(const DeploymentSettings &deployment, int periodHours);

/// Adds the "deployments" component of `result`'s platform (nothing when no service deploys), its
/// explanation, its cost in the hour each deployment starts, and an assumption naming the rule. App
/// Runner gets only the assumption.
void addDeployments(const SimulationInput &in, PlatformResult &result);

} // namespace fleetplan::models
