// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportcontent.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <QHash>
#include <QRegularExpression>

#include "models/simulation/costdiff.h"
#include "models/simulation/moneyformat.h"
#include "models/workload/scenariodiff.h"
#include "views/sourcecitation.h"

namespace fleetplan::app {

using models::CostReport;
using models::formatNumber;
using models::PlatformResult;

QString usd(double value)
{
    return formatNumber(value, 2);
}

namespace {

QString percentOf(double part, double whole)
{
    return whole > 0 ? formatNumber(part / whole * 100.0, 1) + QStringLiteral(" %") : QStringLiteral("–");
}

QString fraction(double f)
{
    return formatNumber(f * 100.0, 1) + QStringLiteral(" %");
}

QString quantity(double q)
{
    return formatNumber(q, q == std::floor(q) ? 0 : 2);
}

QString kindText(const models::Service &s)
{
    switch (s.kind) {
    case models::ServiceKind::Service:
        return QStringLiteral("service");
    case models::ServiceKind::Daemon:
        return QStringLiteral("daemon");
    case models::ServiceKind::Job:
        return QStringLiteral("job");
    }
    return {};
}

ReportTable makeTable(QStringList header, QList<bool> numeric, QList<double> weights)
{
    ReportTable t;
    t.header = std::move(header);
    t.numeric = std::move(numeric);
    t.weights = std::move(weights);
    return t;
}

/// A platform's warnings for the report, one line each — except that warnings about single services that
/// say the same thing with other numbers ("api: 0.3 vCPU rounds up to 0.5 vCPU", "web: 0.2 vCPU rounds up
/// …") become one line once three or more services share them: a 300-service import otherwise fills pages
/// with near-identical lines. The line names the services and quotes the first warning.
QStringList groupedWarnings(const QString &platform, const QStringList &warnings, const models::Scenario &scenario)
{
    constexpr int GroupFrom = 3; // services sharing a warning before it is grouped
    constexpr int NamesListed = 8;
    struct Group
    {
        QStringList warnings; ///< as written, in order
        QStringList services;
    };
    QList<Group> groups;
    QHash<QString, qsizetype> byKey;
    static const QRegularExpression number(QStringLiteral("\\d+(\\.\\d+)?"));
    for (const QString &w : warnings) {
        QString service;
        for (const models::Service &svc : scenario.services) {
            if (svc.name.size() > service.size() && w.startsWith(svc.name + QStringLiteral(": ")))
                service = svc.name;
        }
        // A warning not about one service stays a line of its own.
        QString key = service.isEmpty() ? QStringLiteral("\x01") + w : w.mid(service.size() + 2);
        key.replace(number, QStringLiteral("#"));
        const auto it = byKey.constFind(key);
        if (it == byKey.constEnd()) {
            byKey.insert(key, groups.size());
            groups.append({ { w }, { service } });
        } else {
            groups[*it].warnings.append(w);
            groups[*it].services.append(service);
        }
    }
    QStringList lines;
    for (const Group &g : std::as_const(groups)) {
        if (g.warnings.size() < GroupFrom) {
            for (const QString &w : g.warnings)
                lines.append(platform + QStringLiteral(": ") + w);
            continue;
        }
        QString names = QStringList(g.services.mid(0, NamesListed)).join(QStringLiteral(", "));
        if (g.services.size() > NamesListed)
            names += QStringLiteral(" and %1 more").arg(g.services.size() - NamesListed);
        lines.append(QStringLiteral("%1: %2 services alike (%3), for example %4")
                         .arg(platform)
                         .arg(g.services.size())
                         .arg(names, g.warnings.constFirst()));
    }
    return lines;
}

} // namespace

CostVsLoadSection costVsLoadSection(const models::LoadSweep &sweep)
{
    CostVsLoadSection section;
    section.present = true;
    section.intro = QStringLiteral("The total per %1 of every platform at %2 to %3 the scenario's load (step %4, "
                                   "%5 packing). Where two lines cross, the cheaper platform changes: the break-even "
                                   "load is placed by linear interpolation between the two neighbouring loads, so it "
                                   "is accurate to one step.")
                        .arg(sweep.periodUnit, models::formatLoad(sweep.range.from), models::formatLoad(sweep.range.to),
                            QString::number(sweep.range.step, 'g', 10),
                            sweep.fast ? QStringLiteral("constructive") : QStringLiteral("refined"));
    QStringList header { QStringLiteral("Load") };
    QList<bool> numeric { true };
    QList<double> weights { 0.7 };
    for (models::PlatformId id : sweep.platforms) {
        header.append(models::displayName(id));
        numeric.append(true);
        weights.append(1.0);
    }
    header.append(QStringLiteral("Cheapest"));
    numeric.append(false);
    weights.append(1.7);
    section.table = makeTable(header, numeric, weights);
    for (const models::SweepPoint &p : sweep.points) {
        if (!p.computed)
            continue;
        QStringList row { models::formatLoad(p.load) };
        const models::SweepCost *best = nullptr;
        for (models::PlatformId id : sweep.platforms) {
            const models::SweepCost *cost = p.cost(id);
            if (cost && cost->feasible) {
                row.append(usd(cost->totalUsd));
                if (!best || cost->totalUsd < best->totalUsd)
                    best = cost;
            } else {
                row.append(QStringLiteral("infeasible"));
            }
        }
        row.append(best ? models::displayName(best->platform) : QStringLiteral("–"));
        section.table.rows.append(row);
    }
    section.lines = sweep.summaryLines();
    return section;
}

SensitivitySection sensitivitySection(const models::Sensitivity &s)
{
    SensitivitySection section;
    section.present = true;
    section.lines = s.summaryLines();
    if (!s.ranked) {
        section.intro = s.problem + u'.';
        return section;
    }
    section.intro
        = QStringLiteral("Each input set low and high with every other as analysed (%1 packing); the gap is %2 − %3 "
                         "per %4, below 0 where the ranking flips. Where it changes sign along a numeric input, the "
                         "crossover is found by bisection to 1/64 of the range. Largest swing first.")
              .arg(s.fast ? QStringLiteral("constructive") : QStringLiteral("refined"), models::displayName(s.runnerUp),
                  models::displayName(s.cheapest), s.periodUnit);
    section.table
        = makeTable({ QStringLiteral("Input"), QStringLiteral("Analysed"), QStringLiteral("Low"), QStringLiteral("Gap"),
                        QStringLiteral("High"), QStringLiteral("Gap"), QStringLiteral("Swing") },
            { false, false, false, true, false, true, true }, { 1.3, 1.1, 1.5, 0.8, 1.5, 0.8, 0.8 });
    auto gap = [](const models::SensitivityCase &c) {
        const std::optional<double> g = c.gapUsd();
        return g ? usd(*g) : QStringLiteral("n/a");
    };
    for (const models::SensitivityFactor &f : s.factors) {
        section.table.rows.append({ models::displayName(f.input), f.baseText, f.low.valueText, gap(f.low),
            f.high.valueText, gap(f.high), usd(f.swingUsd(s.baseGapUsd())) });
    }
    return section;
}

BaselineSection baselineSection(const QString &label, const models::CostReport &baseline,
    const models::Scenario &baselineScenario, const models::CostReport &current,
    const models::Scenario &currentScenario)
{
    BaselineSection section;
    section.present = true;
    section.intro = QStringLiteral("This report's figures against %1 (%2), with the same what-if: per platform, "
                                   "then each cost component that changed by at least 0.005 USD. A platform that "
                                   "cannot run one of the two has no price there and no components compared.")
                        .arg(label, baseline.scenarioName);
    section.table
        = makeTable({ QStringLiteral("Platform / component"), QStringLiteral("Baseline USD"),
                        QStringLiteral("This report USD"), QStringLiteral("Change USD"), QStringLiteral("Change") },
            { false, true, true, true, true }, { 2.2, 1.0, 1.0, 1.0, 0.8 });
    for (const models::PlatformCostChange &pc : models::costChanges(baseline, current)) {
        section.table.boldRows.append(int(section.table.rows.size()));
        section.table.rows.append(
            { models::displayName(pc.platform), models::priceText(pc.total.before), models::priceText(pc.total.after),
                models::changeText(pc.total.usd()), models::changePercentText(pc.total) });
        for (const models::CostChange &c : pc.components)
            section.table.rows.append({ QStringLiteral("  ") + c.label, models::priceText(c.before),
                models::priceText(c.after), models::changeText(c.usd()), models::changePercentText(c) });
    }
    section.inputs = models::scenarioChangeLines(models::scenarioChanges(baselineScenario, currentScenario), 40);
    return section;
}

ReportContent buildReportContent(const CostReport &report, const models::Scenario &scenario,
    const QList<pricing::DatasetInfo> &datasets, const QString &catalogBuiltAt, const models::LoadSweep *sweep,
    const models::Sensitivity *sensitivity)
{
    ReportContent c;
    if (sweep)
        c.costVsLoad = costVsLoadSection(*sweep);
    if (sensitivity)
        c.sensitivity = sensitivitySection(*sensitivity);
    c.periodUnit = report.periodUnit();
    c.title = QStringLiteral("Fleetplan cost report — ") + report.scenarioName;
    c.titleBlock = {
        { QStringLiteral("Scenario"), report.scenarioName },
        { QStringLiteral("Region"), report.region },
        { QStringLiteral("Period"), report.periodLabel() },
        { QStringLiteral("Prices as of"),
            report.catalogAsOf
                + (catalogBuiltAt.isEmpty() ? QString() : QStringLiteral(" (built %1)").arg(catalogBuiltAt)) },
        { QStringLiteral("Fleetplan version"), QStringLiteral(FLEETPLAN_VERSION) },
    };
    QStringList whatIf;
    if (report.whatIf.loadMultiplier != 1.0)
        whatIf.append(QStringLiteral("load × %1").arg(formatNumber(report.whatIf.loadMultiplier, 2)));
    if (report.whatIf.peakMultiplier != 1.0)
        whatIf.append(QStringLiteral("peaks × %1").arg(formatNumber(report.whatIf.peakMultiplier, 2)));
    if (report.whatIf.spotShare)
        whatIf.append(QStringLiteral("Spot share %1").arg(fraction(*report.whatIf.spotShare)));
    if (report.whatIf.savingsPlanUsdPerHour)
        whatIf.append(
            QStringLiteral("Savings Plan %1 USD/h").arg(formatNumber(*report.whatIf.savingsPlanUsdPerHour, 2)));
    if (report.whatIf.targetUtilizationPercent)
        whatIf.append(
            QStringLiteral("target utilisation %1 %").arg(formatNumber(*report.whatIf.targetUtilizationPercent, 0)));
    if (!whatIf.isEmpty())
        c.titleBlock.append({ QStringLiteral("What-if"), whatIf.join(QStringLiteral(", ")) });
    c.recommendation = recommendationText(report);

    const PlatformResult *best = report.cheapestPlatform();
    c.summary = makeTable({ QStringLiteral("Platform"), QStringLiteral("Total USD"), QStringLiteral("vs cheapest USD"),
                              QStringLiteral("vs cheapest") },
        { false, true, true, true }, { 3, 2, 2, 1.5 });
    for (const PlatformResult &p : report.platforms) {
        const double diff = p.totalUsd - (best ? best->totalUsd : 0);
        QString name = models::displayName(p.id);
        if (!p.feasible()) {
            c.summary.rows.append({ name + QStringLiteral(" (infeasible)"), QStringLiteral("infeasible"),
                QStringLiteral("–"), QStringLiteral("–") });
            continue;
        }
        if (&p == best)
            name += QStringLiteral(" (cheapest)");
        // A partial platform (App Runner without the jobs and daemons) is never the cheapest: say what it leaves out.
        if (p.partial())
            name
                += QStringLiteral(" (partial: not on %1: %2)").arg(models::displayName(p.id), p.notOnPlatformSummary());
        c.summary.rows.append(
            { name, usd(p.totalUsd), !best || &p == best ? QStringLiteral("–") : QStringLiteral("+") + usd(diff),
                !best || &p == best ? QStringLiteral("–") : QStringLiteral("+") + percentOf(diff, best->totalUsd) });
    }

    for (const PlatformResult &p : report.platforms) {
        PlatformBreakdown b;
        b.platform = p.id;
        b.title = p.feasible()
            ? QStringLiteral("%1 (%2): %3 USD").arg(models::displayName(p.id), models::toId(p.id), usd(p.totalUsd))
            : QStringLiteral("%1 (%2): infeasible — %3")
                  .arg(models::displayName(p.id), models::toId(p.id), p.infeasibleSummary());
        b.table = makeTable({ QStringLiteral("Component"), QStringLiteral("Quantity"), QStringLiteral("USD"),
                                QStringLiteral("Share"), QStringLiteral("How it was computed") },
            { false, true, true, true, false }, { 2.0, 2.3, 1.2, 1.15, 4.6 });
        for (const models::CostComponent &comp : p.components) {
            b.table.rows.append({ models::displayName(comp.id), quantity(comp.quantity) + u' ' + comp.unit,
                usd(comp.usd), percentOf(comp.usd, p.totalUsd), comp.explanation });
        }
        b.table.boldRows.append(int(b.table.rows.size()));
        b.table.rows.append(
            { QStringLiteral("Total"), QString(), usd(p.totalUsd), QStringLiteral("100.0 %"), QString() });
        if (p.networkAndRegistryUsd() > 0) {
            b.table.rows.append({ QStringLiteral("of which compute"), QString(), usd(p.computeUsd()),
                percentOf(p.computeUsd(), p.totalUsd), QString() });
            b.table.rows.append({ QStringLiteral("of which network and registry"), QString(),
                usd(p.networkAndRegistryUsd()), percentOf(p.networkAndRegistryUsd(), p.totalUsd), QString() });
        }
        for (const models::Infeasibility &left : p.notOnPlatform)
            b.table.rows.append({ QStringLiteral("Not on %1: %2").arg(models::displayName(p.id), left.service),
                QString(), QStringLiteral("–"), QString(), left.reason });
        c.breakdowns.append(b);
    }

    // Packing gap (EC2-backed platforms): compute instance-hours at catalog rates ÷ Σ hourly placement bound.
    c.fleet = makeTable(
        { QStringLiteral("Platform"), QStringLiteral("Peak nodes / tasks"), QStringLiteral("CPU utilisation"),
            QStringLiteral("Memory utilisation"), QStringLiteral("Idle cost USD"), QStringLiteral("Idle share"),
            QStringLiteral("Lower bound USD"), QStringLiteral("Packed ÷ bound") },
        { false, true, true, true, true, true, true, true }, { 3, 1.6, 1.6, 1.6, 1.6, 1.2, 1.6, 1.3 });
    c.nodeHours = makeTable({ QStringLiteral("Platform"), QStringLiteral("Instance type"), QStringLiteral("Node-hours"),
                                QStringLiteral("Share of node-hours") },
        { false, false, true, true }, { 3, 3, 2, 2 });
    for (const PlatformResult &p : report.platforms) {
        const bool bounded = p.lowerBoundUsd > 0;
        c.fleet.rows.append({ models::displayName(p.id), QString::number(p.peakNodes), fraction(p.utilisation.cpu),
            fraction(p.utilisation.memory), usd(p.idleCostUsd), percentOf(p.idleCostUsd, p.totalUsd),
            bounded ? usd(p.lowerBoundUsd) : QStringLiteral("–"),
            bounded ? formatNumber(p.optimalityRatio, 3) : QStringLiteral("–") });
        double all = 0;
        for (const double h : p.nodeHoursByType)
            all += h;
        for (auto it = p.nodeHoursByType.cbegin(); it != p.nodeHoursByType.cend(); ++it)
            c.nodeHours.rows.append(
                { models::displayName(p.id), it.key(), quantity(it.value()), percentOf(it.value(), all) });
    }

    c.savingsPlans
        = makeTable({ QStringLiteral("Platform"), QStringLiteral("Commit USD/hour"), QStringLiteral("Discount"),
                        QStringLiteral("Total with plan USD"), QStringLiteral("Saving USD"), QStringLiteral("Why") },
            { false, true, true, true, true, false }, { 2.4, 1.4, 1.1, 1.6, 1.3, 4 });
    for (const PlatformResult &p : report.platforms) {
        if (!p.savingsPlan.applicable)
            continue;
        const auto &sp = p.savingsPlan;
        c.savingsPlans.rows.append({ models::displayName(p.id), formatNumber(sp.commitmentUsdPerHour, 3),
            formatNumber(sp.discountPercent, 1) + QStringLiteral(" %"), usd(sp.totalUsdWithCommitment),
            usd(sp.savingUsd), sp.explanation });
    }

    for (const PlatformResult &p : report.platforms)
        c.warnings += groupedWarnings(models::displayName(p.id), p.warnings, scenario);

    c.workload = makeTable({ QStringLiteral("Service"), QStringLiteral("Kind"), QStringLiteral("vCPU"),
                               QStringLiteral("Memory MiB"), QStringLiteral("Replicas (min–max)"),
                               QStringLiteral("Load profile"), QStringLiteral("Arch / OS"), QStringLiteral("Spot OK") },
        { false, false, true, true, true, false, false, false }, { 2.6, 1.1, 0.9, 1.3, 1.7, 1.7, 1.5, 0.9 });
    for (const models::Service &s : scenario.services) {
        QString replicas
            = QString::number(s.replicas) + QStringLiteral(" (%1–%2)").arg(s.minReplicas).arg(s.maxReplicas);
        if (s.kind == models::ServiceKind::Job)
            // A no-break space keeps "5400 s" on one line in a narrow column.
            replicas = QStringLiteral("%1 × %2/day, %3\u00a0s").arg(s.replicas).arg(s.runsPerDay).arg(s.runSeconds);
        else if (s.kind == models::ServiceKind::Daemon)
            replicas = QStringLiteral("1 per node");
        c.workload.rows.append({ s.name, kindText(s),
            formatNumber(s.effectiveCpu(), s.effectiveCpu() == std::floor(s.effectiveCpu()) ? 0 : 2),
            formatNumber(s.effectiveMemoryMib(), 0), replicas,
            s.loadProfile.isEmpty() ? QStringLiteral("flat") : s.loadProfile,
            models::toId(s.arch) + QStringLiteral(" / ") + models::toId(s.os),
            s.spotOk ? QStringLiteral("yes") : QStringLiteral("no") });
    }

    // Every rule the platform models relied on, once, with the platforms that used it.
    c.assumptions = makeTable({ QStringLiteral("Assumption"), QStringLiteral("Value"), QStringLiteral("Source"),
                                  QStringLiteral("Platforms") },
        { false, false, false, false }, { 2.5, 2.5, 3.5, 2 });
    QList<QPair<models::Assumption, QStringList>> merged;
    for (const PlatformResult &p : report.platforms) {
        for (const models::Assumption &a : p.assumptions) {
            auto it = std::find_if(merged.begin(), merged.end(), [&](const auto &m) { return m.first == a; });
            if (it == merged.end())
                merged.append({ a, { models::toId(p.id) } });
            else
                it->second.append(models::toId(p.id));
        }
    }
    for (const auto &m : merged) {
        // Publisher and date first (as Explain shows them), then the citation in full: a printed report
        // has no tooltip. Never the catalog builder's internal tags.
        const views::SourceCitation cite = views::citeSource(m.first.source);
        const QString source = cite.full == cite.label ? cite.label : cite.label + QStringLiteral(" — ") + cite.full;
        c.assumptions.rows.append({ m.first.name, m.first.value, source, m.second.join(QStringLiteral(", ")) });
    }
    const models::PurchaseOptions &po = scenario.purchase;
    c.assumptions.rows.append({ QStringLiteral("Spot share of Spot-tolerant EC2 capacity"),
        fraction(report.whatIf.spotShare.value_or(po.spotShare)), QStringLiteral("scenario purchase options"),
        QStringLiteral("ecs-ec2, eks-nodes") });
    c.assumptions.rows.append({ QStringLiteral("Savings Plans commitment"),
        QStringLiteral("%1 USD/hour, %2, %3 year(s), %4")
            .arg(formatNumber(report.whatIf.savingsPlanUsdPerHour.value_or(po.savingsPlanUsdPerHour), 2),
                models::toId(po.savingsPlanType))
            .arg(po.savingsPlanTermYears)
            .arg(po.savingsPlanPayment),
        QStringLiteral("scenario purchase options"), QStringLiteral("all") });

    c.rates = makeTable({ QStringLiteral("Rates"), QStringLiteral("File"), QStringLiteral("Rows"),
                            QStringLiteral("As of"), QStringLiteral("Sources") },
        { false, false, true, false, false }, { 2.3, 3.0, 0.9, 2, 4.2 });
    for (const pricing::DatasetInfo &d : datasets) {
        const QString asOf = d.asOfMin == d.asOfMax ? d.asOfMin : d.asOfMin + QStringLiteral(" – ") + d.asOfMax;
        c.rates.rows.append({ d.name, d.file, QString::number(d.rows), asOf, views::withoutInternalTags(d.sources) });
    }
    return c;
}

} // namespace fleetplan::app
