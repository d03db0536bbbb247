// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "models/simulation/costreport.h"

/// The difference between two cost reports, per platform and per cost component: `compare --diff`, the
/// window's baseline comparison and the reports' baseline section all read it (issue 18).
namespace fleetplan::models {

/// One figure before and after. A side is nullopt when the platform is absent or infeasible there: it
/// has no price, so nothing is subtracted from it (a partial sum would read as a saving).
struct CostChange
{
    QString component; ///< id ("compute_on_demand"), or "total"
    QString label; ///< display name ("Compute (On-Demand)"), or "total"
    std::optional<double> before;
    std::optional<double> after;

    std::optional<double> usd() const
    {
        return before && after ? std::optional<double>(*after - *before) : std::nullopt;
    }
    /// Percent change; nullopt when either side has no price or there was nothing before.
    std::optional<double> percent() const;
};

/// One platform's change.
struct PlatformCostChange
{
    PlatformId platform = PlatformId::EcsEc2;
    CostChange total;
    QList<CostChange> components; ///< those that changed by at least 0.005 USD; empty when a side is infeasible
    QString beforeInfeasible; ///< why the platform could not run the old scenario (empty: it could)
    QString afterInfeasible; ///< why it cannot run the new one
};

/// Every platform present in either report, in PlatformId order.
QList<PlatformCostChange> costChanges(const CostReport &before, const CostReport &after);

// The words of a change, the same in `compare --diff`, the reports and the window.
/// "1,673.24", or "infeasible" where the side has no price.
QString priceText(const std::optional<double> &usd);
/// "+363.41", "-0.98", "0.00", or "n/a" where a side has no price.
QString changeText(const std::optional<double> &usd);
/// "+21.7 %", "-2.6 %", "new" when there was nothing before, or "n/a" where a side has no price.
QString changePercentText(const CostChange &change);

} // namespace fleetplan::models
