// SPDX-License-Identifier: GPL-3.0-or-later
// One node type: several constructive starts and bin elimination (vector bin packing).
#include "models/placement/packingengine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "models/placement/engineutil.h"

namespace fleetplan::models::placement::detail {

void Engine::localSearchSingleType()
{
    // Bin elimination for one node type (the vector bin packing benchmark case): take the least
    // loaded node, put its items in a pool, and push pool items into the other nodes, directly or
    // by swapping them against smaller items there (1-1, 2-1, 1-2), so that every move makes the
    // nodes fuller. The pool empties (one node fewer) or no move helps (the node is restored).
    if (m_allowed.size() != 1 || m_nodes.size() < 2)
        return;
    const int type = m_allowed.front();
    const Vec &cap = m_cap[type];
    std::int64_t items = 0;
    for (const WorkNode &n : m_nodes)
        items += n.itemCount;
    if (items > 20000)
        return;
    for (int g = 0; g < m_groupCount; ++g) {
        if (m_request.items[g].exclusiveKey > 0)
            return; // keys are rare in single-type fleets; the move checks below do not track them
    }
    std::vector<double> w(m_groupCount, 0.0);
    for (int g = 0; g < m_groupCount; ++g) {
        for (int d = 0; d < DimensionCount; ++d)
            w[g] += cap[d] > 0.0 ? m_request3[g][d] / cap[d] : 0.0;
    }
    Vec tol {};
    for (int d = 0; d < DimensionCount; ++d)
        tol[d] = Eps * (1.0 + std::abs(cap[d]));
    struct Bin
    {
        std::vector<int> items; // one entry per item (group id)
        Vec free {};
        double load = 0.0;
    };
    auto feasible
        = [&](const Vec &f) { return f[0] >= -tol[0] && f[1] >= -tol[1] && f[2] >= -tol[2] && f[3] >= -tol[3]; };
    std::vector<Bin> bins;
    for (const WorkNode &n : m_nodes) {
        Bin b;
        b.free = cap;
        for (const auto &[g, c] : n.items) {
            for (int k = 0; k < c; ++k) {
                b.items.push_back(g);
                for (int d = 0; d < DimensionCount; ++d)
                    b.free[d] -= m_request3[g][d];
                b.load += w[g];
            }
        }
        bins.push_back(std::move(b));
    }
    // Per-dimension ceil bound: stop when reached.
    Vec demand {};
    for (const Bin &b : bins) {
        for (int d = 0; d < DimensionCount; ++d)
            demand[d] += cap[d] - b.free[d];
    }
    double bound = 1.0;
    for (int d = 0; d < DimensionCount; ++d) {
        if (cap[d] > 0.0)
            bound = std::max(bound, std::ceil(demand[d] / cap[d] - 1e-9));
    }

    auto place1 = [&](Bin &b, int g, int sign) {
        for (int d = 0; d < DimensionCount; ++d)
            b.free[d] -= sign * m_request3[g][d];
        b.load += sign * w[g];
    };

    auto emptyPool = [&](std::vector<int> &pool, std::vector<Bin> &others) {
        for (int round = 0; round < 1000 && budgetLeft(); ++round) {
            // 1. Direct insertion, largest first, into the node left with the least slack.
            std::stable_sort(pool.begin(), pool.end(), [&](int a, int b) { return w[a] > w[b]; });
            for (std::size_t p = 0; p < pool.size();) {
                const int g = pool[p];
                int best = -1;
                double bestSlack = std::numeric_limits<double>::infinity();
                for (int i = 0; i < int(others.size()); ++i) {
                    const Bin &b = others[i];
                    Vec f { b.free[0] - m_request3[g][0], b.free[1] - m_request3[g][1], b.free[2] - m_request3[g][2],
                        b.free[3] - m_request3[g][3] };
                    if (!feasible(f))
                        continue;
                    const double slack = double(DimensionCount) - (b.load + w[g]);
                    if (slack < bestSlack) {
                        bestSlack = slack;
                        best = i;
                    }
                }
                m_work += std::int64_t(others.size());
                if (best >= 0) {
                    others[best].items.push_back(g);
                    place1(others[best], g, +1);
                    pool.erase(pool.begin() + std::ptrdiff_t(p));
                } else {
                    ++p;
                }
            }
            if (pool.empty())
                return true;
            // 2. Swaps that make a node fuller (the pool lighter).
            bool improved = false;
            for (Bin &b : others) {
                const int nb = int(b.items.size());
                const int np = int(pool.size());
                m_work += std::int64_t(nb) * np * (2 + np + nb);
                bool done = false;
                // 1 pool item for 1 node item
                for (int pi = 0; pi < np && !done; ++pi) {
                    const int p = pool[pi];
                    for (int bi = 0; bi < nb && !done; ++bi) {
                        const int q = b.items[bi];
                        if (w[p] <= w[q] + 1e-12)
                            continue;
                        Vec f;
                        for (int d = 0; d < DimensionCount; ++d)
                            f[d] = b.free[d] + m_request3[q][d] - m_request3[p][d];
                        if (feasible(f)) {
                            b.items[bi] = p;
                            b.free = f;
                            b.load += w[p] - w[q];
                            pool[pi] = q;
                            done = true;
                        }
                    }
                }
                // 2 pool items for 1 node item
                for (int pi = 0; pi < np && !done; ++pi) {
                    for (int pj = pi + 1; pj < np && !done; ++pj) {
                        const int p1 = pool[pi], p2 = pool[pj];
                        for (int bi = 0; bi < nb && !done; ++bi) {
                            const int q = b.items[bi];
                            if (w[p1] + w[p2] <= w[q] + 1e-12)
                                continue;
                            Vec f;
                            for (int d = 0; d < DimensionCount; ++d)
                                f[d] = b.free[d] + m_request3[q][d] - m_request3[p1][d] - m_request3[p2][d];
                            if (feasible(f)) {
                                b.items[bi] = p1;
                                b.items.push_back(p2);
                                b.free = f;
                                b.load += w[p1] + w[p2] - w[q];
                                pool[pi] = q;
                                pool.erase(pool.begin() + pj);
                                done = true;
                            }
                        }
                    }
                }
                // 1 pool item for 2 node items
                for (int pi = 0; pi < int(pool.size()) && !done; ++pi) {
                    const int p = pool[pi];
                    for (int bi = 0; bi < nb && !done; ++bi) {
                        for (int bj = bi + 1; bj < nb && !done; ++bj) {
                            const int q1 = b.items[bi], q2 = b.items[bj];
                            if (w[p] <= w[q1] + w[q2] + 1e-12)
                                continue;
                            Vec f;
                            for (int d = 0; d < DimensionCount; ++d)
                                f[d] = b.free[d] + m_request3[q1][d] + m_request3[q2][d] - m_request3[p][d];
                            if (feasible(f)) {
                                b.items[bi] = p;
                                b.items.erase(b.items.begin() + bj);
                                b.free = f;
                                b.load += w[p] - w[q1] - w[q2];
                                pool[pi] = q1;
                                pool.push_back(q2);
                                done = true;
                            }
                        }
                    }
                }
                if (done)
                    improved = true;
                if (!budgetLeft())
                    break;
            }
            if (!improved)
                return false;
        }
        return false;
    };

    int failures = 0;
    while (budgetLeft() && double(bins.size()) > bound && failures < MaxVictimTries) {
        // Candidate: the failures-th least loaded node (ties by index).
        std::vector<int> order(bins.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return bins[a].load < bins[b].load; });
        if (failures >= int(order.size()))
            break;
        const int victim = order[failures];
        std::vector<Bin> trial;
        trial.reserve(bins.size() - 1);
        for (int i = 0; i < int(bins.size()); ++i) {
            if (i != victim)
                trial.push_back(bins[i]);
        }
        std::vector<int> pool = bins[victim].items;
        if (emptyPool(pool, trial)) {
            bins = std::move(trial);
            failures = 0;
        } else {
            ++failures;
        }
    }

