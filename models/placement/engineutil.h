// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Constants and small helpers shared by the engine's source files (packingengine.cpp, lowerbound.cpp,
// construction.cpp, improvement.cpp, singletypesearch.cpp). Internal: not part of any API.

#include <QString>

#include "models/placement/packingengine.h"

namespace fleetplan::models::placement::detail {

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

inline double dot(const Vec &a, const Vec &b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
}

inline Vec toVec(const Resources &r)
{
    return { r.cpu, r.memoryMib, r.slotCount, r.gpus };
}

inline bool archCompatible(const QString &itemArch, const QString &nodeArch)
{
    return itemArch.isEmpty() || nodeArch.isEmpty() || itemArch == nodeArch;
}

inline QString number(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace fleetplan::models::placement::detail
