// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/scenariojson.h"

#include "models/atomicwrite.h"

#include <cmath>
#include <functional>

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include "models/boundedread.h"
#include "models/workload/platformfields.h"
#include "models/workload/scenariodocument.h"
#include "models/workload/validation.h"

namespace fleetplan::models {

namespace {

/// Reads one JSON object's fields, reporting type errors and unknown keys at `path`.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject &object, QString path, QList<Diagnostic> &diagnostics)
        : m_object(object)
        , m_path(std::move(path))
        , m_diagnostics(diagnostics)
    {
    }
    ~ObjectReader()
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_known.contains(it.key()))
                warn(it.key(), QStringLiteral("unknown key, ignored"));
        }
    }
    ObjectReader(const ObjectReader &) = delete;
    ObjectReader &operator=(const ObjectReader &) = delete;

    /// Stops the unknown-key warnings (reading was abandoned: they would only add noise).
    void ignoreRest()
    {
        const QStringList keys = m_object.keys();
        m_known = QSet<QString>(keys.cbegin(), keys.cend());
    }

    QString fieldPath(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    void error(const QString &key, const QString &message)
    {
        m_diagnostics.append({ Diagnostic::Severity::Error, fieldPath(key), message });
    }
    void warn(const QString &key, const QString &message)
    {
        m_diagnostics.append({ Diagnostic::Severity::Warning, fieldPath(key), message });
    }

    /// The value at key, marking the key as known; undefined when absent.
    QJsonValue take(const QString &key)
    {
        m_known.insert(key);
        return m_object.value(key);
    }

    void readString(const QString &key, QString &out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isString())
            return error(key, QStringLiteral("must be a string"));
        out = v.toString();
    }
    void readDouble(const QString &key, double &out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isDouble())
            return error(key, QStringLiteral("must be a number"));
        out = v.toDouble();
    }
    void readInt(const QString &key, int &out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        const double d = v.toDouble();
        // Range first: converting an out-of-range double to an integer is undefined behaviour.
        if (!v.isDouble() || !(d <= 2147483647.0 && d >= -2147483648.0) || d != std::floor(d))
            return error(key, QStringLiteral("must be a whole number"));
        out = int(d);
    }
    void readBool(const QString &key, bool &out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isBool())
            return error(key, QStringLiteral("must be true or false"));
        out = v.toBool();
    }
    template <typename Enum>
    void readEnum(const QString &key, Enum &out, std::optional<Enum> (*parse)(const QString &), const QString &allowed)
    {
        QString text;
        const qsizetype before = m_diagnostics.size();
        readString(key, text);
        if (text.isEmpty() || m_diagnostics.size() != before)
            return;
        if (const auto value = parse(text))
            out = *value;
        else
            error(key, QStringLiteral("unknown value \"%1\" (expected %2)").arg(text, allowed));
    }
    QJsonArray readArray(const QString &key)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            error(key, QStringLiteral("must be an array"));
            return {};
        }
        return v.toArray();
    }
    QJsonObject readObject(const QString &key, bool *present = nullptr)
    {
        const QJsonValue v = take(key);
        if (present)
            *present = v.isObject();
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject()) {
            error(key, QStringLiteral("must be an object"));
            return {};
        }
        return v.toObject();
    }

private:
    QJsonObject m_object;
    QString m_path;
    QList<Diagnostic> &m_diagnostics;
    QSet<QString> m_known;
};

struct PlatformReader
{
    ObjectReader &r;
    void boolean(const char16_t *k, bool &out) { r.readBool(QString::fromUtf16(k), out); }
    void flag(const char16_t *k, bool &out) { boolean(k, out); }
    void number(const char16_t *k, double &out) { r.readDouble(QString::fromUtf16(k), out); }
    void integer(const char16_t *k, int &out) { r.readInt(QString::fromUtf16(k), out); }
    void stringList(const char16_t *k, QStringList &out)
    {
        const QString key = QString::fromUtf16(k);
        const QJsonArray a = r.readArray(key);
        if (a.isEmpty())
            return;
        out.clear();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString())
                r.error(QStringLiteral("%1[%2]").arg(key).arg(i), QStringLiteral("must be a string"));
            else
                out.append(a.at(i).toString());
        }
    }
};

struct PlatformWriter
{
    QJsonObject &o;
    void boolean(const char16_t *k, bool &v) { o.insert(QString::fromUtf16(k), v); }
    void flag(const char16_t *k, bool &v)
    {
        if (v)
            o.insert(QString::fromUtf16(k), true);
    }
    void number(const char16_t *k, double &v) { o.insert(QString::fromUtf16(k), v); }
    void integer(const char16_t *k, int &v) { o.insert(QString::fromUtf16(k), v); }
    void stringList(const char16_t *k, QStringList &v)
    {
        o.insert(QString::fromUtf16(k), QJsonArray::fromStringList(v));
    }
};

