// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QTemporaryDir>
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

    /// A write-protected target (no u+w) is never replaced, by either writer, even when running as root,
    /// whom the system would let write it (issue 15); its bytes and its mode stay as they were.
    void writeProtectedTargetsAreKept_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow(".fleetplan") << QStringLiteral("kept.fleetplan");
        QTest::newRow("JSON") << QStringLiteral("kept.json");
    }
    void writeProtectedTargetsAreKept()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString sample = QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json");
        const QString target = dir.filePath(name);
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old bytes");
        f.close();
        const QFile::Permissions readOnly = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
        QVERIFY(QFile::setPermissions(target, readOnly));
        const Run r = run({ sample, target });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("write-protected")), qPrintable(r.err));
        QCOMPARE(readAll(target), QByteArray("old bytes"));
        QCOMPARE(QFileInfo(target).permissions() & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporary file left
        // Made writable again, it is replaced, and keeps its mode (rw-r--r--, not more).
        QVERIFY(QFile::setPermissions(target, readOnly | QFile::WriteOwner));
        QCOMPARE(run({ sample, target }).code, 0);
        QVERIFY(readAll(target) != QByteArray("old bytes"));
        QCOMPARE(QFileInfo(target).permissions() & (QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
    }

    /// What `validate` rejects is not converted (issue 15): a cpu of 1e308 + 1e308 (two containers) would be
    /// written as "cpu": null; convert exits 2 naming the field and writes nothing, to a file or stdout.
    void invalidScenariosAreNotConverted()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("hostile.json"));
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"fleetplan_scenario": 1, "services": [{"name": "a", "containers": [
            {"name": "x", "cpu": 1e308, "memory_mib": 512}, {"name": "y", "cpu": 1e308, "memory_mib": 512}]}]})");
        f.close();
        const QString output = dir.filePath(QStringLiteral("out.json"));
        for (const QString &to : { output, QStringLiteral("-") }) {
            const Run r = run({ input, to });
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QStringLiteral("error: %1:services[0].containers[0].cpu: 1e+308 vCPU is above the "
                                                   "limit of 1024 vCPU")
                                        .arg(input)),
                qPrintable(r.err));
            QVERIFY(!r.out.contains("null"));
        }
        QVERIFY(!QFile::exists(output));
    }
};

QTEST_GUILESS_MAIN(TestConvertCommand)
#include "tst_convertcommand.moc"
