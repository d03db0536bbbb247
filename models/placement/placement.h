// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <array>

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

/// The placement engine: cost-aware multi-dimensional bin packing of tasks and pods onto node
/// (EC2 instance) types, with a proven lower bound on the hourly cost. Plain values only: the
/// platform models compute usable capacities and prices from the catalog; the solver sees numbers.
/// See docs/placement.md for the algorithms and the measured quality.
namespace fleetplan::models::placement {

/// Number of packing dimensions: CPU, memory, slots, GPUs.
inline constexpr int DimensionCount = 4;
/// The GPU (accelerator) dimension: an item asking for k needs a node type with capacity ≥ k in it, so
/// items with GPUs go only to accelerated node types and the bounds count GPUs like any dimension.
inline constexpr int GpuDimension = 3;

/// A request or a capacity in the four packing dimensions.
struct Resources
{
    double cpu = 0.0; ///< millicores or ECS CPU units: the caller's choice, the same for items and nodes
    double memoryMib = 0.0; ///< MiB
    double slotCount = 0.0; ///< pods (EKS max pods), ENIs (ECS awsvpc) or 0 when unused
    double gpus = 0.0; ///< GPUs or other accelerator devices (0 on nodes without, and for items needing none)

    /// Dimension d (0 = cpu, 1 = memory, 2 = slots, 3 = GPUs).
    double operator[](int d) const { return d == 0 ? cpu : (d == 1 ? memoryMib : (d == 2 ? slotCount : gpus)); }
    double &operator[](int d) { return d == 0 ? cpu : (d == 1 ? memoryMib : (d == 2 ? slotCount : gpus)); }

    friend bool operator==(const Resources &, const Resources &) = default;
};

/// Many identical items (tasks or pods of one service).
struct ItemGroup
{
    QString service; ///< names the group in reasons ("service \"etl\": ...")
    int count = 0; ///< number of identical items
    Resources request; ///< per item
    QString arch; ///< "x86_64" / "arm64"; empty = any architecture
    bool spotOk = false; ///< may run on a Spot node type (NodeType::spot)
    int exclusiveKey = 0; ///< > 0: at most one item with this key per node (static host port)

    friend bool operator==(const ItemGroup &, const ItemGroup &) = default;
};

/// A candidate node type (an EC2 instance type, possibly a Spot variant of it).
struct NodeType
{
    QString name; ///< "m6i.large"
    QString arch; ///< "x86_64" / "arm64"; empty = runs items of any architecture
    Resources capacity; ///< usable after reservations (allocatable CPU/memory, max pods or ENIs)
    Resources overhead; ///< per-node DaemonSet share, paid on every opened node
    double pricePerHour = 0.0;
    bool spot = false; ///< only items with spotOk may be placed on it

    friend bool operator==(const NodeType &, const NodeType &) = default;
};

/// How node types are chosen.
enum class Mode {
    CheapestMix, ///< any mix of the allowed types, cheapest first (Karpenter-style provisioning)
    SingleType, ///< only nodeTypes[singleType] (a managed node group / ASG with one type)
};

namespace detail {
class PatternCache;
}

/// What to pack onto what.
struct PlacementRequest
{
    QList<ItemGroup> items;
    QList<NodeType> nodeTypes;
    Mode mode = Mode::CheapestMix;
    int singleType = 0; ///< index into nodeTypes for Mode::SingleType
    /// Headroom: a node's CPU and memory may be filled up to capacity × this (slots always to 100 %).
    double targetUtilization = 1.0;
    int timeBudgetMicros = 20000; ///< budget of the improvement phase (the result stays deterministic)
    double cpuUnitsPerVcpu = 1000.0; ///< only for reason texts: cpu / this = vCPU
    /// false: no lower bound is computed (PlacementResult::lowerBoundPerHour stays 0); the GUI's quick
    /// estimate (SimulationOptions::lowerBounds).
    bool computeLowerBound = true;
    /// Optional, shared by the place() calls of one month (the same items and node types, other counts,
    /// called one after another): the maximal node patterns are enumerated once, for the largest counts
    /// seen, and handed to each smaller demand capped and filtered; the result is what that demand's own
    /// enumeration gives. newPatternCache() makes one.
    std::shared_ptr<detail::PatternCache> patternCache;
};

/// An empty cache for PlacementRequest::patternCache.
std::shared_ptr<detail::PatternCache> newPatternCache();
/// Readies request.patternCache for the month whose smallest demand (every group's least count) is
/// request's: when even that demand has too many maximal patterns to list, no demand of the month
/// tries. Cheap when the patterns are few.
void primePatternCache(const PlacementRequest &request);

/// One opened node.
struct Node
{
    int nodeType = 0; ///< index into PlacementRequest::nodeTypes
    QList<QPair<int, int>> items; ///< (group index, count), one entry per group, group ascending
    Resources used; ///< sum of the items' requests (overhead not included)

