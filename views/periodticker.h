// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <qcustomplot.h>

namespace fleetplan::views {

/// The hour of a billing period in words. Hour 0 is Monday 00:00 (weekly load profiles start on
/// Monday, docs/scenario-format.md): hour 38 is "Tue 14:00, day 2".
QString periodHourText(int hour);
/// Weekday and time only: "Tue 14:00".
QString periodHourShort(int hour);

/// Time-axis ticks of a billing period at whole hours: at days or weeks when zoomed out
/// ("Mon" over "day 1"), at 1, 2, 3, 6 or 12 hours when zoomed in ("06:00"; midnight as "Tue" over
/// "00:00"), never at an hour index.
class PeriodTicker : public QCPAxisTicker
{
public:
    /// The step of the last generated ticks, in hours.
    double step() const { return m_step; }

protected:
    double getTickStep(const QCPRange &range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override;

private:
    double m_step = 24;
};

} // namespace fleetplan::views
