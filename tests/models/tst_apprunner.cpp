// SPDX-License-Identifier: GPL-3.0-or-later
// App Runner, the sixth platform (issue 19), priced through simulate() with the bundled catalog.
// Rates (us-east-1, network_and_registry_rates.csv, as of 2026-09): active 0.064 USD per vCPU-hour and
// 0.007 per GB-hour, provisioned (idle) 0.007 per GB-hour — AWS App Runner pricing page
// (aws.amazon.com/jp/apprunner/pricing) and api-evangelist/amazon-app-runner
// plans/amazon-app-runner-plans-pricing.yml @876a7aa. Scaling: ceil(concurrent requests ÷ concurrency per
// instance), between min and max instances (App Runner developer guide, automatic scaling). Every expected
// figure is the arithmetic in its row name.
#include <QTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "models/simulation/apprunnerplatform.h"
#include "models/simulation/costreportjson.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "pricing/apprunner.h"

#include "common/fixtures.h"

using namespace fleetplan;
using namespace fleetplan::models;

namespace {

using fleetplan::test::hasErrorAt;

using fleetplan::test::scenarioWith;
using fleetplan::test::service;

/// 24 hours of a day: night (0–7) no requests, day (8–17) load 1.0, evening (18–23) load 0.5.
LoadProfile dayProfile()
{
    LoadProfile lp;
    lp.name = QStringLiteral("day");
    for (int h = 0; h < 24; ++h)
        lp.hourly.append(h < 8 ? 0.0 : (h < 18 ? 1.0 : 0.5));
    return lp;
}

Scenario appRunnerDay(double concurrentRequests)
{
    Service api = service(QStringLiteral("api"), 1.0, 2048, 2);
    api.loadProfile = QStringLiteral("day");
    api.concurrentRequests = concurrentRequests;
    Scenario sc = scenarioWith({ api }, 24);
    sc.loadProfiles = { dayProfile() };
    sc.platform(PlatformId::AppRunner).enabled = true;
    return sc;
}

double quantityOf(const PlatformResult &r, ComponentId id)
{
    const CostComponent *c = r.component(id);
    return c ? c->quantity : -1.0;
}

bool hasWarning(const PlatformResult &r, const QString &text)
{
    for (const QString &w : r.warnings) {
        if (w.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestAppRunner : public QObject
{
    Q_OBJECT

private slots:
    void sizes_data()
    {
        QTest::addColumn<double>("cpu");
        QTest::addColumn<double>("memoryMib");
        QTest::addColumn<double>("vcpu");
        QTest::addColumn<double>("memoryGb");
        QTest::newRow("0.25 vCPU / 512 MiB → the smallest pair 0.25 / 0.5 GB") << 0.25 << 512.0 << 0.25 << 0.5;
        QTest::newRow("0.25 vCPU / 768 MiB → 0.25 / 1 GB") << 0.25 << 768.0 << 0.25 << 1.0;
        QTest::newRow("0.5 vCPU / 2048 MiB → no 0.5 vCPU pair has 2 GB: 1 / 2 GB") << 0.5 << 2048.0 << 1.0 << 2.0;
        QTest::newRow("1 vCPU / 5120 MiB → above 1 vCPU's 4 GB: 2 / 6 GB") << 1.0 << 5120.0 << 2.0 << 6.0;
        QTest::newRow("3 vCPU / 4096 MiB → 4 / 8 GB") << 3.0 << 4096.0 << 4.0 << 8.0;
        QTest::newRow("4 vCPU / 12288 MiB → the largest 4 / 12 GB") << 4.0 << 12288.0 << 4.0 << 12.0;
    }
    void sizes()
    {
        QFETCH(double, cpu);
        QFETCH(double, memoryMib);
        QFETCH(double, vcpu);
        QFETCH(double, memoryGb);
        const auto size = pricing::smallestAppRunnerSize(cpu, memoryMib);
        QVERIFY(size);
        QCOMPARE(size->vcpu, vcpu);
        QCOMPARE(size->memoryGb, memoryGb);
    }
    void sizeTooLarge()
    {
        QString why;
        QVERIFY(!pricing::smallestAppRunnerSize(8.0, 4096, &why));
        QVERIFY2(why.contains(QStringLiteral("4 vCPU / 12 GB")), qPrintable(why));
        QVERIFY(!pricing::smallestAppRunnerSize(4.0, 16384));
    }

    void instances_data()
    {
        QTest::addColumn<double>("concurrency");
        QTest::addColumn<int>("provisioned");
        QTest::addColumn<int>("active");
        QTest::addColumn<bool>("throttled");
        QTest::newRow("0 requests: min 1 provisioned, 0 active") << 0.0 << 1 << 0 << false;
        QTest::newRow("0.3 requests: ceil(0.3/100)=1 active") << 0.3 << 1 << 1 << false;
        QTest::newRow("100 requests: exactly 1 instance") << 100.0 << 1 << 1 << false;
        QTest::newRow("250 requests: ceil(2.5)=3") << 250.0 << 3 << 3 << false;
        QTest::newRow("5000 requests: 50 needed, max 25") << 5000.0 << 25 << 25 << true;
        QTest::newRow("1e10 requests: no int overflow, max 25") << 1e10 << 25 << 25 << true;
    }
    void instances()
    {
        QFETCH(double, concurrency);
        QFETCH(int, provisioned);
        QFETCH(int, active);
        QFETCH(bool, throttled);
        const AppRunnerInstances n = appRunnerInstances(concurrency, 100, 1, 25);
        QCOMPARE(n.provisioned, provisioned);
        QCOMPARE(n.active, active);
        QCOMPARE(n.throttled, throttled);
    }
    void minimumKeepsIdleInstances()
    {
        // min 3: one busy instance leaves two provisioned idle.
        const AppRunnerInstances n = appRunnerInstances(40, 100, 3, 25);
        QCOMPARE(n.provisioned, 3);
        QCOMPARE(n.active, 1);
        QCOMPARE(n.idle(), 2);
    }

    // One service 1 vCPU / 2 GB, 200 concurrent requests at load 1.0, 100 per instance, min 1, over a day:
    // night 8 h × (0 active, 1 idle); day 10 h × 2 active; evening 6 h × ceil(100/100) = 1 active.
    // Active instance-hours 10×2 + 6×1 = 26, idle 8.
    // vCPU 26 × 1 × 0.064 = 1.664; active memory 26 × 2 GB × 0.007 = 0.364; provisioned 8 × 2 × 0.007 = 0.112;
    // total 2.14 USD.
    void activeVersusProvisionedOverADay()
    {
        const PlatformResult r = fleetplan::test::runPlatform(appRunnerDay(200), PlatformId::AppRunner);
        QVERIFY2(r.feasible(), qPrintable(r.infeasibleSummary()));
        QVERIFY(!r.partial());
        QCOMPARE(quantityOf(r, ComponentId::AppRunnerActiveVcpu), 26.0);
        QCOMPARE(quantityOf(r, ComponentId::AppRunnerActiveMemory), 52.0);
        QCOMPARE(quantityOf(r, ComponentId::AppRunnerProvisionedMemory), 16.0);
        COMPARE_USD(r.componentUsd(ComponentId::AppRunnerActiveVcpu), 1.664);
        COMPARE_USD(r.componentUsd(ComponentId::AppRunnerActiveMemory), 0.364);
        COMPARE_USD(r.componentUsd(ComponentId::AppRunnerProvisionedMemory), 0.112);
        COMPARE_USD(r.totalUsd, 2.14);
        // Timeline: instances and idle ones per hour.
        QCOMPARE(r.series.tasks.size(), 24);
        QCOMPARE(r.series.tasks.at(3), 1);
        QCOMPARE(r.series.idleInstances.at(3), 1);
        QCOMPARE(r.series.tasks.at(12), 2);
        QCOMPARE(r.series.idleInstances.at(12), 0);
        QCOMPARE(r.series.tasks.at(20), 1);
        QCOMPARE(r.series.idleInstances.at(20), 0);
        QCOMPARE(r.peakNodes, 2);
        // Night hour: 2 GB × 0.007 = 0.014 USD; day hour: 2 × (0.064 + 2 × 0.007) = 0.156 USD.
        COMPARE_USD(r.series.costUsd.at(3), 0.014);
        COMPARE_USD(r.series.costUsd.at(12), 0.156);
        // Fleet view: the night hour is one empty (idle) instance.
        const FleetSnapshot night = r.fleetAt(3);
        QCOMPARE(night.nodes.size(), 1);
        QVERIFY(night.nodes.constFirst().items.isEmpty());
    }

    // The same day with the size chosen for the service, 2 vCPU / 4 GB instead of the smallest that holds the
    // 1 vCPU / 2 GiB task (1 vCPU / 2 GB): the instances are the same (they follow the requests: 26 active
    // instance-hours, 8 idle), each bills the chosen size. vCPU 26 × 2 × 0.064 = 3.328; active memory
    // 26 × 4 GB × 0.007 = 0.728; provisioned 8 × 4 × 0.007 = 0.224; total 4.28 USD (rates as above).
    void chosenInstanceSizeIsBilled()
    {
        Scenario sc = appRunnerDay(200);
        sc.services[0].appRunnerSize = { 2, 4 };
        QVERIFY(!hasErrors(validateScenario(sc, &fleetplan::test::catalog())));
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::AppRunner);
        QVERIFY2(r.feasible(), qPrintable(r.infeasibleSummary()));
        QCOMPARE(quantityOf(r, ComponentId::AppRunnerActiveVcpu), 52.0); // 26 instance-hours × 2 vCPU
        QCOMPARE(quantityOf(r, ComponentId::AppRunnerActiveMemory), 104.0); // 26 × 4 GB
        QCOMPARE(quantityOf(r, ComponentId::AppRunnerProvisionedMemory), 32.0); // 8 × 4 GB
        COMPARE_USD(r.componentUsd(ComponentId::AppRunnerActiveVcpu), 3.328);
        COMPARE_USD(r.componentUsd(ComponentId::AppRunnerActiveMemory), 0.728);
        COMPARE_USD(r.componentUsd(ComponentId::AppRunnerProvisionedMemory), 0.224);
        COMPARE_USD(r.totalUsd, 4.28);
        QVERIFY(!hasWarning(r, QStringLiteral("runs as a"))); // chosen, not rounded: no rounding warning
        // A chosen size equal to the automatic one prices as before (2.14 USD, above).
        sc.services[0].appRunnerSize = { 1, 2 };
        COMPARE_USD(fleetplan::test::runPlatform(sc, PlatformId::AppRunner).totalUsd, 2.14);
    }

    // A size that is not a documented pair, or one smaller than the task, is an error at the field, and the
    // model (which prices what validate accepts) makes App Runner infeasible with the same words.
    void chosenInstanceSizeMustFit_data()
    {
        QTest::addColumn<double>("vcpu");
        QTest::addColumn<double>("memoryGb");
        QTest::addColumn<QString>("words");
        QTest::newRow("1.5 vCPU / 3 GB is no App Runner pair")
            << 1.5 << 3.0 << QStringLiteral("1.5 vCPU / 3 GB is not an App Runner instance size");
        QTest::newRow("0.5 vCPU / 1 GB is smaller than the 1 vCPU / 2 GiB task")
            << 0.5 << 1.0 << QStringLiteral("0.5 vCPU / 1 GB is smaller than the task, 1 vCPU / 2048 MiB");
        QTest::newRow("1 vCPU / 1 GB does not exist") << 1.0 << 1.0 << QStringLiteral("not an App Runner instance");
    }
    void chosenInstanceSizeMustFit()
    {
        QFETCH(double, vcpu);
        QFETCH(double, memoryGb);
        QFETCH(QString, words);
        Scenario sc = appRunnerDay(200);
        sc.services[0].appRunnerSize = { vcpu, memoryGb };
        const QList<Diagnostic> d = validateScenario(sc, &fleetplan::test::catalog());
        QVERIFY(hasErrorAt(d, QStringLiteral("services[0].app_runner_instance")));
        bool worded = false;
        for (const Diagnostic &diag : d)
            worded = worded || diag.message.contains(words);
        QVERIFY2(worded, qPrintable(words));
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::AppRunner);
        QVERIFY(!r.feasible());
        QVERIFY(r.infeasibleSummary().contains(words));
    }

    // Written only when chosen: an unset size leaves the service's JSON as it was (and version 1).
    void chosenInstanceSizeJson()
    {
        Scenario sc = scenarioWith({ service(QStringLiteral("api"), 1.0, 2048, 2) }, 24);
        QVERIFY(!scenarioToJson(sc).contains("app_runner_instance"));
        QCOMPARE(scenarioFormatVersionOf(sc), 1);
        sc.services[0].appRunnerSize = { 2, 6 };
        QCOMPARE(scenarioFormatVersionOf(sc), 2);
        const QJsonObject written
            = QJsonDocument::fromJson(scenarioToJson(sc)).object().value(u"services").toArray().at(0).toObject();
        QCOMPARE(written.value(u"app_runner_instance").toObject(),
            (QJsonObject { { QStringLiteral("vcpu"), 2 }, { QStringLiteral("memory_gb"), 6 } }));
        const ScenarioReadResult back = scenarioFromJson(scenarioToJson(sc));
        QVERIFY2(back.ok() && back.diagnostics.isEmpty(), qPrintable(back.errorText()));
        QCOMPARE(back.scenario->services.at(0).appRunnerSize, (AppRunnerInstanceSize { 2, 6 }));
        QCOMPARE(*back.scenario, sc);
    }

    // requests_per_second × request_ms: 500 × 400 ms = 200 concurrent requests, the same day as above.
    void requestsPerSecondGiveConcurrency()
    {
        Scenario sc = appRunnerDay(0);
        sc.services[0].requestsPerSecond = 500;
        sc.services[0].requestMillis = 400;
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::AppRunner);
        COMPARE_USD(r.totalUsd, 2.14);
    }

    // No request figures: replicas × concurrency (2 × 100 = 200 at load 1.0): the same day again.
    void defaultConcurrencyFollowsReplicas()
    {
        const PlatformResult r = fleetplan::test::runPlatform(appRunnerDay(0), PlatformId::AppRunner);
        COMPARE_USD(r.totalUsd, 2.14);
    }

    // The what-if load multiplier scales requests: ×2 on the day gives 4 / 2 / 0 instances busy:
    // active 10×4 + 6×2 = 52 instance-hours, idle 8: 52 × 0.078 + 8 × 0.014 = 4.056 + 0.112 = 4.168 USD.
    void whatIfLoadScalesRequests()
    {
        WhatIf w;
        w.loadMultiplier = 2.0;
        const PlatformResult r = fleetplan::test::runPlatform(appRunnerDay(200), PlatformId::AppRunner, w);
        COMPARE_USD(r.totalUsd, 4.168);
    }

    // Max instances 25 at 100 each: 5,000 concurrent requests would need 50; priced at 25 for 24 h with a
    // warning. 25 × 24 = 600 instance-hours × (0.064 + 2 × 0.007) = 46.8 USD.
    void maxInstancesThrottle()
    {
        Service api = service(QStringLiteral("api"), 1.0, 2048, 1);
        api.concurrentRequests = 5000;
        Scenario sc = scenarioWith({ api }, 24);
        sc.platform(PlatformId::AppRunner).enabled = true;
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::AppRunner);
        COMPARE_USD(r.totalUsd, 46.8);
        QVERIFY(hasWarning(r, QStringLiteral("above max_instances 25")));
    }

