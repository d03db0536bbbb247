// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "models/simulation/costengine.h"
#include "models/simulation/demandtimeline.h"
#include "models/simulation/platformmodels.h"
#include "pricing/fargatesizing.h"
#include "pricing/rates.h"

/// The phases of the three Fargate platform models (ECS Fargate, ECS Fargate Spot, EKS Fargate):
///  1. what runs: fargateTaskPlans() — each service's task / pod size after the platform's rules (daemons
///     as sidecars, EKS + 256 MiB, rounded up to a valid Fargate size) and its rate cards;
///  2. usage per demand state: fargateStateUsage() — task-hours on FARGATE and FARGATE_SPOT (capacity-
///     provider strategy, per-second billing with the minimum);
///  3. what is billed directly: fargateBillableState() / fargateBillableUsage() — vCPU-hours and GB-hours
///     by rate card, storage above 20 GB, Windows licence, cluster-hours — priced by the cost engine.
/// simulateFargatePlatform() (platformmodels.h) runs them and adds series, fleet states and assumptions.
namespace fleetplan::models {

/// How one service runs on the platform.
struct FargateTaskPlan
{
    int service = -1; ///< index into scenario.services
    pricing::FargateSize size; ///< provisioned size after sidecars, the EKS overhead and rounding
    pricing::FargateRateCard onDemand;
    std::optional<pricing::FargateRateCard> spot; ///< set when the service may go to FARGATE_SPOT
    QString rateLabel; ///< "Linux x86", "Linux ARM", "Windows x86"
    bool windows = false;
    double storageAboveFreeGb = 0.0; ///< ephemeral GiB above the free 20 GB
    double requestedCpu = 0.0; ///< the service's own request (what utilisation divides)
    double requestedMemoryMib = 0.0;
    int billedSecondsPerRun = 0; ///< jobs: max(runSeconds, 60 s; Windows 300 s)
};

/// Phase 1 of a Fargate platform.
struct FargateTaskPlans
{
    QList<FargateTaskPlan> plans; ///< one per service that can run (daemons and infeasible services left out)
    double sidecarCpu = 0.0; ///< Σ daemons' vCPU, added to every task / pod
    double sidecarMemoryMib = 0.0;
    QStringList daemons; ///< names of the daemons run as sidecars
    int fargateBase = 0, fargateWeight = 0, fargateSpotWeight = 0; ///< capacity-provider strategy (ECS Fargate Spot)
};

/// What runs on Fargate: daemons as sidecars, each task's size rounded up (EKS: requests + 256 MiB first),
/// the rate cards of its architecture and OS (EKS Fargate: Linux x86 always), FARGATE_SPOT for spot_ok
/// Linux services on ECS Fargate Spot. Warnings and infeasible services go to `result`, in the order the
/// platform reports them.
FargateTaskPlans fargateTaskPlans(const SimulationInput &in, PlatformId id, PlatformResult &result);

/// Task-hours of one plan in one hour of a demand state.
struct FargatePlanUsage
{
    double onDemandTaskHours = 0.0;
    double spotTaskHours = 0.0;
};

/// Usage of one demand state per plan: services run whole hours; a job bills runs starting in the hour
/// × its parallel tasks × max(run seconds, minimum) ÷ 3600; FARGATE_SPOT gets fargateSpotTasks() of them.
QList<FargatePlanUsage> fargateStateUsage(
    const FargateTaskPlans &plans, const Scenario &scenario, const HourDemand &demand);

/// Billable items of one demand state: per plan vCPU-hours (task-hours × vCPU) and GB-hours (task-hours ×
/// GiB) at the On-Demand or Spot rate, storage GB-hours above 20 GB, Windows licence vCPU-hours.
BillableState fargateBillableState(const FargateTaskPlans &plans, const QList<FargatePlanUsage> &usage);

} // namespace fleetplan::models
