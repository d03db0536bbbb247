// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <limits>
#include <QtConcurrent/QtConcurrentMap>
#include <QTest>

#include "models/placement/packingengine.h"
#include "models/placement/patternsolver.h"
#include "models/placement/placement.h"
#include "models/placement/placementvalidator.h"
#include "models/placement/vbpinstance.h"

using namespace fleetplan::models::placement;

namespace {

// us-east-1 on-demand prices (../shared/data/ec2_ondemand_prices.csv): m5.large $0.096, m5.xlarge $0.192.
NodeType m5Large(Resources overhead = {})
{
    return NodeType { QStringLiteral("m5.large"), QStringLiteral("x86_64"), Resources { 2000, 8192, 29 }, overhead,
        0.096, false };
}
NodeType m5Xlarge(Resources overhead = {})
{
    return NodeType { QStringLiteral("m5.xlarge"), QStringLiteral("x86_64"), Resources { 4000, 16384, 58 }, overhead,
        0.192, false };
}

ItemGroup group(const QString &name, int count, double cpu, double mem, double pods = 1.0)
{
    ItemGroup g;
    g.service = name;
    g.count = count;
    g.request = Resources { cpu, mem, pods }; // not "slots": a Qt macro
    return g;
}

QString joined(const QStringList &l)
{
    return l.join(QLatin1Char('\n'));
}

int countOf(const Node &node, int group)
{
    for (const auto &[g, c] : node.items) {
        if (g == group)
            return c;
    }
    return 0;
}

// GPU node types, us-east-1 On-Demand (resources/catalog/ec2_ondemand_prices.csv): g6.xlarge 4 vCPU / 16 GiB /
// 1 NVIDIA L4 0.8048 USD/h, g6.12xlarge 48 vCPU / 192 GiB / 4 L4 4.6016 USD/h (instance_types.csv gpu_count).
NodeType g6Xlarge()
{
    return NodeType { QStringLiteral("g6.xlarge"), QStringLiteral("x86_64"), Resources { 4000, 16384, 58, 1 }, {},
        0.8048, false };
}
NodeType g6Xlarge12()
{
    return NodeType { QStringLiteral("g6.12xlarge"), QStringLiteral("x86_64"), Resources { 48000, 196608, 234, 4 }, {},
        4.6016, false };
}

} // namespace

Q_DECLARE_METATYPE(fleetplan::models::placement::ItemGroup)

class TestPlacement : public QObject
{
    Q_OBJECT

private slots:
    void coveringLp();
    void gpuDimension_data();
    void gpuDimension();
    void singleTypeExactCount();
    void cheapestMixWithDaemonSetOverhead();
    void headroomLimitsCpuAndMemory();
    void unplaceableReasons_data();
    void unplaceableReasons();
    void architectureAndSpotRespected();
    void exclusiveKeyOnePerNode();
    void deterministic();
    void validatorCatchesViolations();
    void vbpParseErrors();
    void vbpSample_data();
    void vbpSample();
    void incrementalKeepsNodesAndConsolidates();
    void patternPhaseWithKeysAndSpot();
    void concurrentPlacementsAgree();
    void cappedPatternsAreTheEnumeratedOnes();
    void sharedPatternsGiveTheSameFleets_data();
    void sharedPatternsGiveTheSameFleets();
};

void TestPlacement::coveringLp()
{
    // c5.large-like (2 vCPU, 4 GiB, $0.085) and r5.large-like (2 vCPU, 16 GiB, $0.126) covering
    // 8 vCPU and 24 GiB: x_c + x_r = 4, x_c + 4·x_r = 6  =>  x_r = 2/3, x_c = 10/3,
    // cost = 10/3·0.085 + 2/3·0.126 = 0.367333...; duals from both constraints tight.
    const std::vector<detail::Vec> caps { { 2000, 4096, 0 }, { 2000, 16384, 0 } };
    const std::vector<double> prices { 0.085, 0.126 };
    const detail::LpResult lp = detail::solveCoveringLp(caps, prices, { 8000, 24576, 0 });
    QVERIFY(lp.feasible);
    QCOMPARE_LT(std::abs(lp.cost - (10.0 / 3.0 * 0.085 + 2.0 / 3.0 * 0.126)), 1e-12);
    const double yMem = 0.041 / 12288.0;
    const double yCpu = (0.085 - 4096.0 * yMem) / 2000.0;
    QCOMPARE_LT(std::abs(lp.duals[1] - yMem), 1e-15);
    QCOMPARE_LT(std::abs(lp.duals[0] - yCpu), 1e-15);
    QCOMPARE_LT(std::abs(8000 * lp.duals[0] + 24576 * lp.duals[1] - lp.cost), 1e-12); // strong duality
    // A demand no type can cover (slots, capacity 0) is infeasible.
    QVERIFY(!detail::solveCoveringLp(caps, prices, { 1000, 1000, 5 }).feasible);
}

