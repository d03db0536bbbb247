// SPDX-License-Identifier: GPL-3.0-or-later
// The phases of the platform models (nodeplatform.h, fargateplatform.h) and the cost engine
// (costengine.h), each on a hand-computed case. Rates: us-east-1 from the bundled catalog — EC2 On-Demand
// Linux m6i.large 0.096 USD/h, c6i.large 0.085 USD/h (ec2_ondemand_prices.csv, Karpenter's snapshot of the
// AWS price list 2026-07-20); Fargate Linux x86 0.04048 USD per vCPU-hour, 0.004445 USD per GB-hour,
// ephemeral storage above 20 GB 0.000111 USD per GB-hour (AWS Fargate pricing page / price feed
// ecs.json 2025-10-27, fargate_rates.csv). Savings Plans apply as the Savings Plans user guide, "How
// Savings Plans apply to your AWS usage", says: C USD/h at discount d covers C ÷ (1 − d) of On-Demand usage.
#include <QTest>

#include "models/simulation/costengine.h"
#include "models/simulation/fargateplatform.h"
#include "models/simulation/nodeplatform.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenariojson.h"
#include "pricing/catalog.h"

#include "common/fixtures.h"

using namespace fleetplan;
using namespace fleetplan::models;
namespace pl = fleetplan::models::placement;

namespace {

const CostComponent *find(const QList<CostComponent> &components, ComponentId id)
{
    for (const CostComponent &c : components) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

BillableItem ec2Node(const char *type, const char *family, double usdPerHour, int order)
{
    return BillableItem { ComponentId::ComputeOnDemand, 1.0, 1.0, usdPerHour, QString::fromUtf8(type), order,
        QString::fromUtf8(family) };
}

pricing::Rate rate(double usd)
{
    pricing::Rate r;
    r.usd = usd;
    r.source = QStringLiteral("test");
    return r;
}

Service service(const char *name, double cpu, double memoryMib, int replicas)
{
    Service s;
    s.name = QString::fromUtf8(name);
    s.cpu = cpu;
    s.memoryMib = memoryMib;
    s.replicas = replicas;
    s.minReplicas = 0;
    s.maxReplicas = 1000;
    return s;
}
} // namespace

class TestPlatformPhases : public QObject
{
    Q_OBJECT

private slots:
    void instanceHoursWithAnEc2InstanceSavingsPlan()
    {
        // Fleet A: 2 × m6i.large + 1 × c6i.large = 0.192 + 0.085 = 0.277 USD/h; fleet B: 1 × m6i.large.
        // Hours: A, A, B. On-Demand: 2 × 0.277 + 0.096 = 0.65 USD.
        BillableUsage usage;
        usage.scope = pricing::CommitmentScope::Ec2;
        usage.states.append(
            BillableState { { ec2Node("m6i.large", "m6i", 0.096, 0), ec2Node("c6i.large", "c6i", 0.085, 1),
                                ec2Node("m6i.large", "m6i", 0.096, 0) },
                3 });
        usage.states.append(BillableState { { ec2Node("m6i.large", "m6i", 0.096, 0) }, 1 });
        usage.stateOfHour = { 0, 0, 1 };
        usage.runs = { { 0, 1.0 }, { 0, 1.0 }, { 1, 1.0 } };
        usage.listed = { ComponentId::ComputeOnDemand };
        // EC2 Instance Savings Plan of 0.1 USD/h at 40 % off, bound to the family with the most On-Demand spend:
        // m6i 0.192 + 0.192 + 0.096 = 0.48 USD > c6i 0.17 USD → m6i. It never covers c6i.
        //   fleet A: m6i 0.192 USD costs 0.1152 at SP rates > 0.1 → covers 0.1 ÷ 0.6 = 0.16667 USD;
        //   fleet B: m6i 0.096 costs 0.0576 ≤ 0.1 → covers all 0.096 USD (the rest of the 0.1 is still paid).
        SavingsPlanChoice plan;
        plan.commitmentUsdPerHour = 0.1;
        plan.plan = pricing::CommitmentPlan::Ec2InstanceSavingsPlan;
        plan.discountPercent = 40.0;
        plan.applies = true;
        plan.recommendationDiscountPercent = 30.0;
        const PricedUsage priced = priceUsage(usage, plan);

        QCOMPARE(priced.boundFamily, QStringLiteral("m6i"));
        const double covered = 2 * 0.1 / 0.6 + 0.096;
        COMPARE_USD(priced.coveredUsd, covered);
        const CostComponent *od = find(priced.components, ComponentId::ComputeOnDemand);
        QVERIFY(od);
        COMPARE_USD(od->usd, 0.65 - covered); // 0.22067
        COMPARE_USD(od->quantity, 7.0); // 5 m6i.large + 2 c6i.large instance-hours
        QCOMPARE(od->explanation.split(u'\n').size(), 3); // one line per type, one for the plan
        QVERIFY2(od->explanation.startsWith(QStringLiteral("5 instance-hours × 0.096 USD = 0.48 USD (m6i.large)")),
            qPrintable(od->explanation));
        const CostComponent *sp = find(priced.components, ComponentId::SavingsPlans);
        QVERIFY(sp);
        COMPARE_USD(sp->usd, 0.3); // 3 hours × 0.1 USD, used or not
        QVERIFY2(sp->explanation.contains(QStringLiteral("bound to family m6i")), qPrintable(sp->explanation));
        QVERIFY(!find(priced.components, ComponentId::ComputeSpot));
        COMPARE_USD(priced.totalUsd, 0.65 - covered + 0.3);
        // Hourly: A = 0.277 − 0.16667 + 0.1 = 0.21033; B = 0.096 − 0.096 + 0.1 = 0.1; Σ = the total.
        COMPARE_USD(priced.stateCostUsd.at(0), 0.277 - 0.1 / 0.6 + 0.1);
        COMPARE_USD(priced.stateCostUsd.at(1), 0.1);
        COMPARE_USD(2 * priced.stateCostUsd.at(0) + priced.stateCostUsd.at(1), priced.totalUsd);
        // Recommendation (Compute SP at 30 %) over the curve 0.277, 0.277, 0.096: C = 0.096 × 0.7 = 0.0672
        // costs 3 × 0.0672 + 2 × (0.277 − 0.096) = 0.5636; C = 0.277 × 0.7 costs 0.5817; none costs 0.65.
        QVERIFY(priced.savingsPlan.applicable);
        COMPARE_USD(priced.savingsPlan.commitmentUsdPerHour, 0.0672);
        COMPARE_USD(priced.savingsPlan.totalUsdWithCommitment, 0.5636);
        COMPARE_USD(priced.savingsPlan.savingUsd, 0.65 - 0.5636);
    }

