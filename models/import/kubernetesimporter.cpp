// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/kubernetesimporter.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <sstream>
#include <string>

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMultiHash>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "models/import/cronschedule.h"
#include "models/import/quantity.h"
#include "models/workload/validation.h"

namespace fleetplan::models {

namespace {

/// Objects, containers and list entries read per file; beyond this a file is refused. YAML aliases let a
/// small file name the same large object many times over ("billion laughs"); this keeps the work bounded.
constexpr int kMaxWorkPerFile = 50000;
/// Nesting of List objects inside List objects.
constexpr int kMaxListDepth = 4;

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

/// A node with its path in the document and the position of it (or its nearest present ancestor).
///
/// yaml-cpp pitfalls handled here: a missing key yields an "invalid" node that throws on most uses, so
/// it is replaced by an Undefined node; and `YAML::Node::operator=` writes through to the node it
/// refers to (it would edit the document), so Ref rebinds with `reset()` instead.
struct Ref
{
    YAML::Node node;
    QString path;
    YAML::Mark mark;

    Ref(const YAML::Node &n, QString p, YAML::Mark m)
        : node(validOrUndefined(n))
        , path(std::move(p))
        , mark(m)
    {
        if (node.IsDefined() && !node.Mark().is_null())
            mark = node.Mark();
    }
    Ref(const Ref &) = default;
    Ref &operator=(const Ref &other)
    {
        if (this != &other) {
            node.reset(other.node);
            path = other.path;
            mark = other.mark;
        }
        return *this;
    }

    bool present() const { return node.IsDefined() && !node.IsNull(); }
    bool isMap() const { return node.IsDefined() && node.IsMap(); }
    bool isSequence() const { return node.IsDefined() && node.IsSequence(); }
    bool isScalar() const { return node.IsDefined() && node.IsScalar(); }
    QString scalar() const { return isScalar() ? fromStd(node.Scalar()) : QString(); }

    Ref operator[](const char *key) const
    {
        const QString childPath = path.isEmpty() ? QString::fromLatin1(key) : path + u'.' + QString::fromLatin1(key);
        if (!isMap())
            return Ref(undefined(), childPath, mark);
        const YAML::Node &self = node; // const lookup: never inserts
        return Ref(self[key], childPath, mark);
    }
    std::size_t size() const { return isSequence() ? node.size() : 0; }
    Ref at(std::size_t i) const
    {
        const YAML::Node &self = node;
        return Ref(self[i], path + QStringLiteral("[%1]").arg(i), mark);
    }

private:
    static YAML::Node validOrUndefined(const YAML::Node &n)
    {
        if (!n.IsDefined()) // also true for an invalid node
            return undefined();
        return n;
    }

public:
    /// One shared Undefined node: never written to, and creating one per missing key is costly.
    static const YAML::Node &undefined()
    {
        static const YAML::Node node(YAML::NodeType::Undefined);
        return node;
    }
};

/// The API group of an apiVersion ("apps/v1" → "apps", "v1" → "").
QString apiGroup(const QString &apiVersion)
{
    const qsizetype slash = apiVersion.indexOf(u'/');
    return slash < 0 ? QString() : apiVersion.left(slash);
}

/// Kubernetes' own API groups: the core group, the unqualified ones (apps, batch, autoscaling, policy) and
/// the *.k8s.io ones. Anything else is a custom resource (an operator's or an add-on's).
bool isBuiltInGroup(const QString &group)
{
    return group.isEmpty() || !group.contains(u'.') || group.endsWith(QLatin1String(".k8s.io")) || group == u"k8s.io";
}

/// Custom resources of the Prometheus operator (monitoring.coreos.com) whose pods are documented.
const QSet<QString> &prometheusOperatorKinds()
{
    static const QSet<QString> kinds { QStringLiteral("Prometheus"), QStringLiteral("PrometheusAgent"),
        QStringLiteral("Alertmanager"), QStringLiteral("ThanosRuler") };
    return kinds;
}

/// A workload read from one object, before HPAs are joined to it.
struct Pending
{
    Service service;
    QString kind;
    QString ns;
    QString name;
};

struct Hpa
{
    QString where;
    QString name;
    QString ns;
    QString targetKind;
    QString targetName;
    int minReplicas = 1;
    int maxReplicas = 1;
};

/// One file being imported: nothing of it is kept if it records an error.
class FileImport
{
public:
    explicit FileImport(QString origin)
        : m_origin(std::move(origin))
    {
    }

    QList<Pending> pending;
    QList<Hpa> hpas;
    QMap<QString, int> skipped;
    QMap<QString, int> customKinds; ///< "Kind (group)" → custom resources of that kind skipped
    QStringList addOns; ///< kube-system add-ons the platform model counts itself (aws-node, kube-proxy, coredns)
    QList<Diagnostic> diagnostics;
    bool failed = false;

    QString origin() const { return m_origin; }

    QString where(const YAML::Mark &mark) const
    {
        if (mark.is_null())
            return m_origin;
        return QStringLiteral("%1:%2:%3").arg(m_origin).arg(mark.line + 1).arg(mark.column + 1);
    }
    void error(const Ref &at, const QString &message)
    {
        failed = true;
        diagnostics.append({ Diagnostic::Severity::Error, where(at.mark), describe(at, message) });
    }
    void warn(const Ref &at, const QString &message)
    {
        diagnostics.append({ Diagnostic::Severity::Warning, where(at.mark), describe(at, message) });
    }
    void fileError(const QString &where, const QString &message)
    {
        failed = true;
        diagnostics.append({ Diagnostic::Severity::Error, where, message });
    }

