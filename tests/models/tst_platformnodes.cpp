// SPDX-License-Identifier: GPL-3.0-or-later
// ECS on EC2 and EKS managed nodes: capacity rules (overhead_rules.csv) and hand-computed fleets priced
// through simulate() with the bundled catalog (us-east-1 On-Demand: c5.large 0.085, m6i.large 0.096 USD/h,
// karpenter zz_generated.pricing_aws.go @6fc13b5; gp3 0.08 USD per GB-month, AWS EBS feed 2024-07-18;
// EKS control plane 0.10 / 0.60 USD per cluster-hour, AWS EKS feed 2025-10-28).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "models/import/kubernetesimporter.h"
#include "models/workload/scenariojson.h"
#include "models/simulation/costreportjson.h"
#include "models/simulation/moneyformat.h"
#include "models/simulation/nodecapacity.h"
#include "models/simulation/nodeplatform.h"
#include "models/simulation/simulation.h"
#include "pricing/catalog.h"

#include "common/fixtures.h"

using namespace fleetplan;
using namespace fleetplan::models;

namespace {

constexpr double EbsPerNodeHour = 20 * 0.08 / 730.0; // 20 GB gp3 root volume, per node-hour

using fleetplan::test::fixedType;
using fleetplan::test::service;

PlatformResult run(const Scenario &sc, PlatformId id, const WhatIf &whatIf = {})
{
    return fleetplan::test::runPlatform(sc, id, whatIf);
}

const pricing::InstanceType &type(const QString &name)
{
    return fleetplan::test::instanceType(name);
}

/// Independent check of every packed node: requests never exceed the node's capacity.
QString checkPacking(const PlatformResult &r)
{
    for (qsizetype s = 0; s < r.fleetStates.size(); ++s) {
        for (const FleetNode &n : r.fleetStates.at(s).nodes) {
            double cpu = 0, mem = 0, slotSum = 0;
            for (const FleetItem &i : n.items) {
                cpu += i.cpu * i.count;
                mem += i.memoryMib * i.count;
                slotSum += i.slotsUsed * i.count;
            }
            if (cpu > n.cpuCapacity + 1e-6 || mem > n.memoryCapacityMib + 1e-6
                || (n.slotCapacity > 0 && slotSum > n.slotCapacity))
                return QStringLiteral("state %1: %2 holds %3 vCPU / %4 MiB / %5 slots, capacity %6 / %7 / %8")
                    .arg(s)
                    .arg(n.instanceType)
                    .arg(cpu)
                    .arg(mem)
                    .arg(slotSum)
                    .arg(n.cpuCapacity)
                    .arg(n.memoryCapacityMib)
                    .arg(n.slotCapacity);
        }
    }
    for (int h = 0; h < r.series.nodes.size(); ++h) {
        if (r.fleetAt(h).nodes.size() != r.series.nodes.at(h))
            return QStringLiteral("hour %1: fleetAt has %2 nodes, series %3")
                .arg(h)
                .arg(r.fleetAt(h).nodes.size())
                .arg(r.series.nodes.at(h));
    }
    return {};
}

} // namespace

class TestPlatformNodes : public QObject
{
    Q_OBJECT

private slots:
    void ecsRegistration()
    {
        PlatformSettings ps;
        // ECS memory-management doc example: m4.large, 8 GiB installed, 7985 MiB available for tasks.
        const NodeCapacity m4 = ecsRegisteredCapacity(type(QStringLiteral("m4.large")), ps);
        QCOMPARE(m4.cpu, 2048.0); // 2 vCPU × 1024 units (ecs_client.go getCpu)
        QCOMPARE(m4.memoryMib, 7985.0);
        QCOMPARE(m4.slotLimit, 1); // 2 ENIs − 1
        ps.ecsReservedMemoryMib = 32; // ECS_RESERVED_MEMORY=32 (agent README example)
        QCOMPARE(ecsRegisteredCapacity(type(QStringLiteral("m4.large")), ps).memoryMib, 7953.0);
        ps.osReservedMemoryMib = 300;
        QCOMPARE(ecsRegisteredCapacity(type(QStringLiteral("m4.large")), ps).memoryMib, 8192.0 - 300 - 32);
    }

    void ecsAwsvpcTaskLimit()
    {
        // container-instance-eni.html: c5.large has 3 ENIs → 2 awsvpc tasks; with trunking 10.
        QCOMPARE(models::ecsAwsvpcTaskLimit(type(QStringLiteral("c5.large")), false), 2);
        QCOMPARE(models::ecsAwsvpcTaskLimit(type(QStringLiteral("c5.large")), true), 10);
        // m4.large is not trunking-compatible: trunking changes nothing.
        QCOMPARE(models::ecsAwsvpcTaskLimit(type(QStringLiteral("m4.large")), true), 1);
    }

    void kubeReservedCpu_data()
    {
        QTest::addColumn<int>("vcpu");
        QTest::addColumn<double>("millicores");
        QTest::newRow("1 vCPU: 6 % of 1000 = 60") << 1 << 60.0;
        QTest::newRow("2 vCPU: 60 + 1 % of 1000 = 70") << 2 << 70.0;
        QTest::newRow("4 vCPU: 70 + 0.5 % of 2000 = 80") << 4 << 80.0;
        QTest::newRow("8 vCPU: 80 + 0.25 % of 4000 = 90") << 8 << 90.0;
        QTest::newRow("48 vCPU: 80 + 0.25 % of 44000 = 190") << 48 << 190.0;
    }
    void kubeReservedCpu()
    {
        QFETCH(int, vcpu);
        QFETCH(double, millicores);
        QCOMPARE(eksKubeReservedCpuMillicores(vcpu), millicores);
    }