/// A Kubernetes IntOrString: "25%" (percent) or 3 (tasks).
void readSurge(ObjectReader &r, const QString &key, double &value, bool &percent)
{
    const QJsonValue v = r.take(key);
    if (v.isUndefined() || v.isNull())
        return;
    if (v.isDouble()) {
        value = v.toDouble();
        percent = false;
        return;
    }
    const QString text = v.toString().trimmed();
    bool ok = false;
    const double number = text.endsWith(u'%') ? text.chopped(1).trimmed().toDouble(&ok) : 0.0;
    if (!v.isString() || !ok)
        return r.error(key, QStringLiteral("must be a number of tasks or a percent such as \"25%\""));
    value = number;
    percent = true;
}

QJsonValue writeSurge(double value, bool percent)
{
    return percent ? QJsonValue(QString(QString::number(value) + u'%')) : QJsonValue(value);
}

} // namespace

void deploymentFromJson(
    const QJsonObject &object, const QString &path, DeploymentSettings &d, QList<Diagnostic> &diagnostics)
{
    ObjectReader r(object, path, diagnostics);
    r.readEnum(QStringLiteral("strategy"), d.strategy, &deploymentStrategyFromId,
        QStringLiteral("none, rolling or blue_green"));
    readSurge(r, QStringLiteral("max_surge"), d.maxSurge, d.maxSurgePercent);
    readSurge(r, QStringLiteral("max_unavailable"), d.maxUnavailable, d.maxUnavailablePercent);
    const QJsonValue perWeek = r.take(QStringLiteral("per_week"));
    if (!perWeek.isUndefined() && !perWeek.isNull()) {
        d.period = DeploymentPeriod::Week;
        if (!perWeek.isDouble())
            r.error(QStringLiteral("per_week"), QStringLiteral("must be a number"));
        else
            d.frequency = perWeek.toDouble();
    }
    if (object.contains(QStringLiteral("per_day")) && d.period == DeploymentPeriod::Week)
        r.error(QStringLiteral("per_day"), QStringLiteral("give per_day or per_week, not both"));
    else
        r.readDouble(QStringLiteral("per_day"), d.frequency);
    r.readDouble(QStringLiteral("duration_minutes"), d.durationMinutes);
    r.readDouble(QStringLiteral("bake_minutes"), d.bakeMinutes);
}

QJsonObject deploymentToJson(const DeploymentSettings &d)
{
    const DeploymentSettings defaults;
    QJsonObject o { { QStringLiteral("strategy"), toId(d.strategy) } };
    if (d.maxSurge != defaults.maxSurge || d.maxSurgePercent != defaults.maxSurgePercent)
        o.insert(QStringLiteral("max_surge"), writeSurge(d.maxSurge, d.maxSurgePercent));
    if (d.maxUnavailable != defaults.maxUnavailable || d.maxUnavailablePercent != defaults.maxUnavailablePercent)
        o.insert(QStringLiteral("max_unavailable"), writeSurge(d.maxUnavailable, d.maxUnavailablePercent));
    o.insert(d.period == DeploymentPeriod::Week ? QStringLiteral("per_week") : QStringLiteral("per_day"), d.frequency);
    o.insert(QStringLiteral("duration_minutes"), d.durationMinutes);
    if (d.bakeMinutes != defaults.bakeMinutes)
        o.insert(QStringLiteral("bake_minutes"), d.bakeMinutes);
    return o;
}

