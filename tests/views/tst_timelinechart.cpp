// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "data/reports/costreportfixture.h"
#include "views/periodticker.h"
#include "views/theme.h"
#include "views/timelinechart.h"

using fleetplan::models::PlatformId;
using fleetplan::views::TimelineChart;

/// The hour-by-hour chart: cost, nodes and load over the billing period, zoomed and panned in time.
class TestTimelineChart : public QObject
{
    Q_OBJECT

private slots:
    void seriesMatchReport()
    {
        TimelineChart chart;
        const auto report = fixture::costReport();
        chart.setReport(report);
        for (const auto &p : report.platforms) {
            QCPGraph *cost = chart.costGraph(p.id);
            QVERIFY(cost);
            QCOMPARE(cost->dataCount(), 730);
            QCOMPARE(cost->data()->at(8)->value, p.series.costUsd.at(8));
            QCOMPARE(cost->valueAxis()->axisRect(), chart.costRect());
            QCPGraph *nodes = chart.nodeGraph(p.id);
            QVERIFY(nodes);
            QCOMPARE(nodes->valueAxis()->axisRect(), chart.fleetRect());
        }
        // ECS on EC2 at 08:00 on day 1: 12 nodes (fixture: one 1-vCPU task per m5.large, 12 by day, 8 by night).
        QCOMPARE(chart.nodeGraph(PlatformId::EcsEc2)->data()->at(8)->value, 12.0);
        QCOMPARE(chart.nodeGraph(PlatformId::EcsEc2)->data()->at(7)->value, 8.0);
        // Fargate has no nodes: its curve counts tasks (one micro-VM each).
        QCOMPARE(chart.nodeGraph(PlatformId::EcsFargate)->data()->at(8)->value, 12.0);
        // ECS on EC2 cost of hour 8: 715.62 USD × 12 ÷ 7288 task-hours = 1.1783 USD.
        QVERIFY(qAbs(chart.costGraph(PlatformId::EcsEc2)->data()->at(8)->value - 1.17830) < 1e-4);
        // The load curve: vCPU requested on the first Fargate platform, on the fleet panel's right axis.
        QVERIFY(chart.loadGraph());
        QCOMPARE(chart.loadPlatform(), PlatformId::EcsFargate);
        QCOMPARE(chart.loadGraph()->valueAxis(), chart.fleetRect()->axis(QCPAxis::atRight));
        // Issue 17, item 8: EC2 nodes and Fargate tasks are counted on axes of their own.
        QCOMPARE(chart.nodeGraph(PlatformId::EcsEc2)->valueAxis(), chart.fleetRect()->axis(QCPAxis::atLeft));
        QCOMPARE(chart.nodeGraph(PlatformId::EcsFargate)->valueAxis(), chart.tasksAxis());
        QCOMPARE(chart.tasksAxis()->axisRect(), chart.fleetRect());
        QVERIFY(chart.tasksAxis()->visible());
        QCOMPARE(chart.tasksAxis()->label(), QStringLiteral("Fargate tasks (dashed)"));
        QCOMPARE(chart.fleetRect()->axis(QCPAxis::atLeft)->label(), QStringLiteral("EC2 nodes"));
        QCOMPARE(chart.loadGraph()->data()->at(3)->value, 8.0);
        QCOMPARE(chart.loadGraph()->data()->at(12)->value, 12.0);
        // The whole period is shown; cost axis labelled per hour.
        QCOMPARE(chart.xAxis->range().lower, 0.0);
        QCOMPARE(chart.xAxis->range().upper, 729.0);
        QCOMPARE(chart.costRect()->axis(QCPAxis::atLeft)->label(), QStringLiteral("USD / hour"));
    }

