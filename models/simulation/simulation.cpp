// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/simulation.h"

#include <algorithm>
#include <exception>
#include <vector>

#include "models/simulation/demandtimeline.h"
#include "models/simulation/deploymentcosts.h"
#include "models/simulation/networkcosts.h"
#include "models/simulation/parallelfor.h"
#include "models/simulation/platformmodels.h"
#include "pricing/catalogdate.h"

namespace fleetplan::models {

QList<PlatformId> platformsToRun(const Scenario &scenario, const QList<PlatformId> &requested)
{
    QList<PlatformId> out;
    for (PlatformId id : AllPlatforms) {
        if (requested.isEmpty() ? scenario.platform(id).enabled : requested.contains(id))
            out.append(id);
    }
    return out;
}

CostReport simulate(
    const Scenario &scenario, const pricing::Catalog &catalog, const WhatIf &whatIf, const SimulationOptions &options)
{
    CostReport report;
    report.scenarioName = scenario.name;
    report.region = whatIf.region.value_or(scenario.region);
    report.hours = std::max(0, scenario.periodHours);
    report.whatIf = whatIf;
    report.catalogAsOf = pricing::pricesAsOf(catalog); // the one "as of" rule of every view and report

    PurchaseOptions purchase = scenario.purchase;
    if (whatIf.spotShare)
        purchase.spotShare = std::clamp(*whatIf.spotShare, 0.0, 1.0);
    if (whatIf.savingsPlanUsdPerHour)
        purchase.savingsPlanUsdPerHour = std::max(0.0, *whatIf.savingsPlanUsdPerHour);

    const DemandTimeline demand(scenario, whatIf, options.threads);
    const SimulationInput input { scenario, catalog, demand, report.region, purchase, whatIf.targetUtilizationPercent,
        options.placementBudgetMicros, whatIf.loadMultiplier, whatIf.peakMultiplier, options.lowerBounds };
    QString regionError;
    const bool regionKnown = catalog.checkRegion(report.region, &regionError);

    const QList<PlatformId> wanted = platformsToRun(scenario, options.platforms);
    if (!regionKnown) {
        for (PlatformId id : wanted) {
            PlatformResult r;
            r.id = id;
            r.warnings.append(regionError);
            r.markInfeasible(QString(), regionError);
            report.platforms.append(r);
        }
        return report;
    }

    // Each platform reads only the immutable inputs above; the results land in PlatformId order, so the
    // report does not depend on which thread finished first. An exception (a failed allocation, a bug) is
    // carried out of its worker and rethrown here, as the sequential loop would.
    std::vector<PlatformResult> results(static_cast<std::size_t>(wanted.size()));
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < wanted.size(); ++i)
        indexes.append(i);
    forEachIndex(indexes, options.threads, [&](qsizetype i) {
        PlatformResult r = platformModel(wanted.at(i)).simulate(input, wanted.at(i));
        // Surge tasks of rolling and blue/green deployments (issue 20); nothing without a strategy.
        addDeployments(input, r);
        // The registry and network bill beside compute (issue 19); nothing without those blocks.
        addNetworkAndRegistry(scenario, catalog, report.region, demand, r);
        results[static_cast<std::size_t>(i)] = std::move(r);
    });
    for (PlatformResult &r : results)
        report.platforms.append(std::move(r));
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
    case PlatformId::AppRunner:
        return PlatformModel { &simulateAppRunnerPlatform };
    }
    return PlatformModel { &simulateFargatePlatform };
}

} // namespace fleetplan::models