namespace {

Service readService(const QJsonObject &object, const QString &path, QList<Diagnostic> &diagnostics)
{
    Service s;
    ObjectReader r(object, path, diagnostics);
    r.readString(QStringLiteral("name"), s.name);
    r.readEnum(QStringLiteral("kind"), s.kind, &serviceKindFromId, QStringLiteral("service, daemon or job"));
    r.readDouble(QStringLiteral("cpu"), s.cpu);
    r.readDouble(QStringLiteral("memory_mib"), s.memoryMib);
    r.readDouble(QStringLiteral("ephemeral_gib"), s.ephemeralGib);
    r.readEnum(QStringLiteral("arch"), s.arch, &archFromId, QStringLiteral("x86_64 or arm64"));
    r.readEnum(QStringLiteral("os"), s.os, &osFromId, QStringLiteral("linux or windows"));
    r.readInt(QStringLiteral("replicas"), s.replicas);
    applyDefaultBounds(s); // when min/max_replicas are absent

    r.readInt(QStringLiteral("min_replicas"), s.minReplicas);
    r.readInt(QStringLiteral("max_replicas"), s.maxReplicas);
    r.readString(QStringLiteral("load_profile"), s.loadProfile);
    r.readInt(QStringLiteral("runs_per_day"), s.runsPerDay);
    r.readInt(QStringLiteral("run_seconds"), s.runSeconds);
    r.readBool(QStringLiteral("spot_ok"), s.spotOk);
    r.readEnum(
        QStringLiteral("network_mode"), s.networkMode, &networkModeFromId, QStringLiteral("awsvpc, bridge or host"));
    r.readInt(QStringLiteral("host_port"), s.hostPort);
    r.readBool(QStringLiteral("one_per_node"), s.onePerNode);
    r.readString(QStringLiteral("source"), s.source);
    r.readInt(QStringLiteral("gpus"), s.gpus);
    r.readEnum(QStringLiteral("accelerator"), s.accelerator, &acceleratorFromId, QStringLiteral("nvidia or neuron"));
    r.readBool(QStringLiteral("no_memory_request"), s.noMemoryRequest);
    // App Runner request load (format version 2; absent in version 1 = the derived default).
    r.readDouble(QStringLiteral("requests_per_second"), s.requestsPerSecond);
    r.readDouble(QStringLiteral("request_ms"), s.requestMillis);
    r.readDouble(QStringLiteral("concurrent_requests"), s.concurrentRequests);
    bool hasDeployment = false;
    const QJsonObject deployment = r.readObject(QStringLiteral("deployment"), &hasDeployment);
    if (hasDeployment) // absent = no deployments priced (issue 20)
        deploymentFromJson(deployment, r.fieldPath(QStringLiteral("deployment")), s.deployment, diagnostics);
    bool sizePresent = false;
    const QJsonObject size = r.readObject(QStringLiteral("app_runner_instance"), &sizePresent);
    if (sizePresent) {
        ObjectReader sr(size, r.fieldPath(QStringLiteral("app_runner_instance")), diagnostics);
        sr.readDouble(QStringLiteral("vcpu"), s.appRunnerSize.vcpu);
        sr.readDouble(QStringLiteral("memory_gb"), s.appRunnerSize.memoryGb);
    }
    const QJsonArray containers = r.readArray(QStringLiteral("containers"));
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QString cpath = r.fieldPath(QStringLiteral("containers[%1]").arg(i));
        if (!containers.at(i).isObject()) {
            diagnostics.append({ Diagnostic::Severity::Error, cpath, QStringLiteral("must be an object") });
            continue;
        }
        Container c;
        ObjectReader cr(containers.at(i).toObject(), cpath, diagnostics);
        cr.readString(QStringLiteral("name"), c.name);
        cr.readDouble(QStringLiteral("cpu"), c.cpu);
        cr.readDouble(QStringLiteral("memory_mib"), c.memoryMib);
        cr.readBool(QStringLiteral("init"), c.init);
        s.containers.append(c);
    }
    if (!s.containers.isEmpty()) {
        s.cpu = s.effectiveCpu();
        s.memoryMib = s.effectiveMemoryMib();
    }
    return s;
}

QJsonObject writeService(const Service &s)
{
    QJsonObject o {
        { QStringLiteral("name"), s.name },
        { QStringLiteral("kind"), toId(s.kind) },
        { QStringLiteral("cpu"), s.effectiveCpu() },
        { QStringLiteral("memory_mib"), s.effectiveMemoryMib() },
        { QStringLiteral("ephemeral_gib"), s.ephemeralGib },
        { QStringLiteral("arch"), toId(s.arch) },
        { QStringLiteral("os"), toId(s.os) },
        { QStringLiteral("replicas"), s.replicas },
        { QStringLiteral("min_replicas"), s.minReplicas },
        { QStringLiteral("max_replicas"), s.maxReplicas },
        { QStringLiteral("load_profile"), s.loadProfile },
        { QStringLiteral("runs_per_day"), s.runsPerDay },
        { QStringLiteral("run_seconds"), s.runSeconds },
        { QStringLiteral("spot_ok"), s.spotOk },
        { QStringLiteral("network_mode"), toId(s.networkMode) },
        { QStringLiteral("host_port"), s.hostPort },
    };
    if (!s.source.isEmpty())
        o.insert(QStringLiteral("source"), s.source);
    if (s.onePerNode) // written only when set: other scenarios read and write as before
        o.insert(QStringLiteral("one_per_node"), true);
    // Written only when set, so scenarios without accelerators read and write as before.
    if (s.gpus != 0) {
        o.insert(QStringLiteral("gpus"), s.gpus);
        o.insert(QStringLiteral("accelerator"), toId(s.accelerator));
    }
    if (s.noMemoryRequest)
        o.insert(QStringLiteral("no_memory_request"), true);
    if (s.hasRequestLoad()) {
        o.insert(QStringLiteral("requests_per_second"), s.requestsPerSecond);
        o.insert(QStringLiteral("request_ms"), s.requestMillis);
        o.insert(QStringLiteral("concurrent_requests"), s.concurrentRequests);
    }
    if (!s.deployment.isDefault()) // written only when set: older scenarios read and write as before
        o.insert(QStringLiteral("deployment"), deploymentToJson(s.deployment));
    if (s.appRunnerSize.isSet()) // written only when chosen: other scenarios read and write as before
        o.insert(QStringLiteral("app_runner_instance"),
            QJsonObject { { QStringLiteral("vcpu"), s.appRunnerSize.vcpu },
                { QStringLiteral("memory_gb"), s.appRunnerSize.memoryGb } });
    if (!s.containers.isEmpty()) {
        QJsonArray containers;
        for (const Container &c : s.containers) {
            containers.append(QJsonObject { { QStringLiteral("name"), c.name }, { QStringLiteral("cpu"), c.cpu },
                { QStringLiteral("memory_mib"), c.memoryMib }, { QStringLiteral("init"), c.init } });
        }
        o.insert(QStringLiteral("containers"), containers);
    }
    return o;
}

