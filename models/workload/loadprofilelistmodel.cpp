// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/loadprofilelistmodel.h"

#include <QUndoStack>

#include "models/workload/commands.h"
#include "models/workload/validation.h"

namespace fleetplan::models {

LoadProfileListModel::LoadProfileListModel(Document *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    connect(document, &Document::loadProfilesAboutToBeInserted, this,
        [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(document, &Document::loadProfilesInserted, this, [this] { endInsertRows(); });
    connect(document, &Document::loadProfilesAboutToBeRemoved, this,
        [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(document, &Document::loadProfilesRemoved, this, [this] { endRemoveRows(); });
    connect(document, &Document::loadProfileChanged, this, [this](int row) {
        // Names are checked for duplicates across rows: refresh them all.
        if (rowCount() > 0)
            emit dataChanged(index(0), index(rowCount() - 1));
        Q_UNUSED(row);
    });
    connect(document, &Document::serviceChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0), index(rowCount() - 1), { UsersRole });
    });
    connect(document, &Document::scenarioAboutToBeReset, this, &LoadProfileListModel::beginResetModel);
    connect(document, &Document::scenarioReset, this, &LoadProfileListModel::endResetModel);
}

int LoadProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_document ? 0 : int(m_document->scenario().loadProfiles.size());
}

QVariant LoadProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Scenario &sc = m_document->scenario();
    const LoadProfile &p = sc.loadProfiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return p.name;
    case Qt::ToolTipRole: {
        QStringList lines { p.hourly.size() == 168 ? tr("weekly profile (168 hours)")
                                                   : tr("daily profile (%1 hours)").arg(p.hourly.size()) };
        for (const Diagnostic &d : validateLoadProfile(sc, index.row()))
            lines.append((d.isError() ? tr("error: ") : tr("warning: ")) + d.toString());
        return lines.join(u'\n');
    }
    case HoursRole: {
        QVariantList hours;
        for (double v : p.hourly)
            hours.append(v);
        return hours;
    }
    case LengthRole:
        return int(p.hourly.size());
    case UsersRole: {
        int users = 0;
        for (const Service &s : sc.services)
            users += s.loadProfile == p.name ? 1 : 0;
        return users;
    }
    default:
        return {};
    }
}

bool LoadProfileListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString name = value.toString().trimmed();
    const Scenario &sc = m_document->scenario();
    if (name.isEmpty())
        return false;
    if (name == sc.loadProfiles.at(index.row()).name)
        return true;
    if (sc.findLoadProfile(name))
        return false; // two profiles with one name would make references ambiguous
    m_document->undoStack()->push(new RenameLoadProfileCommand(m_document, index.row(), name));
    return true;
}

Qt::ItemFlags LoadProfileListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

} // namespace fleetplan::models
