// SPDX-License-Identifier: GPL-3.0-or-later
// Commitments applied the way the Savings Plans user guide describes ("How Savings Plans apply to your
// AWS usage"): Reserved Instances first, then EC2 Instance Savings Plans, then Compute Savings Plans;
// the usage with the highest saving percentage first; the commitment is paid whether used or not.
// Figures are hand-computed in the comments; a Savings Plan of C USD/h at discount d covers C / (1 − d)
// of On-Demand usage.
#include <QTest>

#include "models/workload/scenariojson.h"
#include "models/simulation/commitmentengine.h"
#include "models/simulation/simulation.h"
#include "pricing/catalog.h"

#include "common/fixtures.h"

using namespace fleetplan;
using namespace fleetplan::models;

class TestCostEngine : public QObject
{
    Q_OBJECT

private slots:
    void applicationOrder()
    {
        // One hour: m6i usage 10 USD, c6i usage 4 USD, Fargate usage 5 USD (On-Demand prices).
        // EC2 Instance SP bound to m6i: 2 USD/h at 30 % → covers 2 / 0.7 = 2.857142… of m6i.
        // Compute SP: 4 USD/h, 20 % off EC2, 10 % off Fargate → highest saving first: EC2 before Fargate
        // (c6i and m6i save the same 20 %: they keep their order, c6i first).
        //   c6i 4 USD costs 3.2 at 0.8 → fully covered; 0.8 USD left covers 0.8 / 0.8 = 1 more of m6i.
        //   Nothing left for Fargate.
        QList<UsageLine> lines { { QStringLiteral("c6i"), pricing::CommitmentScope::Ec2, 4.0, 0 },
            { QString(), pricing::CommitmentScope::Fargate, 5.0, 0 },
            { QStringLiteral("m6i"), pricing::CommitmentScope::Ec2, 10.0, 0 } };
        const QList<Commitment> commitments { { Commitment::Kind::ComputeSavingsPlan, 4.0, QString(), 20.0,
                                                  10.0 }, // listed first, applied last
            { Commitment::Kind::Ec2InstanceSavingsPlan, 2.0, QStringLiteral("m6i"), 30.0, 0.0 } };
        const double used = applyCommitments(lines, commitments);
        COMPARE_USD(used, 6.0);
        COMPARE_USD(lines.at(2).coveredOnDemandUsd, 2.0 / 0.7 + 1.0);
        COMPARE_USD(lines.at(0).coveredOnDemandUsd, 4.0);
        COMPARE_USD(lines.at(1).coveredOnDemandUsd, 0.0);
    }

    void highestSavingFirstAcrossScopes()
    {
        // Compute SP 3 USD/h, 10 % off EC2, 25 % off Fargate: Fargate (higher saving) first.
        // Fargate 2 USD costs 1.5 at SP rates → fully covered; 1.5 USD left covers 1.5 / 0.9 = 1.6667 of EC2.
        QList<UsageLine> lines { { QStringLiteral("m6i"), pricing::CommitmentScope::Ec2, 8.0, 0 },
            { QString(), pricing::CommitmentScope::Fargate, 2.0, 0 } };
        applyCommitments(lines, { { Commitment::Kind::ComputeSavingsPlan, 3.0, QString(), 10.0, 25.0 } });
        COMPARE_USD(lines.at(1).coveredOnDemandUsd, 2.0);
        COMPARE_USD(lines.at(0).coveredOnDemandUsd, 1.5 / 0.9);
    }

    void reservedInstancesBeforeSavingsPlans()
    {
        // RI for m6i (fee 1 USD/h, 40 % off) applies before a Compute SP of 1 USD/h at 20 %:
        // RI covers 1 / 0.6 = 1.6667 of m6i's 2 USD; the SP covers the remaining 0.3333 for 0.2667 USD.
        QList<UsageLine> lines { { QStringLiteral("m6i"), pricing::CommitmentScope::Ec2, 2.0, 0 } };
        const double used = applyCommitments(lines,
            { { Commitment::Kind::ComputeSavingsPlan, 1.0, QString(), 20.0, 0.0 },
                { Commitment::Kind::ReservedInstance, 1.0, QStringLiteral("m6i"), 40.0, 0.0 } });
        COMPARE_USD(lines.at(0).coveredOnDemandUsd, 2.0);
        COMPARE_USD(used, 1.0 + (2.0 - 1.0 / 0.6) * 0.8);
    }

