// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
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
        QVERIFY(text.contains(QStringLiteral("Fargate vCPU rate: 0.04048 USD/h (bundled catalog, fargate_rates.csv)")));
        // Issue 17: the region in words, the one "prices as of" wording of the status bar and the reports.
        QVERIFY2(text.contains(QStringLiteral("730 hours in US East (N. Virginia), prices as of 2026-05-12")),
            qPrintable(text));

        panel.setPlatform(models::PlatformId::EksNodes);
        QCOMPARE(panel.text(), QStringLiteral("EKS managed nodes was not simulated."));
    }

    // Issue 17, defect 9: one precision per quantity, counts without ".0", instance names never broken.
    void numbersHaveOnePrecisionAndInstanceNamesStayWhole()
    {
        models::CostReport report;
        report.region = QStringLiteral("us-east-1");
        report.hours = 8760;
        models::PlatformResult ec2;
        ec2.id = models::PlatformId::EcsEc2;
        ec2.totalUsd = 12345.678;
        ec2.nodeHoursByType = { { QStringLiteral("m6i.large"), 730.0 }, { QStringLiteral("u-6tb1.112xlarge"), 12.5 } };
        ec2.peakNodes = 1200;
        ec2.savingsPlan.applicable = true;
        ec2.savingsPlan.commitmentUsdPerHour = 1.53149;
        ec2.savingsPlan.discountPercent = 28;
        ec2.savingsPlan.explanation = QStringLiteral("A commitment of 1.5315 USD/h at 28.0 % off covers ...");
        report.platforms = { ec2 };
        views::ExplainPanel panel;
        panel.resize(260, 600);
        panel.setReport(report);
        panel.setPlatform(models::PlatformId::EcsEc2);
        const QString text = panel.text();
        QVERIFY2(text.contains(QStringLiteral("ECS on EC2: 12,345.68 USD")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("8,760 hours in US East (N. Virginia)")));
        // The commitment as the explanation beside it writes it: 4 decimals, both times.
        QVERIFY2(text.contains(QStringLiteral("Recommended commitment 1.5315 USD/h")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("1.53 USD/h")));
        // Counts: whole node-hours and nodes without decimals.
        QVERIFY2(text.contains(QStringLiteral("m6i.large: 730\n")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("730.0")));
        QVERIFY(text.contains(QStringLiteral("Peak nodes: 1,200.")));
        // Instance names never break: a word joiner after the dot, a non-breaking hyphen; and words are never
        // split to fit the dock.
        auto *browser = panel.findChild<QTextBrowser *>(QStringLiteral("explainText"));
        QVERIFY(browser->toPlainText().contains(QStringLiteral("u\u20116tb1.\u2060112xlarge: 12.5")));
        QVERIFY(text.contains(QStringLiteral("u-6tb1.112xlarge: 12.5"))); // text() gives the words as written
        QCOMPARE(browser->wordWrapMode(), QTextOption::WordWrap);
    }

    // Issue 17, item 7: a source shows its publisher and date, the whole citation on hover, and never the
    // catalog builder's internal tag.
    void sourcesShowPublisherAndDateWithTheCitationOnHover()
    {
        models::CostReport report;
        report.region = QStringLiteral("eu-west-1");
        report.hours = 730;
        report.catalogAsOf = QStringLiteral("2026-09");
        models::PlatformResult spot;
        spot.id = models::PlatformId::EcsFargateSpot;
        spot.totalUsd = 10;
        // fargate_rates.csv, us-east-1 spot_linux_x86_vcpu (as_of 2026).
        const QString citation = QStringLiteral(
            "fortem.dev/blog/aws-fargate-pricing-real-costs (2026; also dev.to/dspv repost, pages corpus): "
            "\"Fargate Spot drops dev compute by 68% ($0.01291/vCPU-hr)\"");
        spot.assumptions = { { QStringLiteral("Fargate Spot vCPU rate"), QStringLiteral("0.01291 USD/h"), citation },
            { QStringLiteral("Fargate rates"), QStringLiteral("0.04048 USD per vCPU-hour"),
                QStringLiteral("AWS price feed meteredUnitMaps ecs/ecs.json (publication 2025-10-27) committed as "
                               "lamngockhuong/aws-price lib/data/pricing/ecs.json @6e8bf8c") } };
        report.platforms = { spot };
        views::ExplainPanel panel;
        panel.setReport(report);
        panel.setPlatform(models::PlatformId::EcsFargateSpot);
        const QString text = panel.text();
        QVERIFY2(text.contains(QStringLiteral("0.04048 USD per vCPU-hour (AWS Fargate price list, 2025-10-27)")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("0.01291 USD/h (third-party page fortem.dev, 2026)")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("corpus")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("lamngockhuong")), qPrintable(text)); // only in the tooltip
        QVERIFY(text.contains(QStringLiteral("730 hours in Europe (Ireland), prices as of 2026-09")));

        // Hovering the short label shows the whole citation (a char-format tooltip of the text).
        auto *browser = panel.findChild<QTextBrowser *>(QStringLiteral("explainText"));
        QVERIFY(browser);
        QStringList tips;
        for (QTextBlock b = browser->document()->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (!it.fragment().charFormat().toolTip().isEmpty())
                    tips << it.fragment().charFormat().toolTip();
            }
        }
        QVERIFY2(tips.size() == 2, qPrintable(tips.join(u'\n')));
        QVERIFY2(tips.at(1).contains(QStringLiteral("lamngockhuong/aws-price lib/data/pricing/ecs.json @6e8bf8c")),
            qPrintable(tips.join(u'\n')));
        QVERIFY(tips.at(0).contains(QStringLiteral("also dev.to/dspv repost)")));
        QVERIFY(!tips.join(u' ').contains(QStringLiteral("corpus")));
    }
};

QTEST_MAIN(TestExplainPanel)
#include "tst_explainpanel.moc"