QStringList readStringList(ObjectReader &r, const QString &key)
{
    QStringList out;
    const QJsonArray a = r.readArray(key);
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString())
            r.error(QStringLiteral("%1[%2]").arg(key).arg(i), QStringLiteral("must be a string"));
        else
            out.append(a.at(i).toString());
    }
    return out;
}

void readRepository(const QJsonObject &object, const QString &path, Repository &repo, QList<Diagnostic> &diags)
{
    ObjectReader r(object, path, diags);
    r.readString(QStringLiteral("name"), repo.name);
    if (!r.take(QStringLiteral("services")).isUndefined())
        repo.services = readStringList(r, QStringLiteral("services"));
    r.readDouble(QStringLiteral("image_gb"), repo.imageGb);
    r.readDouble(QStringLiteral("pushes_per_day"), repo.pushesPerDay);
    r.readInt(QStringLiteral("keep_last"), repo.keepLast);
    r.readDouble(QStringLiteral("dev_share"), repo.devShare);
    r.readInt(QStringLiteral("dev_expire_days"), repo.devExpireDays);
    r.readEnum(
        QStringLiteral("scanning"), repo.scanning, &scanModeFromId, QStringLiteral("basic, enhanced or continuous"));
    r.readDouble(QStringLiteral("rescans_per_image_month"), repo.rescansPerImageMonth);
    if (!r.take(QStringLiteral("replicate_to_regions")).isUndefined())
        repo.replicateToRegions = readStringList(r, QStringLiteral("replicate_to_regions"));
    r.readInt(QStringLiteral("replicate_to_accounts"), repo.replicateToAccounts);
}

QJsonObject writeRepository(const Repository &repo, bool withName)
{
    QJsonObject o { { QStringLiteral("image_gb"), repo.imageGb },
        { QStringLiteral("pushes_per_day"), repo.pushesPerDay }, { QStringLiteral("keep_last"), repo.keepLast },
        { QStringLiteral("dev_share"), repo.devShare }, { QStringLiteral("dev_expire_days"), repo.devExpireDays },
        { QStringLiteral("scanning"), toId(repo.scanning) },
        { QStringLiteral("rescans_per_image_month"), repo.rescansPerImageMonth },
        { QStringLiteral("replicate_to_regions"), QJsonArray::fromStringList(repo.replicateToRegions) },
        { QStringLiteral("replicate_to_accounts"), repo.replicateToAccounts } };
    if (withName) {
        o.insert(QStringLiteral("name"), repo.name);
        o.insert(QStringLiteral("services"), QJsonArray::fromStringList(repo.services));
    }
    return o;
}

} // namespace

QJsonObject registryToJson(const RegistrySettings &reg)
{
    QJsonArray repos;
    for (const Repository &repo : reg.repositories)
        repos.append(writeRepository(repo, true));
    return QJsonObject { { QStringLiteral("enabled"), reg.enabled }, { QStringLiteral("region"), reg.region },
        { QStringLiteral("defaults"), writeRepository(reg.defaults, false) },
        { QStringLiteral("repositories"), repos } };
}

QJsonObject networkToJson(const NetworkSettings &net)
{
    return QJsonObject { { QStringLiteral("enabled"), net.enabled }, { QStringLiteral("subnets"), toId(net.subnets) },
        { QStringLiteral("nat_gateways"), net.natGateways }, { QStringLiteral("vpc_endpoints"), net.vpcEndpoints },
        { QStringLiteral("load_balancer"), toId(net.loadBalancer) },
        { QStringLiteral("load_balancer_per_service"), net.loadBalancerPerService },
        { QStringLiteral("capacity_units_per_load_balancer"), net.capacityUnitsPerLoadBalancer },
        { QStringLiteral("log_gb_per_task_hour"), net.logGbPerTaskHour } };
}

void registryFromJson(const QJsonObject &object, const QString &path, RegistrySettings &reg, QList<Diagnostic> &diags)
{
    ObjectReader r(object, path, diags);
    r.readBool(QStringLiteral("enabled"), reg.enabled);
    r.readString(QStringLiteral("region"), reg.region);
    bool present = false;
    const QJsonObject defaults = r.readObject(QStringLiteral("defaults"), &present);
    if (present)
        readRepository(defaults, r.fieldPath(QStringLiteral("defaults")), reg.defaults, diags);
    const QJsonArray repos = r.readArray(QStringLiteral("repositories"));
    for (qsizetype i = 0; i < repos.size(); ++i) {
        const QString rpath = r.fieldPath(QStringLiteral("repositories[%1]").arg(i));
        if (!repos.at(i).isObject()) {
            diags.append({ Diagnostic::Severity::Error, rpath, QStringLiteral("must be an object") });
            continue;
        }
        Repository repo;
        readRepository(repos.at(i).toObject(), rpath, repo, diags);
        reg.repositories.append(repo);
    }
}

