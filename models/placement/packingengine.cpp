// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/placement/packingengine.h"

#include "models/placement/lpsolver.h"
#include "models/placement/patternsolver.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace fleetplan::models::placement::detail {

namespace {

constexpr double Eps = 1e-9;
/// Work units per microsecond of PlacementRequest::timeBudgetMicros. The budget is counted in
/// operations, not read from a clock, so that the same request always gives the same result.
constexpr std::int64_t WorkPerMicro = 200;
/// Node types whose fill is evaluated when a node is opened (in order of value per dollar).
constexpr int MaxTypesPerNode = 24;
/// Bin elimination: how many of the least loaded nodes are tried before the search stops.
constexpr int MaxVictimTries = 256;
/// Single node type: how many constructive starts (fewest nodes first) get a bin elimination search.
constexpr int MaxSearchStarts = 4;

double dot(const Vec &a, const Vec &b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

Vec toVec(const Resources &r)
{
    return {r.cpu, r.memoryMib, r.slotCount};
}

bool archCompatible(const QString &itemArch, const QString &nodeArch)
{
    return itemArch.isEmpty() || nodeArch.isEmpty() || itemArch == nodeArch;
}

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

GeneralLpResult solveCoveringLpRows(const std::vector<std::vector<double>> &rows, const std::vector<double> &rhs,
                                    const std::vector<double> &prices)
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
    std::vector<std::vector<double>> rows(DimensionCount, std::vector<double>(capacities.size()));
    for (int d = 0; d < DimensionCount; ++d) {
        for (std::size_t t = 0; t < capacities.size(); ++t)
            rows[d][t] = capacities[t][d];
    }
    const GeneralLpResult g = solveCoveringLpRows(rows, {demand[0], demand[1], demand[2]}, prices);
    LpResult result;
    result.feasible = g.feasible;
    result.cost = g.cost;
    if (g.feasible) {
        for (int d = 0; d < DimensionCount; ++d)
            result.duals[d] = g.duals[d];
    }
    return result;
}

Engine::Engine(const PlacementRequest &request)
    : m_request(request)
    , m_groupCount(int(request.items.size()))
    , m_typeCount(int(request.nodeTypes.size()))
{
    const double headroom = request.targetUtilization > 0.0 ? std::min(request.targetUtilization, 1.0) : 1.0;
    m_cap.resize(m_typeCount);
    m_inv.resize(m_typeCount);
    std::vector<char> usable(m_typeCount, 0);
    for (int t = 0; t < m_typeCount; ++t) {
        const NodeType &type = request.nodeTypes[t];
        bool ok = true;
        for (int d = 0; d < DimensionCount; ++d) {
            const double factor = d < 2 ? headroom : 1.0;
            m_cap[t][d] = type.capacity[d] * factor - type.overhead[d];
            m_inv[t][d] = m_cap[t][d] > 0.0 ? 1.0 / m_cap[t][d] : 0.0;
            if (m_cap[t][d] < -Eps || !std::isfinite(m_cap[t][d]))
                ok = false;
            m_cap[t][d] = std::max(0.0, m_cap[t][d]);
        }
        if (!(type.pricePerHour >= 0.0) || !std::isfinite(type.pricePerHour))
            ok = false;
        usable[t] = ok;
    }
    if (request.mode == Mode::SingleType) {
        if (request.singleType >= 0 && request.singleType < m_typeCount && usable[request.singleType])
            m_allowed.push_back(request.singleType);
    } else {
        for (int t = 0; t < m_typeCount; ++t) {
            if (usable[t])
                m_allowed.push_back(t);
        }
    }
    m_request3.resize(m_groupCount);
    m_compat.assign(std::size_t(m_groupCount) * std::max(1, m_typeCount), 0);
    m_placeable.assign(m_groupCount, 0);
    m_scratch.assign(m_groupCount, 0);
    for (int g = 0; g < m_groupCount; ++g) {
        const ItemGroup &item = request.items[g];
        m_request3[g] = toVec(item.request);
        bool valid = true;
        // Negative sizes are accepted (some benchmark instances hold them); callers reject them in user input.
        for (int d = 0; d < DimensionCount; ++d) {
            if (!std::isfinite(m_request3[g][d]))
                valid = false;
        }
        if (!valid)
            continue;
        for (int t : m_allowed) {
            const NodeType &type = request.nodeTypes[t];
            if (!archCompatible(item.arch, type.arch) || (type.spot && !item.spotOk))
                continue;
            bool fitsEmpty = true;
            for (int d = 0; d < DimensionCount; ++d) {
                if (m_request3[g][d] > m_cap[t][d] * (1.0 + Eps) + Eps)
                    fitsEmpty = false;
            }
            if (fitsEmpty) {
                m_compat[std::size_t(g) * m_typeCount + t] = 1;
                m_placeable[g] = 1;
            }
        }
    }
    m_budget = std::int64_t(std::max(0, request.timeBudgetMicros)) * WorkPerMicro;
}

int Engine::maxFitKeys(int group, const Vec &free, const std::vector<int> &keys, int limit) const
{
    const Vec &r = m_request3[group];
    double k = double(limit);
    for (int d = 0; d < DimensionCount; ++d) {
        if (r[d] > 0.0)
            k = std::min(k, std::floor((free[d] + Eps * (1.0 + std::abs(free[d]))) / r[d] + 1e-9));
    }
    int result = int(std::max(0.0, k));
    const int key = m_request.items[group].exclusiveKey;
    if (key > 0 && result > 0) {
        if (std::find(keys.begin(), keys.end(), key) != keys.end())
            return 0;
        result = 1;
    }
    return result;
}

int Engine::maxFit(int group, const Vec &free, const std::vector<std::pair<int, int>> &items, int limit) const
{
    const Vec &r = m_request3[group];
    double k = double(limit);
    for (int d = 0; d < DimensionCount; ++d) {
        if (r[d] > 0.0)
            k = std::min(k, std::floor((free[d] + Eps * (1.0 + std::abs(free[d]))) / r[d] + 1e-9));
    }
    int result = int(std::max(0.0, k));
    const int key = m_request.items[group].exclusiveKey;
    if (key > 0 && result > 0) {
        for (const auto &[g, c] : items) {
            if (c > 0 && m_request.items[g].exclusiveKey == key)
                return 0;
        }
        result = 1;
    }
    return result;
}

void Engine::addToNode(WorkNode &node, int group, int count) const
{
    for (int d = 0; d < DimensionCount; ++d)
        node.free[d] -= m_request3[group][d] * count;
    node.itemCount += count;
    for (auto &entry : node.items) {
        if (entry.first == group) {
            entry.second += count;
            return;
        }
    }
    node.items.emplace_back(group, count);
}

void Engine::removeFromNode(WorkNode &node, int group, int count) const
{
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        if (node.items[i].first == group) {
            node.items[i].second -= count;
            if (node.items[i].second <= 0)
                node.items.erase(node.items.begin() + std::ptrdiff_t(i));
            break;
        }
    }
    for (int d = 0; d < DimensionCount; ++d)
        node.free[d] += m_request3[group][d] * count;
    node.itemCount -= count;
}

