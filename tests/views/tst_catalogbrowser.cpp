// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

#include "pricing/catalog.h"
#include "views/catalogbrowser.h"
#include "views/instancetypetablemodel.h"

using namespace fleetplan;
using Col = views::InstanceTypeTableModel::Column;

class TestCatalogBrowser : public QObject
{
    Q_OBJECT

private:
    static int rowOf(QAbstractItemModel *model, const QString &type)
    {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, Col::Type).data().toString() == type)
                return r;
        }
        return -1;
    }

private slots:
    void modelPassesTheTester()
    {
        views::InstanceTypeTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(pricing::Catalog::bundled());
        model.setRegion(QStringLiteral("eu-west-1"));
        QVERIFY(model.rowCount() > 1000);
    }

    void m5LargeIsPricedPerVcpuAndPerGib()
    {
        views::CatalogBrowser browser;
        browser.setCatalog(pricing::Catalog::bundled());
        browser.setRegion(QStringLiteral("us-east-1"));
        QAbstractItemModel *model = browser.instanceTable()->model();
        const int row = rowOf(model, QStringLiteral("m5.large"));
        QVERIFY(row >= 0);
        // instance_types.csv: m5.large 2 vCPU, 8192 MiB, EKS max pods 29;
        // ec2_ondemand_prices.csv: us-east-1 0.096 USD/h (karpenter, 2026-07-20) → 0.048 per vCPU-h, 0.012 per GiB-h.
        QCOMPARE(model->index(row, Col::Vcpu).data().toString(), QStringLiteral("2"));
        QCOMPARE(model->index(row, Col::MemoryGib).data().toString(), QStringLiteral("8.0"));
        QCOMPARE(model->index(row, Col::MaxPods).data().toString(), QStringLiteral("29"));
        QCOMPARE(model->index(row, Col::OnDemand).data().toString(), QStringLiteral("0.0960"));
        QCOMPARE(model->index(row, Col::PerVcpu).data().toString(), QStringLiteral("0.04800"));
        QCOMPARE(model->index(row, Col::PerGib).data().toString(), QStringLiteral("0.01200"));

        // ec2_ondemand_prices.csv: eu-west-1 m5.large 0.107 USD/h (vantage, 2026-05-12).
        browser.setRegion(QStringLiteral("eu-west-1"));
        const int euRow = rowOf(model, QStringLiteral("m5.large"));
        QCOMPARE(model->index(euRow, Col::OnDemand).data().toString(), QStringLiteral("0.1070"));
    }

    void filtersByNameWildcardAndArchitecture()
    {
        views::CatalogBrowser browser;
        browser.setCatalog(pricing::Catalog::bundled());
        QAbstractItemModel *model = browser.instanceTable()->model();
        browser.filterEdit()->setText(QStringLiteral("m5.*"));
        QVERIFY(model->rowCount() > 5);
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY2(model->index(r, Col::Type).data().toString().startsWith(QLatin1String("m5.")),
                qPrintable(model->index(r, Col::Type).data().toString()));
        browser.filterEdit()->setText(QStringLiteral("c7g"));
        QVERIFY(model->rowCount() > 0);
        browser.filter()->setArch(QStringLiteral("x86_64"));
        QCOMPARE(model->rowCount(), 0); // c7g is Graviton (arm64) only
        browser.filter()->setArch(QStringLiteral("arm64"));
        QVERIFY(model->rowCount() > 0);
    }

    void sortsByPriceWithUnknownLast()
    {
        views::CatalogBrowser browser;
        browser.setCatalog(pricing::Catalog::bundled());
        QTableView *table = browser.instanceTable();
        table->sortByColumn(Col::PerVcpu, Qt::AscendingOrder);
        QAbstractItemModel *model = table->model();
        double previous = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QVariant v = model->index(r, Col::PerVcpu).data(views::InstanceTypeTableModel::SortRole);
            if (!v.isValid()) {
                // Once unknown, the rest is unknown too.
                for (int rest = r; rest < model->rowCount(); ++rest)
                    QVERIFY(!model->index(rest, Col::PerVcpu).data(views::InstanceTypeTableModel::SortRole).isValid());
                break;
            }
            QVERIFY2(v.toDouble() >= previous, qPrintable(QStringLiteral("row %1").arg(r)));
            previous = v.toDouble();
        }
    }

    void showsFargateAndEksRatesAndSources()
    {
        views::CatalogBrowser browser;
        browser.setCatalog(pricing::Catalog::bundled());
        browser.setRegion(QStringLiteral("us-east-1"));
        const QString rates = browser.ratesText();
        // fargate_rates.csv us-east-1 linux_x86_vcpu 0.04048, linux_x86_memory 0.004445 (AWS feed 2025-10-27).
        QVERIFY2(rates.contains(QStringLiteral("0.040480")), qPrintable(rates));
        QVERIFY(rates.contains(QStringLiteral("0.0044450")));
        // eks_rates.csv: 0.10 USD per cluster-hour standard, 0.60 extended.
        QVERIFY(rates.contains(QStringLiteral("Standard support: 0.10 USD per cluster-hour")));
        QVERIFY(rates.contains(QStringLiteral("Extended support: 0.60 USD per cluster-hour")));
        const QString sources = browser.sourcesText();
        QVERIFY2(sources.contains(QStringLiteral("ec2_ondemand_prices.csv")), qPrintable(sources));
        QVERIFY(sources.contains(QStringLiteral("Your price book")));
    }

    // Issue 17, item 7: a rate names its publisher and date, never a long citation or an internal tag, and
    // estimated rates say so ("≈ estimated"), also the Spot price that only repeats On-Demand.
    void sourcesShowPublisherAndDateAndEstimatesAreMarked()
    {
        views::CatalogBrowser browser;
        browser.setCatalog(pricing::Catalog::bundled());
        browser.setRegion(QStringLiteral("us-east-1"));
        const QString rates = browser.ratesText();
        // fargate_rates.csv us-east-1 linux_x86_vcpu: AWS price feed ecs.json, publication 2025-10-27.
        QVERIFY2(rates.contains(QStringLiteral("AWS Fargate price list, 2025-10-27")), qPrintable(rates));
        QVERIFY2(rates.contains(QStringLiteral("≈ estimated")), qPrintable(rates)); // the Fargate Spot rows
        QVERIFY2(rates.contains(QStringLiteral("(Amazon EBS price list, 2024-07-18)")), qPrintable(rates));
        QVERIFY2(rates.contains(QStringLiteral("(third-party page cloudburn.io, 2026-06)")), qPrintable(rates));
        QVERIFY2(!rates.contains(QStringLiteral("corpus")), qPrintable(rates));
        QVERIFY2(!rates.contains(QStringLiteral("lamngockhuong")), qPrintable(rates));
        QVERIFY2(!browser.sourcesText().contains(QStringLiteral("corpus")), qPrintable(browser.sourcesText()));

        // ec2_spot_avg_prices.csv us-east-1 a1.large 0.051 = its On-Demand price: an estimate, and said so.
        QAbstractItemModel *model = browser.instanceTable()->model();
        const int row = rowOf(model, QStringLiteral("a1.large"));
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, Col::Spot).data().toString(), QStringLiteral("≈ 0.0510"));
        QVERIFY(model->index(row, Col::Spot)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("the On-Demand price stands in")));
        const int m5 = rowOf(model, QStringLiteral("m5.large"));
        QVERIFY(model->index(m5, Col::Spot).data().toString().startsWith(QStringLiteral("≈ 0.0")));
    }
};

QTEST_MAIN(TestCatalogBrowser)
#include "tst_catalogbrowser.moc"
