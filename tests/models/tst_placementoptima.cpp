// SPDX-License-Identifier: GPL-3.0-or-later
// The placement engine against proven optima: tests/data/placement/optima/*.json, generated and
// solved to optimality offline by scripts/placement-optima/generate.py (CBC); no solver runs here.
#include <cmath>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "models/placement/placement.h"
#include "models/placement/placementvalidator.h"

using namespace fleetplan::models::placement;

namespace {

struct Instance
{
    QString name;
    PlacementRequest request;
    double optimum = 0.0;
};

Resources resources(const QJsonObject &o)
{
    return Resources { o.value(u"cpu").toDouble() * 1000.0, o.value(u"memory_mib").toDouble(),
        o.value(u"slots").toDouble(1) };
}

QList<Instance> loadInstances()
{
    QList<Instance> list;
    const QDir dir(QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/placement/optima"));
    for (const QString &file : dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        Instance inst;
        inst.name = o.value(u"name").toString();
        inst.optimum = o.value(u"optimum_per_hour").toDouble();
        const QJsonObject overhead = o.value(u"node_overhead").toObject();
        for (const QJsonValue &v : o.value(u"node_types").toArray()) {
            const QJsonObject t = v.toObject();
            NodeType n;
            n.name = t.value(u"name").toString();
            n.arch = t.value(u"arch").toString();
            n.capacity = resources(t);
            n.overhead = Resources { overhead.value(u"cpu").toDouble() * 1000.0,
                overhead.value(u"memory_mib").toDouble(), overhead.value(u"slots").toDouble() };
            n.pricePerHour = t.value(u"price_per_hour").toDouble();
            inst.request.nodeTypes.append(n);
        }
        for (const QJsonValue &v : o.value(u"items").toArray()) {
            const QJsonObject i = v.toObject();
            ItemGroup g;
            g.service = i.value(u"service").toString();
            g.count = i.value(u"count").toInt();
            g.request = resources(i);
            g.arch = i.value(u"arch").toString();
            inst.request.items.append(g);
        }
        inst.request.mode = Mode::CheapestMix;
        list.append(inst);
    }
    return list;
}

QString joined(const QStringList &l)
{
    return l.join(QLatin1Char('\n'));
}

} // namespace

class TestPlacementOptima : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void costAndBoundAgainstOptimum();
    void moreTypesNeverCostMore();

private:
    QList<Instance> m_instances;
};

void TestPlacementOptima::initTestCase()
{
    m_instances = loadInstances();
    QCOMPARE_GE(m_instances.size(), 20);
}

void TestPlacementOptima::costAndBoundAgainstOptimum()
{
    double logCost = 0.0, logBound = 0.0, worstCost = 0.0, worstBound = 2.0;
    int optimal = 0;
    QString worstCostName, worstBoundName;
    for (const Instance &inst : std::as_const(m_instances)) {
        QElapsedTimer timer;
        timer.start();
        const PlacementResult res = place(inst.request);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const QStringList problems = validatePlacement(inst.request, res);
        QVERIFY2(problems.isEmpty(), qPrintable(inst.name + QLatin1Char('\n') + joined(problems)));
        QVERIFY2(res.unplaced.isEmpty(), qPrintable(inst.name));
        // Neither below the proven optimum (packing) nor above it (bound).
        QVERIFY2(res.costPerHour >= inst.optimum * (1.0 - 1e-9), qPrintable(inst.name));
        QVERIFY2(res.lowerBoundPerHour <= inst.optimum * (1.0 + 1e-9), qPrintable(inst.name));
        QVERIFY2(
            std::abs(lowerBound(inst.request) - res.lowerBoundPerHour) <= 1e-9 * inst.optimum, qPrintable(inst.name));
        const double cost = res.costPerHour / inst.optimum;
        const double bound = res.lowerBoundPerHour / inst.optimum;
        if (qEnvironmentVariableIsSet("FLEETPLAN_OPTIMA_VERBOSE"))
            qInfo("%s: cost/OPT %.4f, bound/OPT %.4f, pattern LP/OPT %.4f%s, %.1f ms", qPrintable(inst.name), cost,
                bound, res.patternBoundPerHour / inst.optimum, res.provenOptimal ? ", proven optimal" : "", ms);
        logCost += std::log(cost);
        logBound += std::log(bound);
        if (cost > worstCost) {
            worstCost = cost;
            worstCostName = inst.name;
        }
        if (bound < worstBound) {
            worstBound = bound;
            worstBoundName = inst.name;
        }
        if (cost <= 1.0 + 1e-9)
            ++optimal;
    }
    const double n = double(m_instances.size());
    const double geoCost = std::exp(logCost / n), geoBound = std::exp(logBound / n);
    qInfo("%d instances: cost/OPT geometric mean %.4f, worst %.4f (%s), optimal %d; bound/OPT geometric mean %.4f, "
          "worst %.4f (%s)",
        int(n), geoCost, worstCost, qPrintable(worstCostName), optimal, geoBound, worstBound,
        qPrintable(worstBoundName));
    // Measured (docs/placement.md): cost 1.0017 / worst 1.0266, bound 0.9949 / worst 0.9436.
    QCOMPARE_LE(geoCost, 1.005);
    QCOMPARE_LE(worstCost, 1.03);
    QCOMPARE_GE(optimal, int(n) * 4 / 5);
    QCOMPARE_GE(geoBound, 0.99);
    QCOMPARE_GE(worstBound, 0.94);
}

