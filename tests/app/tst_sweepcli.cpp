// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan sweep` run as a user would: the real executable, no display (docs/sweep.md).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"

class TestSweepCli : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    static Run run(const QStringList &args)
    {
        return fleetplan::test::runFleetplan(QStringList { QStringLiteral("sweep") } + args);
    }
    static QString sample() { return QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json"); }

private slots:
    void jsonHasEveryPoint()
    {
        const Run r = run({ sample(), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--fast"),
            QStringLiteral("--load"), QStringLiteral("0.5:2:0.5") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.outBytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(u"scenario").toString(), QStringLiteral("Sample: online shop"));
        QCOMPARE(o.value(u"packing").toString(), QStringLiteral("fast"));
        const QJsonObject load = o.value(u"load").toObject();
        QCOMPARE(load.value(u"from").toDouble(), 0.5);
        QCOMPARE(load.value(u"to").toDouble(), 2.0);
        QCOMPARE(load.value(u"step").toDouble(), 0.5);
        const QJsonArray points = o.value(u"points").toArray();
        QCOMPARE(points.size(), 4);
        QCOMPARE(points.at(3).toObject().value(u"load").toDouble(), 2.0);
        const QJsonObject platforms = points.at(0).toObject().value(u"platforms").toObject();
        QCOMPARE(platforms.keys(),
            (QStringList { QStringLiteral("ecs-ec2"), QStringLiteral("ecs-fargate"), QStringLiteral("ecs-fargate-spot"),
                QStringLiteral("eks-fargate"), QStringLiteral("eks-nodes") }));
        for (const QString &id : platforms.keys()) {
            const QJsonObject p = platforms.value(id).toObject();
            QVERIFY(p.value(u"feasible").toBool());
            QVERIFY(p.value(u"total_usd").toDouble() > 0);
        }
        QVERIFY(o.value(u"break_even").isArray());
        QVERIFY(o.value(u"infeasible_ranges").isArray());
        for (const QJsonValue &v : o.value(u"break_even").toArray()) {
            const QJsonObject b = v.toObject();
            QVERIFY(b.value(u"load").toDouble() >= 0.5 && b.value(u"load").toDouble() <= 2.0);
            QVERIFY(b.value(u"text").toString().contains(QStringLiteral(" is cheaper than ")));
        }
    }

    void tableAndCsv()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("sweep.csv"));
        const Run csv = run({ sample(), QStringLiteral("--fast"), QStringLiteral("--load"), QStringLiteral("1:2:1"),
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), file });
        QVERIFY2(csv.code == 0, qPrintable(csv.err));
        QVERIFY(csv.out.isEmpty());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 2 * 5);
        QCOMPARE(rows.first(), QStringLiteral("load,platform,feasible,total_usd,note"));
        QVERIFY(rows.at(1).startsWith(QStringLiteral("1,ecs-ec2,true,")));

        const Run table
            = run({ sample(), QStringLiteral("--fast"), QStringLiteral("--load"), QStringLiteral("1:2:1") });
        QVERIFY2(table.code == 0, qPrintable(table.err));
        QVERIFY2(table.out.contains(QStringLiteral("EKS managed nodes")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("×1.00 ")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("×2.00 ")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("Break-even points")), qPrintable(table.out));
    }

    void badRangeIsInvalidInput_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("message");
        QTest::newRow("step 0") << "0.25:4:0"
                                << "STEP must be above 0";
        QTest::newRow("zero") << "0:4:0.25"
                              << "load multipliers must be above 0";
        QTest::newRow("NaN") << "nan:4:0.25"
                             << "NaN or infinity";
        QTest::newRow("too many points") << "0.01:20:0.01"
                                         << "at most 400 are swept";
        QTest::newRow("not a range") << "2"
                                     << "FROM:TO:STEP";
    }

    void badRangeIsInvalidInput()
    {
        QFETCH(QString, range);
        QFETCH(QString, message);
        const Run r = run({ sample(), QStringLiteral("--load"), range });
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("fleetplan sweep: --load: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void usageErrors()
    {
        QCOMPARE(run({ sample(), QStringLiteral("--format"), QStringLiteral("xml") }).code, 1);
        QCOMPARE(run({}).code, 1);
        QCOMPARE(run({ sample(), QStringLiteral("--platform"), QStringLiteral("lambda") }).code, 1);
        const Run help = run({ QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QStringLiteral("--load <FROM:TO:STEP>")));
        const Run man = fleetplan::test::runFleetplan({ QStringLiteral("manpage") });
        QVERIFY(man.out.contains(QStringLiteral(".SS \"fleetplan sweep\"")));
    }
};

QTEST_GUILESS_MAIN(TestSweepCli)
#include "tst_sweepcli.moc"