void networkFromJson(const QJsonObject &object, const QString &path, NetworkSettings &net, QList<Diagnostic> &diags)
{
    ObjectReader r(object, path, diags);
    r.readBool(QStringLiteral("enabled"), net.enabled);
    r.readEnum(QStringLiteral("subnets"), net.subnets, &subnetKindFromId, QStringLiteral("private or public"));
    r.readInt(QStringLiteral("nat_gateways"), net.natGateways);
    r.readBool(QStringLiteral("vpc_endpoints"), net.vpcEndpoints);
    r.readEnum(
        QStringLiteral("load_balancer"), net.loadBalancer, &loadBalancerKindFromId, QStringLiteral("none, alb or nlb"));
    r.readBool(QStringLiteral("load_balancer_per_service"), net.loadBalancerPerService);
    r.readDouble(QStringLiteral("capacity_units_per_load_balancer"), net.capacityUnitsPerLoadBalancer);
    r.readDouble(QStringLiteral("log_gb_per_task_hour"), net.logGbPerTaskHour);
}

QString ScenarioReadResult::errorText() const
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append((d.isError() ? QStringLiteral("error: ") : QStringLiteral("warning: ")) + d.toString());
    return lines.join(u'\n');
}

ScenarioReadResult scenarioFromJsonObject(const QJsonObject &object)
{
    ScenarioReadResult result;
    QList<Diagnostic> &diags = result.diagnostics;
    Scenario sc;
    {
        ObjectReader r(object, QString(), diags);
        const QJsonValue version = r.take(QStringLiteral("fleetplan_scenario"));
        if (version.isUndefined()) {
            diags.append({ Diagnostic::Severity::Error, QStringLiteral("fleetplan_scenario"),
                QStringLiteral("missing: this is not a Fleetplan scenario (expected \"fleetplan_scenario\": 1)") });
            r.ignoreRest();
            return result;
        }
        const int formatVersion = version.toInt(-1);
        if (formatVersion < 1 || formatVersion > ScenarioFormatVersion) {
            diags.append({ Diagnostic::Severity::Error, QStringLiteral("fleetplan_scenario"),
                QStringLiteral("format version %1 is not supported by this Fleetplan (it reads versions 1 to 2); "
                               "a newer Fleetplan wrote this file")
                    .arg(version.toVariant().toString()) });
            r.ignoreRest();
            return result;
        }
        r.readString(QStringLiteral("name"), sc.name);
        r.readString(QStringLiteral("region"), sc.region);
        r.readString(QStringLiteral("notes"), sc.notes);

        bool periodPresent = false;
        const QJsonObject period = r.readObject(QStringLiteral("period"), &periodPresent);
        if (periodPresent) {
            ObjectReader pr(period, QStringLiteral("period"), diags);
            int hours = -1;
            int days = -1;
            pr.readInt(QStringLiteral("hours"), hours);
            pr.readInt(QStringLiteral("days"), days);
            if (days > MaxPeriodHours / 24) {
                // Before days × 24: 2^31 − 1 days would overflow an int.
                pr.error(QStringLiteral("days"),
                    QStringLiteral("%1 days is above the limit of %2 days (%3 hours, ten years)")
                        .arg(days)
                        .arg(MaxPeriodHours / 24)
                        .arg(MaxPeriodHours));
            } else if (days >= 0) {
                sc.periodInDays = true;
                sc.periodHours = days * 24;
            } else if (hours >= 0) {
                sc.periodHours = hours;
            } else {
                pr.error(QStringLiteral("hours"), QStringLiteral("period needs \"hours\" or \"days\""));
            }
        }

        const QJsonArray profiles = r.readArray(QStringLiteral("load_profiles"));
        for (qsizetype i = 0; i < profiles.size(); ++i) {
            const QString path = QStringLiteral("load_profiles[%1]").arg(i);
            if (!profiles.at(i).isObject()) {
                diags.append({ Diagnostic::Severity::Error, path, QStringLiteral("must be an object") });
                continue;
            }
            LoadProfile lp;
            ObjectReader pr(profiles.at(i).toObject(), path, diags);
            pr.readString(QStringLiteral("name"), lp.name);
            const QJsonArray hourly = pr.readArray(QStringLiteral("hourly"));
            for (qsizetype h = 0; h < hourly.size(); ++h) {
                if (!hourly.at(h).isDouble())
                    pr.error(QStringLiteral("hourly[%1]").arg(h), QStringLiteral("must be a number"));
                else
                    lp.hourly.append(hourly.at(h).toDouble());
            }
            sc.loadProfiles.append(lp);
        }

        const QJsonArray services = r.readArray(QStringLiteral("services"));
        for (qsizetype i = 0; i < services.size(); ++i) {
            const QString path = QStringLiteral("services[%1]").arg(i);
            if (!services.at(i).isObject()) {
                diags.append({ Diagnostic::Severity::Error, path, QStringLiteral("must be an object") });
                continue;
            }
            sc.services.append(readService(services.at(i).toObject(), path, diags));
        }

        const QJsonObject platforms = r.readObject(QStringLiteral("platforms"));
        for (auto it = platforms.begin(); it != platforms.end(); ++it) {
            const QString path = QStringLiteral("platforms.") + it.key();
            const auto id = platformFromId(it.key());
            if (!id) {
                diags.append({ Diagnostic::Severity::Warning, path,
                    QStringLiteral("unknown platform, ignored (expected ecs-ec2, ecs-fargate, "
                                   "ecs-fargate-spot, eks-nodes, eks-fargate or app-runner)") });
                continue;
            }
            if (!it.value().isObject()) {
                diags.append({ Diagnostic::Severity::Error, path, QStringLiteral("must be an object") });
                continue;
            }
            ObjectReader pr(it.value().toObject(), path, diags);
            visitAllPlatformFields(*id, sc.platform(*id), PlatformReader { pr });
        }

        const QJsonObject purchase = r.readObject(QStringLiteral("purchase"));
        {
            ObjectReader pr(purchase, QStringLiteral("purchase"), diags);
            pr.readDouble(QStringLiteral("spot_share"), sc.purchase.spotShare);
            pr.readDouble(QStringLiteral("savings_plan_usd_per_hour"), sc.purchase.savingsPlanUsdPerHour);
            pr.readEnum(QStringLiteral("savings_plan_type"), sc.purchase.savingsPlanType, &savingsPlanTypeFromId,
                QStringLiteral("compute or ec2-instance"));
            pr.readInt(QStringLiteral("savings_plan_term_years"), sc.purchase.savingsPlanTermYears);
            pr.readString(QStringLiteral("savings_plan_payment"), sc.purchase.savingsPlanPayment);
        }

        // Registry and network (issue 19, format version 2); absent = off.
        bool registryPresent = false;
        const QJsonObject registry = r.readObject(QStringLiteral("registry"), &registryPresent);
        if (registryPresent)
            registryFromJson(registry, QStringLiteral("registry"), sc.registry, diags);
        bool networkPresent = false;
        const QJsonObject network = r.readObject(QStringLiteral("network"), &networkPresent);
        if (networkPresent)
            networkFromJson(network, QStringLiteral("network"), sc.network, diags);

        // Commitments already bought (issue 14); absent in older documents = none.
        const QJsonObject existing = r.readObject(QStringLiteral("existing_commitments"));
        {
            const QString base = QStringLiteral("existing_commitments");
            ObjectReader er(existing, base, diags);
            const QJsonArray ris = er.readArray(QStringLiteral("reserved_instances"));
            for (qsizetype i = 0; i < ris.size(); ++i) {
                const QString path = QStringLiteral("%1.reserved_instances[%2]").arg(base).arg(i);
                if (!ris.at(i).isObject()) {
                    diags.append({ Diagnostic::Severity::Error, path, QStringLiteral("must be an object") });
                    continue;
                }
                ObjectReader ir(ris.at(i).toObject(), path, diags);
                ReservedInstanceHolding ri;
                ir.readString(QStringLiteral("instance_type"), ri.instanceType);
                ir.readString(QStringLiteral("region"), ri.region);
                ir.readInt(QStringLiteral("count"), ri.count);
                ir.readInt(QStringLiteral("term_years"), ri.termYears);
                ir.readString(QStringLiteral("payment"), ri.payment);
                ir.readEnum(QStringLiteral("offering_class"), ri.offeringClass, &offeringClassFromId,
                    QStringLiteral("standard or convertible"));
                sc.commitments.reservedInstances.append(ri);
            }
            const QJsonArray sps = er.readArray(QStringLiteral("savings_plans"));
            for (qsizetype i = 0; i < sps.size(); ++i) {
                const QString path = QStringLiteral("%1.savings_plans[%2]").arg(base).arg(i);
                if (!sps.at(i).isObject()) {
                    diags.append({ Diagnostic::Severity::Error, path, QStringLiteral("must be an object") });
                    continue;
                }
                ObjectReader sr(sps.at(i).toObject(), path, diags);
                SavingsPlanHolding sp;
                sr.readEnum(
                    QStringLiteral("type"), sp.type, &savingsPlanTypeFromId, QStringLiteral("compute or ec2-instance"));
                sr.readString(QStringLiteral("family"), sp.family);
                sr.readString(QStringLiteral("region"), sp.region);
                sr.readDouble(QStringLiteral("usd_per_hour"), sp.usdPerHour);
                sr.readInt(QStringLiteral("term_years"), sp.termYears);
                sr.readString(QStringLiteral("payment"), sp.payment);
                sc.commitments.savingsPlans.append(sp);
            }
        }
    }
    result.scenario = sc;
    return result;
}

