// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "pricing/catalog.h"

using namespace fleetplan::pricing;

/// The bundled catalog against hand-read figures of resources/catalog/*.csv (sources in the row names).
class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void bundledIsCachedAndComplete();
    void instanceSpecs_data();
    void instanceSpecs();
    void onDemand_data();
    void onDemand();
    void spotIsEstimated();
    void metalPrefersVantage();
    void fargate_data();
    void fargate();
    void fargateErrors();
    void eksAndEbs_data();
    void eksAndEbs();
    void unknownNames_data();
    void unknownNames();
    void noPriceInRegion();
    void filter();
    void matchWildcards();
    void commitmentDefaults();
    void datasetsHaveDates();

private:
    std::shared_ptr<const Catalog> m_catalog = Catalog::bundled();
};

void TestCatalog::bundledIsCachedAndComplete()
{
    QCOMPARE(Catalog::bundled().get(), m_catalog.get());
    // instance_types.csv: 1436 rows; 36 standard regions in ec2_ondemand_prices.csv.
    QCOMPARE(m_catalog->instanceTypes().size(), 1436);
    QCOMPARE(m_catalog->regionsWithOnDemand(QStringLiteral("m5.large")).size(), 31);
    QVERIFY(m_catalog->regions().contains(QStringLiteral("us-east-1")));
    QCOMPARE(m_catalog->regions().size(), 36);
}

void TestCatalog::instanceSpecs_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("vcpu");
    QTest::addColumn<int>("memoryMib");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("maxEnis");
    QTest::addColumn<int>("defaultCardEnis");
    QTest::addColumn<int>("ipv4PerEni");
    QTest::addColumn<int>("maxPods");
    QTest::addColumn<bool>("metal");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<int>("generation");

    QTest::newRow("m5.large: 2 vCPU 8192 MiB, 3 ENIs x 10 IPv4, 3*(10-1)+2 = 29 pods (karpenter vpclimits)")
        << "m5.large" << 2 << 8192 << "x86_64" << 3 << 3 << 10 << 29 << false << 0 << 5;
    QTest::newRow("c6g.xlarge: arm64, 4 ENIs x 15, 4*14+2 = 58 pods (karpenter)")
        << "c6g.xlarge" << 4 << 8192 << "arm64" << 4 << 4 << 15 << 58 << false << 0 << 6;
    QTest::newRow("p4d.24xlarge: 60 ENIs in total, 15 on the default card, 15*49+2 = 737 pods, 8 GPUs (README)")
        << "p4d.24xlarge" << 96 << 1179648 << "x86_64" << 60 << 15 << 50 << 737 << false << 8 << 4;
    QTest::newRow("c7g.metal: bare metal, 15*49+2 = 737 pods (karpenter)")
        << "c7g.metal" << 64 << 131072 << "arm64" << 15 << 15 << 50 << 737 << true << 0 << 7;
    QTest::newRow("c8g-flex.large: no vCPU/memory anywhere (README), ENIs known")
        << "c8g-flex.large" << 0 << 0 << "x86_64" << 3 << 3 << 10 << 29 << false << 0 << 8;
}

void TestCatalog::instanceSpecs()
{
    QFETCH(QString, type);
    const InstanceType *t = m_catalog->instanceType(type);
    QVERIFY2(t, qPrintable(type));
    QFETCH(int, vcpu);
    QFETCH(int, memoryMib);
    QFETCH(QString, arch);
    QFETCH(int, maxEnis);
    QFETCH(int, defaultCardEnis);
    QFETCH(int, ipv4PerEni);
    QFETCH(int, maxPods);
    QFETCH(bool, metal);
    QFETCH(int, gpus);
    QFETCH(int, generation);
    QCOMPARE(t->vcpu, vcpu);
    QCOMPARE(t->memoryMib, memoryMib);
    if (t->hasSpecs())
        QCOMPARE(cpuArchName(t->arch), arch);
    QCOMPARE(t->maxEnis, maxEnis);
    QCOMPARE(t->defaultCardMaxEnis, defaultCardEnis);
    QCOMPARE(t->ipv4PerEni, ipv4PerEni);
    QCOMPARE(t->eksMaxPods, maxPods);
    QCOMPARE(t->bareMetal, metal);
    QCOMPARE(t->gpuCount, gpus);
    QCOMPARE(t->generation, generation);
    QCOMPARE(t->hasSpecs(), vcpu > 0);
}

