// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/apprunner.h"

#include <cmath>

#include <QStringList>

#include "pricing/catalog.h"

namespace fleetplan::pricing {

const QList<AppRunnerSize> &appRunnerSizes()
{
    static const QList<AppRunnerSize> sizes { { 0.25, 0.5 }, { 0.25, 1 }, { 0.5, 1 }, { 1, 2 }, { 1, 3 }, { 1, 4 },
        { 2, 4 }, { 2, 6 }, { 4, 8 }, { 4, 10 }, { 4, 12 } };
    return sizes;
}

std::optional<AppRunnerSize> smallestAppRunnerSize(double vcpu, double memoryMib, QString *error)
{
    const double gib = memoryMib / 1024.0;
    // A tiny tolerance: 0.25 vCPU typed as 0.2500000001 still fits 0.25.
    for (const AppRunnerSize &s : appRunnerSizes()) {
        if (vcpu <= s.vcpu + 1e-9 && gib <= s.memoryGb + 1e-9)
            return s;
    }
    if (error)
        *error = QStringLiteral("%1 vCPU / %2 MiB is above App Runner's largest instance, 4 vCPU / 12 GB")
                     .arg(vcpu)
                     .arg(std::round(memoryMib));
    return std::nullopt;
}

QString appRunnerSizeText(const AppRunnerSize &size)
{
    return QStringLiteral("%1 vCPU / %2 GB").arg(size.vcpu).arg(size.memoryGb);
}

std::optional<AppRunnerSize> appRunnerSizeFor(
    double vcpu, double memoryMib, const std::optional<AppRunnerSize> &chosen, QString *error)
{
    if (!chosen)
        return smallestAppRunnerSize(vcpu, memoryMib, error);
    if (!appRunnerSizes().contains(*chosen)) {
        if (error) {
            QStringList pairs;
            for (const AppRunnerSize &s : appRunnerSizes())
                pairs.append(appRunnerSizeText(s));
            *error = QStringLiteral("%1 is not an App Runner instance size (%2)")
                         .arg(appRunnerSizeText(*chosen), pairs.join(QStringLiteral(", ")));
        }
        return std::nullopt;
    }
    // The same tolerance as smallestAppRunnerSize().
    if (vcpu > chosen->vcpu + 1e-9 || memoryMib / 1024.0 > chosen->memoryGb + 1e-9) {
        if (error)
            *error = QStringLiteral("%1 is smaller than the task, %2 vCPU / %3 MiB")
                         .arg(appRunnerSizeText(*chosen))
                         .arg(vcpu)
                         .arg(std::round(memoryMib));
        return std::nullopt;
    }
    return chosen;
}

std::optional<AppRunnerRateCard> appRunnerRates(const Catalog &catalog, const QString &region, QString *error)
{
    const auto active = catalog.otherRate(region, QStringLiteral("apprunner_active_vcpu_hour"), error);
    if (!active)
        return std::nullopt;
    const auto activeGb = catalog.otherRate(region, QStringLiteral("apprunner_active_memory_gb_hour"), error);
    if (!activeGb)
        return std::nullopt;
    const auto provisioned = catalog.otherRate(region, QStringLiteral("apprunner_provisioned_memory_gb_hour"), error);
    if (!provisioned)
        return std::nullopt;
    AppRunnerRateCard card { *active, *activeGb, *provisioned, std::nullopt };
    card.automaticDeploymentMonth = catalog.otherRate(region, QStringLiteral("apprunner_automatic_deployment"));
    return card;
}

} // namespace fleetplan::pricing