void TestPlacementOptima::moreTypesNeverCostMore()
{
    // Adding instance types never raises the cost: checked with all 61 types of the set (the engine
    // alone: above the pattern solver's 48 types) on every fourth instance, strictly. With two more
    // types the pattern solver still runs, and its node-limited MIP does not always get back to
    // the optimum: measured on all 31 instances, 2 cost more (aws10 +1.4 %, aws31 +1.5 %;
    // docs/placement.md, known gaps). Asserted: no more than that.
    QList<NodeType> all;
    for (const Instance &inst : std::as_const(m_instances)) {
        for (const NodeType &t : inst.request.nodeTypes) {
            bool known = false;
            for (const NodeType &k : std::as_const(all))
                known = known || k.name == t.name;
            if (!known)
                all.append(t);
        }
    }
    auto widened = [&](const Instance &inst, int extraTypes) {
        PlacementRequest more = inst.request;
        int added = 0;
        for (const NodeType &t : std::as_const(all)) {
            bool known = false;
            for (const NodeType &k : std::as_const(more.nodeTypes))
                known = known || k.name == t.name;
            if (!known && added < extraTypes) {
                NodeType extra = t;
                extra.overhead = inst.request.nodeTypes.constFirst().overhead;
                more.nodeTypes.append(extra);
                ++added;
            }
        }
        return more;
    };
    int worse = 0;
    double worstIncrease = 1.0;
    for (int i = 0; i < m_instances.size(); ++i) {
        const Instance &inst = m_instances[i];
        const PlacementResult base = place(inst.request);
        const PlacementRequest two = widened(inst, 2);
        const PlacementResult withTwo = place(two);
        QVERIFY2(validatePlacement(two, withTwo).isEmpty(), qPrintable(inst.name));
        QVERIFY2(withTwo.patternBoundPerHour > 0.0, qPrintable(inst.name));
        if (withTwo.costPerHour > base.costPerHour * (1.0 + 1e-9)) {
            ++worse;
            worstIncrease = std::max(worstIncrease, withTwo.costPerHour / base.costPerHour);
            qInfo("%s: %d types $%.4f, %d types $%.4f", qPrintable(inst.name), int(inst.request.nodeTypes.size()),
                base.costPerHour, int(two.nodeTypes.size()), withTwo.costPerHour);
        }
        if (i % 4 != 0)
            continue;
        const PlacementRequest more = widened(inst, int(all.size()));
        const PlacementResult wider = place(more);
        QVERIFY2(validatePlacement(more, wider).isEmpty(), qPrintable(inst.name));
        QVERIFY2(wider.costPerHour <= base.costPerHour * (1.0 + 1e-9),
            qPrintable(QStringLiteral("%1: %2 types $%3, %4 types $%5")
                           .arg(inst.name)
                           .arg(inst.request.nodeTypes.size())
                           .arg(base.costPerHour)
                           .arg(more.nodeTypes.size())
                           .arg(wider.costPerHour)));
    }
    QCOMPARE_LE(worse, 2);
    QCOMPARE_LE(worstIncrease, 1.02);
}

QTEST_GUILESS_MAIN(TestPlacementOptima)
#include "tst_placementoptima.moc"
