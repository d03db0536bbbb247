// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/fargatesizing.h"

#include <algorithm>
#include <array>

#include <cmath>

namespace fleetplan::pricing {

namespace {

/// One row of fargate_task_sizes.csv: memory values are min, min+step, ..., max.
struct SizeRow
{
    int cpuUnits;
    int memoryMin;
    int memoryMax;
    int memoryStep;
    bool ecsLinux;
    bool ecsWindows;
    bool eksFargate;
};

// resources/catalog/fargate_task_sizes.csv (docs.aws.amazon.com/AmazonECS task-cpu-memory-error.html;
// awsdocs/amazon-eks-user-guide fargate-pod-configuration.adoc @f600414). tst_fargatesizing checks this
// table against the CSV file.
constexpr auto Rows = std::to_array<SizeRow>({
    { 256, 512, 512, 512, true, false, true },
    { 256, 1024, 2048, 1024, true, false, true },
    { 512, 1024, 4096, 1024, true, false, true },
    { 1024, 2048, 8192, 1024, true, true, true },
    { 2048, 4096, 16384, 1024, true, true, true },
    { 4096, 8192, 30720, 1024, true, true, true },
    { 8192, 16384, 61440, 4096, true, false, true },
    { 16384, 32768, 122880, 8192, true, false, true },
});

QList<FargateSize> buildSizes(FargateFlavor flavor)
{
    QList<FargateSize> sizes;
    for (const SizeRow &row : Rows) {
        const bool applies = flavor == FargateFlavor::EcsLinux ? row.ecsLinux
            : flavor == FargateFlavor::EcsWindows              ? row.ecsWindows
                                                               : row.eksFargate;
        if (!applies)
            continue;
        for (int m = row.memoryMin; m <= row.memoryMax; m += row.memoryStep)
            sizes.append(FargateSize { row.cpuUnits, row.cpuUnits / 1024.0, m });
    }
    return sizes;
}

QString flavorName(FargateFlavor flavor)
{
    switch (flavor) {
    case FargateFlavor::EcsLinux:
        return QStringLiteral("ECS Fargate (Linux)");
    case FargateFlavor::EcsWindows:
        return QStringLiteral("ECS Fargate (Windows)");
    case FargateFlavor::EksFargate:
        return QStringLiteral("EKS Fargate");
    }
    return QString();
}

} // namespace

const QList<FargateSize> &fargateTaskSizes(FargateFlavor flavor)
{
    static const QList<FargateSize> linux = buildSizes(FargateFlavor::EcsLinux);
    static const QList<FargateSize> windows = buildSizes(FargateFlavor::EcsWindows);
    static const QList<FargateSize> eks = buildSizes(FargateFlavor::EksFargate);
    switch (flavor) {
    case FargateFlavor::EcsLinux:
        return linux;
    case FargateFlavor::EcsWindows:
        return windows;
    case FargateFlavor::EksFargate:
        break;
    }
    return eks;
}

std::optional<FargateSize> roundUpToFargateSize(double vcpu, double memoryMib, FargateFlavor flavor, QString *error)
{
    const QList<FargateSize> &sizes = fargateTaskSizes(flavor);
    if (!std::isfinite(vcpu) || !std::isfinite(memoryMib) || vcpu < 0 || memoryMib < 0) {
        if (error)
            *error = QStringLiteral("invalid Fargate request: %1 vCPU / %2 MiB").arg(vcpu).arg(memoryMib);
        return std::nullopt;
    }
    // Sizes are sorted by CPU, then memory: the first one covering both is the smallest CPU that fits and,
    // at that CPU, the smallest memory that fits; when no memory at that CPU fits, the scan moves on to the
    // next CPU (the rule of the EKS user guide: "1 vCPU + 8 GB becomes 2 vCPU + 9 GB"). A tiny tolerance
    // keeps 0.25 vCPU computed as 256/1024 from failing a comparison with itself.
    constexpr double eps = 1e-9;
    for (const FargateSize &s : sizes) {
        if (s.vcpu + eps >= vcpu && s.memoryMib + eps >= memoryMib)
            return s;
    }
    if (error) {
        const FargateSize &largest = sizes.constLast();
        *error = QStringLiteral("%1 vCPU / %2 MiB exceeds the largest %3 task size (%4 vCPU / %5 MiB)")
                     .arg(vcpu)
                     .arg(memoryMib)
                     .arg(flavorName(flavor))
                     .arg(largest.vcpu)
                     .arg(largest.memoryMib);
    }
    return std::nullopt;
}

double eksFargateBilledStorageGib(double requestsGib)
{
    if (!(requestsGib > FargateIncludedStorageGib))
        return 0.0;
    const double provisioned = requestsGib * 1.1 + 5.0;
    return std::max(0.0, provisioned - FargateIncludedStorageGib);
}

} // namespace fleetplan::pricing