    void importDocument(const YAML::Node &doc, const QString &rootPath)
    {
        importObject(Ref(doc, rootPath, YAML::Mark::null_mark()), 0);
    }

private:
    QString m_origin;
    QString m_objectName; ///< "Deployment/web" while reading that object
    int m_work = 0;
    int m_initGpus = 0; ///< the most accelerators one init container of the pod being read asks for

    /// Counts one unit of work; false (with an error, once) when the file's budget is spent.
    bool spend(const Ref &at)
    {
        if (++m_work <= kMaxWorkPerFile)
            return true;
        if (m_work == kMaxWorkPerFile + 1)
            error(at,
                QStringLiteral("too large: more than %1 objects, containers and list entries to read")
                    .arg(kMaxWorkPerFile));
        return false;
    }

    QString describe(const Ref &at, const QString &message) const
    {
        QString text;
        if (!m_objectName.isEmpty())
            text += m_objectName + QStringLiteral(": ");
        if (!at.path.isEmpty())
            text += at.path + QStringLiteral(": ");
        return text + message;
    }

    /// An optional integer field of 0 to `maximum` (validation.h's limits); `fallback` when absent.
    std::optional<int> readInt(const Ref &at, int fallback, int maximum)
    {
        if (!at.present())
            return fallback;
        bool ok = false;
        const qlonglong v = at.scalar().toLongLong(&ok);
        if (!ok || v < 0) {
            error(at, QStringLiteral("must be a whole number of 0 or more, not \"%1\"").arg(at.scalar()));
            return std::nullopt;
        }
        if (v > maximum) {
            error(at, QStringLiteral("%1 is above the limit of %2").arg(v).arg(maximum));
            return std::nullopt;
        }
        return int(v);
    }

    /// A Deployment's maxSurge or maxUnavailable: an absolute number or a percent ("25%"); Kubernetes'
    /// default 25 % when absent (apps/v1 RollingUpdateDeployment).
    bool readIntOrPercent(const Ref &at, double &value, bool &percent)
    {
        if (!at.present())
            return true;
        QString text = at.scalar().trimmed();
        percent = text.endsWith(u'%');
        if (percent)
            text.chop(1);
        bool ok = false;
        const qlonglong v = text.toLongLong(&ok);
        if (!ok || v < 0 || v > (percent ? 1000 : MaxReplicas)) {
            error(at,
                QStringLiteral("must be a whole number of pods or a percent such as \"25%\", not \"%1\"")
                    .arg(at.scalar()));
            return false;
        }
        value = double(v);
        return true;
    }

    /// spec.strategy of a Deployment (apps/v1 DeploymentStrategy): RollingUpdate with maxSurge /
    /// maxUnavailable (each 25 % by default), or Recreate — every old pod stops before a new one starts, so
    /// nothing surges (modelled as a rolling update with max surge 0 and max unavailable 100 %). Absent: left
    /// at none. The manifests carry no deployment frequency: it stays 0, so nothing is priced until the user
    /// sets one (docs/import.md).
    bool readStrategy(const Ref &strategy, DeploymentSettings &out)
    {
        if (!strategy.present())
            return true;
        const QString type = strategy["type"].present() ? strategy["type"].scalar() : QStringLiteral("RollingUpdate");
        DeploymentSettings d;
        d.strategy = DeploymentStrategy::Rolling;
        if (type == u"Recreate") {
            d.maxSurge = 0;
            d.maxUnavailable = 100;
        } else if (type == u"RollingUpdate") {
            const Ref rolling = strategy["rollingUpdate"];
            if (!readIntOrPercent(rolling["maxSurge"], d.maxSurge, d.maxSurgePercent)
                || !readIntOrPercent(rolling["maxUnavailable"], d.maxUnavailable, d.maxUnavailablePercent))
                return false;
        } else {
            error(strategy["type"],
                QStringLiteral("unknown strategy \"%1\" (expected RollingUpdate or Recreate)").arg(type));
            return false;
        }
        out = d;
        return true;
    }

    /// requests.<resource>, else limits.<resource> (Kubernetes defaults a missing request to the limit).
    std::optional<double> readResource(const Ref &container, const char *resource, bool memory)
    {
        const Ref resources = container["resources"];
        Ref value = resources["requests"][resource];
        if (!value.present())
            value = resources["limits"][resource];
        if (!value.present())
            return 0.0;
        if (!value.isScalar()) {
            error(value, QStringLiteral("must be a quantity such as 250m, 0.5, 1Gi"));
            return std::nullopt;
        }
        QString why;
        const auto parsed = memory ? parseMemoryQuantity(value.scalar(), &why) : parseCpuQuantity(value.scalar(), &why);
        if (!parsed) {
            error(value, why);
            return parsed;
        }
        // "1e37" is a valid quantity; no container asks for it (the limits of validation.h).
        const double limit = memory ? MaxTaskMemoryMib : MaxTaskVcpu;
        if (*parsed > limit) {
            error(value,
                QStringLiteral("%1 is above the limit of %2 %3")
                    .arg(value.scalar())
                    .arg(limit, 0, 'f', 0)
                    .arg(memory ? QStringLiteral("MiB") : QStringLiteral("vCPU")));
            return std::nullopt;
        }
        return parsed;
    }

