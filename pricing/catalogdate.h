// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace fleetplan::pricing {

class Catalog;

/// The one "prices as of" date shown everywhere — the status bar, Explain, Help → About, the reports and
/// the JSON's `catalog_as_of`: the newest dated figure of any dataset of `catalog` ("2026-09"). Datasets
/// without a date ("unknown") are skipped; empty when no dataset has a date.
QString pricesAsOf(const Catalog &catalog);

} // namespace fleetplan::pricing
