// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "views/explainpanel.h"

using namespace fleetplan;

class TestExplainPanel : public QObject
{
    Q_OBJECT

private slots:
    void showsRatesTimesQuantitiesOfTheChosenPlatform()
    {
        models::CostReport report;
        report.scenarioName = QStringLiteral("t");
        report.region = QStringLiteral("us-east-1");
        report.hours = 730;
        report.catalogAsOf = QStringLiteral("2026-05-12");
        models::PlatformResult fargate;
        fargate.id = models::PlatformId::EcsFargate;
        // 730 h × 1 vCPU × 0.04048 USD (AWS Fargate us-east-1 Linux/x86 vCPU-hour) = 29.5504 USD
        models::CostComponent vcpu { models::ComponentId::FargateVcpu, 29.5504, 730, QStringLiteral("vCPU-hours"),
            QStringLiteral("730 vCPU-hours × 0.04048 USD = 29.55 USD") };
        // 730 h × 2 GB × 0.004445 USD = 6.4897 USD
        models::CostComponent mem { models::ComponentId::FargateMemory, 6.4897, 1460, QStringLiteral("GB-hours"),
            QStringLiteral("1,460 GB-hours × 0.004445 USD = 6.49 USD") };
        fargate.components = { vcpu, mem };
        fargate.totalUsd = 29.5504 + 6.4897;
        fargate.warnings = { QStringLiteral("api: 0.3 vCPU rounds up to 0.5 vCPU on Fargate") };
        fargate.assumptions = { { QStringLiteral("Fargate vCPU rate"), QStringLiteral("0.04048 USD/h"),
            QStringLiteral("fargate_rates.csv") } };
        report.platforms = { fargate };

        views::ExplainPanel panel;
        panel.setReport(report);
        panel.setPlatform(models::PlatformId::EcsFargate);
        const QString text = panel.text();
        QVERIFY2(text.contains(QStringLiteral("ECS Fargate: 36.04 USD")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("730 vCPU-hours × 0.04048 USD = 29.55 USD")));
        QVERIFY(text.contains(QStringLiteral("1,460 GB-hours × 0.004445 USD = 6.49 USD")));
        QVERIFY(text.contains(QStringLiteral("api: 0.3 vCPU rounds up to 0.5 vCPU on Fargate")));
        QVERIFY(text.contains(QStringLiteral("Fargate vCPU rate: 0.04048 USD/h (fargate_rates.csv)")));
        QVERIFY(text.contains(QStringLiteral("730 hours in us-east-1, catalog of 2026-05-12")));

        panel.setPlatform(models::PlatformId::EksNodes);
        QCOMPARE(panel.text(), QStringLiteral("EKS managed nodes was not simulated."));
    }
};

QTEST_MAIN(TestExplainPanel)
#include "tst_explainpanel.moc"
