// SPDX-License-Identifier: GPL-3.0-or-later
// Improvement: emptying the least used nodes and re-packing small sets of nodes.
#include "models/placement/packingengine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "models/placement/engineutil.h"

namespace fleetplan::models::placement::detail {

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

    struct Move
    {
        int target;
        int group;
        int count;
    };
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
                moves.push_back({ i, g, k });
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
        m_nodes.erase(
            std::remove_if(m_nodes.begin(), m_nodes.end(), [](const WorkNode &n) { return n.itemCount == 0; }),
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

} // namespace fleetplan::models::placement::detail
