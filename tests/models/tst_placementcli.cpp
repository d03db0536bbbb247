// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan pack`, run as a user would (the built binary, through tests/common/clirunner.h).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "common/clirunner.h"

class TestPlacementCli : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    /// `fleetplan pack args...` through the shared runner (no display, no user price book).
    static Run run(const QStringList &args)
    {
        return fleetplan::test::runFleetplan(QStringList { QStringLiteral("pack") } + args);
    }

private slots:
    void vbpJson();
    void itemsJsonWithCatalogPrices();
    void usageAndInputErrors();
    void optimumInstanceWithOwnNodeTypes();
};

void TestPlacementCli::vbpJson()
{
    // Triplet classC_60_3_0: 60 items, OPT = 20 bins (known_values/d3_known.tsv), ceil bound 20.
    const QString file
        = QStringLiteral(FLEETPLAN_SHARED_DATA_DIR "/binpacking-instances/Triplet/Caprara/classC_60_3_0.vbp");
    if (!QFile::exists(file))
        QSKIP("benchmark instances not found");
    const Run r = run({ QStringLiteral("--vbp"), file, QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.outBytes).object();
    QCOMPARE(o.value(u"items").toInt(), 60);
    QCOMPARE(o.value(u"lower_bound").toDouble(), 20.0);
    QCOMPARE_GE(o.value(u"bins").toInt(), 20);
    QCOMPARE_LE(o.value(u"bins").toInt(), 24); // FFD needs 23 here
    QVERIFY(o.value(u"valid").toBool());
    QVERIFY(o.contains(u"seconds"));
}

void TestPlacementCli::itemsJsonWithCatalogPrices()
{
    // 7 × (1 vCPU, 2 GiB) on m5.large ($0.096) / m5.xlarge ($0.192), us-east-1 On-Demand
    // (ec2_ondemand_prices.csv): 8 vCPU of nodes in any mix = $0.384; fractional LP bound
    // 3.5 × $0.096 = $0.336 (also the pattern LP: 2 or 4 tasks per node at $0.048 a task); the
    // integer program over all node patterns proves $0.384 optimal, so that is the bound.
    // "etl" asks 96 vCPU, more than m5.xlarge's 4: reported, not placed.
    const Run r = run({ QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/placement/items.json"), QStringLiteral("--region"),
        QStringLiteral("us-east-1"), QStringLiteral("--instance-types"), QStringLiteral("m5.large,m5.xlarge"),
        QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.outBytes).object();
    QCOMPARE_LT(std::abs(o.value(u"cost_per_hour").toDouble() - 0.384), 1e-9);
    QCOMPARE_LT(std::abs(o.value(u"lower_bound_per_hour").toDouble() - 0.384), 1e-8);
    QCOMPARE_LT(std::abs(o.value(u"pattern_bound_per_hour").toDouble() - 0.336), 1e-8);
    QCOMPARE_LT(std::abs(o.value(u"ratio").toDouble() - 1.0), 1e-8);
    QVERIFY(o.value(u"proven_optimal").toBool());
    QVERIFY(o.value(u"valid").toBool());
    QVERIFY(o.value(u"problems").toArray().isEmpty());
    // Every node with its contents: 7 web tasks in all, at most 2 per m5.large and 4 per m5.xlarge.
    int tasks = 0;
    double price = 0;
    for (const QJsonValue &n : o.value(u"node_contents").toArray()) {
        const QJsonObject node = n.toObject();
        int onNode = 0;
        for (const QJsonValue &i : node.value(u"items").toArray()) {
            QCOMPARE(i.toObject().value(u"service").toString(), QStringLiteral("web"));
            onNode += i.toObject().value(u"count").toInt();
        }
        QCOMPARE_LE(onNode, node.value(u"type").toString() == u"m5.large" ? 2 : 4);
        tasks += onNode;
        price += node.value(u"price_per_hour").toDouble();
    }
    QCOMPARE(tasks, 7);
    QCOMPARE_LT(std::abs(price - 0.384), 1e-9);
    int vcpus = 0;
    for (const QJsonValue &n : o.value(u"nodes").toArray())
        vcpus += n.toObject().value(u"count").toInt() * (n.toObject().value(u"type").toString() == u"m5.large" ? 2 : 4);
    QCOMPARE(vcpus, 8);
    const QJsonArray unplaced = o.value(u"unplaced").toArray();
    QCOMPARE(unplaced.size(), 1);
    QCOMPARE(unplaced[0].toObject().value(u"count").toInt(), 2);
    QCOMPARE(unplaced[0].toObject().value(u"reason").toString(),
        QStringLiteral("service \"etl\": 96 vCPU per task but the largest allowed type has 4"));
}

void TestPlacementCli::usageAndInputErrors()
{
    const QString items = QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/placement/items.json");
    Run r = run({ items });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--region is required")), qPrintable(r.err));

    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[\n  {\"service\": \"web\", \"count\": 2,,}\n]\n");
    f.close();
    r = run({ bad, QStringLiteral("--region"), QStringLiteral("us-east-1") });
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith(bad + QStringLiteral(":2:")), qPrintable(r.err));

    r = run({ items, QStringLiteral("--region"), QStringLiteral("us-est-1") });
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("us-est-1")), qPrintable(r.err));

    // 100 M tasks: refused with the field named, not an allocation failure.
    const QString huge = dir.filePath(QStringLiteral("huge.json"));
    QFile h(huge);
    QVERIFY(h.open(QIODevice::WriteOnly));
    h.write("[{\"service\": \"web\", \"count\": 100000000, \"cpu\": 0.25, \"memory_mib\": 512}]\n");
    h.close();
    r = run({ huge, QStringLiteral("--region"), QStringLiteral("us-east-1") });
    QCOMPARE(r.code, 2);
    QVERIFY2(
        r.err.contains(QStringLiteral("items[0].count: 100000000 tasks is more than the 1000000 one pack accepts")),
        qPrintable(r.err));
    // The total counts too.
    QVERIFY(h.open(QIODevice::WriteOnly | QIODevice::Truncate));
    h.write("[{\"service\": \"a\", \"count\": 600000, \"cpu\": 0.25, \"memory_mib\": 512},"
            " {\"service\": \"b\", \"count\": 600000, \"cpu\": 0.25, \"memory_mib\": 512}]\n");
    h.close();
    r = run({ huge, QStringLiteral("--region"), QStringLiteral("us-east-1") });
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("items[1].count: the items up to here add up to 1200000 tasks")),
        qPrintable(r.err));

    r = run({ QStringLiteral("--vbp"), dir.filePath(QStringLiteral("missing.vbp")) });
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("missing.vbp: cannot open")), qPrintable(r.err));
}

void TestPlacementCli::optimumInstanceWithOwnNodeTypes()
{
    // tests/data/placement/optima/aws01.json carries its node types: no catalog, no --region; the
    // pack reaches the CBC-proven optimum stored in the file.
    const QString file = QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/placement/optima/aws01.json");
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const double optimum = QJsonDocument::fromJson(f.readAll()).object().value(u"optimum_per_hour").toDouble();
    const Run r = run({ file, QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.outBytes).object();
    QVERIFY(o.value(u"valid").toBool());
    QCOMPARE_LT(std::abs(o.value(u"cost_per_hour").toDouble() - optimum), 1e-6);
    QCOMPARE_LE(o.value(u"lower_bound_per_hour").toDouble(), optimum * (1 + 1e-9));
    QCOMPARE(o.value(u"unplaced").toArray().size(), 0);
}

QTEST_GUILESS_MAIN(TestPlacementCli)
#include "tst_placementcli.moc"
