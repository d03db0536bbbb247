// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/terraformimporter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include "models/import/infraimport.h"

namespace fleetplan::models {

namespace {

/// Resources read per file, and modules nested at most this deep: hostile input stays bounded.
constexpr int kMaxResources = 50000;
constexpr int kMaxModuleDepth = 16;
/// Depth of a Kubernetes resource's blocks translated into a manifest.
constexpr int kMaxBlockDepth = 64;

struct Resource
{
    QString address; ///< "module.app.aws_ecs_service.web[0]"
    QString type;
    QString path; ///< JSON path of its values
    QJsonObject values;
    QJsonValue unknown; ///< a plan's after_unknown (true where a value is known only after apply)
};

/// "module.app.aws_ecs_service.web[0]" → "module.app.aws_ecs_service.web" (the configuration's address).
QString withoutIndex(const QString &address)
{
    if (!address.endsWith(u']'))
        return address;
    const qsizetype open = address.lastIndexOf(u'[');
    return open < 0 ? address : address.left(open);
}

/// "module.app.aws_ecs_service.web" → "module.app." (where references in its configuration are relative to).
QString modulePrefix(const QString &address, const QString &type)
{
    const qsizetype at = address.indexOf(type + u'.');
    return at <= 0 ? QString() : address.left(at);
}

/// The first object of a Terraform block list (`runtime_platform = [{...}]`), or the object itself.
QJsonObject block(const QJsonValue &v)
{
    if (v.isArray()) {
        const QJsonArray list = v.toArray();
        return list.isEmpty() ? QJsonObject() : list.first().toObject();
    }
    return v.toObject();
}

/// Paths below `unknown` (after_unknown) that are `true`: "container_definitions", "spec[0].replicas".
void collectUnknown(const QJsonValue &unknown, const QString &path, QStringList &out, int depth = 0)
{
    if (depth > kMaxBlockDepth || out.size() > 50)
        return;
    if (unknown.isBool() && unknown.toBool()) {
        out << path;
    } else if (unknown.isObject()) {
        const QJsonObject o = unknown.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectUnknown(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), out, depth + 1);
    } else if (unknown.isArray()) {
        const QJsonArray a = unknown.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            collectUnknown(a.at(i), path + QStringLiteral("[%1]").arg(i), out, depth + 1);
    }
}

/// snake_case → camelCase ("active_deadline_seconds" → "activeDeadlineSeconds").
QString camelCase(const QString &key)
{
    QString out;
    out.reserve(key.size());
    bool upper = false;
    for (const QChar c : key) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

/// The Kubernetes provider's blocks → the manifest's fields. The provider writes every nested block as a
/// list (`spec = [{...}]`) and names repeated blocks in the singular (`container`, `port`, `toleration`);
/// map attributes (labels, node_selector, resources' limits and requests) keep their keys.
QJsonValue toManifest(const QJsonValue &value, int depth)
{
    static const QHash<QString, QString> repeated { { QStringLiteral("container"), QStringLiteral("containers") },
        { QStringLiteral("init_container"), QStringLiteral("initContainers") },
        { QStringLiteral("port"), QStringLiteral("ports") },
        { QStringLiteral("toleration"), QStringLiteral("tolerations") },
        { QStringLiteral("node_selector_term"), QStringLiteral("nodeSelectorTerms") },
        { QStringLiteral("match_expressions"), QStringLiteral("matchExpressions") },
        { QStringLiteral("metric"), QStringLiteral("metrics") }, { QStringLiteral("env"), QStringLiteral("env") },
        { QStringLiteral("volume"), QStringLiteral("volumes") },
        { QStringLiteral("volume_mount"), QStringLiteral("volumeMounts") } };
    if (depth > kMaxBlockDepth)
        return QJsonValue();
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            const QString &key = it.key();
            const bool mapKey = key.contains(u'.') || key.contains(u'/') || key.contains(u'-');
            const auto plural = repeated.constFind(key);
            QJsonValue v = it.value();
            if (v.isNull())
                continue;
            if (v.isArray() && plural == repeated.cend()) {
                const QJsonArray list = v.toArray();
                if (list.isEmpty())
                    continue; // an absent block
                if (list.size() == 1 && list.first().isObject())
                    v = list.first(); // a block of at most one
            }
            out.insert(plural != repeated.cend() ? *plural : (mapKey ? key : camelCase(key)), toManifest(v, depth + 1));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(toManifest(v, depth + 1));
        return out;
    }
    return value;
}

/// Kubernetes provider resource type → manifest kind and apiVersion; empty for those that run no pods.
std::pair<QString, QString> kubernetesKind(const QString &type)
{
    static const QRegularExpression version(QStringLiteral("_v[0-9]+(beta[0-9]+)?$"));
    QString base = type;
    base.remove(version);
    static const QHash<QString, std::pair<QString, QString>> kinds {
        { QStringLiteral("kubernetes_deployment"), { QStringLiteral("Deployment"), QStringLiteral("apps/v1") } },
        { QStringLiteral("kubernetes_stateful_set"), { QStringLiteral("StatefulSet"), QStringLiteral("apps/v1") } },
        { QStringLiteral("kubernetes_daemonset"), { QStringLiteral("DaemonSet"), QStringLiteral("apps/v1") } },
        { QStringLiteral("kubernetes_daemon_set"), { QStringLiteral("DaemonSet"), QStringLiteral("apps/v1") } },
        { QStringLiteral("kubernetes_replication_controller"),
            { QStringLiteral("ReplicationController"), QStringLiteral("v1") } },
        { QStringLiteral("kubernetes_job"), { QStringLiteral("Job"), QStringLiteral("batch/v1") } },
        { QStringLiteral("kubernetes_cron_job"), { QStringLiteral("CronJob"), QStringLiteral("batch/v1") } },
        { QStringLiteral("kubernetes_pod"), { QStringLiteral("Pod"), QStringLiteral("v1") } },
        { QStringLiteral("kubernetes_horizontal_pod_autoscaler"),
            { QStringLiteral("HorizontalPodAutoscaler"), QStringLiteral("autoscaling/v2") } },
    };
    return kinds.value(base);
}

class PlanFile
{
public:
    explicit PlanFile(InfraFile &file)
        : m_file(file)
    {
    }