    void eksAllocatableMatchesKarpenterForEveryType()
    {
        // instance_types.csv karpenter_allocatable_* (Karpenter instance-types.md @692ccdd): all values.
        PlatformSettings ps;
        int checked = 0;
        for (const pricing::InstanceType &t : pricing::Catalog::bundled()->instanceTypes()) {
            if (!t.karpenterAllocatableCpuMillicores || !t.karpenterAllocatableMemoryMib || t.eksMaxPods <= 0)
                continue;
            const NodeCapacity c = eksAllocatableCapacity(t, ps);
            QVERIFY2(c.cpu == *t.karpenterAllocatableCpuMillicores, qPrintable(t.name + u' ' + c.explanation));
            QVERIFY2(c.memoryMib == *t.karpenterAllocatableMemoryMib, qPrintable(t.name + u' ' + c.explanation));
            ++checked;
        }
        QCOMPARE_GT(checked, 1300);
        // m6i.large by hand: 8192 − ceil(614.4) − (11 × 29 + 255) − 100 = 6903 MiB; 2000 − 70 = 1930 m.
        const NodeCapacity m6i = eksAllocatableCapacity(type(QStringLiteral("m6i.large")), ps);
        QCOMPARE(m6i.memoryMib, 6903.0);
        QCOMPARE(m6i.cpu, 1930.0);
        QCOMPARE(m6i.slotLimit, 29); // 3 × (10 − 1) + 2
        // m7g.large (arm64): 8192 − 64 CMA = 8128 − ceil(609.6) − 574 − 100 = 6844 MiB.
        QCOMPARE(eksAllocatableCapacity(type(QStringLiteral("m7g.large")), ps).memoryMib, 6844.0);
    }

    void maxPodsWithPrefixDelegation_data()
    {
        // Computed by hand from awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh @0a6d499
        // with --cni-prefix-delegation-enabled: Nitro → ENIs × ((IPv4 per ENI − 1) × 16) + 2, then
        // min(…, 110) when vCPU ≤ 30, min(…, 250) above; Xen → ENIs × (IPv4 per ENI − 1) + 2, no cap.
        // ENIs and IPv4 per ENI from resources/catalog/instance_types.csv (default card).
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("prefix");
        QTest::addColumn<int>("maxPods");
        QTest::newRow("t3.nano nitro 2 ENI x 2 IPv4: 2*(1*16)+2 = 34 (below the 110 cap)")
            << QStringLiteral("t3.nano") << true << 34;
        QTest::newRow("t3.micro nitro 2 x 2: 34") << QStringLiteral("t3.micro") << true << 34;
        QTest::newRow("c6g.medium nitro 2 x 4: 2*(3*16)+2 = 98") << QStringLiteral("c6g.medium") << true << 98;
        QTest::newRow("t3.small nitro 3 x 4: 146 capped at 110") << QStringLiteral("t3.small") << true << 110;
        QTest::newRow("m6i.large nitro 3 x 10: 434 capped at 110") << QStringLiteral("m6i.large") << true << 110;
        QTest::newRow("m5.8xlarge nitro 32 vCPU is -gt 30: 250") << QStringLiteral("m5.8xlarge") << true << 250;
        QTest::newRow("c5.9xlarge nitro 36 vCPU: 250") << QStringLiteral("c5.9xlarge") << true << 250;
        QTest::newRow("m4.large xen: secondary IPs 2*(10-1)+2 = 20") << QStringLiteral("m4.large") << true << 20;
        QTest::newRow("t2.medium xen: 3*(6-1)+2 = 17") << QStringLiteral("t2.medium") << true << 17;
        QTest::newRow("m6i.large without prefix: 3*(10-1)+2 = 29") << QStringLiteral("m6i.large") << false << 29;
    }

    void maxPodsWithPrefixDelegation()
    {
        QFETCH(QString, name);
        QFETCH(bool, prefix);
        QFETCH(int, maxPods);
        QCOMPARE(eksMaxPods(type(name), prefix), maxPods);
    }

