// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <utility>

#include <QList>
#include <QUndoCommand>

#include "models/workload/document.h"

/// The undoable edits of a Document: one small QUndoCommand per verb. Push them on
/// Document::undoStack(); redo() runs when pushed. Every command restores the exact previous value on
/// undo(), so do → undo → redo round trips are lossless.
///
/// Slider and drag edits merge into one undo step: give every command of one drag the same non-zero
/// `mergeKey` (take one from nextMergeKey() when the drag starts). Edits of one field of one service
/// merge with the edit right before them when it changed the same field of the same service, key or no
/// key (ChangeValueCommand). Other commands with mergeKey 0 never merge.
namespace fleetplan::models {

/// Ids of the commands that can merge (QUndoCommand::id()), all in one place.
enum CommandId {
    SetServiceFieldCommandId = 0x4650, // 'FP'
    SetServiceCommandId,
    SetLoadProfileHoursCommandId,
    SetScenarioSettingsCommandId,
    SetPlatformSettingsCommandId,
    SetPurchaseOptionsCommandId,
    SetRegistryCommandId,
    SetNetworkCommandId,
};

/// A fresh key for the commands of one slider drag (never 0).
int nextMergeKey();

/// `base` if no service has that name, else "base-2", "base-3", ...
QString uniqueServiceName(const Scenario &scenario, const QString &base);
/// `base` if no load profile has that name, else "base-2", "base-3", ...
QString uniqueLoadProfileName(const Scenario &scenario, const QString &base);

/// Adds a service at `row` (-1 = at the end).
class AddServiceCommand : public QUndoCommand
{
public:
    AddServiceCommand(Document *document, const Service &service, int row = -1, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int row() const { return m_row; }

private:
    Document *m_document;
    Service m_service;
    int m_row;
};

/// Removes the services at these rows (any order, duplicates ignored).
class RemoveServicesCommand : public QUndoCommand
{
public:
    RemoveServicesCommand(Document *document, QList<int> rows, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *m_document;
    QList<int> m_rows; ///< ascending
    QList<Service> m_removed; ///< in m_rows order
};

/// Inserts a copy of the service at `row` right after it, named "<name>-copy" (made unique).
class DuplicateServiceCommand : public QUndoCommand
{
public:
    DuplicateServiceCommand(Document *document, int row, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *m_document;
    int m_row;
    Service m_copy;
};

/// Renames the service at `row` ("Rename worker to jobs").
class RenameServiceCommand : public QUndoCommand
{
public:
    RenameServiceCommand(Document *document, int row, const QString &name, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *m_document;
    int m_row;
    QString m_old;
    QString m_new;
};

/// One command template for every edit that replaces one value (Tiled's ChangeValue, LabPlot's
/// StandardSetterCmd): id(), mergeWith(), undo() and redo() are written once here, and `Target` says
/// what is changed. A Target is a small value type with
///
///     using Value = ...;                                     // the type of the value changed
///     static constexpr CommandId Id = ...;                   // QUndoCommand::id() when it may merge
///     static constexpr bool MergesWithoutKey = ...;          // see below
///     Value get(const Document &) const;
///     void set(Document *, const Value &) const;
///     friend bool operator==(const Target &, const Target &); // the same thing (same row, same field)
///
/// Two commands merge when their targets are equal and either they carry the same non-zero mergeKey
/// (one slider drag), or the target is MergesWithoutKey (a field of a service: several edits of one
/// field of one service in a row are one undo step, as in Tiled's property editor). QUndoStack never
/// merges into the command at the clean index, so an edit after a save stays its own step. A merge
/// that lands back on the old value makes the command obsolete: it leaves the stack.
template <typename Target> class ChangeValueCommand : public QUndoCommand
{
public:
    using Value = typename Target::Value;

    /// Words for a change from one value to another ("Set memory of api from 1 GiB to 2 GiB"): the text
    /// of a merged command is made again from its first old and its last new value.
    using Describe = std::function<QString(const Value &from, const Value &to)>;

    ChangeValueCommand(Document *document, Target target, Value value, const QString &text, int mergeKey = 0,
        QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_target(std::move(target))
        , m_old(m_target.get(*document))
        , m_new(std::move(value))
        , m_mergeKey(mergeKey)
    {
    }
    ChangeValueCommand(Document *document, Target target, Value value, Describe describe, int mergeKey = 0,
        QUndoCommand *parent = nullptr)
        : ChangeValueCommand(document, std::move(target), std::move(value), QString(), mergeKey, parent)
    {
        m_describe = std::move(describe);
        setText(m_describe(m_old, m_new));
    }
    void redo() override { m_target.set(m_document, m_new); }
    void undo() override { m_target.set(m_document, m_old); }
    int id() const override { return Target::MergesWithoutKey || m_mergeKey != 0 ? int(Target::Id) : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        // Same id does not mean same Target: SetServiceFieldCommand<int> and <double> share one.
        const auto *o = dynamic_cast<const ChangeValueCommand<Target> *>(other);
        if (!o || !(o->m_target == m_target) || o->m_document != m_document)
            return false;
        if (!Target::MergesWithoutKey && o->m_mergeKey != m_mergeKey)
            return false;
        m_new = o->m_new;
        // "Set replicas of api from 2 to 21": the value before the first step, the value the last sets.
        setText(m_describe ? m_describe(m_old, m_new) : o->text());
        setObsolete(m_new == m_old);
        return true;
    }

    const Target &target() const { return m_target; }
    const Value &oldValue() const { return m_old; }
    const Value &newValue() const { return m_new; }

private:
    Document *m_document;
    Target m_target;
    Value m_old;
    Value m_new;
    int m_mergeKey;
    Describe m_describe;
};

/// The undo text of a field edit, in the words of the History dock and the Edit menu, from the value
/// `service` has to `value`: "Set memory of api from 1 GiB to 2 GiB", "Set replicas of web-frontend from 3
/// to 20", "Set load profile of api from flat to diurnal-web". Numbers in the user's locale; memory in MiB
/// below 1024 MiB, else GiB with at most two decimals; CPU in vCPU.
QString setServiceFieldText(const Service &service, int Service::*field, int value);
QString setServiceFieldText(const Service &service, double Service::*field, double value);
QString setServiceFieldText(const Service &service, bool Service::*field, bool value);
QString setServiceFieldText(const Service &service, QString Service::*field, const QString &value);
QString setServiceFieldText(const Service &service, ServiceKind Service::*field, ServiceKind value);
QString setServiceFieldText(const Service &service, Arch Service::*field, Arch value);
QString setServiceFieldText(const Service &service, OsFamily Service::*field, OsFamily value);
QString setServiceFieldText(const Service &service, NetworkMode Service::*field, NetworkMode value);
/// "Set deployment of api from none to rolling, 2 a day, 10 min" (issue 20).
QString setServiceFieldText(
    const Service &service, DeploymentSettings Service::*field, const DeploymentSettings &value);
/// A deployment in words for tables and undo texts: "none", "rolling 100 %, 2 a day, 10 min",
/// "blue/green, 1 a week, 5 + 30 min".
QString describeDeployment(const DeploymentSettings &deployment);
QString setServiceFieldText(
    const Service &service, AppRunnerInstanceSize Service::*field, const AppRunnerInstanceSize &value);
/// "1 vCPU / 2 GB", or "automatic" for an unset size (the smallest that holds the task).
QString formatAppRunnerSize(const AppRunnerInstanceSize &size);

/// "512 MiB", "1.5 GiB", "2 GiB", "3.33 GiB" (user's locale).
QString formatMemoryMib(double mib);
/// "0.25 vCPU", "2 vCPU" (user's locale).
QString formatVcpu(double vcpu);

/// What SetServiceFieldCommand<T> changes: one scalar field of the service at `row`.
template <typename T> struct ServiceFieldTarget
{
    using Value = T;
    static constexpr CommandId Id = SetServiceFieldCommandId;
    static constexpr bool MergesWithoutKey = true;

    int row;
    T Service::*field;

    T get(const Document &document) const { return document.scenario().services.at(row).*field; }
    void set(Document *document, const T &value) const
    {
        Service s = document->scenario().services.at(row);
        s.*field = value;
        document->setService(row, s);
    }
    friend bool operator==(const ServiceFieldTarget &, const ServiceFieldTarget &) = default;
};

/// Sets one scalar field of the service at `row`, e.g.
/// `new SetServiceFieldCommand<int>(doc, 2, &Service::replicas, 8)` ("Set replicas of orders-api to 8").
/// An empty `text` is made from the field and the value (setServiceFieldText()).
template <typename T> class SetServiceFieldCommand : public ChangeValueCommand<ServiceFieldTarget<T>>
{
public:
    SetServiceFieldCommand(Document *document, int row, T Service::*field, T value, const QString &text = {},
        int mergeKey = 0, QUndoCommand *parent = nullptr)
        : ChangeValueCommand<ServiceFieldTarget<T>>(document, ServiceFieldTarget<T> { row, field }, value,
            text.isEmpty() ? describer(document->scenario().services.at(row), field) : fixedText(text), mergeKey,
            parent)
    {
    }

private:
    using Describe = typename ChangeValueCommand<ServiceFieldTarget<T>>::Describe;
    static Describe describer(const Service &service, T Service::*field)
    {
        return [service, field](const T &from, const T &to) {
            Service before = service;
            before.*field = from;
            return setServiceFieldText(before, field, to);
        };
    }
    static Describe fixedText(const QString &text)
    {
        return [text](const T &, const T &) { return text; };
    }
};

/// What SetServiceCommand changes: the whole service at `row`.
struct ServiceTarget
{
    using Value = Service;
    static constexpr CommandId Id = SetServiceCommandId;
    static constexpr bool MergesWithoutKey = false;

    int row;

    Service get(const Document &document) const;
    void set(Document *document, const Service &service) const;
    friend bool operator==(const ServiceTarget &, const ServiceTarget &) = default;
};

/// Replaces the whole service at `row` (several fields at once, containers, ...).
class SetServiceCommand : public ChangeValueCommand<ServiceTarget>
{
public:
    SetServiceCommand(Document *document, int row, const Service &service, const QString &text = {}, int mergeKey = 0,
        QUndoCommand *parent = nullptr);
};

/// Adds a load profile at `index` (-1 = at the end).
class AddLoadProfileCommand : public QUndoCommand
{
public:
    AddLoadProfileCommand(
        Document *document, const LoadProfile &profile, int index = -1, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *m_document;
    LoadProfile m_profile;
    int m_index;
};

/// Removes the load profile at `index`; services that used it fall back to flat load (their
/// load_profile is cleared) and get it back on undo.
class RemoveLoadProfileCommand : public QUndoCommand
{
public:
    RemoveLoadProfileCommand(Document *document, int index, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *m_document;
    int m_index;
    LoadProfile m_profile;
    QList<int> m_users; ///< rows of the services that referred to it
};

/// Renames the load profile at `index` and every service's reference to it.
class RenameLoadProfileCommand : public QUndoCommand
{
public:
    RenameLoadProfileCommand(Document *document, int index, const QString &name, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void apply(const QString &to);
    Document *m_document;
    int m_index;
    QString m_old;
    QString m_new;
    QList<int> m_users;
};

/// What SetLoadProfileHoursCommand changes: the hours of the load profile at `index`.
struct LoadProfileHoursTarget
{
    using Value = QList<double>;
    static constexpr CommandId Id = SetLoadProfileHoursCommandId;
    static constexpr bool MergesWithoutKey = false;

    int index;

    QList<double> get(const Document &document) const;
    void set(Document *document, const QList<double> &hourly) const;
    friend bool operator==(const LoadProfileHoursTarget &, const LoadProfileHoursTarget &) = default;
};

/// Sets the hourly multipliers of the load profile at `index` (24 or 168 values). Dragging a bar of
/// the profile editor pushes one per mouse move with the same mergeKey: one undo step.
class SetLoadProfileHoursCommand : public ChangeValueCommand<LoadProfileHoursTarget>
{
public:
    SetLoadProfileHoursCommand(
        Document *document, int index, QList<double> hourly, int mergeKey = 0, QUndoCommand *parent = nullptr);
};

/// What SetScenarioSettingsCommand changes: name, region, billing period and notes.
struct ScenarioSettingsTarget
{
    using Value = ScenarioSettings;
    static constexpr CommandId Id = SetScenarioSettingsCommandId;
    static constexpr bool MergesWithoutKey = false;

    ScenarioSettings get(const Document &document) const;
    void set(Document *document, const ScenarioSettings &settings) const;
    friend bool operator==(const ScenarioSettingsTarget &, const ScenarioSettingsTarget &) = default;
};

/// Sets name, region, billing period and notes. The undo text names what changed when it is one
/// thing ("Set region to eu-west-1", "Set billing period to 30 days").
class SetScenarioSettingsCommand : public ChangeValueCommand<ScenarioSettingsTarget>
{
public:
    SetScenarioSettingsCommand(
        Document *document, const ScenarioSettings &settings, int mergeKey = 0, QUndoCommand *parent = nullptr);
};

/// What SetPlatformSettingsCommand changes: the settings of one platform.
struct PlatformSettingsTarget
{
    using Value = PlatformSettings;
    static constexpr CommandId Id = SetPlatformSettingsCommandId;
    static constexpr bool MergesWithoutKey = false;

    PlatformId platform;

    PlatformSettings get(const Document &document) const;
    void set(Document *document, const PlatformSettings &settings) const;
    friend bool operator==(const PlatformSettingsTarget &, const PlatformSettingsTarget &) = default;
};

/// Sets one platform's settings ("Change EKS on EC2 settings").
class SetPlatformSettingsCommand : public ChangeValueCommand<PlatformSettingsTarget>
{
public:
    SetPlatformSettingsCommand(Document *document, PlatformId platform, const PlatformSettings &settings,
        int mergeKey = 0, QUndoCommand *parent = nullptr);
};

/// What SetPurchaseOptionsCommand changes: the purchase options.
struct PurchaseOptionsTarget
{
    using Value = PurchaseOptions;
    static constexpr CommandId Id = SetPurchaseOptionsCommandId;
    static constexpr bool MergesWithoutKey = false;

    PurchaseOptions get(const Document &document) const;
    void set(Document *document, const PurchaseOptions &options) const;
    friend bool operator==(const PurchaseOptionsTarget &, const PurchaseOptionsTarget &) = default;
};

/// Sets the purchase options (Spot share and Savings Plans sliders merge while dragging). The undo
/// text names what changed when it is one thing ("Set Spot share to 60 %").
class SetPurchaseOptionsCommand : public ChangeValueCommand<PurchaseOptionsTarget>
{
public:
    SetPurchaseOptionsCommand(
        Document *document, const PurchaseOptions &options, int mergeKey = 0, QUndoCommand *parent = nullptr);
};

/// What SetRegistryCommand changes: the scenario's ECR registry block.
struct RegistryTarget
{
    using Value = RegistrySettings;
    static constexpr CommandId Id = SetRegistryCommandId;
    static constexpr bool MergesWithoutKey = false;

    RegistrySettings get(const Document &document) const;
    void set(Document *document, const RegistrySettings &registry) const;
    friend bool operator==(const RegistryTarget &, const RegistryTarget &) = default;
};

/// Sets the registry block. The undo text names the one thing that changed with its old and new value
/// ("Set image size of the per-service repositories from 0.5 GB to 1.2 GB", "Add repository shop/api",
/// "Enable the ECR registry"), else "Change registry settings".
class SetRegistryCommand : public ChangeValueCommand<RegistryTarget>
{
public:
    SetRegistryCommand(
        Document *document, const RegistrySettings &registry, int mergeKey = 0, QUndoCommand *parent = nullptr);
};

/// What SetNetworkCommand changes: the scenario's network block.
struct NetworkTarget
{
    using Value = NetworkSettings;
    static constexpr CommandId Id = SetNetworkCommandId;
    static constexpr bool MergesWithoutKey = false;

    NetworkSettings get(const Document &document) const;
    void set(Document *document, const NetworkSettings &network) const;
    friend bool operator==(const NetworkTarget &, const NetworkTarget &) = default;
};

/// Sets the network block ("Set NAT gateways from 3 to 2", "Set subnets from private to public",
/// "Enable network costs"), else "Change network settings".
class SetNetworkCommand : public ChangeValueCommand<NetworkTarget>
{
public:
    SetNetworkCommand(
        Document *document, const NetworkSettings &network, int mergeKey = 0, QUndoCommand *parent = nullptr);
};

/// The words of a registry or network change, as the commands' undo texts say them (for tests and menus).
QString registryChangeText(const RegistrySettings &from, const RegistrySettings &to);
QString networkChangeText(const NetworkSettings &from, const NetworkSettings &to);

/// Lands many services (and the load profiles they use) as one undoable step: importers, paste.
/// Services are appended; with Replace, the existing services are removed first (load profiles stay).
/// A profile whose name already exists with the same hours is reused; with other hours it is added
/// under a unique name ("web-2") and the imported services are pointed at it. Service names that
/// clash are made unique the same way.
class ImportServicesCommand : public QUndoCommand
{
public:
    enum class Mode { Append, Replace };
    ImportServicesCommand(Document *document, QList<Service> services, QList<LoadProfile> profiles = {},
        Mode mode = Mode::Append, const QString &text = {}, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    /// The services as they land (after renaming), for a confirmation message.
    const QList<Service> &landedServices() const { return m_services; }
    const QList<LoadProfile> &addedLoadProfiles() const { return m_profiles; }

private:
    Document *m_document;
    QList<Service> m_services; ///< after renaming
    QList<LoadProfile> m_profiles; ///< the profiles actually added (after renaming)
    QList<Service> m_replaced; ///< Replace: the services removed
    Mode m_mode;
    int m_firstRow = 0;
    int m_firstProfile = 0;
};

} // namespace fleetplan::models
