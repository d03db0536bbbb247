// SPDX-License-Identifier: GPL-3.0-or-later
// The cost engine: rates × billable usage, Savings Plans applied hour by hour (commitmentengine.h), the
// components with their explanations, the hourly cost and the recommendation. The order in which figures
// are added up is part of the contract (outputs are compared byte for byte); see priceUsage().
#include "models/simulation/costengine.h"

#include <algorithm>
#include <array>
#include <map>

#include <QHash>
#include <QMap>

#include "models/simulation/commitmentengine.h"
#include "models/simulation/moneyformat.h"
#include "pricing/units.h"

namespace fleetplan::models {

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
            case ComponentId::ReservedInstances:
            case ComponentId::SavingsPlans:
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

PricedUsage priceUsage(const BillableUsage &usage, const SavingsPlanChoice &plan)
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
    if (plan.applies) {
        const Commitment c { plan.plan == pricing::CommitmentPlan::Ec2InstanceSavingsPlan
                ? Commitment::Kind::Ec2InstanceSavingsPlan
                : Commitment::Kind::ComputeSavingsPlan,
            commitment, out.boundFamily, ec2 ? *plan.discountPercent : 0.0, ec2 ? 0.0 : *plan.discountPercent };
        for (qsizetype st = 0; st < stateCount; ++st) {
            QList<UsageLine> lines;
            const QMap<QString, double> &f = familyUsd.at(st);
            for (auto it = f.cbegin(); it != f.cend(); ++it)
                lines.append(UsageLine { it.key(), usage.scope, it.value(), 0 });
            applyCommitments(lines, { c });
            double lineUsd = 0;
            for (const UsageLine &l : lines) {
                out.coveredUsdOfState[st] += l.coveredOnDemandUsd;
                lineUsd += l.onDemandUsd;
            }
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
        if (k.savingsPlanEligible && out.coveredUsd > 0)
            lines.append(QStringLiteral("− %1 USD covered by the Savings Plan = %2 USD")
                             .arg(formatNumber(split ? full - c.usd : out.coveredUsd, 2), formatNumber(c.usd, 2)));
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
        out.savingsPlan = recommendSavingsPlan(curve, *plan.recommendationDiscountPercent, other);
    }
    return out;
}

} // namespace fleetplan::models
