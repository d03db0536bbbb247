// SPDX-License-Identifier: GPL-3.0-or-later
// Placement engine: packing quality on the d = 3 vector bin packing sets (Panigrahy, New, Triplet;
// ../shared/binpacking-instances) and cost quality / speed on generated AWS-like workloads with real
// instance types and us-east-1 on-demand prices (../shared/data/instance_types.csv,
// ec2_ondemand_prices.csv), and cost / bound against the proven optima of tests/data/placement/optima
// (generated and solved with CBC by scripts/placement-optima/generate.py). Figures are reported as
// counters; docs/placement.md records them.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <map>

#include <time.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <benchmark/benchmark.h>

#include "models/placement/placement.h"
#include "models/placement/placementvalidator.h"
#include "models/placement/vbpinstance.h"

using namespace fleetplan::models::placement;

namespace {

QString sharedDir()
{
    return QStringLiteral(FLEETPLAN_SHARED_DATA_DIR);
}

struct Known
{
    int lb = 0;
    int opt = -1;
};

/// CPU time of the calling thread in seconds (the machine is shared: wall time is inflated).
double threadCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

QHash<QString, Known> knownValues(const QString &set)
{
    QHash<QString, Known> known;
    QFile f(sharedDir() + QStringLiteral("/binpacking-instances/known_values/%1_summary_known.tsv").arg(set));
    if (!f.open(QIODevice::ReadOnly))
        return known;
    f.readLine();
    while (!f.atEnd()) {
        const QList<QByteArray> cols = f.readLine().trimmed().split('\t');
        if (cols.size() >= 3)
            known.insert(QString::fromUtf8(cols[0]), Known { cols[1].toInt(), cols[2].toInt() });
    }
    return known;
}

/// Packs every instance of a set once per iteration; counters: bins/OPT over the instances with a
/// known optimum, bins/LB over all, the slowest instance, validator failures.
void BM_VbpSet(benchmark::State &state, const QString &set)
{
    const QHash<QString, Known> known = knownValues(set);
    QList<VbpInstance> instances;
    QDirIterator it(sharedDir() + QStringLiteral("/binpacking-instances/") + set, { QStringLiteral("*.vbp") },
        QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &file : files) {
        const VbpReadResult r = readVbp(file);
        if (r.ok())
            instances.append(r.instance);
    }
    if (instances.isEmpty()) {
        state.SkipWithError("no instances found");
        return;
    }
    const int budget = int(state.range(0));
    double binsWithOpt = 0, opt = 0, binsAll = 0, lbAll = 0, slowest = 0, total = 0, slowestCpu = 0;
    int invalid = 0, withOpt = 0;
    for (auto _ : state) {
        binsWithOpt = opt = binsAll = lbAll = slowest = total = slowestCpu = 0;
        invalid = withOpt = 0;
        for (const VbpInstance &inst : instances) {
            const PlacementRequest request = inst.toRequest(budget);
            const auto start = std::chrono::steady_clock::now();
            const double cpuStart = threadCpuSeconds();
            const PlacementResult result = place(request);
            slowestCpu = std::max(slowestCpu, threadCpuSeconds() - cpuStart);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            slowest = std::max(slowest, seconds);
            total += seconds;
            if (!validatePlacement(request, result).isEmpty() || !result.unplaced.isEmpty())
                ++invalid;
            const Known k = known.value(inst.name);
            binsAll += result.nodes.size();
            lbAll += k.lb;
            if (k.opt > 0) {
                binsWithOpt += result.nodes.size();
                opt += k.opt;
                ++withOpt;
            }
        }
    }
    state.counters["instances"] = double(instances.size());
    state.counters["with_opt"] = withOpt;
    state.counters["bins_per_opt"] = opt > 0 ? binsWithOpt / opt : 0.0;
    state.counters["bins_per_lb"] = lbAll > 0 ? binsAll / lbAll : 0.0;
    state.counters["slowest_ms"] = slowest * 1e3;
    state.counters["slowest_cpu_ms"] = slowestCpu * 1e3;
    state.counters["mean_ms"] = total * 1e3 / double(instances.size());
    state.counters["invalid"] = invalid;
}

// ---- AWS-like workloads ------------------------------------------------------------------------

/// Deterministic generator (SplitMix64) so the workloads are the same on every machine.
struct Rng
{
    std::uint64_t s;
    std::uint64_t next()
    {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    int below(int n) { return int(next() % std::uint64_t(n)); }
};

/// Instance types of the m/c/r 6th and 7th generations (Intel and Graviton), large..24xlarge, with
/// Karpenter's allocatable CPU / memory / pods, and their us-east-1 on-demand prices.
QList<NodeType> awsNodeTypes()
{
    QHash<QString, double> prices;
    QFile p(sharedDir() + QStringLiteral("/data/ec2_ondemand_prices.csv"));
    if (p.open(QIODevice::ReadOnly)) {
        p.readLine();
        while (!p.atEnd()) {
            const QList<QByteArray> c = p.readLine().trimmed().split(',');
            if (c.size() >= 3 && c[0] == "us-east-1")
                prices.insert(QString::fromUtf8(c[1]), c[2].toDouble());
        }
    }
    static const QStringList families { QStringLiteral("m6i"), QStringLiteral("c6i"), QStringLiteral("r6i"),
        QStringLiteral("m6g"), QStringLiteral("c6g"), QStringLiteral("r6g"), QStringLiteral("m7i"),
        QStringLiteral("c7i"), QStringLiteral("r7i"), QStringLiteral("m7g"), QStringLiteral("c7g"),
        QStringLiteral("r7g") };
    QList<NodeType> types;
    QFile f(sharedDir() + QStringLiteral("/data/instance_types.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return types;
    const QList<QByteArray> header = f.readLine().trimmed().split(',');
    const int iName = int(header.indexOf("instance_type")), iFamily = int(header.indexOf("family")),
              iArch = int(header.indexOf("arch")), iCpu = int(header.indexOf("karpenter_allocatable_cpu_millicores")),
              iMem = int(header.indexOf("karpenter_allocatable_memory_mib")),
              iPods = int(header.indexOf("karpenter_pods")), iMetal = int(header.indexOf("is_bare_metal"));
    while (!f.atEnd()) {
        const QList<QByteArray> c = f.readLine().trimmed().split(',');
        if (c.size() <= std::max({ iName, iFamily, iArch, iCpu, iMem, iPods, iMetal }))
            continue;
        const QString name = QString::fromUtf8(c[iName]);
        if (!families.contains(QString::fromUtf8(c[iFamily])) || c[iMetal] == "true" || c[iCpu].isEmpty()
            || !prices.contains(name) || name.endsWith(QLatin1String(".medium"))
            || name.contains(QLatin1String("flex")))
            continue;
        NodeType t;
        t.name = name;
        t.arch = QString::fromUtf8(c[iArch]);
        t.capacity = Resources { c[iCpu].toDouble(), c[iMem].toDouble(), c[iPods].toDouble() };
        // DaemonSets on every node (e.g. aws-node, kube-proxy, a log agent): 150 m, 256 MiB, 3 pods.
        t.overhead = Resources { 150.0, 256.0, 3.0 };
        t.pricePerHour = prices.value(name);
        types.append(t);
    }
    std::sort(types.begin(), types.end(), [](const NodeType &a, const NodeType &b) { return a.name < b.name; });
    return types;
}

/// 500 services with typical request shapes; `tasks` tasks spread over them by random weights;
/// a fifth of the services pinned to arm64, a fifth to x86_64, the rest any architecture.
/// distinct: every task its own group of 1 (no grouping by service).
QList<ItemGroup> awsWorkload(int tasks, bool distinct, bool pinArch = true, int serviceCount = 500)
{
    Rng rng { 0x5eed0000ULL + std::uint64_t(tasks) };
    static const double cpus[] = { 100, 250, 500, 750, 1000, 1500, 2000, 4000 };
    static const double gibPerVcpu[] = { 0.5, 1, 2, 2, 4, 4, 8 };
    QList<ItemGroup> services;
    QList<double> weights;
    double weightSum = 0;
    for (int s = 0; s < serviceCount; ++s) {
        ItemGroup g;
        g.service = QStringLiteral("svc-%1").arg(s);
        const double cpu = cpus[rng.below(8)];
        const double mem = std::max(128.0, std::round(cpu / 1000.0 * gibPerVcpu[rng.below(7)] * 1024.0 / 64.0) * 64.0);
        g.request = Resources { cpu, mem, 1.0 };
        const int a = rng.below(5);
        g.arch = !pinArch ? QString()
                          : (a == 0 ? QStringLiteral("arm64") : (a == 1 ? QStringLiteral("x86_64") : QString()));
        const double w = 0.2 + rng.uniform() * rng.uniform() * 4.0;
        weights.append(w);
        weightSum += w;
        services.append(g);
    }
    int assigned = 0;
    for (int s = 0; s < serviceCount; ++s) {
        services[s].count = std::max(1, int(std::floor(tasks * weights[s] / weightSum)));
        assigned += services[s].count;
    }
    for (int s = 0; assigned < tasks; s = (s + 1) % serviceCount, ++assigned)
        ++services[s].count;
    for (int s = 0; assigned > tasks; s = (s + 1) % serviceCount) {
        if (services[s].count > 1) {
            --services[s].count;
            --assigned;
        }
    }
    if (!distinct)
        return services;
    QList<ItemGroup> items;
    items.reserve(tasks);
    for (const ItemGroup &g : services) {
        for (int i = 0; i < g.count; ++i) {
            ItemGroup one = g;
            one.count = 1;
            items.append(one);
        }
    }
    return items;
}

void BM_AwsCheapestMix(benchmark::State &state, bool distinct)
{
    PlacementRequest request;
    request.nodeTypes = awsNodeTypes();
    // Arguments: tasks, time budget (µs), 1 = no architecture pins, number of services.
    request.items = awsWorkload(int(state.range(0)), distinct, state.range(2) == 0, int(state.range(3)));
    request.timeBudgetMicros = int(state.range(1));
    request.mode = Mode::CheapestMix;
    if (request.nodeTypes.isEmpty()) {
        state.SkipWithError("no instance types / prices found");
        return;
    }
    PlacementResult result;
    for (auto _ : state) {
        result = place(request);
        // Not DoNotOptimize(result.costPerHour): GCC 12 with benchmark 1.7.1's "+m,r" constraint
        // clobbered the double in Release builds (cost read back as 0).
        benchmark::DoNotOptimize(result.nodes.size());
    }
    state.counters["types"] = double(request.nodeTypes.size());
    state.counters["nodes"] = double(result.nodes.size());
    state.counters["cost"] = result.costPerHour;
    state.counters["bound"] = result.lowerBoundPerHour;
    state.counters["pattern_bound"] = result.patternBoundPerHour;
    state.counters["ratio"] = result.ratio;
    state.counters["proven"] = result.provenOptimal;
    const QStringList problems = validatePlacement(request, result);
    state.counters["invalid"] = double(problems.size());
    state.counters["unplaced"] = double(result.unplaced.size());
    state.counters["util_cpu"] = result.utilisation.cpu;
    state.counters["util_mem"] = result.utilisation.memoryMib;
    if (!problems.isEmpty())
        state.SetLabel(problems.constFirst().toStdString());
}

void BM_AwsIncremental(benchmark::State &state)
{
    // One simulated hour: the fleet of the previous hour, then +/- 10 % replicas per service.
    PlacementRequest request;
    request.nodeTypes = awsNodeTypes();
    request.items = awsWorkload(int(state.range(0)), false);
    request.timeBudgetMicros = 2000;
    const PlacementResult previous = place(request);
    Rng rng { 42 };
    for (ItemGroup &g : request.items)
        g.count = std::max(0, int(std::lround(g.count * (0.9 + 0.2 * rng.uniform()))));
    PlacementResult result;
    for (auto _ : state) {
        result = placeIncremental(request, previous);
        benchmark::DoNotOptimize(result.nodes.size());
    }
    state.counters["ratio"] = result.ratio;
    state.counters["invalid"] = double(validatePlacement(request, result).size());
}

// ---- Proven optima ----------------------------------------------------------------------------

struct OptimumInstance
{
    QString name;
    PlacementRequest request;
    double optimum = 0.0;
};

QList<OptimumInstance> optimumInstances()
{
    QList<OptimumInstance> list;
    const QDir dir(QStringLiteral(FLEETPLAN_SOURCE_DIR "/tests/data/placement/optima"));
    auto res = [](const QJsonObject &o) {
        return Resources { o.value(u"cpu").toDouble() * 1000.0, o.value(u"memory_mib").toDouble(),
            o.value(u"slots").toDouble(1) };
    };
    for (const QString &file : dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        OptimumInstance inst;
        inst.name = o.value(u"name").toString();
        inst.optimum = o.value(u"optimum_per_hour").toDouble();
        const Resources overhead = res(o.value(u"node_overhead").toObject());
        for (const QJsonValue &v : o.value(u"node_types").toArray()) {
            const QJsonObject t = v.toObject();
            inst.request.nodeTypes.append(NodeType { t.value(u"name").toString(), t.value(u"arch").toString(), res(t),
                Resources {
                    overhead.cpu, overhead.memoryMib, o.value(u"node_overhead").toObject().value(u"slots").toDouble() },
                t.value(u"price_per_hour").toDouble(), false });
        }
        for (const QJsonValue &v : o.value(u"items").toArray()) {
            const QJsonObject i = v.toObject();
            ItemGroup g;
            g.service = i.value(u"service").toString();
            g.count = i.value(u"count").toInt();
            g.request = res(i);
            g.arch = i.value(u"arch").toString();
            inst.request.items.append(g);
        }
        list.append(inst);
    }
    return list;
}

/// Packs every instance with a proven optimum; counters: cost/OPT and bound/OPT (geometric mean,
/// worst), instances solved to the optimum, proven optimal, validator failures, slowest CPU time.
void BM_Optima(benchmark::State &state)
{
    const QList<OptimumInstance> instances = optimumInstances();
    if (instances.isEmpty()) {
        state.SkipWithError("no instances in tests/data/placement/optima");
        return;
    }
    double logCost = 0, logBound = 0, worstCost = 0, worstBound = 2, slowestCpu = 0, totalCpu = 0;
    int optimal = 0, proven = 0, invalid = 0;
    for (auto _ : state) {
        logCost = logBound = worstCost = slowestCpu = totalCpu = 0;
        worstBound = 2;
        optimal = proven = invalid = 0;
        for (const OptimumInstance &inst : instances) {
            const double cpuStart = threadCpuSeconds();
            const PlacementResult result = place(inst.request);
            const double cpu = threadCpuSeconds() - cpuStart;
            slowestCpu = std::max(slowestCpu, cpu);
            totalCpu += cpu;
            if (!validatePlacement(inst.request, result).isEmpty() || !result.unplaced.isEmpty())
                ++invalid;
            const double c = result.costPerHour / inst.optimum, b = result.lowerBoundPerHour / inst.optimum;
            logCost += std::log(c);
            logBound += std::log(b);
            worstCost = std::max(worstCost, c);
            worstBound = std::min(worstBound, b);
            optimal += c <= 1.0 + 1e-9;
            proven += result.provenOptimal;
        }
    }
    const double n = double(instances.size());
    state.counters["instances"] = n;
    state.counters["cost_per_opt"] = std::exp(logCost / n);
    state.counters["cost_worst"] = worstCost;
    state.counters["bound_per_opt"] = std::exp(logBound / n);
    state.counters["bound_worst"] = worstBound;
    state.counters["optimal"] = optimal;
    state.counters["proven"] = proven;
    state.counters["invalid"] = invalid;
    state.counters["slowest_cpu_ms"] = slowestCpu * 1e3;
    state.counters["mean_cpu_ms"] = totalCpu * 1e3 / n;
}

} // namespace

BENCHMARK(BM_Optima)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_VbpSet, Panigrahy, QStringLiteral("Panigrahy"))
    ->Arg(20000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_VbpSet, New, QStringLiteral("New"))->Arg(20000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_VbpSet, Triplet, QStringLiteral("Triplet"))
    ->Arg(20000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AwsCheapestMix, grouped, false)
    ->Args({ 1000, 2000, 0, 500 })
    ->Args({ 10000, 2000, 0, 500 })
    ->Args({ 100000, 2000, 0, 500 })
    ->Args({ 100000, 2000, 1, 500 })
    ->Unit(benchmark::kMillisecond);
// 20 services on 96 types: small enough for the pattern phase (column generation, MIP over patterns).
BENCHMARK_CAPTURE(BM_AwsCheapestMix, services20, false)
    ->Args({ 200, 2000, 0, 20 })
    ->Args({ 1000, 2000, 0, 20 })
    ->Args({ 10000, 2000, 0, 20 })
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AwsCheapestMix, distinct, true)->Args({ 100000, 2000, 0, 500 })->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AwsIncremental)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