void TestCatalog::onDemand_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("usd");
    QTest::addColumn<QString>("asOf");
    QTest::newRow("m5.large us-east-1 0.096 (karpenter zz_generated.pricing_aws.go 2026-07-20)")
        << "us-east-1"
        << "m5.large" << 0.096 << "2026-07-20";
    QTest::newRow("m5.large eu-west-1 0.107 (vantage 2026-05-12)") << "eu-west-1"
                                                                   << "m5.large" << 0.107 << "2026-05-12";
    QTest::newRow("c6g.xlarge ap-northeast-1 0.1712 (vantage 2026-05-12)") << "ap-northeast-1"
                                                                           << "c6g.xlarge" << 0.1712 << "2026-05-12";
}

void TestCatalog::onDemand()
{
    QFETCH(QString, region);
    QFETCH(QString, type);
    QFETCH(double, usd);
    QFETCH(QString, asOf);
    QString error;
    const auto rate = m_catalog->onDemandHourly(region, type, &error);
    QVERIFY2(rate, qPrintable(error));
    QCOMPARE(qRound64(rate->usd * 1e6), qRound64(usd * 1e6)); // micro-dollars
    QCOMPARE(rate->asOf, asOf);
    QCOMPARE(rate->origin, Rate::Bundled);
    QVERIFY(!rate->estimated);
    QVERIFY(!rate->source.isEmpty());
    QCOMPARE(rate->unit, QStringLiteral("USD per hour"));
}

void TestCatalog::spotIsEstimated()
{
    // ec2_spot_avg_prices.csv: us-east-1 m5.large 0.04366, one Vantage snapshot (~2026-05-12).
    const auto spot = m_catalog->spotHourly(QStringLiteral("us-east-1"), QStringLiteral("m5.large"));
    QVERIFY(spot);
    QCOMPARE(qRound64(spot->usd * 1e6), 43660);
    QVERIFY(spot->estimated);
    QCOMPARE(spot->asOf, QStringLiteral("2026-05-12"));
}

void TestCatalog::metalPrefersVantage()
{
    // README: Karpenter carries 2023 metal prices (c6g.metal 2.3066); prefer Vantage's 2.176.
    const auto rate = m_catalog->onDemandHourly(QStringLiteral("us-east-1"), QStringLiteral("c6g.metal"));
    QVERIFY(rate);
    QCOMPARE(qRound64(rate->usd * 1e6), 2176000);
    QVERIFY(rate->source.contains(QStringLiteral("2.3066")));
}

void TestCatalog::fargate_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<int>("arch");
    QTest::addColumn<int>("os");
    QTest::addColumn<bool>("spot");
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("gb");
    QTest::addColumn<double>("licence");
    QTest::addColumn<double>("storage");
    QTest::addColumn<bool>("estimated");
    QTest::newRow("us-east-1 Linux x86 0.04048 / 0.004445, storage 0.000111 (AWS feed 2025-10-27; Vantage blog)")
        << "us-east-1" << int(CpuArch::X86_64) << int(FargateOs::Linux) << false << 0.04048 << 0.004445 << 0.0
        << 0.000111 << false;
    QTest::newRow("us-east-1 Linux ARM 0.03238 / 0.00356 (AWS feed 2025-10-27)")
        << "us-east-1" << int(CpuArch::Arm64) << int(FargateOs::Linux) << false << 0.03238 << 0.00356 << 0.0 << 0.000111
        << false;
    QTest::newRow("us-east-1 Windows 0.046552 + licence 0.046 / 0.00511175 (AmazonECS offer 20250828)")
        << "us-east-1" << int(CpuArch::X86_64) << int(FargateOs::Windows) << false << 0.046552 << 0.00511175 << 0.046
        << 0.000111 << false;
    QTest::newRow("us-east-1 Spot x86 0.01291 (fortem.dev 2026) / 0.00138835 (fgcalc 2021): estimated")
        << "us-east-1" << int(CpuArch::X86_64) << int(FargateOs::Linux) << true << 0.01291 << 0.00138835 << 0.0
        << 0.000111 << true;
    QTest::newRow("eu-west-1 storage 0.000122 (AWS feed 2025-10-27, README)")
        << "eu-west-1" << int(CpuArch::X86_64) << int(FargateOs::Linux) << false << 0.04048 << 0.004445 << 0.0
        << 0.000122 << false;
    QTest::newRow("ap-south-1 ARM 0.02383 / 0.00261, 56 % of x86 (AWS feed, README: odd but published)")
        << "ap-south-1" << int(CpuArch::Arm64) << int(FargateOs::Linux) << false << 0.02383 << 0.00261 << 0.0 << -1.0
        << false;
}

