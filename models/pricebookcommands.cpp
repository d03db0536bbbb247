// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/pricebookcommands.h"

#include <QDir>

namespace fleetplan::models {

using pricing::PriceBook;
using pricing::PriceBookEntry;

QList<PriceBookEntry> importedRates(const QList<PriceBookEntry> &entries)
{
    QList<PriceBookEntry> out;
    for (const PriceBookEntry &e : entries) {
        if (e.origin == pricing::Rate::Imported)
            out.append(e);
    }
    return out;
}

PriceBookCommand::PriceBookCommand(QString path, PriceBookNotifier *notifier, const QString &text)
    : QUndoCommand(text)
    , m_path(std::move(path))
    , m_notifier(notifier)
{
}

void PriceBookCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    run(true);
}

void PriceBookCommand::undo()
{
    run(false);
}

void PriceBookCommand::run(bool forward)
{
    PriceBook book;
    QString error;
    bool ok = book.open(m_path, &error);
    if (ok)
        ok = apply(book, forward, &error);
    if (!m_notifier)
        return;
    if (ok)
        Q_EMIT m_notifier->changed();
    else
        Q_EMIT m_notifier->failed(QStringLiteral("%1 (%2): %3")
                                      .arg(forward ? QStringLiteral("cannot %1").arg(text().toLower())
                                                   : QStringLiteral("cannot undo %1").arg(text().toLower()),
                                          QDir::toNativeSeparators(m_path), error));
}

SetEnterpriseDiscountCommand::SetEnterpriseDiscountCommand(
    const QString &path, PriceBookNotifier *notifier, double before, double after)
    : PriceBookCommand(path, notifier, QStringLiteral("Set the enterprise discount to %1 %").arg(after))
    , m_before(before)
    , m_after(after)
{
}

bool SetEnterpriseDiscountCommand::apply(PriceBook &book, bool forward, QString *error)
{
    return book.setEnterpriseDiscountPercent(forward ? m_after : m_before, error);
}

namespace {
QString overrideText(pricing::RateKind kind, const QString &region, const QString &key, std::optional<double> usd)
{
    if (!usd)
        return QStringLiteral("Remove the override of %1 %2 (%3)").arg(key, pricing::rateKindName(kind), region);
    return QStringLiteral("Override %1 %2 (%3) at %4 USD").arg(key, pricing::rateKindName(kind), region).arg(*usd);
}
} // namespace

SetOverrideCommand::SetOverrideCommand(const QString &path, PriceBookNotifier *notifier, pricing::RateKind kind,
    const QString &region, const QString &key, std::optional<double> usd, const QString &note)
    : PriceBookCommand(path, notifier, overrideText(kind, region, key, usd))
    , m_kind(kind)
    , m_region(region)
    , m_key(key)
    , m_usd(usd)
    , m_note(note)
{
    PriceBook book;
    if (book.open(path)) {
        for (const PriceBookEntry &e : book.entries()) {
            if (e.origin == pricing::Rate::Override && e.kind == kind && e.region == region && e.key == key)
                m_previous = e;
        }
    }
}

bool SetOverrideCommand::apply(PriceBook &book, bool forward, QString *error)
{
    if (forward) {
        if (m_usd)
            return book.setOverride(m_kind, m_region, m_key, *m_usd, m_note, error);
        return book.removeOverride(m_kind, m_region, m_key, error);
    }
    if (m_previous)
        return book.writeEntries({ *m_previous }, error);
    return book.removeOverride(m_kind, m_region, m_key, error);
}

SetCustomNodeTypeCommand::SetCustomNodeTypeCommand(
    const QString &path, PriceBookNotifier *notifier, const QString &name, std::optional<pricing::CustomNodeType> type)
    : PriceBookCommand(path, notifier,
        type ? QStringLiteral("Set custom node type %1 (%2 vCPU, %3 MiB, %4 USD/h)")
                   .arg(name)
                   .arg(type->vcpu)
                   .arg(type->memoryMib)
                   .arg(type->usdPerHour)
             : QStringLiteral("Remove custom node type %1").arg(name))
    , m_name(name)
    , m_type(std::move(type))
{
    PriceBook book;
    if (book.open(path)) {
        for (const pricing::CustomNodeType &t : book.customNodeTypes()) {
            if (t.name == name)
                m_previous = t;
        }
    }
}

bool SetCustomNodeTypeCommand::write(
    PriceBook &book, const std::optional<pricing::CustomNodeType> &type, QString *error) const
{
    if (type)
        return book.setCustomNodeType(*type, error);
    return book.removeCustomNodeType(m_name, error);
}

bool SetCustomNodeTypeCommand::apply(PriceBook &book, bool forward, QString *error)
{
    return write(book, forward ? m_type : m_previous, error);
}

SetCommitmentDiscountCommand::SetCommitmentDiscountCommand(const QString &path, PriceBookNotifier *notifier,
    pricing::CommitmentScope scope, pricing::CommitmentPlan plan, int termYears, pricing::PaymentOption payment,
    std::optional<double> percent)
    : PriceBookCommand(path, notifier,
        percent ? QStringLiteral("Set the %1 %2-year %3 discount to %4 %")
                      .arg(pricing::commitmentPlanName(plan))
                      .arg(termYears)
                      .arg(pricing::paymentOptionName(payment))
                      .arg(*percent)
                : QStringLiteral("Reset the %1 %2-year %3 discount")
                      .arg(pricing::commitmentPlanName(plan))
                      .arg(termYears)
                      .arg(pricing::paymentOptionName(payment)))
    , m_scope(scope)
    , m_plan(plan)
    , m_term(termYears)
    , m_payment(payment)
    , m_percent(percent)
{
    PriceBook book;
    if (book.open(path))
        m_previous = book.commitmentEdit(scope, plan, termYears, payment);
}

bool SetCommitmentDiscountCommand::write(PriceBook &book, std::optional<double> percent, QString *error) const
{
    if (percent)
        return book.setCommitmentDiscount(m_scope, m_plan, m_term, m_payment, *percent, error);
    return book.removeCommitmentDiscount(m_scope, m_plan, m_term, m_payment, error);
}

bool SetCommitmentDiscountCommand::apply(PriceBook &book, bool forward, QString *error)
{
    return write(book, forward ? m_percent : m_previous, error);
}

ImportedRatesCommand::ImportedRatesCommand(const QString &path, PriceBookNotifier *notifier,
    QList<PriceBookEntry> before, QList<PriceBookEntry> after, const QString &text)
    : PriceBookCommand(path, notifier, text)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    skipFirstRedo();
}

bool ImportedRatesCommand::apply(PriceBook &book, bool forward, QString *error)
{
    return book.replaceImported(forward ? m_after : m_before, error);
}

} // namespace fleetplan::models
