// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>

#include "models/simulation/costreport.h"
#include "models/workload/scenario.h"
#include "pricing/catalog.h"

/// Cost versus load (issue 18, "Decision views"): the same scenario simulated at a range of
/// WhatIf::loadMultiplier values, every platform's total at each, and the loads where one platform
/// becomes cheaper than another (break-even points). `fleetplan sweep`, the reports' "Cost vs load"
/// section and the window's cost-vs-load page all call sweepLoad(); nothing recomputes a figure.
namespace fleetplan::models {

/// The largest load multiplier a sweep accepts (×20).
inline constexpr double MaxSweepLoad = 20.0;
/// The most points a sweep accepts.
inline constexpr int MaxSweepPoints = 400;

/// Load multipliers from `from` to `to` (inclusive) every `step`. The default is ×0.25 … ×4 step 0.25
/// (16 points).
struct LoadRange
{
    double from = 0.25;
    double to = 4.0;
    double step = 0.25;

    /// Points from `from` to `to`: floor((to − from) ÷ step) + 1, with a tolerance of 1e-9 steps so
    /// that 0.25:4:0.25 has 16 points despite binary fractions. 0 for an invalid range.
    int pointCount() const;
    /// The load of point i: from + i × step (computed from i, never accumulated).
    double at(int i) const;
    /// Why the range cannot be swept (empty = it can): NaN or infinite bounds, a bound ≤ 0 or above
    /// ×20, `to` below `from`, a step ≤ 0, more than 400 points.
    QString problem() const;
    /// "FROM:TO:STEP" as typed on the command line ("0.25:4:0.25").
    QString toString() const;

    friend bool operator==(const LoadRange &, const LoadRange &) = default;
};

/// Parses "FROM:TO:STEP" ("0.25:4:0.25"; numbers in the C locale). On failure returns nothing and sets
/// `error` (when given) to a sentence saying what is wrong, the same text LoadRange::problem() gives.
std::optional<LoadRange> parseLoadRange(const QString &text, QString *error = nullptr);

/// One platform at one load.
struct SweepCost
{
    PlatformId platform = PlatformId::EcsEc2;
    /// The platform can run the workload at this load (PlatformResult::feasible()); when false there is
    /// no price and totalUsd is 0, never to be shown as one.
    bool feasible = false;
    double totalUsd = 0.0; ///< the platform's total over the billing period (unrounded)
    QString infeasibleReason; ///< PlatformResult::infeasibleSummary() when infeasible

    friend bool operator==(const SweepCost &, const SweepCost &) = default;
};

/// One load of the sweep.
struct SweepPoint
{
    double load = 1.0; ///< the load multiplier
    bool computed = false; ///< false when the sweep was cancelled before this point ran
    QList<SweepCost> costs; ///< one per platform swept, in LoadSweep::platforms order (empty when !computed)

    /// The cost of a platform, or nullptr when the point was not computed or the platform not swept.
    const SweepCost *cost(PlatformId id) const;

    friend bool operator==(const SweepPoint &, const SweepPoint &) = default;
};

/// A load where the cheaper of two feasible platforms changes: between two neighbouring computed points
/// their cost difference changes sign, and the crossing is placed by linear interpolation of the
/// difference between those two points (the true costs are step functions: the crossing lies within one
/// step of `load`).
struct BreakEven
{
    double load = 0.0; ///< the interpolated crossing
    PlatformId cheaperAbove = PlatformId::EcsEc2; ///< cheaper at loads above `load`
    PlatformId cheaperBelow = PlatformId::EcsEc2; ///< cheaper at loads below `load`
    double lowerLoad = 0.0; ///< the computed point below the crossing
    double upperLoad = 0.0; ///< the computed point above the crossing
    /// "EKS managed nodes is cheaper than ECS Fargate above ×0.62 load"
    QString text() const;

