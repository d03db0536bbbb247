// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// Unit conversions used by every rate. AWS bills Fargate memory and EBS "GB" as binary gigabytes:
/// a 2048 MiB Fargate task is billed as 2 GB (AWS Fargate pricing page examples).
namespace fleetplan::pricing {

inline constexpr double MibPerGib = 1024.0;
inline constexpr double HoursPerMonth = 730.0; ///< AWS's monthly convention (Pricing Calculator)
inline constexpr int EcsCpuUnitsPerVcpu = 1024; ///< ECS task/instance CPU units per vCPU

constexpr double mibToGib(double mib)
{
    return mib / MibPerGib;
}

} // namespace fleetplan::pricing
