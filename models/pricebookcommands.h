// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUndoCommand>

#include "pricing/commitments.h"
#include "pricing/pricebook.h"

/// Undoable edits of the user's price book (the window's Price book tab, issue 18). The price book is one
/// file shared by the window and the CLI, not part of a scenario, so these commands live on their own undo
/// stack; each opens the book by its path, writes, and tells the PriceBookNotifier, whose changed() makes the
/// window reload the catalog and re-simulate.
namespace fleetplan::models {

/// Says that a price-book command changed the file, or why it could not.
class PriceBookNotifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void changed();
    void failed(const QString &error);
};

/// Opens the book at its path for every redo and undo (a command may outlive an open connection).
class PriceBookCommand : public QUndoCommand
{
public:
    PriceBookCommand(QString path, PriceBookNotifier *notifier, const QString &text);
    void redo() final;
    void undo() final;

protected:
    /// Writes the edit (forward) or takes it back. false + *error when the book cannot be written.
    virtual bool apply(pricing::PriceBook &book, bool forward, QString *error) = 0;
    /// The first redo() does nothing: the change was already written (an import).
    void skipFirstRedo() { m_skipRedo = true; }

private:
    void run(bool forward);
    QString m_path;
    QPointer<PriceBookNotifier> m_notifier;
    bool m_skipRedo = false;
};

/// The enterprise discount (percent off every On-Demand and Fargate rate).
class SetEnterpriseDiscountCommand : public PriceBookCommand
{
public:
    SetEnterpriseDiscountCommand(const QString &path, PriceBookNotifier *notifier, double before, double after);

protected:
    bool apply(pricing::PriceBook &book, bool forward, QString *error) override;

private:
    double m_before;
    double m_after;
};

/// Adds, changes (usd set) or removes (usd unset) one override; undo puts back the override it replaced,
/// with its date and note.
class SetOverrideCommand : public PriceBookCommand
{
public:
    SetOverrideCommand(const QString &path, PriceBookNotifier *notifier, pricing::RateKind kind, const QString &region,
        const QString &key, std::optional<double> usd, const QString &note = {});

protected:
    bool apply(pricing::PriceBook &book, bool forward, QString *error) override;

private:
    pricing::RateKind m_kind;
    QString m_region;
    QString m_key;
    std::optional<double> m_usd;
    QString m_note;
    std::optional<pricing::PriceBookEntry> m_previous;
};

/// Edits one Savings Plans / RI discount assumption (percent set) or resets it to its default (unset).
class SetCommitmentDiscountCommand : public PriceBookCommand
{
public:
    SetCommitmentDiscountCommand(const QString &path, PriceBookNotifier *notifier, pricing::CommitmentScope scope,
        pricing::CommitmentPlan plan, int termYears, pricing::PaymentOption payment, std::optional<double> percent);

protected:
    bool apply(pricing::PriceBook &book, bool forward, QString *error) override;

private:
    bool write(pricing::PriceBook &book, std::optional<double> percent, QString *error) const;
    pricing::CommitmentScope m_scope;
    pricing::CommitmentPlan m_plan;
    int m_term;
    pricing::PaymentOption m_payment;
    std::optional<double> m_percent;
    std::optional<double> m_previous;
};

/// Adds or replaces (type set) or removes (type unset) one custom node type (the user's own hardware); undo
/// puts back the type of that name it replaced, or removes the one it added.
class SetCustomNodeTypeCommand : public PriceBookCommand
{
public:
    SetCustomNodeTypeCommand(const QString &path, PriceBookNotifier *notifier, const QString &name,
        std::optional<pricing::CustomNodeType> type);

protected:
    bool apply(pricing::PriceBook &book, bool forward, QString *error) override;

private:
    bool write(pricing::PriceBook &book, const std::optional<pricing::CustomNodeType> &type, QString *error) const;
    QString m_name;
    std::optional<pricing::CustomNodeType> m_type;
    std::optional<pricing::CustomNodeType> m_previous;
};

/// A Price List import that already ran: undo puts back the imported rates of before, redo those of after.
class ImportedRatesCommand : public PriceBookCommand
{
public:
    ImportedRatesCommand(const QString &path, PriceBookNotifier *notifier, QList<pricing::PriceBookEntry> before,
        QList<pricing::PriceBookEntry> after, const QString &text);

protected:
    bool apply(pricing::PriceBook &book, bool forward, QString *error) override;

private:
    QList<pricing::PriceBookEntry> m_before;
    QList<pricing::PriceBookEntry> m_after;
};

/// The imported rates of a price book (what ImportedRatesCommand keeps).
QList<pricing::PriceBookEntry> importedRates(const QList<pricing::PriceBookEntry> &entries);

} // namespace fleetplan::models
