// SPDX-License-Identifier: GPL-3.0-or-later
// The registry and network bill of each platform (issue 19), priced through simulate() with the bundled
// catalog. Rates (us-east-1, network_and_registry_rates.csv): ECR storage 0.10 USD per GB-month (infracost
// ecr_repository_test.golden @e9ce629; cloudburn.io 2026-03), enhanced scan 0.09 per image and rescan 0.01
// (cloudburn.io 2026-03; factualminds.com 2026-06-13); NAT gateway 0.045 per hour and 0.045 per GB (AWS
// feed ec2/natgateway.json 2025-10-28 via lamngockhuong/aws-price @ce57d15); public IPv4 0.005 per
// address-hour (AWS feed vpc/vpc.json 2025-11-04 @115fdc6); ALB 0.0225 per hour and 0.008 per LCU-hour
// (infracost lb_test.golden @e9ce629, 2024-07); CloudWatch Logs ingestion 0.50 per GB (AWS feed
// cloudwatch.json 2025-09-23); us-east-1 ↔ us-east-2 transfer 0.01 per GB (infracost
// data_transfer_test.golden @0ee89cf, 2024-09). Every expected figure is the arithmetic in its row name.
#include <QTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "models/simulation/networkcosts.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"

#include "common/fixtures.h"

using namespace fleetplan;
using namespace fleetplan::models;

namespace {

using fleetplan::test::hasErrorAt;

using fleetplan::test::scenarioWith;
using fleetplan::test::service;

/// 10 tasks at night and in the evening, 40 during the day: load 0.25 (0–7), 1.0 (8–17), 0.25 (18–23).
Scenario scalingDay()
{
    Service api = service(QStringLiteral("api"), 1.0, 2048, 40);
    api.loadProfile = QStringLiteral("day");
    LoadProfile lp;
    lp.name = QStringLiteral("day");
    for (int h = 0; h < 24; ++h)
        lp.hourly.append(h < 8 || h >= 18 ? 0.25 : 1.0);
    Scenario sc = scenarioWith({ api }, 24);
    sc.loadProfiles = { lp };
    sc.registry.enabled = true;
    sc.registry.defaults.imageGb = 0.5;
    sc.registry.defaults.pushesPerDay = 1;
    sc.registry.defaults.keepLast = 30;
    return sc;
}

double usdOf(const PlatformResult &r, ComponentId id)
{
    return r.componentUsd(id);
}

} // namespace

class TestNetworkCosts : public QObject
{
    Q_OBJECT

private slots:
    void retained_data()
    {
        QTest::addColumn<int>("keepLast");
        QTest::addColumn<double>("pushesPerDay");
        QTest::addColumn<double>("devShare");
        QTest::addColumn<int>("devExpireDays");
        QTest::addColumn<double>("images");
        QTest::newRow("keep last 10, no dev pushes: 10") << 10 << 4.0 << 0.0 << 14 << 10.0;
        QTest::newRow("keep last 10 + dev-* after 14 days, 4 pushes a day half dev: 10 + 2×14 = 38")
            << 10 << 4.0 << 0.5 << 14 << 38.0;
        QTest::newRow("only dev pushes, 3 a day, 7 days: 21 (the keep-last rule holds nothing)")
            << 30 << 3.0 << 1.0 << 7 << 21.0;
        QTest::newRow("no pushes: nothing kept") << 30 << 0.0 << 0.0 << 14 << 0.0;
    }
    void retained()
    {
        QFETCH(int, keepLast);
        QFETCH(double, pushesPerDay);
        QFETCH(double, devShare);
        QFETCH(int, devExpireDays);
        QFETCH(double, images);
        Repository repo;
        repo.keepLast = keepLast;
        repo.pushesPerDay = pushesPerDay;
        repo.devShare = devShare;
        repo.devExpireDays = devExpireDays;
        QCOMPARE(retainedImages(repo), images);
    }

