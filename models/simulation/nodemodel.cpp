// SPDX-License-Identifier: GPL-3.0-or-later
// ECS on EC2 and EKS managed nodes: the demand of every hour is packed onto EC2 instances by the placement
// engine (models/placement) and the fleet is priced. The fleet of an hour depends on that hour's windowed
// demand only (one packing per distinct demand, monotone in the demand; docs/cost-rules.md).
//  - ECS: container instances register vCPU × 1024 CPU units and installed memory − OS share −
//    ECS_RESERVED_MEMORY; awsvpc tasks take an ENI (nodecapacity.h); bridge/host tasks with a static host
//    port cannot share an instance; daemons run once per instance.
//  - EKS: allocatable = capacity − kube-reserved − eviction threshold − VM overhead; max pods from ENIs;
//    DaemonSets on every node (VPC CNI aws-node 25m CPU, kube-proxy 100m CPU, plus the workload's daemons)
//    and CoreDNS as a two-replica Deployment (100m / 70Mi each); control plane per cluster-hour.
//  - Both: capacity-provider / Karpenter headroom (target utilisation), a scale-in delay (nodes are sized
//    for the highest demand of the last scaleInDelayHours + 1 hours), EBS gp3 root volume per node,
//    Spot for the Spot-tolerant share, Savings Plans applied hour by hour (commitmentengine.h).
#include "models/simulation/nodeplatform.h"

#include <algorithm>
#include <limits>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>

#include <QHash>

#include "models/placement/placement.h"
#include "models/simulation/costengine.h"
#include "models/simulation/moneyformat.h"
#include "models/simulation/nodecapacity.h"
#include "pricing/units.h"

namespace fleetplan::models {

namespace {

namespace pl = placement;

// EKS add-on defaults (requests per node): amazon-vpc-cni-k8s aws-node DaemonSet requests cpu 25m
// (config/master/aws-k8s-cni.yaml); kube-proxy DaemonSet requests cpu 100m (EKS kube-proxy add-on
// manifest); CoreDNS Deployment, 2 replicas, requests cpu 100m / memory 70Mi each (EKS CoreDNS add-on).
constexpr double AwsNodeCpuMillicores = 25.0;
constexpr double KubeProxyCpuMillicores = 100.0;
constexpr double CoreDnsCpuMillicores = 100.0;
constexpr double CoreDnsMemoryMib = 70.0;
constexpr int CoreDnsReplicas = 2;

/// Exclusive keys of services that run one task per node: above every port number (1–65535).
constexpr int OnePerNodeKeyBase = 1 << 20;

const QStringList &defaultInstancePatterns()
{
    static const QStringList patterns { QStringLiteral("m6i.*"), QStringLiteral("c6i.*"), QStringLiteral("r6i.*"),
        QStringLiteral("m7g.*"), QStringLiteral("c7g.*"), QStringLiteral("r7g.*") };
    return patterns;
}

/// A planned fleet with the figures the series need.
struct FleetState
{
    pl::PlacementResult placement;
    double onDemandUsd = 0, spotUsd = 0;
    int nodes = 0;
    int ebsNodes = 0; // nodes with an EBS root volume (not custom node types)
    double cpuAllocatable = 0, memoryAllocatable = 0, slotCapacity = 0; // vCPU, MiB, slots
};

std::size_t hashPlacement(const pl::PlacementResult &p)
{
    std::size_t h = qHash(p.nodes.size());
    for (const pl::Node &n : p.nodes) {
        h = h * 31 + std::size_t(n.nodeType);
        for (const auto &item : n.items)
            h = h * 131 + std::size_t(item.first) * 7 + std::size_t(item.second);
    }
    return h;
}

/// The fleet `from` (packed for a demand that dominates the request's counts) with the surplus items
/// removed, least used nodes first, and the emptied nodes closed: a valid packing of the request that
/// costs no more than `from`. std::nullopt when `from` holds fewer items of some group than requested.
std::optional<pl::PlacementResult> shrinkOnto(const pl::PlacementRequest &request, const pl::PlacementResult &from)
{
    const qsizetype groupCount = request.items.size();
    QList<int> surplus(groupCount, 0);
    for (const pl::Node &n : from.nodes) {
        for (const auto &[g, count] : n.items)
            surplus[g] += count;
    }
    QList<int> unplacedOf(groupCount, 0);
    for (const pl::Unplaced &u : from.unplaced)
        unplacedOf[u.group] += u.count;
    for (qsizetype g = 0; g < groupCount; ++g) {
        // Items the dominating fleet could not place at all cannot be placed here either.
        const int wanted = std::max(0, request.items.at(g).count - unplacedOf.at(g));
        surplus[g] -= wanted;
        if (surplus.at(g) < 0)
            return std::nullopt;
    }
    auto load = [&](const pl::Node &n) {
        const pl::NodeType &t = request.nodeTypes.at(n.nodeType);
        double u = 0;
        for (int d = 0; d < pl::DimensionCount; ++d) {
            const double cap = t.capacity[d] - t.overhead[d];
            if (cap > 0)
                u = std::max(u, n.used[d] / cap);
        }
        return u;
    };
    QList<int> order(from.nodes.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        order[i] = int(i);
    QList<double> loads(from.nodes.size());
    for (qsizetype i = 0; i < loads.size(); ++i)
        loads[i] = load(from.nodes.at(i));
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return loads.at(a) < loads.at(b); });
    QList<pl::Node> nodes = from.nodes;
    for (int i : order) {
        pl::Node &n = nodes[i];
        for (auto &item : n.items) {
            const int take = std::min(item.second, surplus.at(item.first));
            if (take <= 0)
                continue;
            surplus[item.first] -= take;
            item.second -= take;
            const pl::Resources &req = request.items.at(item.first).request;
            for (int d = 0; d < pl::DimensionCount; ++d)
                n.used[d] -= take * req[d];
        }
        n.items.removeIf([](const QPair<int, int> &item) { return item.second <= 0; });
    }
    pl::PlacementResult out;
    out.unplaced = from.unplaced;
    for (pl::Unplaced &u : out.unplaced)
        u.count = std::min(u.count, request.items.at(u.group).count);
    out.unplaced.removeIf([](const pl::Unplaced &u) { return u.count <= 0; });
    out.nodesByType = QList<int>(request.nodeTypes.size(), 0);
    pl::Resources items, capacity;
    for (pl::Node &n : nodes) {
        if (n.items.isEmpty())
            continue;
        const pl::NodeType &t = request.nodeTypes.at(n.nodeType);
        out.nodesByType[n.nodeType] += 1;
        out.costPerHour += t.pricePerHour;
        for (int d = 0; d < pl::DimensionCount; ++d) {
            items[d] += n.used[d];
            capacity[d] += t.capacity[d] - t.overhead[d];
        }
        for (const auto &item : n.items)
            out.placedItems += item.second;
        out.nodes.append(std::move(n));
    }
    for (int d = 0; d < pl::DimensionCount; ++d)
        out.utilisation[d] = capacity[d] > 0 ? items[d] / capacity[d] : 0.0;
    return out;
}

/// The fleet `placed` with the ECS headroom instances added: ⌈M × 100 ÷ target⌉ − M empty nodes of
/// headroom.nodeType for its M nodes.
void addHeadroomNodes(const pl::PlacementRequest &request, const HeadroomNodes &headroom, pl::PlacementResult &placed)
{
    if (headroom.nodeType < 0 || headroom.targetCapacity >= 1.0 || placed.nodes.isEmpty())
        return;
    const int packed = int(placed.nodes.size());
    const int extra = ecsInstancesForTarget(packed, headroom.targetCapacity * 100.0) - packed;
    if (extra <= 0)
        return;
    const pl::NodeType &t = request.nodeTypes.at(headroom.nodeType);
    if (placed.nodesByType.size() < request.nodeTypes.size())
        placed.nodesByType.resize(request.nodeTypes.size(), 0);
    placed.nodesByType[headroom.nodeType] += extra;
    placed.costPerHour += extra * t.pricePerHour;
    pl::Resources items;
    for (const pl::Node &n : std::as_const(placed.nodes)) {
        for (int d = 0; d < pl::DimensionCount; ++d)
            items[d] += n.used[d];
    }
    for (int k = 0; k < extra; ++k)
        placed.nodes.append(pl::Node { headroom.nodeType, {}, pl::Resources {} });
    pl::Resources capacity;
    for (const pl::Node &n : std::as_const(placed.nodes)) {
        const pl::NodeType &nt = request.nodeTypes.at(n.nodeType);
        for (int d = 0; d < pl::DimensionCount; ++d)
            capacity[d] += nt.capacity[d] - nt.overhead[d];
    }
    for (int d = 0; d < pl::DimensionCount; ++d)
        placed.utilisation[d] = capacity[d] > 0 ? items[d] / capacity[d] : 0.0;
    placed.ratio = placed.lowerBoundPerHour > 0 ? placed.costPerHour / placed.lowerBoundPerHour : 1.0;
}

} // namespace

