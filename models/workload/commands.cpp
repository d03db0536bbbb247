// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/commands.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

namespace fleetplan::models {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fleetplan::models::Commands", text);
}

/// "1 day", "30 days" (the count in the user's locale).
QString count(int n, const char *one, const char *many)
{
    return n == 1 ? tr(one) : tr(many).arg(QLocale().toString(n));
}

template <typename Names> QString uniqueName(const Names &taken, const QString &base)
{
    if (!taken.contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + u'-' + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

QSet<QString> serviceNames(const Scenario &scenario)
{
    QSet<QString> names;
    for (const Service &s : scenario.services)
        names.insert(s.name);
    return names;
}

QSet<QString> profileNames(const Scenario &scenario)
{
    QSet<QString> names;
    for (const LoadProfile &p : scenario.loadProfiles)
        names.insert(p.name);
    return names;
}
/// `value` rounded to at most `decimals` decimals, no trailing zeros, in the user's locale.
QString decimal(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0)
        rounded = 0; // no "-0"
    return QLocale().toString(rounded, 'f', QLocale::FloatingPointShortest);
}

QString settingsText(const ScenarioSettings &from, const ScenarioSettings &to)
{
    const bool name = from.name != to.name;
    const bool region = from.region != to.region;
    const bool period = from.periodHours != to.periodHours || from.periodInDays != to.periodInDays;
    const bool notes = from.notes != to.notes;
    if (int(name) + int(region) + int(period) + int(notes) != 1)
        return tr("Change scenario settings");
    if (name)
        return tr("Rename scenario to %1").arg(to.name);
    if (region)
        return tr("Set region from %1 to %2").arg(from.region, to.region);
    if (period) {
        const auto words = [](const ScenarioSettings &s) {
            if (s.periodInDays && s.periodHours % 24 == 0)
                return count(s.periodHours / 24, "1 day", "%1 days");
            return count(s.periodHours, "1 hour", "%1 hours");
        };
        return tr("Set billing period from %1 to %2").arg(words(from), words(to));
    }
    return tr("Edit notes");
}

/// One field that differs between two values: what it is and its old and new value in words.
struct FieldChange
{
    QString what;
    QString from;
    QString to;
};

/// Collects the fields that differ, in the order they are compared.
class Changes
{
public:
    template <typename T, typename Words> void compare(const QString &what, const T &a, const T &b, Words words)
    {
        if (!(a == b))
            m_changes.append({ what, words(a), words(b) });
    }
    void compare(const QString &what, int a, int b)
    {
        compare(what, a, b, [](int v) { return QLocale().toString(v); });
    }
    void compare(const QString &what, double a, double b, const QString &unit = {})
    {
        compare(what, a, b, [unit](double v) { return unit.isEmpty() ? decimal(v, 4) : unit.arg(decimal(v, 4)); });
    }
    void compare(const QString &what, bool a, bool b)
    {
        compare(what, a, b, [](bool v) { return v ? tr("on") : tr("off"); });
    }
    qsizetype size() const { return m_changes.size(); }
    /// "Set NAT gateways from 3 to 2" when exactly one field changed, else `otherwise`.
    QString text(const QString &otherwise) const
    {
        if (m_changes.size() != 1)
            return otherwise;
        const FieldChange &c = m_changes.constFirst();
        return tr("Set %1 from %2 to %3").arg(c.what, c.from, c.to);
    }

private:
    QList<FieldChange> m_changes;
};

QString platformText(PlatformId platform, const PlatformSettings &from, const PlatformSettings &to)
{
    PlatformSettings toggled = from;
    toggled.enabled = to.enabled;
    if (from.enabled != to.enabled && toggled == to)
        return (to.enabled ? tr("Enable %1") : tr("Disable %1")).arg(displayName(platform));
    // App Runner's autoscaling knobs (issue 19) name their old and new values.
    PlatformSettings others = to;
    others.appRunnerConcurrency = from.appRunnerConcurrency;
    others.appRunnerMinInstances = from.appRunnerMinInstances;
    others.appRunnerMaxInstances = from.appRunnerMaxInstances;
    others.appRunnerAutomaticDeployment = from.appRunnerAutomaticDeployment;
    if (others == from) {
        Changes c;
        const QString name = displayName(platform);
        c.compare(tr("%1 concurrency").arg(name), from.appRunnerConcurrency, to.appRunnerConcurrency);
        c.compare(tr("%1 minimum instances").arg(name), from.appRunnerMinInstances, to.appRunnerMinInstances);
        c.compare(tr("%1 maximum instances").arg(name), from.appRunnerMaxInstances, to.appRunnerMaxInstances);
        c.compare(tr("%1 automatic deployments").arg(name), from.appRunnerAutomaticDeployment,
            to.appRunnerAutomaticDeployment);
        return c.text(tr("Change %1 settings").arg(name));
    }
    return tr("Change %1 settings").arg(displayName(platform));
}

QString scanWords(ScanMode mode)
{
    switch (mode) {
    case ScanMode::Basic:
        return tr("basic");
    case ScanMode::EnhancedOnPush:
        return tr("enhanced on push");
    case ScanMode::EnhancedContinuous:
        return tr("enhanced continuous");
    }
    return {};
}

QString listWords(const QStringList &list)
{
    return list.isEmpty() ? tr("none") : list.join(QStringLiteral(", "));
}

/// The fields of one repository that differ; `of` says which ("the per-service repositories", "shop/api").
void compareRepository(Changes &c, const QString &of, const Repository &a, const Repository &b)
{
    c.compare(tr("services of %1").arg(of), a.services, b.services, listWords);
    c.compare(tr("image size of %1").arg(of), a.imageGb, b.imageGb, tr("%1 GB"));
    c.compare(tr("pushes per day of %1").arg(of), a.pushesPerDay, b.pushesPerDay);
    c.compare(tr("images kept of %1").arg(of), a.keepLast, b.keepLast);
    c.compare(tr("dev-* share of %1").arg(of), a.devShare, b.devShare,
        [](double v) { return tr("%1 %").arg(decimal(v * 100, 1)); });
    c.compare(tr("dev-* expiry of %1").arg(of), a.devExpireDays, b.devExpireDays,
        [](int v) { return count(v, "1 day", "%1 days"); });
    c.compare(tr("scanning of %1").arg(of), a.scanning, b.scanning, scanWords);
    c.compare(tr("rescans per image-month of %1").arg(of), a.rescansPerImageMonth, b.rescansPerImageMonth);
    c.compare(tr("replication regions of %1").arg(of), a.replicateToRegions, b.replicateToRegions, listWords);
    c.compare(tr("replication accounts of %1").arg(of), a.replicateToAccounts, b.replicateToAccounts);
}

QString subnetWords(SubnetKind kind)
{
    return kind == SubnetKind::Private ? tr("private") : tr("public");
}

QString loadBalancerWords(LoadBalancerKind kind)
{
    switch (kind) {
    case LoadBalancerKind::None:
        return tr("none");
    case LoadBalancerKind::Alb:
        return tr("ALB");
    case LoadBalancerKind::Nlb:
        return tr("NLB");
    }
    return {};
}

QString purchaseText(const PurchaseOptions &from, const PurchaseOptions &to)
{
    const bool spot = from.spotShare != to.spotShare;
    const bool amount = from.savingsPlanUsdPerHour != to.savingsPlanUsdPerHour;
    const bool type = from.savingsPlanType != to.savingsPlanType;
    const bool term = from.savingsPlanTermYears != to.savingsPlanTermYears;
    const bool payment = from.savingsPlanPayment != to.savingsPlanPayment;
    if (int(spot) + int(amount) + int(type) + int(term) + int(payment) != 1)
        return tr("Change purchase options");
    if (spot)
        return tr("Set Spot share from %1 % to %2 %")
            .arg(decimal(from.spotShare * 100, 1), decimal(to.spotShare * 100, 1));
    if (amount)
        return tr("Set Savings Plans commitment from %1 to %2 USD/h")
            .arg(QLocale().toString(from.savingsPlanUsdPerHour, 'f', 2),
                QLocale().toString(to.savingsPlanUsdPerHour, 'f', 2));
    const auto typeWord
        = [](SavingsPlanType t) { return t == SavingsPlanType::Compute ? tr("Compute") : tr("EC2 Instance"); };
    if (type)
        return tr("Set Savings Plans type from %1 to %2")
            .arg(typeWord(from.savingsPlanType), typeWord(to.savingsPlanType));
    if (term)
        return tr("Set Savings Plans term from %1 to %2")
            .arg(count(from.savingsPlanTermYears, "1 year", "%1 years"),
                count(to.savingsPlanTermYears, "1 year", "%1 years"));
    return tr("Set Savings Plans payment from %1 to %2").arg(from.savingsPlanPayment, to.savingsPlanPayment);
}

QString setFieldText(const QString &what, const Service &service, const QString &from, const QString &to)
{
    return tr("Set %1 of %2 from %3 to %4").arg(what, service.name, from, to);
}

QString editServiceText(const Service &service)
{
    return tr("Edit service %1").arg(service.name);
}

} // namespace

