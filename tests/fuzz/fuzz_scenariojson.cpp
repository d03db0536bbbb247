// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as a scenario JSON file, then validation and the writer. Whatever the reader
// accepts and validation passes must be written without a null (a NaN or an infinity written as null
// would not read back) and read back to the same scenario.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace fleetplan::models;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ScenarioReadResult read = scenarioFromJson(bytes, QStringLiteral("fuzz.json"));
    (void)read.errorText();
    if (!read.ok())
        return 0;
    const QList<Diagnostic> problems = validateScenario(*read.scenario);
    (void)peakTasksPerHour(*read.scenario, 2.0);
    if (hasErrors(problems))
        return 0;
    const QByteArray written = scenarioToJson(*read.scenario);
    if (written.contains(": null"))
        std::abort(); // a valid scenario wrote a number JSON cannot hold
    const ScenarioReadResult back = scenarioFromJson(written);
    if (!back.ok() || !(*back.scenario == *read.scenario))
        std::abort(); // not lossless
    return 0;
}