double Engine::fillLevel(const WorkNode &node) const
{
    double level = 0.0;
    for (int d = 0; d < DimensionCount; ++d) {
        if (m_cap[node.type][d] > 0.0)
            level = std::max(level, 1.0 - node.free[d] * m_inv[node.type][d]);
    }
    return level;
}

double Engine::lowerBound(const std::vector<int> &counts) const
{
    Vec demand{};
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
    std::map<int, std::pair<std::int64_t, double>> byKey;  // key -> (items, cheapest compatible price)
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
    // all types and, per architecture, the pinned demand on the types of that architecture.
    std::map<QString, Vec> byArch;
    for (int g = 0; g < m_groupCount; ++g) {
        if (counts[g] <= 0 || m_request.items[g].arch.isEmpty())
            continue;
        Vec &v = byArch[m_request.items[g].arch];
        for (int d = 0; d < DimensionCount; ++d)
            v[d] += m_request3[g][d] * counts[g];
    }
    if (!byArch.empty()) {
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
    return std::max({bound, largest, keyBound});
}

Pattern Engine::fill(int type, const std::vector<int> &remaining, const std::vector<int> &active,
                     const std::vector<double> &values)
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
        Vec freeNorm{free[0] * inv[0], free[1] * inv[1], free[2] * inv[2]};
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
            const double score = r[0] * inv[0] * freeNorm[0] + r[1] * inv[1] * freeNorm[1] + r[2] * inv[2] * freeNorm[2];
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
    std::vector<std::pair<double, int>> order;
    while (!active.empty()) {
        Vec demand{};
        for (int g : active) {
            for (int d = 0; d < DimensionCount; ++d)
                demand[d] += m_request3[g][d] * remaining[g];
        }
        Vec duals{};
        const LpResult lp = solveCoveringLp(caps, prices, demand);
        if (lp.feasible && lp.duals[0] + lp.duals[1] + lp.duals[2] > 0.0) {
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
        active.erase(std::remove_if(active.begin(), active.end(), [&](int g) { return remaining[g] <= 0; }),
                     active.end());
    }
}

bool Engine::tryEmptyNode(int victim)
{
    // Move every item of the victim onto other nodes (fullest first); keep the move only if all fit.
    WorkNode &v = m_nodes[victim];
    if (v.itemCount == 0)
        return true;
    std::vector<int> targets;
    targets.reserve(m_nodes.size());
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        if (i != victim && m_nodes[i].itemCount > 0)
            targets.push_back(i);
    }
    m_work += std::int64_t(targets.size()) * 2;
    std::vector<double> level(m_nodes.size(), 0.0);
    for (int i : targets)
        level[i] = fillLevel(m_nodes[i]);
    std::stable_sort(targets.begin(), targets.end(), [&](int a, int b) { return level[a] > level[b]; });

    struct Move { int target; int group; int count; };
    std::vector<Move> moves;
    bool ok = true;
    const auto items = v.items;
    for (const auto &[g, c] : items) {
        int left = c;
        for (int i : targets) {
            if (left == 0)
                break;
            if (!compatible(g, m_nodes[i].type))
                continue;
            ++m_work;
            const int k = maxFit(g, m_nodes[i].free, m_nodes[i].items, left);
            if (k > 0) {
                addToNode(m_nodes[i], g, k);
                moves.push_back({i, g, k});
                left -= k;
            }
        }
        if (left > 0) {
            ok = false;
            break;
        }
    }
    if (!ok) {
        for (auto it = moves.rbegin(); it != moves.rend(); ++it)
            removeFromNode(m_nodes[it->target], it->group, it->count);
        return false;
    }
    WorkNode &victimNode = m_nodes[victim];
    victimNode.items.clear();
    victimNode.itemCount = 0;
    victimNode.free = m_cap[victimNode.type];
    return true;
}