int nextMergeKey()
{
    static std::atomic<int> key { 0 };
    int k = ++key;
    if (k == 0)
        k = ++key;
    return k;
}

QString uniqueServiceName(const Scenario &scenario, const QString &base)
{
    return uniqueName(serviceNames(scenario), base);
}

QString uniqueLoadProfileName(const Scenario &scenario, const QString &base)
{
    return uniqueName(profileNames(scenario), base);
}

QString formatMemoryMib(double mib)
{
    const double rounded = std::round(mib * 100) / 100;
    if (std::abs(rounded) < 1024)
        return tr("%1 MiB").arg(decimal(rounded, 2));
    return tr("%1 GiB").arg(decimal(mib / 1024, 2));
}

QString formatVcpu(double vcpu)
{
    return tr("%1 vCPU").arg(decimal(vcpu, 3));
}

QString setServiceFieldText(const Service &service, int Service::*field, int value)
{
    const auto n = [](int v) { return QLocale().toString(v); };
    const int old = service.*field;
    if (field == &Service::replicas)
        return setFieldText(tr("replicas"), service, n(old), n(value));
    if (field == &Service::minReplicas)
        return setFieldText(tr("minimum replicas"), service, n(old), n(value));
    if (field == &Service::maxReplicas)
        return setFieldText(tr("maximum replicas"), service, n(old), n(value));
    if (field == &Service::runsPerDay)
        return setFieldText(tr("runs per day"), service, n(old), n(value));
    if (field == &Service::runSeconds)
        return setFieldText(tr("run time"), service, tr("%1 s").arg(n(old)), tr("%1 s").arg(n(value)));
    if (field == &Service::gpus)
        return setFieldText(tr("GPUs"), service, n(old), n(value));
    if (field == &Service::hostPort) {
        const auto port = [](int v) { return v == 0 ? tr("dynamic") : QString::number(v); };
        return setFieldText(tr("host port"), service, port(old), port(value));
    }
    return editServiceText(service);
}

