// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QItemSelectionModel>
#include <QPointer>
#include <QStyledItemDelegate>

namespace fleetplan::views {

/// Editors for the services table (models::ServiceTableModel's columns): spin boxes with units for
/// CPU, memory, replica counts, ephemeral storage and job schedules, combo boxes for kind, architecture, OS, network
/// mode and Spot, and a load-profile picker. Cells the model marks invalid are painted red.
///
/// Multi-select edits: when several cells of the edited column (or whole rows) are selected and the
/// edited cell is among them, the value is written to that column of every selected row, between multiEditStarted() and
/// multiEditFinished() (the owner wraps them in one undo macro).
class ServiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ServiceDelegate(QObject *parent = nullptr);

    /// The names the load-profile picker offers (the scenario's profiles), asked each time an editor opens.
    void setProfileNames(std::function<QStringList()> provider) { m_profileNames = std::move(provider); }
    /// The selection whose rows a committed edit is copied to.
    void setSelectionModel(QItemSelectionModel *selection) { m_selection = selection; }
    /// The model role listing a cell's problems ("error: …" / "warning: …" lines, ServiceTableModel::ValidationRole);
    /// a cell with an error line is painted red. 0 = none.
    void setValidationRole(int role) { m_validationRole = role; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// The cell's rectangle, widened to the editor's own size hint when the column is narrower, so that a
    /// value with its unit ("0.500 vCPU") or a choice ("service") is never cut off (issue 17, item 4).
    void updateEditorGeometry(
        QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The value an editor holds, as the model's setData() takes it.
    static QVariant editorValue(QWidget *editor);
    /// The memory cell is shown and typed in GiB (ServiceTableModel::MemoryUnitRole).
    static bool inGib(const QModelIndex &index);

Q_SIGNALS:
    void multiEditStarted(int rows, const QString &column);
    void multiEditFinished();

private:
    std::function<QStringList()> m_profileNames;
    QPointer<QItemSelectionModel> m_selection;
    int m_validationRole = 0;
};

} // namespace fleetplan::views
