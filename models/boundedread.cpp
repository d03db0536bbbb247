// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/boundedread.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fleetplan::models {

QString sizeText(qint64 bytes)
{
    if (bytes % MiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / MiB);
    return QStringLiteral("%1 bytes").arg(bytes);
}

bool readAtMost(QFile &file, qint64 limit, QByteArray *bytes, QString *error)
{
    QByteArray data;
    file.unsetError();
    // Chunks, not read(limit + 1): the buffer grows with what is really there, not with the cap.
    constexpr qint64 chunk = 1024 * 1024;
    while (data.size() <= limit) {
        const qint64 want = std::min(chunk, limit + 1 - qint64(data.size()));
        const QByteArray part = file.read(want);
        if (part.isEmpty()) {
            // The end of the input, or a read error (EIO, EISDIR, ...).
            if (file.error() != QFileDevice::NoError) {
                if (error)
                    *error = file.errorString();
                return false;
            }
            break;
        }
        data += part;
    }
    if (data.size() > limit) {
        if (error)
            *error = QStringLiteral("larger than the limit of %1").arg(sizeText(limit));
        return false;
    }
    if (bytes)
        *bytes = std::move(data);
    return true;
}

bool isRegularFile(const QString &path)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(std::filesystem::path(QFile::encodeName(path).toStdString()), ec);
}

} // namespace fleetplan::models