QString setServiceFieldText(const Service &service, double Service::*field, double value)
{
    const double old = service.*field;
    if (field == &Service::requestsPerSecond)
        return setFieldText(tr("requests per second"), service, tr("%1 req/s").arg(decimal(old, 3)),
            tr("%1 req/s").arg(decimal(value, 3)));
    if (field == &Service::requestMillis)
        return setFieldText(
            tr("request duration"), service, tr("%1 ms").arg(decimal(old, 3)), tr("%1 ms").arg(decimal(value, 3)));
    if (field == &Service::concurrentRequests) {
        const auto words = [](double v) { return v == 0 ? tr("derived") : decimal(v, 3); };
        return setFieldText(tr("concurrent requests"), service, words(old), words(value));
    }
    if (field == &Service::cpu)
        return setFieldText(tr("CPU"), service, formatVcpu(old), formatVcpu(value));
    if (field == &Service::memoryMib)
        return setFieldText(tr("memory"), service, formatMemoryMib(old), formatMemoryMib(value));
    if (field == &Service::ephemeralGib)
        return setFieldText(
            tr("ephemeral storage"), service, tr("%1 GiB").arg(decimal(old, 2)), tr("%1 GiB").arg(decimal(value, 2)));
    return editServiceText(service);
}

QString setServiceFieldText(const Service &service, bool Service::*field, bool value)
{
    if (field == &Service::spotOk)
        return (value ? tr("Allow Spot for %1") : tr("Disallow Spot for %1")).arg(service.name);
    if (field == &Service::onePerNode)
        return (value ? tr("One task per node for %1") : tr("Let tasks of %1 share nodes")).arg(service.name);
    return editServiceText(service);
}

QString setServiceFieldText(const Service &service, QString Service::*field, const QString &value)
{
    if (field == &Service::name)
        return tr("Rename %1 to %2").arg(service.name, value);
    if (field == &Service::loadProfile) {
        const auto profile = [](const QString &p) { return p.isEmpty() ? tr("flat") : p; };
        return setFieldText(tr("load profile"), service, profile(service.loadProfile), profile(value));
    }
    if (field == &Service::source)
        return setFieldText(tr("source"), service, service.source, value);
    return editServiceText(service);
}

