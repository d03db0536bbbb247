// SPDX-License-Identifier: GPL-3.0-or-later
// Scale (issue 16): a month on all five platforms for 500 / 2,000 / 5,000 / 20,000 generated services
// (bench/scenariogen.h). Goal: the 20,000-service month ≤ 12 × the 2,000-service month, and under 1 GB.
//
//   bench_scale                                  # the benchmarks
//   bench_scale --write-scenario 20000 big.json  # the same scenario as a file, for `fleetplan compare`
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include "bench/scenariogen.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenariojson.h"
#include "pricing/catalog.h"

using namespace fleetplan;

namespace {

void BM_MonthAllPlatforms(benchmark::State &state)
{
    const auto catalog = pricing::Catalog::bundled();
    const models::Scenario scenario = bench::generatedScenario(int(state.range(0)));
    models::CostReport report;
    for (auto _ : state) {
        report = models::simulate(scenario, *catalog);
        benchmark::DoNotOptimize(report.platforms.constFirst().totalUsd);
    }
    state.counters["services"] = double(scenario.services.size());
    for (const models::PlatformResult &p : report.platforms) {
        const std::string id = models::toId(p.id).toStdString();
        state.counters[id + "_peak"] = p.peakNodes;
        // What the fleet snapshots hold: the nodes they stand for and the entries stored (Fargate stores
        // the identical tasks of a service once, counted).
        double nodes = 0, entries = 0, items = 0;
        for (const models::FleetSnapshot &snap : p.fleetStates) {
            entries += double(snap.nodes.size());
            for (const models::FleetNode &n : snap.nodes) {
                nodes += n.count;
                items += double(n.items.size());
            }
        }
        state.counters[id + "_states"] = double(p.fleetStates.size());
        state.counters[id + "_snapshot_nodes"] = nodes;
        state.counters[id + "_snapshot_entries"] = entries;
        state.counters[id + "_snapshot_items"] = items;
    }
}
BENCHMARK(BM_MonthAllPlatforms)
    ->Arg(500)
    ->Arg(2000)
    ->Arg(5000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_MonthAllPlatforms)
    ->Arg(20000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

/// The window's quick estimate while a what-if slider moves (models::fastSimulation(): placement budget 0, no
/// lower bound), at load × 1.1: issue 16's what-if goal at 2,000 services (the GUI adds the charts on top).
void BM_WhatIfQuickEstimate(benchmark::State &state)
{
    const auto catalog = pricing::Catalog::bundled();
    const models::Scenario scenario = bench::generatedScenario(int(state.range(0)));
    models::WhatIf whatIf;
    whatIf.loadMultiplier = 1.1;
    const models::SimulationOptions options = models::fastSimulation();
    for (auto _ : state) {
        const models::CostReport report = models::simulate(scenario, *catalog, whatIf, options);
        benchmark::DoNotOptimize(report.platforms.constFirst().totalUsd);
    }
}
BENCHMARK(BM_WhatIfQuickEstimate)->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

/// `--write-scenario N FILE`: writes the generated scenario of N services as JSON. 0 on success.
int writeScenario(const char *count, const char *path)
{
    const int n = std::atoi(count);
    if (n <= 0) {
        std::fprintf(stderr, "bench_scale: --write-scenario needs a service count > 0, got \"%s\"\n", count);
        return 2;
    }
    QString error;
    if (!models::writeScenarioFile(bench::generatedScenario(n), QString::fromLocal8Bit(path), &error)) {
        std::fprintf(stderr, "bench_scale: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // the catalog opens its embedded SQLite file through QtSql
    if (argc >= 2 && std::strcmp(argv[1], "--write-scenario") == 0) {
        if (argc != 4) {
            std::fprintf(stderr, "usage: bench_scale --write-scenario SERVICES FILE.json\n");
            return 2;
        }
        return writeScenario(argv[2], argv[3]);
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
