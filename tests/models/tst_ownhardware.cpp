// SPDX-License-Identifier: GPL-3.0-or-later
// Your own hardware (issue 19): custom node types of the price book pack like EC2 types under the EKS
// allocatable rules, cost the user's own figure per node-hour (own_hardware, no EBS, no Spot, no Savings
// Plan), and EKS Anywhere bills no control plane. Every figure below is computed by hand in its comment.
#include <QTemporaryDir>
#include <QtTest>

#include "common/fixtures.h"
#include "models/simulation/nodecapacity.h"
#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "pricing/pricebook.h"

using namespace fleetplan;
using namespace fleetplan::models;

namespace {

/// A catalog with the custom node type "rack-16x64" (16 vCPU, 65,536 MiB, x86_64, no max pods or ENIs given,
/// `usdPerHour`) in a price book of its own.
std::shared_ptr<const pricing::Catalog> catalogWithRack(const QTemporaryDir &dir, double usdPerHour)
{
    const QString path = dir.filePath(QStringLiteral("book-%1.sqlite").arg(usdPerHour));
    pricing::PriceBook book;
    if (!book.open(path))
        return nullptr;
    pricing::CustomNodeType t;
    t.name = QStringLiteral("rack-16x64");
    t.vcpu = 16;
    t.memoryMib = 65536;
    t.usdPerHour = usdPerHour;
    if (!book.setCustomNodeType(t))
        return nullptr;
    return pricing::Catalog::load(QString(), path);
}

Scenario podsOnRack(int pods, bool anywhere)
{
    Scenario sc = test::scenarioWith({ test::service(QStringLiteral("api"), 1.0, 2048, pods) }, 730);
    sc.services[0].minReplicas = pods;
    PlatformSettings &eks = sc.platform(PlatformId::EksNodes);
    eks.instanceTypes = { QStringLiteral("rack-16x64") };
    eks.eksAnywhere = anywhere;
    return sc;
}

PlatformResult run(const Scenario &sc, const pricing::Catalog &catalog, PlatformId id = PlatformId::EksNodes)
{
    return simulate(sc, catalog, {}, SimulationOptions { { id }, 0 }).platforms.constFirst();
}

} // namespace

class TestOwnHardware : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void allocatableFollowsTheEksRules();
    void tenPodsOnOneNodeWithEksAnywhere();
    void sixteenPodsNeedTwoNodes();
    void customNodesOnEksNodesStillPayTheControlPlane();
    void cheaperOfCustomAndAwsIsPicked();
    void noSpotNoSavingsPlanOnOwnHardware();
    void eksAnywhereWithoutCustomTypesIsInfeasible();
    void validationAgreesWithTheEngine();
    void eksAnywhereRoundTrips();
};

void TestOwnHardware::allocatableFollowsTheEksRules()
{
    const auto catalog = catalogWithRack(m_dir, 0.5);
    QVERIFY(catalog);
    const pricing::InstanceType *t = catalog->instanceType(QStringLiteral("rack-16x64"));
    QVERIFY(t);
    // awslabs/amazon-eks-ami nodeadm config.go @81fec2e: kube-reserved CPU 6 % of core 1 (60 m) + 1 % of core 2
    // (10 m) + 0.5 % of cores 3–4 (10 m) + 0.25 % of cores 5–16 (30 m) = 110 m → 16,000 − 110 = 15,890 m.
    // Max pods: none given, no ENIs → the kubelet default 110. Memory: 65,536 − ceil(7.5 % × 65,536 = 4,915.2)
    // = 4,916 VM overhead (Karpenter) − (11 × 110 + 255 = 1,465) kube-reserved − 100 eviction = 59,055 MiB.
    const NodeCapacity c = eksAllocatableCapacity(*t, PlatformSettings {});
    QCOMPARE(c.cpu, 15890.0);
    QCOMPARE(c.slotLimit, 110);
    QCOMPARE(c.memoryMib, 59055.0);
    // Prefix delegation is a VPC CNI feature: own hardware keeps its own max pods.
    PlatformSettings prefix;
    prefix.prefixDelegation = true;
    QCOMPARE(eksAllocatableCapacity(*t, prefix).slotLimit, 110);
}

