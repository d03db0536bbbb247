// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/placement/placement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <map>
#include <tuple>
#include <vector>

#include "models/placement/packingengine.h"
#include "models/placement/patternsolver.h"

namespace fleetplan::models::placement {

using detail::Engine;

bool fits(const PlacementRequest &request, int group, int nodeType)
{
    const Engine engine(request);
    return engine.compatible(group, nodeType);
}

namespace {

/// Identical items of different groups (same request, architecture, Spot flag and key) are packed
/// as one group: 100k distinct tasks of 500 services become 500 groups again.
struct MergeKey
{
    double cpu, memory, slotCount, gpus;
    QString arch;
    bool spotOk;
    int key;
    bool operator<(const MergeKey &o) const
    {
        return std::tie(cpu, memory, slotCount, gpus, arch, spotOk, key)
            < std::tie(o.cpu, o.memory, o.slotCount, o.gpus, o.arch, o.spotOk, o.key);
    }
};

/// The request with identical groups merged; mergedOf[g] is the merged index of group g.
PlacementRequest mergedRequest(const PlacementRequest &request, std::vector<int> &mergedOf)
{
    std::map<MergeKey, int> index;
    mergedOf.assign(request.items.size(), 0);
    PlacementRequest merged = request;
    merged.items.clear();
    for (int g = 0; g < request.items.size(); ++g) {
        const ItemGroup &item = request.items[g];
        const MergeKey key { item.request.cpu, item.request.memoryMib, item.request.slotCount, item.request.gpus,
            item.arch, item.spotOk, item.exclusiveKey };
        const auto [it, inserted] = index.try_emplace(key, int(merged.items.size()));
        if (inserted) {
            merged.items.append(item);
            merged.items.last().count = std::max(0, item.count);
        } else {
            merged.items[it->second].count += std::max(0, item.count);
        }
        mergedOf[g] = it->second;
    }
    return merged;
}

} // namespace

double lowerBound(const PlacementRequest &request)
{
    std::vector<int> mergedOf;
    const PlacementRequest merged = mergedRequest(request, mergedOf);
    const PlacementRequest &r = merged.items.size() == request.items.size() ? request : merged;
    const Engine engine(r);
    std::vector<int> counts(r.items.size());
    for (int g = 0; g < r.items.size(); ++g)
        counts[g] = engine.placeable(g) ? std::max(0, r.items[g].count) : 0;
    if (engine.patternPhaseApplies(counts))
        return place(request).lowerBoundPerHour; // the pattern phase also proves integer bounds
    return engine.lowerBound(counts);
}

std::shared_ptr<detail::PatternCache> newPatternCache()
{
    return std::make_shared<detail::PatternCache>();
}

void primePatternCache(const PlacementRequest &request)
{
    if (!request.patternCache || request.mode != Mode::CheapestMix || request.timeBudgetMicros <= 0)
        return;
    std::vector<int> mergedOf;
    const PlacementRequest merged = mergedRequest(request, mergedOf);
    Engine engine(merged.items.size() == request.items.size() ? request : merged);
    engine.primePatternCache();
}

PlacementResult place(const PlacementRequest &request)
{
    std::vector<int> mergedOf;
    const PlacementRequest merged = mergedRequest(request, mergedOf);
    if (merged.items.size() == request.items.size()) {
        Engine engine(request);
        return engine.solve();
    }
    Engine engine(merged);
    PlacementResult m = engine.solve();
    // Hand the merged items back to their groups, in group order.
    std::vector<std::vector<int>> members(merged.items.size());
    for (int g = 0; g < request.items.size(); ++g)
        members[mergedOf[g]].push_back(g);
    std::vector<std::size_t> cursor(merged.items.size(), 0);
    std::vector<int> left(request.items.size());
    for (int g = 0; g < request.items.size(); ++g)
        left[g] = std::max(0, request.items[g].count);
    PlacementResult result = m;
    for (Node &node : result.nodes) {
        QList<QPair<int, int>> items;
        for (const auto &[mg, count] : node.items) {
            int c = count;
            while (c > 0) {
                const int g = members[mg][cursor[mg]];
                const int take = std::min(c, left[g]);
                if (take > 0)
                    items.append({ g, take });
                left[g] -= take;
                c -= take;
                if (left[g] == 0)
                    ++cursor[mg];
            }
        }
        std::sort(items.begin(), items.end());
        node.items = items;
    }
    result.unplaced.clear();
    for (const Unplaced &u : m.unplaced) {
        const QString prefix = QStringLiteral("service \"%1\"").arg(merged.items[u.group].service);
        for (int g : members[u.group]) {
            if (left[g] > 0) {
                QString reason = u.reason;
                if (reason.startsWith(prefix))
                    reason = QStringLiteral("service \"%1\"").arg(request.items[g].service) + reason.mid(prefix.size());
                result.unplaced.append({ g, left[g], reason });
                left[g] = 0;
            }
        }
    }
    std::sort(result.unplaced.begin(), result.unplaced.end(),
        [](const Unplaced &a, const Unplaced &b) { return a.group < b.group; });
    return result;
}

PlacementResult placeIncremental(const PlacementRequest &request, const PlacementResult &existing, bool consolidate)
{
    Engine engine(request);
    return engine.solveIncremental(existing, consolidate);
}

} // namespace fleetplan::models::placement
