// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
};

/// One commitment, in USD per hour at its own (discounted) rates.
struct Commitment
{
    enum class Kind { ReservedInstance, Ec2InstanceSavingsPlan, ComputeSavingsPlan };
    Kind kind = Kind::ComputeSavingsPlan;
    double usdPerHour = 0.0; ///< commitment (RI: the reservation's hourly fee)
    QString family; ///< RI / EC2 Instance SP: the family it is bound to; empty = any family
    double ec2DiscountPercent = 0.0; ///< percent off On-Demand for EC2 usage
    double fargateDiscountPercent = 0.0; ///< percent off On-Demand for Fargate usage (Compute SP only)
};

/// Covers `lines` with the commitments in AWS's order and returns the USD of commitment actually used
/// (at discounted rates). Each line's coveredOnDemandUsd is filled. The caller pays Σ usdPerHour
/// regardless (unused commitment is still billed).
double applyCommitments(QList<UsageLine> &lines, const QList<Commitment> &commitments);

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
