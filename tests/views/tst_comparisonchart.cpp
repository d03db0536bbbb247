// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QToolTip>
#include <QtTest>

#include "data/reports/costreportfixture.h"
#include "views/comparisonchart.h"
#include "views/comparisontablemodel.h"

using fleetplan::models::ComponentId;
using fleetplan::models::PlatformId;
using fleetplan::views::ChartTheme;
using fleetplan::views::ComparisonChart;

/// The stacked comparison bars: what a user reads off them and what hovering tells.
class TestComparisonChart : public QObject
{
    Q_OBJECT

private:
    /// Pixel centre of the segment of `component` in bar `bar` (after an immediate replot).
    static QPoint segmentCentre(ComparisonChart &chart, int bar, ComponentId component)
    {
        const auto &report = fixture::costReport();
        const auto &p = report.platforms.at(bar);
        double base = 0;
        for (ComponentId id : chart.components()) {
            if (id == component)
                break;
            base += p.componentUsd(id);
        }
        const double mid = base + p.componentUsd(component) / 2;
        return QPoint(int(chart.xAxis->coordToPixel(bar + 1)), int(chart.yAxis->coordToPixel(mid)));
    }

private slots:
    void infeasiblePlatformHasNoBarAndIsNeverCheapest()
    {
        // The fixture's cheapest platform made infeasible (a service too large for it): its partial sum is
        // no price, so it gets no bar, its label says "infeasible", and the next platform is cheapest —
        // in the chart, its summary and the comparison table alike.
        auto report = fixture::costReport();
        const fleetplan::models::PlatformResult *cheapest = report.cheapestPlatform();
        QVERIFY(cheapest);
        const int gone = int(cheapest - report.platforms.constData());
        report.platforms[gone].markInfeasible(
            QStringLiteral("etl"), QStringLiteral("96 vCPU per task but the largest allowed type has 64"));
        ComparisonChart chart;
        chart.setReport(report);
        QCOMPARE(chart.totalLabel(gone), QStringLiteral("infeasible"));
        for (QCPBars *bars : chart.componentBars())
            QCOMPARE(bars->data()->at(gone)->value, 0.0);
        const int now = int(report.cheapestPlatform() - report.platforms.constData());
        QVERIFY(now != gone);
        QVERIFY2(chart.totalLabel(now).startsWith(QStringLiteral("★ cheapest")), qPrintable(chart.totalLabel(now)));
        QVERIFY(chart.textSummary().contains(QStringLiteral("infeasible (etl: 96 vCPU per task")));

        fleetplan::views::ComparisonTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report);
        QCOMPARE(model.rowCount(), int(report.platforms.size()));
        QCOMPARE(model.index(gone, 1).data().toString(), QStringLiteral("infeasible"));
        QVERIFY(model.index(gone, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("etl")));
        QVERIFY(model.index(now, 0).data().toString().endsWith(QStringLiteral(" ★")));
        QCOMPARE(model.index(now, 0).data(Qt::UserRole).toInt(), int(report.platforms.at(now).id));
        QVERIFY(model.index(now, 1).data(Qt::FontRole).value<QFont>().bold());

