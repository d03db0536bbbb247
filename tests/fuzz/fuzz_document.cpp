// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as a `.fleetplan` document (a SQLite file), written to a temporary file and
// opened by the reader, then validated. Seeded with real documents (run.sh converts the samples).
#include <cstddef>
#include <cstdint>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include "models/workload/scenariodocument.h"
#include "models/workload/validation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace fleetplan::models;
    // One folder and one file name for the whole run: the reader opens it read-only each time.
    static QTemporaryDir dir;
    static const QString path = dir.filePath(QStringLiteral("fuzz.fleetplan"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    const ScenarioReadResult read = readScenarioDocument(path);
    (void)read.errorText();
    if (read.ok())
        (void)validateScenario(*read.scenario);
    return 0;
}
