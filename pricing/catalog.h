// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>
#include <memory>
#include <optional>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "pricing/commitments.h"
#include "pricing/instancetype.h"
#include "pricing/customnodetype.h"
#include "pricing/rates.h"

namespace fleetplan::pricing {

/// Filter for Catalog::instanceTypes(). Empty/unset fields do not filter.
struct InstanceFilter
{
    QStringList families; ///< e.g. {"m6i", "c6i"}; empty = all
    int minGeneration = 0;
    int maxGeneration = std::numeric_limits<int>::max();
    std::optional<CpuArch> arch;
    double minVcpu = 0;
    double maxVcpu = std::numeric_limits<double>::infinity();
    double minMemoryMib = 0;
    double maxMemoryMib = std::numeric_limits<double>::infinity();
    bool excludeBareMetal = false;
    bool excludeAccelerated = false; ///< drop types with GPUs or other accelerators
    bool requireSpecs = false; ///< drop the types with unknown vCPU/memory
    QString pricedInRegion; ///< keep only types with an On-Demand price in this region; empty = any
};

/// What a dataset of the catalog holds, for `fleetplan catalog info` and report footers.
struct DatasetInfo
{
    QString name; ///< "ec2_ondemand"
    QString file; ///< "ec2_ondemand_prices.csv"
    int rows = 0;
    QString asOfMin; ///< oldest as_of
    QString asOfMax; ///< newest as_of
    QString sources; ///< short summary of the sources (full text in resources/catalog/README.md)
};

/// The pricing catalog: instance types and every rate, loaded once into memory (hash maps, no query per
/// lookup). Immutable after loading and therefore safe to share between threads.
///
/// Layers: the bundled read-only SQLite catalog (built at build time from resources/catalog/*.csv and
/// embedded as a Qt resource), then optionally the user's price book (pricebook.h): imported AWS Price List
/// rates, then per-item overrides and custom rates, then the enterprise discount on everything that is not
/// an override. Every Rate says its origin.
///
/// Lookups that fail can fill a QString *error that names what is unknown and suggests the nearest valid
/// names ("unknown instance type \"m5.lage\"; did you mean m5.large?"), or says which regions have a
/// price ("m5.large has no On-Demand price in region ap-east-2; available in: ...").
class Catalog
{
public:
    /// The bundled catalog (embedded resource), loaded once per process and cached; thread-safe.
    /// Never null: a broken embedded catalog is a build error and aborts with a message.
    static std::shared_ptr<const Catalog> bundled();

    /// The bundled catalog with the user's price book (PriceBook::defaultPath()) layered on top. When the
    /// price book cannot be read, returns the bundled catalog and sets *error.
    static std::shared_ptr<const Catalog> withUserPriceBook(QString *error = nullptr);

    /// Loads the catalog SQLite file at catalogPath (empty = the embedded one), then layers the price book
    /// at priceBookPath over it (empty = none). Returns nullptr and sets *error on failure (names the file).
    static std::shared_ptr<const Catalog> load(
        const QString &catalogPath, const QString &priceBookPath, QString *error = nullptr);

    // ---- instance types -----------------------------------------------------------------------------
    /// The type with this exact name, or nullptr.
    const InstanceType *instanceType(const QString &name) const;
    /// The type, or nullptr with *error = "unknown instance type "m5.lage"; did you mean m5.large?".
    const InstanceType *instanceType(const QString &name, QString *error) const;
    /// Every type, sorted by name.
    const QList<InstanceType> &instanceTypes() const { return m_instanceTypes; }
    /// The types passing the filter, sorted by name.
    QList<const InstanceType *> instanceTypes(const InstanceFilter &filter) const;
    /// Expands names and wildcards ("m6i.*", "c6i.large", "*.metal") into type names (sorted, no duplicates).
    /// An exact name that is unknown, or a pattern that matches nothing, is an error with suggestions.
    QStringList matchInstanceTypes(const QStringList &namesOrWildcards, QString *error = nullptr) const;
    /// The custom node types of the user's price book (own hardware), sorted by name; they are also in
    /// instanceTypes() (InstanceType::custom) and priced by onDemandHourly() in every region.
    const QList<CustomNodeType> &customNodeTypes() const { return m_customNodeTypes; }
    /// Up to `count` valid names nearest to `name` (edit distance), nearest first.
    QStringList suggestInstanceTypes(const QString &name, int count = 3) const;

    // ---- regions ------------------------------------------------------------------------------------
    /// Every region code with any rate, sorted.
    const QStringList &regions() const { return m_regions; }
    bool hasRegion(const QString &region) const;
    /// true, or false with *error = "unknown region "us-est-1"; did you mean us-east-1?".
    bool checkRegion(const QString &region, QString *error) const;
    QStringList suggestRegions(const QString &region, int count = 3) const;

    // ---- EC2 ----------------------------------------------------------------------------------------
    /// EC2 On-Demand Linux, shared tenancy, USD per instance-hour (ec2_ondemand_prices.csv). For a custom node
    /// type: the user's own cost per node-hour, the same in every region (origin Override, never discounted).
    std::optional<Rate> onDemandHourly(const QString &region, const QString &type, QString *error = nullptr) const;
    /// EC2 On-Demand Windows (licence included), shared tenancy, USD per instance-hour
    /// (ec2_ondemand_windows_prices.csv: instances.vantage.sh via the jawaadjariwala parquet, ~2026-05-12;
    /// t3.medium us-east-1 0.06 against 0.0416 Linux). nullopt with *error when the type has none there.
    std::optional<Rate> windowsOnDemandHourly(
        const QString &region, const QString &type, QString *error = nullptr) const;
    /// EC2 Linux Spot average USD per hour: a single snapshot (about 2026-05-12), always estimated.
    std::optional<Rate> spotHourly(const QString &region, const QString &type, QString *error = nullptr) const;
    /// Regions where the type has an On-Demand price, sorted.
    QStringList regionsWithOnDemand(const QString &type) const;
    /// Imported Reserved Instance effective hourly (hourly fee + upfront spread over the term); only from
    /// the price book (imported AWS Price List Reserved terms). offeringClass "standard" or "convertible".
    std::optional<Rate> reservedEffectiveHourly(const QString &region, const QString &type, int termYears,
        PaymentOption payment, const QString &offeringClass) const;

