// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/placement/patternsolver.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "models/placement/lpsolver.h"

namespace fleetplan::models::placement::detail {

namespace {

constexpr double Eps = 1e-9;
/// Branch-and-bound nodes one knapsack may use before its best pattern is taken as it is.
constexpr std::int64_t KnapsackNodeLimit = 20000;

} // namespace

PatternSolver::PatternSolver(PatternModel model, std::int64_t workBudget)
    : m_model(std::move(model))
    , m_budget(workBudget)
{
}

int PatternSolver::maxFit(int g, const Vec &free) const
{
    const Vec &r = m_model.request[g];
    double k = double(m_model.count[g]);
    for (int d = 0; d < DimensionCount; ++d) {
        if (r[d] > 0.0)
            k = std::min(k, std::floor((free[d] + Eps * (1.0 + std::abs(free[d]))) / r[d] + 1e-9));
    }
    if (m_model.key[g] > 0)
        k = std::min(k, 1.0);
    return int(std::max(0.0, k));
}

int PatternSolver::addColumn(PatternColumn column)
{
    std::vector<std::pair<int, int>> items;
    for (auto [g, c] : column.items) {
        if (g < 0 || g >= m_model.groups() || c <= 0 || !m_model.compatible(g, column.type))
            continue;
        c = std::min(c, m_model.count[g]);
        items.emplace_back(g, c);
    }
    std::sort(items.begin(), items.end());
    if (items.empty())
        return -1;
    column.items = std::move(items);
    for (int i = 0; i < int(m_columns.size()); ++i) {
        if (m_columns[i] == column)
            return i;
    }
    m_work += std::int64_t(m_columns.size());
    m_columns.push_back(std::move(column));
    return int(m_columns.size()) - 1;
}

void PatternSolver::addSingleGroupColumns()
{
    for (int g = 0; g < m_model.groups(); ++g) {
        int best = -1;
        double bestPerItem = std::numeric_limits<double>::infinity();
        int bestFit = 0;
        for (int t = 0; t < m_model.types(); ++t) {
            if (!m_model.compatible(g, t))
                continue;
            const int k = maxFit(g, m_model.cap[t]);
            if (k <= 0)
                continue;
            const double perItem = m_model.price[t] / k;
            if (perItem < bestPerItem - 1e-15) {
                bestPerItem = perItem;
                best = t;
                bestFit = k;
            }
        }
        if (best >= 0)
            addColumn({ best, { { g, bestFit } } });
    }
}

void PatternSolver::complete(PatternColumn &column) const
{
    // Fill the space the knapsack left with any items (largest first): same or better reduced cost
    // (duals are ≥ 0), and fuller patterns serve the integer program better.
    Vec free = m_model.cap[column.type];
    std::vector<int> have(m_model.groups(), 0);
    std::vector<int> keys;
    for (const auto &[g, c] : column.items) {
        have[g] = c;
        for (int d = 0; d < DimensionCount; ++d)
            free[d] -= m_model.request[g][d] * c;
        if (m_model.key[g] > 0)
            keys.push_back(m_model.key[g]);
    }
    std::vector<int> order(m_model.groups());
    std::iota(order.begin(), order.end(), 0);
    const Vec &cap = m_model.cap[column.type];
    auto size = [&](int g) {
        double s = 0.0;
        for (int d = 0; d < DimensionCount; ++d)
            s += cap[d] > 0.0 ? m_model.request[g][d] / cap[d] : 0.0;
        return s;
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return size(a) > size(b); });
    for (int g : order) {
        if (!m_model.compatible(g, column.type) || have[g] >= m_model.count[g])
            continue;
        if (m_model.key[g] > 0 && (have[g] > 0 || std::find(keys.begin(), keys.end(), m_model.key[g]) != keys.end()))
            continue;
        const int k = std::min(maxFit(g, free), m_model.count[g] - have[g]);
        if (k <= 0)
            continue;
        have[g] += k;
        for (int d = 0; d < DimensionCount; ++d)
            free[d] -= m_model.request[g][d] * k;
        if (m_model.key[g] > 0)
            keys.push_back(m_model.key[g]);
    }
    column.items.clear();
    for (int g = 0; g < m_model.groups(); ++g) {
        if (have[g] > 0)
            column.items.emplace_back(g, have[g]);
    }
}

