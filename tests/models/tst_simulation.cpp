// SPDX-License-Identifier: GPL-3.0-or-later
// simulate() on the bundled sample (resources/samples/online-shop.json) and its JSON form
// (docs/compare-json.md): every platform priced, totals add up, per-hour series add up to the totals,
// what-ifs move the figures the way a user expects.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "models/workload/scenariojson.h"
#include "models/simulation/costreportjson.h"
#include "models/simulation/simulation.h"
#include "pricing/catalog.h"

using namespace fleetplan;
using namespace fleetplan::models;

class TestSimulation : public QObject
{
    Q_OBJECT

private:
    const CostReport &sample()
    {
        if (m_sample.platforms.isEmpty())
            m_sample = simulate(bundledSampleScenario(), *pricing::Catalog::bundled());
        return m_sample;
    }
    CostReport m_sample;

private slots:
    void platformsInParallelGiveTheSameReportByteForByte()
    {
        // The five platforms run concurrently by default; one after the other must give the same JSON.
        SimulationOptions sequential;
        sequential.threads = 1;
        const QByteArray one
            = costReportToJson(simulate(bundledSampleScenario(), *pricing::Catalog::bundled(), {}, sequential));
        QCOMPARE(costReportToJson(sample()), one);
        // Again with several threads and another what-if (Spot, a smaller target), twice.
        WhatIf w;
        w.spotShare = 0.5;
        w.targetUtilizationPercent = 70;
        const QByteArray seq
            = costReportToJson(simulate(bundledSampleScenario(), *pricing::Catalog::bundled(), w, sequential));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(costReportToJson(simulate(bundledSampleScenario(), *pricing::Catalog::bundled(), w)), seq);
    }

    void theQuickEstimatePacksAsTheConstructivePassWithoutABound()
    {
        // The GUI's first pass (fastSimulation()) skips the lower bound: same fleets and totals as the
        // constructive packing with its bound, and the gap left unknown (0) until the refined pass brings it.
        const models::Scenario sc = bundledSampleScenario();
        const CostReport quick = simulate(sc, *pricing::Catalog::bundled(), {}, fastSimulation());
        SimulationOptions bounded = fastSimulation();
        bounded.lowerBounds = true;
        const CostReport withBound = simulate(sc, *pricing::Catalog::bundled(), {}, bounded);
        QCOMPARE(quick.platforms.size(), withBound.platforms.size());
        int ec2 = 0;
        for (qsizetype i = 0; i < quick.platforms.size(); ++i) {
            const PlatformResult &a = quick.platforms.at(i);
            const PlatformResult &b = withBound.platforms.at(i);
            QCOMPARE(a.totalUsd, b.totalUsd);
            QCOMPARE(a.series.nodes, b.series.nodes);
            QCOMPARE(a.lowerBoundUsd, 0.0);
            if (a.id == PlatformId::EcsEc2 || a.id == PlatformId::EksNodes) {
                ++ec2;
                QVERIFY2(b.lowerBoundUsd > 0.0, qPrintable(toId(b.id)));
            }
        }
        QCOMPARE(ec2, 2);
    }

    void samplePricesAllFivePlatforms()
    {
        const CostReport &r = sample();
        QCOMPARE(r.scenarioName, QStringLiteral("Sample: online shop"));
        QCOMPARE(r.region, QStringLiteral("us-east-1"));
        QCOMPARE(r.hours, 730);
        QVERIFY(!r.catalogAsOf.isEmpty());
        QCOMPARE(r.platforms.size(), 5);
        for (int i = 0; i < 5; ++i) {
            const PlatformResult &p = r.platforms.at(i);
            QCOMPARE(p.id, AllPlatforms[std::size_t(i)]);
            QCOMPARE_GT(p.totalUsd, 0.0);
            QVERIFY2(!p.components.isEmpty(), qPrintable(toId(p.id)));
            QVERIFY(!p.assumptions.isEmpty());
        }
        // EC2 platforms have node-hours; control plane only on EKS.
        QVERIFY(!r.platform(PlatformId::EcsEc2)->nodeHoursByType.isEmpty());
        QVERIFY(!r.platform(PlatformId::EksNodes)->nodeHoursByType.isEmpty());
        QVERIFY(!r.platform(PlatformId::EcsEc2)->component(ComponentId::ControlPlane));
        QVERIFY(r.platform(PlatformId::EksNodes)->component(ComponentId::ControlPlane));
        QVERIFY(r.platform(PlatformId::EksFargate)->component(ComponentId::ControlPlane));
        // The sample's Spot-tolerant services go partly to FARGATE_SPOT (base 2, weights 1:3).
        QCOMPARE_GT(r.platform(PlatformId::EcsFargateSpot)->componentUsd(ComponentId::FargateSpotVcpu), 0.0);
        QCOMPARE_LT(r.platform(PlatformId::EcsFargateSpot)->totalUsd, r.platform(PlatformId::EcsFargate)->totalUsd);
    }