    /// Accelerators a container asks for: `nvidia.com/gpu` or `aws.amazon.com/neuron` in requests, else
    /// limits (Kubernetes extended resources: a limit alone sets the request; they cannot be overcommitted).
    /// `kind`: -1 while the pod has no accelerator yet, else int(Accelerator); set by the first one found.
    bool readAccelerators(const Ref &container, int &count, int &kind)
    {
        const Ref resources = container["resources"];
        for (const auto &[key, accelerator] : { std::pair { "nvidia.com/gpu", Accelerator::NvidiaGpu },
                 std::pair { "aws.amazon.com/neuron", Accelerator::AwsNeuron } }) {
            Ref value = resources["requests"][key];
            if (!value.present())
                value = resources["limits"][key];
            if (!value.present())
                continue;
            bool ok = false;
            const int n = value.scalar().toInt(&ok);
            if (!value.isScalar() || !ok || n < 0) {
                error(value, QStringLiteral("must be a whole number of devices, not \"%1\"").arg(value.scalar()));
                return false;
            }
            if (n == 0)
                continue;
            if (kind >= 0 && kind != int(accelerator)) {
                error(value,
                    QStringLiteral("a pod asking for both nvidia.com/gpu and aws.amazon.com/neuron is not "
                                   "planned (no instance type has both)"));
                return false;
            }
            kind = int(accelerator);
            count = n;
        }
        return true;
    }

    bool readContainers(const Ref &list, bool initList, Service &s, double &ephemeralMib)
    {
        if (list.present() && !list.isSequence()) {
            error(list, QStringLiteral("must be a list of containers"));
            return false;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Ref c = list.at(i);
            if (!spend(c))
                return false;
            if (!c.isMap()) {
                error(c, QStringLiteral("must be a container (a mapping with name and image)"));
                return false;
            }
            Container container;
            container.name = c["name"].scalar();
            const auto cpu = readResource(c, "cpu", false);
            const auto memory = readResource(c, "memory", true);
            const auto ephemeral = readResource(c, "ephemeral-storage", true);
            if (!cpu || !memory || !ephemeral)
                return false;
            container.cpu = *cpu;
            container.memoryMib = *memory;
            // Native sidecars (Kubernetes 1.29+): an init container with restartPolicy Always keeps running.
            container.init = initList && c["restartPolicy"].scalar() != u"Always";
            int gpus = 0;
            int kind = s.gpus > 0 || m_initGpus > 0 ? int(s.accelerator) : -1;
            if (!readAccelerators(c, gpus, kind))
                return false;
            if (gpus > 0) {
                s.accelerator = Accelerator(kind);
                // Like CPU and memory: long-running containers add up, init containers run one at a time.
                if (container.init)
                    m_initGpus = std::max(m_initGpus, gpus);
                else
                    s.gpus += gpus;
            }
            if (!container.init)
                ephemeralMib += *ephemeral;
            const Ref ports = c["ports"];
            for (std::size_t p = 0; p < ports.size(); ++p) {
                if (!spend(ports))
                    return false;
                const auto hostPort = readInt(ports.at(p)["hostPort"], 0, 65535);
                if (!hostPort)
                    return false;
                if (s.hostPort == 0)
                    s.hostPort = *hostPort;
            }
            s.containers.append(container);
        }
        return true;
    }

    /// Applies one node label requirement (nodeSelector entry or In values of node affinity).
    void applyNodeLabel(
        const Ref &at, const QString &key, const QStringList &values, Service &s, bool &archArm, bool &archSeen)
    {
        if (key == u"kubernetes.io/arch" || key == u"beta.kubernetes.io/arch") {
            archSeen = true;
            if (!values.contains(QStringLiteral("amd64")) && values.contains(QStringLiteral("arm64")))
                archArm = true;
            else if (!values.contains(QStringLiteral("amd64")))
                warn(at, QStringLiteral("architecture %1 is not planned; assuming x86_64").arg(values.join(u',')));
        } else if (key == u"kubernetes.io/os" || key == u"beta.kubernetes.io/os") {
            if (values.contains(QStringLiteral("windows")) && !values.contains(QStringLiteral("linux")))
                s.os = OsFamily::Windows;
        } else if (key == u"karpenter.sh/capacity-type" || key == u"eks.amazonaws.com/capacityType") {
            for (const QString &v : values) {
                if (v.compare(QLatin1String("spot"), Qt::CaseInsensitive) == 0)
                    s.spotOk = true;
            }
        }
    }

    /// Whether a label selector (matchLabels, matchExpressions) selects a pod with these labels.
    bool selects(const Ref &selector, const Ref &labels)
    {
        if (!selector.isMap())
            return false; // a missing selector matches no pod (an empty one matches all)
        auto label = [&](const QString &key) -> std::optional<QString> {
            const Ref v = labels[key.toUtf8().constData()];
            return v.isScalar() ? std::optional<QString>(v.scalar()) : std::nullopt;
        };
        const Ref match = selector["matchLabels"];
        if (match.isMap()) {
            for (auto it = match.node.begin(); it != match.node.end() && spend(match); ++it) {
                if (!it->first.IsScalar() || !it->second.IsScalar()
                    || label(fromStd(it->first.Scalar())) != fromStd(it->second.Scalar()))
                    return false;
            }
        }
        const Ref expressions = selector["matchExpressions"];
        for (std::size_t e = 0; e < expressions.size() && spend(expressions); ++e) {
            const Ref expr = expressions.at(e);
            const QString op = expr["operator"].scalar();
            const std::optional<QString> have = label(expr["key"].scalar());
            QStringList values;
            const Ref list = expr["values"];
            for (std::size_t v = 0; v < list.size() && spend(list); ++v)
                values << list.at(v).scalar();
            const bool ok = op == u"In" ? have && values.contains(*have)
                : op == u"NotIn"        ? !have || !values.contains(*have)
                : op == u"Exists"       ? bool(have)
                : op == u"DoesNotExist" ? !have
                                        : false;
            if (!ok)
                return false;
        }
        return true;
    }

