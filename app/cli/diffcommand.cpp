// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan diff BEFORE AFTER`: what changed between two scenarios or saved results (docs/ci.md).
#include <algorithm>
#include <cmath>

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include "app/cli/commands.h"
#include "app/cli/diffrun.h"
#include "app/cli/jsonenvelope.h"
#include "app/cli/scenarioinput.h"
#include "models/atomicwrite.h"
#include "models/simulation/costdiff.h"
#include "models/simulation/costreportjson.h"
#include "models/simulation/moneyformat.h"
#include "models/workload/scenariodiff.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "pricing/units.h"

namespace fleetplan::cli {

namespace {

using models::formatNumber;

/// A saved result larger than this is not one (the sample's is 40 KB; 20,000 services about 30 MB).
constexpr qint64 MaxSavedResultBytes = 256LL * 1024 * 1024;

bool finiteNumber(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble());
}

/// A CostReport read back from `compare --format json`: what a diff needs (totals, components, node
/// hours, feasibility, warnings). nullopt with *error naming the file and the key.
std::optional<models::CostReport> costReportFromJson(
    const QJsonObject &o, const QString &file, QMap<models::PlatformId, PlatformMix> *mixes, QString *error)
{
    auto fail = [&](const QString &where, const QString &what) {
        *error = QStringLiteral("%1: %2: %3").arg(file, where, what);
        return std::nullopt;
    };
    models::CostReport report;
    report.scenarioName = o.value(u"scenario").toString();
    report.region = o.value(u"region").toString();
    if (!o.value(u"hours").isDouble() || o.value(u"hours").toInt() <= 0)
        return fail(QStringLiteral("hours"), QStringLiteral("expected a number of hours above 0"));
    report.hours = o.value(u"hours").toInt();
    report.catalogAsOf = o.value(u"catalog_as_of").toString();
    const QJsonObject whatIf = o.value(u"what_if").toObject();
    report.whatIf.loadMultiplier = whatIf.value(u"load_multiplier").toDouble(1.0);
    report.whatIf.peakMultiplier = whatIf.value(u"peak_multiplier").toDouble(1.0);
    if (!o.value(u"platforms").isArray())
        return fail(QStringLiteral("platforms"), QStringLiteral("expected an array"));
    const QJsonArray platforms = o.value(u"platforms").toArray();
    for (qsizetype i = 0; i < platforms.size(); ++i) {
        const QString where = QStringLiteral("platforms[%1]").arg(i);
        const QJsonObject p = platforms.at(i).toObject();
        const auto id = models::platformFromId(p.value(u"id").toString());
        if (!id)
            return fail(where + QStringLiteral(".id"),
                QStringLiteral("unknown platform \"%1\"").arg(p.value(u"id").toString()));
        if (report.platform(*id))
            return fail(
                where + QStringLiteral(".id"), QStringLiteral("platform \"%1\" appears twice").arg(models::toId(*id)));
        models::PlatformResult r;
        r.id = *id;
        if (!p.value(u"feasible").toBool(true)) {
            for (const QJsonValue &v : p.value(u"infeasible").toArray())
                r.markInfeasible(v.toObject().value(u"service").toString(), v.toObject().value(u"reason").toString());
            if (r.infeasible.isEmpty())
                r.markInfeasible(QString(), QStringLiteral("infeasible in the saved result"));
        } else {
            if (!finiteNumber(p.value(u"total_usd")))
                return fail(where + QStringLiteral(".total_usd"), QStringLiteral("expected a number"));
            r.totalUsd = p.value(u"total_usd").toDouble();
        }
        const QJsonObject components = p.value(u"components").toObject();
        for (auto it = components.constBegin(); it != components.constEnd(); ++it) {
            const auto cid = models::componentFromId(it.key());
            if (!cid)
                return fail(
                    where + QStringLiteral(".components"), QStringLiteral("unknown component \"%1\"").arg(it.key()));
            const QJsonObject c = it.value().toObject();
            if (!finiteNumber(c.value(u"usd")))
                return fail(where + QStringLiteral(".components.") + it.key() + QStringLiteral(".usd"),
                    QStringLiteral("expected a number"));
            r.components.append(models::CostComponent { *cid, c.value(u"usd").toDouble(),
                c.value(u"quantity").toDouble(), c.value(u"unit").toString(), c.value(u"explanation").toString() });
        }
        std::sort(r.components.begin(), r.components.end(),
            [](const models::CostComponent &a, const models::CostComponent &b) { return a.id < b.id; });
        const QJsonObject nodeHours = p.value(u"node_hours").toObject();
        for (auto it = nodeHours.constBegin(); it != nodeHours.constEnd(); ++it)
            r.nodeHoursByType.insert(it.key(), it.value().toDouble());
        for (const QJsonValue &w : p.value(u"warnings").toArray())
            r.warnings.append(w.toString());
        PlatformMix mix;
        const QJsonObject m = p.value(u"mix").toObject();
        const QJsonObject capacity = m.value(u"capacity_hours").toObject();
        for (auto it = capacity.constBegin(); it != capacity.constEnd(); ++it)
            mix.capacityHours.insert(it.key(), it.value().toDouble());
        if (capacity.isEmpty())
            mix.capacityHours = r.nodeHoursByType;
        const QJsonObject sizes = m.value(u"fargate_task_sizes").toObject();
        for (auto it = sizes.constBegin(); it != sizes.constEnd(); ++it)
            mix.fargateSizes.insert(it.key(), it.value().toString());
        mixes->insert(r.id, mix);
        report.platforms.append(r);
    }
    std::sort(report.platforms.begin(), report.platforms.end(),
        [](const models::PlatformResult &a, const models::PlatformResult &b) { return a.id < b.id; });
    return report;
}

/// The report scaled to a month of 730 hours (totals, components, node-hours, mix).
void normalisePerMonth(DiffSide &side)
{
    const int hours = side.report.hours;
    if (hours <= 0 || hours == int(pricing::HoursPerMonth))
        return;
    const double f = pricing::HoursPerMonth / hours;
    for (models::PlatformResult &p : side.report.platforms) {
        p.totalUsd *= f;
        for (models::CostComponent &c : p.components) {
            c.usd *= f;
            c.quantity *= f;
        }
        for (double &h : p.nodeHoursByType)
            h *= f;
    }
    for (PlatformMix &m : side.mix) {
        for (double &h : m.capacityHours)
            h *= f;
    }
    side.report.hours = int(pricing::HoursPerMonth);
}

/// "m6i.large 1,460 → 0 h" for every kind of capacity whose hours moved by half an hour or more.
QStringList mixChangeLines(const PlatformMix &before, const PlatformMix &after)
{
    QStringList lines;
    QStringList keys = before.capacityHours.keys();
    for (const QString &k : after.capacityHours.keys()) {
        if (!keys.contains(k))
            keys.append(k);
    }
    std::sort(keys.begin(), keys.end());
    for (const QString &k : keys) {
        const double a = before.capacityHours.value(k);
        const double b = after.capacityHours.value(k);
        if (std::abs(b - a) >= 0.5)
            lines.append(QStringLiteral("%1 %2 → %3 h").arg(k, formatNumber(a, 0), formatNumber(b, 0)));
    }
    return lines;
}

/// "api 1 vCPU / 2048 MiB → 2 vCPU / 4096 MiB", "worker added (0.5 vCPU / 1024 MiB)".
QStringList sizeChangeLines(const PlatformMix &before, const PlatformMix &after)
{
    QStringList lines;
    QStringList services = before.fargateSizes.keys();
    for (const QString &s : after.fargateSizes.keys()) {
        if (!services.contains(s))
            services.append(s);
    }
    std::sort(services.begin(), services.end());
    for (const QString &s : services) {
        const QString a = before.fargateSizes.value(s);
        const QString b = after.fargateSizes.value(s);
        if (a == b)
            continue;
        if (a.isEmpty())
            lines.append(QStringLiteral("%1 added (%2)").arg(s, b));
        else if (b.isEmpty())
            lines.append(QStringLiteral("%1 removed (was %2)").arg(s, a));
        else
            lines.append(QStringLiteral("%1 %2 → %3").arg(s, a, b));
    }
    return lines;
}

QString headline(const models::PlatformCostChange &pc, const QString &perPeriod)
{
    if (!pc.total.before && !pc.total.after)
        return QStringLiteral("no price on either side");
    if (!pc.total.before)
        return QStringLiteral("%1 USD %2 (no price before)").arg(models::priceText(pc.total.after), perPeriod);
    if (!pc.total.after)
        return QStringLiteral("no price after (was %1 USD %2)").arg(models::priceText(pc.total.before), perPeriod);
    return QStringLiteral("%1 USD (%2) — %3 → %4 USD %5")
        .arg(models::changeText(pc.total.usd()), models::changePercentText(pc.total),
            models::priceText(pc.total.before), models::priceText(pc.total.after), perPeriod);
}

/// Text that GitHub renders as typed: no HTML tag, entity or table cell border of a service name survives.
QString mdEscape(const QString &text)
{
    QString t = text;
    t.replace(u'&', QStringLiteral("&amp;"))
        .replace(u'<', QStringLiteral("&lt;"))
        .replace(u'>', QStringLiteral("&gt;"));
    t.replace(u'|', QStringLiteral("\\|"));
    return t;
}

/// A code span (`...`): HTML inside stays text; a backtick in the text becomes a quote.
QString mdCode(const QString &text)
{
    return u'`' + QString(text).replace(u'`', u'\'') + u'`';
}

struct GateResult
{
    QString option; ///< "--fail-above" or "--fail-above-change"
    QString spec;
    QStringList failures;
};

QList<GateResult> evaluateChangeGates(
    const QList<models::PlatformCostChange> &changes, const QList<ChangeGate> &gates, int hours)
{
    QList<GateResult> results;
    const double toMonth = hours > 0 ? pricing::HoursPerMonth / hours : 1.0;
    for (const ChangeGate &gate : gates) {
        GateResult r { QStringLiteral("--fail-above-change"), gate.spec, {} };
        const QString limit = gate.percent ? formatNumber(gate.amount, 1) + QStringLiteral(" %")
                                           : formatNumber(gate.amount, 2) + QStringLiteral(" USD per month");
        for (const models::PlatformCostChange &pc : changes) {
            if (gate.platform && *gate.platform != pc.platform)
                continue;
            if (!pc.total.before || !pc.total.after) {
                if (gate.platform)
                    r.failures.append(QStringLiteral("%1 has no price on one side, so its change cannot be held to "
                                                     "%2 (--fail-above-change %3)")
                                          .arg(models::displayName(pc.platform), limit, gate.spec));
                continue;
            }
            const double monthly = *pc.total.usd() * toMonth;
            const std::optional<double> pct = pc.total.percent();
            const bool failed
                = gate.percent ? (pct ? *pct > gate.amount : *pc.total.after > 0.005) : monthly > gate.amount;
            if (failed)
                r.failures.append(QStringLiteral("%1 rises by %2 USD per month (%3), above the allowed change of %4 "
                                                 "(--fail-above-change %5)")
                                      .arg(models::displayName(pc.platform), formatNumber(monthly, 2),
                                          models::changePercentText(pc.total), limit, gate.spec));
        }
        results.append(r);
    }
    return results;
}

QList<GateResult> evaluateBudgetGates(const models::CostReport &after, const QList<BudgetGate> &gates)
{
    QList<GateResult> results;
    for (const BudgetGate &gate : gates) {
        const QString spec = gate.platform ? models::toId(*gate.platform) + u'=' + QString::number(gate.usdPerMonth)
                                           : QString::number(gate.usdPerMonth);
        results.append(GateResult { QStringLiteral("--fail-above"), spec, failedGates(after, { gate }) });
    }
    return results;
}

QJsonArray gatesJson(const QList<GateResult> &gates)
{
    QJsonArray a;
    for (const GateResult &g : gates)
        a.append(QJsonObject { { QStringLiteral("option"), g.option }, { QStringLiteral("spec"), g.spec },
            { QStringLiteral("passed"), g.failures.isEmpty() },
            { QStringLiteral("failures"), QJsonArray::fromStringList(g.failures) } });
    return a;
}

QJsonObject sideJson(QJsonObject o, const DiffSide &side, int originalHours)
{
    o.insert(QStringLiteral("file"), side.file);
    o.insert(QStringLiteral("source"), side.source);
    o.insert(QStringLiteral("pricing"), side.pricing);
    o.insert(QStringLiteral("simulated_hours"), originalHours);
    return o;
}

} // namespace

