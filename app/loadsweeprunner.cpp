// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/loadsweeprunner.h"

#include <exception>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

#include <QThread>

#include "pricing/catalog.h"

namespace fleetplan::app {

LoadSweepRunner::LoadSweepRunner(std::shared_ptr<const pricing::Catalog> catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setThreadPriority(QThread::LowPriority); // Windows and macOS; Linux: nice, below
}

LoadSweepRunner::~LoadSweepRunner()
{
    cancel();
    m_pool.waitForDone();
}

void LoadSweepRunner::cancel()
{
    if (m_stop)
        *m_stop = true;
    m_stop.reset();
    ++m_generation; // whatever is still queued from the old sweep is stale
}

quint64 LoadSweepRunner::request(const models::Scenario &scenario, const models::WhatIf &whatIf)
{
    cancel();
    const quint64 generation = m_generation;
    auto stop = std::make_shared<std::atomic<bool>>(false);
    m_stop = stop;
    ++m_started;
    std::shared_ptr<const pricing::Catalog> catalog = m_catalog;
    const models::LoadRange range = m_range;
    m_pool.start([this, scenario, whatIf, generation, stop, catalog, range] {
#ifdef Q_OS_LINUX
        // Linux ignores QThread priorities for normal threads; a nice value gives the window and the
        // what-if simulations the CPU first (raising it needs no privilege).
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
        models::LoadSweepOptions options;
        options.whatIf = whatIf;
        options.range = range;
        options.threads = 1;
        options.cancel = stop.get();
        try {
            options.fast = true;
            options.coarseStride = 4;
            options.coarseReady = [&](const models::LoadSweep &coarse) { deliver(coarse, generation, Stage::Coarse); };
            const models::LoadSweep fast = models::sweepLoad(scenario, *catalog, options);
            if (*stop)
                return;
            deliver(fast, generation, Stage::Fast);
            models::SensitivityOptions analysis;
            analysis.whatIf = whatIf;
            analysis.threads = 1;
            analysis.cancel = stop.get();
            analysis.fast = true;
            const models::Sensitivity quick = models::analyseSensitivity(scenario, *catalog, analysis);
            if (*stop)
                return;
            deliver(quick, generation, false);
            options.fast = false;
            options.coarseStride = 1;
            options.coarseReady = nullptr;
            const models::LoadSweep refined = models::sweepLoad(scenario, *catalog, options);
            if (*stop)
                return;
            deliver(refined, generation, Stage::Refined);
            analysis.fast = false;
            const models::Sensitivity precise = models::analyseSensitivity(scenario, *catalog, analysis);
            if (!*stop)
                deliver(precise, generation, true);
        } catch (...) {
            // A failing simulation shows on the other tabs (SimulationRunner); the curve just stays as it was.
        }
    });
    return generation;
}

void LoadSweepRunner::deliver(const models::LoadSweep &sweep, quint64 generation, Stage stage)
{
    // Called on the worker: hand a copy to the GUI thread; a result of an older request is dropped there.
    QMetaObject::invokeMethod(
        this,
        [this, sweep, generation, stage] {
            if (generation == m_generation)
                Q_EMIT sweepReady(sweep, generation, stage);
        },
        Qt::QueuedConnection);
}

void LoadSweepRunner::deliver(const models::Sensitivity &sensitivity, quint64 generation, bool refined)
{
    QMetaObject::invokeMethod(
        this,
        [this, sensitivity, generation, refined] {
            if (generation == m_generation)
                Q_EMIT sensitivityReady(sensitivity, generation, refined);
        },
        Qt::QueuedConnection);
}

} // namespace fleetplan::app