    /// Required pod anti-affinity against the pod's own labels on the hostname: one replica per node.
    void readPodAntiAffinity(const Ref &pod, const Ref &labels, Service &s)
    {
        const Ref terms = pod["affinity"]["podAntiAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"];
        for (std::size_t t = 0; t < terms.size() && spend(terms); ++t) {
            const Ref term = terms.at(t);
            if (!selects(term["labelSelector"], labels))
                continue; // keeps away from other pods only: not modelled
            const QString key = term["topologyKey"].scalar();
            if (key == u"kubernetes.io/hostname") {
                s.onePerNode = true;
            } else {
                warn(term["topologyKey"],
                    QStringLiteral("anti-affinity on \"%1\" is not modelled (only kubernetes.io/hostname: one "
                                   "replica per node)")
                        .arg(key));
            }
        }
        const Ref spread = pod["topologySpreadConstraints"];
        if (spread.size() > 0)
            warn(spread,
                QStringLiteral("topologySpreadConstraints are not modelled; the replicas are packed without them"));
    }

    bool readPodSpec(const Ref &pod, Service &s)
    {
        if (!pod.isMap()) {
            error(pod, QStringLiteral("missing pod spec"));
            return false;
        }
        const Ref containers = pod["containers"];
        if (!containers.isSequence() || containers.size() == 0) {
            error(containers, QStringLiteral("a pod needs at least one container"));
            return false;
        }
        double ephemeralMib = 0;
        m_initGpus = 0;
        if (!readContainers(containers, false, s, ephemeralMib)
            || !readContainers(pod["initContainers"], true, s, ephemeralMib))
            return false;
        s.gpus = std::max(s.gpus, m_initGpus);
        // Fargate includes 20 GiB of ephemeral storage; only larger requests change the plan.
        s.ephemeralGib = std::max(20.0, ephemeralMib / 1024.0);
        s.cpu = s.effectiveCpu();
        s.memoryMib = s.effectiveMemoryMib();

        bool archArm = false;
        bool archSeen = false;
        const Ref selector = pod["nodeSelector"];
        if (selector.isMap()) {
            for (auto it = selector.node.begin(); it != selector.node.end() && spend(selector); ++it) {
                if (!it->first.IsScalar() || !it->second.IsScalar())
                    continue;
                applyNodeLabel(
                    selector, fromStd(it->first.Scalar()), { fromStd(it->second.Scalar()) }, s, archArm, archSeen);
            }
        }
        const Ref terms
            = pod["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"];
        for (std::size_t t = 0; t < terms.size(); ++t) {
            const Ref expressions = terms.at(t)["matchExpressions"];
            for (std::size_t e = 0; e < expressions.size() && spend(expressions); ++e) {
                const Ref expr = expressions.at(e);
                if (expr["operator"].scalar() != u"In")
                    continue;
                QStringList values;
                const Ref list = expr["values"];
                for (std::size_t v = 0; v < list.size() && spend(list); ++v)
                    values << list.at(v).scalar();
                applyNodeLabel(expr, expr["key"].scalar(), values, s, archArm, archSeen);
            }
        }
        if (archSeen && archArm)
            s.arch = Arch::Arm64;
        const Ref tolerations = pod["tolerations"];
        for (std::size_t t = 0; t < tolerations.size() && spend(tolerations); ++t) {
            const Ref tol = tolerations.at(t);
            const QString key = tol["key"].scalar();
            if (key != u"karpenter.sh/capacity-type" && key != u"eks.amazonaws.com/capacityType")
                continue;
            if (tol["operator"].scalar() == u"Exists"
                || tol["value"].scalar().compare(QLatin1String("spot"), Qt::CaseInsensitive) == 0)
                s.spotOk = true;
        }
        if (pod["hostNetwork"].scalar() == u"true")
            s.networkMode = NetworkMode::Host;
        // A pod with no CPU (or memory) request or limit on any container: plan it as EKS Fargate runs such
        // a pod, 0.25 vCPU / 0.5 GB ("Fargate pod configuration", EKS user guide), on its first container.
        if (s.cpu <= 0 || s.memoryMib <= 0) {
            Container &first = s.containers.first();
            QStringList planned;
            if (s.cpu <= 0) {
                first.cpu = NoRequestCpu;
                planned << QStringLiteral("%1 vCPU").arg(NoRequestCpu);
            }
            if (s.memoryMib <= 0) {
                first.memoryMib = NoRequestMemoryMib;
                s.noMemoryRequest = true; // EKS Fargate sizes it from 0 MiB + 256 MiB (fargatemodel.cpp)
                planned << QStringLiteral("%1 MiB").arg(NoRequestMemoryMib);
            }
            s.cpu = s.effectiveCpu();
            s.memoryMib = s.effectiveMemoryMib();
            warn(pod,
                QStringLiteral("no %1 request or limit on its containers: planned with %2 on container %3, as EKS "
                               "Fargate runs such pods")
                    .arg(planned.size() == 2 ? QStringLiteral("CPU or memory")
                                             : (planned.constFirst().endsWith(u"vCPU") ? QStringLiteral("CPU")
                                                                                       : QStringLiteral("memory")),
                        planned.join(QStringLiteral(" and ")), first.name));
        }
        return true;
    }

