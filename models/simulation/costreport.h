// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "models/workload/scenario.h"

/// The result of a fleet simulation: what each platform costs over the billing period, why, and how the
/// fleet looked hour by hour. Plain values only; `simulate()` (models/simulation/simulation.h) fills
/// it, the GUI charts it, the report writers and `fleetplan compare` print it. Full precision inside:
/// every figure is an unrounded double; round only when displaying.
namespace fleetplan::models {

/// What-if knobs the GUI's sliders move. Each optional overrides the scenario's own value when set.
struct WhatIf
{
    double loadMultiplier = 1.0; ///< multiplies every service's replicas (replicasAt's whatIf factor)
    /// Scales load above the profile's mean: load' = mean + (load − mean) × peakMultiplier, never below 0.
    /// 1.0 leaves the profile unchanged; 0 flattens it to its mean.
    double peakMultiplier = 1.0;
    std::optional<double> spotShare; ///< overrides PurchaseOptions::spotShare (0..1)
    std::optional<double> savingsPlanUsdPerHour; ///< overrides PurchaseOptions::savingsPlanUsdPerHour
    std::optional<double>
        targetUtilizationPercent; ///< overrides PlatformSettings::targetUtilizationPercent (EC2 platforms)
    std::optional<QString> region; ///< overrides Scenario::region

    friend bool operator==(const WhatIf &, const WhatIf &) = default;
};

/// Stable ids of cost components (JSON keys, CSV columns, report rows). A platform lists only the
/// components that apply to it, in this order.
enum class ComponentId {
    ComputeOnDemand, ///< "compute_on_demand": EC2 instance-hours at On-Demand rates not covered by a commitment
    ComputeSpot, ///< "compute_spot": EC2 Spot instance-hours at the catalog's Spot snapshot
    /// "own_hardware": node-hours of custom node types (the user's machines) at the user's hourly cost from
    /// the price book; no Savings Plan or Reserved Instance covers them
    OwnHardware,
    ReservedInstances, ///< "reserved_instances": RI fee (paid whether used or not)
    SavingsPlans, ///< "savings_plans": Savings Plans commitment paid (used or not)
    /// "existing_commitments": RIs and Savings Plans the scenario already holds, paid every hour on every
    /// platform whether or not it uses them (Scenario::commitments)
    ExistingCommitments,
    ControlPlane, ///< "control_plane": EKS cluster-hours
    Ebs, ///< "ebs": gp3 root volumes of the nodes
    FargateVcpu, ///< "fargate_vcpu": Fargate vCPU-hours at On-Demand rates
    FargateMemory, ///< "fargate_memory": Fargate GB-hours at On-Demand rates
    FargateSpotVcpu, ///< "fargate_spot_vcpu": Fargate Spot vCPU-hours
    FargateSpotMemory, ///< "fargate_spot_memory": Fargate Spot GB-hours
    FargateStorage, ///< "fargate_storage": ephemeral storage above the free 20 GB
    OsLicense, ///< "os_license": Windows OS licence fee on Fargate (per vCPU-hour)
    SpotInterruption, ///< "spot_interruption": allowance for work re-run after Spot interruptions
    /// "deployments": surge tasks of rolling and blue/green deployments (Fargate task-hours; on EC2 the
    /// extra node-hours where the fleet's spare capacity does not hold them; docs/cost-rules.md)
    Deployments,
    AppRunnerActiveVcpu, ///< "app_runner_active_vcpu": vCPU-hours of App Runner instances serving requests
    AppRunnerActiveMemory, ///< "app_runner_active_memory": GB-hours of App Runner instances serving requests
    AppRunnerProvisionedMemory, ///< "app_runner_provisioned_memory": GB-hours of idle provisioned instances
    AppRunnerAutomaticDeployment, ///< "app_runner_automatic_deployment": fee per service-month
    // Network and registry (issue 19): beside compute, never part of it (isNetworkOrRegistry()).
    EcrStorage, ///< "ecr_storage": GB-months of the images the lifecycle policies keep (replicas included)
    EcrScanning, ///< "ecr_scanning": enhanced scans on push and continuous rescans
    EcrReplication, ///< "ecr_replication": GB replicated to other regions (inter-region data transfer)
    ImagePullTransfer, ///< "image_pull_transfer": GB pulled across regions
    NatGatewayHours, ///< "nat_gateway_hours": NAT gateway-hours
    NatGatewayData, ///< "nat_gateway_data": GB processed by the NAT gateways (image pulls)
    PublicIpv4, ///< "public_ipv4": public IPv4 address-hours (Fargate tasks or EC2 nodes in public subnets)
    LoadBalancerHours, ///< "load_balancer_hours": ALB / NLB hours
    LoadBalancerCapacity, ///< "load_balancer_capacity": LCU / NLCU hours
    LogsIngestion, ///< "logs_ingestion": CloudWatch Logs GB ingested
};
inline constexpr int ComponentCount = 30;
/// True for the network and registry components (EcrStorage … LogsIngestion): the comparison shows them
/// apart from compute.
inline bool isNetworkOrRegistry(ComponentId id)
{
    return id >= ComponentId::EcrStorage;
}

/// "compute_on_demand", "fargate_vcpu", ...
QString toId(ComponentId id);
std::optional<ComponentId> componentFromId(const QString &id);
/// "Compute (On-Demand)", "Fargate vCPU", ...
QString displayName(ComponentId id);

/// One line of a platform's bill.
struct CostComponent
{
    ComponentId id = ComponentId::ComputeOnDemand;
    double usd = 0.0; ///< unrounded total over the period
    double quantity = 0.0; ///< billed quantity (instance-hours, vCPU-hours, GB-hours, GB-months, cluster-hours)
    QString unit; ///< unit of quantity: "instance-hours", "vCPU-hours", "GB-hours", "GB-months", "cluster-hours"
    /// How the figure was reached, rates × quantities, e.g. "1,234.5 vCPU-hours × 0.04048 USD = 49.97 USD".
    /// Several lines are joined with '\n' (one per instance type or rate).
    QString explanation;

