// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

#include "models/scenario.h"

namespace fleetplan::models {

/// Adapts a scenario's services for table views: one row per service, one column per field.
class ServiceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Kind, Cpu, Memory, Replicas, MinReplicas, MaxReplicas, LoadProfileCol, Arch, Os,
                  NetworkMode, SpotOk, ColumnCount };

    explicit ServiceTableModel(QObject *parent = nullptr);

    /// Shows these services (the model keeps a copy until the document layer owns it).
    void setScenario(const Scenario &scenario);
    const Scenario &scenario() const { return m_scenario; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Scenario m_scenario;
};

} // namespace fleetplan::models