    m_nodes.clear();
    for (const Bin &b : bins) {
        WorkNode n;
        n.type = type;
        n.free = cap;
        for (int g : b.items)
            addToNode(n, g, 1);
        m_nodes.push_back(std::move(n));
    }
}

std::vector<std::vector<WorkNode>> Engine::singleTypeStarts()
{
    // Several item-level constructive starts for one node type (the vector bin packing case): FFD
    // and best-fit decreasing by four size measures, and a bin-centric "perfect fit" fill that closes
    // a node with one or two items matching its free space exactly (triplet-like instances). The
    // packings are returned fewest nodes first (ties: in the order above), without the current one.
    std::vector<std::vector<WorkNode>> starts;
    if (m_allowed.size() != 1 || m_nodes.size() < 2)
        return starts;
    const int type = m_allowed.front();
    const Vec &cap = m_cap[type];
    const Vec &inv = m_inv[type];
    std::int64_t total = 0;
    for (const WorkNode &n : m_nodes) {
        if (n.type != type)
            return starts;
        total += n.itemCount;
    }
    if (total > 5000)
        return starts;
    for (int g = 0; g < m_groupCount; ++g) {
        if (m_request.items[g].exclusiveKey > 0)
            return starts;
    }
    std::vector<int> counts(m_groupCount, 0);
    for (const WorkNode &n : m_nodes) {
        for (const auto &[g, c] : n.items)
            counts[g] += c;
    }
    std::vector<int> groups;
    for (int g = 0; g < m_groupCount; ++g) {
        if (counts[g] > 0)
            groups.push_back(g);
    }
    Vec tol {};
    for (int d = 0; d < DimensionCount; ++d)
        tol[d] = Eps * (1.0 + std::abs(cap[d]));
    auto fitsIn = [&](const Vec &free, int g) {
        for (int d = 0; d < DimensionCount; ++d) {
            if (free[d] - m_request3[g][d] < -tol[d])
                return false;
        }
        return true;
    };
    auto norm = [&](int g, int d) { return m_request3[g][d] * inv[d]; };

    auto keep = [&](const std::vector<std::vector<int>> &bins) {
        std::vector<WorkNode> nodes;
        for (const std::vector<int> &bin : bins) {
            WorkNode n;
            n.type = type;
            n.free = cap;
            for (int g : bin)
                addToNode(n, g, 1);
            nodes.push_back(std::move(n));
        }
        starts.push_back(std::move(nodes));
    };

    // 1. FFD / BFD by size measures.
    Vec scarcity {}; // total demand per dimension in nodes: weights of measure 4
    for (int g : groups) {
        for (int d = 0; d < DimensionCount; ++d)
            scarcity[d] += std::max(0.0, norm(g, d)) * counts[g];
    }
    for (int measure = 0; measure < 5; ++measure) {
        std::vector<double> key(m_groupCount, 0.0);
        for (int g : groups) {
            double k = measure == 3 ? 1.0 : 0.0;
            for (int d = 0; d < DimensionCount; ++d) {
                // The product measure ignores the GPU dimension of a type without GPUs (every item 0 there).
                if (measure == 3 && d == GpuDimension && !(cap[GpuDimension] > 0.0))
                    continue;
                const double x = std::max(0.0, norm(g, d));
                if (measure == 4)
                    k += scarcity[d] * x;
                else if (measure == 0)
                    k += x;
                else if (measure == 1)
                    k = std::max(k, x);
                else if (measure == 2)
                    k += x * x;
                else
                    k *= x;
            }
            key[g] = k;
        }
        std::vector<int> order = groups;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key[a] > key[b]; });
        for (int bestFit = 0; bestFit < 2 && budgetLeft(); ++bestFit) {
            std::vector<Vec> free;
            std::vector<std::vector<int>> bins;
            for (int g : order) {
                for (int c = 0; c < counts[g]; ++c) {
                    int chosen = -1;
                    double chosenSlack = std::numeric_limits<double>::infinity();
                    for (int b = 0; b < int(bins.size()); ++b) {
                        if (!fitsIn(free[b], g))
                            continue;
                        if (!bestFit) {
                            chosen = b;
                            break;
                        }
                        double slack = 0.0;
                        for (int d = 0; d < DimensionCount; ++d)
                            slack += (free[b][d] - m_request3[g][d]) * inv[d];
                        if (slack < chosenSlack) {
                            chosenSlack = slack;
                            chosen = b;
                        }
                    }
                    m_work += std::int64_t(bins.size()) + 1;
                    if (chosen < 0) {
                        bins.emplace_back();
                        free.push_back(cap);
                        chosen = int(bins.size()) - 1;
                    }
                    bins[chosen].push_back(g);
                    for (int d = 0; d < DimensionCount; ++d)
                        free[chosen][d] -= m_request3[g][d];
                }
            }
            keep(bins);
        }
    }

    // 2. Bin-centric perfect fit (integer sizes only: exact matching by value).
    bool integral = true;
    for (int g : groups) {
        for (int d = 0; d < DimensionCount; ++d)
            integral
                = integral && m_request3[g][d] == std::round(m_request3[g][d]) && std::abs(m_request3[g][d]) < 1e12;
    }
    for (int d = 0; d < DimensionCount; ++d)
        integral = integral && cap[d] == std::round(cap[d]) && std::abs(cap[d]) < 1e12;
    if (integral && budgetLeft()) {
        using Key = std::array<long long, DimensionCount>;
        auto keyOf = [](const Vec &v) {
            Key k {};
            for (int d = 0; d < DimensionCount; ++d)
                k[d] = std::llround(v[d]);
            return k;
        };
        std::map<Key, int> byValue; // request -> group (identical requests were merged; first wins)
        for (int g : groups)
            byValue.emplace(keyOf(m_request3[g]), g);
        std::vector<double> size(m_groupCount, 0.0);
        for (int g : groups) {
            for (int d = 0; d < DimensionCount; ++d)
                size[g] += norm(g, d);
        }
        std::vector<int> order = groups;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return size[a] > size[b]; });
        for (int rule = 0; rule < 2 && budgetLeft(); ++rule) {
            std::vector<int> left = counts;
            std::int64_t remainingItems = total;
            std::vector<std::vector<int>> bins;
            auto lookup = [&](const Vec &residual) {
                const auto it = byValue.find(keyOf(residual));
                return it == byValue.end() ? -1 : it->second;
            };
            while (remainingItems > 0) {
                std::vector<int> bin;
                Vec free = cap;
                auto take = [&](int g) {
                    bin.push_back(g);
                    --left[g];
                    --remainingItems;
                    for (int d = 0; d < DimensionCount; ++d)
                        free[d] -= m_request3[g][d];
                };
                for (int g : order) {
                    if (left[g] > 0) {
                        take(g);
                        break;
                    }
                }
                while (remainingItems > 0) {
                    // One item that fills the node exactly.
                    const int exact = lookup(free);
                    if (exact >= 0 && left[exact] > 0) {
                        take(exact);
                        break;
                    }
                    // Two items that fill it exactly.
                    bool paired = false;
                    m_work += std::int64_t(order.size()) * 4;
                    for (int g : order) {
                        if (left[g] == 0 || !fitsIn(free, g))
                            continue;
                        Vec rest;
                        for (int d = 0; d < DimensionCount; ++d)
                            rest[d] = free[d] - m_request3[g][d];
                        const int h = lookup(rest);
                        if (h >= 0 && left[h] > (h == g ? 1 : 0)) {
                            take(g);
                            take(h);
                            paired = true;
                            break;
                        }
                    }
                    if (paired)
                        break;
                    // Otherwise the largest item that fits (rule 0) or the one most aligned with the
                    // free space (rule 1, dot product of normalised vectors).
                    int next = -1;
                    double nextScore = -std::numeric_limits<double>::infinity();
                    for (int g : order) {
                        if (left[g] > 0 && fitsIn(free, g)) {
                            if (rule == 0) {
                                next = g;
                                break;
                            }
                            double score = 0.0;
                            for (int d = 0; d < DimensionCount; ++d)
                                score += norm(g, d) * free[d] * inv[d];
                            if (score > nextScore) {
                                nextScore = score;
                                next = g;
                            }
                        }
                    }
                    if (next < 0)
                        break;
                    take(next);
                }
                bins.push_back(std::move(bin));
                if (!budgetLeft())
                    break;
            }
            if (remainingItems == 0)
                keep(bins);
        }
    }
    std::stable_sort(starts.begin(), starts.end(),
        [](const std::vector<WorkNode> &a, const std::vector<WorkNode> &b) { return a.size() < b.size(); });
    return starts;
}

