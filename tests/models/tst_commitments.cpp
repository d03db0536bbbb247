// SPDX-License-Identifier: GPL-3.0-or-later
// Commitments as AWS applies them (issue 14): Reserved Instances, then EC2 Instance Savings Plans, then
// Compute Savings Plans, the highest saving percentage first (equal percentages: the lower Savings Plans
// rate first), use it or lose it each hour; commitments already held are paid on every platform.
//
// The worked example is the AWS Savings Plans user guide, "Understanding how Savings Plans apply to your AWS
// usage" (docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html, the version with this rate
// table; rates "illustrative only"):
//
//   usage in one hour            On-Demand   Compute SP rate (saving)   EC2 Instance SP rate (saving)
//   1 × c5.9xlarge Linux         4.00        2.00 (50 %)                1.00 (75 %)
//   1 × c5.24xlarge Windows      10.00       8.00 (20 %)                6.00 (40 %)
//   Fargate, 10 vCPU             1.50/vCPU   1.00 (33.3 %)              —
//   Fargate, 5 GB                2.00/GB     1.00 (50 %)                —
//
// On-Demand total: 4 + 10 + 10 × 1.50 + 5 × 2.00 = 39.00 USD; at Compute SP rates: 2 + 8 + 10 + 5 = 25.00.
// Scenario 1 is the guide's own ("a Compute Savings Plan with a $25.00/hour commitment ... all of your usage
// will be covered"); scenarios 2–5 apply the guide's stated rules to the same rates (the rest of its text
// was not retrieved), with the arithmetic in each row.
#include <QTemporaryDir>
#include <QTest>

#include "models/simulation/commitmentengine.h"
#include "models/simulation/costengine.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "pricing/catalog.h"
#include "pricing/pricebook.h"
#include "pricing/pricelistimporter.h"

#include "common/fixtures.h"

using namespace fleetplan;
using namespace fleetplan::models;
using namespace Qt::StringLiterals;

namespace {

/// The guide's four usage lines, each with its own Compute / EC2 Instance saving and unit price.
QList<UsageLine> guideUsage()
{
    UsageLine linux;
    linux.family = u"c5"_s;
    linux.onDemandUsd = 4.00;
    linux.computeDiscountPercent = 50.0;
    linux.ec2InstanceDiscountPercent = 75.0;
    linux.unitOnDemandUsd = 4.00;
    UsageLine windows = linux;
    windows.onDemandUsd = 10.00;
    windows.computeDiscountPercent = 20.0;
    windows.ec2InstanceDiscountPercent = 40.0;
    windows.unitOnDemandUsd = 10.00;
    UsageLine vcpu;
    vcpu.scope = pricing::CommitmentScope::Fargate;
    vcpu.onDemandUsd = 10 * 1.50;
    vcpu.computeDiscountPercent = 100.0 / 3.0; // 1.00 of 1.50
    vcpu.unitOnDemandUsd = 1.50;
    UsageLine gb = vcpu;
    gb.onDemandUsd = 5 * 2.00;
    gb.computeDiscountPercent = 50.0;
    gb.unitOnDemandUsd = 2.00;
    return { linux, windows, vcpu, gb };
}

double openOnDemand(const QList<UsageLine> &lines)
{
    double open = 0;
    for (const UsageLine &l : lines)
        open += l.onDemandUsd - l.coveredOnDemandUsd;
    return open;
}

using fleetplan::test::service;

Scenario scenario(const QList<Service> &services, const QStringList &types, int hours)
{
    Scenario sc;
    sc.name = u"commitments"_s;
    sc.periodHours = hours;
    sc.services = services;
    for (PlatformId id : AllPlatforms) {
        sc.platform(id).instanceTypes = types;
        sc.platform(id).mixedInstances = false;
    }
    return sc;
}

PlatformResult run(const Scenario &sc, PlatformId id)
{
    return fleetplan::test::runPlatform(sc, id);
}

} // namespace