namespace {

/// The keys that appear twice in one object of `json` (valid JSON: QJsonDocument parsed it), as
/// "line N: duplicate key "services" (also on line M); JSON keeps only the last". QJsonDocument keeps the
/// last of two equal keys silently, so a second top-level "services" would replace the first. One pass,
/// a set of keys per open object: linear in the text.
QList<Diagnostic> duplicateKeys(const QByteArray &json)
{
    QList<Diagnostic> out;
    struct Open
    {
        bool isObject = false;
        QHash<QByteArray, int> lineOfKey;
    };
    QList<Open> stack;
    int line = 1;
    bool expectKey = false; // inside an object, before a key
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json.at(i);
        switch (c) {
        case '\n':
            ++line;
            break;
        case '{':
            stack.append(Open { true, {} });
            expectKey = true;
            break;
        case '[':
            stack.append(Open { false, {} });
            expectKey = false;
            break;
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            expectKey = false;
            break;
        case ',':
            expectKey = !stack.isEmpty() && stack.constLast().isObject;
            break;
        case '"': {
            const qsizetype start = i + 1;
            bool escaped = false;
            ++i;
            for (; i < n && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\') {
                    escaped = true;
                    ++i; // skip the escaped character (a string holds no raw newline)
                }
            }
            if (!expectKey || stack.isEmpty())
                break;
            expectKey = false;
            QByteArray key = json.mid(start, i - start);
            if (escaped) {
                // Compare keys as JSON decodes them: "a" and "\u0061" are the same key.
                const QJsonDocument decoded = QJsonDocument::fromJson('[' + json.mid(start - 1, i - start + 2) + ']');
                key = decoded.array().at(0).toString().toUtf8();
            }
            QHash<QByteArray, int> &keys = stack.last().lineOfKey;
            if (const auto it = keys.constFind(key); it != keys.cend())
                out.append({ Diagnostic::Severity::Error, QStringLiteral("%1").arg(line),
                    QStringLiteral("duplicate key \"%1\" (also on line %2): JSON keeps only the last one, "
                                   "so the first would be lost")
                        .arg(QString::fromUtf8(key))
                        .arg(it.value()) });
            else
                keys.insert(key, line);
            break;
        }
        default:
            break;
        }
    }
    return out;
}

} // namespace

