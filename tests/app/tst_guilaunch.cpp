// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "models/workload/scenariojson.h"

using namespace fleetplan;

/// `fleetplan` and `fleetplan FILE` as a user starts them (offscreen; the screenshot developer option
/// makes the window quit once the first simulation has reached the charts).
class TestGuiLaunch : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run launch(const QStringList &args, const QString &screenshotDir)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("FLEETPLAN_NO_RECOVERY_PROMPT"), QStringLiteral("1"));
        env.insert(QStringLiteral("FLEETPLAN_SCREENSHOT_DIR"), screenshotDir);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FLEETPLAN_EXE), args);
        if (!p.waitForFinished(180000)) {
            p.kill();
            p.waitForFinished();
        }
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
    }

private slots:
    void noArgumentsOpensTheBundledSample()
    {
        QTemporaryDir dir;
        const Run run = launch({}, dir.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("scenario: ") + models::bundledSampleScenario().name),
            qPrintable(run.out + run.err));
        for (const char *tab : { "workload", "comparison", "timeline", "fleet", "catalog" }) {
            const QImage shot(dir.filePath(QString::fromLatin1(tab) + QStringLiteral(".png")));
            QVERIFY2(!shot.isNull(), tab);
            QVERIFY2(shot.width() >= 800 && shot.height() >= 500, tab);
        }
    }

    void aFileArgumentOpensThatFile()
    {
        QTemporaryDir dir;
        models::Scenario scenario = models::bundledSampleScenario();
        scenario.name = QStringLiteral("Launched from the command line");
        const QString path = dir.filePath(QStringLiteral("launched.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(models::scenarioToJson(scenario));
        file.close();
        const Run run = launch({ path }, dir.filePath(QStringLiteral("shots")));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("scenario: Launched from the command line")),
            qPrintable(run.out + run.err));
    }

    void aBrokenFileExitsWithInvalidInputNamingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"fleetplan_scenario\": 1,\n  \"services\": [ oops ]\n}\n");
        file.close();
        const Run run = launch({ path }, dir.filePath(QStringLiteral("shots")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("broken.json")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestGuiLaunch)
#include "tst_guilaunch.moc"
