// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "models/simulation/costreport.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenario.h"
#include "models/workload/scenariodiff.h"

namespace fleetplan::pricing {
class Catalog;
}

namespace fleetplan::app {

/// The window's baseline (issue 18): a snapshot of the scenario and its refined figures ("Set as baseline"),
/// or another scenario file simulated with the same catalog ("Compare with file…"). Every new report on
/// screen is compared with it: the figures are models::costChanges() and the reasons
/// models::scenarioChanges(), the same functions `compare --diff` and `report --baseline` use.
///
/// The baseline's figures are refined (what `fleetplan compare` prints). When the report on screen is not
/// refined yet, or the baseline is a file, they are simulated in the background; comparisonChanged() follows
/// when they are ready. A file baseline is simulated at the what-if of the moment it was chosen, a snapshot
/// keeps the what-if it was taken at, so the difference names what changed since.
class BaselineController : public QObject
{
    Q_OBJECT

public:
    explicit BaselineController(std::shared_ptr<const pricing::Catalog> catalog, QObject *parent = nullptr);
    ~BaselineController() override;

    void setCatalog(std::shared_ptr<const pricing::Catalog> catalog);

    /// The current scenario and what-if become the baseline. `refinedReport`, when given, is their refined
    /// report (no simulation needed); otherwise it is simulated in the background.
    void setFromCurrent(const models::Scenario &scenario, const models::WhatIf &whatIf,
        const models::CostReport *refinedReport, const QString &label);
    /// Reads a scenario file as the baseline (simulated in the background). false + *error when the file
    /// cannot be read or has errors; the previous baseline stays then.
    bool setFromFile(const QString &path, const models::WhatIf &whatIf, QString *error);
    /// Forgets the baseline (cleared() follows).
    void clear();

    /// The report on screen changed: compares it with the baseline (comparisonChanged() when there is one).
    void setCurrent(const models::Scenario &scenario, const models::CostReport &report);

    bool hasBaseline() const { return m_baseline.has_value(); }
    /// Whether the baseline's figures are known (false while they are simulated).
    bool isReady() const { return m_baseline && m_baseline->report.has_value(); }
    QString label() const { return m_baseline ? m_baseline->label : QString(); }
    const models::Scenario *baselineScenario() const { return m_baseline ? &m_baseline->scenario : nullptr; }
    const models::CostReport *baselineReport() const;
    /// The inputs that differ between the baseline and the current scenario (last setCurrent()).
    const QList<models::ScenarioChange> &inputChanges() const { return m_inputs; }
    /// Blocks until a background simulation of the baseline has finished (tests).
    void waitForBaseline();

Q_SIGNALS:
    /// The baseline or the current report changed and both are known.
    void comparisonChanged(const QString &label, const models::CostReport &baseline, const models::CostReport &current,
        const QList<models::ScenarioChange> &inputs);
    /// The baseline is being simulated ("Simulating the baseline…").
    void baselinePending(const QString &label);
    void cleared();
    /// The background simulation of the baseline failed.
    void failed(const QString &error);

private:
    struct Baseline
    {
        QString label;
        models::Scenario scenario;
        models::WhatIf whatIf;
        std::optional<models::CostReport> report;
        quint64 generation = 0;
    };
    void simulateBaseline();
    void compare();

    std::shared_ptr<const pricing::Catalog> m_catalog;
    std::optional<Baseline> m_baseline;
    quint64 m_generation = 0;
    QFutureWatcher<models::CostReport> *m_watcher = nullptr;
    std::optional<models::Scenario> m_currentScenario;
    std::optional<models::CostReport> m_currentReport;
    QList<models::ScenarioChange> m_inputs;
};

} // namespace fleetplan::app