class TestCommitments : public QObject
{
    Q_OBJECT

private slots:
    void awsGuideExample_data()
    {
        QTest::addColumn<double>("riCoversLinuxUsd"); // On-Demand USD of the c5.9xlarge an RI covers (0 = none)
        QTest::addColumn<double>("riFeeUsd");
        QTest::addColumn<double>("ec2InstanceSpUsd"); // c5 family
        QTest::addColumn<double>("computeSpUsd");
        QTest::addColumn<double>("expectedHourUsd");

        QTest::newRow("sp-applying scenario 1 (AWS): Compute SP 25.00 covers all: pay 25.00")
            << 0.0 << 0.0 << 0.0 << 25.0 << 25.0;
        // Compute SP 10.00: GB 50 % (SP rate 1.00) before c5.9xlarge 50 % (SP rate 2.00), the lower rate first:
        // GB 5 × 1.00 = 5.00 (5.00 left); c5.9xlarge 2.00 (3.00 left); vCPU 33.3 %: 3 vCPU × 1.00 (0 left).
        // On-Demand: 7 vCPU × 1.50 = 10.50 + c5.24xlarge 10.00. 10 + 10.50 + 10.00 = 30.50.
        QTest::newRow("sp-applying rates, scenario 2: Compute SP 10.00, equal savings -> lower rate first: 30.50")
            << 0.0 << 0.0 << 0.0 << 10.0 << 30.50;
        // EC2 Instance SP (c5) 3.00 first: c5.9xlarge 75 % at 1.00 (2.00 left); c5.24xlarge 40 %: 2.00 of its
        // 6.00 covers 10 × 2/6 = 3.3333 On-Demand. Then Compute SP 10.00: GB 5.00 (5.00 left); vCPU 33.3 %:
        // 5 vCPU × 1.00 (0 left); c5.24xlarge open 6.6667. 3 + 10 + 6.6667 + 5 × 1.50 = 27.1667.
        QTest::newRow("sp-applying rates, scenario 3: EC2 Instance SP c5 3.00 before Compute SP 10.00: 27.1667")
            << 0.0 << 0.0 << 3.0 << 10.0 << 3.0 + 10.0 + 10.0 * 4.0 / 6.0 + 7.5;
        // An RI for the c5.9xlarge applies before any Savings Plan (fee 1.50 assumed for the example): Compute SP
        // 10.00: GB 5.00 (5.00 left); vCPU 5 × 1.00 (0 left). 1.50 + 10 + 5 × 1.50 + 10.00 = 29.00.
        QTest::newRow("sp-applying rates, scenario 4: RI first, then Compute SP 10.00: 29.00")
            << 4.0 << 1.5 << 0.0 << 10.0 << 29.0;
        // Compute SP 30.00 against 25.00 of usage at SP rates: all covered, the 5.00 left is lost: pay 30.00.
        QTest::newRow("sp-applying rates, scenario 5: Compute SP 30.00 > usage, unused commitment lost: 30.00")
            << 0.0 << 0.0 << 0.0 << 30.0 << 30.0;
    }
    void awsGuideExample()
    {
        QFETCH(double, riCoversLinuxUsd);
        QFETCH(double, riFeeUsd);
        QFETCH(double, ec2InstanceSpUsd);
        QFETCH(double, computeSpUsd);
        QFETCH(double, expectedHourUsd);
        QList<UsageLine> lines = guideUsage();
        lines[0].onDemandUsd -= riCoversLinuxUsd; // what the RI covers is gone before the Savings Plans
        QList<Commitment> commitments;
        // Listed Compute first: the engine must still apply the EC2 Instance SP before it.
        if (computeSpUsd > 0)
            commitments.append(Commitment { Commitment::Kind::ComputeSavingsPlan, computeSpUsd, QString(), 0, 0 });
        if (ec2InstanceSpUsd > 0)
            commitments.append(
                Commitment { Commitment::Kind::Ec2InstanceSavingsPlan, ec2InstanceSpUsd, u"c5"_s, 0, 0 });
        applyCommitments(lines, commitments);
        double fees = riFeeUsd;
        for (const Commitment &c : commitments)
            fees += c.usdPerHour;
        COMPARE_USD(fees + openOnDemand(lines), expectedHourUsd);
    }

    void useItOrLoseItEachHour()
    {
        // sp-applying: a Compute SP of 25.00 over two hours, the second without usage: 25.00 is paid in each
        // hour; hour 1's usage is covered, nothing carries over to hour 2 (and hour 2 has nothing to cover).
        double paid = 0;
        for (int hour = 0; hour < 2; ++hour) {
            QList<UsageLine> lines = hour == 0 ? guideUsage() : QList<UsageLine> {};
            const Commitment sp { Commitment::Kind::ComputeSavingsPlan, 25.0, QString(), 0, 0 };
            applyCommitments(lines, { sp });
            paid += sp.usdPerHour + openOnDemand(lines);
        }
        COMPARE_USD(paid, 50.0);
    }