PatternSolver::Knapsack PatternSolver::price(int type, const std::vector<double> &duals)
{
    // max Σ y_g k_g  s.t.  Σ r_g k_g ≤ cap (3 dimensions), 0 ≤ k_g ≤ count_g, one item per exclusive
    // key: depth-first branch and bound, groups by dual value per normalised size, at every node the
    // bound min(Σ of the rest, min_d free_d × max_g y_g / r_gd) (a relaxation to one dimension).
    Knapsack result;
    result.column.type = type;
    const Vec &cap = m_model.cap[type];
    std::vector<int> items;
    for (int g = 0; g < m_model.groups(); ++g) {
        if (duals[g] > 1e-12 && m_model.compatible(g, type) && maxFit(g, cap) > 0)
            items.push_back(g);
    }
    auto size = [&](int g) {
        double s = 0.0;
        for (int d = 0; d < DimensionCount; ++d)
            s += cap[d] > 0.0 ? std::max(0.0, m_model.request[g][d]) / cap[d] : 0.0;
        return std::max(s, 1e-12);
    };
    std::stable_sort(items.begin(), items.end(), [&](int a, int b) { return duals[a] / size(a) > duals[b] / size(b); });
    const int n = int(items.size());
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<Vec> rho(n + 1, Vec { 0.0, 0.0, 0.0 });
    std::vector<double> rest(n + 1, 0.0);
    std::vector<int> upper(n, 0);
    for (int i = n - 1; i >= 0; --i) {
        const int g = items[i];
        upper[i] = maxFit(g, cap);
        rest[i] = rest[i + 1] + duals[g] * upper[i];
        for (int d = 0; d < DimensionCount; ++d) {
            const double r = m_model.request[g][d];
            rho[i][d] = std::max(rho[i + 1][d], r > 1e-12 ? duals[g] / r : inf);
        }
    }
    // Per dimension, the items by dual value per unit of that dimension: the fractional knapsack of
    // one dimension over the undecided items bounds the rest (min over the dimensions).
    std::array<std::vector<int>, DimensionCount> byRatio; // positions into items
    std::array<bool, DimensionCount> bounding {};
    for (int d = 0; d < DimensionCount; ++d) {
        bounding[d] = true;
        for (int i = 0; i < n; ++i) {
            if (m_model.request[items[i]][d] > 1e-12)
                byRatio[d].push_back(i);
            else
                bounding[d] = false; // an item free in this dimension: no bound from it
        }
        std::stable_sort(byRatio[d].begin(), byRatio[d].end(), [&](int a, int b) {
            return duals[items[a]] / m_model.request[items[a]][d] > duals[items[b]] / m_model.request[items[b]][d];
        });
    }
    auto boundFrom = [&](int i, const Vec &free) {
        double b = rest[i];
        for (int d = 0; d < DimensionCount; ++d) {
            if (rho[i][d] < inf)
                b = std::min(b, std::max(0.0, free[d]) * rho[i][d]);
        }
        for (int d = 0; d < DimensionCount; ++d) {
            if (!bounding[d])
                continue;
            double room = std::max(0.0, free[d]), v = 0.0;
            for (int pos : byRatio[d]) {
                if (pos < i)
                    continue;
                const double r = m_model.request[items[pos]][d];
                const double take = std::min(double(upper[pos]), room / r);
                v += duals[items[pos]] * take;
                room -= take * r;
                if (room <= 0.0)
                    break;
            }
            b = std::min(b, v);
        }
        return b;
    };
    result.upper = boundFrom(0, cap);
    if (result.upper <= m_model.price[type]) {
        // No pattern of this type can have a negative reduced cost, and its share of the Farley bound
        // (upper ÷ price ≤ 1) does not count: the search would change nothing.
        return result;
    }
    std::vector<int> counts(n, 0), best(n, 0);
    std::vector<int> keys;
    double bestValue = 0.0;
    std::int64_t nodes = 0;
    bool aborted = false;
    auto dfs = [&](auto &&self, int i, const Vec &free, double value) -> void {
        if (aborted)
            return;
        if (++nodes > KnapsackNodeLimit) {
            aborted = true;
            return;
        }
        if (value > bestValue + 1e-12) {
            bestValue = value;
            best = counts;
        }
        if (i == n || value + boundFrom(i, free) <= bestValue * (1.0 + 1e-12) + 1e-15)
            return;
        const int g = items[i];
        const int key = m_model.key[g];
        int kmax = std::min(upper[i], maxFit(g, free));
        if (key > 0 && std::find(keys.begin(), keys.end(), key) != keys.end())
            kmax = 0;
        for (int k = kmax; k >= 0 && !aborted; --k) {
            counts[i] = k;
            if (key > 0 && k > 0)
                keys.push_back(key);
            Vec f = free;
            for (int d = 0; d < DimensionCount; ++d)
                f[d] -= m_model.request[g][d] * k;
            self(self, i + 1, f, value + duals[g] * k);
            if (key > 0 && k > 0)
                keys.pop_back();
        }
        counts[i] = 0;
    };
    dfs(dfs, 0, cap, 0.0);
    m_work += nodes * (1 + n / 2);
    result.value = bestValue;
    if (!aborted)
        result.upper = bestValue;
    for (int i = 0; i < n; ++i) {
        if (best[i] > 0)
            result.column.items.emplace_back(items[i], best[i]);
    }
    std::sort(result.column.items.begin(), result.column.items.end());
    return result;
}

