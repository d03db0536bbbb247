// SPDX-License-Identifier: GPL-3.0-or-later
// Deployments as a cost component (issue 20; docs/cost-rules.md "Deployments"), priced through simulate()
// with the bundled catalog. Rates, us-east-1: Fargate Linux x86 0.04048 USD per vCPU-hour and 0.004445 per
// GB-hour, Fargate Spot 0.01291 per vCPU-hour and 0.00138835 per GB-hour (fargate_rates.csv: AWS price feed
// ecs/ecs.json, publication 2025-10-27; Spot snapshots fortem.dev 2026 and theuves/fgcalc @5049a5e);
// m6i.xlarge On-Demand 0.192 USD per hour (ec2_ondemand_prices.csv, karpenter 2026-07-20). Rounding: ECS
// rounds maximumPercent down and minimumHealthyPercent up (ECS API reference, DeploymentConfiguration);
// Kubernetes rounds maxSurge up and maxUnavailable down (apps/v1 RollingUpdateDeployment). Every expected
// figure is the arithmetic in its comment or row name.
#include <QTest>

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUndoStack>

#include "models/import/cloudformationimporter.h"
#include "models/import/ecsimporter.h"
#include "models/import/kubernetesimporter.h"
#include "models/import/terraformimporter.h"
#include "models/simulation/deploymentcosts.h"
#include "models/simulation/simulation.h"
#include "models/workload/document.h"
#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"
#include "models/workload/servicetablemodel.h"
#include "models/workload/validation.h"

#include "common/fixtures.h"

using namespace fleetplan;
using namespace fleetplan::models;
using namespace Qt::StringLiterals;