bool Engine::tryRepackNodes(const std::vector<int> &victims)
{
    // Re-pack the items of several nodes from scratch onto new nodes; keep it when it is cheaper.
    double before = 0.0;
    std::vector<int> remaining(m_groupCount, 0);
    for (int v : victims) {
        before += m_request.nodeTypes[m_nodes[v].type].pricePerHour;
        for (const auto &[g, c] : m_nodes[v].items)
            remaining[g] += c;
    }
    std::vector<WorkNode> saved = std::move(m_nodes);
    m_nodes.clear();
    construct(remaining);
    double after = 0.0;
    for (const WorkNode &n : m_nodes)
        after += m_request.nodeTypes[n.type].pricePerHour;
    std::vector<WorkNode> fresh = std::move(m_nodes);
    m_nodes = std::move(saved);
    if (after >= before * (1.0 - 1e-9))
        return false;
    for (int v : victims) {
        m_nodes[v].items.clear();
        m_nodes[v].itemCount = 0;
    }
    for (WorkNode &n : fresh)
        m_nodes.push_back(std::move(n));
    return true;
}

void Engine::improve(bool allowRetype)
{
    auto compact = [&] {
        m_nodes.erase(std::remove_if(m_nodes.begin(), m_nodes.end(), [](const WorkNode &n) { return n.itemCount == 0; }),
                      m_nodes.end());
    };
    // 1. Empty the least used nodes into the free space of the others.
    bool changed = true;
    while (changed && budgetLeft()) {
        changed = false;
        std::vector<std::pair<double, int>> byLevel;
        for (int i = 0; i < int(m_nodes.size()); ++i)
            byLevel.emplace_back(fillLevel(m_nodes[i]), i);
        std::stable_sort(byLevel.begin(), byLevel.end());
        for (const auto &[level, i] : byLevel) {
            if (!budgetLeft() || level > 0.9)
                break;
            if (tryEmptyNode(i))
                changed = true;
        }
        compact();
    }
    if (!allowRetype)
        return;
    // 2. Re-pack small sets of the least efficient nodes into cheaper types.
    for (int size = 2; size <= 4 && budgetLeft(); ++size) {
        std::vector<std::pair<double, int>> byLevel;
        for (int i = 0; i < int(m_nodes.size()); ++i)
            byLevel.emplace_back(fillLevel(m_nodes[i]), i);
        std::stable_sort(byLevel.begin(), byLevel.end());
        for (std::size_t start = 0; start + size <= byLevel.size() && start < 16 && budgetLeft(); ++start) {
            std::vector<int> victims;
            for (int k = 0; k < size; ++k)
                victims.push_back(byLevel[start + k].second);
            if (tryRepackNodes(victims)) {
                compact();
                break;
            }
        }
    }
}

QString Engine::unplaceableReason(int group) const
{
    const ItemGroup &item = m_request.items[group];
    const QString who = QStringLiteral("service \"%1\": ").arg(item.service);
    for (int d = 0; d < DimensionCount; ++d) {
        if (!std::isfinite(m_request3[group][d]))
            return who + QStringLiteral("the request per task is not a finite number");
    }
    if (m_allowed.empty())
        return who + QStringLiteral("no allowed node type has a usable capacity and price");
    std::vector<int> candidates;
    for (int t : m_allowed) {
        if (archCompatible(item.arch, m_request.nodeTypes[t].arch))
            candidates.push_back(t);
    }
    if (candidates.empty())
        return who + QStringLiteral("needs %1 but no allowed node type has that architecture").arg(item.arch);
    std::vector<int> onDemand;
    for (int t : candidates) {
        if (!m_request.nodeTypes[t].spot || item.spotOk)
            onDemand.push_back(t);
    }
    if (onDemand.empty())
        return who + QStringLiteral("is not Spot-tolerant but every allowed node type is Spot");
    static const char *const units[DimensionCount] = {"vCPU", "MiB memory", "slots"};
    for (int d = 0; d < DimensionCount; ++d) {
        double largest = 0.0;
        for (int t : onDemand)
            largest = std::max(largest, m_cap[t][d]);
        const double scale = d == 0 && m_request.cpuUnitsPerVcpu > 0.0 ? m_request.cpuUnitsPerVcpu : 1.0;
        if (m_request3[group][d] > largest * (1.0 + Eps) + Eps) {
            return who + QStringLiteral("%1 %2 per task but the largest allowed type has %3")
                             .arg(number(m_request3[group][d] / scale), QLatin1String(units[d]), number(largest / scale));
        }
    }
    return who + QStringLiteral("%1 vCPU, %2 MiB memory and %3 slots per task fit no single allowed type")
                     .arg(number(m_request3[group][0] / std::max(1e-12, m_request.cpuUnitsPerVcpu)),
                          number(m_request3[group][1]), number(m_request3[group][2]));
}

