// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/costreport.h"

#include <algorithm>
#include <array>
#include <utility>

#include "pricing/units.h"

namespace fleetplan::models {

namespace {
struct ComponentName
{
    ComponentId id;
    const char16_t *key;
    const char16_t *label;
};
constexpr std::array<ComponentName, ComponentCount> kComponents { {
    { ComponentId::ComputeOnDemand, u"compute_on_demand", u"Compute (On-Demand)" },
    { ComponentId::ComputeSpot, u"compute_spot", u"Compute (Spot)" },
    { ComponentId::OwnHardware, u"own_hardware", u"Own hardware (custom node types)" },
    { ComponentId::ReservedInstances, u"reserved_instances", u"Reserved Instances" },
    { ComponentId::SavingsPlans, u"savings_plans", u"Savings Plans commitment" },
    { ComponentId::ExistingCommitments, u"existing_commitments", u"Existing commitments (RIs, Savings Plans)" },
    { ComponentId::ControlPlane, u"control_plane", u"EKS control plane" },
    { ComponentId::Ebs, u"ebs", u"EBS gp3 root volumes" },
    { ComponentId::FargateVcpu, u"fargate_vcpu", u"Fargate vCPU" },
    { ComponentId::FargateMemory, u"fargate_memory", u"Fargate memory" },
    { ComponentId::FargateSpotVcpu, u"fargate_spot_vcpu", u"Fargate Spot vCPU" },
    { ComponentId::FargateSpotMemory, u"fargate_spot_memory", u"Fargate Spot memory" },
    { ComponentId::FargateStorage, u"fargate_storage", u"Fargate ephemeral storage" },
    { ComponentId::OsLicense, u"os_license", u"Windows OS licence" },
    { ComponentId::SpotInterruption, u"spot_interruption", u"Spot interruption allowance" },
    { ComponentId::Deployments, u"deployments", u"Deployments (surge tasks)" },
    { ComponentId::AppRunnerActiveVcpu, u"app_runner_active_vcpu", u"App Runner active vCPU" },
    { ComponentId::AppRunnerActiveMemory, u"app_runner_active_memory", u"App Runner active memory" },
    { ComponentId::AppRunnerProvisionedMemory, u"app_runner_provisioned_memory", u"App Runner provisioned memory" },
    { ComponentId::AppRunnerAutomaticDeployment, u"app_runner_automatic_deployment",
        u"App Runner automatic deployments" },
    { ComponentId::EcrStorage, u"ecr_storage", u"ECR storage" },
    { ComponentId::EcrScanning, u"ecr_scanning", u"ECR enhanced scanning" },
    { ComponentId::EcrReplication, u"ecr_replication", u"ECR replication transfer" },
    { ComponentId::ImagePullTransfer, u"image_pull_transfer", u"Image pulls across regions" },
    { ComponentId::NatGatewayHours, u"nat_gateway_hours", u"NAT gateway hours" },
    { ComponentId::NatGatewayData, u"nat_gateway_data", u"NAT gateway data processed" },
    { ComponentId::PublicIpv4, u"public_ipv4", u"Public IPv4 addresses" },
    { ComponentId::LoadBalancerHours, u"load_balancer_hours", u"Load balancer hours" },
    { ComponentId::LoadBalancerCapacity, u"load_balancer_capacity", u"Load balancer capacity units" },
    { ComponentId::LogsIngestion, u"logs_ingestion", u"CloudWatch Logs ingestion" },
} };
} // namespace

QString toId(ComponentId id)
{
    return QString::fromUtf16(kComponents[std::size_t(id)].key);
}

std::optional<ComponentId> componentFromId(const QString &id)
{
    for (const ComponentName &c : kComponents) {
        if (id == QStringView(c.key))
            return c.id;
    }
    return std::nullopt;
}

QString displayName(ComponentId id)
{
    return QString::fromUtf16(kComponents[std::size_t(id)].label);
}

double PlatformResult::networkAndRegistryUsd() const
{
    double sum = 0;
    for (const CostComponent &c : components) {
        if (isNetworkOrRegistry(c.id))
            sum += c.usd;
    }
    return sum;
}

QString PlatformResult::notOnPlatformSummary() const
{
    QStringList names;
    for (const Infeasibility &i : notOnPlatform)
        names.append(i.service);
    return names.join(QStringLiteral(", "));
}

const CostComponent *PlatformResult::component(ComponentId componentId) const
{
    for (const CostComponent &c : components) {
        if (c.id == componentId)
            return &c;
    }
    return nullptr;
}

double PlatformResult::componentUsd(ComponentId componentId) const
{
    const CostComponent *c = component(componentId);
    return c ? c->usd : 0.0;
}

FleetSnapshot PlatformResult::fleetAt(int hour) const
{
    if (hour < 0 || hour >= fleetStateOfHour.size())
        return FleetSnapshot { id, hour, {} };
    const int state = fleetStateOfHour.at(hour);
    if (state < 0 || state >= fleetStates.size())
        return FleetSnapshot { id, hour, {} };
    const FleetSnapshot &stored = fleetStates.at(state);
    const bool counted
        = std::any_of(stored.nodes.cbegin(), stored.nodes.cend(), [](const FleetNode &n) { return n.count != 1; });
    if (!counted) {
        FleetSnapshot snapshot = stored;
        snapshot.hour = hour;
        return snapshot;
    }
    FleetSnapshot snapshot { stored.platform, hour, {} };
    qsizetype nodes = 0;
    for (const FleetNode &n : stored.nodes)
        nodes += std::max(0, n.count);
    snapshot.nodes.reserve(nodes);
    for (const FleetNode &n : stored.nodes) {
        FleetNode one = n;
        one.count = 1;
        for (int i = 0; i < n.count; ++i)
            snapshot.nodes.append(one); // implicitly shared: the copies share the label and the items
    }
    return snapshot;
}

const PlatformResult *CostReport::platform(PlatformId platformId) const
{
    for (const PlatformResult &p : platforms) {
        if (p.id == platformId)
            return &p;
    }
    return nullptr;
}

void PlatformResult::markInfeasible(const QString &service, const QString &reason)
{
    // Reasons from the placement engine name the service themselves ("service \"api\": ..."): said once.
    const QString prefix = QStringLiteral("service \"%1\": ").arg(service);
    const Infeasibility entry { service,
        !service.isEmpty() && reason.startsWith(prefix) ? reason.mid(prefix.size()) : reason };
    if (!infeasible.contains(entry))
        infeasible.append(entry);
}

QString PlatformResult::infeasibleSummary() const
{
    QStringList parts;
    for (const Infeasibility &i : infeasible)
        parts.append(i.service.isEmpty() ? i.reason : i.service + QStringLiteral(": ") + i.reason);
    return parts.join(QStringLiteral("; "));
}

const PlatformResult *CostReport::cheapestPlatform() const
{
    const PlatformResult *best = nullptr;
    for (const PlatformResult &p : platforms) {
        if (!p.feasible() || p.partial())
            continue;
        // Equal totals: the first in PlatformId order, whatever order the list is in.
        if (!best || p.totalUsd < best->totalUsd || (p.totalUsd == best->totalUsd && p.id < best->id))
            best = &p;
    }
    return best;
}

QString CostReport::periodUnit() const
{
    return hours == int(pricing::HoursPerMonth) ? QStringLiteral("month") : QStringLiteral("%1 hours").arg(hours);
}

QString CostReport::perPeriod() const
{
    return hours == int(pricing::HoursPerMonth) ? QStringLiteral("per month")
                                                : QStringLiteral("over %1 hours").arg(hours);
}

QString CostReport::periodLabel() const
{
    if (hours == int(pricing::HoursPerMonth))
        return QStringLiteral("1 month (%1 hours)").arg(hours);
    if (hours > 0 && hours % 24 == 0)
        return QStringLiteral("%1 days (%2 hours)").arg(hours / 24).arg(hours);
    return QStringLiteral("%1 hours").arg(hours);
}

} // namespace fleetplan::models