void TestCatalog::fargate()
{
    QFETCH(QString, region);
    QFETCH(int, arch);
    QFETCH(int, os);
    QFETCH(bool, spot);
    QFETCH(double, vcpu);
    QFETCH(double, gb);
    QFETCH(double, licence);
    QFETCH(double, storage);
    QFETCH(bool, estimated);
    QString error;
    const auto card = m_catalog->fargate(region, CpuArch(arch), FargateOs(os), spot, &error);
    QVERIFY2(card, qPrintable(error));
    QCOMPARE(qRound64(card->vcpuHour.usd * 1e8), qRound64(vcpu * 1e8));
    QCOMPARE(qRound64(card->gbHour.usd * 1e8), qRound64(gb * 1e8));
    QCOMPARE(card->vcpuHour.estimated, estimated);
    QCOMPARE(card->osLicenseVcpuHour.has_value(), licence > 0);
    if (licence > 0)
        QCOMPARE(qRound64(card->osLicenseVcpuHour->usd * 1e8), qRound64(licence * 1e8));
    if (storage >= 0) {
        QVERIFY(card->ephemeralGbHourAbove20);
        QCOMPARE(qRound64(card->ephemeralGbHourAbove20->usd * 1e8), qRound64(storage * 1e8));
    }
}

void TestCatalog::fargateErrors()
{
    QString error;
    QVERIFY(!m_catalog->fargate(QStringLiteral("us-east-1"), CpuArch::Arm64, FargateOs::Windows, false, &error));
    QVERIFY2(error.contains(QStringLiteral("Windows")) && error.contains(QStringLiteral("x86")), qPrintable(error));
    // No Fargate Spot ARM rate in us-east-1 (fargate_rates.csv has spot_linux_arm_* for sa-east-1 only).
    QVERIFY(!m_catalog->fargate(QStringLiteral("us-east-1"), CpuArch::Arm64, FargateOs::Linux, true, &error));
    QVERIFY2(error.contains(QStringLiteral("us-east-1")) && error.contains(QStringLiteral("available in: sa-east-1")),
        qPrintable(error));
    QVERIFY(!m_catalog->fargate(QStringLiteral("us-east-9"), CpuArch::X86_64, FargateOs::Linux, false, &error));
    QVERIFY2(error.contains(QStringLiteral("unknown region \"us-east-9\"")), qPrintable(error));
}

void TestCatalog::eksAndEbs_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("region");
    QTest::addColumn<double>("usd");
    QTest::newRow("EKS standard 0.10 per cluster-hour us-east-1 (cloudburn.io 2026; AWS feed 2025-10-28)")
        << "eks"
        << "us-east-1" << 0.10;
    QTest::newRow("EKS standard 0.10 eu-central-1 (AWS feed 2025-10-28)") << "eks"
                                                                          << "eu-central-1" << 0.10;
    QTest::newRow("EKS extended 0.60 us-east-1 (infracost golden: 730 h = 438.00)") << "eks-ext"
                                                                                    << "us-east-1" << 0.60;
    QTest::newRow("EBS gp3 0.08 us-east-1 (AWS EBS feed 2024-07-18)") << "gp3"
                                                                      << "us-east-1" << 0.08;
    QTest::newRow("EBS gp3 0.0952 eu-central-1 (AWS EBS feed 2024-07-18)") << "gp3"
                                                                           << "eu-central-1" << 0.0952;
    QTest::newRow("EBS gp2 0.10 us-east-1 (infracost golden)") << "gp2"
                                                               << "us-east-1" << 0.10;
}

