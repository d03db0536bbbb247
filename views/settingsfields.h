// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace fleetplan::views {

/// Lets the spin boxes and combo boxes under `parent` shrink below their size hint (which is as wide as
/// the longest value of their range or item), so the settings fit the Workload tab's narrow side panel at
/// 1366 × 768 without a horizontal scroll bar. They still grow to the panel's width.
void shrinkFields(QWidget *parent);

} // namespace fleetplan::views