    /// Reserved Instance rate of a family in a region from commitment_discounts.csv (Standard or
    /// Convertible RI, 1 or 3 years: No Upfront for every family in 34 regions from AWS's RI feed, All
    /// Upfront for m5/m6i/c6i/r6i/m7g in the six main regions);
    /// nullopt where the data has none (the caller falls back to commitments(), an estimate).
    std::optional<CommitmentRate> reservedInstanceRate(
        const QString &region, const QString &family, int termYears, PaymentOption payment, CommitmentPlan plan) const;
    /// Percent off On-Demand of a Compute or EC2 Instance Savings Plan for a family's Linux instances in a
    /// region, from Savings Plans rates imported into the price book (AWS Savings Plans price list; the
    /// bundled data has none): the family's `.large` (else its cheapest size), 1 − SP rate ÷ On-Demand rate.
    /// nullopt when nothing was imported for it (the caller uses the flat assumption, estimated).
    std::optional<CommitmentRate> savingsPlanDiscount(
        const QString &region, const QString &family, CommitmentPlan plan, int termYears, PaymentOption payment) const;
    /// The same for a Compute Savings Plan on Fargate (Linux x86 vCPU-hour rate; AWS gives memory the same
    /// percent).
    std::optional<CommitmentRate> fargateSavingsPlanDiscount(
        const QString &region, int termYears, PaymentOption payment) const;

    // ---- Fargate, EKS, EBS --------------------------------------------------------------------------
    /// Fargate rate card. Windows and ARM are ECS-only; EKS Fargate uses Linux x86. nullopt with *error
    /// naming region/arch/os when the catalog has no such rate.
    std::optional<FargateRateCard> fargate(
        const QString &region, CpuArch arch, FargateOs os, bool spot, QString *error = nullptr) const;
    /// EKS control plane USD per cluster-hour: 0.10 standard, 0.60 extended support (eks_rates.csv).
    std::optional<Rate> eksControlPlaneHourly(
        const QString &region, bool extendedSupport, QString *error = nullptr) const;
    /// EBS USD per GB-month; volumeType "gp3" or "gp2" (ebs_rates.csv).
    std::optional<Rate> ebsGbMonth(const QString &region, const QString &volumeType, QString *error = nullptr) const;
    /// Any other regional rate by its item name in network_and_registry_rates.csv or ebs_rates.csv
    /// ("nat_gateway_hour", "public_ipv4_in_use_hour", "gp3_iops_above_3000", ...).
    std::optional<Rate> otherRate(const QString &region, const QString &item, QString *error = nullptr) const;

    // ---- assumptions and provenance -----------------------------------------------------------------
    /// Savings Plans / RI discount assumptions (defaults, with the user's edits from the price book).
    const CommitmentAssumptions &commitments() const { return m_commitments; }
    /// Enterprise discount percent applied from the price book (0 = none).
    double enterpriseDiscountPercent() const { return m_enterpriseDiscountPercent; }
    /// The datasets of the bundled catalog with their dates and sources.
    const QList<DatasetInfo> &datasets() const { return m_datasets; }
    /// When the bundled catalog file was built (ISO date-time), from its meta table.
    QString builtAt() const { return m_builtAt; }
    /// Number of rates coming from the price book (imported + override).
    int priceBookRateCount() const { return m_priceBookRates; }

    /// Internal storage (public so the loader and the price book can fill it; treat as private).
    struct RateTable
    {
        QHash<QString, QHash<QString, Rate>> byRegion; ///< region → key → rate
    };

private:
    Catalog() = default;
    friend class CatalogLoader;

    QList<InstanceType> m_instanceTypes;
    QList<CustomNodeType> m_customNodeTypes;
    QHash<QString, Rate> m_customRates; ///< custom node type → the user's hourly cost
    QHash<QString, qsizetype> m_typeIndex; ///< name → index in m_instanceTypes
    QStringList m_regions;
    RateTable m_onDemand; ///< key: instance type
    RateTable m_onDemandWindows; ///< key: instance type (Windows, licence included)
    RateTable m_spot; ///< key: instance type
    RateTable m_reserved; ///< key: "type|term|payment|class"
    RateTable m_fargate; ///< key: item of fargate_rates.csv ("linux_x86_vcpu", ...)
    RateTable m_eks; ///< key: item of eks_rates.csv
    RateTable m_other; ///< key: item of ebs_rates.csv / network_and_registry_rates.csv
    RateTable m_savingsPlans; ///< key: savingsPlanRateKey() (imported only)
    CommitmentAssumptions m_commitments = CommitmentAssumptions::defaults();
    QHash<QString, CommitmentRate> m_commitmentRates; ///< "region|family|term|payment|plan"
    double m_enterpriseDiscountPercent = 0;
    QList<DatasetInfo> m_datasets;
    QString m_builtAt;
    int m_priceBookRates = 0;
};

} // namespace fleetplan::pricing