PlacementResult Engine::buildResult(const std::vector<int> &wanted)
{
    PlacementResult result;
    result.nodesByType = QList<int>(m_typeCount, 0);
    std::vector<int> placed(m_groupCount, 0);
    std::vector<double> levels;
    std::vector<int> order;
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        if (m_nodes[i].itemCount > 0)
            order.push_back(i);
    }
    levels.resize(m_nodes.size());
    for (int i : order) {
        std::sort(m_nodes[i].items.begin(), m_nodes[i].items.end());
        levels[i] = fillLevel(m_nodes[i]);
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (m_nodes[a].type != m_nodes[b].type)
            return m_nodes[a].type < m_nodes[b].type;
        return levels[a] > levels[b];
    });
    Vec usedSum{};
    Vec capSum{};
    result.nodes.reserve(qsizetype(order.size()));
    for (int i : order) {
        const WorkNode &w = m_nodes[i];
        Node node;
        node.nodeType = w.type;
        node.items.reserve(qsizetype(w.items.size()));
        Vec used{};
        for (const auto &[g, c] : w.items) {
            node.items.append({g, c});
            placed[g] += c;
            for (int d = 0; d < DimensionCount; ++d)
                used[d] += m_request3[g][d] * c;
        }
        node.used = Resources{used[0], used[1], used[2]};
        const NodeType &type = m_request.nodeTypes[w.type];
        for (int d = 0; d < DimensionCount; ++d) {
            usedSum[d] += used[d];
            capSum[d] += type.capacity[d] - type.overhead[d];
        }
        result.costPerHour += type.pricePerHour;
        ++result.nodesByType[w.type];
        result.placedItems += w.itemCount;
        result.nodes.append(std::move(node));
    }
    for (int d = 0; d < DimensionCount; ++d)
        result.utilisation[d] = capSum[d] > 0.0 ? usedSum[d] / capSum[d] : 0.0;
    for (int g = 0; g < m_groupCount; ++g) {
        const int missing = std::max(0, wanted[g]) - placed[g];
        if (missing > 0)
            result.unplaced.append({g, missing, unplaceableReason(g)});
    }
    result.lowerBoundPerHour = lowerBound(placed);
    if (m_patternBoundComputed) {
        result.patternBoundPerHour = m_patternBound;
        result.lowerBoundPerHour = std::max(result.lowerBoundPerHour, m_patternBound);
    }
    if (result.lowerBoundPerHour > 0.0)
        result.ratio = result.costPerHour / result.lowerBoundPerHour;
    else
        result.ratio = result.costPerHour > 0.0 ? std::numeric_limits<double>::infinity() : 1.0;
    return result;
}

PlacementResult Engine::solve()
{
    std::vector<int> wanted(m_groupCount, 0);
    for (int g = 0; g < m_groupCount; ++g)
        wanted[g] = std::max(0, m_request.items[g].count);
    std::vector<int> remaining = wanted;
    m_nodes.clear();
    construct(remaining);
    improve(m_request.mode == Mode::CheapestMix);
    if (m_allowed.size() == 1) {
        searchSingleType();
    }
    if (m_request.mode == Mode::CheapestMix)
        patternPhase(wanted);
    return buildResult(wanted);
}

