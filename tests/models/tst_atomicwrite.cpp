// SPDX-License-Identifier: GPL-3.0-or-later
// The one save path (models/atomicwrite.h): a write replaces the old file in one step or keeps it whole.
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "models/atomicwrite.h"
#include "models/workload/commands.h"
#include "models/workload/document.h"
#include "models/workload/recovery.h"
#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan::models;

namespace {
QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestAtomicWrite : public QObject
{
    Q_OBJECT

private slots:
    void writeReplacesExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.txt"));
        QVERIFY(writeFileAtomically(path, "first"));
        QVERIFY(writeFileAtomically(path, "second"));
        QCOMPARE(contents(path), QByteArray("second"));
        // No temporary file is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void failedWriteKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing-folder/out.txt"));
        QString error;
        QVERIFY(!writeFileAtomically(path, "x", &error));
        QVERIFY(!error.isEmpty());
        // A folder where the file should be: the write fails and the folder stays.
        const QString folder = dir.filePath(QStringLiteral("a-folder"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/inside")));
        QVERIFY(!writeFileAtomically(folder, "x", &error));
        QVERIFY(QFileInfo(folder + QStringLiteral("/inside")).isDir());
    }

    void replaceFileOverAnExistingFile()
    {
        // The document save path moves a finished temporary file over the old document. On Windows
        // std::rename refuses an existing target; replaceFile() must replace it on every platform.
        QTemporaryDir dir;
        const QString from = dir.filePath(QStringLiteral("new.tmp"));
        const QString to = dir.filePath(QStringLiteral("doc.fleetplan"));
        QVERIFY(writeFileAtomically(from, "new"));
        QVERIFY(writeFileAtomically(to, "old"));
        QString error;
        QVERIFY2(replaceFile(from, to, &error), qPrintable(error));
        QCOMPARE(contents(to), QByteArray("new"));
        QVERIFY(!QFile::exists(from));
    }

    void failedReplaceKeepsTheTarget()
    {
        QTemporaryDir dir;
        const QString to = dir.filePath(QStringLiteral("doc.fleetplan"));
        QVERIFY(writeFileAtomically(to, "old"));
        QString error;
        QVERIFY(!replaceFile(dir.filePath(QStringLiteral("does-not-exist")), to, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(contents(to), QByteArray("old"));
    }

    void savingADocumentTwiceReplacesIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.fleetplan"));
        Scenario sc = bundledSampleScenario();
        QString error;
        QVERIFY2(writeScenarioDocument(sc, path, &error), qPrintable(error));
        sc.name = QStringLiteral("second save");
        QVERIFY2(writeScenarioDocument(sc, path, &error), qPrintable(error));
        const ScenarioReadResult read = readScenarioDocument(path);
        QVERIFY(read.scenario);
        QCOMPARE(read.scenario->name, QStringLiteral("second save"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void recoveryOfAnotherRunningInstanceIsNotOffered()
    {
        // Two windows of Fleetplan run at once. The other one's autosave is not crashed work: while its
        // lock is held by a live process, listRecoveryFiles() must not offer it. Once that process is
        // gone (its lock is stale), the file is offered.
        const QString path = newRecoveryFilePath();
        QVERIFY(writeRecoveryFile(bundledSampleScenario(), path, QString()));
        // Pretend another process wrote it: rewrite its process id.
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), path, nullptr,
            { { QStringLiteral("recovery_of"), QString() },
                { QStringLiteral("recovery_pid"), QStringLiteral("999999999") } }));
        const auto listed = [&] {
            for (const RecoveryEntry &e : listRecoveryFiles()) {
                if (e.recoveryPath == QFileInfo(path).absoluteFilePath())
                    return true;
            }
            return false;
        };
        {
            // A live holder of the lock: this process (a second QLockFile in it cannot take it either).
            auto held = lockRecoveryFile(path);
            QVERIFY(held);
            QVERIFY(!lockRecoveryFile(path));
            QVERIFY2(!listed(), "a live instance's recovery file was offered as crashed work");
        }
        QVERIFY2(listed(), "a recovery file without a live lock must be offered");
        QFile::remove(path);
    }

    void documentHoldsItsRecoveryLock()
    {
        Document doc;
        doc.setAutosaveDelay(0);
        doc.reset(bundledSampleScenario(), QString());
        doc.undoStack()->push(new RenameServiceCommand(&doc, 0, QStringLiteral("edited")));
        QVERIFY(doc.isModified());
        QString error;
        QVERIFY2(doc.autosaveNow(&error), qPrintable(error));
        QVERIFY(QFile::exists(doc.recoveryFilePath()));
        QVERIFY2(!lockRecoveryFile(doc.recoveryFilePath()), "the document's own lock must be held while it runs");
        doc.discardRecoveryFile();
        QVERIFY(!QFile::exists(doc.recoveryFilePath()));
        QVERIFY(!QFile::exists(doc.recoveryFilePath() + QStringLiteral(".lock")));
    }
};

QTEST_GUILESS_MAIN(TestAtomicWrite)
#include "tst_atomicwrite.moc"
