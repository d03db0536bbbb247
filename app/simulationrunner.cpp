// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/simulationrunner.h"

#include <exception>
#include <memory>
#include <new>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include "models/simulation/simulation.h"
#include "models/workload/validation.h"
#include "pricing/catalog.h"

namespace fleetplan::app {

SimulationRunner::SimulationRunner(std::shared_ptr<const pricing::Catalog> catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
{
    // One worker per lane: a newer request waits for the running fast pass instead of competing with
    // it; the fast pass itself spreads the platforms over the cores (simulate()).
    m_fastPool.setMaxThreadCount(1);
    m_refinePool.setMaxThreadCount(1);
    m_refinePool.setThreadPriority(QThread::LowPriority); // Windows and macOS; Linux: nice, below
}

SimulationRunner::~SimulationRunner()
{
    m_pendingFast.reset();
    m_pendingRefine.reset();
    m_fastPool.waitForDone();
    m_refinePool.waitForDone();
}

quint64 SimulationRunner::request(const models::Scenario &scenario, const models::WhatIf &whatIf)
{
    ++m_generation;
    m_sinceRequest.start();
    Job job { scenario, whatIf, m_generation };
    m_pendingRefine.reset(); // an older request's refined pass is no longer wanted
    if (m_fastRunning)
        m_pendingFast = std::move(job); // replaces (drops) any older waiting request
    else
        start(std::move(job));
    updateBusy();
    return m_generation;
}

void SimulationRunner::updateBusy()
{
    if (isBusy() != m_busy) {
        m_busy = isBusy();
        Q_EMIT busyChanged(m_busy);
    }
}

void SimulationRunner::start(Job job)
{
    ++m_runsStarted;
    (job.refined ? m_refineRunning : m_fastRunning) = true;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    auto done = std::make_shared<Job>(job);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        finished(*done, watcher->result());
    });
    std::shared_ptr<const pricing::Catalog> catalog = m_catalog;
    QThreadPool *pool = job.refined ? &m_refinePool : &m_fastPool;
    watcher->setFuture(QtConcurrent::run(pool, [job = std::move(job), catalog]() -> Outcome {
        models::SimulationOptions options = job.refined ? models::SimulationOptions {} : models::fastSimulation();
        if (job.refined) {
            options.threads = 1; // stays on this low-priority thread
#ifdef Q_OS_LINUX
            // Linux ignores QThread priorities for normal threads; a nice value gives the window and the
            // fast lane the CPU first (raising it needs no privilege; the thread only ever refines).
            setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
        }
        // An exception must not reach the worker thread's top (std::terminate would end the app and lose
        // unsaved edits): it becomes a message the window shows.
        try {
            // The validation `compare` and `report` run (scenarioinput.h), before anything is simulated: a
            // scenario past the limits of validation.h would run out of memory or spin in the engine. The
            // refined pass follows a fast pass of the same request, which already checked.
            if (!job.refined) {
                QList<models::Diagnostic> problems = models::validateScenario(job.scenario, catalog.get());
                problems += models::validateLoadMultiplier(
                    job.scenario, job.whatIf.loadMultiplier, QStringLiteral("load multiplier"));
                for (const models::Diagnostic &d : std::as_const(problems)) {
                    if (d.isError())
                        return { std::nullopt, QStringLiteral("the scenario is not valid: ") + d.toString() };
                }
            }
            return { models::simulate(job.scenario, *catalog, job.whatIf, options), {} };
        } catch (const std::bad_alloc &) {
            return { std::nullopt, QStringLiteral("the simulation ran out of memory") };
        } catch (const std::exception &e) {
            return { std::nullopt, QStringLiteral("the simulation failed: %1").arg(QString::fromLocal8Bit(e.what())) };
        } catch (...) {
            return { std::nullopt, QStringLiteral("the simulation failed") };
        }
    }));
}

void SimulationRunner::finished(const Job &job, const Outcome &outcome)
{
    (job.refined ? m_refineRunning : m_fastRunning) = false;
    const bool current = job.generation == m_generation;
    if (current && outcome.report) {
        m_lastRefined = job.refined;
        Q_EMIT reportReady(*outcome.report, job.generation, m_sinceRequest.elapsed(), job.refined);
    } else if (current) {
        Q_EMIT simulationFailed(outcome.error, job.generation);
    }
    if (!job.refined) {
        if (current && outcome.report) {
            Job refine = job;
            refine.refined = true;
            if (m_refineRunning)
                m_pendingRefine = std::move(refine); // after the (stale) running one
            else
                start(std::move(refine));
        }
        if (m_pendingFast) {
            Job next = std::move(*m_pendingFast);
            m_pendingFast.reset();
            start(std::move(next));
        }
    } else if (m_pendingRefine && !m_refineRunning) {
        Job next = std::move(*m_pendingRefine);
        m_pendingRefine.reset();
        if (next.generation == m_generation)
            start(std::move(next));
    }
    updateBusy();
}

} // namespace fleetplan::app