    void ebsAndControlPlane()
    {
        // 2 nodes for 730 hours with 20 GB gp3 each at 0.08 USD per GB-month: 1,460 node-hours × 20 GB ÷ 730 h
        // = 40 GB-months = 3.2 USD (AWS EBS pricing, gp3 us-east-1). One EKS cluster at 0.10 USD per
        // cluster-hour (Amazon EKS pricing, standard support): 73 USD.
        BillableUsage usage;
        usage.states.append(
            BillableState { { ec2Node("m6i.large", "m6i", 0.096, 0), ec2Node("m6i.large", "m6i", 0.096, 0) }, 2 });
        usage.stateOfHour = QList<int>(730, 0);
        for (int h = 0; h < 730; ++h)
            usage.runs.append({ 0, 1.0 });
        usage.ebsGbMonth = rate(0.08);
        usage.ebsGibPerNode = 20;
        usage.controlPlane = rate(0.10);
        usage.clusters = 1;
        usage.controlPlaneNote = QStringLiteral("standard support");
        const PricedUsage priced = priceUsage(usage, SavingsPlanChoice {});
        const CostComponent *ebs = find(priced.components, ComponentId::Ebs);
        QVERIFY(ebs);
        COMPARE_USD(ebs->quantity, 40.0);
        COMPARE_USD(ebs->usd, 3.2);
        const CostComponent *cp = find(priced.components, ComponentId::ControlPlane);
        QVERIFY(cp);
        COMPARE_USD(cp->usd, 73.0);
        COMPARE_USD(cp->quantity, 730.0);
        COMPARE_USD(priced.totalUsd, 730 * 0.192 + 3.2 + 73.0);
        // One hour: 0.192 + 2 × 20 × 0.08 ÷ 730 + 0.10.
        COMPARE_USD(priced.stateCostUsd.at(0), 0.192 + 2 * 20 * 0.08 / 730 + 0.10);
        QVERIFY(!priced.savingsPlan.applicable); // no recommendation discount given
    }

