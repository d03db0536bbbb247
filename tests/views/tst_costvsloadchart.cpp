// SPDX-License-Identifier: GPL-3.0-or-later
// CostVsLoadChart on a hand-made sweep: one line per platform, infeasible loads as gaps and shading,
// break-even diamonds on the crossing, the what-if line; and a PNG of it that is not empty.
#include <cmath>

#include <QtTest>

#include "models/simulation/loadsweep.h"
#include "views/charttheme.h"
#include "views/costvsloadchart.h"

using namespace fleetplan;
using models::PlatformId;

namespace {

/// ×1 … ×4: ECS on EC2 150, 200, 250, 300; ECS Fargate 60 × load (60, 120, 180, 240), cheaper than ECS on
/// EC2 everywhere; EKS managed nodes 200 flat; EKS Fargate 70, 140, then infeasible at ×3 and ×4.
models::LoadSweep handMade()
{
    models::LoadSweep s;
    s.scenarioName = QStringLiteral("hand-made");
    s.range = { 1, 4, 1 };
    s.platforms = { PlatformId::EcsEc2, PlatformId::EcsFargate, PlatformId::EksNodes, PlatformId::EksFargate };
    for (int i = 0; i < 4; ++i) {
        models::SweepPoint p;
        p.load = 1 + i;
        p.computed = true;
        p.costs.append({ PlatformId::EcsEc2, true, 150.0 + 50 * i, {} });
        p.costs.append({ PlatformId::EcsFargate, true, 60.0 * (i + 1), {} });
        p.costs.append({ PlatformId::EksNodes, true, 200.0, {} });
        if (i < 2)
            p.costs.append({ PlatformId::EksFargate, true, 70.0 * (i + 1), {} });
        else
            p.costs.append({ PlatformId::EksFargate, false, 0.0, QStringLiteral("too big") });
        s.points.append(p);
    }
    models::findBreakEvens(s);
    return s;
}

} // namespace

class TestCostVsLoadChart : public QObject
{
    Q_OBJECT

private slots:
    void drawsTheSweep()
    {
        const models::LoadSweep sweep = handMade();
        // EKS nodes (200) against ECS Fargate (60, 120, 180, 240): crosses between ×3 and ×4, at
        // 3 + (180 − 200) ÷ ((180 − 200) − (240 − 200)) = 3 + 1/3; against ECS on EC2 (150, 200, 250):
        // 150 < 200, tie at ×2, 250 > 200 → between ×1 and ×3 at 1 + 2 × 50/100 = 2.
        QCOMPARE(sweep.breakEvens.size(), 2);
        QCOMPARE(sweep.breakEvens.at(0).load, 2.0);
        QCOMPARE(sweep.breakEvens.at(0).cheaperAbove, PlatformId::EksNodes);
        QCOMPARE(sweep.breakEvens.at(0).cheaperBelow, PlatformId::EcsEc2);
        QVERIFY(std::abs(sweep.breakEvens.at(1).load - (3 + 1.0 / 3)) < 1e-12);
        QCOMPARE(sweep.breakEvens.at(1).text(),
            QStringLiteral("EKS managed nodes is cheaper than ECS Fargate above ×3.33 load"));
        QCOMPARE(sweep.infeasibleRanges.size(), 1);

        views::CostVsLoadChart chart;
        chart.setTheme(views::ChartTheme::light());
        chart.setCurrentLoad(1.5);
        chart.setSweep(sweep);
        chart.resize(800, 480);
        QCOMPARE(chart.platformGraph(PlatformId::EcsEc2)->dataCount(), 4);
        QVERIFY(!chart.platformGraph(PlatformId::EcsFargateSpot));
        // Infeasible loads are gaps (NaN), never 0.
        QCPGraph *eksFargate = chart.platformGraph(PlatformId::EksFargate);
        QCOMPARE(eksFargate->dataCount(), 4);
        QVERIFY(std::isnan(eksFargate->data()->at(2)->value));
        QVERIFY(std::isnan(eksFargate->data()->at(3)->value));
        QCOMPARE(chart.infeasibleAreas().size(), 1);
        // The diamonds sit on the crossing: EKS nodes' flat 200.
        QCPGraph *marks = chart.breakEvenGraph();
        QVERIFY(marks);
        QCOMPARE(marks->dataCount(), 2);
        QCOMPARE(marks->data()->at(0)->value, 200.0);
        QCOMPARE(marks->data()->at(1)->value, 200.0);
        QVERIFY(chart.currentLoadLine());
        QCOMPARE(chart.currentLoadLine()->point1->coords().x(), 1.5);
        QCOMPARE(chart.yAxis->label(), QStringLiteral("USD / month"));
        QVERIFY(
            chart.textSummary().contains(QStringLiteral("EKS Fargate cannot run the workload from ×3.00 to ×4.00")));

        // Drawn, it has coloured lines on white.
        const QImage image = chart.toPixmap(800, 480).toImage();
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2)
                coloured += QColor(image.pixel(x, y)).saturation() > 100 ? 1 : 0;
        }
        QVERIFY2(coloured > 300, qPrintable(QString::number(coloured)));
        const QString dir = qEnvironmentVariable("FLEETPLAN_CHART_PNG_DIR");
        if (!dir.isEmpty())
            image.save(dir + QStringLiteral("/cost-vs-load-chart.png"));
    }

    void emptySweep()
    {
        views::CostVsLoadChart chart;
        chart.setSweep({});
        QVERIFY(!chart.breakEvenGraph());
        QVERIFY(!chart.currentLoadLine());
        QCOMPARE(chart.textSummary(), QStringLiteral("No load swept."));
    }
};

QTEST_MAIN(TestCostVsLoadChart)
#include "tst_costvsloadchart.moc"
