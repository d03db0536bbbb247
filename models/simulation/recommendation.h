// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "models/simulation/costreport.h"

namespace fleetplan::models {

/// Why one platform is cheaper than the others, in words: the cheapest platform, how much cheaper it is than
/// each other one (USD and percent), the component that differs most from the runner-up, and what the idlest
/// EC2 platform pays for capacity no task requested; the platforms that cannot run the workload, with their
/// reasons. The PDF/HTML/Markdown reports' Recommendation and the sentence under the window's comparison.
QString recommendationText(const CostReport &report);

} // namespace fleetplan::models
