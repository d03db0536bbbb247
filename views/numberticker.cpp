// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/numberticker.h"

#include <algorithm>
#include <cmath>

#include "models/simulation/moneyformat.h"

namespace fleetplan::views {

NumberTicker::NumberTicker(Kind kind)
    : m_kind(kind)
{
}

void NumberTicker::install(QCPAxis *axis, Kind kind)
{
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new NumberTicker(kind)));
}

double NumberTicker::getTickStep(const QCPRange &range)
{
    double step = QCPAxisTicker::getTickStep(range);
    if (m_kind == Kind::Count)
        step = std::max(1.0, std::round(step)); // whole nodes and tasks only
    // Decimals enough for the step's mantissa (0.25 → 2, 0.5 → 1, 20 → 0).
    m_decimals = 0;
    if (m_kind == Kind::Amount && step > 0) {
        while (m_decimals < 6
            && std::abs(step * std::pow(10.0, m_decimals) - std::round(step * std::pow(10.0, m_decimals))) > 1e-6)
            ++m_decimals;
    }
    return step;
}

int NumberTicker::getSubTickCount(double tickStep)
{
    if (m_kind == Kind::Count && tickStep <= 1.0)
        return 0; // no sub-ticks between whole counts
    return QCPAxisTicker::getSubTickCount(tickStep);
}

QString NumberTicker::getTickLabel(double tick, const QLocale & /*locale*/, QChar /*formatChar*/, int /*precision*/)
{
    return models::formatNumber(tick, m_decimals); // English grouping, "-0" printed as "0"
}

} // namespace fleetplan::views