    void totalsAddUp()
    {
        for (const PlatformResult &p : sample().platforms) {
            double sum = 0;
            for (const CostComponent &c : p.components) {
                sum += c.usd;
                QVERIFY2(!c.explanation.isEmpty(), qPrintable(toId(p.id) + u' ' + toId(c.id)));
            }
            QVERIFY2(std::abs(sum - p.totalUsd) < 1e-9, qPrintable(toId(p.id)));
            double hourly = 0;
            for (double v : p.series.costUsd)
                hourly += v;
            QVERIFY2(std::abs(hourly - p.totalUsd) < 1e-6,
                qPrintable(QStringLiteral("%1: series %2, total %3")
                               .arg(toId(p.id))
                               .arg(hourly, 0, 'f', 6)
                               .arg(p.totalUsd, 0, 'f', 6)));
            QCOMPARE(p.series.costUsd.size(), 730);
            QCOMPARE(p.fleetStateOfHour.size(), 730);
            QVERIFY(p.utilisation.cpu > 0 && p.utilisation.cpu <= 1.0);
            QVERIFY(p.utilisation.memory > 0 && p.utilisation.memory <= 1.0);
            QVERIFY(p.idleCostUsd >= 0 && p.idleCostUsd < p.totalUsd);
        }
    }

    void fargateRoundingWarning()
    {
        const PlatformResult *p = sample().platform(PlatformId::EksFargate);
        QVERIFY(p->warnings.contains(QStringLiteral("api-gateway: 1 vCPU / 2048 MiB pod becomes 2 vCPU / 4096 MiB on "
                                                    "EKS Fargate (+256 MiB for kubelet, kube-proxy "
                                                    "and containerd, rounded up to a valid size)")));
    }

    void whatIfLoadRaisesEveryPlatform()
    {
        WhatIf more;
        more.loadMultiplier = 1.5;
        const CostReport busier = simulate(bundledSampleScenario(), *pricing::Catalog::bundled(), more);
        for (const PlatformResult &p : busier.platforms)
            QCOMPARE_GT(p.totalUsd, sample().platform(p.id)->totalUsd);
    }

    void whatIfSpotShareCutsEc2Cost()
    {
        WhatIf spot;
        spot.spotShare = 1.0;
        const CostReport r = simulate(bundledSampleScenario(), *pricing::Catalog::bundled(), spot,
            SimulationOptions { { PlatformId::EcsEc2, PlatformId::EksNodes }, 0 });
        QCOMPARE(r.platforms.size(), 2);
        for (const PlatformResult &p : r.platforms) {
            QCOMPARE_GT(p.componentUsd(ComponentId::ComputeSpot), 0.0);
            QCOMPARE_LT(p.componentUsd(ComponentId::ComputeOnDemand),
                sample().platform(p.id)->componentUsd(ComponentId::ComputeOnDemand));
        }
    }

    void deterministic()
    {
        const CostReport again = simulate(bundledSampleScenario(), *pricing::Catalog::bundled());
        QCOMPARE(costReportToJson(again), costReportToJson(sample()));
    }

    void unknownRegionIsReportedPerPlatform()
    {
        WhatIf w;
        w.region = QStringLiteral("us-est-1");
        const CostReport r = simulate(bundledSampleScenario(), *pricing::Catalog::bundled(), w);
        QCOMPARE(r.platforms.size(), 5);
        QVERIFY2(r.platforms.at(0).warnings.join(u'\n').contains(QStringLiteral("us-est-1")),
            qPrintable(r.platforms.at(0).warnings.join(u'\n')));
        // Nothing could be priced: every platform is infeasible, none is "cheapest" at 0 USD.
        for (const PlatformResult &p : r.platforms) {
            QVERIFY(!p.feasible());
            QVERIFY2(p.infeasibleSummary().contains(QStringLiteral("us-est-1")), qPrintable(p.infeasibleSummary()));
        }
        QCOMPARE(r.cheapestPlatform(), nullptr);
        const QJsonObject o = QJsonDocument::fromJson(costReportToJson(r)).object();
        QVERIFY(o.value(u"cheapest").isNull());
        const QJsonObject first = o.value(u"platforms").toArray().at(0).toObject();
        QCOMPARE(first.value(u"feasible").toBool(true), false);
        QVERIFY(first.value(u"total_usd").isNull());
        QVERIFY(
            first.value(u"infeasible").toArray().at(0).toObject().value(u"reason").toString().contains(u"us-est-1"));
    }

