// SPDX-License-Identifier: GPL-3.0-or-later
// The words and the JSON of a sensitivity analysis; the simulations are in sensitivityrun.cpp, so the report
// writers (and their fuzzer) link this part alone.
#include "models/simulation/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "models/simulation/moneyformat.h"

namespace fleetplan::models {

QString toId(SensitivityInput input)
{
    switch (input) {
    case SensitivityInput::Load:
        return QStringLiteral("load");
    case SensitivityInput::SpotShare:
        return QStringLiteral("spot_share");
    case SensitivityInput::SavingsPlan:
        return QStringLiteral("savings_plan");
    case SensitivityInput::TargetUtilization:
        return QStringLiteral("target_utilization");
    case SensitivityInput::Region:
        return QStringLiteral("region");
    case SensitivityInput::InstanceFamilies:
        return QStringLiteral("instance_families");
    }
    return {};
}

QString displayName(SensitivityInput input)
{
    switch (input) {
    case SensitivityInput::Load:
        return QStringLiteral("Load");
    case SensitivityInput::SpotShare:
        return QStringLiteral("Spot share");
    case SensitivityInput::SavingsPlan:
        return QStringLiteral("Savings Plans commitment");
    case SensitivityInput::TargetUtilization:
        return QStringLiteral("Target utilisation");
    case SensitivityInput::Region:
        return QStringLiteral("Region");
    case SensitivityInput::InstanceFamilies:
        return QStringLiteral("Instance families");
    }
    return {};
}

std::optional<double> SensitivityCase::gapUsd() const
{
    if (!cheapest.feasible || !runnerUp.feasible)
        return std::nullopt;
    return runnerUp.totalUsd - cheapest.totalUsd;
}

double SensitivityFactor::swingUsd(double baseGapUsd) const
{
    double swing = 0.0;
    for (const SensitivityCase *c : { &low, &high }) {
        const std::optional<double> gap = c->gapUsd();
        swing = std::max(swing, gap ? std::abs(*gap - baseGapUsd) : std::abs(baseGapUsd));
    }
    return swing;
}

namespace {

QString signedUsd(double usd)
{
    // U+2212 MINUS SIGN, as the rest of the reports print a negative difference.
    return (usd < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) + formatNumber(std::abs(usd), 2);
}

QString gapText(const SensitivityCase &c)
{
    if (const std::optional<double> gap = c.gapUsd())
        return signedUsd(*gap);
    return QStringLiteral("n/a");
}

} // namespace

QString sensitivityValueText(SensitivityInput input, double value)
{
    switch (input) {
    case SensitivityInput::Load:
        return QStringLiteral("\u00d7") + QString::number(value, 'f', 2);
    case SensitivityInput::SpotShare:
        return QString::number(value * 100.0, 'f', 0) + QStringLiteral(" %");
    case SensitivityInput::SavingsPlan:
        return QString::number(value, 'f', 2) + QStringLiteral(" USD/h");
    case SensitivityInput::TargetUtilization:
        return QString::number(value, 'f', 0) + QStringLiteral(" %");
    case SensitivityInput::Region:
    case SensitivityInput::InstanceFamilies:
        break;
    }
    return {};
}

QString SensitivityFactor::text(PlatformId cheapestId, PlatformId runnerUpId, const QString &periodUnit) const
{
    const QString range = QStringLiteral("%1 → %2").arg(low.valueText, high.valueText);
    QString what;
    if (crossover) {
        const PlatformId above = runnerUpCheaperAbove ? runnerUpId : cheapestId;
        const PlatformId below = runnerUpCheaperAbove ? cheapestId : runnerUpId;
        what = QStringLiteral("%1 becomes cheaper than %2 above %3")
                   .arg(displayName(above), displayName(below), sensitivityValueText(input, *crossover));
    } else {
        bool flips = false;
        bool unpriced = false;
        for (const SensitivityCase *c : { &low, &high }) {
            const std::optional<double> gap = c->gapUsd();
            flips = flips || (gap && *gap < 0);
            unpriced = unpriced || !gap;
        }
        if (flips) {
            what = QStringLiteral("%1 becomes the cheaper of the two at %2")
                       .arg(displayName(runnerUpId),
                           (low.gapUsd() && *low.gapUsd() < 0) ? low.valueText : high.valueText);
        } else if (unpriced) {
            QStringList ends;
            for (const SensitivityCase *c : { &low, &high }) {
                if (c->gapUsd())
                    continue;
                QStringList cannot;
                for (const auto &[cost, id] :
                    { std::pair { &c->cheapest, cheapestId }, { &c->runnerUp, runnerUpId } }) {
                    if (!cost->feasible)
                        cannot << displayName(id);
                }
                ends << (cannot.size() == 2
                        ? QStringLiteral("neither can run the workload at %1").arg(c->valueText)
                        : QStringLiteral("%1 cannot run the workload at %2").arg(cannot.constFirst(), c->valueText));
            }
            what = ends.join(QStringLiteral("; "));
        } else {
            what = QStringLiteral("%1 stays cheaper than %2").arg(displayName(cheapestId), displayName(runnerUpId));
        }
    }
    return QStringLiteral("%1 (%2): %3; gap %4 / %5 USD per %6")
        .arg(displayName(input), range, what, gapText(low), gapText(high), periodUnit);
}

QStringList Sensitivity::summaryLines() const
{
    if (!ranked)
        return { problem };
    QStringList lines;
    lines << QStringLiteral("%1 is the cheapest at %2 USD per %3, %4 the runner-up at %5 (gap %6)")
                 .arg(displayName(cheapest), formatNumber(cheapestUsd, 2), periodUnit, displayName(runnerUp),
                     formatNumber(runnerUpUsd, 2), signedUsd(baseGapUsd()));
    for (const SensitivityFactor &f : factors)
        lines << f.text(cheapest, runnerUp, periodUnit);
    return lines;
}

namespace {

QJsonObject costJson(const SensitivityCost &c)
{
    QJsonObject o;
    o.insert(u"feasible", c.feasible);
    o.insert(u"total_usd", c.feasible ? QJsonValue(c.totalUsd) : QJsonValue(QJsonValue::Null));
    if (!c.feasible)
        o.insert(u"infeasible", c.infeasibleReason);
    return o;
}

QJsonObject caseJson(const SensitivityCase &c)
{
    QJsonObject o;
    o.insert(u"value", c.value);
    o.insert(u"text", c.valueText);
    o.insert(u"cheapest", costJson(c.cheapest));
    o.insert(u"runner_up", costJson(c.runnerUp));
    const std::optional<double> gap = c.gapUsd();
    o.insert(u"gap_usd", gap ? QJsonValue(*gap) : QJsonValue(QJsonValue::Null));
    return o;
}

} // namespace

QByteArray sensitivityToJson(const Sensitivity &s)
{
    QJsonObject root;
    root.insert(u"scenario", s.scenarioName);
    root.insert(u"region", s.region);
    root.insert(u"hours", s.hours);
    root.insert(u"packing", s.fast ? QStringLiteral("fast") : QStringLiteral("refined"));
    root.insert(u"cancelled", s.cancelled);
    root.insert(u"ranked", s.ranked);
    if (!s.ranked) {
        root.insert(u"problem", s.problem);
    } else {
        root.insert(u"cheapest",
            QJsonObject {
                { QStringLiteral("platform"), toId(s.cheapest) }, { QStringLiteral("total_usd"), s.cheapestUsd } });
        root.insert(u"runner_up",
            QJsonObject {
                { QStringLiteral("platform"), toId(s.runnerUp) }, { QStringLiteral("total_usd"), s.runnerUpUsd } });
        root.insert(u"gap_usd", s.baseGapUsd());
    }
    QJsonArray factors;
    for (const SensitivityFactor &f : s.factors) {
        QJsonObject o;
        o.insert(u"input", toId(f.input));
        o.insert(u"base", f.baseText);
        o.insert(u"low", caseJson(f.low));
        o.insert(u"high", caseJson(f.high));
        o.insert(u"swing_usd", f.swingUsd(s.baseGapUsd()));
        o.insert(u"crossover", f.crossover ? QJsonValue(*f.crossover) : QJsonValue(QJsonValue::Null));
        if (f.crossover) {
            o.insert(u"cheaper_above", toId(f.runnerUpCheaperAbove ? s.runnerUp : s.cheapest));
        }
        o.insert(u"text", f.text(s.cheapest, s.runnerUp, s.periodUnit));
        factors.append(o);
    }
    root.insert(u"factors", factors);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

const QStringList &sensitivityRegions()
{
    // The regions most fleets run in: the three US regions AWS prices lowest, Europe's two largest, and
    // Asia Pacific's two busiest.
    static const QStringList regions { QStringLiteral("us-east-1"), QStringLiteral("us-east-2"),
        QStringLiteral("us-west-2"), QStringLiteral("eu-west-1"), QStringLiteral("eu-central-1"),
        QStringLiteral("ap-southeast-1"), QStringLiteral("ap-northeast-1") };
    return regions;
}

} // namespace fleetplan::models
