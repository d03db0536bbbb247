// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/pricebookcontroller.h"

#include <atomic>
#include <memory>

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include "models/pricebookcommands.h"
#include "pricing/pricebook.h"
#include "pricing/pricelistimporter.h"
#include "views/pricebookpage.h"

namespace fleetplan::app {

PriceBookController::PriceBookController(views::PriceBookPage *page, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_page(page)
    , m_dialogParent(dialogParent)
    , m_path(pricing::PriceBook::defaultPath())
    , m_undoStack(new QUndoStack(this))
    , m_notifier(new models::PriceBookNotifier(this))
{
    connect(m_notifier, &models::PriceBookNotifier::changed, this, [this] {
        refresh();
        Q_EMIT priceBookChanged();
    });
    connect(m_notifier, &models::PriceBookNotifier::failed, this, [this](const QString &error) {
        refresh();
        Q_EMIT statusMessage(error, 15000);
    });
    connect(m_page, &views::PriceBookPage::discountEdited, this, [this](double percent) {
        pricing::PriceBook book;
        const double before = book.open(m_path) ? book.enterpriseDiscountPercent() : 0.0;
        m_undoStack->push(new models::SetEnterpriseDiscountCommand(m_path, m_notifier, before, percent));
    });
    connect(m_page, &views::PriceBookPage::overrideRequested, this,
        [this](pricing::RateKind kind, const QString &region, const QString &key, double usd, const QString &note) {
            m_undoStack->push(new models::SetOverrideCommand(m_path, m_notifier, kind, region, key, usd, note));
        });
    connect(m_page, &views::PriceBookPage::overrideRemoveRequested, this,
        [this](pricing::RateKind kind, const QString &region, const QString &key) {
            m_undoStack->push(new models::SetOverrideCommand(m_path, m_notifier, kind, region, key, std::nullopt));
        });
    connect(m_page, &views::PriceBookPage::customNodeTypeRequested, this, [this](const pricing::CustomNodeType &t) {
        m_undoStack->push(new models::SetCustomNodeTypeCommand(m_path, m_notifier, t.name, t));
    });
    connect(m_page, &views::PriceBookPage::customNodeTypeRemoveRequested, this, [this](const QString &name) {
        m_undoStack->push(new models::SetCustomNodeTypeCommand(m_path, m_notifier, name, std::nullopt));
    });
    connect(m_page, &views::PriceBookPage::commitmentEdited, this,
        [this](const pricing::CommitmentDiscount &d, double percent) {
            m_undoStack->push(new models::SetCommitmentDiscountCommand(
                m_path, m_notifier, d.scope, d.plan, d.termYears, d.payment, percent));
        });
    connect(
        m_page, &views::PriceBookPage::commitmentResetRequested, this, [this](const pricing::CommitmentDiscount &d) {
            m_undoStack->push(new models::SetCommitmentDiscountCommand(
                m_path, m_notifier, d.scope, d.plan, d.termYears, d.payment, std::nullopt));
        });
    connect(m_page, &views::PriceBookPage::importRequested, this, &PriceBookController::chooseAndImport);
    refresh();
}

void PriceBookController::refresh()
{
    views::PriceBookPage::Contents contents;
    contents.path = m_path;
    // Looking must not create the file (the catalog would then count as "with your price book"): the first
    // edit or import does.
    contents.exists = QFileInfo::exists(m_path);
    if (!contents.exists) {
        m_page->setContents(contents);
        return;
    }
    pricing::PriceBook book;
    QString error;
    if (!book.open(m_path, &error)) {
        contents.error = error;
    } else {
        contents.discountPercent = book.enterpriseDiscountPercent();
        contents.entries = book.entries(&error);
        if (error.isEmpty())
            contents.customNodeTypes = book.customNodeTypes(&error);
        if (!book.applyCommitmentEdits(contents.commitments, &error) || !error.isEmpty())
            contents.error = error;
    }
    m_page->setContents(contents);
}

void PriceBookController::chooseAndImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(m_dialogParent, tr("Import AWS Price List offer files"),
        QString(), tr("AWS Price List offer files (*.csv *.json);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

bool PriceBookController::importFiles(const QStringList &files, bool quiet)
{
    m_lastMessages.clear();
    QList<pricing::PriceBookEntry> before;
    {
        pricing::PriceBook book;
        QString error;
        if (!book.open(m_path, &error)) {
            m_lastMessages << error;
            Q_EMIT statusMessage(tr("Not imported: %1").arg(error), 15000);
            if (!quiet)
                QMessageBox::warning(m_dialogParent, tr("Cannot import"), error);
            return false;
        }
        before = models::importedRates(book.entries());
    }

    // The import runs on a pool thread with its own connection to the book; the dialog follows its progress
    // and its Cancel stops it (the import then rolls back: nothing is written).
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    QPointer<QProgressDialog> dialog;
    if (!quiet) {
        dialog = new QProgressDialog(tr("Importing %n file(s) into your price book…", nullptr, int(files.size())),
            tr("Cancel"), 0, 1000, m_dialogParent);
        dialog->setObjectName(QStringLiteral("priceListImportProgress"));
        dialog->setWindowTitle(tr("Import AWS Price List"));
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setMinimumDuration(300);
        dialog->setValue(0);
        connect(dialog, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });
    }
    const QString path = m_path;
    QPointer<QProgressDialog> progressTarget = dialog;
    QFutureWatcher<pricing::ImportResult> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<pricing::ImportResult>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([files, path, cancel, progressTarget] {
        pricing::PriceBook book;
        pricing::ImportResult result;
        if (!book.open(path, &result.error))
            return result;
        return pricing::PriceListImporter::importFiles(
            book, files, [cancel, progressTarget](qint64 done, qint64 total) {
                if (progressTarget && total > 0) {
                    const int permille = int(std::min<qint64>(1000, done * 1000 / total));
                    QMetaObject::invokeMethod(
                        progressTarget.data(),
                        [progressTarget, permille] {
                            if (progressTarget)
                                progressTarget->setValue(permille);
                        },
                        Qt::QueuedConnection);
                }
                return !cancel->load();
            });
    }));
    if (!watcher.isFinished())
        loop.exec();
    const pricing::ImportResult result = watcher.result();
    if (dialog) {
        dialog->reset();
        dialog->deleteLater();
    }

    if (!result.ok) {
        m_lastMessages << result.error;
        Q_EMIT statusMessage(result.cancelled ? tr("Import cancelled: the price book is unchanged")
                                              : tr("Not imported: %1").arg(result.error),
            15000);
        if (!quiet && !result.cancelled)
            QMessageBox::warning(m_dialogParent, tr("Cannot import"),
                tr("%1\n\nNothing was imported; your price book is unchanged.").arg(result.error));
        return false;
    }
    m_lastMessages = result.warnings;
    QList<pricing::PriceBookEntry> after;
    {
        pricing::PriceBook book;
        if (book.open(m_path))
            after = models::importedRates(book.entries());
    }
    const QString text = tr("Import %n rate(s) from the AWS Price List", nullptr, result.ratesWritten);
    m_undoStack->push(new models::ImportedRatesCommand(m_path, m_notifier, before, after, text));
    refresh();
    Q_EMIT priceBookChanged();
    QString message = tr("Imported %n rate(s) into your price book", nullptr, result.ratesWritten);
    if (!result.warnings.isEmpty())
        message += tr(" (%n warning(s))", nullptr, int(result.warnings.size()));
    Q_EMIT statusMessage(message, 10000);
    if (!quiet && !result.warnings.isEmpty()) {
        QMessageBox box(QMessageBox::Information, tr("Imported"), message, QMessageBox::Ok, m_dialogParent);
        box.setDetailedText(result.warnings.join(u'\n'));
        box.exec();
    }
    return true;
}

} // namespace fleetplan::app
