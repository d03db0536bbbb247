// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/catalogdate.h"

#include <algorithm>

#include "pricing/catalog.h"

namespace fleetplan::pricing {

QString pricesAsOf(const Catalog &catalog)
{
    QString newest;
    for (const DatasetInfo &d : catalog.datasets()) {
        // ISO dates and months compare as text; "unknown" and other undated spans are skipped.
        if (!d.asOfMax.isEmpty() && d.asOfMax.at(0).isDigit())
            newest = std::max(newest, d.asOfMax);
    }
    return newest;
}

} // namespace fleetplan::pricing