QString setServiceFieldText(const Service &service, ServiceKind Service::*field, ServiceKind value)
{
    if (field == &Service::kind)
        return setFieldText(tr("kind"), service, toId(service.kind), toId(value));
    return editServiceText(service);
}

QString setServiceFieldText(const Service &service, Arch Service::*field, Arch value)
{
    if (field == &Service::arch)
        return setFieldText(tr("architecture"), service, toId(service.arch), toId(value));
    return editServiceText(service);
}

QString setServiceFieldText(const Service &service, OsFamily Service::*field, OsFamily value)
{
    if (field == &Service::os)
        return setFieldText(tr("OS"), service, toId(service.os), toId(value));
    return editServiceText(service);
}

QString describeDeployment(const DeploymentSettings &d)
{
    const QLocale locale;
    const auto n = [&locale](double v) { return locale.toString(v, 'g', 6); };
    if (d.strategy == DeploymentStrategy::None)
        return tr("none");
    const QString often
        = d.period == DeploymentPeriod::Week ? tr("%1 a week").arg(n(d.frequency)) : tr("%1 a day").arg(n(d.frequency));
    if (d.strategy == DeploymentStrategy::BlueGreen)
        return tr("blue/green, %1, %2 + %3 min").arg(often, n(d.durationMinutes), n(d.bakeMinutes));
    const QString surge = d.maxSurgePercent ? tr("%1 %").arg(n(d.maxSurge)) : tr("%1 tasks").arg(n(d.maxSurge));
    return tr("rolling %1, %2, %3 min").arg(surge, often, n(d.durationMinutes));
}

QString setServiceFieldText(const Service &service, DeploymentSettings Service::*field, const DeploymentSettings &value)
{
    if (field == &Service::deployment)
        return setFieldText(
            tr("deployment"), service, describeDeployment(service.deployment), describeDeployment(value));
    return editServiceText(service);
}

QString setServiceFieldText(const Service &service, NetworkMode Service::*field, NetworkMode value)
{
    if (field == &Service::networkMode)
        return setFieldText(tr("network mode"), service, toId(service.networkMode), toId(value));
    return editServiceText(service);
}

QString formatAppRunnerSize(const AppRunnerInstanceSize &size)
{
    if (!size.isSet())
        return tr("automatic");
    return tr("%1 / %2 GB").arg(formatVcpu(size.vcpu), decimal(size.memoryGb, 3));
}

QString setServiceFieldText(
    const Service &service, AppRunnerInstanceSize Service::*field, const AppRunnerInstanceSize &value)
{
    if (field == &Service::appRunnerSize)
        return setFieldText(
            tr("App Runner instance size"), service, formatAppRunnerSize(service.*field), formatAppRunnerSize(value));
    return editServiceText(service);
}

QString registryChangeText(const RegistrySettings &from, const RegistrySettings &to)
{
    RegistrySettings toggled = from;
    toggled.enabled = to.enabled;
    if (from.enabled != to.enabled && toggled == to)
        return to.enabled ? tr("Enable the ECR registry") : tr("Disable the ECR registry");
    const qsizetype before = from.repositories.size();
    const qsizetype after = to.repositories.size();
    if (after == before + 1 && to.repositories.mid(0, before) == from.repositories)
        return tr("Add repository %1").arg(to.repositories.constLast().name);
    if (after + 1 == before) {
        for (qsizetype i = 0; i < before; ++i) {
            QList<Repository> rest = from.repositories;
            const Repository removed = rest.takeAt(i);
            if (rest == to.repositories)
                return tr("Remove repository %1").arg(removed.name);
        }
    }
    if (after != before)
        return tr("Change registry settings");
    for (qsizetype i = 0; i < before; ++i) {
        RegistrySettings renamed = from;
        renamed.repositories[i].name = to.repositories.at(i).name;
        if (renamed == to && from.repositories.at(i).name != to.repositories.at(i).name)
            return tr("Rename repository %1 to %2").arg(from.repositories.at(i).name, to.repositories.at(i).name);
    }
    Changes c;
    c.compare(tr("registry region"), from.region, to.region,
        [](const QString &r) { return r.isEmpty() ? tr("the scenario's") : r; });
    compareRepository(c, tr("the per-service repositories"), from.defaults, to.defaults);
    for (qsizetype i = 0; i < before; ++i)
        compareRepository(c, from.repositories.at(i).name, from.repositories.at(i), to.repositories.at(i));
    return c.text(tr("Change registry settings"));
}

