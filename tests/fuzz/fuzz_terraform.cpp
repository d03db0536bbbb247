// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as one `terraform show -json` file (a plan or a state).
#include <cstddef>
#include <cstdint>

#include "models/import/importresult.h"
#include "models/import/terraformimporter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = fleetplan::models::importTerraform({ { QStringLiteral("plan.json"), bytes } });
    (void)result.summary();
    // The node groups land in a scenario as the CLI lands them.
    fleetplan::models::Scenario scenario;
    (void)fleetplan::models::applyNodeGroups(result.nodeGroups, scenario);
    return 0;
}
