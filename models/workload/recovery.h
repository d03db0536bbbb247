// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QDateTime>
#include <QList>
#include <QString>

class QLockFile;

#include "models/workload/scenario.h"

/// Crash recovery: a Document with unsaved edits autosaves them to a `.fleetplan` file in
/// recoveryDirectory(); the file is removed on a clean save or close. Files left there belong to a
/// session that ended without saving (a crash), and the GUI offers them back at start-up.
namespace fleetplan::models {

/// One recoverable piece of work.
struct RecoveryEntry
{
    QString recoveryPath; ///< the recovery file
    QString originalPath; ///< the document it belongs to; empty when it was never saved
    QString scenarioName;
    QDateTime savedAt; ///< when it was autosaved (UTC)
    int serviceCount = 0;
};

/// `QStandardPaths::AppDataLocation`/recovery (created on demand).
QString recoveryDirectory();
/// A new, unique recovery file path for one document of this process.
QString newRecoveryFilePath();
/// Writes `scenario` to `recoveryPath` (atomically) with the original document's path.
bool writeRecoveryFile(
    const Scenario &scenario, const QString &recoveryPath, const QString &originalPath, QString *error = nullptr);
/// Takes the lock that marks `recoveryPath` as in use by this process (`recoveryPath` + ".lock", a
/// QLockFile holding the PID and host). nullptr when another live process holds it. A lock left by a
/// process that died is stale and is taken over.
std::unique_ptr<QLockFile> lockRecoveryFile(const QString &recoveryPath);
/// Recovery files left by sessions that ended without saving (a crash), newest first. Files this
/// process is writing, files another running Fleetplan holds (its lock is live), and files that are not
/// readable recovery documents are skipped. Reading a file never writes it.
QList<RecoveryEntry> listRecoveryFiles();
/// False when the environment variable FLEETPLAN_NO_RECOVERY_PROMPT=1 is set (tests, scripted runs).
bool recoveryPromptEnabled();

} // namespace fleetplan::models
