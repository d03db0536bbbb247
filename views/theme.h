// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>

#include "models/scenario.h"

/// Colours shared by every chart and view, so a platform looks the same everywhere.
namespace fleetplan::views {

/// A distinct, colour-blind-friendly colour per platform (Okabe–Ito palette).
QColor platformColor(models::PlatformId id);

} // namespace fleetplan::views
