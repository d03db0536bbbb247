// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// The one save path of Fleetplan. Every file the program writes — scenarios (JSON and `.fleetplan`),
/// reports, `compare -o`, the man page — goes through these two functions, so that a failed write always
/// keeps the previous file and a reader never sees half a file.
namespace fleetplan::models {

/// Writes `bytes` to `path` atomically (QSaveFile: a temporary file in the same folder, flushed, then
/// renamed over the target; the target's permissions are kept). "-" writes standard output. On failure
/// returns false, sets *error to the reason (the caller names the file and what it was saving) and
/// leaves any existing file untouched.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error = nullptr);

/// Moves the finished file `from` over `to` in one step, replacing `to` if it exists: rename(2) on POSIX,
/// MoveFileExW(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) on Windows, where std::rename refuses
/// to replace an existing file. Never removes `to` first: when the move fails, `to` is unchanged and
/// `from` is left for the caller to remove. On failure *error holds the system's reason.
bool replaceFile(const QString &from, const QString &to, QString *error = nullptr);

} // namespace fleetplan::models
