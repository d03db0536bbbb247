// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>

#include "models/simulation/costreport.h"

namespace fleetplan::views {

/// The packed nodes of one platform at one hour, in the spirit of eks-node-viewer: one row per node,
/// three thin bars (CPU, memory, slots) filled with the node's tasks coloured by service, and the
/// node's type, price and use written beside them, under a colour legend of the services present.
/// Scrolls when the fleet is taller than the widget.
class FleetView : public QWidget
{
    Q_OBJECT

public:
    explicit FleetView(QWidget *parent = nullptr);

    void setSnapshot(const models::FleetSnapshot &snapshot);
    const models::FleetSnapshot &snapshot() const { return m_snapshot; }

    /// The scenario's services in order: each gets its own palette colour (the first 16 are distinct).
    void setServiceNames(const QStringList &names);
    /// A stable colour per service name (same service, same colour across platforms and hours).
    QColor serviceColor(const QString &service) const;
    /// One line per node, e.g. "m6i.large  on-demand  cpu 87 %  mem 64 %  slots 7/10  api×3 web×2";
    /// the accessible text summary of the view.
    QString textSummary() const;
    /// The rectangle of a node's row (for tests and tooltips); empty when out of range.
    QRect nodeRect(int node) const;
    int nodeAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    void updateGeometryForNodes();
    /// The services present in the snapshot, in the scenario's order: the colour legend above the nodes.
    /// Computed when the snapshot or the order changes (every row's rectangle depends on its height).
    const QStringList &legendServices() const { return m_legend; }
    void updateLegend();
    /// Where each legend entry sits at the current width and font; cached until one of them changes.
    const QList<std::pair<QString, QRect>> &legendLayout() const;
    int legendHeight() const;

    models::FleetSnapshot m_snapshot;
    mutable QHash<QString, QColor> m_colors;
    QStringList m_order;
    QStringList m_legend;
    mutable QList<std::pair<QString, QRect>> m_layout;
    mutable int m_layoutWidth = -1; ///< width m_layout was computed for; -1 = stale
};

} // namespace fleetplan::views
