// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18 "Decision views": sensitivity (models/simulation/sensitivity.h). On a hand-built scenario whose
// ranking flips at a load computed by hand from the bundled catalog's rates, the Load input finds that
// crossover; the figures at each end are the hand-computed ones; parallel and sequential runs are identical;
// a workload only one platform can run has no ranking to test, and says so.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "common/fixtures.h"
#include "common/stepscenario.h"
#include "models/simulation/sensitivity.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan;
using namespace fleetplan::models;
using fleetplan::test::catalog;
using namespace fleetplan::test::step;

namespace {

/// tst_costsweep's step scenario on ECS on EC2 and ECS Fargate only (tests/common/stepscenario.h): at load x,
/// n = ceil(8x) tasks; ECS on EC2 is the cheaper one from n = 4 on, i.e. above x = 0.375.
Scenario twoPlatformSteps()
{
    Scenario sc = stepScenario();
    for (PlatformId id : { PlatformId::EcsFargateSpot, PlatformId::EksNodes, PlatformId::EksFargate })
        sc.platform(id).enabled = false;
    return sc;
}

const SensitivityFactor *factor(const Sensitivity &s, SensitivityInput input)
{
    for (const SensitivityFactor &f : s.factors) {
        if (f.input == input)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestSensitivity : public QObject
{
    Q_OBJECT

private slots:
    void loadCrossoverIsTheHandComputedOne()
    {
        // Analysed at ×0.7 (n = 6: one node 0.0397918 against 6 Fargate tasks 0.074055 per hour), so the Load
        // input runs from ×0.35 (n = 3, Fargate cheaper) to ×1.40 (n = 12, two nodes, EC2 cheaper).
        SensitivityOptions options;
        options.whatIf.loadMultiplier = 0.7;
        options.fast = true;
        const Sensitivity s = analyseSensitivity(twoPlatformSteps(), catalog(), options);
        QVERIFY2(s.ranked, qPrintable(s.problem));
        QCOMPARE(s.cheapest, PlatformId::EcsEc2);
        QCOMPARE(s.runnerUp, PlatformId::EcsFargate);
        COMPARE_USD(s.cheapestUsd, 1 * NodeHour * Hours);
        COMPARE_USD(s.runnerUpUsd, 6 * FargateTaskHour * Hours);

        const SensitivityFactor *load = factor(s, SensitivityInput::Load);
        QVERIFY(load);
        QCOMPARE(load->baseText, QStringLiteral("×0.70"));
        QCOMPARE(load->low.valueText, QStringLiteral("×0.35"));
        QCOMPARE(load->high.valueText, QStringLiteral("×1.40"));
        COMPARE_USD(load->low.cheapest.totalUsd, 1 * NodeHour * Hours);
        COMPARE_USD(load->low.runnerUp.totalUsd, 3 * FargateTaskHour * Hours);
        COMPARE_USD(load->high.cheapest.totalUsd, 2 * NodeHour * Hours);
        COMPARE_USD(load->high.runnerUp.totalUsd, 12 * FargateTaskHour * Hours);
        QVERIFY(*load->low.gapUsd() < 0); // the ranking flips at ×0.35

        // Bisection between ×0.35 and ×0.70, six halvings: within 0.35 / 64 of the hand-computed ×0.375.
        QVERIFY(load->crossover);
        QVERIFY2(qAbs(*load->crossover - 0.375) <= 0.35 / 64, qPrintable(QString::number(*load->crossover)));
        QVERIFY(!load->runnerUpCheaperAbove); // above the crossover, ECS on EC2 stays the cheaper one
        QVERIFY2(load->text(s.cheapest, s.runnerUp, s.periodUnit)
                     .startsWith(QStringLiteral("Load (×0.35 → ×1.40): ECS on EC2 becomes cheaper than ECS Fargate "
                                                "above ×0.3")),
            qPrintable(load->text(s.cheapest, s.runnerUp, s.periodUnit)));
        // Its swing is the gap's largest move: to −(1 node − 3 tasks) at ×0.35 or to 12 tasks − 2 nodes at ×1.40.
        const double base = (6 * FargateTaskHour - NodeHour) * Hours;
        const double atLow = (3 * FargateTaskHour - NodeHour) * Hours;
        const double atHigh = (12 * FargateTaskHour - 2 * NodeHour) * Hours;
        COMPARE_USD(load->swingUsd(s.baseGapUsd()), qMax(qAbs(atLow - base), qAbs(atHigh - base)));

        // Every input an EC2 platform has is tried, largest swing first.
        QCOMPARE(s.factors.size(), SensitivityInputCount);
        for (qsizetype i = 1; i < s.factors.size(); ++i)
            QVERIFY(s.factors.at(i - 1).swingUsd(s.baseGapUsd()) >= s.factors.at(i).swingUsd(s.baseGapUsd()));
        QCOMPARE(s.summaryLines().size(), 1 + s.factors.size());
    }

    void parallelEqualsSequentialOnTheSample()
    {
        SensitivityOptions options;
        options.fast = true;
        options.threads = 1;
        const Sensitivity sequential = analyseSensitivity(bundledSampleScenario(), catalog(), options);
        options.threads = 0;
        int calls = 0;
        int lastTotal = 0;
        options.progress = [&](int, int total) {
            ++calls;
            lastTotal = total;
        };
        const Sensitivity parallel = analyseSensitivity(bundledSampleScenario(), catalog(), options);
        QVERIFY(sequential.ranked);
        QCOMPARE(sensitivityToJson(parallel), sensitivityToJson(sequential));
        QVERIFY(calls >= lastTotal && lastTotal > 10);

        const QJsonObject json = QJsonDocument::fromJson(sensitivityToJson(parallel)).object();
        QCOMPARE(json.value(u"ranked").toBool(), true);
        QCOMPARE(json.value(u"factors").toArray().size(), sequential.factors.size());
        for (const QJsonValue &f : json.value(u"factors").toArray()) {
            // An end where a platform cannot run has no gap: null, never 0.
            for (const char *end : { "low", "high" }) {
                const QJsonObject c = f.toObject().value(QLatin1String(end)).toObject();
                const bool both = c.value(u"cheapest").toObject().value(u"feasible").toBool()
                    && c.value(u"runner_up").toObject().value(u"feasible").toBool();
                QCOMPARE(c.value(u"gap_usd").isNull(), !both);
            }
        }
    }

    void oneFeasiblePlatformHasNoRanking()
    {
        Scenario sc = twoPlatformSteps();
        sc.platform(PlatformId::EcsEc2).enabled = false;
        SensitivityOptions options;
        options.fast = true;
        const Sensitivity s = analyseSensitivity(sc, catalog(), options);
        QVERIFY(!s.ranked);
        QVERIFY(s.factors.isEmpty());
        QCOMPARE(s.problem,
            QStringLiteral(
                "Only ECS Fargate of the platforms simulated can run the workload: there is no ranking to test"));
        QCOMPARE(s.summaryLines(), QStringList { s.problem });
    }
};

QTEST_GUILESS_MAIN(TestSensitivity)
#include "tst_sensitivity.moc"