PatternLpResult PatternSolver::generate(int maxIterations)
{
    PatternLpResult result;
    const int G = m_model.groups();
    for (int iteration = 0; iteration < maxIterations && m_work < m_budget; ++iteration) {
        lp::Problem problem;
        problem.cost.resize(m_columns.size());
        problem.rows.resize(G);
        for (int g = 0; g < G; ++g)
            problem.rows[g].lower = m_model.count[g];
        for (int p = 0; p < int(m_columns.size()); ++p) {
            problem.cost[p] = m_model.price[m_columns[p].type];
            for (const auto &[g, c] : m_columns[p].items)
                problem.rows[g].coefficients.emplace_back(p, double(c));
        }
        m_work += std::int64_t(m_columns.size()) * (G + 1) * 4;
        const lp::Solution s = lp::solveLp(problem);
        if (s.status != lp::Status::Optimal)
            break;
        result.solved = true;
        result.iterations = iteration + 1;
        result.value = s.objective;
        result.x = s.x;
        std::vector<double> duals(G, 0.0);
        double dualValue = 0.0;
        for (int g = 0; g < G; ++g) {
            duals[g] = std::max(0.0, s.duals[g]);
            dualValue += duals[g] * m_model.count[g];
        }
        // Farley bound: y / θ with θ = max_t (best knapsack value / price) is dual feasible for the
        // full pattern LP, so Σ count·y / max(1, θ) bounds the LP (and every packing) from below.
        double theta = 0.0;
        bool boundValid = true;
        bool added = false;
        for (int t = 0; t < m_model.types(); ++t) {
            Knapsack k = price(t, duals);
            const double c = m_model.price[t];
            if (c > 0.0)
                theta = std::max(theta, k.upper / c);
            else if (k.upper > 1e-12)
                boundValid = false;
            if (k.value > c + 1e-9 * std::max(1.0, c) && !k.column.items.empty()) {
                complete(k.column);
                const std::size_t before = m_columns.size();
                addColumn(std::move(k.column));
                added = added || m_columns.size() > before;
            }
        }
        if (boundValid)
            result.bound = std::max(result.bound, dualValue / std::max(1.0, theta) * (1.0 - 1e-12));
        if (!added) {
            result.converged = true;
            break;
        }
    }
    return result;
}

