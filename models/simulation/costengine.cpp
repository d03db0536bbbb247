// SPDX-License-Identifier: GPL-3.0-or-later
// The cost engine: rates × billable usage, Savings Plans applied hour by hour (commitmentengine.h), the
// components with their explanations, the hourly cost and the recommendation. The order in which figures
// are added up is part of the contract (outputs are compared byte for byte); see priceUsage().
#include "models/simulation/costengine.h"

#include <algorithm>
#include <functional>
#include <array>
#include <map>

#include <QHash>
#include <QMap>

#include "models/simulation/commitmentengine.h"
#include "models/simulation/moneyformat.h"
#include "pricing/units.h"

namespace fleetplan::models {

using namespace Qt::StringLiterals;

namespace {

using PerComponent = std::array<double, ComponentCount>;

/// Key of one explanation line: component, order, rate, label.
struct BucketKey
{
    ComponentId component;
    int order;
    double rate;
    QString label;
    bool operator<(const BucketKey &o) const
    {
        if (component != o.component)
            return component < o.component;
        if (order != o.order)
            return order < o.order;
        if (rate != o.rate)
            return rate < o.rate;
        return label < o.label;
    }
};

ComponentKind kind(const char *unit, bool eligible, bool spot, const char *empty = "")
{
    return ComponentKind { QString::fromUtf8(unit), eligible, spot, QString::fromUtf8(empty) };
}

} // namespace

const ComponentKind &componentKind(ComponentId id)
{
    // One row per ComponentId; the switch has no default, so a new ComponentId without a row is a
    // compile error (-Wswitch, warnings are errors).
    static const auto table = [] {
        std::array<ComponentKind, ComponentCount> kinds;
        for (int c = 0; c < ComponentCount; ++c) {
            switch (ComponentId(c)) {
            case ComponentId::ComputeOnDemand:
                kinds[std::size_t(c)] = kind("instance-hours", true, false);
                break;
            case ComponentId::ComputeSpot:
                kinds[std::size_t(c)] = kind("instance-hours", false, true, "no Spot node was needed");
                break;
            // The user's own machines at the user's hourly cost: no Savings Plan, RI or Spot applies.
            case ComponentId::OwnHardware:
                kinds[std::size_t(c)] = kind("node-hours", false, false);
                break;
            case ComponentId::ReservedInstances:
            case ComponentId::SavingsPlans:
            case ComponentId::ExistingCommitments:
                kinds[std::size_t(c)] = kind("hours", false, false);
                break;
            case ComponentId::ControlPlane:
                kinds[std::size_t(c)] = kind("cluster-hours", false, false);
                break;
            case ComponentId::Ebs:
                kinds[std::size_t(c)] = kind("GB-months", false, false);
                break;
            case ComponentId::FargateVcpu:
                kinds[std::size_t(c)] = kind("vCPU-hours", true, false);
                break;
            case ComponentId::FargateMemory:
                kinds[std::size_t(c)] = kind("GB-hours", true, false);
                break;
            case ComponentId::FargateSpotVcpu:
                kinds[std::size_t(c)] = kind("vCPU-hours", false, true);
                break;
            case ComponentId::FargateSpotMemory:
                kinds[std::size_t(c)] = kind("GB-hours", false, true);
                break;
            case ComponentId::FargateStorage:
                kinds[std::size_t(c)] = kind("GB-hours above 20 GB", false, false);
                break;
            case ComponentId::OsLicense:
                kinds[std::size_t(c)] = kind("vCPU-hours", false, false);
                break;
            case ComponentId::SpotInterruption:
                kinds[std::size_t(c)] = kind("USD of Spot usage", false, false);
                break;
            // Added after pricing (deploymentcosts.h): at On-Demand / Spot rates, no Savings Plan applied.
            case ComponentId::Deployments:
                kinds[std::size_t(c)] = kind("surge task-hours", false, false);
                break;
            // App Runner: no Savings Plan covers it (Compute Savings Plans cover EC2, Fargate and Lambda).
            case ComponentId::AppRunnerActiveVcpu:
                kinds[std::size_t(c)] = kind("vCPU-hours", false, false);
                break;
            case ComponentId::AppRunnerActiveMemory:
            case ComponentId::AppRunnerProvisionedMemory:
                kinds[std::size_t(c)] = kind("GB-hours", false, false);
                break;
            case ComponentId::AppRunnerAutomaticDeployment:
                kinds[std::size_t(c)] = kind("service-months", false, false);
                break;
            // Network and registry (networkcosts.h): priced outside the engine, listed here for their units.
            case ComponentId::EcrStorage:
                kinds[std::size_t(c)] = kind("GB-months", false, false);
                break;
            case ComponentId::EcrScanning:
                kinds[std::size_t(c)] = kind("image scans", false, false);
                break;
            case ComponentId::EcrReplication:
            case ComponentId::ImagePullTransfer:
            case ComponentId::NatGatewayData:
            case ComponentId::LogsIngestion:
                kinds[std::size_t(c)] = kind("GB", false, false);
                break;
            case ComponentId::NatGatewayHours:
                kinds[std::size_t(c)] = kind("NAT gateway-hours", false, false);
                break;
            case ComponentId::PublicIpv4:
                kinds[std::size_t(c)] = kind("address-hours", false, false);
                break;
            case ComponentId::LoadBalancerHours:
                kinds[std::size_t(c)] = kind("load balancer-hours", false, false);
                break;
            case ComponentId::LoadBalancerCapacity:
                kinds[std::size_t(c)] = kind("capacity-unit-hours", false, false);
                break;
            }
        }
        return kinds;
    }();
    return table.at(std::size_t(id));
}

double BillableUsage::ebsUsdPerNodeHour() const
{
    return ebsGbMonth ? std::max(0.0, ebsGibPerNode) * ebsGbMonth->usd / pricing::HoursPerMonth : 0.0;
}

double BillableUsage::controlPlaneUsdPerHour() const
{
    return controlPlane ? clusters * controlPlane->usd : 0.0;
}

void finishTotals(PlatformResult &result)
{
    std::stable_sort(result.components.begin(), result.components.end(),
        [](const CostComponent &a, const CostComponent &b) { return a.id < b.id; });
    result.totalUsd = 0;
    for (const CostComponent &c : result.components)
        result.totalUsd += c.usd;
}

pricing::CommitmentPlan savingsPlanOf(const PurchaseOptions &purchase)
{
    return purchase.savingsPlanType == SavingsPlanType::Ec2Instance ? pricing::CommitmentPlan::Ec2InstanceSavingsPlan
                                                                    : pricing::CommitmentPlan::ComputeSavingsPlan;
}

pricing::PaymentOption paymentOf(const PurchaseOptions &purchase)
{
    return pricing::parsePaymentOption(purchase.savingsPlanPayment).value_or(pricing::PaymentOption::NoUpfront);
}

SavingsPlanChoice chooseSavingsPlan(const PurchaseOptions &purchase, const pricing::Catalog &catalog,
    pricing::CommitmentScope scope, const QString &platformName)
{
    SavingsPlanChoice c;
    c.commitmentUsdPerHour = std::max(0.0, purchase.savingsPlanUsdPerHour);
    c.plan = savingsPlanOf(purchase);
    const auto discount = [&](pricing::CommitmentPlan plan) {
        return catalog.commitments().discountPercent(scope, plan, purchase.savingsPlanTermYears, paymentOf(purchase));
    };
    c.recommendationDiscountPercent = discount(pricing::CommitmentPlan::ComputeSavingsPlan);
    if (scope == pricing::CommitmentScope::Fargate) {
        // Only a Compute Savings Plan covers Fargate.
        if (c.plan == pricing::CommitmentPlan::ComputeSavingsPlan)
            c.discountPercent = c.recommendationDiscountPercent;
        c.applies = c.commitmentUsdPerHour > 0 && c.discountPercent.has_value();
        if (c.commitmentUsdPerHour > 0 && !c.applies)
            c.warning = QStringLiteral("an EC2 Instance Savings Plan does not cover Fargate: not applied on %1")
                            .arg(platformName);
    } else {
        c.discountPercent = discount(c.plan);
        c.applies = c.commitmentUsdPerHour > 0 && c.discountPercent.has_value();
        if (c.commitmentUsdPerHour > 0 && !c.applies)
            c.warning = QStringLiteral("no discount assumption for the Savings Plan (term %1 years, %2): not applied")
                            .arg(purchase.savingsPlanTermYears)
                            .arg(purchase.savingsPlanPayment);
    }
    return c;
}

QList<Assumption> savingsPlanAssumptions(
    const PurchaseOptions &purchase, const pricing::Catalog &catalog, pricing::CommitmentScope scope)
{
    QList<Assumption> out;
    const pricing::PaymentOption payment = paymentOf(purchase);
    const QString what = scope == pricing::CommitmentScope::Fargate ? QStringLiteral("Fargate") : QStringLiteral("EC2");
    QList<pricing::CommitmentPlan> plans { pricing::CommitmentPlan::ComputeSavingsPlan };
    if (purchase.savingsPlanUsdPerHour > 0 && savingsPlanOf(purchase) != pricing::CommitmentPlan::ComputeSavingsPlan)
        plans.append(savingsPlanOf(purchase));
    for (const pricing::CommitmentPlan plan : plans) {
        const pricing::CommitmentDiscount *d
            = catalog.commitments().find(scope, plan, purchase.savingsPlanTermYears, payment);
        if (!d)
            continue;
        out.append({ QStringLiteral("%1 discount (%2-year, %3)")
                         .arg(pricing::commitmentPlanName(plan))
                         .arg(purchase.savingsPlanTermYears)
                         .arg(pricing::paymentOptionName(payment)),
            QStringLiteral("%1 % off %2 On-Demand%3")
                .arg(formatNumber(d->discountPercent, 1), what,
                    d->userEdited ? QStringLiteral(" (edited in the price book)") : QStringLiteral(" (estimated)")),
            QStringLiteral("flat assumption (pricing/commitments.cpp): ") + d->basis });
    }
    return out;
}

HeldCommitments resolveHeldCommitments(const ExistingCommitments &held, const pricing::Catalog &catalog,
    const QString &region, pricing::CommitmentScope scope, QStringList *warnings)
{
    HeldCommitments out;
    const bool ec2 = scope == pricing::CommitmentScope::Ec2;
    for (const ReservedInstanceHolding &ri : held.reservedInstances) {
        const QString riRegion = ri.region.isEmpty() ? region : ri.region;
        const auto payment = pricing::parsePaymentOption(ri.payment).value_or(pricing::PaymentOption::NoUpfront);
        const auto plan = ri.offeringClass == OfferingClass::Convertible
            ? pricing::CommitmentPlan::ConvertibleReservedInstance
            : pricing::CommitmentPlan::StandardReservedInstance;
        const QString family = ri.instanceType.section(u'.', 0, 0);
        const QString what = QStringLiteral("existing %1 × %2 %3 (%4-year, %5, %6)")
                                 .arg(ri.count)
                                 .arg(ri.instanceType, pricing::commitmentPlanName(plan))
                                 .arg(ri.termYears)
                                 .arg(pricing::paymentOptionName(payment), riRegion);
        QString error;
        const auto od = catalog.onDemandHourly(riRegion, ri.instanceType, &error);
        double discount = 0;
        QString source;
        bool estimated = false;
        if (const auto rate = catalog.reservedInstanceRate(riRegion, family, ri.termYears, payment, plan)) {
            discount = rate->discountPercent;
            source = QStringLiteral("commitment_discounts.csv %1 %2 (%3): %4; %5")
                         .arg(rate->appliesTo, riRegion, rate->asOf, rate->basis, rate->source);
        } else if (const auto flat
            = catalog.commitments().find(pricing::CommitmentScope::Ec2, plan, ri.termYears, payment)) {
            discount = flat->discountPercent;
            estimated = true;
            source = QStringLiteral("flat assumption (pricing/commitments.cpp): ") + flat->basis;
        }
        if (!od || (!estimated && source.isEmpty())) {
            if (warnings)
                warnings->append(QStringLiteral("%1: %2; its fee is left out")
                                     .arg(what, od ? QStringLiteral("no discount for that term and payment") : error));
            continue;
        }
        const double fee = ri.count * od->usd * (1.0 - discount / 100.0);
        out.feeUsdPerHour += fee;
        out.feeLines.append(QStringLiteral("%1: %2 × %3 USD/h On-Demand × (1 − %4 %) = %5 USD/h")
                                .arg(what)
                                .arg(ri.count)
                                .arg(formatRate(od->usd), formatNumber(discount, 1), formatRate(fee)));
        out.assumptions.append({ what,
            QStringLiteral("%1 % off On-Demand%2")
                .arg(formatNumber(discount, 1), estimated ? u" (estimated)"_s : QString()),
            source });
        // A regional RI covers Linux instance-hours of its family in its own region only.
        if (ec2 && riRegion == region) {
            out.reservations.append(ReservationCover { ri.instanceType, family, double(std::max(0, ri.count)), true });
            out.reservationDiscountPercent.append(discount);
        }
    }
    for (const SavingsPlanHolding &sp : held.savingsPlans) {
        const auto payment = pricing::parsePaymentOption(sp.payment).value_or(pricing::PaymentOption::NoUpfront);
        const bool ec2Instance = sp.type == SavingsPlanType::Ec2Instance;
        const auto plan = ec2Instance ? pricing::CommitmentPlan::Ec2InstanceSavingsPlan
                                      : pricing::CommitmentPlan::ComputeSavingsPlan;
        const QString spRegion = sp.region.isEmpty() ? region : sp.region;
        const QString what = ec2Instance
            ? QStringLiteral("existing EC2 Instance Savings Plan %1 in %2 (%3-year, %4)")
                  .arg(sp.family.isEmpty() ? QStringLiteral("(any family)") : sp.family, spRegion)
                  .arg(sp.termYears)
                  .arg(pricing::paymentOptionName(payment))
            : QStringLiteral("existing Compute Savings Plan (%1-year, %2)")
                  .arg(sp.termYears)
                  .arg(pricing::paymentOptionName(payment));
        const double fee = std::max(0.0, sp.usdPerHour);
        out.feeUsdPerHour += fee;
        const auto ec2Discount = catalog.commitments().find(pricing::CommitmentScope::Ec2, plan, sp.termYears, payment);
        const auto fargateDiscount = ec2Instance
            ? nullptr
            : catalog.commitments().find(pricing::CommitmentScope::Fargate, plan, sp.termYears, payment);
        out.feeLines.append(QStringLiteral("%1: %2 USD/h commitment").arg(what, formatRate(fee)));
        if (ec2Discount)
            out.assumptions.append({ what,
                QStringLiteral("%1 % off EC2 On-Demand%2 (estimated)")
                    .arg(formatNumber(ec2Discount->discountPercent, 1),
                        fargateDiscount ? QStringLiteral(", %1 % off Fargate")
                                              .arg(formatNumber(fargateDiscount->discountPercent, 1))
                                        : QString()),
                QStringLiteral("flat assumption (pricing/commitments.cpp): ") + ec2Discount->basis });
        if (!ec2Discount) {
            if (warnings)
                warnings->append(
                    QStringLiteral("%1: no discount for that term and payment; it covers nothing").arg(what));
            continue;
        }
        // Paid everywhere; covers usage only where AWS applies it: an EC2 Instance SP its family in its region
        // on EC2, a Compute SP EC2 and Fargate in any region.
        if (ec2Instance && (!ec2 || spRegion != region))
            continue;
        out.savingsPlans.append(
            Commitment { ec2Instance ? Commitment::Kind::Ec2InstanceSavingsPlan : Commitment::Kind::ComputeSavingsPlan,
                fee, ec2Instance ? sp.family : QString(), ec2Discount->discountPercent,
                fargateDiscount ? fargateDiscount->discountPercent : 0.0, {}, sp.termYears, payment });
    }
    return out;
}

QList<Assumption> useImportedSavingsPlanRates(const BillableUsage &usage, const pricing::Catalog &catalog,
    const QString &region, const PurchaseOptions &purchase, SavingsPlanChoice &plan, HeldCommitments &held)
{
    QList<Assumption> out;
    const bool ec2 = usage.scope == pricing::CommitmentScope::Ec2;
    QStringList families;
    if (ec2) {
        for (const BillableState &s : usage.states) {
            for (const BillableItem &item : s.items) {
                if (componentKind(item.component).savingsPlanEligible && !item.family.isEmpty()
                    && !families.contains(item.family))
                    families.append(item.family);
            }
        }
        std::sort(families.begin(), families.end());
    }
    const auto note = [&](const QString &what, const pricing::CommitmentRate &rate, const QString &scope) {
        out.append({ what,
            QStringLiteral("%1 % off %2 On-Demand (AWS rate, imported)")
                .arg(formatNumber(rate.discountPercent, 1), scope),
            QStringLiteral("%1 (%2); %3").arg(rate.basis, rate.asOf, rate.source) });
    };
    const auto planWords = [](pricing::CommitmentPlan p, int years, pricing::PaymentOption payment) {
        return QStringLiteral("%1 (%2-year, %3)")
            .arg(pricing::commitmentPlanName(p))
            .arg(years)
            .arg(pricing::paymentOptionName(payment));
    };
    // One commitment (held, or the scenario's plan): its family discounts, or its Fargate discount.
    const auto resolve = [&](pricing::CommitmentPlan p, int years, pricing::PaymentOption payment,
                             const QString &boundFamily, QHash<QString, double> &ofFamily,
                             const std::function<void(double)> &setFargate, const QString &label) {
        if (ec2) {
            for (const QString &family : std::as_const(families)) {
                if (p == pricing::CommitmentPlan::Ec2InstanceSavingsPlan && !boundFamily.isEmpty()
                    && boundFamily != family)
                    continue;
                if (const auto rate = catalog.savingsPlanDiscount(region, family, p, years, payment)) {
                    ofFamily.insert(family, rate->discountPercent);
                    note(QStringLiteral("%1 on %2 in %3").arg(label, family, region), *rate, QStringLiteral("EC2"));
                }
            }
        } else if (p == pricing::CommitmentPlan::ComputeSavingsPlan) {
            if (const auto rate = catalog.fargateSavingsPlanDiscount(region, years, payment)) {
                setFargate(rate->discountPercent);
                note(QStringLiteral("%1 on Fargate in %2").arg(label, region), *rate, QStringLiteral("Fargate"));
            }
        }
    };
    for (Commitment &c : held.savingsPlans) {
        const auto p = c.kind == Commitment::Kind::Ec2InstanceSavingsPlan
            ? pricing::CommitmentPlan::Ec2InstanceSavingsPlan
            : pricing::CommitmentPlan::ComputeSavingsPlan;
        resolve(
            p, c.termYears, c.payment, c.family, c.ec2DiscountPercentOfFamily,
            [&c](double d) { c.fargateDiscountPercent = d; },
            QStringLiteral("existing ") + planWords(p, c.termYears, c.payment));
    }
    if (plan.applies) {
        const auto payment
            = pricing::parsePaymentOption(purchase.savingsPlanPayment).value_or(pricing::PaymentOption::NoUpfront);
        // An EC2 Instance plan is bound later to the family with the most spend: every family's rate is kept.
        resolve(
            plan.plan, purchase.savingsPlanTermYears, payment, QString(), plan.ec2DiscountPercentOfFamily,
            [&plan](double d) { plan.discountPercent = d; },
            QStringLiteral("what-if ") + planWords(plan.plan, purchase.savingsPlanTermYears, payment));
    }
    return out;
}

PricedUsage priceUsage(const BillableUsage &usage, const SavingsPlanChoice &plan, const HeldCommitments &held)
{
    PricedUsage out;
    const qsizetype stateCount = usage.states.size();
    const int hours = usage.hours();
    const bool ec2 = usage.scope == pricing::CommitmentScope::Ec2;

    // ---- per state: USD per component, eligible USD per family, explanation buckets ----------------
    std::map<BucketKey, int> bucketIds; // key → index into bucketQuantity
    QList<QList<int>> bucketOfItem(stateCount);
    QList<PerComponent> stateUsd(stateCount, PerComponent {});
    QList<QMap<QString, double>> familyUsd(stateCount); // Σ eligible components of a family, in component order
    // Linux On-Demand instance-hours by (type, rate) for the existing Reserved Instances.
    QList<QList<InstanceUsage>> instanceUsage(held.reservations.isEmpty() ? 0 : stateCount);
    bool present[ComponentCount] = {};
    for (qsizetype st = 0; st < stateCount; ++st) {
        const BillableState &s = usage.states.at(st);
        QMap<QString, PerComponent> familyComponents;
        QList<int> &ids = bucketOfItem[st];
        ids.reserve(s.items.size());
        for (const BillableItem &item : s.items) {
            const auto c = std::size_t(item.component);
            present[c] = true;
            stateUsd[st][c] += item.usd();
            if (!instanceUsage.isEmpty() && item.component == ComponentId::ComputeOnDemand
                && !item.instanceType.isEmpty()) {
                QList<InstanceUsage> &iu = instanceUsage[st];
                auto it = std::find_if(iu.begin(), iu.end(), [&](const InstanceUsage &u) {
                    return u.instanceType == item.instanceType && u.onDemandRateUsd == item.rate;
                });
                if (it == iu.end())
                    iu.append(
                        InstanceUsage { item.instanceType, item.family, item.units * item.perUnit, item.rate, 0.0 });
                else
                    it->instances += item.units * item.perUnit;
            }
            if (componentKind(item.component).savingsPlanEligible) {
                auto it = familyComponents.find(item.family);
                if (it == familyComponents.end())
                    it = familyComponents.insert(item.family, PerComponent {});
                (*it)[c] += item.usd();
            }
            // States of one platform mostly list the same lines in the same order (Fargate: per plan):
            // reuse the previous state's bucket of the same position when the key is the same.
            if (st > 0 && ids.size() < bucketOfItem.at(st - 1).size()) {
                const BillableItem &prev = usage.states.at(st - 1).items.at(ids.size());
                if (prev.component == item.component && prev.order == item.order && prev.rate == item.rate
                    && prev.label == item.label) {
                    ids.append(bucketOfItem.at(st - 1).at(ids.size()));
                    continue;
                }
            }
            const BucketKey key { item.component, item.order, item.rate, item.label };
            auto b = bucketIds.find(key);
            if (b == bucketIds.end())
                b = bucketIds.emplace(key, int(bucketIds.size())).first;
            ids.append(b->second);
        }
        for (auto it = familyComponents.cbegin(); it != familyComponents.cend(); ++it) {
            double sum = 0;
            for (int c = 0; c < ComponentCount; ++c) {
                if (componentKind(ComponentId(c)).savingsPlanEligible)
                    sum += it.value()[std::size_t(c)];
            }
            familyUsd[st].insert(it.key(), sum);
        }
    }
    // One eligible component (EC2 On-Demand): the covered USD is subtracted from it. Several (Fargate vCPU
    // and memory, one usage line): each keeps the uncovered share of its USD.
    int eligibleKinds = 0;
    for (int c = 0; c < ComponentCount; ++c)
        eligibleKinds += present[c] && componentKind(ComponentId(c)).savingsPlanEligible ? 1 : 0;
    const bool split = eligibleKinds > 1;

    // ---- commitments per state -------------------------------------------------------------------
    const double commitment = plan.commitmentUsdPerHour;
    if (commitment > 0 && plan.plan == pricing::CommitmentPlan::Ec2InstanceSavingsPlan) {
        // An EC2 Instance Savings Plan is bound to one family: the one with the most On-Demand spend.
        QHash<QString, double> spend;
        for (int h = 0; h < hours; ++h) {
            const QMap<QString, double> &f = familyUsd.at(usage.stateOfHour.at(h));
            for (auto it = f.cbegin(); it != f.cend(); ++it)
                spend[it.key()] += it.value();
        }
        double best = -1;
        for (auto it = spend.cbegin(); it != spend.cend(); ++it) {
            if (it.value() > best || (it.value() == best && it.key() < out.boundFamily)) {
                best = it.value();
                out.boundFamily = it.key();
            }
        }
    }
    out.coveredUsdOfState = QList<double>(stateCount, 0.0);
    // Eligible On-Demand USD of one hour of a state: its eligible components in component order.
    QList<double> eligibleUsd(stateCount, 0.0), coveredShare(stateCount, 0.0), openShare(stateCount, 1.0);
    for (qsizetype st = 0; st < stateCount; ++st) {
        for (int c = 0; c < ComponentCount; ++c) {
            if (componentKind(ComponentId(c)).savingsPlanEligible)
                eligibleUsd[st] += stateUsd.at(st)[std::size_t(c)];
        }
    }
    // Existing commitments and the scenario's plan together, hour by hour in AWS's order: RIs first (on
    // instance-hours), then EC2 Instance SPs, then Compute SPs (applyCommitments).
    const bool withHeld = !held.isEmpty();
    QList<double> coveredExistingOfState(stateCount, 0.0);
    if (plan.applies || withHeld) {
        QList<Commitment> commitments = held.savingsPlans;
        const qsizetype heldCount = commitments.size();
        if (plan.applies)
            commitments.append(Commitment { plan.plan == pricing::CommitmentPlan::Ec2InstanceSavingsPlan
                    ? Commitment::Kind::Ec2InstanceSavingsPlan
                    : Commitment::Kind::ComputeSavingsPlan,
                commitment, out.boundFamily, ec2 ? *plan.discountPercent : 0.0, ec2 ? 0.0 : *plan.discountPercent,
                plan.ec2DiscountPercentOfFamily });
        for (qsizetype st = 0; st < stateCount; ++st) {
            QMap<QString, double> riCoveredOfFamily;
            double riCovered = 0.0;
            if (!instanceUsage.isEmpty()) {
                QList<InstanceUsage> iu = instanceUsage.at(st);
                riCovered = applyReservedInstances(iu, held.reservations);
                for (const InstanceUsage &u : iu)
                    riCoveredOfFamily[u.family] += u.coveredInstances * u.onDemandRateUsd;
            }
            QList<UsageLine> lines;
            const QMap<QString, double> &f = familyUsd.at(st);
            for (auto it = f.cbegin(); it != f.cend(); ++it) {
                UsageLine line;
                line.family = it.key();
                line.scope = usage.scope;
                line.onDemandUsd = it.value() - riCoveredOfFamily.value(it.key());
                lines.append(line);
            }
            QList<double> perCommitment;
            applyCommitments(lines, commitments, &perCommitment);
            out.coveredUsdOfState[st] = riCovered;
            double lineUsd = riCovered;
            for (const UsageLine &l : lines) {
                out.coveredUsdOfState[st] += l.coveredOnDemandUsd;
                lineUsd += l.onDemandUsd;
            }
            coveredExistingOfState[st] = riCovered;
            for (qsizetype k = 0; k < heldCount; ++k)
                coveredExistingOfState[st] += perCommitment.at(k);
            coveredShare[st] = lineUsd > 0 ? out.coveredUsdOfState.at(st) / lineUsd : 0.0;
            openShare[st] = 1.0 - coveredShare.at(st);
        }
    }

    // ---- totals over the runs ----------------------------------------------------------------------
    PerComponent total {};
    QList<double> bucketQuantity(qsizetype(bucketIds.size()), 0.0);
    double nodeHours = 0;
    for (const UsageRun &run : usage.runs) {
        const double w = run.hours;
        const int st = run.state;
        const PerComponent &s = stateUsd.at(st);
        for (int c = 0; c < ComponentCount; ++c) {
            if (!present[c])
                continue;
            const bool shared = split && componentKind(ComponentId(c)).savingsPlanEligible;
            total[std::size_t(c)] += shared ? w * s[std::size_t(c)] * openShare.at(st) : w * s[std::size_t(c)];
        }
        out.coveredUsd += split ? w * eligibleUsd.at(st) * coveredShare.at(st) : w * out.coveredUsdOfState.at(st);
        if (withHeld)
            out.coveredByExistingUsd += w * coveredExistingOfState.at(st);
        nodeHours += w * usage.states.at(st).nodes;
        const QList<BillableItem> &items = usage.states.at(st).items;
        const QList<int> &ids = bucketOfItem.at(st);
        for (qsizetype i = 0; i < items.size(); ++i)
            bucketQuantity[ids.at(i)] += w * items.at(i).units * items.at(i).perUnit;
    }

    // ---- components ----------------------------------------------------------------------------------
    for (int ci = 0; ci < ComponentCount; ++ci) {
        const auto cid = ComponentId(ci);
        const ComponentKind &k = componentKind(cid);
        const bool listed = usage.listed.contains(cid);
        if (!present[ci] && !listed)
            continue;
        CostComponent c;
        c.id = cid;
        c.unit = k.unit;
        c.usd = total[std::size_t(ci)];
        if (k.savingsPlanEligible && !split)
            c.usd -= out.coveredUsd;
        QStringList lines;
        double full = 0;
        for (const auto &[key, b] : bucketIds) {
            if (key.component != cid)
                continue;
            const double qty = bucketQuantity.at(b);
            full += qty * key.rate;
            if (qty <= 0)
                continue;
            c.quantity += qty;
            lines.append(explainProduct(qty, k.unit, key.rate, qty * key.rate, key.label));
        }
        if (!listed && lines.isEmpty() && c.usd == 0)
            continue;
        if (k.savingsPlanEligible && out.coveredUsd > 0 && !withHeld)
            lines.append(QStringLiteral("− %1 USD covered by the Savings Plan = %2 USD")
                             .arg(formatNumber(split ? full - c.usd : out.coveredUsd, 2), formatNumber(c.usd, 2)));
        if (k.savingsPlanEligible && out.coveredUsd > 0 && withHeld) {
            const double covered = split ? full - c.usd : out.coveredUsd;
            const double existingShare = out.coveredByExistingUsd / out.coveredUsd;
            lines.append(QStringLiteral("− %1 USD covered by existing commitments")
                             .arg(formatNumber(covered * existingShare, 2)));
            if (existingShare < 1.0 - 1e-12)
                lines.append(QStringLiteral("− %1 USD covered by the Savings Plan")
                                 .arg(formatNumber(covered * (1.0 - existingShare), 2)));
            lines.append(QStringLiteral("= %1 USD").arg(formatNumber(c.usd, 2)));
        }
        if (cid == ComponentId::OwnHardware && !lines.isEmpty())
            lines.append(QStringLiteral("your own cost per node-hour (price book): no EBS volume, no Spot, no Savings "
                                        "Plan or Reserved Instance on your own hardware"));
        c.explanation = lines.isEmpty() ? k.emptyExplanation : lines.join(u'\n');
        out.components.append(c);
    }
    double spotUsd = 0;
    for (int c = 0; c < ComponentCount; ++c) {
        if (componentKind(ComponentId(c)).spot)
            spotUsd += total[std::size_t(c)];
    }
    const double allowance = usage.spotInterruptionAllowance;
    if (allowance > 0) {
        out.components.append(CostComponent { ComponentId::SpotInterruption, spotUsd * allowance, spotUsd,
            componentKind(ComponentId::SpotInterruption).unit,
            QStringLiteral("%1 USD of %2 Spot usage × %3 % re-run allowance = %4 USD")
                .arg(formatNumber(spotUsd, 2), ec2 ? QStringLiteral("EC2") : QStringLiteral("Fargate"),
                    formatNumber(allowance * 100, 1), formatNumber(spotUsd * allowance, 2)) });
    }
    if (plan.applies) {
        out.components.append(CostComponent { ComponentId::SavingsPlans, commitment * hours, double(hours),
            componentKind(ComponentId::SavingsPlans).unit,
            QStringLiteral("%1 hours × %2 USD/h %3 commitment = %4 USD (%5 % off %6On-Demand%7; covers %8 USD of "
                           "On-Demand usage; unused commitment is still paid)")
                .arg(hours)
                .arg(formatRate(commitment), pricing::commitmentPlanName(plan.plan),
                    formatNumber(commitment * hours, 2), formatNumber(*plan.discountPercent, 1),
                    ec2 ? QString() : QStringLiteral("Fargate "),
                    out.boundFamily.isEmpty() ? QString() : QStringLiteral(", bound to family ") + out.boundFamily,
                    formatNumber(out.coveredUsd, 2)) });
    }
    if (withHeld) {
        QStringList lines;
        for (const QString &l : held.feeLines)
            lines.append(l);
        lines.append(
            QStringLiteral("%1 hours × %2 USD/h = %3 USD, owed whether or not this platform uses them; they "
                           "cover %4 USD of its On-Demand usage (AWS order: RIs, EC2 Instance SPs, Compute SPs)")
                .arg(hours)
                .arg(formatRate(held.feeUsdPerHour), formatNumber(held.feeUsdPerHour * hours, 2),
                    formatNumber(out.coveredByExistingUsd, 2)));
        out.components.append(CostComponent { ComponentId::ExistingCommitments, held.feeUsdPerHour * hours,
            double(hours), componentKind(ComponentId::ExistingCommitments).unit, lines.join(u'\n') });
    }
    if (usage.controlPlane) {
        const double qty = double(usage.clusters) * hours;
        const double rate = usage.controlPlane->usd;
        out.components.append(
            CostComponent { ComponentId::ControlPlane, qty * rate, qty, componentKind(ComponentId::ControlPlane).unit,
                explainProduct(qty, QStringLiteral("cluster-hours"), rate, qty * rate, usage.controlPlaneNote) });
    }
    if (usage.ebsGbMonth) {
        const double rate = usage.ebsGbMonth->usd;
        const double gbMonths = nodeHours * std::max(0.0, usage.ebsGibPerNode) / pricing::HoursPerMonth;
        out.components.append(
            CostComponent { ComponentId::Ebs, gbMonths * rate, gbMonths, componentKind(ComponentId::Ebs).unit,
                QStringLiteral("%1 node-hours × %2 GB ÷ 730 h = %3 GB-months × %4 USD (gp3) = %5 USD")
                    .arg(formatNumber(nodeHours, 0), formatRate(usage.ebsGibPerNode), formatNumber(gbMonths, 2),
                        formatRate(rate), formatNumber(gbMonths * rate, 2)) });
    }
    std::stable_sort(out.components.begin(), out.components.end(),
        [](const CostComponent &a, const CostComponent &b) { return a.id < b.id; });
    for (const CostComponent &c : out.components)
        out.totalUsd += c.usd;

    // ---- the hour of each state ------------------------------------------------------------------------
    const double ebsPerNodeHour = usage.ebsUsdPerNodeHour();
    const double controlPlanePerHour = usage.controlPlaneUsdPerHour();
    // What one hour of a state costs beyond the eligible On-Demand usage: Spot (with the allowance) and the
    // other usage-driven components, in component order.
    auto addOther = [&](double base, qsizetype st) {
        const PerComponent &s = stateUsd.at(st);
        double spot = 0;
        for (int c = 0; c < ComponentCount; ++c) {
            if (componentKind(ComponentId(c)).spot)
                spot += s[std::size_t(c)];
        }
        double sum = base + spot * (1 + allowance);
        for (int c = 0; c < ComponentCount; ++c) {
            const ComponentKind &k = componentKind(ComponentId(c));
            if (present[c] && !k.spot && !k.savingsPlanEligible)
                sum += s[std::size_t(c)];
        }
        return sum;
    };
    out.stateCostUsd = QList<double>(stateCount, 0.0);
    for (qsizetype st = 0; st < stateCount; ++st) {
        const double eligible = eligibleUsd.at(st);
        double cost = addOther(split ? eligible * openShare.at(st) : eligible, st);
        cost += usage.states.at(st).nodes * ebsPerNodeHour;
        if (!split)
            cost -= out.coveredUsdOfState.at(st);
        cost += plan.applies ? commitment : 0.0;
        if (withHeld)
            cost += held.feeUsdPerHour;
        cost += controlPlanePerHour;
        out.stateCostUsd[st] = cost;
    }

    // ---- Savings Plan recommendation over the hourly curve of eligible On-Demand usage ---------------
    if (plan.recommendationDiscountPercent) {
        QList<double> curve(hours);
        double other = 0;
        if (ec2) {
            // EC2: Spot, EBS and the control plane over the period.
            other = spotUsd + nodeHours * ebsPerNodeHour + controlPlanePerHour * hours;
            for (int h = 0; h < hours; ++h)
                curve[h] = eligibleUsd.at(usage.stateOfHour.at(h));
        } else {
            // Fargate: hour by hour, Spot (with the allowance), storage, licence and the control plane.
            for (int h = 0; h < hours; ++h) {
                const int st = usage.stateOfHour.at(h);
                curve[h] = eligibleUsd.at(st);
                other += addOther(0.0, st) + controlPlanePerHour;
            }
        }
        if (withHeld) {
            // What to buy on top of what is held: the usage the existing commitments leave open; their fees
            // are paid either way.
            for (int h = 0; h < hours; ++h)
                curve[h] = std::max(0.0, curve.at(h) - coveredExistingOfState.at(usage.stateOfHour.at(h)));
            other += held.feeUsdPerHour * hours;
        }
        out.savingsPlan = recommendSavingsPlan(curve, *plan.recommendationDiscountPercent, other);
    }
    return out;
}

} // namespace fleetplan::models
