// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <QByteArray>
#include <QList>
#include <QString>

namespace fleetplan::models {

/// A problem found in user input, naming where it is ("services[3].memory_mib", "file.json:12:4").
/// `text` with every control character (C0 but tab and newline, DEL, C1, and the bidirectional
/// overrides U+202A..U+202E, U+2066..U+2069) written as "\u{1B}": safe to print on a terminal, in a log
/// or a table. Text without such characters is returned unchanged.
QString printable(const QString &text);

/// The first control character of `text` (as printable() defines them), or -1.
qsizetype firstControlCharacter(const QString &text);

struct Diagnostic
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString where; ///< path of the field or file location; may be empty
    QString message; ///< what is wrong, in words a user understands

    /// "where: message" (or just the message when where is empty).
    /// "where: message", with control characters shown as \u{1B} (printable()): a name from a file
    /// cannot move the cursor or recolour a terminal.
    QString toString() const { return printable(where.isEmpty() ? message : where + QStringLiteral(": ") + message); }
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
