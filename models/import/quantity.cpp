// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/quantity.h"

#include <cmath>

namespace fleetplan::models {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

std::optional<double> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

/// Scans "[+-]digits[.digits]" from pos; returns false when no digit was seen.
bool scanNumber(QStringView text, qsizetype &pos, bool allowFraction)
{
    if (pos < text.size() && (text[pos] == u'+' || text[pos] == u'-'))
        ++pos;
    qsizetype digits = 0;
    while (pos < text.size() && isDigit(text[pos])) {
        ++pos;
        ++digits;
    }
    if (allowFraction && pos < text.size() && text[pos] == u'.') {
        ++pos;
        while (pos < text.size() && isDigit(text[pos])) {
            ++pos;
            ++digits;
        }
    }
    return digits > 0;
}

std::optional<double> nonNegative(std::optional<double> value, QStringView text, QString *error)
{
    if (value && *value < 0)
        return fail(error, QStringLiteral("\"%1\" is negative; a request or limit must be zero or more").arg(text));
    return value;
}

} // namespace

std::optional<double> parseQuantity(QStringView text, QString *error)
{
    const QString quoted = u'"' + text.toString() + u'"';
    if (text.isEmpty())
        return fail(error, QStringLiteral("empty quantity"));
    qsizetype pos = 0;
    if (!scanNumber(text, pos, true))
        return fail(error,
            QStringLiteral("%1 is not a quantity: it must start with a number (e.g. 250m, 0.5, 1Gi)").arg(quoted));
    bool ok = false;
    const double mantissa = text.first(pos).toDouble(&ok);
    if (!ok)
        return fail(error, QStringLiteral("%1 is not a quantity: bad number").arg(quoted));
    const QStringView suffix = text.sliced(pos);

    double multiplier = 1;
    if (suffix.isEmpty()) {
        multiplier = 1;
    } else if (suffix.size() == 2 && suffix[1] == u'i') {
        // Binary SI: powers of 1024.
        static constexpr char16_t binary[] = u"KMGTPE";
        const qsizetype index = QStringView(binary).indexOf(suffix[0]);
        if (index < 0)
            return fail(error,
                QStringLiteral("%1 has an unknown suffix \"%2\" (binary suffixes: Ki Mi Gi Ti Pi Ei)")
                    .arg(quoted, suffix.toString()));
        multiplier = std::pow(1024.0, double(index + 1));
    } else if (suffix.size() == 1 && suffix[0] == u'm') {
        multiplier = 1e-3;
    } else if (suffix.size() == 1 && suffix[0] == u'k') {
        multiplier = 1e3;
    } else if (suffix.size() == 1 && QStringView(u"MGTPE").contains(suffix[0])) {
        const qsizetype index = QStringView(u"MGTPE").indexOf(suffix[0]);
        multiplier = std::pow(10.0, 6.0 + 3.0 * double(index));
    } else if (suffix[0] == u'e' || suffix[0] == u'E') {
        // Decimal exponent: an integer, optionally signed ("1e3", "5E-2").
        qsizetype expPos = 1;
        if (!scanNumber(suffix, expPos, false) || expPos != suffix.size())
            return fail(error,
                QStringLiteral("%1 has a bad exponent \"%2\" (expected e.g. 1e3)").arg(quoted, suffix.toString()));
        const QStringView digits = suffix.sliced(1);
        const int exponent = digits.size() > 6 ? (digits.startsWith(u'-') ? -9999 : 9999) : digits.toInt(&ok);
        if (exponent > 300 || exponent < -300)
            return fail(error, QStringLiteral("%1 is out of range").arg(quoted));
        multiplier = std::pow(10.0, double(exponent));
    } else {
        return fail(error,
            QStringLiteral("%1 has an unknown suffix \"%2\" (allowed: m, k, M, G, T, P, E, Ki, Mi, Gi, "
                           "Ti, Pi, Ei or an exponent like e3)")
                .arg(quoted, suffix.toString()));
    }
    const double value = mantissa * multiplier;
    if (!std::isfinite(value))
        return fail(error, QStringLiteral("%1 is out of range").arg(quoted));
    return value;
}

std::optional<double> parseCpuQuantity(QStringView text, QString *error)
{
    return nonNegative(parseQuantity(text, error), text, error);
}

std::optional<double> parseMemoryQuantity(QStringView text, QString *error)
{
    const auto bytes = nonNegative(parseQuantity(text, error), text, error);
    if (!bytes)
        return std::nullopt;
    return *bytes / (1024.0 * 1024.0);
}

} // namespace fleetplan::models
