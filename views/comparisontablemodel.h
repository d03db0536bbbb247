// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/simulation/costreport.h"

namespace fleetplan::views {

/// The comparison table as a read-only model over one CostReport: a row per simulated platform, the
/// total, one column per cost component any platform has, then peak nodes, utilisation and the packing
/// gap of the EC2-backed platforms (packed compute ÷ the month's lower bound, "—" elsewhere). The cheapest
/// platform (CostReport::cheapestPlatform()) is bold and starred; an infeasible platform says so instead
/// of a total and carries its reasons as a tooltip. Qt::UserRole of every cell holds the PlatformId.
class ComparisonTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit ComparisonTableModel(QObject *parent = nullptr);

    /// Replaces the report (a model reset: the columns can change with the components present).
    void setReport(const models::CostReport &report);
    const models::CostReport &report() const { return m_report; }

    /// The row of a platform, -1 when it was not simulated.
    int rowOf(models::PlatformId id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    enum class Column { Platform, Total, Component, PeakNodes, CpuUse, MemoryUse, PackingGap };
    Column columnKind(int column) const;
    QVariant displayText(const models::PlatformResult &p, int column) const;

    models::CostReport m_report;
    QList<models::ComponentId> m_components;
    QList<int> m_cheapestRows; ///< rows at the cheapest total (more than one: a tie)
};

} // namespace fleetplan::views
