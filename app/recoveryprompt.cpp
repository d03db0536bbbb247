// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/recoveryprompt.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

#include "app/mainwindow.h"
#include "models/workload/document.h"
#include "models/workload/recovery.h"

namespace fleetplan::app {

bool offerRecovery(MainWindow &window)
{
    if (!models::recoveryPromptEnabled())
        return false;
    const QList<models::RecoveryEntry> entries = models::listRecoveryFiles();
    if (entries.isEmpty())
        return false;
    const models::RecoveryEntry &newest = entries.constFirst();
    QMessageBox box(QMessageBox::Question, QObject::tr("Recover unsaved work"),
        QObject::tr("Fleetplan found work that was not saved when a session ended unexpectedly:\n\n"
                    "“%1” (%2), autosaved %3.")
            .arg(newest.scenarioName,
                newest.serviceCount == 1 ? QObject::tr("1 service")
                                         : QObject::tr("%1 services").arg(newest.serviceCount),
                QLocale().toString(newest.savedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::NoButton, &window);
    box.setObjectName(QStringLiteral("recoveryPrompt"));
    if (!newest.originalPath.isEmpty())
        box.setInformativeText(QObject::tr("It belongs to %1.").arg(QDir::toNativeSeparators(newest.originalPath)));
    QPushButton *recover = box.addButton(QObject::tr("&Recover"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(QObject::tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(QObject::tr("&Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == discard) {
        for (const models::RecoveryEntry &e : entries)
            QFile::remove(e.recoveryPath);
        return false;
    }
    if (box.clickedButton() != recover)
        return false;
    QString error;
    if (!window.document()->restoreFromRecovery(newest.recoveryPath, &error)) {
        QMessageBox::warning(&window, QObject::tr("Recover unsaved work"), error);
        return false;
    }
    return true;
}

} // namespace fleetplan::app