void TestPlacement::singleTypeExactCount()
{
    // 7 tasks of 1 vCPU / 2 GiB on m5.large (2 vCPU, 8 GiB): 2 per node by CPU => ceil(7/2) = 4 nodes,
    // 4 × $0.096 = $0.384; bound = ceil(7000/2000) nodes = the same, ratio 1.
    PlacementRequest r;
    r.mode = Mode::SingleType;
    r.nodeTypes = { m5Large(), m5Xlarge() };
    r.singleType = 0;
    r.items = { group(QStringLiteral("web"), 7, 1000, 2048) };
    const PlacementResult res = place(r);
    QVERIFY2(validatePlacement(r, res).isEmpty(), qPrintable(joined(validatePlacement(r, res))));
    QCOMPARE(res.nodes.size(), 4);
    QCOMPARE(res.nodesByType, QList<int>({ 4, 0 }));
    QCOMPARE_LT(std::abs(res.costPerHour - 0.384), 1e-12);
    QCOMPARE_LT(std::abs(res.lowerBoundPerHour - 0.384), 1e-12);
    QCOMPARE_LT(std::abs(res.ratio - 1.0), 1e-12);
    QCOMPARE(res.placedItems, 7);
    // utilisation: 7000 of 8000 millicores, 14336 of 32768 MiB, 7 of 116 pods
    QCOMPARE_LT(std::abs(res.utilisation.cpu - 0.875), 1e-12);
    QCOMPARE_LT(std::abs(res.utilisation.memoryMib - 14336.0 / 32768.0), 1e-12);
}

void TestPlacement::cheapestMixWithDaemonSetOverhead()
{
    // DaemonSets take 100 m / 256 MiB on every node: m5.large keeps 1900 m (1 task of 1 vCPU),
    // m5.xlarge 3900 m (3 tasks). 7 tasks: 2 × xlarge (6) + 1 × large (1) = 2·0.192 + 0.096 = $0.48
    // (7 × large = $0.672, 3 × xlarge = $0.576). Fractional-fleet LP: xlarge gives the most
    // millicores per dollar, 7000 / 3900 × 0.192 = $0.344615... The pattern LP is tighter: a node
    // holds 1 (large) or 3 (xlarge) tasks, min 0.096·a + 0.192·b s.t. a + 3·b ≥ 7 gives b = 7/3,
    // $0.448. The integer program over all maximal patterns (large: 1 task, xlarge: 1..3) proves
    // $0.48 optimal, so the bound is 0.48 and the ratio 1.
    PlacementRequest r;
    r.mode = Mode::CheapestMix;
    r.nodeTypes = { m5Large({ 100, 256, 1 }), m5Xlarge({ 100, 256, 1 }) };
    r.items = { group(QStringLiteral("api"), 7, 1000, 2048) };
    const PlacementResult res = place(r);
    QVERIFY2(validatePlacement(r, res).isEmpty(), qPrintable(joined(validatePlacement(r, res))));
    QCOMPARE(res.nodesByType, QList<int>({ 1, 2 }));
    QCOMPARE_LT(std::abs(res.costPerHour - 0.48), 1e-12);
    QCOMPARE_LT(std::abs(res.patternBoundPerHour - 7.0 / 3.0 * 0.192), 1e-9);
    QCOMPARE_LT(std::abs(res.lowerBoundPerHour - 0.48), 1e-8);
    QVERIFY(res.provenOptimal);
    QCOMPARE_LT(std::abs(res.ratio - 1.0), 1e-8);
    QCOMPARE_LT(std::abs(lowerBound(r) - res.lowerBoundPerHour), 1e-12);
}

void TestPlacement::headroomLimitsCpuAndMemory()
{
    // targetUtilization 0.8: m5.large offers 1600 m, so tasks of 1 vCPU go one per node (7 nodes).
    PlacementRequest r;
    r.mode = Mode::SingleType;
    r.nodeTypes = { m5Large() };
    r.targetUtilization = 0.8;
    r.items = { group(QStringLiteral("web"), 7, 1000, 2048) };
    const PlacementResult res = place(r);
    QVERIFY2(validatePlacement(r, res).isEmpty(), qPrintable(joined(validatePlacement(r, res))));
    QCOMPARE(res.nodes.size(), 7);
}