    friend bool operator==(const BreakEven &, const BreakEven &) = default;
};

/// Neighbouring computed points where a platform cannot run the workload.
struct InfeasibleRange
{
    PlatformId platform = PlatformId::EcsEc2;
    double from = 0.0; ///< first infeasible point
    double to = 0.0; ///< last infeasible point of the run
    QString reason; ///< the reason at `from`
    /// "EKS Fargate cannot run the workload from ×0.25 to ×4.00 load (api: ...)"
    QString text() const;

    friend bool operator==(const InfeasibleRange &, const InfeasibleRange &) = default;
};

/// A whole sweep.
struct LoadSweep
{
    QString scenarioName;
    QString region; ///< region priced
    int hours = 0; ///< billing period simulated (CostReport::hours)
    QString periodUnit = QStringLiteral("month"); ///< CostReport::periodUnit() ("month" or "N hours")
    LoadRange range;
    bool fast = false; ///< constructive packing only (SimulationOptions::placementBudgetMicros = 0)
    QList<PlatformId> platforms; ///< platforms swept, in PlatformId order
    QList<SweepPoint> points; ///< range.pointCount() points, in load order
    /// The caller cancelled before every point ran: some points are not computed, and the break-evens
    /// and infeasible ranges read the computed ones only.
    bool cancelled = false;
    QList<BreakEven> breakEvens; ///< by load, then by platform pair
    QList<InfeasibleRange> infeasibleRanges; ///< by platform, then by load

    int computedCount() const;
    /// Every break-even's text(), then every infeasible range's; "No break-even: X is cheapest at every
    /// load swept" when there is no crossing and one platform is always cheapest.
    QStringList summaryLines() const;

    friend bool operator==(const LoadSweep &, const LoadSweep &) = default;
};

/// How to sweep.
struct LoadSweepOptions
{
    LoadRange range;
    /// Constructive packing only (the GUI's fast pass); false = refined, as `compare` prices.
    bool fast = false;
    /// The what-if applied at every point; its loadMultiplier is replaced by each point's load.
    WhatIf whatIf;
    /// Platforms to sweep; empty = every enabled platform (as SimulationOptions::platforms).
    QList<PlatformId> platforms;
    /// 1 = the points one after the other on the calling thread; any other value = concurrently on
    /// QThreadPool::globalInstance(). Each point's simulation runs its platforms on one thread, so the
    /// result is identical whatever the count.
    int threads = 0;
    /// Coarse then fine: every `coarseStride`-th point (and the last) runs first, then the others, so a
    /// chart can draw the coarse curve at once (coarseReady). 1 or less = in load order.
    int coarseStride = 1;
    /// Checked before each point starts: once true, no further point runs and the result is cancelled.
    const std::atomic<bool> *cancel = nullptr;
    /// After each point (from the thread that ran it, one call at a time): points done, points in all.
    std::function<void(int done, int total)> progress;
    /// On the calling thread when the coarse points are done (coarseStride > 1 and not cancelled): the
    /// sweep so far, with break-evens from the coarse points.
    std::function<void(const LoadSweep &coarse)> coarseReady;
};

/// Simulates the scenario at every load of options.range (which must be valid: LoadRange::problem() is
/// empty; an invalid range gives an empty, cancelled sweep) and finds break-evens and infeasible ranges.
/// Thread-safe; deterministic: the same inputs give the same sweep whatever the threads and the order.
LoadSweep sweepLoad(const Scenario &scenario, const pricing::Catalog &catalog, const LoadSweepOptions &options = {});

/// Fills sweep.breakEvens and sweep.infeasibleRanges from its computed points (sweepLoad() calls it).
void findBreakEvens(LoadSweep &sweep);

/// "×0.62": a load multiplier as the sweep's words print it (two decimals).
QString formatLoad(double load);

/// The JSON form (`fleetplan sweep --format json`, docs/sweep.md): scenario, load range, points with
/// every platform's feasibility and total (null when infeasible), break-evens, infeasible ranges.
/// Indented, ending with a newline; full precision.
QByteArray loadSweepToJson(const LoadSweep &sweep);

} // namespace fleetplan::models
