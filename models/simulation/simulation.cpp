// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/simulation.h"

#include <algorithm>

#include "models/simulation/demandtimeline.h"
#include "models/simulation/platformmodels.h"

namespace fleetplan::models {

CostReport simulate(
    const Scenario &scenario, const pricing::Catalog &catalog, const WhatIf &whatIf, const SimulationOptions &options)
{
    CostReport report;
    report.scenarioName = scenario.name;
    report.region = whatIf.region.value_or(scenario.region);
    report.hours = std::max(0, scenario.periodHours);
    report.whatIf = whatIf;
    // The newest dated figure of the catalog (datasets without a date say "unknown" and are skipped).
    for (const pricing::DatasetInfo &d : catalog.datasets()) {
        if (!d.asOfMax.isEmpty() && d.asOfMax.at(0).isDigit())
            report.catalogAsOf = std::max(report.catalogAsOf, d.asOfMax);
    }

    PurchaseOptions purchase = scenario.purchase;
    if (whatIf.spotShare)
        purchase.spotShare = std::clamp(*whatIf.spotShare, 0.0, 1.0);
    if (whatIf.savingsPlanUsdPerHour)
        purchase.savingsPlanUsdPerHour = std::max(0.0, *whatIf.savingsPlanUsdPerHour);

    const DemandTimeline demand(scenario, whatIf);
    const SimulationInput input { scenario, catalog, demand, report.region, purchase, whatIf.targetUtilizationPercent,
        options.placementBudgetMicros };
    QString regionError;
    const bool regionKnown = catalog.checkRegion(report.region, &regionError);

    for (PlatformId id : AllPlatforms) {
        const bool wanted
            = options.platforms.isEmpty() ? scenario.platform(id).enabled : options.platforms.contains(id);
        if (!wanted)
            continue;
        if (!regionKnown) {
            PlatformResult r;
            r.id = id;
            r.warnings.append(regionError);
            r.markInfeasible(QString(), regionError);
            report.platforms.append(r);
            continue;
        }
        report.platforms.append(platformModel(id).simulate(input, id));
    }
    return report;
}

PlatformModel platformModel(PlatformId id)
{
    switch (id) {
    case PlatformId::EcsEc2:
    case PlatformId::EksNodes:
        return PlatformModel { &simulateNodePlatform };
    case PlatformId::EcsFargate:
    case PlatformId::EcsFargateSpot:
    case PlatformId::EksFargate:
        return PlatformModel { &simulateFargatePlatform };
    }
    return PlatformModel { &simulateFargatePlatform };
}

} // namespace fleetplan::models
