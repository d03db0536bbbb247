// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/baselinecontroller.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "pricing/catalog.h"

namespace fleetplan::app {

namespace {

/// The figures of the baseline, or the reason there are none (an exception must not reach the pool thread).
struct Outcome
{
    std::optional<models::CostReport> report;
    QString error;
};

} // namespace

BaselineController::BaselineController(std::shared_ptr<const pricing::Catalog> catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
{
}

BaselineController::~BaselineController()
{
    if (m_watcher)
        m_watcher->waitForFinished();
}

void BaselineController::setCatalog(std::shared_ptr<const pricing::Catalog> catalog)
{
    m_catalog = std::move(catalog);
}

const models::CostReport *BaselineController::baselineReport() const
{
    return m_baseline && m_baseline->report ? &*m_baseline->report : nullptr;
}

void BaselineController::setFromCurrent(const models::Scenario &scenario, const models::WhatIf &whatIf,
    const models::CostReport *refinedReport, const QString &label)
{
    m_baseline = Baseline { label, scenario, whatIf, std::nullopt, ++m_generation };
    if (refinedReport) {
        m_baseline->report = *refinedReport;
        compare();
    } else {
        simulateBaseline();
    }
}

bool BaselineController::setFromFile(const QString &path, const models::WhatIf &whatIf, QString *error)
{
    const models::ScenarioReadResult read = models::readScenarioFile(path);
    if (!read.ok()) {
        if (error)
            *error = read.errorText();
        return false;
    }
    QList<models::Diagnostic> problems = models::validateScenario(*read.scenario, m_catalog.get());
    for (const models::Diagnostic &d : std::as_const(problems)) {
        if (d.isError()) {
            if (error)
                *error = QDir::toNativeSeparators(path) + QStringLiteral(": ") + d.toString();
            return false;
        }
    }
    m_baseline = Baseline { QFileInfo(path).fileName(), *read.scenario, whatIf, std::nullopt, ++m_generation };
    simulateBaseline();
    return true;
}

void BaselineController::clear()
{
    if (!m_baseline)
        return;
    m_baseline.reset();
    ++m_generation; // a simulation in flight is for a baseline that is gone
    m_inputs.clear();
    Q_EMIT cleared();
}

void BaselineController::setCurrent(const models::Scenario &scenario, const models::CostReport &report)
{
    m_currentScenario = scenario;
    m_currentReport = report;
    compare();
}

void BaselineController::waitForBaseline()
{
    if (m_watcher && m_watcher->isRunning())
        m_watcher->waitForFinished();
}

void BaselineController::simulateBaseline()
{
    Q_EMIT baselinePending(m_baseline->label);
    // One simulation at a time: a newer baseline waits for the one in flight, whose result is then dropped
    // (its generation is old).
    if (m_watcher && m_watcher->isRunning()) {
        connect(
            m_watcher, &QFutureWatcher<models::CostReport>::finished, this,
            [this, generation = m_generation] {
                if (m_baseline && m_baseline->generation == generation)
                    simulateBaseline();
            },
            Qt::SingleShotConnection);
        return;
    }
    if (m_watcher)
        m_watcher->deleteLater(); // it may be the one whose finished() is being handled
    m_watcher = new QFutureWatcher<models::CostReport>(this);
    auto outcome = std::make_shared<Outcome>();
    const quint64 generation = m_baseline->generation;
    connect(m_watcher, &QFutureWatcher<models::CostReport>::finished, this, [this, outcome, generation] {
        if (!m_baseline || m_baseline->generation != generation)
            return;
        if (!outcome->report) {
            const QString error = outcome->error;
            m_baseline.reset();
            Q_EMIT failed(error);
            Q_EMIT cleared();
            return;
        }
        m_baseline->report = std::move(outcome->report);
        compare();
    });
    m_watcher->setFuture(
        QtConcurrent::run([scenario = m_baseline->scenario, whatIf = m_baseline->whatIf, catalog = m_catalog, outcome] {
            try {
                outcome->report = models::simulate(scenario, *catalog, whatIf);
            } catch (const std::bad_alloc &) {
                outcome->error = QStringLiteral("the simulation of the baseline ran out of memory");
            } catch (const std::exception &e) {
                outcome->error
                    = QStringLiteral("the simulation of the baseline failed: %1").arg(QString::fromLocal8Bit(e.what()));
            } catch (...) {
                outcome->error = QStringLiteral("the simulation of the baseline failed");
            }
            return models::CostReport {};
        }));
}

void BaselineController::compare()
{
    if (!isReady() || !m_currentReport || !m_currentScenario)
        return;
    m_inputs = models::scenarioChanges(m_baseline->scenario, *m_currentScenario);
    Q_EMIT comparisonChanged(m_baseline->label, *m_baseline->report, *m_currentReport, m_inputs);
}

} // namespace fleetplan::app
