// SPDX-License-Identifier: GPL-3.0-or-later
// Drawing cost of the result charts (issue 17: an edit must reach updated charts in < 30 ms on every tab):
// one replot of the comparison and the timeline at a typical window size, offscreen, with the sample's
// report. Run with QT_QPA_PLATFORM=offscreen (set here when unset).
#include <QApplication>

#include <benchmark/benchmark.h>

#include "models/simulation/simulation.h"
#include "models/workload/scenariojson.h"
#include "pricing/catalog.h"
#include "views/charttheme.h"
#include "views/comparisonchart.h"
#include "views/timelinechart.h"

using namespace fleetplan;

namespace {

const models::CostReport &sampleReport()
{
    static const models::CostReport report
        = models::simulate(models::bundledSampleScenario(), *pricing::Catalog::bundled(), {}, models::fastSimulation());
    return report;
}

template <typename Chart> void replotChart(benchmark::State &state)
{
    Chart chart;
    chart.setTheme(views::ChartTheme::light());
    chart.resize(int(state.range(0)), int(state.range(1)));
    chart.show();
    chart.setReport(sampleReport());
    QCoreApplication::processEvents();
    for (auto _ : state) {
        chart.setReport(sampleReport());
        chart.replot(QCustomPlot::rpImmediateRefresh);
    }
}

void BM_ComparisonChartReplot(benchmark::State &state)
{
    replotChart<views::ComparisonChart>(state);
}
BENCHMARK(BM_ComparisonChartReplot)->Args({ 900, 420 })->Args({ 1400, 700 })->Unit(benchmark::kMillisecond);

void BM_TimelineChartReplot(benchmark::State &state)
{
    replotChart<views::TimelineChart>(state);
}
BENCHMARK(BM_TimelineChartReplot)->Args({ 900, 420 })->Args({ 1400, 700 })->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
