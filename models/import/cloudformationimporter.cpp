// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/cloudformationimporter.h"

#include <algorithm>
#include <exception>
#include <string>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include "models/import/infraimport.h"

namespace fleetplan::models {

namespace {

/// The logical id of a resource of `type` that `value` refers to (`Ref X`, `Fn::GetAtt: [X, attr]` or
/// `"X.attr"`, at any depth of `Fn::Join`/`Fn::Sub` arguments), or empty.
QString referencedResource(const QJsonValue &value, const QJsonObject &resources, QStringView type, int depth = 0)
{
    if (depth > 16)
        return {};
    const auto isType
        = [&](const QString &id) { return resources.value(id).toObject().value(u"Type").toString() == type; };
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (const QJsonValue ref = o.value(u"Ref"); ref.isString() && isType(ref.toString()))
            return ref.toString();
        if (const QJsonValue att = o.value(u"Fn::GetAtt"); !att.isUndefined()) {
            const QString id = att.isArray() ? att.toArray().at(0).toString() : att.toString().section(u'.', 0, 0);
            if (isType(id))
                return id;
        }
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (QString id = referencedResource(it.value(), resources, type, depth + 1); !id.isEmpty())
                return id;
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (QString id = referencedResource(v, resources, type, depth + 1); !id.isEmpty())
                return id;
        }
    }
    return {};
}

/// YAML nodes converted per file (aliases can name one node many times over) and nesting depth.
constexpr int kMaxNodes = 200000;
constexpr int kMaxDepth = 128;

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

struct TooLarge
{
    QString why;
};

/// A YAML template → the JSON form of the same template; the short forms of the intrinsic functions
/// (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) become their long forms ({"Ref": "X"}, {"Fn::GetAtt": ["A", "B"]}).
class YamlToJson
{
public:
    QJsonValue convert(const YAML::Node &node, int depth = 0)
    {
        if (++m_nodes > kMaxNodes)
            throw TooLarge { QStringLiteral("more than %1 YAML nodes (aliases included)").arg(kMaxNodes) };
        if (depth > kMaxDepth)
            throw TooLarge { QStringLiteral("nested more than %1 deep").arg(kMaxDepth) };
        QJsonValue value;
        switch (node.Type()) {
        case YAML::NodeType::Map: {
            QJsonObject object;
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (it->first.IsScalar())
                    object.insert(fromStd(it->first.Scalar()), convert(it->second, depth + 1));
            }
            value = object;
            break;
        }
        case YAML::NodeType::Sequence: {
            QJsonArray array;
            for (auto it = node.begin(); it != node.end(); ++it)
                array.append(convert(*it, depth + 1));
            value = array;
            break;
        }
        case YAML::NodeType::Scalar:
            value = fromStd(node.Scalar());
            break;
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            break;
        }
        const std::string &tag = node.Tag();
        if (tag.size() < 2 || tag[0] != '!' || tag == "!" || tag[1] == '!')
            return value;
        const QString name = fromStd(tag.substr(1));
        if (name == u"Ref" || name == u"Condition")
            return QJsonObject { { name, value } };
        if (name == u"GetAtt" && value.isString()) {
            // "!GetAtt Service.Name" → ["Service", "Name"] (the attribute may itself hold dots).
            const QString text = value.toString();
            const qsizetype dot = text.indexOf(u'.');
            return QJsonObject { { QStringLiteral("Fn::GetAtt"),
                QJsonArray { text.left(dot), dot < 0 ? QString() : text.mid(dot + 1) } } };
        }
        return QJsonObject { { QStringLiteral("Fn::") + name, value } };
    }

private:
    int m_nodes = 0;
};

/// Resolves the intrinsic functions of one template where they name values inside it.
class Resolver
{
public:
    Resolver(const QJsonObject &templ)
        : m_parameters(templ.value(u"Parameters").toObject())
        , m_mappings(templ.value(u"Mappings").toObject())
        , m_resources(templ.value(u"Resources").toObject())
    {
    }

