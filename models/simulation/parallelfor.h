// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <exception>
#include <vector>

#include <QList>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

namespace fleetplan::models {

/// Calls fn(index) for every index of `indexes`: concurrently on QThreadPool::globalInstance(), or one after
/// another on the calling thread when `threads` is 1 or there is one index (SimulationOptions::threads). An
/// exception thrown by any call (a failed allocation, a bug) is carried out of its worker and rethrown here
/// once every call has returned, the first in `indexes` order, as the sequential loop would. Each call must
/// write only its own slot of the results, so they do not depend on which thread finished first.
template <typename Index, typename Fn> void forEachIndex(const QList<Index> &indexes, int threads, const Fn &fn)
{
    std::vector<std::exception_ptr> failures(static_cast<std::size_t>(indexes.size()));
    QList<qsizetype> positions;
    positions.reserve(indexes.size());
    for (qsizetype p = 0; p < indexes.size(); ++p)
        positions.append(p);
    const auto run = [&](qsizetype p) {
        try {
            fn(indexes.at(p));
        } catch (...) {
            failures[static_cast<std::size_t>(p)] = std::current_exception();
        }
    };
    if (threads == 1 || indexes.size() <= 1)
        std::for_each(positions.cbegin(), positions.cend(), run);
    else
        QtConcurrent::blockingMap(QThreadPool::globalInstance(), positions, run);
    for (const std::exception_ptr &failure : failures) {
        if (failure)
            std::rethrow_exception(failure);
    }
}

} // namespace fleetplan::models
