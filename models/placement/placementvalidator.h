// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "models/placement/placement.h"

namespace fleetplan::models::placement {

/// Checks a packing against its request, independently of the solver's own bookkeeping: every node
/// type allowed (the single type in Mode::SingleType), no node over capacity × headroom in any
/// dimension once its overhead is added, architecture and Spot respected, at most one item per
/// exclusive key on a node, every item placed exactly once or reported unplaced, node.used,
/// nodesByType and costPerHour consistent, and the lower bound not above the cost.
/// Returns one message per violation ("node 3 (m5.large): memory 8200 MiB over 8000"); empty = valid.
QStringList validatePlacement(const PlacementRequest &request, const PlacementResult &result);

} // namespace fleetplan::models::placement