PlacementResult Engine::solveIncremental(const PlacementResult &existing, bool consolidate)
{
    std::vector<int> wanted(m_groupCount, 0);
    for (int g = 0; g < m_groupCount; ++g)
        wanted[g] = std::max(0, m_request.items[g].count);
    m_nodes.clear();
    std::vector<int> placed(m_groupCount, 0);
    for (const Node &n : existing.nodes) {
        if (n.nodeType < 0 || n.nodeType >= m_typeCount)
            continue;
        WorkNode w;
        w.type = n.nodeType;
        w.free = m_cap[n.nodeType];
        for (const auto &[g, c] : n.items) {
            if (g >= 0 && g < m_groupCount && c > 0 && compatible(g, n.nodeType)) {
                addToNode(w, g, c);
                placed[g] += c;
            }
        }
        m_nodes.push_back(std::move(w));
    }
    // Remove items no longer wanted, from the least used nodes first.
    std::vector<std::pair<double, int>> byLevel;
    for (int i = 0; i < int(m_nodes.size()); ++i)
        byLevel.emplace_back(fillLevel(m_nodes[i]), i);
    std::stable_sort(byLevel.begin(), byLevel.end());
    for (const auto &[level, i] : byLevel) {
        WorkNode &node = m_nodes[i];
        const auto items = node.items;
        for (const auto &[g, c] : items) {
            const int surplus = placed[g] - wanted[g];
            if (surplus > 0) {
                const int k = std::min(surplus, c);
                removeFromNode(node, g, k);
                placed[g] -= k;
            }
        }
    }
    // Pending items go onto free space first (fullest nodes first), then onto new nodes.
    std::vector<int> remaining(m_groupCount, 0);
    for (int g = 0; g < m_groupCount; ++g)
        remaining[g] = placeable(g) ? std::max(0, wanted[g] - placed[g]) : 0;
    std::reverse(byLevel.begin(), byLevel.end());
    for (int g = 0; g < m_groupCount; ++g) {
        for (const auto &[level, i] : byLevel) {
            if (remaining[g] == 0)
                break;
            WorkNode &node = m_nodes[i];
            if (!compatible(g, node.type))
                continue;
            const int k = maxFit(g, node.free, node.items, remaining[g]);
            if (k > 0) {
                addToNode(node, g, k);
                remaining[g] -= k;
            }
        }
    }
    construct(remaining);
    m_nodes.erase(std::remove_if(m_nodes.begin(), m_nodes.end(), [](const WorkNode &n) { return n.itemCount == 0; }),
                  m_nodes.end());
    if (consolidate)
        improve(false);
    return buildResult(wanted);
}

} // namespace fleetplan::models::placement::detail

