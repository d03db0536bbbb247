// SPDX-License-Identifier: GPL-3.0-or-later
#include <csignal>

#include <sys/resource.h>

#include <QtTest>

#include "models/workload/scenariojson.h"

using namespace fleetplan::models;

/// The JSON interchange format (docs/scenario-format.md): defaults, warnings, round trips, atomic saves.
class TestScenarioJson : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const char *name)
    {
        return QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/scenarios/") + QString::fromLatin1(name);
    }
    static QStringList texts(const QList<Diagnostic> &diagnostics)
    {
        QStringList out;
        for (const Diagnostic &d : diagnostics)
            out.append((d.isError() ? QStringLiteral("error: ") : QStringLiteral("warning: ")) + d.toString());
        return out;
    }

private slots:
    void documentedDefaults()
    {
        // docs/scenario-format.md, "Defaults": every optional key left out.
        const ScenarioReadResult r = readScenarioFile(fixture("minimal.json"));
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        QVERIFY(r.diagnostics.isEmpty());
        const Scenario &sc = *r.scenario;
        QCOMPARE(sc.name, QStringLiteral("Untitled"));
        QCOMPARE(sc.region, QStringLiteral("us-east-1"));
        QCOMPARE(sc.periodHours, 730);
        QCOMPARE(sc.periodInDays, false);
        QCOMPARE(sc.services.size(), 1);
        const Service &s = sc.services.at(0);
        QCOMPARE(s.kind, ServiceKind::Service);
        QCOMPARE(s.cpu, 0.25);
        QCOMPARE(s.memoryMib, 512.0);
        QCOMPARE(s.ephemeralGib, 20.0);
        QCOMPARE(s.arch, Arch::X86_64);
        QCOMPARE(s.os, OsFamily::Linux);
        QCOMPARE(s.networkMode, NetworkMode::Awsvpc);
        QCOMPARE(s.replicas, 1);
        QCOMPARE(s.minReplicas, 1);
        QCOMPARE(s.maxReplicas, 1000);
        QCOMPARE(s.spotOk, false);
        QCOMPARE(s.loadProfile, QString());
        QCOMPARE(s.gpus, 0);
        QCOMPARE(s.accelerator, Accelerator::NvidiaGpu);
        QCOMPARE(s.noMemoryRequest, false);
        for (PlatformId id : AllPlatforms) {
            // App Runner is opt-in (issue 19): off in a file without its block.
            QCOMPARE(sc.platform(id).enabled, id != PlatformId::AppRunner);
            QVERIFY(sc.platform(id).instanceTypes.isEmpty());
        }
        QCOMPARE(sc.purchase.spotShare, 0.0);
        QCOMPARE(sc.purchase.savingsPlanTermYears, 1);
    }

    void unknownKeysAreWarningsNamingThePath()
    {
        const QString path = fixture("unknown-keys.json");
        const ScenarioReadResult r = readScenarioFile(path);
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        const QStringList got = texts(r.diagnostics);
        const QStringList expected {
            QStringLiteral("warning: %1:services[0].replcas: unknown key, ignored").arg(path),
            QStringLiteral("warning: %1:services[1].containers[2].image: unknown key, ignored").arg(path),
            QStringLiteral("warning: %1:platforms.ecs-ec2.spot_fleet: unknown key, ignored").arg(path),
            QStringLiteral("warning: %1:platforms.gke: unknown platform, ignored (expected ecs-ec2, ecs-fargate, "
                           "ecs-fargate-spot, eks-nodes, eks-fargate or app-runner)")
                .arg(path),
            QStringLiteral("warning: %1:colour: unknown key, ignored").arg(path),
        };
        for (const QString &e : expected)
            QVERIFY2(got.contains(e), qPrintable(e + QStringLiteral("\nnot in:\n") + got.join(u'\n')));
        QCOMPARE(got.size(), expected.size());
    }

    void periodInDaysAndWildcards()
    {
        const ScenarioReadResult r = readScenarioFile(fixture("unknown-keys.json"));
        QVERIFY(r.scenario);
        QCOMPARE(r.scenario->periodHours, 720); // 30 days × 24 h
        QVERIFY(r.scenario->periodInDays);
        QCOMPARE(r.scenario->platform(PlatformId::EcsEc2).instanceTypes,
            (QStringList { QStringLiteral("m6i.large"), QStringLiteral("c6i.*") }));
        const QJsonObject written = scenarioToJsonObject(*r.scenario);
        QCOMPARE(written.value(QStringLiteral("period")).toObject(), (QJsonObject { { QStringLiteral("days"), 30 } }));
    }

    void containersSumLongRunningAndMaxWithInit()
    {
        // ECS and Kubernetes: task size = max(largest init container, sum of the long-running ones).
        // worker: app 0.5 + envoy 0.25 = 0.75 vCPU < init 1.0 → 1.0; memory 1024 + 512 = 1536 > init 256.
        const ScenarioReadResult r = readScenarioFile(fixture("unknown-keys.json"));
        QVERIFY(r.scenario);
        const Service &worker = r.scenario->services.at(1);
        QCOMPARE(worker.containers.size(), 3);
        QCOMPARE(worker.effectiveCpu(), 1.0);
        QCOMPARE(worker.effectiveMemoryMib(), 1536.0);
    }

    void notAScenario_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no marker") << QByteArray(R"({"name": "x"})")
                                   << QStringLiteral(
                                          "error: f.json:fleetplan_scenario: missing: this is not a Fleetplan "
                                          "scenario (expected \"fleetplan_scenario\": 1)");
        QTest::newRow("newer format") << QByteArray(R"({"fleetplan_scenario": 3})")
                                      << QStringLiteral("error: f.json:fleetplan_scenario: format version 3 is not "
                                                        "supported by this Fleetplan (it reads versions 1 to 2); a "
                                                        "newer Fleetplan wrote this file");
        QTest::newRow("syntax error line 3")
            << QByteArray("{\n \"fleetplan_scenario\": 1,\n \"name\": }\n")
            << QStringLiteral("error: f.json:3:11: not valid JSON: object is missing after a comma");
        QTest::newRow("wrong type") << QByteArray(
            R"({"fleetplan_scenario": 1, "services": [{"name": "a", "replicas": "3"}]})")
                                    << QStringLiteral("error: f.json:services[0].replicas: must be a whole number");
        QTest::newRow("replicas beyond int")
            << QByteArray(R"({"fleetplan_scenario": 1, "services": [{"name": "a", "replicas": 1e12}]})")
            << QStringLiteral("error: f.json:services[0].replicas: must be a whole number");
        // Silent acceptance (issue 15): QJsonDocument keeps the last of two equal keys without a word.
        QTest::newRow("a second top-level services replaces the first")
            << QByteArray("{\"fleetplan_scenario\": 1,\n \"services\": [{\"name\": \"a\"}],\n \"services\": []}\n")
            << QStringLiteral("error: f.json:3: duplicate key \"services\" (also on line 2): JSON keeps only the "
                              "last one, so the first would be lost");
        QTest::newRow("duplicate key in a service, spelled with an escape")
            << QByteArray(
                   R"({"fleetplan_scenario": 1, "services": [{"name": "a", "replicas": 2, "repl\u0069cas": 3}]})")
            << QStringLiteral("error: f.json:1: duplicate key \"replicas\" (also on line 1): JSON keeps only the "
                              "last one, so the first would be lost");
        QTest::newRow("bad enum") << QByteArray(
            R"({"fleetplan_scenario": 1, "services": [{"name": "a", "arch": "sparc"}]})")
                                  << QStringLiteral("error: f.json:services[0].arch: unknown value \"sparc\" "
                                                    "(expected x86_64 or arm64)");
    }
    void notAScenario()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const ScenarioReadResult r = scenarioFromJson(json, QStringLiteral("f.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.errorText(), expected);
    }

    void sampleRoundTripIsLossless()
    {
        const Scenario sample = bundledSampleScenario();
        QCOMPARE(sample.services.size(), 13);
        const QByteArray once = scenarioToJson(sample);
        const ScenarioReadResult back = scenarioFromJson(once);
        QVERIFY2(back.ok() && back.diagnostics.isEmpty(), qPrintable(back.errorText()));
        QCOMPARE(*back.scenario, sample);
        QCOMPARE(scenarioToJson(*back.scenario), once);
    }

    void acceleratorFieldsRoundTrip()
    {
        // gpus / accelerator / no_memory_request (issue 14) are written only when set, and read back.
        Scenario sc = bundledSampleScenario();
        const QByteArray plain = scenarioToJson(sc);
        QVERIFY(!plain.contains("\"gpus\""));
        sc.services[0].gpus = 4;
        sc.services[0].accelerator = Accelerator::AwsNeuron;
        sc.services[1].noMemoryRequest = true;
        const QByteArray json = scenarioToJson(sc);
        QVERIFY(json.contains("\"accelerator\": \"neuron\""));
        const ScenarioReadResult back = scenarioFromJson(json);
        QVERIFY2(back.ok() && back.diagnostics.isEmpty(), qPrintable(back.errorText()));
        QCOMPARE(*back.scenario, sc);
        // An unknown accelerator names the field.
        QByteArray bad = json;
        bad.replace("\"neuron\"", "\"tpu\"");
        const ScenarioReadResult wrong = scenarioFromJson(bad);
        QVERIFY(!wrong.ok());
        QVERIFY2(texts(wrong.diagnostics).join(u'\n').contains(QStringLiteral("services[0].accelerator")),
            qPrintable(texts(wrong.diagnostics).join(u'\n')));
    }

    void writeReplacesAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.json"));
        Scenario a = bundledSampleScenario();
        QString error;
        QVERIFY2(writeScenarioFile(a, path, &error), qPrintable(error));
        a.name = QStringLiteral("second save");
        QVERIFY2(writeScenarioFile(a, path, &error), qPrintable(error));
        const ScenarioReadResult r = readScenarioFile(path);
        QVERIFY(r.ok());
        QCOMPARE(r.scenario->name, QStringLiteral("second save"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("shop.json") });
    }

    void failedWriteKeepsThePreviousFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.json"));
        const Scenario old = bundledSampleScenario();
        QVERIFY(writeScenarioFile(old, path));
        const QByteArray before = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();

        Scenario big = old;
        for (int i = 0; i < 400; ++i) {
            Service s = old.services.at(0);
            s.name = QStringLiteral("svc-%1").arg(i);
            big.services.append(s);
        }
        // A file-size limit makes write(2) fail with EFBIG, as a full disk fails with ENOSPC.
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved {};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &saved) == 0);
        rlimit limited = saved;
        limited.rlim_cur = 16 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        QString error;
        const bool written = writeScenarioFile(big, path, &error);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!written);
        QVERIFY2(error.startsWith(QStringLiteral("cannot save %1: ").arg(path)), qPrintable(error));
        QVERIFY2(error.endsWith(QStringLiteral("the previous file was kept")), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("shop.json") });
    }
};

QTEST_GUILESS_MAIN(TestScenarioJson)
#include "tst_scenariojson.moc"
