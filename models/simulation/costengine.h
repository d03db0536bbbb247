// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "models/simulation/commitmentengine.h"
#include "models/simulation/costreport.h"
#include "pricing/catalog.h"
#include "pricing/commitments.h"
#include "pricing/rates.h"

/// The pricing half of the data path (docs/architecture.md): a platform model hands over what AWS bills
/// — instance-hours by type, family and purchase option, EBS per node, Fargate vCPU / GB-hours by rate
/// card, storage, OS licence, cluster-hours — and the cost engine applies the rates and the purchase
/// options (Savings Plans through commitmentengine.h) the same way for every platform, producing the
/// CostComponents with their explanations, the hourly cost and the Savings Plan recommendation.
///
/// Usage comes in distinct *states* (an EC2 fleet, a Fargate demand state) that hours share. A new
/// component kind (App Runner, ECR, network) is one ComponentId, one row in componentKind() (unit, how a
/// Savings Plan and Spot treat it) and BillableItems of that id; nothing else changes.
namespace fleetplan::models {

/// How the engine treats one component kind.
struct ComponentKind
{
    QString unit; ///< unit of CostComponent::quantity ("instance-hours", "vCPU-hours", ...)
    bool savingsPlanEligible = false; ///< On-Demand compute a Savings Plan covers (EC2 / Fargate On-Demand)
    bool spot = false; ///< bought as Spot (the interruption allowance applies to it)
    QString emptyExplanation; ///< explanation when listed (BillableUsage::listed) without usage
};
/// The engine's table of component kinds (costengine.cpp).
const ComponentKind &componentKind(ComponentId id);

/// One billable line of one usage state, per hour of that state: quantity = units × perUnit, priced at
/// rate USD per unit of quantity.
struct BillableItem
{
    ComponentId component = ComponentId::ComputeOnDemand;
    double units = 0.0; ///< EC2: 1 per node; Fargate: task-hours of one service in the hour
    double perUnit = 1.0; ///< quantity per unit: 1 instance-hour, vCPU or GB of the task size, storage GB
    double rate = 0.0; ///< USD per unit of quantity (On-Demand, Spot, storage or licence rate)
    QString label; ///< explanation note: "m6i.large", "m6i.large Spot", "Linux x86"
    int order = 0; ///< explanation lines sort by (order, rate, label); EC2: the node type's index
    QString family; ///< EC2 instance family for RIs / EC2 Instance Savings Plans; empty for Fargate
    /// EC2 On-Demand Linux node: its instance type, which Reserved Instances (Linux) may cover; empty for
    /// Windows nodes, Spot and Fargate.
    QString instanceType {};

    /// (units × perUnit) × rate
    double usd() const { return units * perUnit * rate; }
};

/// What one usage state bills per hour.
struct BillableState
{
    QList<BillableItem> items;
    int nodes = 0; ///< EC2 nodes (each has an EBS root volume); 0 on Fargate
};

/// Hours of one state, in the order the engine adds them up (see BillableUsage::runs).
struct UsageRun
{
    int state = 0;
    double hours = 0.0;
};

/// Everything a platform bills over the period.
struct BillableUsage
{
    /// EC2 (instances; EC2 Instance Savings Plans and RIs bind to families) or Fargate.
    pricing::CommitmentScope scope = pricing::CommitmentScope::Ec2;
    QList<BillableState> states;
    QList<int> stateOfHour; ///< hours of the period → index into states (the hourly series, the curve)
    /// The period as runs of hours of one state; the totals are Σ runs hours × the state's figures, in this
    /// order. EC2 platforms pass one run per hour, Fargate platforms one run per demand state (all its hours).
    QList<UsageRun> runs;
    /// EBS root volume per node: gp3 USD per GB-month; nullopt = no EBS component.
    std::optional<pricing::Rate> ebsGbMonth;
    double ebsGibPerNode = 0.0;
    /// EKS control plane per cluster-hour; nullopt = none.
    std::optional<pricing::Rate> controlPlane;
    int clusters = 1;
    QString controlPlaneNote; ///< "standard support" / "extended support"
    /// Components listed even without usage (else a component is listed when it has usage or a cost).
    QList<ComponentId> listed;
    /// Re-run allowance on Spot usage (fraction, 0 = none): the spot_interruption component.
    double spotInterruptionAllowance = 0.0;