bool PatternSolver::enumerateMaximal(int columnLimit)
{
    std::vector<PatternColumn> found;
    bool over = false;
    std::int64_t nodes = 0;
    for (int t = 0; t < m_model.types() && !over; ++t) {
        std::vector<int> groups;
        for (int g = 0; g < m_model.groups(); ++g) {
            if (m_model.compatible(g, t) && maxFit(g, m_model.cap[t]) > 0)
                groups.push_back(g);
        }
        std::vector<int> counts(m_model.groups(), 0);
        std::vector<int> keys;
        auto rec = [&](auto &&self, std::size_t pos, const Vec &free) -> void {
            if (over)
                return;
            if (++nodes > std::int64_t(columnLimit) * 64) {
                over = true;
                return;
            }
            if (pos == groups.size()) {
                bool any = false;
                for (int g : groups) {
                    any = any || counts[g] > 0;
                    if (counts[g] < m_model.count[g]) {
                        const int key = m_model.key[g];
                        const bool keyFree = key <= 0 || std::find(keys.begin(), keys.end(), key) == keys.end();
                        if (keyFree && maxFit(g, free) > 0)
                            return; // not maximal
                    }
                }
                if (!any)
                    return;
                PatternColumn c;
                c.type = t;
                for (int g : groups) {
                    if (counts[g] > 0)
                        c.items.emplace_back(g, counts[g]);
                }
                found.push_back(std::move(c));
                if (int(found.size()) > columnLimit)
                    over = true;
                return;
            }
            const int g = groups[pos];
            const int key = m_model.key[g];
            int kmax = maxFit(g, free);
            if (key > 0 && std::find(keys.begin(), keys.end(), key) != keys.end())
                kmax = 0;
            for (int k = kmax; k >= 0 && !over; --k) {
                counts[g] = k;
                if (key > 0 && k > 0)
                    keys.push_back(key);
                Vec f = free;
                for (int d = 0; d < DimensionCount; ++d)
                    f[d] -= m_model.request[g][d] * k;
                self(self, pos + 1, f);
                if (key > 0 && k > 0)
                    keys.pop_back();
            }
            counts[g] = 0;
        };
        rec(rec, 0, m_model.cap[t]);
    }
    m_work += nodes;
    if (over)
        return false;
    for (PatternColumn &c : found)
        addColumn(std::move(c));
    return true;
}

bool PatternSolver::addMaximalFrom(const PatternModel &from, const std::vector<PatternColumn> &columns, int columnLimit)
{
    const int G = m_model.groups();
    std::vector<int> groupOf(from.groups(), -1), typeOf(from.types(), -1);
    for (int j = 0; j < from.groups(); ++j) {
        for (int i = 0; i < G; ++i) {
            if (m_model.group[i] == from.group[j])
                groupOf[j] = i;
        }
    }
    for (int j = 0; j < from.types(); ++j) {
        for (int t = 0; t < m_model.types(); ++t) {
            if (m_model.type[t] == from.type[j])
                typeOf[j] = t;
        }
    }
    // Per type, the groups enumerateMaximal branches on (the ones that fit an empty node).
    std::vector<std::vector<int>> groupsOfType(m_model.types());
    for (int t = 0; t < m_model.types(); ++t) {
        for (int g = 0; g < G; ++g) {
            if (m_model.compatible(g, t) && maxFit(g, m_model.cap[t]) > 0)
                groupsOfType[t].push_back(g);
        }
    }
    struct Found
    {
        PatternColumn column;
        std::vector<int> dense; ///< count per local group
    };
    std::vector<Found> found;
    std::vector<int> keys;
    for (const PatternColumn &c : columns) {
        const int t = typeOf[c.type];
        if (t < 0)
            continue; // no group of this demand runs on the type
        Found f;
        f.column.type = t;
        f.dense.assign(G, 0);
        for (const auto &[j, k] : c.items) {
            const int g = groupOf[j];
            if (g >= 0)
                f.dense[g] = std::min(k, m_model.count[g]);
        }
        // The free capacity as enumerateMaximal computes it: groups in order, k items each.
        Vec free = m_model.cap[t];
        keys.clear();
        bool any = false;
        for (int g : groupsOfType[t]) {
            const int k = f.dense[g];
            for (int d = 0; d < DimensionCount; ++d)
                free[d] -= m_model.request[g][d] * k;
            if (k > 0) {
                any = true;
                if (m_model.key[g] > 0)
                    keys.push_back(m_model.key[g]);
            }
        }
        if (!any)
            continue;
        bool maximal = true;
        for (int g : groupsOfType[t]) {
            if (f.dense[g] < m_model.count[g]) {
                const int key = m_model.key[g];
                const bool keyFree = key <= 0 || std::find(keys.begin(), keys.end(), key) == keys.end();
                if (keyFree && maxFit(g, free) > 0) {
                    maximal = false;
                    break;
                }
            }
        }
        if (!maximal)
            continue;
        for (int g = 0; g < G; ++g) {
            if (f.dense[g] > 0)
                f.column.items.emplace_back(g, f.dense[g]);
        }
        found.push_back(std::move(f));
    }
    m_work += std::int64_t(columns.size());
    // enumerateMaximal's order: by type, then the counts in group order, larger first.
    std::sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
        if (a.column.type != b.column.type)
            return a.column.type < b.column.type;
        return a.dense > b.dense;
    });
    found.erase(
        std::unique(found.begin(), found.end(),
            [](const Found &a, const Found &b) { return a.column.type == b.column.type && a.dense == b.dense; }),
        found.end());
    if (int(found.size()) > columnLimit)
        return false;
    for (Found &f : found)
        addColumn(std::move(f.column));
    return true;
}

