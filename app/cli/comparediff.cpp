// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/comparediff.h"

#include <cmath>
#include <optional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "models/simulation/costdiff.h"
#include "models/simulation/moneyformat.h"
#include "pricing/units.h"

namespace fleetplan::cli {

using models::formatNumber;

namespace {

using Change = models::CostChange;
using PlatformChange = models::PlatformCostChange;

} // namespace

std::optional<BudgetGate> parseBudgetGate(const QString &text, QString *error)
{
    BudgetGate gate;
    QString amount = text;
    const qsizetype eq = text.indexOf(u'=');
    if (eq >= 0) {
        const QString id = text.left(eq).trimmed();
        gate.platform = models::platformFromId(id);
        if (!gate.platform) {
            if (error)
                *error = QStringLiteral("--fail-above: unknown platform \"%1\" (expected ecs-ec2, ecs-fargate, "
                                        "ecs-fargate-spot, eks-nodes, eks-fargate or app-runner)")
                             .arg(id);
            return std::nullopt;
        }
        amount = text.mid(eq + 1);
    }
    bool ok = false;
    gate.usdPerMonth = amount.trimmed().toDouble(&ok);
    if (!ok || gate.usdPerMonth < 0 || !std::isfinite(gate.usdPerMonth)) {
        if (error)
            *error
                = QStringLiteral("--fail-above: \"%1\" is not an amount in USD per month (e.g. 5000 or eks-nodes=5000)")
                      .arg(text);
        return std::nullopt;
    }
    return gate;
}

double monthlyUsd(const models::PlatformResult &platform, int hours)
{
    return hours > 0 ? platform.totalUsd * pricing::HoursPerMonth / hours : platform.totalUsd;
}

QStringList failedGates(const models::CostReport &report, const QList<BudgetGate> &gates)
{
    QStringList failures;
    for (const models::PlatformResult &p : report.platforms) {
        const double monthly = monthlyUsd(p, report.hours);
        for (const BudgetGate &gate : gates) {
            if (gate.platform && *gate.platform != p.id)
                continue;
            if (!p.feasible()) {
                // A fleet that does not exist never passes a gate named for it; a gate over every
                // platform judges only the platforms that can run the workload.
                if (gate.platform)
                    failures.append(
                        QStringLiteral("%1 cannot run this workload, so it cannot meet the budget of %2 USD "
                                       "(--fail-above %3=%4)")
                            .arg(models::displayName(p.id), formatNumber(gate.usdPerMonth, 2), models::toId(p.id),
                                QString::number(gate.usdPerMonth)));
                continue;
            }
            if (monthly > gate.usdPerMonth) {
                const QString spec = gate.platform
                    ? models::toId(*gate.platform) + u'=' + QString::number(gate.usdPerMonth)
                    : QString::number(gate.usdPerMonth);
                failures.append(
                    QStringLiteral("%1 costs %2 USD per month, above the budget of %3 USD (--fail-above %4)")
                        .arg(models::displayName(p.id), formatNumber(monthly, 2), formatNumber(gate.usdPerMonth, 2),
                            spec));
            }
        }
    }
    return failures;
}

QString diffTable(const models::CostReport &before, const models::CostReport &after,
    const QList<models::ScenarioChange> &inputs, bool inputsKnown)
{
    QString text = QStringLiteral("%1 → %2 — %3, %4 hours\n\n")
                       .arg(before.scenarioName, after.scenarioName, after.region)
                       .arg(after.hours);
    text += QStringLiteral("%1 %2 %3 %4 %5\n")
                .arg(QStringLiteral("platform"), -20)
                .arg(QStringLiteral("before USD"), 14)
                .arg(QStringLiteral("after USD"), 14)
                .arg(QStringLiteral("change USD"), 14)
                .arg(QStringLiteral("change"), 9);
    const QList<PlatformChange> all = models::costChanges(before, after);
    for (const PlatformChange &pc : all) {
        text += QStringLiteral("%1 %2 %3 %4 %5\n")
                    .arg(models::displayName(pc.platform), -20)
                    .arg(models::priceText(pc.total.before), 14)
                    .arg(models::priceText(pc.total.after), 14)
                    .arg(models::changeText(pc.total.usd()), 14)
                    .arg(models::changePercentText(pc.total), 9);
    }
    for (const PlatformChange &pc : all) {
        text += QStringLiteral("\n%1 (%2): %3 → %4 USD (%5, %6)\n")
                    .arg(models::displayName(pc.platform), models::toId(pc.platform),
                        models::priceText(pc.total.before), models::priceText(pc.total.after),
                        models::changeText(pc.total.usd()), models::changePercentText(pc.total));
        if (!pc.beforeInfeasible.isEmpty())
            text += QStringLiteral("  before: cannot run the workload: %1\n").arg(pc.beforeInfeasible);
        if (!pc.afterInfeasible.isEmpty())
            text += QStringLiteral("  after: cannot run the workload: %1\n").arg(pc.afterInfeasible);
        if (!pc.beforeInfeasible.isEmpty() || !pc.afterInfeasible.isEmpty())
            continue; // no price on one side: components of a partial fleet would mislead
        if (pc.components.isEmpty())
            text += QStringLiteral("  no component changed\n");
        for (const Change &c : pc.components) {
            text += QStringLiteral("  %1 %2 → %3 USD  %4 (%5)\n")
                        .arg(c.component, -20)
                        .arg(models::priceText(c.before), 12)
                        .arg(models::priceText(c.after), 12)
                        .arg(models::changeText(c.usd()), 12)
                        .arg(models::changePercentText(c));
        }
    }
    text += QStringLiteral("\nInputs changed:\n");
    if (!inputsKnown)
        text += QStringLiteral("  not known (a saved result without its scenario)\n");
    else if (inputs.isEmpty())
        text += QStringLiteral("  none (the same scenario inputs)\n");
    for (const QString &line : models::scenarioChangeLines(inputs, 40))
        text += QStringLiteral("  ") + line + u'\n';
    return text;
}

QString diffCsv(const models::CostReport &before, const models::CostReport &after)
{
    // An infeasible side has empty figures and "false" in its feasible column.
    QString text = QStringLiteral(
        "platform,component,before_usd,after_usd,change_usd,change_percent,before_feasible,after_feasible\n");
    auto number = [](const std::optional<double> &v) { return v ? QString::number(*v, 'g', 17) : QString(); };
    auto row = [&number](const PlatformChange &pc, const Change &c) {
        return QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8\n")
            .arg(models::toId(pc.platform), c.component, number(c.before), number(c.after), number(c.usd()),
                number(c.percent()), pc.beforeInfeasible.isEmpty() ? QStringLiteral("true") : QStringLiteral("false"),
                pc.afterInfeasible.isEmpty() ? QStringLiteral("true") : QStringLiteral("false"));
    };
    for (const PlatformChange &pc : models::costChanges(before, after)) {
        for (const Change &c : pc.components)
            text += row(pc, c);
        text += row(pc, pc.total);
    }
    return text;
}

QByteArray diffJson(
    const models::CostReport &before, const models::CostReport &after, const QList<models::ScenarioChange> &inputs)
{
    auto value = [](const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); };
    auto changeObject = [&value](const Change &c) {
        return QJsonObject { { QStringLiteral("before_usd"), value(c.before) },
            { QStringLiteral("after_usd"), value(c.after) }, { QStringLiteral("change_usd"), value(c.usd()) },
            { QStringLiteral("change_percent"), value(c.percent()) } };
    };
    QJsonArray platforms;
    for (const PlatformChange &pc : models::costChanges(before, after)) {
        QJsonObject o = changeObject(pc.total);
        o.insert(QStringLiteral("platform"), models::toId(pc.platform));
        // An infeasible side has null figures and says why.
        o.insert(QStringLiteral("before_feasible"), pc.beforeInfeasible.isEmpty());
        o.insert(QStringLiteral("after_feasible"), pc.afterInfeasible.isEmpty());
        if (!pc.beforeInfeasible.isEmpty())
            o.insert(QStringLiteral("before_infeasible"), pc.beforeInfeasible);
        if (!pc.afterInfeasible.isEmpty())
            o.insert(QStringLiteral("after_infeasible"), pc.afterInfeasible);
        QJsonArray components;
        for (const Change &c : pc.components) {
            QJsonObject co = changeObject(c);
            co.insert(QStringLiteral("component"), c.component);
            components.append(co);
        }
        o.insert(QStringLiteral("components"), components);
        platforms.append(o);
    }
    const QJsonObject root {
        { QStringLiteral("before"),
            QJsonObject { { QStringLiteral("scenario"), before.scenarioName },
                { QStringLiteral("hours"), before.hours }, { QStringLiteral("region"), before.region } } },
        { QStringLiteral("after"),
            QJsonObject { { QStringLiteral("scenario"), after.scenarioName }, { QStringLiteral("hours"), after.hours },
                { QStringLiteral("region"), after.region } } },
        { QStringLiteral("platforms"), platforms },
        { QStringLiteral("inputs_changed"),
            [&inputs] {
                QJsonArray changed;
                for (const models::ScenarioChange &c : inputs) {
                    changed.append(QJsonObject { { QStringLiteral("path"), c.path },
                        { QStringLiteral("before"),
                            c.before.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.before) },
                        { QStringLiteral("after"),
                            c.after.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.after) },
                        { QStringLiteral("text"), c.text() } });
                }
                return changed;
            }() },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace fleetplan::cli
