// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any text as a Kubernetes quantity.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "models/import/quantity.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto any = fleetplan::models::parseQuantity(text, &error);
    const auto cpu = fleetplan::models::parseCpuQuantity(text, &error);
    const auto memory = fleetplan::models::parseMemoryQuantity(text, &error);
    // Invariants: a result is finite; requests are never negative; cpu and memory agree with the raw value.
    if (any && !std::isfinite(*any))
        std::abort();
    if ((cpu && *cpu < 0) || (memory && *memory < 0))
        std::abort();
    if (bool(cpu) != (any && *any >= 0) || bool(memory) != bool(cpu))
        std::abort();
    if (!any && error.isEmpty())
        std::abort();
    return 0;
}