int ecsInstancesForTarget(int packedInstances, double targetPercent)
{
    if (packedInstances <= 0)
        return 0;
    if (!(targetPercent > 0) || targetPercent >= 100.0)
        return packedInstances;
    // ⌈M × 100 ÷ target⌉ in integers: the target in millionths of a percent, so 80 % is exactly 5 of 4.
    const auto target = std::int64_t(std::llround(targetPercent * 1e6));
    const std::int64_t numerator = std::int64_t(packedInstances) * 100'000'000;
    return int((numerator + target - 1) / target);
}

int acceleratorClassOf(const Service &s)
{
    if (s.gpus <= 0)
        return 0;
    return s.accelerator == Accelerator::AwsNeuron ? 2 : 1;
}

int acceleratorsOf(const pricing::InstanceType &t, int acceleratorClass)
{
    if (acceleratorClass == 1)
        return t.nvidiaGpus();
    if (acceleratorClass == 2)
        return t.neuronDevices();
    return 0;
}

QString placementArch(pricing::CpuArch arch, int acceleratorClass)
{
    const QString name = pricing::cpuArchName(arch);
    if (acceleratorClass == 1)
        return name + QStringLiteral("/nvidia");
    if (acceleratorClass == 2)
        return name + QStringLiteral("/neuron");
    return name;
}

HeadroomNodes ecsHeadroomNodes(const NodeWorkload &w)
{
    HeadroomNodes out;
    out.targetCapacity = w.ecsTargetCapacity;
    // The class of the headroom instances: x86_64 before arm64, no accelerator before one.
    int a = -1, k = -1;
    for (int cls = 0; cls < AcceleratorClasses && a < 0; ++cls) {
        for (int arch = 0; arch < 2 && a < 0; ++arch) {
            if (w.need[arch][cls]) {
                a = arch;
                k = cls;
            }
        }
    }
    if (w.ecsTargetCapacity >= 1.0 || a < 0)
        return out;
    const QString arch = placementArch(a == 1 ? pricing::CpuArch::Arm64 : pricing::CpuArch::X86_64, k);
    // The Auto Scaling group launches them by its allocation strategy: one type (mixed_instances off: the
    // fixed type, the only candidate left) or, for a mix, "lowest-price" — the cheapest allowed type. The
    // capacity provider counts instances, not their size (ECS recommends types of similar size).
    int cheapest = -1;
    const QList<pl::NodeType> &types = w.request.nodeTypes;
    for (qsizetype t = 0; t < types.size(); ++t) {
        const pl::NodeType &nt = types.at(t);
        if (nt.spot || nt.arch != arch)
            continue;
        if (cheapest < 0 || nt.pricePerHour < types.at(cheapest).pricePerHour)
            cheapest = int(t);
    }
    out.nodeType = cheapest;
    return out;
}

