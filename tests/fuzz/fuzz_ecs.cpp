// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as one ECS JSON file (task definition, describe-services, scalable targets).
#include <cstddef>
#include <cstdint>

#include "models/import/ecsimporter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // Twice in one batch, so that joins (services to task definitions, scalable targets) run too.
    const auto result
        = fleetplan::models::importEcs({ { QStringLiteral("a.json"), bytes }, { QStringLiteral("b.json"), bytes } });
    (void)result.summary();
    return 0;
}