    friend bool operator==(const Node &, const Node &) = default;
};

/// Items that could not be placed, and why.
struct Unplaced
{
    int group = 0;
    int count = 0;
    QString reason; ///< `service "etl": 96 vCPU per task but the largest allowed type has 64`

    friend bool operator==(const Unplaced &, const Unplaced &) = default;
};

/// A packing with its cost and how far that can be from the best possible.
struct PlacementResult
{
    QList<Node> nodes; ///< sorted by node type, then by load
    QList<Unplaced> unplaced;
    QList<int> nodesByType; ///< number of opened nodes per node type (size = nodeTypes.size())
    double costPerHour = 0.0; ///< Σ price of opened nodes
    /// lowerBound() of the placed items: no packing is cheaper (0 when PlacementRequest::computeLowerBound is
    /// false)
    double lowerBoundPerHour = 0.0;
    /// The pattern LP (Gilmore–Gomory) bound alone, 0 when it was not computed (Mode::SingleType,
    /// or more than 64 groups / 48 types / 640 groups × types); lowerBoundPerHour includes it.
    double patternBoundPerHour = 0.0;
    /// The packing is a proven optimum: a MIP over every maximal node pattern finished (small
    /// Mode::CheapestMix problems); lowerBoundPerHour is then that optimum.
    bool provenOptimal = false;
    double ratio = 1.0; ///< costPerHour ÷ lowerBoundPerHour (1 when both are 0)
    /// Per dimension: Σ item requests ÷ Σ usable capacity (capacity − overhead) of the opened nodes.
    Resources utilisation;
    int placedItems = 0;

    friend bool operator==(const PlacementResult &, const PlacementResult &) = default;
};

/// Packs the items at the lowest hourly cost found: a constructive heuristic followed by an
/// improvement phase under request.timeBudgetMicros. Deterministic: the same request gives the same
/// result. Items that fit no allowed node type are reported in unplaced with the reason.
PlacementResult place(const PlacementRequest &request);

/// Hour-by-hour placement onto an existing fleet. `existing` must come from a request with the same
/// node types and the same groups (same indices; counts may differ). Keeps the existing nodes,
/// removes items no longer wanted (from the least-used nodes first), places pending items on free
/// space and then on new nodes, and finally consolidates: a node whose items all fit on the other
/// nodes is emptied and removed (when consolidate is true).
PlacementResult placeIncremental(
    const PlacementRequest &request, const PlacementResult &existing, bool consolidate = true);

/// A lower bound on the hourly cost of packing all placeable items of the request: the maximum of
/// the fractional-fleet LP bound (min Σ price·x subject to Σ (capacity − overhead)·x ≥ demand in every
/// dimension; integer node count for Mode::SingleType), the same LP with rows per architecture, the
/// cheapest node that holds the largest single item, one node per item sharing an exclusive key,
/// and (Mode::CheapestMix, small enough problems) the pattern LP bound of column generation.
/// For those, also the proven bound of the integer program over all maximal node patterns when it
/// could be enumerated; this bound is computed by place() itself, so lowerBound(request) =
/// place(request).lowerBoundPerHour.
double lowerBound(const PlacementRequest &request);

/// Whether an item of group g may go onto node type t at all (architecture, Spot, size with overhead).
bool fits(const PlacementRequest &request, int group, int nodeType);

} // namespace fleetplan::models::placement