    void taskTooLargeForFargateMakesOnlyFargateInfeasible()
    {
        // A 32 vCPU / 200 GiB task: no Fargate size holds it (largest 16 vCPU / 120 GB, AWS Fargate task
        // sizes, resources/catalog/fargate_task_sizes.csv), while the EC2 platforms can place it on a large
        // type. Before, the Fargate platforms priced the other services and showed the partial sum, which
        // could come out cheapest.
        Scenario sc = bundledSampleScenario();
        Service big = sc.services.constFirst();
        big.name = QStringLiteral("giant");
        big.kind = ServiceKind::Service;
        big.cpu = 32;
        big.memoryMib = 200 * 1024;
        big.replicas = big.minReplicas = big.maxReplicas = 1;
        big.containers.clear();
        big.loadProfile.clear();
        sc.services.append(big);
        const CostReport r = simulate(sc, *pricing::Catalog::bundled());
        for (const PlatformResult &p : r.platforms) {
            const bool fargate = p.id == PlatformId::EcsFargate || p.id == PlatformId::EcsFargateSpot
                || p.id == PlatformId::EksFargate;
            QVERIFY2(p.feasible() == !fargate, qPrintable(toId(p.id) + u' ' + p.infeasibleSummary()));
            if (fargate) {
                QCOMPARE(p.infeasible.constFirst().service, QStringLiteral("giant"));
            }
        }
        const PlatformResult *best = r.cheapestPlatform();
        QVERIFY(best);
        QVERIFY(best->id == PlatformId::EcsEc2 || best->id == PlatformId::EksNodes);
    }

    void cheapestIgnoresInfeasibleAndBreaksTiesByPlatformOrder()
    {
        CostReport r;
        r.hours = 730;
        PlatformResult a;
        a.id = PlatformId::EcsEc2;
        a.totalUsd = 100;
        PlatformResult b;
        b.id = PlatformId::EcsFargate;
        b.totalUsd = 10;
        b.markInfeasible(QStringLiteral("api"), QStringLiteral("no Fargate size"));
        b.markInfeasible(QStringLiteral("api"), QStringLiteral("no Fargate size")); // recorded once
        PlatformResult c;
        c.id = PlatformId::EksNodes;
        c.totalUsd = 100;
        r.platforms = { c, b, a }; // out of order on purpose
        QCOMPARE(b.infeasible.size(), 1);
        QVERIFY(r.cheapestPlatform());
        QCOMPARE(r.cheapestPlatform()->id, PlatformId::EcsEc2); // tie 100 = 100: first in PlatformId order
        QCOMPARE(r.periodUnit(), QStringLiteral("month"));
        QCOMPARE(r.perPeriod(), QStringLiteral("per month"));
        QCOMPARE(r.periodLabel(), QStringLiteral("1 month (730 hours)"));
        r.hours = 48;
        QCOMPARE(r.periodUnit(), QStringLiteral("48 hours"));
        QCOMPARE(r.periodLabel(), QStringLiteral("2 days (48 hours)"));
    }

    void jsonShape()
    {
        const QJsonObject o = QJsonDocument::fromJson(costReportToJson(sample())).object();
        QCOMPARE(o.value(u"scenario").toString(), QStringLiteral("Sample: online shop"));
        QCOMPARE(o.value(u"region").toString(), QStringLiteral("us-east-1"));
        QCOMPARE(o.value(u"hours").toInt(), 730);
        const QJsonArray platforms = o.value(u"platforms").toArray();
        QCOMPARE(platforms.size(), 5);
        QStringList ids;
        for (const QJsonValue &v : platforms) {
            const QJsonObject p = v.toObject();
            ids.append(p.value(u"id").toString());
            for (const char *key :
                { "total_usd", "components", "node_hours", "peak_nodes", "warnings", "utilisation", "idle_cost_usd" })
                QVERIFY2(p.contains(QLatin1String(key)), key);
            const QJsonObject components = p.value(u"components").toObject();
            double sum = 0;
            for (auto it = components.begin(); it != components.end(); ++it) {
                QVERIFY(componentFromId(it.key()).has_value());
                sum += it.value().toObject().value(u"usd").toDouble();
            }
            QVERIFY(std::abs(sum - p.value(u"total_usd").toDouble()) < 1e-9);
        }
        QCOMPARE(ids,
            (QStringList { QStringLiteral("ecs-ec2"), QStringLiteral("ecs-fargate"), QStringLiteral("ecs-fargate-spot"),
                QStringLiteral("eks-nodes"), QStringLiteral("eks-fargate") }));
        const QJsonObject eks = platforms.at(3).toObject();
        QCOMPARE(eks.value(u"components").toObject().value(u"control_plane").toObject().value(u"usd").toDouble(), 73.0);
        // Series only on request.
        QVERIFY(!eks.contains(u"hourly"));
        CostReportJsonOptions withSeries;
        withSeries.includeSeries = true;
        const QJsonObject full = QJsonDocument::fromJson(costReportToJson(sample(), withSeries)).object();
        QCOMPARE(full.value(u"platforms")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"hourly")
                     .toObject()
                     .value(u"cost_usd")
                     .toArray()
                     .size(),
            730);
    }
};

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
