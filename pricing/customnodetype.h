// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "pricing/instancetype.h"

namespace fleetplan::pricing {

/// A node type of the user's own hardware (EKS Anywhere, ECS Anywhere, any fixed-price machine), kept in
/// the price book and listed by the catalog beside the EC2 instance types, so the same packing and
/// allocatable rules apply to it. Its cost is the user's own figure per node-hour (amortised hardware,
/// power, support), the same in every region; no EBS, Spot, Savings Plan or Reserved Instance applies.
struct CustomNodeType
{
    QString name; ///< "rack-16x64": must not be an EC2 instance type nor start with an EC2 family + '.'
    int vcpu = 0; ///< vCPUs (cores × threads the kubelet / ECS agent sees), 1 to MaxCustomVcpu
    int memoryMib = 0; ///< installed memory in MiB, 1 to MaxCustomMemoryMib
    CpuArch arch = CpuArch::X86_64;
    /// EKS: pods per node; 0 = from the ENIs below when given (ENIs × (IPv4 per ENI − 1) + 2), else the
    /// kubelet default of 110.
    int maxPods = 0;
    int maxEnis = 0; ///< optional: network interfaces, as an EC2 type would have them (0 = not given)
    int ipv4PerEni = 0; ///< optional: IPv4 addresses per interface (0 = not given)
    /// ECS: awsvpc tasks per node; 0 = ENIs − 1 when ENIs are given, else none.
    int maxAwsvpcTasks = 0;
    double usdPerHour = 0.0; ///< the user's cost of one node-hour, 0 to MaxRateUsd
    QString note; ///< where the figure comes from ("3-year amortised server + power + support")

    friend bool operator==(const CustomNodeType &, const CustomNodeType &) = default;
};
inline constexpr int MaxCustomVcpu = 4096;
inline constexpr int MaxCustomMemoryMib = 64 * 1024 * 1024; ///< 64 TiB
inline constexpr int MaxCustomPods = 10000;

/// Empty when the custom node type can be stored, else what is wrong with it, naming the type and the field:
/// an empty or malformed name, a name that is an EC2 instance type or uses an EC2 family (so "m6i.*" would
/// match it), vCPU or memory of 0 or out of range, a negative, NaN or too high hourly cost.
QString checkCustomNodeType(const CustomNodeType &type);
/// The catalog entry of a custom node type (InstanceType::custom, family = the text before the first '.').
InstanceType instanceTypeOf(const CustomNodeType &type);

} // namespace fleetplan::pricing
