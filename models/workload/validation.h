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

// Limits on every number of a scenario (docs/scenario-format.md, "Limits"). Each is far above what a real
// fleet uses and low enough that no product of two of them overflows or exhausts memory: validateScenario
// refuses a value above its limit with an error naming the field, before anything is simulated.

/// replicas, min_replicas, max_replicas (services) and the parallel replicas of a job; also fargate_base.
/// ECS allows 5,000 tasks per service and 100,000 as a capacity-provider base; EKS 5,000 nodes × 110 pods.
inline constexpr int MaxReplicas = 100000;
/// Tasks running at once in the busiest hour, all services and jobs together (at the what-if load).
/// A million tasks is 200 ECS clusters at their 5,000-task service quota; the placement engine's memory
/// grows with the tasks of an hour.
inline constexpr qint64 MaxTasksPerHour = 1000000;
/// A load-profile value and `--load-multiplier`: a thousand times the base load.
inline constexpr double MaxLoadMultiplier = 1000.0;
/// runs_per_day of a job: one run a minute, the finest schedule of cron, Kubernetes CronJobs and
/// EventBridge Scheduler.
inline constexpr int MaxRunsPerDay = 1440;
/// run_seconds of a job: one week (a longer "job" is a service).
inline constexpr int MaxRunSeconds = 7 * 86400;
/// runs_per_day × run_seconds of a job: at most 100 runs of one job overlapping (100 days of run time a day).
inline constexpr qint64 MaxJobSecondsPerDay = 100LL * 86400;
/// vCPU of a task or container: above the largest EC2 instance (896 vCPU, u7in-32tb.224xlarge).
inline constexpr double MaxTaskVcpu = 1024.0;
/// Memory of a task or container and the memory reservations of a node, in MiB: 32 TiB, the largest EC2
/// instance (u7in-32tb.224xlarge).
inline constexpr double MaxTaskMemoryMib = 32.0 * 1024 * 1024;
/// ephemeral_gib of a task and ebs_gib_per_node: 64 TiB, the largest EBS volume (io2 Block Express).
inline constexpr double MaxStorageGib = 65536.0;
/// Money per hour (savings_plan_usd_per_hour, existing Savings Plans): a million USD an hour.
inline constexpr double MaxUsdPerHour = 1000000.0;
/// count of a Reserved Instance holding; clusters of an EKS platform.
inline constexpr int MaxInstanceCount = 1000000;
inline constexpr int MaxClusters = 1000;
/// fargate_weight and fargate_spot_weight: the ECS capacity-provider weight range is 0..1000.
inline constexpr int MaxCapacityProviderWeight = 1000;
/// Containers of one task (ECS allows 10 per task definition; Kubernetes pods rarely exceed a dozen).
inline constexpr int MaxContainersPerTask = 100;
/// interruption_allowance_percent: re-running all interrupted work once more is 100 %.
inline constexpr double MaxInterruptionAllowancePercent = 100.0;
/// App Runner request load (issue 19): far above any single service, low enough that the instance
/// arithmetic stays exact in doubles.
inline constexpr double MaxRequestsPerSecond = 1.0e8;
inline constexpr double MaxConcurrentRequests = 1.0e8;
/// App Runner ends a request after 120 s (App Runner developer guide, "Request timeout").
inline constexpr double MaxRequestMillis = 120000.0;
/// Deployments (issue 20): at most one every 5 minutes (288 a day, 2016 a week); one lasts at most a day;
/// CodeDeploy keeps the original task set at most 2880 minutes after the shift (terminationWaitTimeInMinutes);
/// a surge or unavailable figure of at most 1000 % or 100,000 tasks.
inline constexpr double MaxDeploymentsPerDay = 288.0;
inline constexpr double MaxDeploymentMinutes = 1440.0;
inline constexpr double MaxBakeMinutes = 2880.0;
inline constexpr double MaxSurgePercent = 1000.0;
inline constexpr double MaxSurgeTasks = 100000.0;
/// App Runner's MaxConcurrency upper bound (AutoScalingConfiguration: 1..200).
inline constexpr int MaxAppRunnerConcurrency = 200;
/// Registry and network (issue 19). ECR keeps at most 20,000 images per repository (ECR service quotas)
/// and replicates to at most 25 destinations; the other limits only keep the arithmetic finite.
inline constexpr double MaxImageGb = 1000.0;
inline constexpr double MaxPushesPerDay = 10000.0;
inline constexpr int MaxImagesPerRepository = 20000;
inline constexpr int MaxDevExpireDays = 3650;
inline constexpr double MaxRescansPerImageMonth = 1000.0;
inline constexpr int MaxReplicationDestinations = 25;
inline constexpr int MaxNatGateways = 100;
inline constexpr double MaxCapacityUnits = 100000.0;
inline constexpr double MaxLogGbPerTaskHour = 1000.0;

/// Tasks running at once in the busiest hour at `loadMultiplier` (an upper bound computed from the load
/// profiles' peaks and the job schedules, without simulating). Daemons are not counted: they follow the nodes.
qint64 peakTasksPerHour(const Scenario &scenario, double loadMultiplier = 1.0);

/// The problems of a what-if load multiplier for this scenario (`--load-multiplier`, the GUI slider): not a
/// finite number in [0, MaxLoadMultiplier], or more than MaxTasksPerHour tasks in the busiest hour.
/// `where` names the option in messages ("--load-multiplier").
QList<Diagnostic> validateLoadMultiplier(const Scenario &scenario, double loadMultiplier, const QString &where);

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