        // The packing gap of an EC2-backed platform: packed compute ÷ the month's lower bound.
        report.platforms[now].packedComputeUsd = 1050.0;
        report.platforms[now].lowerBoundUsd = 1000.0;
        report.platforms[now].optimalityRatio = 1.05;
        model.setReport(report);
        const int gap = model.columnCount() - 1;
        QCOMPARE(model.headerData(gap, Qt::Horizontal).toString(), QStringLiteral("Cost ÷ bound"));
        QCOMPARE(model.index(now, gap).data().toString(), QStringLiteral("× 1.050"));
        QVERIFY(model.index(now, gap).data(Qt::ToolTipRole).toString().contains(QStringLiteral("1,000.00")));
        const int other = now == 0 ? 1 : 0;
        if (report.platforms.at(other).lowerBoundUsd <= 0)
            QCOMPARE(model.index(other, gap).data().toString(), QStringLiteral("—"));
    }

    void barsMatchReport()
    {
        ComparisonChart chart;
        const auto report = fixture::costReport();
        chart.setReport(report);
        // Components present anywhere in the fixture, in ComponentId order (bottom of the stack first).
        const QList<ComponentId> expected { ComponentId::ComputeOnDemand, ComponentId::ControlPlane, ComponentId::Ebs,
            ComponentId::FargateVcpu, ComponentId::FargateMemory, ComponentId::FargateSpotVcpu,
            ComponentId::FargateSpotMemory };
        QCOMPARE(chart.components(), expected);
        QCOMPARE(chart.componentBars().size(), 7);
        QCOMPARE(chart.platforms().size(), 5);
        for (int c = 0; c < chart.componentBars().size(); ++c) {
            QCPBars *bars = chart.componentBars().at(c);
            QCOMPARE(bars->name(), fleetplan::models::displayName(expected.at(c)));
            QCOMPARE(bars->data()->size(), 5);
            if (c > 0)
                QCOMPARE(bars->barBelow(), chart.componentBars().at(c - 1));
            for (int i = 0; i < 5; ++i) {
                const auto it = bars->data()->findBegin(i + 1, false);
                QCOMPARE(it->key, double(i + 1));
                QCOMPARE(it->value, report.platforms.at(i).componentUsd(expected.at(c)));
            }
        }
        // ECS on EC2, compute: 7288 instance-hours × 0.096 USD (m5.large us-east-1) = 699.648 USD.
        QCOMPARE(chart.componentBars().at(0)->data()->at(0)->value, 699.648);
        // EKS control plane: 730 cluster-hours × 0.10 USD (eks_rates.csv) = 73 USD on both EKS bars.
        QCOMPARE(chart.componentBars().at(1)->data()->at(3)->value, 73.0);
        QCOMPARE(chart.componentBars().at(1)->data()->at(4)->value, 73.0);
        QCOMPARE(chart.yAxis->label(), QStringLiteral("USD / month"));
    }

    void totalsAndCheapestMarked()
    {
        ComparisonChart chart;
        chart.setReport(fixture::costReport());
        // Fargate Spot: 7288 × 0.04048 × 0.3 + 14576 × 0.004445 × 0.3 = 88.505 + 19.437 = 107.94 USD.
        QCOMPARE(chart.cheapestIndex(), 2);
        QCOMPARE(chart.totalLabel(2), QStringLiteral("★ cheapest\n108 USD"));
        // ECS on EC2: 699.648 + 15.974 (7288 × 20 GB ÷ 730 × 0.08) = 715.62 USD.
        QCOMPARE(chart.totalLabel(0), QStringLiteral("716 USD"));
        // EKS managed nodes: 715.62 + 73 = 788.62 USD.
        QCOMPARE(chart.totalLabel(3), QStringLiteral("789 USD"));
        QCOMPARE(chart.itemCount(), 5);
        auto *cheapestLabel = qobject_cast<QCPItemText *>(chart.item(2));
        QVERIFY(cheapestLabel);
        QVERIFY(cheapestLabel->font().bold());
        QVERIFY(!qobject_cast<QCPItemText *>(chart.item(0))->font().bold());
        // The top of the axis leaves room for the labels above the tallest bar.
        QVERIFY(chart.yAxis->range().upper > 788.62 * 1.1);
    }

    void summaryForScreenReaders()
    {
        ComparisonChart chart;
        QVERIFY(!chart.accessibleName().isEmpty());
        chart.setReport(fixture::costReport());
        const QString summary = chart.textSummary();
        QVERIFY2(summary.startsWith(QStringLiteral("ECS Fargate Spot: 107.94 USD per month (cheapest). "
                                                   "ECS Fargate: 359.81 USD per month (233.3 % more).")),
            qPrintable(summary));
        QVERIFY2(summary.endsWith(QStringLiteral("EKS managed nodes: 788.62 USD per month (630.6 % more).")),
            qPrintable(summary));
    }

    void hoverShowsTooltip()
    {
        ComparisonChart chart;
        chart.resize(900, 450);
        chart.setReport(fixture::costReport());
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.replot(QCustomPlot::rpImmediateRefresh);

        const QPoint onEc2Compute = segmentCentre(chart, 0, ComponentId::ComputeOnDemand);
        QCOMPARE(chart.tooltipAt(onEc2Compute),
            QStringLiteral("ECS on EC2 — Compute (On-Demand): 699.65 USD (97.8 % of 715.62 USD)"));
        const QPoint onEksControlPlane = segmentCentre(chart, 3, ComponentId::ControlPlane);
        QCOMPARE(chart.tooltipAt(onEksControlPlane),
            QStringLiteral("EKS managed nodes — EKS control plane: 73.00 USD (9.3 % of 788.62 USD)"));
        // Between two bars, and above a bar: no tooltip.
        const QPoint between(int(chart.xAxis->coordToPixel(1.5)), onEc2Compute.y());
        QCOMPARE(chart.tooltipAt(between), QString());
        const QPoint above(onEc2Compute.x(), int(chart.yAxis->coordToPixel(760)));
        QCOMPARE(chart.tooltipAt(above), QString());

        // A real mouse move over the segment shows the same text in a tooltip.
        QTest::mouseMove(&chart, onEksControlPlane);
        QTRY_COMPARE(
            QToolTip::text(), QStringLiteral("EKS managed nodes — EKS control plane: 73.00 USD (9.3 % of 788.62 USD)"));
    }

    void darkThemeStylesAxesAndBackground()
    {
        ComparisonChart chart;
        chart.setTheme(ChartTheme::dark());
        chart.setReport(fixture::costReport());
        QCOMPARE(chart.axisRect()->backgroundBrush().color(), ChartTheme::dark().background);
        QCOMPARE(chart.yAxis->tickLabelColor(), ChartTheme::dark().text);
        QCOMPARE(chart.xAxis->tickLabelColor(), ChartTheme::dark().text);
        QCOMPARE(chart.legend->textColor(), ChartTheme::dark().text);
        chart.setTheme(ChartTheme::light());
        QCOMPARE(chart.yAxis->tickLabelColor(), ChartTheme::light().text);
        // A theme change keeps the data.
        QCOMPARE(chart.componentBars().size(), 7);
        // Light and dark text must differ clearly from their backgrounds.
        QVERIFY(qAbs(ChartTheme::dark().text.lightness() - ChartTheme::dark().background.lightness()) > 150);
    }

    void rendersBarsInComponentColours()
    {
        for (const bool dark : { false, true }) {
            const ChartTheme theme = dark ? ChartTheme::dark() : ChartTheme::light();
            ComparisonChart chart;
            chart.setTheme(theme);
            chart.resize(900, 450);
            chart.setReport(fixture::costReport());
            const QImage image = chart.toPixmap(900, 450).toImage();
            // toPixmap lays the chart out at that size; the segment centres are then known.
            const QPoint ec2Compute = segmentCentre(chart, 0, ComponentId::ComputeOnDemand);
            QCOMPARE(QColor(image.pixel(ec2Compute)), fleetplan::views::componentColor(ComponentId::ComputeOnDemand));
            const QPoint eksControlPlane = segmentCentre(chart, 3, ComponentId::ControlPlane);
            QCOMPARE(QColor(image.pixel(eksControlPlane)), fleetplan::views::componentColor(ComponentId::ControlPlane));
            // Between the bars, the theme's background.
            const QPoint gap(int(chart.xAxis->coordToPixel(1.5)), int(chart.yAxis->coordToPixel(50)));
            QCOMPARE(QColor(image.pixel(gap)).rgb(), theme.background.rgb());
            const QByteArray dir = qgetenv("FLEETPLAN_CHART_PNG_DIR"); // to look at the charts by eye
            if (!dir.isEmpty())
                image.save(QString::fromLocal8Bit(dir)
                    + (dark ? QStringLiteral("/comparison-dark.png") : QStringLiteral("/comparison-light.png")));
        }
    }

    void emptyReportClearsChart()
    {
        ComparisonChart chart;
        chart.setReport(fixture::costReport());
        chart.setReport(fleetplan::models::CostReport {});
        QCOMPARE(chart.componentBars().size(), 0);
        QCOMPARE(chart.plottableCount(), 0);
        QCOMPARE(chart.cheapestIndex(), -1);
        QCOMPARE(chart.textSummary(), QStringLiteral("No platform simulated."));
    }

    // Issue 17, item 9: two platforms at the same total to the cent are a tie, marked alike in the chart,
    // the table and the summary.
    void tiesAreMarkedTheSameInChartAndTable()
    {
        fleetplan::models::CostReport report = fixture::costReport();
        // EKS Fargate at Fargate Spot's total but for a fraction of a cent (107.94 either way on screen).
        const double spot = report.platforms.at(2).totalUsd;
        report.platforms[4].totalUsd = spot + 0.001;
        ComparisonChart chart;
        chart.setReport(report);
        QCOMPARE(chart.totalLabel(2), QStringLiteral("★ tie\n108 USD"));
        QCOMPARE(chart.totalLabel(4), QStringLiteral("★ tie\n108 USD"));
        QCOMPARE(chart.totalLabel(0), QStringLiteral("716 USD"));
        QVERIFY(qobject_cast<QCPItemText *>(chart.item(4))->font().bold());
        QVERIFY2(
            chart.textSummary().contains(QStringLiteral("ECS Fargate Spot: 107.94 USD per month (tie for cheapest)")),
            qPrintable(chart.textSummary()));

        fleetplan::views::ComparisonTableModel model;
        model.setReport(report);
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("ECS Fargate Spot ★ tie"));
        QCOMPARE(model.index(4, 0).data().toString(), QStringLiteral("EKS Fargate ★ tie"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("ECS on EC2"));
        QVERIFY(model.index(4, 1).data(Qt::FontRole).value<QFont>().bold());

        // A cent apart is no tie: one cheapest, one star.
        report.platforms[4].totalUsd = spot + 0.01;
        chart.setReport(report);
        model.setReport(report);
        QCOMPARE(chart.totalLabel(2), QStringLiteral("★ cheapest\n108 USD"));
        QCOMPARE(chart.totalLabel(4), QStringLiteral("108 USD"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("ECS Fargate Spot ★"));
    }
};

QTEST_MAIN(TestComparisonChart)
#include "tst_comparisonchart.moc"
