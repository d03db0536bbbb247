// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include "models/workload/scenario.h"
#include "models/simulation/costreport.h"

namespace fleetplan::models {

/// Demand of one hour: how many copies of each service run, and how many task-seconds jobs bill.
/// Index i of every list is scenario.services[i]. Daemons always have 0 here: their copies follow the
/// nodes (EC2 platforms) or become sidecars (EKS Fargate), decided by the platform model.
struct HourDemand
{
    /// Services: replicas running this hour (replicasAt with the what-if applied).
    /// Jobs: tasks that must fit at once during this hour (runs overlapping the hour at the busiest
    /// moment × the job's parallel replicas). Daemons: 0.
    QList<int> replicas;
    /// Jobs only: runs that START in this hour (Fargate bills a run from its start, per second).
    QList<int> jobRunsStarting;

    friend bool operator==(const HourDemand &, const HourDemand &) = default;
};

/// Replicas per service per hour over the billing period, from the load profiles, the what-if load and
/// peak multipliers and the job schedules. Identical hours share one HourDemand ("state"), so the
/// simulation computes each distinct state once.
///
/// Jobs: `runsPerDay` runs spread evenly over each day, run k starting at k × 86 400 s / runsPerDay after
/// midnight (hour 0 of the period is a midnight), each lasting `runSeconds`, each running `replicas`
/// tasks in parallel.
class DemandTimeline
{
public:
    DemandTimeline() = default;
    /// `threads` as SimulationOptions::threads: 1 computes the hours on the calling thread, any other value
    /// computes batches of hours on QThreadPool::globalInstance(); the timeline is the same either way.
    DemandTimeline(const Scenario &scenario, const WhatIf &whatIf = {}, int threads = 1);

    int hours() const { return int(m_stateOfHour.size()); }
    /// Distinct demand states, in order of first appearance.
    const QList<HourDemand> &states() const { return m_states; }
    /// Index into states() of hour h.
    int stateOfHour(int hour) const { return m_stateOfHour.at(hour); }
    const QList<int> &stateOfHours() const { return m_stateOfHour; }
    const HourDemand &at(int hour) const { return m_states.at(m_stateOfHour.at(hour)); }
    /// How many hours use each state.
    const QList<int> &hoursOfState() const { return m_hoursOfState; }

    /// The load profile after the what-if peak multiplier: mean + (v − mean) × peak, never below 0.
    static LoadProfile reshaped(const LoadProfile &profile, double peakMultiplier);
    /// Most runs of a job overlapping at any moment of hour h (0 when none); pure schedule arithmetic.
    static int concurrentRuns(const Service &job, int hour);
    /// Runs of a job that start within hour h.
    static int runsStarting(const Service &job, int hour);

private:
    QList<HourDemand> m_states;
    QList<int> m_stateOfHour;
    QList<int> m_hoursOfState;
};

} // namespace fleetplan::models
