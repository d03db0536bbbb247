// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

namespace fleetplan::views {

/// Tick labels as the rest of Fleetplan writes numbers: thousands separators ("12,000", as
/// models::formatNumber and `fleetplan compare`), one number of decimals per axis taken from the tick
/// step ("0.5, 1.0, 1.5"; "2,000, 4,000"), never "-0". For counts (nodes, tasks) the step is a whole
/// number and labels have no decimals: no "0.5 nodes", no "3.0".
class NumberTicker : public QCPAxisTicker
{
public:
    enum class Kind { Amount, Count };

    explicit NumberTicker(Kind kind = Kind::Amount);

    Kind kind() const { return m_kind; }
    /// The decimals of the labels for the last generated step.
    int decimals() const { return m_decimals; }

    /// Gives `axis` a NumberTicker of this kind.
    static void install(QCPAxis *axis, Kind kind = Kind::Amount);

protected:
    double getTickStep(const QCPRange &range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override;

private:
    Kind m_kind;
    int m_decimals = 0;
};

} // namespace fleetplan::views
