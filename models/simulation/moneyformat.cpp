// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/moneyformat.h"

#include <cmath>

#include <QLocale>

namespace fleetplan::models {

QString formatNumber(double value, int decimals)
{
    QLocale locale(QLocale::English, QLocale::UnitedStates);
    if (std::abs(value) < 0.5 * std::pow(10.0, -decimals))
        value = 0.0; // never print "-0.00"
    return locale.toString(value, 'f', decimals);
}

QString formatRate(double value)
{
    QString text = QString::number(value, 'f', 6);
    while (text.contains(u'.') && (text.endsWith(u'0') || text.endsWith(u'.')))
        text.chop(1);
    return text;
}

QString explainProduct(double quantity, const QString &unit, double rate, double usd, const QString &note)
{
    QString line = formatNumber(quantity, quantity == std::floor(quantity) ? 0 : 2) + u' ' + unit
        + QStringLiteral(" × ") + formatRate(rate) + QStringLiteral(" USD = ") + formatNumber(usd, 2)
        + QStringLiteral(" USD");
    if (!note.isEmpty())
        line += QStringLiteral(" (") + note + u')';
    return line;
}

} // namespace fleetplan::models