namespace fleetplan::models::placement::detail {

void Engine::localSearchSingleType()
{
    // Bin elimination for one node type (the vector bin packing benchmark case): take the least
    // loaded node, put its items in a pool, and push pool items into the other nodes, directly or
    // by swapping them against smaller items there (1-1, 2-1, 1-2), so that every move makes the
    // nodes fuller. The pool empties (one node fewer) or no move helps (the node is restored).
    if (m_allowed.size() != 1 || m_nodes.size() < 2)
        return;
    const int type = m_allowed.front();
    const Vec &cap = m_cap[type];
    std::int64_t items = 0;
    for (const WorkNode &n : m_nodes)
        items += n.itemCount;
    if (items > 20000)
        return;
    for (int g = 0; g < m_groupCount; ++g) {
        if (m_request.items[g].exclusiveKey > 0)
            return;  // keys are rare in single-type fleets; the move checks below do not track them
    }
    std::vector<double> w(m_groupCount, 0.0);
    for (int g = 0; g < m_groupCount; ++g) {
        for (int d = 0; d < DimensionCount; ++d)
            w[g] += cap[d] > 0.0 ? m_request3[g][d] / cap[d] : 0.0;
    }
    Vec tol{};
    for (int d = 0; d < DimensionCount; ++d)
        tol[d] = Eps * (1.0 + std::abs(cap[d]));
    struct Bin
    {
        std::vector<int> items;  // one entry per item (group id)
        Vec free{};
        double load = 0.0;
    };
    auto feasible = [&](const Vec &f) { return f[0] >= -tol[0] && f[1] >= -tol[1] && f[2] >= -tol[2]; };
    std::vector<Bin> bins;
    for (const WorkNode &n : m_nodes) {
        Bin b;
        b.free = cap;
        for (const auto &[g, c] : n.items) {
            for (int k = 0; k < c; ++k) {
                b.items.push_back(g);
                for (int d = 0; d < DimensionCount; ++d)
                    b.free[d] -= m_request3[g][d];
                b.load += w[g];
            }
        }
        bins.push_back(std::move(b));
    }
    // Per-dimension ceil bound: stop when reached.
    Vec demand{};
    for (const Bin &b : bins) {
        for (int d = 0; d < DimensionCount; ++d)
            demand[d] += cap[d] - b.free[d];
    }
    double bound = 1.0;
    for (int d = 0; d < DimensionCount; ++d) {
        if (cap[d] > 0.0)
            bound = std::max(bound, std::ceil(demand[d] / cap[d] - 1e-9));
    }

    auto place1 = [&](Bin &b, int g, int sign) {
        for (int d = 0; d < DimensionCount; ++d)
            b.free[d] -= sign * m_request3[g][d];
        b.load += sign * w[g];
    };

    auto emptyPool = [&](std::vector<int> &pool, std::vector<Bin> &others) {
        for (int round = 0; round < 1000 && budgetLeft(); ++round) {
            // 1. Direct insertion, largest first, into the node left with the least slack.
            std::stable_sort(pool.begin(), pool.end(), [&](int a, int b) { return w[a] > w[b]; });
            for (std::size_t p = 0; p < pool.size();) {
                const int g = pool[p];
                int best = -1;
                double bestSlack = std::numeric_limits<double>::infinity();
                for (int i = 0; i < int(others.size()); ++i) {
                    const Bin &b = others[i];
                    Vec f{b.free[0] - m_request3[g][0], b.free[1] - m_request3[g][1], b.free[2] - m_request3[g][2]};
                    if (!feasible(f))
                        continue;
                    const double slack = 3.0 - (b.load + w[g]);
                    if (slack < bestSlack) {
                        bestSlack = slack;
                        best = i;
                    }
                }
                m_work += std::int64_t(others.size());
                if (best >= 0) {
                    others[best].items.push_back(g);
                    place1(others[best], g, +1);
                    pool.erase(pool.begin() + std::ptrdiff_t(p));
                } else {
                    ++p;
                }
            }
            if (pool.empty())
                return true;
            // 2. Swaps that make a node fuller (the pool lighter).
            bool improved = false;
            for (Bin &b : others) {
                const int nb = int(b.items.size());
                const int np = int(pool.size());
                m_work += std::int64_t(nb) * np * (2 + np + nb);
                bool done = false;
                // 1 pool item for 1 node item
                for (int pi = 0; pi < np && !done; ++pi) {
                    const int p = pool[pi];
                    for (int bi = 0; bi < nb && !done; ++bi) {
                        const int q = b.items[bi];
                        if (w[p] <= w[q] + 1e-12)
                            continue;
                        Vec f;
                        for (int d = 0; d < DimensionCount; ++d)
                            f[d] = b.free[d] + m_request3[q][d] - m_request3[p][d];
                        if (feasible(f)) {
                            b.items[bi] = p;
                            b.free = f;
                            b.load += w[p] - w[q];
                            pool[pi] = q;
                            done = true;
                        }
                    }
                }
                // 2 pool items for 1 node item
                for (int pi = 0; pi < np && !done; ++pi) {
                    for (int pj = pi + 1; pj < np && !done; ++pj) {
                        const int p1 = pool[pi], p2 = pool[pj];
                        for (int bi = 0; bi < nb && !done; ++bi) {
                            const int q = b.items[bi];
                            if (w[p1] + w[p2] <= w[q] + 1e-12)
                                continue;
                            Vec f;
                            for (int d = 0; d < DimensionCount; ++d)
                                f[d] = b.free[d] + m_request3[q][d] - m_request3[p1][d] - m_request3[p2][d];
                            if (feasible(f)) {
                                b.items[bi] = p1;
                                b.items.push_back(p2);
                                b.free = f;
                                b.load += w[p1] + w[p2] - w[q];
                                pool[pi] = q;
                                pool.erase(pool.begin() + pj);
                                done = true;
                            }
                        }
                    }
                }
                // 1 pool item for 2 node items
                for (int pi = 0; pi < int(pool.size()) && !done; ++pi) {
                    const int p = pool[pi];
                    for (int bi = 0; bi < nb && !done; ++bi) {
                        for (int bj = bi + 1; bj < nb && !done; ++bj) {
                            const int q1 = b.items[bi], q2 = b.items[bj];
                            if (w[p] <= w[q1] + w[q2] + 1e-12)
                                continue;
                            Vec f;
                            for (int d = 0; d < DimensionCount; ++d)
                                f[d] = b.free[d] + m_request3[q1][d] + m_request3[q2][d] - m_request3[p][d];
                            if (feasible(f)) {
                                b.items[bi] = p;
                                b.items.erase(b.items.begin() + bj);
                                b.free = f;
                                b.load += w[p] - w[q1] - w[q2];
                                pool[pi] = q1;
                                pool.push_back(q2);
                                done = true;
                            }
                        }
                    }
                }
                if (done)
                    improved = true;
                if (!budgetLeft())
                    break;
            }
            if (!improved)
                return false;
        }
        return false;
    };

    int failures = 0;
    while (budgetLeft() && double(bins.size()) > bound && failures < MaxVictimTries) {
        // Candidate: the failures-th least loaded node (ties by index).
        std::vector<int> order(bins.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return bins[a].load < bins[b].load; });
        if (failures >= int(order.size()))
            break;
        const int victim = order[failures];
        std::vector<Bin> trial;
        trial.reserve(bins.size() - 1);
        for (int i = 0; i < int(bins.size()); ++i) {
            if (i != victim)
                trial.push_back(bins[i]);
        }
        std::vector<int> pool = bins[victim].items;
        if (emptyPool(pool, trial)) {
            bins = std::move(trial);
            failures = 0;
        } else {
            ++failures;
        }
    }

    m_nodes.clear();
    for (const Bin &b : bins) {
        WorkNode n;
        n.type = type;
        n.free = cap;
        for (int g : b.items)
            addToNode(n, g, 1);
        m_nodes.push_back(std::move(n));
    }
}