    void read(const QByteArray &data)
    {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return m_file.error(m_file.origin + u':' + lineColumn(data, parseError.offset),
                QStringLiteral("JSON syntax error: ") + parseError.errorString());
        const QJsonObject root = doc.object();
        if (!doc.isObject()
            || !(root.contains(u"resource_changes") || root.contains(u"planned_values") || root.contains(u"values")
                || root.contains(u"format_version")))
            return m_file.error(m_file.origin + QStringLiteral(": $"),
                QStringLiteral("not Terraform JSON: expected the output of `terraform show -json` (a plan's "
                               "resource_changes or a state's values)"));
        readConfiguration(root.value(u"configuration").toObject().value(u"root_module").toObject(), QString(), 0);
        const QJsonValue changes = root.value(u"resource_changes");
        if (changes.isArray()) {
            readChanges(changes.toArray());
        } else {
            const bool plan = root.contains(u"planned_values");
            const QString path
                = plan ? QStringLiteral("$.planned_values.root_module") : QStringLiteral("$.values.root_module");
            readModule(
                root.value(plan ? u"planned_values" : u"values").toObject().value(u"root_module").toObject(), path, 0);
        }
        if (m_file.failed)
            return;
        for (const Resource &r : std::as_const(m_resources))
            m_byAddress.insert(r.address, &r - m_resources.constData());
        for (const Resource &r : std::as_const(m_resources))
            translate(r);
    }

private:
    InfraFile &m_file;
    QList<Resource> m_resources;
    QHash<QString, qsizetype> m_byAddress;
    QHash<QString, QJsonObject> m_expressions; ///< configuration address → its expressions
    QSet<QString> m_skippedTaskDefinitions; ///< addresses of task definitions not imported

