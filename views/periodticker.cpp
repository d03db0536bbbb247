// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/periodticker.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <QCoreApplication>
#include <QLocale>

namespace fleetplan::views {

namespace {
QString weekday(int hour)
{
    // Qt's days run 1 (Monday) … 7 (Sunday); hour 0 of a period is a Monday.
    const int day = ((hour / 24) % 7 + 7) % 7;
    return QLocale(QLocale::English).dayName(day + 1, QLocale::ShortFormat);
}

QString timeOfDay(int hour)
{
    return QStringLiteral("%1:00").arg((hour % 24 + 24) % 24, 2, 10, QChar(u'0'));
}
} // namespace

QString periodHourShort(int hour)
{
    return weekday(hour) + u' ' + timeOfDay(hour);
}

QString periodHourText(int hour)
{
    return QCoreApplication::translate("fleetplan::views::PeriodTicker", "%1, day %2")
        .arg(periodHourShort(hour))
        .arg(hour / 24 + 1);
}

double PeriodTicker::getTickStep(const QCPRange &range)
{
    // About tickCount() ticks over the range, on a step that reads as time.
    static constexpr std::array<double, 10> Steps { 1, 2, 3, 6, 12, 24, 48, 72, 168, 336 };
    const double wanted = range.size() / std::max(1, tickCount());
    m_step = Steps.back();
    for (const double s : Steps) {
        if (s >= wanted) {
            m_step = s;
            break;
        }
    }
    return m_step;
}

int PeriodTicker::getSubTickCount(double tickStep)
{
    if (tickStep >= 168)
        return 6; // days
    if (tickStep >= 24)
        return int(tickStep / 24) > 1 ? int(tickStep / 24) - 1 : 3; // days, or quarter days
    return 0;
}

QString PeriodTicker::getTickLabel(double tick, const QLocale & /*locale*/, QChar /*formatChar*/, int /*precision*/)
{
    const int hour = int(std::lround(tick));
    if (m_step >= 24)
        return weekday(hour) + u'\n'
            + QCoreApplication::translate("fleetplan::views::PeriodTicker", "day %1").arg(hour / 24 + 1);
    if (hour % 24 == 0)
        return weekday(hour) + u'\n' + timeOfDay(hour);
    return timeOfDay(hour);
}

} // namespace fleetplan::views
