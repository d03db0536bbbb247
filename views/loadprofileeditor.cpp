// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/loadprofileeditor.h"

#include <algorithm>
#include <cmath>

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace fleetplan::views {

namespace {
constexpr double LeftMargin = 38;
constexpr double RightMargin = 8;
constexpr double TopMargin = 8;
constexpr double BottomMargin = 22;
const QStringList WeekDays { QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"), QStringLiteral("Thu"),
    QStringLiteral("Fri"), QStringLiteral("Sat"), QStringLiteral("Sun") };
} // namespace

LoadProfileEditor::LoadProfileEditor(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleName(tr("Load profile"));
    setAccessibleDescription(tr("Hourly load multipliers; drag the bars or use the arrow keys"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void LoadProfileEditor::setProfile(const models::LoadProfile &profile)
{
    m_profile = profile;
    m_current = std::clamp(m_current, 0, std::max(0, int(m_profile.hourly.size()) - 1));
    double peak = 0;
    for (double v : m_profile.hourly)
        peak = std::max(peak, v);
    m_maximum = std::max(2.0, std::ceil(peak * 2.0) / 2.0);
    update();
}

void LoadProfileEditor::setMaximum(double maximum)
{
    m_maximum = std::max(0.5, maximum);
    update();
}

QSize LoadProfileEditor::sizeHint() const
{
    return { 640, 180 };
}

QSize LoadProfileEditor::minimumSizeHint() const
{
    return { 240, 110 };
}

QRectF LoadProfileEditor::plotRect() const
{
    return QRectF(LeftMargin, TopMargin, std::max(1.0, width() - LeftMargin - RightMargin),
        std::max(1.0, height() - TopMargin - BottomMargin));
}

QRectF LoadProfileEditor::barRect(int hour) const
{
    const int n = int(m_profile.hourly.size());
    if (n == 0 || hour < 0 || hour >= n)
        return {};
    const QRectF plot = plotRect();
    const double w = plot.width() / n;
    return QRectF(plot.left() + hour * w, plot.top(), w, plot.height());
}

int LoadProfileEditor::hourAt(const QPointF &pos) const
{
    const int n = int(m_profile.hourly.size());
    const QRectF plot = plotRect();
    if (n == 0 || pos.x() < plot.left() || pos.x() >= plot.right())
        return -1;
    return std::clamp(int((pos.x() - plot.left()) / (plot.width() / n)), 0, n - 1);
}

QPointF LoadProfileEditor::pointFor(int hour, double value) const
{
    const QRectF bar = barRect(hour);
    const QRectF plot = plotRect();
    return { bar.center().x(), plot.bottom() - value / m_maximum * plot.height() };
}

double LoadProfileEditor::valueAtY(double y) const
{
    const QRectF plot = plotRect();
    const double v = (plot.bottom() - y) / plot.height() * m_maximum;
    // Snap to 0.01 so dragged values read cleanly in the table and the file.
    return std::clamp(std::round(v * 100.0) / 100.0, 0.0, m_maximum);
}

void LoadProfileEditor::setHour(int hour, double value)
{
    if (hour < 0 || hour >= m_profile.hourly.size())
        return;
    value = std::clamp(std::round(value * 100.0) / 100.0, 0.0, m_maximum);
    if (m_profile.hourly.at(hour) == value)
        return;
    m_profile.hourly[hour] = value;
    update();
    Q_EMIT hourlyChanged(m_profile.hourly);
}

void LoadProfileEditor::dragTo(const QPointF &pos)
{
    const int hour = hourAt(pos);
    if (hour < 0)
        return;
    const double value = valueAtY(pos.y());
    // Fill the hours skipped by a fast drag so the stroke has no gaps.
    if (m_lastDragHour >= 0 && std::abs(hour - m_lastDragHour) > 1) {
        const int step = hour > m_lastDragHour ? 1 : -1;
        const double from = m_profile.hourly.at(m_lastDragHour);
        const int span = std::abs(hour - m_lastDragHour);
        for (int h = m_lastDragHour + step, i = 1; h != hour; h += step, ++i)
            m_profile.hourly[h] = std::round((from + (value - from) * i / span) * 100.0) / 100.0;
    }
    m_current = hour;
    m_lastDragHour = hour;
    if (m_profile.hourly.at(hour) != value) {
        m_profile.hourly[hour] = value;
        update();
        Q_EMIT hourlyChanged(m_profile.hourly);
    } else {
        update();
    }
}

void LoadProfileEditor::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || hourAt(event->position()) < 0)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_lastDragHour = -1;
    dragTo(event->position());
}

void LoadProfileEditor::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging)
        dragTo(event->position());
    QWidget::mouseMoveEvent(event);
}

