// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/recovery.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

#include "models/workload/scenariodocument.h"

namespace fleetplan::models {

namespace {
const QString kOriginal = QStringLiteral("recovery_of");
const QString kProcess = QStringLiteral("recovery_pid");
QString recoveryDirectoryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}
} // namespace

QString recoveryDirectory()
{
    const QString dir = recoveryDirectoryPath();
    QDir().mkpath(dir);
    return dir;
}

QString newRecoveryFilePath()
{
    return recoveryDirectoryPath() + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces)
        + QStringLiteral(".fleetplan");
}

bool writeRecoveryFile(
    const Scenario &scenario, const QString &recoveryPath, const QString &originalPath, QString *error)
{
    QDir().mkpath(QFileInfo(recoveryPath).absolutePath());
    return writeScenarioDocument(scenario, recoveryPath, error,
        { { kOriginal, originalPath }, { kProcess, QString::number(QCoreApplication::applicationPid()) } });
}

std::unique_ptr<QLockFile> lockRecoveryFile(const QString &recoveryPath)
{
    auto lock = std::make_unique<QLockFile>(recoveryPath + QStringLiteral(".lock"));
    // Never stale by age: a long-running instance keeps its files. QLockFile still takes over a lock
    // whose process is gone (same host), which is exactly a crashed session.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

QList<RecoveryEntry> listRecoveryFiles()
{
    QList<RecoveryEntry> entries;
    const QString self = QString::number(QCoreApplication::applicationPid());
    const QFileInfoList files = QDir(recoveryDirectory()).entryInfoList({ QStringLiteral("*.fleetplan") }, QDir::Files);
    for (const QFileInfo &file : files) {
        QHash<QString, QString> meta;
        const ScenarioReadResult read = readScenarioDocument(file.absoluteFilePath(), &meta);
        if (!read.scenario || !meta.contains(kOriginal) || meta.value(kProcess) == self)
            continue;
        // Another running instance autosaving its own unsaved work: not crashed work, not ours to offer.
        if (!lockRecoveryFile(file.absoluteFilePath()))
            continue;
        RecoveryEntry e;
        e.recoveryPath = file.absoluteFilePath();
        e.originalPath = meta.value(kOriginal);
        e.scenarioName = read.scenario->name;
        e.savedAt = QDateTime::fromString(meta.value(QStringLiteral("saved_at")), Qt::ISODate);
        e.serviceCount = int(read.scenario->services.size());
        entries.append(e);
    }
    std::sort(entries.begin(), entries.end(),
        [](const RecoveryEntry &a, const RecoveryEntry &b) { return a.savedAt > b.savedAt; });
    return entries;
}

bool recoveryPromptEnabled()
{
    return qEnvironmentVariable("FLEETPLAN_NO_RECOVERY_PROMPT") != QLatin1String("1");
}

} // namespace fleetplan::models
