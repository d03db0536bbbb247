// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/ecsimporter.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

#include "models/workload/validation.h"

namespace fleetplan::models {

namespace {

struct TaskDefinition
{
    QString origin;
    QString family;
    int revision = 0;
    QString arn;
    Service service; ///< size, platform, network; name = family, one replica
    bool used = false; ///< referenced by a service of the batch
};

struct EcsService
{
    QString origin;
    QString path;
    QString name;
    QString cluster;
    QString taskDefinition;
    int desiredCount = 0;
    bool daemon = false;
    bool spot = false;
    bool onePerNode = false; ///< placementConstraints holds distinctInstance
    DeploymentSettings deployment; ///< deploymentConfiguration / deploymentController; none when absent
};

struct ScalableTarget
{
    QString origin;
    QString path;
    QString cluster;
    QString service;
    int minCapacity = 0;
    int maxCapacity = 0;
};

/// A copy of `value` without the object members whose value is JSON `null`, at any depth: the console's
/// JSON export writes `"memory": null` for a field that is not set, and null means absent everywhere in
/// ECS input. Array elements are kept (a null container is still an error). The depth is bounded by
/// QJsonDocument's own nesting limit.
QJsonValue withoutNulls(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end();) {
            if (it.value().isNull()) {
                it = object.erase(it);
            } else {
                it.value() = withoutNulls(it.value());
                ++it;
            }
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = withoutNulls(*it);
        return array;
    }
    return value;
}

/// Last part of an ARN after `marker` ("arn:aws:ecs:...:cluster/prod" → "prod").
QString afterMarker(const QString &text, QLatin1String marker)
{
    const qsizetype at = text.indexOf(marker);
    return at < 0 ? text : text.mid(at + marker.size());
}

/// One JSON file: its objects are kept only if it records no error.
class JsonFile
{
public:
    explicit JsonFile(QString origin)
        : m_origin(std::move(origin))
    {
    }

    QList<TaskDefinition> taskDefinitions;
    QList<EcsService> services;
    QList<ScalableTarget> targets;
    QMap<QString, int> skipped;
    QList<Diagnostic> diagnostics;
    QStringList regions; ///< regions the file's ARNs name, in order, each once
    bool failed = false;

    /// Notes the region of an ARN ("arn:aws:ecs:eu-west-1:111122223333:service/..." → eu-west-1).
    void noteRegion(const QString &arn)
    {
        if (!arn.startsWith(QLatin1String("arn:")))
            return;
        const QString region = arn.section(u':', 3, 3);
        if (!region.isEmpty() && !regions.contains(region))
            regions.append(region);
    }

    QString where(const QString &path) const
    {
        return path.isEmpty() ? m_origin : m_origin + QStringLiteral(": ") + path;
    }
    void error(const QString &path, const QString &message)
    {
        failed = true;
        diagnostics.append({ Diagnostic::Severity::Error, where(path), message });
    }
    void warn(const QString &path, const QString &message)
    {
        diagnostics.append({ Diagnostic::Severity::Warning, where(path), message });
    }

    void read(const QByteArray &data)
    {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error == QJsonParseError::GarbageAtEnd) {
            // Several AWS CLI outputs piped together (`aws ecs describe-task-definition …; aws ecs
            // describe-services …`): one JSON value after another, each read as its own document.
            const QList<std::pair<qsizetype, qsizetype>> parts = topLevelValues(data);
            if (parts.size() > 1) {
                for (const auto &[begin, end] : parts) {
                    QJsonParseError partError;
                    const QJsonDocument part = QJsonDocument::fromJson(data.mid(begin, end - begin), &partError);
                    if (partError.error != QJsonParseError::NoError) {
                        failed = true;
                        diagnostics.append(
                            { Diagnostic::Severity::Error, m_origin + u':' + lineColumn(data, begin + partError.offset),
                                QStringLiteral("JSON syntax error: ") + partError.errorString() });
                        continue;
                    }
                    readRoot(part);
                }
                return;
            }
        }
        if (parseError.error != QJsonParseError::NoError) {
            failed = true;
            diagnostics.append({ Diagnostic::Severity::Error, m_origin + u':' + lineColumn(data, parseError.offset),
                QStringLiteral("JSON syntax error: ") + parseError.errorString() });
            return;
        }
        readRoot(doc);
    }

