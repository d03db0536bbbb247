// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/commitmentengine.h"

#include <algorithm>
#include <numeric>

#include "models/simulation/moneyformat.h"

namespace fleetplan::models {

namespace {
double discountFor(const Commitment &c, const UsageLine &line)
{
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

double applyCommitments(QList<UsageLine> &lines, const QList<Commitment> &commitments)
{
    double used = 0;
    // AWS's order: RIs, then EC2 Instance Savings Plans, then Compute Savings Plans.
    for (Commitment::Kind kind : { Commitment::Kind::ReservedInstance, Commitment::Kind::Ec2InstanceSavingsPlan,
             Commitment::Kind::ComputeSavingsPlan }) {
        for (const Commitment &c : commitments) {
            if (c.kind != kind || c.usdPerHour <= 0)
                continue;
            QList<qsizetype> order;
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (eligible(c, lines.at(i)))
                    order.append(i);
            }
            // Highest saving percentage first (stable: equal discounts keep the lines' order).
            std::stable_sort(order.begin(), order.end(),
                [&](qsizetype a, qsizetype b) { return discountFor(c, lines.at(a)) > discountFor(c, lines.at(b)); });
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
                line.coveredOnDemandUsd += rate > 0 ? take / rate : open;
                remaining -= take;
                used += take;
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
