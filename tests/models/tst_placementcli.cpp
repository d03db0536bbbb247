// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan pack`, run as a user would (QProcess on the built binary).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestPlacementCli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(FLEETPLAN_EXE), QStringList{QStringLiteral("pack")} + args);
        p.waitForFinished(120000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private slots:
    void vbpJson();
    void itemsJsonWithCatalogPrices();
    void usageAndInputErrors();
};

void TestPlacementCli::vbpJson()
{
    // Triplet classC_60_3_0: 60 items, OPT = 20 bins (known_values/d3_known.tsv), ceil bound 20.
    const QString file = QStringLiteral(FLEETPLAN_SHARED_DATA_DIR "/binpacking-instances/Triplet/Caprara/classC_60_3_0.vbp");
    if (!QFile::exists(file))
        QSKIP("benchmark instances not found");
    const Run r = run({QStringLiteral("--vbp"), file, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(u"items").toInt(), 60);
    QCOMPARE(o.value(u"lower_bound").toDouble(), 20.0);
    QCOMPARE_GE(o.value(u"bins").toInt(), 20);
    QCOMPARE_LE(o.value(u"bins").toInt(), 24);  // FFD needs 23 here
    QVERIFY(o.value(u"valid").toBool());
    QVERIFY(o.contains(u"seconds"));
}

void TestPlacementCli::itemsJsonWithCatalogPrices()
{
    // 7 × (1 vCPU, 2 GiB) on m5.large ($0.096) / m5.xlarge ($0.192), us-east-1 On-Demand
    // (ec2_ondemand_prices.csv): 8 vCPU of nodes in any mix = $0.384; LP bound 3.5 × $0.096 = $0.336.
    // "etl" asks 96 vCPU, more than m5.xlarge's 4: reported, not placed.
    const Run r = run({QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/placement/items.json"), QStringLiteral("--region"),
                       QStringLiteral("us-east-1"), QStringLiteral("--instance-types"), QStringLiteral("m5.large,m5.xlarge"),
                       QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE_LT(std::abs(o.value(u"cost_per_hour").toDouble() - 0.384), 1e-9);
    QCOMPARE_LT(std::abs(o.value(u"lower_bound_per_hour").toDouble() - 0.336), 1e-9);
    QCOMPARE_LT(std::abs(o.value(u"ratio").toDouble() - 0.384 / 0.336), 1e-9);
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
    Run r = run({items});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--region is required"), r.err.constData());

    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[\n  {\"service\": \"web\", \"count\": 2,,}\n]\n");
    f.close();
    r = run({bad, QStringLiteral("--region"), QStringLiteral("us-east-1")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith((bad + QStringLiteral(":2:")).toUtf8()), r.err.constData());

    r = run({items, QStringLiteral("--region"), QStringLiteral("us-est-1")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("us-est-1"), r.err.constData());

    r = run({QStringLiteral("--vbp"), dir.filePath(QStringLiteral("missing.vbp"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("missing.vbp: cannot open"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestPlacementCli)
#include "tst_placementcli.moc"