void TestOwnHardware::tenPodsOnOneNodeWithEksAnywhere()
{
    const auto catalog = catalogWithRack(m_dir, 0.5);
    QVERIFY(catalog);
    // 10 pods × 1,000 m / 2,048 MiB + CoreDNS 2 × 100 m / 70 MiB = 10,200 m, 20,620 MiB, 12 pods; with
    // aws-node 25 m + kube-proxy 100 m per node one node holds 15,890 − 125 = 15,765 m, 59,055 MiB, 108 pods:
    // one node every hour. 1 node × 0.50 USD × 730 h = 365.00 USD; EKS Anywhere: no control plane, no EBS.
    const PlatformResult r = run(podsOnRack(10, true), *catalog);
    QVERIFY2(r.feasible(), qPrintable(r.warnings.join(u'\n')));
    QCOMPARE(r.peakNodes, 1);
    COMPARE_USD(r.componentUsd(ComponentId::OwnHardware), 365.0);
    QCOMPARE(r.component(ComponentId::OwnHardware)->quantity, 730.0); // node-hours
    // Explain: the product, and what does not apply to own hardware.
    const QString explanation = r.component(ComponentId::OwnHardware)->explanation;
    QVERIFY2(explanation.contains(QStringLiteral("730 node-hours × 0.5 USD = 365.00 USD (rack-16x64)")),
        qPrintable(explanation));
    QVERIFY2(explanation.contains(QStringLiteral("no EBS volume, no Spot, no Savings Plan or Reserved Instance")),
        qPrintable(explanation));
    QVERIFY(!r.component(ComponentId::ControlPlane));
    QVERIFY(!r.component(ComponentId::Ebs));
    COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), 0.0);
    COMPARE_USD(r.totalUsd, 365.0);
    QString assumptions;
    for (const Assumption &a : r.assumptions)
        assumptions += a.name + u": " + a.value + u'\n';
    QVERIFY2(assumptions.contains(QStringLiteral("no AWS cluster-hour fee")), qPrintable(assumptions));
    QVERIFY2(assumptions.contains(QStringLiteral("Enterprise Subscription")), qPrintable(assumptions));
}

void TestOwnHardware::sixteenPodsNeedTwoNodes()
{
    const auto catalog = catalogWithRack(m_dir, 0.5);
    QVERIFY(catalog);
    // 16 pods of 1 vCPU on 16-vCPU machines: 16,000 + 200 (CoreDNS) = 16,200 m > 15,765 m a node holds after
    // kube-reserved and the DaemonSets, so two nodes: 2 × 0.50 × 730 = 730.00 USD.
    const PlatformResult r = run(podsOnRack(16, true), *catalog);
    QVERIFY(r.feasible());
    QCOMPARE(r.peakNodes, 2);
    COMPARE_USD(r.totalUsd, 730.0);
    QCOMPARE(r.nodeHoursByType.value(QStringLiteral("rack-16x64")), 1460.0);
}

void TestOwnHardware::customNodesOnEksNodesStillPayTheControlPlane()
{
    const auto catalog = catalogWithRack(m_dir, 0.5);
    QVERIFY(catalog);
    // Without EKS Anywhere the cluster is an EKS cluster on AWS (hybrid nodes aside): 0.10 USD per cluster-hour
    // (eks_rates.csv, us-east-1) × 730 h = 73.00 USD beside 365.00 USD of own hardware; still no EBS on the node.
    const PlatformResult r = run(podsOnRack(10, false), *catalog);
    QVERIFY(r.feasible());
    COMPARE_USD(r.componentUsd(ComponentId::ControlPlane), 73.0);
    COMPARE_USD(r.componentUsd(ComponentId::OwnHardware), 365.0);
    COMPARE_USD(r.componentUsd(ComponentId::Ebs), 0.0);
    COMPARE_USD(r.totalUsd, 438.0);
}

