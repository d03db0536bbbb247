// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"

#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"

/// `fleetplan validate FILE`, run as a user runs it: every problem printed, exit 0 valid / 2 invalid.
class TestValidateCommand : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    static Run run(const QStringList &args)
    {
        return fleetplan::test::runFleetplan(QStringList { QStringLiteral("validate") } + args);
    }
    static QString fixture(const char *name)
    {
        return QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/scenarios/") + QString::fromLatin1(name);
    }

private slots:
    void sampleIsValid()
    {
        const QString sample = QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json");
        const Run r = run({ sample });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("valid: %1: 13 services, 4 load profiles\n").arg(sample));
        QCOMPARE(r.err, QString());
    }

    void everyProblemIsPrinted()
    {
        const QString file = fixture("invalid.json");
        const Run r = run({ file });
        QCOMPARE(r.code, 2);
        const QStringList expected {
            QStringLiteral("error: %1:load_profiles[0].hourly: has 3 values; must have 24 (a day) or 168 (a week, "
                           "Monday 00:00 first)")
                .arg(file),
            QStringLiteral("error: %1:service \"api\": min_replicas 5 > max_replicas 3").arg(file),
            QStringLiteral("error: %1:services[2].load_profile: unknown load profile \"diurnal\" (defined: web)")
                .arg(file),
            QStringLiteral("error: %1:services[3].memory_mib: must be > 0").arg(file),
            QStringLiteral("error: %1:services[4].runs_per_day: a job needs runs_per_day > 0").arg(file),
            QStringLiteral("error: %1:services[4].run_seconds: a job needs run_seconds > 0").arg(file),
            QStringLiteral("invalid: %1: 6 errors, 0 warnings").arg(file),
        };
        QCOMPARE(r.err, expected.join(u'\n') + u'\n');
        QCOMPARE(r.out, QString());
    }

    void warningsAloneAreValidUnlessStrict()
    {
        const QString file = fixture("unknown-keys.json");
        const Run r = run({ file });
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("warning: %1:services[0].replcas: unknown key, ignored").arg(file)),
            qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("valid: %1: 2 services, 0 load profiles, ").arg(file)));
        QCOMPARE(run({ QStringLiteral("--strict"), file }).code, 2);
    }

    void jsonReport()
    {
        const QString file = fixture("invalid.json");
        const Run r = run({ QStringLiteral("--format"), QStringLiteral("json"), file });
        QCOMPARE(r.code, 2);
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("valid")).toBool(true), false);
        QCOMPARE(report.value(QStringLiteral("errors")).toInt(), 6);
        const QJsonObject third = report.value(QStringLiteral("problems")).toArray().at(3).toObject();
        QCOMPARE(third.value(QStringLiteral("where")).toString(), file + QStringLiteral(":services[3].memory_mib"));
        QCOMPARE(third.value(QStringLiteral("message")).toString(), QStringLiteral("must be > 0"));
    }

    void catalogFitIsChecked()
    {
        QTemporaryDir dir;
        fleetplan::models::Scenario sc = fleetplan::models::bundledSampleScenario();
        sc.services[4].cpu = 900; // no instance type has 900 vCPU (largest: 896, u7in-*.224xlarge)
        const QString file = dir.filePath(QStringLiteral("huge.json"));
        QVERIFY(fleetplan::models::writeScenarioFile(sc, file));
        const Run r = run({ file });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(
                     QStringLiteral("warning: %1:service \"search\": task of 900 vCPU and 8192 MiB (x86_64) is "
                                    "larger than any instance type allowed on ecs-ec2; ecs-ec2 is shown as infeasible")
                         .arg(file))
                && r.err.contains(
                    QStringLiteral("error: %1:service \"search\": no enabled platform can run this service").arg(file)),
            qPrintable(r.err));
        QCOMPARE(run({ QStringLiteral("--no-catalog"), file }).code, 0);
    }

    void fleetplanDocumentsAndBadFiles()
    {
        QTemporaryDir dir;
        const QString doc = dir.filePath(QStringLiteral("shop.fleetplan"));
        QVERIFY(fleetplan::models::writeScenarioFile(fleetplan::models::bundledSampleScenario(), doc));
        QCOMPARE(run({ doc }).code, 0);

        const QString junk = dir.filePath(QStringLiteral("junk.fleetplan"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 a zip file, not a document");
        f.close();
        const Run r = run({ junk });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: %1: not a Fleetplan document").arg(junk)), qPrintable(r.err));
    }

    /// Crash-class numbers (issue 15): values that `validate` once accepted and `compare` then ran out of
    /// memory or spun on. Each is refused by validate and by compare with the same message naming the field,
    /// exit status 2, before anything is simulated.
    void crashClassNumbersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("service");
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QString>("expected");
        const QByteArray api = R"("name": "api", "cpu": 0.5, "memory_mib": 1024)";
        QTest::newRow("replicas 1e9") << QByteArray(api + R"(, "replicas": 1000000000, "max_replicas": 1000000000)")
                                      << QByteArray()
                                      << QStringLiteral(
                                             "services[0].replicas: 1000000000 is above the limit of 100000");
        QTest::newRow("max_replicas 1e9")
            << QByteArray(api + R"(, "replicas": 2, "max_replicas": 1000000000)") << QByteArray()
            << QStringLiteral("services[0].max_replicas: 1000000000 is above the limit of 100000");
        QTest::newRow("load-profile value 1e308")
            << QByteArray(api + R"(, "load_profile": "p")")
            << QByteArray(R"("load_profiles": [{"name": "p", "hourly": [1e308, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}],)")
            << QStringLiteral("load_profiles[0].hourly[0]: 1e+308 is above the limit of 1000");
        QTest::newRow("job replicas 2^31-1")
            << QByteArray(api + R"(, "kind": "job", "replicas": 2147483647, "runs_per_day": 24, "run_seconds": 60)")
            << QByteArray() << QStringLiteral("services[0].replicas: 2147483647 is above the limit of 100000");
        QTest::newRow("runs_per_day 2e9")
            << QByteArray(api + R"(, "kind": "job", "runs_per_day": 2000000000, "run_seconds": 60)") << QByteArray()
            << QStringLiteral("services[0].runs_per_day: 2000000000 is above the limit of 1440 (one run a minute)");
        QTest::newRow("runs_per_day x run_seconds beyond a day")
            << QByteArray(api + R"(, "kind": "job", "runs_per_day": 1440, "run_seconds": 604800)") << QByteArray()
            << QStringLiteral("service \"api\": runs_per_day 1440 × run_seconds 604800 = 870912000 s is above the "
                              "limit of 8640000 s (100 runs overlapping)");
        QTest::newRow("period of 2^31-1 days (days x 24 overflowed)")
            << api << QByteArray(R"("period": {"days": 2147483647},)")
            << QStringLiteral("period.days: 2147483647 days is above the limit of 3650 days (87600 hours, ten years)");
        QTest::newRow("1e308 vCPU") << QByteArray(R"("name": "api", "cpu": 1e308, "memory_mib": 1024)") << QByteArray()
                                    << QStringLiteral("services[0].cpu: 1e+308 vCPU is above the limit of 1024 vCPU");
        QTest::newRow("a million tasks at once")
            << QByteArray(api + R"(, "replicas": 100000, "max_replicas": 100000}, {"name": "b", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000}, {"name": "c", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000}, {"name": "d", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000}, {"name": "e", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000}, {"name": "f", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000}, {"name": "g", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000}, {"name": "h", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000}, {"name": "i", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000}, {"name": "j", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000}, {"name": "k", "cpu": 0.5,
                "memory_mib": 1024, "replicas": 100000, "max_replicas": 100000)")
            << QByteArray()
            << QStringLiteral(
                   "services: the busiest hour runs 1100000 tasks, above the limit of 1000000 tasks at once");
        QTest::newRow("savings plan of 1e308 USD an hour")
            << api << QByteArray(R"("purchase": {"savings_plan_usd_per_hour": 1e308},)")
            << QStringLiteral("purchase.savings_plan_usd_per_hour: 1e+308 USD is above the limit of 1000000 USD");
    }
    void crashClassNumbersAreRefused()
    {
        QFETCH(QByteArray, service);
        QFETCH(QByteArray, extra);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("hostile.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"fleetplan_scenario": 1, )" + extra + R"( "services": [{)" + service + "}]}");
        f.close();
        const QString line = QStringLiteral("error: %1:%2\n").arg(file, expected);

        const Run validate = run({ file });
        QCOMPARE(validate.code, 2);
        QVERIFY2(validate.err.contains(line), qPrintable(validate.err));

        const Run compare = fleetplan::test::runFleetplan({ QStringLiteral("compare"), file });
        QCOMPARE(compare.code, 2);
        QVERIFY2(compare.err.contains(line), qPrintable(compare.err));
        QCOMPARE(compare.out, QString());
    }

    void usage()
    {
        QCOMPARE(run({}).code, 1);
        QCOMPARE(run({ QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("x.json") }).code, 1);
        const Run help = run({ QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QStringLiteral("--strict")));
    }
};

QTEST_GUILESS_MAIN(TestValidateCommand)
#include "tst_validatecommand.moc"
