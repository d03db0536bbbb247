// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/placement/placementvalidator.h"

#include <cmath>
#include <map>
#include <vector>

namespace fleetplan::models::placement {

namespace {

bool within(double used, double capacity)
{
    // Tolerance for sums of doubles only: one part in a billion of the capacity.
    return used <= capacity + 1e-9 * std::max(1.0, std::abs(capacity));
}

QString fmt(double v)
{
    return QString::number(v, 'g', 10);
}

} // namespace

QStringList validatePlacement(const PlacementRequest &request, const PlacementResult &result)
{
    QStringList problems;
    static const char *const names[DimensionCount] = { "cpu", "memory", "slots", "gpus" };
    const int groups = int(request.items.size());
    const int types = int(request.nodeTypes.size());
    const double headroom
        = request.targetUtilization > 0.0 && request.targetUtilization < 1.0 ? request.targetUtilization : 1.0;
    std::vector<long long> placed(std::size_t(groups), 0);
    std::vector<int> byType(std::size_t(std::max(types, 0)), 0);
    double cost = 0.0;

    for (int n = 0; n < result.nodes.size(); ++n) {
        const Node &node = result.nodes[n];
        if (node.nodeType < 0 || node.nodeType >= types) {
            problems << QStringLiteral("node %1: node type index %2 does not exist").arg(n).arg(node.nodeType);
            continue;
        }
        const NodeType &type = request.nodeTypes[node.nodeType];
        const QString where = QStringLiteral("node %1 (%2)").arg(n).arg(type.name);
        if (request.mode == Mode::SingleType && node.nodeType != request.singleType)
            problems << where + QStringLiteral(": not the single allowed type");
        ++byType[std::size_t(node.nodeType)];
        cost += type.pricePerHour;
        if (node.items.isEmpty())
            problems << where + QStringLiteral(": opened but empty");
        double sum[DimensionCount] = { 0.0, 0.0, 0.0, 0.0 };
        std::map<int, int> keys;
        std::map<int, int> seen;
        for (const auto &[g, count] : node.items) {
            if (g < 0 || g >= groups) {
                problems << where + QStringLiteral(": item group %1 does not exist").arg(g);
                continue;
            }
            if (count <= 0)
                problems << where + QStringLiteral(": group %1 has count %2").arg(g).arg(count);
            if (++seen[g] > 1)
                problems << where + QStringLiteral(": group %1 listed twice").arg(g);
            const ItemGroup &item = request.items[g];
            if (!item.arch.isEmpty() && !type.arch.isEmpty() && item.arch != type.arch)
                problems << where
                        + QStringLiteral(": service \"%1\" needs %2, node is %3")
                              .arg(item.service, item.arch, type.arch);
            if (type.spot && !item.spotOk)
                problems << where + QStringLiteral(": service \"%1\" is not Spot-tolerant").arg(item.service);
            if (item.exclusiveKey > 0) {
                keys[item.exclusiveKey] += count;
                if (keys[item.exclusiveKey] > 1 && keys[item.exclusiveKey] - count <= 1)
                    problems << where
                            + QStringLiteral(": more than one item with exclusive key %1").arg(item.exclusiveKey);
            }
            placed[std::size_t(g)] += count;
            for (int d = 0; d < DimensionCount; ++d)
                sum[d] += item.request[d] * count;
        }
        for (int d = 0; d < DimensionCount; ++d) {
            const double limit = type.capacity[d] * (d < 2 ? headroom : 1.0);
            if (!within(sum[d] + type.overhead[d], limit))
                problems << where
                        + QStringLiteral(": %1 %2 (items) + %3 (overhead) over capacity %4")
                              .arg(QLatin1String(names[d]), fmt(sum[d]), fmt(type.overhead[d]), fmt(limit));
            if (std::abs(sum[d] - node.used[d]) > 1e-6 * std::max(1.0, sum[d]))
                problems << where
                        + QStringLiteral(": used %1 is %2, items sum to %3")
                              .arg(QLatin1String(names[d]), fmt(node.used[d]), fmt(sum[d]));
        }
    }
    std::vector<long long> reported(std::size_t(groups), 0);
    for (const Unplaced &u : result.unplaced) {
        if (u.group < 0 || u.group >= groups) {
            problems << QStringLiteral("unplaced: group %1 does not exist").arg(u.group);
            continue;
        }
        if (u.reason.isEmpty())
            problems << QStringLiteral("unplaced: service \"%1\" has no reason").arg(request.items[u.group].service);
        reported[std::size_t(u.group)] += u.count;
    }
    long long placedTotal = 0;
    for (int g = 0; g < groups; ++g) {
        const long long want = std::max(0, request.items[g].count);
        placedTotal += placed[std::size_t(g)];
        if (placed[std::size_t(g)] + reported[std::size_t(g)] != want)
            problems << QStringLiteral("service \"%1\": %2 placed + %3 unplaced, expected %4")
                            .arg(request.items[g].service)
                            .arg(placed[std::size_t(g)])
                            .arg(reported[std::size_t(g)])
                            .arg(want);
    }
    if (placedTotal != result.placedItems)
        problems << QStringLiteral("placedItems is %1, nodes hold %2").arg(result.placedItems).arg(placedTotal);
    if (result.nodesByType.size() != types) {
        problems
            << QStringLiteral("nodesByType has %1 entries for %2 node types").arg(result.nodesByType.size()).arg(types);
    } else {
        for (int t = 0; t < types; ++t) {
            if (result.nodesByType[t] != byType[std::size_t(t)])
                problems << QStringLiteral("nodesByType[%1] (%2) is %3, nodes say %4")
                                .arg(t)
                                .arg(request.nodeTypes[t].name)
                                .arg(result.nodesByType[t])
                                .arg(byType[std::size_t(t)]);
        }
    }
    if (std::abs(cost - result.costPerHour) > 1e-6 * std::max(1.0, cost))
        problems << QStringLiteral("costPerHour is %1, node prices sum to %2").arg(fmt(result.costPerHour), fmt(cost));
    if (result.lowerBoundPerHour > cost * (1.0 + 1e-9) + 1e-9)
        problems << QStringLiteral("lower bound %1 above the cost %2").arg(fmt(result.lowerBoundPerHour), fmt(cost));
    return problems;
}

} // namespace fleetplan::models::placement
