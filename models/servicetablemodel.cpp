// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/servicetablemodel.h"

namespace fleetplan::models {

ServiceTableModel::ServiceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ServiceTableModel::setScenario(const Scenario &scenario)
{
    beginResetModel();
    m_scenario = scenario;
    endResetModel();
}

int ServiceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_scenario.services.size());
}

int ServiceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Service &s = m_scenario.services.at(index.row());
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Cpu: case Memory: case Replicas: case MinReplicas: case MaxReplicas:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case Name: return s.name;
    case Kind: return toId(s.kind);
    case Cpu: return display ? QStringLiteral("%1 vCPU").arg(s.effectiveCpu()) : QVariant(s.effectiveCpu());
    case Memory: return display ? QStringLiteral("%1 MiB").arg(s.effectiveMemoryMib()) : QVariant(s.effectiveMemoryMib());
    case Replicas: return s.replicas;
    case MinReplicas: return s.minReplicas;
    case MaxReplicas: return s.maxReplicas;
    case LoadProfileCol: return s.loadProfile.isEmpty() ? QStringLiteral("flat") : s.loadProfile;
    case Arch: return toId(s.arch);
    case Os: return toId(s.os);
    case NetworkMode: return toId(s.networkMode);
    case SpotOk: return display ? QVariant(s.spotOk ? tr("yes") : tr("no")) : QVariant(s.spotOk);
    default: return {};
    }
}

QVariant ServiceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Service");
    case Kind: return tr("Kind");
    case Cpu: return tr("CPU");
    case Memory: return tr("Memory");
    case Replicas: return tr("Replicas");
    case MinReplicas: return tr("Min");
    case MaxReplicas: return tr("Max");
    case LoadProfileCol: return tr("Load profile");
    case Arch: return tr("Arch");
    case Os: return tr("OS");
    case NetworkMode: return tr("Network");
    case SpotOk: return tr("Spot OK");
    default: return {};
    }
}

} // namespace fleetplan::models
