// SPDX-License-Identifier: GPL-3.0-or-later
// ECS Fargate, ECS Fargate Spot and EKS Fargate priced through simulate() with the bundled catalog.
// Rates (us-east-1, fargate_rates.csv): Linux x86 0.04048 per vCPU-hour and 0.004445 per GB-hour (AWS
// price feed 2025-10-27, = the AWS Fargate pricing page); Linux ARM 0.03238 / 0.00356; Windows 0.046552
// per vCPU-hour + 0.046 OS licence + 0.00511175 per GB-hour (AmazonECS offer 2025-08-28); ephemeral
// storage 0.000111 per GB-hour above 20 GB; Fargate Spot x86 0.01291 per vCPU-hour (2026) and 0.00138835
// per GB-hour (2021). Every expected figure is the arithmetic in its row name.
#include <QTest>

#include "models/simulation/platformmodels.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenariojson.h"
#include "pricing/catalog.h"

#include "common/fixtures.h"
#include "pricing/fargatesizing.h"

using namespace fleetplan;
using namespace fleetplan::models;

namespace {

using fleetplan::test::scenarioWith;
using fleetplan::test::service;

PlatformResult run(const Scenario &sc, PlatformId id)
{
    return fleetplan::test::runPlatform(sc, id);
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

class TestPlatformFargate : public QObject
{
    Q_OBJECT

private slots:
    void ecsFargateRates_data()
    {
        QTest::addColumn<double>("cpu");
        QTest::addColumn<double>("memoryMib");
        QTest::addColumn<int>("arch");
        QTest::addColumn<int>("os");
        QTest::addColumn<double>("ephemeralGib");
        QTest::addColumn<double>("vcpuUsd");
        QTest::addColumn<double>("memoryUsd");
        QTest::addColumn<double>("licenceUsd");
        QTest::addColumn<double>("storageUsd");
        QTest::newRow("x86 1 vCPU/2 GB 730 h: 730×0.04048=29.5504; 730×2×0.004445=6.4897")
            << 1.0 << 2048.0 << int(Arch::X86_64) << int(OsFamily::Linux) << 20.0 << 29.5504 << 6.4897 << 0.0 << 0.0;
        QTest::newRow("ARM 1 vCPU/2 GB 730 h: 730×0.03238=23.6374; 730×2×0.00356=5.1976")
            << 1.0 << 2048.0 << int(Arch::Arm64) << int(OsFamily::Linux) << 20.0 << 23.6374 << 5.1976 << 0.0 << 0.0;
        QTest::newRow(
            "Windows 1 vCPU/2 GB 730 h: 730×0.046552=33.98296; 730×2×0.00511175=7.463155; licence 730×0.046=33.58")
            << 1.0 << 2048.0 << int(Arch::X86_64) << int(OsFamily::Windows) << 20.0 << 33.98296 << 7.463155 << 33.58
            << 0.0;
        QTest::newRow("rounding 0.3 vCPU/600 MiB → 0.5/1024: 730×0.5×0.04048=14.7752; 730×1×0.004445=3.24485")
            << 0.3 << 600.0 << int(Arch::X86_64) << int(OsFamily::Linux) << 20.0 << 14.7752 << 3.24485 << 0.0 << 0.0;
        QTest::newRow("storage 50 GB: 30 GB × 730 h × 0.000111 = 2.4309")
            << 1.0 << 2048.0 << int(Arch::X86_64) << int(OsFamily::Linux) << 50.0 << 29.5504 << 6.4897 << 0.0 << 2.4309;
    }
    void ecsFargateRates()
    {
        QFETCH(double, cpu);
        QFETCH(double, memoryMib);
        QFETCH(int, arch);
        QFETCH(int, os);
        QFETCH(double, ephemeralGib);
        QFETCH(double, vcpuUsd);
        QFETCH(double, memoryUsd);
        QFETCH(double, licenceUsd);
        QFETCH(double, storageUsd);
        Service s = service(QStringLiteral("api"), cpu, memoryMib, 1);
        s.arch = Arch(arch);
        s.os = OsFamily(os);
        s.ephemeralGib = ephemeralGib;
        const PlatformResult r = run(scenarioWith({ s }, 730), PlatformId::EcsFargate);
        COMPARE_USD(r.componentUsd(ComponentId::FargateVcpu), vcpuUsd);
        COMPARE_USD(r.componentUsd(ComponentId::FargateMemory), memoryUsd);
        COMPARE_USD(r.componentUsd(ComponentId::OsLicense), licenceUsd);
        COMPARE_USD(r.componentUsd(ComponentId::FargateStorage), storageUsd);
        COMPARE_USD(r.totalUsd, (vcpuUsd + memoryUsd + licenceUsd + storageUsd));
        QCOMPARE(r.peakNodes, 1);
    }

    void roundingWarningNamesTheService()
    {
        const PlatformResult r
            = run(scenarioWith({ service(QStringLiteral("api"), 0.3, 600, 1) }, 24), PlatformId::EcsFargate);
        QVERIFY2(
            hasWarning(r, QStringLiteral("api: 0.3 vCPU / 600 MiB task becomes 0.5 vCPU / 1024 MiB on ECS Fargate")),
            qPrintable(r.warnings.join(u'\n')));
    }

    void eksFargateUserGuideExample()
    {
        // EKS user guide (fargate-pod-configuration): a 1 vCPU + 8 GB request becomes 2 vCPU + 9 GB
        // (8192 + 256 MiB rounds up to 9216 MiB at 2 vCPU). 730 h: 730 × (2 × 0.04048 + 9 × 0.004445)
        // = 730 × 0.120965 = 88.30445; control plane 730 × 0.10 = 73.
        const PlatformResult r
            = run(scenarioWith({ service(QStringLiteral("api"), 1, 8192, 1) }, 730), PlatformId::EksFargate);
        QVERIFY2(hasWarning(r, QStringLiteral("api: 1 vCPU / 8192 MiB pod becomes 2 vCPU / 9216 MiB on EKS Fargate")),
            qPrintable(r.warnings.join(u'\n')));
        COMPARE_USD(r.componentUsd(ComponentId::FargateVcpu), 730 * 2 * 0.04048);
        COMPARE_USD(r.componentUsd(ComponentId::FargateMemory), 730 * 9 * 0.004445);
        COMPARE_USD(r.componentUsd(ComponentId::ControlPlane), 73.0);
        COMPARE_USD(r.totalUsd, 161.30445);
    }

    void eksFargateEphemeralStorage_data()
    {
        QTest::addColumn<double>("requestsGib");
        QTest::addColumn<double>("billedGib");
        // AWS Containers blog, "AWS Fargate adds support for larger ephemeral volumes" (EKS): Fargate
        // provisions Σ requests + 10 % + 5 GiB and bills what exceeds the included 20 GiB.
        QTest::newRow("EKS ephemeral blog: 2 x 50 GiB: 100 + 10 + 5 = 115 provisioned, 95 billed") << 100.0 << 95.0;
        QTest::newRow("EKS ephemeral blog rule: 60 GiB: 60 + 6 + 5 = 71, 51 billed") << 60.0 << 51.0;
        QTest::newRow("EKS ephemeral blog rule: 30 GiB: 30 + 3 + 5 = 38, 18 billed") << 30.0 << 18.0;
        QTest::newRow("EKS ephemeral blog rule: 20 GiB (no request beyond the included): 0") << 20.0 << 0.0;
    }
    void eksFargateEphemeralStorage()
    {
        QFETCH(double, requestsGib);
        QFETCH(double, billedGib);
        QCOMPARE(pricing::eksFargateBilledStorageGib(requestsGib), billedGib);
        Service s = service(QStringLiteral("api"), 1, 2048, 1);
        s.ephemeralGib = requestsGib;
        // billed GiB × 730 h × 0.000111 USD per GB-hour (fargate_rates.csv us-east-1).
        COMPARE_USD(run(scenarioWith({ s }, 730), PlatformId::EksFargate).componentUsd(ComponentId::FargateStorage),
            billedGib * 730 * 0.000111);
        // ECS Fargate keeps its rule: requests − 20 GiB (AWS Fargate pricing page).
        COMPARE_USD(run(scenarioWith({ s }, 730), PlatformId::EcsFargate).componentUsd(ComponentId::FargateStorage),
            std::max(0.0, requestsGib - 20) * 730 * 0.000111);
    }

    void eksFargatePodWithoutRequests_data()
    {
        QTest::addColumn<bool>("noMemoryRequest");
        QTest::addColumn<double>("memoryGb");
        // EKS user guide, Fargate pod configuration: a pod with no requests runs as 0.25 vCPU / 0.5 GB in total
        // (0 + 256 MiB rounds up to 512 MiB). The importer plans such a pod at 0.25 vCPU / 512 MiB; with
        // a real 512 MiB request, 512 + 256 = 768 MiB rounds up to 1 GB.
        QTest::newRow("EKS Fargate pod configuration: no requests: 0.25 vCPU / 0.5 GB") << true << 0.5;
        QTest::newRow("EKS Fargate pod configuration: 512 MiB requested: 0.25 vCPU / 1 GB") << false << 1.0;
    }
    void eksFargatePodWithoutRequests()
    {
        QFETCH(bool, noMemoryRequest);
        QFETCH(double, memoryGb);
        Service s = service(QStringLiteral("web"), 0.25, 512, 1);
        s.noMemoryRequest = noMemoryRequest;
        const PlatformResult r = run(scenarioWith({ s }, 730), PlatformId::EksFargate);
        // 730 h × 0.25 vCPU × 0.04048 = 7.3876; 730 h × memoryGb × 0.004445.
        COMPARE_USD(r.componentUsd(ComponentId::FargateVcpu), 730 * 0.25 * 0.04048);
        COMPARE_USD(r.componentUsd(ComponentId::FargateMemory), 730 * memoryGb * 0.004445);
        // ECS Fargate prices the planning size, 0.25 vCPU / 0.5 GB, either way.
        COMPARE_USD(run(scenarioWith({ s }, 730), PlatformId::EcsFargate).componentUsd(ComponentId::FargateMemory),
            730 * 0.5 * 0.004445);
    }

    void gpuServiceIsInfeasibleOnFargate_data()
    {
        QTest::addColumn<int>("platform");
        // AWS Fargate has no GPUs (EKS user guide, Fargate considerations; ECS GPU workloads need EC2).
        QTest::newRow("EKS user guide Fargate considerations: ECS Fargate") << int(PlatformId::EcsFargate);
        QTest::newRow("EKS user guide Fargate considerations: ECS Fargate Spot") << int(PlatformId::EcsFargateSpot);
        QTest::newRow("EKS user guide Fargate considerations: EKS Fargate") << int(PlatformId::EksFargate);
    }
    void gpuServiceIsInfeasibleOnFargate()
    {
        QFETCH(int, platform);
        Service vllm = service(QStringLiteral("vllm"), 3, 12288, 1);
        vllm.gpus = 1;
        const PlatformResult r
            = run(scenarioWith({ vllm, service(QStringLiteral("api"), 0.25, 512, 1) }, 24), PlatformId(platform));
        QVERIFY(!r.feasible());
        QCOMPARE(r.infeasible.size(), 1);
        QCOMPARE(r.infeasible.constFirst().service, QStringLiteral("vllm"));
        QVERIFY2(r.infeasible.constFirst().reason.contains(QStringLiteral("Fargate has no accelerators")),
            qPrintable(r.infeasible.constFirst().reason));
    }

    void eksFargateDaemonsBecomeSidecars()
    {
        // 0.25 vCPU / 512 MiB pod + a 0.25 vCPU / 256 MiB daemon as sidecar + 256 MiB = 0.5 vCPU / 1024 MiB:
        // 10 h × (0.5 × 0.04048 + 1 × 0.004445) = 0.24685; control plane 10 × 0.10 = 1.
        Service daemon = service(QStringLiteral("log-agent"), 0.25, 256, 1);
        daemon.kind = ServiceKind::Daemon;
        const PlatformResult r
            = run(scenarioWith({ service(QStringLiteral("web"), 0.25, 512, 1), daemon }, 10), PlatformId::EksFargate);
        QVERIFY2(hasWarning(r,
                     QStringLiteral("log-agent cannot run as daemons on EKS Fargate: added as sidecars to every pod")),
            qPrintable(r.warnings.join(u'\n')));
        COMPARE_USD(r.totalUsd, 1.24685);
        const FleetSnapshot fleet = r.fleetAt(3);
        QCOMPARE(fleet.nodes.size(), 1);
        QCOMPARE(fleet.nodes.at(0).items.size(), 2);
        QCOMPARE(fleet.nodes.at(0).items.at(1).service, QStringLiteral("log-agent"));
    }

    void perSecondBillingWithMinimum_data()
    {
        QTest::addColumn<int>("os");
        QTest::addColumn<int>("runSeconds");
        QTest::addColumn<double>("expected");
        // 24 runs/day of one 1 vCPU / 2 GB task, 24 h period.
        QTest::newRow("Linux 30 s runs billed 60 s: 24 × 60 s = 0.4 h × (0.04048 + 2×0.004445) = 0.019748")
            << int(OsFamily::Linux) << 30 << 0.019748;
        QTest::newRow("Linux 90 s runs billed 90 s: 24 × 90 s = 0.6 h × 0.04937 = 0.029622")
            << int(OsFamily::Linux) << 90 << 0.029622;
        QTest::newRow("Windows 30 s runs billed 300 s: 2 h × (0.046552 + 0.046 + 2×0.00511175) = 0.205551")
            << int(OsFamily::Windows) << 30 << 0.205551;
    }
    void perSecondBillingWithMinimum()
    {
        QFETCH(int, os);
        QFETCH(int, runSeconds);
        QFETCH(double, expected);
        Service job = service(QStringLiteral("etl"), 1, 2048, 1);
        job.kind = ServiceKind::Job;
        job.runsPerDay = 24;
        job.runSeconds = runSeconds;
        job.os = OsFamily(os);
        const PlatformResult r = run(scenarioWith({ job }, 24), PlatformId::EcsFargate);
        COMPARE_USD(r.totalUsd, expected);
    }

    void spotStrategy_data()
    {
        QTest::addColumn<int>("tasks");
        QTest::addColumn<int>("base");
        QTest::addColumn<int>("fargateWeight");
        QTest::addColumn<int>("spotWeight");
        QTest::addColumn<int>("spot");
        QTest::newRow("10 tasks, base 2, 1:3 → 8 × 3/4 = 6 Spot") << 10 << 2 << 1 << 3 << 6;
        QTest::newRow("2 tasks, base 2 → 0 Spot") << 2 << 2 << 1 << 3 << 0;
        QTest::newRow("5 tasks, 0:1 → all 5 Spot") << 5 << 0 << 0 << 1 << 5;
        QTest::newRow("5 tasks, 1:1 → floor(2.5) = 2 Spot") << 5 << 0 << 1 << 1 << 2;
        QTest::newRow("5 tasks, 0:0 → all FARGATE") << 5 << 0 << 0 << 0 << 0;
    }
    void spotStrategy()
    {
        QFETCH(int, tasks);
        QFETCH(int, base);
        QFETCH(int, fargateWeight);
        QFETCH(int, spotWeight);
        QFETCH(int, spot);
        QCOMPARE(fargateSpotTasks(tasks, base, fargateWeight, spotWeight), spot);
    }

    void spotSplitPriced()
    {
        // worker (spot_ok) 10 × 1 vCPU / 2 GB, base 2, weights 1:3 → 4 FARGATE + 6 FARGATE_SPOT; api (not
        // spot_ok) 1 task on FARGATE. 10 h: On-Demand 5 tasks × 10 h × (0.04048 + 2 × 0.004445) = 2.4685;
        // Spot 6 × 10 × (0.01291 + 2 × 0.00138835) = 0.941202; 10 % interruption allowance 0.0941202.
        Service worker = service(QStringLiteral("worker"), 1, 2048, 10);
        worker.spotOk = true;
        Scenario sc = scenarioWith({ worker, service(QStringLiteral("api"), 1, 2048, 1) }, 10);
        PlatformSettings &ps = sc.platform(PlatformId::EcsFargateSpot);
        ps.fargateBase = 2;
        ps.fargateWeight = 1;
        ps.fargateSpotWeight = 3;
        ps.interruptionAllowancePercent = 10;
        const PlatformResult r = run(sc, PlatformId::EcsFargateSpot);
        const double od = r.componentUsd(ComponentId::FargateVcpu) + r.componentUsd(ComponentId::FargateMemory);
        const double spot
            = r.componentUsd(ComponentId::FargateSpotVcpu) + r.componentUsd(ComponentId::FargateSpotMemory);
        COMPARE_USD(od, 2.4685);
        COMPARE_USD(spot, 0.941202);
        COMPARE_USD(r.componentUsd(ComponentId::SpotInterruption), 0.0941202);
        COMPARE_USD(r.totalUsd, (2.4685 + 0.941202 + 0.0941202));
        int spotTasks = 0;
        for (const FleetNode &n : r.fleetAt(0).nodes)
            spotTasks += n.spot ? 1 : 0;
        QCOMPARE(spotTasks, 6);
    }

    void fleetStatesCountIdenticalTasks()
    {
        // The spotSplitPriced scenario: a state stores worker's 4 FARGATE and 6 FARGATE_SPOT tasks and api's
        // one task as three counted entries; fleetAt() gives the 11 tasks one by one, in that order.
        Service worker = service(QStringLiteral("worker"), 1, 2048, 10);
        worker.spotOk = true;
        Scenario sc = scenarioWith({ worker, service(QStringLiteral("api"), 1, 2048, 1) }, 10);
        PlatformSettings &ps = sc.platform(PlatformId::EcsFargateSpot);
        ps.fargateBase = 2;
        ps.fargateWeight = 1;
        ps.fargateSpotWeight = 3;
        const PlatformResult r = run(sc, PlatformId::EcsFargateSpot);
        QCOMPARE(r.fleetStates.size(), 1);
        const QList<FleetNode> &stored = r.fleetStates.at(0).nodes;
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored.at(0).count, 4);
        QVERIFY(!stored.at(0).spot);
        QCOMPARE(stored.at(1).count, 6);
        QVERIFY(stored.at(1).spot);
        QCOMPARE(stored.at(2).count, 1);
        QCOMPARE(stored.at(2).items.at(0).service, QStringLiteral("api"));
        const FleetSnapshot fleet = r.fleetAt(7);
        QCOMPARE(fleet.hour, 7);
        QCOMPARE(fleet.nodes.size(), 11);
        for (qsizetype i = 0; i < fleet.nodes.size(); ++i) {
            const FleetNode &n = fleet.nodes.at(i);
            QCOMPARE(n.count, 1);
            QCOMPARE(n.spot, i >= 4 && i < 10);
            QCOMPARE(n.items.at(0).service, i < 10 ? QStringLiteral("worker") : QStringLiteral("api"));
        }
    }

    void fleetAtHasOneNodePerTask()
    {
        // On the bundled sample (load profiles, jobs, Spot-tolerant services) every hour's fleet has as
        // many nodes as the series has tasks, and the counted states stand for the same tasks.
        const Scenario sc = bundledSampleScenario();
        for (PlatformId id : { PlatformId::EcsFargate, PlatformId::EcsFargateSpot, PlatformId::EksFargate }) {
            const PlatformResult r = run(sc, id);
            QCOMPARE(r.fleetStateOfHour.size(), r.series.tasks.size());
            for (int h = 0; h < r.series.tasks.size(); ++h) {
                const FleetSnapshot fleet = r.fleetAt(h);
                QCOMPARE(fleet.nodes.size(), qsizetype(r.series.tasks.at(h)));
                int stored = 0;
                for (const FleetNode &n : r.fleetStates.at(r.fleetStateOfHour.at(h)).nodes)
                    stored += n.count;
                QCOMPARE(stored, r.series.tasks.at(h));
            }
        }
    }

    void computeSavingsPlanCoversFargate()
    {
        // 1 task 1 vCPU / 2 GB = 0.04937 USD/h On-Demand. Compute SP 1yr No Upfront for Fargate:
        // the catalog's assumption d (17.5 %). Commitment 0.02 USD/h covers 0.02 / (1 − d) of On-Demand;
        // each hour costs 0.02 + 0.04937 − 0.02 / (1 − d). 100 h.
        const auto catalog = pricing::Catalog::bundled();
        const double d = *catalog->commitments().discountPercent(pricing::CommitmentScope::Fargate,
                             pricing::CommitmentPlan::ComputeSavingsPlan, 1, pricing::PaymentOption::NoUpfront)
            / 100.0;
        QCOMPARE_LT(std::abs(d - 0.175), 1e-12);
        Scenario sc = scenarioWith({ service(QStringLiteral("api"), 1, 2048, 1) }, 100);
        sc.purchase.savingsPlanUsdPerHour = 0.02;
        const PlatformResult r = run(sc, PlatformId::EcsFargate);
        const double expected = 100 * (0.02 + 0.04937 - 0.02 / (1 - d));
        COMPARE_USD(r.totalUsd, expected);
        COMPARE_USD(r.componentUsd(ComponentId::SavingsPlans), 2.0);
    }

    void ec2InstanceSavingsPlanDoesNotCoverFargate()
    {
        Scenario sc = scenarioWith({ service(QStringLiteral("api"), 1, 2048, 1) }, 10);
        sc.purchase.savingsPlanUsdPerHour = 0.02;
        sc.purchase.savingsPlanType = SavingsPlanType::Ec2Instance;
        const PlatformResult r = run(sc, PlatformId::EcsFargate);
        COMPARE_USD(r.totalUsd, 10 * 0.04937);
        QVERIFY(!r.component(ComponentId::SavingsPlans));
        QVERIFY2(hasWarning(r, QStringLiteral("an EC2 Instance Savings Plan does not cover Fargate")),
            qPrintable(r.warnings.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestPlatformFargate)
#include "tst_platformfargate.moc"