PlatformMix platformMix(const models::PlatformResult &platform)
{
    PlatformMix mix;
    const bool fargate = platform.id == models::PlatformId::EcsFargate
        || platform.id == models::PlatformId::EcsFargateSpot || platform.id == models::PlatformId::EksFargate;
    if (!fargate) {
        mix.capacityHours = platform.nodeHoursByType;
        return mix;
    }
    QList<int> hoursOfState(platform.fleetStates.size(), 0);
    for (const int s : platform.fleetStateOfHour) {
        if (s >= 0 && s < hoursOfState.size())
            ++hoursOfState[s];
    }
    for (qsizetype s = 0; s < platform.fleetStates.size(); ++s) {
        for (const models::FleetNode &n : platform.fleetStates.at(s).nodes) {
            const QString key = n.instanceType + (n.spot ? QStringLiteral(" (spot)") : QString());
            mix.capacityHours[key] += double(n.count) * hoursOfState.at(s);
            for (const models::FleetItem &item : n.items) {
                if (item.daemon)
                    continue;
                QString size = n.instanceType;
                if (size.startsWith(QLatin1String("fargate ")))
                    size = size.mid(8);
                const QString known = mix.fargateSizes.value(item.service);
                if (known.isEmpty())
                    mix.fargateSizes.insert(item.service, size);
                else if (!known.split(QStringLiteral(", ")).contains(size))
                    mix.fargateSizes.insert(item.service, known + QStringLiteral(", ") + size);
            }
        }
    }
    return mix;
}