void TestCatalog::eksAndEbs()
{
    QFETCH(QString, what);
    QFETCH(QString, region);
    QFETCH(double, usd);
    QString error;
    std::optional<Rate> rate;
    if (what == u"eks")
        rate = m_catalog->eksControlPlaneHourly(region, false, &error);
    else if (what == u"eks-ext")
        rate = m_catalog->eksControlPlaneHourly(region, true, &error);
    else
        rate = m_catalog->ebsGbMonth(region, what, &error);
    QVERIFY2(rate, qPrintable(error));
    QCOMPARE(qRound64(rate->usd * 1e6), qRound64(usd * 1e6));
}

void TestCatalog::unknownNames_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("expected");
    QTest::newRow("m5.lage -> m5.large") << "m5.lage"
                                         << "us-east-1"
                                         << "unknown instance type \"m5.lage\"; did you mean m5.large";
    QTest::newRow("c6i.xlarg -> c6i.xlarge") << "c6i.xlarg"
                                             << "us-east-1"
                                             << "did you mean c6i.xlarge";
    QTest::newRow("region us-est-1 -> us-east-1") << "m5.large"
                                                  << "us-est-1"
                                                  << "unknown region \"us-est-1\"; did you mean us-east-1";
    QTest::newRow("region eu-west-9 -> eu-west-1") << "m5.large"
                                                   << "eu-west-9"
                                                   << "did you mean eu-west-1";
}

