// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan sensitivity` run as a user would: the real executable, no display (docs/sensitivity.md).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "common/clirunner.h"

class TestSensitivityCli : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    static Run run(const QStringList &args)
    {
        return fleetplan::test::runFleetplan(QStringList { QStringLiteral("sensitivity") } + args);
    }
    static QString sample() { return QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json"); }

private slots:
    void jsonNamesTheTwoPlatformsAndEveryInput()
    {
        const Run r = run({ sample(), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--fast") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.outBytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(u"scenario").toString(), QStringLiteral("Sample: online shop"));
        QCOMPARE(o.value(u"packing").toString(), QStringLiteral("fast"));
        QVERIFY(o.value(u"ranked").toBool());
        const double cheapest = o.value(u"cheapest").toObject().value(u"total_usd").toDouble();
        const double runnerUp = o.value(u"runner_up").toObject().value(u"total_usd").toDouble();
        QVERIFY(cheapest > 0 && runnerUp >= cheapest);
        QCOMPARE(o.value(u"gap_usd").toDouble(), runnerUp - cheapest);
        QStringList inputs;
        double previousSwing = 1e300;
        for (const QJsonValue &v : o.value(u"factors").toArray()) {
            const QJsonObject f = v.toObject();
            inputs << f.value(u"input").toString();
            QVERIFY(f.value(u"swing_usd").toDouble() <= previousSwing); // the tornado's order
            previousSwing = f.value(u"swing_usd").toDouble();
            QVERIFY(!f.value(u"text").toString().isEmpty());
        }
        inputs.sort();
        QCOMPARE(inputs,
            (QStringList { QStringLiteral("instance_families"), QStringLiteral("load"), QStringLiteral("region"),
                QStringLiteral("savings_plan"), QStringLiteral("spot_share"), QStringLiteral("target_utilization") }));
    }

    void tableReadsAsSentences()
    {
        const Run r = run({ sample(), QStringLiteral("--fast") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral(" is the cheapest at ")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("(below 0: the ranking flips)")));
        for (const char *input :
            { "Load", "Spot share", "Savings Plans commitment", "Target utilisation", "Region", "Instance families" })
            QVERIFY2(r.out.contains(QLatin1String(input)), input);
    }

    void usageErrors()
    {
        QCOMPARE(run({}).code, 1);
        QCOMPARE(run({ sample(), QStringLiteral("--format"), QStringLiteral("csv") }).code, 1);
        const Run nan = run({ sample(), QStringLiteral("--load-multiplier"), QStringLiteral("nan") });
        QCOMPARE(nan.code, 1);
        QVERIFY(nan.err.contains(QStringLiteral("--load-multiplier must be a number from 0 to 1000")));
        const Run missing = run({ QStringLiteral("/nonexistent/shop.json") });
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains(QStringLiteral("/nonexistent/shop.json")));
        const Run man = fleetplan::test::runFleetplan({ QStringLiteral("manpage") });
        QVERIFY(man.out.contains(QStringLiteral(".B sensitivity")));
    }
};

QTEST_GUILESS_MAIN(TestSensitivityCli)
#include "tst_sensitivitycli.moc"
