// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/placement/placement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "models/placement/packingengine.h"

namespace fleetplan::models::placement {

using detail::Engine;

bool fits(const PlacementRequest &request, int group, int nodeType)
{
    const Engine engine(request);
    return engine.compatible(group, nodeType);
}

double lowerBound(const PlacementRequest &request)
{
    const Engine engine(request);
    std::vector<int> counts(request.items.size());
    for (int g = 0; g < request.items.size(); ++g)
        counts[g] = engine.placeable(g) ? std::max(0, request.items[g].count) : 0;
    return engine.lowerBound(counts);
}

PlacementResult place(const PlacementRequest &request)
{
    Engine engine(request);
    return engine.solve();
}

PlacementResult placeIncremental(const PlacementRequest &request, const PlacementResult &existing, bool consolidate)
{
    Engine engine(request);
    return engine.solveIncremental(existing, consolidate);
}

} // namespace fleetplan::models::placement
