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
/// counter makes every request supersede the previous ones: while one run is in flight, only the newest
/// request waits (older waiting ones are dropped), and a result whose generation is stale is discarded.
/// Each request is answered twice: first by a fast pass (constructive packing, what a moving slider
/// needs), then — unless a newer request came meanwhile — by the refined pass that `fleetplan compare`
/// and reports compute (pattern phase, tight bound). reportReady() says which one it carries.
/// A simulation that throws is reported through simulationFailed(); the window and its document stay.
/// The GUI thread never waits, except in the destructor, which lets the one running simulation finish.
class SimulationRunner : public QObject
{
    Q_OBJECT

public:
    explicit SimulationRunner(std::shared_ptr<const pricing::Catalog> catalog, QObject *parent = nullptr);
    ~SimulationRunner() override;

    /// Asks for a simulation of these values; returns its generation.
    quint64 request(const models::Scenario &scenario, const models::WhatIf &whatIf);
    quint64 generation() const { return m_generation; }
    bool isBusy() const { return m_running; }
    /// Runs started (stale ones dropped before starting are not counted; a refined pass counts as one).
    int runsStarted() const { return m_runsStarted; }

    const std::shared_ptr<const pricing::Catalog> &catalog() const { return m_catalog; }

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

    std::shared_ptr<const pricing::Catalog> m_catalog;
    QThreadPool m_pool;
    std::optional<Job> m_pending;
    quint64 m_generation = 0;
    bool m_running = false;
    int m_runsStarted = 0;
    bool m_lastRefined = false;
    QElapsedTimer m_sinceRequest;
};

} // namespace fleetplan::app