void LoadProfileEditor::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    m_lastDragHour = -1;
    Q_EMIT editFinished();
}

void LoadProfileEditor::keyPressEvent(QKeyEvent *event)
{
    const int n = int(m_profile.hourly.size());
    if (n == 0)
        return QWidget::keyPressEvent(event);
    double delta = 0;
    switch (event->key()) {
    case Qt::Key_Left:
        m_current = (m_current + n - 1) % n;
        update();
        return;
    case Qt::Key_Right:
        m_current = (m_current + 1) % n;
        update();
        return;
    case Qt::Key_Home:
        m_current = 0;
        update();
        return;
    case Qt::Key_End:
        m_current = n - 1;
        update();
        return;
    case Qt::Key_Up:
        delta = 0.05;
        break;
    case Qt::Key_Down:
        delta = -0.05;
        break;
    case Qt::Key_PageUp:
        delta = 0.25;
        break;
    case Qt::Key_PageDown:
        delta = -0.25;
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    setHour(m_current, m_profile.hourly.at(m_current) + delta);
    Q_EMIT editFinished();
}

bool LoadProfileEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int hour = hourAt(help->pos());
        if (hour >= 0) {
            const int n = int(m_profile.hourly.size());
            const QString when = n == 168
                ? QStringLiteral("%1 %2:00").arg(WeekDays.at(hour / 24)).arg(hour % 24, 2, 10, QLatin1Char('0'))
                : QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0'));
            QToolTip::showText(
                help->globalPos(), tr("%1: load × %2").arg(when).arg(m_profile.hourly.at(hour), 0, 'f', 2), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

void LoadProfileEditor::paintEvent(QPaintEvent * /*event*/)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QRectF plot = plotRect();
    const QFontMetrics fm(font());

    // Horizontal grid every 0.5 with labels.
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    for (int step = 0; step * 0.5 <= m_maximum + 1e-9; ++step) {
        const double v = step * 0.5;
        const double y = plot.bottom() - v / m_maximum * plot.height();
        p.setPen(v == 1.0 ? QPen(pal.color(QPalette::Text), 1, Qt::DashLine) : QPen(grid));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(0, y - fm.height() / 2.0, LeftMargin - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
            QString::number(v, 'f', 1));
    }

    const int n = int(m_profile.hourly.size());
    if (n == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("No load profile selected (flat 1.0)"));
        return;
    }
    const QColor bar = pal.color(QPalette::Highlight);
    for (int h = 0; h < n; ++h) {
        const QRectF slot = barRect(h);
        const double v = std::min(m_profile.hourly.at(h), m_maximum);
        const double top = plot.bottom() - v / m_maximum * plot.height();
        QRectF r(slot.left() + 1, top, std::max(1.0, slot.width() - 2), plot.bottom() - top);
        QColor c = bar;
        if (h == m_current && hasFocus())
            c = c.darker(130);
        p.fillRect(r, c);
    }
    // Hour labels: every 3 hours for a day, each day for a week.
    p.setPen(pal.color(QPalette::Text));
    if (n == 168) {
        for (int d = 0; d < 7; ++d) {
            const QRectF day(barRect(d * 24).left(), plot.bottom() + 2, barRect(0).width() * 24, BottomMargin - 2);
            p.drawText(day, Qt::AlignHCenter | Qt::AlignTop, WeekDays.at(d));
            if (d > 0) {
                p.setPen(QPen(grid, 1));
                p.drawLine(QPointF(day.left(), plot.top()), QPointF(day.left(), plot.bottom()));
                p.setPen(pal.color(QPalette::Text));
            }
        }
    } else {
        for (int h = 0; h < n; h += 3) {
            const QRectF slot = barRect(h);
            p.drawText(QRectF(slot.center().x() - 20, plot.bottom() + 2, 40, BottomMargin - 2),
                Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("%1h").arg(h));
        }
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(plot);
}

} // namespace fleetplan::views