    /// `value` with its intrinsics resolved; what cannot be is left out (null) and named in `unresolved`.
    QJsonValue resolve(const QJsonValue &value, const QString &path, QStringList &unresolved, int depth = 0) const
    {
        if (depth > kMaxDepth)
            return fail(path, QStringLiteral("nested too deep"), unresolved);
        if (value.isArray()) {
            QJsonArray out;
            const QJsonArray in = value.toArray();
            for (qsizetype i = 0; i < in.size(); ++i) {
                const QJsonValue v = resolve(in.at(i), path + QStringLiteral("[%1]").arg(i), unresolved, depth + 1);
                if (!isNoValue(in.at(i)))
                    out.append(v);
            }
            return out;
        }
        if (!value.isObject())
            return value;
        const QJsonObject object = value.toObject();
        if (object.size() == 1) {
            const QString fn = object.begin().key();
            const QJsonValue arg = object.begin().value();
            if (fn == u"Ref")
                return ref(arg.toString(), path, unresolved);
            if (fn == u"Fn::GetAtt")
                return getAtt(arg, path, unresolved);
            if (fn == u"Fn::Sub")
                return sub(arg, path, unresolved, depth);
            if (fn == u"Fn::Join")
                return join(arg, path, unresolved, depth);
            if (fn == u"Fn::FindInMap")
                return findInMap(arg, path, unresolved, depth);
            if (fn.startsWith(QLatin1String("Fn::")))
                return fail(path, fn + QStringLiteral(" is not resolved by the importer"), unresolved);
        }
        QJsonObject out;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isNoValue(it.value()))
                continue;
            out.insert(it.key(), resolve(it.value(), path + u'.' + it.key(), unresolved, depth + 1));
        }
        return out;
    }

    /// The name other resources know a resource by: its name property where set (ClusterName, ServiceName,
    /// Family, NodegroupName), else its logical id.
    QString nameOf(const QString &logicalId) const
    {
        const QJsonObject resource = m_resources.value(logicalId).toObject();
        const QJsonObject properties = resource.value(u"Properties").toObject();
        const QString type = resource.value(u"Type").toString();
        const char *key = type == u"AWS::ECS::Cluster" ? "ClusterName"
            : type == u"AWS::ECS::Service"             ? "ServiceName"
            : type == u"AWS::ECS::TaskDefinition"      ? "Family"
            : type == u"AWS::EKS::Nodegroup"           ? "NodegroupName"
                                                       : nullptr;
        // A name that is itself an intrinsic (Family: !Ref ServiceName) is resolved, a few hops at most
        // (a resource naming itself would loop).
        if (key && m_naming < 4) {
            ++m_naming;
            QStringList ignored;
            const QJsonValue v = resolve(properties.value(QLatin1String(key)), QString(), ignored);
            --m_naming;
            if (v.isString() && !v.toString().isEmpty())
                return v.toString();
        }
        // The CDK names resources "Path" + 8 hex digits of a hash ("ServiceD69D759B"): the path reads better.
        static const QRegularExpression cdkSuffix(QStringLiteral("^(.+?)[0-9A-F]{8}$"));
        if (resource.value(u"Metadata").toObject().contains(u"aws:cdk:path")) {
            if (const auto m = cdkSuffix.match(logicalId); m.hasMatch())
                return m.captured(1);
        }
        return logicalId;
    }