QJsonObject platformMixJson(const PlatformMix &mix)
{
    QJsonObject capacity;
    for (auto it = mix.capacityHours.constBegin(); it != mix.capacityHours.constEnd(); ++it)
        capacity.insert(it.key(), it.value());
    QJsonObject sizes;
    for (auto it = mix.fargateSizes.constBegin(); it != mix.fargateSizes.constEnd(); ++it)
        sizes.insert(it.key(), it.value());
    return QJsonObject { { QStringLiteral("capacity_hours"), capacity },
        { QStringLiteral("fargate_task_sizes"), sizes } };
}

QJsonObject withPlatformMix(QJsonObject json, const models::CostReport &report)
{
    QJsonArray platforms = json.value(u"platforms").toArray();
    for (qsizetype i = 0; i < platforms.size() && i < report.platforms.size(); ++i) {
        QJsonObject p = platforms.at(i).toObject();
        p.insert(QStringLiteral("mix"), platformMixJson(platformMix(report.platforms.at(i))));
        platforms.replace(i, p);
    }
    json.insert(QStringLiteral("platforms"), platforms);
    return json;
}

QByteArray costReportJson(const models::CostReport &report, const models::Scenario &scenario,
    const PricingSetup &pricing, const QJsonObject &extra)
{
    QJsonObject o = withPlatformMix(models::costReportToJsonObject(report), report);
    QJsonObject all = extra;
    all.insert(QStringLiteral("pricing"), pricing.toJson(report.region));
    all.insert(QStringLiteral("billing_period"), periodJson(report));
    all.insert(QStringLiteral("scenario_input"), models::scenarioToJsonObject(scenario));
    return envelopeJson(o, QStringLiteral("cost_report"), all);
}

