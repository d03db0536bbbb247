// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "models/import/importresult.h"

/// What the importer tests share: the fixture folder, a service by name, every diagnostic as one text.
namespace fleetplan::test {

/// tests/data/import/<name>.
inline QString fixture(const QString &name)
{
    return QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/") + name;
}

/// The imported service called `name`, or nullptr.
inline const models::Service *find(const models::ImportResult &r, const QString &name)
{
    for (const models::Service &s : r.services) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

/// Every diagnostic of the import, one per line (for failure messages).
inline QString allDiagnostics(const models::ImportResult &r)
{
    QStringList lines;
    for (const models::Diagnostic &d : r.diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

} // namespace fleetplan::test
