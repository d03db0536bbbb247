// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as one Kubernetes manifest (multi-document YAML, or kubectl JSON).
#include <cstddef>
#include <cstdint>

#include "models/import/kubernetesimporter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = fleetplan::models::importKubernetes({ { QStringLiteral("fuzz.yaml"), bytes } });
    (void)result.summary();
    return 0;
}
