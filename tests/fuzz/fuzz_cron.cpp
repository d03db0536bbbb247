// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any text as a CronJob schedule.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "models/import/cronschedule.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto runs = fleetplan::models::parseCronSchedule(text, &error);
    // At most one run a minute: 1440 a day.
    if (runs && (runs->runsPerDay < 0 || runs->runsPerDay > 1440))
        std::abort();
    if (!runs && error.isEmpty())
        std::abort();
    return 0;
}
