// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Generated scenarios for the scale benchmarks (issue 16): n services with realistic sizes, five load
// profiles (flat, a diurnal web curve, business hours, a nightly batch window and a week with a quiet
// weekend), about 15 % arm64 and 25 % Spot-tolerant services, three daemons and about 4 % jobs. The same
// n always gives the same scenario (a fixed integer generator, no std:: distributions, whose output
// differs between standard libraries), so figures taken on different builds compare.

#include <algorithm>
#include <cstdint>
#include <iterator>

#include <QList>
#include <QString>

#include "models/workload/scenario.h"

namespace fleetplan::bench {

namespace detail {

/// SplitMix64: tiny, fast and the same on every platform.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// 0 .. n − 1
    int below(int n) { return int(next() % std::uint64_t(n)); }
    /// true with probability percent / 100
    bool chance(int percent) { return below(100) < percent; }

private:
    std::uint64_t m_state;
};

inline models::LoadProfile profile(const QString &name, QList<double> hourly)
{
    return models::LoadProfile { name, std::move(hourly) };
}

} // namespace detail

/// A scenario of `services` services, daemons and jobs (the count includes all three kinds).
inline models::Scenario generatedScenario(int services)
{
    using namespace models;
    detail::Random rnd(0x5ca1e000ULL + std::uint64_t(services));
    Scenario sc;
    sc.name = QStringLiteral("Generated: %1 services").arg(services);
    sc.region = QStringLiteral("us-east-1");
    sc.periodHours = 730;
    sc.notes = QStringLiteral("bench/scenariogen.h");

    sc.loadProfiles.append(detail::profile(QStringLiteral("flat"), QList<double>(24, 1.0)));
    sc.loadProfiles.append(detail::profile(QStringLiteral("diurnal-web"),
        { 0.35, 0.3, 0.28, 0.27, 0.28, 0.32, 0.45, 0.65, 0.85, 0.95, 1.0, 1.0, 0.98, 0.97, 0.98, 1.0, 1.0, 0.95, 0.9,
            0.85, 0.75, 0.62, 0.5, 0.42 }));
    QList<double> business(24, 0.2);
    for (int h = 8; h < 18; ++h)
        business[h] = 1.0;
    sc.loadProfiles.append(detail::profile(QStringLiteral("business-hours"), business));
    QList<double> nightly(24, 0.1);
    for (int h = 1; h < 5; ++h)
        nightly[h] = 1.0;
    sc.loadProfiles.append(detail::profile(QStringLiteral("nightly-batch"), nightly));
    QList<double> week(168, 0.0);
    for (int h = 0; h < 168; ++h) {
        const bool weekend = h >= 5 * 24;
        const int hourOfDay = h % 24;
        const double day = hourOfDay >= 7 && hourOfDay < 22 ? 1.0 : 0.5;
        week[h] = weekend ? 0.4 * day : day;
    }
    sc.loadProfiles.append(detail::profile(QStringLiteral("weekly"), week));

    // Three per-node agents (logging, metrics, security), as most clusters run.
    const struct
    {
        const char16_t *name;
        double cpu, memory;
    } daemons[] = { { u"log-agent", 0.1, 256 }, { u"metrics-agent", 0.2, 384 }, { u"security-agent", 0.1, 128 } };
    for (const auto &d : daemons) {
        Service s;
        s.name = QString::fromUtf16(d.name);
        s.kind = ServiceKind::Daemon;
        s.cpu = d.cpu;
        s.memoryMib = d.memory;
        s.replicas = 1;
        s.networkMode = NetworkMode::Host;
        sc.services.append(s);
    }

    // Task sizes as teams pick them: mostly small, a long tail of large ones; memory 2, 4 or 8 GiB per vCPU.
    const double cpus[] = { 0.25, 0.25, 0.5, 0.5, 0.5, 1, 1, 1, 2, 2, 4 };
    const double gibPerVcpu[] = { 2, 2, 4, 4, 8 };
    const char16_t *profiles[]
        = { u"flat", u"diurnal-web", u"diurnal-web", u"business-hours", u"nightly-batch", u"weekly" };
    for (int i = 0; sc.services.size() < services; ++i) {
        Service s;
        s.cpu = cpus[rnd.below(int(std::size(cpus)))];
        s.memoryMib = std::max(512.0, s.cpu * 1024.0 * gibPerVcpu[rnd.below(int(std::size(gibPerVcpu)))]);
        s.arch = rnd.chance(15) ? Arch::Arm64 : Arch::X86_64;
        s.spotOk = rnd.chance(25);
        if (rnd.chance(4)) {
            s.name = QStringLiteral("job-%1").arg(i);
            s.kind = ServiceKind::Job;
            s.replicas = 1 + rnd.below(4);
            const int runsPerDay[] = { 1, 1, 4, 24 };
            s.runsPerDay = runsPerDay[rnd.below(4)];
            s.runSeconds = s.runsPerDay == 24 ? 300 + 60 * rnd.below(20) : 900 + 300 * rnd.below(12);
            s.ephemeralGib = rnd.chance(20) ? 60 : 20;
        } else {
            s.name = QStringLiteral("svc-%1").arg(i);
            const int replicas[] = { 1, 2, 2, 3, 3, 4, 6, 8, 12, 20 };
            s.replicas = replicas[rnd.below(int(std::size(replicas)))];
            s.minReplicas = std::max(1, s.replicas / 4);
            s.maxReplicas = s.replicas * 3;
            s.loadProfile = QString::fromUtf16(profiles[rnd.below(int(std::size(profiles)))]);
        }
        sc.services.append(s);
    }

    PlatformSettings &spot = sc.platform(PlatformId::EcsFargateSpot);
    spot.fargateBase = 2;
    spot.fargateWeight = 1;
    spot.fargateSpotWeight = 3;
    sc.purchase.spotShare = 0.25;
    return sc;
}

} // namespace fleetplan::bench