private:
    mutable int m_naming = 0; ///< nameOf() calls in progress
    QJsonObject m_parameters;
    QJsonObject m_mappings;
    QJsonObject m_resources;

    static bool isNoValue(const QJsonValue &v)
    {
        return v.isObject() && v.toObject().size() == 1
            && v.toObject().value(u"Ref") == QJsonValue(QStringLiteral("AWS::NoValue"));
    }

    static QJsonValue fail(const QString &path, const QString &why, QStringList &unresolved)
    {
        unresolved << path + QStringLiteral(" (") + why + u')';
        return QJsonValue();
    }

    QJsonValue ref(const QString &name, const QString &path, QStringList &unresolved) const
    {
        if (m_parameters.contains(name)) {
            const QJsonValue def = m_parameters.value(name).toObject().value(u"Default");
            if (def.isUndefined() || def.isNull())
                return fail(path, QStringLiteral("parameter %1 has no Default").arg(name), unresolved);
            return def;
        }
        if (m_resources.contains(name))
            return nameOf(name);
        if (name.startsWith(QLatin1String("AWS::")))
            return fail(
                path, QStringLiteral("pseudo parameter %1, known once the stack is deployed").arg(name), unresolved);
        return fail(path, QStringLiteral("Ref %1 names nothing in the template").arg(name), unresolved);
    }

    QJsonValue getAtt(const QJsonValue &arg, const QString &path, QStringList &unresolved) const
    {
        QString id;
        QString attribute;
        if (arg.isArray()) {
            id = arg.toArray().at(0).toString();
            attribute = arg.toArray().at(1).toString();
        } else {
            id = arg.toString().section(u'.', 0, 0);
            attribute = arg.toString().section(u'.', 1);
        }
        return getAtt(id, attribute, path, unresolved);
    }

    QJsonValue getAtt(const QString &id, const QString &attribute, const QString &path, QStringList &unresolved) const
    {
        if (!m_resources.contains(id))
            return fail(path, QStringLiteral("Fn::GetAtt %1.%2 names no resource of the template").arg(id, attribute),
                unresolved);
        // The attributes that name a resource inside the template: a cluster's Arn, a service's Name, a task
        // definition's TaskDefinitionArn are what the ECS join compares by name.
        static const QSet<QString> naming { QStringLiteral("Name"), QStringLiteral("Arn"),
            QStringLiteral("ClusterName"), QStringLiteral("ServiceArn"), QStringLiteral("TaskDefinitionArn"),
            QStringLiteral("NodegroupName") };
        if (naming.contains(attribute))
            return nameOf(id);
        return fail(path, QStringLiteral("Fn::GetAtt %1.%2 is known only once the stack exists").arg(id, attribute),
            unresolved);
    }

    QJsonValue sub(const QJsonValue &arg, const QString &path, QStringList &unresolved, int depth) const
    {
        QString text;
        QJsonObject variables;
        if (arg.isString()) {
            text = arg.toString();
        } else if (arg.isArray()) {
            text = arg.toArray().at(0).toString();
            variables = arg.toArray().at(1).toObject();
        } else {
            return fail(path, QStringLiteral("Fn::Sub needs a string or [string, variables]"), unresolved);
        }
        static const QRegularExpression placeholder(QStringLiteral("\\$\\{([^}]*)\\}"));
        QString out;
        qsizetype last = 0;
        auto it = placeholder.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            out += text.mid(last, m.capturedStart() - last);
            last = m.capturedEnd();
            const QString name = m.captured(1).trimmed();
            if (name.startsWith(u'!')) { // "${!Literal}" is written as "${Literal}"
                out += QStringLiteral("${") + name.mid(1) + u'}';
                continue;
            }
            QJsonValue v;
            if (variables.contains(name))
                v = resolve(variables.value(name), path, unresolved, depth + 1);
            else if (name.contains(u'.'))
                v = getAtt(name.section(u'.', 0, 0), name.section(u'.', 1), path, unresolved);
            else
                v = ref(name, path, unresolved);
            if (v.isNull() || v.isUndefined())
                return QJsonValue();
            out += v.isDouble() ? QString::number(v.toDouble()) : v.toString();
        }
        out += text.mid(last);
        return out;
    }

    QJsonValue join(const QJsonValue &arg, const QString &path, QStringList &unresolved, int depth) const
    {
        const QJsonArray a = arg.toArray();
        if (a.size() != 2 || !a.at(0).isString())
            return fail(path, QStringLiteral("Fn::Join needs [delimiter, [values]]"), unresolved);
        const QJsonValue items = resolve(a.at(1), path, unresolved, depth + 1);
        if (!items.isArray())
            return fail(path, QStringLiteral("Fn::Join of something that is not a list"), unresolved);
        QStringList parts;
        for (const QJsonValue &v : items.toArray()) {
            if (v.isNull() || v.isUndefined() || v.isObject() || v.isArray())
                return QJsonValue();
            parts << (v.isDouble() ? QString::number(v.toDouble()) : v.toString());
        }
        return parts.join(a.at(0).toString());
    }

    QJsonValue findInMap(const QJsonValue &arg, const QString &path, QStringList &unresolved, int depth) const
    {
        const QJsonValue keys = resolve(arg, path, unresolved, depth + 1);
        const QJsonArray k = keys.toArray();
        if (k.size() != 3)
            return QJsonValue();
        const QJsonValue v = m_mappings.value(k.at(0).toString())
                                 .toObject()
                                 .value(k.at(1).toString())
                                 .toObject()
                                 .value(k.at(2).toString());
        if (v.isUndefined())
            return fail(path, QStringLiteral("Fn::FindInMap names no entry of Mappings"), unresolved);
        return v;
    }
};

