// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <QByteArray>
#include <QList>
#include <QString>

namespace fleetplan::models {

/// A problem found in user input, naming where it is ("services[3].memory_mib", "file.json:12:4").
struct Diagnostic
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString where; ///< path of the field or file location; may be empty
    QString message; ///< what is wrong, in words a user understands

    /// "where: message" (or just the message when where is empty).
    QString toString() const { return where.isEmpty() ? message : where + QStringLiteral(": ") + message; }
    bool isError() const { return severity == Severity::Error; }

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

/// "line:column" (both 1-based) of a byte offset in text: where a JSON or YAML syntax error is.
QString lineColumn(const QByteArray &text, qsizetype offset);

inline bool hasErrors(const QList<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) { return d.isError(); });
}

} // namespace fleetplan::models