    QString where(const Resource &r, const QString &field = QString()) const
    {
        return m_file.origin + QStringLiteral(": ") + r.address
            + (field.isEmpty() ? QString() : QStringLiteral(": ") + r.path + u'.' + field);
    }

    bool spend()
    {
        if (m_resources.size() < kMaxResources)
            return true;
        if (!m_file.failed)
            m_file.error(m_file.origin, QStringLiteral("too large: more than %1 resources").arg(kMaxResources));
        return false;
    }

    void readChanges(const QJsonArray &changes)
    {
        for (qsizetype i = 0; i < changes.size() && spend(); ++i) {
            const QJsonObject c = changes.at(i).toObject();
            if (c.value(u"mode").toString() == u"data")
                continue;
            const QJsonObject change = c.value(u"change").toObject();
            const QJsonValue after = change.value(u"after");
            if (!after.isObject())
                continue; // destroyed (after null), or nothing to read
            m_resources.append({ c.value(u"address").toString(), c.value(u"type").toString(),
                QStringLiteral("$.resource_changes[%1].change.after").arg(i), after.toObject(),
                change.value(u"after_unknown") });
        }
    }

    void readModule(const QJsonObject &module, const QString &path, int depth)
    {
        if (depth > kMaxModuleDepth)
            return m_file.error(m_file.origin + QStringLiteral(": ") + path,
                QStringLiteral("modules nested more than %1 deep").arg(kMaxModuleDepth));
        const QJsonArray resources = module.value(u"resources").toArray();
        for (qsizetype i = 0; i < resources.size() && spend(); ++i) {
            const QJsonObject r = resources.at(i).toObject();
            if (r.value(u"mode").toString() == u"data")
                continue;
            m_resources.append({ r.value(u"address").toString(), r.value(u"type").toString(),
                path + QStringLiteral(".resources[%1].values").arg(i), r.value(u"values").toObject(), QJsonValue() });
        }
        const QJsonArray children = module.value(u"child_modules").toArray();
        for (qsizetype i = 0; i < children.size() && !m_file.failed; ++i)
            readModule(children.at(i).toObject(), path + QStringLiteral(".child_modules[%1]").arg(i), depth + 1);
    }

    void readConfiguration(const QJsonObject &module, const QString &prefix, int depth)
    {
        if (depth > kMaxModuleDepth)
            return;
        const QJsonArray resources = module.value(u"resources").toArray();
        for (qsizetype i = 0; i < resources.size() && i < kMaxResources; ++i) {
            const QJsonObject r = resources.at(i).toObject();
            m_expressions.insert(prefix + r.value(u"address").toString(), r.value(u"expressions").toObject());
        }
        const QJsonObject calls = module.value(u"module_calls").toObject();
        for (auto it = calls.begin(); it != calls.end(); ++it)
            readConfiguration(it.value().toObject().value(u"module").toObject(),
                prefix + QStringLiteral("module.") + it.key() + u'.', depth + 1);
    }

    bool isUnknown(const Resource &r, const QString &field) const
    {
        return r.unknown.toObject().value(field) == QJsonValue(true);
    }

    /// The resource of `type` that the configuration of `r`'s `field` refers to
    /// (`"references": ["aws_ecs_task_definition.web.arn", "aws_ecs_task_definition.web"]`), or nullptr.
    const Resource *referenced(const Resource &r, const QString &field, const QString &type) const
    {
        const QString prefix = modulePrefix(r.address, r.type);
        const QJsonArray refs
            = m_expressions.value(withoutIndex(r.address)).value(field).toObject().value(u"references").toArray();
        for (const QJsonValue &ref : refs) {
            const QString text = ref.toString();
            if (!text.startsWith(type + u'.'))
                continue;
            // "aws_ecs_task_definition.web.arn" → "aws_ecs_task_definition.web"
            const QString address = prefix + text.section(u'.', 0, 1);
            const QString index = r.address.mid(withoutIndex(r.address).size());
            const QStringList candidates { address + index, address, address + QStringLiteral("[0]") };
            for (const QString &candidate : candidates) {
                if (const auto it = m_byAddress.constFind(candidate); it != m_byAddress.cend())
                    return &m_resources.at(*it);
            }
        }
        return nullptr;
    }

