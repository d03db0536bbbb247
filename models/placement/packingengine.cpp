// SPDX-License-Identifier: GPL-3.0-or-later
// The engine: set-up, node bookkeeping, results, solve() and solveIncremental().
#include "models/placement/packingengine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "models/placement/patternsolver.h"
#include "models/placement/engineutil.h"

namespace fleetplan::models::placement::detail {

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
    if (candidates.empty()) {
        // "x86_64/nvidia": an architecture with an accelerator class (models/simulation/nodeplatform.h).
        const qsizetype slash = item.arch.indexOf(u'/');
        if (slash > 0 && m_request3[group][GpuDimension] > 0.0)
            return who
                + QStringLiteral("needs %1 %2 accelerator(s) per task (%3) but no allowed node type has them")
                      .arg(number(m_request3[group][GpuDimension]), item.arch.mid(slash + 1), item.arch.left(slash));
        return who + QStringLiteral("needs %1 but no allowed node type has that architecture").arg(item.arch);
    }
    std::vector<int> onDemand;
    for (int t : candidates) {
        if (!m_request.nodeTypes[t].spot || item.spotOk)
            onDemand.push_back(t);
    }
    if (onDemand.empty())
        return who + QStringLiteral("is not Spot-tolerant but every allowed node type is Spot");
    static const char *const units[DimensionCount] = { "vCPU", "MiB memory", "slots", "GPUs" };
    for (int d = 0; d < DimensionCount; ++d) {
        double largest = 0.0;
        for (int t : onDemand)
            largest = std::max(largest, m_cap[t][d]);
        const double scale = d == 0 && m_request.cpuUnitsPerVcpu > 0.0 ? m_request.cpuUnitsPerVcpu : 1.0;
        if (m_request3[group][d] > largest * (1.0 + Eps) + Eps) {
            return who
                + QStringLiteral("%1 %2 per task but the largest allowed type has %3")
                      .arg(number(m_request3[group][d] / scale), QLatin1String(units[d]), number(largest / scale));
        }
    }
    return who
        + QStringLiteral("%1 vCPU, %2 MiB memory and %3 slots per task fit no single allowed type")
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
    Vec usedSum {};
    Vec capSum {};
    result.nodes.reserve(qsizetype(order.size()));
    for (int i : order) {
        const WorkNode &w = m_nodes[i];
        Node node;
        node.nodeType = w.type;
        node.items.reserve(qsizetype(w.items.size()));
        Vec used {};
        for (const auto &[g, c] : w.items) {
            node.items.append({ g, c });
            placed[g] += c;
            for (int d = 0; d < DimensionCount; ++d)
                used[d] += m_request3[g][d] * c;
        }
        node.used = Resources { used[0], used[1], used[2], used[3] };
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
            result.unplaced.append({ g, missing, unplaceableReason(g) });
    }
    if (m_request.computeLowerBound)
        result.lowerBoundPerHour = lowerBound(placed);
    if (m_patternBoundComputed) {
        result.patternBoundPerHour = m_patternBound;
        result.lowerBoundPerHour = std::max({ result.lowerBoundPerHour, m_patternBound, m_integerBound });
        result.provenOptimal = m_provenOptimal;
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
    // The pattern phase (column generation, MIP over patterns) is the refinement: a request with no
    // time budget (the GUI's first, fast pass while a slider moves) stops at the constructive packing.
    if (m_request.mode == Mode::CheapestMix && m_request.timeBudgetMicros > 0)
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