    friend bool operator==(const CostComponent &, const CostComponent &) = default;
};

/// requested ÷ allocatable per dimension, weighted over all node-hours (Fargate: requested ÷ provisioned).
struct Utilisation
{
    double cpu = 0.0; ///< 0..1
    double memory = 0.0; ///< 0..1
    double slotUsage = 0.0; ///< ENI / pod slots used ÷ available (0 when the platform has no slot limit)

    friend bool operator==(const Utilisation &, const Utilisation &) = default;
};

/// Hour-by-hour series over the billing period; every list has `hours` entries (index = hour of period).
struct HourlySeries
{
    QList<double> costUsd; ///< cost of that hour (commitments spread evenly over the hours)
    QList<int> nodes; ///< EC2 nodes running (0 on Fargate platforms)
    QList<int> tasks; ///< tasks / pods running (daemons included, one per node); App Runner: instances
    /// App Runner only (empty elsewhere): of `tasks`, the provisioned instances serving no requests.
    QList<int> idleInstances;
    QList<double> cpuRequested; ///< vCPU requested by tasks / pods
    QList<double> memoryRequestedMib; ///< MiB requested by tasks / pods
    QList<double> cpuAllocatable; ///< vCPU allocatable on the nodes (Fargate: provisioned vCPU)
    QList<double> memoryAllocatableMib; ///< MiB allocatable on the nodes (Fargate: provisioned MiB)

    friend bool operator==(const HourlySeries &, const HourlySeries &) = default;
};

/// One rule or figure the platform model relied on, for the "assumptions" table of reports.
struct Assumption
{
    QString name; ///< "EKS kube-reserved memory"
    QString value; ///< "11 MiB × max pods + 255 MiB"
    QString source; ///< "awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go @81fec2e"

    friend bool operator==(const Assumption &, const Assumption &) = default;
};

/// The Savings Plans commitment that minimises the total cost for the simulated hourly usage curve.
struct SavingsPlanRecommendation
{
    bool applicable = false; ///< false when the platform has no usage a Savings Plan covers
    double commitmentUsdPerHour = 0.0; ///< recommended commitment (USD per hour, at Savings Plans rates)
    double discountPercent = 0.0; ///< discount assumed (percent off On-Demand, from the catalog)
    double totalUsdWithCommitment = 0.0; ///< platform total if that commitment were bought
    double savingUsd = 0.0; ///< total without any commitment − totalUsdWithCommitment
    QString explanation;

