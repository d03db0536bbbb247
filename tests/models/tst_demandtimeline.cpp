// SPDX-License-Identifier: GPL-3.0-or-later
// Demand timeline: replicas per service per hour from load profiles and the what-if, jobs at their
// schedule, identical hours shared. Expected figures are hand-computed from the sample scenario
// (resources/samples/online-shop.json) and the rule ceil(replicas × load × what-if) clamped to [min, max].
#include <QTest>

#include "models/workload/scenariojson.h"
#include "models/simulation/demandtimeline.h"

using namespace fleetplan::models;

class TestDemandTimeline : public QObject
{
    Q_OBJECT

private:
    static Service job(int runsPerDay, int runSeconds, int replicas)
    {
        Service s;
        s.name = QStringLiteral("job");
        s.kind = ServiceKind::Job;
        s.runsPerDay = runsPerDay;
        s.runSeconds = runSeconds;
        s.replicas = replicas;
        return s;
    }

private slots:
    void sampleReplicas_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("hour");
        QTest::addColumn<double>("loadMultiplier");
        QTest::addColumn<int>("expected");
        // web-frontend: 12 replicas, min 4, max 40, diurnal-web profile.
        QTest::newRow("web-frontend h0: ceil(12 × 0.35) = 5") << QStringLiteral("web-frontend") << 0 << 1.0 << 5;
        QTest::newRow("web-frontend h3: ceil(12 × 0.27) = 4") << QStringLiteral("web-frontend") << 3 << 1.0 << 4;
        QTest::newRow("web-frontend h10: 12 × 1.0 = 12") << QStringLiteral("web-frontend") << 10 << 1.0 << 12;
        QTest::newRow("web-frontend h34 wraps to h10: 12") << QStringLiteral("web-frontend") << 34 << 1.0 << 12;
        QTest::newRow("web-frontend h10 what-if 2: 24") << QStringLiteral("web-frontend") << 10 << 2.0 << 24;
        QTest::newRow("web-frontend h10 what-if 4: 48 clamped to max 40")
            << QStringLiteral("web-frontend") << 10 << 4.0 << 40;
        QTest::newRow("web-frontend h3 what-if 0.5: ceil(1.62) = 2 → min 4")
            << QStringLiteral("web-frontend") << 3 << 0.5 << 4;
        // search: 4 replicas, min 2, business-hours (0.2 at night).
        QTest::newRow("search h2: ceil(4 × 0.2) = 1 → min 2") << QStringLiteral("search") << 2 << 1.0 << 2;
        QTest::newRow("search h9: 4") << QStringLiteral("search") << 9 << 1.0 << 4;
        // Daemons have no replicas of their own (they follow the nodes).
        QTest::newRow("log-agent daemon: 0") << QStringLiteral("log-agent") << 9 << 1.0 << 0;
        // reporting-batch: 1 run/day at 00:00 for 5400 s, 4 parallel tasks.
        QTest::newRow("reporting-batch h0: 4 tasks") << QStringLiteral("reporting-batch") << 0 << 1.0 << 4;
        QTest::newRow("reporting-batch h1: run lasts to 01:30, 4 tasks")
            << QStringLiteral("reporting-batch") << 1 << 1.0 << 4;
        QTest::newRow("reporting-batch h2: 0") << QStringLiteral("reporting-batch") << 2 << 1.0 << 0;
        QTest::newRow("reporting-batch h24: next day 4") << QStringLiteral("reporting-batch") << 24 << 1.0 << 4;
        // cache-warmer: 24 runs/day of 300 s, 2 parallel: every hour 2 tasks.
        QTest::newRow("cache-warmer h7: 2") << QStringLiteral("cache-warmer") << 7 << 1.0 << 2;
    }
    void sampleReplicas()
    {
        QFETCH(QString, service);
        QFETCH(int, hour);
        QFETCH(double, loadMultiplier);
        QFETCH(int, expected);
        const Scenario scenario = bundledSampleScenario();
        WhatIf whatIf;
        whatIf.loadMultiplier = loadMultiplier;
        const DemandTimeline timeline(scenario, whatIf);
        QCOMPARE(timeline.hours(), 730);
        const int index = scenario.indexOfService(service);
        QVERIFY(index >= 0);
        QCOMPARE(timeline.at(hour).replicas.at(index), expected);
    }

    void sameTimelineWhateverTheThreadCount()
    {
        // The hours are computed in batches on the pool; the states, their order and the hour → state map
        // must be those of the one-thread loop (a year: many batches).
        Scenario scenario = bundledSampleScenario();
        scenario.periodHours = 8760;
        WhatIf whatIf;
        whatIf.peakMultiplier = 1.5;
        const DemandTimeline one(scenario, whatIf, 1);
        const DemandTimeline pool(scenario, whatIf, 0);
        QCOMPARE(pool.hours(), 8760);
        QCOMPARE(pool.stateOfHours(), one.stateOfHours());
        QCOMPARE(pool.states(), one.states());
    }

    void identicalHoursComputedOnce()
    {
        // Every profile of the sample has 24 values and the jobs repeat daily: at most 24 distinct hours.
        const Scenario scenario = bundledSampleScenario();
        const DemandTimeline timeline(scenario);
        QVERIFY2(timeline.states().size() <= 24, qPrintable(QString::number(timeline.states().size())));
        int hours = 0;
        for (int n : timeline.hoursOfState())
            hours += n;
        QCOMPARE(hours, 730);
        for (int h = 24; h < 730; ++h)
            QCOMPARE(timeline.stateOfHour(h), timeline.stateOfHour(h % 24));
    }

    void jobSchedule_data()
    {
        QTest::addColumn<int>("runsPerDay");
        QTest::addColumn<int>("runSeconds");
        QTest::addColumn<int>("hour");
        QTest::addColumn<int>("concurrent");
        QTest::addColumn<int>("starting");
        QTest::newRow("1/day 5400 s: h0 1 run, starts") << 1 << 5400 << 0 << 1 << 1;
        QTest::newRow("1/day 5400 s: h1 still running, no start") << 1 << 5400 << 1 << 1 << 0;
        QTest::newRow("1/day 5400 s: h2 idle") << 1 << 5400 << 2 << 0 << 0;
        QTest::newRow("48/day 300 s: 2 starts per hour, never overlapping") << 48 << 300 << 5 << 1 << 2;
        QTest::newRow("2/day 13 h: 12:00 run overlaps the 00:00 run until 13:00") << 2 << 13 * 3600 << 12 << 2 << 1;
        QTest::newRow("2/day 13 h: h13 only the 12:00 run") << 2 << 13 * 3600 << 13 << 1 << 0;
        QTest::newRow("1/day 25 h: steady state, h0 overlaps yesterday's run") << 1 << 25 * 3600 << 0 << 2 << 1;
        QTest::newRow("3/day 60 s: starts at 0, 8 and 16 h; h8 one") << 3 << 60 << 8 << 1 << 1;
        QTest::newRow("3/day 60 s: h9 none") << 3 << 60 << 9 << 0 << 0;
        QTest::newRow("no runs") << 0 << 600 << 0 << 0 << 0;
    }
    void jobSchedule()
    {
        QFETCH(int, runsPerDay);
        QFETCH(int, runSeconds);
        QFETCH(int, hour);
        QFETCH(int, concurrent);
        QFETCH(int, starting);
        const Service s = job(runsPerDay, runSeconds, 3);
        QCOMPARE(DemandTimeline::concurrentRuns(s, hour), concurrent);
        QCOMPARE(DemandTimeline::runsStarting(s, hour), starting);
        Scenario scenario;
        scenario.periodHours = 48;
        scenario.services = { s };
        const DemandTimeline timeline(scenario);
        QCOMPARE(timeline.at(hour).replicas.at(0), concurrent * 3);
        QCOMPARE(timeline.at(hour).jobRunsStarting.at(0), starting);
    }

    void peakMultiplierReshapesAroundTheMean()
    {
        // [0.5, 1.5] has mean 1.0: peak × 2 gives [0, 2]; peak × 0 flattens to [1, 1].
        LoadProfile p { QStringLiteral("p"), { 0.5, 1.5 } };
        QCOMPARE(DemandTimeline::reshaped(p, 2.0).hourly, (QList<double> { 0.0, 2.0 }));
        QCOMPARE(DemandTimeline::reshaped(p, 0.0).hourly, (QList<double> { 1.0, 1.0 }));
        QCOMPARE(DemandTimeline::reshaped(p, 3.0).hourly, (QList<double> { 0.0, 2.5 })); // never below 0

        Scenario scenario;
        scenario.periodHours = 2;
        scenario.loadProfiles = { p };
        Service s;
        s.name = QStringLiteral("api");
        s.replicas = 10;
        s.minReplicas = 0;
        s.loadProfile = QStringLiteral("p");
        scenario.services = { s };
        WhatIf whatIf;
        whatIf.peakMultiplier = 2.0;
        const DemandTimeline timeline(scenario, whatIf);
        QCOMPARE(timeline.at(0).replicas.at(0), 0);
        QCOMPARE(timeline.at(1).replicas.at(0), 20);
    }
};

QTEST_GUILESS_MAIN(TestDemandTimeline)
#include "tst_demandtimeline.moc"