    /// Where each top-level JSON value of `data` begins and ends (objects and arrays, as the AWS CLI prints
    /// them one after another); one part for anything else, which the parser then reports.
    static QList<std::pair<qsizetype, qsizetype>> topLevelValues(const QByteArray &data)
    {
        QList<std::pair<qsizetype, qsizetype>> parts;
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        qsizetype begin = -1;
        for (qsizetype i = 0; i < data.size(); ++i) {
            const char c = data.at(i);
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (depth++ == 0)
                    begin = i;
            } else if (c == '}' || c == ']') {
                if (--depth == 0 && begin >= 0) {
                    parts.append({ begin, i + 1 });
                    begin = -1;
                } else if (depth < 0) {
                    return { { 0, data.size() } };
                }
            } else if (depth == 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return { { 0, data.size() } }; // text between values: not a stream of documents
            }
        }
        if (depth != 0)
            parts.append({ begin < 0 ? 0 : begin, data.size() }); // the unterminated last one, for its error
        return parts;
    }

    void readRoot(const QJsonDocument &doc)
    {
        if (!doc.isObject())
            return error(QStringLiteral("$"), QStringLiteral("expected a JSON object as the AWS CLI prints it"));
        const QJsonObject root = withoutNulls(doc.object()).toObject();
        if (root.value(u"taskDefinition").isObject())
            return readTaskDefinition(root.value(u"taskDefinition").toObject(), QStringLiteral("$.taskDefinition"));
        if (root.contains(u"containerDefinitions"))
            return readTaskDefinition(root, QStringLiteral("$"));
        if (root.contains(u"services"))
            return readServices(root);
        if (root.contains(u"ScalableTargets"))
            return readScalableTargets(root);
        error(QStringLiteral("$"),
            QStringLiteral("not an ECS task definition, describe-services or describe-scalable-targets "
                           "output: expected the key taskDefinition, containerDefinitions, services or "
                           "ScalableTargets"));
    }