    void fargateUsageWithAComputeSavingsPlan()
    {
        // A 0.5 vCPU / 1 GB task with 30 GB ephemeral storage: 2 tasks for 10 hours, then 1 task for 14 hours.
        //   vCPU-hours: 10 × 2 × 0.5 + 14 × 1 × 0.5 = 17 × 0.04048 = 0.68816 USD
        //   GB-hours:   10 × 2 × 1   + 14 × 1 × 1   = 34 × 0.004445 = 0.15113 USD
        //   storage:    (10 × 2 + 14) × (30 − 20) GB = 340 GB-hours × 0.000111 = 0.03774 USD
        auto state = [](double tasks) {
            BillableState s;
            const QString x86 = QStringLiteral("Linux x86");
            s.items = { { ComponentId::FargateVcpu, tasks, 0.5, 0.04048, x86, 0, QString() },
                { ComponentId::FargateMemory, tasks, 1.0, 0.004445, x86, 0, QString() },
                { ComponentId::FargateStorage, tasks, 10.0, 0.000111, x86, 0, QString() } };
            return s;
        };
        BillableUsage usage;
        usage.scope = pricing::CommitmentScope::Fargate;
        usage.states = { state(2), state(1) };
        for (int h = 0; h < 24; ++h)
            usage.stateOfHour.append(h < 10 ? 0 : 1);
        usage.runs = { { 0, 10.0 }, { 1, 14.0 } };

        const PricedUsage plain = priceUsage(usage, SavingsPlanChoice {});
        COMPARE_USD(find(plain.components, ComponentId::FargateVcpu)->usd, 0.68816);
        COMPARE_USD(find(plain.components, ComponentId::FargateVcpu)->quantity, 17.0);
        COMPARE_USD(find(plain.components, ComponentId::FargateMemory)->usd, 0.15113);
        COMPARE_USD(find(plain.components, ComponentId::FargateMemory)->quantity, 34.0);
        COMPARE_USD(find(plain.components, ComponentId::FargateStorage)->usd, 0.03774);
        COMPARE_USD(find(plain.components, ComponentId::FargateStorage)->quantity, 340.0);
        QCOMPARE(find(plain.components, ComponentId::FargateVcpu)->explanation,
            QStringLiteral("17 vCPU-hours × 0.04048 USD = 0.69 USD (Linux x86)"));
        COMPARE_USD(plain.totalUsd, 0.68816 + 0.15113 + 0.03774);

        // Compute Savings Plan 0.03 USD/h at 20 % off Fargate. One usage line per hour: vCPU + GB On-Demand.
        //   2 tasks: 0.04048 + 0.00889 = 0.04937 USD costs 0.039496 at SP rates > 0.03 → covers 0.03 ÷ 0.8
        //            = 0.0375 USD; vCPU and memory each keep (1 − 0.0375 ÷ 0.04937) of their USD.
        //   1 task:  0.024685 USD costs 0.019748 ≤ 0.03 → fully covered.
        SavingsPlanChoice plan;
        plan.commitmentUsdPerHour = 0.03;
        plan.discountPercent = 20.0;
        plan.applies = true;
        const PricedUsage priced = priceUsage(usage, plan);
        const double open = 1.0 - 0.0375 / 0.04937;
        COMPARE_USD(find(priced.components, ComponentId::FargateVcpu)->usd, 10 * 0.04048 * open);
        COMPARE_USD(find(priced.components, ComponentId::FargateMemory)->usd, 10 * 0.00889 * open);
        COMPARE_USD(priced.coveredUsd, 10 * 0.0375 + 14 * 0.024685);
        COMPARE_USD(find(priced.components, ComponentId::SavingsPlans)->usd, 24 * 0.03);
        COMPARE_USD(priced.totalUsd, 10 * (0.04937 - 0.0375) + 0.03774 + 0.72);
        COMPARE_USD(priced.stateCostUsd.at(0), 0.04937 - 0.0375 + 0.00222 + 0.03);
        COMPARE_USD(priced.stateCostUsd.at(1), 0.00111 + 0.03);
        COMPARE_USD(10 * priced.stateCostUsd.at(0) + 14 * priced.stateCostUsd.at(1), priced.totalUsd);
        QVERIFY(find(priced.components, ComponentId::FargateVcpu)
                    ->explanation.endsWith(QStringLiteral("USD covered by the Savings Plan = 0.10 USD")));
    }