NodeCandidates nodeCandidates(const SimulationInput &in, PlatformId id, PlatformResult &r)
{
    const PlatformSettings &ps = in.scenario.platform(id);
    const bool ecs = id == PlatformId::EcsEc2;
    const QString platformName = displayName(id);
    NodeCandidates out;
    // ---- candidate instance types --------------------------------------------------------------------
    // Accelerator classes the workload asks for: only then are accelerated types candidates.
    bool wantClass[AcceleratorClasses] = { true, false, false };
    for (const Service &s : in.scenario.services) {
        if (s.kind != ServiceKind::Daemon)
            wantClass[acceleratorClassOf(s)] = true;
    }
    out.patterns = ps.instanceTypes.isEmpty() ? defaultInstancePatterns() : ps.instanceTypes;
    if (ps.instanceTypes.isEmpty()) {
        // Default GPU / Neuron candidates: the current NVIDIA families for inference (A10G, L4) and Inferentia2.
        if (wantClass[1])
            out.patterns << QStringLiteral("g5.*") << QStringLiteral("g6.*");
        if (wantClass[2])
            out.patterns << QStringLiteral("inf2.*");
    }
    const QStringList &patterns = out.patterns;
    // Each pattern is matched once; a type keeps the index of the first pattern that names it.
    QStringList names;
    QHash<QString, int> patternOf;
    for (qsizetype k = 0; k < patterns.size(); ++k) {
        QString matchError;
        const QStringList matched = in.catalog.matchInstanceTypes({ patterns.at(k) }, &matchError);
        if (!matchError.isEmpty())
            r.warnings.append(matchError);
        for (const QString &name : matched) {
            if (!patternOf.contains(name)) {
                patternOf.insert(name, int(k));
                names.append(name);
            }
        }
    }
    QList<NodeCandidate> &candidates = out.candidates;
    const double spotShare = std::clamp(in.purchase.spotShare, 0.0, 1.0);
    // EKS Anywhere: the cluster runs on the user's machines, so only custom node types are candidates.
    const bool eksAnywhere = !ecs && ps.eksAnywhere;
    int awsTypesLeftOut = 0;
    for (const QString &name : names) {
        const pricing::InstanceType *t = in.catalog.instanceType(name);
        if (!t || !t->hasSpecs() || t->bareMetal)
            continue;
        if (eksAnywhere && !t->custom) {
            ++awsTypesLeftOut;
            continue;
        }
        int cls = 0;
        if (t->isAccelerated()) {
            // An accelerated type serves the workload's GPU (or Neuron) tasks only, never its other tasks.
            cls = acceleratorsOf(*t, 1) > 0 ? 1 : (acceleratorsOf(*t, 2) > 0 ? 2 : -1);
            if (cls < 0 || !wantClass[cls])
                continue;
        }
        const auto od = in.catalog.onDemandHourly(in.region, name);
        if (!od)
            continue;
        NodeCandidate c { t, od->usd, std::nullopt,
            ecs ? ecsRegisteredCapacity(*t, ps) : eksAllocatableCapacity(*t, ps), 0 };
        if (spotShare > 0) {
            if (const auto sp = in.catalog.spotHourly(in.region, name))
                c.spot = sp->usd;
        }
        c.patternIndex = patternOf.value(name);
        c.acceleratorClass = cls;
        c.accelerators = acceleratorsOf(*t, cls);
        candidates.append(c);
    }
    // ECS on EC2 with Windows tasks: Windows container instances of the same x86_64 types, at the Windows
    // (licence included) On-Demand rate (ec2_ondemand_windows_prices.csv) with the Windows AMI's memory.
    // No Spot variant: the catalog's Spot snapshot is Linux only.
    bool anyWindows = false;
    for (const Service &s : in.scenario.services)
        anyWindows = anyWindows || (s.kind != ServiceKind::Daemon && s.os == OsFamily::Windows);
    if (ecs && anyWindows) {
        for (const QString &name : names) {
            const pricing::InstanceType *t = in.catalog.instanceType(name);
            if (!t || !t->hasSpecs() || t->bareMetal || t->isAccelerated() || t->arch != pricing::CpuArch::X86_64)
                continue;
            const auto od = in.catalog.windowsOnDemandHourly(in.region, name);
            if (!od)
                continue;
            NodeCandidate c { t, od->usd, std::nullopt, ecsWindowsRegisteredCapacity(*t, ps), patternOf.value(name) };
            c.windows = true;
            candidates.append(c);
        }
    }
    if (eksAnywhere && awsTypesLeftOut > 0 && !candidates.isEmpty())
        r.warnings.append(QStringLiteral("EKS Anywhere runs on your own machines: %1 EC2 instance type(s) of %2 "
                                         "left out")
                              .arg(awsTypesLeftOut)
                              .arg(patterns.join(QStringLiteral(", "))));
    if (candidates.isEmpty() && eksAnywhere) {
        const QString why = QStringLiteral("EKS Anywhere runs on your own machines, and %1 names no custom node type "
                                           "of the price book (fleetplan catalog node add NAME ...)")
                                .arg(patterns.join(QStringLiteral(", ")));
        r.warnings.append(why + QStringLiteral(": %1 not priced").arg(platformName));
        r.markInfeasible(QString(), why);
    } else if (candidates.isEmpty()) {
        const QString why = QStringLiteral("no instance type of %1 has an On-Demand price in %2")
                                .arg(patterns.join(QStringLiteral(", ")), in.region);
        r.warnings.append(why + QStringLiteral(": %1 not priced").arg(platformName));
        r.markInfeasible(QString(), why);
    }

    return out;
}

NodeWorkload nodeWorkload(const SimulationInput &in, PlatformId id, PlatformResult &r)
{
    const Scenario &sc = in.scenario;
    const PlatformSettings &ps = sc.platform(id);
    const bool ecs = id == PlatformId::EcsEc2;
    const double cpuUnits = ecs ? double(pricing::EcsCpuUnitsPerVcpu) : 1000.0;
    NodeWorkload w;
    w.spotShare = std::clamp(in.purchase.spotShare, 0.0, 1.0);
    const double spotShare = w.spotShare;
    pl::Resources &overhead = w.overhead;
    QList<FleetItem> &daemonItems = w.daemonItems;
    bool &anyAwsvpc = w.anyAwsvpc;
    pl::PlacementRequest &request = w.request;
    QList<NodeGroupSource> &sources = w.sources;

    // ---- daemons (per-node overhead) and item groups ---------------------------------------------------
    if (!ecs) {
        overhead = pl::Resources { AwsNodeCpuMillicores + KubeProxyCpuMillicores, 0, 2 };
        daemonItems.append(FleetItem { QStringLiteral("aws-node"), AwsNodeCpuMillicores / 1000.0, 0, 1, true, 1 });
        daemonItems.append(FleetItem { QStringLiteral("kube-proxy"), KubeProxyCpuMillicores / 1000.0, 0, 1, true, 1 });
    }
    for (const Service &s : sc.services) {
        if (s.kind != ServiceKind::Daemon && (!ecs || s.networkMode == NetworkMode::Awsvpc))
            anyAwsvpc = true;
    }
    for (const Service &s : sc.services) {
        if (s.kind != ServiceKind::Daemon)
            continue;
        const int slotsEach = ecs ? (s.networkMode == NetworkMode::Awsvpc ? 1 : 0) : 1;
        overhead[0] += s.effectiveCpu() * cpuUnits;
        overhead[1] += s.effectiveMemoryMib();
        overhead[2] += slotsEach;
        daemonItems.append(FleetItem { s.name, s.effectiveCpu(), s.effectiveMemoryMib(), slotsEach, true, 1 });
    }
    if (ecs && !anyAwsvpc)
        overhead[2] = 0;

    request.cpuUnitsPerVcpu = cpuUnits;
    request.timeBudgetMicros = in.placementBudgetMicros;
    request.computeLowerBound = in.lowerBounds; // the quick estimate shows no packing gap
    request.mode = pl::Mode::CheapestMix;
    const double target = std::clamp(in.targetUtilizationPercent.value_or(ps.targetUtilizationPercent), 1.0, 100.0);
    // ECS managed scaling sizes the group, not each instance: the tasks are packed at 100 % and the fleet
    // grows to ⌈M × 100 ÷ target⌉ instances (planMonth, HeadroomNodes). EKS fills each node to the target.
    request.targetUtilization = ecs ? 1.0 : target / 100.0;
    w.ecsTargetCapacity = ecs ? target / 100.0 : 1.0;
    for (qsizetype i = 0; i < sc.services.size(); ++i) {
        const Service &s = sc.services.at(i);
        if (s.kind == ServiceKind::Daemon)
            continue;
        const bool windows = s.os == OsFamily::Windows;
        if (windows && !ecs) {
            // The EKS managed-node model has Linux node groups only (Windows node groups are not modelled).
            const QString why = QStringLiteral("Windows pods need Windows nodes, which this model of %1 does not have")
                                    .arg(displayName(id));
            r.warnings.append(QStringLiteral("%1: %2; not priced").arg(s.name, why));
            r.markInfeasible(s.name, why);
            continue;
        }
        const int slotsEach = ecs ? (s.networkMode == NetworkMode::Awsvpc ? 1 : 0) : 1;
        // A static host port holds one task per instance; so does a service asking for one per node, through
        // a key of its own above the port numbers (its On-Demand and Spot parts share it).
        const int portKey = ecs && s.networkMode != NetworkMode::Awsvpc && s.hostPort > 0 ? s.hostPort : 0;
        const int exclusive = s.onePerNode && portKey == 0 ? OnePerNodeKeyBase + int(i) : portKey;
        pl::ItemGroup g;
        g.service = s.name;
        const int cls = acceleratorClassOf(s);
        g.request = pl::Resources { s.effectiveCpu() * cpuUnits, s.effectiveMemoryMib(), double(slotsEach),
            double(std::max(0, s.gpus)) };
        g.exclusiveKey = exclusive;
        if (windows) {
            // Windows tasks run on Windows container instances (x86_64; an arm64 Windows task fits none).
            g.arch = s.arch == Arch::X86_64 ? windowsNodeArch() : toId(s.arch) + u"-windows";
            w.needWindows = true;
            w.largestWindows[0] = std::max(w.largestWindows[0], g.request.cpu);
            w.largestWindows[1] = std::max(w.largestWindows[1], g.request.memoryMib);
        } else {
            g.arch = placementArch(s.arch == Arch::Arm64 ? pricing::CpuArch::Arm64 : pricing::CpuArch::X86_64, cls);
            const int a = s.arch == Arch::Arm64 ? 1 : 0;
            w.need[a][cls] = true;
            double(&big)[3] = w.largest[a][cls];
            big[0] = std::max(big[0], g.request.cpu);
            big[1] = std::max(big[1], g.request.memoryMib);
            big[2] = std::max(big[2], g.request.gpus);
        }
        NodeGroupSource src { int(i), false, s.effectiveCpu(), s.effectiveMemoryMib(), slotsEach };
        request.items.append(g);
        sources.append(src);
        if (s.spotOk && spotShare > 0) {
            g.spotOk = true;
            request.items.append(g);
            src.spotPart = true;
            sources.append(src);
        }
    }
    if (!ecs) {
        pl::ItemGroup dns;
        dns.service = QStringLiteral("coredns");
        dns.request = pl::Resources { CoreDnsCpuMillicores, CoreDnsMemoryMib, 1 };
        request.items.append(dns);
        sources.append(NodeGroupSource { -1, false, CoreDnsCpuMillicores / 1000.0, CoreDnsMemoryMib, 1 });
        w.largest[0][0][0] = std::max(w.largest[0][0][0], CoreDnsCpuMillicores);
    }

    return w;
}