    /// Warns about the fields of `r` that are known only after apply; true when one of `needed` is.
    bool reportUnknown(const Resource &r, const QStringList &read, const QStringList &needed)
    {
        QStringList unknown;
        for (const QString &field : read)
            collectUnknown(r.unknown.toObject().value(field), field, unknown);
        if (unknown.isEmpty())
            return false;
        bool blocking = false;
        for (const QString &u : std::as_const(unknown)) {
            for (const QString &n : needed)
                blocking = blocking || u == n || u.startsWith(n + u'.') || u.startsWith(n + u'[');
        }
        m_file.warn(where(r),
            (blocking ? QStringLiteral("not imported: known only after apply: ")
                      : QStringLiteral("known only after apply, left out: "))
                + unknown.join(QStringLiteral(", ")));
        return blocking;
    }

    void translate(const Resource &r)
    {
        if (r.type == u"aws_ecs_task_definition")
            return taskDefinition(r);
        if (r.type == u"aws_ecs_service")
            return service(r);
        if (r.type == u"aws_appautoscaling_target")
            return scalableTarget(r);
        if (r.type == u"aws_eks_node_group")
            return nodeGroup(r);
        if (r.type == u"aws_eks_fargate_profile")
            return fargateProfile(r);
        if (r.type == u"kubernetes_manifest") {
            const QJsonObject manifest = r.values.value(u"manifest").toObject();
            if (reportUnknown(r, { QStringLiteral("manifest") }, { QStringLiteral("manifest") }))
                return;
            if (manifest.isEmpty())
                return m_file.error(where(r, QStringLiteral("manifest")), QStringLiteral("must be a manifest object"));
            return m_file.addKubernetesObject(r.address, manifest);
        }
        if (const auto [kind, apiVersion] = kubernetesKind(r.type); !kind.isEmpty())
            return kubernetesObject(r, kind, apiVersion);
        ++m_file.skipped[r.type.isEmpty() ? QStringLiteral("(no type)") : r.type];
    }

    /// Task family of a task definition resource (for services and the ECS join).
    static QString family(const Resource &r) { return r.values.value(u"family").toString(); }

