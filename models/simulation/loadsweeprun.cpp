// SPDX-License-Identifier: GPL-3.0-or-later
// sweepLoad(): the simulations of a load sweep, on the thread pool. Apart from the rest of loadsweep.cpp
// (ranges, break-evens, words, JSON), which needs no simulation: the report writers and their fuzzer link
// that part alone.
#include "models/simulation/loadsweep.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <vector>

#include "models/simulation/parallelfor.h"
#include "models/simulation/simulation.h"

namespace fleetplan::models {

LoadSweep sweepLoad(const Scenario &scenario, const pricing::Catalog &catalog, const LoadSweepOptions &options)
{
    LoadSweep sweep;
    sweep.scenarioName = scenario.name;
    sweep.region = options.whatIf.region.value_or(scenario.region);
    CostReport period;
    period.hours = std::max(0, scenario.periodHours);
    sweep.hours = period.hours;
    sweep.periodUnit = period.periodUnit();
    sweep.range = options.range;
    sweep.fast = options.fast;
    sweep.platforms = platformsToRun(scenario, options.platforms);
    if (!options.range.problem().isEmpty()) {
        sweep.cancelled = true;
        return sweep;
    }
    const int total = options.range.pointCount();
    // Each point writes only its own slot of a vector that never reallocates (a QList copy for
    // coarseReady would share its data and detach under the workers); the slots are in load order
    // whatever ran first.
    std::vector<SweepPoint> work(static_cast<std::size_t>(total));
    for (int i = 0; i < total; ++i)
        work[std::size_t(i)].load = options.range.at(i);
    auto collect = [&] { sweep.points = QList<SweepPoint>(work.cbegin(), work.cend()); };

    SimulationOptions simulation;
    simulation.platforms = sweep.platforms;
    simulation.placementBudgetMicros = options.fast ? 0 : RefinedPlacementBudgetMicros;
    simulation.lowerBounds = !options.fast; // a quick sweep's points need no packing gap
    simulation.threads = 1; // the points are the parallel unit; one point's platforms run in turn

    std::mutex progressMutex;
    int done = 0;
    auto run = [&](int i) {
        if (options.cancel && options.cancel->load())
            return;
        std::exception_ptr failure; // reported after the progress, as a finished point
        try {
            WhatIf whatIf = options.whatIf;
            SweepPoint &point = work[std::size_t(i)];
            whatIf.loadMultiplier = point.load;
            const CostReport report = simulate(scenario, catalog, whatIf, simulation);
            for (const PlatformResult &r : report.platforms) {
                SweepCost c;
                c.platform = r.id;
                c.feasible = r.feasible();
                c.totalUsd = c.feasible ? r.totalUsd : 0.0;
                c.infeasibleReason = c.feasible ? QString() : r.infeasibleSummary();
                point.costs.append(c);
            }
            point.computed = true;
        } catch (...) {
            failure = std::current_exception();
        }
        if (options.progress) {
            const std::lock_guard lock(progressMutex);
            options.progress(++done, total);
        }
        if (failure)
            std::rethrow_exception(failure);
    };
    auto runAll = [&](const QList<int> &indexes) { forEachIndex(indexes, options.threads, run); };

    QList<int> coarse;
    QList<int> fine;
    const int stride = std::max(1, options.coarseStride);
    for (int i = 0; i < total; ++i) {
        if (stride == 1 || i % stride == 0 || i == total - 1)
            coarse.append(i);
        else
            fine.append(i);
    }
    runAll(coarse);
    if (!fine.isEmpty()) {
        if (options.coarseReady && !(options.cancel && options.cancel->load())) {
            collect();
            LoadSweep partial = sweep;
            partial.cancelled = true; // not every point yet: a partial sweep
            findBreakEvens(partial);
            options.coarseReady(partial);
        }
        runAll(fine);
    }
    collect();
    sweep.cancelled = sweep.computedCount() < total;
    findBreakEvens(sweep);
    return sweep;
}

} // namespace fleetplan::models