std::vector<int> PatternSolver::dive(int maxSteps)
{
    const std::vector<int> counts = m_model.count;
    std::vector<int> copies;
    std::vector<int> &residual = m_model.count;
    bool ok = true;
    for (int step = 0; step < maxSteps; ++step) {
        if (std::all_of(residual.begin(), residual.end(), [](int c) { return c <= 0; }))
            break;
        const PatternLpResult lp = generate(8);
        if (!lp.solved) {
            ok = false;
            break;
        }
        int best = -1;
        for (int p = 0; p < int(lp.x.size()); ++p) {
            if (lp.x[p] > 1e-9 && (best < 0 || lp.x[p] > lp.x[best] + 1e-9))
                best = p;
        }
        if (best < 0) {
            ok = false;
            break;
        }
        const int take = std::max(1, int(std::floor(lp.x[best] + 1e-9)));
        copies.resize(m_columns.size(), 0);
        copies[best] += take;
        for (const auto &[g, c] : m_columns[best].items)
            residual[g] = std::max(0, residual[g] - c * take);
    }
    ok = ok && std::all_of(residual.begin(), residual.end(), [](int c) { return c <= 0; });
    m_model.count = counts;
    if (!ok)
        return {};
    copies.resize(m_columns.size(), 0);
    return copies;
}

double PatternSolver::cost(const std::vector<int> &copies) const
{
    double sum = 0.0;
    for (std::size_t p = 0; p < copies.size() && p < m_columns.size(); ++p)
        sum += m_model.price[m_columns[p].type] * copies[p];
    return sum;
}

std::vector<int> PatternSolver::solveInteger(
    int nodeLimit, const std::vector<int> &incumbent, bool *proven, double *bestBound)
{
    if (proven)
        *proven = false;
    if (bestBound)
        *bestBound = 0.0;
    const int G = m_model.groups();
    lp::Problem problem;
    problem.cost.resize(m_columns.size());
    problem.integer.assign(m_columns.size(), 1);
    problem.colUpper.resize(m_columns.size());
    problem.rows.resize(G);
    for (int g = 0; g < G; ++g)
        problem.rows[g].lower = m_model.count[g];
    for (int p = 0; p < int(m_columns.size()); ++p) {
        problem.cost[p] = m_model.price[m_columns[p].type];
        int ub = 0;
        for (const auto &[g, c] : m_columns[p].items) {
            problem.rows[g].coefficients.emplace_back(p, double(c));
            ub = std::max(ub, (m_model.count[g] + c - 1) / c);
        }
        problem.colUpper[p] = ub;
    }
    std::vector<double> start;
    if (incumbent.size() == m_columns.size()) {
        start.assign(incumbent.begin(), incumbent.end());
        for (int p = 0; p < int(start.size()); ++p)
            start[p] = std::min(start[p], problem.colUpper[p]);
    }
    const lp::Solution s = lp::solveMip(problem, nodeLimit, start);
    m_work += std::int64_t(s.nodes + 1) * std::int64_t(m_columns.size()) * (G + 1);
    if (!s.ok())
        return {};
    if (proven)
        *proven = s.status == lp::Status::Optimal;
    if (bestBound)
        *bestBound = s.bestBound;
    std::vector<int> copies(m_columns.size(), 0);
    for (std::size_t p = 0; p < copies.size(); ++p)
        copies[p] = int(std::llround(std::max(0.0, s.x[p])));
    // Check the coverage (GLPK's integrality tolerance): never hand back a solution that misses items.
    std::vector<long long> covered(G, 0);
    for (std::size_t p = 0; p < copies.size(); ++p) {
        for (const auto &[g, c] : m_columns[p].items)
            covered[g] += (long long)c * copies[p];
    }
    for (int g = 0; g < G; ++g) {
        if (covered[g] < m_model.count[g])
            return {};
    }
    return copies;
}

