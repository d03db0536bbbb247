// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

#include "models/workload/scenario.h"
#include "models/simulation/costengine.h"
#include "models/simulation/costreport.h"
#include "models/simulation/demandtimeline.h"
#include "pricing/catalog.h"
#include "pricing/commitments.h"

/// The six platform models. Each turns the demand timeline into what AWS bills for one platform and
/// returns a complete PlatformResult (components with explanations, series, warnings, assumptions).
/// simulate() (simulation.h) is the public entry point; these are exposed for tests and benchmarks.
/// Each runs its phases — what to place / what runs, on which node types, what is billed — from
/// nodeplatform.h or fargateplatform.h and prices the billable usage with the cost engine (costengine.h).
namespace fleetplan::models {

/// What every platform model reads. References must outlive the call.
struct SimulationInput
{
    const Scenario &scenario;
    const pricing::Catalog &catalog;
    const DemandTimeline &demand;
    QString region; ///< after WhatIf::region
    PurchaseOptions purchase; ///< after WhatIf::spotShare / savingsPlanUsdPerHour
    std::optional<double> targetUtilizationPercent; ///< WhatIf override for the EC2 platforms
    int placementBudgetMicros = 0; ///< improvement-phase budget of each placement call (0 = constructive only)
    double loadMultiplier = 1.0; ///< WhatIf::loadMultiplier (App Runner scales requests, not replicas)
    double peakMultiplier = 1.0; ///< WhatIf::peakMultiplier
    bool lowerBounds = true; ///< SimulationOptions::lowerBounds
};

/// The discount (percent off On-Demand) of the scenario's Savings Plan for a scope, from the catalog's
/// commitment assumptions; nullopt when AWS sells no such plan (an EC2 Instance SP for Fargate).
std::optional<double> savingsPlanDiscountPercent(
    const SimulationInput &in, pricing::CommitmentScope scope, pricing::CommitmentPlan plan);
// savingsPlanOf(), paymentOf() and finishTotals() are declared in costengine.h.

/// One platform model (docs/architecture.md, "Platform models"): given the demand, what must be placed
/// (items and their sizes after the platform's rules), on which node types (usable capacity after
/// reservations, slots, overhead) and what is billed directly — each a phase function of nodeplatform.h or
/// fargateplatform.h — with the billable usage priced by the cost engine (costengine.h). A new platform
/// (App Runner) is a PlatformId, its phase functions and a row in platformModel().
struct PlatformModel
{
    /// Runs the phases and the cost engine; returns the complete PlatformResult.
    PlatformResult (*simulate)(const SimulationInput &in, PlatformId id) = nullptr;
};
/// The model of a platform: simulateNodePlatform for ECS on EC2 and EKS nodes, simulateFargatePlatform
/// for the three Fargate platforms, simulateAppRunnerPlatform for App Runner.
PlatformModel platformModel(PlatformId id);

/// ECS Fargate, ECS Fargate Spot or EKS Fargate.
PlatformResult simulateFargatePlatform(const SimulationInput &in, PlatformId id);
/// ECS on EC2 or EKS managed nodes.
PlatformResult simulateNodePlatform(const SimulationInput &in, PlatformId id);
/// App Runner (apprunnerplatform.h).
PlatformResult simulateAppRunnerPlatform(const SimulationInput &in, PlatformId id);

/// Fargate Spot capacity-provider strategy: tasks on FARGATE_SPOT out of `tasks` of one service. The base
/// goes to FARGATE first; the rest is split by the weights, FARGATE_SPOT getting
/// floor(rest × spotWeight ÷ (fargateWeight + spotWeight)) (rounding favours FARGATE; ECS
/// developer guide, "Capacity provider strategies"). Both weights 0 = everything on FARGATE.
int fargateSpotTasks(int tasks, int base, int fargateWeight, int spotWeight);

} // namespace fleetplan::models
