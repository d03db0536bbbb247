// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/atomicwrite.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#ifdef Q_OS_WIN
#include <windows.h>
#endif
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

#include "models/boundedread.h"

namespace fleetplan::models {

namespace {

/// The reason of a failed write. QFile reports a short write (the first write(2) of a buffer succeeded in
/// part, the next failed with EFBIG or ENOSPC) as "Unknown error"; errno still holds the system's reason.
QString systemError(const QFileDevice &file)
{
    if (errno != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    return file.errorString();
}

} // namespace

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (path == u"-") {
        QFile out;
        errno = 0;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.flush())
            return fail(systemError(out));
        return true;
    }
    // Saving through a symbolic link replaces the file it points to, not the link.
    const QFileInfo link(path);
    const QFileInfo target(link.isSymLink() ? link.symLinkTarget() : path);
    if (target.isDir())
        return fail(QStringLiteral("it is a folder"));
    if (isWriteProtected(target))
        return fail(QStringLiteral("the file is write-protected; it was not replaced"));
    if (target.exists() && !isRegularFile(target.absoluteFilePath())) {
        // A device or a FIFO cannot be replaced by a file (and must not be: as root, renaming a file over
        // /dev/full would replace the device). Written in place, unbuffered: a failing write is seen here.
        QFile device(target.absoluteFilePath());
        if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return fail(device.errorString());
        errno = 0;
        if (device.write(bytes) != bytes.size())
            return fail(systemError(device));
        return true;
    }
    if (!target.absoluteDir().exists())
        return fail(
            QStringLiteral("the folder %1 does not exist").arg(QDir::toNativeSeparators(target.absolutePath())));

    QTemporaryFile temp(temporaryFileTemplate(target.absolutePath()));
    temp.setAutoRemove(true); // every failure below removes it
    if (!temp.open())
        return fail(QStringLiteral("cannot create a temporary file in %1: %2")
                        .arg(QDir::toNativeSeparators(target.absolutePath()), temp.errorString()));
    // Every write, the flush and the sync are checked: a full disk (ENOSPC) or the file-size limit (EFBIG,
    // SIGXFSZ is ignored in main) fails here, before anything replaces the target.
    errno = 0;
    if (temp.write(bytes) != bytes.size() || !temp.flush())
        return fail(systemError(temp));
#ifdef Q_OS_UNIX
    if (::fsync(temp.handle()) != 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
#endif
    temp.close();
    const QString finalPath = target.absoluteFilePath();
    QFile::setPermissions(temp.fileName(), replacementPermissions(target));
    QString reason;
    if (!replaceFile(temp.fileName(), finalPath, &reason))
        return fail(reason);
    temp.setAutoRemove(false); // it is the target now
    return true;
}

bool isWriteProtected(const QFileInfo &target)
{
    return target.exists() && target.isFile() && !(target.permissions() & QFileDevice::WriteOwner);
}

QFileDevice::Permissions replacementPermissions(const QFileInfo &target)
{
    constexpr QFileDevice::Permissions modeBits = QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (!target.exists())
        return QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    return QFile::permissions(target.absoluteFilePath()) & modeBits;
}

QString temporaryFileTemplate(const QString &folder)
{
    return folder + QStringLiteral("/.fleetplan-XXXXXX.tmp");
}

bool replaceFile(const QString &from, const QString &to, QString *error)
{
#ifdef Q_OS_WIN
    const std::wstring source = QDir::toNativeSeparators(from).toStdWString();
    const std::wstring target = QDir::toNativeSeparators(to).toStdWString();
    if (MoveFileExW(source.c_str(), target.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return true;
    if (error)
        *error = qt_error_string(int(GetLastError()));
    return false;
#else
    // rename(2) replaces the target atomically: readers see the old or the new file, never a mix.
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return true;
    if (error)
        *error = QString::fromLocal8Bit(std::strerror(errno));
    return false;
#endif
}

} // namespace fleetplan::models