    void spotInterruptionAllowance()
    {
        // 100 Fargate Spot vCPU-hours at 0.0121 = 1.21 USD; a 10 % allowance adds 0.121 USD.
        BillableUsage usage;
        usage.scope = pricing::CommitmentScope::Fargate;
        usage.states = { BillableState {
            { { ComponentId::FargateSpotVcpu, 10, 1.0, 0.0121, QStringLiteral("Linux x86"), 0, QString() } }, 0 } };
        usage.stateOfHour = QList<int>(10, 0);
        usage.runs = { { 0, 10.0 } };
        usage.spotInterruptionAllowance = 0.10;
        const PricedUsage priced = priceUsage(usage, SavingsPlanChoice {});
        COMPARE_USD(find(priced.components, ComponentId::SpotInterruption)->usd, 0.121);
        COMPARE_USD(priced.totalUsd, 1.21 + 0.121);
        COMPARE_USD(priced.stateCostUsd.at(0), 0.121 * 1.1);
    }

    void savingsPlanChoice()
    {
        const auto catalog = pricing::Catalog::bundled();
        PurchaseOptions purchase;
        purchase.savingsPlanUsdPerHour = 1.0;
        purchase.savingsPlanType = SavingsPlanType::Ec2Instance;
        // An EC2 Instance Savings Plan covers EC2, never Fargate.
        const SavingsPlanChoice ec2
            = chooseSavingsPlan(purchase, *catalog, pricing::CommitmentScope::Ec2, QStringLiteral("ECS on EC2"));
        QVERIFY(ec2.applies);
        QVERIFY(ec2.warning.isEmpty());
        QVERIFY(ec2.recommendationDiscountPercent.has_value());
        const SavingsPlanChoice fargate
            = chooseSavingsPlan(purchase, *catalog, pricing::CommitmentScope::Fargate, QStringLiteral("ECS Fargate"));
        QVERIFY(!fargate.applies);
        QCOMPARE(fargate.warning,
            QStringLiteral("an EC2 Instance Savings Plan does not cover Fargate: not applied on ECS Fargate"));
        purchase.savingsPlanUsdPerHour = 0;
        QVERIFY(!chooseSavingsPlan(purchase, *catalog, pricing::CommitmentScope::Ec2, QString()).applies);
    }

    void fargateTaskSizes()
    {
        // EKS Fargate adds 256 MiB to the pod's requests and rounds up: 1 vCPU + 8192 MiB → 2 vCPU / 9216 MiB
        // (EKS user guide, fargate-pod-configuration). ECS Fargate: 1 vCPU / 8192 MiB is a valid size.
        const auto catalog = pricing::Catalog::bundled();
        Scenario sc = bundledSampleScenario();
        sc.services = { service("api", 1.0, 8192, 2) };
        sc.region = QStringLiteral("us-east-1");
        const DemandTimeline demand(sc);
        const SimulationInput in { sc, *catalog, demand, sc.region, sc.purchase, std::nullopt, 0 };
        PlatformResult r;
        const FargateTaskPlans eks = fargateTaskPlans(in, PlatformId::EksFargate, r);
        QCOMPARE(eks.plans.size(), 1);
        QCOMPARE(eks.plans.at(0).size.vcpu, 2.0);
        QCOMPARE(double(eks.plans.at(0).size.memoryMib), 9216.0);
        QCOMPARE(eks.plans.at(0).rateLabel, QStringLiteral("Linux x86"));
        QVERIFY(r.warnings.join(u'\n').contains(QStringLiteral("becomes 2 vCPU / 9216 MiB on EKS Fargate")));
        PlatformResult e;
        const FargateTaskPlans ecs = fargateTaskPlans(in, PlatformId::EcsFargate, e);
        QCOMPARE(ecs.plans.at(0).size.vcpu, 1.0);
        QCOMPARE(double(ecs.plans.at(0).size.memoryMib), 8192.0);

        // Usage of one hour with 2 replicas: 2 task-hours on FARGATE; billed 2 × 2 vCPU and 2 × 9 GB.
        const QList<FargatePlanUsage> u = fargateStateUsage(eks, sc, demand.states().at(0));
        QCOMPARE(u.at(0).onDemandTaskHours, 2.0);
        QCOMPARE(u.at(0).spotTaskHours, 0.0);
        const BillableState billed = fargateBillableState(eks, u);
        QCOMPARE(billed.items.size(), 2); // vCPU and memory; no storage above 20 GB, no licence
        QCOMPARE(billed.items.at(0).component, ComponentId::FargateVcpu);
        COMPARE_USD(billed.items.at(0).units * billed.items.at(0).perUnit, 4.0);
        COMPARE_USD(billed.items.at(1).units * billed.items.at(1).perUnit, 18.0);
    }