void TestOwnHardware::cheaperOfCustomAndAwsIsPicked()
{
    // The same 10 pods may go to rack-16x64 or to m6i.4xlarge (16 vCPU, 65,536 MiB, 0.768 USD/h in us-east-1,
    // ec2_ondemand_prices.csv from Karpenter's pricing table 2026-07-20); one node of either holds them.
    for (const double rackUsd : { 0.5, 1.0 }) {
        const auto catalog = catalogWithRack(m_dir, rackUsd);
        QVERIFY(catalog);
        Scenario sc = podsOnRack(10, false);
        sc.platform(PlatformId::EksNodes).instanceTypes
            = { QStringLiteral("rack-16x64"), QStringLiteral("m6i.4xlarge") };
        const PlatformResult r = run(sc, *catalog);
        QVERIFY(r.feasible());
        QCOMPARE(r.peakNodes, 1);
        if (rackUsd < 0.768) {
            // 0.50 < 0.768 + 20 GB × 0.08 ÷ 730 (EBS): own hardware, 365.00 + 73.00 control plane.
            COMPARE_USD(r.componentUsd(ComponentId::OwnHardware), 365.0);
            COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), 0.0);
            COMPARE_USD(r.totalUsd, 438.0);
        } else {
            // 1.00 > 0.768 + 0.0022: m6i.4xlarge, 0.768 × 730 = 560.64, EBS 20 GB × 0.08 USD per GB-month
            // (ebs_rates.csv) = 1.60, control plane 73.00 → 635.24 USD.
            COMPARE_USD(r.componentUsd(ComponentId::OwnHardware), 0.0);
            COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), 560.64);
            COMPARE_USD(r.componentUsd(ComponentId::Ebs), 1.6);
            COMPARE_USD(r.totalUsd, 635.24);
        }
    }
}

void TestOwnHardware::noSpotNoSavingsPlanOnOwnHardware()
{
    const auto catalog = catalogWithRack(m_dir, 0.5);
    QVERIFY(catalog);
    Scenario sc = podsOnRack(10, true);
    sc.services[0].spotOk = true;
    sc.purchase.spotShare = 0.5;
    sc.purchase.savingsPlanUsdPerHour = 0.1;
    // Spot is EC2 capacity and a Savings Plan covers EC2 and Fargate: neither applies, the total stays 365.00
    // (a plan would have been paid, 0.10 × 730 = 73 USD, covering nothing).
    const PlatformResult r = run(sc, *catalog);
    QVERIFY(r.feasible());
    COMPARE_USD(r.componentUsd(ComponentId::ComputeSpot), 0.0);
    COMPARE_USD(r.componentUsd(ComponentId::SavingsPlans), 0.0);
    COMPARE_USD(r.totalUsd, 365.0);
    QVERIFY2(
        r.warnings.join(u'\n').contains(QStringLiteral("not your own hardware")), qPrintable(r.warnings.join(u'\n')));
}

void TestOwnHardware::eksAnywhereWithoutCustomTypesIsInfeasible()
{
    const auto catalog = catalogWithRack(m_dir, 0.5);
    QVERIFY(catalog);
    Scenario sc = podsOnRack(10, true);
    sc.platform(PlatformId::EksNodes).instanceTypes = { QStringLiteral("m6i.*") };
    const PlatformResult r = run(sc, *catalog);
    QVERIFY(!r.feasible());
    QVERIFY2(r.warnings.join(u'\n').contains(QStringLiteral("names no custom node type")),
        qPrintable(r.warnings.join(u'\n')));
    // A mix: the EC2 types are left out with a warning, the custom type runs the pods.
    sc.platform(PlatformId::EksNodes).instanceTypes = { QStringLiteral("m6i.*"), QStringLiteral("rack-16x64") };
    const PlatformResult mixed = run(sc, *catalog);
    QVERIFY(mixed.feasible());
    COMPARE_USD(mixed.totalUsd, 365.0);
    QVERIFY(mixed.warnings.join(u'\n').contains(QStringLiteral("EC2 instance type(s) of m6i.*, rack-16x64 left out")));
}

