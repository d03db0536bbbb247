// SPDX-License-Identifier: GPL-3.0-or-later
// Open/save speed of scenario files: JSON and the SQLite .fleetplan document, plus validation, for
// scenarios of 13 (the bundled sample) to 2000 services.
#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QTemporaryDir>

#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"

using namespace fleetplan::models;

namespace {

Scenario scenarioOf(int services)
{
    Scenario sc = bundledSampleScenario();
    const QList<Service> base = sc.services;
    sc.services.clear();
    for (int i = 0; i < services; ++i) {
        Service s = base.at(i % base.size());
        s.name = QStringLiteral("%1-%2").arg(s.name).arg(i);
        sc.services.append(s);
    }
    return sc;
}

void BM_WriteJson(benchmark::State &state)
{
    QTemporaryDir dir;
    const Scenario sc = scenarioOf(int(state.range(0)));
    const QString path = dir.filePath(QStringLiteral("s.json"));
    for (auto _ : state)
        benchmark::DoNotOptimize(writeScenarioFile(sc, path));
}

void BM_ReadJson(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    writeScenarioFile(scenarioOf(int(state.range(0))), path);
    for (auto _ : state)
        benchmark::DoNotOptimize(readScenarioFile(path));
}

void BM_WriteDocument(benchmark::State &state)
{
    QTemporaryDir dir;
    const Scenario sc = scenarioOf(int(state.range(0)));
    const QString path = dir.filePath(QStringLiteral("s.fleetplan"));
    for (auto _ : state)
        benchmark::DoNotOptimize(writeScenarioDocument(sc, path));
}

void BM_ReadDocument(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.fleetplan"));
    writeScenarioDocument(scenarioOf(int(state.range(0))), path);
    for (auto _ : state)
        benchmark::DoNotOptimize(readScenarioDocument(path));
}

void BM_Validate(benchmark::State &state)
{
    const Scenario sc = scenarioOf(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(validateScenario(sc));
}

} // namespace

BENCHMARK(BM_WriteJson)->Arg(13)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJson)->Arg(13)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteDocument)->Arg(13)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadDocument)->Arg(13)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Validate)->Arg(13)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QSQLITE needs an application object for its plugin
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