    // Jobs and daemons are "not on App Runner": left out of its figures, listed, and the platform is partial
    // (never the cheapest: its total is not the whole workload's bill).
    void jobsAndDaemonsAreNotOnAppRunner()
    {
        Scenario sc = appRunnerDay(200);
        Service job = service(QStringLiteral("nightly"), 1.0, 2048, 1);
        job.kind = ServiceKind::Job;
        job.runsPerDay = 1;
        job.runSeconds = 600;
        Service agent = service(QStringLiteral("log-agent"), 0.25, 256, 0);
        agent.kind = ServiceKind::Daemon;
        sc.services << job << agent;
        const CostReport report = simulate(sc, fleetplan::test::catalog(), {}, SimulationOptions { {}, 0 });
        const PlatformResult *r = report.platform(PlatformId::AppRunner);
        QVERIFY(r);
        QVERIFY(r->feasible());
        QVERIFY(r->partial());
        QCOMPARE(r->notOnPlatform.size(), 2);
        QCOMPARE(r->notOnPlatformSummary(), QStringLiteral("nightly, log-agent"));
        COMPARE_USD(r->totalUsd, 2.14); // the api alone, as above
        QVERIFY(report.cheapestPlatform());
        QVERIFY(report.cheapestPlatform()->id != PlatformId::AppRunner);
        const QJsonObject json = costReportToJsonObject(report, {});
        bool found = false;
        for (const QJsonValue &p : json.value(u"platforms").toArray()) {
            if (p.toObject().value(u"id").toString() == u"app-runner") {
                found = true;
                QCOMPARE(p.toObject().value(u"partial").toBool(), true);
                QCOMPARE(p.toObject().value(u"not_on_platform").toArray().size(), 2);
            }
        }
        QVERIFY(found);
    }

