// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QtTest>

#include "common/clirunner.h"

#include "models/workload/scenariojson.h"

/// `fleetplan convert INPUT OUTPUT` between JSON and the .fleetplan document, as a user runs it.
class TestConvertCommand : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code;
        QByteArray out;
        QString err;
    };
    static Run run(const QStringList &args)
    {
        const fleetplan::test::CliRun r
            = fleetplan::test::runFleetplan(QStringList { QStringLiteral("convert") } + args);
        return { r.code, r.outBytes, r.err };
    }
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void jsonToDocumentAndBackIsLossless()
    {
        QTemporaryDir dir;
        const QString sample = QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json");
        const QString doc = dir.filePath(QStringLiteral("shop.fleetplan"));
        const QString json = dir.filePath(QStringLiteral("shop.json"));
        Run r = run({ sample, doc });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(readAll(doc).left(16), QByteArray("SQLite format 3\0", 16));
        QCOMPARE(readAll(doc).mid(68, 4), QByteArray("FLPN"));
        r = run({ doc, json });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The sample file leaves keys at their defaults; the writer writes them all, so compare values.
        const auto back = fleetplan::models::readScenarioFile(json);
        QVERIFY(back.ok());
        QCOMPARE(*back.scenario, fleetplan::models::bundledSampleScenario());
        QCOMPARE(readAll(json), fleetplan::models::scenarioToJson(fleetplan::models::bundledSampleScenario()));
        // To standard output.
        r = run({ doc, QStringLiteral("-") });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, readAll(json));
    }

    void badInputAndUnwritableOutput()
    {
        QTemporaryDir dir;
        const QString invalid = QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/scenarios/missing.json");
        Run r = run({ invalid, dir.filePath(QStringLiteral("x.fleetplan")) });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: %1: cannot open: ").arg(invalid)), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.fleetplan"))));

        const QString sample = QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json");
        const QString nowhere = dir.filePath(QStringLiteral("no/such/dir/x.fleetplan"));
        r = run({ sample, nowhere });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("cannot save %1: the folder").arg(nowhere)), qPrintable(r.err));

        QCOMPARE(run({ sample }).code, 1);
    }
};

QTEST_GUILESS_MAIN(TestConvertCommand)
#include "tst_convertcommand.moc"