std::optional<ChangeGate> parseChangeGate(const QString &text, QString *error)
{
    ChangeGate gate;
    gate.spec = text;
    QString amount = text.trimmed();
    const qsizetype eq = amount.indexOf(u'=');
    if (eq >= 0) {
        const QString id = amount.left(eq).trimmed();
        gate.platform = models::platformFromId(id);
        if (!gate.platform) {
            *error = QStringLiteral("--fail-above-change: unknown platform \"%1\" (expected ecs-ec2, ecs-fargate, "
                                    "ecs-fargate-spot, eks-nodes, eks-fargate or app-runner)")
                         .arg(id);
            return std::nullopt;
        }
        amount = amount.mid(eq + 1).trimmed();
    }
    if (amount.endsWith(u'%')) {
        gate.percent = true;
        amount.chop(1);
    } else if (amount.endsWith(QLatin1String("USD"), Qt::CaseInsensitive)) {
        amount.chop(3);
    }
    bool ok = false;
    gate.amount = amount.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(gate.amount) || gate.amount < 0) {
        *error = QStringLiteral("--fail-above-change: \"%1\" is not a change in percent or USD per month (e.g. 10%, "
                                "250 or eks-nodes=5%)")
                     .arg(text);
        return std::nullopt;
    }
    return gate;
}

std::optional<DiffSide> loadDiffSide(const QString &file, const DiffRequest &request, QTextStream &err)
{
    DiffSide side;
    side.file = file;
    const QString prefix = QStringLiteral("fleetplan ") + request.command + QStringLiteral(": ");
    if (file != u"-") {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly) && f.size() <= MaxSavedResultBytes) {
            // A saved result is a JSON object with "schema_version" (written last: keys are in alphabetical
            // order); anything else is read as a scenario, with the scenario reader's messages.
            const QByteArray bytes = f.peek(16).trimmed().startsWith('{') ? f.readAll() : QByteArray();
            const QJsonDocument doc = QJsonDocument::fromJson(bytes);
            if (doc.isObject() && doc.object().contains(u"schema_version")) {
                const QJsonObject o = doc.object();
                const int version = o.value(u"schema_version").toInt(-1);
                const QString kind = o.value(u"kind").toString();
                if (version < 1 || version > JsonSchemaVersion) {
                    err << prefix << file << ": schema_version " << o.value(u"schema_version").toVariant().toString()
                        << " is not one this fleetplan reads (1 to " << JsonSchemaVersion << ")\n";
                    return std::nullopt;
                }
                if (kind != u"cost_report") {
                    err << prefix << file << ": a saved \"" << kind
                        << "\" is not a cost result; save one with `fleetplan compare SCENARIO --format json -o "
                           "FILE`\n";
                    return std::nullopt;
                }
                QString error;
                const auto report = costReportFromJson(o, file, &side.mix, &error);
                if (!report) {
                    err << prefix << error << '\n';
                    return std::nullopt;
                }
                side.report = *report;
                side.source = QStringLiteral("result");
                side.pricing = o.value(u"pricing").toObject();
                if (o.value(u"scenario_input").isObject()) {
                    const models::ScenarioReadResult read
                        = models::scenarioFromJsonObject(o.value(u"scenario_input").toObject());
                    if (read.ok())
                        side.scenario = read.scenario;
                }
                return side;
            }
        }
    }
    const auto read = readValidScenario(
        file, *request.pricing.catalog, err, request.quiet, request.whatIf.loadMultiplier, request.pricing.region);
    if (!read)
        return std::nullopt;
    side.source = QStringLiteral("scenario");
    side.scenario = *read;
    side.report = models::simulate(*read, *request.pricing.catalog, request.whatIf, request.options);
    for (const models::PlatformResult &p : side.report.platforms)
        side.mix.insert(p.id, platformMix(p));
    PricingSetup pricing = request.pricing;
    pricing.measureChanges(*read, side.report, request.whatIf, request.options);
    side.pricing = pricing.toJson(side.report.region);
    return side;
}

