// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

/// A small LP/MIP adapter over GLPK (5.0) for the placement engine. One GLPK problem object per
/// call; terminal output is off. GLPK keeps its environment per thread (it is built with thread-local
/// storage), so concurrent calls from several threads (QtConcurrent workers) are safe; the thread's
/// environment is freed when the thread ends. All limits are counted in simplex iterations or
/// branch-and-bound nodes, never in wall time, so results are deterministic.
namespace fleetplan::models::placement::lp {

/// min Σ cost_j·x_j  s.t.  lower_r ≤ Σ_j a_rj·x_j (≤ upper_r when finite),  0 ≤ x_j ≤ colUpper_j.
struct Problem
{
    struct Row
    {
        std::vector<std::pair<int, double>> coefficients; ///< (column, value), columns distinct
        double lower = 0.0;
        double upper = 0.0; ///< used only when hasUpper
        bool hasUpper = false;
    };
    std::vector<double> cost; ///< one per column (the number of columns)
    std::vector<double> colUpper; ///< empty, or one per column (negative or infinite: no upper bound)
    std::vector<char> integer; ///< empty, or one per column (MIP only)
    std::vector<Row> rows;
};

enum class Status {
    Optimal, ///< proven optimal (MIP: within the gap tolerance)
    Feasible, ///< MIP: a solution, the node limit stopped the search
    Infeasible, ///< no feasible solution exists
    Failed, ///< limit reached without a solution, unbounded, or a numerical failure
};

struct Solution
{
    Status status = Status::Failed;
    double objective = 0.0;
    std::vector<double> x; ///< one per column
    std::vector<double> duals; ///< LP: one per row (≥ 0 for ≥ rows of a minimisation)
    double bestBound = 0.0; ///< MIP: the best proven bound when the search stopped (LP: the objective)
    int nodes = 0; ///< MIP: branch-and-bound nodes used
    bool ok() const { return status == Status::Optimal || status == Status::Feasible; }
};

/// Solves the LP relaxation (integer flags ignored) with GLPK's simplex, at most iterationLimit iterations.
Solution solveLp(const Problem &problem, int iterationLimit = 100000);

/// Solves the MIP with GLPK's branch and cut, at most nodeLimit nodes. `incumbent` (one value per
/// column, or empty) is offered as a first feasible solution when it is integral and feasible.
Solution solveMip(const Problem &problem, int nodeLimit, const std::vector<double> &incumbent = {});

/// One GLPK problem object solved repeatedly with new row lower bounds (the constructive phase asks
/// the same covering LP for a shrinking demand): each solve starts from the previous optimal basis,
/// which stays dual feasible because the costs do not change, so the dual simplex needs few steps.
/// Use from one thread at a time (like every GLPK problem object).
class CoveringLp
{
public:
    explicit CoveringLp(const Problem &problem);
    ~CoveringLp();
    CoveringLp(const CoveringLp &) = delete;
    CoveringLp &operator=(const CoveringLp &) = delete;
    /// rowLower: one per row. Duals are filled, x is not.
    Solution solve(const std::vector<double> &rowLower);

private:
    void *m_problem = nullptr; ///< glp_prob
    int m_rows = 0;
    bool m_warm = false;
};

/// The GLPK version, e.g. "5.0".
const char *glpkVersion();

} // namespace fleetplan::models::placement::lp
