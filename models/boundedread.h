// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

/// Input size caps (docs/scenario-format.md, "Limits"): what Fleetplan reads into memory from one file or
/// standard input. `validate /dev/zero`, `compare - < /dev/zero` or a symlink to a device in an import
/// folder end with a message naming the file and the cap, never with the program reading until memory runs out.
namespace fleetplan::models {

inline constexpr qint64 MiB = 1024 * 1024;
/// A scenario file (JSON or .fleetplan) or a scenario on standard input. The largest valid scenario
/// (MaxServices services with a container each, indented JSON) is about 40 MiB.
inline constexpr qint64 MaxScenarioBytes = 64 * MiB;
/// One file (or standard input) read by the ECS or Kubernetes importer: `kubectl get all -A -o yaml` of a
/// large cluster is a few MiB.
inline constexpr qint64 MaxManifestBytes = 16 * MiB;

/// "64 MiB".
QString sizeText(qint64 bytes);

/// Reads `file` (open for reading: a file, a device or standard input) to its end, but never more than
/// `limit` bytes: it stops after limit + 1, so an endless device (/dev/zero) costs at most limit + 1 bytes of
/// memory. Returns false when there is more than `limit` bytes or reading fails; *error then says why
/// ("larger than the limit of 64 MiB", or the system's error).
bool readAtMost(QFile &file, qint64 limit, QByteArray *bytes, QString *error);

/// Whether `path` (after following symbolic links) is a regular file: a device, FIFO or socket is not.
bool isRegularFile(const QString &path);

} // namespace fleetplan::models
