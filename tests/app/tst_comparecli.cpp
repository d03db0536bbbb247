// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan compare` run as a user would: the real executable, no display (docs/compare-json.md).
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"

#include "models/workload/scenariojson.h"

class TestCompareCli : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    static Run run(const QStringList &args)
    {
        return fleetplan::test::runFleetplan(QStringList { QStringLiteral("compare") } + args);
    }
    static QString sample() { return QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json"); }
    static QString data(const char *name)
    {
        return QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/simulation/") + QLatin1String(name);
    }

private slots:
    void existingCommitmentsArePaidOnEveryPlatform()
    {
        // resources/samples/online-shop-commitments.json holds 6 c6i.large Standard RIs (1-year No Upfront,
        // c6i 33.8 % off, commitment_discounts.csv), 2 m6i.xlarge Convertible RIs (3-year No Upfront, m6i
        // 49.3 %), an EC2 Instance SP m6i 0.10 USD/h and a Compute SP 0.50 USD/h. Every platform owes
        // 6 × 0.085 × 0.662 + 2 × 0.192 × 0.507 + 0.10 + 0.50 = 1.132308 USD/h × 730 h = 826.58484 USD.
        const QString file = QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop-commitments.json");
        const Run json = run({ file, QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(json.code == 0, qPrintable(json.err));
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonArray platforms = o.value(u"platforms").toArray();
        QCOMPARE(platforms.size(), 5);
        for (const QJsonValue &v : platforms) {
            const QJsonObject c
                = v.toObject().value(u"components").toObject().value(u"existing_commitments").toObject();
            QVERIFY2(std::abs(c.value(u"usd").toDouble() - 826.58484) < 1e-6,
                qPrintable(v.toObject().value(u"id").toString()));
        }
        const Run table = run({ file });
        QVERIFY2(table.code == 0, qPrintable(table.err));
        QVERIFY2(table.out.contains(QStringLiteral("existing_commitments         826.58 USD")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("covered by existing commitments")), qPrintable(table.out));
    }

    void armServiceOnX86OnlyNodesIsOneInfeasiblePlatform()
    {
        // The sample's catalog-api is arm64. With ECS on EC2 limited to m6i.* (x86_64 only) that one
        // platform cannot run it: it is shown as infeasible with the reason, the other four are priced,
        // and the run succeeds — unless --strict, or a budget gate names the infeasible platform.
        QTemporaryDir dir;
        fleetplan::models::Scenario sc = fleetplan::models::bundledSampleScenario();
        sc.platform(fleetplan::models::PlatformId::EcsEc2).instanceTypes = { QStringLiteral("m6i.*") };
        const QString file = dir.filePath(QStringLiteral("graviton-api.json"));
        QVERIFY(fleetplan::models::writeScenarioFile(sc, file));

        const Run table = run({ file });
        QVERIFY2(table.code == 0, qPrintable(table.err));
        QVERIFY2(table.out.contains(QStringLiteral("ECS on EC2               infeasible")), qPrintable(table.out));
        QVERIFY2(table.err.contains(QStringLiteral("ECS on EC2 cannot run this workload: catalog-api:")),
            qPrintable(table.err));

        const Run json = run({ file, QStringLiteral("--format"), QStringLiteral("json") });
        QCOMPARE(json.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        int feasible = 0;
        for (const QJsonValue &v : o.value(u"platforms").toArray()) {
            const QJsonObject p = v.toObject();
            if (p.value(u"id").toString() == u"ecs-ec2") {
                QCOMPARE(p.value(u"feasible").toBool(true), false);
                QVERIFY(p.value(u"total_usd").isNull());
                QCOMPARE(p.value(u"infeasible").toArray().at(0).toObject().value(u"service").toString(),
                    QStringLiteral("catalog-api"));
            } else {
                QVERIFY(p.value(u"feasible").toBool());
                QCOMPARE_GT(p.value(u"total_usd").toDouble(), 0.0);
                ++feasible;
            }
        }
        QCOMPARE(feasible, 4);
        QVERIFY(o.value(u"cheapest").toString() != u"ecs-ec2");

        QCOMPARE(run({ file, QStringLiteral("--strict"), QStringLiteral("-q") }).code, 2);
        const Run gate
            = run({ file, QStringLiteral("-q"), QStringLiteral("--fail-above"), QStringLiteral("ecs-ec2=1000000") });
        QCOMPARE(gate.code, 3);
        QVERIFY2(gate.err.contains(QStringLiteral("ECS on EC2 cannot run this workload, so it cannot meet the budget")),
            qPrintable(gate.err));
        // A gate over all platforms judges the four that run.
        QCOMPARE(
            run({ file, QStringLiteral("-q"), QStringLiteral("--fail-above"), QStringLiteral("1000000") }).code, 0);
    }

    void diffToAnInfeasiblePlatformHasNoPriceOnThatSide()
    {
        // Before: the sample, every platform priced. After: ECS on EC2 limited to x86-only m6i.* cannot run
        // the arm64 catalog-api. Its "after" is no price at all — not the partial sum of the services that
        // still fit, which would read as a saving — and the diff says why.
        QTemporaryDir dir;
        fleetplan::models::Scenario sc = fleetplan::models::bundledSampleScenario();
        sc.platform(fleetplan::models::PlatformId::EcsEc2).instanceTypes = { QStringLiteral("m6i.*") };
        const QString after = dir.filePath(QStringLiteral("graviton-api.json"));
        QVERIFY(fleetplan::models::writeScenarioFile(sc, after));

        const Run json
            = run({ sample(), QStringLiteral("--diff"), after, QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(json.code == 0, qPrintable(json.err));
        int checked = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"platforms").toArray()) {
            const QJsonObject p = v.toObject();
            if (p.value(u"platform").toString() == u"ecs-ec2") {
                QCOMPARE_GT(p.value(u"before_usd").toDouble(), 0.0);
                QVERIFY(p.value(u"after_usd").isNull());
                QVERIFY(p.value(u"change_usd").isNull());
                QVERIFY(p.value(u"change_percent").isNull());
                QCOMPARE(p.value(u"before_feasible").toBool(false), true);
                QCOMPARE(p.value(u"after_feasible").toBool(true), false);
                QVERIFY(p.value(u"after_infeasible").toString().contains(QStringLiteral("catalog-api")));
                QCOMPARE(p.value(u"components").toArray().size(), 0);
                ++checked;
            } else {
                QCOMPARE(p.value(u"change_usd").toDouble(-1), 0.0); // nothing else changed
                QCOMPARE(p.value(u"after_feasible").toBool(false), true);
            }
        }
        QCOMPARE(checked, 1);
        // The reason: the one input that changed, named as the scenario format names it.
        const QJsonArray inputs
            = QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"inputs_changed").toArray();
        QCOMPARE(inputs.size(), 1);
        QCOMPARE(inputs.at(0).toObject().value(u"path").toString(), QStringLiteral("platforms.ecs-ec2.instance_types"));
        QCOMPARE(inputs.at(0).toObject().value(u"after").toString(), QStringLiteral("[\"m6i.*\"]"));

        const Run table = run({ sample(), QStringLiteral("--diff"), after });
        QVERIFY2(table.code == 0, qPrintable(table.err));
        QVERIFY2(
            table.out.contains(QStringLiteral("after: cannot run the workload: catalog-api")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("→ infeasible USD (n/a, n/a)")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("\nInputs changed:\n  platforms.ecs-ec2.instance_types: ")),
            qPrintable(table.out));

        const Run csv
            = run({ sample(), QStringLiteral("--diff"), after, QStringLiteral("--format"), QStringLiteral("csv") });
        QCOMPARE(csv.code, 0);
        bool sawTotal = false;
        for (const QString &line : csv.out.split(u'\n')) {
            if (line.startsWith(QStringLiteral("ecs-ec2,total,"))) {
                const QStringList cells = line.split(u',');
                QCOMPARE(cells.size(), 8);
                QVERIFY(!cells.at(2).isEmpty());
                QVERIFY(cells.at(3).isEmpty()); // no after price
                QVERIFY(cells.at(4).isEmpty());
                QCOMPARE(cells.at(7), QStringLiteral("false"));
                sawTotal = true;
            }
        }
        QVERIFY(sawTotal);
    }

    void taskThatCannotRunNeverPassesABudget_data()
    {
        using fleetplan::models::PlatformId;
        using Setup = void (*)(fleetplan::models::Scenario &);
        QTest::addColumn<int>("platform");
        QTest::addColumn<QString>("row");
        QTest::addColumn<quintptr>("setup");
        // Each is a scenario `validate` accepts (at most warnings) whose platform cannot run some task: the
        // platform is infeasible, never 0.00 USD, and a budget gate naming it fails (README, infeasible).
        QTest::newRow("EKS target 50 % on m6i.large: reporting-batch 4 vCPU > 2 vCPU x 50 %")
            << int(PlatformId::EksNodes) << QStringLiteral("EKS managed nodes        infeasible")
            << quintptr(Setup([](fleetplan::models::Scenario &sc) {
                   sc.platform(PlatformId::EksNodes).instanceTypes = { QStringLiteral("m6i.large") };
                   sc.platform(PlatformId::EksNodes).targetUtilizationPercent = 50;
               }));
        QTest::newRow("ECS_RESERVED_MEMORY 9000 MiB > c6i.large's 4096 MiB (ecs-agent README)")
            << int(PlatformId::EcsEc2) << QStringLiteral("ECS on EC2               infeasible")
            << quintptr(Setup([](fleetplan::models::Scenario &sc) {
                   sc.platform(PlatformId::EcsEc2).instanceTypes
                       = { QStringLiteral("c6i.large"), QStringLiteral("c7g.large") };
                   sc.platform(PlatformId::EcsEc2).ecsReservedMemoryMib = 9000;
               }));
        QTest::newRow("vm_overhead_percent 99.9 (validate accepts < 100): no allocatable memory")
            << int(PlatformId::EksNodes) << QStringLiteral("EKS managed nodes        infeasible")
            << quintptr(Setup([](fleetplan::models::Scenario &sc) {
                   sc.platform(PlatformId::EksNodes).vmOverheadPercent = 99.9;
               }));
    }
    void taskThatCannotRunNeverPassesABudget()
    {
        QFETCH(int, platform);
        QFETCH(QString, row);
        QFETCH(quintptr, setup);
        using Setup = void (*)(fleetplan::models::Scenario &);
        QTemporaryDir dir;
        fleetplan::models::Scenario sc = fleetplan::models::bundledSampleScenario();
        reinterpret_cast<Setup>(setup)(sc);
        const QString file = dir.filePath(QStringLiteral("cannot-run.json"));
        QVERIFY(fleetplan::models::writeScenarioFile(sc, file));
        const QString id = fleetplan::models::toId(fleetplan::models::PlatformId(platform));

        const fleetplan::test::CliRun validate = fleetplan::test::runFleetplan({ QStringLiteral("validate"), file });
        QVERIFY2(validate.code == 0, qPrintable(validate.out + validate.err));
        const Run table = run({ file });
        QVERIFY2(table.code == 0, qPrintable(table.err));
        QVERIFY2(table.out.contains(row), qPrintable(table.out));
        const Run gate = run({ file, QStringLiteral("-q"), QStringLiteral("--fail-above"), id + QStringLiteral("=1") });
        QCOMPARE(gate.code, 3);
        QVERIFY2(gate.err.contains(QStringLiteral("cannot run this workload, so it cannot meet the budget")),
            qPrintable(gate.err));
        const Run json = run({ file, QStringLiteral("--format"), QStringLiteral("json") });
        for (const QJsonValue &v : QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"platforms").toArray()) {
            const QJsonObject p = v.toObject();
            if (p.value(u"id").toString() != id)
                continue;
            QCOMPARE(p.value(u"feasible").toBool(true), false);
            QVERIFY(p.value(u"total_usd").isNull());
            QVERIFY(!p.value(u"infeasible").toArray().isEmpty());
        }
    }

    void hostileNamesReachNoTerminalSpreadsheetOrBrowserRaw()
    {
        // Issue 15, injection: an escape sequence is refused (and printed escaped), HTML in a name is
        // inert in the Markdown report, and a CSV cell that would be a spreadsheet formula is guarded.
        QTemporaryDir dir;
        fleetplan::models::Scenario sc = fleetplan::models::bundledSampleScenario();
        sc.services[0].name = QStringLiteral("web\x1b]0;owned\x07");
        const QString escaped = dir.filePath(QStringLiteral("escape.json"));
        QVERIFY(fleetplan::models::writeScenarioFile(sc, escaped));
        for (const QString &command : { QStringLiteral("validate"), QStringLiteral("compare") }) {
            const Run r = fleetplan::test::runFleetplan({ command, escaped });
            QVERIFY2(r.code != 0 && r.code != -1, qPrintable(command)); // invalid input, refused
            QVERIFY2(!r.out.contains(QChar(0x1b)) && !r.err.contains(QChar(0x1b)), qPrintable(command));
            QVERIFY2(r.err.contains(QStringLiteral("services[0].name: contains the control character U+001B")),
                qPrintable(r.err));
        }

        sc = fleetplan::models::bundledSampleScenario();
        sc.services[3].name = QStringLiteral("=cmd|' /C calc'!A0"); // catalog-api, arm64: infeasible below
        sc.services[0].name = QStringLiteral("<script>alert(1)</script>");
        sc.platform(fleetplan::models::PlatformId::EcsEc2).instanceTypes = { QStringLiteral("m6i.*") };
        const QString hostile = dir.filePath(QStringLiteral("hostile.json"));
        QVERIFY(fleetplan::models::writeScenarioFile(sc, hostile));
        const Run csv = run({ hostile, QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(csv.code == 0, qPrintable(csv.err));
        QVERIFY2(csv.out.contains(QStringLiteral("infeasible: =cmd")) || csv.out.contains(QStringLiteral("'")),
            qPrintable(csv.out));
        for (const QString &line : csv.out.split(u'\n')) {
            for (const QString &cell : line.split(u','))
                QVERIFY2(!cell.startsWith(u'=') && !cell.startsWith(QStringLiteral("\"=")), qPrintable(line));
        }
        const QString md = dir.filePath(QStringLiteral("report.md"));
        const Run report
            = fleetplan::test::runFleetplan({ QStringLiteral("report"), hostile, QStringLiteral("-o"), md });
        QVERIFY2(report.code == 0, qPrintable(report.err));
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(!text.contains(QStringLiteral("<script>")));
        QVERIFY(text.contains(QStringLiteral("&lt;script&gt;")));
    }

    void sampleTableShowsAllFivePlatforms()
    {
        const Run r = run({ sample() });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        for (const char *name : { "ECS on EC2", "ECS Fargate", "ECS Fargate Spot", "EKS managed nodes", "EKS Fargate" })
            QVERIFY2(r.out.contains(QLatin1String(name)), name);
        QVERIFY(r.out.contains(QStringLiteral("Sample: online shop — us-east-1, 730 hours")));
        // Every bill line carries its arithmetic.
        QVERIFY(r.out.contains(QStringLiteral("730 cluster-hours × 0.1 USD = 73.00 USD (standard support)")));
    }

    void sampleJson()
    {
        const Run r = run({ sample(), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(u"hours").toInt(), 730);
        QCOMPARE(o.value(u"region").toString(), QStringLiteral("us-east-1"));
        const QJsonArray platforms = o.value(u"platforms").toArray();
        QCOMPARE(platforms.size(), 5);
        for (const QJsonValue &v : platforms) {
            QCOMPARE_GT(v.toObject().value(u"total_usd").toDouble(), 0.0);
            QVERIFY(v.toObject().value(u"warnings").isArray());
        }
    }

    void eksFargateExampleAsJson()
    {
        // EKS user guide: 1 vCPU + 8 GB → 2 vCPU + 9 GB. 730 h × (2 × 0.04048 + 9 × 0.004445) = 88.30445,
        // + 730 cluster-hours × 0.10 = 73 → 161.30445.
        const Run r = run({ data("eks-fargate-example.json"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--platform"), QStringLiteral("eks-fargate") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray platforms = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"platforms").toArray();
        QCOMPARE(platforms.size(), 1);
        const QJsonObject p = platforms.at(0).toObject();
        QCOMPARE(p.value(u"id").toString(), QStringLiteral("eks-fargate"));
        QVERIFY(std::abs(p.value(u"total_usd").toDouble() - 161.30445) < 1e-9);
        QVERIFY(p.value(u"warnings")
                    .toArray()
                    .contains(QJsonValue(QStringLiteral("api: 1 vCPU / 8192 MiB pod becomes 2 vCPU / 9216 MiB on EKS "
                                                        "Fargate (+256 MiB for kubelet, kube-proxy and "
                                                        "containerd, rounded up to a valid size)"))));
    }

    void loadMultiplier()
    {
        // Twice the replicas on Fargate: exactly twice the Fargate cost (the control plane stays 73).
        const Run r = run({ data("eks-fargate-example.json"), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--platform"), QStringLiteral("eks-fargate"), QStringLiteral("--load-multiplier"),
            QStringLiteral("2") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("platform,component,usd,quantity,unit\n")), qPrintable(r.out));
        const QStringList total = r.out.split(u'\n').filter(QStringLiteral("eks-fargate,total,"));
        QCOMPARE(total.size(), 1);
        QVERIFY2(
            std::abs(total.at(0).section(u',', 2, 2).toDouble() - (2 * 88.30445 + 73)) < 1e-9, qPrintable(total.at(0)));
    }

    void outputFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.json"));
        const Run r = run({ data("eks-fargate-example.json"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("-o"), path });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(u"platforms").toArray().size(), 5);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown platform") << QStringList { sample(), QStringLiteral("--platform"),
            QStringLiteral("ecs-fargat") } << QStringLiteral("unknown platform \"ecs-fargat\"");
        QTest::newRow("bad format") << QStringList { sample(), QStringLiteral("--format"), QStringLiteral("xml") }
                                    << QStringLiteral("--format must be table, json or csv");
        QTest::newRow("bad multiplier") << QStringList { sample(), QStringLiteral("--load-multiplier"),
            QStringLiteral("lots") } << QStringLiteral("--load-multiplier");
        QTest::newRow("no scenario") << QStringList {} << QStringLiteral("expected exactly one SCENARIO");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void invalidInputNamesTheFile()
    {
        const Run missing = run({ data("does-not-exist.json") });
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("does-not-exist.json")), qPrintable(missing.err));
        const Run region = run({ data("unknown-region.json") });
        QCOMPARE(region.code, 2);
        QVERIFY2(region.err.contains(QStringLiteral("unknown-region.json:region: unknown region \"us-est-1\"")),
            qPrintable(region.err));
    }

    void invalidScenarioIsNeverPriced()
    {
        // A negative replica count and a misspelt instance type: compare refuses, naming file and field.
        QFile sample(QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QJsonObject doc = QJsonDocument::fromJson(sample.readAll()).object();
        QJsonArray services = doc.value(QStringLiteral("services")).toArray();
        QJsonObject third = services.at(2).toObject();
        third.insert(QStringLiteral("replicas"), -3);
        services.replace(2, third);
        doc.insert(QStringLiteral("services"), services);
        QJsonObject platforms = doc.value(QStringLiteral("platforms")).toObject();
        platforms.insert(QStringLiteral("ecs-ec2"),
            QJsonObject { { QStringLiteral("instance_types"), QJsonArray { QStringLiteral("m5.lage") } } });
        doc.insert(QStringLiteral("platforms"), platforms);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(doc).toJson());
        out.close();
        const Run r = run({ path });
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(path + QStringLiteral(":services[2].replicas: must be >= 0")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("unknown instance type \"m5.lage\"; did you mean m5.large")),
            qPrintable(r.err));
    }

    void help()
    {
        const Run r = run({ QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("--load-multiplier")));
        QVERIFY(r.out.contains(QStringLiteral("ecs-fargate-spot")));
    }
};

QTEST_GUILESS_MAIN(TestCompareCli)
#include "tst_comparecli.moc"
