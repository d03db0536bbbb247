// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include "models/scenario.h"
#include "models/simulation/costreport.h"
#include "pricing/catalog.h"

namespace fleetplan::models {

/// Which platforms to simulate and how hard the placement engine tries.
struct SimulationOptions
{
    /// Platforms to simulate, in any order (the report lists them in PlatformId order). Empty = every
    /// platform whose PlatformSettings::enabled is true.
    QList<PlatformId> platforms;
    /// Improvement-phase budget of each placement call in microseconds (0 = the constructive packing only;
    /// deterministic either way). The GUI's sliders use 0; the CLI may spend more.
    int placementBudgetMicros = 0;
};

/// Simulates the scenario hour by hour over its billing period on the selected platforms and prices
/// every hour with the catalog: replicas from the load profiles and the what-if, jobs at their schedule,
/// fleets packed incrementally (EC2 platforms) or tasks sized for Fargate, purchase options applied.
/// Identical hours are computed once. Thread-safe for distinct inputs (the catalog is immutable).
CostReport simulate(const Scenario &scenario, const pricing::Catalog &catalog, const WhatIf &whatIf = {},
    const SimulationOptions &options = {});

} // namespace fleetplan::models
