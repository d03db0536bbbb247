// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/commands.h"

#include <algorithm>
#include <atomic>

#include <QCoreApplication>
#include <QSet>

namespace fleetplan::models {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("fleetplan::models::Commands", text);
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
    setText(tr("Rename service %1 to %2").arg(m_old, m_new));
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

SetServiceCommand::SetServiceCommand(
    Document *document, int row, const Service &service, const QString &text, int mergeKey, QUndoCommand *parent)
    : QUndoCommand(text.isEmpty() ? tr("Edit service %1").arg(service.name) : text, parent)
    , m_document(document)
    , m_row(row)
    , m_old(document->scenario().services.at(row))
    , m_new(service)
    , m_mergeKey(mergeKey)
{
}

void SetServiceCommand::redo()
{
    m_document->setService(m_row, m_new);
}

void SetServiceCommand::undo()
{
    m_document->setService(m_row, m_old);
}

int SetServiceCommand::id() const
{
    return m_mergeKey != 0 ? SetServiceCommandId : -1;
}

bool SetServiceCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const SetServiceCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey || o->m_row != m_row)
        return false;
    m_new = o->m_new;
    setObsolete(m_new == m_old);
    return true;
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

SetLoadProfileHoursCommand::SetLoadProfileHoursCommand(
    Document *document, int index, QList<double> hourly, int mergeKey, QUndoCommand *parent)
    : QUndoCommand(tr("Edit load profile %1").arg(document->scenario().loadProfiles.at(index).name), parent)
    , m_document(document)
    , m_index(index)
    , m_old(document->scenario().loadProfiles.at(index).hourly)
    , m_new(std::move(hourly))
    , m_mergeKey(mergeKey)
{
}

void SetLoadProfileHoursCommand::redo()
{
    LoadProfile p = m_document->scenario().loadProfiles.at(m_index);
    p.hourly = m_new;
    m_document->setLoadProfile(m_index, p);
}

void SetLoadProfileHoursCommand::undo()
{
    LoadProfile p = m_document->scenario().loadProfiles.at(m_index);
    p.hourly = m_old;
    m_document->setLoadProfile(m_index, p);
}

int SetLoadProfileHoursCommand::id() const
{
    return m_mergeKey != 0 ? SetLoadProfileHoursCommandId : -1;
}

bool SetLoadProfileHoursCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const SetLoadProfileHoursCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey || o->m_index != m_index)
        return false;
    m_new = o->m_new;
    setObsolete(m_new == m_old);
    return true;
}

// ---- settings ----

SetScenarioSettingsCommand::SetScenarioSettingsCommand(
    Document *document, const ScenarioSettings &settings, int mergeKey, QUndoCommand *parent)
    : QUndoCommand(tr("Change scenario settings"), parent)
    , m_document(document)
    , m_old(ScenarioSettings::of(document->scenario()))
    , m_new(settings)
    , m_mergeKey(mergeKey)
{
}

void SetScenarioSettingsCommand::redo()
{
    m_document->setSettings(m_new);
}

void SetScenarioSettingsCommand::undo()
{
    m_document->setSettings(m_old);
}

int SetScenarioSettingsCommand::id() const
{
    return m_mergeKey != 0 ? SetScenarioSettingsCommandId : -1;
}

bool SetScenarioSettingsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const SetScenarioSettingsCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey)
        return false;
    m_new = o->m_new;
    setObsolete(m_new == m_old);
    return true;
}

SetPlatformSettingsCommand::SetPlatformSettingsCommand(
    Document *document, PlatformId platform, const PlatformSettings &settings, int mergeKey, QUndoCommand *parent)
    : QUndoCommand(tr("Change %1 settings").arg(displayName(platform)), parent)
    , m_document(document)
    , m_platform(platform)
    , m_old(document->scenario().platform(platform))
    , m_new(settings)
    , m_mergeKey(mergeKey)
{
}

void SetPlatformSettingsCommand::redo()
{
    m_document->setPlatformSettings(m_platform, m_new);
}

void SetPlatformSettingsCommand::undo()
{
    m_document->setPlatformSettings(m_platform, m_old);
}

int SetPlatformSettingsCommand::id() const
{
    return m_mergeKey != 0 ? SetPlatformSettingsCommandId : -1;
}

bool SetPlatformSettingsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const SetPlatformSettingsCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey || o->m_platform != m_platform)
        return false;
    m_new = o->m_new;
    setObsolete(m_new == m_old);
    return true;
}

SetPurchaseOptionsCommand::SetPurchaseOptionsCommand(
    Document *document, const PurchaseOptions &options, int mergeKey, QUndoCommand *parent)
    : QUndoCommand(tr("Change purchase options"), parent)
    , m_document(document)
    , m_old(document->scenario().purchase)
    , m_new(options)
    , m_mergeKey(mergeKey)
{
}

void SetPurchaseOptionsCommand::redo()
{
    m_document->setPurchaseOptions(m_new);
}

void SetPurchaseOptionsCommand::undo()
{
    m_document->setPurchaseOptions(m_old);
}

int SetPurchaseOptionsCommand::id() const
{
    return m_mergeKey != 0 ? SetPurchaseOptionsCommandId : -1;
}

bool SetPurchaseOptionsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const SetPurchaseOptionsCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey)
        return false;
    m_new = o->m_new;
    setObsolete(m_new == m_old);
    return true;
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
