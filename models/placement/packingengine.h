// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "models/placement/placement.h"

/// Internals of the placement engine (placement.h is the public API). Exposed in a header only so
/// that the tests and benchmarks can reach the covering LP and the work counter.
namespace fleetplan::models::placement::detail {

using Vec = std::array<double, DimensionCount>;

/// Result of the covering LP min Σ price_t·x_t s.t. Σ_t cap_t·x_t ≥ demand, x ≥ 0.
struct LpResult
{
    bool feasible = false;
    double cost = 0.0; ///< optimum (the fractional-fleet bound)
    Vec duals {}; ///< shadow price per unit of each dimension (≥ 0); Σ demand·duals = cost
};

/// Result of a covering LP with any number of rows.
struct GeneralLpResult
{
    bool feasible = false;
    double cost = 0.0;
    std::vector<double> duals; ///< one per row
};

/// Solves min Σ price_t·x_t s.t. Σ_t rows[r][t]·x_t ≥ rhs[r] for every row r, x ≥ 0,
/// with GLPK (lpsolver.h).
GeneralLpResult solveCoveringLpRows(
    const std::vector<std::vector<double>> &rows, const std::vector<double> &rhs, const std::vector<double> &prices);

/// Solves the covering LP with GLPK (3 rows: with 3 dimensions the optimum
/// uses at most 3 node types).
LpResult solveCoveringLp(const std::vector<Vec> &capacities, const std::vector<double> &prices, const Vec &demand);

/// A node while the engine works on it.
struct WorkNode
{
    int type = 0;
    Vec free {}; ///< capacity left (usable × headroom − overhead − items)
    std::vector<std::pair<int, int>> items; ///< (group, count), unsorted
    int itemCount = 0;
};

/// A fill of one node type: what goes onto one node.
struct Pattern
{
    int type = -1;
    std::vector<std::pair<int, int>> items;
    Vec used {};
    double value = 0.0; ///< Σ duals·request of the items
    int itemCount = 0;
};

struct PatternModel;
class PatternSolver;

class Engine
{
public:
    explicit Engine(const PlacementRequest &request);

    bool compatible(int group, int type) const { return m_compat[std::size_t(group) * m_typeCount + type] != 0; }
    bool placeable(int group) const { return m_placeable[group] != 0; }
    double lowerBound(const std::vector<int> &counts) const;
    /// The pattern LP bound (column generation, patternsolver.cpp) of the counts; 0 when the problem
    /// is too large for it or not Mode::CheapestMix.
    double patternLowerBound(const std::vector<int> &counts) const;
    /// Whether solve() runs the pattern phase for these counts (Mode::CheapestMix, small enough).
    bool patternPhaseApplies(const std::vector<int> &counts) const;

    PlacementResult solve();
    /// Enumerates the maximal patterns of the request's counts into its pattern cache, or records
    /// that they are too many (see primePatternCache() in placement.h).
    void primePatternCache();
    PlacementResult solveIncremental(const PlacementResult &existing, bool consolidate);

private:
    int maxFit(int group, const Vec &free, const std::vector<std::pair<int, int>> &items, int limit) const;
    int maxFitKeys(int group, const Vec &free, const std::vector<int> &keys, int limit) const;
    void addToNode(WorkNode &node, int group, int count) const;
    void removeFromNode(WorkNode &node, int group, int count) const;
    double fillLevel(const WorkNode &node) const;

    Pattern fill(
        int type, const std::vector<int> &remaining, const std::vector<int> &active, const std::vector<double> &values);
    void cheapenPattern(Pattern &pattern) const;
    void construct(std::vector<int> &remaining);
    void improve(bool allowRetype);
    bool tryEmptyNode(int victim);
    bool tryRepackNodes(const std::vector<int> &victims);
    void localSearchSingleType();
    std::vector<std::vector<WorkNode>> singleTypeStarts();
    void searchSingleType();
    QString unplaceableReason(int group) const;
    PlacementResult buildResult(const std::vector<int> &wanted);
    bool budgetLeft() const { return m_work < m_budget; }
    bool patternModel(const std::vector<int> &counts, PatternModel &model) const;
    std::int64_t patternWork() const;
    void patternPhase(const std::vector<int> &wanted);
    /// Every maximal pattern into the solver, through m_request.patternCache when there is one.
    bool enumerateMaximal(PatternSolver *solver, const std::vector<int> &counts) const;

    const PlacementRequest &m_request;
    int m_groupCount = 0;
    int m_typeCount = 0;
    std::vector<int> m_allowed; ///< node types that may be opened
    std::vector<Vec> m_request3; ///< per group request
    std::vector<Vec> m_cap; ///< per type usable capacity × headroom − overhead (negative: unusable)
    std::vector<Vec> m_inv; ///< 1 / m_cap per dimension (0 where the capacity is 0)
    std::vector<char> m_compat; ///< group × type: the item fits an empty node of the type
    std::vector<char> m_placeable;
    std::vector<int> m_scratch; ///< per group, zero between uses
    std::vector<WorkNode> m_nodes;
    std::int64_t m_work = 0; ///< deterministic work counter (the time budget, in operations)
    std::int64_t m_budget = 0;
    double m_patternBound = 0.0; ///< pattern LP bound of the placeable items (patternPhase)
    bool m_patternBoundComputed = false;
    double m_integerBound = 0.0; ///< proven bound of the MIP over all maximal patterns (0: not run)
    bool m_provenOptimal = false; ///< that MIP finished and the packing costs its optimum
};

} // namespace fleetplan::models::placement::detail