ScenarioReadResult scenarioFromJson(const QByteArray &json, const QString &origin)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        ScenarioReadResult result;
        const QString where
            = origin.isEmpty() ? lineColumn(json, error.offset) : origin + u':' + lineColumn(json, error.offset);
        result.diagnostics.append(
            { Diagnostic::Severity::Error, where, QStringLiteral("not valid JSON: ") + error.errorString() });
        return result;
    }
    if (!doc.isObject()) {
        ScenarioReadResult result;
        result.diagnostics.append(
            { Diagnostic::Severity::Error, origin, QStringLiteral("a scenario must be a JSON object") });
        return result;
    }
    if (QList<Diagnostic> duplicates = duplicateKeys(json); !duplicates.isEmpty()) {
        ScenarioReadResult result;
        for (Diagnostic &d : duplicates)
            d.where = origin.isEmpty() ? QString(QStringLiteral("line ") + d.where) : QString(origin + u':' + d.where);
        result.diagnostics = duplicates;
        return result;
    }
    ScenarioReadResult result = scenarioFromJsonObject(doc.object());
    if (!origin.isEmpty()) {
        for (Diagnostic &d : result.diagnostics)
            d.where = d.where.isEmpty() ? origin : origin + u':' + d.where;
    }
    return result;
}

QJsonObject scenarioToJsonObject(const Scenario &sc)
{
    QJsonObject o;
    o.insert(QStringLiteral("fleetplan_scenario"), scenarioFormatVersionOf(sc));
    o.insert(QStringLiteral("name"), sc.name);
    o.insert(QStringLiteral("region"), sc.region);
    o.insert(QStringLiteral("period"),
        sc.periodInDays ? QJsonObject { { QStringLiteral("days"), sc.periodHours / 24 } }
                        : QJsonObject { { QStringLiteral("hours"), sc.periodHours } });
    o.insert(QStringLiteral("notes"), sc.notes);
    QJsonArray profiles;
    for (const LoadProfile &lp : sc.loadProfiles) {
        QJsonArray hourly;
        for (double v : lp.hourly)
            hourly.append(v);
        profiles.append(QJsonObject { { QStringLiteral("name"), lp.name }, { QStringLiteral("hourly"), hourly } });
    }
    o.insert(QStringLiteral("load_profiles"), profiles);
    QJsonArray services;
    for (const Service &s : sc.services)
        services.append(writeService(s));
    o.insert(QStringLiteral("services"), services);
    QJsonObject platforms;
    const PlatformSettings defaults = defaultPlatformSettings()[static_cast<std::size_t>(PlatformId::AppRunner)];
    for (PlatformId id : AllPlatforms) {
        // App Runner's block only when it differs from the default (off), so version-1 documents stay as
        // they were.
        if (id == PlatformId::AppRunner && sc.platform(id) == defaults)
            continue;
        QJsonObject p;
        PlatformSettings copy = sc.platform(id);
        visitAllPlatformFields(id, copy, PlatformWriter { p });
        platforms.insert(toId(id), p);
    }
    o.insert(QStringLiteral("platforms"), platforms);
    o.insert(QStringLiteral("purchase"),
        QJsonObject { { QStringLiteral("spot_share"), sc.purchase.spotShare },
            { QStringLiteral("savings_plan_usd_per_hour"), sc.purchase.savingsPlanUsdPerHour },
            { QStringLiteral("savings_plan_type"), toId(sc.purchase.savingsPlanType) },
            { QStringLiteral("savings_plan_term_years"), sc.purchase.savingsPlanTermYears },
            { QStringLiteral("savings_plan_payment"), sc.purchase.savingsPlanPayment } });
    // Written only when set, so documents without them stay as they were (and stay version 1).
    if (sc.registry != RegistrySettings {})
        o.insert(QStringLiteral("registry"), registryToJson(sc.registry));
    if (sc.network != NetworkSettings {})
        o.insert(QStringLiteral("network"), networkToJson(sc.network));
    // Written only when there are some, so documents without commitments stay as they were.
    if (!sc.commitments.isEmpty()) {
        QJsonArray ris;
        for (const ReservedInstanceHolding &ri : sc.commitments.reservedInstances)
            ris.append(QJsonObject { { QStringLiteral("instance_type"), ri.instanceType },
                { QStringLiteral("region"), ri.region }, { QStringLiteral("count"), ri.count },
                { QStringLiteral("term_years"), ri.termYears }, { QStringLiteral("payment"), ri.payment },
                { QStringLiteral("offering_class"), toId(ri.offeringClass) } });
        QJsonArray sps;
        for (const SavingsPlanHolding &sp : sc.commitments.savingsPlans)
            sps.append(QJsonObject { { QStringLiteral("type"), toId(sp.type) }, { QStringLiteral("family"), sp.family },
                { QStringLiteral("region"), sp.region }, { QStringLiteral("usd_per_hour"), sp.usdPerHour },
                { QStringLiteral("term_years"), sp.termYears }, { QStringLiteral("payment"), sp.payment } });
        o.insert(QStringLiteral("existing_commitments"),
            QJsonObject { { QStringLiteral("reserved_instances"), ris }, { QStringLiteral("savings_plans"), sps } });
    }
    return o;
}