    void zoomAndPanAreHorizontalAndShared()
    {
        TimelineChart chart;
        chart.resize(900, 500);
        chart.setReport(fixture::costReport());
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(chart.interactions().testFlag(QCP::iRangeZoom));
        QVERIFY(chart.interactions().testFlag(QCP::iRangeDrag));
        QCOMPARE(chart.costRect()->rangeZoom(), Qt::Horizontal);
        QCOMPARE(chart.fleetRect()->rangeDrag(), Qt::Horizontal);

        QCPAxis *costX = chart.costRect()->axis(QCPAxis::atBottom);
        QCPAxis *fleetX = chart.fleetRect()->axis(QCPAxis::atBottom);
        const QCPRange costYBefore = chart.costRect()->axis(QCPAxis::atLeft)->range();
        // Wheel up over the cost panel zooms in on time only, and the fleet panel follows.
        const QPointF centre = chart.costRect()->rect().center();
        QWheelEvent wheel(centre, chart.mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        QApplication::sendEvent(&chart, &wheel);
        QVERIFY2(costX->range().size() < 729.0, qPrintable(QString::number(costX->range().size())));
        QCOMPARE(fleetX->range(), costX->range());
        QCOMPARE(chart.costRect()->axis(QCPAxis::atLeft)->range(), costYBefore);

        // Dragging pans both panels the same way.
        const QCPRange before = costX->range();
        const QPoint from = chart.fleetRect()->rect().center();
        QTest::mousePress(&chart, Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(&chart, from + QPoint(-100, 0));
        QTest::mouseRelease(&chart, Qt::LeftButton, Qt::NoModifier, from + QPoint(-100, 0));
        QVERIFY2(costX->range().lower > before.lower, qPrintable(QString::number(costX->range().lower)));
        QVERIFY(qAbs(costX->range().size() - before.size()) < 1e-6);
        QCOMPARE(fleetX->range(), costX->range());
    }

    void rendersToImage()
    {
        TimelineChart chart;
        chart.setTheme(fleetplan::views::ChartTheme::light());
        chart.setReport(fixture::costReport());
        const QImage image = chart.toPixmap(1000, 560).toImage();
        // Hour 14 of day 1: ECS on EC2's cost line (1.1783 USD) is drawn in its platform colour.
        QCPAxis *x = chart.costRect()->axis(QCPAxis::atBottom);
        QCPAxis *y = chart.costRect()->axis(QCPAxis::atLeft);
        const QPoint onLine(int(x->coordToPixel(14.5)), int(std::lround(y->coordToPixel(715.6217 * 12 / 7288))));
        const QByteArray dir = qgetenv("FLEETPLAN_CHART_PNG_DIR"); // to look at the chart by eye
        if (!dir.isEmpty())
            image.save(QString::fromLocal8Bit(dir) + QStringLiteral("/timeline.png"));
        // Lines are antialiased: look for a pixel close to the platform colour within ±2 px.
        const QColor want = fleetplan::views::platformColor(PlatformId::EcsEc2);
        bool found = false;
        for (int dy = -2; dy <= 2 && !found; ++dy) {
            const QColor got(image.pixel(onLine + QPoint(0, dy)));
            found = qAbs(got.red() - want.red()) < 40 && qAbs(got.green() - want.green()) < 40
                && qAbs(got.blue() - want.blue()) < 40;
        }
        QVERIFY(found);
    }

    void summaryNamesRanges()
    {
        TimelineChart chart;
        QVERIFY(!chart.accessibleName().isEmpty());
        chart.setReport(fixture::costReport());
        const QString summary = chart.textSummary();
        // ECS on EC2: 715.62 × 8 ÷ 7288 = 0.79 USD by night, 715.62 × 12 ÷ 7288 = 1.18 USD by day.
        QVERIFY2(summary.contains(QStringLiteral("ECS on EC2: 0.79 to 1.18 USD per hour (mean 0.98), 8 to 12 nodes.")),
            qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("ECS Fargate: 0.39 to 0.59 USD per hour (mean 0.49), 8 to 12 tasks.")),
            qPrintable(summary));
        QVERIFY2(summary.endsWith(QStringLiteral("Load: 8.00 to 12.00 vCPU requested over 730 hours.")),
            qPrintable(summary));
    }

    // Issue 17, defect 8: the time axis reads as days and times, hovering shows each platform's figures,
    // and a legend click hides a platform.
    void timeAxisReadsAsDaysAndTimes()
    {
        QCOMPARE(fleetplan::views::periodHourText(0), QStringLiteral("Mon 00:00, day 1"));
        QCOMPARE(fleetplan::views::periodHourText(38), QStringLiteral("Tue 14:00, day 2"));
        QCOMPARE(fleetplan::views::periodHourText(24 * 7 + 9), QStringLiteral("Mon 09:00, day 8"));
        TimelineChart chart;
        chart.resize(1000, 600);
        chart.setReport(fixture::costReport());
        chart.replot();
        QCPAxis *x = chart.fleetRect()->axis(QCPAxis::atBottom);
        const QStringList whole(x->tickVectorLabels().cbegin(), x->tickVectorLabels().cend());
        QVERIFY2(!whole.isEmpty() && whole.constFirst().startsWith(QStringLiteral("Mon\nday 1")),
            qPrintable(whole.join(u'|')));
        for (const QString &label : whole)
            QVERIFY2(label.contains(QStringLiteral("day ")), qPrintable(label));
        // Zoomed in to one day: times of day, midnight with its weekday.
        x->setRange(24, 48);
        chart.replot();
        const QStringList day(x->tickVectorLabels().cbegin(), x->tickVectorLabels().cend());
        QVERIFY2(day.contains(QStringLiteral("Tue\n00:00")), qPrintable(day.join(u'|')));
        QVERIFY2(day.contains(QStringLiteral("12:00")), qPrintable(day.join(u'|')));
    }

    void hoverShowsACrosshairAndEachPlatformsValues()
    {
        TimelineChart chart;
        chart.resize(1000, 600);
        const auto report = fixture::costReport();
        chart.setReport(report);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.replot();
        const QString text = chart.hoverText(8);
        QVERIFY2(text.startsWith(QStringLiteral("Mon 08:00, day 1\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("ECS on EC2: 1.1783 USD/h · 12 nodes")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("ECS Fargate: ")) && text.contains(QStringLiteral("12 tasks")),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("load: ")));
        // The mouse over hour 8 of the cost panel puts the crosshair there.
        QCPAxis *x = chart.costRect()->axis(QCPAxis::atBottom);
        const QPoint at(qRound(x->coordToPixel(8.5)), chart.costRect()->center().y()); // hour 8 spans 8 … 9
        QTest::mouseMove(&chart, at);
        QTRY_COMPARE(chart.crosshairHour(), 8);
        chart.showCrosshair(-1);
        QCOMPARE(chart.crosshairHour(), -1);
    }

    void legendClickHidesAPlatform()
    {
        TimelineChart chart;
        chart.resize(1000, 600);
        chart.setReport(fixture::costReport());
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.replot();
        QCPGraph *cost = chart.costGraph(PlatformId::EcsEc2);
        QCPAbstractLegendItem *entry = chart.legend->itemWithPlottable(cost);
        QVERIFY(entry);
        QTest::mouseClick(&chart, Qt::LeftButton, {}, entry->rect().center());
        QVERIFY(!chart.isPlatformVisible(PlatformId::EcsEc2));
        QVERIFY(!cost->visible());
        QVERIFY(!chart.nodeGraph(PlatformId::EcsEc2)->visible());
        QVERIFY(!chart.hoverText(8).contains(QStringLiteral("ECS on EC2")));
        // Hidden stays hidden across reports; a second click shows it again.
        chart.setReport(fixture::costReport());
        QVERIFY(!chart.costGraph(PlatformId::EcsEc2)->visible());
        chart.replot();
        entry = chart.legend->itemWithPlottable(chart.costGraph(PlatformId::EcsEc2));
        QTest::mouseClick(&chart, Qt::LeftButton, {}, entry->rect().center());
        QVERIFY(chart.isPlatformVisible(PlatformId::EcsEc2));
        QVERIFY(chart.costGraph(PlatformId::EcsEc2)->visible());
    }
};

QTEST_MAIN(TestTimelineChart)
#include "tst_timelinechart.moc"