    int hours() const { return int(stateOfHour.size()); }
    /// max(0, ebsGibPerNode) × gp3 rate ÷ 730 h (0 without a rate).
    double ebsUsdPerNodeHour() const;
    /// clusters × control-plane rate (0 without one).
    double controlPlaneUsdPerHour() const;
};

/// Sums component usd into totalUsd and sorts components in ComponentId order.
void finishTotals(PlatformResult &result);
pricing::CommitmentPlan savingsPlanOf(const PurchaseOptions &purchase);
pricing::PaymentOption paymentOf(const PurchaseOptions &purchase);

/// The scenario's Savings Plan as it applies to one platform.
struct SavingsPlanChoice
{
    double commitmentUsdPerHour = 0.0; ///< max(0, PurchaseOptions::savingsPlanUsdPerHour)
    pricing::CommitmentPlan plan = pricing::CommitmentPlan::ComputeSavingsPlan;
    std::optional<double> discountPercent; ///< from the catalog's commitment assumptions
    bool applies = false; ///< bought, and there is a discount for this scope
    /// Why a bought plan is not applied; empty otherwise. The platform adds it to its warnings.
    QString warning;
    /// Discount of a Compute Savings Plan of the same term and payment, for the recommendation.
    std::optional<double> recommendationDiscountPercent;
    /// Percent off per EC2 family where AWS's Savings Plans rate was imported (useImportedSavingsPlanRates).
    QHash<QString, double> ec2DiscountPercentOfFamily;
};

/// The scenario's plan type, term and payment (PurchaseOptions) for a scope, with the catalog's discount.
/// EC2 scope: applied when the catalog has a discount ("no discount assumption ..." otherwise). Fargate
/// scope: only a Compute Savings Plan covers Fargate ("an EC2 Instance Savings Plan does not cover
/// Fargate: not applied on <platform>" otherwise).
SavingsPlanChoice chooseSavingsPlan(const PurchaseOptions &purchase, const pricing::Catalog &catalog,
    pricing::CommitmentScope scope, const QString &platformName);

/// The scenario's existing commitments (Scenario::commitments) as they apply to one platform: every one
/// is paid every hour (feeUsdPerHour), whether or not this platform has usage it covers.
struct HeldCommitments
{
    QList<ReservationCover> reservations; ///< RIs in the platform's region (EC2 platforms only)
    QList<double> reservationDiscountPercent; ///< parallel to reservations
    QList<Commitment> savingsPlans; ///< EC2 Instance SPs that may cover usage here, and every Compute SP
    double feeUsdPerHour = 0.0; ///< Σ of every commitment's hourly fee (those that cover nothing here too)
    QStringList feeLines; ///< one explanation per commitment: "4 × m6i.large Standard RI ...: 0.2540 USD/h"
    QList<Assumption> assumptions; ///< the rate behind each fee and discount, "estimated" for flat figures

    bool isEmpty() const { return feeLines.isEmpty(); }
};

/// Resolves the existing commitments for a platform in `region` with usage of `scope`:
///  - a Reserved Instance costs count × On-Demand Linux rate of its type in its region × (1 − d), d the
///    catalog's per-family rate (reservedInstanceRate) or, failing that, the flat assumption (estimated);
///    it covers usage only on EC2 platforms in its region;
///  - a Savings Plan costs its commitment; an EC2 Instance SP covers its family in its region on EC2
///    platforms only; a Compute SP covers EC2 and Fargate anywhere; discounts from the catalog's
///    assumptions (estimated: AWS publishes no per-family table in the bundled data).
/// Problems (an RI type without a price) are appended to `warnings`.
HeldCommitments resolveHeldCommitments(const ExistingCommitments &held, const pricing::Catalog &catalog,
    const QString &region, pricing::CommitmentScope scope, QStringList *warnings = nullptr);

/// The flat discounts behind the recommendation (a Compute Savings Plan of the scenario's term and payment)
/// and, when one is bought, the scenario's what-if plan, as assumptions marked estimated: the bundled data
/// has no per-family Savings Plans rates (pricing/commitments.cpp gives each figure's basis).
QList<Assumption> savingsPlanAssumptions(
    const PurchaseOptions &purchase, const pricing::Catalog &catalog, pricing::CommitmentScope scope);

/// What the engine produced.
struct PricedUsage
{
    QList<CostComponent> components; ///< in ComponentId order
    double totalUsd = 0.0; ///< Σ components' usd in that order
    QList<double> stateCostUsd; ///< cost of one hour of each state (commitment and control plane included)
    QList<double> coveredUsdOfState; ///< On-Demand USD a commitment covered in one hour of each state
    QString boundFamily; ///< the family an EC2 Instance Savings Plan was bound to (empty otherwise)
    double coveredUsd = 0.0; ///< On-Demand USD covered over the period (existing and planned commitments)
    double coveredByExistingUsd = 0.0; ///< the part of coveredUsd the existing commitments covered
    SavingsPlanRecommendation savingsPlan;
};

/// Where the user's price book holds AWS Savings Plans rates (imported from the Savings Plans price list),
/// replaces the flat discounts of the scenario's plan and of the held Savings Plans with them: per EC2
/// family of `usage` (Catalog::savingsPlanDiscount) and, for a Compute Savings Plan on Fargate, the Fargate
/// rate. Returns one assumption per rate used, with its source; nothing changes where none was imported.
QList<Assumption> useImportedSavingsPlanRates(const BillableUsage &usage, const pricing::Catalog &catalog,
    const QString &region, const PurchaseOptions &purchase, SavingsPlanChoice &plan, HeldCommitments &held);

/// Applies rates and the Savings Plan to the usage:
///  - per state: USD per component = Σ items (units × perUnit) × rate, in item order; Savings-Plan-eligible
///    USD per family → UsageLines covered by applyCommitments (an EC2 Instance plan bound to the family
///    with the highest On-Demand spend over the period);
///  - per component: Σ runs hours × state USD; the covered USD is subtracted when one component is
///    eligible (EC2 On-Demand) and taken off in proportion when several are (Fargate vCPU and memory share
///    one usage line); quantities and explanation lines per (order, rate, label);
///  - Savings Plans (commitment × hours), EBS (node-hours × GB ÷ 730 h × gp3), control plane
///    (clusters × hours × rate), Spot interruption allowance;
///  - the hourly cost of each state and the Compute Savings Plan recommendation over the hourly curve of
///    eligible On-Demand usage (commitmentengine.h).
/// With existing commitments (`held`), each hour applies AWS's order over all of them together with the
/// scenario's plan: Reserved Instances (instance-hours of their family, size-flexible), then EC2 Instance
/// Savings Plans, then Compute Savings Plans; their fees are the existing_commitments component, and the
/// recommendation is computed over the usage they leave open.
PricedUsage priceUsage(const BillableUsage &usage, const SavingsPlanChoice &plan, const HeldCommitments &held = {});

} // namespace fleetplan::models
