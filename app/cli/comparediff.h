// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/simulation/costreport.h"
#include "models/workload/scenariodiff.h"

/// The CI side of `fleetplan compare`: budget gates (--fail-above) and the difference between two
/// scenarios (--diff), per platform and per cost component.
namespace fleetplan::cli {

/// `--fail-above USD` (every platform) or `--fail-above eks-nodes=USD` (one platform).
struct BudgetGate
{
    std::optional<models::PlatformId> platform; ///< unset = every platform
    double usdPerMonth = 0.0;
};

/// Parses a gate; nullopt with *error ("--fail-above: ... ") on a bad platform id or amount.
std::optional<BudgetGate> parseBudgetGate(const QString &text, QString *error);

/// The platform's cost per month of 730 hours (AWS's monthly convention): total × 730 ÷ simulated hours.
double monthlyUsd(const models::PlatformResult &platform, int hours);

/// One line per platform whose monthly cost passes a gate, e.g.
/// "EKS managed nodes costs 1,797.50 USD per month, above the budget of 1,500.00 USD (eks-nodes=1500)".
QStringList failedGates(const models::CostReport &report, const QList<BudgetGate> &gates);

/// What changed from `before` to `after`, per platform (totals) and component: USD and percent, and then
/// the inputs that changed (models::scenarioChanges(), the reason for the difference).
/// `inputsKnown` false: a side is a saved result without its scenario, so the inputs cannot be compared.
QString diffTable(const models::CostReport &before, const models::CostReport &after,
    const QList<models::ScenarioChange> &inputs = {}, bool inputsKnown = true);
/// The same as CSV: platform,component,before_usd,after_usd,change_usd,change_percent (total rows too).
QString diffCsv(const models::CostReport &before, const models::CostReport &after);
/// The same as indented JSON ending with a newline, the inputs as "inputs_changed" (path, before, after,
/// text).
QByteArray diffJson(const models::CostReport &before, const models::CostReport &after,
    const QList<models::ScenarioChange> &inputs = {});

} // namespace fleetplan::cli