void TestOwnHardware::validationAgreesWithTheEngine()
{
    const auto catalog = catalogWithRack(m_dir, 0.5);
    QVERIFY(catalog);
    // Accepted by validate, and the engine prices it.
    QList<Diagnostic> d = validateScenario(podsOnRack(10, true), catalog.get());
    for (const Diagnostic &x : std::as_const(d))
        QVERIFY2(!x.isError(), qPrintable(x.where + u": " + x.message));
    // A custom type the price book does not hold: an error naming it and where custom types come from.
    Scenario unknown = podsOnRack(10, true);
    unknown.platform(PlatformId::EksNodes).instanceTypes = { QStringLiteral("rack-32x128") };
    d = validateScenario(unknown, catalog.get());
    QVERIFY(test::hasErrorAt(d, QStringLiteral("platforms.eks-nodes.instance_types")));
    bool named = false;
    for (const Diagnostic &x : std::as_const(d))
        named = named || x.message.contains(QStringLiteral("\"rack-32x128\"; "))
            || x.message.contains(QStringLiteral("\"rack-32x128\" (not an EC2"));
    QVERIFY(named);
    // EKS Anywhere with only EC2 types: a warning (shown infeasible), and the engine agrees.
    Scenario awsOnly = podsOnRack(10, true);
    awsOnly.platform(PlatformId::EksNodes).instanceTypes = { QStringLiteral("m6i.large") };
    d = validateScenario(awsOnly, catalog.get());
    bool warned = false;
    for (const Diagnostic &x : std::as_const(d))
        warned = warned || (!x.isError() && x.message.contains(QStringLiteral("eks_anywhere is on")));
    QVERIFY(warned);
    QVERIFY(!run(awsOnly, *catalog).feasible());
}

void TestOwnHardware::eksAnywhereRoundTrips()
{
    // JSON: written only when on, so every older file and sample stays byte for byte.
    const Scenario plain = podsOnRack(10, false);
    QVERIFY(!scenarioToJson(plain).contains("eks_anywhere"));
    const Scenario anywhere = podsOnRack(10, true);
    const QByteArray json = scenarioToJson(anywhere);
    QVERIFY(json.contains("\"eks_anywhere\": true"));
    const ScenarioReadResult back = scenarioFromJson(json);
    QVERIFY(back.scenario);
    QCOMPARE(*back.scenario, anywhere);
    QCOMPARE(scenarioToJson(*back.scenario), json);
    // SQLite document: a platform_settings row, read back the same.
    const QString path = m_dir.filePath(QStringLiteral("anywhere.fleetplan"));
    QString error;
    QVERIFY2(writeScenarioDocument(anywhere, path, &error), qPrintable(error));
    const ScenarioReadResult doc = readScenarioDocument(path);
    QVERIFY(doc.scenario);
    QVERIFY(doc.scenario->platform(PlatformId::EksNodes).eksAnywhere);
    QCOMPARE(*doc.scenario, anywhere);
    const QString plainPath = m_dir.filePath(QStringLiteral("plain.fleetplan"));
    QVERIFY(writeScenarioDocument(plain, plainPath, &error));
    QVERIFY(!readScenarioDocument(plainPath).scenario->platform(PlatformId::EksNodes).eksAnywhere);
}

QTEST_GUILESS_MAIN(TestOwnHardware)
#include "tst_ownhardware.moc"
