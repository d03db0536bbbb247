// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18 "Decision views": cost vs load (models/simulation/loadsweep.h). A hand-built scenario whose
// break-even load is computed by hand from the bundled catalog's rates; the sweep of the sample never
// falls with more load; parallel, coarse-first and sequential sweeps are identical; cancellation;
// ranges that cannot be swept are refused with a sentence.
#include <atomic>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "common/fixtures.h"
#include "common/stepscenario.h"
#include "models/simulation/loadsweep.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan;
using namespace fleetplan::models;
using fleetplan::test::catalog;
using fleetplan::test::fixedType;
using fleetplan::test::service;
using namespace fleetplan::test::step;

namespace {

LoadSweepOptions twoPlatforms(const LoadRange &range)
{
    LoadSweepOptions options;
    options.range = range;
    options.platforms = { PlatformId::EcsEc2, PlatformId::EcsFargate };
    return options;
}

/// Every platform's fall from one computed point to the next above 0.5 %, in words (empty = none).
QString drops(const LoadSweep &sweep)
{
    QStringList failures;
    for (PlatformId id : sweep.platforms) {
        const SweepCost *previous = nullptr;
        double previousLoad = 0;
        for (const SweepPoint &p : sweep.points) {
            const SweepCost *c = p.cost(id);
            if (!c || !c->feasible)
                continue;
            if (previous && c->totalUsd < previous->totalUsd * (1 - 0.005))
                failures.append(QStringLiteral("%1: %2 USD at ×%3 → %4 USD at ×%5")
                                    .arg(toId(id))
                                    .arg(previous->totalUsd, 0, 'f', 2)
                                    .arg(previousLoad)
                                    .arg(c->totalUsd, 0, 'f', 2)
                                    .arg(p.load));
            previous = c;
            previousLoad = p.load;
        }
    }
    return failures.join(u'\n');
}

} // namespace

class TestCostSweep : public QObject
{
    Q_OBJECT

private slots:
    void defaultRange()
    {
        const LoadRange range;
        QCOMPARE(range.pointCount(), 16);
        QCOMPARE(range.at(0), 0.25);
        QCOMPARE(range.at(15), 4.0);
        QCOMPARE(range.problem(), QString());
        QCOMPARE(range.toString(), QStringLiteral("0.25:4:0.25"));
        const auto parsed = parseLoadRange(QStringLiteral("0.25:4:0.25"));
        QVERIFY(parsed);
        QCOMPARE(*parsed, range);
        QCOMPARE(parseLoadRange(QStringLiteral("1:20:0.05"))->pointCount(), 381);
    }

    void handComputedBreakEven()
    {
        const LoadRange range { 0.05, 1.0, 0.05 };
        const LoadSweep sweep = sweepLoad(stepScenario(), catalog(), twoPlatforms(range));
        QCOMPARE(sweep.points.size(), 20);
        QVERIFY(!sweep.cancelled);
        QCOMPARE(sweep.computedCount(), 20);
        QCOMPARE(sweep.platforms, (QList<PlatformId> { PlatformId::EcsEc2, PlatformId::EcsFargate }));

        // The figures at ×1 (8 tasks, 2 nodes) and ×0.35 (3 tasks, 1 node), 10 hours.
        const SweepPoint &full = sweep.points.last();
        QCOMPARE(full.load, 1.0);
        COMPARE_USD(full.cost(PlatformId::EcsFargate)->totalUsd, 8 * FargateTaskHour * Hours);
        COMPARE_USD(full.cost(PlatformId::EcsEc2)->totalUsd, 2 * NodeHour * Hours);
        const SweepPoint &three = sweep.points.at(6);
        QVERIFY(qAbs(three.load - 0.35) < 1e-12);
        COMPARE_USD(three.cost(PlatformId::EcsFargate)->totalUsd, 3 * FargateTaskHour * Hours);
        COMPARE_USD(three.cost(PlatformId::EcsEc2)->totalUsd, 1 * NodeHour * Hours);

        // One crossing, within one step of the hand-computed ×0.375, between the points ×0.35 and ×0.40.
        QCOMPARE(sweep.breakEvens.size(), 1);
        const BreakEven &be = sweep.breakEvens.constFirst();
        QCOMPARE(be.cheaperAbove, PlatformId::EcsEc2);
        QCOMPARE(be.cheaperBelow, PlatformId::EcsFargate);
        QVERIFY2(qAbs(be.load - 0.375) <= range.step, qPrintable(QString::number(be.load)));
        QVERIFY(qAbs(be.lowerLoad - 0.35) < 1e-12);
        QVERIFY(qAbs(be.upperLoad - 0.40) < 1e-12);
        // Linear interpolation of the difference between those points: Fargate − EC2 is 3f − e at ×0.35
        // and 4f − e at ×0.40 (per hour; the 10 hours cancel out).
        const double d0 = 3 * FargateTaskHour - NodeHour;
        const double d1 = 4 * FargateTaskHour - NodeHour;
        QVERIFY(qAbs(be.load - (0.35 + 0.05 * d0 / (d0 - d1))) < 1e-9);
        QCOMPARE(
            be.text(), QStringLiteral("ECS on EC2 is cheaper than ECS Fargate above ×%1 load").arg(be.load, 0, 'f', 2));
        QCOMPARE(sweep.summaryLines(), QStringList { be.text() });
        QVERIFY(sweep.infeasibleRanges.isEmpty());
        QCOMPARE(drops(sweep), QString());
    }