    friend bool operator==(const SavingsPlanRecommendation &, const SavingsPlanRecommendation &) = default;
};

/// Identical tasks, pods or daemon copies of one service placed on one node (or one Fargate task in its
/// own micro-VM). Figures are per copy; `count` copies sit on the node.
struct FleetItem
{
    QString service; ///< service name ("api-gateway"); system daemons: "aws-node", "kube-proxy", "coredns"
    double cpu = 0.0; ///< vCPU requested per copy
    double memoryMib = 0; ///< MiB requested per copy
    int slotsUsed = 0; ///< ENIs / pod slots used per copy (0 when not limited)
    bool daemon = false; ///< a DaemonSet / daemon copy (one per node)
    int count = 1; ///< identical copies on this node

    friend bool operator==(const FleetItem &, const FleetItem &) = default;
};

/// One EC2 node (or, on Fargate, one task's provisioned size) and what runs on it; `count` identical
/// nodes when the platform stores them once (EC2: a run of nodes of one type holding the same tasks;
/// Fargate: the On-Demand or the Spot tasks of one service).
struct FleetNode
{
    QString instanceType; ///< "m6i.large"; Fargate: "fargate 2 vCPU / 9216 MiB"
    bool spot = false; ///< bought as Spot (EC2 Spot or FARGATE_SPOT)
    double cpuCapacity = 0.0; ///< allocatable vCPU (after node reservations; daemons appear as items)
    double memoryCapacityMib = 0; ///< allocatable MiB
    int slotCapacity = 0; ///< awsvpc task / pod slots (0 = unlimited)
    double usdPerHour = 0.0; ///< On-Demand or Spot rate of this node (Fargate: the task's hourly rate)
    QList<FleetItem> items;
    /// Identical nodes this entry stands for (≥ 1). Only PlatformResult::fleetStates holds counts above 1:
    /// 20,000 services would otherwise take an entry per node or Fargate task in every state (most of the
    /// memory of a month). PlatformResult::fleetAt() gives one entry per node.
    int count = 1;

    friend bool operator==(const FleetNode &, const FleetNode &) = default;
};

/// The packed fleet of one platform at one hour (the GUI's fleet view).
struct FleetSnapshot
{
    PlatformId platform = PlatformId::EcsEc2;
    int hour = 0;
    QList<FleetNode> nodes;

    friend bool operator==(const FleetSnapshot &, const FleetSnapshot &) = default;
};

/// A service (or the whole platform) that the platform cannot run or price, and why. A platform with any
/// of these is infeasible: its figures are not a price, and nothing may show or compare them as one.
struct Infeasibility
{
    QString service; ///< the service that cannot run; empty when the whole platform cannot be priced
    QString reason; ///< "96 vCPU per task but the largest allowed type has 64", "no Fargate rate in xx-1"

