// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/demandtimeline.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include <QHash>

#include "models/simulation/parallelfor.h"

namespace fleetplan::models {

namespace {
constexpr std::int64_t SecondsPerDay = 86400;
constexpr std::int64_t SecondsPerHour = 3600;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return -floorDiv(-a, b);
}
} // namespace

LoadProfile DemandTimeline::reshaped(const LoadProfile &profile, double peakMultiplier)
{
    if (peakMultiplier == 1.0 || profile.hourly.isEmpty())
        return profile;
    double mean = 0;
    for (double v : profile.hourly)
        mean += v;
    mean /= double(profile.hourly.size());
    LoadProfile out = profile;
    for (double &v : out.hourly)
        v = std::max(0.0, mean + (v - mean) * peakMultiplier);
    return out;
}

// Runs start at j × 86 400 / rpd seconds for every integer j (a steady state: a run started before the
// period still occupies its first hours). Times are scaled by rpd so that all arithmetic is exact:
// in those units run j starts at j × 86 400 and lasts runSeconds × rpd.
int DemandTimeline::concurrentRuns(const Service &job, int hour)
{
    const std::int64_t rpd = job.runsPerDay;
    const std::int64_t duration = std::int64_t(job.runSeconds) * rpd;
    if (rpd <= 0 || duration <= 0)
        return 0;
    const std::int64_t begin = std::int64_t(hour) * SecondsPerHour * rpd;
    const std::int64_t end = begin + SecondsPerHour * rpd;
    // Runs active at scaled time T: starts in (T − duration, T].
    auto activeAt = [&](std::int64_t t) { return floorDiv(t, SecondsPerDay) - floorDiv(t - duration, SecondsPerDay); };
    std::int64_t most = activeAt(begin);
    for (std::int64_t j = ceilDiv(begin, SecondsPerDay); j * SecondsPerDay < end; ++j)
        most = std::max(most, activeAt(j * SecondsPerDay));
    return int(most);
}

int DemandTimeline::runsStarting(const Service &job, int hour)
{
    const std::int64_t rpd = job.runsPerDay;
    if (rpd <= 0 || job.runSeconds <= 0)
        return 0;
    const std::int64_t begin = std::int64_t(hour) * SecondsPerHour * rpd;
    const std::int64_t end = begin + SecondsPerHour * rpd;
    return int(ceilDiv(end, SecondsPerDay) - ceilDiv(begin, SecondsPerDay));
}

DemandTimeline::DemandTimeline(const Scenario &scenario, const WhatIf &whatIf, int threads)
{
    const int hours = std::max(0, scenario.periodHours);
    const qsizetype n = scenario.services.size();
    // Profiles after the peak multiplier, one per service (nullptr = flat 1.0).
    QList<LoadProfile> profiles;
    profiles.reserve(scenario.loadProfiles.size());
    for (const LoadProfile &p : scenario.loadProfiles)
        profiles.append(reshaped(p, whatIf.peakMultiplier));
    QList<const LoadProfile *> profileOf(n, nullptr);
    for (qsizetype i = 0; i < n; ++i) {
        const QString &name = scenario.services.at(i).loadProfile;
        for (const LoadProfile &p : profiles) {
            if (!name.isEmpty() && p.name == name) {
                profileOf[i] = &p;
                break;
            }
        }
    }
    const auto demandAt = [&](int h) {
        HourDemand d;
        d.replicas.resize(n);
        d.jobRunsStarting.resize(n);
        for (qsizetype i = 0; i < n; ++i) {
            const Service &s = scenario.services.at(i);
            switch (s.kind) {
            case ServiceKind::Service:
                d.replicas[i] = std::max(0, replicasAt(s, profileOf.at(i), h, whatIf.loadMultiplier));
                break;
            case ServiceKind::Job:
                // In 64 bits and clamped: validation bounds both factors (MaxJobSecondsPerDay, MaxReplicas), but
                // an unvalidated caller must not overflow an int (UBSan flagged this product).
                d.replicas[i] = int(std::min<std::int64_t>(
                    std::numeric_limits<int>::max(), std::int64_t(concurrentRuns(s, h)) * std::max(0, s.replicas)));
                d.jobRunsStarting[i] = runsStarting(s, h);
                break;
            case ServiceKind::Daemon:
                break;
            }
        }
        return d;
    };

    // The hours are computed in batches (concurrently when threads ≠ 1: every service × hour is the serial
    // part of a 20,000-service run) and interned in hour order, so the states and their order do not
    // depend on the thread count. A batch bounds the memory of hours not yet interned.
    constexpr int Batch = 64;
    QHash<QList<int>, int> known;
    m_stateOfHour.reserve(hours);
    QList<int> key(2 * n, 0);
    QList<HourDemand> batch;
    QList<int> offsets;
    for (int first = 0; first < hours; first += Batch) {
        const int count = std::min(Batch, hours - first);
        batch = QList<HourDemand>(count);
        offsets.clear();
        for (int k = 0; k < count; ++k)
            offsets.append(k);
        HourDemand *computed = batch.data(); // detached once here, not by every worker
        forEachIndex(offsets, threads, [&](int k) { computed[k] = demandAt(first + k); });
        for (HourDemand &d : batch) {
            for (qsizetype i = 0; i < n; ++i) {
                key[i] = d.replicas.at(i);
                key[n + i] = d.jobRunsStarting.at(i);
            }
            auto it = known.constFind(key);
            if (it == known.constEnd()) {
                it = known.insert(key, int(m_states.size()));
                m_states.append(std::move(d));
                m_hoursOfState.append(0);
            }
            m_stateOfHour.append(it.value());
            ++m_hoursOfState[it.value()];
        }
    }
}

} // namespace fleetplan::models
