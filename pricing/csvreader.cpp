// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/csvreader.h"

#include <QIODevice>

namespace fleetplan::pricing {

namespace {
constexpr qsizetype ChunkSize = 1 << 20;
}

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{
    m_buffer.resize(ChunkSize);
    m_scratch.reserve(4096);
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    const qint64 n = m_device->read(m_buffer.data(), ChunkSize);
    if (n <= 0) {
        m_eof = true;
        return false;
    }
    m_pos = 0;
    m_end = qsizetype(n);
    m_bytesRead += n;
    return true;
}

void CsvReader::fail(const QString &message, qint64 line, qint64 column)
{
    m_error = message;
    m_errorLine = line;
    m_errorColumn = column;
}

bool CsvReader::next()
{
    if (hasError())
        return false;
    m_scratch.resize(0);
    m_fields.clear();
    m_fieldColumns.clear();
    // Skip a UTF-8 byte order mark at the very start.
    if (m_bytesRead == 0 && fill() && m_end >= 3 && uchar(m_buffer[0]) == 0xEF && uchar(m_buffer[1]) == 0xBB
        && uchar(m_buffer[2]) == 0xBF)
        m_pos = 3;
    if (m_pos >= m_end && !fill())
        return false; // clean end of input
    m_recordLine = m_line;

    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::FieldStart;
    qsizetype fieldStart = 0;
    qint64 quoteLine = 0;
    qint64 quoteColumn = 0;
    auto beginField = [&] {
        fieldStart = m_scratch.size();
        m_fieldColumns.push_back(m_column);
    };
    auto endField = [&] { m_fields.emplace_back(fieldStart, m_scratch.size() - fieldStart); };

    // A record of an AWS offer file is a few hundred bytes: a longer one (a 1 GB line without a newline) is
    // not a price list, and reading it whole would take that much memory. Checked after every append.
    auto tooLong = [&] {
        if (m_scratch.size() <= MaxRecordBytes)
            return false;
        fail(QStringLiteral("a record longer than the limit of %1 MiB (a price list line is a few hundred bytes)")
                 .arg(MaxRecordBytes >> 20),
            m_recordLine, 1);
        return true;
    };

    while (true) {
        if (m_pos >= m_end && !fill()) {
            // End of input inside a record.
            if (state == State::Quoted) {
                fail(QStringLiteral("unterminated quoted field (the quote opened here is never closed)"), quoteLine,
                    quoteColumn);
                return false;
            }
            if (state == State::FieldStart)
                beginField();
            endField();
            return true;
        }
        const char *data = m_buffer.constData();
        switch (state) {
        case State::FieldStart:
        case State::Unquoted: {
            if (state == State::FieldStart) {
                beginField();
                if (data[m_pos] == '"') {
                    quoteLine = m_line;
                    quoteColumn = m_column;
                    ++m_pos;
                    ++m_column;
                    state = State::Quoted;
                    break;
                }
                state = State::Unquoted;
            }
            // Fast scan of an unquoted run.
            qsizetype i = m_pos;
            while (i < m_end && data[i] != ',' && data[i] != '\n' && data[i] != '\r' && data[i] != '"')
                ++i;
            m_scratch.append(data + m_pos, i - m_pos);
            if (tooLong())
                return false;
            m_column += i - m_pos;
            m_pos = i;
            if (i >= m_end)
                break;
            const char c = data[i];
            if (c == '"') {
                fail(QStringLiteral("a quote inside an unquoted field"), m_line, m_column);
                return false;
            }
            ++m_pos;
            endField();
            if (c == ',') {
                ++m_column;
                state = State::FieldStart;
                break;
            }
            if (c == '\r') {
                if (m_pos >= m_end)
                    fill();
                if (m_pos < m_end && m_buffer.at(m_pos) == '\n')
                    ++m_pos;
            }
            ++m_line;
            m_column = 1;
            return true;
        }
        case State::Quoted: {
            qsizetype i = m_pos;
            while (i < m_end && data[i] != '"' && data[i] != '\n')
                ++i;
            m_scratch.append(data + m_pos, i - m_pos);
            if (tooLong())
                return false;
            m_column += i - m_pos;
            m_pos = i;
            if (i >= m_end)
                break;
            if (data[i] == '\n') {
                m_scratch.append('\n');
                ++m_line;
                m_column = 1;
                ++m_pos;
                break;
            }
            ++m_pos;
            ++m_column;
            state = State::QuoteInQuoted;
            break;
        }
        case State::QuoteInQuoted: {
            const char c = data[m_pos];
            if (c == '"') { // escaped quote
                m_scratch.append('"');
                ++m_pos;
                ++m_column;
                state = State::Quoted;
                break;
            }
            if (c == ',') {
                endField();
                ++m_pos;
                ++m_column;
                state = State::FieldStart;
                break;
            }
            if (c == '\n' || c == '\r') {
                endField();
                ++m_pos;
                if (c == '\r') {
                    if (m_pos >= m_end)
                        fill();
                    if (m_pos < m_end && m_buffer.at(m_pos) == '\n')
                        ++m_pos;
                }
                ++m_line;
                m_column = 1;
                return true;
            }
            fail(QStringLiteral("expected a comma or the end of the line after a closing quote, found '%1'")
                     .arg(QLatin1Char(c)),
                m_line, m_column);
            return false;
        }
        }
    }
}

} // namespace fleetplan::pricing