void TestPlacement::unplaceableReasons_data()
{
    QTest::addColumn<ItemGroup>("item");
    QTest::addColumn<QString>("reason");
    ItemGroup etl = group(QStringLiteral("etl"), 2, 96000, 1024);
    QTest::newRow("cpu: 96 vCPU on a 64 vCPU type")
        << etl << QStringLiteral("service \"etl\": 96 vCPU per task but the largest allowed type has 64");
    ItemGroup mem = group(QStringLiteral("cache"), 1, 1000, 600000);
    QTest::newRow("memory above 524288 MiB")
        << mem
        << QStringLiteral("service \"cache\": 600000 MiB memory per task but the largest allowed type has 524288");
    ItemGroup arm = group(QStringLiteral("api"), 3, 500, 512);
    arm.arch = QStringLiteral("arm64");
    QTest::newRow("arm64 with x86 types only")
        << arm << QStringLiteral("service \"api\": needs arm64 but no allowed node type has that architecture");
    ItemGroup pods = group(QStringLiteral("sidecars"), 1, 10, 10, 800);
    QTest::newRow("slots above max pods 737")
        << pods << QStringLiteral("service \"sidecars\": 800 slots per task but the largest allowed type has 737");
    ItemGroup both = group(QStringLiteral("odd"), 1, 60000, 200000);
    QTest::newRow("fits per dimension, not together")
        << both
        << QStringLiteral(
               "service \"odd\": 60 vCPU, 200000 MiB memory and 1 slots per task fit no single allowed type");
}

void TestPlacement::unplaceableReasons()
{
    QFETCH(ItemGroup, item);
    QFETCH(QString, reason);
    PlacementRequest r;
    // c6i.16xlarge-like: 64 vCPU, 128 GiB; r6i.16xlarge-like: 8 vCPU... kept simple: two shapes.
    r.nodeTypes = { NodeType { QStringLiteral("c6i.16xlarge"), QStringLiteral("x86_64"),
                        Resources { 64000, 131072, 737 }, {}, 2.72, false },
        NodeType {
            QStringLiteral("x2.big"), QStringLiteral("x86_64"), Resources { 16000, 524288, 100 }, {}, 4.0, false } };
    r.items = { group(QStringLiteral("ok"), 2, 1000, 1024), item };
    const PlacementResult res = place(r);
    QVERIFY2(validatePlacement(r, res).isEmpty(), qPrintable(joined(validatePlacement(r, res))));
    QCOMPARE(res.unplaced.size(), 1);
    QCOMPARE(res.unplaced.constFirst().group, 1);
    QCOMPARE(res.unplaced.constFirst().count, item.count);
    QCOMPARE(res.unplaced.constFirst().reason, reason);
    QCOMPARE(res.placedItems, 2);
    QVERIFY(!fits(r, 1, 0));
    QVERIFY(fits(r, 0, 0));
}

void TestPlacement::architectureAndSpotRespected()
{
    PlacementRequest r;
    NodeType armCheap { QStringLiteral("m6g.large"), QStringLiteral("arm64"), Resources { 2000, 8192, 29 }, {}, 0.077,
        false };
    NodeType spot = m5Large();
    spot.name = QStringLiteral("m5.large (spot)");
    spot.spot = true;
    spot.pricePerHour = 0.035;
    r.nodeTypes = { m5Large(), armCheap, spot };
    ItemGroup x86 = group(QStringLiteral("legacy"), 4, 1000, 1024);
    x86.arch = QStringLiteral("x86_64");
    ItemGroup arm = group(QStringLiteral("graviton"), 4, 1000, 1024);
    arm.arch = QStringLiteral("arm64");
    ItemGroup spotOk = group(QStringLiteral("batch"), 4, 1000, 1024);
    spotOk.spotOk = true;
    r.items = { x86, arm, spotOk };
    const PlacementResult res = place(r);
    QVERIFY2(validatePlacement(r, res).isEmpty(), qPrintable(joined(validatePlacement(r, res))));
    // legacy: 2 × m5.large on demand; graviton: 2 × m6g.large; batch: 2 × Spot. $0.192 + 0.154 + 0.07
    QCOMPARE(res.nodesByType, QList<int>({ 2, 2, 2 }));
    QCOMPARE_LT(std::abs(res.costPerHour - (2 * 0.096 + 2 * 0.077 + 2 * 0.035)), 1e-12);
    for (const Node &n : res.nodes) {
        if (n.nodeType == 2)
            QCOMPARE(n.items, (QList<QPair<int, int>> { { 2, 2 } }));
    }
}

void TestPlacement::exclusiveKeyOnePerNode()
{
    // Bridge-mode tasks with static host port 8080: one per instance even though 8 would fit.
    PlacementRequest r;
    r.mode = Mode::SingleType;
    r.nodeTypes = { m5Xlarge() };
    ItemGroup a = group(QStringLiteral("proxy"), 3, 250, 256);
    a.exclusiveKey = 8080;
    ItemGroup b = group(QStringLiteral("proxy-canary"), 1, 250, 256);
    b.exclusiveKey = 8080;
    r.items = { a, b, group(QStringLiteral("worker"), 4, 250, 256) };
    const PlacementResult res = place(r);
    QVERIFY2(validatePlacement(r, res).isEmpty(), qPrintable(joined(validatePlacement(r, res))));
    QCOMPARE(res.nodes.size(), 4);
    QCOMPARE_LT(std::abs(res.lowerBoundPerHour - 4 * 0.192), 1e-12); // 4 items share the key
}

