// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/commitmentengine.h"

#include <algorithm>
#include <numeric>

#include <QHash>

#include "models/simulation/moneyformat.h"

namespace fleetplan::models {

namespace {
double discountFor(const Commitment &c, const UsageLine &line)
{
    if (c.kind == Commitment::Kind::ComputeSavingsPlan && line.computeDiscountPercent)
        return *line.computeDiscountPercent;
    if (c.kind == Commitment::Kind::Ec2InstanceSavingsPlan && line.ec2InstanceDiscountPercent)
        return *line.ec2InstanceDiscountPercent;
    if (line.scope == pricing::CommitmentScope::Ec2) {
        if (const auto it = c.ec2DiscountPercentOfFamily.constFind(line.family);
            it != c.ec2DiscountPercentOfFamily.constEnd())
            return *it;
    }
    return line.scope == pricing::CommitmentScope::Fargate ? c.fargateDiscountPercent : c.ec2DiscountPercent;
}

bool eligible(const Commitment &c, const UsageLine &line)
{
    if (line.scope == pricing::CommitmentScope::Fargate)
        return c.kind == Commitment::Kind::ComputeSavingsPlan;
    if (c.kind == Commitment::Kind::ComputeSavingsPlan)
        return true;
    return c.family.isEmpty() || c.family == line.family;
}
} // namespace

std::optional<double> normalizationFactor(const QString &instanceType)
{
    const QString size = instanceType.section(u'.', 1);
    static const QHash<QString, double> named { { QStringLiteral("nano"), 0.25 }, { QStringLiteral("micro"), 0.5 },
        { QStringLiteral("small"), 1.0 }, { QStringLiteral("medium"), 2.0 }, { QStringLiteral("large"), 4.0 },
        { QStringLiteral("xlarge"), 8.0 } };
    if (const auto it = named.constFind(size); it != named.constEnd())
        return *it;
    if (size.endsWith(QLatin1String("xlarge"))) {
        bool ok = false;
        const int n = size.chopped(6).toInt(&ok);
        if (ok && n > 0)
            return 8.0 * n;
    }
    return std::nullopt;
}

double applyReservedInstances(
    QList<InstanceUsage> &usage, const QList<ReservationCover> &reservations, QList<double> *coveredPerReservation)
{
    double covered = 0;
    if (coveredPerReservation)
        *coveredPerReservation = QList<double>(reservations.size(), 0.0);
    for (qsizetype r = 0; r < reservations.size(); ++r) {
        const ReservationCover &res = reservations.at(r);
        if (res.count <= 0)
            continue;
        const auto resFactor = normalizationFactor(res.instanceType);
        const bool flexible = res.sizeFlexible && resFactor.has_value();
        // Normalized units (size-flexible) or instances (exact type) left in this hour.
        double remaining = flexible ? res.count * *resFactor : res.count;
        QList<qsizetype> order;
        for (qsizetype i = 0; i < usage.size(); ++i) {
            const InstanceUsage &u = usage.at(i);
            if (flexible ? (u.family == res.family && normalizationFactor(u.instanceType).has_value())
                         : u.instanceType == res.instanceType)
                order.append(i);
        }
        // Smallest size first (stable: equal sizes keep the usage order).
        std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            return normalizationFactor(usage.at(a).instanceType).value_or(0)
                < normalizationFactor(usage.at(b).instanceType).value_or(0);
        });
        for (qsizetype i : order) {
            if (remaining <= 0)
                break;
            InstanceUsage &u = usage[i];
            const double open = u.instances - u.coveredInstances;
            if (open <= 0)
                continue;
            const double factor = flexible ? *normalizationFactor(u.instanceType) : 1.0;
            const double take = std::min(open, remaining / factor);
            u.coveredInstances += take;
            remaining -= take * factor;
            covered += take * u.onDemandRateUsd;
            if (coveredPerReservation)
                (*coveredPerReservation)[r] += take * u.onDemandRateUsd;
        }
    }
    return covered;
}

