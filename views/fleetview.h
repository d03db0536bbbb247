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

    /// Services past this many (in a scenario of more than 16) share the "others" colour and legend entry.
    static constexpr int TopServices = 12;

    /// The scenario's services in order, with an optional weight each (vCPU requested at base load):
    /// the heaviest get distinct palette colours — all of them up to 16 services, else the TopServices
    /// heaviest — and the rest share one "others" colour and one legend entry.
    void setServiceNames(const QStringList &names, const QList<double> &weights = {});
    /// A stable colour per service name (same service, same colour across platforms and hours).
    QColor serviceColor(const QString &service) const;
    /// The colour every service outside the top ones is drawn in.
    static QColor othersColor();
    /// The legend's entries as shown: services present at this hour, heaviest first, then "others
    /// (N services)" and system daemons.
    QStringList legendEntries() const;
    /// Where the value beside bar `dim` (0 cpu, 1 memory, 2 slots) of node `node` is written.
    QRect valueLabelRect(int node, int dim) const;
    /// "1 node", "3 nodes"; on Fargate "1 task", "51 tasks" (each task is its own micro-VM).
    static QString countText(int count, bool tasks);
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
    struct LegendEntry
    {
        QString label;
        QColor color;
        QRect rect;
    };
    /// The legend's entries (coloured services by weight, "others", daemons) of the snapshot: computed when
    /// the snapshot or the services change, hashed (2,000 services on 8,000 Fargate tasks took seconds).
    void updateLegend();
    /// The entries with their rectangles at the current width and font; cached until one of them changes.
    const QList<LegendEntry> &legendLayout() const;
    int legendHeight() const;
    QRect barRect(int node, int dim) const;
    int valueColumnWidth() const;
    int labelWidth() const;

    models::FleetSnapshot m_snapshot;
    mutable QHash<QString, QColor> m_colors;
    QStringList m_order;
    QHash<QString, int> m_rank; ///< coloured services: 0 = heaviest
    QList<LegendEntry> m_entries; ///< updateLegend()'s entries, without rectangles
    mutable QList<LegendEntry> m_layout;
    mutable int m_layoutWidth = -1; ///< width m_layout was computed for; -1 = stale
};

} // namespace fleetplan::views
