// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class QIODevice;

namespace fleetplan::pricing {

/// A streaming RFC 4180 CSV reader over a QIODevice: reads 1 MiB at a time, so memory stays bounded however
/// large the file (the AWS EC2 offer CSV is several GB). Fields are unquoted ("" → ") into one scratch buffer
/// per record: no allocation per field. Tracks the line and column of every record for error messages.
class CsvReader
{
public:
    /// The longest record (line) read: 1 MiB. A longer one fails with its line number.
    static constexpr qsizetype MaxRecordBytes = qsizetype(1) << 20;

    explicit CsvReader(QIODevice *device);

    /// Reads the next record. false at the end of the input or on a malformed record (see hasError()).
    bool next();
    bool hasError() const { return !m_error.isEmpty(); }
    /// What is wrong, without the location.
    QString errorString() const { return m_error; }
    qint64 errorLine() const { return m_errorLine; }
    qint64 errorColumn() const { return m_errorColumn; }

    /// Number of fields of the current record.
    qsizetype size() const { return qsizetype(m_fields.size()); }
    /// Field i of the current record (empty when out of range).
    QByteArrayView field(qsizetype i) const
    {
        if (i < 0 || i >= size())
            return {};
        return QByteArrayView(m_scratch.constData() + m_fields[size_t(i)].first, m_fields[size_t(i)].second);
    }
    /// Field i as text (UTF-8).
    QString text(qsizetype i) const { return QString::fromUtf8(field(i)); }
    /// 1-based line where the current record starts.
    qint64 line() const { return m_recordLine; }
    /// 1-based byte column where field i of the current record starts.
    qint64 column(qsizetype i) const
    {
        return i >= 0 && i < qsizetype(m_fieldColumns.size()) ? m_fieldColumns[size_t(i)] : 1;
    }
    /// Bytes consumed from the device so far.
    qint64 bytesRead() const { return m_bytesRead; }

private:
    bool fill();
    void fail(const QString &message, qint64 line, qint64 column);

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    bool m_eof = false;
    QByteArray m_scratch;
    std::vector<std::pair<qsizetype, qsizetype>> m_fields;
    std::vector<qint64> m_fieldColumns;
    qint64 m_line = 1;
    qint64 m_column = 1;
    qint64 m_recordLine = 1;
    qint64 m_bytesRead = 0;
    QString m_error;
    qint64 m_errorLine = 0;
    qint64 m_errorColumn = 0;
};

} // namespace fleetplan::pricing
