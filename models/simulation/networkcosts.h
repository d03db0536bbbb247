// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "models/simulation/costreport.h"
#include "models/simulation/demandtimeline.h"
#include "models/workload/scenario.h"
#include "pricing/catalog.h"

/// The registry and network bill of one platform (issue 19): ECR storage, scanning and replication (the
/// same registry on every platform), image pulls (per platform: every Fargate task start pulls its images,
/// an EC2 / EKS node pulls an image once while it keeps hosting the service), NAT gateway hours and
/// processed GB, public IPv4 addresses, load balancers and CloudWatch Logs ingestion. Rates from
/// network_and_registry_rates.csv; rules in docs/cost-rules.md "Network and registry". The components are
/// shown beside compute (PlatformResult::networkAndRegistryUsd()), never folded into a compute component.
namespace fleetplan::models {

/// Image pulls in a cyclic period: Σ_h max(0, count[h] − count[h − 1]), hour 0 against the last hour (the
/// period repeats, as the job schedule does: a steady state, no cold start at hour 0). `count` is the
/// tasks of a service (Fargate: every start pulls) or the nodes hosting it (EC2 / EKS: a node pulls once
/// and caches the image while it keeps hosting the service).
double cyclicStarts(const QList<int> &countPerHour);

/// Retained images of a repository in the steady state of its lifecycle policy: the last keepLast images
/// not tagged dev-* (when any such image is pushed), plus the dev-* images of the last devExpireDays days
/// (pushesPerDay × devShare × devExpireDays). ECR runs lifecycle expiry about once a day, so an expired
/// image may stay up to a day longer; that day is not counted.
double retainedImages(const Repository &repository);

/// Adds the registry and network components of `result`'s platform, from the scenario's registry and
/// network blocks (nothing when both are off), to its components, total and hourly cost. A missing rate
/// makes the platform infeasible with the rate named (a part of the bill without a price).
void addNetworkAndRegistry(const Scenario &scenario, const pricing::Catalog &catalog, const QString &region,
    const DemandTimeline &demand, PlatformResult &result);

} // namespace fleetplan::models