namespace {

using fleetplan::test::hasErrorAt;
using fleetplan::test::runPlatform;
using fleetplan::test::scenarioWith;
using fleetplan::test::service;

/// Fargate Linux x86 per task-hour of 1 vCPU / 2 GB: 1 × 0.04048 + 2 × 0.004445.
constexpr double OneVcpuTwoGbTaskHour = 0.04048 + 2 * 0.004445;

DeploymentSettings rolling(double surgePercent, double perDay, double minutes)
{
    DeploymentSettings d;
    d.strategy = DeploymentStrategy::Rolling;
    d.maxSurge = surgePercent;
    d.maxUnavailable = 0;
    d.frequency = perDay;
    d.durationMinutes = minutes;
    return d;
}

/// api: 10 tasks of 1 vCPU / 2048 MiB (a valid Fargate size, no rounding), flat load.
Scenario tenTasks(const DeploymentSettings &deployment, int hours)
{
    Service api = service(u"api"_s, 1.0, 2048, 10);
    api.minReplicas = 10;
    api.deployment = deployment;
    return scenarioWith({ api }, hours);
}

/// ECS on EC2 on m6i.xlarge only (4 vCPU, 15970 MiB registered): `replicas` bridge tasks of 1 vCPU / 1024 MiB
/// (no ENI limit), flat load, rolling at maxPercent 200 for 10 minutes twice a day, over 24 hours.
Scenario onOneXlarge(int replicas)
{
    Service api = service(u"api"_s, 1.0, 1024, replicas);
    api.minReplicas = replicas;
    api.networkMode = NetworkMode::Bridge;
    api.deployment = rolling(100, 2, 10);
    return fleetplan::test::fixedType({ api }, PlatformId::EcsEc2, u"m6i.xlarge"_s, 24);
}

QString diagnosticsText(const QList<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

QString fixture(const QString &name)
{
    return QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/") + name;
}

const Service *find(const ImportResult &r, const QString &name)
{
    for (const Service &s : r.services) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestDeployments : public QObject
{
    Q_OBJECT

private slots:
    void surge_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<double>("surge");
        QTest::addColumn<bool>("percent");
        QTest::addColumn<int>("desired");
        QTest::addColumn<bool>("kubernetes");
        QTest::addColumn<int>("expected");
        const int r = int(DeploymentStrategy::Rolling), bg = int(DeploymentStrategy::BlueGreen);
        QTest::newRow("ECS maximumPercent 200 on 10 tasks: floor(10 × 100 %) = 10")
            << r << 100.0 << true << 10 << false << 10;
        QTest::newRow("ECS maximumPercent 125 on 10: floor(2.5) = 2") << r << 25.0 << true << 10 << false << 2;
        QTest::newRow("Kubernetes maxSurge 25 % on 10: ceil(2.5) = 3") << r << 25.0 << true << 10 << true << 3;
        QTest::newRow("Kubernetes maxSurge 30 % on 10: exactly 3, not 4") << r << 30.0 << true << 10 << true << 3;
        QTest::newRow("absolute 20 on 10 tasks: at most the 10 replaced") << r << 20.0 << false << 10 << true << 10;
        QTest::newRow("Recreate (surge 0): nothing surges") << r << 0.0 << true << 10 << true << 0;
        QTest::newRow("blue/green: a full second set of 7") << bg << 25.0 << true << 7 << false << 7;
        QTest::newRow("no tasks running: no surge") << r << 100.0 << true << 0 << false << 0;
    }
    void surge()
    {
        QFETCH(int, strategy);
        QFETCH(double, surge);
        QFETCH(bool, percent);
        QFETCH(int, desired);
        QFETCH(bool, kubernetes);
        QFETCH(int, expected);
        DeploymentSettings d;
        d.strategy = DeploymentStrategy(strategy);
        d.maxSurge = surge;
        d.maxSurgePercent = percent;
        QCOMPARE(surgeTasks(d, desired, kubernetes), expected);
    }

    void schedule()
    {
        // Twice a day over a 730-hour month: at 0, 12, …, 720 h → 61 deployments (61 × 12 = 732 ≥ 730).
        const QList<int> hours = deploymentStartHours(rolling(100, 2, 10), 730);
        QCOMPARE(hours.size(), 61);
        QCOMPARE(hours.first(), 0);
        QCOMPARE(hours.at(1), 12);
        QCOMPARE(hours.last(), 720);
        // Three a week over 168 hours: every 56 hours → 0, 56, 112.
        DeploymentSettings weekly = rolling(100, 3, 10);
        weekly.period = DeploymentPeriod::Week;
        QCOMPARE(deploymentStartHours(weekly, 168), (QList<int> { 0, 56, 112 }));
        QVERIFY(deploymentStartHours(DeploymentSettings {}, 730).isEmpty());
        QVERIFY(deploymentStartHours(rolling(100, 0, 10), 730).isEmpty());
    }

    void fargate_data()
    {
        QTest::addColumn<int>("platform");
        QTest::addColumn<int>("strategy");
        QTest::addColumn<double>("bake");
        QTest::addColumn<double>("minutes");
        QTest::addColumn<int>("hours");
        QTest::addColumn<double>("taskHours");
        QTest::addColumn<double>("usd");
        const int ecs = int(PlatformId::EcsFargate), r = int(DeploymentStrategy::Rolling),
                  bg = int(DeploymentStrategy::BlueGreen);
        // The issue's case: 10 tasks, maxPercent 200 (surge 10), 10 minutes, twice a day.
        QTest::newRow("rolling, 1 day: 2 × 10 tasks × 10/60 h = 3.333 task-hours × 0.04937")
            << ecs << r << 0.0 << 10.0 << 24 << 2 * 10 * 10 / 60.0 << 2 * 10 * 10 / 60.0 * OneVcpuTwoGbTaskHour;
        QTest::newRow("rolling, 730 h: 61 × 10 × 10/60 = 101.667 task-hours = 5.0193 USD")
            << ecs << r << 0.0 << 10.0 << 730 << 61 * 10 * 10 / 60.0 << 61 * 10 * 10 / 60.0 * OneVcpuTwoGbTaskHour;
        // Blue/green keeps the full second set through the 30-minute bake: 10 tasks × (10 + 30) min.
        QTest::newRow("blue/green, 30 min bake, 1 day: 2 × 10 × 40/60 = 13.333 task-hours")
            << ecs << bg << 30.0 << 10.0 << 24 << 2 * 10 * 40 / 60.0 << 2 * 10 * 40 / 60.0 * OneVcpuTwoGbTaskHour;
        // A 30-second deployment bills Fargate's one-minute minimum per task.
        QTest::newRow("30 s deployment: one-minute minimum, 2 × 10 × 1/60 h")
            << ecs << r << 0.0 << 0.5 << 24 << 2 * 10 / 60.0 << 2 * 10 / 60.0 * OneVcpuTwoGbTaskHour;
        // EKS Fargate: 1 vCPU / 2048 MiB + 256 MiB → 1 vCPU / 3 GB: 0.04048 + 3 × 0.004445 = 0.053815.
        QTest::newRow("EKS Fargate rolling, 1 day: 3.333 task-hours × (0.04048 + 3 × 0.004445)")
            << int(PlatformId::EksFargate) << r << 0.0 << 10.0 << 24 << 2 * 10 * 10 / 60.0
            << 2 * 10 * 10 / 60.0 * (0.04048 + 3 * 0.004445);
    }
    void fargate()
    {
        QFETCH(int, platform);
        QFETCH(int, strategy);
        QFETCH(double, bake);
        QFETCH(double, minutes);
        QFETCH(int, hours);
        QFETCH(double, taskHours);
        QFETCH(double, usd);
        DeploymentSettings d = rolling(100, 2, minutes);
        d.strategy = DeploymentStrategy(strategy);
        d.bakeMinutes = bake;
        const Scenario sc = tenTasks(d, hours);
        QVERIFY(validateScenario(sc).isEmpty());
        const PlatformResult with = runPlatform(sc, PlatformId(platform));
        const PlatformResult without = runPlatform(tenTasks(DeploymentSettings {}, hours), PlatformId(platform));
        const CostComponent *c = with.component(ComponentId::Deployments);
        QVERIFY(c);
        QVERIFY2(std::abs(c->quantity - taskHours) < 1e-9, qPrintable(QString::number(c->quantity, 'g', 15)));
        COMPARE_USD(c->usd, usd);
        QCOMPARE(c->unit, u"surge task-hours"_s);
        QVERIFY2(c->explanation.contains(u"api: "_s), qPrintable(c->explanation));
        // Added on top of the bill that has no deployments, and in the hourly series.
        COMPARE_USD(with.totalUsd, without.totalUsd + usd);
        double series = 0, seriesWithout = 0;
        for (double v : with.series.costUsd)
            series += v;
        for (double v : without.series.costUsd)
            seriesWithout += v;
        QVERIFY(std::abs(series - seriesWithout - usd) < 1e-6);
        QVERIFY(without.component(ComponentId::Deployments) == nullptr);
    }

    void blueGreenDoublesTheFleetForTheBake()
    {
        // Blue/green with a 30-minute bake (and a 30-minute deployment) costs what the 10 running tasks cost for
        // that hour: 2 deployments × 10 tasks × 1 h = 20 task-hours, the same as one more hour of the service
        // twice a day.
        DeploymentSettings d = rolling(100, 2, 30);
        d.strategy = DeploymentStrategy::BlueGreen;
        d.bakeMinutes = 30;
        const PlatformResult r = runPlatform(tenTasks(d, 24), PlatformId::EcsFargate);
        COMPARE_USD(r.componentUsd(ComponentId::Deployments), 20 * OneVcpuTwoGbTaskHour);
        const PlatformResult plain = runPlatform(tenTasks(DeploymentSettings {}, 24), PlatformId::EcsFargate);
        // The service alone: 10 tasks × 24 h; two of those hours are doubled.
        COMPARE_USD(r.totalUsd, plain.totalUsd * 26.0 / 24.0);
    }

    void fargateSpotSurgeFollowsTheStrategy()
    {
        // spot_ok with the default strategy (weight 0 : spot weight 1, base 0): every surge task on
        // FARGATE_SPOT at 1 × 0.01291 + 2 × 0.00138835 per task-hour.
        Scenario sc = tenTasks(rolling(100, 2, 10), 24);
        sc.services[0].spotOk = true;
        const PlatformResult r = runPlatform(sc, PlatformId::EcsFargateSpot);
        COMPARE_USD(r.componentUsd(ComponentId::Deployments), 2 * 10 * 10 / 60.0 * (0.01291 + 2 * 0.00138835));
    }

    void ec2HeadroomAbsorbsTheSurge()
    {
        // 2 bridge tasks of 1 vCPU / 1024 MiB on one m6i.xlarge (4 vCPU, 15970 MiB registered): 2 vCPU spare
        // hold the 2 surge tasks (maxPercent 200), so the deployments cost nothing extra.
        const Scenario sc = onOneXlarge(2);
        const PlatformResult r = runPlatform(sc, PlatformId::EcsEc2);
        QCOMPARE(r.peakNodes, 1);
        const CostComponent *c = r.component(ComponentId::Deployments);
        QVERIFY(c);
        COMPARE_USD(c->usd, 0.0);
        QCOMPARE(c->quantity, 0.0);
        QVERIFY2(c->explanation.contains(u"held every surge"_s), qPrintable(c->explanation));
    }

    void ec2SurgeNeedsAnExtraNode()
    {
        // 4 tasks of 1 vCPU fill one m6i.xlarge (4 × 1024 of 4096 CPU units): the 4 surge tasks need one more
        // m6i.xlarge (it holds 4) for 10 minutes, twice a day: 2 × 1 × 10/60 h = 0.3333 instance-hours ×
        // 0.192 USD = 0.064 USD.
        const Scenario sc = onOneXlarge(4);
        const PlatformResult r = runPlatform(sc, PlatformId::EcsEc2);
        QCOMPARE(r.peakNodes, 1);
        const CostComponent *c = r.component(ComponentId::Deployments);
        QVERIFY(c);
        QVERIFY(std::abs(c->quantity - 2 * 10 / 60.0) < 1e-9);
        COMPARE_USD(c->usd, 2 * 10 / 60.0 * 0.192);
        QCOMPARE(c->unit, u"extra instance-hours"_s);
        QVERIFY2(c->explanation.contains(u"1 × m6i.xlarge"_s), qPrintable(c->explanation));
        // Half the surge (maxPercent 150: floor(4 × 50 %) = 2 tasks) needs the same one node.
        Scenario half = sc;
        half.services[0].deployment.maxSurge = 50;
        COMPARE_USD(
            runPlatform(half, PlatformId::EcsEc2).componentUsd(ComponentId::Deployments), 2 * 10 / 60.0 * 0.192);
    }

    void noStrategyPricesAsBefore()
    {
        // A strategy without a frequency (what the importers leave) prices exactly as no strategy at all.
        const Scenario before = tenTasks(DeploymentSettings {}, 48);
        const Scenario after = tenTasks(rolling(100, 0, 10), 48);
        QCOMPARE(simulate(after, fleetplan::test::catalog()), simulate(before, fleetplan::test::catalog()));
    }

    void appRunnerSaysWhatItAssumes()
    {
        Scenario sc = tenTasks(rolling(100, 2, 10), 24);
        sc.platform(PlatformId::AppRunner).enabled = true;
        const PlatformResult r = runPlatform(sc, PlatformId::AppRunner);
        QVERIFY(r.component(ComponentId::Deployments) == nullptr);
        bool said = false;
        for (const Assumption &a : r.assumptions)
            said = said || (a.name == u"Deployments"_s && a.value.contains(u"doubles"_s));
        QVERIFY(said);
    }

    void jsonRoundTrip()
    {
        DeploymentSettings d = rolling(30, 3, 12);
        d.period = DeploymentPeriod::Week;
        d.maxUnavailable = 1;
        d.maxUnavailablePercent = false;
        Scenario sc = tenTasks(d, 730);
        DeploymentSettings bg;
        bg.strategy = DeploymentStrategy::BlueGreen;
        bg.frequency = 1;
        bg.bakeMinutes = 45;
        Service web = service(u"web"_s, 0.5, 1024, 2);
        web.deployment = bg;
        sc.services.append(web);
        const QByteArray json = scenarioToJson(sc);
        const QJsonObject api = QJsonDocument::fromJson(json)[u"services"_s][0][u"deployment"_s].toObject();
        QCOMPARE(api.value(u"max_surge").toString(), u"30%"_s);
        QCOMPARE(api.value(u"max_unavailable").toDouble(), 1.0);
        QCOMPARE(api.value(u"per_week").toDouble(), 3.0);
        const ScenarioReadResult back = scenarioFromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.errorText()));
        QCOMPARE(back.scenario->services.at(0).deployment, d);
        QCOMPARE(back.scenario->services.at(1).deployment, bg);
        QCOMPARE(scenarioToJson(*back.scenario), json);
        QCOMPARE(scenarioFormatVersionOf(sc), 2);
        // A service without deployments writes no key (older files round-trip byte for byte).
        QVERIFY(!scenarioToJson(tenTasks(DeploymentSettings {}, 730)).contains("deployment"));
    }

