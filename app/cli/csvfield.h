// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace fleetplan::cli {

/// One CSV text cell. A cell starting with = + - @ tab or CR would be a formula in a spreadsheet (OWASP,
/// "CSV Injection"): it gets a leading apostrophe, which spreadsheets show as text. Shared by `compare`
/// and `sweep`.
inline QString csvField(const QString &text)
{
    static const QString formulaStart = QStringLiteral("=+-@\t\r");
    QString guarded = !text.isEmpty() && formulaStart.contains(text.front()) ? u'\'' + text : text;
    if (!guarded.contains(u',') && !guarded.contains(u'"') && !guarded.contains(u'\n'))
        return guarded;
    QString quoted = guarded;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace fleetplan::cli