    void normalizationFactors_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<double>("factor");
        // EC2 user guide, "Reserved Instances: instance size flexibility", normalization factor table.
        QTest::newRow("ri-size-flexibility: nano 0.25") << u"t3.nano"_s << 0.25;
        QTest::newRow("ri-size-flexibility: medium 2") << u"t3.medium"_s << 2.0;
        QTest::newRow("ri-size-flexibility: large 4") << u"m6i.large"_s << 4.0;
        QTest::newRow("ri-size-flexibility: xlarge 8") << u"m6i.xlarge"_s << 8.0;
        QTest::newRow("ri-size-flexibility: 24xlarge 192") << u"m6i.24xlarge"_s << 192.0;
        QTest::newRow("metal: no factor (exact type only)") << u"m6i.metal"_s << -1.0;
    }
    void normalizationFactors()
    {
        QFETCH(QString, type);
        QFETCH(double, factor);
        QCOMPARE(normalizationFactor(type).value_or(-1.0), factor);
    }

    void reservedInstancesAreSizeFlexible()
    {
        // One m6i.xlarge RI (8 units) covers two m6i.large (4 units each) — or one m6i.large and half an
        // m6i.xlarge: smallest sizes first (EC2 user guide, "How Reserved Instances are applied").
        QList<InstanceUsage> usage { { u"m6i.xlarge"_s, u"m6i"_s, 1, 0.192, 0 },
            { u"m6i.large"_s, u"m6i"_s, 1, 0.096, 0 } };
        const double covered
            = applyReservedInstances(usage, { ReservationCover { u"m6i.xlarge"_s, u"m6i"_s, 1, true } });
        COMPARE_USD(usage.at(1).coveredInstances, 1.0); // the m6i.large first (4 units)
        COMPARE_USD(usage.at(0).coveredInstances, 0.5); // the other 4 units: half of the m6i.xlarge
        COMPARE_USD(covered, 0.096 + 0.096);
        // Another family or the exact-type rule (no size flexibility): nothing / only that type.
        QList<InstanceUsage> other { { u"c6i.large"_s, u"c6i"_s, 2, 0.085, 0 } };
        COMPARE_USD(applyReservedInstances(other, { ReservationCover { u"m6i.large"_s, u"m6i"_s, 2, true } }), 0.0);
        QList<InstanceUsage> exact { { u"m6i.large"_s, u"m6i"_s, 2, 0.096, 0 } };
        COMPARE_USD(applyReservedInstances(exact, { ReservationCover { u"m6i.xlarge"_s, u"m6i"_s, 1, false } }), 0.0);
    }

    void catalogRiRates_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("term");
        QTest::addColumn<int>("payment");
        QTest::addColumn<int>("plan");
        QTest::addColumn<double>("percent");
        using P = pricing::CommitmentPlan;
        using O = pricing::PaymentOption;
        // commitment_discounts.csv: AWS RI feed (No Upfront) via yeo/ec2.shop @73696e3, 2025-04-05, every
        // family in every region it has (scripts/catalog/ri_rates_from_ec2shop.py); Vantage All Upfront for
        // m5/m6i/c6i/r6i/m7g. Percent = 1 − RI hourly ÷ On-Demand hourly of the same feed entry, by hand.
        QTest::newRow("yeo/ec2.shop RI feed: m6i.large us-east-1 Standard 1yr No Upfront 0.0635 vs 0.096 = 33.9 %")
            << u"us-east-1"_s << u"m6i"_s << 1 << int(O::NoUpfront) << int(P::StandardReservedInstance) << 33.9;
        QTest::newRow("yeo/ec2.shop RI feed: m6i.large us-east-1 Convertible 3yr No Upfront 49.3 %")
            << u"us-east-1"_s << u"m6i"_s << 3 << int(O::NoUpfront) << int(P::ConvertibleReservedInstance) << 49.3;
        QTest::newRow("vantage: m6i.large us-east-1 Standard 3yr All Upfront 0.0379 vs 0.096 = 60.5 %")
            << u"us-east-1"_s << u"m6i"_s << 3 << int(O::AllUpfront) << int(P::StandardReservedInstance) << 60.5;
        QTest::newRow("yeo/ec2.shop RI feed: c5.large us-east-1 Standard 1yr No Upfront 0.054 vs 0.085 = 36.5 %")
            << u"us-east-1"_s << u"c5"_s << 1 << int(O::NoUpfront) << int(P::StandardReservedInstance) << 36.5;
        QTest::newRow("yeo/ec2.shop RI feed: t3.large us-east-1 Convertible 3yr No Upfront 0.0413 vs 0.0832 = 50.4 %")
            << u"us-east-1"_s << u"t3"_s << 3 << int(O::NoUpfront) << int(P::ConvertibleReservedInstance) << 50.4;
        QTest::newRow("yeo/ec2.shop RI feed: c5.large af-south-1 Standard 1yr No Upfront 0.072 vs 0.114 = 36.8 %")
            << u"af-south-1"_s << u"c5"_s << 1 << int(O::NoUpfront) << int(P::StandardReservedInstance) << 36.8;
        QTest::newRow("yeo/ec2.shop RI feed: c7g.large us-east-1 Standard 3yr No Upfront 0.0319 vs 0.0725 = 56.0 %")
            << u"us-east-1"_s << u"c7g"_s << 3 << int(O::NoUpfront) << int(P::StandardReservedInstance) << 56.0;
    }
    void catalogRiRates()
    {
        QFETCH(QString, region);
        QFETCH(QString, family);
        QFETCH(int, term);
        QFETCH(int, payment);
        QFETCH(int, plan);
        QFETCH(double, percent);
        const auto rate = pricing::Catalog::bundled()->reservedInstanceRate(
            region, family, term, pricing::PaymentOption(payment), pricing::CommitmentPlan(plan));
        QVERIFY(rate.has_value());
        QCOMPARE(rate->discountPercent, percent);
        QVERIFY(!rate->source.isEmpty());
        QVERIFY(!rate->asOf.isEmpty());
        // Neither feed has Partial Upfront: the caller falls back to the flat assumption (estimated).
        QVERIFY(!pricing::Catalog::bundled()->reservedInstanceRate(
            region, family, term, pricing::PaymentOption::PartialUpfront, pricing::CommitmentPlan(plan)));
    }

    void heldRiCoversTheFleetAndIsPaidEverywhere()
    {
        // 2 tasks of 1.5 vCPU on m6i.large (2048 CPU units: one task each) = 2 m6i.large for 730 h in us-east-1.
        Scenario sc = scenario({ service(u"api"_s, 1.5, 1024, 2) }, { u"m6i.large"_s }, 730);
        // One m6i.xlarge Standard RI, 1yr No Upfront: m6i family rate 33.9 % (commitment_discounts.csv), fee
        // 0.192 × (1 − 0.339) = 0.126912 USD/h; 8 units cover both m6i.large (4 + 4).
        sc.commitments.reservedInstances.append(
            ReservedInstanceHolding { u"m6i.xlarge"_s, QString(), 1, 1, u"No Upfront"_s, OfferingClass::Standard });
        const PlatformResult ec2 = run(sc, PlatformId::EcsEc2);
        QVERIFY2(ec2.feasible(), qPrintable(ec2.infeasibleSummary()));
        QCOMPARE(ec2.nodeHoursByType.value(u"m6i.large"_s), 2 * 730.0);
        COMPARE_USD(ec2.componentUsd(ComponentId::ComputeOnDemand), 0.0);
        COMPARE_USD(ec2.componentUsd(ComponentId::ExistingCommitments), 0.192 * (1 - 0.339) * 730);
        // On ECS Fargate nothing is covered, but the RI is still owed.
        const PlatformResult fargate = run(sc, PlatformId::EcsFargate);
        COMPARE_USD(fargate.componentUsd(ComponentId::ExistingCommitments), 0.192 * (1 - 0.339) * 730);
        Scenario none = sc;
        none.commitments = {};
        const PlatformResult bare = run(none, PlatformId::EcsFargate);
        COMPARE_USD(fargate.componentUsd(ComponentId::FargateVcpu), bare.componentUsd(ComponentId::FargateVcpu));
        COMPARE_USD(fargate.totalUsd, bare.totalUsd + 0.192 * (1 - 0.339) * 730);
    }

    void ec2InstanceSavingsPlanIsPaidOnFargateToo()
    {
        // One 1 vCPU / 2 GB task for 730 h in us-east-1, and an EC2 Instance SP for m6i of 0.05 USD/h
        // (1yr No Upfront, flat assumption 33.8 % — estimated).
        Scenario sc = scenario({ service(u"api"_s, 1.0, 2048, 1) }, { u"m6i.large"_s }, 730);
        sc.commitments.savingsPlans.append(
            SavingsPlanHolding { SavingsPlanType::Ec2Instance, u"m6i"_s, QString(), 0.05, 1, u"No Upfront"_s });
        Scenario none = sc;
        none.commitments = {};
        for (PlatformId id : { PlatformId::EcsFargate, PlatformId::EcsFargateSpot, PlatformId::EksFargate }) {
            const PlatformResult r = run(sc, id);
            const PlatformResult bare = run(none, id);
            // ECS Fargate: 730 × (0.04048 + 2 × 0.004445) = 36.0401 uncovered, + 730 × 0.05 = 36.50 owed.
            COMPARE_USD(r.componentUsd(ComponentId::ExistingCommitments), 730 * 0.05);
            COMPARE_USD(r.totalUsd, bare.totalUsd + 730 * 0.05);
        }
        COMPARE_USD(run(none, PlatformId::EcsFargate).totalUsd, 730 * (0.04048 + 2 * 0.004445));
        // ECS on EC2: one m6i.large; the plan covers 0.05 ÷ (1 − 0.338) of its 0.096 USD/h.
        const PlatformResult ec2 = run(sc, PlatformId::EcsEc2);
        COMPARE_USD(ec2.componentUsd(ComponentId::ComputeOnDemand), 730 * (0.096 - 0.05 / (1 - 0.338)));
        COMPARE_USD(ec2.componentUsd(ComponentId::ExistingCommitments), 730 * 0.05);
        bool estimated = false;
        for (const Assumption &a : ec2.assumptions)
            estimated
                = estimated || (a.name.contains(u"EC2 Instance Savings Plan"_s) && a.value.contains(u"estimated"_s));
        QVERIFY(estimated);
    }

    void commitmentsOfAnotherRegionArePaidButCoverNothing()
    {
        // An RI and an EC2 Instance SP bought for us-west-2 cover no usage of a us-east-1 fleet (regional RI,
        // EC2 Instance SP "in a chosen region"), but are owed: RI 0.096 × (1 − 0.339) (m6i us-west-2 1-year
        // No Upfront Standard, commitment_discounts.csv) + 0.05 USD/h.
        Scenario sc = scenario({ service(u"api"_s, 1.0, 2048, 1) }, { u"m6i.large"_s }, 730);
        sc.commitments.reservedInstances.append(
            ReservedInstanceHolding { u"m6i.large"_s, u"us-west-2"_s, 1, 1, u"No Upfront"_s, OfferingClass::Standard });
        sc.commitments.savingsPlans.append(
            SavingsPlanHolding { SavingsPlanType::Ec2Instance, u"m6i"_s, u"us-west-2"_s, 0.05, 1, u"No Upfront"_s });
        const auto rate = pricing::Catalog::bundled()->reservedInstanceRate(u"us-west-2"_s, u"m6i"_s, 1,
            pricing::PaymentOption::NoUpfront, pricing::CommitmentPlan::StandardReservedInstance);
        QVERIFY(rate.has_value());
        const double usWest2 = pricing::Catalog::bundled()->onDemandHourly(u"us-west-2"_s, u"m6i.large"_s)->usd;
        const PlatformResult r = run(sc, PlatformId::EcsEc2);
        COMPARE_USD(r.componentUsd(ComponentId::ComputeOnDemand), 730 * 0.096);
        COMPARE_USD(r.componentUsd(ComponentId::ExistingCommitments),
            730 * (usWest2 * (1 - rate->discountPercent / 100) + 0.05));
    }

    void importedAwsSavingsPlansRatesReplaceTheFlatDiscount()
    {
        // AWS's own rates, imported into a price book from the Savings Plans price list (ap-east-2,
        // AWSComputeSavingsPlan 20250911184447, tests/data/pricing): EC2 Instance SP r7g 3yr Partial Upfront,
        // r7g.2xlarge 0.1954 USD/h against On-Demand 0.4651 (bundled): d = 1 − 0.1954 / 0.4651 = 57.987 %.
        // One 8 vCPU / 60 GiB arm64 task fills one r7g.2xlarge for 730 h.
        QTemporaryDir dir;
        const QString bookPath = dir.filePath(u"pricebook.sqlite"_s);
        {
            pricing::PriceBook book;
            QVERIFY(book.open(bookPath));
            const pricing::ImportResult imported = pricing::PriceListImporter::importFiles(
                book, { QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/pricing/savingsplan-ap-east-2-2025-09.csv") });
            QVERIFY2(imported.ok, qPrintable(imported.error));
            // The bundled data has no EBS rate for ap-east-2 (a node platform needs one): a custom rate.
            QVERIFY(book.setOverride(pricing::RateKind::Other, u"ap-east-2"_s, u"gp3_storage"_s, 0.1));
        }
        QString error;
        const auto withRates = pricing::Catalog::load(QString(), bookPath, &error);
        QVERIFY2(withRates, qPrintable(error));
        Service api = service(u"api"_s, 7.5, 60 * 1024, 1);
        api.arch = Arch::Arm64;
        Scenario sc = scenario({ api }, { u"r7g.2xlarge"_s }, 730);
        sc.region = u"ap-east-2"_s;
        sc.commitments.savingsPlans.append(
            SavingsPlanHolding { SavingsPlanType::Ec2Instance, u"r7g"_s, QString(), 0.1, 3, u"Partial Upfront"_s });
        const auto runWith = [&](const pricing::Catalog &c) {
            return models::simulate(sc, c, {}, models::SimulationOptions { { PlatformId::EcsEc2 }, 0 })
                .platforms.constFirst();
        };
        const PlatformResult imported = runWith(*withRates);
        QVERIFY2(imported.feasible(), qPrintable(imported.infeasibleSummary()));
        QCOMPARE(imported.nodeHoursByType.value(u"r7g.2xlarge"_s), 730.0);
        // 0.1 USD/h of commitment covers 0.1 ÷ (1 − d) = 0.1 × 0.4651 / 0.1954 USD/h of On-Demand.
        const double d = 1 - 0.1954 / 0.4651;
        COMPARE_USD(imported.componentUsd(ComponentId::ComputeOnDemand), 730 * (0.4651 - 0.1 / (1 - d)));
        COMPARE_USD(imported.componentUsd(ComponentId::ExistingCommitments), 730 * 0.1);
        bool stated = false;
        for (const Assumption &a : imported.assumptions)
            stated = stated || (a.value.contains(u"AWS rate, imported"_s) && a.source.contains(u"0.1954"_s));
        QVERIFY2(stated, "the imported rate and its source are stated");
        // The bundled catalog has no Savings Plans rates: the flat 58.0 % (estimated).
        {
            pricing::PriceBook book;
            QVERIFY(book.open(dir.filePath(u"ebs-only.sqlite"_s)));
            QVERIFY(book.setOverride(pricing::RateKind::Other, u"ap-east-2"_s, u"gp3_storage"_s, 0.1));
        }
        const auto ebsOnly = pricing::Catalog::load(QString(), dir.filePath(u"ebs-only.sqlite"_s), &error);
        QVERIFY2(ebsOnly, qPrintable(error));
        const PlatformResult flat = runWith(*ebsOnly);
        COMPARE_USD(flat.componentUsd(ComponentId::ComputeOnDemand), 730 * (0.4651 - 0.1 / (1 - 0.58)));
        // The what-if plan of the same type uses the imported rate too.
        sc.commitments = {};
        sc.purchase.savingsPlanUsdPerHour = 0.1;
        sc.purchase.savingsPlanType = SavingsPlanType::Ec2Instance;
        sc.purchase.savingsPlanTermYears = 3;
        sc.purchase.savingsPlanPayment = u"Partial Upfront"_s;
        const PlatformResult whatIf = runWith(*withRates);
        COMPARE_USD(whatIf.componentUsd(ComponentId::ComputeOnDemand), 730 * (0.4651 - 0.1 / (1 - d)));
    }

    void heldComputePlanCoversFargate()
    {
        // A Compute SP of 0.01 USD/h (1yr No Upfront: Fargate 17.5 %, flat assumption) on ECS Fargate covers
        // 0.01 ÷ 0.825 of the task's 0.04048 + 2 × 0.004445 = 0.04937 USD/h.
        Scenario sc = scenario({ service(u"api"_s, 1.0, 2048, 1) }, {}, 730);
        sc.commitments.savingsPlans.append(
            SavingsPlanHolding { SavingsPlanType::Compute, QString(), QString(), 0.01, 1, u"No Upfront"_s });
        const PlatformResult r = run(sc, PlatformId::EcsFargate);
        const double fargateUsd = r.componentUsd(ComponentId::FargateVcpu) + r.componentUsd(ComponentId::FargateMemory);
        COMPARE_USD(fargateUsd, 730 * (0.04937 - 0.01 / 0.825));
        COMPARE_USD(r.totalUsd, 730 * (0.04937 - 0.01 / 0.825) + 730 * 0.01);
        // The flat discount behind the recommendation is stated, marked estimated.
        bool stated = false;
        for (const Assumption &a : r.assumptions)
            stated = stated
                || (a.name.startsWith(u"Compute Savings Plan discount"_s)
                    && a.value == u"17.5 % off Fargate On-Demand (estimated)"_s);
        QVERIFY(stated);
        // The recommendation is what to buy on top: over the usage the held plan leaves open.
        QVERIFY(r.savingsPlan.applicable);
        COMPARE_USD(r.savingsPlan.commitmentUsdPerHour, (0.04937 - 0.01 / 0.825) * (1 - 0.175));
    }

    void documentRoundTripAndValidation()
    {
        Scenario sc = scenario({ service(u"api"_s, 1.0, 2048, 1) }, {}, 730);
        sc.commitments.reservedInstances.append(ReservedInstanceHolding {
            u"m6i.large"_s, u"us-west-2"_s, 4, 3, u"All Upfront"_s, OfferingClass::Convertible });
        sc.commitments.savingsPlans.append(SavingsPlanHolding {
            SavingsPlanType::Ec2Instance, u"c6i"_s, u"eu-west-1"_s, 1.25, 3, u"Partial Upfront"_s });
        const ScenarioReadResult back = scenarioFromJson(scenarioToJson(sc));
        QVERIFY2(back.ok(), qPrintable(back.errorText()));
        QCOMPARE(back.scenario->commitments, sc.commitments);
        for (const Diagnostic &d : validateScenario(sc, pricing::Catalog::bundled().get()))
            QVERIFY2(!d.isError(), qPrintable(d.where + u": "_s + d.message));

        // A document without the key reads as before (no commitments).
        Scenario old = sc;
        old.commitments = {};
        QVERIFY(!scenarioToJson(old).contains("existing_commitments"));

        // Clear messages naming the field.
        Scenario bad = sc;
        bad.commitments.reservedInstances[0].count = 0;
        bad.commitments.reservedInstances[0].instanceType = u"m6i.lage"_s;
        bad.commitments.savingsPlans[0].family.clear();
        bad.commitments.savingsPlans[0].termYears = 2;
        QStringList texts;
        for (const Diagnostic &d : validateScenario(bad, pricing::Catalog::bundled().get()))
            texts.append(d.where + u": "_s + d.message);
        const QString all = texts.join(u'\n');
        QVERIFY2(
            all.contains(u"existing_commitments.reserved_instances[0].count: must be at least 1"_s), qPrintable(all));
        QVERIFY2(all.contains(u"existing_commitments.reserved_instances[0].instance_type: unknown instance type"_s),
            qPrintable(all));
        QVERIFY2(all.contains(u"existing_commitments.savings_plans[0].family: an EC2 Instance Savings Plan"_s),
            qPrintable(all));
        QVERIFY2(all.contains(u"existing_commitments.savings_plans[0].term_years: must be 1 or 3, found 2"_s),
            qPrintable(all));

        // JSON type errors name the field too.
        const ScenarioReadResult typed = scenarioFromJson(
            R"({"fleetplan_scenario": 1, "name": "x", "existing_commitments": {"reserved_instances": [{"count": "four"}]}})");
        QVERIFY(!typed.ok());
        QVERIFY2(
            typed.errorText().contains(u"existing_commitments.reserved_instances[0].count: must be a whole number"_s),
            qPrintable(typed.errorText()));
    }
};

QTEST_GUILESS_MAIN(TestCommitments)
#include "tst_commitments.moc"