    void readJob(const Ref &jobSpec, Service &s)
    {
        const auto parallelism = readInt(jobSpec["parallelism"], 1, MaxReplicas);
        const auto completions = readInt(jobSpec["completions"], -1, std::numeric_limits<int>::max());
        const auto deadline = readInt(jobSpec["activeDeadlineSeconds"], 0, std::numeric_limits<int>::max());
        if (!parallelism || !completions || !deadline)
            return;
        s.replicas = *completions >= 0 ? std::min(*parallelism, *completions) : *parallelism;
        if (*deadline > 0) {
            s.runSeconds = *deadline;
        } else {
            // At most the time between two runs: "* * * * *" is assumed to take 60 s, not 600.
            const int between = s.runsPerDay > 0 ? 86400 / s.runsPerDay : DefaultJobRunSeconds;
            s.runSeconds = std::min(DefaultJobRunSeconds, between);
            warn(jobSpec,
                QStringLiteral("no activeDeadlineSeconds: each run is assumed to take %1 s").arg(s.runSeconds));
        }
    }

    void readHpa(const Ref &object, const QString &name, const QString &ns)
    {
        const Ref spec = object["spec"];
        Hpa hpa;
        hpa.where = where(object.mark);
        hpa.name = name;
        hpa.ns = ns;
        hpa.targetKind = spec["scaleTargetRef"]["kind"].scalar();
        hpa.targetName = spec["scaleTargetRef"]["name"].scalar();
        if (hpa.targetKind.isEmpty() || hpa.targetName.isEmpty())
            return error(spec["scaleTargetRef"], QStringLiteral("needs kind and name"));
        const auto minReplicas = readInt(spec["minReplicas"], 1, MaxReplicas);
        if (!spec["maxReplicas"].present())
            return error(spec["maxReplicas"], QStringLiteral("is required"));
        const auto maxReplicas = readInt(spec["maxReplicas"], 1, MaxReplicas);
        if (!minReplicas || !maxReplicas)
            return;
        if (*maxReplicas < *minReplicas)
            return error(spec["maxReplicas"], QStringLiteral("is less than minReplicas (%1)").arg(*minReplicas));
        hpa.minReplicas = *minReplicas;
        hpa.maxReplicas = *maxReplicas;
        hpas.append(hpa);
    }

    void importObject(const Ref &object, int listDepth)
    {
        if (!spend(object))
            return;
        if (!object.present())
            return; // an empty document, e.g. between two "---"
        if (!object.isMap())
            return error(
                object, QStringLiteral("not a Kubernetes object (expected a mapping with apiVersion and kind)"));
        const QString kind = object["kind"].scalar();
        const Ref items = object["items"];
        if (kind == u"List" || (kind.endsWith(QLatin1String("List")) && items.isSequence())) {
            if (listDepth >= kMaxListDepth)
                return error(object, QStringLiteral("Lists nested more than %1 deep").arg(kMaxListDepth));
            if (items.present() && !items.isSequence())
                return error(items, QStringLiteral("must be a list of objects"));
            for (std::size_t i = 0; i < items.size() && !failed; ++i)
                importObject(items.at(i), listDepth + 1);
            return;
        }
        if (kind.isEmpty()) {
            warn(object, QStringLiteral("no kind: not a Kubernetes object, skipped"));
            ++skipped[QStringLiteral("(no kind)")];
            return;
        }
        const Ref metadata = object["metadata"];
        QString name = metadata["name"].scalar();
        if (name.isEmpty())
            name = metadata["generateName"].scalar();
        const QString ns = metadata["namespace"].scalar();

        const Ref owners = metadata["ownerReferences"];
        for (std::size_t i = 0; i < owners.size() && spend(owners); ++i) {
            if (owners.at(i)["controller"].scalar() == u"true") {
                ++skipped[QStringLiteral("%1 (owned by %2)").arg(kind, owners.at(i)["kind"].scalar())];
                return;
            }
        }
        // `helm template` also prints hook objects (tests, pre-install jobs): they do not run in the fleet.
        if (metadata["annotations"]["helm.sh/hook"].present()) {
            ++skipped[QStringLiteral("%1 (helm hook)").arg(kind)];
            return;
        }
        static const QSet<QString> modelled { QStringLiteral("Deployment"), QStringLiteral("StatefulSet"),
            QStringLiteral("ReplicaSet"), QStringLiteral("ReplicationController"), QStringLiteral("DaemonSet"),
            QStringLiteral("Job"), QStringLiteral("CronJob"), QStringLiteral("Pod"),
            QStringLiteral("HorizontalPodAutoscaler") };
        const QString group = apiGroup(object["apiVersion"].scalar());
        const bool operatorKind = group == u"monitoring.coreos.com" && prometheusOperatorKinds().contains(kind);
        if (!modelled.contains(kind) && !operatorKind) {
            if (isBuiltInGroup(group)) {
                ++skipped[kind];
            } else {
                // A custom resource may well run pods (an operator's), which the plan would then miss.
                ++skipped[QStringLiteral("%1 (custom resource)").arg(kind)];
                ++customKinds[kind + QStringLiteral(" (") + group + u')'];
            }
            return;
        }
        m_objectName = kind + u'/' + name;
        if (name.isEmpty())
            error(metadata, QStringLiteral("metadata.name is missing"));
        else
            importWorkload(object, kind, name, ns);
        m_objectName.clear();
    }

