// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/diagnostic.h"

namespace fleetplan::models {

namespace {

bool isControl(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

qsizetype firstControlCharacter(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isControl(text.at(i).unicode()))
            return i;
    }
    return -1;
}

QString printable(const QString &text)
{
    if (firstControlCharacter(text) < 0)
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (isControl(c.unicode()))
            out += QStringLiteral("\\u{") + QString::number(uint(c.unicode()), 16).toUpper() + u'}';
        else
            out += c;
    }
    return out;
}

QString lineColumn(const QByteArray &text, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

} // namespace fleetplan::models
