// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/placement/lpsolver.h"

#include <cmath>
#include <limits>

#include <glpk.h>

namespace fleetplan::models::placement::lp {

namespace {

/// GLPK 5.0 keeps its environment (memory pool, terminal hook) in thread-local storage: every
/// thread that calls it gets its own, which this guard silences on first use and frees when the
/// thread ends (QtConcurrent pool threads included).
struct ThreadEnvironment
{
    ThreadEnvironment() { glp_term_out(GLP_OFF); }
    ~ThreadEnvironment() { glp_free_env(); }
    ThreadEnvironment(const ThreadEnvironment &) = delete;
    ThreadEnvironment &operator=(const ThreadEnvironment &) = delete;
};

void enterGlpk()
{
    static thread_local ThreadEnvironment environment;
    (void)environment;
    glp_term_out(GLP_OFF);
}

/// Owns one GLPK problem object.
class Glp
{
public:
    explicit Glp(const Problem &problem)
        : m_p(glp_create_prob())
    {
        glp_set_obj_dir(m_p, GLP_MIN);
        const int n = int(problem.cost.size());
        const int m = int(problem.rows.size());
        if (m > 0)
            glp_add_rows(m_p, m);
        if (n > 0)
            glp_add_cols(m_p, n);
        for (int j = 0; j < n; ++j) {
            const double ub = j < int(problem.colUpper.size()) ? problem.colUpper[j] : -1.0;
            if (ub >= 0.0 && std::isfinite(ub))
                glp_set_col_bnds(m_p, j + 1, ub > 0.0 ? GLP_DB : GLP_FX, 0.0, ub);
            else
                glp_set_col_bnds(m_p, j + 1, GLP_LO, 0.0, 0.0);
            glp_set_obj_coef(m_p, j + 1, finite(problem.cost[j]));
            if (j < int(problem.integer.size()) && problem.integer[j])
                glp_set_col_kind(m_p, j + 1, GLP_IV);
        }
        std::vector<int> ia { 0 }, ja { 0 };
        std::vector<double> ar { 0.0 };
        for (int r = 0; r < m; ++r) {
            const Problem::Row &row = problem.rows[r];
            const double lo = finite(row.lower);
            if (row.hasUpper && std::isfinite(row.upper))
                glp_set_row_bnds(m_p, r + 1, row.upper > lo ? GLP_DB : GLP_FX, lo, std::max(lo, row.upper));
            else
                glp_set_row_bnds(m_p, r + 1, GLP_LO, lo, 0.0);
            for (const auto &[c, v] : row.coefficients) {
                if (c < 0 || c >= n || v == 0.0 || !std::isfinite(v))
                    continue;
                ia.push_back(r + 1);
                ja.push_back(c + 1);
                ar.push_back(v);
            }
        }
        if (ia.size() > 1)
            glp_load_matrix(m_p, int(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    }
    ~Glp()
    {
        if (m_p)
            glp_delete_prob(m_p);
    }
    glp_prob *release()
    {
        glp_prob *p = m_p;
        m_p = nullptr;
        return p;
    }
    Glp(const Glp &) = delete;
    Glp &operator=(const Glp &) = delete;
    glp_prob *get() const { return m_p; }

private:
    static double finite(double v) { return std::isfinite(v) ? v : 0.0; }
    glp_prob *m_p;
};

/// Runs the simplex on the problem object; true when GLPK reports an optimal basis.
int runSimplex(glp_prob *p, int iterationLimit)
{
    glp_scale_prob(p, GLP_SF_AUTO);
    glp_adv_basis(p, 0);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.it_lim = iterationLimit;
    parm.presolve = GLP_OFF;
    int ret = glp_simplex(p, &parm);
    if (ret == 0 && glp_get_status(p) != GLP_OPT && glp_get_status(p) != GLP_NOFEAS) {
        // Numerical trouble is rare; the dual simplex from a fresh basis is the fallback.
        glp_std_basis(p);
        parm.meth = GLP_DUALP;
        ret = glp_simplex(p, &parm);
    }
    return ret;
}

struct MipState
{
    int nodeLimit = 0;
    const std::vector<double> *incumbent = nullptr;
    bool offered = false;
    double bound = -std::numeric_limits<double>::infinity();
    int nodes = 0;
};

void mipCallback(glp_tree *tree, void *info)
{
    auto *state = static_cast<MipState *>(info);
    switch (glp_ios_reason(tree)) {
    case GLP_IHEUR:
        if (!state->offered && state->incumbent && !state->incumbent->empty()) {
            state->offered = true;
            std::vector<double> x(state->incumbent->size() + 1, 0.0);
            for (std::size_t j = 0; j < state->incumbent->size(); ++j)
                x[j + 1] = (*state->incumbent)[j];
            glp_ios_heur_sol(tree, x.data());
        }
        break;
    case GLP_ISELECT: {
        int active = 0, current = 0, total = 0;
        glp_ios_tree_size(tree, &active, &current, &total);
        state->nodes = total;
        const int best = glp_ios_best_node(tree);
        if (best > 0)
            state->bound = glp_ios_node_bound(tree, best);
        if (total >= state->nodeLimit)
            glp_ios_terminate(tree);
        break;
    }
    default:
        break;
    }
}

} // namespace

Solution solveLp(const Problem &problem, int iterationLimit)
{
    enterGlpk();
    Solution s;
    const Glp glp(problem);
    glp_prob *p = glp.get();
    if (problem.cost.empty()) {
        bool feasible = true;
        for (const Problem::Row &row : problem.rows)
            feasible = feasible && row.lower <= 1e-12;
        s.status = feasible ? Status::Optimal : Status::Infeasible;
        s.duals.assign(problem.rows.size(), 0.0);
        return s;
    }
    const int ret = runSimplex(p, iterationLimit);
    if (ret != 0)
        return s;
    const int status = glp_get_status(p);
    if (status == GLP_NOFEAS) {
        s.status = Status::Infeasible;
        return s;
    }
    if (status != GLP_OPT)
        return s;
    s.status = Status::Optimal;
    s.objective = glp_get_obj_val(p);
    s.bestBound = s.objective;
    s.x.resize(problem.cost.size());
    for (std::size_t j = 0; j < problem.cost.size(); ++j)
        s.x[j] = glp_get_col_prim(p, int(j) + 1);
    s.duals.resize(problem.rows.size());
    for (std::size_t r = 0; r < problem.rows.size(); ++r)
        s.duals[r] = glp_get_row_dual(p, int(r) + 1);
    return s;
}

Solution solveMip(const Problem &problem, int nodeLimit, const std::vector<double> &incumbent)
{
    enterGlpk();
    Solution s;
    if (problem.cost.empty())
        return solveLp(problem);
    const Glp glp(problem);
    glp_prob *p = glp.get();
    if (runSimplex(p, 100000) != 0)
        return s;
    if (glp_get_status(p) == GLP_NOFEAS) {
        s.status = Status::Infeasible;
        return s;
    }
    if (glp_get_status(p) != GLP_OPT)
        return s;
    const double lpValue = glp_get_obj_val(p);
    MipState state;
    state.nodeLimit = std::max(1, nodeLimit);
    state.incumbent = incumbent.size() == problem.cost.size() ? &incumbent : nullptr;
    state.bound = lpValue;
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    parm.cb_func = mipCallback;
    parm.cb_info = &state;
    parm.br_tech = GLP_BR_DTH;
    parm.bt_tech = GLP_BT_BLB;
    parm.mip_gap = 1e-9;
    // Gomory mixed-integer and MIR cuts close most of the gap of covering programs over patterns.
    parm.gmi_cuts = GLP_ON;
    parm.mir_cuts = GLP_ON;
    parm.cov_cuts = GLP_ON;
    const int ret = glp_intopt(p, &parm);
    s.nodes = state.nodes;
    const int status = glp_mip_status(p);
    if (status == GLP_NOFEAS && ret == 0) {
        s.status = Status::Infeasible;
        return s;
    }
    if (status != GLP_OPT && status != GLP_FEAS)
        return s;
    s.status = (ret == 0 && status == GLP_OPT) ? Status::Optimal : Status::Feasible;
    s.objective = glp_mip_obj_val(p);
    s.bestBound = s.status == Status::Optimal ? s.objective : std::max(lpValue, std::min(state.bound, s.objective));
    s.x.resize(problem.cost.size());
    for (std::size_t j = 0; j < problem.cost.size(); ++j)
        s.x[j] = glp_mip_col_val(p, int(j) + 1);
    return s;
}

CoveringLp::CoveringLp(const Problem &problem)
    : m_rows(int(problem.rows.size()))
{
    enterGlpk();
    Glp glp(problem);
    m_problem = glp.release();
}

CoveringLp::~CoveringLp()
{
    glp_delete_prob(static_cast<glp_prob *>(m_problem));
}

Solution CoveringLp::solve(const std::vector<double> &rowLower)
{
    enterGlpk();
    auto *p = static_cast<glp_prob *>(m_problem);
    Solution s;
    for (int r = 0; r < m_rows; ++r)
        glp_set_row_bnds(
            p, r + 1, GLP_LO, r < int(rowLower.size()) && std::isfinite(rowLower[r]) ? rowLower[r] : 0.0, 0.0);
    int ret = 1;
    if (m_warm) {
        glp_smcp parm;
        glp_init_smcp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        parm.meth = GLP_DUALP;
        parm.presolve = GLP_OFF;
        ret = glp_simplex(p, &parm);
    }
    if (ret != 0 || (glp_get_status(p) != GLP_OPT && glp_get_status(p) != GLP_NOFEAS))
        ret = runSimplex(p, 100000);
    m_warm = ret == 0 && glp_get_status(p) == GLP_OPT;
    if (ret != 0)
        return s;
    if (glp_get_status(p) == GLP_NOFEAS) {
        s.status = Status::Infeasible;
        return s;
    }
    if (glp_get_status(p) != GLP_OPT)
        return s;
    s.status = Status::Optimal;
    s.objective = glp_get_obj_val(p);
    s.bestBound = s.objective;
    s.duals.resize(m_rows);
    for (int r = 0; r < m_rows; ++r)
        s.duals[r] = glp_get_row_dual(p, r + 1);
    return s;
}

const char *glpkVersion()
{
    return glp_version();
}

} // namespace fleetplan::models::placement::lp