    /// Prometheus, PrometheusAgent, Alertmanager and ThanosRuler of the Prometheus operator
    /// (monitoring.coreos.com/v1 API reference): the operator runs a StatefulSet of `spec.replicas` pods
    /// (default 1), for Prometheus and PrometheusAgent per shard (`spec.shards`, default 1), whose main
    /// container gets `spec.resources`; `nodeSelector`, `tolerations` and `affinity` are pod fields of the
    /// spec. The operator's config-reloader sidecar is not counted (docs/import.md).
    void readOperatorWorkload(const Ref &object, const QString &kind, const QString &name, const QString &ns)
    {
        const Ref spec = object["spec"];
        Service s;
        s.name = name;
        s.source = m_origin + QStringLiteral(": ") + kind + u'/' + name;
        const auto replicas = readInt(spec["replicas"], 1, MaxReplicas);
        const auto shards = readInt(spec["shards"], 1, MaxReplicas);
        if (!replicas || !shards)
            return;
        const bool sharded = kind == u"Prometheus" || kind == u"PrometheusAgent";
        const qint64 pods = qint64(*replicas) * (sharded ? *shards : 1);
        if (pods > MaxReplicas)
            return error(
                spec["replicas"], QStringLiteral("replicas × shards is above the limit of %1").arg(MaxReplicas));
        s.replicas = int(pods);
        // The pod the operator makes, as a pod spec this reader knows: one container with spec.resources.
        YAML::Node container(YAML::NodeType::Map);
        container["name"] = kind.toLower().toStdString();
        if (spec["resources"].present())
            container["resources"] = spec["resources"].node;
        YAML::Node pod(YAML::NodeType::Map);
        pod["containers"].push_back(container);
        for (const char *field : { "nodeSelector", "tolerations", "affinity" }) {
            if (spec[field].present())
                pod[field] = spec[field].node;
        }
        if (failed || !readPodSpec(Ref(pod, spec.path, spec.mark), s))
            return;
        pending.append({ s, kind, ns, name });
    }

    void importWorkload(const Ref &object, const QString &kind, const QString &name, const QString &ns)
    {
        if (kind == u"HorizontalPodAutoscaler")
            return readHpa(object, name, ns);
        // `kubectl get -A` of an EKS cluster lists the add-ons the EKS-nodes platform model already runs on
        // every node (aws-node, kube-proxy) and beside the workload (CoreDNS, two replicas): not twice.
        if (ns == u"kube-system"
            && ((kind == u"DaemonSet" && (name == u"aws-node" || name == u"kube-proxy"))
                || (kind == u"Deployment" && name == u"coredns"))) {
            ++skipped[QStringLiteral("%1 (EKS add-on)").arg(kind)];
            addOns.append(name);
            return;
        }
        const Ref spec = object["spec"];
        Service s;
        s.name = name;
        s.source = m_origin + QStringLiteral(": ") + kind + u'/' + name;
        Ref pod = spec["template"]["spec"];
        Ref podLabels = spec["template"]["metadata"]["labels"];
        if (prometheusOperatorKinds().contains(kind))
            return readOperatorWorkload(object, kind, name, ns);
        // ReplicationController: the older ReplicaSet (core/v1), the same replicas and pod template.
        if (kind == u"Deployment" || kind == u"StatefulSet" || kind == u"ReplicaSet"
            || kind == u"ReplicationController") {
            const auto replicas = readInt(spec["replicas"], 1, MaxReplicas);
            if (!replicas)
                return;
            s.replicas = *replicas;
            if (kind == u"Deployment" && !readStrategy(spec["strategy"], s.deployment))
                return;
        } else if (kind == u"DaemonSet") {
            s.kind = ServiceKind::Daemon;
        } else if (kind == u"Pod") {
            pod = spec;
        } else if (kind == u"Job") {
            s.kind = ServiceKind::Job;
            s.runsPerDay = 1;
            warn(object, QStringLiteral("a Job runs once; planned as one run per day"));
            readJob(spec, s);
        } else if (kind == u"CronJob") {
            s.kind = ServiceKind::Job;
            const Ref schedule = spec["schedule"];
            QString why;
            const auto runs = parseCronSchedule(schedule.scalar(), &why);
            if (!runs)
                return error(schedule, why);
            s.runsPerDay = runs->runsPerDay;
            if (!runs->everyDay)
                warn(schedule,
                    QStringLiteral("\"%1\" does not run every day; planned as %2 run(s) on every day")
                        .arg(schedule.scalar())
                        .arg(runs->runsPerDay));
            const Ref jobSpec = spec["jobTemplate"]["spec"];
            readJob(jobSpec, s);
            pod = jobSpec["template"]["spec"];
            podLabels = jobSpec["template"]["metadata"]["labels"];
        }
        if (failed || !readPodSpec(pod, s))
            return;
        readPodAntiAffinity(pod, kind == u"Pod" ? object["metadata"]["labels"] : podLabels, s);
        pending.append({ s, kind, ns, name });
    }
};

/// QJsonValue → YAML::Node, so that one reader serves `kubectl -o json` and YAML alike.
YAML::Node toYaml(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        YAML::Node map(YAML::NodeType::Map);
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            map[it.key().toStdString()] = toYaml(it.value());
        return map;
    }
    case QJsonValue::Array: {
        YAML::Node seq(YAML::NodeType::Sequence);
        for (const QJsonValue &v : value.toArray())
            seq.push_back(toYaml(v));
        return seq;
    }
    case QJsonValue::String:
        return YAML::Node(value.toString().toStdString());
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)) && d > -9e15 && d < 9e15)
            return YAML::Node(QByteArray::number(qint64(d)).toStdString());
        return YAML::Node(QByteArray::number(d, 'g', 17).toStdString());
    }
    case QJsonValue::Bool:
        return YAML::Node(value.toBool() ? "true" : "false");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return YAML::Node(YAML::NodeType::Null);
}