std::vector<std::vector<WorkNode>> Engine::singleTypeStarts()
{
    // Several item-level constructive starts for one node type (the vector bin packing case): FFD
    // and best-fit decreasing by four size measures, and a bin-centric "perfect fit" fill that closes
    // a node with one or two items matching its free space exactly (triplet-like instances). The
    // packings are returned fewest nodes first (ties: in the order above), without the current one.
    std::vector<std::vector<WorkNode>> starts;
    if (m_allowed.size() != 1 || m_nodes.size() < 2)
        return starts;
    const int type = m_allowed.front();
    const Vec &cap = m_cap[type];
    const Vec &inv = m_inv[type];
    std::int64_t total = 0;
    for (const WorkNode &n : m_nodes) {
        if (n.type != type)
            return starts;
        total += n.itemCount;
    }
    if (total > 5000)
        return starts;
    for (int g = 0; g < m_groupCount; ++g) {
        if (m_request.items[g].exclusiveKey > 0)
            return starts;
    }
    std::vector<int> counts(m_groupCount, 0);
    for (const WorkNode &n : m_nodes) {
        for (const auto &[g, c] : n.items)
            counts[g] += c;
    }
    std::vector<int> groups;
    for (int g = 0; g < m_groupCount; ++g) {
        if (counts[g] > 0)
            groups.push_back(g);
    }
    Vec tol{};
    for (int d = 0; d < DimensionCount; ++d)
        tol[d] = Eps * (1.0 + std::abs(cap[d]));
    auto fitsIn = [&](const Vec &free, int g) {
        for (int d = 0; d < DimensionCount; ++d) {
            if (free[d] - m_request3[g][d] < -tol[d])
                return false;
        }
        return true;
    };
    auto norm = [&](int g, int d) { return m_request3[g][d] * inv[d]; };

    auto keep = [&](const std::vector<std::vector<int>> &bins) {
        std::vector<WorkNode> nodes;
        for (const std::vector<int> &bin : bins) {
            WorkNode n;
            n.type = type;
            n.free = cap;
            for (int g : bin)
                addToNode(n, g, 1);
            nodes.push_back(std::move(n));
        }
        starts.push_back(std::move(nodes));
    };

    // 1. FFD / BFD by size measures.
    Vec scarcity{};  // total demand per dimension in nodes: weights of measure 4
    for (int g : groups) {
        for (int d = 0; d < DimensionCount; ++d)
            scarcity[d] += std::max(0.0, norm(g, d)) * counts[g];
    }
    for (int measure = 0; measure < 5; ++measure) {
        std::vector<double> key(m_groupCount, 0.0);
        for (int g : groups) {
            double k = measure == 3 ? 1.0 : 0.0;
            for (int d = 0; d < DimensionCount; ++d) {
                const double x = std::max(0.0, norm(g, d));
                if (measure == 4)
                    k += scarcity[d] * x;
                else if (measure == 0)
                    k += x;
                else if (measure == 1)
                    k = std::max(k, x);
                else if (measure == 2)
                    k += x * x;
                else
                    k *= x;
            }
            key[g] = k;
        }
        std::vector<int> order = groups;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key[a] > key[b]; });
        for (int bestFit = 0; bestFit < 2 && budgetLeft(); ++bestFit) {
            std::vector<Vec> free;
            std::vector<std::vector<int>> bins;
            for (int g : order) {
                for (int c = 0; c < counts[g]; ++c) {
                    int chosen = -1;
                    double chosenSlack = std::numeric_limits<double>::infinity();
                    for (int b = 0; b < int(bins.size()); ++b) {
                        if (!fitsIn(free[b], g))
                            continue;
                        if (!bestFit) {
                            chosen = b;
                            break;
                        }
                        double slack = 0.0;
                        for (int d = 0; d < DimensionCount; ++d)
                            slack += (free[b][d] - m_request3[g][d]) * inv[d];
                        if (slack < chosenSlack) {
                            chosenSlack = slack;
                            chosen = b;
                        }
                    }
                    m_work += std::int64_t(bins.size()) + 1;
                    if (chosen < 0) {
                        bins.emplace_back();
                        free.push_back(cap);
                        chosen = int(bins.size()) - 1;
                    }
                    bins[chosen].push_back(g);
                    for (int d = 0; d < DimensionCount; ++d)
                        free[chosen][d] -= m_request3[g][d];
                }
            }
            keep(bins);
        }
    }

    // 2. Bin-centric perfect fit (integer sizes only: exact matching by value).
    bool integral = true;
    for (int g : groups) {
        for (int d = 0; d < DimensionCount; ++d)
            integral = integral && m_request3[g][d] == std::round(m_request3[g][d]) && std::abs(m_request3[g][d]) < 1e12;
    }
    for (int d = 0; d < DimensionCount; ++d)
        integral = integral && cap[d] == std::round(cap[d]) && std::abs(cap[d]) < 1e12;
    if (integral && budgetLeft()) {
        using Key = std::array<long long, DimensionCount>;
        auto keyOf = [](const Vec &v) {
            Key k{};
            for (int d = 0; d < DimensionCount; ++d)
                k[d] = std::llround(v[d]);
            return k;
        };
        std::map<Key, int> byValue;  // request -> group (identical requests were merged; first wins)
        for (int g : groups)
            byValue.emplace(keyOf(m_request3[g]), g);
        std::vector<double> size(m_groupCount, 0.0);
        for (int g : groups) {
            for (int d = 0; d < DimensionCount; ++d)
                size[g] += norm(g, d);
        }
        std::vector<int> order = groups;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return size[a] > size[b]; });
        for (int rule = 0; rule < 2 && budgetLeft(); ++rule) {
            std::vector<int> left = counts;
            std::int64_t remainingItems = total;
            std::vector<std::vector<int>> bins;
            auto lookup = [&](const Vec &residual) {
                const auto it = byValue.find(keyOf(residual));
                return it == byValue.end() ? -1 : it->second;
            };
            while (remainingItems > 0) {
                std::vector<int> bin;
                Vec free = cap;
                auto take = [&](int g) {
                    bin.push_back(g);
                    --left[g];
                    --remainingItems;
                    for (int d = 0; d < DimensionCount; ++d)
                        free[d] -= m_request3[g][d];
                };
                for (int g : order) {
                    if (left[g] > 0) {
                        take(g);
                        break;
                    }
                }
                while (remainingItems > 0) {
                    // One item that fills the node exactly.
                    const int exact = lookup(free);
                    if (exact >= 0 && left[exact] > 0) {
                        take(exact);
                        break;
                    }
                    // Two items that fill it exactly.
                    bool paired = false;
                    m_work += std::int64_t(order.size()) * 4;
                    for (int g : order) {
                        if (left[g] == 0 || !fitsIn(free, g))
                            continue;
                        Vec rest;
                        for (int d = 0; d < DimensionCount; ++d)
                            rest[d] = free[d] - m_request3[g][d];
                        const int h = lookup(rest);
                        if (h >= 0 && left[h] > (h == g ? 1 : 0)) {
                            take(g);
                            take(h);
                            paired = true;
                            break;
                        }
                    }
                    if (paired)
                        break;
                    // Otherwise the largest item that fits (rule 0) or the one most aligned with the
                    // free space (rule 1, dot product of normalised vectors).
                    int next = -1;
                    double nextScore = -std::numeric_limits<double>::infinity();
                    for (int g : order) {
                        if (left[g] > 0 && fitsIn(free, g)) {
                            if (rule == 0) {
                                next = g;
                                break;
                            }
                            double score = 0.0;
                            for (int d = 0; d < DimensionCount; ++d)
                                score += norm(g, d) * free[d] * inv[d];
                            if (score > nextScore) {
                                nextScore = score;
                                next = g;
                            }
                        }
                    }
                    if (next < 0)
                        break;
                    take(next);
                }
                bins.push_back(std::move(bin));
                if (!budgetLeft())
                    break;
            }
            if (remainingItems == 0)
                keep(bins);
        }
    }
    std::stable_sort(starts.begin(), starts.end(),
                     [](const std::vector<WorkNode> &a, const std::vector<WorkNode> &b) { return a.size() < b.size(); });
    return starts;
}

