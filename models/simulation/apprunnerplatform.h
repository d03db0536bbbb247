// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "models/simulation/platformmodels.h"
#include "pricing/apprunner.h"

/// The phases of the App Runner platform model (issue 19):
///  1. what runs: appRunnerPlans() — each request-serving service at the smallest App Runner instance size
///     that holds its task; jobs and daemons are left out ("not on App Runner", PlatformResult::notOnPlatform);
///  2. instances per hour: appRunnerInstances() — App Runner scales on concurrent requests: it keeps
///     ceil(concurrent requests ÷ per-instance concurrency) instances, at least min and at most max;
///  3. what is billed: instances serving requests pay vCPU-hours and GB-hours (active), the idle
///     provisioned ones GB-hours only; the automatic-deployment fee per service-month where published.
/// simulateAppRunnerPlatform() (platformmodels.h) runs them and adds series, fleet states and assumptions.
namespace fleetplan::models {

/// How one service runs on App Runner.
struct AppRunnerPlan
{
    int service = -1; ///< index into scenario.services
    pricing::AppRunnerSize size;
    double concurrencyAtFullLoad = 0.0; ///< concurrent requests at load 1.0 (Service::concurrencyAtFullLoad)
};

/// Phase 1: the plans, in service order. Services App Runner cannot run (too large, Windows, accelerators)
/// go to result.infeasible; jobs and daemons to result.notOnPlatform.
QList<AppRunnerPlan> appRunnerPlans(const SimulationInput &in, PlatformResult &result);

/// Instances of one service in one hour.
struct AppRunnerInstances
{
    int provisioned = 0; ///< instances running (active + idle)
    int active = 0; ///< instances serving requests
    bool throttled = false; ///< more were needed than max allows
    int idle() const { return provisioned - active; }
};

/// Phase 2: `concurrency` concurrent requests at `perInstance` requests per instance need
/// n = ceil(concurrency ÷ perInstance) instances: provisioned = clamp(n, min, max), active = min(n, max).
/// An hour with any request keeps its instances active for the whole hour (hourly resolution: App Runner's
/// per-second billing and its one-minute vCPU minimum per activation are within that hour).
AppRunnerInstances appRunnerInstances(double concurrency, int perInstance, int minInstances, int maxInstances);

} // namespace fleetplan::models