    void taskDefinition(const Resource &r)
    {
        if (reportUnknown(r,
                { QStringLiteral("container_definitions"), QStringLiteral("family"), QStringLiteral("cpu"),
                    QStringLiteral("memory"), QStringLiteral("network_mode"),
                    QStringLiteral("requires_compatibilities"), QStringLiteral("runtime_platform"),
                    QStringLiteral("ephemeral_storage") },
                { QStringLiteral("container_definitions"), QStringLiteral("family"), QStringLiteral("cpu"),
                    QStringLiteral("memory") })) {
            m_skippedTaskDefinitions.insert(r.address);
            return;
        }
        const QJsonValue definitions = r.values.value(u"container_definitions");
        if (!definitions.isString())
            return m_file.error(where(r, QStringLiteral("container_definitions")),
                QStringLiteral("must be the container definitions' JSON text"));
        const QByteArray text = definitions.toString().toUtf8();
        QJsonParseError parseError;
        const QJsonDocument containers = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError || !containers.isArray())
            return m_file.error(where(r, QStringLiteral("container_definitions")),
                parseError.error != QJsonParseError::NoError
                    ? QStringLiteral("JSON syntax error at %1 of its text: %2")
                          .arg(lineColumn(text, parseError.offset), parseError.errorString())
                    : QStringLiteral("must be a JSON list of container definitions"));
        QJsonObject td { { QStringLiteral("family"), r.values.value(u"family") },
            { QStringLiteral("containerDefinitions"), containers.array() } };
        for (const auto &[from, to] :
            { std::pair { "cpu", "cpu" }, std::pair { "memory", "memory" }, std::pair { "network_mode", "networkMode" },
                std::pair { "requires_compatibilities", "requiresCompatibilities" },
                std::pair { "arn", "taskDefinitionArn" }, std::pair { "revision", "revision" } }) {
            const QJsonValue v = r.values.value(QLatin1String(from));
            if (!v.isNull() && !v.isUndefined() && !(v.isString() && v.toString().isEmpty()))
                td.insert(QLatin1String(to), v);
        }
        const QJsonObject platform = block(r.values.value(u"runtime_platform"));
        if (!platform.isEmpty())
            td.insert(QStringLiteral("runtimePlatform"),
                QJsonObject { { QStringLiteral("cpuArchitecture"), platform.value(u"cpu_architecture") },
                    { QStringLiteral("operatingSystemFamily"), platform.value(u"operating_system_family") } });
        const QJsonObject storage = block(r.values.value(u"ephemeral_storage"));
        if (!storage.isEmpty())
            td.insert(QStringLiteral("ephemeralStorage"),
                QJsonObject { { QStringLiteral("sizeInGiB"), storage.value(u"size_in_gib") } });
        m_file.addEcsTaskDefinition(r.address, td);
    }

    /// The cluster's name: the value (an ARN or a name), else the referenced aws_ecs_cluster's name.
    QString clusterName(const Resource &r, const QString &field) const
    {
        const QString value = r.values.value(field).toString();
        if (!value.isEmpty())
            return value.section(QStringLiteral(":cluster/"), -1);
        if (const Resource *cluster = referenced(r, field, QStringLiteral("aws_ecs_cluster")))
            return cluster->values.value(u"name").toString();
        return {};
    }