void Engine::searchSingleType()
{
    // Bin elimination from the current packing and from the best other starts; each search gets an
    // equal share of the remaining work budget; the packing with the fewest nodes wins (ties: the
    // earlier one). Stops as soon as a packing reaches the per-dimension ceil bound.
    std::vector<std::vector<WorkNode>> starts = singleTypeStarts();
    if (starts.empty()) {
        localSearchSingleType();
        return;
    }
    const int type = m_allowed.front();
    const Vec &cap = m_cap[type];
    Vec demand{};
    for (const WorkNode &n : m_nodes) {
        for (int d = 0; d < DimensionCount; ++d)
            demand[d] += cap[d] - n.free[d];
    }
    double bound = 1.0;
    for (int d = 0; d < DimensionCount; ++d) {
        if (cap[d] > 0.0)
            bound = std::max(bound, std::ceil(demand[d] / cap[d] - 1e-9));
    }
    std::vector<std::vector<WorkNode>> queue;
    queue.push_back(m_nodes);
    for (std::vector<WorkNode> &s : starts) {
        if (int(queue.size()) >= MaxSearchStarts)
            break;
        queue.push_back(std::move(s));
    }
    std::stable_sort(queue.begin(), queue.end(),
                     [](const std::vector<WorkNode> &a, const std::vector<WorkNode> &b) { return a.size() < b.size(); });
    const std::int64_t fullBudget = m_budget;
    std::vector<WorkNode> best;
    for (int i = 0; i < int(queue.size()); ++i) {
        const std::int64_t share = (fullBudget - m_work) / std::int64_t(queue.size() - i);
        if (share <= 0)
            break;
        m_budget = m_work + share;
        m_nodes = std::move(queue[i]);
        localSearchSingleType();
        if (best.empty() || m_nodes.size() < best.size())
            best = m_nodes;
        if (double(best.size()) <= bound)
            break;
    }
    m_budget = fullBudget;
    if (!best.empty())
        m_nodes = std::move(best);
}

} // namespace fleetplan::models::placement::detail
