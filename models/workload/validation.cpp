// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/validation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QHash>
#include <QSet>

#include "pricing/apprunner.h"
#include "pricing/catalog.h"
#include "pricing/fargatesizing.h"

namespace fleetplan::models {

namespace {

/// A problem with the fields (JSON keys) of the service it concerns, for per-cell lookups.
struct Problem
{
    QStringList fields;
    Diagnostic diagnostic;
};

Diagnostic error(const QString &where, const QString &message)
{
    return { Diagnostic::Severity::Error, where, message };
}

Diagnostic warning(const QString &where, const QString &message)
{
    return { Diagnostic::Severity::Warning, where, message };
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

/// "1000000000 is above the limit of 100000" (with a unit when given: "2048 vCPU is above ...").
QString aboveLimit(double value, double limit, const QString &unit = {})
{
    const QString suffix = unit.isEmpty() ? QString() : u' ' + unit;
    return QStringLiteral("%1%3 is above the limit of %2%3").arg(number(value), number(limit), suffix);
}

/// Rows of each service name, ascending: lets validateScenario find duplicates in O(n), not O(n²).
/// Names are printed in terminals, tables and reports: a control character (an escape sequence that
/// could fake "valid: 0 errors", a bidirectional override) is refused.
QString controlCharacterProblem(const QString &name)
{
    const qsizetype at = firstControlCharacter(name);
    if (at < 0)
        return {};
    const QString code = QStringLiteral("%1").arg(uint(name.at(at).unicode()), 4, 16, QChar(u'0')).toUpper();
    return QStringLiteral("contains the control character U+%1 at position %2 (names must be printable text)")
        .arg(code)
        .arg(at + 1);
}

using NameIndex = QHash<QString, QList<int>>;

NameIndex indexNames(const Scenario &sc)
{
    NameIndex names;
    for (qsizetype i = 0; i < sc.services.size(); ++i)
        names[sc.services.at(i).name].append(int(i));
    return names;
}

/// `names` may be null (one service checked alone: a linear scan is cheaper than building the index).
QList<Problem> serviceProblems(const Scenario &sc, int index, const NameIndex *names = nullptr)
{
    QList<Problem> out;
    const Service &s = sc.services.at(index);
    const QString base = QStringLiteral("services[%1]").arg(index);
    const QString named = QStringLiteral("service \"%1\"").arg(s.name);
    const auto field = [&base](const QString &key) -> QString { return base + u'.' + key; };
    const auto add = [&out](QStringList fields, Diagnostic d) { out.append({ std::move(fields), std::move(d) }); };

    if (s.name.trimmed().isEmpty())
        add({ QStringLiteral("name") }, error(field(QStringLiteral("name")), QStringLiteral("must not be empty")));
    if (const QString why = controlCharacterProblem(s.name); !why.isEmpty())
        add({ QStringLiteral("name") }, error(field(QStringLiteral("name")), why));
    int duplicate = -1;
    if (!s.name.isEmpty()) {
        if (names) {
            for (int j : names->value(s.name)) {
                if (j != index) {
                    duplicate = j;
                    break;
                }
            }
        } else {
            for (qsizetype j = 0; j < sc.services.size() && duplicate < 0; ++j) {
                if (j != index && sc.services.at(j).name == s.name)
                    duplicate = int(j);
            }
        }
    }
    if (duplicate >= 0)
        add({ QStringLiteral("name") },
            error(field(QStringLiteral("name")),
                QStringLiteral("duplicate service name \"%1\" (also services[%2])").arg(s.name).arg(duplicate)));

    // Task size. With containers the size is derived; the container fields are checked instead.
    if (s.containers.isEmpty()) {
        if (!(s.cpu > 0))
            add({ QStringLiteral("cpu") }, error(field(QStringLiteral("cpu")), QStringLiteral("must be > 0")));
        else if (s.cpu > MaxTaskVcpu)
            add({ QStringLiteral("cpu") },
                error(field(QStringLiteral("cpu")), aboveLimit(s.cpu, MaxTaskVcpu, QStringLiteral("vCPU"))));
        if (!(s.memoryMib > 0))
            add({ QStringLiteral("memory_mib") },
                error(field(QStringLiteral("memory_mib")), QStringLiteral("must be > 0")));
        else if (s.memoryMib > MaxTaskMemoryMib)
            add({ QStringLiteral("memory_mib") },
                error(field(QStringLiteral("memory_mib")),
                    aboveLimit(s.memoryMib, MaxTaskMemoryMib, QStringLiteral("MiB"))));
    } else {
        if (s.containers.size() > MaxContainersPerTask)
            add({ QStringLiteral("cpu"), QStringLiteral("memory_mib") },
                error(field(QStringLiteral("containers")),
                    QStringLiteral("%1 containers are more than the limit of %2 per task")
                        .arg(s.containers.size())
                        .arg(MaxContainersPerTask)));
        bool longRunning = false;
        for (qsizetype k = 0; k < s.containers.size(); ++k) {
            const Container &c = s.containers.at(k);
            const QString cbase = field(QStringLiteral("containers[%1]").arg(k));
            longRunning = longRunning || !c.init;
            if (!(c.cpu >= 0))
                add({ QStringLiteral("cpu") }, error(cbase + QStringLiteral(".cpu"), QStringLiteral("must be >= 0")));
            else if (c.cpu > MaxTaskVcpu)
                add({ QStringLiteral("cpu") },
                    error(cbase + QStringLiteral(".cpu"), aboveLimit(c.cpu, MaxTaskVcpu, QStringLiteral("vCPU"))));
            if (!(c.memoryMib >= 0))
                add({ QStringLiteral("memory_mib") },
                    error(cbase + QStringLiteral(".memory_mib"), QStringLiteral("must be >= 0")));
            else if (c.memoryMib > MaxTaskMemoryMib)
                add({ QStringLiteral("memory_mib") },
                    error(cbase + QStringLiteral(".memory_mib"),
                        aboveLimit(c.memoryMib, MaxTaskMemoryMib, QStringLiteral("MiB"))));
        }
        if (!longRunning)
            add({ QStringLiteral("cpu"), QStringLiteral("memory_mib") },
                error(field(QStringLiteral("containers")),
                    QStringLiteral("only init containers: a task needs at least one long-running container")));
        if (!(s.effectiveCpu() > 0))
            add({ QStringLiteral("cpu") },
                error(field(QStringLiteral("cpu")), QStringLiteral("must be > 0 (sum of the containers' cpu)")));
        else if (s.effectiveCpu() > MaxTaskVcpu)
            add({ QStringLiteral("cpu") },
                error(field(QStringLiteral("cpu")),
                    aboveLimit(s.effectiveCpu(), MaxTaskVcpu, QStringLiteral("vCPU"))
                        + QStringLiteral(" (sum of the containers' cpu)")));
        if (!(s.effectiveMemoryMib() > 0))
            add({ QStringLiteral("memory_mib") },
                error(field(QStringLiteral("memory_mib")),
                    QStringLiteral("must be > 0 (sum of the containers' memory_mib)")));
        else if (s.effectiveMemoryMib() > MaxTaskMemoryMib)
            add({ QStringLiteral("memory_mib") },
                error(field(QStringLiteral("memory_mib")),
                    aboveLimit(s.effectiveMemoryMib(), MaxTaskMemoryMib, QStringLiteral("MiB"))
                        + QStringLiteral(" (sum of the containers' memory_mib)")));
    }
    if (!(s.ephemeralGib >= 0))
        add({ QStringLiteral("ephemeral_gib") },
            error(field(QStringLiteral("ephemeral_gib")), QStringLiteral("must be >= 0")));
    else if (s.ephemeralGib > MaxStorageGib)
        add({ QStringLiteral("ephemeral_gib") },
            error(field(QStringLiteral("ephemeral_gib")),
                aboveLimit(s.ephemeralGib, MaxStorageGib, QStringLiteral("GiB"))));
    // Accelerators: the largest AWS types have 8 GPUs (p5.48xlarge) or 16 Neuron devices (trn1.32xlarge).
    if (s.gpus < 0 || s.gpus > 64)
        add({ QStringLiteral("gpus") },
            error(field(QStringLiteral("gpus")),
                QStringLiteral("must be a whole number of 0 to 64 accelerators per task, found %1").arg(s.gpus)));
    else if (s.gpus > 0 && s.kind == ServiceKind::Daemon)
        add({ QStringLiteral("gpus") },
            error(field(QStringLiteral("gpus")),
                QStringLiteral("a daemon runs on every node, GPU nodes or not: it cannot ask for accelerators")));
    if (s.os == OsFamily::Windows && s.arch == Arch::Arm64)
        add({ QStringLiteral("arch"), QStringLiteral("os") },
            error(named, QStringLiteral("Windows containers need arch x86_64 (there are no Windows arm64 tasks)")));

    // Replicas.
    for (const auto &[key, value] : { std::pair { u"replicas", s.replicas },
             std::pair { u"min_replicas", s.minReplicas }, std::pair { u"max_replicas", s.maxReplicas } }) {
        const QString name = QString::fromUtf16(key);
        if (value < 0)
            add({ name }, error(field(name), QStringLiteral("must be >= 0")));
        else if (value > MaxReplicas)
            add({ name }, error(field(name), aboveLimit(value, MaxReplicas)));
    }
    if (s.kind == ServiceKind::Service && s.minReplicas > s.maxReplicas)
        add({ QStringLiteral("min_replicas"), QStringLiteral("max_replicas") },
            error(named, QStringLiteral("min_replicas %1 > max_replicas %2").arg(s.minReplicas).arg(s.maxReplicas)));

    // Load profile.
    if (!s.loadProfile.isEmpty() && !sc.findLoadProfile(s.loadProfile)) {
        QStringList names;
        for (const LoadProfile &lp : sc.loadProfiles)
            names.append(lp.name);
        add({ QStringLiteral("load_profile") },
            error(field(QStringLiteral("load_profile")),
                QStringLiteral("unknown load profile \"%1\" (%2)")
                    .arg(s.loadProfile,
                        names.isEmpty() ? QStringLiteral("the scenario defines none")
                                        : QStringLiteral("defined: ") + names.join(QStringLiteral(", ")))));
    }
    if (s.kind != ServiceKind::Service && !s.loadProfile.isEmpty())
        add({ QStringLiteral("load_profile") },
            warning(field(QStringLiteral("load_profile")),
                QStringLiteral("ignored: a %1 is not scaled by load").arg(toId(s.kind))));

    // Jobs.
    if (s.kind == ServiceKind::Job) {
        if (s.runsPerDay <= 0)
            add({ QStringLiteral("runs_per_day") },
                error(field(QStringLiteral("runs_per_day")), QStringLiteral("a job needs runs_per_day > 0")));
        if (s.runSeconds <= 0)
            add({ QStringLiteral("run_seconds") },
                error(field(QStringLiteral("run_seconds")), QStringLiteral("a job needs run_seconds > 0")));
        if (s.runsPerDay > MaxRunsPerDay)
            add({ QStringLiteral("runs_per_day") },
                error(field(QStringLiteral("runs_per_day")),
                    aboveLimit(s.runsPerDay, MaxRunsPerDay) + QStringLiteral(" (one run a minute)")));
        if (s.runSeconds > MaxRunSeconds)
            add({ QStringLiteral("run_seconds") },
                error(field(QStringLiteral("run_seconds")),
                    aboveLimit(s.runSeconds, MaxRunSeconds, QStringLiteral("s")) + QStringLiteral(" (a week)")));
        const qint64 secondsPerDay = qint64(s.runsPerDay) * s.runSeconds; // both are ints: no overflow
        if (s.runsPerDay > 0 && s.runSeconds > 0 && secondsPerDay > MaxJobSecondsPerDay)
            add({ QStringLiteral("runs_per_day"), QStringLiteral("run_seconds") },
                error(named,
                    QStringLiteral("runs_per_day %1 × run_seconds %2 = %3 s is above the limit of %4 s "
                                   "(%5 runs overlapping)")
                        .arg(s.runsPerDay)
                        .arg(s.runSeconds)
                        .arg(secondsPerDay)
                        .arg(MaxJobSecondsPerDay)
                        .arg(MaxJobSecondsPerDay / 86400)));
        else if (s.runsPerDay > 0 && s.runSeconds > 0 && secondsPerDay > 86400)
            add({ QStringLiteral("runs_per_day"), QStringLiteral("run_seconds") },
                warning(named,
                    QStringLiteral("runs_per_day %1 × run_seconds %2 = %3 s exceeds a day (86400 s): runs overlap")
                        .arg(s.runsPerDay)
                        .arg(s.runSeconds)
                        .arg(qint64(s.runsPerDay) * s.runSeconds)));
    } else if (s.runsPerDay != 0 || s.runSeconds != 0) {
        add({ QStringLiteral("runs_per_day"), QStringLiteral("run_seconds") },
            warning(named, QStringLiteral("runs_per_day and run_seconds are ignored: only a job runs on a schedule")));
    }

    // App Runner request load (issue 19).
    if (!(s.requestsPerSecond >= 0))
        add({ QStringLiteral("requests_per_second") },
            error(field(QStringLiteral("requests_per_second")), QStringLiteral("must be >= 0")));
    else if (s.requestsPerSecond > MaxRequestsPerSecond)
        add({ QStringLiteral("requests_per_second") },
            error(field(QStringLiteral("requests_per_second")), aboveLimit(s.requestsPerSecond, MaxRequestsPerSecond)));
    if (!(s.requestMillis > 0))
        add({ QStringLiteral("request_ms") },
            error(field(QStringLiteral("request_ms")), QStringLiteral("must be > 0")));
    else if (s.requestMillis > MaxRequestMillis)
        add({ QStringLiteral("request_ms") },
            error(field(QStringLiteral("request_ms")),
                QStringLiteral("%1 ms is above App Runner's request timeout of 120 s").arg(number(s.requestMillis))));
    if (!(s.concurrentRequests >= 0))
        add({ QStringLiteral("concurrent_requests") },
            error(field(QStringLiteral("concurrent_requests")), QStringLiteral("must be >= 0")));
    else if (s.concurrentRequests > MaxConcurrentRequests)
        add({ QStringLiteral("concurrent_requests") },
            error(
                field(QStringLiteral("concurrent_requests")), aboveLimit(s.concurrentRequests, MaxConcurrentRequests)));
    if (s.kind != ServiceKind::Service && (s.requestsPerSecond > 0 || s.concurrentRequests > 0))
        add({ QStringLiteral("requests_per_second"), QStringLiteral("concurrent_requests") },
            warning(named,
                QStringLiteral("requests_per_second and concurrent_requests are ignored: only a service "
                               "serves requests")));
    if (s.appRunnerSize.isSet()) {
        // The same rule the App Runner model prices with (pricing::appRunnerSizeFor()).
        QString why;
        const pricing::AppRunnerSize chosen { s.appRunnerSize.vcpu, s.appRunnerSize.memoryGb };
        if (!pricing::appRunnerSizeFor(s.effectiveCpu(), s.effectiveMemoryMib(), chosen, &why))
            add({ QStringLiteral("app_runner_instance") }, error(field(QStringLiteral("app_runner_instance")), why));
        else if (s.kind != ServiceKind::Service)
            add({ QStringLiteral("app_runner_instance") },
                warning(field(QStringLiteral("app_runner_instance")),
                    QStringLiteral("ignored: App Runner runs request-serving services only, not a %1")
                        .arg(toId(s.kind))));
    }

    // Deployments (issue 20): every figure the engine reads, with the service named.
    const DeploymentSettings &d = s.deployment;
    const auto dfield = [&field](const QString &key) { return field(QStringLiteral("deployment.") + key); };
    const auto deploymentError = [&](const QString &key, const QString &message) {
        // The service table's column of the field: per_week shares per_day's, max_unavailable max_surge's.
        const QString column = key == u"per_week" ? QStringLiteral("per_day")
            : key == u"max_unavailable"           ? QStringLiteral("max_surge")
                                                  : key;
        add({ QString(QStringLiteral("deployment.") + column) },
            error(dfield(key), named + QStringLiteral(": ") + message));
    };
    if (d.strategy != DeploymentStrategy::None) {
        const bool weekly = d.period == DeploymentPeriod::Week;
        const double maxFrequency = weekly ? MaxDeploymentsPerDay * 7 : MaxDeploymentsPerDay;
        const QString frequencyKey = weekly ? QStringLiteral("per_week") : QStringLiteral("per_day");
        if (!(d.frequency >= 0))
            deploymentError(frequencyKey, QStringLiteral("deployments must be >= 0"));
        else if (d.frequency > maxFrequency)
            deploymentError(frequencyKey,
                QStringLiteral("%1 deployments a %2 is above the limit of %3 (one every 5 minutes)")
                    .arg(number(d.frequency), weekly ? QStringLiteral("week") : QStringLiteral("day"),
                        number(maxFrequency)));
        if (!(d.durationMinutes > 0))
            deploymentError(QStringLiteral("duration_minutes"), QStringLiteral("must be > 0"));
        else if (d.durationMinutes > MaxDeploymentMinutes)
            deploymentError(QStringLiteral("duration_minutes"),
                aboveLimit(d.durationMinutes, MaxDeploymentMinutes, QStringLiteral("minutes")));
        if (!(d.bakeMinutes >= 0))
            deploymentError(QStringLiteral("bake_minutes"), QStringLiteral("must be >= 0"));
        else if (d.bakeMinutes > MaxBakeMinutes)
            deploymentError(QStringLiteral("bake_minutes"),
                aboveLimit(d.bakeMinutes, MaxBakeMinutes, QStringLiteral("minutes"))
                    + QStringLiteral(" (CodeDeploy's longest wait time)"));
        if (d.strategy == DeploymentStrategy::Rolling) {
            const auto checkCount = [&](const QString &key, double value, bool percent, double maxPercent) {
                if (!(value >= 0))
                    deploymentError(key, QStringLiteral("must be >= 0"));
                else if (percent && value > maxPercent)
                    deploymentError(key, aboveLimit(value, maxPercent, QStringLiteral("%")));
                else if (!percent && value > MaxSurgeTasks)
                    deploymentError(key, aboveLimit(value, MaxSurgeTasks, QStringLiteral("tasks")));
                else if (!percent && value != std::floor(value))
                    deploymentError(key, QStringLiteral("must be a whole number of tasks or a percent"));
            };
            checkCount(QStringLiteral("max_surge"), d.maxSurge, d.maxSurgePercent, MaxSurgePercent);
            checkCount(QStringLiteral("max_unavailable"), d.maxUnavailable, d.maxUnavailablePercent, 100.0);
            // Kubernetes: "This can not be 0 if MaxUnavailable is 0"; ECS: maximumPercent 100 with
            // minimumHealthyPercent 100 can neither start nor stop a task.
            if (d.maxSurge == 0 && d.maxUnavailable == 0)
                deploymentError(QStringLiteral("max_surge"),
                    QStringLiteral("max_surge and max_unavailable are both 0: the deployment could never replace a "
                                   "task (ECS: maximumPercent 100 with minimumHealthyPercent 100)"));
        }
        if (d.strategy == DeploymentStrategy::Rolling && d.bakeMinutes > 0)
            add({ QStringLiteral("deployment.bake_minutes") },
                warning(dfield(QStringLiteral("bake_minutes")),
                    named
                        + QStringLiteral(
                            ": bake_minutes is ignored by a rolling update (only blue/green keeps the old set)")));
        if (s.kind != ServiceKind::Service && d.frequency > 0)
            add({ QStringLiteral("deployment.strategy") },
                warning(dfield(QStringLiteral("strategy")),
                    named + QStringLiteral(": deployments are priced for services only; ignored for a daemon or job")));
    }

    // Networking.
    if (s.hostPort < 0 || s.hostPort > 65535)
        add({ QStringLiteral("host_port") },
            error(field(QStringLiteral("host_port")), QStringLiteral("must be 0..65535")));
    else if (s.hostPort != 0 && s.networkMode == NetworkMode::Awsvpc)
        add({ QStringLiteral("host_port") },
            warning(field(QStringLiteral("host_port")),
                QStringLiteral("ignored with network_mode awsvpc (each task has its own ENI)")));
    return out;
}

/// Whether an instance type can hold a task of this size at all (no overhead deducted: the
/// platform models deduct reservations; this check only catches tasks no type can ever hold).
/// `share`: the part of CPU and memory tasks may fill (EKS headroom: target_utilization_percent ÷ 100 of
/// each node; ECS managed scaling sizes the group instead, so 1 there).
bool fits(const pricing::InstanceType &type, const Service &s, double share = 1.0)
{
    const pricing::CpuArch arch = s.arch == Arch::Arm64 ? pricing::CpuArch::Arm64 : pricing::CpuArch::X86_64;
    const int accelerators = s.accelerator == Accelerator::AwsNeuron ? type.neuronDevices() : type.nvidiaGpus();
    return type.hasSpecs() && type.arch == arch && type.vcpu * share >= s.effectiveCpu()
        && type.memoryMib * share >= s.effectiveMemoryMib() && accelerators >= s.gpus;
}

/// What the node models deduct from every instance: whether some allowed type keeps memory for tasks.
/// ECS: installed − OS share (207/8192, or os_reserved_memory_mib) − ECS_RESERVED_MEMORY; EKS: installed ×
/// (1 − vm_overhead_percent) − kube-reserved − eviction (nodecapacity.h). Only the settings are checked
/// here; the exact capacity is the platform model's.
QString reservedMemoryProblem(PlatformId id, const PlatformSettings &p, int largestMemoryMib)
{
    if (id == PlatformId::EcsEc2) {
        const double os = p.osReservedMemoryMib > 0 ? p.osReservedMemoryMib : largestMemoryMib * 207.0 / 8192.0;
        if (os + p.ecsReservedMemoryMib >= largestMemoryMib)
            return QStringLiteral("os_reserved_memory_mib + ecs_reserved_memory_mib (%1 MiB) leave no memory on the "
                                  "largest allowed instance type (%2 MiB)")
                .arg(number(os + p.ecsReservedMemoryMib))
                .arg(largestMemoryMib);
    }
    return {};
}

/// Platforms that cannot run a service, by service index (filled by the checks below).
using CannotRun = QHash<qsizetype, QSet<int>>;

void catalogChecks(const Scenario &sc, const pricing::Catalog &catalog, QList<Diagnostic> &out, CannotRun &cannotRun)
{
    QString regionError;
    if (isRegionCode(sc.region) && !catalog.checkRegion(sc.region, &regionError))
        out.append(error(QStringLiteral("region"), regionError));

    for (PlatformId id : { PlatformId::EcsEc2, PlatformId::EksNodes }) {
        const PlatformSettings &p = sc.platform(id);
        if (!p.enabled)
            continue;
        QList<const pricing::InstanceType *> candidates;
        if (p.instanceTypes.isEmpty()) {
            for (const pricing::InstanceType &t : catalog.instanceTypes())
                candidates.append(&t);
        } else {
            QString matchError;
            const QStringList names = catalog.matchInstanceTypes(p.instanceTypes, &matchError);
            if (!matchError.isEmpty())
                out.append(error(QStringLiteral("platforms.%1.instance_types").arg(toId(id)), matchError));
            for (const QString &name : names) {
                if (const pricing::InstanceType *t = catalog.instanceType(name))
                    candidates.append(t);
            }
        }
        if (id == PlatformId::EksNodes && p.eksAnywhere) {
            // EKS Anywhere runs on the user's machines: only the custom node types are candidates (nodemodel.cpp).
            candidates.removeIf([](const pricing::InstanceType *t) { return !t->custom; });
            if (candidates.isEmpty()) {
                out.append(warning(QStringLiteral("platforms.eks-nodes.instance_types"),
                    QStringLiteral("eks_anywhere is on, and no custom node type of the price book is allowed (EKS "
                                   "Anywhere runs on your own machines; add one with fleetplan catalog node add); "
                                   "eks-nodes is shown as infeasible")));
                for (qsizetype i = 0; i < sc.services.size(); ++i)
                    cannotRun[i].insert(int(id));
                continue;
            }
        }
        if (candidates.isEmpty())
            continue;
        int largestMemory = 0;
        for (const pricing::InstanceType *t : std::as_const(candidates))
            largestMemory = std::max(largestMemory, t->memoryMib);
        if (const QString why = reservedMemoryProblem(id, p, largestMemory); !why.isEmpty()) {
            // The platform cannot run any task: a warning (it is shown as infeasible), not a refusal.
            out.append(warning(QStringLiteral("platforms.%1.ecs_reserved_memory_mib").arg(toId(id)),
                why + QStringLiteral("; %1 cannot run any task and is shown as infeasible").arg(toId(id))));
            for (qsizetype i = 0; i < sc.services.size(); ++i)
                cannotRun[i].insert(int(id));
            continue;
        }
        for (qsizetype i = 0; i < sc.services.size(); ++i) {
            const Service &s = sc.services.at(i);
            if (!(s.effectiveCpu() > 0) || !(s.effectiveMemoryMib() > 0))
                continue;
            bool anyFits = false;
            bool anyArch = false;
            const pricing::CpuArch arch = s.arch == Arch::Arm64 ? pricing::CpuArch::Arm64 : pricing::CpuArch::X86_64;
            const double share
                = id == PlatformId::EksNodes && p.targetUtilizationPercent > 0 && p.targetUtilizationPercent < 100
                ? p.targetUtilizationPercent / 100.0
                : 1.0;
            for (const pricing::InstanceType *t : std::as_const(candidates)) {
                anyArch = anyArch || (t->hasSpecs() && t->arch == arch);
                if (fits(*t, s, share)) {
                    anyFits = true;
                    break;
                }
            }
            // Warnings, not errors: the other platforms can still be priced, and this one is shown as
            // infeasible with the same reason (a team pinning one Graviton service beside x86 node groups).
            if (!anyArch || !anyFits)
                cannotRun[i].insert(int(id));
            if (!anyArch)
                out.append(warning(QStringLiteral("service \"%1\"").arg(s.name),
                    QStringLiteral("arch %1: no instance type allowed on %2 has this architecture; %2 cannot run "
                                   "this service and is shown as infeasible")
                        .arg(toId(s.arch), toId(id))));
            else if (!anyFits && s.gpus > 0)
                out.append(warning(QStringLiteral("service \"%1\"").arg(s.name),
                    QStringLiteral("task of %1 vCPU, %2 MiB and %3 %4 accelerator(s) (%5): no instance type allowed "
                                   "on %6 holds it; %6 is shown as infeasible")
                        .arg(number(s.effectiveCpu()), number(s.effectiveMemoryMib()))
                        .arg(s.gpus)
                        .arg(toId(s.accelerator), toId(s.arch), toId(id))));
            else if (!anyFits && share < 1.0)
                out.append(warning(QStringLiteral("service \"%1\"").arg(s.name),
                    QStringLiteral("task of %1 vCPU and %2 MiB (%3) is larger than %4 % (target_utilization_percent) "
                                   "of any instance type allowed on %5; %5 is shown as infeasible")
                        .arg(number(s.effectiveCpu()), number(s.effectiveMemoryMib()), toId(s.arch),
                            number(share * 100), toId(id))));
            else if (!anyFits)
                out.append(warning(QStringLiteral("service \"%1\"").arg(s.name),
                    QStringLiteral("task of %1 vCPU and %2 MiB (%3) is larger than any instance type "
                                   "allowed on %4; %4 is shown as infeasible")
                        .arg(number(s.effectiveCpu()), number(s.effectiveMemoryMib()), toId(s.arch), toId(id))));
        }
    }
}

/// Fargate size limits per enabled Fargate platform (pricing/fargatesizing.h: 16 vCPU / 120 GiB Linux,
/// 4 vCPU / 30 GiB Windows, +256 MiB per EKS pod): warnings, since the EC2 platforms may still run the task.
void fargateChecks(const Scenario &sc, QList<Diagnostic> &out, CannotRun &cannotRun)
{
    using pricing::FargateFlavor;
    for (qsizetype i = 0; i < sc.services.size(); ++i) {
        const Service &s = sc.services.at(i);
        if (!(s.effectiveCpu() > 0) || !(s.effectiveMemoryMib() > 0))
            continue;
        const bool windows = s.os == OsFamily::Windows;
        QStringList platforms;
        QString firstReason;
        if (s.gpus > 0 && s.kind != ServiceKind::Daemon) {
            QStringList gpuPlatforms;
            for (PlatformId id : { PlatformId::EcsFargate, PlatformId::EcsFargateSpot, PlatformId::EksFargate }) {
                if (sc.platform(id).enabled) {
                    cannotRun[i].insert(int(id));
                    gpuPlatforms.append(toId(id));
                }
            }
            if (!gpuPlatforms.isEmpty())
                out.append(warning(QStringLiteral("service \"%1\"").arg(s.name),
                    QStringLiteral("%1 %2 accelerator(s) per task: Fargate has none, so %3 cannot run it and %4 "
                                   "shown as infeasible")
                        .arg(s.gpus)
                        .arg(toId(s.accelerator), gpuPlatforms.join(QStringLiteral(", ")),
                            gpuPlatforms.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"))));
            continue;
        }
        for (PlatformId id : { PlatformId::EcsFargate, PlatformId::EcsFargateSpot, PlatformId::EksFargate }) {
            if (!sc.platform(id).enabled)
                continue;
            // Architecture and OS limits (EKS Fargate: Linux x86_64 only) are the platform models' business:
            // they price such pods at the x86 rates and say so. Only a size no Fargate task has is flagged here.
            const FargateFlavor flavor = id == PlatformId::EksFargate ? FargateFlavor::EksFargate
                : windows                                             ? FargateFlavor::EcsWindows
                                                                      : FargateFlavor::EcsLinux;
            const double memory
                = s.effectiveMemoryMib() + (id == PlatformId::EksFargate ? pricing::EksFargateOverheadMib : 0);
            QString why;
            if (!pricing::roundUpToFargateSize(s.effectiveCpu(), memory, flavor, &why)) {
                cannotRun[i].insert(int(id));
                platforms.append(toId(id));
                if (firstReason.isEmpty())
                    firstReason = why;
            }
        }
        if (!platforms.isEmpty())
            out.append(warning(QStringLiteral("service \"%1\"").arg(s.name),
                QStringLiteral("too large for Fargate, not priced on %1: %2")
                    .arg(platforms.join(QStringLiteral(", ")), firstReason)));
    }
}

/// A number field in [low, high]: "must be >= 0" / "1e300 is above the limit of 1000" naming the field.
void checkRange(
    QList<Diagnostic> &out, const QString &where, double value, double low, double high, const QString &unit = {})
{
    if (!(value >= low))
        out.append(error(where, QStringLiteral("must be >= %1, found %2").arg(number(low), number(value))));
    else if (value > high)
        out.append(error(where, aboveLimit(value, high, unit)));
}

void repositoryChecks(const Scenario &sc, const Repository &repo, const QString &base, bool named,
    const pricing::Catalog *catalog, QList<Diagnostic> &out)
{
    const auto field = [&base](const char *key) -> QString { return base + u'.' + QString::fromUtf8(key); };
    if (named && repo.name.trimmed().isEmpty())
        out.append(error(field("name"), QStringLiteral("must not be empty")));
    checkRange(out, field("image_gb"), repo.imageGb, 0, MaxImageGb, QStringLiteral("GB"));
    checkRange(out, field("pushes_per_day"), repo.pushesPerDay, 0, MaxPushesPerDay);
    checkRange(out, field("keep_last"), repo.keepLast, 0, MaxImagesPerRepository, QStringLiteral("images"));
    checkRange(out, field("dev_share"), repo.devShare, 0, 1);
    checkRange(out, field("dev_expire_days"), repo.devExpireDays, 0, MaxDevExpireDays, QStringLiteral("days"));
    checkRange(out, field("rescans_per_image_month"), repo.rescansPerImageMonth, 0, MaxRescansPerImageMonth);
    checkRange(out, field("replicate_to_accounts"), repo.replicateToAccounts, 0, MaxReplicationDestinations);
    if (repo.replicateToRegions.size() + std::max(0, repo.replicateToAccounts) > MaxReplicationDestinations)
        out.append(error(field("replicate_to_regions"),
            QStringLiteral("ECR replicates to at most %1 destinations").arg(MaxReplicationDestinations)));
    for (qsizetype k = 0; k < repo.replicateToRegions.size(); ++k) {
        QString why;
        if (catalog && !catalog->checkRegion(repo.replicateToRegions.at(k), &why))
            out.append(error(QStringLiteral("%1[%2]").arg(field("replicate_to_regions")).arg(k), why));
    }
    if (named) {
        const QStringList services = repo.services.isEmpty() ? QStringList { repo.name } : repo.services;
        for (const QString &name : services) {
            if (sc.indexOfService(name) < 0)
                out.append(warning(field("services"),
                    QStringLiteral("no service is named \"%1\": nothing pulls this image").arg(name)));
        }
    }
}

void registryAndNetworkChecks(const Scenario &sc, const pricing::Catalog *catalog, QList<Diagnostic> &out)
{
    const RegistrySettings &reg = sc.registry;
    repositoryChecks(sc, reg.defaults, QStringLiteral("registry.defaults"), false, catalog, out);
    for (qsizetype i = 0; i < reg.repositories.size(); ++i)
        repositoryChecks(
            sc, reg.repositories.at(i), QStringLiteral("registry.repositories[%1]").arg(i), true, catalog, out);
    if (!reg.region.isEmpty() && catalog) {
        QString why;
        if (!catalog->checkRegion(reg.region, &why))
            out.append(error(QStringLiteral("registry.region"), why));
    }
    const NetworkSettings &net = sc.network;
    checkRange(out, QStringLiteral("network.nat_gateways"), net.natGateways, 0, MaxNatGateways);
    checkRange(out, QStringLiteral("network.capacity_units_per_load_balancer"), net.capacityUnitsPerLoadBalancer, 0,
        MaxCapacityUnits);
    checkRange(out, QStringLiteral("network.log_gb_per_task_hour"), net.logGbPerTaskHour, 0, MaxLogGbPerTaskHour,
        QStringLiteral("GB"));
    if (net.enabled && net.subnets == SubnetKind::Private && net.natGateways == 0)
        out.append(warning(QStringLiteral("network.nat_gateways"),
            QStringLiteral("private subnets without a NAT gateway: tasks cannot pull images unless the VPC endpoints "
                           "are on")));
}

/// App Runner runs request-serving Linux services without accelerators up to 4 vCPU / 12 GB; jobs and daemons
/// are left out by design (not a reason the service cannot run anywhere: the other platforms run them).
void appRunnerChecks(const Scenario &sc, QList<Diagnostic> &out, CannotRun &cannotRun)
{
    if (!sc.platform(PlatformId::AppRunner).enabled)
        return;
    for (qsizetype i = 0; i < sc.services.size(); ++i) {
        const Service &s = sc.services.at(i);
        if (s.kind != ServiceKind::Service || !(s.effectiveCpu() > 0) || !(s.effectiveMemoryMib() > 0))
            continue;
        QString why;
        if (s.gpus > 0)
            why = QStringLiteral("App Runner has no accelerators");
        else if (s.os == OsFamily::Windows)
            why = QStringLiteral("App Runner runs Linux containers only");
        else if (!s.appRunnerSize.isSet()) // a chosen size is checked with the service's fields (an error)
            pricing::smallestAppRunnerSize(s.effectiveCpu(), s.effectiveMemoryMib(), &why);
        if (why.isEmpty())
            continue;
        cannotRun[i].insert(int(PlatformId::AppRunner));
        out.append(warning(
            QStringLiteral("service \"%1\"").arg(s.name), QStringLiteral("not priced on app-runner: %1").arg(why)));
    }
}
} // namespace

const QStringList &knownRegions()
{
    // The 36 regions of ec2_ondemand_prices.csv and eks_rates.csv (resources/catalog/README.md).
    static const QStringList regions { QStringLiteral("af-south-1"), QStringLiteral("ap-east-1"),
        QStringLiteral("ap-east-2"), QStringLiteral("ap-northeast-1"), QStringLiteral("ap-northeast-2"),
        QStringLiteral("ap-northeast-3"), QStringLiteral("ap-south-1"), QStringLiteral("ap-south-2"),
        QStringLiteral("ap-southeast-1"), QStringLiteral("ap-southeast-2"), QStringLiteral("ap-southeast-3"),
        QStringLiteral("ap-southeast-4"), QStringLiteral("ap-southeast-5"), QStringLiteral("ap-southeast-6"),
        QStringLiteral("ap-southeast-7"), QStringLiteral("ca-central-1"), QStringLiteral("ca-west-1"),
        QStringLiteral("eu-central-1"), QStringLiteral("eu-central-2"), QStringLiteral("eu-north-1"),
        QStringLiteral("eu-south-1"), QStringLiteral("eu-south-2"), QStringLiteral("eu-west-1"),
        QStringLiteral("eu-west-2"), QStringLiteral("eu-west-3"), QStringLiteral("il-central-1"),
        QStringLiteral("me-central-1"), QStringLiteral("me-south-1"), QStringLiteral("mx-central-1"),
        QStringLiteral("sa-east-1"), QStringLiteral("us-east-1"), QStringLiteral("us-east-2"),
        QStringLiteral("us-gov-east-1"), QStringLiteral("us-gov-west-1"), QStringLiteral("us-west-1"),
        QStringLiteral("us-west-2") };
    return regions;
}

bool isRegionCode(const QString &region)
{
    return pricing::isAwsRegionCode(region); // one pattern for scenarios, imports and the CLI
}

qint64 peakTasksPerHour(const Scenario &sc, double loadMultiplier)
{
    // In doubles, saturated: the inputs may be unvalidated (2^31 replicas × 2^31 s of runs a day).
    constexpr double saturated = 9.0e18;
    double total = 0;
    for (const Service &s : sc.services) {
        double peak = 0;
        if (s.kind == ServiceKind::Service) {
            double load = 1.0;
            if (const LoadProfile *profile = s.loadProfile.isEmpty() ? nullptr : sc.findLoadProfile(s.loadProfile);
                profile && !profile->hourly.isEmpty()) {
                load = 0;
                for (double v : profile->hourly)
                    load = std::isfinite(v) ? std::max(load, v) : std::numeric_limits<double>::infinity();
            }
            const double low = std::max(0, s.minReplicas);
            const double high = std::max(low, double(s.maxReplicas));
            const double wanted = std::ceil(double(s.replicas) * load * loadMultiplier - 1e-9);
            peak = std::isnan(wanted) ? high : std::clamp(wanted, low, high);
        } else if (s.kind == ServiceKind::Job && s.runsPerDay > 0 && s.runSeconds > 0) {
            // At most ceil(runs_per_day × run_seconds ÷ 86 400) runs overlap (DemandTimeline::concurrentRuns).
            const double overlapping = std::ceil(double(s.runsPerDay) * double(s.runSeconds) / 86400.0);
            peak = overlapping * std::max(0, s.replicas);
        }
        total = std::min(saturated, total + peak);
    }
    return qint64(total);
}

QList<Diagnostic> validateLoadMultiplier(const Scenario &scenario, double loadMultiplier, const QString &where)
{
    QList<Diagnostic> out;
    if (!std::isfinite(loadMultiplier) || loadMultiplier < 0) {
        out.append(error(where,
            QStringLiteral("must be a number from 0 to %1, not %2")
                .arg(number(MaxLoadMultiplier), number(loadMultiplier))));
        return out;
    }
    if (loadMultiplier > MaxLoadMultiplier) {
        out.append(error(where, aboveLimit(loadMultiplier, MaxLoadMultiplier)));
        return out;
    }
    if (const qint64 peak = peakTasksPerHour(scenario, loadMultiplier); peak > MaxTasksPerHour)
        out.append(error(where,
            QStringLiteral("%1 makes the busiest hour run %2 tasks, above the limit of %3 tasks at once")
                .arg(number(loadMultiplier))
                .arg(peak)
                .arg(MaxTasksPerHour)));
    return out;
}

QList<Diagnostic> validateLoadProfile(const Scenario &sc, int index)
{
    QList<Diagnostic> out;
    const LoadProfile &lp = sc.loadProfiles.at(index);
    const QString base = QStringLiteral("load_profiles[%1]").arg(index);
    if (lp.name.trimmed().isEmpty())
        out.append(error(base + QStringLiteral(".name"), QStringLiteral("must not be empty")));
    if (const QString why = controlCharacterProblem(lp.name); !why.isEmpty())
        out.append(error(base + QStringLiteral(".name"), why));
    for (qsizetype j = 0; j < sc.loadProfiles.size(); ++j) {
        if (j != index && !lp.name.isEmpty() && sc.loadProfiles.at(j).name == lp.name) {
            out.append(error(base + QStringLiteral(".name"),
                QStringLiteral("duplicate load profile name \"%1\" (also load_profiles[%2])").arg(lp.name).arg(j)));
            break;
        }
    }
    if (lp.hourly.size() != 24 && lp.hourly.size() != 168)
        out.append(error(base + QStringLiteral(".hourly"),
            QStringLiteral("has %1 values; must have 24 (a day) or 168 (a week, Monday 00:00 first)")
                .arg(lp.hourly.size())));
    for (qsizetype h = 0; h < lp.hourly.size(); ++h) {
        const double v = lp.hourly.at(h);
        if (!std::isfinite(v) || v < 0)
            out.append(error(QStringLiteral("%1.hourly[%2]").arg(base).arg(h),
                QStringLiteral("must be a number >= 0, found %1").arg(number(v))));
        else if (v > MaxLoadMultiplier)
            out.append(error(QStringLiteral("%1.hourly[%2]").arg(base).arg(h), aboveLimit(v, MaxLoadMultiplier)));
    }
    return out;
}

QList<Diagnostic> validateService(const Scenario &scenario, int index)
{
    QList<Diagnostic> out;
    for (const Problem &p : serviceProblems(scenario, index))
        out.append(p.diagnostic);
    return out;
}

QList<Diagnostic> validateServiceField(const Scenario &scenario, int index, const QString &field)
{
    QList<Diagnostic> out;
    for (const Problem &p : serviceProblems(scenario, index)) {
        if (p.fields.contains(field))
            out.append(p.diagnostic);
    }
    return out;
}

QList<Diagnostic> validateScenario(const Scenario &sc, const pricing::Catalog *catalog)
{
    QList<Diagnostic> out;
    if (sc.name.trimmed().isEmpty())
        out.append(
            warning(QStringLiteral("name"), QStringLiteral("is empty; reports will call the scenario \"Untitled\"")));
    if (const QString why = controlCharacterProblem(sc.name); !why.isEmpty())
        out.append(error(QStringLiteral("name"), why));
    if (!isRegionCode(sc.region))
        out.append(error(QStringLiteral("region"),
            QStringLiteral("\"%1\" is not an AWS region code (like us-east-1)").arg(sc.region)));
    else if (!catalog && !knownRegions().contains(sc.region))
        out.append(warning(QStringLiteral("region"),
            QStringLiteral("\"%1\" is not one of the %2 regions the bundled prices cover")
                .arg(sc.region)
                .arg(knownRegions().size())));
    if (sc.periodHours <= 0)
        out.append(
            error(QStringLiteral("period"), QStringLiteral("must be at least 1 hour, found %1").arg(sc.periodHours)));
    else if (sc.periodInDays && sc.periodHours % 24 != 0)
        out.append(error(QStringLiteral("period.days"),
            QStringLiteral("%1 hours is not a whole number of days").arg(sc.periodHours)));
    else if (sc.periodHours > MaxPeriodHours)
        out.append(error(QStringLiteral("period"),
            QStringLiteral("%1 hours is longer than the %2 hours (ten years) Fleetplan plans")
                .arg(sc.periodHours)
                .arg(MaxPeriodHours)));
    if (sc.services.size() > MaxServices)
        out.append(error(QStringLiteral("services"),
            QStringLiteral("%1 services, daemons and jobs: more than the %2 Fleetplan plans in one scenario; "
                           "split the workload into several scenarios")
                .arg(sc.services.size())
                .arg(MaxServices)));

    for (qsizetype i = 0; i < sc.loadProfiles.size(); ++i)
        out += validateLoadProfile(sc, int(i));
    const NameIndex names = indexNames(sc);
    for (qsizetype i = 0; i < sc.services.size(); ++i) {
        for (const Problem &p : serviceProblems(sc, int(i), &names))
            out.append(p.diagnostic);
    }
    if (const qint64 peak = peakTasksPerHour(sc); peak > MaxTasksPerHour)
        out.append(error(QStringLiteral("services"),
            QStringLiteral("the busiest hour runs %1 tasks, above the limit of %2 tasks at once")
                .arg(peak)
                .arg(MaxTasksPerHour)));

    const auto &purchase = sc.purchase;
    if (!(purchase.spotShare >= 0 && purchase.spotShare <= 1))
        out.append(error(QStringLiteral("purchase.spot_share"),
            QStringLiteral("must be between 0 and 1, found %1").arg(number(purchase.spotShare))));
    if (!(purchase.savingsPlanUsdPerHour >= 0))
        out.append(error(QStringLiteral("purchase.savings_plan_usd_per_hour"), QStringLiteral("must be >= 0")));
    else if (purchase.savingsPlanUsdPerHour > MaxUsdPerHour)
        out.append(error(QStringLiteral("purchase.savings_plan_usd_per_hour"),
            aboveLimit(purchase.savingsPlanUsdPerHour, MaxUsdPerHour, QStringLiteral("USD"))));
    if (purchase.savingsPlanTermYears != 1 && purchase.savingsPlanTermYears != 3)
        out.append(error(QStringLiteral("purchase.savings_plan_term_years"),
            QStringLiteral("must be 1 or 3, found %1").arg(purchase.savingsPlanTermYears)));
    static const QStringList payments { QStringLiteral("No Upfront"), QStringLiteral("Partial Upfront"),
        QStringLiteral("All Upfront") };
    if (!payments.contains(purchase.savingsPlanPayment))
        out.append(error(QStringLiteral("purchase.savings_plan_payment"),
            QStringLiteral("unknown value \"%1\" (expected No Upfront, Partial Upfront or All Upfront)")
                .arg(purchase.savingsPlanPayment)));

    // Existing commitments (Reserved Instances and Savings Plans already bought).
    const auto checkTermAndPayment = [&](const QString &base, int termYears, const QString &payment) {
        if (termYears != 1 && termYears != 3)
            out.append(
                error(base + QStringLiteral(".term_years"), QStringLiteral("must be 1 or 3, found %1").arg(termYears)));
        if (!payments.contains(payment))
            out.append(error(base + QStringLiteral(".payment"),
                QStringLiteral("unknown value \"%1\" (expected No Upfront, Partial Upfront or All Upfront)")
                    .arg(payment)));
    };
    for (qsizetype i = 0; i < sc.commitments.reservedInstances.size(); ++i) {
        const ReservedInstanceHolding &ri = sc.commitments.reservedInstances.at(i);
        const QString base = QStringLiteral("existing_commitments.reserved_instances[%1]").arg(i);
        if (ri.count < 1)
            out.append(
                error(base + QStringLiteral(".count"), QStringLiteral("must be at least 1, found %1").arg(ri.count)));
        else if (ri.count > MaxInstanceCount)
            out.append(error(base + QStringLiteral(".count"), aboveLimit(ri.count, MaxInstanceCount)));
        if (!ri.region.isEmpty() && !isRegionCode(ri.region))
            out.append(error(base + QStringLiteral(".region"),
                QStringLiteral("\"%1\" is not an AWS region code (like us-east-1)").arg(ri.region)));
        checkTermAndPayment(base, ri.termYears, ri.payment);
        if (catalog) {
            QString why;
            if (!catalog->instanceType(ri.instanceType, &why))
                out.append(error(base + QStringLiteral(".instance_type"), why));
            else if (!catalog->onDemandHourly(ri.region.isEmpty() ? sc.region : ri.region, ri.instanceType, &why))
                out.append(error(base + QStringLiteral(".instance_type"), why));
        } else if (ri.instanceType.trimmed().isEmpty()) {
            out.append(error(base + QStringLiteral(".instance_type"), QStringLiteral("must not be empty")));
        }
        if (!ri.region.isEmpty() && catalog) {
            QString why;
            if (!catalog->checkRegion(ri.region, &why))
                out.append(error(base + QStringLiteral(".region"), why));
        }
    }
    for (qsizetype i = 0; i < sc.commitments.savingsPlans.size(); ++i) {
        const SavingsPlanHolding &sp = sc.commitments.savingsPlans.at(i);
        const QString base = QStringLiteral("existing_commitments.savings_plans[%1]").arg(i);
        if (!(sp.usdPerHour > 0))
            out.append(error(base + QStringLiteral(".usd_per_hour"),
                QStringLiteral("must be > 0, found %1").arg(number(sp.usdPerHour))));
        else if (sp.usdPerHour > MaxUsdPerHour)
            out.append(error(base + QStringLiteral(".usd_per_hour"),
                aboveLimit(sp.usdPerHour, MaxUsdPerHour, QStringLiteral("USD"))));
        if (!sp.region.isEmpty() && !isRegionCode(sp.region))
            out.append(error(base + QStringLiteral(".region"),
                QStringLiteral("\"%1\" is not an AWS region code (like us-east-1)").arg(sp.region)));
        checkTermAndPayment(base, sp.termYears, sp.payment);
        if (sp.type == SavingsPlanType::Ec2Instance && sp.family.trimmed().isEmpty())
            out.append(error(base + QStringLiteral(".family"),
                QStringLiteral("an EC2 Instance Savings Plan is bought for one instance family (e.g. \"m6i\")")));
        if (sp.type == SavingsPlanType::Compute && !sp.family.isEmpty())
            out.append(warning(base + QStringLiteral(".family"),
                QStringLiteral("a Compute Savings Plan covers every family; \"%1\" is ignored").arg(sp.family)));
        if (!sp.region.isEmpty() && catalog) {
            QString why;
            if (!catalog->checkRegion(sp.region, &why))
                out.append(error(base + QStringLiteral(".region"), why));
        }
    }

    for (PlatformId id : AllPlatforms) {
        const PlatformSettings &p = sc.platform(id);
        const QString base = QStringLiteral("platforms.") + toId(id);
        if (!(p.targetUtilizationPercent > 0 && p.targetUtilizationPercent <= 100))
            out.append(error(base + QStringLiteral(".target_utilization_percent"),
                QStringLiteral("must be in (0, 100], found %1").arg(number(p.targetUtilizationPercent))));
        if (!(p.ebsGibPerNode >= 0))
            out.append(error(base + QStringLiteral(".ebs_gib_per_node"), QStringLiteral("must be >= 0")));
        else if (p.ebsGibPerNode > MaxStorageGib)
            out.append(error(base + QStringLiteral(".ebs_gib_per_node"),
                aboveLimit(p.ebsGibPerNode, MaxStorageGib, QStringLiteral("GiB"))));
        if (p.osReservedMemoryMib > MaxTaskMemoryMib)
            out.append(error(base + QStringLiteral(".os_reserved_memory_mib"),
                aboveLimit(p.osReservedMemoryMib, MaxTaskMemoryMib, QStringLiteral("MiB"))));
        if (p.ecsReservedMemoryMib > MaxTaskMemoryMib)
            out.append(error(base + QStringLiteral(".ecs_reserved_memory_mib"),
                aboveLimit(p.ecsReservedMemoryMib, MaxTaskMemoryMib, QStringLiteral("MiB"))));
        if (p.interruptionAllowancePercent > MaxInterruptionAllowancePercent)
            out.append(error(base + QStringLiteral(".interruption_allowance_percent"),
                aboveLimit(p.interruptionAllowancePercent, MaxInterruptionAllowancePercent, QStringLiteral("%"))));
        if (p.scaleInDelayHours > MaxPeriodHours)
            out.append(error(base + QStringLiteral(".scale_in_delay_hours"),
                aboveLimit(p.scaleInDelayHours, MaxPeriodHours, QStringLiteral("hours"))));
        if (p.clusters > MaxClusters)
            out.append(error(base + QStringLiteral(".clusters"), aboveLimit(p.clusters, MaxClusters)));
        if (p.fargateBase > MaxReplicas)
            out.append(error(base + QStringLiteral(".fargate_base"), aboveLimit(p.fargateBase, MaxReplicas)));
        if (p.fargateWeight > MaxCapacityProviderWeight)
            out.append(error(
                base + QStringLiteral(".fargate_weight"), aboveLimit(p.fargateWeight, MaxCapacityProviderWeight)));
        if (p.fargateSpotWeight > MaxCapacityProviderWeight)
            out.append(error(base + QStringLiteral(".fargate_spot_weight"),
                aboveLimit(p.fargateSpotWeight, MaxCapacityProviderWeight)));
        // What the node models deduct from every instance (nodecapacity.h): absurd values would leave
        // instances with negative or no memory.
        if (!(p.osReservedMemoryMib >= 0))
            out.append(error(base + QStringLiteral(".os_reserved_memory_mib"),
                QStringLiteral("must be >= 0 MiB (0 = the ECS default share), found %1")
                    .arg(number(p.osReservedMemoryMib))));
        if (!(p.ecsReservedMemoryMib >= 0))
            out.append(error(base + QStringLiteral(".ecs_reserved_memory_mib"),
                QStringLiteral("must be >= 0 MiB (ECS_RESERVED_MEMORY), found %1")
                    .arg(number(p.ecsReservedMemoryMib))));
        if (!(p.vmOverheadPercent >= 0 && p.vmOverheadPercent < 100))
            out.append(error(base + QStringLiteral(".vm_overhead_percent"),
                QStringLiteral("must be in [0, 100) percent of the instance's memory (Karpenter's default 7.5), "
                               "found %1")
                    .arg(number(p.vmOverheadPercent))));
        if (!(p.interruptionAllowancePercent >= 0))
            out.append(error(base + QStringLiteral(".interruption_allowance_percent"),
                QStringLiteral("must be >= 0 percent, found %1").arg(number(p.interruptionAllowancePercent))));
        if (p.scaleInDelayHours < 0)
            out.append(error(base + QStringLiteral(".scale_in_delay_hours"), QStringLiteral("must be >= 0")));
        if (p.clusters < 0)
            out.append(error(base + QStringLiteral(".clusters"), QStringLiteral("must be >= 0")));
        if (p.fargateBase < 0 || p.fargateWeight < 0 || p.fargateSpotWeight < 0)
            out.append(
                error(base, QStringLiteral("fargate_base, fargate_weight and fargate_spot_weight must be >= 0")));
        else if (id == PlatformId::EcsFargateSpot && p.fargateWeight + p.fargateSpotWeight == 0)
            out.append(error(base,
                QStringLiteral("fargate_weight and fargate_spot_weight are both 0: "
                               "at least one weight must be > 0")));
        if (id == PlatformId::AppRunner) {
            // App Runner's auto scaling configuration: MaxConcurrency 1..200, MinSize >= 1, MaxSize >= MinSize.
            if (p.appRunnerConcurrency < 1 || p.appRunnerConcurrency > MaxAppRunnerConcurrency)
                out.append(error(base + QStringLiteral(".concurrency"),
                    QStringLiteral("must be 1..%1 concurrent requests per instance, found %2")
                        .arg(MaxAppRunnerConcurrency)
                        .arg(p.appRunnerConcurrency)));
            if (p.appRunnerMinInstances < 1 || p.appRunnerMinInstances > MaxReplicas)
                out.append(error(base + QStringLiteral(".min_instances"),
                    QStringLiteral("must be 1..%1 (App Runner keeps at least one provisioned instance), found %2")
                        .arg(MaxReplicas)
                        .arg(p.appRunnerMinInstances)));
            if (p.appRunnerMaxInstances < p.appRunnerMinInstances || p.appRunnerMaxInstances > MaxReplicas)
                out.append(error(base + QStringLiteral(".max_instances"),
                    QStringLiteral("must be min_instances (%1)..%2, found %3")
                        .arg(p.appRunnerMinInstances)
                        .arg(MaxReplicas)
                        .arg(p.appRunnerMaxInstances)));
        }
        for (qsizetype k = 0; k < p.instanceTypes.size(); ++k) {
            if (p.instanceTypes.at(k).trimmed().isEmpty())
                out.append(error(
                    QStringLiteral("%1.instance_types[%2]").arg(base).arg(k), QStringLiteral("must not be empty")));
        }
    }

    registryAndNetworkChecks(sc, catalog, out);

    CannotRun cannotRun;
    fargateChecks(sc, out, cannotRun);
    appRunnerChecks(sc, out, cannotRun);
    if (catalog) {
        catalogChecks(sc, *catalog, out, cannotRun);
        // A service that no enabled platform can run leaves nothing to compare: that is an error. One
        // platform that cannot run it is only a warning (that platform is shown as infeasible).
        int enabled = 0;
        for (PlatformId id : AllPlatforms)
            enabled += sc.platform(id).enabled ? 1 : 0;
        for (auto it = cannotRun.cbegin(); it != cannotRun.cend(); ++it) {
            if (enabled > 0 && it.value().size() >= enabled)
                out.append(error(QStringLiteral("service \"%1\"").arg(sc.services.at(it.key()).name),
                    QStringLiteral("no enabled platform can run this service (see the warnings above)")));
        }
    }
    return out;
}

} // namespace fleetplan::models