QString diffMarkdown(const DiffSide &before, const DiffSide &after, bool githubComment, int maxChars,
    const QStringList &notes, const QStringList &gateLines)
{
    const QList<models::PlatformCostChange> changes = models::costChanges(before.report, after.report);
    const QString perPeriod = after.report.perPeriod();
    QString head;
    if (githubComment)
        head += QStringLiteral("<!-- fleetplan-diff -->\n");
    head += QStringLiteral("### Fleetplan: %1 → %2\n\n")
                .arg(mdEscape(before.report.scenarioName), mdEscape(after.report.scenarioName));
    for (const models::PlatformCostChange &pc : changes)
        head += QStringLiteral("- **%1**: %2\n").arg(models::displayName(pc.platform), headline(pc, perPeriod));
    head
        += QStringLiteral("\n| platform | before USD | after USD | change USD | change |\n|---|---:|---:|---:|---:|\n");
    for (const models::PlatformCostChange &pc : changes)
        head += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                    .arg(models::displayName(pc.platform), models::priceText(pc.total.before),
                        models::priceText(pc.total.after), models::changeText(pc.total.usd()),
                        models::changePercentText(pc.total));
    if (!gateLines.isEmpty()) {
        head += u'\n';
        for (const QString &g : gateLines)
            head += QStringLiteral("> **Gate failed:** %1\n").arg(mdEscape(g));
    }

    QStringList sections;
    for (const models::PlatformCostChange &pc : changes) {
        QString body;
        if (!pc.beforeInfeasible.isEmpty())
            body += QStringLiteral("Before: cannot run the workload: %1\n\n").arg(mdEscape(pc.beforeInfeasible));
        if (!pc.afterInfeasible.isEmpty())
            body += QStringLiteral("After: cannot run the workload: %1\n\n").arg(mdEscape(pc.afterInfeasible));
        if (!pc.components.isEmpty()) {
            body += QStringLiteral("| component | before USD | after USD | change USD | change |\n"
                                   "|---|---:|---:|---:|---:|\n");
            for (const models::CostChange &c : pc.components)
                body += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                            .arg(c.label, models::priceText(c.before), models::priceText(c.after),
                                models::changeText(c.usd()), models::changePercentText(c));
            body += u'\n';
        }
        const QStringList mix = mixChangeLines(before.mix.value(pc.platform), after.mix.value(pc.platform));
        if (!mix.isEmpty()) {
            body += QStringLiteral("Capacity (hours): ") + mdEscape(mix.join(QStringLiteral("; ")))
                + QStringLiteral("\n\n");
        }
        const QStringList sizes = sizeChangeLines(before.mix.value(pc.platform), after.mix.value(pc.platform));
        if (!sizes.isEmpty())
            body += QStringLiteral("Fargate sizes: ") + mdEscape(sizes.join(QStringLiteral("; ")))
                + QStringLiteral("\n\n");
        if (body.isEmpty())
            continue;
        sections.append(QStringLiteral("<details><summary>%1: what changed</summary>\n\n%2</details>\n")
                            .arg(models::displayName(pc.platform), body));
    }
    if (before.scenario && after.scenario) {
        const QList<models::ScenarioChange> inputs = models::scenarioChanges(*before.scenario, *after.scenario);
        QString body;
        for (const QString &line : models::scenarioChangeLines(inputs, 500))
            body += QStringLiteral("- ") + mdCode(line) + u'\n';
        if (inputs.isEmpty())
            body = QStringLiteral("None: the same scenario inputs.\n");
        sections.append(QStringLiteral("<details><summary>Inputs changed (%1)</summary>\n\n%2\n</details>\n")
                            .arg(inputs.size())
                            .arg(body));
    }
    QString foot = QStringLiteral("\n<sub>%1, %2; before: %3 (%4), after: %5 (%6); catalog as of %7")
                       .arg(mdEscape(after.report.region), after.report.periodLabel(), mdEscape(before.file),
                           before.source, mdEscape(after.file), after.source, after.report.catalogAsOf);
    for (const QString &n : notes)
        foot += QStringLiteral("<br>") + mdEscape(n.trimmed());
    foot += QStringLiteral("</sub>\n");

    QString text = head;
    qsizetype used = head.size() + foot.size();
    qsizetype left = 0;
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const QString &s = sections.at(i);
        // Room kept for the note that says what was left out.
        if (left == 0 && used + 1 + s.size() + 200 <= maxChars) {
            text += u'\n' + s;
            used += 1 + s.size();
        } else {
            ++left;
        }
    }
    if (left > 0)
        text += QStringLiteral("\n_%1 more section%2 left out to stay within %3 characters; "
                               "`fleetplan diff --format table` prints everything._\n")
                    .arg(left)
                    .arg(left == 1 ? QString() : QStringLiteral("s"))
                    .arg(QString::number(maxChars));
    text += foot;
    if (text.size() > maxChars) // only the headline table and the footnotes left: cut at a line
        text = text.left(text.lastIndexOf(u'\n', maxChars - 40) + 1) + QStringLiteral("\n_(cut at the size cap)_\n");
    return text;
}

