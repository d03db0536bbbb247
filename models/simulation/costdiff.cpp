// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/costdiff.h"

#include <cmath>

#include "models/simulation/moneyformat.h"

namespace fleetplan::models {

std::optional<double> CostChange::percent() const
{
    if (!before || !after)
        return std::nullopt;
    if (std::abs(*before) < 1e-12)
        return std::abs(*after) < 1e-12 ? std::optional<double>(0.0) : std::nullopt;
    return (*after - *before) / *before * 100.0;
}

namespace {

std::optional<double> priced(const PlatformResult *p)
{
    return p && p->feasible() ? std::optional<double>(p->totalUsd) : std::nullopt;
}

} // namespace

QList<PlatformCostChange> costChanges(const CostReport &before, const CostReport &after)
{
    QList<PlatformCostChange> result;
    for (const PlatformId id : AllPlatforms) {
        const PlatformResult *a = before.platform(id);
        const PlatformResult *b = after.platform(id);
        if (!a && !b)
            continue;
        PlatformCostChange pc { id, { QStringLiteral("total"), QStringLiteral("total"), priced(a), priced(b) }, {},
            a && !a->feasible() ? a->infeasibleSummary() : QString(),
            b && !b->feasible() ? b->infeasibleSummary() : QString() };
        const bool comparable = pc.beforeInfeasible.isEmpty() && pc.afterInfeasible.isEmpty();
        for (int c = 0; comparable && c < ComponentCount; ++c) {
            const auto cid = static_cast<ComponentId>(c);
            const bool present = (a && a->component(cid)) || (b && b->component(cid));
            if (!present)
                continue;
            CostChange ch { toId(cid), displayName(cid), a ? a->componentUsd(cid) : 0.0,
                b ? b->componentUsd(cid) : 0.0 };
            if (std::abs(*ch.usd()) >= 0.005)
                pc.components.append(ch);
        }
        result.append(pc);
    }
    return result;
}

QString priceText(const std::optional<double> &usd)
{
    return usd ? formatNumber(*usd, 2) : QStringLiteral("infeasible");
}

QString changeText(const std::optional<double> &usd)
{
    if (!usd)
        return QStringLiteral("n/a");
    return (*usd >= 0.005 ? QStringLiteral("+") : QString()) + formatNumber(*usd, 2);
}

QString changePercentText(const CostChange &change)
{
    if (!change.before || !change.after)
        return QStringLiteral("n/a");
    const std::optional<double> p = change.percent();
    if (!p)
        return QStringLiteral("new");
    return (*p >= 0.05 ? QStringLiteral("+") : QString()) + formatNumber(*p, 1) + QStringLiteral(" %");
}

} // namespace fleetplan::models
