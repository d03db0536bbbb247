// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include "models/workload/scenario.h"
#include "models/simulation/costreport.h"
#include "pricing/catalog.h"

namespace fleetplan::models {

/// The placement budget of a refined simulation (see SimulationOptions::placementBudgetMicros).
inline constexpr int RefinedPlacementBudgetMicros = 20000;

/// Which platforms to simulate and how hard the placement engine tries.
struct SimulationOptions
{
    /// Platforms to simulate, in any order (the report lists them in PlatformId order). Empty = every
    /// platform whose PlatformSettings::enabled is true.
    QList<PlatformId> platforms;
    /// Budget of each placement call's improvement and pattern phases in microseconds, counted in
    /// operations so the result stays deterministic. RefinedPlacementBudgetMicros (the default: `compare`,
    /// `report`, exports, the GUI's second pass) gives the near-optimal packing with the tight bound; 0
    /// gives the constructive packing only (the GUI's fast first pass while a slider moves).
    int placementBudgetMicros = RefinedPlacementBudgetMicros;
    /// 1 = the platforms one after the other on the calling thread; any other value = concurrently on
    /// QThreadPool::globalInstance() (one thread per core). The report is identical whatever the count: each platform
    /// reads only the immutable inputs and the results are put in PlatformId order.
    int threads = 0;
    /// false: no lower bound on the EC2 platforms' packing (PlatformResult::lowerBoundUsd 0, the packing gap
    /// shown as "—"). The GUI's quick estimate skips it: its covering LPs took a quarter of that pass, and the
    /// refined pass that follows brings the bound.
    bool lowerBounds = true;
};

/// Options of the GUI's fast first pass: the constructive packing only, refined afterwards.
inline SimulationOptions fastSimulation()
{
    SimulationOptions o;
    o.placementBudgetMicros = 0;
    o.lowerBounds = false;
    return o;
}

/// The platforms a run covers, in PlatformId order: `requested` (SimulationOptions::platforms) when it is not
/// empty, else every platform the scenario enables.
QList<PlatformId> platformsToRun(const Scenario &scenario, const QList<PlatformId> &requested);

/// Simulates the scenario hour by hour over its billing period on the selected platforms and prices
/// every hour with the catalog: replicas from the load profiles and the what-if, jobs at their schedule,
/// fleets packed incrementally (EC2 platforms) or tasks sized for Fargate, purchase options applied.
/// Identical hours are computed once; the platforms run concurrently (SimulationOptions::threads). Thread-safe
/// (the catalog and scenario are only read).
CostReport simulate(const Scenario &scenario, const pricing::Catalog &catalog, const WhatIf &whatIf = {},
    const SimulationOptions &options = {});

} // namespace fleetplan::models