void TestPlacement::deterministic()
{
    PlacementRequest r;
    r.nodeTypes = { m5Large({ 100, 256, 1 }), m5Xlarge({ 100, 256, 1 }),
        NodeType { QStringLiteral("c5.xlarge"), QStringLiteral("x86_64"), Resources { 4000, 8192, 58 }, { 100, 256, 1 },
            0.17, false } };
    for (int i = 0; i < 40; ++i)
        r.items.append(
            group(QStringLiteral("s%1").arg(i), 1 + (i * 7) % 13, 100 + (i * 37) % 900, 128 + (i * 311) % 3000));
    const PlacementResult a = place(r);
    const PlacementResult b = place(r);
    QVERIFY2(validatePlacement(r, a).isEmpty(), qPrintable(joined(validatePlacement(r, a))));
    QVERIFY(a == b);
    QCOMPARE_GE(a.ratio, 1.0);
}

void TestPlacement::validatorCatchesViolations()
{
    PlacementRequest r;
    r.mode = Mode::SingleType;
    r.nodeTypes = { m5Large({ 100, 256, 1 }) };
    ItemGroup arm = group(QStringLiteral("graviton"), 1, 100, 100);
    arm.arch = QStringLiteral("arm64");
    r.items = { group(QStringLiteral("web"), 3, 1000, 2048), arm };
    PlacementResult bad;
    bad.nodesByType = { 1 };
    bad.costPerHour = 0.096;
    bad.placedItems = 3;
    Node n;
    n.nodeType = 0;
    n.items = { { 0, 2 }, { 1, 1 } };
    n.used = Resources { 2100, 4196, 3 };
    bad.nodes = { n };
    const QStringList problems = validatePlacement(r, bad);
    QVERIFY2(
        problems.contains(QStringLiteral("node 0 (m5.large): cpu 2100 (items) + 100 (overhead) over capacity 2000")),
        qPrintable(joined(problems)));
    QVERIFY2(problems.contains(QStringLiteral("node 0 (m5.large): service \"graviton\" needs arm64, node is x86_64")),
        qPrintable(joined(problems)));
    QVERIFY2(problems.contains(QStringLiteral("service \"web\": 2 placed + 0 unplaced, expected 3")),
        qPrintable(joined(problems)));
}

void TestPlacement::vbpParseErrors()
{
    QCOMPARE(parseVbp("3\n10 10 10\n2\n1 2 3 1\n", QStringLiteral("x.vbp")).error,
        QStringLiteral("x.vbp:5: unexpected end of file")); // the second item line is missing
    QCOMPARE(parseVbp("3\n10 10\n", QStringLiteral("x.vbp")).error,
        QStringLiteral("x.vbp:2: expected 3 positive bin capacities"));
    QCOMPARE(parseVbp("3\n10 10 10\n1\n1 two 3 1\n", QStringLiteral("x.vbp")).error,
        QStringLiteral("x.vbp:4: \"two\" is not a number"));
    const VbpReadResult ok = parseVbp("3\n10 10 10\n2\n1 2 3 1\n4 5 6 2\n", QStringLiteral("dir/y.vbp"));
    QVERIFY(ok.ok());
    QCOMPARE(ok.instance.name, QStringLiteral("y"));
    QCOMPARE(ok.instance.itemCount(), 3);
    QCOMPARE(ok.instance.itemSizes.at(1), (Resources { 4, 5, 6 }));
}

void TestPlacement::vbpSample_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("lb"); // known_values/d3_known.tsv
    QTest::addColumn<int>("opt"); // -1 when unknown
    QTest::newRow("Panigrahy class1_60_3_0 (LB 17, OPT 17)")
        << QStringLiteral("Panigrahy/class1/class1_60_3_0.vbp") << 17 << 17;
    QTest::newRow("Panigrahy class4_120_3_0 (LB 16)")
        << QStringLiteral("Panigrahy/class4/class4_120_3_0.vbp") << 16 << -1;
    QTest::newRow("Panigrahy class7_250_3_0 (LB 102, OPT 104)")
        << QStringLiteral("Panigrahy/class7/class7_250_3_0.vbp") << 102 << 104;
    QTest::newRow("Panigrahy class9_120_3_0 (LB 55, OPT 59)")
        << QStringLiteral("Panigrahy/class9/class9_120_3_0.vbp") << 55 << 59;
    QTest::newRow("New class1_120_3_0 (LB 40, OPT 43)") << QStringLiteral("New/class1/class1_120_3_0.vbp") << 40 << 43;
    QTest::newRow("New class4_120_3_0 (LB 45, OPT 46)") << QStringLiteral("New/class4/class4_120_3_0.vbp") << 45 << 46;
    QTest::newRow("Triplet classC_60_3_0 (OPT 20)") << QStringLiteral("Triplet/Caprara/classC_60_3_0.vbp") << 20 << 20;
    QTest::newRow("Triplet classF_120_3_0 (OPT 40)")
        << QStringLiteral("Triplet/Falkenauer/classF_120_3_0.vbp") << 40 << 40;
    QTest::newRow("Triplet classC_120_3_0 (OPT 40)")
        << QStringLiteral("Triplet/Caprara/classC_120_3_0.vbp") << 40 << 40;
}

