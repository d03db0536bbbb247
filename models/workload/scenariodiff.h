// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "models/workload/scenario.h"

/// Which inputs differ between two scenarios (issue 18, "a baseline"): the reason behind a difference of
/// cost. Both are compared in their scenario-format JSON (docs/scenario-format.md), so every field the
/// format has is covered and named as a user writes it; services and load profiles are matched by name.
namespace fleetplan::models {

/// One input that differs.
struct ScenarioChange
{
    /// Where, in the format's words: "region", "services[api].cpu", "platforms.eks-nodes.instance_types",
    /// "load_profiles[weekday]", "services[worker]" (a service added or removed).
    QString path;
    QString before; ///< the value in the first scenario, as JSON text; empty when added
    QString after; ///< the value in the second; empty when removed
    QString summary; ///< said instead of "before → after" when set ("3 of 24 hours changed")

    /// "services[api].cpu: 0.5 → 1", "services[worker]: added", "load_profiles[night]: removed".
    QString text() const;

    friend bool operator==(const ScenarioChange &, const ScenarioChange &) = default;
};

/// Every input that differs from `before` to `after`, in the format's order (scenario fields, then load
/// profiles, services, platforms, purchase and commitments as they come); the scenario's name and notes are
/// not inputs and are left out. A load profile's hourly values count as one change ("48 of 168 hours").
QList<ScenarioChange> scenarioChanges(const Scenario &before, const Scenario &after);

/// At most `limit` changes as text(), then "and N more" when there are more.
QStringList scenarioChangeLines(const QList<ScenarioChange> &changes, int limit = 12);

} // namespace fleetplan::models
