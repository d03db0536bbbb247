// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "models/simulation/costreport.h"

/// The cheapest platform, marked the same way in the comparison chart, its table and its summary (issue 17,
/// item 9): "★ cheapest" for one, "★ tie" on each of several that cost the same to the cent.
namespace fleetplan::views {

/// Indexes into report.platforms of the feasible platforms whose total, in cents, is the lowest.
QList<int> cheapestIndexes(const models::CostReport &report);
/// "★ cheapest" or, when `tie`, "★ tie".
QString cheapestMark(bool tie);

} // namespace fleetplan::views