void TestPlacement::vbpSample()
{
    QFETCH(QString, file);
    QFETCH(int, lb);
    QFETCH(int, opt);
    const QString path = QStringLiteral(FLEETPLAN_SHARED_DATA_DIR "/binpacking-instances/") + file;
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("benchmark instances not found at ") + path));
    const VbpReadResult read = readVbp(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    const PlacementRequest r = read.instance.toRequest(5000);
    const PlacementResult res = place(r);
    QVERIFY2(validatePlacement(r, res).isEmpty(), qPrintable(joined(validatePlacement(r, res))));
    QVERIFY(res.unplaced.isEmpty());
    QCOMPARE(res.placedItems, read.instance.itemCount());
    QCOMPARE_GE(res.nodes.size(), qsizetype(std::max(lb, opt)));
    // Our bound is the per-dimension ceil bound: never above the known LB (which also has clique cuts).
    QCOMPARE_LE(res.lowerBoundPerHour, double(lb));
    QCOMPARE_LE(lowerBound(r), double(opt > 0 ? opt : lb));
    QCOMPARE(place(r), res);
    // Triplet instances (three items fill a bin exactly): the perfect-fit start finds the optimum
    // (the dot-product greedy with bin elimination alone needs 23 and 44 nodes).
    if (file.endsWith(QLatin1String("classC_120_3_0.vbp")) || file.endsWith(QLatin1String("classC_60_3_0.vbp")))
        QCOMPARE(res.nodes.size(), qsizetype(opt));
}

void TestPlacement::incrementalKeepsNodesAndConsolidates()
{
    // 8 tasks of 1 vCPU on m5.large: 4 full nodes.
    PlacementRequest r;
    r.mode = Mode::SingleType;
    r.nodeTypes = { m5Large() };
    r.items = { group(QStringLiteral("web"), 6, 1000, 1024), group(QStringLiteral("api"), 2, 1000, 1024) };
    const PlacementResult first = place(r);
    QCOMPARE(first.nodes.size(), 4);

    // Scale up to 10 web tasks: the 4 nodes stay as they were, one node is added.
    PlacementRequest up = r;
    up.items[0].count = 10;
    const PlacementResult grown = placeIncremental(up, first);
    QVERIFY2(validatePlacement(up, grown).isEmpty(), qPrintable(joined(validatePlacement(up, grown))));
    QCOMPARE(grown.nodes.size(), 6);
    int kept = 0;
    for (const Node &old : first.nodes) {
        for (const Node &now : grown.nodes) {
            if (now.items == old.items) {
                ++kept;
                break;
            }
        }
    }
    QCOMPARE(kept, 4);

    // Scale down to 1 web + 1 api task: surplus leaves the nodes in order, one web and one api task
    // remain on two half-empty nodes; consolidation moves one onto the other: 1 node ($0.096).
    PlacementRequest down = r;
    down.items[0].count = 1;
    down.items[1].count = 1;
    const PlacementResult shrunk = placeIncremental(down, grown);
    QVERIFY2(validatePlacement(down, shrunk).isEmpty(), qPrintable(joined(validatePlacement(down, shrunk))));
    QCOMPARE(shrunk.nodes.size(), 1);
    QCOMPARE_LT(std::abs(shrunk.costPerHour - 0.096), 1e-12);
    QCOMPARE(countOf(shrunk.nodes.constFirst(), 0), 1);
    QCOMPARE(countOf(shrunk.nodes.constFirst(), 1), 1);
    // Without consolidation the two half-empty nodes stay.
    const PlacementResult noConsolidation = placeIncremental(down, grown, false);
    QVERIFY2(validatePlacement(down, noConsolidation).isEmpty(),
        qPrintable(joined(validatePlacement(down, noConsolidation))));
    QCOMPARE(noConsolidation.nodes.size(), 2);
}

