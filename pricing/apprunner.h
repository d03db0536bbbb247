// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "pricing/rates.h"

namespace fleetplan::pricing {

class Catalog;

/// One App Runner instance size (InstanceConfiguration Cpu / Memory).
struct AppRunnerSize
{
    double vcpu = 0.0;
    double memoryGb = 0.0; ///< App Runner's GB; billed per GB-hour as configured

    friend bool operator==(const AppRunnerSize &, const AppRunnerSize &) = default;
};

/// The documented App Runner vCPU / memory pairs, by vCPU then memory ascending: 0.25 vCPU with 0.5 or
/// 1 GB, 0.5 with 1, 1 with 2, 3 or 4, 2 with 4 or 6, 4 with 8, 10 or 12 (App Runner API reference,
/// InstanceConfiguration: "Cpu 256 | 512 | 1024 | 2048 | 4096", "Memory 512 | 1024 | 2048 | 3072 | 4096 |
/// 6144 | 8192 | 10240 | 12288" with the valid pairs; App Runner developer guide, "Configuring a service").
const QList<AppRunnerSize> &appRunnerSizes();

/// The smallest size holding a task of `vcpu` and `memoryMib` (memory in GiB = MiB ÷ 1024 against the
/// configured GB, as App Runner's API takes memory in MB of 1024): the smallest vCPU that fits, then the
/// smallest memory at it, else the next vCPU up. nullopt and *error ("4.5 vCPU / 16384 MiB is above
/// App Runner's largest instance, 4 vCPU / 12 GB") when none holds it.
std::optional<AppRunnerSize> smallestAppRunnerSize(double vcpu, double memoryMib, QString *error = nullptr);

/// The size a task of `vcpu` and `memoryMib` runs at when the user chose `chosen` (a service's App Runner
/// instance size; nullopt = not chosen): `chosen` when it is one of appRunnerSizes() and holds the task, else
/// nullopt and *error ("1.5 vCPU / 3 GB is not an App Runner instance size (…)", "1 vCPU / 2 GB is smaller than
/// the task, 2 vCPU / 4096 MiB"); without a choice, smallestAppRunnerSize(). Validation and the App Runner
/// model both call this, so what `fleetplan validate` accepts the simulation prices.
std::optional<AppRunnerSize> appRunnerSizeFor(
    double vcpu, double memoryMib, const std::optional<AppRunnerSize> &chosen, QString *error = nullptr);

/// "1 vCPU / 2 GB" (numbers without trailing zeros, C locale: the words of warnings and reports).
QString appRunnerSizeText(const AppRunnerSize &size);

/// App Runner rates of one region (network_and_registry_rates.csv apprunner_* rows; AWS App Runner
/// pricing page): active instances pay vCPU-hours and GB-hours, provisioned (idle) instances GB-hours only;
/// the automatic-deployment fee per application-month is published for some regions only.
struct AppRunnerRateCard
{
    Rate activeVcpuHour;
    Rate activeGbHour;
    Rate provisionedGbHour;
    std::optional<Rate> automaticDeploymentMonth;
};

/// The region's rate card; nullopt and *error naming the region and the missing item when the catalog has
/// no active vCPU, active GB or provisioned GB rate there.
std::optional<AppRunnerRateCard> appRunnerRates(
    const Catalog &catalog, const QString &region, QString *error = nullptr);

} // namespace fleetplan::pricing
