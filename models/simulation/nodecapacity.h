// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "models/workload/scenario.h"
#include "pricing/instancetype.h"

/// What an EC2 instance offers to tasks and pods once the orchestrator has taken its share. Every rule
/// cites its source; the figures are in /work/shared/data/overhead_rules.csv (bundled as
/// resources/catalog/overhead_rules.csv).
namespace fleetplan::models {

/// Usable capacity of one node.
struct NodeCapacity
{
    double cpu = 0.0; ///< ECS: CPU units (1024 per vCPU); EKS: millicores
    double memoryMib = 0.0; ///< MiB
    int slotLimit = 0; ///< ECS: awsvpc tasks (ENIs); EKS: max pods
    QString explanation; ///< the arithmetic, e.g. "8192 MiB − 207 MiB OS − 0 MiB ECS_RESERVED_MEMORY = 7985 MiB"
};

// ---- ECS on EC2 ---------------------------------------------------------------------------------------

/// Memory the OS keeps on an ECS container instance. `settings.osReservedMemoryMib` when > 0; otherwise
/// an estimate proportional to AWS's documented example (m4.large: 8 GiB = 8192 MiB installed, 7985 MiB
/// available for tasks, i.e. 207/8192 ≈ 2.53 %; docs.aws.amazon.com/AmazonECS/latest/developerguide/
/// memory-management.html, overhead_rules.csv ecs_doc_example), rounded to whole MiB.
double ecsOsReservedMemoryMib(int installedMib, const PlatformSettings &settings);

/// awsvpc tasks one instance can run: ENIs − 1 without trunking (the primary ENI is the instance's;
/// container-instance-eni.html: c5.large 3 ENIs → 2 tasks). With trunking on a trunking-compatible type:
/// an estimate of branchEnis + 1 (the per-type ECS table was not retrieved; the estimate reproduces the
/// documented c5.large figure of 10). Returns 0 when the type has no ENI data.
int ecsAwsvpcTaskLimit(const pricing::InstanceType &type, bool trunking);

/// What an ECS container instance registers (aws/amazon-ecs-agent ecs_client.go @8dfceca getCpu /
/// getResources): CPU = vCPU × 1024 units; memory = installed − OS share − ECS_RESERVED_MEMORY;
/// slots = ecsAwsvpcTaskLimit.
NodeCapacity ecsRegisteredCapacity(const pricing::InstanceType &type, const PlatformSettings &settings);

/// Memory the Windows ECS-optimized AMI keeps from tasks: `settings.osReservedMemoryMib` when > 0;
/// otherwise 1 MiB per 8192 MiB installed, rounded — an **estimate** scaled from the one figure known,
/// an m4.large (8192 MiB) registering 8191 MiB on the Windows ECS AMI (ECS developer guide, "memory
/// management", as cited by issue 14; AWS's rule for other sizes was not retrieved).
double ecsWindowsOsReservedMemoryMib(int installedMib, const PlatformSettings &settings);

/// What a Windows ECS container instance registers: CPU = vCPU × 1024 units; memory = installed −
/// ecsWindowsOsReservedMemoryMib − ECS_RESERVED_MEMORY; slots = ecsAwsvpcTaskLimit (no trunking on Windows).
NodeCapacity ecsWindowsRegisteredCapacity(const pricing::InstanceType &type, const PlatformSettings &settings);

// ---- EKS managed nodes --------------------------------------------------------------------------------

/// kube-reserved CPU (millicores) of the EKS AMI: 6 % of the first 1000 m, 1 % of the next 1000 m,
/// 0.5 % of the next 2000 m, 0.25 % of the rest (awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go
/// @81fec2e getCPUMillicoresToReserve). 2 vCPU → 70 m, 4 vCPU → 80 m, 8 vCPU → 90 m.
double eksKubeReservedCpuMillicores(int vcpu);

/// Max pods. With VPC CNI prefix delegation on a Nitro type: min(ENIs × ((IPv4 per ENI − 1) × 16) + 2,
/// 110 up to 30 vCPU, 250 above) — awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh
/// @0a6d499 (calculate_max_ip_addresses_prefix_delegation, MAX_POD_CEILING_FOR_LOW/HIGH_CPU, "CPU_COUNT
/// -gt 30"); t3.nano: 2 × (1 × 16) + 2 = 34. Without it (or on Xen), the ENI formula
/// default_card_max_enis × (ipv4_per_eni − 1) + 2 (eni_max_pods.go @81fec2e; instance_types.csv
/// eks_max_pods), 110 when the type has no ENI data.
int eksMaxPods(const pricing::InstanceType &type, bool prefixDelegation);

/// kube-reserved memory: 11 MiB × max pods + 255 MiB (nodeadm config.go @81fec2e getMemoryMebibytesToReserve).
inline double eksKubeReservedMemoryMib(int maxPods)
{
    return 11.0 * maxPods + 255.0;
}
/// evictionHard memory.available (nodeadm config.go @81fec2e).
inline constexpr double EksEvictionHardMib = 100.0;
/// Memory Karpenter reserves for the CMA on arm64 types before the VM overhead (types.go @1d92708).
inline constexpr double Arm64CmaMib = 64.0;

/// Allocatable of an EKS node (Karpenter's formula, which reproduces all 1363 karpenter_allocatable_*
/// values of instance_types.csv): CPU = vCPU × 1000 − kube-reserved CPU; memory = (installed − 64 MiB on
/// arm64) − ceil(vmOverheadPercent % of that) − kube-reserved memory − 100 MiB eviction threshold;
/// slots = max pods.
NodeCapacity eksAllocatableCapacity(const pricing::InstanceType &type, const PlatformSettings &settings);

} // namespace fleetplan::models