QString networkChangeText(const NetworkSettings &from, const NetworkSettings &to)
{
    NetworkSettings toggled = from;
    toggled.enabled = to.enabled;
    if (from.enabled != to.enabled && toggled == to)
        return to.enabled ? tr("Enable network costs") : tr("Disable network costs");
    Changes c;
    c.compare(tr("subnets"), from.subnets, to.subnets, subnetWords);
    c.compare(tr("NAT gateways"), from.natGateways, to.natGateways);
    c.compare(tr("VPC endpoints"), from.vpcEndpoints, to.vpcEndpoints);
    c.compare(tr("load balancer"), from.loadBalancer, to.loadBalancer, loadBalancerWords);
    c.compare(tr("load balancers"), from.loadBalancerPerService, to.loadBalancerPerService,
        [](bool perService) { return perService ? tr("one per service") : tr("one shared"); });
    c.compare(
        tr("capacity units per load balancer"), from.capacityUnitsPerLoadBalancer, to.capacityUnitsPerLoadBalancer);
    c.compare(tr("log GB per task-hour"), from.logGbPerTaskHour, to.logGbPerTaskHour, tr("%1 GB"));
    return c.text(tr("Change network settings"));
}

// ---- services ----

AddServiceCommand::AddServiceCommand(Document *document, const Service &service, int row, QUndoCommand *parent)
    : QUndoCommand(tr("Add service %1").arg(service.name), parent)
    , m_document(document)
    , m_service(service)
    , m_row(row < 0 || row > document->scenario().services.size() ? int(document->scenario().services.size()) : row)
{
}

void AddServiceCommand::redo()
{
    m_document->insertServices(m_row, { m_service });
}

void AddServiceCommand::undo()
{
    m_document->takeServices(m_row, 1);
}

RemoveServicesCommand::RemoveServicesCommand(Document *document, QList<int> rows, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : std::as_const(rows)) {
        if (row >= 0 && row < document->scenario().services.size()) {
            m_rows.append(row);
            m_removed.append(document->scenario().services.at(row));
        }
    }
    setText(m_rows.size() == 1 ? tr("Remove service %1").arg(m_removed.constFirst().name)
                               : tr("Remove %1 services").arg(m_rows.size()));
}

void RemoveServicesCommand::redo()
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i)
        m_document->takeServices(m_rows.at(i), 1);
}

void RemoveServicesCommand::undo()
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_document->insertServices(m_rows.at(i), { m_removed.at(i) });
}