private:
    QString m_origin;

    /// A whole number of minimum to maximum (JSON number or numeric string); nullopt (with an error naming
    /// the field) otherwise. The default maximum, 10^9, only keeps the value an int; fields with a real
    /// limit pass it (validation.h).
    std::optional<int> readInt(
        const QJsonObject &object, const QString &key, const QString &path, int minimum, int maximum = 1000000000)
    {
        const QJsonValue v = object.value(key);
        double d = std::nan("");
        if (v.isDouble())
            d = v.toDouble();
        else if (v.isString())
            d = v.toString().trimmed().toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || d < minimum) {
            error(path + u'.' + key, QStringLiteral("must be a whole number of at least %1").arg(minimum));
            return std::nullopt;
        }
        if (d > maximum) {
            error(path + u'.' + key,
                QStringLiteral("%1 is above the limit of %2").arg(QString::number(d, 'g', 12)).arg(maximum));
            return std::nullopt;
        }
        return int(d);
    }

    QString readString(const QJsonObject &object, const QString &key, const QString &path, bool required)
    {
        const QJsonValue v = object.value(key);
        if (v.isString())
            return v.toString();
        if (required || !(v.isUndefined() || v.isNull()))
            error(path + u'.' + key,
                required && v.isUndefined() ? QStringLiteral("is required") : QStringLiteral("must be a string"));
        return {};
    }

    /// Task-level cpu: CPU units ("1024") or vCPU ("1 vCPU"), as register-task-definition accepts.
    std::optional<double> readTaskCpu(const QJsonValue &v, const QString &path)
    {
        static const QRegularExpression vcpu(
            QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*vcpu\\s*$"), QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression units(QStringLiteral("^\\s*(\\d+)\\s*$"));
        const QString text = v.isDouble() ? QString::number(v.toDouble(), 'g', 12) : v.toString();
        if (const auto m = vcpu.match(text); m.hasMatch()) {
            if (const double v = m.captured(1).toDouble(); v <= MaxTaskVcpu)
                return v;
            error(path, QStringLiteral("\"%1\" is above the limit of %2 vCPU").arg(text).arg(MaxTaskVcpu));
            return std::nullopt;
        }
        if (const auto m = units.match(text); m.hasMatch() && m.captured(1).size() < 9)
            return m.captured(1).toDouble() / 1024.0;
        error(path, QStringLiteral("\"%1\" is not a task CPU size (CPU units such as 1024, or \"1 vCPU\")").arg(text));
        return std::nullopt;
    }

    /// Task-level memory: MiB ("2048") or GB ("2 GB" = 2048 MiB), as register-task-definition accepts.
    std::optional<double> readTaskMemory(const QJsonValue &v, const QString &path)
    {
        static const QRegularExpression gb(
            QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*gb\\s*$"), QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression mib(QStringLiteral("^\\s*(\\d+)\\s*$"));
        const QString text = v.isDouble() ? QString::number(v.toDouble(), 'g', 12) : v.toString();
        std::optional<double> mibValue;
        if (const auto m = gb.match(text); m.hasMatch() && m.captured(1).size() < 9)
            mibValue = m.captured(1).toDouble() * 1024.0;
        else if (const auto m = mib.match(text); m.hasMatch() && m.captured(1).size() < 10)
            mibValue = m.captured(1).toDouble();
        if (mibValue && *mibValue > MaxTaskMemoryMib) {
            error(
                path, QStringLiteral("\"%1\" is above the limit of %2 MiB").arg(text).arg(MaxTaskMemoryMib, 0, 'f', 0));
            return std::nullopt;
        }
        if (mibValue)
            return mibValue;
        error(path, QStringLiteral("\"%1\" is not a task memory size (MiB such as 2048, or \"2 GB\")").arg(text));
        return std::nullopt;
    }

    void readTaskDefinition(const QJsonObject &td, const QString &path)
    {
        TaskDefinition def;
        def.origin = m_origin;
        def.family = readString(td, QStringLiteral("family"), path, true);
        def.arn = readString(td, QStringLiteral("taskDefinitionArn"), path, false);
        noteRegion(def.arn);
        if (td.contains(u"revision")) {
            const auto revision = readInt(td, QStringLiteral("revision"), path, 1);
            def.revision = revision.value_or(0);
        }
        Service &s = def.service;
        s.name = def.family;
        s.replicas = 1;

        QStringList compatibilities;
        const QJsonValue compat = td.value(u"requiresCompatibilities");
        if (!compat.isUndefined() && !compat.isArray())
            error(path + QStringLiteral(".requiresCompatibilities"),
                QStringLiteral("must be a list such as [\"FARGATE\"]"));
        for (const QJsonValue &c : compat.toArray())
            compatibilities << c.toString();
        const bool fargate = compatibilities.contains(QStringLiteral("FARGATE"));

        // Network mode: Fargate requires awsvpc; on EC2 Linux the default is bridge (TaskDefinition.networkMode).
        const QString mode = readString(td, QStringLiteral("networkMode"), path, false);
        if (mode.isEmpty())
            s.networkMode = fargate ? NetworkMode::Awsvpc : NetworkMode::Bridge;
        else if (mode == u"awsvpc")
            s.networkMode = NetworkMode::Awsvpc;
        else if (mode == u"bridge" || mode == u"default" || mode == u"none")
            s.networkMode = NetworkMode::Bridge;
        else if (mode == u"host")
            s.networkMode = NetworkMode::Host;
        else
            error(path + QStringLiteral(".networkMode"),
                QStringLiteral("\"%1\" is not awsvpc, bridge, host, none or default").arg(mode));

        const QJsonObject platform = td.value(u"runtimePlatform").toObject();
        const QString arch = platform.value(u"cpuArchitecture").toString();
        if (arch == u"ARM64")
            s.arch = Arch::Arm64;
        else if (!arch.isEmpty() && arch != u"X86_64")
            error(path + QStringLiteral(".runtimePlatform.cpuArchitecture"),
                QStringLiteral("\"%1\" is not X86_64 or ARM64").arg(arch));
        const QString os = platform.value(u"operatingSystemFamily").toString();
        if (os.startsWith(QLatin1String("WINDOWS")))
            s.os = OsFamily::Windows;
        else if (!os.isEmpty() && os != u"LINUX")
            error(path + QStringLiteral(".runtimePlatform.operatingSystemFamily"),
                QStringLiteral("\"%1\" is not LINUX or WINDOWS_SERVER_...").arg(os));

        const QJsonValue ephemeral = td.value(u"ephemeralStorage");
        if (ephemeral.isObject()) {
            const auto gib = readInt(
                ephemeral.toObject(), QStringLiteral("sizeInGiB"), path + QStringLiteral(".ephemeralStorage"), 1);
            if (gib)
                s.ephemeralGib = *gib;
        }

        std::optional<double> taskCpu;
        std::optional<double> taskMemory;
        if (const QJsonValue v = td.value(u"cpu"); !v.isUndefined() && !v.isNull())
            taskCpu = readTaskCpu(v, path + QStringLiteral(".cpu"));
        if (const QJsonValue v = td.value(u"memory"); !v.isUndefined() && !v.isNull())
            taskMemory = readTaskMemory(v, path + QStringLiteral(".memory"));
        if (fargate && (!td.contains(u"cpu") || !td.contains(u"memory")))
            error(path, QStringLiteral("a FARGATE task definition needs task-level cpu and memory"));

        const QJsonValue containers = td.value(u"containerDefinitions");
        const QString cpath = path + QStringLiteral(".containerDefinitions");
        if (!containers.isArray() || containers.toArray().isEmpty())
            return error(cpath, QStringLiteral("must be a non-empty list of container definitions"));
        const QJsonArray list = containers.toArray();
        double sumCpu = 0;
        double sumMemory = 0;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString p = cpath + QStringLiteral("[%1]").arg(i);
            if (!list.at(i).isObject()) {
                error(p, QStringLiteral("must be a container definition object"));
                continue;
            }
            const QJsonObject c = list.at(i).toObject();
            Container container;
            container.name = readString(c, QStringLiteral("name"), p, false);
            if (c.contains(u"cpu"))
                container.cpu = readInt(c, QStringLiteral("cpu"), p, 0).value_or(0) / 1024.0;
            std::optional<int> hard;
            std::optional<int> soft;
            if (c.contains(u"memory"))
                hard = readInt(c, QStringLiteral("memory"), p, 1);
            if (c.contains(u"memoryReservation"))
                soft = readInt(c, QStringLiteral("memoryReservation"), p, 1);
            // ContainerDefinition.memoryReservation: "If you specify memoryReservation, then that value is
            // subtracted from the available memory resources for the container instance ... Otherwise, the
            // value of memory is used."
            container.memoryMib = soft ? *soft : hard.value_or(0);
            if (!td.contains(u"memory") && !c.contains(u"memory") && !c.contains(u"memoryReservation"))
                error(p, QStringLiteral("needs memory or memoryReservation when the task has no task-level memory"));
            if (hard && soft && *soft > *hard)
                error(p + QStringLiteral(".memoryReservation"),
                    QStringLiteral("is larger than memory (%1 MiB)").arg(*hard));
            sumCpu += container.cpu;
            sumMemory += container.memoryMib;

            const QJsonValue ports = c.value(u"portMappings");
            if (!ports.isUndefined() && !ports.isArray())
                error(p + QStringLiteral(".portMappings"), QStringLiteral("must be a list"));
            const QJsonArray portList = ports.toArray();
            for (qsizetype j = 0; j < portList.size() && s.hostPort == 0; ++j) {
                const QJsonObject pm = portList.at(j).toObject();
                const QString pp = p + QStringLiteral(".portMappings[%1]").arg(j);
                int hostPort = 0;
                if (pm.contains(u"hostPort"))
                    hostPort = readInt(pm, QStringLiteral("hostPort"), pp, 0, 65535).value_or(0);
                // Host mode publishes the container port itself; awsvpc has no host port to collide on.
                if (s.networkMode == NetworkMode::Host && hostPort == 0 && pm.contains(u"containerPort"))
                    hostPort = readInt(pm, QStringLiteral("containerPort"), pp, 0, 65535).value_or(0);
                if (s.networkMode != NetworkMode::Awsvpc)
                    s.hostPort = hostPort;
            }
            // ContainerDefinition.resourceRequirements type GPU: "The number of physical GPUs the Amazon ECS
            // container agent reserves for the container"; the task needs the sum of its containers.
            const QJsonValue requirements = c.value(u"resourceRequirements");
            if (!requirements.isUndefined() && !requirements.isArray())
                error(p + QStringLiteral(".resourceRequirements"), QStringLiteral("must be a list"));
            const QJsonArray requirementList = requirements.toArray();
            for (qsizetype j = 0; j < requirementList.size(); ++j) {
                const QJsonObject rr = requirementList.at(j).toObject();
                if (rr.value(u"type").toString() != u"GPU")
                    continue;
                if (const auto gpus = readInt(
                        rr, QStringLiteral("value"), p + QStringLiteral(".resourceRequirements[%1]").arg(j), 0, 64)) {
                    s.gpus += *gpus;
                    s.accelerator = Accelerator::NvidiaGpu;
                }
            }
            s.containers.append(container);
        }
        if (fargate && s.gpus > 0)
            warn(path,
                QStringLiteral("%1 GPU(s) per task: Fargate has no GPUs, so the Fargate platforms cannot run it")
                    .arg(s.gpus));
        if (taskCpu || taskMemory) {
            // Task-level values are the task size; the container split no longer determines it.
            s.containers.clear();
            s.cpu = taskCpu.value_or(sumCpu);
            s.memoryMib = taskMemory.value_or(sumMemory);
            if (taskMemory && sumMemory > *taskMemory)
                error(path + QStringLiteral(".memory"),
                    QStringLiteral("%1 MiB is less than its containers reserve (%2 MiB)")
                        .arg(*taskMemory)
                        .arg(sumMemory));
        } else {
            s.cpu = s.effectiveCpu();
            s.memoryMib = s.effectiveMemoryMib();
        }
        if (s.cpu <= 0) {
            // ECS on EC2 reserves nothing for such a task; a plan needs a size: the smallest Fargate task,
            // 256 CPU units (TaskDefinition.cpu, "Task size").
            if (s.containers.isEmpty())
                s.cpu = 0.25;
            else
                s.containers.first().cpu = 0.25;
            s.cpu = s.effectiveCpu();
            warn(path,
                QStringLiteral("no CPU reserved (no task-level cpu, no container cpu): planned with 0.25 vCPU, "
                               "the smallest Fargate task"));
        }
        const QString revision = def.revision > 0 ? u':' + QString::number(def.revision) : QString();
        s.source = m_origin + QStringLiteral(": TaskDefinition/") + def.family + revision;
        taskDefinitions.append(def);
    }

    void readServices(const QJsonObject &root)
    {
        const QJsonValue list = root.value(u"services");
        if (!list.isArray())
            return error(QStringLiteral("$.services"), QStringLiteral("must be a list of services"));
        const QJsonArray array = list.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = QStringLiteral("$.services[%1]").arg(i);
            if (!array.at(i).isObject()) {
                error(path, QStringLiteral("must be a service object"));
                continue;
            }
            const QJsonObject o = array.at(i).toObject();
            EcsService svc;
            svc.origin = m_origin;
            svc.path = path;
            svc.name = readString(o, QStringLiteral("serviceName"), path, true);
            svc.taskDefinition = readString(o, QStringLiteral("taskDefinition"), path, true);
            const QString clusterArn = readString(o, QStringLiteral("clusterArn"), path, false);
            noteRegion(clusterArn);
            noteRegion(o.value(u"serviceArn").toString());
            noteRegion(svc.taskDefinition);
            svc.cluster = afterMarker(clusterArn, QLatin1String(":cluster/"));
            svc.daemon = o.value(u"schedulingStrategy").toString() == u"DAEMON";
            if (!svc.daemon)
                svc.desiredCount = readInt(o, QStringLiteral("desiredCount"), path, 0, MaxReplicas).value_or(0);
            const QJsonValue strategy = o.value(u"capacityProviderStrategy");
            if (!strategy.isUndefined() && !strategy.isArray())
                error(path + QStringLiteral(".capacityProviderStrategy"), QStringLiteral("must be a list"));
            for (const QJsonValue &item : strategy.toArray()) {
                const QJsonObject entry = item.toObject();
                if (entry.value(u"capacityProvider").toString() == u"FARGATE_SPOT"
                    && (entry.value(u"weight").toDouble() > 0 || entry.value(u"base").toDouble() > 0))
                    svc.spot = true;
            }
            // distinctInstance: "each task in a particular group is running on a different container
            // instance" (ECS developer guide, task placement constraints).
            for (const QJsonValue &item : o.value(u"placementConstraints").toArray())
                svc.onePerNode = svc.onePerNode || item.toObject().value(u"type").toString() == u"distinctInstance";
            readDeployment(o, path, svc.deployment);
            services.append(svc);
        }
        for (const QJsonValue &f : root.value(u"failures").toArray())
            warn(QStringLiteral("$.failures"),
                QStringLiteral("AWS reported %1 for %2")
                    .arg(f.toObject().value(u"reason").toString(), f.toObject().value(u"arn").toString()));
    }

    /// deploymentController and deploymentConfiguration of a service (ECS API reference, Service): type ECS
    /// (the default) is a rolling update whose maximumPercent (default 200) and minimumHealthyPercent (default
    /// 100) map onto max surge = maximumPercent − 100 % and max unavailable = 100 − minimumHealthyPercent %;
    /// CODE_DEPLOY is blue/green; EXTERNAL is left unmodelled with a warning. Only set when either key is
    /// there; the frequency is not in the API's output, so it stays 0 (nothing priced; docs/import.md).
    void readDeployment(const QJsonObject &o, const QString &path, DeploymentSettings &out)
    {
        const QJsonValue controller = o.value(u"deploymentController");
        const QJsonValue configuration = o.value(u"deploymentConfiguration");
        const bool hasController = controller.isObject(), hasConfiguration = configuration.isObject();
        if (!hasController && !hasConfiguration)
            return;
        const QString type = controller.toObject().value(u"type").toString(QStringLiteral("ECS"));
        DeploymentSettings d;
        if (type == u"CODE_DEPLOY") {
            d.strategy = DeploymentStrategy::BlueGreen;
        } else if (type == u"ECS") {
            d.strategy = DeploymentStrategy::Rolling;
            const QJsonObject c = configuration.toObject();
            const QString where = path + QStringLiteral(".deploymentConfiguration");
            const auto percent = [&](const QString &key, int fallback, int maximum) {
                return c.contains(key) ? readInt(c, key, where, 0, maximum) : std::optional<int>(fallback);
            };
            const auto maximum = percent(QStringLiteral("maximumPercent"), 200, 1000 + 100);
            const auto minimum = percent(QStringLiteral("minimumHealthyPercent"), 100, 100);
            if (!maximum || !minimum)
                return;
            const int maxPercent = *maximum, minHealthy = *minimum;
            if (maxPercent < 100) {
                error(where + QStringLiteral(".maximumPercent"),
                    QStringLiteral("%1 % is below 100 %: a rolling update could never start a task").arg(maxPercent));
                return;
            }
            d.maxSurge = maxPercent - 100;
            d.maxUnavailable = 100 - minHealthy;
        } else {
            warn(path + QStringLiteral(".deploymentController"),
                QStringLiteral("deployment controller %1 is not modelled; no deployment strategy imported").arg(type));
            return;
        }
        out = d;
    }

    void readScalableTargets(const QJsonObject &root)
    {
        const QJsonValue list = root.value(u"ScalableTargets");
        if (!list.isArray())
            return error(QStringLiteral("$.ScalableTargets"), QStringLiteral("must be a list of scalable targets"));
        const QJsonArray array = list.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = QStringLiteral("$.ScalableTargets[%1]").arg(i);
            const QJsonObject o = array.at(i).toObject();
            const QString ns = o.value(u"ServiceNamespace").toString();
            if (ns != u"ecs" || o.value(u"ScalableDimension").toString() != u"ecs:service:DesiredCount") {
                ++skipped[QStringLiteral("ScalableTarget (%1)")
                              .arg(ns.isEmpty() ? QStringLiteral("no namespace") : ns)];
                continue;
            }
            const QString resource = readString(o, QStringLiteral("ResourceId"), path, true);
            const QStringList parts = resource.split(u'/');
            if (parts.size() != 3 || parts.at(0) != u"service") {
                error(path + QStringLiteral(".ResourceId"),
                    QStringLiteral("\"%1\" is not service/CLUSTER/SERVICE").arg(resource));
                continue;
            }
            ScalableTarget t;
            t.origin = m_origin;
            t.path = path;
            t.cluster = parts.at(1);
            t.service = parts.at(2);
            const auto minCapacity = readInt(o, QStringLiteral("MinCapacity"), path, 0, MaxReplicas);
            const auto maxCapacity = readInt(o, QStringLiteral("MaxCapacity"), path, 0, MaxReplicas);
            if (!minCapacity || !maxCapacity)
                continue;
            if (*maxCapacity < *minCapacity) {
                error(path + QStringLiteral(".MaxCapacity"),
                    QStringLiteral("is less than MinCapacity (%1)").arg(*minCapacity));
                continue;
            }
            t.minCapacity = *minCapacity;
            t.maxCapacity = *maxCapacity;
            targets.append(t);
        }
    }
};