void TestPlacement::patternPhaseWithKeysAndSpot()
{
    // CheapestMix with an exclusive key (one per node), Spot-only and arch-pinned items: the pattern
    // phase respects all of them (validator) and its bound stays below the cost.
    PlacementRequest r;
    NodeType spot = m5Xlarge();
    spot.name = QStringLiteral("m5.xlarge (spot)");
    spot.spot = true;
    spot.pricePerHour = 0.07;
    r.nodeTypes = { m5Large({ 100, 256, 1 }), m5Xlarge({ 100, 256, 1 }), spot,
        NodeType { QStringLiteral("m6g.large"), QStringLiteral("arm64"), Resources { 2000, 8192, 29 }, { 100, 256, 1 },
            0.077, false } };
    ItemGroup proxy = group(QStringLiteral("proxy"), 5, 250, 256);
    proxy.exclusiveKey = 8080;
    ItemGroup batch = group(QStringLiteral("batch"), 6, 1000, 1024);
    batch.spotOk = true;
    ItemGroup arm = group(QStringLiteral("graviton"), 3, 500, 3000);
    arm.arch = QStringLiteral("arm64");
    r.items = { proxy, batch, arm, group(QStringLiteral("web"), 7, 500, 1024) };
    const PlacementResult res = place(r);
    QVERIFY2(validatePlacement(r, res).isEmpty(), qPrintable(joined(validatePlacement(r, res))));
    QVERIFY(res.unplaced.isEmpty());
    QCOMPARE_GE(res.nodes.size(), 5); // five proxies, one per node
    QCOMPARE_GT(res.patternBoundPerHour, 0.0);
    QCOMPARE_LE(res.lowerBoundPerHour, res.costPerHour * (1 + 1e-9));
    QCOMPARE_LE(res.patternBoundPerHour, res.lowerBoundPerHour);
    QCOMPARE(place(r), res);
}

void TestPlacement::concurrentPlacementsAgree()
{
    // GLPK keeps its state per thread: placements on QtConcurrent's pool give the same results as
    // one after the other.
    QList<PlacementRequest> requests;
    for (int k = 0; k < 8; ++k) {
        PlacementRequest r;
        r.nodeTypes = { m5Large({ 100, 256, 1 }), m5Xlarge({ 100, 256, 1 }),
            NodeType { QStringLiteral("c5.xlarge"), QStringLiteral("x86_64"), Resources { 4000, 8192, 58 },
                { 100, 256, 1 }, 0.17, false } };
        for (int i = 0; i < 6; ++i)
            r.items.append(group(QStringLiteral("s%1").arg(i), 1 + (i * 7 + k) % 9, 250 + ((i + k) * 370) % 1500,
                256 + ((i + 2 * k) * 911) % 6000));
        requests.append(r);
    }
    QList<PlacementResult> sequential;
    for (const PlacementRequest &r : std::as_const(requests))
        sequential.append(place(r));
    for (int round = 0; round < 3; ++round) {
        const QList<PlacementResult> parallel
            = QtConcurrent::blockingMapped(requests, [](const PlacementRequest &r) { return place(r); });
        QCOMPARE(parallel, sequential);
    }
    for (int k = 0; k < requests.size(); ++k)
        QVERIFY2(validatePlacement(requests[k], sequential[k]).isEmpty(),
            qPrintable(joined(validatePlacement(requests[k], sequential[k]))));
}

void TestPlacement::cappedPatternsAreTheEnumeratedOnes()
{
    // The maximal patterns of smaller counts, taken from those of larger counts (capped, filtered), are
    // exactly the ones their own enumeration lists, in its order.
    using namespace detail;
    PatternModel big;
    big.cap = { Vec { 1900, 7800, 28, 0 }, Vec { 3900, 16000, 57, 0 }, Vec { 3900, 7800, 57, 0 } };
    big.price = { 0.096, 0.192, 0.17 };
    big.type = { 0, 1, 2 };
    big.request = { Vec { 250, 512, 1, 0 }, Vec { 1000, 1024, 1, 0 }, Vec { 500, 3000, 1, 0 }, Vec { 120, 900, 1, 0 },
        Vec { 700, 2048, 1, 0 } };
    big.count = { 9, 4, 5, 12, 3 };
    big.key = { 0, 7, 0, 0, 7 }; // groups 1 and 4 share a port: never together on a node
    big.group = { 0, 1, 2, 3, 4 };
    big.compat.assign(big.request.size() * big.cap.size(), 1);
    big.compat[2 * 3 + 2] = 0; // group 2 does not run on type 2
    PatternSolver all(big, 1 << 30);
    QVERIFY(all.enumerateMaximal(100000));
    QVERIFY(all.columns().size() > 50);
    const std::vector<std::vector<int>> smaller
        = { { 9, 4, 5, 12, 3 }, { 3, 1, 5, 2, 0 }, { 1, 1, 1, 1, 1 }, { 0, 4, 0, 12, 3 }, { 8, 0, 2, 6, 1 } };
    for (const std::vector<int> &counts : smaller) {
        PatternModel m = big;
        m.count = counts;
        // Groups with no items leave the model, as Engine::patternModel does.
        for (int g = int(m.count.size()) - 1; g >= 0; --g) {
            if (m.count[g] > 0)
                continue;
            m.count.erase(m.count.begin() + g);
            m.request.erase(m.request.begin() + g);
            m.key.erase(m.key.begin() + g);
            m.group.erase(m.group.begin() + g);
        }
        m.compat.clear();
        for (int g : m.group) {
            for (std::size_t t = 0; t < m.cap.size(); ++t)
                m.compat.push_back(big.compat[std::size_t(g) * big.cap.size() + t]);
        }
        PatternSolver own(m, 1 << 30), capped(m, 1 << 30);
        QVERIFY(own.enumerateMaximal(100000));
        QVERIFY(capped.addMaximalFrom(big, all.columns(), 100000));
        QVERIFY(!own.columns().empty());
        QVERIFY2(own.columns() == capped.columns(),
            qPrintable(QStringLiteral("%1 patterns listed, %2 capped")
                           .arg(own.columns().size())
                           .arg(capped.columns().size())));
        // Beyond the limit both refuse.
        PatternSolver ownSmall(m, 1 << 30), cappedSmall(m, 1 << 30);
        const int limit = int(own.columns().size()) - 1;
        QCOMPARE(cappedSmall.addMaximalFrom(big, all.columns(), limit), ownSmall.enumerateMaximal(limit));
    }
}