bool looksLikeJson(const QByteArray &data)
{
    for (char c : data) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

/// Watches a first parse for yaml-cpp 0.7's endless loop: on input such as "," its LoadAll() keeps
/// starting empty documents at the same token, growing memory without end (jbeder/yaml-cpp#1040, fixed
/// upstream by PR #1319 after 0.7.0, the version in Debian 12). A document that starts where the
/// previous one started is turned into a syntax error.
class ProgressGuard : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (m_documents > 0 && mark.pos <= m_lastPos)
            throw YAML::ParserException(mark, "unexpected token here; the document cannot be read");
        m_lastPos = mark.pos;
        ++m_documents;
    }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override { }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {
    }
    void OnSequenceEnd() override { }
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override { }
    void OnMapEnd() override { }

private:
    int m_lastPos = -1;
    int m_documents = 0;
};

/// YAML::LoadAll behind the ProgressGuard check (the text is parsed twice; only valid YAML is loaded).
std::vector<YAML::Node> loadAllDocuments(const QByteArray &data)
{
    const std::string text = data.toStdString();
    {
        std::istringstream stream(text);
        YAML::Parser parser(stream);
        ProgressGuard guard;
        while (parser.HandleNextDocument(guard)) { }
    }
    return YAML::LoadAll(text);
}

void importFile(const ImportInput &input, FileImport &file)
{
    if (looksLikeJson(input.data)) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(input.data, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            // YAML flow style ("{kind: Pod, ...}") starts like JSON: outside *.json files, try YAML too.
            if (!input.origin.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
                try {
                    const std::vector<YAML::Node> documents = loadAllDocuments(input.data);
                    for (const YAML::Node &yamlDoc : documents) {
                        if (file.failed)
                            break;
                        file.importDocument(yamlDoc, QString());
                    }
                    return;
                } catch (const YAML::ParserException &) {
                    // not YAML either: report the JSON error
                }
            }
            file.fileError(input.origin + u':' + lineColumn(input.data, parseError.offset),
                QStringLiteral("JSON syntax error: ") + parseError.errorString());
            return;
        }
        if (doc.isArray()) {
            const QJsonArray array = doc.array();
            for (qsizetype i = 0; i < array.size() && !file.failed; ++i)
                file.importDocument(toYaml(array.at(i)), QStringLiteral("$[%1]").arg(i));
        } else {
            file.importDocument(toYaml(doc.object()), QStringLiteral("$"));
        }
        return;
    }
    std::vector<YAML::Node> documents;
    try {
        documents = loadAllDocuments(input.data);
    } catch (const YAML::Exception &e) {
        file.fileError(e.mark.is_null() ? input.origin : file.where(e.mark),
            QStringLiteral("YAML syntax error: ") + fromStd(e.msg));
        return;
    }
    for (const YAML::Node &doc : documents) {
        if (file.failed)
            break;
        file.importDocument(doc, QString());
    }
}

} // namespace

QString KubernetesImportOptions::namespaceOf(const QString &ns)
{
    return ns.isEmpty() ? QStringLiteral("default") : ns;
}

bool KubernetesImportOptions::keeps(const QString &ns) const
{
    const QString name = namespaceOf(ns);
    const auto matches = [&name](const QStringList &patterns) {
        return std::any_of(patterns.cbegin(), patterns.cend(), [&name](const QString &pattern) {
            if (!pattern.contains(u'*') && !pattern.contains(u'?') && !pattern.contains(u'['))
                return pattern == name;
            return QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern)).match(name).hasMatch();
        });
    };
    return (includeNamespaces.isEmpty() || matches(includeNamespaces)) && !matches(excludeNamespaces);
}

ImportResult importKubernetes(const QList<ImportInput> &inputs)
{
    return importKubernetes(inputs, KubernetesImportOptions {});
}