/// The task definition a service names: by ARN, by "family:revision", or by family (highest revision).
/// A task definition without a revision (register-task-definition input) matches any revision of its family.
TaskDefinition *findTaskDefinition(QList<TaskDefinition> &defs, const QString &reference)
{
    for (TaskDefinition &d : defs) {
        if (!d.arn.isEmpty() && d.arn == reference)
            return &d;
    }
    const QString familyRevision = afterMarker(reference, QLatin1String(":task-definition/"));
    const qsizetype colon = familyRevision.lastIndexOf(u':');
    const QString family = colon < 0 ? familyRevision : familyRevision.left(colon);
    bool hasRevision = false;
    const int revision = colon < 0 ? 0 : familyRevision.mid(colon + 1).toInt(&hasRevision);
    TaskDefinition *best = nullptr;
    for (TaskDefinition &d : defs) {
        if (d.family != family)
            continue;
        if (hasRevision && d.revision == revision)
            return &d;
        if ((!hasRevision || d.revision == 0) && (!best || d.revision > best->revision))
            best = &d;
    }
    return best;
}

/// One task definition given twice: as register-task-definition input (no revision) and as the
/// describe-task-definition output of what was registered (family:revision), or the same family:revision
/// described twice. Both would otherwise become a service each, doubling the workload; the described one
/// is kept (it has the revision and ARN services name) and the other dropped with a warning.
void joinSameTaskDefinitions(QList<TaskDefinition> &defs, QList<Diagnostic> &diagnostics)
{
    QList<bool> drop(defs.size(), false);
    QHash<QString, qsizetype> described; // "family:revision" → first index
    QHash<QString, qsizetype> highest; // family → index of its highest described revision
    for (qsizetype i = 0; i < defs.size(); ++i) {
        const TaskDefinition &d = defs.at(i);
        if (d.revision <= 0)
            continue;
        const QString key = d.family + u':' + QString::number(d.revision);
        if (const auto it = described.constFind(key); it != described.cend()) {
            diagnostics.append({ Diagnostic::Severity::Warning, d.service.source,
                QStringLiteral("task definition %1 is also given in %2; imported once")
                    .arg(key, defs.at(*it).origin) });
            drop[i] = true;
            continue;
        }
        described.insert(key, i);
        const auto h = highest.constFind(d.family);
        if (h == highest.cend() || defs.at(*h).revision < d.revision)
            highest.insert(d.family, i);
    }
    for (qsizetype i = 0; i < defs.size(); ++i) {
        const TaskDefinition &d = defs.at(i);
        const auto h = highest.constFind(d.family);
        if (d.revision > 0 || h == highest.cend())
            continue;
        diagnostics.append({ Diagnostic::Severity::Warning, d.service.source,
            QStringLiteral("register input of task definition family %1, which %2 describes as %1:%3; "
                           "imported once, from the described revision")
                .arg(d.family, defs.at(*h).origin)
                .arg(defs.at(*h).revision) });
        drop[i] = true;
    }
    QList<TaskDefinition> kept;
    for (qsizetype i = 0; i < defs.size(); ++i) {
        if (!drop.at(i))
            kept.append(defs.at(i));
    }
    defs = kept;
}

} // namespace

