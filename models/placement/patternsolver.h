// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "models/placement/packingengine.h"

/// Pattern-based solver for the cost-aware multi-type packing (variable-sized vector bin packing):
/// Gilmore–Gomory column generation over node patterns, its LP value as a lower bound, and integer
/// solutions from a MIP over the generated patterns (GLPK). See docs/placement.md.
namespace fleetplan::models::placement::detail {

/// The packing problem as the pattern solver sees it: local groups and types (indices into the
/// vectors below), numbers only.
struct PatternModel
{
    std::vector<Vec> cap; ///< per type: usable capacity × headroom − overhead
    std::vector<double> price; ///< per type, USD per hour
    std::vector<int> type; ///< per type: the engine's node type index
    std::vector<Vec> request; ///< per group
    std::vector<int> count; ///< per group: items to cover (> 0)
    std::vector<int> key; ///< per group: exclusive key (0 = none)
    std::vector<int> group; ///< per group: the engine's group index
    std::vector<char> compat; ///< group × type: an item of the group fits an empty node of the type

    int groups() const { return int(request.size()); }
    int types() const { return int(cap.size()); }
    bool compatible(int g, int t) const { return compat[std::size_t(g) * cap.size() + std::size_t(t)] != 0; }
};

/// One node pattern: a type and how many items of each (local) group it holds.
struct PatternColumn
{
    int type = 0;
    std::vector<std::pair<int, int>> items; ///< (local group, count), group ascending, counts > 0
    friend bool operator==(const PatternColumn &, const PatternColumn &) = default;
};

/// Result of the column generation.
struct PatternLpResult
{
    bool solved = false; ///< the restricted master LP was solved at least once
    bool converged = false; ///< no column with negative reduced cost is left: value is the LP optimum
    double value = 0.0; ///< last restricted master LP value
    double bound = 0.0; ///< proven lower bound (Farley bound, = value at convergence)
    std::vector<double> x; ///< per column, the last LP solution
    int iterations = 0;
};

class PatternSolver
{
public:
    /// workBudget: deterministic work units (knapsack nodes, LP sizes) for all calls together.
    PatternSolver(PatternModel model, std::int64_t workBudget);

    const PatternModel &model() const { return m_model; }
    const std::vector<PatternColumn> &columns() const { return m_columns; }
    std::int64_t work() const { return m_work; }

    /// Adds a column (items capped at the group counts; duplicates are merged). Returns its index or −1.
    int addColumn(PatternColumn column);
    /// One column per group: as many items as fit on the cheapest compatible type (a feasible start).
    void addSingleGroupColumns();
    /// Column generation: restricted master LP, duals, a bounded 3-dimensional knapsack per type.
    PatternLpResult generate(int maxIterations);
    /// Adds every maximal pattern of every type (nothing more fits) when there are at most
    /// columnLimit of them; returns false (and adds none) when there are more.
    bool enumerateMaximal(int columnLimit);
    /// What enumerateMaximal(columnLimit) adds, taken from the maximal patterns `columns` of a model
    /// `from` with the same groups and types (engine indices) and counts ≥ this model's: each is capped
    /// to these counts, kept when nothing more fits, and added in enumeration order. A maximal pattern
    /// of these counts is the cap of a maximal pattern of larger counts (extend it, then cap it back),
    /// so this is the same set. Returns false (and adds none) beyond columnLimit.
    bool addMaximalFrom(const PatternModel &from, const std::vector<PatternColumn> &columns, int columnLimit);
    /// The integer program over the current columns (GLPK branch and cut, at most nodeLimit nodes):
    /// copies per column, or empty when no solution was found. incumbent: copies per column or empty.
    /// proven: the search finished (optimal over these columns); bestBound: its proven bound.
    std::vector<int> solveInteger(
        int nodeLimit, const std::vector<int> &incumbent, bool *proven = nullptr, double *bestBound = nullptr);
    /// Diving: solve the LP (with column generation) for the residual demand, fix the copies of the
    /// column with the largest value (its integer part, or one copy), repeat. Copies per column, or
    /// empty when an LP failed. Leaves the model's counts as they were.
    std::vector<int> dive(int maxSteps);
    /// Σ price × copies.
    double cost(const std::vector<int> &copies) const;

private:
    struct Knapsack
    {
        double value = 0.0; ///< Σ duals of the best pattern found
        double upper = 0.0; ///< proven upper bound on the best value
        PatternColumn column;
    };
    Knapsack price(int type, const std::vector<double> &duals);
    void complete(PatternColumn &column) const;
    int maxFit(int g, const Vec &free) const;

    PatternModel m_model;
    std::vector<PatternColumn> m_columns;
    std::int64_t m_work = 0;
    std::int64_t m_budget = 0;
};

/// The maximal patterns of one month's largest demand so far (PlacementRequest::patternCache).
class PatternCache
{
public:
    bool problemSet = false;
    std::vector<Vec> cap, request; ///< the engine's, to check that a request is the same problem
    std::vector<int> allowed;
    /// Counts (per engine group) with more maximal patterns than the limit: so has every demand ≥ one.
    std::vector<std::vector<int>> overAt;
    bool valid = false; ///< model and columns hold the maximal patterns of `counts`
    std::vector<int> counts;
    PatternModel model; ///< groups and types with engine indices
    std::vector<PatternColumn> columns; ///< every maximal pattern of model
};

} // namespace fleetplan::models::placement::detail
