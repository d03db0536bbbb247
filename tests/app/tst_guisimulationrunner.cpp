// SPDX-License-Identifier: GPL-3.0-or-later
#include <cmath>

#include <QSignalSpy>
#include <QtTest>

#include "app/simulationrunner.h"
#include "models/workload/scenariojson.h"
#include "models/simulation/simulation.h"
#include "pricing/catalog.h"

using namespace fleetplan;

class TestGuiSimulationRunner : public QObject
{
    Q_OBJECT

private slots:
    void onlyTheNewestRequestIsReported()
    {
        app::SimulationRunner runner(pricing::Catalog::bundled());
        QSignalSpy ready(&runner, &app::SimulationRunner::reportReady);
        QSignalSpy busy(&runner, &app::SimulationRunner::busyChanged);
        const models::Scenario sample = models::bundledSampleScenario();
        // Five slider steps in a row: the first runs, 2..4 are dropped while waiting, 5 runs and is reported.
        for (double load : { 1.1, 1.2, 1.3, 1.4, 1.5 }) {
            models::WhatIf w;
            w.loadMultiplier = load;
            runner.request(sample, w);
        }
        QCOMPARE(runner.generation(), quint64(5));
        QVERIFY(runner.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 120000);
        // Request 5 is answered twice: the fast pass, then the refined one; request 1 ran but was stale.
        QCOMPARE(ready.count(), 2);
        QCOMPARE(ready.at(0).at(1).toULongLong(), quint64(5));
        QCOMPARE(ready.at(1).at(1).toULongLong(), quint64(5));
        QCOMPARE(ready.at(0).at(3).toBool(), false);
        QCOMPARE(ready.at(1).at(3).toBool(), true);
        QVERIFY(runner.lastWasRefined());
        QCOMPARE(runner.runsStarted(), 3);
        // Each is exactly what simulate() gives for the same values, fast and refined.
        models::WhatIf w;
        w.loadMultiplier = 1.5;
        const auto fast = ready.at(0).at(0).value<models::CostReport>();
        const auto refined = ready.at(1).at(0).value<models::CostReport>();
        QCOMPARE(fast.whatIf.loadMultiplier, 1.5);
        QCOMPARE(fast, models::simulate(sample, *pricing::Catalog::bundled(), w, models::fastSimulation()));
        QCOMPARE(refined, models::simulate(sample, *pricing::Catalog::bundled(), w));
        QCOMPARE(busy.count(), 2); // busy once, idle once

        // A newer request while the refined pass of the older one would be next: only the newer one
        // is refined.
        ready.clear();
        runner.request(sample, {});
        runner.request(sample, w);
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 120000);
        QCOMPARE(ready.count(), 2);
        QCOMPARE(ready.at(1).at(0).value<models::CostReport>().whatIf.loadMultiplier, 1.5);
        QCOMPARE(ready.at(1).at(3).toBool(), true);
    }

    /// The GUI runs compare's validation before simulating (issue 15): a scenario past the limits is never
    /// simulated (it would run out of memory); the runner reports why, and nothing else.
    void scenariosPastTheLimitsAreNotSimulated()
    {
        app::SimulationRunner runner(pricing::Catalog::bundled());
        QSignalSpy ready(&runner, &app::SimulationRunner::reportReady);
        QSignalSpy failed(&runner, &app::SimulationRunner::simulationFailed);
        models::Scenario sc = models::bundledSampleScenario();
        sc.services[0].replicas = 1000000000;
        sc.services[0].maxReplicas = 1000000000;
        runner.request(sc, {});
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 120000);
        QCOMPARE(ready.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(),
            QStringLiteral("the scenario is not valid: services[0].replicas: 1000000000 is above the limit of 100000"));

        models::WhatIf nan;
        nan.loadMultiplier = std::nan("");
        runner.request(models::bundledSampleScenario(), nan);
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 120000);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.at(1).at(0).toString(),
            QStringLiteral("the scenario is not valid: load multiplier: must be a number from 0 to 1000, not nan"));
    }

    void aNewRequestDoesNotWaitForTheRefinedPass()
    {
        // The refined pass runs in its own lane: a slider step while it computes gets its fast figures
        // at once, and the superseded refined result is never shown.
        app::SimulationRunner runner(pricing::Catalog::bundled());
        QSignalSpy ready(&runner, &app::SimulationRunner::reportReady);
        const models::Scenario sample = models::bundledSampleScenario();
        runner.request(sample, {});
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1, 120000);
        QVERIFY(runner.isRefining()); // the first request's refined pass has started
        models::WhatIf w;
        w.loadMultiplier = 1.5;
        runner.request(sample, w);
        bool refiningWhenFastArrived = false;
        connect(&runner, &app::SimulationRunner::reportReady, this,
            [&](const models::CostReport &, quint64, qint64, bool refined) {
                if (!refined)
                    refiningWhenFastArrived = runner.isRefining();
            });
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 120000);
        QCOMPARE(ready.count(), 3); // first fast, second fast, second refined
        QCOMPARE(ready.at(1).at(1).toULongLong(), quint64(2));
        QCOMPARE(ready.at(1).at(3).toBool(), false);
        QCOMPARE(ready.at(2).at(1).toULongLong(), quint64(2));
        QCOMPARE(ready.at(2).at(3).toBool(), true);
        QCOMPARE(
            ready.at(2).at(0).value<models::CostReport>(), models::simulate(sample, *pricing::Catalog::bundled(), w));
        // The second fast pass did not wait: the first refined pass (several times slower) was still running.
        QVERIFY(refiningWhenFastArrived);
    }

    void destroyingWhileBusyWaitsForTheWorker()
    {
        auto runner = std::make_unique<app::SimulationRunner>(pricing::Catalog::bundled());
        runner->request(models::bundledSampleScenario(), {});
        QVERIFY(runner->isBusy());
        runner.reset(); // must neither crash nor leak (ASan in CI)
        QVERIFY(!runner);
    }
};

QTEST_MAIN(TestGuiSimulationRunner)
#include "tst_guisimulationrunner.moc"
