// SPDX-License-Identifier: GPL-3.0-or-later
// Fleet simulation speed (issue 7): the bundled sample over 730 hours on all five platforms (target
// < 50 ms on one core), 500 services (target < 1 s; issue 13: ≤ 0.5 s), and a what-if change re-simulated
// (target < 100 ms). Issue 13: every distinct windowed demand is packed from scratch (docs/cost-rules.md),
// so a load step costs one packing per distinct demand; the counters show the packing gap
// (compute ÷ Σ hourly lower bound) of the EC2-backed platforms.
#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include "models/workload/scenariojson.h"
#include "models/simulation/simulation.h"
#include "pricing/catalog.h"

using namespace fleetplan;

namespace {

/// 500 services cycling through the sample's sizes, profiles, architectures and Spot tolerance,
/// plus its two daemons and two jobs.
models::Scenario fiveHundredServices()
{
    models::Scenario s = models::bundledSampleScenario();
    QList<models::Service> base;
    QList<models::Service> fixed;
    for (const models::Service &svc : s.services) {
        if (svc.kind == models::ServiceKind::Service)
            base.append(svc);
        else
            fixed.append(svc);
    }
    s.services = fixed;
    for (int i = 0; s.services.size() < 500; ++i) {
        models::Service svc = base.at(i % base.size());
        svc.name = QStringLiteral("svc-%1").arg(i);
        svc.replicas = 1 + (i * 7) % 9;
        svc.minReplicas = 1;
        svc.cpu = 0.25 * (1 + (i * 3) % 8);
        svc.memoryMib = 512.0 * (1 + (i * 5) % 12);
        s.services.append(svc);
    }
    return s;
}

/// range(0): 1 = the refined pass (`compare`, reports, the GUI's final figure), 0 = the GUI's fast first
/// pass (constructive packing only, models::fastSimulation()).
models::SimulationOptions passOf(const benchmark::State &state)
{
    return state.range(0) != 0 ? models::SimulationOptions {} : models::fastSimulation();
}

void BM_SampleAllPlatforms(benchmark::State &state)
{
    const auto catalog = pricing::Catalog::bundled();
    const models::Scenario scenario = models::bundledSampleScenario();
    const models::SimulationOptions options = passOf(state);
    models::CostReport report;
    for (auto _ : state) {
        report = models::simulate(scenario, *catalog, {}, options);
        benchmark::DoNotOptimize(report.platforms.constFirst().totalUsd);
    }
    for (const models::PlatformResult &p : report.platforms) {
        state.counters[models::toId(p.id).toStdString()] = p.totalUsd;
        if (p.lowerBoundUsd > 0)
            state.counters[models::toId(p.id).toStdString() + "_gap"] = p.optimalityRatio;
    }
}
BENCHMARK(BM_SampleAllPlatforms)->ArgName("refined")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

void BM_FiveHundredServices(benchmark::State &state)
{
    const auto catalog = pricing::Catalog::bundled();
    const models::Scenario scenario = fiveHundredServices();
    const models::SimulationOptions options = passOf(state);
    models::CostReport report;
    for (auto _ : state) {
        report = models::simulate(scenario, *catalog, {}, options);
        benchmark::DoNotOptimize(report.platforms.constFirst().peakNodes);
    }
    state.counters["services"] = double(scenario.services.size());
    state.counters["ecs_ec2_peak_nodes"] = report.platforms.constFirst().peakNodes;
    for (const models::PlatformResult &p : report.platforms) {
        if (p.lowerBoundUsd > 0)
            state.counters[models::toId(p.id).toStdString() + "_gap"] = p.optimalityRatio;
    }
}
BENCHMARK(BM_FiveHundredServices)->ArgName("refined")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

/// A slider move: the load multiplier changes between iterations, so nothing can be reused.
void BM_WhatIfLoadChange(benchmark::State &state)
{
    const auto catalog = pricing::Catalog::bundled();
    const models::Scenario scenario = models::bundledSampleScenario();
    const models::SimulationOptions options = passOf(state);
    int step = 0;
    for (auto _ : state) {
        models::WhatIf whatIf;
        whatIf.loadMultiplier = 0.8 + 0.05 * (step++ % 9);
        whatIf.spotShare = 0.5;
        const models::CostReport report = models::simulate(scenario, *catalog, whatIf, options);
        benchmark::DoNotOptimize(report.platforms.constFirst().totalUsd);
    }
}
BENCHMARK(BM_WhatIfLoadChange)->ArgName("refined")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // the catalog opens its embedded SQLite file through QtSql
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
