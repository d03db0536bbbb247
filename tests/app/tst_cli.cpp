// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QtTest>

#include "common/clirunner.h"

/// Runs the real `fleetplan` executable as a user would, with no display.
class TestCli : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    static Run run(const QStringList &args) { return fleetplan::test::runFleetplan(args); }

private slots:
    void version()
    {
        const Run r = run({ QStringLiteral("--version") });
        QCOMPARE(r.code, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^fleetplan \\d+\\.\\d+\\.\\d+\\n$")).match(r.out).hasMatch(),
            qPrintable(r.out));
    }
    void help()
    {
        const Run r = run({ QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Usage: fleetplan")));
        QVERIFY(r.out.contains(QStringLiteral("validate")));
        QVERIFY(r.out.contains(QStringLiteral("Exit codes")));
    }
    void unknownOptionIsUsageError()
    {
        const Run r = run({ QStringLiteral("--frobnicate") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("--frobnicate")));
    }
    void validateSample()
    {
        const Run r = run(
            { QStringLiteral("validate"), QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
    void validateBrokenJsonNamesLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"fleetplan_scenario\": 1,\n  \"name\": \"x\" \"region\": 1\n}\n");
        f.close();
        const Run r = run({ QStringLiteral("validate"), path });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path + QStringLiteral(":3:")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