double applyCommitments(
    QList<UsageLine> &lines, const QList<Commitment> &commitments, QList<double> *coveredPerCommitment)
{
    double used = 0;
    if (coveredPerCommitment)
        *coveredPerCommitment = QList<double>(commitments.size(), 0.0);
    // AWS's order: RIs, then EC2 Instance Savings Plans, then Compute Savings Plans.
    for (Commitment::Kind kind : { Commitment::Kind::ReservedInstance, Commitment::Kind::Ec2InstanceSavingsPlan,
             Commitment::Kind::ComputeSavingsPlan }) {
        for (qsizetype ci = 0; ci < commitments.size(); ++ci) {
            const Commitment &c = commitments.at(ci);
            if (c.kind != kind || c.usdPerHour <= 0)
                continue;
            QList<qsizetype> order;
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (eligible(c, lines.at(i)))
                    order.append(i);
            }
            // Highest saving percentage first; on equal percentages the lower Savings Plans rate first
            // (Savings Plans user guide, sp-applying); otherwise stable (the lines' order).
            std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
                const double da = discountFor(c, lines.at(a)), db = discountFor(c, lines.at(b));
                if (da != db)
                    return da > db;
                const double ua = lines.at(a).unitOnDemandUsd, ub = lines.at(b).unitOnDemandUsd;
                if (ua > 0 && ub > 0)
                    return ua * (1.0 - da / 100.0) < ub * (1.0 - db / 100.0);
                return false;
            });
            double remaining = c.usdPerHour;
            for (qsizetype i : order) {
                if (remaining <= 0)
                    break;
                UsageLine &line = lines[i];
                const double open = line.onDemandUsd - line.coveredOnDemandUsd;
                if (open <= 0)
                    continue;
                const double rate = 1.0 - discountFor(c, line) / 100.0;
                const double cost = open * rate;
                const double take = std::min(remaining, cost);
                const double coveredNow = rate > 0 ? take / rate : open;
                line.coveredOnDemandUsd += coveredNow;
                remaining -= take;
                used += take;
                if (coveredPerCommitment)
                    (*coveredPerCommitment)[ci] += coveredNow;
            }
        }
    }
    return used;
}

double hourCostWithSavingsPlan(double onDemandUsd, double commitmentUsdPerHour, double discountFraction)
{
    const double covers = commitmentUsdPerHour / (1.0 - discountFraction);
    return commitmentUsdPerHour + std::max(0.0, onDemandUsd - covers);
}

SavingsPlanRecommendation recommendSavingsPlan(const QList<double> &eligible, double discountPercent, double otherUsd)
{
    SavingsPlanRecommendation r;
    r.discountPercent = discountPercent;
    const double d = discountPercent / 100.0;
    const double baseline = std::accumulate(eligible.cbegin(), eligible.cend(), 0.0);
    if (eligible.isEmpty() || baseline <= 0 || d <= 0 || d >= 1) {
        r.totalUsdWithCommitment = baseline + otherUsd;
        r.explanation = QStringLiteral("No On-Demand usage a Savings Plan covers.");
        return r;
    }
    r.applicable = true;
    // Sorted usage: the total for commitment C = U_k (1 − d) is
    //   H × C + Σ_{U_i > U_k} (U_i − U_k), evaluated for every k with suffix sums.
    QList<double> sorted = eligible;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    QList<double> suffix(n + 1, 0.0);
    for (qsizetype i = n - 1; i >= 0; --i)
        suffix[i] = suffix[i + 1] + sorted.at(i);
    double bestTotal = baseline;
    double bestC = 0;
    for (qsizetype k = 0; k < n; ++k) {
        const double u = sorted.at(k);
        if (k + 1 < n && sorted.at(k + 1) == u)
            continue; // evaluate each distinct value once (at its last index)
        const double c = u * (1.0 - d);
        const double above = suffix[k + 1] - double(n - k - 1) * u;
        const double total = double(n) * c + above;
        if (total < bestTotal - 1e-12) {
            bestTotal = total;
            bestC = c;
        }
    }
    r.commitmentUsdPerHour = bestC;
    r.totalUsdWithCommitment = bestTotal + otherUsd;
    r.savingUsd = baseline - bestTotal;
    r.explanation
        = QStringLiteral("A commitment of %1 USD/h at %2 % off covers On-Demand usage up to %3 USD/h; "
                         "over %4 hours it costs %5 USD instead of %6 USD On-Demand (saving %7 USD).")
              .arg(formatNumber(bestC, 4), formatNumber(discountPercent, 1), formatNumber(bestC / (1.0 - d), 4))
              .arg(n)
              .arg(formatNumber(bestTotal, 2), formatNumber(baseline, 2), formatNumber(baseline - bestTotal, 2));
    return r;
}

} // namespace fleetplan::models