void TestPlacement::sharedPatternsGiveTheSameFleets_data()
{
    QTest::addColumn<int>("typeCount");
    QTest::addColumn<int>("scale");
    QTest::newRow("few patterns: listed once, capped for each demand") << 3 << 1;
    QTest::newRow("too many patterns: the month's smallest demand already has too many") << 12 << 12;
}

void TestPlacement::sharedPatternsGiveTheSameFleets()
{
    // A month's demands differ only in their counts. With a pattern cache the maximal node patterns are
    // listed once (for the largest counts seen) and capped for each smaller demand: every fleet must be
    // the one the demand gets alone, also after a demand larger than all before it and with a group at 0.
    QFETCH(int, typeCount);
    QFETCH(int, scale);
    // us-east-1 On-Demand (resources/catalog/ec2_ondemand_prices.csv): m5 0.096 USD/h per 2 vCPU, c5 0.085,
    // r5 0.126, m6g 0.077; sizes large … 4xlarge double the price.
    struct Family
    {
        const char *name;
        double memPerVcpu;
        double pricePerLarge;
        const char *arch;
    };
    const Family families[] = { { "m5", 4096, 0.096, "x86_64" }, { "c5", 2048, 0.085, "x86_64" },
        { "r5", 8192, 0.126, "x86_64" }, { "m6g", 4096, 0.077, "arm64" } };
    const char *sizes[] = { "large", "xlarge", "2xlarge" };
    PlacementRequest base;
    for (int t = 0; t < typeCount; ++t) {
        const Family &f = families[t % 4];
        const int mult = 1 << (t / 4);
        base.nodeTypes.append(
            NodeType { QStringLiteral("%1.%2").arg(QLatin1String(f.name), QLatin1String(sizes[t / 4])),
                QLatin1String(f.arch), Resources { 2000.0 * mult, f.memPerVcpu * 2 * mult, 29.0 * mult },
                { 100, 256, 1 }, f.pricePerLarge * mult, false });
    }
    for (int i = 0; i < 6; ++i) {
        base.items.append(scale == 1
                ? group(QStringLiteral("s%1").arg(i), 1, 250 + (i * 370) % 1500, 256 + (i * 911) % 6000)
                : group(QStringLiteral("s%1").arg(i), 1, 60 + (i * 37) % 200, 64 + (i * 211) % 500, 0.1));
    }
    base.items[1].exclusiveKey = 8080;
    base.items[4].arch = QStringLiteral("arm64");
    const QList<QList<int>> month = { { 9, 3, 6, 4, 2, 8 }, { 5, 2, 3, 1, 0, 4 }, { 7, 3, 2, 4, 2, 1 },
        { 12, 4, 7, 5, 3, 9 }, { 2, 1, 1, 1, 1, 1 }, { 9, 3, 6, 4, 2, 8 } };
    PlacementRequest shared = base;
    shared.patternCache = newPatternCache();
    // As the month planner does: the least count of every group first.
    for (int g = 0; g < shared.items.size(); ++g) {
        int least = std::numeric_limits<int>::max();
        for (const QList<int> &counts : month)
            least = std::min(least, counts[g] * scale);
        shared.items[g].count = least;
    }
    primePatternCache(shared);
    QCOMPARE(shared.patternCache->overAt.empty(), typeCount == 3);
    for (const QList<int> &counts : month) {
        PlacementRequest alone = base;
        for (int g = 0; g < counts.size(); ++g) {
            alone.items[g].count = counts[g] * scale;
            shared.items[g].count = counts[g] * scale;
        }
        const PlacementResult expected = place(alone);
        const PlacementResult got = place(shared);
        QCOMPARE(got, expected);
        QVERIFY2(validatePlacement(shared, got).isEmpty(), qPrintable(joined(validatePlacement(shared, got))));
    }
    // The cache was used, not bypassed: it holds the listed patterns, or knows they are too many.
    const detail::PatternCache &cache = *shared.patternCache;
    QVERIFY(cache.problemSet);
    if (typeCount == 3) {
        QVERIFY(cache.valid);
        QVERIFY(!cache.columns.empty());
        QVERIFY(cache.overAt.empty());
    } else {
        QVERIFY(!cache.overAt.empty());
    }
}

