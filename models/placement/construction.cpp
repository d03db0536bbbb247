// SPDX-License-Identifier: GPL-3.0-or-later
// Construction: the dual-priced, bin-centric dot-product greedy (Engine::construct).
#include "models/placement/packingengine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>

#include "models/placement/engineutil.h"
#include "models/placement/lpsolver.h"

namespace fleetplan::models::placement::detail {

Pattern Engine::fill(
    int type, const std::vector<int> &remaining, const std::vector<int> &active, const std::vector<double> &values)
{
    Pattern pattern;
    pattern.type = type;
    Vec free = m_cap[type];
    const Vec &inv = m_inv[type];
    std::vector<int> candidates;
    candidates.reserve(active.size());
    for (int g : active) {
        if (compatible(g, type))
            candidates.push_back(g);
    }
    m_work += std::int64_t(active.size());
    std::vector<int> keys;
    std::vector<int> &taken = m_scratch;
    while (!candidates.empty()) {
        int best = -1;
        int bestFit = 0;
        double bestScore = -1.0;
        std::size_t i = 0;
        Vec freeNorm { free[0] * inv[0], free[1] * inv[1], free[2] * inv[2], free[3] * inv[3] };
        m_work += std::int64_t(candidates.size());
        while (i < candidates.size()) {
            const int g = candidates[i];
            const int avail = remaining[g] - taken[g];
            const int k = avail > 0 ? maxFitKeys(g, free, keys, avail) : 0;
            if (k <= 0) {
                candidates[i] = candidates.back();
                candidates.pop_back();
                continue;
            }
            const Vec &r = m_request3[g];
            const double score = r[0] * inv[0] * freeNorm[0] + r[1] * inv[1] * freeNorm[1] + r[2] * inv[2] * freeNorm[2]
                + r[3] * inv[3] * freeNorm[3];
            if (score > bestScore || (score == bestScore && g < best)) {
                bestScore = score;
                best = g;
                bestFit = k;
            }
            ++i;
        }
        if (best < 0)
            break;
        const int chunk = bestFit <= 2 ? bestFit : (bestFit + 1) / 2;
        for (int d = 0; d < DimensionCount; ++d) {
            free[d] -= m_request3[best][d] * chunk;
            pattern.used[d] += m_request3[best][d] * chunk;
        }
        if (taken[best] == 0)
            pattern.items.emplace_back(best, 0);
        taken[best] += chunk;
        pattern.itemCount += chunk;
        pattern.value += values[best] * chunk;
        if (m_request.items[best].exclusiveKey > 0)
            keys.push_back(m_request.items[best].exclusiveKey);
    }
    for (auto &entry : pattern.items) {
        entry.second = taken[entry.first];
        taken[entry.first] = 0;
    }
    return pattern;
}

void Engine::cheapenPattern(Pattern &pattern) const
{
    // Re-type onto the cheapest allowed type that holds the same items (Karpenter's "right-sizing").
    double bestPrice = m_request.nodeTypes[pattern.type].pricePerHour;
    int bestType = pattern.type;
    for (int t : m_allowed) {
        const double price = m_request.nodeTypes[t].pricePerHour;
        if (price >= bestPrice)
            continue;
        bool ok = true;
        for (int d = 0; d < DimensionCount && ok; ++d)
            ok = pattern.used[d] <= m_cap[t][d] * (1.0 + Eps) + Eps;
        for (std::size_t i = 0; i < pattern.items.size() && ok; ++i)
            ok = compatible(pattern.items[i].first, t);
        if (ok) {
            bestPrice = price;
            bestType = t;
        }
    }
    pattern.type = bestType;
}

void Engine::construct(std::vector<int> &remaining)
{
    std::vector<int> active;
    for (int g = 0; g < m_groupCount; ++g) {
        if (remaining[g] > 0 && placeable(g))
            active.push_back(g);
        else
            remaining[g] = 0;
    }
    std::vector<double> values(m_groupCount, 0.0);
    std::vector<Vec> caps;
    std::vector<double> prices;
    for (int t : m_allowed) {
        caps.push_back(m_cap[t]);
        prices.push_back(m_request.nodeTypes[t].pricePerHour);
    }
    // The covering LP of the remaining demand, one GLPK object for the whole construction (warm starts).
    lp::Problem covering;
    covering.cost.resize(prices.size());
    // The GPU row only when some item asks for GPUs: without, the LP (and so the packing) is the
    // three-dimensional one it always was.
    bool anyGpu = false;
    for (int g : active)
        anyGpu = anyGpu || m_request3[g][GpuDimension] > 0.0;
    const int rowCount = anyGpu ? DimensionCount : GpuDimension;
    covering.rows.resize(rowCount);
    for (std::size_t t = 0; t < prices.size(); ++t) {
        covering.cost[t] = std::max(0.0, prices[t]);
        for (int d = 0; d < rowCount; ++d) {
            if (caps[t][d] != 0.0)
                covering.rows[d].coefficients.emplace_back(int(t), caps[t][d]);
        }
    }
    std::optional<lp::CoveringLp> reusable;
    auto solveDemand = [&](const Vec &demand) {
        if (!reusable)
            reusable.emplace(covering);
        std::vector<double> rowLower { demand[0], demand[1], demand[2] };
        if (anyGpu)
            rowLower.push_back(demand[3]);
        const lp::Solution s = reusable->solve(rowLower);
        LpResult r;
        r.feasible = s.status == lp::Status::Optimal;
        if (r.feasible) {
            r.cost = std::max(0.0, s.objective);
            for (int d = 0; d < rowCount; ++d)
                r.duals[d] = std::max(0.0, s.duals[d]);
        }
        return r;
    };
    std::vector<std::pair<double, int>> order;
    while (!active.empty()) {
        Vec demand {};
        for (int g : active) {
            for (int d = 0; d < DimensionCount; ++d)
                demand[d] += m_request3[g][d] * remaining[g];
        }
        Vec duals {};
        const LpResult lp = solveDemand(demand);
        if (lp.feasible && lp.duals[0] + lp.duals[1] + lp.duals[2] + lp.duals[3] > 0.0) {
            duals = lp.duals;
        } else {
            for (int d = 0; d < DimensionCount; ++d) {
                double maxCap = 0.0;
                for (const Vec &c : caps)
                    maxCap = std::max(maxCap, c[d]);
                duals[d] = maxCap > 0.0 ? 1.0 / maxCap : 0.0;
            }
        }
        for (int g : active)
            values[g] = dot(duals, m_request3[g]);
        order.clear();
        for (int t : m_allowed) {
            const double price = std::max(m_request.nodeTypes[t].pricePerHour, 1e-12);
            order.emplace_back(dot(duals, m_cap[t]) / price, t);
        }
        // Most value per dollar first; among equals (sizes of one family) the largest first.
        std::sort(order.begin(), order.end(), [&](const auto &a, const auto &b) {
            if (std::abs(a.first - b.first) > 1e-9 * std::max(a.first, b.first))
                return a.first > b.first;
            const double ca = dot(duals, m_cap[a.second]), cb = dot(duals, m_cap[b.second]);
            return ca > cb || (ca == cb && a.second < b.second);
        });
        m_work += std::int64_t(order.size()) * 4;

        Pattern best;
        double bestEff = -1.0;
        double bestDensity = -1.0;
        int evaluated = 0;
        for (const auto &[upper, t] : order) {
            // Evaluating a few types is enough: cheapenPattern() then right-sizes the chosen fill.
            if (upper < bestEff * (1.0 - 1e-12) || evaluated >= MaxTypesPerNode)
                break;
            Pattern p = fill(t, remaining, active, values);
            if (p.itemCount == 0)
                continue;
            ++evaluated;
            const double price = std::max(m_request.nodeTypes[t].pricePerHour, 1e-12);
            const double eff = p.value / price;
            const double density = p.itemCount / price;
            if (eff > bestEff * (1.0 + 1e-12) || (eff >= bestEff * (1.0 - 1e-12) && density > bestDensity)) {
                bestEff = eff;
                bestDensity = density;
                best = std::move(p);
            }
        }
        if (best.itemCount == 0) {
            // Cannot happen for placeable groups (each fits an empty node of some type); stay safe.
            for (int g : active)
                remaining[g] = 0;
            break;
        }
        cheapenPattern(best);
        int repeat = std::numeric_limits<int>::max();
        for (const auto &[g, c] : best.items)
            repeat = std::min(repeat, remaining[g] / c);
        repeat = std::max(1, repeat);
        WorkNode node;
        node.type = best.type;
        node.free = m_cap[best.type];
        for (const auto &[g, c] : best.items) {
            addToNode(node, g, c);
            remaining[g] -= c * repeat;
        }
        for (int i = 0; i < repeat; ++i)
            m_nodes.push_back(node);
        active.erase(
            std::remove_if(active.begin(), active.end(), [&](int g) { return remaining[g] <= 0; }), active.end());
    }
}

} // namespace fleetplan::models::placement::detail
