// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/fixtures.h"

/// The step scenario of the decision views (issue 18): two platforms whose costs are computed by hand from
/// the bundled catalog's rates, one linear in the load and one a step function, so the load where the
/// cheaper one changes is known exactly. tst_costsweep finds it as a break-even, tst_sensitivity as a
/// crossover.
namespace fleetplan::test::step {

using namespace fleetplan::models;

// Bundled catalog, us-east-1 (resources/catalog):
//   fargate_rates.csv  linux_x86_vcpu 0.04048 USD per vCPU-hour, linux_x86_memory 0.004445 USD per GB-hour
//   ec2_ondemand_prices.csv  t3a.medium 0.0376 USD per hour (2 vCPU, 4096 MiB in instance_types.csv)
//   ebs_rates.csv  gp3 0.08 USD per GB-month; 20 GB root volume per node (PlatformSettings default)
constexpr double FargateTaskHour = 0.25 * 0.04048 + 0.5 * 0.004445; // 0.0123425 USD per task-hour
constexpr double NodeHour = 0.0376 + 20 * 0.08 / 730.0; // 0.0397918 USD per t3a.medium-hour
constexpr int Hours = 10;

/// One bridge-mode service of 8 tasks of 0.25 vCPU / 512 MiB at load ×1 (flat load, no floor), 10 hours.
/// ECS Fargate bills each task: linear in replicas. ECS on EC2 runs a fixed t3a.medium fleet: 2048 CPU
/// units hold 8 tasks, 4096 − round(4096 × 207 / 8192) = 3992 MiB hold 7 (docs/cost-rules.md; bridge
/// mode uses no ENI), so the fleet costs ceil(n ÷ 7) × NodeHour: a step function.
///
/// At load x there are n = ceil(8x) tasks. Fargate costs n × 0.0123425, EC2 ceil(n/7) × 0.0397918 per hour:
///   n = 3: Fargate 0.0370275 < EC2 0.0397918      n = 4: Fargate 0.0493700 > EC2 0.0397918
/// and for every n ≥ 4 EC2 stays cheaper (n = 4..7: one node; n ≥ 6: ceil(n/7) × 0.0398 ≤ (n/7 + 1) × 0.0398
/// < n × 0.0123425). So ECS on EC2 becomes the cheaper one where n goes from 3 to 4 tasks: 8x > 3, at
/// x = 0.375, the only crossing.
inline Scenario stepScenario()
{
    Service s = service(QStringLiteral("api"), 0.25, 512, 8);
    s.networkMode = NetworkMode::Bridge;
    Scenario sc = fixedType({ s }, PlatformId::EcsEc2, QStringLiteral("t3a.medium"), Hours);
    sc.platform(PlatformId::EcsEc2).scaleInDelayHours = 0;
    return sc;
}

} // namespace fleetplan::test::step
