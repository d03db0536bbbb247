// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

#include "models/workload/document.h"

namespace fleetplan::models {

/// The hours of one load profile of a Document, for the profile editor (bar chart + table):
/// one row per hour (24 or 168), column 0 the multiplier. setData() pushes a
/// SetLoadProfileHoursCommand; while a drag is in progress set a merge key (setMergeKey(nextMergeKey()))
/// so that the whole drag becomes one undo step, and set it back to 0 when the drag ends.
class LoadProfileModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Multiplier, ColumnCount };

    explicit LoadProfileModel(Document *document, QObject *parent = nullptr);

    /// Shows the profile with this index of the scenario (-1 = none).
    void setProfileIndex(int index);
    int profileIndex() const { return m_index; }
    /// Shows the profile with this name; false when there is none.
    bool setProfileName(const QString &name);
    QString profileName() const;

    void setMergeKey(int key) { m_mergeKey = key; }
    int mergeKey() const { return m_mergeKey; }

    /// "Mon 09:00" for weekly profiles, "09:00" for daily ones.
    static QString hourLabel(int hour, int profileLength);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const LoadProfile *profile() const;

    QPointer<Document> m_document;
    int m_index = -1;
    int m_mergeKey = 0;
    int m_rows = 0;
};

} // namespace fleetplan::models
