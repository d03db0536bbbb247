// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "models/diagnostic.h"
#include "models/workload/scenario.h"

namespace fleetplan::pricing {
class Catalog;
}

/// Checks a scenario and names every problem by the field it concerns, in the spelling of the JSON
/// interchange format (docs/scenario-format.md): `services[3].memory_mib: must be > 0`,
/// `service "api": min_replicas 5 > max_replicas 3`, `load_profiles[1].hourly: has 23 values, ...`.
namespace fleetplan::models {

/// The largest scenario Fleetplan plans: services (daemons and jobs included) and billing period. Memory
/// grows linearly with the services (about 70 KiB each for a month on all five platforms: 1.3 GB for the
/// 20,000 of bench/bench_scale.cpp), so 50,000 services stay near 3.5 GB; past either limit
/// validateScenario reports an error and the CLI refuses the file instead of running out of memory.
inline constexpr int MaxServices = 50000;
inline constexpr int MaxPeriodHours = 87600; ///< ten years of 8,760 hours

/// Every problem of the scenario: errors (the scenario cannot be planned) and warnings (it can, but
/// something is probably not meant). With a catalog, also checks the region against the catalog and
/// that every task fits on at least one allowed instance type of each enabled EC2-backed platform.
QList<Diagnostic> validateScenario(const Scenario &scenario, const pricing::Catalog *catalog = nullptr);

/// The problems of the service at `index` only (same texts as validateScenario, catalog checks
/// excluded). Used by the service table to colour cells and fill tooltips.
QList<Diagnostic> validateService(const Scenario &scenario, int index);

/// The problems of one field of one service; `field` is its JSON key ("memory_mib", "min_replicas",
/// "load_profile", ...). A problem between two fields (min_replicas > max_replicas) is reported for both.
QList<Diagnostic> validateServiceField(const Scenario &scenario, int index, const QString &field);

/// The problems of one load profile (name, length, values).
QList<Diagnostic> validateLoadProfile(const Scenario &scenario, int index);

/// The AWS commercial and GovCloud regions the bundled data covers (the 36 regions of
/// ec2_ondemand_prices.csv / eks_rates.csv, see resources/catalog/README.md).
const QStringList &knownRegions();

/// true when `region` looks like an AWS region code ("us-east-1", "ap-southeast-7", "us-gov-west-1").
bool isRegionCode(const QString &region);

} // namespace fleetplan::models