// ---- Engine: the pattern phase ------------------------------------------------------------------

namespace {

/// Size limits of the pattern phase (the engine's result stands alone above them).
constexpr int MaxPatternGroups = 64;
constexpr int MaxPatternTypes = 48;
constexpr int MaxPatternProduct = 640; ///< groups × types
constexpr int MaxCgIterations = 60;
/// Work units of one pattern phase per unit of the engine's budget (timeBudgetMicros × 200): the
/// default 20 000 µs gives 4 000 000 (knapsack nodes × size, LP sizes).
constexpr std::int64_t PatternWorkPerBudget = 1;
constexpr int MaxEnumeratedColumns = 6000;
constexpr int MaxMipColumns = 8000;
constexpr int MipNodeLimit = 2000;
constexpr int MinMipNodes = 20;
constexpr int MaxDiveSteps = 64;
constexpr std::int64_t MipWork = 400000; ///< MIP nodes × (columns × rows) of one pattern phase

} // namespace

bool Engine::patternModel(const std::vector<int> &counts, PatternModel &model) const
{
    model = PatternModel {};
    // timeBudgetMicros = 0 asks for the constructive packing only (the GUI's fast first pass).
    if (m_request.mode != Mode::CheapestMix || m_allowed.empty() || m_budget <= 0)
        return false;
    for (int g = 0; g < m_groupCount; ++g) {
        if (counts[g] <= 0 || !placeable(g))
            continue;
        for (int d = 0; d < DimensionCount; ++d) {
            if (m_request3[g][d] < 0.0)
                return false;
        }
        model.group.push_back(g);
    }
    const int G = int(model.group.size());
    if (G == 0 || G > MaxPatternGroups || int(m_allowed.size()) > MaxPatternTypes
        || G * int(m_allowed.size()) > MaxPatternProduct)
        return false;
    for (int t : m_allowed) {
        if (!(m_request.nodeTypes[t].pricePerHour > 0.0))
            return false; // free node types: the Farley bound needs positive prices
        bool used = false;
        for (int g : model.group)
            used = used || compatible(g, t);
        if (!used)
            continue;
        model.type.push_back(t);
        model.cap.push_back(m_cap[t]);
        model.price.push_back(m_request.nodeTypes[t].pricePerHour);
    }
    for (int g : model.group) {
        model.request.push_back(m_request3[g]);
        model.count.push_back(counts[g]);
        model.key.push_back(std::max(0, m_request.items[g].exclusiveKey));
    }
    model.compat.assign(std::size_t(G) * model.type.size(), 0);
    for (int i = 0; i < G; ++i) {
        for (int j = 0; j < int(model.type.size()); ++j)
            model.compat[std::size_t(i) * model.type.size() + j] = compatible(model.group[i], model.type[j]);
    }
    return true;
}

std::int64_t Engine::patternWork() const
{
    return m_budget * PatternWorkPerBudget;
}

bool Engine::patternPhaseApplies(const std::vector<int> &counts) const
{
    PatternModel model;
    return patternModel(counts, model);
}

double Engine::patternLowerBound(const std::vector<int> &counts) const
{
    PatternModel model;
    if (!patternModel(counts, model))
        return 0.0;
    PatternSolver solver(std::move(model), patternWork());
    solver.addSingleGroupColumns();
    return solver.generate(MaxCgIterations).bound;
}

