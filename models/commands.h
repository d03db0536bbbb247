// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QUndoCommand>

#include "models/document.h"

/// The undoable edits of a Document: one small QUndoCommand per verb. Push them on
/// Document::undoStack(); redo() runs when pushed. Every command restores the exact previous value on
/// undo(), so do → undo → redo round trips are lossless.
///
/// Slider and drag edits merge into one undo step: give every command of one drag the same non-zero
/// `mergeKey` (take one from nextMergeKey() when the drag starts). Commands with mergeKey 0 never merge.
namespace fleetplan::models {

/// Ids of the commands that can merge (QUndoCommand::id()), all in one place.
enum CommandId {
    SetServiceFieldCommandId = 0x4650, // 'FP'
    SetServiceCommandId,
    SetLoadProfileHoursCommandId,
    SetScenarioSettingsCommandId,
    SetPlatformSettingsCommandId,
    SetPurchaseOptionsCommandId,
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

/// Renames the service at `row`.
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

/// Replaces the whole service at `row` (several fields at once, containers, ...).
class SetServiceCommand : public QUndoCommand
{
public:
    SetServiceCommand(Document *document, int row, const Service &service, const QString &text = {}, int mergeKey = 0,
        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    int m_row;
    Service m_old;
    Service m_new;
    int m_mergeKey;
};

/// Sets one scalar field of the service at `row`, e.g.
/// `new SetServiceFieldCommand<int>(doc, 2, &Service::replicas, 8, QObject::tr("Set replicas"))`.
template <typename T> class SetServiceFieldCommand : public QUndoCommand
{
public:
    SetServiceFieldCommand(Document *document, int row, T Service::*field, T value, const QString &text = {},
        int mergeKey = 0, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_row(row)
        , m_field(field)
        , m_old(document->scenario().services.at(row).*field)
        , m_new(std::move(value))
        , m_mergeKey(mergeKey)
    {
    }
    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }
    int id() const override { return m_mergeKey != 0 ? SetServiceFieldCommandId : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = dynamic_cast<const SetServiceFieldCommand<T> *>(other);
        if (!o || o->m_mergeKey != m_mergeKey || o->m_row != m_row || o->m_field != m_field)
            return false;
        m_new = o->m_new;
        setObsolete(m_new == m_old);
        return true;
    }

private:
    void apply(const T &value)
    {
        Service s = m_document->scenario().services.at(m_row);
        s.*m_field = value;
        m_document->setService(m_row, s);
    }

    Document *m_document;
    int m_row;
    T Service::*m_field;
    T m_old;
    T m_new;
    int m_mergeKey;
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

/// Sets the hourly multipliers of the load profile at `index` (24 or 168 values). Dragging a bar of
/// the profile editor pushes one per mouse move with the same mergeKey: one undo step.
class SetLoadProfileHoursCommand : public QUndoCommand
{
public:
    SetLoadProfileHoursCommand(
        Document *document, int index, QList<double> hourly, int mergeKey = 0, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    int m_index;
    QList<double> m_old;
    QList<double> m_new;
    int m_mergeKey;
};

/// Sets name, region, billing period and notes.
class SetScenarioSettingsCommand : public QUndoCommand
{
public:
    SetScenarioSettingsCommand(
        Document *document, const ScenarioSettings &settings, int mergeKey = 0, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    ScenarioSettings m_old;
    ScenarioSettings m_new;
    int m_mergeKey;
};

/// Sets one platform's settings.
class SetPlatformSettingsCommand : public QUndoCommand
{
public:
    SetPlatformSettingsCommand(Document *document, PlatformId platform, const PlatformSettings &settings,
        int mergeKey = 0, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    PlatformId m_platform;
    PlatformSettings m_old;
    PlatformSettings m_new;
    int m_mergeKey;
};

/// Sets the purchase options (Spot share and Savings Plans sliders merge while dragging).
class SetPurchaseOptionsCommand : public QUndoCommand
{
public:
    SetPurchaseOptionsCommand(
        Document *document, const PurchaseOptions &options, int mergeKey = 0, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    PurchaseOptions m_old;
    PurchaseOptions m_new;
    int m_mergeKey;
};

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