QList<qsizetype> chooseNodeTypes(
    const PlatformSettings &ps, PlatformId id, NodeWorkload &w, QList<NodeCandidate> &candidates, PlatformResult &r)
{
    const bool ecs = id == PlatformId::EcsEc2;
    const bool anyAwsvpc = w.anyAwsvpc;
    const pl::Resources &overhead = w.overhead;
    pl::PlacementRequest &request = w.request;

    // Fixed type (managed node group / ASG): per architecture and accelerator class, the first listed type
    // (in pattern order, smallest first within a wildcard) that holds the largest task of that class.
    if (!ps.mixedInstances) {
        std::stable_sort(candidates.begin(), candidates.end(), [](const NodeCandidate &a, const NodeCandidate &b) {
            if (a.patternIndex != b.patternIndex)
                return a.patternIndex < b.patternIndex;
            if (a.type->vcpu != b.type->vcpu)
                return a.type->vcpu < b.type->vcpu;
            return a.type->memoryMib < b.type->memoryMib;
        });
        QList<NodeCandidate> fixed;
        bool anyNeed = false;
        for (int a = 0; a < 2; ++a) {
            for (int k = 0; k < AcceleratorClasses; ++k)
                anyNeed = anyNeed || w.need[a][k];
        }
        for (int k = 0; k < AcceleratorClasses; ++k) {
            for (int a = 0; a < 2; ++a) {
                const bool needed = w.need[a][k];
                if (!needed && (anyNeed || a != 0 || k != 0))
                    continue;
                const auto archWanted = a == 1 ? pricing::CpuArch::Arm64 : pricing::CpuArch::X86_64;
                const double(&big)[3] = w.largest[a][k];
                for (const NodeCandidate &c : candidates) {
                    if (c.type->arch != archWanted || c.acceleratorClass != k || c.windows)
                        continue;
                    if (needed
                        && (c.capacity.cpu - overhead.cpu < big[0] || c.capacity.memoryMib - overhead.memoryMib < big[1]
                            || c.accelerators < big[2]))
                        continue;
                    fixed.append(c);
                    r.warnings.append(QStringLiteral("fixed instance type for %1%2 tasks: %3")
                                          .arg(cpuArchName(archWanted),
                                              k == 1       ? QStringLiteral(" GPU")
                                                  : k == 2 ? QStringLiteral(" Neuron")
                                                           : QString(),
                                              c.type->name));
                    break;
                }
            }
        }
        if (w.needWindows) {
            // Windows tasks: their own fixed type (a Windows Auto Scaling group), chosen by the same rule.
            for (const NodeCandidate &c : candidates) {
                if (!c.windows || c.capacity.cpu - overhead.cpu < w.largestWindows[0]
                    || c.capacity.memoryMib - overhead.memoryMib < w.largestWindows[1])
                    continue;
                fixed.append(c);
                r.warnings.append(QStringLiteral("fixed instance type for Windows tasks: %1").arg(c.type->name));
                break;
            }
        }
        if (!fixed.isEmpty())
            candidates = fixed;
    }

    // Node types: On-Demand variants, then Spot variants (only when a Spot share is bought).
    QList<qsizetype> candidateOf; // parallel to request.nodeTypes: index into candidates
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype k = 0; k < candidates.size(); ++k) {
            const NodeCandidate &c = candidates.at(k);
            if (pass == 1 && !c.spot)
                continue;
            pl::NodeType nt;
            nt.name = c.type->name;
            nt.arch = c.windows ? windowsNodeArch() : placementArch(c.type->arch, c.acceleratorClass);
            nt.capacity = pl::Resources { c.capacity.cpu, c.capacity.memoryMib, double(c.capacity.slotLimit),
                double(c.accelerators) };
            if (ecs && !anyAwsvpc)
                nt.capacity[2] = 0;
            nt.overhead = overhead;
            nt.spot = pass == 1;
            nt.pricePerHour = pass == 1 ? *c.spot : c.onDemand;
            request.nodeTypes.append(nt);
            candidateOf.append(k);
        }
    }

    return candidateOf;
}

QList<QList<int>> groupCountsOfStates(const NodeWorkload &w, const Scenario &sc, const DemandTimeline &demand)
{
    const QList<NodeGroupSource> &sources = w.sources;
    const double spotShare = w.spotShare;
    const qsizetype groupCount = w.request.items.size();
    QList<QList<int>> stateCounts;
    stateCounts.reserve(demand.states().size());
    for (const HourDemand &d : demand.states()) {
        QList<int> c(groupCount, 0);
        for (qsizetype g = 0; g < groupCount; ++g) {
            const NodeGroupSource &src = sources.at(g);
            if (src.service < 0) {
                c[g] = CoreDnsReplicas;
                continue;
            }
            const int n = d.replicas.at(src.service);
            const Service &s = sc.services.at(src.service);
            if (s.spotOk && spotShare > 0) {
                const int spotN = int(std::round(n * spotShare));
                c[g] = src.spotPart ? spotN : n - spotN;
            } else {
                c[g] = n;
            }
        }
        stateCounts.append(c);
    }

    return stateCounts;
}

