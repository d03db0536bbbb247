// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace fleetplan::models {

/// "1,234.57": a number with thousands separators and `decimals` decimals (C locale, for explanations).
QString formatNumber(double value, int decimals);
/// A rate with up to 6 significant decimals and no trailing zeros: 0.04048, 0.1, 0.004445.
QString formatRate(double value);
/// "<quantity> <unit> × <rate> USD = <usd> USD", the explanation line of a cost component.
QString explainProduct(double quantity, const QString &unit, double rate, double usd, const QString &note = {});

} // namespace fleetplan::models
