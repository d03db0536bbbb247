// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/nodecapacity.h"

#include <algorithm>
#include <cmath>

#include "pricing/units.h"

namespace fleetplan::models {

namespace {
// ECS developer guide memory-management example: m4.large, 8192 MiB installed, 7985 MiB for tasks.
constexpr double EcsDocInstalledMib = 8192.0;
constexpr double EcsDocAvailableMib = 7985.0;
} // namespace

double ecsOsReservedMemoryMib(int installedMib, const PlatformSettings &settings)
{
    if (settings.osReservedMemoryMib > 0)
        return settings.osReservedMemoryMib;
    return std::round(installedMib * (EcsDocInstalledMib - EcsDocAvailableMib) / EcsDocInstalledMib);
}

int ecsAwsvpcTaskLimit(const pricing::InstanceType &type, bool trunking)
{
    if (type.maxEnis <= 0)
        return 0;
    if (trunking && !type.custom && type.trunkingCompatible && type.branchEnis > 0)
        return type.branchEnis + 1;
    return std::max(0, type.maxEnis - 1);
}

NodeCapacity ecsRegisteredCapacity(const pricing::InstanceType &type, const PlatformSettings &settings)
{
    NodeCapacity c;
    c.cpu = double(type.vcpu) * pricing::EcsCpuUnitsPerVcpu;
    const double os = ecsOsReservedMemoryMib(type.memoryMib, settings);
    c.memoryMib = std::max(0.0, type.memoryMib - os - settings.ecsReservedMemoryMib);
    c.slotLimit = ecsAwsvpcTaskLimit(type, settings.awsvpcTrunking);
    c.explanation = QStringLiteral("%1: CPU %2 vCPU × 1024 = %3 units; memory %4 MiB − %5 MiB OS − %6 MiB "
                                   "ECS_RESERVED_MEMORY = %7 MiB; awsvpc tasks %8")
                        .arg(type.name)
                        .arg(type.vcpu)
                        .arg(c.cpu)
                        .arg(type.memoryMib)
                        .arg(os)
                        .arg(settings.ecsReservedMemoryMib)
                        .arg(c.memoryMib)
                        .arg(c.slotLimit);
    return c;
}

double ecsWindowsOsReservedMemoryMib(int installedMib, const PlatformSettings &settings)
{
    if (settings.osReservedMemoryMib > 0)
        return settings.osReservedMemoryMib;
    // m4.large on the Windows ECS AMI: 8192 MiB installed, 8191 MiB registered (issue 14).
    return std::round(installedMib / EcsDocInstalledMib);
}

NodeCapacity ecsWindowsRegisteredCapacity(const pricing::InstanceType &type, const PlatformSettings &settings)
{
    NodeCapacity c;
    c.cpu = double(type.vcpu) * pricing::EcsCpuUnitsPerVcpu;
    const double os = ecsWindowsOsReservedMemoryMib(type.memoryMib, settings);
    c.memoryMib = std::max(0.0, type.memoryMib - os - settings.ecsReservedMemoryMib);
    // awsvpc ENI trunking is a Linux feature (ECS developer guide, container-instance-eni).
    c.slotLimit = ecsAwsvpcTaskLimit(type, false);
    c.explanation = QStringLiteral("%1 (Windows): CPU %2 vCPU × 1024 = %3 units; memory %4 MiB − %5 MiB OS − %6 MiB "
                                   "ECS_RESERVED_MEMORY = %7 MiB; awsvpc tasks %8")
                        .arg(type.name)
                        .arg(type.vcpu)
                        .arg(c.cpu)
                        .arg(type.memoryMib)
                        .arg(os)
                        .arg(settings.ecsReservedMemoryMib)
                        .arg(c.memoryMib)
                        .arg(c.slotLimit);
    return c;
}

double eksKubeReservedCpuMillicores(int vcpu)
{
    const double total = vcpu * 1000.0;
    struct Tier
    {
        double from, to, percent;
    };
    constexpr Tier tiers[] = { { 0, 1000, 6.0 }, { 1000, 2000, 1.0 }, { 2000, 4000, 0.5 }, { 4000, 1e18, 0.25 } };
    double reserved = 0;
    for (const Tier &t : tiers) {
        if (total > t.from)
            reserved += (std::min(total, t.to) - t.from) * t.percent / 100.0;
    }
    return reserved;
}

int eksMaxPods(const pricing::InstanceType &type, bool prefixDelegation)
{
    // Own hardware: the user's figure (or the ENI formula over the ENIs given), else the kubelet default of
    // 110 (Kubernetes kubelet --max-pods); VPC CNI prefix delegation does not apply off EC2.
    if (type.custom)
        return type.eksMaxPods > 0 ? type.eksMaxPods : 110;
    // Prefix delegation (max-pods-calculator.sh with --cni-prefix-delegation-enabled, Nitro only): every
    // secondary IP slot holds a /28 prefix of 16 addresses, then the recommended value is capped at 110
    // pods up to 30 vCPU and 250 above. Types on Xen keep the secondary-IP formula.
    if (prefixDelegation && type.hypervisor != u"xen" && type.defaultCardMaxEnis > 0 && type.ipv4PerEni > 0) {
        const int addresses = type.defaultCardMaxEnis * ((type.ipv4PerEni - 1) * 16) + 2;
        return std::min(addresses, type.vcpu > 30 ? 250 : 110);
    }
    if (prefixDelegation && type.hypervisor != u"xen")
        return type.vcpu > 30 ? 250 : 110; // no ENI data: the ceiling alone
    if (type.eksMaxPods > 0)
        return type.eksMaxPods;
    if (type.defaultCardMaxEnis > 0 && type.ipv4PerEni > 0)
        return type.defaultCardMaxEnis * (type.ipv4PerEni - 1) + 2;
    return 110;
}

NodeCapacity eksAllocatableCapacity(const pricing::InstanceType &type, const PlatformSettings &settings)
{
    NodeCapacity c;
    const double kubeCpu = eksKubeReservedCpuMillicores(type.vcpu);
    c.cpu = type.vcpu * 1000.0 - kubeCpu;
    c.slotLimit = eksMaxPods(type, settings.prefixDelegation);
    const double cma = type.arch == pricing::CpuArch::Arm64 ? Arm64CmaMib : 0.0;
    const double base = type.memoryMib - cma;
    const double vm = std::ceil(base * settings.vmOverheadPercent / 100.0 - 1e-9);
    const double kubeMem = eksKubeReservedMemoryMib(c.slotLimit);
    c.memoryMib = std::max(0.0, base - vm - kubeMem - EksEvictionHardMib);
    c.explanation = QStringLiteral("%1: CPU %2 m − %3 m kube-reserved = %4 m; memory %5 MiB%6 − %7 MiB VM overhead "
                                   "(%8 %) − %9 MiB kube-reserved (11 × %10 pods + 255) − 100 MiB eviction = %11 MiB")
                        .arg(type.name)
                        .arg(type.vcpu * 1000)
                        .arg(kubeCpu)
                        .arg(c.cpu)
                        .arg(type.memoryMib)
                        .arg(cma > 0 ? QStringLiteral(" − 64 MiB CMA") : QString())
                        .arg(vm)
                        .arg(settings.vmOverheadPercent)
                        .arg(kubeMem)
                        .arg(c.slotLimit)
                        .arg(c.memoryMib);
    return c;
}

} // namespace fleetplan::models