void TestPlacement::gpuDimension_data()
{
    QTest::addColumn<QList<ItemGroup>>("items");
    QTest::addColumn<double>("cost");
    QTest::addColumn<int>("nodes");
    auto gpuGroup = [](const QString &name, int count, double cpu, double mem, double gpus) {
        ItemGroup g = group(name, count, cpu, mem);
        g.request.gpus = gpus;
        return g;
    };
    // GPUs are a packing dimension: a node holds at most its GPU count, an item with GPUs never goes to a
    // node without. Costs by hand from the prices above.
    QTest::newRow("4 x 1 GPU: 4 g6.xlarge = 4 x 0.8048 = 3.2192 < one g6.12xlarge 4.6016")
        << QList<ItemGroup> { gpuGroup(QStringLiteral("vllm"), 4, 1000, 4096, 1) } << 3.2192 << 4;
    QTest::newRow("3 x 2 GPUs: g6.xlarge has 1, so 2 per g6.12xlarge: ceil(3 / 2) x 4.6016 = 9.2032")
        << QList<ItemGroup> { gpuGroup(QStringLiteral("train"), 3, 1000, 4096, 2) } << 9.2032 << 2;
    QTest::newRow("4 x 1 GPU + 8 CPU-only 1 vCPU tasks on the GPU nodes' spare 3 vCPU each: 3.2192")
        << QList<ItemGroup> { gpuGroup(QStringLiteral("vllm"), 4, 1000, 4096, 1),
               group(QStringLiteral("api"), 8, 1000, 1024) }
        << 3.2192 << 4;
    QTest::newRow("2 CPU-only 1 vCPU tasks alone: one m5.xlarge 0.192, no GPU node")
        << QList<ItemGroup> { group(QStringLiteral("api"), 2, 1000, 1024) } << 0.192 << 1;
}

void TestPlacement::gpuDimension()
{
    QFETCH(QList<ItemGroup>, items);
    QFETCH(double, cost);
    QFETCH(int, nodes);
    PlacementRequest r;
    r.mode = Mode::CheapestMix;
    r.nodeTypes = { m5Xlarge(), g6Xlarge(), g6Xlarge12() };
    r.items = items;
    for (const int budget : { 0, 20000 }) { // constructive only, and with the pattern / MIP phase
        r.timeBudgetMicros = budget;
        const PlacementResult res = place(r);
        QVERIFY2(validatePlacement(r, res).isEmpty(), qPrintable(joined(validatePlacement(r, res))));
        QVERIFY(res.unplaced.isEmpty());
        QVERIFY2(std::abs(res.costPerHour - cost) < 1e-9, qPrintable(QString::number(res.costPerHour, 'g', 12)));
        QCOMPARE(res.nodes.size(), nodes);
        for (const Node &n : res.nodes)
            QCOMPARE_LE(n.used.gpus, r.nodeTypes.at(n.nodeType).capacity.gpus);
        // The bound stays a bound, and counts GPUs: no packing pays less than the GPU-hours at the cheapest
        // price per GPU (g6.xlarge, 0.8048 per GPU).
        double gpuDemand = 0;
        for (const ItemGroup &g : items)
            gpuDemand += g.count * g.request.gpus;
        QCOMPARE_LE(res.lowerBoundPerHour, res.costPerHour + 1e-9);
        QCOMPARE_GE(res.lowerBoundPerHour, gpuDemand * 0.8048 - 1e-9);
        QCOMPARE(lowerBound(r), res.lowerBoundPerHour);
    }
    // An item with GPUs and only GPU-less types: unplaced, with the reason.
    PlacementRequest cpuOnly = r;
    cpuOnly.nodeTypes = { m5Xlarge() };
    ItemGroup one = group(QStringLiteral("vllm"), 1, 1000, 4096);
    one.request.gpus = 1;
    cpuOnly.items = { one };
    const PlacementResult none = place(cpuOnly);
    QCOMPARE(none.unplaced.size(), 1);
    QVERIFY2(none.unplaced.constFirst().reason.contains(QStringLiteral("GPUs per task")),
        qPrintable(none.unplaced.constFirst().reason));
}

QTEST_GUILESS_MAIN(TestPlacement)
#include "tst_placement.moc"