    void documentRoundTrip()
    {
        DeploymentSettings d = rolling(100, 2, 10);
        d.strategy = DeploymentStrategy::BlueGreen;
        d.bakeMinutes = 30;
        const Scenario sc = tenTasks(d, 730);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"d.fleetplan"_s);
        QString error;
        QVERIFY2(writeScenarioDocument(sc, path, &error), qPrintable(error));
        const ScenarioReadResult back = readScenarioDocument(path);
        QVERIFY2(back.ok(), qPrintable(back.errorText()));
        QCOMPARE(back.scenario->services.at(0).deployment, d);
        const Scenario none = tenTasks(DeploymentSettings {}, 730);
        QVERIFY2(writeScenarioDocument(none, path, &error), qPrintable(error));
        QCOMPARE(readScenarioDocument(path).scenario->services.at(0).deployment, DeploymentSettings {});
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("deployment");
        QTest::addColumn<QString>("where");
        QTest::newRow("10,000 deployments a day")
            << QByteArray(R"({"strategy": "rolling", "per_day": 10000, "duration_minutes": 10})")
            << u"services[0].deployment.per_day"_s;
        QTest::newRow("negative deployments a week")
            << QByteArray(R"({"strategy": "rolling", "per_week": -1, "duration_minutes": 10})")
            << u"services[0].deployment.per_week"_s;
        QTest::newRow("0 % max: surge 0 and unavailable 0")
            << QByteArray(R"({"strategy": "rolling", "max_surge": "0%", "max_unavailable": 0, "per_day": 1})")
            << u"services[0].deployment.max_surge"_s;
        QTest::newRow("negative surge") << QByteArray(R"({"strategy": "rolling", "max_surge": -2, "per_day": 1})")
                                        << u"services[0].deployment.max_surge"_s;
        QTest::newRow("zero-minute deployment")
            << QByteArray(R"({"strategy": "blue_green", "per_day": 1, "duration_minutes": 0})")
            << u"services[0].deployment.duration_minutes"_s;
        QTest::newRow("a week's bake") << QByteArray(
            R"({"strategy": "blue_green", "per_day": 1, "bake_minutes": 10080})")
                                       << u"services[0].deployment.bake_minutes"_s;
        QTest::newRow("unavailable above 100 %")
            << QByteArray(R"({"strategy": "rolling", "max_unavailable": "150%", "per_day": 1})")
            << u"services[0].deployment.max_unavailable"_s;
    }
    void validation()
    {
        QFETCH(QByteArray, deployment);
        QFETCH(QString, where);
        const QByteArray json = R"({"fleetplan_scenario": 2, "name": "t", "services": [{"name": "api", "cpu": 1,
            "memory_mib": 2048, "replicas": 10, "deployment": )"
            + deployment + "}]}";
        const ScenarioReadResult r = scenarioFromJson(json);
        QVERIFY2(r.scenario, qPrintable(r.errorText()));
        const QList<Diagnostic> problems = validateScenario(*r.scenario);
        QVERIFY2(hasErrorAt(problems, where), qPrintable(diagnosticsText(problems)));
        bool named = false;
        for (const Diagnostic &d : problems)
            named = named || (d.where == where && d.message.startsWith(u"service \"api\": "_s));
        QVERIFY2(named, qPrintable(diagnosticsText(problems)));
    }

    void badJsonNamesTheField()
    {
        const ScenarioReadResult r = scenarioFromJson(R"({"fleetplan_scenario": 2, "name": "t", "services": [
            {"name": "api", "deployment": {"strategy": "canary", "max_surge": "lots"}}]})");
        QVERIFY(!r.ok());
        QVERIFY2(hasErrorAt(r.diagnostics, u"services[0].deployment.strategy"_s), qPrintable(r.errorText()));
        QVERIFY2(hasErrorAt(r.diagnostics, u"services[0].deployment.max_surge"_s), qPrintable(r.errorText()));
    }

    void tableEditsTheDeploymentWithUndo()
    {
        Document doc;
        doc.reset(tenTasks(DeploymentSettings {}, 730), QString());
        ServiceTableModel model;
        model.setDocument(&doc);
        QAbstractItemModelTester tester(&model);
        const auto at = [&](int column) { return model.index(0, column); };
        QVERIFY(model.setData(at(ServiceTableModel::DeployStrategy), u"blue_green"_s));
        QVERIFY(model.setData(at(ServiceTableModel::DeployFrequency), u"3/week"_s));
        QVERIFY(model.setData(at(ServiceTableModel::DeployMinutes), 12.5));
        QVERIFY(model.setData(at(ServiceTableModel::DeployBake), 30));
        QVERIFY(model.setData(at(ServiceTableModel::DeploySurge), u"50%"_s));
        QVERIFY(!model.setData(at(ServiceTableModel::DeployFrequency), u"2/month"_s));
        QVERIFY(!model.setData(at(ServiceTableModel::DeployStrategy), u"canary"_s));
        const DeploymentSettings &d = doc.scenario().services.at(0).deployment;
        QCOMPARE(d.strategy, DeploymentStrategy::BlueGreen);
        QCOMPARE(d.period, DeploymentPeriod::Week);
        QCOMPARE(d.frequency, 3.0);
        QCOMPARE(d.durationMinutes, 12.5);
        QCOMPARE(d.bakeMinutes, 30.0);
        QCOMPARE(d.maxSurge, 50.0);
        QCOMPARE(model.data(at(ServiceTableModel::DeployFrequency)).toString(), u"3/week"_s);
        // Edits of one field of one service in a row are one undo step (commands.h, MergesWithoutKey).
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(
            doc.undoStack()->undoText(), u"Set deployment of api from none to blue/green, 3 a week, 12.5 + 30 min"_s);
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().services.at(0).deployment, DeploymentSettings {});
        doc.undoStack()->redo();
        QCOMPARE(doc.scenario().services.at(0).deployment.strategy, DeploymentStrategy::BlueGreen);
    }

    void importKubernetesStrategy()
    {
        const QByteArray yaml = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 10
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 2, maxUnavailable: 10%}
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: api:1
        resources: {requests: {cpu: 500m, memory: 512Mi}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db-migrator}
