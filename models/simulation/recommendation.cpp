// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/recommendation.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "models/simulation/moneyformat.h"

namespace fleetplan::models {

namespace {

QString usd(double value)
{
    return formatNumber(value, 2);
}

QString percentOf(double part, double whole)
{
    return whole > 0 ? formatNumber(part / whole * 100.0, 1) + QStringLiteral(" %") : QStringLiteral("–");
}

QString fraction(double f)
{
    return formatNumber(f * 100.0, 1) + QStringLiteral(" %");
}

/// The component whose cost differs most between two platforms (other − best).
std::optional<ComponentId> biggestDriver(const PlatformResult &best, const PlatformResult &other)
{
    std::optional<ComponentId> driver;
    double largest = 0;
    for (int c = 0; c < ComponentCount; ++c) {
        const auto id = static_cast<ComponentId>(c);
        const double diff = other.componentUsd(id) - best.componentUsd(id);
        if (std::abs(diff) > std::abs(largest) + 1e-9) {
            largest = diff;
            driver = id;
        }
    }
    return driver;
}

} // namespace

QString recommendationText(const CostReport &report)
{
    const PlatformResult *best = report.cheapestPlatform();
    QStringList infeasible;
    for (const PlatformResult &p : report.platforms) {
        if (!p.feasible())
            infeasible.append(
                QStringLiteral("%1 cannot run this workload (%2).").arg(displayName(p.id), p.infeasibleSummary()));
    }
    if (!best) {
        if (report.platforms.isEmpty())
            return QStringLiteral("No platform was simulated.");
        return QStringLiteral("No platform can run this workload as described. ") + infeasible.join(u' ');
    }
    const QString unit = report.perPeriod();
    QString text = QStringLiteral("%1 is the cheapest platform for this workload at %2 USD %3")
                       .arg(displayName(best->id), usd(best->totalUsd), unit);
    QList<const PlatformResult *> others;
    for (const PlatformResult &p : report.platforms) {
        if (&p != best && p.feasible())
            others.append(&p);
    }
    std::stable_sort(
        others.begin(), others.end(), [](const auto *a, const auto *b) { return a->totalUsd < b->totalUsd; });
    const QString infeasibleText = infeasible.isEmpty() ? QString() : u' ' + infeasible.join(u' ');
    if (others.isEmpty())
        return text + QStringLiteral(" (the only platform that can run it).") + infeasibleText;
    QStringList cheaper;
    for (const PlatformResult *p : others) {
        const double diff = p->totalUsd - best->totalUsd;
        cheaper.append(QStringLiteral("%1 USD (%2) cheaper than %3")
                           .arg(usd(diff), percentOf(diff, p->totalUsd), displayName(p->id)));
    }
    text += QStringLiteral(": ") + cheaper.join(QStringLiteral(", ")) + u'.';
    // What drives the difference: the component that differs most from the runner-up.
    const PlatformResult *runnerUp = others.constFirst();
    if (const auto driver = biggestDriver(*best, *runnerUp)) {
        text += QStringLiteral(
            " Compared with %1, the component that differs most is %2: %3 USD on %4 against %5 USD on %1.")
                    .arg(displayName(runnerUp->id), displayName(*driver), usd(best->componentUsd(*driver)),
                        displayName(best->id), usd(runnerUp->componentUsd(*driver)));
    }
    // Idle capacity: what the EC2 platforms pay for nodes nobody requested.
    const PlatformResult *idlest = nullptr;
    for (const PlatformResult &p : report.platforms) {
        if (p.feasible() && p.idleCostUsd > 0.005 && (!idlest || p.idleCostUsd > idlest->idleCostUsd))
            idlest = &p;
    }
    if (idlest) {
        text += QStringLiteral(
            " %1 pays %2 USD (%3 of its bill) for capacity no task requested, at %4 CPU and %5 memory utilisation.")
                    .arg(displayName(idlest->id), usd(idlest->idleCostUsd),
                        percentOf(idlest->idleCostUsd, idlest->totalUsd), fraction(idlest->utilisation.cpu),
                        fraction(idlest->utilisation.memory));
    }
    return text + infeasibleText;
}

} // namespace fleetplan::models