    void eniLimitedEcsPacking()
    {
        // 10 awsvpc tasks of 0.25 vCPU / 512 MiB on c5.large: CPU would hold 8 (2048 units), memory 7
        // (4096 − 104 OS = 3992 MiB), ENIs only 2 (3 − 1) → 5 instances. 10 h: 5 × 10 × 0.085 = 4.25
        // compute; EBS 50 node-hours × 20 GB × 0.08 / 730.
        const Scenario sc = fixedType(
            { service(QStringLiteral("api"), 0.25, 512, 10) }, PlatformId::EcsEc2, QStringLiteral("c5.large"), 10);
        const PlatformResult r = run(sc, PlatformId::EcsEc2);
        QCOMPARE(r.peakNodes, 5);
        QCOMPARE(r.nodeHoursByType.value(QStringLiteral("c5.large")), 50.0);
        COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), 4.25);
        COMPARE_USD(r.componentUsd(ComponentId::Ebs), 50 * EbsPerNodeHour);
        COMPARE_USD(r.totalUsd, (4.25 + 50 * EbsPerNodeHour));
        // Packing gap: 5 × c5.large is optimal (ENIs bind: 10 tasks ÷ 2 per instance); the bound never
        // exceeds what was paid for compute.
        COMPARE_USD(r.packedComputeUsd, 4.25);
        QCOMPARE_GT(r.lowerBoundUsd, 0.0);
        QCOMPARE_LE(r.lowerBoundUsd, r.packedComputeUsd + fleetplan::test::UsdTolerance);
        COMPARE_USD(r.optimalityRatio, r.packedComputeUsd / r.lowerBoundUsd);
        QCOMPARE(r.utilisation.slotUsage, 1.0);
        QVERIFY(r.warnings.join(u'\n').contains(QStringLiteral("awsvpc ENI limit")));
        QCOMPARE(checkPacking(r), QString());

        // With trunking (10 tasks per c5.large) memory binds: 7 per instance → 2 instances.
        Scenario trunk = sc;
        trunk.platform(PlatformId::EcsEc2).awsvpcTrunking = true;
        QCOMPARE(run(trunk, PlatformId::EcsEc2).peakNodes, 2);
    }

    void staticHostPortIsExclusive()
    {
        // 4 bridge-mode tasks with host port 8080 cannot share an instance: 4 × c5.large.
        Service s = service(QStringLiteral("legacy"), 0.25, 512, 4);
        s.networkMode = NetworkMode::Bridge;
        s.hostPort = 8080;
        const PlatformResult r
            = run(fixedType({ s }, PlatformId::EcsEc2, QStringLiteral("c5.large"), 10), PlatformId::EcsEc2);
        QCOMPARE(r.peakNodes, 4);
        s.hostPort = 0; // dynamic ports: all four share one instance
        QCOMPARE(
            run(fixedType({ s }, PlatformId::EcsEc2, QStringLiteral("c5.large"), 10), PlatformId::EcsEc2).peakNodes, 1);
    }

    void onePerNodeNeverShares_data()
    {
        QTest::addColumn<int>("platform");
        QTest::newRow("EKS nodes: required anti-affinity on the hostname") << int(PlatformId::EksNodes);
        QTest::newRow("ECS on EC2: distinctInstance") << int(PlatformId::EcsEc2);
    }

    void onePerNodeNeverShares()
    {
        // 3 replicas of 0.25 vCPU / 512 MiB fit one m6i.large (2 vCPU, 8 GiB); one per node needs three,
        // and no node of any hour holds two, whichever types the cheapest mix picks. A second service
        // without the flag still shares those nodes.
        QFETCH(int, platform);
        const auto id = PlatformId(platform);
        Service redis = service(QStringLiteral("redis-ha"), 0.25, 512, 3);
        Service web = service(QStringLiteral("web"), 0.25, 512, 3);
        if (id == PlatformId::EcsEc2) // bridge mode: no ENI per task (m6i.large has 3 ENIs)
            redis.networkMode = web.networkMode = NetworkMode::Bridge;
        Scenario shared = fixedType({ redis, web }, id, QStringLiteral("m6i.large"), 10);
        QCOMPARE(run(shared, id).peakNodes, 1);
        redis.onePerNode = true;
        Scenario apart = fixedType({ redis, web }, id, QStringLiteral("m6i.large"), 10);
        const PlatformResult fixed = run(apart, id);
        QCOMPARE(fixed.peakNodes, 3);
        Scenario mix = apart;
        mix.platform(id).instanceTypes.clear(); // the default cheapest mix
        mix.platform(id).mixedInstances = true;
        const PlatformResult cheapest = run(mix, id);
        QVERIFY(fixed.feasible() && cheapest.feasible());
        QCOMPARE_GE(cheapest.peakNodes, 3);
        for (const PlatformResult *r : { &fixed, &cheapest }) {
            QVERIFY2(checkPacking(*r).isEmpty(), qPrintable(checkPacking(*r)));
            for (const FleetSnapshot &state : r->fleetStates) {
                for (const FleetNode &n : state.nodes) {
                    for (const FleetItem &i : n.items) {
                        if (i.service == u"redis-ha")
                            QCOMPARE(i.count, 1);
                    }
                }
            }
        }
    }

    void headroomFromTargetCapacity()
    {
        // 10 bridge tasks (no ENI limit) of 0.25 vCPU / 512 MiB on c5.large: memory 3992 MiB holds 7 → 2
        // instances. Target capacity 50 %: 1024 units and 1996 MiB usable → 3 per instance → 4 instances.
        Service s = service(QStringLiteral("api"), 0.25, 512, 10);
        s.networkMode = NetworkMode::Bridge;
        Scenario sc = fixedType({ s }, PlatformId::EcsEc2, QStringLiteral("c5.large"), 4);
        QCOMPARE(run(sc, PlatformId::EcsEc2).peakNodes, 2);
        sc.platform(PlatformId::EcsEc2).targetUtilizationPercent = 50;
        QCOMPARE(run(sc, PlatformId::EcsEc2).peakNodes, 4);
        WhatIf whatIf; // the what-if slider overrides the setting
        whatIf.targetUtilizationPercent = 100;
        QCOMPARE(run(sc, PlatformId::EcsEc2, whatIf).peakNodes, 2);
    }

    void ecsInstancesForTarget_data()
    {
        // ECS developer guide, "cluster auto scaling": N = ⌈M × 100 ÷ targetCapacity⌉.
        QTest::addColumn<int>("packed");
        QTest::addColumn<double>("target");
        QTest::addColumn<int>("instances");
        QTest::newRow("ECS guide cluster auto scaling: M 4 at 80 %: 400 / 80 = 5") << 4 << 80.0 << 5;
        QTest::newRow("ECS guide: M 1 at 80 %: ceil(1.25) = 2") << 1 << 80.0 << 2;
        QTest::newRow("ECS guide: M 5 at 80 %: ceil(6.25) = 7") << 5 << 80.0 << 7;
        QTest::newRow("ECS guide: M 9 at 90 %: 900 / 90 = 10 exactly") << 9 << 90.0 << 10;
        QTest::newRow("ECS guide: M 10 at 90 %: ceil(11.11) = 12") << 10 << 90.0 << 12;
        QTest::newRow("ECS guide: M 3 at 100 %: 3") << 3 << 100.0 << 3;
        QTest::newRow("ECS guide: M 0 at 50 %: 0") << 0 << 50.0 << 0;
    }
    void ecsInstancesForTarget()
    {
        QFETCH(int, packed);
        QFETCH(double, target);
        QFETCH(int, instances);
        QCOMPARE(models::ecsInstancesForTarget(packed, target), instances);
    }

    void ecsManagedScalingTargetCapacity_data()
    {
        QTest::addColumn<double>("target");
        QTest::addColumn<int>("instances");
        // 16 bridge tasks of 1 vCPU / 1024 MiB on m6i.xlarge (4096 CPU units, 16384 − 414 = 15970 MiB): 4
        // tasks per instance at 100 % → M = 4 (AWS Containers blog, "Deep dive on Amazon ECS cluster auto
        // scaling"; ECS developer guide, cluster auto scaling: N = ⌈M × 100 ÷ target⌉).
        QTest::newRow("ECS deep dive blog: target 100 %: N = M = 4") << 100.0 << 4;
        QTest::newRow("ECS deep dive blog: target 80 %: 400 / 80 = 5") << 80.0 << 5;
        QTest::newRow("ECS deep dive blog: target 75 %: ceil(5.33) = 6") << 75.0 << 6;
        QTest::newRow("ECS deep dive blog: target 50 %: 400 / 50 = 8") << 50.0 << 8;
        QTest::newRow("ECS deep dive blog: target 33 %: ceil(12.12) = 13") << 33.0 << 13;
    }
    void ecsManagedScalingTargetCapacity()
    {
        QFETCH(double, target);
        QFETCH(int, instances);
        Service s = service(QStringLiteral("worker"), 1, 1024, 16);
        s.networkMode = NetworkMode::Bridge;
        Scenario sc = fixedType({ s }, PlatformId::EcsEc2, QStringLiteral("m6i.xlarge"), 10);
        sc.platform(PlatformId::EcsEc2).scaleInDelayHours = 0;
        sc.platform(PlatformId::EcsEc2).targetUtilizationPercent = target;
        const PlatformResult r = run(sc, PlatformId::EcsEc2);
        QVERIFY(r.feasible());
        QCOMPARE(r.peakNodes, instances);
        // N instances × 10 h × 0.192 USD (m6i.xlarge us-east-1 On-Demand).
        COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), instances * 10 * 0.192);
        // The packed instances hold 4 tasks each; the N − 4 others are empty headroom.
        int busy = 0;
        for (const FleetNode &n : r.fleetAt(0).nodes)
            busy += n.items.isEmpty() ? 0 : 1;
        QCOMPARE(busy, 4);
        QCOMPARE(checkPacking(r), QString());
        // The what-if slider overrides the setting the same way.
        WhatIf whatIf;
        whatIf.targetUtilizationPercent = target;
        sc.platform(PlatformId::EcsEc2).targetUtilizationPercent = 100;
        QCOMPARE(run(sc, PlatformId::EcsEc2, whatIf).peakNodes, instances);
    }

    void ecsTargetDoesNotShrinkTheInstance()
    {
        // A 1.5 vCPU task on c5.large (2048 units) at target 50 %: ECS places it on an instance with 1536
        // units free (the target sizes the group, not the instance), so it runs: M = 1, N = ⌈100 ÷ 50⌉ = 2.
        Scenario sc = fixedType(
            { service(QStringLiteral("big"), 1.5, 1024, 1) }, PlatformId::EcsEc2, QStringLiteral("c5.large"), 2);
        sc.platform(PlatformId::EcsEc2).targetUtilizationPercent = 50;
        const PlatformResult r = run(sc, PlatformId::EcsEc2);
        QVERIFY2(r.feasible(), qPrintable(r.warnings.join(u'\n')));
        QCOMPARE(r.peakNodes, 2);
        COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), 2 * 2 * 0.085);
    }

    void ecsHeadroomInstancesAreTheCheapestType()
    {
        // One 3 vCPU bridge task, c5.large (2048 units, 0.085 USD/h) and m6i.xlarge (4096 units, 0.192) allowed,
        // target 50 %: M = 1 (m6i.xlarge), N = ⌈100 ÷ 50⌉ = 2; the Auto Scaling group's lowest-price strategy
        // launches the extra instance as c5.large. 10 h × (0.192 + 0.085) = 2.77.
        Service s = service(QStringLiteral("big"), 3, 2048, 1);
        s.networkMode = NetworkMode::Bridge;
        Scenario sc = fixedType({ s }, PlatformId::EcsEc2, QStringLiteral("c5.large"), 10);
        PlatformSettings &ps = sc.platform(PlatformId::EcsEc2);
        ps.instanceTypes << QStringLiteral("m6i.xlarge");
        ps.mixedInstances = true;
        ps.targetUtilizationPercent = 50;
        const PlatformResult r = run(sc, PlatformId::EcsEc2);
        QCOMPARE(r.peakNodes, 2);
        QCOMPARE(r.nodeHoursByType.value(QStringLiteral("m6i.xlarge")), 10.0);
        QCOMPARE(r.nodeHoursByType.value(QStringLiteral("c5.large")), 10.0);
        COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), 10 * (0.192 + 0.085));
    }

    void eksHeadroomFillsEachNode()
    {
        // EKS keeps its headroom rule (each node's CPU and memory filled to the target): 4 pods of 0.5 vCPU
        // / 512 MiB on m6i.large (1930 m − 125 m daemons = 1805 m; at 100 %: 3 per node with CoreDNS on
        // the second → 2 nodes). At 50 %: 1930 × 0.5 − 125 = 840 m → one 500 m pod per node (+ CoreDNS
        // 100 m) → 4 nodes.
        Scenario sc = fixedType(
            { service(QStringLiteral("api"), 0.5, 512, 4) }, PlatformId::EksNodes, QStringLiteral("m6i.large"), 2);
        QCOMPARE(run(sc, PlatformId::EksNodes).peakNodes, 2);
        sc.platform(PlatformId::EksNodes).targetUtilizationPercent = 50;
        QCOMPARE(run(sc, PlatformId::EksNodes).peakNodes, 4);
    }

    void taskThatCannotRunIsInfeasible_data()
    {
        QTest::addColumn<int>("platform");
        QTest::addColumn<QString>("instanceType");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<double>("memoryMib");
        QTest::addColumn<double>("target");
        QTest::addColumn<double>("ecsReservedMib");
        QTest::addColumn<double>("vmOverheadPercent");
        // Each: the task cannot be placed on any allowed instance, so the platform is infeasible with the
        // service named (README, "A platform that cannot run the workload"), never a 0.00 USD fleet.
        QTest::newRow("ECS: 96 vCPU task, c5.large has 2 vCPU")
            << int(PlatformId::EcsEc2) << QStringLiteral("c5.large") << 96.0 << 1024.0 << 100.0 << 0.0 << 7.5;
        QTest::newRow("ECS: ECS_RESERVED_MEMORY 9000 MiB > c5.large's 4096 MiB (ecs-agent README)")
            << int(PlatformId::EcsEc2) << QStringLiteral("c5.large") << 0.25 << 512.0 << 100.0 << 9000.0 << 7.5;
        QTest::newRow("ECS: 4096 MiB task, c5.large registers 4096 - 104 = 3992 MiB (memory-management.html)")
            << int(PlatformId::EcsEc2) << QStringLiteral("c5.large") << 0.25 << 4096.0 << 100.0 << 0.0 << 7.5;
        QTest::newRow("EKS: target 50 %: 1 vCPU pod > 1930 m x 0.5 - 125 m = 840 m on m6i.large")
            << int(PlatformId::EksNodes) << QStringLiteral("m6i.large") << 1.0 << 512.0 << 50.0 << 0.0 << 7.5;
        QTest::newRow("EKS: vm_overhead_percent 100 leaves no memory (Karpenter types.go)")
            << int(PlatformId::EksNodes) << QStringLiteral("m6i.large") << 0.25 << 512.0 << 100.0 << 0.0 << 100.0;
    }
    void taskThatCannotRunIsInfeasible()
    {
        QFETCH(int, platform);
        QFETCH(QString, instanceType);
        QFETCH(double, cpu);
        QFETCH(double, memoryMib);
        QFETCH(double, target);
        QFETCH(double, ecsReservedMib);
        QFETCH(double, vmOverheadPercent);
        const auto id = PlatformId(platform);
        Scenario sc = fixedType(
            { service(QStringLiteral("api"), 0.25, 256, 2), service(QStringLiteral("big"), cpu, memoryMib, 1) }, id,
            instanceType, 3);
        PlatformSettings &ps = sc.platform(id);
        ps.targetUtilizationPercent = target;
        ps.ecsReservedMemoryMib = ecsReservedMib;
        ps.vmOverheadPercent = vmOverheadPercent;
        const PlatformResult r = run(sc, id);
        QVERIFY2(!r.feasible(), qPrintable(QStringLiteral("priced at %1 USD").arg(r.totalUsd)));
        QStringList services;
        for (const Infeasibility &i : r.infeasible) {
            services.append(i.service);
            QVERIFY(!i.reason.isEmpty());
        }
        QVERIFY2(services.contains(QStringLiteral("big")), qPrintable(services.join(u',')));
        // No packing gap and nothing in the JSON that reads as a price.
        QCOMPARE(r.optimalityRatio, 0.0);
        CostReport report;
        report.platforms.append(r);
        const QJsonObject o = QJsonDocument::fromJson(costReportToJson(report))
                                  .object()
                                  .value(u"platforms")
                                  .toArray()
                                  .first()
                                  .toObject();
        QCOMPARE(o.value(u"feasible").toBool(true), false);
        QVERIFY(o.value(u"total_usd").isNull());
    }

    void vllmDeploymentOnGpuNodes_data()
    {
        QTest::addColumn<int>("platform");
        QTest::addColumn<double>("computeUsd");
        // A vLLM-like Deployment: 1 nvidia.com/gpu, 3 vCPU, 12 GiB (Kubernetes "Schedule GPUs"). With the default
        // types plus g5.* / g6.*, the cheapest type that holds it is g6.xlarge (1 L4, 0.8048 USD/h us-east-1;
        // g5.xlarge 1.006). EKS: g6.xlarge allocatable 3920 m − 125 m daemons = 3795 m ≥ 3000 m + 2 × 100 m
        // CoreDNS, 14162 MiB ≥ 12288 + 140: one node. ECS: 4096 units, 16384 − 414 = 15970 MiB: one instance.
        // 10 h × 0.8048 = 8.048.
        QTest::newRow("k8s Schedule GPUs: EKS nodes, 1 x g6.xlarge x 10 h = 8.048")
            << int(PlatformId::EksNodes) << 8.048;
        QTest::newRow("ECS GPU task definitions: ECS on EC2, 1 x g6.xlarge x 10 h = 8.048")
            << int(PlatformId::EcsEc2) << 8.048;
    }
    void vllmDeploymentOnGpuNodes()
    {
        QFETCH(int, platform);
        QFETCH(double, computeUsd);
        const QByteArray manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: vllm}\nspec:\n"
                                    "  replicas: 1\n  template:\n    spec:\n      containers:\n"
                                    "      - name: vllm\n        image: vllm/vllm-openai\n"
                                    "        resources:\n          requests: {cpu: 3, memory: 12Gi}\n"
                                    "          limits: {nvidia.com/gpu: 1}\n";
        const ImportResult imported = importKubernetes({ { QStringLiteral("vllm.yaml"), manifest } });
        QCOMPARE(imported.services.size(), 1);
        QCOMPARE(imported.services.constFirst().gpus, 1);
        Scenario sc;
        sc.name = QStringLiteral("vllm");
        sc.periodHours = 10;
        sc.services = imported.services;
        sc.services.first().minReplicas = 0;
        const auto id = PlatformId(platform);
        const PlatformResult r = run(sc, id);
        QVERIFY2(r.feasible(), qPrintable(r.warnings.join(u'\n')));
        QCOMPARE(r.nodeHoursByType.keys(), QStringList { QStringLiteral("g6.xlarge") });
        COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), computeUsd);
        QCOMPARE(checkPacking(r), QString());
        // Fargate has no GPUs: the three Fargate platforms are infeasible, naming the service.
        const CostReport all = simulate(sc, *pricing::Catalog::bundled(), {}, SimulationOptions { {}, 0 });
        for (PlatformId fargate : { PlatformId::EcsFargate, PlatformId::EcsFargateSpot, PlatformId::EksFargate }) {
            const PlatformResult *f = all.platform(fargate);
            QVERIFY(f);
            QVERIFY(!f->feasible());
            QCOMPARE(f->infeasible.constFirst().service, QStringLiteral("vllm"));
        }
    }

    void gpuServiceWithoutGpuTypesIsInfeasible()
    {
        // A GPU task with only m6i.* allowed: no type has an NVIDIA GPU, so the platform is infeasible, and a
        // CPU-only task never lands on a GPU node (g6.xlarge listed beside m6i.large: the api goes to m6i).
        Service vllm = service(QStringLiteral("vllm"), 3, 12288, 1);
        vllm.gpus = 1;
        Scenario sc = fixedType({ vllm }, PlatformId::EksNodes, QStringLiteral("m6i.*"), 2);
        sc.platform(PlatformId::EksNodes).mixedInstances = true;
        const PlatformResult r = run(sc, PlatformId::EksNodes);
        QVERIFY(!r.feasible());
        QCOMPARE(r.infeasible.constFirst().service, QStringLiteral("vllm"));
        QVERIFY2(r.infeasible.constFirst().reason.contains(QStringLiteral("nvidia")),
            qPrintable(r.infeasible.constFirst().reason));
        // ECS with m6i.large and g6.xlarge allowed: the GPU task goes to g6.xlarge and the two CPU-only tasks to
        // an m6i.large, although the g6.xlarge has room left for them (GPU nodes serve GPU tasks only).
        Scenario both = fixedType(
            { vllm, service(QStringLiteral("api"), 0.5, 512, 2) }, PlatformId::EcsEc2, QStringLiteral("m6i.large"), 2);
        both.platform(PlatformId::EcsEc2).instanceTypes << QStringLiteral("g6.xlarge");
        both.platform(PlatformId::EcsEc2).mixedInstances = true;
        const PlatformResult b = run(both, PlatformId::EcsEc2);
        QVERIFY2(b.feasible(), qPrintable(b.warnings.join(u'\n')));
        for (const FleetNode &n : b.fleetAt(0).nodes) {
            for (const FleetItem &i : n.items)
                QCOMPARE(i.service == QStringLiteral("vllm"), n.instanceType == QStringLiteral("g6.xlarge"));
        }
        // 2 h × (g6.xlarge 0.8048 + m6i.large 0.096) = 1.8016 (2 × 0.5 vCPU awsvpc tasks: 2048 units, ENIs 3 − 1 = 2).
        COMPARE_USD(b.componentUsd(ComponentId::ComputeOnDemand), 2 * (0.8048 + 0.096));
    }

    void scaleInDelay_data()
    {
        QTest::addColumn<int>("delay");
        QTest::addColumn<QList<int>>("nodes");
        // 4 awsvpc tasks at 00:00 only (profile 1, 0, 0, ...), c5.large holds 2: 2 instances at hour 0;
        // with a one-hour scale-in delay they stay through hour 1.
        QTest::newRow("no delay: 2, 0, 0") << 0 << QList<int> { 2, 0, 0 };
        QTest::newRow("1 h delay: 2, 2, 0") << 1 << QList<int> { 2, 2, 0 };
        QTest::newRow("2 h delay: 2, 2, 2") << 2 << QList<int> { 2, 2, 2 };
    }
    void scaleInDelay()
    {
        QFETCH(int, delay);
        QFETCH(QList<int>, nodes);
        Service s = service(QStringLiteral("burst"), 0.25, 512, 4);
        s.loadProfile = QStringLiteral("midnight");
        Scenario sc = fixedType({ s }, PlatformId::EcsEc2, QStringLiteral("c5.large"), 3);
        QList<double> hourly(24, 0.0);
        hourly[0] = 1.0;
        sc.loadProfiles = { LoadProfile { QStringLiteral("midnight"), hourly } };
        sc.platform(PlatformId::EcsEc2).scaleInDelayHours = delay;
        const PlatformResult r = run(sc, PlatformId::EcsEc2);
        QCOMPARE(r.series.nodes, nodes);
        int nodeHours = 0;
        for (int n : nodes)
            nodeHours += n;
        COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), nodeHours * 0.085);
    }

    void maxPodsLimitedEksNodes()
    {
        // m6i.large: 29 pods, 2 taken by aws-node and kube-proxy → 27. 50 tiny pods + 2 CoreDNS = 52 → 2
        // nodes. 10 h: 2 × 10 × 0.096 = 1.92 compute + 10 × 0.10 control plane + 20 node-hours of EBS.
        const Scenario sc = fixedType(
            { service(QStringLiteral("tiny"), 0.01, 16, 50) }, PlatformId::EksNodes, QStringLiteral("m6i.large"), 10);
        const PlatformResult r = run(sc, PlatformId::EksNodes);
        QCOMPARE(r.peakNodes, 2);
        COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), 1.92);
        COMPARE_USD(r.componentUsd(ComponentId::ControlPlane), 1.0);
        COMPARE_USD(r.totalUsd, (1.92 + 1.0 + 20 * EbsPerNodeHour));
        QCOMPARE(checkPacking(r), QString());
        // 53 pods + 2 CoreDNS = 55 > 54 → 3 nodes.
        QCOMPARE(run(fixedType({ service(QStringLiteral("tiny"), 0.01, 16, 53) }, PlatformId::EksNodes,
                         QStringLiteral("m6i.large"), 10),
                     PlatformId::EksNodes)
                     .peakNodes,
            3);
    }

    void daemonSetOverhead()
    {
        // m6i.large allocatable 1930 m − aws-node 25 m − kube-proxy 100 m = 1805 m: two 800 m pods and a
        // CoreDNS (100 m) fit → 4 pods on 2 nodes. A 300 m workload daemon leaves 1505 m: one pod per node → 4.
        const QList<Service> pods { service(QStringLiteral("api"), 0.8, 512, 4) };
        QCOMPARE(
            run(fixedType(pods, PlatformId::EksNodes, QStringLiteral("m6i.large"), 5), PlatformId::EksNodes).peakNodes,
            2);
        Service daemon = service(QStringLiteral("agent"), 0.3, 128, 1);
        daemon.kind = ServiceKind::Daemon;
        const PlatformResult r
            = run(fixedType(pods + QList<Service> { daemon }, PlatformId::EksNodes, QStringLiteral("m6i.large"), 5),
                PlatformId::EksNodes);
        QCOMPARE(r.peakNodes, 4);
        // Every node carries aws-node, kube-proxy and the agent.
        for (const FleetNode &n : r.fleetAt(0).nodes) {
            QStringList daemons;
            for (const FleetItem &i : n.items) {
                if (i.daemon)
                    daemons.append(i.service);
            }
            QCOMPARE(daemons,
                (QStringList { QStringLiteral("aws-node"), QStringLiteral("kube-proxy"), QStringLiteral("agent") }));
        }
        QCOMPARE(checkPacking(r), QString());
    }

    void controlPlane_data()
    {
        QTest::addColumn<bool>("extended");
        QTest::addColumn<int>("clusters");
        QTest::addColumn<double>("expected");
        QTest::newRow("standard 730 h × 0.10 = 73") << false << 1 << 73.0;
        QTest::newRow("extended 730 h × 0.60 = 438 (infracost eks_cluster golden)") << true << 1 << 438.0;
        QTest::newRow("2 clusters × 730 h × 0.10 = 146") << false << 2 << 146.0;
    }
    void controlPlane()
    {
        QFETCH(bool, extended);
        QFETCH(int, clusters);
        QFETCH(double, expected);
        for (PlatformId id : { PlatformId::EksNodes, PlatformId::EksFargate }) {
            Scenario sc
                = fixedType({ service(QStringLiteral("api"), 0.25, 512, 1) }, id, QStringLiteral("m6i.large"), 730);
            sc.platform(id).extendedSupport = extended;
            sc.platform(id).clusters = clusters;
            COMPARE_USD(run(sc, id).componentUsd(ComponentId::ControlPlane), expected);
        }
    }

    void ebsPerNode()
    {
        // 1 node × 100 h × 50 GB gp3 × 0.08 / 730 = 0.547945...
        Scenario sc = fixedType(
            { service(QStringLiteral("api"), 0.25, 512, 1) }, PlatformId::EcsEc2, QStringLiteral("c5.large"), 100);
        sc.platform(PlatformId::EcsEc2).ebsGibPerNode = 50;
        COMPARE_USD(run(sc, PlatformId::EcsEc2).componentUsd(ComponentId::Ebs), 100 * 50 * 0.08 / 730);
    }

    void spotShareOnlyForSpotTolerantServices()
    {
        Scenario sc = bundledSampleScenario();
        sc.periodHours = 48;
        WhatIf whatIf;
        whatIf.spotShare = 1.0;
        for (PlatformId id : { PlatformId::EcsEc2, PlatformId::EksNodes }) {
            const PlatformResult r = run(sc, id, whatIf);
            QCOMPARE_GT(r.componentUsd(ComponentId::ComputeSpot), 0.0);
            int spotNodes = 0;
            for (const FleetSnapshot &s : r.fleetStates) {
                for (const FleetNode &n : s.nodes) {
                    if (!n.spot)
                        continue;
                    ++spotNodes;
                    for (const FleetItem &i : n.items) {
                        const int index = sc.indexOfService(i.service);
                        QVERIFY2(i.daemon || (index >= 0 && sc.services.at(index).spotOk),
                            qPrintable(i.service + QStringLiteral(" on Spot node ") + n.instanceType));
                    }
                }
            }
            QCOMPARE_GT(spotNodes, 0);
            QCOMPARE(checkPacking(r), QString());
        }
    }

    /// Issue 13: the month's compute cost against the Σ of the hourly placement lower bounds, on the
    /// EC2-backed platforms of the sample; shown in the JSON and in `fleetplan compare`.
    void placementGapOfTheSample()
    {
        WhatIf noCommitment; // packed compute = the compute components when no Savings Plan covers a part
        noCommitment.savingsPlanUsdPerHour = 0;
        const CostReport report = simulate(bundledSampleScenario(), *pricing::Catalog::bundled(), noCommitment);
        for (const PlatformResult &p : report.platforms) {
            if (p.id != PlatformId::EcsEc2 && p.id != PlatformId::EksNodes) {
                QCOMPARE(p.lowerBoundUsd, 0.0);
                QCOMPARE(p.optimalityRatio, 0.0);
                continue;
            }
            QCOMPARE_GT(p.lowerBoundUsd, 0.0);
            QCOMPARE_LE(p.lowerBoundUsd, p.packedComputeUsd);
            COMPARE_USD(p.packedComputeUsd,
                p.componentUsd(ComponentId::ComputeOnDemand) + p.componentUsd(ComponentId::ComputeSpot));
            COMPARE_USD(p.optimalityRatio, p.packedComputeUsd / p.lowerBoundUsd);
            QCOMPARE_GE(p.optimalityRatio, 1.0);
            QCOMPARE_LT(p.optimalityRatio, 1.5);
            qInfo("%s: compute %.2f USD, bound %.2f USD, packed / bound %.4f", qPrintable(toId(p.id)),
                p.packedComputeUsd, p.lowerBoundUsd, p.optimalityRatio);
        }
        const QJsonArray platforms
            = QJsonDocument::fromJson(costReportToJson(report)).object().value(u"platforms").toArray();
        for (const QJsonValue &v : platforms) {
            const QJsonObject o = v.toObject();
            const QString id = o.value(u"id").toString();
            const bool ec2 = id == u"ecs-ec2" || id == u"eks-nodes";
            for (const char *key : { "packed_compute_usd", "lower_bound_usd", "optimality_ratio" }) {
                const QJsonValue value = o.value(QLatin1StringView(key));
                QVERIFY2(ec2 ? value.isDouble() : value.isNull(), key);
            }
            if (ec2)
                QCOMPARE_GE(o.value(u"optimality_ratio").toDouble(), 1.0);
        }

        // `fleetplan compare` prints the ratio of both EC2-backed platforms.
        QProcess cli;
        cli.start(QStringLiteral(FLEETPLAN_EXE),
            { QStringLiteral("compare"), QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json") });
        QVERIFY(cli.waitForFinished(60000));
        const QString table = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(table.contains(QStringLiteral("packing vs bound")), qPrintable(table));
        const CostReport shown = simulate(bundledSampleScenario(), *pricing::Catalog::bundled());
        for (PlatformId id : { PlatformId::EcsEc2, PlatformId::EksNodes })
            QVERIFY2(table.contains(formatNumber(shown.platform(id)->optimalityRatio, 3)), qPrintable(table));

        // A platform that cannot run the workload (a 96 vCPU task, c5.large only) has no price and no gap.
        const PlatformResult huge = run(
            fixedType({ service(QStringLiteral("huge"), 96, 1024, 1), service(QStringLiteral("api"), 0.25, 512, 2) },
                PlatformId::EcsEc2, QStringLiteral("c5.large"), 3),
            PlatformId::EcsEc2);
        QVERIFY(!huge.feasible());
        QCOMPARE(huge.lowerBoundUsd, 0.0);
        QCOMPARE(huge.optimalityRatio, 0.0);
    }

    void sampleFleetsRespectCapacity()
    {
        const CostReport report = simulate(bundledSampleScenario(), *pricing::Catalog::bundled());
        for (PlatformId id : { PlatformId::EcsEc2, PlatformId::EksNodes }) {
            const PlatformResult *r = report.platform(id);
            QVERIFY(r);
            QCOMPARE(checkPacking(*r), QString());
            QVERIFY2(r->warnings.filter(QStringLiteral("not placed")).isEmpty(), qPrintable(r->warnings.join(u'\n')));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlatformNodes)
#include "tst_platformnodes.moc"