int runDiffRequest(Context &ctx, const DiffRequest &request)
{
    const QString prefix = QStringLiteral("fleetplan ") + request.command + QStringLiteral(": ");
    if (request.before == u"-" && request.after == u"-") {
        ctx.err << prefix << "only one side can read standard input\n";
        return UsageError;
    }
    auto before = loadDiffSide(request.before, request, ctx.err);
    if (!before)
        return InvalidInput;
    auto after = loadDiffSide(request.after, request, ctx.err);
    if (!after)
        return InvalidInput;

    // A gate must judge a platform that is priced: a gate on one that is not would pass silently.
    auto priced = [&](models::PlatformId id) { return after->report.platform(id) != nullptr; };
    for (const BudgetGate &g : request.budgetGates) {
        if (g.platform && !priced(*g.platform)) {
            ctx.err << prefix << "--fail-above " << models::toId(*g.platform) << ": "
                    << models::displayName(*g.platform) << " is not priced in " << request.after
                    << " (see --platform and the scenario's platforms)\n";
            return UsageError;
        }
    }
    for (const ChangeGate &g : request.changeGates) {
        if (g.platform && !priced(*g.platform)) {
            ctx.err << prefix << "--fail-above-change " << g.spec << ": " << models::displayName(*g.platform)
                    << " is not priced in " << request.after << " (see --platform and the scenario's platforms)\n";
            return UsageError;
        }
    }

    const int beforeHours = before->report.hours;
    const int afterHours = after->report.hours;
    QStringList notes;
    if (beforeHours != afterHours) {
        normalisePerMonth(*before);
        normalisePerMonth(*after);
        const QString note = QStringLiteral("the two sides cover different billing periods (%1 and %2 hours): both "
                                            "are compared per month of 730 hours (total × 730 ÷ hours)")
                                 .arg(beforeHours)
                                 .arg(afterHours);
        ctx.err << prefix << "warning: " << note << '\n';
        notes.append(QStringLiteral("Note: ") + note + u'.');
    }
    for (const DiffSide *side : { &*before, &*after }) {
        const QJsonObject book = side->pricing.value(u"price_book").toObject();
        if (book.isEmpty())
            continue;
        QStringList changed;
        for (const QJsonValue &c : book.value(u"changed").toArray())
            changed.append(c.toObject().value(u"platform").toString());
        notes.append(QStringLiteral("%1 priced with the price book %2 (%3 override%4; changed: %5).")
                         .arg(side == &*before ? QStringLiteral("Before") : QStringLiteral("After"),
                             book.value(u"path").toString())
                         .arg(book.value(u"overrides").toArray().size())
                         .arg(book.value(u"overrides").toArray().size() == 1 ? QString() : QStringLiteral("s"))
                         .arg(changed.isEmpty() ? QStringLiteral("no total") : changed.join(QStringLiteral(", "))));
    }

    const QList<models::PlatformCostChange> changes = models::costChanges(before->report, after->report);
    QList<GateResult> gates = evaluateBudgetGates(after->report, request.budgetGates);
    gates += evaluateChangeGates(changes, request.changeGates, after->report.hours);
    QStringList failures;
    for (const GateResult &g : gates)
        failures += g.failures;

    const bool inputsKnown = before->scenario && after->scenario;
    const QList<models::ScenarioChange> inputs
        = inputsKnown ? models::scenarioChanges(*before->scenario, *after->scenario) : QList<models::ScenarioChange> {};
    QString text;
    if (request.format == u"json") {
        QJsonObject o = QJsonDocument::fromJson(diffJson(before->report, after->report, inputs)).object();
        o.insert(QStringLiteral("before"), sideJson(o.value(u"before").toObject(), *before, beforeHours));
        o.insert(QStringLiteral("after"), sideJson(o.value(u"after").toObject(), *after, afterHours));
        QJsonArray platforms = o.value(u"platforms").toArray();
        for (qsizetype i = 0; i < platforms.size() && i < changes.size(); ++i) {
            const models::PlatformId id = changes.at(i).platform;
            QJsonObject p = platforms.at(i).toObject();
            p.insert(QStringLiteral("headline"), headline(changes.at(i), after->report.perPeriod()));
            p.insert(QStringLiteral("capacity_changes"),
                QJsonArray::fromStringList(mixChangeLines(before->mix.value(id), after->mix.value(id))));
            p.insert(QStringLiteral("fargate_size_changes"),
                QJsonArray::fromStringList(sizeChangeLines(before->mix.value(id), after->mix.value(id))));
            platforms.replace(i, p);
        }
        o.insert(QStringLiteral("platforms"), platforms);
        o.insert(QStringLiteral("inputs_known"), inputsKnown);
        text = QString::fromUtf8(envelopeJson(o, QStringLiteral("cost_diff"),
            QJsonObject { { QStringLiteral("normalised_per_month"), beforeHours != afterHours },
                { QStringLiteral("billing_period"), periodJson(after->report) },
                { QStringLiteral("gates"), gatesJson(gates) },
                { QStringLiteral("gates_passed"), failures.isEmpty() } }));
    } else if (request.format == u"csv") {
        text = diffCsv(before->report, after->report);
    } else if (request.format == u"markdown" || request.format == u"github-comment") {
        text = diffMarkdown(*before, *after, request.format == u"github-comment", request.maxChars, notes, failures);
    } else {
        text = diffTable(before->report, after->report, inputs, inputsKnown);
        QString underneath;
        for (const models::PlatformCostChange &pc : changes) {
            const QStringList mix = mixChangeLines(before->mix.value(pc.platform), after->mix.value(pc.platform));
            const QStringList sizes = sizeChangeLines(before->mix.value(pc.platform), after->mix.value(pc.platform));
            if (!mix.isEmpty())
                underneath += QStringLiteral("  %1: capacity %2\n")
                                  .arg(models::displayName(pc.platform), mix.join(QStringLiteral("; ")));
            if (!sizes.isEmpty())
                underneath += QStringLiteral("  %1: Fargate sizes %2\n")
                                  .arg(models::displayName(pc.platform), sizes.join(QStringLiteral("; ")));
        }
        if (!underneath.isEmpty())
            text += QStringLiteral("\nWhat runs underneath:\n") + underneath;
        if (!notes.isEmpty())
            text += u'\n' + notes.join(u'\n') + u'\n';
    }

    if (!request.output.isEmpty() && request.output != u"-") {
        QString reason;
        if (!models::writeFileAtomically(request.output, text.toUtf8(), &reason)) {
            ctx.err << prefix << "cannot write " << request.output << ": " << reason << '\n';
            return InvalidInput;
        }
    } else if (!request.quiet) {
        ctx.out << text;
    }
    int feasible = 0;
    for (const models::PlatformResult &p : after->report.platforms) {
        if (p.feasible())
            ++feasible;
        else
            ctx.err << prefix << models::displayName(p.id) << " cannot run this workload: " << p.infeasibleSummary()
                    << '\n';
    }
    for (const QString &f : failures)
        ctx.err << prefix << f << '\n';
    if ((feasible == 0 && !after->report.platforms.isEmpty())
        || (request.strict && feasible < after->report.platforms.size()))
        return InvalidInput;
    return failures.isEmpty() ? Ok : BudgetExceeded;
}