    void samplePlatformsNeverCheaperWithMoreLoad()
    {
        LoadSweepOptions options;
        options.fast = true;
        const LoadSweep sweep = sweepLoad(bundledSampleScenario(), catalog(), options);
        QCOMPARE(sweep.points.size(), 16);
        QCOMPARE(sweep.platforms.size(), platformsToRun(bundledSampleScenario(), {}).size());
        QCOMPARE(drops(sweep), QString());
        for (const QString &line : sweep.summaryLines())
            qInfo("%s", qPrintable(line));
    }

    void parallelEqualsSequential()
    {
        const Scenario sample = bundledSampleScenario();
        LoadSweepOptions options;
        options.fast = true;
        options.range = { 0.5, 3.0, 0.25 };
        options.threads = 1;
        const LoadSweep sequential = sweepLoad(sample, catalog(), options);
        options.threads = 0;
        const LoadSweep parallel = sweepLoad(sample, catalog(), options);
        options.coarseStride = 4;
        int coarseCalls = 0;
        int coarseComputed = 0;
        options.coarseReady = [&](const LoadSweep &coarse) {
            ++coarseCalls;
            coarseComputed = coarse.computedCount();
        };
        const LoadSweep coarseFirst = sweepLoad(sample, catalog(), options);
        QCOMPARE(coarseCalls, 1);
        QCOMPARE(coarseComputed, 4); // points 0, 4, 8 and the last (10) of 11
        QVERIFY(parallel == sequential);
        QVERIFY(coarseFirst == sequential);
        QCOMPARE(loadSweepToJson(parallel), loadSweepToJson(sequential));
        QCOMPARE(loadSweepToJson(coarseFirst), loadSweepToJson(sequential));
        // Each point is the report `compare --load-multiplier X` would print.
        WhatIf whatIf;
        whatIf.loadMultiplier = 1.5;
        const CostReport report = simulate(sample, catalog(), whatIf, fastSimulation());
        const SweepPoint &p = sequential.points.at(4);
        QCOMPARE(p.load, 1.5);
        for (const PlatformResult &r : report.platforms) {
            QCOMPARE(p.cost(r.id)->feasible, r.feasible());
            QCOMPARE(p.cost(r.id)->totalUsd, r.totalUsd);
        }
    }

    void cancellationStopsEarly()
    {
        std::atomic<bool> stop { false };
        LoadSweepOptions options = twoPlatforms(LoadRange { 0.05, 1.0, 0.05 });
        options.threads = 1;
        options.cancel = &stop;
        int calls = 0;
        options.progress = [&](int done, int total) {
            ++calls;
            QCOMPARE(total, 20);
            if (done == 3)
                stop = true;
        };
        const LoadSweep sweep = sweepLoad(stepScenario(), catalog(), options);
        QVERIFY(sweep.cancelled);
        QCOMPARE(calls, 3);
        QCOMPARE(sweep.computedCount(), 3);
        QCOMPARE(sweep.points.size(), 20);
        QVERIFY(sweep.points.at(2).computed);
        QVERIFY(!sweep.points.at(3).computed);
        QVERIFY(sweep.points.at(3).costs.isEmpty());
        QVERIFY(sweep.breakEvens.isEmpty()); // the crossing at ×0.375 was never reached
        const QJsonObject json = QJsonDocument::fromJson(loadSweepToJson(sweep)).object();
        QCOMPARE(json.value(u"cancelled").toBool(), true);

        // In parallel: some points finish (those already running), the rest never start.
        stop = false;
        options.threads = 0;
        const LoadSweep parallel = sweepLoad(stepScenario(), catalog(), options);
        QVERIFY(parallel.cancelled);
        QVERIFY(parallel.computedCount() < 20);

        // Cancelled before it starts: nothing runs.
        stop = true;
        QCOMPARE(sweepLoad(stepScenario(), catalog(), options).computedCount(), 0);
    }