    void nodeWorkloadAndTypes()
    {
        // EKS managed nodes: aws-node 25m + kube-proxy 100m per node, 2 pod slots; CoreDNS 2 × 100m / 70 MiB.
        // m6i.large (2 vCPU) allocatable CPU: 2000 m − 70 m kube-reserved = 1930 m (nodecapacity.h).
        const auto catalog = pricing::Catalog::bundled();
        Scenario sc = bundledSampleScenario();
        sc.services = { service("api", 0.5, 1024, 4) };
        sc.services[0].spotOk = true;
        sc.region = QStringLiteral("us-east-1");
        sc.platform(PlatformId::EksNodes).instanceTypes = { QStringLiteral("m6i.large") };
        PurchaseOptions purchase = sc.purchase;
        purchase.spotShare = 0.5;
        const DemandTimeline demand(sc);
        const SimulationInput in { sc, *catalog, demand, sc.region, purchase, std::nullopt, 0 };
        PlatformResult r;
        NodeCandidates nc = nodeCandidates(in, PlatformId::EksNodes, r);
        QCOMPARE(nc.candidates.size(), 1);
        COMPARE_USD(nc.candidates.at(0).onDemand, 0.096);
        COMPARE_USD(nc.candidates.at(0).capacity.cpu, 1930.0);
        QVERIFY(nc.candidates.at(0).spot.has_value());

        NodeWorkload w = nodeWorkload(in, PlatformId::EksNodes, r);
        COMPARE_USD(w.overhead.cpu, 125.0);
        QCOMPARE(w.overhead.slotCount, 2.0);
        QCOMPARE(w.daemonItems.size(), 2);
        // Groups: api On-Demand, api Spot share, CoreDNS.
        QCOMPARE(w.request.items.size(), 3);
        QVERIFY(w.request.items.at(1).spotOk);
        QCOMPARE(w.request.items.at(2).service, QStringLiteral("coredns"));
        COMPARE_USD(w.request.items.at(0).request.cpu, 500.0);

        const QList<qsizetype> candidateOf
            = chooseNodeTypes(sc.platform(PlatformId::EksNodes), PlatformId::EksNodes, w, nc.candidates, r);
        QCOMPARE(w.request.nodeTypes.size(), 2); // m6i.large On-Demand, then Spot
        QVERIFY(!w.request.nodeTypes.at(0).spot);
        QVERIFY(w.request.nodeTypes.at(1).spot);
        QCOMPARE(candidateOf, (QList<qsizetype> { 0, 0 }));

        // 4 replicas at a Spot share of 0.5: round(4 × 0.5) = 2 Spot, 2 On-Demand, CoreDNS 2.
        const QList<QList<int>> counts = groupCountsOfStates(w, sc, demand);
        QCOMPARE(counts.at(0), (QList<int> { 2, 2, 2 }));
    }

