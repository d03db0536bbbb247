// SPDX-License-Identifier: GPL-3.0-or-later
// Faults around the program (issue 15): unbounded input (devices, FIFOs, endless standard input) and
// failed writes (a full disk, the file-size limit, a full standard output). Each is run as a user runs
// it: the real executable, its exit status and the message naming the file.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"

namespace {

using Run = fleetplan::test::CliRun;

const QString sample = QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json");

/// `fleetplan args...` with its standard input read from `stdinFile`, its standard output written to
/// `stdoutFile` (when not empty) and, when `fileSizeLimit` >= 0, RLIMIT_FSIZE set in the child before it
/// starts (what `ulimit -f` does).
/// `stdoutFile` "-" runs the program with its standard output closed (`>&-`).
Run runWith(const QStringList &args, const QString &stdinFile, const QString &stdoutFile, qint64 fileSizeLimit = -1)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("FLEETPLAN_PRICEBOOK"), QStringLiteral("/nonexistent/fleetplan-tests/pricebook.sqlite"));
    // The build's catalog file, read in place: no temporary copy of the embedded one (7.8 MB) to write
    // under a file-size limit of 1 KiB.
    e.insert(QStringLiteral("FLEETPLAN_CATALOG"),
        QFileInfo(QStringLiteral(FLEETPLAN_EXE)).absolutePath() + QStringLiteral("/../pricing/catalog/catalog.sqlite"));
    p.setProcessEnvironment(e);
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    if (stdoutFile == u"-")
        p.setChildProcessModifier([] { ::close(STDOUT_FILENO); });
    else if (!stdoutFile.isEmpty())
        p.setStandardOutputFile(stdoutFile);
    if (fileSizeLimit >= 0) {
        p.setChildProcessModifier([fileSizeLimit] {
            const rlimit limit { rlim_t(fileSizeLimit), rlim_t(fileSizeLimit) };
            setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    p.start(QStringLiteral(FLEETPLAN_EXE), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.outBytes = p.readAllStandardOutput();
    r.out = QString::fromUtf8(r.outBytes);
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    /// An endless device, an endless standard input, a device or FIFO in an import folder: each ends with a
    /// message naming the file and the cap (models/boundedread.h), never with the program reading until
    /// memory runs out or blocking on a FIFO.
    void unboundedInputIsRefused()
    {
        const Run zero = fleetplan::test::runFleetplan({ QStringLiteral("validate"), QStringLiteral("/dev/zero") });
        QCOMPARE(zero.code, 2);
        QVERIFY2(zero.err.contains(
                     QStringLiteral("error: /dev/zero: cannot read the scenario: larger than the limit of 64 MiB\n")),
            qPrintable(zero.err));

        const Run stdinZero
            = runWith({ QStringLiteral("compare"), QStringLiteral("-") }, QStringLiteral("/dev/zero"), {});
        QCOMPARE(stdinZero.code, 2);
        QVERIFY2(stdinZero.err.contains(
                     QStringLiteral("error: <stdin>: cannot read the scenario: larger than the limit of 64 MiB\n")),
            qPrintable(stdinZero.err));

        const Run manifest = fleetplan::test::runFleetplan({ QStringLiteral("import"), QStringLiteral("k8s"),
            QStringLiteral("/dev/zero"), QStringLiteral("-o"), QStringLiteral("-") });
        QCOMPARE(manifest.code, 2);
        QVERIFY2(manifest.err.contains(QStringLiteral("error: zero: cannot read: larger than the limit of 16 MiB")),
            qPrintable(manifest.err));

        // A folder: the real manifest is imported, the symlink to /dev/zero and the FIFO are skipped.
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("manifests"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/k8s/helm-shop.yaml"),
            folder + QStringLiteral("/shop.yaml")));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), folder + QStringLiteral("/zero.yaml")));
        QCOMPARE(::mkfifo(QFile::encodeName(folder + QStringLiteral("/fifo.yaml")).constData(), 0600), 0);
        const Run mixed = fleetplan::test::runFleetplan(
            { QStringLiteral("import"), QStringLiteral("k8s"), folder, QStringLiteral("-o"), QStringLiteral("-") });
        QCOMPARE(mixed.code, 0);
        // (The FIFO is not even listed: only files are; it must not block the import.)
        QVERIFY2(mixed.err.contains(QStringLiteral(
                     "warning: manifests/zero.yaml: skipped: not a regular file (a device, FIFO or socket)")),
            qPrintable(mixed.err));
        QVERIFY2(!mixed.err.contains(QStringLiteral("fifo.yaml")), qPrintable(mixed.err));
        QVERIFY(mixed.out.contains(QStringLiteral("\"fleetplan_scenario\": 1")));
    }

    /// Every file output goes through the one atomic writer: past the file-size limit (EFBIG, SIGXFSZ
    /// ignored) the command exits 2 naming the file and the system's reason, the old file keeps its bytes
    /// and no temporary file is left beside it.
    void failedWritesKeepTheOldFile_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("reason");
        const QString efbig = QStringLiteral("File too large");
        QTest::newRow("compare --format json -o") << QStringList { QStringLiteral("compare"), sample,
            QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"), QStringLiteral("@") }
                                                  << QStringLiteral("out.json") << efbig;
        QTest::newRow("report -o") << QStringList { QStringLiteral("report"), sample, QStringLiteral("-o"),
            QStringLiteral("@") } << QStringLiteral("out.md")
                                   << efbig;
        QTest::newRow("manpage -o") << QStringList { QStringLiteral("manpage"), QStringLiteral("-o"),
            QStringLiteral("@") } << QStringLiteral("fleetplan.1")
                                    << efbig;
        QTest::newRow("convert to JSON") << QStringList { QStringLiteral("convert"), sample, QStringLiteral("@") }
                                         << QStringLiteral("out.json") << efbig;
        QTest::newRow("convert to .fleetplan")
            << QStringList { QStringLiteral("convert"), sample, QStringLiteral("@") } << QStringLiteral("out.fleetplan")
            << QStringLiteral("disk I/O error"); // SQLite's words for EFBIG
    }
    void failedWritesKeepTheOldFile()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, output);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(output);
        const QByteArray old = "the previous file\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(old);
        }
        args.replaceInStrings(QStringLiteral("@"), path);
        const Run r = runWith(args, {}, {}, 1024); // every output here is larger than 1 KiB
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path) && r.err.contains(reason), qPrintable(r.err));
        QCOMPARE(contents(path), old);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList { output });
    }

    /// A full device or a full standard output is a failed write too: exit 2 and the reason.
    void fullDeviceAndStandardOutput()
    {
        const Run device = fleetplan::test::runFleetplan({ QStringLiteral("report"), sample, QStringLiteral("-o"),
            QStringLiteral("/dev/full"), QStringLiteral("--format"), QStringLiteral("md") });
        QCOMPARE(device.code, 2);
        QVERIFY2(
            device.err.contains(QStringLiteral("/dev/full")) && device.err.contains(QStringLiteral("No space left")),
            qPrintable(device.err));
        QVERIFY(QFileInfo(QStringLiteral("/dev/full")).exists() && !QFileInfo(QStringLiteral("/dev/full")).isFile());

        const Run stdoutFull = runWith({ QStringLiteral("compare"), sample }, {}, QStringLiteral("/dev/full"));
        QCOMPARE(stdoutFull.code, 2);
        QVERIFY2(stdoutFull.err.contains(
                     QStringLiteral("fleetplan compare: cannot write standard output: No space left on device")),
            qPrintable(stdoutFull.err));

        // A closed standard output (`fleetplan compare … >&-`): the same check, never exit 0 with nothing said.
        for (const QString &command : { QStringLiteral("compare"), QStringLiteral("validate") }) {
            const Run closed = runWith({ command, sample }, {}, QStringLiteral("-"));
            QCOMPARE(closed.code, 2);
            QVERIFY2(closed.err.contains(QStringLiteral("fleetplan %1: cannot write standard output: ").arg(command)),
                qPrintable(closed.err));
        }
    }

    /// The temporary file has a short fixed name: a 250-character document name still saves, in both formats.
    void longDocumentNamesSave()
    {
        QTemporaryDir dir;
        for (const QString &suffix : { QStringLiteral(".json"), QStringLiteral(".fleetplan") }) {
            const QString path = dir.filePath(QString(250 - suffix.size(), u'n') + suffix);
            for (int i = 0; i < 2; ++i) { // a new file, then a replaced one
                const Run r = fleetplan::test::runFleetplan({ QStringLiteral("convert"), sample, path });
                QVERIFY2(r.code == 0, qPrintable(r.err));
            }
            QVERIFY(QFileInfo(path).size() > 1000);
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
