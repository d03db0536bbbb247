// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>

#include "models/workload/scenario.h"
#include "models/simulation/costreport.h"

namespace fleetplan::pricing {
class Catalog;
}

namespace fleetplan::app {

/// Runs simulate() off the GUI thread. The scenario and what-if are copied into the worker; a generation
/// counter makes every request supersede the previous ones, and a result whose generation is stale is
/// discarded. Each request is answered twice, from two lanes:
/// - the fast lane: constructive packing, the five platforms in parallel — what a moving slider needs.
///   While it runs, only the newest request waits (older waiting ones are dropped).
/// - the refine lane: the refined pass that `fleetplan compare` and reports compute (pattern phase, tight
///   bound), on one background thread at a lower priority (nice 10 on Linux), so it never slows the
///   window or the next fast pass. It starts when the fast pass of the same request is current; a newer
///   request never waits for it.
/// reportReady() says which pass it carries. A simulation that throws is reported through
/// simulationFailed(); the window and its document stay. The GUI thread never waits, except in the
/// destructor, which lets the running simulations finish.
class SimulationRunner : public QObject
{
    Q_OBJECT

public:
    explicit SimulationRunner(std::shared_ptr<const pricing::Catalog> catalog, QObject *parent = nullptr);
    ~SimulationRunner() override;

    /// Asks for a simulation of these values; returns its generation.
    quint64 request(const models::Scenario &scenario, const models::WhatIf &whatIf);
    quint64 generation() const { return m_generation; }
    /// A pass is running or waiting in either lane.
    bool isBusy() const { return m_fastRunning || m_refineRunning || m_pendingFast || m_pendingRefine; }
    /// The refine lane is computing (possibly for an older request, whose result will be dropped).
    bool isRefining() const { return m_refineRunning; }
    /// Runs started (stale ones dropped before starting are not counted; a refined pass counts as one).
    int runsStarted() const { return m_runsStarted; }

    const std::shared_ptr<const pricing::Catalog> &catalog() const { return m_catalog; }
    /// Prices the next requests with `catalog` (a simulation in flight keeps the one it started with).
    void setCatalog(std::shared_ptr<const pricing::Catalog> catalog) { m_catalog = std::move(catalog); }

    /// Whether the last report delivered was the refined pass.
    bool lastWasRefined() const { return m_lastRefined; }

Q_SIGNALS:
    /// The newest request's report; `elapsedMs` runs from that request to now. `refined` is false for the
    /// fast first pass, true for the final figure.
    void reportReady(const fleetplan::models::CostReport &report, quint64 generation, qint64 elapsedMs, bool refined);
    /// The simulation of the newest request failed (an exception in the engine); `error` says why.
    void simulationFailed(const QString &error, quint64 generation);
    void busyChanged(bool busy);

private:
    struct Job
    {
        models::Scenario scenario;
        models::WhatIf whatIf;
        quint64 generation = 0;
        bool refined = false;
    };
    struct Outcome
    {
        std::optional<models::CostReport> report;
        QString error;
    };
    void start(Job job);
    void finished(const Job &job, const Outcome &outcome);
    void updateBusy();

    std::shared_ptr<const pricing::Catalog> m_catalog;
    QThreadPool m_fastPool;
    QThreadPool m_refinePool;
    std::optional<Job> m_pendingFast;
    std::optional<Job> m_pendingRefine;
    quint64 m_generation = 0;
    bool m_fastRunning = false;
    bool m_refineRunning = false;
    bool m_busy = false;
    int m_runsStarted = 0;
    bool m_lastRefined = false;
    QElapsedTimer m_sinceRequest;
};

} // namespace fleetplan::app
