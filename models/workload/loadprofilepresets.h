// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "models/workload/scenario.h"

/// Ready-made load profiles a user starts from (and then edits hour by hour).
namespace fleetplan::models {

enum class LoadProfilePreset {
    Flat, ///< 24 × 1.0
    BusinessHours, ///< 1.0 from 08:00 to 18:00, 0.2 otherwise (24 h)
    DiurnalWeb, ///< web traffic: trough 0.27 at 03:00, plateau 1.0 at 10:00–11:00 and 15:00–16:00 (24 h)
    NightlyBatch, ///< 1.0 from 01:00 to 04:00, 0 otherwise (24 h)
    BusinessWeek, ///< 168 h, Monday 00:00 first: business hours Monday–Friday, 0.2 all weekend
};

/// Every preset, in menu order.
QList<LoadProfilePreset> allLoadProfilePresets();
/// Stable id, also the default profile name: "flat", "business-hours", "diurnal-web", "nightly-batch",
/// "business-week".
QString presetId(LoadProfilePreset preset);
std::optional<LoadProfilePreset> presetFromId(const QString &id);
/// Human-readable name for menus ("Business hours (weekdays)").
QString presetDisplayName(LoadProfilePreset preset);
/// The preset's hourly multipliers (24 or 168 values).
QList<double> presetHourly(LoadProfilePreset preset);
/// A load profile from the preset, named `name` (the preset id when empty).
LoadProfile makeLoadProfile(LoadProfilePreset preset, const QString &name = {});

} // namespace fleetplan::models
