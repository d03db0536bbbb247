// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "models/import/cronschedule.h"

using namespace fleetplan::models;
using namespace Qt::StringLiterals;

/// CronJob schedules to runs per day. The syntax is the one the Kubernetes CronJob page documents
/// (kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/, "Schedule syntax"), cron(5) for ranges,
/// steps and names.
class TestImportCron : public QObject
{
    Q_OBJECT

private slots:
    void runsPerDay_data()
    {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<int>("runs");
        QTest::addColumn<bool>("everyDay");
        QTest::newRow("* * * * * every minute = 1440 (CronJob page example 'hello')") << u"* * * * *"_s << 1440 << true;
        QTest::newRow("*/15 * * * * = 60/15 × 24 = 96") << u"*/15 * * * *"_s << 96 << true;
        QTest::newRow("0 2 * * * = 1") << u"0 2 * * *"_s << 1 << true;
        QTest::newRow("0 */6 * * * = 4") << u"0 */6 * * *"_s << 4 << true;
        QTest::newRow("0,30 9-17 * * * = 2 × 9 = 18") << u"0,30 9-17 * * *"_s << 18 << true;
        QTest::newRow("5/20 * * * * = minutes 5,25,45 × 24 = 72") << u"5/20 * * * *"_s << 72 << true;
        QTest::newRow("0 0-23/2 * * * = 12") << u"0 0-23/2 * * *"_s << 12 << true;
        QTest::newRow("? as * : 0 3 ? * * = 1") << u"0 3 ? * *"_s << 1 << true;
        QTest::newRow("0 0 13 * 5 (CronJob page) restricted days") << u"0 0 13 * 5"_s << 1 << false;
        QTest::newRow("0 3 * * 1-5 weekdays") << u"0 3 * * 1-5"_s << 1 << false;
        QTest::newRow("0 3 * * MON-FRI names") << u"0 3 * * MON-FRI"_s << 1 << false;
        QTest::newRow("0 3 * JAN,JUL * month names") << u"0 3 * JAN,JUL *"_s << 1 << false;
        QTest::newRow("0 3 * * 7 Sunday as 7") << u"0 3 * * 7"_s << 1 << false;
        QTest::newRow("@hourly = 24") << u"@hourly"_s << 24 << true;
        QTest::newRow("@daily = 1") << u"@daily"_s << 1 << true;
        QTest::newRow("@midnight = 1") << u"@midnight"_s << 1 << true;
        QTest::newRow("@weekly runs on one day") << u"@weekly"_s << 1 << false;
        QTest::newRow("@monthly runs on one day") << u"@monthly"_s << 1 << false;
        QTest::newRow("@yearly runs on one day") << u"@yearly"_s << 1 << false;
        QTest::newRow("CRON_TZ prefix ignored (CronJob page time zones)") << u"CRON_TZ=UTC 0 23 * * *"_s << 1 << true;
        QTest::newRow("extra spaces") << u"  0   2 * *   * "_s << 1 << true;
    }
    void runsPerDay()
    {
        QFETCH(QString, schedule);
        QFETCH(int, runs);
        QFETCH(bool, everyDay);
        QString error;
        const auto parsed = parseCronSchedule(schedule, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(parsed->runsPerDay, runs);
        QCOMPARE(parsed->everyDay, everyDay);
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << QString() << u"must have 5 fields"_s;
        QTest::newRow("four fields") << u"0 2 * *"_s << u"found 4"_s;
        QTest::newRow("six fields (seconds are not supported)") << u"0 0 2 * * *"_s << u"found 6"_s;
        QTest::newRow("minute 60") << u"60 * * * *"_s << u"minute field \"60\""_s;
        QTest::newRow("hour 24") << u"0 24 * * *"_s << u"hour field \"24\""_s;
        QTest::newRow("day 0") << u"0 0 0 * *"_s << u"day of month field \"0\""_s;
        QTest::newRow("month 13") << u"0 0 * 13 *"_s << u"month field \"13\""_s;
        QTest::newRow("step 0") << u"*/0 * * * *"_s << u"bad step"_s;
        QTest::newRow("backwards range") << u"0 5-2 * * *"_s << u"runs backwards"_s;
        QTest::newRow("word") << u"0 noon * * *"_s << u"hour field \"noon\""_s;
        QTest::newRow("unknown macro") << u"@fortnightly"_s << u"unknown schedule macro"_s;
    }
    void rejected()
    {
        QFETCH(QString, schedule);
        QFETCH(QString, messagePart);
        QString error;
        QVERIFY(!parseCronSchedule(schedule, &error).has_value());
        QVERIFY2(error.contains(messagePart), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestImportCron)
#include "tst_importcron.moc"