bool Engine::enumerateMaximal(PatternSolver *solver, const std::vector<int> &counts) const
{
    PatternCache *cache = m_request.patternCache.get();
    if (!cache)
        return solver && solver->enumerateMaximal(MaxEnumeratedColumns);
    if (!cache->problemSet) {
        cache->cap = m_cap;
        cache->request = m_request3;
        cache->allowed = m_allowed;
        cache->problemSet = true;
    } else if (cache->cap != m_cap || cache->request != m_request3 || cache->allowed != m_allowed) {
        return solver && solver->enumerateMaximal(MaxEnumeratedColumns); // another problem: no sharing
    }
    auto atMost = [&](const std::vector<int> &a, const std::vector<int> &b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t g = 0; g < a.size(); ++g) {
            if (a[g] > b[g])
                return false;
        }
        return true;
    };
    // Larger counts never have fewer maximal patterns (each maximal pattern of the smaller ones is the
    // cap of one of the larger ones) nor a smaller search tree: too many below means too many here.
    for (const std::vector<int> &o : cache->overAt) {
        if (atMost(o, counts))
            return false;
    }
    if (cache->valid && atMost(counts, cache->counts))
        return !solver || solver->addMaximalFrom(cache->model, cache->columns, MaxEnumeratedColumns);
    // Enumerate for the larger of these counts and the cached ones, once for the demands below.
    std::vector<int> larger = counts;
    for (std::size_t g = 0; cache->valid && g < larger.size() && g < cache->counts.size(); ++g)
        larger[g] = std::max(larger[g], cache->counts[g]);
    PatternModel model;
    if (!patternModel(larger, model))
        return solver && solver->enumerateMaximal(MaxEnumeratedColumns);
    PatternSolver all(std::move(model), patternWork());
    if (!all.enumerateMaximal(MaxEnumeratedColumns)) {
        cache->overAt.push_back(larger);
        if (larger == counts || !solver)
            return false;
        if (solver->enumerateMaximal(MaxEnumeratedColumns))
            return true;
        cache->overAt.push_back(counts);
        return false;
    }
    cache->model = all.model();
    cache->columns = all.columns();
    cache->counts = std::move(larger);
    cache->valid = true;
    return !solver || solver->addMaximalFrom(cache->model, cache->columns, MaxEnumeratedColumns);
}

void Engine::primePatternCache()
{
    std::vector<int> counts(m_groupCount, 0);
    for (int g = 0; g < m_groupCount; ++g)
        counts[g] = placeable(g) ? std::max(0, m_request.items[g].count) : 0;
    if (m_request.patternCache)
        enumerateMaximal(nullptr, counts);
}