spec:
  replicas: 1
  strategy: {type: Recreate}
  selector: {matchLabels: {app: m}}
  template:
    metadata: {labels: {app: m}}
    spec:
      containers:
      - {name: m, image: m:1, resources: {requests: {cpu: 250m, memory: 256Mi}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: plain}
spec:
  replicas: 2
  selector: {matchLabels: {app: p}}
  template:
    metadata: {labels: {app: p}}
    spec:
      containers:
      - {name: p, image: p:1, resources: {requests: {cpu: 250m, memory: 256Mi}}}
)";
        const ImportResult r = importKubernetes({ { u"shop.yaml"_s, yaml } });
        QVERIFY2(!r.hasErrors(), qPrintable(r.diagnostics.isEmpty() ? QString() : r.diagnostics.first().toString()));
        const Service *api = find(r, u"api"_s);
        QVERIFY(api);
        QCOMPARE(api->deployment.strategy, DeploymentStrategy::Rolling);
        QCOMPARE(api->deployment.maxSurge, 2.0);
        QCOMPARE(api->deployment.maxSurgePercent, false);
        QCOMPARE(api->deployment.maxUnavailable, 10.0);
        QCOMPARE(api->deployment.maxUnavailablePercent, true);
        QCOMPARE(api->deployment.frequency, 0.0); // not in the manifest: nothing priced until the user sets it
        const Service *migrator = find(r, u"db-migrator"_s);
        QVERIFY(migrator);
        QCOMPARE(migrator->deployment.strategy, DeploymentStrategy::Rolling);
        QCOMPARE(migrator->deployment.maxSurge, 0.0);
        QCOMPARE(migrator->deployment.maxUnavailable, 100.0);
        QVERIFY(find(r, u"plain"_s));
        QCOMPARE(find(r, u"plain"_s)->deployment, DeploymentSettings {});
    }

    void importEcsDeploymentConfiguration()
    {
        // describe-services fixture: web has deploymentConfiguration {maximumPercent 200, minimumHealthyPercent
        // 100} → rolling, surge 100 %, unavailable 0 %.
        const ImportResult r
            = importEcsPaths({ fixture(u"ecs/fargate-webserver.json"_s), fixture(u"ecs/wordpress.json"_s),
                fixture(u"ecs/ec2-memory-reservation.json"_s), fixture(u"ecs/describe-services.json"_s) });
        const Service *web = find(r, u"web"_s);
        QVERIFY2(web, qPrintable(diagnosticsText(r.diagnostics)));
        QCOMPARE(web->deployment.strategy, DeploymentStrategy::Rolling);
        QCOMPARE(web->deployment.maxSurge, 100.0);
        QCOMPARE(web->deployment.maxUnavailable, 0.0);
        QCOMPARE(web->deployment.frequency, 0.0);

        const QByteArray def
            = R"({"taskDefinition": {"family": "api", "revision": 1, "memory": "512", "cpu": "256", "containerDefinitions": [{"name": "a"}]}})";
        const QByteArray services = R"({"services": [
            {"serviceName": "bg", "taskDefinition": "api:1", "desiredCount": 3, "deploymentController": {"type": "CODE_DEPLOY"}},
            {"serviceName": "narrow", "taskDefinition": "api:1", "desiredCount": 3,
             "deploymentConfiguration": {"maximumPercent": 150, "minimumHealthyPercent": 50}}]})";
        const ImportResult r2 = importEcs({ { u"d.json"_s, def }, { u"s.json"_s, services } });
        const Service *bg = find(r2, u"bg"_s), *narrow = find(r2, u"narrow"_s);
        QVERIFY2(bg && narrow, qPrintable(diagnosticsText(r2.diagnostics)));
        QCOMPARE(bg->deployment.strategy, DeploymentStrategy::BlueGreen);
        QCOMPARE(narrow->deployment.maxSurge, 50.0);
        QCOMPARE(narrow->deployment.maxUnavailable, 50.0);
        QVERIFY2(!r2.hasErrors(), qPrintable(diagnosticsText(r2.diagnostics)));
        const QByteArray broken = R"({"services": [{"serviceName": "broken", "taskDefinition": "api:1",
            "desiredCount": 3, "deploymentConfiguration": {"maximumPercent": 0}}]})";
        const ImportResult r3 = importEcs({ { u"d.json"_s, def }, { u"s.json"_s, broken } });
        QVERIFY(r3.hasErrors()); // maximumPercent 0: an error naming the field
        bool named = false;
        for (const Diagnostic &d : r3.diagnostics)
            named = named || d.where.contains(u"deploymentConfiguration.maximumPercent"_s);
        QVERIFY(named);
    }

    void importCloudFormationAndTerraform()
    {
        // The CDK stack's service: DeploymentConfiguration MaximumPercent 200, MinimumHealthyPercent 50.
        const ImportResult cfn
            = importCloudFormationPaths({ fixture(u"cloudformation/cdk.out/ShopStack.template.json"_s) });
        QVERIFY2(cfn.services.size() == 1, qPrintable(diagnosticsText(cfn.diagnostics)));
        QCOMPARE(cfn.services.at(0).deployment.strategy, DeploymentStrategy::Rolling);
        QCOMPARE(cfn.services.at(0).deployment.maxSurge, 100.0);
        QCOMPARE(cfn.services.at(0).deployment.maxUnavailable, 50.0);

        // The plan fixture with the deployment arguments of aws_ecs_service added to web.
        QFile f(fixture(u"terraform/plan.json"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray plan = f.readAll();
        const QByteArray anchor = R"("name": "web",
     "desired_count": 3,)";
        QVERIFY(plan.contains(anchor));
        plan.replace(anchor,
            R"("name": "web", "deployment_maximum_percent": 150, "deployment_minimum_healthy_percent": 75,
               "deployment_controller": [{"type": "CODE_DEPLOY"}], "desired_count": 3,)");
        const ImportResult tf = importTerraform({ { u"plan.json"_s, plan } });
        const Service *web = find(tf, u"web"_s);
        QVERIFY2(web, qPrintable(diagnosticsText(tf.diagnostics)));
        QCOMPARE(web->deployment.strategy, DeploymentStrategy::BlueGreen);
        const ImportResult plain = importTerraformPaths({ fixture(u"terraform/plan.json"_s) });
        QVERIFY(find(plain, u"web"_s));
        QCOMPARE(find(plain, u"web"_s)->deployment, DeploymentSettings {});
    }
};

QTEST_GUILESS_MAIN(TestDeployments)
#include "tst_deployments.moc"
