// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/instancetypetablemodel.h"

#include <cmath>

#include "pricing/catalog.h"
#include "views/sourcecitation.h"

namespace fleetplan::views {

InstanceTypeTableModel::InstanceTypeTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void InstanceTypeTableModel::setCatalog(std::shared_ptr<const pricing::Catalog> catalog)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    reprice();
    endResetModel();
}

void InstanceTypeTableModel::setRegion(const QString &region)
{
    if (region == m_region)
        return;
    m_region = region;
    reprice();
    if (!m_prices.isEmpty())
        Q_EMIT dataChanged(index(0, OnDemand), index(rowCount() - 1, PriceOrigin));
}

void InstanceTypeTableModel::reprice()
{
    m_prices.clear();
    if (!m_catalog)
        return;
    m_prices.reserve(m_catalog->instanceTypes().size());
    for (const pricing::InstanceType &t : m_catalog->instanceTypes()) {
        Prices p;
        if (auto od = m_catalog->onDemandHourly(m_region, t.name)) {
            p.onDemand = od->usd;
            p.source = od->source;
            p.origin = od->origin;
        }
        if (auto spot = m_catalog->spotHourly(m_region, t.name)) {
            p.spot = spot->usd;
            p.spotEstimated = spot->estimated;
        }
        m_prices.append(p);
    }
}

int InstanceTypeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_catalog ? 0 : int(m_catalog->instanceTypes().size());
}

int InstanceTypeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InstanceTypeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const pricing::InstanceType &t = m_catalog->instanceTypes().at(index.row());
    const Prices &p = m_prices.at(index.row());
    const double gib = t.memoryMib / 1024.0;
    std::optional<double> value;
    switch (index.column()) {
    case Vcpu:
        if (t.vcpu > 0)
            value = t.vcpu;
        break;
    case MemoryGib:
        if (t.memoryMib > 0)
            value = gib;
        break;
    case MaxPods:
        if (t.eksMaxPods > 0)
            value = t.eksMaxPods;
        break;
    case OnDemand:
        value = p.onDemand;
        break;
    case Spot:
        value = p.spot;
        break;
    case PerVcpu:
        if (p.onDemand && t.vcpu > 0)
            value = *p.onDemand / t.vcpu;
        break;
    case PerGib:
        if (p.onDemand && t.memoryMib > 0)
            value = *p.onDemand / gib;
        break;
    default:
        break;
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Type:
            return t.name;
        case Family:
            return t.family;
        case Arch:
            return pricing::cpuArchName(t.arch);
        case Vcpu:
        case MaxPods:
            return value ? QString::number(*value, 'f', 0) : QString();
        case MemoryGib:
            return value ? QString::number(*value, 'f', gib < 1 ? 3 : 1) : QString();
        case OnDemand:
            return value ? QString::number(*value, 'f', 4) : QStringLiteral("—");
        case Spot:
            // The one mark of an estimate (views/sourcecitation.h): "≈ 0.0368".
            if (!value)
                return QStringLiteral("—");
            return QString((p.spotEstimated ? QStringLiteral("≈ ") : QString()) + QString::number(*value, 'f', 4));
        case PerVcpu:
        case PerGib:
            return value ? QString::number(*value, 'f', 5) : QStringLiteral("—");
        case PriceOrigin:
            return p.onDemand ? pricing::Rate::originName(p.origin) : QString();
        default:
            return {};
        }
    case Qt::FontRole:
        if (p.origin == pricing::Rate::Override && (index.column() == OnDemand || index.column() == PriceOrigin)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Type:
            return t.name;
        case Family:
            return t.family;
        case Arch:
            return pricing::cpuArchName(t.arch);
        case PriceOrigin:
            return pricing::Rate::originName(p.origin);
        default:
            return value ? QVariant(*value) : QVariant();
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= Vcpu && index.column() != Arch)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == OnDemand && !p.source.isEmpty())
            return p.source;
        if (index.column() == Spot && p.spot) {
            if (p.onDemand && std::abs(*p.spot - *p.onDemand) < 1e-9)
                return tr("%1: no Spot discount in the snapshot, the On-Demand price stands in. "
                          "A point-in-time average over zones, not a quote.")
                    .arg(estimatedMark());
            return p.spotEstimated
                ? tr("%1: Spot average, a point-in-time snapshot over zones, not a quote.").arg(estimatedMark())
                : tr("Spot price from your price book");
        }
        if (index.column() == Type)
            return tr("%1: %2 vCPU, %3 MiB, %4 ENIs × %5 IPv4; specs from %6")
                .arg(t.name)
                .arg(t.vcpu)
                .arg(t.memoryMib)
                .arg(t.maxEnis)
                .arg(t.ipv4PerEni)
                .arg(t.specSource);
        return {};
    default:
        return {};
    }
}

QVariant InstanceTypeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Type:
        return tr("Type");
    case Family:
        return tr("Family");
    case Vcpu:
        return tr("vCPU");
    case MemoryGib:
        return tr("Memory GiB");
    case Arch:
        return tr("Arch");
    case MaxPods:
        return tr("Max pods");
    case OnDemand:
        return tr("On-Demand USD/h");
    case Spot:
        return tr("Spot USD/h");
    case PerVcpu:
        return tr("USD per vCPU-h");
    case PerGib:
        return tr("USD per GiB-h");
    case PriceOrigin:
        return tr("Price from");
    default:
        return {};
    }
}

} // namespace fleetplan::views
