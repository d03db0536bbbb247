// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

namespace fleetplan::pricing {

/// CPU architecture of an instance type or a Fargate task (pricing does not depend on models).
enum class CpuArch { X86_64, Arm64 };

/// "x86_64" / "arm64" (the spelling of instance_types.csv and the EC2 API).
QString cpuArchName(CpuArch arch);
/// Parses "x86_64"/"amd64"/"x86" and "arm64"/"aarch64"/"arm" (case-insensitive); nullopt otherwise.
std::optional<CpuArch> parseCpuArch(const QString &text);

/// One EC2 instance type as the bundled catalog knows it (resources/catalog/instance_types.csv;
/// sources: aws/karpenter-provider-aws instance-types.md and zz_generated.vpclimits.go, awslabs/amazon-eks-ami
/// instance-info.jsonl — see resources/catalog/README.md). A value of 0 means "unknown" for the integer
/// specs: 22 types have no vCPU/memory anywhere and 16 old types have no ENI data.
struct InstanceType
{
    QString name; ///< "m5.large"
    QString family; ///< "m5" (text before the first '.')
    int generation = 0; ///< first run of digits in the family: m6i → 6, m5 → 5, mac2-m2pro → 2; 0 if none
    int vcpu = 0; ///< default vCPUs (0 = unknown)
    int memoryMib = 0; ///< MiB as EC2 reports it (MemoryInfo.SizeInMiB; 0 = unknown)
    CpuArch arch = CpuArch::X86_64;
    int maxEnis = 0; ///< network interfaces over all network cards (0 = unknown)
    int defaultCardMaxEnis = 0; ///< interfaces on the default card (what the VPC CNI uses)
    int ipv4PerEni = 0; ///< IPv4 addresses per interface
    int eksMaxPods = 0; ///< default_card_max_enis × (ipv4_per_eni − 1) + 2, no 110/250 cap (0 = unknown)
    bool bareMetal = false;
    int gpuCount = 0;
    QString gpuName;
    int acceleratorCount = 0; ///< Inferentia/Trainium/... (not GPUs)
    QString acceleratorName;
    int networkCards = 0;
    bool trunkingCompatible = false; ///< supports ENI trunking (VPC limits table)
    int branchEnis = 0; ///< EKS security-groups-for-pods branch ENIs (NOT the ECS trunking task limit)
    std::optional<int> karpenterAllocatableCpuMillicores; ///< AL2023, Karpenter's formula; absent for 73 types
    std::optional<int> karpenterAllocatableMemoryMib;
    QString specSource; ///< where vcpu/memory/arch came from
    QString networkSource; ///< where the ENI data came from
    QString hypervisor; ///< "nitro", "xen" or empty (unknown); VPC CNI prefix delegation needs Nitro
    /// A custom node type from the user's price book (pricebook.h CustomNodeType): the user's own hardware at
    /// the user's own hourly cost. No EBS root volume, no Spot, and no Reserved Instance or Savings Plan
    /// covers it; its max pods is the user's figure (no VPC CNI, prefix delegation does not apply).
    bool custom = false;

    /// vCPU and memory are known.
    bool hasSpecs() const { return vcpu > 0 && memoryMib > 0; }
    /// ENI data is known.
    bool hasNetworkLimits() const { return maxEnis > 0 && ipv4PerEni > 0; }
    /// Has GPUs or other accelerators.
    bool isAccelerated() const { return gpuCount > 0 || acceleratorCount > 0; }
    /// NVIDIA GPUs (what Kubernetes `nvidia.com/gpu` and ECS resourceRequirements GPU count): gpuCount unless
    /// the GPU is AMD (g4ad, Radeon Pro V520) or Habana Gaudi (dl1).
    int nvidiaGpus() const;
    /// AWS Neuron devices (Kubernetes `aws.amazon.com/neuron`): acceleratorCount of Inferentia and Trainium.
    int neuronDevices() const;
};

/// The generation of a family name: the first run of digits ("m6i" → 6, "u7i-12tb" → 7); 0 when there is none.
int generationOfFamily(const QString &family);

} // namespace fleetplan::pricing
