// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QString>

namespace fleetplan::pricing {

/// Savings Plans and Reserved Instances. AWS publishes no per-plan discount table for them in the bundled
/// data, so they are editable assumptions with documented defaults (commitments.cpp and
/// resources/catalog/README.md explain each default).
enum class CommitmentPlan {
    ComputeSavingsPlan,
    Ec2InstanceSavingsPlan,
    StandardReservedInstance,
    ConvertibleReservedInstance
};
enum class PaymentOption { NoUpfront, PartialUpfront, AllUpfront };
/// What the discount applies to: EC2 instance hours, or Fargate vCPU/GB hours (only Compute Savings Plans cover
/// Fargate).
enum class CommitmentScope { Ec2, Fargate };

QString commitmentPlanName(
    CommitmentPlan plan); ///< "Compute Savings Plan", "EC2 Instance Savings Plan", "Standard RI", "Convertible RI"
QString paymentOptionName(PaymentOption payment); ///< "No Upfront", "Partial Upfront", "All Upfront"
std::optional<CommitmentPlan> parseCommitmentPlan(const QString &text);
std::optional<PaymentOption> parsePaymentOption(const QString &text);

/// One assumption: percent off On-Demand and why that figure.
struct CommitmentDiscount
{
    CommitmentScope scope = CommitmentScope::Ec2;
    CommitmentPlan plan = CommitmentPlan::ComputeSavingsPlan;
    int termYears = 1; ///< 1 or 3
    PaymentOption payment = PaymentOption::NoUpfront;
    double discountPercent = 0.0; ///< percent off On-Demand
    QString basis; ///< where the default came from, or "user" when edited
    bool userEdited = false;
};

/// A per-family, per-region rate of commitment_discounts.csv (AWS RI price feeds via yeo/ec2.shop
/// @73696e3, 2025-04-05; Vantage All Upfront effective rates, ~2026-05-12): percent off On-Demand of the
/// `.large` size, which the family's other sizes share (RI prices scale with the normalization factor).
struct CommitmentRate
{
    double discountPercent = 0.0;
    QString appliesTo; ///< the row's instance type ("m6i.large")
    QString basis; ///< the two prices the percent was computed from
    QString source;
    QString asOf;
};

/// The table of discount assumptions (every scope × plan × term × payment that AWS sells).
class CommitmentAssumptions
{
public:
    /// The documented defaults (see commitments.cpp for each figure's basis).
    static CommitmentAssumptions defaults();

    /// Percent off On-Demand; nullopt when AWS does not sell that combination (e.g. an RI for Fargate).
    std::optional<double> discountPercent(
        CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment) const;
    /// The whole entry, or nullptr.
    const CommitmentDiscount *find(
        CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment) const;
    /// Edits one assumption (marks it user-edited). Returns false for a combination AWS does not sell
    /// or a percent outside 0..100.
    bool setDiscountPercent(
        CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment, double percent);
    /// All entries in a stable order.
    const QList<CommitmentDiscount> &entries() const { return m_entries; }

private:
    QList<CommitmentDiscount> m_entries;
};

} // namespace fleetplan::pricing