    void unsupportedServicesAreInfeasible_data()
    {
        QTest::addColumn<double>("cpu");
        QTest::addColumn<int>("os");
        QTest::addColumn<int>("gpus");
        QTest::addColumn<QString>("reason");
        QTest::newRow("8 vCPU: above 4 vCPU / 12 GB") << 8.0 << int(OsFamily::Linux) << 0 << QStringLiteral("largest");
        QTest::newRow("Windows") << 1.0 << int(OsFamily::Windows) << 0 << QStringLiteral("Linux containers only");
        QTest::newRow("GPU") << 1.0 << int(OsFamily::Linux) << 1 << QStringLiteral("accelerator");
    }
    void unsupportedServicesAreInfeasible()
    {
        QFETCH(double, cpu);
        QFETCH(int, os);
        QFETCH(int, gpus);
        QFETCH(QString, reason);
        Service s = service(QStringLiteral("big"), cpu, 4096, 1);
        s.os = OsFamily(os);
        s.gpus = gpus;
        Scenario sc = scenarioWith({ s }, 24);
        sc.platform(PlatformId::AppRunner).enabled = true;
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::AppRunner);
        QVERIFY(!r.feasible());
        QVERIFY2(r.infeasibleSummary().contains(reason), qPrintable(r.infeasibleSummary()));
    }

    // A region without App Runner rates (sa-east-1 has none in the catalog): infeasible, naming the rate.
    void regionWithoutRates()
    {
        Scenario sc = appRunnerDay(200);
        sc.region = QStringLiteral("sa-east-1");
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::AppRunner);
        QVERIFY(!r.feasible());
        QVERIFY2(r.infeasibleSummary().contains(QStringLiteral("apprunner_active_vcpu_hour")),
            qPrintable(r.infeasibleSummary()));
    }

    // Opt-in: a new scenario (and every version-1 file) leaves App Runner off, so the five platforms'
    // comparisons are unchanged.
    void optIn()
    {
        const Scenario sc;
        QVERIFY(!sc.platform(PlatformId::AppRunner).enabled);
        QVERIFY(sc.platform(PlatformId::EcsFargate).enabled);
        const QList<PlatformId> run = platformsToRun(sc, {});
        QCOMPARE(run.size(), 5);
        QVERIFY(!run.contains(PlatformId::AppRunner));
        QCOMPARE(scenarioFormatVersionOf(sc), 1);
        const QByteArray v1 = R"({"fleetplan_scenario": 1, "name": "old",
            "services": [{"name": "api", "cpu": 1, "memory_mib": 2048, "replicas": 2}]})";
        const ScenarioReadResult read = scenarioFromJson(v1);
        QVERIFY2(read.ok(), qPrintable(read.errorText()));
        QVERIFY(!read.scenario->platform(PlatformId::AppRunner).enabled);
    }

    void jsonRoundTrip()
    {
        Scenario sc = appRunnerDay(150);
        sc.services[0].requestsPerSecond = 30;
        sc.services[0].requestMillis = 250;
        PlatformSettings &ar = sc.platform(PlatformId::AppRunner);
        ar.appRunnerConcurrency = 80;
        ar.appRunnerMinInstances = 2;
        ar.appRunnerMaxInstances = 10;
        ar.appRunnerAutomaticDeployment = true;
        QCOMPARE(scenarioFormatVersionOf(sc), 2);
        const QByteArray json = scenarioToJson(sc);
        QCOMPARE(QJsonDocument::fromJson(json).object().value(u"fleetplan_scenario").toInt(), 2);
        const ScenarioReadResult back = scenarioFromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.errorText()));
        QVERIFY(back.diagnostics.isEmpty());
        QCOMPARE(*back.scenario, sc);
    }

    void newerFormatIsRefused()
    {
        const ScenarioReadResult read = scenarioFromJson(R"({"fleetplan_scenario": 3, "name": "x"})");
        QVERIFY(!read.ok());
        QVERIFY(read.errorText().contains(QStringLiteral("versions 1 to 2")));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::newRow("negative requests per second") << QStringLiteral("services[0].requests_per_second") << -1.0;
        QTest::newRow("1e300 concurrent requests") << QStringLiteral("services[0].concurrent_requests") << 1e300;
        QTest::newRow("zero request duration") << QStringLiteral("services[0].request_ms") << 0.0;
        QTest::newRow("request beyond the 120 s timeout") << QStringLiteral("services[0].request_ms") << 200000.0;
        QTest::newRow("concurrency 0") << QStringLiteral("platforms.app-runner.concurrency") << 0.0;
        QTest::newRow("concurrency 201") << QStringLiteral("platforms.app-runner.concurrency") << 201.0;
        QTest::newRow("min instances 0") << QStringLiteral("platforms.app-runner.min_instances") << 0.0;
        QTest::newRow("max below min") << QStringLiteral("platforms.app-runner.max_instances") << -3.0;
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        Scenario sc = appRunnerDay(200);
        Service &s = sc.services[0];
        PlatformSettings &ar = sc.platform(PlatformId::AppRunner);
        if (field.endsWith(u"requests_per_second"))
            s.requestsPerSecond = value;
        else if (field.endsWith(u"concurrent_requests"))
            s.concurrentRequests = value;
        else if (field.endsWith(u"request_ms"))
            s.requestMillis = value;
        else if (field.endsWith(u".concurrency"))
            ar.appRunnerConcurrency = int(value);
        else if (field.endsWith(u"min_instances"))
            ar.appRunnerMinInstances = int(value);
        else
            ar.appRunnerMaxInstances = int(value);
        const QList<Diagnostic> d = validateScenario(sc, &fleetplan::test::catalog());
        QVERIFY2(hasErrorAt(d, field), qPrintable(field));
    }

    // What validate accepts prices without a crash: the largest accepted request load on every platform.
    void acceptedExtremesPrice()
    {
        Scenario sc = appRunnerDay(MaxConcurrentRequests);
        sc.services[0].requestsPerSecond = MaxRequestsPerSecond;
        sc.services[0].requestMillis = MaxRequestMillis;
        QVERIFY(!hasErrors(validateScenario(sc, &fleetplan::test::catalog())));
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::AppRunner);
        QVERIFY(r.feasible());
        QVERIFY(std::isfinite(r.totalUsd));
    }
};

QTEST_GUILESS_MAIN(TestAppRunner)
#include "tst_apprunner.moc"