int runDiff(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show what changed from BEFORE to AFTER per platform: the totals, the change, the cost components, the "
        "capacity underneath (instance types, Fargate sizes) and the inputs. Either side is a scenario (priced "
        "now) or a result saved with `fleetplan compare SCENARIO --format json` (schema_version 1), e.g. the "
        "base branch's, cached by CI. Budget gates apply to AFTER."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("BEFORE"), QStringLiteral("Scenario or saved result (- for stdin)"));
    parser.addPositionalArgument(QStringLiteral("AFTER"), QStringLiteral("Scenario or saved result"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
        QStringLiteral("Output format: table (default), json, csv, markdown or github-comment."),
        QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption platformOption(QStringLiteral("platform"),
        QStringLiteral("Only this platform (repeatable): ecs-ec2, ecs-fargate, "
                       "ecs-fargate-spot, eks-nodes, eks-fargate, app-runner."),
        QStringLiteral("ID"));
    const QCommandLineOption loadOption(QStringLiteral("load-multiplier"),
        QStringLiteral("Multiply every service's load (what-if; scenarios only)."), QStringLiteral("X"),
        QStringLiteral("1"));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    const QCommandLineOption failAboveOption(QStringLiteral("fail-above"),
        QStringLiteral("Exit with status 3 when a platform's monthly cost in AFTER is above USD; PLATFORM=USD "
                       "gates one platform (repeatable)."),
        QStringLiteral("[PLATFORM=]USD"));
    const QCommandLineOption failChangeOption(QStringLiteral("fail-above-change"),
        QStringLiteral("Exit with status 3 when a platform's cost rises by more than this, in percent (10%) or USD "
                       "per month (250); PLATFORM=... gates one platform (repeatable)."),
        QStringLiteral("[PLATFORM=]CHANGE"));
    const QCommandLineOption maxCharsOption(QStringLiteral("max-chars"),
        QStringLiteral("Size cap of markdown and github-comment output (default 65536, GitHub's comment limit)."),
        QStringLiteral("N"), QStringLiteral("65536"));
    const QCommandLineOption quietOption({ QStringLiteral("q"), QStringLiteral("quiet") },
        QStringLiteral("Print nothing on standard output (errors and failed gates still go to stderr)."));
    const QCommandLineOption strictOption(QStringLiteral("strict"),
        QStringLiteral("Exit with status 2 when any platform cannot run AFTER (by default only when none can)."));
    parser.addOptions({ formatOption, platformOption, loadOption, outputOption, failAboveOption, failChangeOption,
        maxCharsOption, quietOption, strictOption });
    const PricingOptions pricingOptions;
    pricingOptions.addTo(parser);
    if (!parser.parse(QStringList { QStringLiteral("fleetplan diff") } + ctx.args)) {
        ctx.err << "fleetplan diff: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().size() != 2) {
        ctx.err << "fleetplan diff: expected BEFORE and AFTER (scenarios or saved results)\n";
        return UsageError;
    }
    DiffRequest request;
    request.command = QStringLiteral("diff");
    request.before = parser.positionalArguments().at(0);
    request.after = parser.positionalArguments().at(1);
    request.format = parser.value(formatOption);
    static const QStringList formats { QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"),
        QStringLiteral("markdown"), QStringLiteral("github-comment") };
    if (!formats.contains(request.format)) {
        ctx.err << "fleetplan diff: --format must be table, json, csv, markdown or github-comment, not \""
                << request.format << "\"\n";
        return UsageError;
    }
    const int code = parseDiffOptions(
        ctx, parser, request, platformOption, loadOption, failAboveOption, failChangeOption, maxCharsOption);
    if (code >= 0)
        return code;
    request.quiet = parser.isSet(quietOption);
    request.strict = parser.isSet(strictOption);
    request.output = parser.value(outputOption);
    int exitCode = Ok;
    const auto pricing
        = setupPricing(parser, pricingOptions, request.command, request.after, ctx.err, request.quiet, &exitCode);
    if (!pricing)
        return exitCode;
    request.pricing = *pricing;
    return runDiffRequest(ctx, request);
}

int parseDiffOptions(Context &ctx, const QCommandLineParser &parser, DiffRequest &request,
    const QCommandLineOption &platformOption, const QCommandLineOption &loadOption,
    const QCommandLineOption &failAboveOption, const QCommandLineOption &failChangeOption,
    const QCommandLineOption &maxCharsOption)
{
    const QString prefix = QStringLiteral("fleetplan ") + request.command + QStringLiteral(": ");
    for (const QString &id : parser.values(platformOption)) {
        const auto platform = models::platformFromId(id);
        if (!platform) {
            ctx.err << prefix << "unknown platform \"" << id
                    << "\" (expected ecs-ec2, ecs-fargate, ecs-fargate-spot, eks-nodes, eks-fargate or app-runner)\n";
            return UsageError;
        }
        if (!request.options.platforms.contains(*platform))
            request.options.platforms.append(*platform);
    }
    bool numberOk = false;
    request.whatIf.loadMultiplier = parser.value(loadOption).toDouble(&numberOk);
    if (!numberOk
        || !(request.whatIf.loadMultiplier >= 0 && request.whatIf.loadMultiplier <= models::MaxLoadMultiplier)) {
        ctx.err << prefix << "--load-multiplier must be a number from 0 to " << models::MaxLoadMultiplier << ", not \""
                << parser.value(loadOption) << "\"\n";
        return UsageError;
    }
    for (const QString &spec : parser.values(failAboveOption)) {
        QString error;
        const auto gate = parseBudgetGate(spec, &error);
        if (!gate) {
            ctx.err << prefix << error << '\n';
            return UsageError;
        }
        request.budgetGates.append(*gate);
    }
    for (const QString &spec : parser.values(failChangeOption)) {
        QString error;
        const auto gate = parseChangeGate(spec, &error);
        if (!gate) {
            ctx.err << prefix << error << '\n';
            return UsageError;
        }
        request.changeGates.append(*gate);
    }
    request.maxChars = parser.value(maxCharsOption).toInt(&numberOk);
    if (!numberOk || request.maxChars < 1000 || request.maxChars > 100'000'000) {
        ctx.err << prefix << "--max-chars must be a number from 1000 to 100000000, not \""
                << parser.value(maxCharsOption) << "\"\n";
        return UsageError;
    }
    return -1;
}

} // namespace fleetplan::cli