MonthPlan planMonth(pl::PlacementRequest request, const QList<QList<int>> &stateCounts, const QList<int> &stateOfHour,
    int delay, double ebsPerNodeHour, const HeadroomNodes &headroom, const QList<bool> &withoutEbs)
{
    MonthPlan out;
    const int hours = int(stateOfHour.size());
    const qsizetype groupCount = request.items.size();
    QList<int> &fleetOfHour = out.fleetOfHour;
    fleetOfHour = QList<int>(hours, -1);
    QList<int> &windowOfHour = out.windowOfHour;
    windowOfHour = QList<int>(hours, -1);
    QHash<std::size_t, QList<int>> fleetsByHash;
    auto internFleet = [&](pl::PlacementResult &&placed) {
        const std::size_t h = hashPlacement(placed);
        for (int idx : fleetsByHash.value(h)) {
            if (out.fleets.at(idx).nodes == placed.nodes)
                return idx;
        }
        const int idx = int(out.fleets.size());
        out.fleets.append(std::move(placed));
        fleetsByHash[h].append(idx);
        return idx;
    };

    // ---- hour by hour: one fleet per distinct (windowed) demand --------------------------------------
    // Scale-in delay: the nodes of hour h are sized for the highest demand of hours h − delay .. h (ECS
    // cluster auto scaling and Karpenter keep nodes that long). The fleet of an hour is a function of that
    // windowed demand alone, never of the path that led to it: for the same demand the same fleet, and
    // the month does not swing with the order of the hours. Each distinct demand is packed from scratch
    // (Karpenter's replace consolidation / a capacity provider converging to the cheapest fleet), and the
    // fleets are made monotone: a demand that another one dominates (every group ≤) never gets a dearer
    // fleet, because the cheapest dominating fleet with the surplus tasks removed is a candidate too.
    QHash<QList<int>, int> windowIds;
    QList<QList<int>> windows;
    {
        QList<int> window;
        for (int h = 0; h < hours; ++h) {
            window = stateCounts.at(stateOfHour.at(h));
            for (int k = 1; k <= delay && h - k >= 0; ++k) {
                const QList<int> &earlier = stateCounts.at(stateOfHour.at(h - k));
                for (qsizetype g = 0; g < groupCount; ++g)
                    window[g] = std::max(window.at(g), earlier.at(g));
            }
            auto it = windowIds.constFind(window);
            if (it == windowIds.constEnd()) {
                it = windowIds.insert(window, int(windows.size()));
                windows.append(window);
            }
            windowOfHour[h] = it.value();
        }
    }
    const qsizetype windowCount = windows.size();
    // Largest demand first: a demand dominating another one has a larger sum, so it is planned before.
    QList<qint64> windowSums(windowCount, 0);
    for (qsizetype w = 0; w < windowCount; ++w) {
        for (int c : windows.at(w))
            windowSums[w] += c;
    }
    QList<int> windowOrder(windowCount);
    for (qsizetype w = 0; w < windowCount; ++w)
        windowOrder[w] = int(w);
    std::stable_sort(
        windowOrder.begin(), windowOrder.end(), [&](int a, int b) { return windowSums.at(a) > windowSums.at(b); });
    auto dominates = [&](int big, int small) {
        const QList<int> &b = windows.at(big);
        const QList<int> &s = windows.at(small);
        for (qsizetype g = 0; g < groupCount; ++g) {
            if (b.at(g) < s.at(g))
                return false;
        }
        return true;
    };
    auto hourlyCost = [&](const pl::PlacementResult &p) {
        qsizetype withEbs = p.nodes.size();
        if (!withoutEbs.isEmpty()) {
            for (const pl::Node &n : p.nodes)
                withEbs -= withoutEbs.value(n.nodeType) ? 1 : 0;
        }
        return p.costPerHour + double(withEbs) * ebsPerNodeHour;
    };
    QList<int> fleetOfWindow(windowCount, -1);
    QList<double> costOfWindow(windowCount, 0.0); // hourly node cost with EBS, for the monotone check
    QList<double> &boundOfWindow = out.boundOfWindow; // placement lower bound, USD per hour
    boundOfWindow = QList<double>(windowCount, 0.0);
    QList<int> planned;
    planned.reserve(windowCount);
    // The windows differ only in their counts: their maximal node patterns are enumerated once.
    request.patternCache = pl::newPatternCache();
    if (windowCount > 1) {
        for (qsizetype g = 0; g < groupCount; ++g) {
            int least = std::numeric_limits<int>::max();
            for (const QList<int> &window : std::as_const(windows))
                least = std::min(least, window.at(g));
            request.items[g].count = least;
        }
        pl::primePatternCache(request);
    }
    for (int w : windowOrder) {
        for (qsizetype g = 0; g < groupCount; ++g)
            request.items[g].count = windows.at(w).at(g);
        pl::PlacementResult best = pl::place(request);
        addHeadroomNodes(request, headroom, best);
        boundOfWindow[w] = best.lowerBoundPerHour;
        double bestCost = hourlyCost(best);
        // The cheapest already planned fleet of a dominating demand.
        int dominating = -1;
        for (int b : planned) {
            if (costOfWindow.at(b) < bestCost - 1e-9
                && (dominating < 0 || costOfWindow.at(b) < costOfWindow.at(dominating)) && dominates(b, w))
                dominating = b;
        }
        if (dominating >= 0) {
            std::optional<pl::PlacementResult> shrunk
                = shrinkOnto(request, out.fleets.at(fleetOfWindow.at(dominating)));
            if (shrunk) {
                // shrinkOnto closed the dominating fleet's headroom instances (they hold no task): the
                // shrunk fleet gets its own ⌈M' × 100 ÷ target⌉ − M'.
                shrunk->lowerBoundPerHour = best.lowerBoundPerHour;
                addHeadroomNodes(request, headroom, *shrunk);
            }
            if (shrunk && shrunk->unplaced.size() <= best.unplaced.size() && hourlyCost(*shrunk) < bestCost) {
                shrunk->ratio = best.lowerBoundPerHour > 0 ? shrunk->costPerHour / best.lowerBoundPerHour : 1.0;
                best = std::move(*shrunk);
                bestCost = hourlyCost(best);
            }
        }
        costOfWindow[w] = bestCost;
        fleetOfWindow[w] = internFleet(std::move(best));
        planned.append(w);
    }
    for (int h = 0; h < hours; ++h)
        fleetOfHour[h] = fleetOfWindow.at(windowOfHour.at(h));
    return out;
}

BillableUsage nodeBillableUsage(const pl::PlacementRequest &request, const QList<NodeCandidate> &candidates,
    const QList<qsizetype> &candidateOf, const MonthPlan &month)
{
    BillableUsage usage;
    usage.scope = pricing::CommitmentScope::Ec2;
    usage.stateOfHour = month.fleetOfHour;
    usage.states.reserve(month.fleets.size());
    for (const pl::PlacementResult &fleet : month.fleets) {
        BillableState state;
        state.nodes = int(fleet.nodes.size());
        state.items.reserve(fleet.nodes.size());
        for (const pl::Node &n : fleet.nodes) {
            const pl::NodeType &t = request.nodeTypes.at(n.nodeType);
            if (!t.spot && candidates.at(candidateOf.at(n.nodeType)).type->custom) {
                // Own hardware: the user's cost per node-hour; no EBS volume, no family for RIs or Savings Plans.
                --state.nodes;
                state.items.append(
                    { ComponentId::OwnHardware, 1.0, 1.0, t.pricePerHour, t.name, n.nodeType, QString(), QString() });
            } else if (t.spot) {
                state.items.append({ ComponentId::ComputeSpot, 1.0, 1.0, t.pricePerHour,
                    t.name + QStringLiteral(" Spot"), n.nodeType, QString() });
            } else {
                const NodeCandidate &c = candidates.at(candidateOf.at(n.nodeType));
                state.items.append({ ComponentId::ComputeOnDemand, 1.0, 1.0, t.pricePerHour,
                    c.windows ? t.name + QStringLiteral(" Windows") : t.name, n.nodeType, c.type->family,
                    c.windows ? QString() : t.name });
            }
        }
        usage.states.append(std::move(state));
    }
    usage.runs.reserve(month.fleetOfHour.size());
    for (int fleet : month.fleetOfHour)
        usage.runs.append(UsageRun { fleet, 1.0 });
    return usage;
}