    void starts_data()
    {
        QTest::addColumn<QList<int>>("count");
        QTest::addColumn<double>("starts");
        QList<int> scaling;
        for (int h = 0; h < 24; ++h)
            scaling.append(h < 8 || h >= 18 ? 10 : 40);
        QTest::newRow("Fargate tasks 10 → 40 → 10: 30 starts a day (hour 0 follows hour 23, both 10)")
            << scaling << 30.0;
        QTest::newRow("four cached nodes all day: no pull") << QList<int>(24, 4) << 0.0;
        QTest::newRow("nodes 1 → 4 → 1: 3 pulls") << QList<int> { 1, 4, 4, 1 } << 3.0;
        QTest::newRow("cyclic: 5 at hour 0 after 2 at the last hour: 3") << QList<int> { 5, 5, 2 } << 3.0;
    }
    void starts()
    {
        QFETCH(QList<int>, count);
        QFETCH(double, starts);
        QCOMPARE(cyclicStarts(count), starts);
    }

    // ECS Fargate, 10 → 40 → 10 tasks, private subnets, one NAT gateway, no VPC endpoints, 24 h:
    // ECR storage 30 images × 0.5 GB = 15 GB × 24/730 month × 0.10 = 0.0493150684931507;
    // NAT hours 24 × 0.045 = 1.08; image pulls 30 starts × 0.5 GB = 15 GB × 0.045 = 0.675 through the NAT.
    void fargatePullsThroughNat()
    {
        Scenario sc = scalingDay();
        sc.network.enabled = true;
        sc.network.natGateways = 1;
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::EcsFargate);
        QVERIFY2(r.feasible(), qPrintable(r.infeasibleSummary()));
        COMPARE_USD(usdOf(r, ComponentId::EcrStorage), 15.0 * 24 / 730 * 0.10);
        COMPARE_USD(usdOf(r, ComponentId::NatGatewayHours), 1.08);
        COMPARE_USD(usdOf(r, ComponentId::NatGatewayData), 0.675);
        QCOMPARE(r.component(ComponentId::NatGatewayData)->quantity, 15.0);
        COMPARE_USD(r.networkAndRegistryUsd(), 15.0 * 24 / 730 * 0.10 + 1.08 + 0.675);
        COMPARE_USD(r.computeUsd() + r.networkAndRegistryUsd(), r.totalUsd);
        // The hourly cost carries the bill too: hour 8 has the 30 pulls (15 GB × 0.045 = 0.675).
        double sum = 0;
        for (double v : r.series.costUsd)
            sum += v;
        QVERIFY(std::abs(sum - r.totalUsd) < 1e-6);
        // With the ECR / S3 endpoints the pulls bypass the NAT: no processed GB.
        sc.network.vpcEndpoints = true;
        const PlatformResult e = fleetplan::test::runPlatform(sc, PlatformId::EcsFargate);
        QVERIFY(!e.component(ComponentId::NatGatewayData));
        COMPARE_USD(usdOf(e, ComponentId::NatGatewayHours), 1.08);
    }

    // The same 32 tasks flat on four m6i.2xlarge nodes (8 × 1 vCPU each, bridge mode) against ECS Fargate,
    // public subnets, 24 h: Fargate 32 tasks × 24 h = 768 address-hours × 0.005 = 3.84 USD; EC2 4 nodes × 24 h
    // = 96 × 0.005 = 0.48 USD. The nodes never start hosting the service anew: no pull; Fargate neither
    // (flat load: no task starts in the steady state).
    void publicIpv4PerTaskVersusPerNode()
    {
        Service api = service(QStringLiteral("api"), 1.0, 2048, 32);
        api.networkMode = NetworkMode::Bridge;
        Scenario sc = fleetplan::test::fixedType({ api }, PlatformId::EcsEc2, QStringLiteral("m6i.2xlarge"), 24);
        sc.network.enabled = true;
        sc.network.subnets = SubnetKind::Public;
        const PlatformResult fargate = fleetplan::test::runPlatform(sc, PlatformId::EcsFargate);
        const PlatformResult ec2 = fleetplan::test::runPlatform(sc, PlatformId::EcsEc2);
        QCOMPARE(ec2.peakNodes, 4);
        COMPARE_USD(usdOf(fargate, ComponentId::PublicIpv4), 3.84);
        COMPARE_USD(usdOf(ec2, ComponentId::PublicIpv4), 0.48);
        QVERIFY(!fargate.component(ComponentId::NatGatewayHours)); // public subnets: no NAT
        // EKS Fargate pods run in private subnets only: NAT hours (3 gateways × 24 × 0.045 = 3.24), no address.
        const PlatformResult eks = fleetplan::test::runPlatform(sc, PlatformId::EksFargate);
        QVERIFY(!eks.component(ComponentId::PublicIpv4));
        COMPARE_USD(usdOf(eks, ComponentId::NatGatewayHours), 3.24);
    }

    // Registry in us-east-1, tasks in us-east-2: 30 pulls × 0.5 GB = 15 GB × 0.01 (us-east pair) = 0.15 USD.
    void crossRegionPulls()
    {
        Scenario sc = scalingDay();
        sc.region = QStringLiteral("us-east-2");
        sc.registry.region = QStringLiteral("us-east-1");
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::EcsFargate);
        QVERIFY2(r.feasible(), qPrintable(r.infeasibleSummary()));
        COMPARE_USD(usdOf(r, ComponentId::ImagePullTransfer), 0.15);
        COMPARE_USD(usdOf(r, ComponentId::EcrStorage), 15.0 * 24 / 730 * 0.10);
    }

    // Two other accounts: storage × 3 = 3 × 0.0493150684931507. A replica in us-west-2, where the catalog has
    // no ECR storage rate: infeasible, naming the rate.
    void replication()
    {
        Scenario sc = scalingDay();
        sc.registry.defaults.replicateToAccounts = 2;
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::EcsFargate);
        COMPARE_USD(usdOf(r, ComponentId::EcrStorage), 3 * 15.0 * 24 / 730 * 0.10);
        sc.registry.defaults.replicateToRegions = { QStringLiteral("us-west-2") };
        const PlatformResult west = fleetplan::test::runPlatform(sc, PlatformId::EcsFargate);
        QVERIFY(!west.feasible());
        QVERIFY2(
            west.infeasibleSummary().contains(QStringLiteral("ecr_storage")), qPrintable(west.infeasibleSummary()));
        // Said as what it is: the compute runs, the registry's bill has no price in that region.
        QVERIFY2(west.infeasibleSummary().contains(
                     QStringLiteral("the network and registry bill cannot be priced: no ecr_storage rate in region "
                                    "us-west-2")),
            qPrintable(west.infeasibleSummary()));
    }

    // Enhanced scanning on push, 2 pushes a day for 24 h: 2 × 0.09 = 0.18. Continuous, 4 rescans per
    // image-month of the 30 kept images: 30 × 4 × 24/730 × 0.01 = 0.0394520547945205 more.
    void scanning()
    {
        Scenario sc = scalingDay();
        sc.registry.defaults.pushesPerDay = 2;
        sc.registry.defaults.scanning = ScanMode::EnhancedOnPush;
        COMPARE_USD(usdOf(fleetplan::test::runPlatform(sc, PlatformId::EcsFargate), ComponentId::EcrScanning), 0.18);
        sc.registry.defaults.scanning = ScanMode::EnhancedContinuous;
        sc.registry.defaults.rescansPerImageMonth = 4;
        COMPARE_USD(usdOf(fleetplan::test::runPlatform(sc, PlatformId::EcsFargate), ComponentId::EcrScanning),
            0.18 + 30 * 4 * 24.0 / 730 * 0.01);
    }

    // One shared ALB at 1 LCU for 24 h: 24 × 0.0225 = 0.54 and 24 × 0.008 = 0.192; logs 0.01 GB per
    // task-hour × 32 × 24 task-hours = 7.68 GB × 0.50 = 3.84. App Runner pays no load balancer of its own.
    void loadBalancerAndLogs()
    {
        Service api = service(QStringLiteral("api"), 1.0, 2048, 32);
        Scenario sc = scenarioWith({ api }, 24);
        sc.network.enabled = true;
        sc.network.subnets = SubnetKind::Public;
        sc.network.loadBalancer = LoadBalancerKind::Alb;
        sc.network.logGbPerTaskHour = 0.01;
        sc.platform(PlatformId::AppRunner).enabled = true;
        const PlatformResult r = fleetplan::test::runPlatform(sc, PlatformId::EcsFargate);
        COMPARE_USD(usdOf(r, ComponentId::LoadBalancerHours), 0.54);
        COMPARE_USD(usdOf(r, ComponentId::LoadBalancerCapacity), 0.192);
        COMPARE_USD(usdOf(r, ComponentId::LogsIngestion), 3.84);
        const PlatformResult ar = fleetplan::test::runPlatform(sc, PlatformId::AppRunner);
        QVERIFY(!ar.component(ComponentId::LoadBalancerHours));
        QVERIFY(!ar.component(ComponentId::PublicIpv4));
    }

    // Off by default: a scenario without the blocks gets no such component (old totals unchanged).
    void offByDefault()
    {
        Scenario sc = scalingDay();
        sc.registry = {};
        for (PlatformId id : { PlatformId::EcsEc2, PlatformId::EcsFargate, PlatformId::EksFargate }) {
            const PlatformResult r = fleetplan::test::runPlatform(sc, id);
            QCOMPARE(r.networkAndRegistryUsd(), 0.0);
            for (const CostComponent &c : r.components)
                QVERIFY(!isNetworkOrRegistry(c.id));
        }
        QCOMPARE(scenarioFormatVersionOf(sc), 1);
    }

    void jsonRoundTrip()
    {
        Scenario sc = scalingDay();
        Repository repo;
        repo.name = QStringLiteral("shop/api");
        repo.services = { QStringLiteral("api") };
        repo.devShare = 0.25;
        repo.scanning = ScanMode::EnhancedContinuous;
        repo.replicateToRegions = { QStringLiteral("eu-west-1") };
        sc.registry.repositories = { repo };
        sc.network.enabled = true;
        sc.network.subnets = SubnetKind::Public;
        sc.network.loadBalancer = LoadBalancerKind::Nlb;
        QCOMPARE(scenarioFormatVersionOf(sc), 2);
        const ScenarioReadResult back = scenarioFromJson(scenarioToJson(sc));
        QVERIFY2(back.ok(), qPrintable(back.errorText()));
        QVERIFY(back.diagnostics.isEmpty());
        QCOMPARE(back.scenario->registry, sc.registry);
        QCOMPARE(back.scenario->network, sc.network);
    }

    // The .fleetplan document (schema 5) keeps both blocks.
    void documentRoundTrip()
    {
        Scenario sc = scalingDay();
        sc.registry.defaults.scanning = ScanMode::EnhancedOnPush;
        sc.network.enabled = true;
        sc.network.loadBalancer = LoadBalancerKind::Alb;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("blocks.fleetplan"));
        QString error;
        QVERIFY2(writeScenarioDocument(sc, file, &error), qPrintable(error));
        const ScenarioReadResult back = readScenarioFile(file);
        QVERIFY2(back.ok(), qPrintable(back.errorText()));
        QCOMPARE(back.scenario->registry, sc.registry);
        QCOMPARE(back.scenario->network, sc.network);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::newRow("negative image size") << QStringLiteral("registry.defaults.image_gb") << -1.0;
        QTest::newRow("1e300 pushes") << QStringLiteral("registry.defaults.pushes_per_day") << 1e300;
        QTest::newRow("dev share above 1") << QStringLiteral("registry.defaults.dev_share") << 1.5;
        QTest::newRow("negative logs") << QStringLiteral("network.log_gb_per_task_hour") << -0.1;
        QTest::newRow("1e300 capacity units") << QStringLiteral("network.capacity_units_per_load_balancer") << 1e300;
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        Scenario sc = scalingDay();
        if (field.endsWith(u"image_gb"))
            sc.registry.defaults.imageGb = value;
        else if (field.endsWith(u"pushes_per_day"))
            sc.registry.defaults.pushesPerDay = value;
        else if (field.endsWith(u"dev_share"))
            sc.registry.defaults.devShare = value;
        else if (field.endsWith(u"log_gb_per_task_hour"))
            sc.network.logGbPerTaskHour = value;
        else
            sc.network.capacityUnitsPerLoadBalancer = value;
        QVERIFY2(hasErrorAt(validateScenario(sc, &fleetplan::test::catalog()), field), qPrintable(field));
    }
};

QTEST_GUILESS_MAIN(TestNetworkCosts)
#include "tst_networkcosts.moc"