    void infeasibleRange()
    {
        // 32 vCPU per task: above the largest Fargate size (16 vCPU), within an EC2 type's.
        Scenario sc = stepScenario();
        sc.services.first().cpu = 32;
        sc.services.first().memoryMib = 65536;
        sc.platform(PlatformId::EcsEc2).instanceTypes.clear();
        sc.platform(PlatformId::EcsEc2).mixedInstances = true;
        LoadSweepOptions options = twoPlatforms(LoadRange { 0.5, 1.0, 0.25 });
        options.fast = true;
        const LoadSweep sweep = sweepLoad(sc, catalog(), options);
        QCOMPARE(sweep.infeasibleRanges.size(), 1);
        const InfeasibleRange &r = sweep.infeasibleRanges.constFirst();
        QCOMPARE(r.platform, PlatformId::EcsFargate);
        QCOMPARE(r.from, 0.5);
        QCOMPARE(r.to, 1.0);
        QVERIFY(r.text().startsWith(QStringLiteral("ECS Fargate cannot run the workload from ×0.50 to ×1.00 load (")));
        QVERIFY(sweep.breakEvens.isEmpty());
        for (const SweepPoint &p : sweep.points) {
            QVERIFY(!p.cost(PlatformId::EcsFargate)->feasible);
            QCOMPARE(p.cost(PlatformId::EcsFargate)->totalUsd, 0.0);
            QVERIFY(p.cost(PlatformId::EcsEc2)->feasible);
        }
        const QStringList lines = sweep.summaryLines();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.first(),
            QStringLiteral("No break-even: ECS on EC2 is the cheapest at every load from ×0.50 to ×1.00"));
        // JSON: never a price for the infeasible platform.
        const QJsonObject json = QJsonDocument::fromJson(loadSweepToJson(sweep)).object();
        const QJsonObject point = json.value(u"points").toArray().first().toObject();
        const QJsonObject fargate = point.value(u"platforms").toObject().value(u"ecs-fargate").toObject();
        QCOMPARE(fargate.value(u"feasible").toBool(), false);
        QVERIFY(fargate.value(u"total_usd").isNull());
    }

    void badRangesRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("not three numbers") << "1:2"
                                           << "must be FROM:TO:STEP with three numbers";
        QTest::newRow("words") << "a:b:c"
                               << "must be FROM:TO:STEP with three numbers";
        QTest::newRow("NaN") << "nan:4:0.25"
                             << "must be finite numbers, not NaN or infinity";
        QTest::newRow("infinity") << "0.25:inf:0.25"
                                  << "must be finite numbers, not NaN or infinity";
        QTest::newRow("zero") << "0:4:0.25"
                              << "load multipliers must be above 0";
        QTest::newRow("negative") << "-1:2:0.5"
                                  << "load multipliers must be above 0";
        QTest::newRow("above 20") << "0.25:25:0.25"
                                  << "load multipliers above ×20 are not swept";
        QTest::newRow("reversed") << "4:1:0.25"
                                  << "TO (1) is below FROM (4)";
        QTest::newRow("zero step") << "0.25:4:0"
                                   << "STEP must be above 0";
        QTest::newRow("negative step") << "0.25:4:-1"
                                       << "STEP must be above 0";
        QTest::newRow("401 points") << "1:5:0.01"
                                    << "1:5:0.01 has 401 points; at most 400 are swept";
        QTest::newRow("far too many") << "1:20:1e-12"
                                      << "has too many points; at most 400 are swept";
    }

    void badRangesRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!parseLoadRange(text, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        // sweepLoad() refuses an invalid range it is handed directly: nothing runs.
        const auto parts = text.split(u':');
        if (parts.size() == 3) {
            LoadSweepOptions options;
            options.range = { parts.at(0).toDouble(), parts.at(1).toDouble(), parts.at(2).toDouble() };
            const LoadSweep sweep = sweepLoad(stepScenario(), catalog(), options);
            QVERIFY(sweep.points.isEmpty());
            QVERIFY(sweep.cancelled);
        }
    }
};

QTEST_GUILESS_MAIN(TestCostSweep)
#include "tst_costsweep.moc"
