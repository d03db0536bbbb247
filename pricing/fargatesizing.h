// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>

namespace fleetplan::pricing {

/// Which Fargate task-size table applies.
enum class FargateFlavor {
    EcsLinux, ///< ECS on Fargate, Linux: 0.25 – 16 vCPU
    EcsWindows, ///< ECS on Fargate, Windows: 1, 2 or 4 vCPU only
    EksFargate ///< EKS pods on Fargate (same sizes as ECS Linux). The caller adds 256 MiB to the pod's
               ///< memory request for kubelet, kube-proxy and containerd BEFORE rounding (EKS user guide,
               ///< fargate-pod-configuration: "1 vCPU + 8 GB becomes 2 vCPU + 9 GB").
};

/// One valid Fargate CPU/memory combination.
struct FargateSize
{
    int cpuUnits = 0; ///< ECS CPU units (1024 per vCPU)
    double vcpu = 0.0;
    int memoryMib = 0;

    friend bool operator==(const FargateSize &, const FargateSize &) = default;
};

/// Every valid combination for a flavor, by CPU then memory ascending (74 for ECS Linux and EKS, 21 for Windows).
/// Source: resources/catalog/fargate_task_sizes.csv — docs.aws.amazon.com/AmazonECS task-cpu-memory-error.html
/// and awsdocs/amazon-eks-user-guide fargate-pod-configuration.adoc @f600414.
const QList<FargateSize> &fargateTaskSizes(FargateFlavor flavor);

/// The smallest valid size covering the request: the smallest CPU that fits, then the smallest memory at
/// that CPU that fits; if the memory does not fit at that CPU, the next CPU up. Requests of 0 get the
/// smallest size (0.25 vCPU / 512 MiB). Returns nullopt and sets *error (naming the request and the limit)
/// when the request exceeds the largest size (16 vCPU / 120 GiB for Linux, 4 vCPU / 30 GiB for Windows).
std::optional<FargateSize> roundUpToFargateSize(
    double vcpu, double memoryMib, FargateFlavor flavor, QString *error = nullptr);

/// Memory EKS Fargate adds to every pod before rounding (kubelet, kube-proxy, containerd): 256 MiB.
inline constexpr int EksFargateOverheadMib = 256;

/// Ephemeral storage every Fargate task or pod gets without charge (AWS Fargate pricing page): 20 GiB.
inline constexpr double FargateIncludedStorageGib = 20.0;

/// EKS Fargate ephemeral storage (AWS Containers blog, "AWS Fargate adds support for larger ephemeral
/// volumes"): Fargate provisions Σ requests + 10 % of them + 5 GiB for system components and bills what
/// exceeds the included 20 GiB: two containers of 50 GiB → 115 GiB provisioned, 95 GiB billed.
/// `requestsGib` of 20 or less means no request beyond the included 20 GiB (the scenario default, and what
/// the Kubernetes importer records for pods that request 20 GiB or less): 0 billed.
double eksFargateBilledStorageGib(double requestsGib);

} // namespace fleetplan::pricing
