// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as one CloudFormation template, read as YAML and as JSON.
#include <cstddef>
#include <cstdint>

#include "models/import/cloudformationimporter.h"
#include "models/import/importresult.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = fleetplan::models::importCloudFormation({ { QStringLiteral("template.yaml"), bytes } });
    (void)result.summary();
    fleetplan::models::Scenario scenario;
    (void)fleetplan::models::applyNodeGroups(result.nodeGroups, scenario);
    return 0;
}
