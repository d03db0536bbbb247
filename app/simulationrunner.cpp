// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/simulationrunner.h"

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
    Job job{scenario, whatIf, m_generation};
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
    auto *watcher = new QFutureWatcher<models::CostReport>(this);
    const quint64 generation = job.generation;
    connect(watcher, &QFutureWatcher<models::CostReport>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const bool current = generation == m_generation;
        if (current)
            Q_EMIT reportReady(watcher->result(), generation, m_sinceRequest.elapsed());
        if (m_pending) {
            Job next = std::move(*m_pending);
            m_pending.reset();
            start(std::move(next));
            return;
        }
        m_running = false;
        Q_EMIT busyChanged(false);
    });
    std::shared_ptr<const pricing::Catalog> catalog = m_catalog;
    watcher->setFuture(QtConcurrent::run(&m_pool, [job = std::move(job), catalog] {
        return models::simulate(job.scenario, *catalog, job.whatIf);
    }));
}

} // namespace fleetplan::app
