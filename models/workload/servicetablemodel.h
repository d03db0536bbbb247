// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QStringList>

#include "models/workload/document.h"
#include "models/workload/scenario.h"

namespace fleetplan::models {

/// Adapts a Document's services for table views: one row per service, one column per field.
/// The model owns no data: it reads Document::scenario() and setData() pushes undo commands
/// (RenameServiceCommand, SetServiceFieldCommand) on the document's undo stack.
///
/// Roles: DisplayRole (formatted, "0.5 vCPU"), EditRole (raw value: double, int, bool or the JSON id
/// string of an enum), CheckStateRole for "Spot OK", ToolTipRole and ValidationRole (the problems of
/// that cell, validation.h), BackgroundRole (red tint for errors, yellow for warnings), FieldKeyRole
/// on the horizontal header (the column's JSON key, "memory_mib").
///
/// Validation runs once per document change, not per cell and role on each repaint: the problems of a
/// row are computed the first time a view asks for them and kept until the document changes (any
/// edit, insert, remove or reset clears them all, since problems cross rows: duplicate names).
class ServiceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Kind,
        Cpu,
        Memory,
        Replicas,
        MinReplicas,
        MaxReplicas,
        LoadProfileCol,
        Arch,
        Os,
        NetworkMode,
        SpotOk,
        EphemeralGib,
        RunsPerDay,
        RunSeconds,
        Gpus, ///< accelerators per task (Service::gpus, of Service::accelerator)
        OnePerNode, ///< Service::onePerNode (anti-affinity on the hostname / distinctInstance)
        // Service::deployment (issue 20): strategy id, "2/day" or "3/week", minutes, surge ("25%" or tasks), bake
        DeployStrategy,
        DeployFrequency,
        DeployMinutes,
        DeploySurge,
        DeployBake,
        RequestsPerSecond, ///< App Runner: Service::requestsPerSecond at load 1.0
        RequestMillis, ///< App Runner: Service::requestMillis, the mean request duration
        ConcurrentRequests, ///< App Runner: Service::concurrentRequests at load 1.0 (0 = derived)
        /// App Runner: Service::appRunnerSize; EditRole is appRunnerSizeId() ("1/2", "" = automatic)
        AppRunnerInstance,
        ColumnCount
    };
    enum Role {
        ValidationRole = Qt::UserRole + 1, ///< QStringList: "error: …" / "warning: …" lines of this cell
        HasErrorRole, ///< bool: the cell has at least one error
        FieldKeyRole, ///< header: JSON key of the column
        /// Memory column: the unit the cell is shown and typed in ("MiB" or "GiB", setMemoryInGib()). EditRole
        /// stays in MiB whatever the unit, as the scenario stores it.
        MemoryUnitRole,
    };

    explicit ServiceTableModel(QObject *parent = nullptr);

    /// Shows and edits this document (not owned). Without one, the model uses a private document.
    void setDocument(Document *document);
    Document *document() const { return m_document; }

    /// Shows these services in the model's current document (resets it: no undo history).
    void setScenario(const Scenario &scenario);
    const Scenario &scenario() const { return m_document->scenario(); }

    /// Shows memory in GiB ("1.5 GiB") instead of MiB ("1536 MiB"): the Preferences' memory unit. The
    /// scenario and EditRole keep MiB.
    void setMemoryInGib(bool gib);
    bool memoryInGib() const { return m_memoryInGib; }

    /// The JSON key of a column ("memory_mib").
    static QString fieldKey(int column);
    /// The EditRole value of the App Runner instance column: "vCPU/GB" ("0.25/0.5", "1/2"), "" when unset.
    static QString appRunnerSizeId(const AppRunnerInstanceSize &size);
    /// The size an appRunnerSizeId() names; nullopt when `id` is not of that form.
    static std::optional<AppRunnerInstanceSize> appRunnerSizeFromId(const QString &id);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// How many times a row was validated since the model was created (for tests and benchmarks:
    /// repaints without edits leave it unchanged).
    int validationRuns() const { return m_validationRuns; }

private:
    /// The problems of one cell, as the roles show them.
    struct CellProblems
    {
        QStringList lines; ///< "error: …" / "warning: …"
        bool error = false;
    };
    using RowProblems = std::array<CellProblems, ColumnCount>;

    void connectDocument();
    void allChanged();
    /// Forgets the cached problems (the document changed).
    void invalidateProblems();
    /// The cached problems of a cell, validating its row first when needed.
    const CellProblems &problemsAt(int row, int column) const;

    QPointer<Document> m_document;
    Document *m_ownDocument = nullptr;
    bool m_memoryInGib = false;
    mutable QHash<int, RowProblems> m_problems; ///< by row; only rows a view asked for
    mutable int m_validationRuns = 0;
};

} // namespace fleetplan::models
