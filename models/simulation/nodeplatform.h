// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "models/placement/placement.h"
#include "models/simulation/costengine.h"
#include "models/simulation/demandtimeline.h"
#include "models/simulation/nodecapacity.h"
#include "models/simulation/platformmodels.h"

/// The phases of the two EC2-backed platform models (ECS on EC2, EKS managed nodes):
///  1. on which node types: nodeCandidates() — the allowed instance types with a price in the region and
///     their usable capacity (nodecapacity.h); chooseNodeTypes() — the fixed type per architecture
///     (managed node group) or the cheapest mix, as placement node types (On-Demand, then Spot);
///  2. what to place: nodeWorkload() — per-node daemons and overhead, item groups (service, its Spot share,
///     CoreDNS) with their sizes after the platform's rules; groupCountsOfStates() — tasks per group per
///     demand state;
///  3. fleet per hour: planMonth() — one packing per distinct windowed demand, monotone (docs/cost-rules.md,
///     "Planning the month");
///  4. what is billed: nodeBillableUsage() — instance-hours by type, family and purchase option, nodes for
///     EBS — priced by the cost engine (costengine.h).
/// simulateNodePlatform() (platformmodels.h) runs them and adds series, fleet states and assumptions.
namespace fleetplan::models {

/// An allowed instance type with its prices and usable capacity.
struct NodeCandidate
{
    const pricing::InstanceType *type = nullptr;
    double onDemand = 0.0; ///< USD per hour, Linux On-Demand
    std::optional<double> spot; ///< USD per hour at the Spot snapshot (only looked up with a Spot share)
    NodeCapacity capacity; ///< ECS registered / EKS allocatable
    int patternIndex = 0; ///< index of the first pattern of the platform settings that names the type
    /// Accelerator class of the type for this workload: 0 none, 1 NVIDIA GPUs, 2 AWS Neuron devices
    /// (acceleratorClassOf()); accelerated types are candidates only for a workload that asks for them.
    int acceleratorClass = 0;
    int accelerators = 0; ///< GPUs (class 1) or Neuron devices (class 2) of the type
    /// ECS on EC2: a Windows container instance (Windows ECS AMI), priced at the Windows (licence included)
    /// On-Demand rate; only Windows tasks go onto it (placement architecture key windowsNodeArch()).
    bool windows = false;
};

/// Placement architecture key of Windows tasks and Windows container instances (x86_64 only): Linux tasks
/// never land on a Windows instance, Windows tasks never on a Linux one.
inline QString windowsNodeArch()
{
    return QStringLiteral("x86_64-windows");
}

/// Accelerator classes of the node models: 0 = none, 1 = NVIDIA GPU (`nvidia.com/gpu`), 2 = AWS Neuron.
inline constexpr int AcceleratorClasses = 3;
/// The class of a service's accelerators (0 when it asks for none).
int acceleratorClassOf(const Service &service);
/// How many devices of class `acceleratorClass` an instance type has (instance_types.csv gpu_count for NVIDIA
/// GPUs — AMD and Gaudi GPUs do not count —, accelerator_count for Inferentia / Trainium); 0 for class 0.
int acceleratorsOf(const pricing::InstanceType &type, int acceleratorClass);
/// The placement architecture string of a node type or item: "x86_64", "arm64", or with an accelerator
/// class "x86_64/nvidia", "x86_64/neuron". Items without accelerators never go onto accelerated nodes (the
/// taint GPU node groups, Karpenter GPU NodePools and ECS GPU capacity providers carry in practice), and
/// NVIDIA and Neuron items never share a node.
QString placementArch(pricing::CpuArch arch, int acceleratorClass);

struct NodeCandidates
{
    QStringList patterns; ///< the platform's instance_types, or the defaults (m6i, c6i, r6i, m7g, c7g, r7g)
    QList<NodeCandidate> candidates; ///< in pattern order; empty = the platform cannot be priced
};

/// The allowed instance types of the platform: each pattern matched once, bare-metal and unpriced types left
/// out, accelerated types kept only when a service asks for their accelerator (then, with the default list,
/// g5.* and g6.* for NVIDIA GPUs and inf2.* for Neuron are added). Match errors become warnings; no candidate at all
/// marks the platform infeasible ("no instance type of ... has an On-Demand price in <region>").
NodeCandidates nodeCandidates(const SimulationInput &in, PlatformId id, PlatformResult &result);

/// One item group of the placement request and where its count comes from.
struct NodeGroupSource
{
    int service = -1; ///< index into scenario.services; -1 = CoreDNS
    bool spotPart = false; ///< the Spot-tolerant share of a spot_ok service
    double cpuVcpu = 0, memoryMib = 0;
    int slotsEach = 0;
};

/// What must be placed on the nodes of one platform.
struct NodeWorkload
{
    placement::PlacementRequest request; ///< item groups (counts 0), CPU units, headroom; node types empty
    QList<NodeGroupSource> sources; ///< parallel to request.items
    placement::Resources overhead { 0, 0, 0, 0 }; ///< per-node daemons (CPU units, MiB, slots, GPUs)
    QList<FleetItem> daemonItems; ///< the per-node daemons, as the fleet view lists them
    bool anyAwsvpc = false; ///< ECS: some task uses an ENI (else the slot limit is off)
    /// [x86_64, arm64][accelerator class]: some task needs it.
    bool need[2][AcceleratorClasses] = {};
    /// [arch][accelerator class][CPU units, MiB, GPUs] of the largest task of that class.
    double largest[2][AcceleratorClasses][3] = {};
    bool needWindows = false; ///< ECS: some Windows task (Windows container instances)
    double largestWindows[2] = { 0, 0 }; ///< CPU units, MiB of the largest Windows task
    double spotShare = 0.0; ///< PurchaseOptions::spotShare clamped to 0..1
    /// ECS managed scaling target capacity (0..1]: the tasks are packed at 100 % (request.targetUtilization
    /// 1) and the fleet then grows to ⌈M ÷ target⌉ instances (headroomNodes()). 1 on EKS, whose headroom is
    /// request.targetUtilization (each node filled to that share of its CPU and memory).
    double ecsTargetCapacity = 1.0;
};

/// ECS managed scaling (ECS developer guide, "Cluster auto scaling"; AWS Containers blog "Deep dive on
/// Amazon ECS cluster auto scaling"): CapacityProviderReservation = M ÷ N × 100, where M is the number of
/// instances needed to run every task (packed at 100 %) and N the number running; the capacity provider
/// keeps N = ⌈M × 100 ÷ target⌉. The N − M instances beyond the packing are empty instances of `nodeType`.
struct HeadroomNodes
{
    double targetCapacity = 1.0; ///< target ÷ 100; 1 = no headroom instances
    int nodeType = -1; ///< index into PlacementRequest::nodeTypes; -1 = none added
};

/// N = ⌈M × 100 ÷ target⌉ for M packed instances (target in percent, 0 < target ≤ 100). Exact in integers
/// for targets with up to 6 decimals, so 4 instances at 80 % give exactly 5.
int ecsInstancesForTarget(int packedInstances, double targetPercent);

/// The node type of the ECS headroom instances: the cheapest On-Demand type (first listed on a tie; the Auto
/// Scaling group's "lowest-price" allocation strategy, or the fixed type with mixed_instances off) of the
/// first class some task needs (x86_64 before arm64, no accelerator before one); -1 when the workload has
/// no task or targetCapacity is 1.
HeadroomNodes ecsHeadroomNodes(const NodeWorkload &workload);

/// The per-node daemons (EKS: aws-node, kube-proxy; plus the workload's daemons) as overhead and the item
/// groups: every service (ECS: CPU units of 1024 per vCPU, an ENI per awsvpc task, exclusive static host
/// ports; EKS: millicores, a pod slot each), its Spot-tolerant share as a group of its own, CoreDNS on EKS.
/// Windows services: on ECS on EC2 a group of their own architecture (WindowsNodeArch, Windows container
/// instances); EKS managed nodes (Linux node groups in this model) cannot run them: infeasible.
NodeWorkload nodeWorkload(const SimulationInput &in, PlatformId id, PlatformResult &result);

/// The node types of the placement request: with mixed_instances off, per architecture the first listed
/// type that holds the largest task (a warning names it); On-Demand variants, then Spot variants of the
/// types with a Spot price. Fills workload.request.nodeTypes and returns, parallel to it, the index of
/// each node type's candidate.
QList<qsizetype> chooseNodeTypes(const PlatformSettings &settings, PlatformId id, NodeWorkload &workload,
    QList<NodeCandidate> &candidates, PlatformResult &result);

/// Tasks per item group for every demand state: the replicas of each service, its Spot share
/// round(n × spotShare) in the Spot group, CoreDNS 2 replicas.
QList<QList<int>> groupCountsOfStates(
    const NodeWorkload &workload, const Scenario &scenario, const DemandTimeline &demand);

/// The fleet of every hour of the month.
struct MonthPlan
{
    QList<placement::PlacementResult> fleets; ///< distinct fleets
    QList<int> fleetOfHour; ///< hour → fleets
    QList<int> windowOfHour; ///< hour → distinct windowed demand
    QList<double> boundOfWindow; ///< placement lower bound of each windowed demand, USD per hour
};

/// Plans the month (docs/cost-rules.md, "Planning the month"): the windowed demand of hour h is the
/// componentwise maximum of the group counts of hours h − delay … h; each distinct windowed demand, largest
/// first, gets a fresh packing or — when cheaper (instance rates + ebsUsdPerNodeHour per node) — the fleet
/// of a dominating demand with the surplus removed. `request` carries the node types; its counts are set
/// per demand.
/// With `headroom` (ECS managed scaling) every candidate fleet of M packed instances gets
/// ecsInstancesForTarget(M) − M empty headroom instances before fleets are compared; the lower bound of a
/// window stays that of the packing alone. `withoutEbs[t]` (per node type of `request`; empty = none) marks
/// the custom node types (own hardware), which have no EBS root volume.
MonthPlan planMonth(placement::PlacementRequest request, const QList<QList<int>> &stateCounts,
    const QList<int> &stateOfHour, int delay, double ebsUsdPerNodeHour, const HeadroomNodes &headroom = {},
    const QList<bool> &withoutEbs = {});

/// Instance-hours of the planned fleets as billable usage: one state per fleet with one item per node
/// (On-Demand: compute_on_demand with its family; Spot: compute_spot; a custom node type: own_hardware at
/// the user's cost, no family, no EBS volume — BillableState::nodes counts the EC2 nodes only), one run per
/// hour. EBS, the control
/// plane and the listed components are left to the caller.
BillableUsage nodeBillableUsage(const placement::PlacementRequest &request, const QList<NodeCandidate> &candidates,
    const QList<qsizetype> &candidateOf, const MonthPlan &month);

} // namespace fleetplan::models
