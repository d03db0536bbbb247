// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/loadprofilemodel.h"

#include <cmath>

#include <QLocale>
#include <QUndoStack>

#include "models/workload/commands.h"

namespace fleetplan::models {

LoadProfileModel::LoadProfileModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    // Row count as views last saw it, to tell a length change (24 ↔ 168) from a value change.
    connect(this, &QAbstractItemModel::modelReset, this, [this] { m_rows = rowCount(); });
    connect(document, &Document::loadProfileChanged, this, [this](int index) {
        if (index != m_index)
            return;
        if (rowCount() != m_rows) {
            // The length changed (24 ↔ 168): a reset is the honest signal.
            beginResetModel();
            endResetModel();
        } else if (m_rows > 0) {
            emit dataChanged(this->index(0, 0), this->index(m_rows - 1, ColumnCount - 1));
        }
    });
    connect(document, &Document::loadProfilesAboutToBeRemoved, this, [this](int first, int last) {
        if (m_index >= first && m_index <= last) {
            beginResetModel();
            m_index = -1;
            endResetModel();
        } else if (m_index > last) {
            m_index -= last - first + 1;
        }
    });
    connect(document, &Document::loadProfilesInserted, this, [this](int first, int last) {
        if (m_index >= first)
            m_index += last - first + 1;
    });
    connect(document, &Document::scenarioAboutToBeReset, this, [this] {
        beginResetModel();
        m_index = -1;
    });
    connect(document, &Document::scenarioReset, this, [this] { endResetModel(); });
}

const LoadProfile *LoadProfileModel::profile() const
{
    if (!m_document || m_index < 0 || m_index >= m_document->scenario().loadProfiles.size())
        return nullptr;
    return &m_document->scenario().loadProfiles.at(m_index);
}

void LoadProfileModel::setProfileIndex(int index)
{
    beginResetModel();
    m_index = index;
    endResetModel();
}

bool LoadProfileModel::setProfileName(const QString &name)
{
    const QList<LoadProfile> &profiles = m_document->scenario().loadProfiles;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        if (profiles.at(i).name == name) {
            setProfileIndex(int(i));
            return true;
        }
    }
    setProfileIndex(-1);
    return false;
}

QString LoadProfileModel::profileName() const
{
    const LoadProfile *p = profile();
    return p ? p->name : QString();
}

QString LoadProfileModel::hourLabel(int hour, int profileLength)
{
    const QString time = QStringLiteral("%1:00").arg(hour % 24, 2, 10, QLatin1Char('0'));
    if (profileLength != 168)
        return time;
    // Weekly profiles start on Monday 00:00.
    return QLocale::c().dayName((hour / 24) % 7 + 1, QLocale::ShortFormat) + u' ' + time;
}

int LoadProfileModel::rowCount(const QModelIndex &parent) const
{
    const LoadProfile *p = profile();
    return parent.isValid() || !p ? 0 : int(p->hourly.size());
}

int LoadProfileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LoadProfileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double v = profile()->hourly.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QLocale().toString(v, 'f', 2);
    case Qt::EditRole:
        return v;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return tr("%1: load × %2").arg(hourLabel(index.row(), rowCount()), QLocale().toString(v, 'g', 6));
    default:
        return {};
    }
}

bool LoadProfileModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    bool ok = false;
    double v = value.toDouble(&ok);
    if (!ok)
        v = QLocale().toDouble(value.toString().trimmed(), &ok);
    if (!ok || !std::isfinite(v) || v < 0)
        return false;
    QList<double> hourly = profile()->hourly;
    if (hourly.at(index.row()) == v)
        return true;
    hourly[index.row()] = v;
    m_document->undoStack()->push(new SetLoadProfileHoursCommand(m_document, m_index, hourly, m_mergeKey));
    return true;
}

Qt::ItemFlags LoadProfileModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant LoadProfileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return section == Multiplier ? tr("Load") : QVariant();
    if (section < 0 || section >= rowCount())
        return {};
    return hourLabel(section, rowCount());
}

} // namespace fleetplan::models
