// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

#include "models/workload/scenario.h"

namespace fleetplan::views {

/// Edits a load profile's 24 or 168 hourly multipliers by dragging bars, one per hour.
/// Dragging across bars paints them; the keyboard moves a current bar (Left/Right) and its value
/// (Up/Down by 0.05, Page Up/Down by 0.25). Each change is reported with hourlyChanged() while the
/// drag lasts and with editFinished() at release, so the owner can merge a drag into one undo step.
class LoadProfileEditor : public QWidget
{
    Q_OBJECT

public:
    explicit LoadProfileEditor(QWidget *parent = nullptr);

    void setProfile(const models::LoadProfile &profile);
    const models::LoadProfile &profile() const { return m_profile; }

    /// Largest multiplier shown (values above it are clamped while dragging); default 2.0.
    void setMaximum(double maximum);
    double maximum() const { return m_maximum; }

    int currentHour() const { return m_current; }
    /// The hour under a point of the widget, or -1.
    int hourAt(const QPointF &pos) const;
    /// The bar rectangle of an hour (full height of the plot area).
    QRectF barRect(int hour) const;
    /// The widget point at which an hour's bar has this value (for tests and tooltips).
    QPointF pointFor(int hour, double value) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The bars changed (during a drag or a key press); `hourly` is the whole new list.
    void hourlyChanged(const QList<double> &hourly);
    /// A drag or key press ended: the last hourlyChanged() is final.
    void editFinished();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF plotRect() const;
    double valueAtY(double y) const;
    void setHour(int hour, double value);
    void dragTo(const QPointF &pos);

    models::LoadProfile m_profile;
    double m_maximum = 2.0;
    int m_current = 0;
    int m_lastDragHour = -1;
    bool m_dragging = false;
};

} // namespace fleetplan::views
