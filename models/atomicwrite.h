// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

class QFileInfo;

/// The one save path of Fleetplan. Every file the program writes — scenarios (JSON and `.fleetplan`),
/// reports, `compare -o`, the man page — goes through these two functions, so that a failed write always
/// keeps the previous file and a reader never sees half a file.
namespace fleetplan::models {

/// Writes `bytes` to `path` atomically: a temporary file in the same folder (temporaryFileTemplate()),
/// every write checked, flushed and synced to disk, then moved over the target with replaceFile(); the
/// target's permissions are kept, and a symbolic link is followed. "-" writes standard output and checks
/// its flush. A target that exists but is no regular file (/dev/null, /dev/full, a FIFO) cannot be
/// replaced: it is written in place, and a failed write (ENOSPC) is reported. On failure returns false,
/// sets *error to the system's reason ("No space left on device", "File too large"; the caller names the
/// file), removes the temporary file and leaves any existing file untouched.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error = nullptr);

/// An existing regular file whose owner may not write it (mode without u+w): every save refuses to replace
/// it, also as root, whom the system would let (issue 15: `convert` replaced write-protected documents).
bool isWriteProtected(const QFileInfo &target);

/// The permissions a replacement of `target` gets: the target's own mode bits, or rw-r--r-- for a new
/// file. Only the Owner/Group/Other bits: QFile's *User flags say what the current user may do (root may
/// write anything) and, set back, would make a read-only file writable.
QFileDevice::Permissions replacementPermissions(const QFileInfo &target);

/// The QTemporaryFile template of a temporary file in `folder`: ".fleetplan-XXXXXX.tmp". Short and fixed, so
/// that a document with a 250-character name can still be saved (a temporary name built from the target's
/// would pass the 255-byte limit of a file name).
QString temporaryFileTemplate(const QString &folder);

/// Moves the finished file `from` over `to` in one step, replacing `to` if it exists: rename(2) on POSIX,
/// MoveFileExW(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) on Windows, where std::rename refuses
/// to replace an existing file. Never removes `to` first: when the move fails, `to` is unchanged and
/// `from` is left for the caller to remove. On failure *error holds the system's reason.
bool replaceFile(const QString &from, const QString &to, QString *error = nullptr);

} // namespace fleetplan::models