int scenarioFormatVersionOf(const Scenario &sc)
{
    const PlatformSettings defaults = defaultPlatformSettings()[static_cast<std::size_t>(PlatformId::AppRunner)];
    if (sc.platform(PlatformId::AppRunner) != defaults || sc.registry != RegistrySettings {}
        || sc.network != NetworkSettings {} || sc.platform(PlatformId::EksNodes).eksAnywhere)
        return 2;
    for (const Service &s : sc.services) {
        if (s.hasRequestLoad() || !s.deployment.isDefault() || s.appRunnerSize.isSet())
            return 2;
    }
    return 1;
}

QByteArray scenarioToJson(const Scenario &scenario)
{
    return QJsonDocument(scenarioToJsonObject(scenario)).toJson(QJsonDocument::Indented);
}

ScenarioReadResult readScenarioFile(const QString &path)
{
    if (path.endsWith(QStringLiteral(".fleetplan"), Qt::CaseInsensitive))
        return readScenarioDocument(path);
    QFile file;
    bool opened = false;
    if (path == QStringLiteral("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    const QString origin = path == QStringLiteral("-") ? QStringLiteral("<stdin>") : path;
    if (!opened) {
        ScenarioReadResult result;
        result.diagnostics.append(
            { Diagnostic::Severity::Error, path, QStringLiteral("cannot open: ") + file.errorString() });
        return result;
    }
    QByteArray bytes;
    QString why;
    if (!readAtMost(file, MaxScenarioBytes, &bytes, &why)) {
        ScenarioReadResult result;
        result.diagnostics.append(
            { Diagnostic::Severity::Error, origin, QStringLiteral("cannot read the scenario: ") + why });
        return result;
    }
    return scenarioFromJson(bytes, origin);
}

bool writeScenarioFile(const Scenario &scenario, const QString &path, QString *error)
{
    if (path.endsWith(QStringLiteral(".fleetplan"), Qt::CaseInsensitive))
        return writeScenarioDocument(scenario, path, error);
    QString reason;
    if (!writeFileAtomically(path, scenarioToJson(scenario), &reason)) {
        if (error)
            *error = QStringLiteral("cannot save %1: %2; the previous file was kept").arg(path, reason);
        return false;
    }
    return true;
}

Scenario bundledSampleScenario()
{
    QFile file(QStringLiteral(":/fleetplan/samples/online-shop.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("bundled sample scenario missing from resources");
    ScenarioReadResult result = scenarioFromJson(file.readAll(), QStringLiteral("online-shop.json"));
    if (!result.scenario)
        qFatal("bundled sample scenario does not parse: %s", qPrintable(result.errorText()));
    return *result.scenario;
}

} // namespace fleetplan::models