void TestCatalog::unknownNames()
{
    QFETCH(QString, type);
    QFETCH(QString, region);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!m_catalog->onDemandHourly(region, type, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestCatalog::noPriceInRegion()
{
    // ec2_ondemand_prices.csv has m5.large in 31 regions, not in ap-east-2.
    QString error;
    QVERIFY(!m_catalog->onDemandHourly(QStringLiteral("ap-east-2"), QStringLiteral("m5.large"), &error));
    QVERIFY2(error.startsWith(
                 QStringLiteral("m5.large has no On-Demand price in region ap-east-2; available in: af-south-1, ")),
        qPrintable(error));
    // c7gn.metal: 5 regions.
    QVERIFY(!m_catalog->onDemandHourly(QStringLiteral("eu-central-1"), QStringLiteral("c7gn.metal"), &error));
    QVERIFY2(error.endsWith(QStringLiteral("available in: ap-northeast-1, eu-west-1, us-east-1, us-east-2, us-west-2")),
        qPrintable(error));
    // EBS has no ap-east-2 figure (README: region newer than the feed).
    QVERIFY(!m_catalog->ebsGbMonth(QStringLiteral("ap-east-2"), QStringLiteral("gp3"), &error));
    QVERIFY2(error.contains(QStringLiteral("no EBS gp3 rate in region ap-east-2")), qPrintable(error));
}

void TestCatalog::filter()
{
    InstanceFilter f;
    f.families = { QStringLiteral("m5") };
    f.minVcpu = 2;
    f.maxVcpu = 4;
    QStringList names;
    for (const InstanceType *t : m_catalog->instanceTypes(f))
        names.append(t->name);
    QCOMPARE(names, (QStringList { QStringLiteral("m5.large"), QStringLiteral("m5.xlarge") }));

    InstanceFilter g;
    g.arch = CpuArch::Arm64;
    g.minGeneration = 7;
    g.excludeBareMetal = true;
    g.excludeAccelerated = true;
    g.pricedInRegion = QStringLiteral("us-east-1");
    const auto arm = m_catalog->instanceTypes(g);
    QVERIFY(!arm.isEmpty());
    for (const InstanceType *t : arm) {
        QCOMPARE(t->arch, CpuArch::Arm64);
        QVERIFY2(t->generation >= 7 && !t->bareMetal && !t->isAccelerated(), qPrintable(t->name));
        QVERIFY(m_catalog->onDemandHourly(QStringLiteral("us-east-1"), t->name));
    }
    InstanceFilter gpu;
    gpu.excludeAccelerated = true;
    for (const InstanceType *t : m_catalog->instanceTypes(gpu))
        QVERIFY2(t->name != u"g5.xlarge" && t->name != u"inf2.xlarge", qPrintable(t->name));
}

void TestCatalog::matchWildcards()
{
    QString error;
    const QStringList m
        = m_catalog->matchInstanceTypes({ QStringLiteral("m6i.*"), QStringLiteral("c6i.large") }, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m.contains(QStringLiteral("m6i.large")));
    QVERIFY(m.contains(QStringLiteral("m6i.metal")));
    QVERIFY(m.contains(QStringLiteral("c6i.large")));
    QVERIFY(!m.contains(QStringLiteral("c6i.xlarge")));
    for (const QString &n : m)
        QVERIFY2(n.startsWith(QStringLiteral("m6i.")) || n == u"c6i.large", qPrintable(n));
    // Case-insensitive, `?` one character, `*` anywhere and as often as written, always the whole name.
    const QStringList q = m_catalog->matchInstanceTypes(
        { QStringLiteral("C6?.LARGE"), QStringLiteral("*7g*.metal"), QStringLiteral("r6i.*x*") }, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(q.contains(QStringLiteral("c6i.large")) && q.contains(QStringLiteral("c6g.large")));
    QVERIFY(!q.contains(QStringLiteral("c6gn.large")) && !q.contains(QStringLiteral("c6i.xlarge")));
    QVERIFY(q.contains(QStringLiteral("m7g.metal")) && q.contains(QStringLiteral("c7gd.metal")));
    QVERIFY(q.contains(QStringLiteral("r6i.xlarge")) && q.contains(QStringLiteral("r6i.24xlarge")));
    QVERIFY(!q.contains(QStringLiteral("r6i.large")) && !q.contains(QStringLiteral("r6i.metal")));
    for (const QString &n : q)
        QVERIFY2(n.startsWith(QStringLiteral("c6")) || n.endsWith(QStringLiteral(".metal")) || n.startsWith(u"r6i."),
            qPrintable(n));
    m_catalog->matchInstanceTypes({ QStringLiteral("m6x.*"), QStringLiteral("m5.lage") }, &error);
    QVERIFY2(error.contains(QStringLiteral("\"m6x.*\" matches no instance type; did you mean")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("did you mean m5.large")), qPrintable(error));
}

void TestCatalog::commitmentDefaults()
{
    const CommitmentAssumptions &c = m_catalog->commitments();
    // commitment_discounts.csv: Standard RI 1yr No Upfront, median of 30 rows = 33.8 %.
    QCOMPARE(
        c.discountPercent(CommitmentScope::Ec2, CommitmentPlan::StandardReservedInstance, 1, PaymentOption::NoUpfront),
        33.8);
    // Fargate Compute SP 3yr No Upfront 40.0 % (ligoj eu-west-1 fixture).
    QCOMPARE(
        c.discountPercent(CommitmentScope::Fargate, CommitmentPlan::ComputeSavingsPlan, 3, PaymentOption::NoUpfront),
        40.0);
    // No RI covers Fargate.
    QVERIFY(!c.discountPercent(
        CommitmentScope::Fargate, CommitmentPlan::StandardReservedInstance, 1, PaymentOption::NoUpfront));
    for (const CommitmentDiscount &d : c.entries()) {
        QVERIFY(!d.basis.isEmpty());
        // AWS headline maxima: EC2 Instance SP 72 %, Compute SP 66 %, Fargate 52 %.
        QVERIFY(d.discountPercent > 0 && d.discountPercent <= (d.scope == CommitmentScope::Fargate ? 52 : 72));
    }
    QCOMPARE(c.entries().size(), 30);
}

void TestCatalog::datasetsHaveDates()
{
    const QList<DatasetInfo> &ds = m_catalog->datasets();
    QVERIFY(ds.size() >= 8);
    bool sawOnDemand = false;
    for (const DatasetInfo &d : ds) {
        QVERIFY2(!d.sources.isEmpty(), qPrintable(d.name));
        if (d.name == u"ec2_ondemand") {
            sawOnDemand = true;
            QCOMPARE(d.rows, 21888);
            QCOMPARE(d.asOfMin, QStringLiteral("2026-05-12"));
            QCOMPARE(d.asOfMax, QStringLiteral("2026-07-20"));
        }
    }
    QVERIFY(sawOnDemand);
    QVERIFY(!m_catalog->builtAt().isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