PlatformResult simulateNodePlatform(const SimulationInput &in, PlatformId id)
{
    const Scenario &sc = in.scenario;
    const PlatformSettings &ps = sc.platform(id);
    const bool ecs = id == PlatformId::EcsEc2;
    const double cpuUnits = ecs ? double(pricing::EcsCpuUnitsPerVcpu) : 1000.0;
    PlatformResult r;
    r.id = id;

    // ---- on which node types (1/2): the allowed instance types and their usable capacity ------------
    NodeCandidates nodeTypes = nodeCandidates(in, id, r);
    if (nodeTypes.candidates.isEmpty()) {
        finishTotals(r);
        return r;
    }
    const QStringList &patterns = nodeTypes.patterns;
    QList<NodeCandidate> &candidates = nodeTypes.candidates;

    // ---- what to place: per-node daemons, item groups; node types (2/2) -------------------------------
    NodeWorkload workload = nodeWorkload(in, id, r);
    const QList<qsizetype> candidateOf = chooseNodeTypes(ps, id, workload, candidates, r);
    const double spotShare = workload.spotShare;
    const pl::PlacementRequest &request = workload.request;
    const QList<NodeGroupSource> &sources = workload.sources;
    const pl::Resources &overhead = workload.overhead;
    const QList<FleetItem> &daemonItems = workload.daemonItems;
    const DemandTimeline &demand = in.demand;
    const int hours = demand.hours();
    const int delay = std::max(0, ps.scaleInDelayHours);
    const qsizetype groupCount = request.items.size();
    const QList<QList<int>> stateCounts = groupCountsOfStates(workload, sc, demand);
    const int typeCount = int(request.nodeTypes.size());

    // EBS root volume per node-hour: part of what a fleet costs when fleets are compared.
    QString error;
    const auto ebsRate = in.catalog.ebsGbMonth(in.region, QStringLiteral("gp3"), &error);
    if (!ebsRate) {
        r.warnings.append(error);
        r.markInfeasible(QString(), error);
    }
    const double ebsPerNodeHour
        = ebsRate ? std::max(0.0, ps.ebsGibPerNode) * ebsRate->usd / pricing::HoursPerMonth : 0.0;

    // ---- fleet per hour: one fleet per distinct windowed demand (planMonth) ----------------------------
    const HeadroomNodes headroom = ecs ? ecsHeadroomNodes(workload) : HeadroomNodes {};
    QList<bool> withoutEbs(typeCount, false); // custom node types: own hardware, no EBS volume
    bool anyCustom = false;
    for (int t = 0; t < typeCount; ++t) {
        withoutEbs[t] = candidates.at(candidateOf.at(t)).type->custom;
        anyCustom = anyCustom || withoutEbs.at(t);
    }
    const MonthPlan month = planMonth(request, stateCounts, demand.stateOfHours(), delay, ebsPerNodeHour, headroom,
        anyCustom ? withoutEbs : QList<bool> {});
    const QList<int> &fleetOfHour = month.fleetOfHour;
    const QList<int> &windowOfHour = month.windowOfHour;
    const QList<double> &boundOfWindow = month.boundOfWindow;
    QList<FleetState> fleets;
    fleets.reserve(month.fleets.size());
    QStringList unplacedReasons;
    for (const pl::PlacementResult &placed : month.fleets) {
        FleetState f;
        for (const pl::Node &n : placed.nodes) {
            const pl::NodeType &t = request.nodeTypes.at(n.nodeType);
            if (t.spot)
                f.spotUsd += t.pricePerHour;
            else
                f.onDemandUsd += t.pricePerHour;
            f.ebsNodes += withoutEbs.at(n.nodeType) ? 0 : 1;
            f.cpuAllocatable += t.capacity.cpu / cpuUnits;
            f.memoryAllocatable += t.capacity.memoryMib;
            f.slotCapacity += t.capacity[2];
        }
        f.nodes = int(placed.nodes.size());
        for (const pl::Unplaced &u : placed.unplaced) {
            if (!unplacedReasons.contains(u.reason))
                unplacedReasons.append(u.reason);
            // A task that fits no allowed node is a service this platform cannot run, not a cheaper fleet.
            r.markInfeasible(request.items.at(u.group).service, u.reason);
        }
        f.placement = placed;
        fleets.append(std::move(f));
    }
    for (const QString &reason : unplacedReasons)
        r.warnings.append(QStringLiteral("not placed: ") + reason);

    // ---- control plane --------------------------------------------------------------------------------
    std::optional<pricing::Rate> controlPlane;
    const int clusters = std::max(1, ps.clusters);
    if (!ecs && !ps.eksAnywhere) {
        controlPlane = in.catalog.eksControlPlaneHourly(in.region, ps.extendedSupport, &error);
        if (!controlPlane) {
            r.warnings.append(error);
            r.markInfeasible(QString(), error);
        }
    }

    // ---- what is billed, priced by the cost engine ----------------------------------------------------
    BillableUsage usage = nodeBillableUsage(request, candidates, candidateOf, month);
    const bool eksAnywhere = !ecs && ps.eksAnywhere;
    usage.ebsGbMonth = eksAnywhere ? std::nullopt : ebsRate; // only custom nodes: never an EBS volume
    usage.ebsGibPerNode = ps.ebsGibPerNode;
    usage.controlPlane = controlPlane;
    usage.clusters = clusters;
    usage.controlPlaneNote
        = ps.extendedSupport ? QStringLiteral("extended support") : QStringLiteral("standard support");
    usage.listed = { eksAnywhere ? ComponentId::OwnHardware : ComponentId::ComputeOnDemand };
    if (anyCustom && !eksAnywhere)
        usage.listed.append(ComponentId::OwnHardware);
    if (spotShare > 0 && !eksAnywhere)
        usage.listed.append(ComponentId::ComputeSpot);
    SavingsPlanChoice savingsPlan
        = chooseSavingsPlan(in.purchase, in.catalog, pricing::CommitmentScope::Ec2, displayName(id));
    if (eksAnywhere && savingsPlan.applies) {
        // Nothing on own hardware is EC2 usage: a Savings Plan bought for it would be paid and cover nothing.
        savingsPlan.applies = false;
        savingsPlan.warning = QStringLiteral("a Savings Plan covers EC2 and Fargate usage, not your own hardware: "
                                             "not applied on %1 (EKS Anywhere)")
                                  .arg(displayName(id));
    }
    HeldCommitments held
        = resolveHeldCommitments(sc.commitments, in.catalog, in.region, pricing::CommitmentScope::Ec2, &r.warnings);
    held.assumptions.append(useImportedSavingsPlanRates(usage, in.catalog, in.region, in.purchase, savingsPlan, held));
    const PricedUsage priced = priceUsage(usage, savingsPlan, held);
    // The billable items (one to six per plan or node in every state) are priced: free them before the
    // fleet snapshots are built, so the two never take memory at the same time.
    usage.states = {};

    // ---- totals, series --------------------------------------------------------------------------------
    QList<double> typeHours(typeCount, 0.0);
    HourlySeries &se = r.series;
    se.costUsd.resize(hours);
    se.nodes.resize(hours);
    se.tasks.resize(hours);
    se.cpuRequested.resize(hours);
    se.memoryRequestedMib.resize(hours);
    se.cpuAllocatable.resize(hours);
    se.memoryAllocatableMib.resize(hours);
    double reqCpu = 0, reqMem = 0, reqSlots = 0, allocCpu = 0, allocMem = 0, allocSlots = 0;
    const int daemonsPerNode = int(daemonItems.size());
    for (int h = 0; h < hours; ++h) {
        const int fi = fleetOfHour.at(h);
        const FleetState &f = fleets.at(fi);
        for (const pl::Node &n : f.placement.nodes)
            typeHours[n.nodeType] += 1.0;
        r.packedComputeUsd += f.onDemandUsd + f.spotUsd;
        r.lowerBoundUsd += boundOfWindow.at(windowOfHour.at(h));
        const double nodeCost = f.onDemandUsd + f.spotUsd + f.ebsNodes * ebsPerNodeHour;
        se.costUsd[h] = priced.stateCostUsd.at(fi);
        se.nodes[h] = f.nodes;
        r.peakNodes = std::max(r.peakNodes, f.nodes);
        const QList<int> &counts = stateCounts.at(demand.stateOfHour(h));
        double cpu = f.nodes * overhead.cpu / cpuUnits, mem = f.nodes * overhead.memoryMib,
               slotSum = f.nodes * overhead[2];
        int tasks = f.nodes * daemonsPerNode;
        for (qsizetype g = 0; g < groupCount; ++g) {
            const NodeGroupSource &src = sources.at(g);
            const int n = counts.at(g);
            tasks += n;
            cpu += n * src.cpuVcpu;
            mem += n * src.memoryMib;
            slotSum += n * request.items.at(g).request[2];
        }
        se.tasks[h] = tasks;
        se.cpuRequested[h] = cpu;
        se.memoryRequestedMib[h] = mem;
        se.cpuAllocatable[h] = f.cpuAllocatable;
        se.memoryAllocatableMib[h] = f.memoryAllocatable;
        reqCpu += cpu;
        reqMem += mem;
        reqSlots += slotSum;
        allocCpu += f.cpuAllocatable;
        allocMem += f.memoryAllocatable;
        allocSlots += f.slotCapacity;
        const double util = std::max(f.cpuAllocatable > 0 ? cpu / f.cpuAllocatable : 0.0,
            f.memoryAllocatable > 0 ? mem / f.memoryAllocatable : 0.0);
        r.idleCostUsd += nodeCost * std::clamp(1.0 - util, 0.0, 1.0);
    }
    r.optimalityRatio = r.lowerBoundUsd > 0 ? r.packedComputeUsd / r.lowerBoundUsd : 0.0;
    if (!r.feasible()) {
        // A platform that cannot run the workload has no price, so no packing gap either (0 = not shown).
        r.packedComputeUsd = r.lowerBoundUsd = r.optimalityRatio = 0.0;
    }
    r.utilisation.cpu = allocCpu > 0 ? reqCpu / allocCpu : 0.0;
    r.utilisation.memory = allocMem > 0 ? reqMem / allocMem : 0.0;
    r.utilisation.slotUsage = allocSlots > 0 ? reqSlots / allocSlots : 0.0;
    if (r.utilisation.slotUsage > 0.98 && r.utilisation.slotUsage > r.utilisation.cpu
        && r.utilisation.slotUsage > r.utilisation.memory) {
        r.warnings.append(ecs
                ? QStringLiteral(
                    "the awsvpc ENI limit (ENIs − 1 tasks per instance) decides the fleet size, not CPU or memory; "
                    "awsvpc trunking would raise it")
                : QStringLiteral("the max-pods limit decides the fleet size, not CPU or memory; "
                                 "VPC CNI prefix delegation would raise it"));
    }

    if (!savingsPlan.warning.isEmpty())
        r.warnings.append(savingsPlan.warning);
    r.components = priced.components;
    finishTotals(r);

    for (int t = 0; t < typeCount; ++t) {
        if (typeHours.at(t) > 0) {
            const pl::NodeType &nt = request.nodeTypes.at(t);
            const bool windowsNode = nt.arch == windowsNodeArch();
            r.nodeHoursByType[nt.spot ? nt.name + QStringLiteral(" (spot)")
                                      : (windowsNode ? nt.name + QStringLiteral(" (windows)") : nt.name)]
                += typeHours.at(t);
        }
    }

    // ---- fleet snapshots -------------------------------------------------------------------------------
    r.fleetStateOfHour = fleetOfHour;
    r.fleetStates.reserve(fleets.size());
    // Nodes holding the same tasks (in one fleet and across the fleets of the month) share one item list:
    // QList is implicitly shared, so a fleet of 35,000 ENI-bound nodes keeps a few thousand lists, not one each.
    // A run of identical nodes (same type, same tasks) is one counted entry (FleetNode::count; fleetAt()
    // expands it in the same order).
    QHash<QList<QPair<int, int>>, QList<FleetItem>> itemsOfContent;
    for (const FleetState &f : fleets) {
        FleetSnapshot snap { id, 0, {} };
        const pl::Node *previous = nullptr;
        for (const pl::Node &n : f.placement.nodes) {
            if (previous && previous->nodeType == n.nodeType && previous->items == n.items) {
                ++snap.nodes.last().count;
                continue;
            }
            previous = &n;
            const pl::NodeType &nt = request.nodeTypes.at(n.nodeType);
            FleetNode node;
            node.instanceType = nt.name;
            node.spot = nt.spot;
            node.cpuCapacity = nt.capacity.cpu / cpuUnits;
            node.memoryCapacityMib = nt.capacity.memoryMib;
            node.slotCapacity = int(nt.capacity[2]);
            node.usdPerHour = nt.pricePerHour;
            auto items = itemsOfContent.constFind(n.items);
            if (items == itemsOfContent.constEnd()) {
                QList<FleetItem> list;
                list.reserve(daemonItems.size() + n.items.size());
                list.append(daemonItems);
                for (const auto &[g, count] : n.items) {
                    const NodeGroupSource &src = sources.at(g);
                    list.append(FleetItem {
                        request.items.at(g).service, src.cpuVcpu, src.memoryMib, src.slotsEach, false, count });
                }
                items = itemsOfContent.insert(n.items, list);
            }
            node.items = items.value();
            snap.nodes.append(std::move(node));
        }
        r.fleetStates.append(std::move(snap));
    }

    // ---- Savings Plan recommendation (the cost engine's) -------------------------------------------------
    r.savingsPlan = priced.savingsPlan;

    // ---- assumptions -----------------------------------------------------------------------------------
    r.assumptions.append(held.assumptions);
    r.assumptions.append(savingsPlanAssumptions(in.purchase, in.catalog, pricing::CommitmentScope::Ec2));
    if (ecs) {
        r.assumptions.append({ QStringLiteral("ECS registered CPU"), QStringLiteral("vCPU × 1024 units"),
            QStringLiteral("aws/amazon-ecs-agent ecs-agent/api/ecs/client/ecs_client.go @8dfceca (getCpu)") });
        r.assumptions.append({ QStringLiteral("ECS registered memory"),
            ps.osReservedMemoryMib > 0
                ? QStringLiteral("installed − %1 MiB OS − %2 MiB ECS_RESERVED_MEMORY")
                      .arg(ps.osReservedMemoryMib)
                      .arg(ps.ecsReservedMemoryMib)
                : QStringLiteral(
                    "installed − 207/8192 of it for the OS (m4.large: 8192 → 7985 MiB) − %1 MiB ECS_RESERVED_MEMORY")
                      .arg(ps.ecsReservedMemoryMib),
            QStringLiteral("docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html; ecs_client.go "
                           "@8dfceca") });
        r.assumptions.append({ QStringLiteral("awsvpc tasks per instance"),
            ps.awsvpcTrunking ? QStringLiteral(
                "trunking: branch ENIs + 1 (estimate; c5.large → 10), ENIs − 1 where trunking is unsupported")
                              : QStringLiteral("ENIs − 1 (c5.large: 3 ENIs → 2 tasks)"),
            QStringLiteral("docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html") });
        r.assumptions.append({ QStringLiteral("static host ports"),
            QStringLiteral("bridge/host tasks with a static host port never share an instance"),
            QStringLiteral("ECS task definition portMappings hostPort") });
    } else {
        r.assumptions.append({ QStringLiteral("EKS kube-reserved"),
            QStringLiteral("CPU 6 %/1 %/0.5 %/0.25 % tiers; memory 11 MiB × max pods + 255 MiB"),
            QStringLiteral("awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go @81fec2e") });
        r.assumptions.append({ QStringLiteral("eviction threshold"), QStringLiteral("memory.available 100 MiB"),
            QStringLiteral("awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go @81fec2e") });
        r.assumptions.append({ QStringLiteral("VM memory overhead"),
            QStringLiteral("%1 % of memory (arm64: after 64 MiB CMA)").arg(ps.vmOverheadPercent),
            QStringLiteral("aws/karpenter-provider-aws pkg/providers/instancetype/types.go @1d92708") });
        r.assumptions.append({ QStringLiteral("max pods"),
            ps.prefixDelegation ? QStringLiteral("prefix delegation: 110 below 30 vCPU, else 250")
                                : QStringLiteral("ENIs × (IPv4 per ENI − 1) + 2"),
            ps.prefixDelegation
                ? QStringLiteral("EKS best practices, VPC CNI prefix mode")
                : QStringLiteral("awslabs/amazon-eks-ami nodeadm/internal/kubelet/eni_max_pods.go @81fec2e") });
        r.assumptions.append({ QStringLiteral("EKS add-on DaemonSets"),
            QStringLiteral("aws-node 25m CPU, kube-proxy 100m CPU on every node; CoreDNS 2 × 100m / 70 MiB"),
            QStringLiteral(
                "EKS add-on default manifests (amazon-vpc-cni-k8s aws-k8s-cni.yaml, kube-proxy, coredns)") });
        if (ps.eksAnywhere)
            r.assumptions.append({ QStringLiteral("EKS Anywhere"),
                QStringLiteral("the control plane runs on your own machines: no AWS cluster-hour fee; the optional "
                               "EKS Anywhere Enterprise Subscription (a yearly price per cluster) is not included"),
                QStringLiteral("EKS Anywhere documentation; docs/cost-rules.md, Your own hardware") });
        if (controlPlane)
            r.assumptions.append({ QStringLiteral("EKS control plane"),
                QStringLiteral("%1 USD per cluster-hour × %2 cluster(s)")
                    .arg(formatRate(controlPlane->usd))
                    .arg(clusters),
                controlPlane->source });
    }
    r.assumptions.append({ QStringLiteral("instance types"),
        ps.mixedInstances
            ? QStringLiteral("cheapest mix of %1").arg(patterns.join(QStringLiteral(", ")))
            : QStringLiteral("one fixed type per architecture from %1").arg(patterns.join(QStringLiteral(", "))),
        QStringLiteral("scenario platform settings") });
    if (ecs)
        r.assumptions.append({ QStringLiteral("headroom"),
            headroom.nodeType >= 0
                ? QStringLiteral("tasks packed at 100 %; M instances → ⌈M × 100 ÷ %1⌉ running, the extra ones %2")
                      .arg(formatNumber(headroom.targetCapacity * 100, 1), request.nodeTypes.at(headroom.nodeType).name)
                : QStringLiteral("target capacity 100 %: as many instances as the tasks need"),
            QStringLiteral("ECS developer guide, cluster auto scaling (managed scaling targetCapacity); AWS "
                           "Containers blog, Deep dive on Amazon ECS cluster auto scaling") });
    else
        r.assumptions.append({ QStringLiteral("headroom"),
            QStringLiteral("nodes filled to %1 % of CPU and memory")
                .arg(formatNumber(request.targetUtilization * 100, 1)),
            QStringLiteral("scenario target utilisation") });
    r.assumptions.append({ QStringLiteral("scale-in delay"),
        QStringLiteral("%1 h: nodes sized for the highest demand of the last %2 h").arg(delay).arg(delay + 1),
        QStringLiteral("scenario platform settings") });
    r.assumptions.append({ QStringLiteral("fleet per hour"),
        QStringLiteral("packed from scratch for each distinct windowed demand (replace consolidation); never "
                       "dearer than the fleet of a larger demand"),
        QStringLiteral("docs/cost-rules.md, Planning the month") });
    if (anyCustom)
        r.assumptions.append({ QStringLiteral("own hardware"),
            QStringLiteral("custom node types at your own cost per node-hour (price book); no EBS volume, no Spot, no "
                           "Savings Plan or Reserved Instance on them"),
            QStringLiteral("your price book") });
    if (ebsRate && !eksAnywhere)
        r.assumptions.append({ QStringLiteral("EBS root volume"),
            QStringLiteral("%1 GB gp3 per node at %2 USD per GB-month ÷ 730 h")
                .arg(formatRate(ps.ebsGibPerNode), formatRate(ebsRate->usd)),
            ebsRate->source });
    if (!candidates.isEmpty() && !candidates.constFirst().type->custom) {
        if (const auto od = in.catalog.onDemandHourly(in.region, candidates.constFirst().type->name))
            r.assumptions.append({ QStringLiteral("EC2 On-Demand prices"),
                QStringLiteral("Linux, shared tenancy, as of %1").arg(od->asOf), od->source });
    }
    if (spotShare > 0)
        r.assumptions.append({ QStringLiteral("EC2 Spot"),
            QStringLiteral("%1 % of spot_ok tasks on Spot nodes at the catalog's Spot snapshot (estimate)")
                .arg(formatNumber(spotShare * 100, 0)),
            QStringLiteral("ec2_spot_avg_prices.csv") });
    return r;
}

} // namespace fleetplan::models
