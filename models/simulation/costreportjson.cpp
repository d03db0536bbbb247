// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/costreportjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fleetplan::models {

namespace {
template <typename T> QJsonArray toArray(const QList<T> &values)
{
    QJsonArray a;
    for (const T &v : values)
        a.append(v);
    return a;
}

QJsonObject platformToJson(const PlatformResult &p, const CostReportJsonOptions &options)
{
    QJsonObject o;
    o.insert(u"id", toId(p.id));
    o.insert(u"name", displayName(p.id));
    // An infeasible platform has no price: its total is null, never a partial sum a reader could compare.
    o.insert(u"feasible", p.feasible());
    o.insert(u"total_usd", p.feasible() ? QJsonValue(p.totalUsd) : QJsonValue(QJsonValue::Null));
    QJsonArray infeasible;
    for (const Infeasibility &i : p.infeasible) {
        infeasible.append(QJsonObject {
            { QStringLiteral("service"), i.service.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(i.service) },
            { QStringLiteral("reason"), i.reason } });
    }
    o.insert(u"infeasible", infeasible);
    // Written only when some services are left out by design (App Runner: jobs and daemons), so the other
    // platforms' JSON stays as it was. A partial platform's total covers the other services only.
    if (p.partial()) {
        QJsonArray left;
        for (const Infeasibility &i : p.notOnPlatform)
            left.append(
                QJsonObject { { QStringLiteral("service"), i.service }, { QStringLiteral("reason"), i.reason } });
        o.insert(u"partial", true);
        o.insert(u"not_on_platform", left);
    }
    QJsonObject components;
    for (const CostComponent &c : p.components) {
        components.insert(toId(c.id),
            QJsonObject { { QStringLiteral("usd"), c.usd }, { QStringLiteral("quantity"), c.quantity },
                { QStringLiteral("unit"), c.unit }, { QStringLiteral("explanation"), c.explanation } });
    }
    o.insert(u"components", components);
    // The compute answer beside the whole bill (issue 19), only when a registry or network block is priced.
    if (p.feasible() && p.networkAndRegistryUsd() > 0) {
        o.insert(u"compute_usd", p.computeUsd());
        o.insert(u"network_and_registry_usd", p.networkAndRegistryUsd());
    }
    QJsonObject nodeHours;
    for (auto it = p.nodeHoursByType.cbegin(); it != p.nodeHoursByType.cend(); ++it)
        nodeHours.insert(it.key(), it.value());
    o.insert(u"node_hours", nodeHours);
    o.insert(u"peak_nodes", p.peakNodes);
    o.insert(u"utilisation",
        QJsonObject { { QStringLiteral("cpu"), p.utilisation.cpu }, { QStringLiteral("memory"), p.utilisation.memory },
            { QStringLiteral("slots"), p.utilisation.slotUsage } });
    o.insert(u"idle_cost_usd", p.idleCostUsd);
    // EC2-backed platforms: packed compute at catalog rates against the Σ of the hourly placement bounds.
    const bool bounded = p.lowerBoundUsd > 0;
    o.insert(u"packed_compute_usd", bounded ? QJsonValue(p.packedComputeUsd) : QJsonValue(QJsonValue::Null));
    o.insert(u"lower_bound_usd", bounded ? QJsonValue(p.lowerBoundUsd) : QJsonValue(QJsonValue::Null));
    o.insert(u"optimality_ratio", bounded ? QJsonValue(p.optimalityRatio) : QJsonValue(QJsonValue::Null));
    o.insert(u"warnings", QJsonArray::fromStringList(p.warnings));
    const SavingsPlanRecommendation &sp = p.savingsPlan;
    o.insert(u"savings_plan_recommendation",
        QJsonObject { { QStringLiteral("applicable"), sp.applicable },
            { QStringLiteral("commitment_usd_per_hour"), sp.commitmentUsdPerHour },
            { QStringLiteral("discount_percent"), sp.discountPercent },
            { QStringLiteral("total_usd_with_commitment"), sp.totalUsdWithCommitment },
            { QStringLiteral("saving_usd"), sp.savingUsd }, { QStringLiteral("explanation"), sp.explanation } });
    if (options.includeAssumptions) {
        QJsonArray assumptions;
        for (const Assumption &a : p.assumptions) {
            assumptions.append(QJsonObject { { QStringLiteral("name"), a.name }, { QStringLiteral("value"), a.value },
                { QStringLiteral("source"), a.source } });
        }
        o.insert(u"assumptions", assumptions);
    }
    if (options.includeSeries) {
        const HourlySeries &s = p.series;
        QJsonObject hourly { { QStringLiteral("cost_usd"), toArray(s.costUsd) },
            { QStringLiteral("nodes"), toArray(s.nodes) }, { QStringLiteral("tasks"), toArray(s.tasks) },
            { QStringLiteral("cpu_requested"), toArray(s.cpuRequested) },
            { QStringLiteral("memory_requested_mib"), toArray(s.memoryRequestedMib) },
            { QStringLiteral("cpu_allocatable"), toArray(s.cpuAllocatable) },
            { QStringLiteral("memory_allocatable_mib"), toArray(s.memoryAllocatableMib) } };
        if (!s.idleInstances.isEmpty())
            hourly.insert(u"idle_instances", toArray(s.idleInstances));
        o.insert(u"hourly", hourly);
    }
    return o;
}
} // namespace

QJsonObject costReportToJsonObject(const CostReport &report, const CostReportJsonOptions &options)
{
    QJsonObject o;
    o.insert(u"scenario", report.scenarioName);
    o.insert(u"region", report.region);
    o.insert(u"hours", report.hours);
    o.insert(u"catalog_as_of", report.catalogAsOf);
    QJsonObject whatIf { { QStringLiteral("load_multiplier"), report.whatIf.loadMultiplier },
        { QStringLiteral("peak_multiplier"), report.whatIf.peakMultiplier } };
    if (report.whatIf.spotShare)
        whatIf.insert(u"spot_share", *report.whatIf.spotShare);
    if (report.whatIf.savingsPlanUsdPerHour)
        whatIf.insert(u"savings_plan_usd_per_hour", *report.whatIf.savingsPlanUsdPerHour);
    if (report.whatIf.targetUtilizationPercent)
        whatIf.insert(u"target_utilization_percent", *report.whatIf.targetUtilizationPercent);
    if (report.whatIf.region)
        whatIf.insert(u"region", *report.whatIf.region);
    o.insert(u"what_if", whatIf);
    QJsonArray platforms;
    for (const PlatformResult &p : report.platforms)
        platforms.append(platformToJson(p, options));
    o.insert(u"platforms", platforms);
    const PlatformResult *cheapest = report.cheapestPlatform();
    o.insert(u"cheapest", cheapest ? QJsonValue(toId(cheapest->id)) : QJsonValue(QJsonValue::Null));
    o.insert(u"period", report.periodUnit());
    return o;
}

QByteArray costReportToJson(const CostReport &report, const CostReportJsonOptions &options)
{
    return QJsonDocument(costReportToJsonObject(report, options)).toJson(QJsonDocument::Indented);
}

} // namespace fleetplan::models