    void service(const Resource &r)
    {
        if (reportUnknown(r,
                { QStringLiteral("name"), QStringLiteral("desired_count"), QStringLiteral("launch_type"),
                    QStringLiteral("capacity_provider_strategy"), QStringLiteral("scheduling_strategy") },
                { QStringLiteral("name"), QStringLiteral("desired_count") }))
            return;
        QString taskDefinition = r.values.value(u"task_definition").toString();
        if (taskDefinition.isEmpty()) {
            const Resource *td
                = referenced(r, QStringLiteral("task_definition"), QStringLiteral("aws_ecs_task_definition"));
            if (td && m_skippedTaskDefinitions.contains(td->address))
                return m_file.warn(where(r),
                    QStringLiteral("not imported: its task definition %1 is not (see its warning)").arg(td->address));
            if (!td || family(*td).isEmpty())
                return m_file.warn(where(r),
                    QStringLiteral("not imported: task_definition is known only after apply and refers to no "
                                   "aws_ecs_task_definition of this file"));
            taskDefinition = family(*td);
        }
        QJsonObject svc { { QStringLiteral("serviceName"), r.values.value(u"name") },
            { QStringLiteral("taskDefinition"), taskDefinition },
            // aws_ecs_service.desired_count: "Defaults to 0."
            { QStringLiteral("desiredCount"), r.values.value(u"desired_count").toInt(0) } };
        if (const QString cluster = clusterName(r, QStringLiteral("cluster")); !cluster.isEmpty())
            svc.insert(QStringLiteral("clusterArn"), cluster);
        if (const QString strategy = r.values.value(u"scheduling_strategy").toString(); !strategy.isEmpty())
            svc.insert(QStringLiteral("schedulingStrategy"), strategy);
        if (const QString launch = r.values.value(u"launch_type").toString(); !launch.isEmpty())
            svc.insert(QStringLiteral("launchType"), launch);
        QJsonArray providers;
        for (const QJsonValue &v : r.values.value(u"capacity_provider_strategy").toArray()) {
            const QJsonObject p = v.toObject();
            providers.append(QJsonObject { { QStringLiteral("capacityProvider"), p.value(u"capacity_provider") },
                { QStringLiteral("base"), p.value(u"base").toInt(0) },
                { QStringLiteral("weight"), p.value(u"weight").toInt(0) } });
        }
        if (!providers.isEmpty())
            svc.insert(QStringLiteral("capacityProviderStrategy"), providers);
        // Deployments (issue 20), in describe-services' shape for the ECS importer: deployment_maximum_percent
        // and deployment_minimum_healthy_percent (provider defaults 200 / 100), deployment_controller { type }.
        QJsonObject configuration;
        if (const QJsonValue v = r.values.value(u"deployment_maximum_percent"); v.isDouble())
            configuration.insert(QStringLiteral("maximumPercent"), v);
        if (const QJsonValue v = r.values.value(u"deployment_minimum_healthy_percent"); v.isDouble())
            configuration.insert(QStringLiteral("minimumHealthyPercent"), v);
        if (!configuration.isEmpty())
            svc.insert(QStringLiteral("deploymentConfiguration"), configuration);
        for (const QJsonValue &v : r.values.value(u"deployment_controller").toArray()) {
            if (const QString type = v.toObject().value(u"type").toString(); !type.isEmpty())
                svc.insert(QStringLiteral("deploymentController"), QJsonObject { { QStringLiteral("type"), type } });
        }
        // Not modelled but distinctInstance: the planner packs tasks its own way (docs/import.md); say what was there.
        QStringList placement;
        for (const QJsonValue &v : r.values.value(u"ordered_placement_strategy").toArray()) {
            const QJsonObject p = v.toObject();
            const QString field = p.value(u"field").toString();
            placement << QStringLiteral("strategy %1%2")
                             .arg(p.value(u"type").toString(), field.isEmpty() ? QString() : u'(' + field + u')');
        }
        QJsonArray constraints;
        for (const QJsonValue &v : r.values.value(u"placement_constraints").toArray()) {
            const QJsonObject p = v.toObject();
            if (p.value(u"type").toString() == u"distinctInstance") { // one task per instance: Service::onePerNode
                constraints.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("distinctInstance") } });
                continue;
            }
            const QString expression = p.value(u"expression").toString();
            placement << QStringLiteral("constraint %1%2")
                             .arg(p.value(u"type").toString(),
                                 expression.isEmpty() ? QString() : u'(' + expression + u')');
        }
        if (!constraints.isEmpty())
            svc.insert(QStringLiteral("placementConstraints"), constraints);
        if (!placement.isEmpty())
            m_file.warn(where(r),
                QStringLiteral("placement %1 not modelled: the plan packs tasks by size only")
                    .arg(placement.join(QStringLiteral(", "))));
        m_file.addEcsService(r.address, svc);
    }

    void scalableTarget(const Resource &r)
    {
        const QString ns = r.values.value(u"service_namespace").toString();
        const QString dimension = r.values.value(u"scalable_dimension").toString();
        if (ns != u"ecs" || dimension != u"ecs:service:DesiredCount") {
            ++m_file.skipped[QStringLiteral("aws_appautoscaling_target (%1)")
                                 .arg(ns.isEmpty() ? QStringLiteral("no namespace") : ns)];
            return;
        }
        if (reportUnknown(r, { QStringLiteral("min_capacity"), QStringLiteral("max_capacity") },
                { QStringLiteral("min_capacity"), QStringLiteral("max_capacity") }))
            return;
        QString resourceId = r.values.value(u"resource_id").toString();
        if (resourceId.isEmpty()) {
            // "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.web.name}", known only after apply.
            const Resource *svc = referenced(r, QStringLiteral("resource_id"), QStringLiteral("aws_ecs_service"));
            if (!svc)
                return m_file.warn(where(r),
                    QStringLiteral("not used: resource_id is known only after apply and refers to no "
                                   "aws_ecs_service of this file"));
            resourceId = QStringLiteral("service/%1/%2")
                             .arg(clusterName(*svc, QStringLiteral("cluster")), svc->values.value(u"name").toString());
        }
        m_file.addEcsScalableTarget(r.address,
            QJsonObject { { QStringLiteral("ServiceNamespace"), ns },
                { QStringLiteral("ScalableDimension"), dimension }, { QStringLiteral("ResourceId"), resourceId },
                { QStringLiteral("MinCapacity"), r.values.value(u"min_capacity") },
                { QStringLiteral("MaxCapacity"), r.values.value(u"max_capacity") } });
    }

    void nodeGroup(const Resource &r)
    {
        if (reportUnknown(r,
                { QStringLiteral("instance_types"), QStringLiteral("scaling_config"), QStringLiteral("capacity_type"),
                    QStringLiteral("disk_size") },
                { QStringLiteral("scaling_config") }))
            return;
        ImportedNodeGroup g;
        g.source = m_file.origin + QStringLiteral(": ") + r.address;
        for (const QJsonValue &t : r.values.value(u"instance_types").toArray())
            g.instanceTypes << t.toString();
        const QJsonObject scaling = block(r.values.value(u"scaling_config"));
        g.minSize = scaling.value(u"min_size").toInt();
        g.maxSize = scaling.value(u"max_size").toInt();
        g.desiredSize = scaling.value(u"desired_size").toInt();
        if (g.minSize < 0 || g.maxSize < g.minSize || g.desiredSize < g.minSize || g.desiredSize > g.maxSize)
            return m_file.error(where(r, QStringLiteral("scaling_config")),
                QStringLiteral("needs 0 <= min_size <= desired_size <= max_size (%1, %2, %3)")
                    .arg(g.minSize)
                    .arg(g.desiredSize)
                    .arg(g.maxSize));
        g.spot = r.values.value(u"capacity_type").toString() == u"SPOT";
        // aws_eks_node_group.disk_size: "Defaults to 20" (GiB).
        if (const double disk = r.values.value(u"disk_size").toDouble(); disk > 0)
            g.diskGib = disk;
        m_file.nodeGroups.append(g);
    }

    void fargateProfile(const Resource &r)
    {
        QStringList namespaces;
        for (const QJsonValue &s : r.values.value(u"selector").toArray())
            namespaces << s.toObject().value(u"namespace").toString();
        m_file.warn(where(r),
            QStringLiteral("EKS Fargate profile for namespace(s) %1: recorded only; the EKS Fargate platform "
                           "prices every imported service on Fargate")
                .arg(namespaces.isEmpty() ? QStringLiteral("(none)") : namespaces.join(QStringLiteral(", "))));
        ++m_file.skipped[r.type];
    }

    void kubernetesObject(const Resource &r, const QString &kind, const QString &apiVersion)
    {
        if (reportUnknown(r, { QStringLiteral("spec") }, { QStringLiteral("spec") }))
            return;
        QJsonObject manifest = toManifest(r.values, 0).toObject();
        manifest.insert(QStringLiteral("kind"), kind);
        manifest.insert(QStringLiteral("apiVersion"), apiVersion);
        // The provider's pod template lives at spec.template (as in a manifest); a Pod's spec is its pod.
        m_file.addKubernetesObject(r.address, manifest);
    }
};

} // namespace

ImportResult importTerraform(const QList<ImportInput> &inputs)
{
    ImportResult result;
    for (const ImportInput &input : inputs) {
        InfraFile file;
        file.origin = input.origin;
        PlanFile(file).read(input.data);
        finishInfraFile(file, result);
    }
    makeServiceNamesUnique(result);
    return result;
}

ImportResult importTerraformPaths(const QStringList &paths)
{
    return importPaths(paths, &importTerraform);
}

} // namespace fleetplan::models
