// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QAbstractTableModel>
#include <QFont>
#include <QList>

#include "pricing/rates.h"

namespace fleetplan::pricing {
class Catalog;
}

namespace fleetplan::views {

/// The catalog's instance types as a read-only table, priced in one region: type, family, vCPU,
/// memory, architecture, EKS max pods, On-Demand and Spot USD per hour, USD per vCPU-hour and per
/// GiB-hour (On-Demand price ÷ vCPU, ÷ GiB). Prices are looked up once per region (setRegion), so
/// sorting 1,400 rows stays fast. DisplayRole is formatted; Qt::UserRole holds the raw number for
/// sorting (unknown = empty, sorted last).
class InstanceTypeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// PriceOrigin: where the On-Demand figure comes from (bundled, imported from the AWS Price List, override).
    enum Column {
        Type,
        Family,
        Vcpu,
        MemoryGib,
        Arch,
        MaxPods,
        OnDemand,
        Spot,
        PerVcpu,
        PerGib,
        PriceOrigin,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit InstanceTypeTableModel(QObject *parent = nullptr);

    void setCatalog(std::shared_ptr<const pricing::Catalog> catalog);
    void setRegion(const QString &region);
    QString region() const { return m_region; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Prices
    {
        std::optional<double> onDemand;
        std::optional<double> spot;
        bool spotEstimated = false; ///< Rate::estimated: a snapshot, not a quote (every bundled Spot price)
        QString source;
        pricing::Rate::Origin origin = pricing::Rate::Bundled;
    };
    void reprice();

    std::shared_ptr<const pricing::Catalog> m_catalog;
    QString m_region = QStringLiteral("us-east-1");
    QList<Prices> m_prices;
};

} // namespace fleetplan::views