    friend bool operator==(const Infeasibility &, const Infeasibility &) = default;
};

/// Everything one platform costs and why.
struct PlatformResult
{
    PlatformId id = PlatformId::EcsEc2;
    double totalUsd = 0.0; ///< sum of components' usd
    QList<CostComponent> components; ///< in ComponentId order; only the ones that apply
    QMap<QString, double> nodeHoursByType; ///< "m6i.large" → instance-hours (Spot nodes keyed "m6i.large (spot)")
    int peakNodes = 0; ///< most EC2 nodes at any hour (Fargate: most tasks at any hour)
    Utilisation utilisation;
    double idleCostUsd = 0.0; ///< cost of unrequested capacity: Σ_h cost_h × (1 − max(cpu, memory) util_h)
    /// EC2-backed platforms (ECS on EC2, EKS nodes) only, 0 elsewhere: how far the packed fleets can be from
    /// the best possible packing (docs/cost-rules.md). packedComputeUsd = Σ_h Σ_nodes the node's On-Demand or
    /// Spot rate (instance-hours at catalog rates, before Savings Plans, without EBS or control plane);
    /// lowerBoundUsd = Σ_h placement lowerBoundPerHour of that hour's windowed demand, the same rates;
    /// optimalityRatio = packedComputeUsd ÷ lowerBoundUsd (≥ 1; 0 when there is no bound).
    double packedComputeUsd = 0.0;
    double lowerBoundUsd = 0.0; ///< see packedComputeUsd
    double optimalityRatio = 0.0; ///< see packedComputeUsd
    HourlySeries series;
    QStringList warnings; ///< surprises, e.g. "api: 1 vCPU / 8192 MiB pod becomes 2 vCPU / 9216 MiB on Fargate"
    QList<Assumption> assumptions;
    SavingsPlanRecommendation savingsPlan;
    /// Distinct packed fleets; fleetStateOfHour[h] indexes into it (identical hours share one state).
    /// Identical nodes may be stored once with FleetNode::count; fleetAt() expands them.
    QList<FleetSnapshot> fleetStates;
    QList<int> fleetStateOfHour;
    /// What this platform cannot run or price (empty = feasible). See feasible().
    QList<Infeasibility> infeasible;
    /// Services this platform does not run by design and leaves out of its figures (App Runner runs
    /// request-serving services only: jobs and daemons are listed here, "not on App Runner"). A platform
    /// with any is partial(): its total is not the bill of the whole workload (docs/cost-rules.md).
    QList<Infeasibility> notOnPlatform;

    /// True when every service runs and every part of the bill has a rate: only then is totalUsd a price.
    bool feasible() const { return infeasible.isEmpty(); }
    /// True when services are left out by design (notOnPlatform): the total covers the others only.
    bool partial() const { return !notOnPlatform.isEmpty(); }
    /// "nightly-report, log-agent": the services left out, for notes and tooltips (empty when none).
    QString notOnPlatformSummary() const;
    /// Records that `service` (empty: the platform as a whole) cannot run or be priced, once per reason.
    void markInfeasible(const QString &service, const QString &reason);
    /// "api: 96 vCPU per task ...; worker: ..." — every reason, for tables and tooltips.
    QString infeasibleSummary() const;

    /// The component with this id, or nullptr when the platform has none.
    const CostComponent *component(ComponentId id) const;
    /// usd of a component, 0 when absent.
    double componentUsd(ComponentId id) const;
    /// Σ of the network and registry components (isNetworkOrRegistry()); 0 without a registry or network block.
    double networkAndRegistryUsd() const;
    /// totalUsd − networkAndRegistryUsd(): the compute answer.
    double computeUsd() const { return totalUsd - networkAndRegistryUsd(); }
    /// The packed fleet at hour h (0 ≤ h < hours), one entry per node (every FleetNode::count is 1); an
    /// empty snapshot when out of range.
    FleetSnapshot fleetAt(int hour) const;

    friend bool operator==(const PlatformResult &, const PlatformResult &) = default;
};

/// The whole comparison.
struct CostReport
{
    QString scenarioName;
    QString region; ///< region priced (after WhatIf::region)
    int hours = 0; ///< billing period simulated
    QString catalogAsOf; ///< the catalog's as-of date ("2026-05-12")
    WhatIf whatIf; ///< the what-if applied
    QList<PlatformResult> platforms; ///< in PlatformId order, only the platforms simulated

    /// The result of a platform, or nullptr when it was not simulated.
    const PlatformResult *platform(PlatformId id) const;
    /// The cheapest feasible platform that prices the whole workload (not partial()): the lowest totalUsd;
    /// on a tie the first in PlatformId order. nullptr when no platform is feasible. Every view, report and CLI output
    /// asks this one function.
    const PlatformResult *cheapestPlatform() const;
    /// The billing period in words: "month" for 730 hours (pricing::HoursPerMonth), else "N hours".
    QString periodUnit() const;
    /// "per month" or "over N hours".
    QString perPeriod() const;
    /// "1 month (730 hours)" or "N hours".
    QString periodLabel() const;

    friend bool operator==(const CostReport &, const CostReport &) = default;
};

} // namespace fleetplan::models
