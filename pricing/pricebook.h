// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include "pricing/commitments.h"
#include "pricing/customnodetype.h"
#include "pricing/rates.h"

namespace fleetplan::pricing {

/// Which table of the catalog a price-book rate belongs to.
enum class RateKind {
    Ec2OnDemand, ///< key: instance type ("m5.large"), USD per hour
    Ec2Spot, ///< key: instance type
    Ec2Reserved, ///< key: "m5.large|1yr|No Upfront|standard", effective USD per hour
    Fargate, ///< key: item of fargate_rates.csv ("linux_x86_vcpu", "linux_x86_memory", ...)
    Eks, ///< key: "cluster_standard_support" / "cluster_extended_support"
    Other, ///< key: item of ebs_rates.csv / network_and_registry_rates.csv ("gp3_storage", ...)
    Ec2OnDemandWindows, ///< key: instance type; Windows (licence included), shared tenancy, USD per hour
    /// key: "compute|1yr|No Upfront|m6i.large" or "ec2_instance|3yr|Partial Upfront|r7g.2xlarge" (Linux,
    /// shared tenancy, USD per instance-hour), or "compute|1yr|No Upfront|linux_x86_vcpu" (a Fargate item of
    /// fargate_rates.csv, USD per vCPU-/GB-hour): an AWS Savings Plans rate, imported from the Savings Plans
    /// price list (AWSComputeSavingsPlan index.csv)
    SavingsPlan
};
/// The price-book key of a Savings Plans rate (RateKind::SavingsPlan).
QString savingsPlanRateKey(CommitmentPlan plan, int termYears, PaymentOption payment, const QString &target);
QString rateKindName(RateKind kind); ///< "ec2_ondemand", "ec2_spot", ...
std::optional<RateKind> parseRateKind(const QString &text);

/// One rate stored in the price book.
struct PriceBookEntry
{
    RateKind kind = RateKind::Ec2OnDemand;
    QString region;
    QString key;
    double usd = 0;
    QString asOf;
    QString source;
    Rate::Origin origin = Rate::Imported; ///< Imported or Override
};

/// The user's own price book: a SQLite database (by default QStandardPaths::AppDataLocation/pricebook.sqlite)
/// holding the enterprise discount, per-item overrides and custom rates, imported AWS Price List rates and
/// edited Savings Plans/RI assumptions. Catalog::load() layers it over the bundled catalog, which is never
/// written. Schema version in PRAGMA user_version; older books are upgraded in one transaction on open.
class PriceBook
{
public:
    PriceBook();
    ~PriceBook();
    PriceBook(const PriceBook &) = delete;
    PriceBook &operator=(const PriceBook &) = delete;

    /// QStandardPaths::AppDataLocation + "/pricebook.sqlite"; the FLEETPLAN_PRICEBOOK environment variable
    /// overrides it (tests, CI).
    static QString defaultPath();

    /// Opens (creating it and its folder if needed) the price book at path. false + *error on failure.
    bool open(const QString &path, QString *error = nullptr);
    bool isOpen() const;
    QString path() const { return m_path; }
    /// The open connection (for the importer, which writes in one transaction).
    QSqlDatabase database() const;

    double enterpriseDiscountPercent() const;
    bool setEnterpriseDiscountPercent(double percent, QString *error = nullptr); ///< 0..100

    /// Adds or replaces an override (origin Override): it wins over bundled and imported figures.
    bool setOverride(RateKind kind, const QString &region, const QString &key, double usd,
        const QString &note = QString(), QString *error = nullptr);
    bool removeOverride(RateKind kind, const QString &region, const QString &key, QString *error = nullptr);
    /// Every stored rate (imported and overrides).
    QList<PriceBookEntry> entries(QString *error = nullptr) const;
    /// Writes these rates as they are (origin, date and source included), replacing rows with the same kind,
    /// region, key and origin; in one transaction. For undo: puts back what an edit replaced.
    bool writeEntries(const QList<PriceBookEntry> &entries, QString *error = nullptr);
    /// Replaces every imported rate by `imported` (their origin must be Imported), in one transaction; the
    /// overrides stay. For undo and redo of a Price List import.
    bool replaceImported(const QList<PriceBookEntry> &imported, QString *error = nullptr);

    /// The user's edits of commitment discounts (applied over CommitmentAssumptions::defaults()).
    bool setCommitmentDiscount(CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment,
        double percent, QString *error = nullptr);
    /// The stored edit of one assumption, or nullopt when it has the default.
    std::optional<double> commitmentEdit(
        CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment) const;
    /// Drops the edit of one assumption: it has its default again.
    bool removeCommitmentDiscount(
        CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment, QString *error = nullptr);
    /// Adds or replaces the custom node type of that name (checkCustomNodeType() first).
    bool setCustomNodeType(const CustomNodeType &type, QString *error = nullptr);
    /// Removes the custom node type of that name (nothing when there is none).
    bool removeCustomNodeType(const QString &name, QString *error = nullptr);
    /// Every custom node type, sorted by name. A stored row that fails checkCustomNodeType() (a file edited by
    /// hand) is an error naming the book and the type.
    QList<CustomNodeType> customNodeTypes(QString *error = nullptr) const;

    /// Applies the stored edits to `assumptions`. false + *error (naming the book and the row) when the
    /// table cannot be read or a row names no option AWS sells.
    bool applyCommitmentEdits(CommitmentAssumptions &assumptions, QString *error = nullptr) const;

private:
    bool ensureSchema(QString *error);
    QString m_connectionName;
    QString m_path;
};

} // namespace fleetplan::pricing
