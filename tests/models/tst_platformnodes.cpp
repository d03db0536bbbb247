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

#include "models/workload/scenariojson.h"
#include "models/simulation/costreportjson.h"
#include "models/simulation/moneyformat.h"
#include "models/simulation/nodecapacity.h"
#include "models/simulation/simulation.h"
#include "pricing/catalog.h"

using namespace fleetplan;
using namespace fleetplan::models;

namespace {

constexpr double Tolerance = 1e-9;

/// Money compares to 1e-9 USD; the message shows both values at full precision.
#define COMPARE_USD(actual, expected)                                                                                  \
    do {                                                                                                               \
        const double a_ = (actual), e_ = (expected);                                                                   \
        QVERIFY2(std::abs(a_ - e_) < Tolerance,                                                                        \
            qPrintable(QStringLiteral("%1 = %2, expected %3")                                                          \
                           .arg(QStringLiteral(#actual))                                                               \
                           .arg(a_, 0, 'g', 15)                                                                        \
                           .arg(e_, 0, 'g', 15)));                                                                     \
    } while (false)
constexpr double EbsPerNodeHour = 20 * 0.08 / 730.0; // 20 GB gp3 root volume, per node-hour

Service service(const QString &name, double cpu, double memoryMib, int replicas)
{
    Service s;
    s.name = name;
    s.cpu = cpu;
    s.memoryMib = memoryMib;
    s.replicas = replicas;
    s.minReplicas = 0;
    return s;
}

Scenario fixedType(const QList<Service> &services, PlatformId id, const QString &type, int hours)
{
    Scenario sc;
    sc.name = QStringLiteral("test");
    sc.periodHours = hours;
    sc.services = services;
    sc.platform(id).instanceTypes = { type };
    sc.platform(id).mixedInstances = false;
    return sc;
}

PlatformResult run(const Scenario &sc, PlatformId id, const WhatIf &whatIf = {})
{
    return simulate(sc, *pricing::Catalog::bundled(), whatIf, SimulationOptions { { id }, 0 }).platforms.constFirst();
}

const pricing::InstanceType &type(const QString &name)
{
    const pricing::InstanceType *t = pricing::Catalog::bundled()->instanceType(name);
    Q_ASSERT(t);
    return *t;
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
        QCOMPARE_LE(r.lowerBoundUsd, r.packedComputeUsd + Tolerance);
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
