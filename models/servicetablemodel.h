// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

#include "models/document.h"
#include "models/scenario.h"

namespace fleetplan::models {

/// Adapts a Document's services for table views: one row per service, one column per field.
/// The model owns no data: it reads Document::scenario() and setData() pushes undo commands
/// (RenameServiceCommand, SetServiceFieldCommand) on the document's undo stack.
///
/// Roles: DisplayRole (formatted, "0.5 vCPU"), EditRole (raw value: double, int, bool or the JSON id
/// string of an enum), CheckStateRole for "Spot OK", ToolTipRole and ValidationRole (the problems of
/// that cell, validation.h), BackgroundRole (red tint for errors, yellow for warnings), FieldKeyRole
/// on the horizontal header (the column's JSON key, "memory_mib").
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
        ColumnCount
    };
    enum Role {
        ValidationRole = Qt::UserRole + 1, ///< QStringList: "error: …" / "warning: …" lines of this cell
        HasErrorRole, ///< bool: the cell has at least one error
        FieldKeyRole, ///< header: JSON key of the column
    };

    explicit ServiceTableModel(QObject *parent = nullptr);

    /// Shows and edits this document (not owned). Without one, the model uses a private document.
    void setDocument(Document *document);
    Document *document() const { return m_document; }

    /// Shows these services in the model's current document (resets it: no undo history).
    void setScenario(const Scenario &scenario);
    const Scenario &scenario() const { return m_document->scenario(); }

    /// The JSON key of a column ("memory_mib").
    static QString fieldKey(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void connectDocument();
    void allChanged();

    QPointer<Document> m_document;
    Document *m_ownDocument = nullptr;
};

} // namespace fleetplan::models