/// PascalCase keys → camelCase ("ContainerDefinitions" → "containerDefinitions", "SizeInGiB" →
/// "sizeInGiB"): CloudFormation spells the ECS API's fields with a capital first letter.
QJsonValue camelKeys(const QJsonValue &value, int depth = 0)
{
    if (depth > kMaxDepth)
        return QJsonValue();
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            QString key = it.key();
            if (!key.isEmpty())
                key[0] = key.at(0).toLower();
            out.insert(key, camelKeys(it.value(), depth + 1));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(camelKeys(v, depth + 1));
        return out;
    }
    return value;
}

int intOf(const QJsonValue &v, int fallback = 0)
{
    if (v.isDouble())
        return v.toInt(fallback);
    bool ok = false;
    const int n = v.toString().toInt(&ok);
    return ok ? n : fallback;
}

/// The other files of a CDK cloud assembly (cdk.out/): not templates.
bool isCdkAssemblyFile(const QString &origin)
{
    const QString name = origin.section(u'/', -1);
    return name == u"manifest.json" || name == u"tree.json" || name == u"cdk.out"
        || name.endsWith(QLatin1String(".assets.json"));
}

void importTemplate(const ImportInput &input, InfraFile &file)
{
    QJsonObject templ;
    const QByteArray trimmed = input.data.trimmed();
    if (trimmed.startsWith('{')) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(input.data, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return file.error(input.origin + u':' + lineColumn(input.data, parseError.offset),
                QStringLiteral("JSON syntax error: ") + parseError.errorString());
        templ = doc.object();
    } else {
        try {
            const YAML::Node root = YAML::Load(input.data.toStdString());
            templ = YamlToJson().convert(root).toObject();
        } catch (const YAML::Exception &e) {
            return file.error(e.mark.is_null()
                    ? input.origin
                    : QStringLiteral("%1:%2:%3").arg(input.origin).arg(e.mark.line + 1).arg(e.mark.column + 1),
                QStringLiteral("YAML syntax error: ") + fromStd(e.msg));
        } catch (const TooLarge &e) {
            return file.error(input.origin, QStringLiteral("too large: ") + e.why);
        }
    }
    if (!templ.value(u"Resources").isObject()) {
        if (isCdkAssemblyFile(input.origin)) {
            ++file.skipped[QStringLiteral("(CDK assembly file)")];
            return;
        }
        return file.error(input.origin + QStringLiteral(": Resources"),
            QStringLiteral("not a CloudFormation template: expected a Resources section"));
    }
    const Resolver resolver(templ);
    const QJsonObject resources = templ.value(u"Resources").toObject();
    // Task definitions first, so that a service knows whether its task definition could be read.
    QStringList order;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (it.value().toObject().value(u"Type").toString() == u"AWS::ECS::TaskDefinition")
            order.prepend(it.key());
        else
            order.append(it.key());
    }
    QSet<QString> unreadFamilies; ///< task definitions not imported (a sizing value not resolved)
    for (const QString &id : std::as_const(order)) {
        const QString address = QStringLiteral("Resources.") + id;
        const QJsonObject resource = resources.value(id).toObject();
        const QString type = resource.value(u"Type").toString();
        static const QHash<QString, QStringList> read {
            { QStringLiteral("AWS::ECS::TaskDefinition"),
                { QStringLiteral("Family"), QStringLiteral("ContainerDefinitions"), QStringLiteral("Cpu"),
                    QStringLiteral("Memory"), QStringLiteral("NetworkMode"), QStringLiteral("RequiresCompatibilities"),
                    QStringLiteral("RuntimePlatform"), QStringLiteral("EphemeralStorage") } },
            { QStringLiteral("AWS::ECS::Service"),
                { QStringLiteral("ServiceName"), QStringLiteral("Cluster"), QStringLiteral("TaskDefinition"),
                    QStringLiteral("DesiredCount"), QStringLiteral("LaunchType"),
                    QStringLiteral("CapacityProviderStrategy"), QStringLiteral("SchedulingStrategy"),
                    QStringLiteral("PlacementStrategies"), QStringLiteral("PlacementConstraints"),
                    QStringLiteral("DeploymentConfiguration"), QStringLiteral("DeploymentController") } },
            { QStringLiteral("AWS::ApplicationAutoScaling::ScalableTarget"),
                { QStringLiteral("ServiceNamespace"), QStringLiteral("ScalableDimension"), QStringLiteral("ResourceId"),
                    QStringLiteral("MinCapacity"), QStringLiteral("MaxCapacity") } },
            { QStringLiteral("AWS::EKS::Nodegroup"),
                { QStringLiteral("InstanceTypes"), QStringLiteral("ScalingConfig"), QStringLiteral("CapacityType"),
                    QStringLiteral("DiskSize") } },
        };
        const auto fields = read.constFind(type);
        if (fields == read.cend()) {
            ++file.skipped[type.isEmpty() ? QStringLiteral("(no Type)") : type];
            continue;
        }
        // Only the properties read are resolved: an unresolved IAM role ARN does not matter to the plan.
        const QJsonObject raw = resource.value(u"Properties").toObject();
        QJsonObject props;
        QStringList unresolved;
        for (const QString &field : *fields) {
            if (!raw.contains(field))
                continue;
            const QJsonValue v = resolver.resolve(raw.value(field), field, unresolved);
            if (!v.isNull() && !v.isUndefined())
                props.insert(field, v);
        }
        const QString where = input.origin + QStringLiteral(": ") + address;
        // A scalable target names its service as `!Join ['/', [service, !Ref Cluster, !GetAtt Service.Name]]`
        // (the AWS samples' form): with the cluster a parameter without a default the id does not resolve, but
        // the service it scales is the one referenced, joined by its name (the ECS importer then ignores the
        // cluster of a service whose cluster is unknown too).
        if (type == u"AWS::ApplicationAutoScaling::ScalableTarget" && !props.contains(u"ResourceId")) {
            if (const QString service = referencedResource(raw.value(u"ResourceId"), resources, u"AWS::ECS::Service");
                !service.isEmpty()) {
                QStringList clusterUnresolved;
                const QJsonValue cluster = resolver.resolve(
                    resources.value(service).toObject().value(u"Properties").toObject().value(u"Cluster"),
                    QStringLiteral("Cluster"), clusterUnresolved);
                props.insert(QStringLiteral("ResourceId"),
                    QStringLiteral("service/%1/%2")
                        .arg(cluster.isString() ? cluster.toString() : QStringLiteral("(unresolved)"),
                            resolver.nameOf(service)));
                unresolved.erase(std::remove_if(unresolved.begin(), unresolved.end(),
                                     [](const QString &u) { return u.startsWith(QLatin1String("ResourceId")); }),
                    unresolved.end());
                file.warn(where,
                    QStringLiteral("ResourceId not resolved inside the template: joined to the service it "
                                   "references, %1")
                        .arg(service));
            }
        }
        // A value the size or the joins depend on is not guessed: the resource is not imported.
        static const QRegularExpression sizing(QStringLiteral(
            "^(Cpu|Memory|RequiresCompatibilities|ContainerDefinitions(\\[\\d+\\])?(\\.(Cpu|Memory|MemoryReservation))?"
            "|TaskDefinition|DesiredCount|ResourceId|MinCapacity|MaxCapacity|ScalingConfig(\\.\\w+)?)( |$)"));
        bool blocking = false;
        for (const QString &u : std::as_const(unresolved))
            blocking = blocking || sizing.match(u).hasMatch();
        if (!unresolved.isEmpty())
            file.warn(where,
                (blocking ? QStringLiteral("not imported: not resolved inside the template: ")
                          : QStringLiteral("not resolved inside the template, left out: "))
                    + unresolved.join(QStringLiteral(", ")));
        if (blocking) {
            if (type == u"AWS::ECS::TaskDefinition")
                unreadFamilies.insert(resolver.nameOf(id));
            continue;
        }
        if (type == u"AWS::ECS::Service" && unreadFamilies.contains(props.value(u"TaskDefinition").toString())) {
            file.warn(where,
                QStringLiteral("not imported: its task definition %1 is not (see its warning)")
                    .arg(props.value(u"TaskDefinition").toString()));
            continue;
        }

        if (type == u"AWS::ECS::TaskDefinition") {
            QJsonObject td = camelKeys(props).toObject();
            td.insert(QStringLiteral("family"), resolver.nameOf(id));
            file.addEcsTaskDefinition(address, td);
        } else if (type == u"AWS::ECS::Service") {
            QJsonObject svc = camelKeys(props).toObject();
            svc.remove(QStringLiteral("placementStrategies"));
            svc.insert(QStringLiteral("serviceName"), resolver.nameOf(id));
            if (svc.contains(u"cluster"))
                svc.insert(QStringLiteral("clusterArn"), svc.take(QStringLiteral("cluster")));
            // AWS::ECS::Service DesiredCount: "if a desired count is not specified, a default value of 1 is used".
            if (!svc.contains(u"desiredCount"))
                svc.insert(QStringLiteral("desiredCount"), 1);
            QStringList placement;
            for (const QJsonValue &v : props.value(u"PlacementStrategies").toArray())
                placement << QStringLiteral("strategy ") + v.toObject().value(u"Type").toString();
            for (const QJsonValue &v : props.value(u"PlacementConstraints").toArray()) {
                const QString constraint = v.toObject().value(u"Type").toString();
                if (constraint != u"distinctInstance") // one task per instance: Service::onePerNode
                    placement << QStringLiteral("constraint ") + constraint;
            }
            if (!placement.isEmpty())
                file.warn(where,
                    QStringLiteral("placement %1 not modelled: the plan packs tasks by size only")
                        .arg(placement.join(QStringLiteral(", "))));
            file.addEcsService(address, svc);
        } else if (type == u"AWS::ApplicationAutoScaling::ScalableTarget") {
            if (props.value(u"ServiceNamespace").toString() != u"ecs") {
                ++file.skipped[QStringLiteral("%1 (%2)").arg(type, props.value(u"ServiceNamespace").toString())];
                continue;
            }
            QJsonObject target = props;
            target.insert(QStringLiteral("MinCapacity"), intOf(props.value(u"MinCapacity"), -1));
            target.insert(QStringLiteral("MaxCapacity"), intOf(props.value(u"MaxCapacity"), -1));
            file.addEcsScalableTarget(address, target);
        } else if (type == u"AWS::EKS::Nodegroup") {
            ImportedNodeGroup g;
            g.source = where;
            for (const QJsonValue &t : props.value(u"InstanceTypes").toArray())
                g.instanceTypes << t.toString();
            // NodegroupScalingConfig (EKS API reference): "you must specify all or none of the properties";
            // no default is documented, so an absent one is said, not guessed.
            const QJsonObject scaling = props.value(u"ScalingConfig").toObject();
            if (scaling.isEmpty())
                file.warn(where, QStringLiteral("no ScalingConfig: its node counts are not known"));
            g.minSize = intOf(scaling.value(u"MinSize"));
            g.maxSize = intOf(scaling.value(u"MaxSize"));
            g.desiredSize = intOf(scaling.value(u"DesiredSize"), g.minSize);
            if (!scaling.isEmpty()
                && (g.minSize < 0 || g.maxSize < g.minSize || g.desiredSize < g.minSize || g.desiredSize > g.maxSize)) {
                file.error(where + QStringLiteral(": Properties.ScalingConfig"),
                    QStringLiteral("needs 0 <= MinSize <= DesiredSize <= MaxSize (%1, %2, %3)")
                        .arg(g.minSize)
                        .arg(g.desiredSize)
                        .arg(g.maxSize));
                continue;
            }
            g.spot = props.value(u"CapacityType").toString() == u"SPOT";
            if (const int disk = intOf(props.value(u"DiskSize")); disk > 0)
                g.diskGib = disk;
            file.nodeGroups.append(g);
        }
    }
}

} // namespace

ImportResult importCloudFormation(const QList<ImportInput> &inputs)
{
    ImportResult result;
    for (const ImportInput &input : inputs) {
        InfraFile file;
        file.origin = input.origin;
        try {
            importTemplate(input, file);
        } catch (const std::exception &e) {
            file.error(input.origin, QStringLiteral("cannot read: ") + QString::fromLocal8Bit(e.what()));
        }
        finishInfraFile(file, result);
    }
    makeServiceNamesUnique(result);
    return result;
}

ImportResult importCloudFormationPaths(const QStringList &paths)
{
    return importPaths(paths, &importCloudFormation);
}

} // namespace fleetplan::models