ImportResult importKubernetes(const QList<ImportInput> &inputs, const KubernetesImportOptions &options)
{
    ImportResult result;
    QList<Pending> pending;
    QList<Hpa> hpas;
    QMap<QString, int> customKinds;
    for (const ImportInput &input : inputs) {
        FileImport file(input.origin);
        const QString name = input.origin.section(u'/', -1);
        if (name == u"Chart.yaml" || name == u"Chart.yml") {
            result.diagnostics.append({ Diagnostic::Severity::Error, input.origin, helmChartMessage() });
            result.failedFiles.append(input.origin);
            continue;
        }
        try {
            importFile(input, file);
        } catch (const YAML::Exception &e) {
            file.fileError(file.where(e.mark), QStringLiteral("cannot read: ") + fromStd(e.msg));
        } catch (const std::exception &e) {
            file.fileError(input.origin, QStringLiteral("cannot read: ") + QString::fromLocal8Bit(e.what()));
        }
        // A file that cannot be read and holds Go template actions is a chart's template. A rendered manifest
        // may hold such text too (kube-prometheus' alert annotations: "{{ $labels.instance }}"): it reads fine.
        if (file.failed && isHelmChartFile(input)) {
            result.diagnostics.append({ Diagnostic::Severity::Error, input.origin, helmChartMessage() });
            result.failedFiles.append(input.origin);
            continue;
        }
        if (file.failed) {
            for (const Diagnostic &d : std::as_const(file.diagnostics)) {
                if (d.isError())
                    result.diagnostics.append(d);
            }
            result.failedFiles.append(input.origin);
            continue;
        }
        result.diagnostics += file.diagnostics;
        for (const Pending &p : std::as_const(file.pending)) {
            if (options.keeps(p.ns))
                pending.append(p);
            else
                ++result.skippedKinds[QStringLiteral("%1 (namespace %2 not selected)")
                                          .arg(p.kind, KubernetesImportOptions::namespaceOf(p.ns))];
        }
        for (const Hpa &hpa : std::as_const(file.hpas)) {
            if (options.keeps(hpa.ns))
                hpas.append(hpa);
        }
        for (auto it = file.customKinds.cbegin(); it != file.customKinds.cend(); ++it)
            customKinds[it.key()] += it.value();
        if (!file.addOns.isEmpty())
            result.diagnostics.append({ Diagnostic::Severity::Warning, input.origin,
                QStringLiteral("kube-system add-on(s) %1 not imported: the EKS on EC2 platform model already "
                               "counts aws-node and kube-proxy on every node and CoreDNS (docs/cost-rules.md)")
                    .arg(file.addOns.join(QStringLiteral(", "))) });
        for (auto it = file.skipped.cbegin(); it != file.skipped.cend(); ++it)
            result.skippedKinds[it.key()] += it.value();
        result.importedFiles.append(input.origin);
    }

    QMultiHash<QString, qsizetype> byKindAndName;
    for (qsizetype i = 0; i < pending.size(); ++i)
        byKindAndName.insert(pending.at(i).kind + u'/' + pending.at(i).name, i);
    for (auto it = customKinds.cbegin(); it != customKinds.cend(); ++it) {
        result.diagnostics.append({ Diagnostic::Severity::Warning, QString(),
            QStringLiteral("skipped %1 custom resource(s) of kind %2: the importer does not know which pods "
                           "its operator runs (add them by hand if it runs any)")
                .arg(it.value())
                .arg(it.key()) });
    }
    QHash<qsizetype, QString> scaledBy; // pending index → the HPA that set its bounds
    for (const Hpa &hpa : std::as_const(hpas)) {
        bool joined = false;
        const auto range = byKindAndName.equal_range(hpa.targetKind + u'/' + hpa.targetName);
        for (auto it = range.first; it != range.second; ++it) {
            Pending &p = pending[*it];
            if (!p.ns.isEmpty() && !hpa.ns.isEmpty() && p.ns != hpa.ns)
                continue;
            joined = true;
            if (const auto first = scaledBy.constFind(*it); first != scaledBy.cend()) {
                // Kubernetes: two HPAs on one target fight over its replicas (AmbiguousSelector).
                result.diagnostics.append({ Diagnostic::Severity::Warning, hpa.where,
                    QStringLiteral("HorizontalPodAutoscaler/%1 also targets %2/%3, which "
                                   "HorizontalPodAutoscaler/%4 already scales (two HPAs on one target "
                                   "conflict); the first is used")
                        .arg(hpa.name, hpa.targetKind, hpa.targetName, *first) });
                continue;
            }
            scaledBy.insert(*it, hpa.name);
            p.service.minReplicas = hpa.minReplicas;
            p.service.maxReplicas = hpa.maxReplicas;
            p.service.replicas = std::clamp(p.service.replicas, hpa.minReplicas, hpa.maxReplicas);
        }
        if (!joined) {
            result.diagnostics.append({ Diagnostic::Severity::Warning, hpa.where,
                QStringLiteral("HorizontalPodAutoscaler/%1 targets %2/%3, which is not among the "
                               "imported objects; ignored")
                    .arg(hpa.name, hpa.targetKind, hpa.targetName) });
        }
    }
    // Namespaces kept: a name used in more than one namespace (`kubectl get -A`: api in shop and in billing)
    // is qualified as NAMESPACE/NAME, as kubectl names them; a clash inside one namespace (or without
    // namespaces) still gets "-2".
    QHash<QString, QSet<QString>> namespacesOf;
    for (const Pending &p : std::as_const(pending)) {
        if (!p.ns.isEmpty())
            namespacesOf[p.name].insert(p.ns);
    }
    for (Pending &p : pending) {
        if (!p.ns.isEmpty() && namespacesOf.value(p.name).size() > 1)
            p.service.name = p.ns + u'/' + p.name;
        result.services.append(p.service);
    }
    makeServiceNamesUnique(result);
    return result;
}

ImportResult importKubernetesPaths(const QStringList &paths, const KubernetesImportOptions &options)
{
    // A chart's folder is refused as a whole: its templates are not manifests, and its values.yaml and
    // Chart.yaml are not objects either.
    QStringList readable;
    QList<Diagnostic> chartErrors;
    QStringList chartFolders;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir() && QFileInfo::exists(info.filePath() + QStringLiteral("/Chart.yaml"))) {
            chartErrors.append({ Diagnostic::Severity::Error, path, helmChartMessage() });
            chartFolders.append(path);
        } else {
            readable.append(path);
        }
    }
    ImportResult result = importPaths(
        readable, [&options](const QList<ImportInput> &inputs) { return importKubernetes(inputs, options); });
    result.diagnostics = chartErrors + result.diagnostics;
    result.failedFiles = chartFolders + result.failedFiles;
    return result;
}

QString helmChartMessage()
{
    return QStringLiteral("this is a Helm chart: render it with `helm template NAME DIR > out.yaml` and import "
                          "out.yaml");
}

bool isHelmChartFile(const ImportInput &input)
{
    // Chart.yaml names the chart; a template holds Go template actions ("{{ .Values.x }}", "{{- include").
    const QString name = input.origin.section(u'/', -1);
    if (name == u"Chart.yaml" || name == u"Chart.yml")
        return true;
    static const QRegularExpression action(
        QStringLiteral("\\{\\{-?\\s*(\\.|\\$|include\\b|if\\b|else\\b|end\\b|range\\b|with\\b|define\\b|template\\b|"
                       "toYaml\\b|tpl\\b|/\\*)"));
    return action.match(QString::fromUtf8(input.data.left(1 << 20))).hasMatch();
}

} // namespace fleetplan::models
