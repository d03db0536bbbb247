// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/simulation/costreport.h"

/// A hand-made CostReport for chart and report tests: five platforms, 730 hours, figures computed from
/// stated quantities × us-east-1 rates (shared/data: ec2_ondemand_prices.csv m5.large 0.096 USD/h,
/// ebs_rates.csv gp3 0.08 USD/GB-month, fargate_rates.csv Linux x86 0.04048 USD/vCPU-h and
/// 0.004445 USD/GB-h, eks_rates.csv 0.10 USD/cluster-h). Load: 12 tasks of 1 vCPU / 2 GB from 08:00 to
/// 20:00, 8 tasks otherwise: 362 day hours + 368 night hours in 730 hours = 7288 task-hours.
/// Fargate Spot rates are set at exactly 30 % of On-Demand to keep the sums hand-checkable.
namespace fixture {

inline constexpr int Hours = 730;
inline constexpr double TaskHours = 7288; // 362 × 12 + 368 × 8
inline constexpr double Ec2Hourly = 0.096; // m5.large, us-east-1
inline constexpr double EbsGbMonth = 0.08; // gp3
inline constexpr double FargateVcpu = 0.04048;
inline constexpr double FargateGb = 0.004445;
inline constexpr double ControlPlane = 0.10;

inline int tasksAt(int hour)
{
    return (hour % 24 >= 8 && hour % 24 < 20) ? 12 : 8;
}

inline fleetplan::models::CostComponent component(
    fleetplan::models::ComponentId id, double quantity, const char *unit, double rate)
{
    fleetplan::models::CostComponent c;
    c.id = id;
    c.quantity = quantity;
    c.unit = QString::fromLatin1(unit);
    c.usd = quantity * rate;
    c.explanation = QStringLiteral("%1 %2 × %3 USD").arg(quantity).arg(c.unit).arg(rate);
    return c;
}

inline fleetplan::models::PlatformResult platform(
    fleetplan::models::PlatformId id, const QList<fleetplan::models::CostComponent> &components)
{
    using namespace fleetplan::models;
    PlatformResult p;
    p.id = id;
    p.components = components;
    for (const CostComponent &c : components)
        p.totalUsd += c.usd;
    const bool fargate
        = id == PlatformId::EcsFargate || id == PlatformId::EcsFargateSpot || id == PlatformId::EksFargate;
    for (int h = 0; h < Hours; ++h) {
        const int tasks = tasksAt(h);
        p.series.costUsd.append(p.totalUsd * tasks / TaskHours);
        p.series.tasks.append(tasks);
        p.series.nodes.append(fargate ? 0 : tasks);
        p.series.cpuRequested.append(tasks * 1.0);
        p.series.memoryRequestedMib.append(tasks * 2048.0);
        p.series.cpuAllocatable.append(fargate ? tasks * 1.0 : tasks * 2.0);
        p.series.memoryAllocatableMib.append(fargate ? tasks * 2048.0 : tasks * 7680.0);
    }
    p.peakNodes = 12;
    if (!fargate)
        p.nodeHoursByType.insert(QStringLiteral("m5.large"), TaskHours);
    p.utilisation = fargate ? Utilisation { 1.0, 1.0, 0.0 } : Utilisation { 0.5, 0.2667, 0.0 };
    p.idleCostUsd = fargate ? 0.0 : p.componentUsd(ComponentId::ComputeOnDemand) * 0.5;
    return p;
}

inline fleetplan::models::CostReport costReport()
{
    using namespace fleetplan::models;
    CostReport r;
    r.scenarioName = QStringLiteral("Fixture shop");
    r.region = QStringLiteral("us-east-1");
    r.hours = Hours;
    r.catalogAsOf = QStringLiteral("2026-05-12");
    const double ebsGbMonths = TaskHours * 20 / Hours; // 20 GB per node, node-hours ÷ 730
    r.platforms.append(platform(PlatformId::EcsEc2,
        {
            component(ComponentId::ComputeOnDemand, TaskHours, "instance-hours", Ec2Hourly), // 699.648
            component(ComponentId::Ebs, ebsGbMonths, "GB-months", EbsGbMonth), // 15.9737
        }));
    r.platforms.append(platform(PlatformId::EcsFargate,
        {
            component(ComponentId::FargateVcpu, TaskHours, "vCPU-hours", FargateVcpu), // 295.01824
            component(ComponentId::FargateMemory, TaskHours * 2, "GB-hours", FargateGb), // 64.79032
        }));
    r.platforms.append(platform(PlatformId::EcsFargateSpot,
        {
            component(ComponentId::FargateSpotVcpu, TaskHours, "vCPU-hours", FargateVcpu * 0.3), // 88.505472
            component(ComponentId::FargateSpotMemory, TaskHours * 2, "GB-hours", FargateGb * 0.3), // 19.437096
        }));
    r.platforms.append(platform(PlatformId::EksNodes,
        {
            component(ComponentId::ComputeOnDemand, TaskHours, "instance-hours", Ec2Hourly),
            component(ComponentId::ControlPlane, Hours, "cluster-hours", ControlPlane), // 73.00
            component(ComponentId::Ebs, ebsGbMonths, "GB-months", EbsGbMonth),
        }));
    r.platforms.append(platform(PlatformId::EksFargate,
        {
            component(ComponentId::ControlPlane, Hours, "cluster-hours", ControlPlane),
            component(ComponentId::FargateVcpu, TaskHours, "vCPU-hours", FargateVcpu),
            component(ComponentId::FargateMemory, TaskHours * 2, "GB-hours", FargateGb),
        }));
    PlatformResult &eksFargate = r.platforms[4];
    eksFargate.warnings.append(QStringLiteral(
        "api: 1 vCPU / 2048 MiB pod becomes 1 vCPU / 3072 MiB on Fargate (256 MiB added for Kubernetes components)"));
    PlatformResult &eksNodes = r.platforms[3];
    eksNodes.assumptions.append(
        { QStringLiteral("EKS kube-reserved memory"), QStringLiteral("11 MiB × max pods + 255 MiB"),
            QStringLiteral("awslabs/amazon-eks-ami nodeadm kubelet config") });
    PlatformResult &ecsEc2 = r.platforms[0];
    ecsEc2.savingsPlan.applicable = true;
    ecsEc2.savingsPlan.commitmentUsdPerHour = 0.5;
    ecsEc2.savingsPlan.discountPercent = 28;
    ecsEc2.savingsPlan.totalUsdWithCommitment = 600.0;
    ecsEc2.savingsPlan.savingUsd = ecsEc2.totalUsd - 600.0;
    ecsEc2.savingsPlan.explanation = QStringLiteral("Commit 0.50 USD/h (Compute Savings Plan, 1 year, No Upfront)");
    return r;
}

} // namespace fixture