ImportResult importEcs(const QList<ImportInput> &inputs)
{
    ImportResult result;
    QList<TaskDefinition> defs;
    QList<EcsService> services;
    QList<ScalableTarget> targets;
    QStringList regionOrder;
    QHash<QString, QStringList> regionOrigins;
    for (const ImportInput &input : inputs) {
        JsonFile file(input.origin);
        file.read(input.data);
        if (file.failed) {
            for (const Diagnostic &d : std::as_const(file.diagnostics)) {
                if (d.isError())
                    result.diagnostics.append(d);
            }
            result.failedFiles.append(input.origin);
            continue;
        }
        result.diagnostics += file.diagnostics;
        for (const QString &region : std::as_const(file.regions)) {
            if (!regionOrigins.contains(region))
                regionOrder.append(region);
            regionOrigins[region].append(input.origin);
        }
        defs += file.taskDefinitions;
        services += file.services;
        targets += file.targets;
        for (auto it = file.skipped.cbegin(); it != file.skipped.cend(); ++it)
            result.skippedKinds[it.key()] += it.value();
        result.importedFiles.append(input.origin);
    }

    joinSameTaskDefinitions(defs, result.diagnostics);
    if (!regionOrder.isEmpty()) {
        result.region = regionOrder.constFirst();
        if (regionOrder.size() > 1) {
            QStringList parts;
            for (const QString &region : std::as_const(regionOrder))
                parts << QStringLiteral("%1 (%2)").arg(region, regionOrigins.value(region).join(QStringLiteral(", ")));
            result.diagnostics.append({ Diagnostic::Severity::Warning, QString(),
                QStringLiteral("the ARNs name %1 regions: %2; a scenario has one region, %3 is used")
                    .arg(regionOrder.size())
                    .arg(parts.join(QStringLiteral("; ")), result.region) });
        }
    }

    QList<bool> targetUsed(targets.size(), false);
    for (const EcsService &svc : std::as_const(services)) {
        TaskDefinition *def = findTaskDefinition(defs, svc.taskDefinition);
        if (!def) {
            result.diagnostics.append({ Diagnostic::Severity::Error,
                svc.origin + QStringLiteral(": ") + svc.path + QStringLiteral(".taskDefinition"),
                QStringLiteral("service %1 uses task definition %2, which is not among the files "
                               "given (add its describe-task-definition output); service not imported")
                    .arg(svc.name, svc.taskDefinition) });
            continue;
        }
        def->used = true;
        Service s = def->service;
        s.name = svc.name;
        s.kind = svc.daemon ? ServiceKind::Daemon : ServiceKind::Service;
        s.replicas = svc.daemon ? 1 : svc.desiredCount;
        s.spotOk = svc.spot;
        s.onePerNode = svc.onePerNode;
        s.deployment = svc.deployment;
        s.source = svc.origin + QStringLiteral(": Service/") + svc.name + QStringLiteral(" (task definition from ")
            + def->service.source + u')';
        for (qsizetype i = 0; i < targets.size(); ++i) {
            const ScalableTarget &t = targets.at(i);
            if (t.service != svc.name || (!svc.cluster.isEmpty() && t.cluster != svc.cluster))
                continue;
            s.minReplicas = t.minCapacity;
            s.maxReplicas = t.maxCapacity;
            s.replicas = std::clamp(s.replicas, t.minCapacity, t.maxCapacity);
            targetUsed[i] = true;
        }
        result.services.append(s);
    }
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (!targetUsed.at(i))
            result.diagnostics.append(
                { Diagnostic::Severity::Warning, targets.at(i).origin + QStringLiteral(": ") + targets.at(i).path,
                    QStringLiteral("scalable target service/%1/%2 matches no service of the batch; ignored")
                        .arg(targets.at(i).cluster, targets.at(i).service) });
    }
    for (const TaskDefinition &def : std::as_const(defs)) {
        if (!def.used)
            result.services.append(def.service);
    }
    makeServiceNamesUnique(result);
    return result;
}

ImportResult importEcsPaths(const QStringList &paths)
{
    return importPaths(paths, &importEcs);
}

} // namespace fleetplan::models