void Engine::patternPhase(const std::vector<int> &wanted)
{
    std::vector<int> counts(m_groupCount, 0);
    for (int g = 0; g < m_groupCount; ++g)
        counts[g] = placeable(g) ? wanted[g] : 0;
    PatternModel model;
    if (!patternModel(counts, model))
        return;
    PatternSolver solver(std::move(model), patternWork());
    // 1. Columns: one per group, and the engine's nodes (so that the integer programs below can
    //    only improve on the engine's packing).
    solver.addSingleGroupColumns();
    const PatternModel &pm = solver.model();
    std::vector<int> localGroup(m_groupCount, -1), localType(m_typeCount, -1);
    for (int i = 0; i < pm.groups(); ++i)
        localGroup[pm.group[i]] = i;
    for (int j = 0; j < pm.types(); ++j)
        localType[pm.type[j]] = j;
    std::vector<int> engineColumn;
    double engineCost = 0.0;
    for (const WorkNode &n : m_nodes) {
        engineCost += m_request.nodeTypes[n.type].pricePerHour;
        PatternColumn c;
        c.type = localType[n.type];
        bool ok = c.type >= 0;
        for (const auto &[g, k] : n.items) {
            if (k > 0) {
                ok = ok && localGroup[g] >= 0;
                c.items.emplace_back(localGroup[g], k);
            }
        }
        engineColumn.push_back(ok ? solver.addColumn(std::move(c)) : -1);
    }
    // 2. The bound: column generation to the LP optimum (Farley bound when the budget stops it).
    const PatternLpResult bound = solver.generate(MaxCgIterations);
    m_patternBound = bound.bound;
    m_patternBoundComputed = true;
    if (bound.bound >= engineCost * (1.0 - 1e-9)) {
        m_provenOptimal = true; // the engine's packing costs the LP bound: optimal
        return;
    }
    // Converged: another round would solve the same master and price nothing new.
    const PatternLpResult lp = bound.converged ? bound : solver.generate(MaxCgIterations);
    std::vector<int> incumbent(solver.columns().size(), 0);
    bool haveIncumbent = true;
    for (int c : engineColumn) {
        if (c < 0)
            haveIncumbent = false;
        else
            ++incumbent[c];
    }
    if (!haveIncumbent)
        incumbent.clear();
    // Nodes in proportion to the size of the program: about the same work for small and large ones.
    auto nodeLimit = [&] {
        const std::int64_t size = std::int64_t(solver.columns().size() + 8) * (pm.groups() + 1);
        return int(std::clamp<std::int64_t>(MipWork / size, MinMipNodes, MipNodeLimit));
    };
    std::vector<int> copies;
    if (int(solver.columns().size()) <= MaxMipColumns) {
        // a) Price and branch: the integer program over the generated columns (and the engine's).
        copies = solver.solveInteger(nodeLimit(), incumbent);
        if (copies.empty() || (!incumbent.empty() && solver.cost(copies) > solver.cost(incumbent)))
            copies = incumbent;
    } else if (lp.solved) {
        // Large: dive on the LP (fix the largest column, re-solve the residual); when a step fails,
        // round the LP down and let the constructive heuristic below place the residual items.
        copies = solver.dive(MaxDiveSteps);
        if (copies.empty()) {
            copies.assign(solver.columns().size(), 0);
            for (std::size_t p = 0; p < copies.size() && p < lp.x.size(); ++p)
                copies[p] = int(std::floor(lp.x[p] + 1e-9));
        }
    }
    // b) With every maximal pattern among the columns the integer program is the exact problem: its
    // proven bound (the optimum when the search finishes) bounds every packing.
    const std::size_t generated = solver.columns().size();
    if (generated <= std::size_t(MaxEnumeratedColumns) / 2 && enumerateMaximal(&solver, counts)
        && int(solver.columns().size()) <= MaxMipColumns) {
        std::vector<int> start = copies;
        if (!start.empty())
            start.resize(solver.columns().size(), 0); // the new columns come after the old ones
        bool proven = false;
        double mipBound = 0.0;
        std::vector<int> exact = solver.solveInteger(nodeLimit(), start, &proven, &mipBound);
        if (!exact.empty()) {
            m_integerBound = std::max(m_patternBound, mipBound * (1.0 - 1e-9));
            m_provenOptimal = proven;
            if (copies.empty() || solver.cost(exact) < solver.cost(copies))
                copies = std::move(exact);
        }
    }
    if (copies.empty())
        return;

    // Materialise: items of each group go onto the copies in column order; surplus is dropped.
    std::vector<int> left(m_groupCount, 0);
    for (int g = 0; g < m_groupCount; ++g)
        left[g] = counts[g];
    std::vector<WorkNode> saved = std::move(m_nodes);
    m_nodes.clear();
    for (std::size_t p = 0; p < copies.size(); ++p) {
        const PatternColumn &c = solver.columns()[p];
        for (int k = 0; k < copies[p]; ++k) {
            WorkNode node;
            node.type = pm.type[c.type];
            node.free = m_cap[node.type];
            for (const auto &[lg, n] : c.items) {
                const int g = pm.group[lg];
                const int take = std::min(n, left[g]);
                if (take > 0) {
                    addToNode(node, g, take);
                    left[g] -= take;
                }
            }
            if (node.itemCount > 0)
                m_nodes.push_back(std::move(node));
        }
    }
    construct(left); // the residual of a rounded LP (nothing after a MIP)
    improve(true);
    double after = 0.0;
    for (const WorkNode &n : m_nodes)
        after += m_request.nodeTypes[n.type].pricePerHour;
    std::int64_t placedBefore = 0, placedAfter = 0;
    for (const WorkNode &n : saved)
        placedBefore += n.itemCount;
    for (const WorkNode &n : m_nodes)
        placedAfter += n.itemCount;
    if (placedAfter < placedBefore || after >= engineCost * (1.0 - 1e-9))
        m_nodes = std::move(saved);
    if (m_provenOptimal) {
        // The integer program over all maximal patterns finished: is the packing kept its optimum?
        double kept = 0.0;
        for (const WorkNode &n : m_nodes)
            kept += m_request.nodeTypes[n.type].pricePerHour;
        m_provenOptimal = kept <= m_integerBound / (1.0 - 1e-9) * (1.0 + 1e-9);
    }
}

} // namespace fleetplan::models::placement::detail
