// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QString>

#include "models/simulation/costreport.h"
#include "pricing/commitments.h"

/// Applies Reserved Instances and Savings Plans to one hour of On-Demand usage the way AWS documents it
/// (Savings Plans user guide, "How Savings Plans apply to your AWS usage"): Reserved Instances first,
/// then EC2 Instance Savings Plans, then Compute Savings Plans; within each, the usage with the highest
/// saving percentage is covered first; the commitment is paid every hour whether used or not.
namespace fleetplan::models {

/// On-Demand usage of one hour that a commitment may cover.
struct UsageLine
{
    QString family; ///< EC2 instance family ("m6i"); empty for Fargate
    pricing::CommitmentScope scope = pricing::CommitmentScope::Ec2;
    double onDemandUsd = 0.0; ///< the hour's usage priced at On-Demand rates
    double coveredOnDemandUsd = 0.0; ///< output: the part a commitment covered (at On-Demand prices)
    /// Percent off On-Demand of this usage under a Compute / EC2 Instance Savings Plan when it differs from
    /// the commitment's flat figure (AWS prices each usage type separately; the user guide's example has
    /// 50 % for one instance and 20 % for another under the same plan). nullopt = the commitment's figure.
    std::optional<double> computeDiscountPercent {};
    std::optional<double> ec2InstanceDiscountPercent {};
    /// On-Demand USD per unit of usage (instance-hour, vCPU-hour): with equal saving percentages, the usage
    /// with the lower Savings Plans rate (unit × (1 − d)) is covered first. 0 = unknown (keep the order).
    double unitOnDemandUsd = 0.0;
};

/// Instance-hours of one instance type in one hour (Linux, shared tenancy) that a Reserved Instance may
/// cover.
struct InstanceUsage
{
    QString instanceType; ///< "m6i.large"
    QString family; ///< "m6i"
    double instances = 0.0; ///< instance-hours in the hour
    double onDemandRateUsd = 0.0; ///< On-Demand USD per instance-hour
    double coveredInstances = 0.0; ///< output: instance-hours an RI covered
};

/// Reserved Instances of one type, as they cover usage in one hour.
struct ReservationCover
{
    QString instanceType;
    QString family;
    double count = 0.0; ///< reserved instances
    /// Regional Linux RIs are size-flexible within the family by normalization factor (EC2 user guide,
    /// "Reserved Instances: instance size flexibility"); false = the exact type only (sizes without a
    /// factor, e.g. metal).
    bool sizeFlexible = true;
};

/// Normalization factor of an instance size (EC2 user guide, instance size flexibility table): nano 0.25,
/// micro 0.5, small 1, medium 2, large 4, xlarge 8, N·xlarge 8·N. nullopt for metal and unknown sizes.
std::optional<double> normalizationFactor(const QString &instanceType);

/// Covers `usage` with the reservations (each hour on its own: an unused reservation-hour is lost). A
/// size-flexible reservation covers count × its factor normalized units of its family, smallest sizes first
/// (EC2 user guide, "How Reserved Instances are applied": regional RIs apply from the smallest to the largest
/// size of the family); otherwise instances of the exact type. Fills coveredInstances; returns the On-Demand
/// USD covered. `coveredPerReservation` (optional) receives the On-Demand USD each reservation covered.
double applyReservedInstances(QList<InstanceUsage> &usage, const QList<ReservationCover> &reservations,
    QList<double> *coveredPerReservation = nullptr);

/// One commitment, in USD per hour at its own (discounted) rates.
struct Commitment
{
    enum class Kind { ReservedInstance, Ec2InstanceSavingsPlan, ComputeSavingsPlan };
    Kind kind = Kind::ComputeSavingsPlan;
    double usdPerHour = 0.0; ///< commitment (RI: the reservation's hourly fee)
    QString family; ///< RI / EC2 Instance SP: the family it is bound to; empty = any family
    double ec2DiscountPercent = 0.0; ///< percent off On-Demand for EC2 usage
    double fargateDiscountPercent = 0.0; ///< percent off On-Demand for Fargate usage (Compute SP only)
    /// Savings Plans: percent off On-Demand of a family's EC2 usage where AWS's own rate for it was
    /// imported (Catalog::savingsPlanDiscount); other families take ec2DiscountPercent.
    QHash<QString, double> ec2DiscountPercentOfFamily {};
    int termYears = 1; ///< Savings Plans: term and payment, to look their rates up
    pricing::PaymentOption payment = pricing::PaymentOption::NoUpfront;
};

/// Covers `lines` with the commitments in AWS's order and returns the USD of commitment actually used
/// (at discounted rates). Each line's coveredOnDemandUsd is filled. The caller pays Σ usdPerHour
/// regardless (unused commitment is still billed).
/// `coveredPerCommitment` (optional) receives the On-Demand USD each commitment covered.
double applyCommitments(
    QList<UsageLine> &lines, const QList<Commitment> &commitments, QList<double> *coveredPerCommitment = nullptr);

/// The cost of one hour of On-Demand usage U under a Savings Plan of C USD/h at discount d (fraction):
/// C + max(0, U − C ÷ (1 − d)).
double hourCostWithSavingsPlan(double onDemandUsd, double commitmentUsdPerHour, double discountFraction);

/// The commitment that minimises Σ_h hourCostWithSavingsPlan(U_h, C, d) over the hourly curve of eligible
/// On-Demand usage. The optimum lies at C = U_k × (1 − d) for one of the hours (the total is convex and
/// piecewise linear in C); every candidate is evaluated. `otherUsd` (costs no plan covers) is added to
/// the totals reported.
SavingsPlanRecommendation recommendSavingsPlan(
    const QList<double> &eligibleOnDemandPerHour, double discountPercent, double otherUsd);

} // namespace fleetplan::models
