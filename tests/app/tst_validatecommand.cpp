// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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
