// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QUndoStack;
class QWidget;

namespace fleetplan::models {
class PriceBookNotifier;
}

namespace fleetplan::views {
class PriceBookPage;
}

namespace fleetplan::app {

/// Wires the Price book tab (views::PriceBookPage) to the user's price book file (issue 18): every edit the
/// page asks for becomes an undoable command on the price book's own undo stack (models/pricebookcommands.h),
/// AWS Price List imports run in the background with a progress dialog and Cancel, and every change of the
/// file is announced by priceBookChanged(), on which the window reloads the catalog and re-simulates — the
/// same book `fleetplan compare` reads, so window and CLI keep agreeing.
class PriceBookController : public QObject
{
    Q_OBJECT

public:
    PriceBookController(views::PriceBookPage *page, QWidget *dialogParent, QObject *parent = nullptr);

    QUndoStack *undoStack() const { return m_undoStack; }
    /// The price book file: pricing::PriceBook::defaultPath() (FLEETPLAN_PRICEBOOK when set).
    QString path() const { return m_path; }
    /// Reads the book again and shows it on the page.
    void refresh();
    /// Imports AWS Price List offer files as one undoable step. With `quiet`, no progress dialog and no
    /// message box (tests); the outcome is in the status message either way. true when rates were written.
    bool importFiles(const QStringList &files, bool quiet = false);
    /// Asks for the files, then importFiles().
    void chooseAndImport();
    /// The messages of the last import (warnings, or the error), for the user and tests.
    const QStringList &lastImportMessages() const { return m_lastMessages; }

Q_SIGNALS:
    /// The price book file changed (an edit, its undo or redo, an import).
    void priceBookChanged();
    void statusMessage(const QString &text, int timeoutMs);

private:
    views::PriceBookPage *m_page;
    QWidget *m_dialogParent;
    QString m_path;
    QUndoStack *m_undoStack;
    models::PriceBookNotifier *m_notifier;
    QStringList m_lastMessages;
};

} // namespace fleetplan::app
