// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/simulationrunner.h"

#include <exception>
#include <memory>
#include <new>

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "models/simulation/simulation.h"
#include "pricing/catalog.h"

namespace fleetplan::app {

SimulationRunner::SimulationRunner(std::shared_ptr<const pricing::Catalog> catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
{
    // One worker: a newer request waits for the running one instead of competing for the two cores.
    m_pool.setMaxThreadCount(1);
}

SimulationRunner::~SimulationRunner()
{
    m_pending.reset();
    m_pool.waitForDone();
}

quint64 SimulationRunner::request(const models::Scenario &scenario, const models::WhatIf &whatIf)
{
    ++m_generation;
    m_sinceRequest.start();
    Job job { scenario, whatIf, m_generation };
    if (m_running) {
        m_pending = std::move(job); // replaces (drops) any older waiting request
        return m_generation;
    }
    start(std::move(job));
    return m_generation;
}

void SimulationRunner::start(Job job)
{
    if (!m_running) {
        m_running = true;
        Q_EMIT busyChanged(true);
    }
    ++m_runsStarted;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    const quint64 generation = job.generation;
    const bool refined = job.refined;
    // The refined pass of the same request runs next unless a newer request arrives first.
    auto refine = std::make_shared<Job>(job);
    refine->refined = true;
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation, refined, refine] {
        watcher->deleteLater();
        const Outcome outcome = watcher->result();
        const bool current = generation == m_generation;
        if (current && outcome.report) {
            m_lastRefined = refined;
            Q_EMIT reportReady(*outcome.report, generation, m_sinceRequest.elapsed(), refined);
        } else if (current) {
            Q_EMIT simulationFailed(outcome.error, generation);
        }
        if (m_pending) {
            Job next = std::move(*m_pending);
            m_pending.reset();
            start(std::move(next));
            return;
        }
        if (current && outcome.report && !refined) {
            start(std::move(*refine));
            return;
        }
        m_running = false;
        Q_EMIT busyChanged(false);
    });
    std::shared_ptr<const pricing::Catalog> catalog = m_catalog;
    watcher->setFuture(QtConcurrent::run(&m_pool, [job = std::move(job), catalog]() -> Outcome {
        // An exception must not reach the worker thread's top (std::terminate would end the app and lose
        // unsaved edits): it becomes a message the window shows.
        try {
            return { models::simulate(job.scenario, *catalog, job.whatIf,
                         job.refined ? models::SimulationOptions {} : models::fastSimulation()),
                {} };
        } catch (const std::bad_alloc &) {
            return { std::nullopt, QStringLiteral("the simulation ran out of memory") };
        } catch (const std::exception &e) {
            return { std::nullopt, QStringLiteral("the simulation failed: %1").arg(QString::fromLocal8Bit(e.what())) };
        } catch (...) {
            return { std::nullopt, QStringLiteral("the simulation failed") };
        }
    }));
}

} // namespace fleetplan::app
