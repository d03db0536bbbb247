// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/comparisontablemodel.h"

#include <algorithm>

#include <QFont>

#include "views/cheapestmark.h"
#include "views/comparisonchart.h"

namespace fleetplan::views {

ComparisonTableModel::ComparisonTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonTableModel::setReport(const models::CostReport &report)
{
    beginResetModel();
    m_report = report;
    m_components.clear();
    for (const models::PlatformResult &p : m_report.platforms) {
        for (const models::CostComponent &c : p.components) {
            if (!m_components.contains(c.id))
                m_components.append(c.id);
        }
    }
    std::sort(m_components.begin(), m_components.end());
    m_cheapestRows = cheapestIndexes(m_report);
    endResetModel();
}

int ComparisonTableModel::rowOf(models::PlatformId id) const
{
    for (int r = 0; r < m_report.platforms.size(); ++r) {
        if (m_report.platforms.at(r).id == id)
            return r;
    }
    return -1;
}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.platforms.size());
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2 + int(m_components.size()) + 4;
}

ComparisonTableModel::Column ComparisonTableModel::columnKind(int column) const
{
    if (column == 0)
        return Column::Platform;
    if (column == 1)
        return Column::Total;
    const int afterComponents = column - 2 - int(m_components.size());
    if (afterComponents < 0)
        return Column::Component;
    switch (afterComponents) {
    case 0:
        return Column::PeakNodes;
    case 1:
        return Column::CpuUse;
    case 2:
        return Column::MemoryUse;
    default:
        return Column::PackingGap;
    }
}

QVariant ComparisonTableModel::displayText(const models::PlatformResult &p, int column) const
{
    const bool cheapest = m_cheapestRows.contains(int(&p - m_report.platforms.constData()));
    switch (columnKind(column)) {
    case Column::Platform:
        // "★" alone for the one cheapest platform (the chart says "★ cheapest"), "★ tie" as in the chart.
        if (cheapest && m_cheapestRows.size() > 1)
            return QString(models::displayName(p.id) + u' ' + cheapestMark(true));
        return QString(models::displayName(p.id) + (cheapest ? QStringLiteral(" ★") : QString()));
    case Column::Total:
        if (!p.feasible())
            return tr("infeasible");
        return p.partial() ? tr("%1 (partial)").arg(formatUsdAmount(p.totalUsd)) : formatUsdAmount(p.totalUsd);
    case Column::Component: {
        if (!p.feasible())
            return QStringLiteral("—");
        const models::CostComponent *c = p.component(m_components.at(column - 2));
        return c ? formatUsdAmount(c->usd) : QStringLiteral("—");
    }
    case Column::PeakNodes:
        return QString::number(p.peakNodes);
    case Column::CpuUse:
        return QStringLiteral("%1 %").arg(p.utilisation.cpu * 100, 0, 'f', 0);
    case Column::MemoryUse:
        return QStringLiteral("%1 %").arg(p.utilisation.memory * 100, 0, 'f', 0);
    case Column::PackingGap:
        return p.lowerBoundUsd > 0 ? QStringLiteral("× %1").arg(p.optimalityRatio, 0, 'f', 3) : QStringLiteral("—");
    }
    return {};
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_report.platforms.size() || index.column() >= columnCount())
        return {};
    const models::PlatformResult &p = m_report.platforms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(p, index.column());
    case Qt::UserRole:
        return int(p.id);
    case Qt::ToolTipRole:
        if (!p.feasible())
            return tr("%1 cannot run this workload: %2").arg(models::displayName(p.id), p.infeasibleSummary());
        if (p.partial() && columnKind(index.column()) == Column::Total)
            return tr("Not on %1, left out of this total: %2").arg(models::displayName(p.id), p.notOnPlatformSummary());
        if (columnKind(index.column()) == Column::PackingGap && p.lowerBoundUsd > 0)
            return tr("Packed compute %1 USD ÷ the month's lower bound %2 USD (Σ over hours of the placement "
                      "bound): no packing of the same demand on the same types costs less than the bound")
                .arg(formatUsdAmount(p.packedComputeUsd), formatUsdAmount(p.lowerBoundUsd));
        if (columnKind(index.column()) == Column::Component) {
            if (const models::CostComponent *c = p.component(m_components.at(index.column() - 2)))
                return c->explanation;
        }
        return {};
    case Qt::FontRole:
        if (m_cheapestRows.contains(index.row()) && index.column() <= 1) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (!p.feasible()) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == 0 ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (columnKind(section)) {
    case Column::Platform:
        return tr("Platform");
    case Column::Total:
        return tr("Total USD");
    case Column::Component:
        return models::displayName(m_components.at(section - 2));
    case Column::PeakNodes:
        return tr("Peak nodes / tasks");
    case Column::CpuUse:
        return tr("CPU use");
    case Column::MemoryUse:
        return tr("Memory use");
    case Column::PackingGap:
        return tr("Cost ÷ bound");
    }
    return {};
}

} // namespace fleetplan::views
