// SPDX-License-Identifier: GPL-3.0-or-later
// Lower bounds: the covering LPs (GLPK) and Engine::lowerBound().
#include "models/placement/packingengine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "models/placement/lpsolver.h"
#include "models/placement/engineutil.h"

namespace fleetplan::models::placement::detail {

GeneralLpResult solveCoveringLpRows(
    const std::vector<std::vector<double>> &rows, const std::vector<double> &rhs, const std::vector<double> &prices)
{
    // GLPK's simplex (models/placement/lpsolver.h) on min price·x s.t. rows·x ≥ rhs, x ≥ 0.
    GeneralLpResult result;
    lp::Problem problem;
    problem.cost.resize(prices.size());
    for (std::size_t t = 0; t < prices.size(); ++t)
        problem.cost[t] = std::max(0.0, prices[t]);
    problem.rows.resize(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        problem.rows[r].lower = rhs[r];
        for (std::size_t t = 0; t < rows[r].size() && t < prices.size(); ++t) {
            if (rows[r][t] != 0.0)
                problem.rows[r].coefficients.emplace_back(int(t), rows[r][t]);
        }
    }
    const lp::Solution s = lp::solveLp(problem);
    if (s.status != lp::Status::Optimal)
        return result;
    result.feasible = true;
    result.cost = std::max(0.0, s.objective);
    result.duals.resize(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r)
        result.duals[r] = std::max(0.0, s.duals[r]);
    return result;
}

LpResult solveCoveringLp(const std::vector<Vec> &capacities, const std::vector<double> &prices, const Vec &demand)
{
    // The GPU row only with a GPU demand (a ≥ 0 row is redundant): the LP without GPUs stays as it was.
    const int rowCount = demand[GpuDimension] > 0.0 ? DimensionCount : GpuDimension;
    std::vector<std::vector<double>> rows(rowCount, std::vector<double>(capacities.size()));
    std::vector<double> rhs(rowCount);
    for (int d = 0; d < rowCount; ++d) {
        rhs[d] = demand[d];
        for (std::size_t t = 0; t < capacities.size(); ++t)
            rows[d][t] = capacities[t][d];
    }
    const GeneralLpResult g = solveCoveringLpRows(rows, rhs, prices);
    LpResult result;
    result.feasible = g.feasible;
    result.cost = g.cost;
    if (g.feasible) {
        for (int d = 0; d < rowCount; ++d)
            result.duals[d] = g.duals[d];
    }
    return result;
}

double Engine::lowerBound(const std::vector<int> &counts) const
{
    Vec demand {};
    std::int64_t total = 0;
    for (int g = 0; g < m_groupCount; ++g) {
        if (counts[g] <= 0)
            continue;
        total += counts[g];
        for (int d = 0; d < DimensionCount; ++d)
            demand[d] += m_request3[g][d] * counts[g];
    }
    if (total == 0 || m_allowed.empty())
        return 0.0;

    // Items sharing an exclusive key need one node each.
    std::map<int, std::pair<std::int64_t, double>> byKey; // key -> (items, cheapest compatible price)
    for (int g = 0; g < m_groupCount; ++g) {
        const int key = m_request.items[g].exclusiveKey;
        if (counts[g] <= 0 || key <= 0)
            continue;
        auto &entry = byKey.try_emplace(key, 0, std::numeric_limits<double>::infinity()).first->second;
        entry.first += counts[g];
        for (int t : m_allowed) {
            if (compatible(g, t))
                entry.second = std::min(entry.second, m_request.nodeTypes[t].pricePerHour);
        }
    }
    double keyBound = 0.0;
    for (const auto &[key, entry] : byKey) {
        if (std::isfinite(entry.second))
            keyBound = std::max(keyBound, double(entry.first) * entry.second);
    }

    if (m_request.mode == Mode::SingleType) {
        const int t = m_allowed.front();
        double nodes = 0.0;
        for (int d = 0; d < DimensionCount; ++d) {
            if (demand[d] > 0.0 && m_cap[t][d] > 0.0)
                nodes = std::max(nodes, std::ceil(demand[d] / m_cap[t][d] - 1e-9));
        }
        return std::max(nodes * m_request.nodeTypes[t].pricePerHour, keyBound);
    }

    auto lpCost = [&](const Vec &dem, const QString &arch, bool restrictArch) {
        std::vector<Vec> caps;
        std::vector<double> prices;
        for (int t : m_allowed) {
            if (restrictArch && !archCompatible(arch, m_request.nodeTypes[t].arch))
                continue;
            caps.push_back(m_cap[t]);
            prices.push_back(m_request.nodeTypes[t].pricePerHour);
        }
        const LpResult lp = solveCoveringLp(caps, prices, dem);
        return lp.feasible ? lp.cost : 0.0;
    };

    double bound = lpCost(demand, QString(), false);
    // Items pinned to an architecture need nodes of it: one LP whose rows cover the total demand on
    // all types and, per architecture, the pinned demand on the types of that architecture. Items with
    // GPUs are pinned the same way to the node types with GPUs (their CPU and memory too).
    std::map<QString, Vec> byArch;
    Vec gpuItems {};
    for (int g = 0; g < m_groupCount; ++g) {
        if (counts[g] <= 0)
            continue;
        if (m_request3[g][GpuDimension] > 0.0) {
            for (int d = 0; d < DimensionCount; ++d)
                gpuItems[d] += m_request3[g][d] * counts[g];
        }
        if (m_request.items[g].arch.isEmpty())
            continue;
        Vec &v = byArch[m_request.items[g].arch];
        for (int d = 0; d < DimensionCount; ++d)
            v[d] += m_request3[g][d] * counts[g];
    }
    if (!byArch.empty() || gpuItems[GpuDimension] > 0.0) {
        std::vector<std::vector<double>> rows;
        std::vector<double> rhs;
        std::vector<double> prices;
        for (int t : m_allowed)
            prices.push_back(m_request.nodeTypes[t].pricePerHour);
        auto addRows = [&](const Vec &dem, const QString &arch, bool restrict) {
            for (int d = 0; d < DimensionCount; ++d) {
                if (dem[d] <= 0.0)
                    continue;
                std::vector<double> row;
                for (int t : m_allowed) {
                    const bool ok = !restrict || archCompatible(arch, m_request.nodeTypes[t].arch);
                    row.push_back(ok ? m_cap[t][d] : 0.0);
                }
                rows.push_back(std::move(row));
                rhs.push_back(dem[d]);
            }
        };
        addRows(demand, QString(), false);
        for (const auto &[arch, dem] : byArch)
            addRows(dem, arch, true);
        if (gpuItems[GpuDimension] > 0.0) {
            for (int d = 0; d < DimensionCount; ++d) {
                if (gpuItems[d] <= 0.0)
                    continue;
                std::vector<double> row;
                for (int t : m_allowed)
                    row.push_back(m_cap[t][GpuDimension] > 0.0 ? m_cap[t][d] : 0.0);
                rows.push_back(std::move(row));
                rhs.push_back(gpuItems[d]);
            }
        }
        const GeneralLpResult lp = solveCoveringLpRows(rows, rhs, prices);
        if (lp.feasible)
            bound = std::max(bound, lp.cost);
    }
    // The largest single item needs at least the cheapest node that holds it.
    double largest = 0.0;
    for (int g = 0; g < m_groupCount; ++g) {
        if (counts[g] <= 0)
            continue;
        double cheapest = std::numeric_limits<double>::infinity();
        for (int t : m_allowed) {
            if (compatible(g, t))
                cheapest = std::min(cheapest, m_request.nodeTypes[t].pricePerHour);
        }
        if (std::isfinite(cheapest))
            largest = std::max(largest, cheapest);
    }
    return std::max({ bound, largest, keyBound });
}

} // namespace fleetplan::models::placement::detail
