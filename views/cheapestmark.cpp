// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/cheapestmark.h"

#include <cmath>

#include <QCoreApplication>

namespace fleetplan::views {

QList<int> cheapestIndexes(const models::CostReport &report)
{
    // Totals are shown in cents: two platforms that read the same are a tie, whatever lies below a cent.
    QList<int> indexes;
    qint64 best = 0;
    for (int i = 0; i < report.platforms.size(); ++i) {
        const models::PlatformResult &p = report.platforms.at(i);
        if (!p.feasible())
            continue;
        const auto cents = qint64(std::llround(p.totalUsd * 100.0));
        if (indexes.isEmpty() || cents < best) {
            indexes = { i };
            best = cents;
        } else if (cents == best) {
            indexes.append(i);
        }
    }
    return indexes;
}

QString cheapestMark(bool tie)
{
    return tie ? QCoreApplication::translate("CheapestMark", "★ tie")
               : QCoreApplication::translate("CheapestMark", "★ cheapest");
}

} // namespace fleetplan::views
