// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <memory>

#include <QObject>
#include <QThreadPool>

#include "models/simulation/loadsweep.h"
#include "models/simulation/sensitivity.h"
#include "models/workload/scenario.h"

namespace fleetplan::pricing {
class Catalog;
}

namespace fleetplan::app {

/// Runs models::sweepLoad() and models::analyseSensitivity() off the GUI thread for the Cost vs load tab.
/// Each request copies the scenario and what-if into a worker and is answered in passes: the coarse curve
/// (every 4th load, constructive packing), the fast sweep (every load), the fast sensitivity, then the
/// refined sweep and the refined sensitivity (the figures `fleetplan sweep` and `fleetplan sensitivity`
/// print). A newer request (or cancel()) sets the running sweep's stop flag, which it
/// checks between points, and drops its late results by generation. The worker is one thread at a lower
/// priority (nice 10 on Linux) that runs the points one after the other, so a sweep never slows the window
/// or the what-if simulations. The destructor cancels and waits.
class LoadSweepRunner : public QObject
{
    Q_OBJECT

public:
    enum class Stage { Coarse, Fast, Refined };
    Q_ENUM(Stage)

    explicit LoadSweepRunner(std::shared_ptr<const pricing::Catalog> catalog, QObject *parent = nullptr);
    /// Sweeps the next requests with `catalog` (a sweep in flight keeps the one it started with).
    void setCatalog(std::shared_ptr<const pricing::Catalog> catalog) { m_catalog = std::move(catalog); }
    ~LoadSweepRunner() override;

    /// The loads swept by the next request (default ×0.25 … ×4 step 0.25); must be valid.
    void setRange(const models::LoadRange &range) { m_range = range; }
    const models::LoadRange &range() const { return m_range; }
    /// Sweeps `scenario` with `whatIf` (its load is replaced by each point's) over range(); cancels the
    /// previous request. Returns the generation.
    quint64 request(const models::Scenario &scenario, const models::WhatIf &whatIf);
    /// Stops the running sweep; its results are dropped.
    void cancel();
    quint64 generation() const { return m_generation; }
    /// Sweeps started (a cancelled one counts).
    int started() const { return m_started; }

Q_SIGNALS:
    /// A pass of the newest request.
    void sweepReady(const fleetplan::models::LoadSweep &sweep, quint64 generation, Stage stage);
    /// The sensitivity of the newest request: constructive packing first (refined = false), then refined.
    void sensitivityReady(const fleetplan::models::Sensitivity &sensitivity, quint64 generation, bool refined);

private:
    void deliver(const models::LoadSweep &sweep, quint64 generation, Stage stage);
    void deliver(const models::Sensitivity &sensitivity, quint64 generation, bool refined);

    std::shared_ptr<const pricing::Catalog> m_catalog;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_stop;
    models::LoadRange m_range;
    quint64 m_generation = 0;
    int m_started = 0;
};

} // namespace fleetplan::app
