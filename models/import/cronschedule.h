// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

/// Just enough of the cron format to plan cost: how often a Kubernetes CronJob runs in a day.
namespace fleetplan::models {

/// What a CronJob schedule means for planning.
struct CronRuns
{
    int runsPerDay = 0; ///< runs on a day the schedule fires (minutes × hours)
    bool everyDay = true; ///< false when day-of-month, month or day-of-week restrict the days
};

/// Counts the runs per day of a standard five-field cron schedule ("minute hour day-of-month month
/// day-of-week", as in the Kubernetes CronJob documentation) or a macro (@yearly, @annually, @monthly,
/// @weekly, @daily, @midnight, @hourly). Fields accept `*`, `?`, numbers, ranges `a-b`, steps `*/n` and
/// `a-b/n`, lists `a,b`, and month / weekday names (JAN, MON). A leading `CRON_TZ=...` or `TZ=...` is
/// ignored. Examples: "*/15 * * * *" → 96, "0 2 * * *" → 1, "0 */6 * * *" → 4.
/// Returns nullopt and sets `error` for anything else.
std::optional<CronRuns> parseCronSchedule(const QString &schedule, QString *error = nullptr);

} // namespace fleetplan::models