void Engine::searchSingleType()
{
    // Bin elimination from the current packing and from the best other starts; each search gets an
    // equal share of the remaining work budget; the packing with the fewest nodes wins (ties: the
    // earlier one). Stops as soon as a packing reaches the per-dimension ceil bound.
    std::vector<std::vector<WorkNode>> starts = singleTypeStarts();
    if (starts.empty()) {
        localSearchSingleType();
        return;
    }
    const int type = m_allowed.front();
    const Vec &cap = m_cap[type];
    Vec demand {};
    for (const WorkNode &n : m_nodes) {
        for (int d = 0; d < DimensionCount; ++d)
            demand[d] += cap[d] - n.free[d];
    }
    double bound = 1.0;
    for (int d = 0; d < DimensionCount; ++d) {
        if (cap[d] > 0.0)
            bound = std::max(bound, std::ceil(demand[d] / cap[d] - 1e-9));
    }
    std::vector<std::vector<WorkNode>> queue;
    queue.push_back(m_nodes);
    for (std::vector<WorkNode> &s : starts) {
        if (int(queue.size()) >= MaxSearchStarts)
            break;
        queue.push_back(std::move(s));
    }
    std::stable_sort(queue.begin(), queue.end(),
        [](const std::vector<WorkNode> &a, const std::vector<WorkNode> &b) { return a.size() < b.size(); });
    const std::int64_t fullBudget = m_budget;
    std::vector<WorkNode> best;
    for (int i = 0; i < int(queue.size()); ++i) {
        const std::int64_t share = (fullBudget - m_work) / std::int64_t(queue.size() - i);
        if (share <= 0)
            break;
        m_budget = m_work + share;
        m_nodes = std::move(queue[i]);
        localSearchSingleType();
        if (best.empty() || m_nodes.size() < best.size())
            best = m_nodes;
        if (double(best.size()) <= bound)
            break;
    }
    m_budget = fullBudget;
    if (!best.empty())
        m_nodes = std::move(best);
}

} // namespace fleetplan::models::placement::detail