    void unusedCommitmentIsStillPaid_data()
    {
        QTest::addColumn<double>("usage");
        QTest::addColumn<double>("commitment");
        QTest::addColumn<double>("expected");
        QTest::newRow("usage 1, commitment 2 at 25 %: pays 2 (covers up to 2.6667)") << 1.0 << 2.0 << 2.0;
        QTest::newRow("usage 4, commitment 1.5 at 25 %: 1.5 + (4 − 2) = 3.5") << 4.0 << 1.5 << 3.5;
        QTest::newRow("no usage, commitment 1: pays 1") << 0.0 << 1.0 << 1.0;
        QTest::newRow("no commitment: On-Demand 4") << 4.0 << 0.0 << 4.0;
    }
    void unusedCommitmentIsStillPaid()
    {
        QFETCH(double, usage);
        QFETCH(double, commitment);
        QFETCH(double, expected);
        COMPARE_USD(hourCostWithSavingsPlan(usage, commitment, 0.25), expected);
    }

    void recommendation()
    {
        // 12 hours at 10 USD, 12 hours at 2 USD, 30 % off. Committing 1.4 (= 2 × 0.7) costs
        // 24 × 1.4 + 12 × (10 − 2) = 129.6 instead of 144; committing 7 (= 10 × 0.7) costs 168.
        QList<double> curve;
        for (int h = 0; h < 24; ++h)
            curve.append(h < 12 ? 10.0 : 2.0);
        const SavingsPlanRecommendation r = recommendSavingsPlan(curve, 30.0, 5.0);
        QVERIFY(r.applicable);
        COMPARE_USD(r.commitmentUsdPerHour, 1.4);
        COMPARE_USD(r.savingUsd, 14.4);
        COMPARE_USD(r.totalUsdWithCommitment, 129.6 + 5.0);
        // A flat curve is committed in full: 24 × 3 × 0.7 = 50.4 instead of 72.
        const SavingsPlanRecommendation flat = recommendSavingsPlan(QList<double>(24, 3.0), 30.0, 0.0);
        COMPARE_USD(flat.commitmentUsdPerHour, 2.1);
        COMPARE_USD(flat.savingUsd, 72.0 - 50.4);
        QVERIFY(!recommendSavingsPlan(QList<double>(24, 0.0), 30.0, 0.0).applicable);
    }

    void recommendedCommitmentReproducesItsTotal_data()
    {
        QTest::addColumn<bool>("networkAndRegistry");
        QTest::newRow("compute only") << false;
        // The network and registry bill is no compute a Savings Plan covers; it stays in the promised total.
        QTest::newRow("with the registry and network bill") << true;
    }

    void recommendedCommitmentReproducesItsTotal()
    {
        // Buying the recommended commitment in the simulation gives the total the recommendation promised.
        QFETCH(bool, networkAndRegistry);
        const auto catalog = pricing::Catalog::bundled();
        Scenario sc = bundledSampleScenario();
        sc.periodHours = 72;
        if (networkAndRegistry) {
            sc.registry.enabled = true;
            sc.network.enabled = true;
            sc.network.loadBalancer = LoadBalancerKind::Alb;
            sc.network.logGbPerTaskHour = 0.002;
        }
        const CostReport base = simulate(sc, *catalog);
        for (const PlatformResult &p : base.platforms) {
            if (!p.savingsPlan.applicable || p.id == PlatformId::EcsFargateSpot)
                continue;
            QCOMPARE_LT(p.savingsPlan.totalUsdWithCommitment, p.totalUsd);
            QCOMPARE(p.networkAndRegistryUsd() > 1.0, networkAndRegistry);
            WhatIf whatIf;
            whatIf.savingsPlanUsdPerHour = p.savingsPlan.commitmentUsdPerHour;
            SimulationOptions only;
            only.platforms = { p.id }; // the same (refined) packing as the base run
            const CostReport withPlan = simulate(sc, *catalog, whatIf, only);
            const PlatformResult &q = withPlan.platforms.constFirst();
            QVERIFY2(std::abs(q.totalUsd - p.savingsPlan.totalUsdWithCommitment) < 1e-6,
                qPrintable(QStringLiteral("%1: %2 vs %3")
                               .arg(toId(p.id))
                               .arg(q.totalUsd, 0, 'f', 6)
                               .arg(p.savingsPlan.totalUsdWithCommitment, 0, 'f', 6)));
            COMPARE_USD(q.componentUsd(ComponentId::SavingsPlans), 72 * p.savingsPlan.commitmentUsdPerHour);
        }
    }
};

QTEST_GUILESS_MAIN(TestCostEngine)
#include "tst_costengine.moc"