    void monthPlanAndInstanceHours()
    {
        // One node type of 2000 m / 8000 MiB at 0.1 USD/h; items of 1000 m / 1000 MiB: two per node.
        // Tasks per state 1, 3, 2; hours in states 0, 1, 2, 0; scale-in delay 1 h → windowed demand
        // 1, 3, 3, 2 → nodes 1, 2, 2, 1; the hours 1 and 2 share one fleet.
        pl::PlacementRequest request;
        pl::ItemGroup g;
        g.service = QStringLiteral("api");
        g.request = pl::Resources { 1000, 1000, 0 };
        g.arch = QStringLiteral("x86_64");
        request.items = { g };
        pl::NodeType t;
        t.name = QStringLiteral("m6i.large");
        t.arch = QStringLiteral("x86_64");
        t.capacity = pl::Resources { 2000, 8000, 0 };
        t.pricePerHour = 0.1;
        request.nodeTypes = { t };
        request.timeBudgetMicros = 0;
        const MonthPlan month = planMonth(request, { { 1 }, { 3 }, { 2 } }, { 0, 1, 2, 0 }, 1, 0.0);
        QCOMPARE(month.fleetOfHour.size(), 4);
        QList<int> nodes;
        for (int f : month.fleetOfHour)
            nodes.append(int(month.fleets.at(f).nodes.size()));
        QCOMPARE(nodes, (QList<int> { 1, 2, 2, 1 }));
        QCOMPARE(month.fleetOfHour.at(1), month.fleetOfHour.at(2));
        QCOMPARE(month.windowOfHour.at(1), month.windowOfHour.at(2));

        // Billable: 1 + 2 + 2 + 1 = 6 instance-hours × 0.1 USD (the node type's rate; the candidate's family m6i).
        pricing::InstanceType type;
        type.name = QStringLiteral("m6i.large");
        type.family = QStringLiteral("m6i");
        const QList<NodeCandidate> candidates { NodeCandidate { &type, 0.1, std::nullopt, {}, 0 } };
        BillableUsage usage = nodeBillableUsage(request, candidates, { 0 }, month);
        QCOMPARE(usage.runs.size(), 4);
        QCOMPARE(usage.states.size(), month.fleets.size());
        QCOMPARE(usage.states.at(month.fleetOfHour.at(1)).items.at(0).family, QStringLiteral("m6i"));
        usage.listed = { ComponentId::ComputeOnDemand };
        const PricedUsage priced = priceUsage(usage, SavingsPlanChoice {});
        COMPARE_USD(find(priced.components, ComponentId::ComputeOnDemand)->quantity, 6.0);
        COMPARE_USD(priced.totalUsd, 0.6);
    }

    void onePlatformModelPerPlatform()
    {
        QVERIFY(platformModel(PlatformId::EcsEc2).simulate == &simulateNodePlatform);
        QVERIFY(platformModel(PlatformId::EksNodes).simulate == &simulateNodePlatform);
        for (PlatformId id : { PlatformId::EcsFargate, PlatformId::EcsFargateSpot, PlatformId::EksFargate })
            QVERIFY(platformModel(id).simulate == &simulateFargatePlatform);
    }

    void hourlyCostAddsUpToTheTotal()
    {
        // The engine's hourly cost of every state, summed over the hours, is the platform's total — with a
        // Spot share, a Compute Savings Plan and an interruption allowance, on all five platforms.
        const auto catalog = pricing::Catalog::bundled();
        Scenario sc = bundledSampleScenario();
        sc.platform(PlatformId::EcsFargateSpot).interruptionAllowancePercent = 5;
        WhatIf whatIf;
        whatIf.spotShare = 0.4;
        whatIf.savingsPlanUsdPerHour = 0.8;
        const CostReport report = simulate(sc, *catalog, whatIf, fastSimulation());
        QCOMPARE(report.platforms.size(), 5);
        for (const PlatformResult &p : report.platforms) {
            double sum = 0;
            for (double c : p.series.costUsd)
                sum += c;
            QVERIFY2(std::abs(sum - p.totalUsd) < 1e-6,
                qPrintable(QStringLiteral("%1: Σ hours %2, total %3").arg(toId(p.id)).arg(sum).arg(p.totalUsd)));
            QVERIFY(p.componentUsd(ComponentId::SavingsPlans) > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestPlatformPhases)
#include "tst_platformphases.moc"
