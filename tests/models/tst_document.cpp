// SPDX-License-Identifier: GPL-3.0-or-later
#include <csignal>

#include <sys/wait.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtTest>

#include "models/workload/commands.h"
#include "models/workload/document.h"
#include "models/workload/recovery.h"
#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan::models;

/// The open document: modified state, open/save, and autosave with crash recovery.
class TestDocument : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void clearRecoveryDirectory()
    {
        QDir dir(recoveryDirectory());
        for (const QString &f : dir.entryList(QDir::Files | QDir::Hidden))
            dir.remove(f);
    }

    /// Runs SQL on a SQLite file outside the code under test; returns the first column of the last row.
    static QVariant rawSql(const QString &file, const QStringList &statements, bool readOnly = false)
    {
        const QString name = QStringLiteral("raw-") + QString::number(QRandomGenerator::global()->generate());
        QVariant last;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            if (readOnly)
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                for (const QString &sql : statements) {
                    QSqlQuery q(db);
                    if (!q.exec(sql))
                        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
                    while (q.next())
                        last = q.value(0);
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return last;
    }
    static int userVersionOf(const QString &file)
    {
        return rawSql(file, { QStringLiteral("PRAGMA user_version") }, true).toInt();
    }
    /// Turns a current document into one of schema version 1 (no scenario.notes, no meta table) and
    /// dates it an hour back, so that a write would show in its modification time.
    static void downgradeToVersion1(const QString &file)
    {
        rawSql(file,
            { QStringLiteral("ALTER TABLE scenario DROP COLUMN notes"), QStringLiteral("DROP TABLE meta"),
                QStringLiteral("ALTER TABLE services DROP COLUMN gpus"),
                QStringLiteral("ALTER TABLE services DROP COLUMN accelerator"),
                QStringLiteral("ALTER TABLE services DROP COLUMN no_memory_request"),
                QStringLiteral("DROP TABLE reserved_instances"), QStringLiteral("DROP TABLE savings_plans"),
                // schema 4 and 5 (issue 19)
                QStringLiteral("ALTER TABLE services DROP COLUMN requests_per_second"),
                QStringLiteral("ALTER TABLE services DROP COLUMN request_ms"),
                QStringLiteral("ALTER TABLE services DROP COLUMN concurrent_requests"),
                QStringLiteral("DROP TABLE scenario_blocks"),
                // schema 6 (issue 20)
                QStringLiteral("ALTER TABLE services DROP COLUMN one_per_node"),
                // schema 7 (issue 20, deployments)
                QStringLiteral("ALTER TABLE services DROP COLUMN deployment"),
                // schema 8 (issue 19, App Runner instance sizes)
                QStringLiteral("ALTER TABLE services DROP COLUMN app_runner_vcpu"),
                QStringLiteral("ALTER TABLE services DROP COLUMN app_runner_memory_gb"),
                QStringLiteral("PRAGMA user_version = 1") });
        QFile f(file);
        if (f.open(QIODevice::ReadWrite))
            f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime);
    }
    static QByteArray readAll(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init() { clearRecoveryDirectory(); }

    void modifiedFollowsTheUndoStack()
    {
        Document doc;
        doc.setAutosaveDelay(0);
        doc.reset(bundledSampleScenario());
        QVERIFY(!doc.isModified());
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        doc.undoStack()->push(new RenameServiceCommand(&doc, 0, QStringLiteral("web")));
        QVERIFY(doc.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.at(0).at(0).toBool(), true);
        doc.undoStack()->undo();
        QVERIFY(!doc.isModified());
        QCOMPARE(modified.count(), 2);
        QCOMPARE(modified.at(1).at(0).toBool(), false);
    }

    void saveAsThenSave()
    {
        Document doc;
        doc.setAutosaveDelay(0);
        doc.reset(bundledSampleScenario());
        QString error;
        QVERIFY(!doc.save(&error));
        QCOMPARE(error, QStringLiteral("The document has no file yet: use Save As."));

        const QString path = m_dir.filePath(QStringLiteral("shop.fleetplan"));
        QSignalSpy pathChanged(&doc, &Document::filePathChanged);
        doc.undoStack()->push(new SetServiceFieldCommand<int>(&doc, 0, &Service::replicas, 30));
        QVERIFY2(doc.saveAs(path, &error), qPrintable(error));
        QCOMPARE(doc.filePath(), path);
        QCOMPARE(pathChanged.count(), 1);
        QCOMPARE(doc.displayName(), QStringLiteral("shop.fleetplan"));
        QVERIFY(!doc.isModified());
        QCOMPARE(readScenarioFile(path).scenario->services.at(0).replicas, 30);

        doc.undoStack()->push(new SetServiceFieldCommand<int>(&doc, 0, &Service::replicas, 31));
        QVERIFY(doc.isModified());
        QVERIFY(doc.save(&error));
        QVERIFY(!doc.isModified());
        QCOMPARE(readScenarioFile(path).scenario->services.at(0).replicas, 31);
        // Undo after saving makes it differ from the file again.
        doc.undoStack()->undo();
        QVERIFY(doc.isModified());
    }

    void openJsonAndFailedOpenLeavesDocumentAlone()
    {
        Document doc;
        doc.setAutosaveDelay(0);
        const QString sample = QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json");
        QSignalSpy reset(&doc, &Document::scenarioReset);
        QList<Diagnostic> diagnostics;
        QVERIFY(doc.open(sample, &diagnostics));
        QVERIFY(diagnostics.isEmpty());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(doc.scenario(), bundledSampleScenario());
        QCOMPARE(doc.filePath(), QFileInfo(sample).absoluteFilePath());

        const QString broken = m_dir.filePath(QStringLiteral("broken.fleetplan"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not sqlite at all");
        f.close();
        QVERIFY(!doc.open(broken, &diagnostics));
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.at(0).where, broken);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(doc.scenario(), bundledSampleScenario());
        QCOMPARE(doc.filePath(), QFileInfo(sample).absoluteFilePath());
    }

    void anOlderDocumentChangesOnlyWhenSaved()
    {
        const QString file = m_dir.filePath(QStringLiteral("older.fleetplan"));
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), file));
        downgradeToVersion1(file);
        QCOMPARE(userVersionOf(file), 1);
        const QByteArray bytes = readAll(file);
        const QDateTime modified = QFileInfo(file).lastModified();

        Document doc;
        doc.setAutosaveDelay(0);
        QList<Diagnostic> diagnostics;
        QVERIFY(doc.open(file, &diagnostics));
        QCOMPARE(diagnostics.size(), 1);
        QVERIFY(!diagnostics.at(0).isError()); // "written by an older Fleetplan ...": a warning
        Scenario expected = bundledSampleScenario();
        expected.notes.clear(); // schema 1 has no notes
        QCOMPARE(doc.scenario(), expected);
        QVERIFY(!doc.isModified());
        // Opening wrote nothing.
        QCOMPARE(readAll(file), bytes);
        QCOMPARE(QFileInfo(file).lastModified(), modified);
        QCOMPARE(userVersionOf(file), 1);
        QVERIFY(!QFile::exists(file + QStringLiteral(".v1.bak")));

        // Saving writes the current schema.
        QString error;
        QVERIFY2(doc.save(&error), qPrintable(error));
        QCOMPARE(userVersionOf(file), DocumentSchemaVersion);
        const ScenarioReadResult saved = readScenarioFile(file);
        QVERIFY2(saved.ok() && saved.diagnostics.isEmpty(), qPrintable(saved.errorText()));
        QCOMPARE(*saved.scenario, expected);
    }

    void recoveryListingLeavesOlderFilesAlone()
    {
        // The recovery listing reads every file in the folder through readScenarioDocument(): an
        // older document there (no meta table, so not offered) must come out as it went in.
        const QString older = recoveryDirectory() + QStringLiteral("/older.fleetplan");
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), older));
        downgradeToVersion1(older);
        const QByteArray bytes = readAll(older);
        const QDateTime modified = QFileInfo(older).lastModified();
        const QStringList before = QDir(recoveryDirectory()).entryList(QDir::Files | QDir::Hidden);
        QVERIFY(listRecoveryFiles().isEmpty());
        QCOMPARE(QDir(recoveryDirectory()).entryList(QDir::Files | QDir::Hidden), before);
        QCOMPARE(readAll(older), bytes);
        QCOMPARE(QFileInfo(older).lastModified(), modified);
        QCOMPARE(userVersionOf(older), 1);
    }

    void autosaveWritesRecoveryFileAndCleanSaveRemovesIt()
    {
        Document doc;
        doc.setAutosaveDelay(20);
        doc.reset(bundledSampleScenario());
        const QString recovery = doc.recoveryFilePath();
        QVERIFY(recovery.startsWith(recoveryDirectory()));
        QVERIFY(!QFile::exists(recovery));
        doc.undoStack()->push(new RenameServiceCommand(&doc, 0, QStringLiteral("unsaved-name")));
        QTRY_VERIFY(QFile::exists(recovery));
        const ScenarioReadResult r = readScenarioDocument(recovery);
        QVERIFY(r.ok());
        QCOMPARE(*r.scenario, doc.scenario());

        QVERIFY(doc.saveAs(m_dir.filePath(QStringLiteral("clean.fleetplan"))));
        QVERIFY(!QFile::exists(recovery));
        // Files this process writes are not offered as crash leftovers.
        doc.undoStack()->push(new RenameServiceCommand(&doc, 0, QStringLiteral("again")));
        QVERIFY(doc.autosaveNow());
        QVERIFY(QFile::exists(recovery));
        QVERIFY(listRecoveryFiles().isEmpty());
    }

    void closingRemovesTheRecoveryFile()
    {
        QString recovery;
        {
            Document doc;
            doc.setAutosaveDelay(0);
            doc.reset(bundledSampleScenario());
            doc.undoStack()->push(new RenameServiceCommand(&doc, 0, QStringLiteral("x")));
            QVERIFY(doc.autosaveNow());
            recovery = doc.recoveryFilePath();
            QVERIFY(QFile::exists(recovery));
        }
        QVERIFY(!QFile::exists(recovery));
    }

    void crashLeftoverIsOfferedAndRestored()
    {
        // What a crashed session leaves behind: a recovery document written by another process.
        Scenario unsaved = bundledSampleScenario();
        unsaved.name = QStringLiteral("work in progress");
        unsaved.services.removeLast();
        const QString original = m_dir.filePath(QStringLiteral("original.fleetplan"));
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), original));
        const QString leftover = recoveryDirectory() + QStringLiteral("/crashed.fleetplan");
        QVERIFY(writeScenarioDocument(unsaved, leftover, nullptr,
            { { QStringLiteral("recovery_of"), original },
                { QStringLiteral("recovery_pid"), QStringLiteral("999999999") } }));

        const QList<RecoveryEntry> entries = listRecoveryFiles();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).recoveryPath, leftover);
        QCOMPARE(entries.at(0).originalPath, original);
        QCOMPARE(entries.at(0).scenarioName, QStringLiteral("work in progress"));
        QCOMPARE(entries.at(0).serviceCount, 12);
        QVERIFY(entries.at(0).savedAt.isValid());

        Document doc;
        doc.setAutosaveDelay(0);
        QString error;
        QVERIFY2(doc.restoreFromRecovery(leftover, &error), qPrintable(error));
        QCOMPARE(doc.scenario(), unsaved);
        QCOMPARE(doc.filePath(), original);
        QVERIFY(doc.isModified()); // restored work still needs saving
        QCOMPARE(doc.recoveryFilePath(), leftover); // adopted
        QVERIFY(doc.save(&error));
        QVERIFY(!QFile::exists(leftover)); // gone after the clean save
        QCOMPARE(readScenarioFile(original).scenario->name, QStringLiteral("work in progress"));
    }

    void killedProcessLeavesItsWorkBehind()
    {
        // A real crash: a child process edits, autosaves and is killed (no destructors, no cleanup).
        const QString original = m_dir.filePath(QStringLiteral("killed.fleetplan"));
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), original));
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            Document doc;
            doc.setAutosaveDelay(0);
            QList<Diagnostic> ignored;
            if (!doc.open(original, &ignored))
                _exit(1);
            doc.undoStack()->push(new SetServiceFieldCommand<int>(&doc, 0, &Service::replicas, 77));
            if (!doc.autosaveNow())
                _exit(2);
            raise(SIGKILL);
            _exit(3);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGKILL);

        const QList<RecoveryEntry> entries = listRecoveryFiles();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).originalPath, original);
        Document doc;
        doc.setAutosaveDelay(0);
        QVERIFY(doc.restoreFromRecovery(entries.at(0).recoveryPath));
        QCOMPARE(doc.scenario().services.at(0).replicas, 77);
        QCOMPARE(doc.filePath(), original);
        QVERIFY(doc.isModified());
        // The original file was never touched by the crashed session.
        QCOMPARE(readScenarioFile(original).scenario->services.at(0).replicas, 12);
    }

    void promptCanBeTurnedOffForTests()
    {
        // CTest sets FLEETPLAN_NO_RECOVERY_PROMPT=1 for every test.
        qputenv("FLEETPLAN_NO_RECOVERY_PROMPT", "1");
        QVERIFY(!recoveryPromptEnabled());
        qunsetenv("FLEETPLAN_NO_RECOVERY_PROMPT");
        QVERIFY(recoveryPromptEnabled());
        qputenv("FLEETPLAN_NO_RECOVERY_PROMPT", "1");
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