DuplicateServiceCommand::DuplicateServiceCommand(Document *document, int row, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_copy(document->scenario().services.at(row))
{
    m_copy.name = uniqueServiceName(document->scenario(), m_copy.name + QStringLiteral("-copy"));
    setText(tr("Duplicate service %1").arg(document->scenario().services.at(row).name));
}

void DuplicateServiceCommand::redo()
{
    m_document->insertServices(m_row + 1, { m_copy });
}

void DuplicateServiceCommand::undo()
{
    m_document->takeServices(m_row + 1, 1);
}

RenameServiceCommand::RenameServiceCommand(Document *document, int row, const QString &name, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_old(document->scenario().services.at(row).name)
    , m_new(name)
{
    setText(tr("Rename %1 to %2").arg(m_old, m_new));
}

void RenameServiceCommand::redo()
{
    Service s = m_document->scenario().services.at(m_row);
    s.name = m_new;
    m_document->setService(m_row, s);
}

void RenameServiceCommand::undo()
{
    Service s = m_document->scenario().services.at(m_row);
    s.name = m_old;
    m_document->setService(m_row, s);
}

Service ServiceTarget::get(const Document &document) const
{
    return document.scenario().services.at(row);
}

void ServiceTarget::set(Document *document, const Service &service) const
{
    document->setService(row, service);
}

SetServiceCommand::SetServiceCommand(
    Document *document, int row, const Service &service, const QString &text, int mergeKey, QUndoCommand *parent)
    : ChangeValueCommand(document, ServiceTarget { row }, service,
        text.isEmpty() ? tr("Edit service %1").arg(service.name) : text, mergeKey, parent)
{
}

// ---- load profiles ----

AddLoadProfileCommand::AddLoadProfileCommand(
    Document *document, const LoadProfile &profile, int index, QUndoCommand *parent)
    : QUndoCommand(tr("Add load profile %1").arg(profile.name), parent)
    , m_document(document)
    , m_profile(profile)
    , m_index(index < 0 || index > document->scenario().loadProfiles.size()
              ? int(document->scenario().loadProfiles.size())
              : index)
{
}

void AddLoadProfileCommand::redo()
{
    m_document->insertLoadProfiles(m_index, { m_profile });
}

void AddLoadProfileCommand::undo()
{
    m_document->takeLoadProfiles(m_index, 1);
}

RemoveLoadProfileCommand::RemoveLoadProfileCommand(Document *document, int index, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_index(index)
    , m_profile(document->scenario().loadProfiles.at(index))
{
    const QList<Service> &services = document->scenario().services;
    for (qsizetype i = 0; i < services.size(); ++i) {
        if (services.at(i).loadProfile == m_profile.name)
            m_users.append(int(i));
    }
    setText(tr("Remove load profile %1").arg(m_profile.name));
}

void RemoveLoadProfileCommand::redo()
{
    for (int row : std::as_const(m_users)) {
        Service s = m_document->scenario().services.at(row);
        s.loadProfile.clear();
        m_document->setService(row, s);
    }
    m_document->takeLoadProfiles(m_index, 1);
}

void RemoveLoadProfileCommand::undo()
{
    m_document->insertLoadProfiles(m_index, { m_profile });
    for (int row : std::as_const(m_users)) {
        Service s = m_document->scenario().services.at(row);
        s.loadProfile = m_profile.name;
        m_document->setService(row, s);
    }
}

RenameLoadProfileCommand::RenameLoadProfileCommand(
    Document *document, int index, const QString &name, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_index(index)
    , m_old(document->scenario().loadProfiles.at(index).name)
    , m_new(name)
{
    const QList<Service> &services = document->scenario().services;
    for (qsizetype i = 0; i < services.size(); ++i) {
        if (services.at(i).loadProfile == m_old)
            m_users.append(int(i));
    }
    setText(tr("Rename load profile %1 to %2").arg(m_old, m_new));
}

void RenameLoadProfileCommand::apply(const QString &to)
{
    LoadProfile p = m_document->scenario().loadProfiles.at(m_index);
    p.name = to;
    m_document->setLoadProfile(m_index, p);
    for (int row : std::as_const(m_users)) {
        Service s = m_document->scenario().services.at(row);
        s.loadProfile = to;
        m_document->setService(row, s);
    }
}

void RenameLoadProfileCommand::redo()
{
    apply(m_new);
}

void RenameLoadProfileCommand::undo()
{
    apply(m_old);
}

QList<double> LoadProfileHoursTarget::get(const Document &document) const
{
    return document.scenario().loadProfiles.at(index).hourly;
}

void LoadProfileHoursTarget::set(Document *document, const QList<double> &hourly) const
{
    LoadProfile p = document->scenario().loadProfiles.at(index);
    p.hourly = hourly;
    document->setLoadProfile(index, p);
}

SetLoadProfileHoursCommand::SetLoadProfileHoursCommand(
    Document *document, int index, QList<double> hourly, int mergeKey, QUndoCommand *parent)
    : ChangeValueCommand(document, LoadProfileHoursTarget { index }, std::move(hourly),
        tr("Edit load profile %1").arg(document->scenario().loadProfiles.at(index).name), mergeKey, parent)
{
}

// ---- settings ----

ScenarioSettings ScenarioSettingsTarget::get(const Document &document) const
{
    return ScenarioSettings::of(document.scenario());
}

void ScenarioSettingsTarget::set(Document *document, const ScenarioSettings &settings) const
{
    document->setSettings(settings);
}

SetScenarioSettingsCommand::SetScenarioSettingsCommand(
    Document *document, const ScenarioSettings &settings, int mergeKey, QUndoCommand *parent)
    : ChangeValueCommand(document, ScenarioSettingsTarget {}, settings, Describe(settingsText), mergeKey, parent)
{
}

PlatformSettings PlatformSettingsTarget::get(const Document &document) const
{
    return document.scenario().platform(platform);
}

void PlatformSettingsTarget::set(Document *document, const PlatformSettings &settings) const
{
    document->setPlatformSettings(platform, settings);
}

SetPlatformSettingsCommand::SetPlatformSettingsCommand(
    Document *document, PlatformId platform, const PlatformSettings &settings, int mergeKey, QUndoCommand *parent)
    : ChangeValueCommand(document, PlatformSettingsTarget { platform }, settings,
        platformText(platform, document->scenario().platform(platform), settings), mergeKey, parent)
{
}

PurchaseOptions PurchaseOptionsTarget::get(const Document &document) const
{
    return document.scenario().purchase;
}

void PurchaseOptionsTarget::set(Document *document, const PurchaseOptions &options) const
{
    document->setPurchaseOptions(options);
}

SetPurchaseOptionsCommand::SetPurchaseOptionsCommand(
    Document *document, const PurchaseOptions &options, int mergeKey, QUndoCommand *parent)
    : ChangeValueCommand(document, PurchaseOptionsTarget {}, options, Describe(purchaseText), mergeKey, parent)
{
}

RegistrySettings RegistryTarget::get(const Document &document) const
{
    return document.scenario().registry;
}

void RegistryTarget::set(Document *document, const RegistrySettings &registry) const
{
    document->setRegistry(registry);
}

SetRegistryCommand::SetRegistryCommand(
    Document *document, const RegistrySettings &registry, int mergeKey, QUndoCommand *parent)
    : ChangeValueCommand(document, RegistryTarget {}, registry, Describe(registryChangeText), mergeKey, parent)
{
}

NetworkSettings NetworkTarget::get(const Document &document) const
{
    return document.scenario().network;
}

void NetworkTarget::set(Document *document, const NetworkSettings &network) const
{
    document->setNetwork(network);
}

SetNetworkCommand::SetNetworkCommand(
    Document *document, const NetworkSettings &network, int mergeKey, QUndoCommand *parent)
    : ChangeValueCommand(document, NetworkTarget {}, network, Describe(networkChangeText), mergeKey, parent)
{
}

// ---- import ----

ImportServicesCommand::ImportServicesCommand(Document *document, QList<Service> services, QList<LoadProfile> profiles,
    Mode mode, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_mode(mode)
{
    const Scenario &sc = document->scenario();
    if (text.isEmpty())
        setText(tr("Import %1 services").arg(services.size()));
    // Profiles: reuse identical ones, add the others under unique names.
    QSet<QString> profilesTaken;
    for (const LoadProfile &p : sc.loadProfiles)
        profilesTaken.insert(p.name);
    QHash<QString, QString> renamedProfile;
    for (LoadProfile p : std::as_const(profiles)) {
        const LoadProfile *existing = sc.findLoadProfile(p.name);
        if (existing && existing->hourly == p.hourly)
            continue;
        bool duplicateInImport = false;
        for (const LoadProfile &added : std::as_const(m_profiles)) {
            if (added.name == renamedProfile.value(p.name, p.name) && added.hourly == p.hourly)
                duplicateInImport = true;
        }
        if (duplicateInImport)
            continue;
        const QString name = uniqueName(profilesTaken, p.name);
        if (name != p.name)
            renamedProfile.insert(p.name, name);
        p.name = name;
        profilesTaken.insert(name);
        m_profiles.append(p);
    }
    // Services: unique names, references to renamed profiles followed.
    QSet<QString> servicesTaken;
    if (mode == Mode::Append)
        servicesTaken = serviceNames(sc);
    for (Service s : std::as_const(services)) {
        s.name = uniqueName(servicesTaken, s.name);
        servicesTaken.insert(s.name);
        s.loadProfile = renamedProfile.value(s.loadProfile, s.loadProfile);
        m_services.append(s);
    }
    if (mode == Mode::Replace)
        m_replaced = sc.services;
    m_firstProfile = int(sc.loadProfiles.size());
    m_firstRow = mode == Mode::Replace ? 0 : int(sc.services.size());
}

void ImportServicesCommand::redo()
{
    if (m_mode == Mode::Replace)
        m_document->takeServices(0, int(m_replaced.size()));
    m_document->insertLoadProfiles(m_firstProfile, m_profiles);
    m_document->insertServices(m_firstRow, m_services);
}

void ImportServicesCommand::undo()
{
    m_document->takeServices(m_firstRow, int(m_services.size()));
    m_document->takeLoadProfiles(m_firstProfile, int(m_profiles.size()));
    if (m_mode == Mode::Replace)
        m_document->insertServices(0, m_replaced);
}

} // namespace fleetplan::models
