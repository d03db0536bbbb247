// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QPointer>

#include "models/workload/document.h"

namespace fleetplan::models {

/// The load profiles of a Document as a list (profile picker, service table delegate). Renaming an
/// item pushes a RenameLoadProfileCommand, which also renames the services' references.
class LoadProfileListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        HoursRole = Qt::UserRole + 1, ///< QVariantList of the hourly multipliers
        LengthRole, ///< 24 or 168 (or whatever invalid length the file had)
        UsersRole, ///< number of services using the profile
    };

    explicit LoadProfileListModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QPointer<Document> m_document;
};

} // namespace fleetplan::models
