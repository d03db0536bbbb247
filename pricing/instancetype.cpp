// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/instancetype.h"

namespace fleetplan::pricing {

QString cpuArchName(CpuArch arch)
{
    return arch == CpuArch::Arm64 ? QStringLiteral("arm64") : QStringLiteral("x86_64");
}

std::optional<CpuArch> parseCpuArch(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"x86_64" || t == u"amd64" || t == u"x86" || t == u"x86-64")
        return CpuArch::X86_64;
    if (t == u"arm64" || t == u"aarch64" || t == u"arm")
        return CpuArch::Arm64;
    return std::nullopt;
}

int generationOfFamily(const QString &family)
{
    int value = 0;
    bool inDigits = false;
    for (const QChar c : family) {
        if (c.isDigit()) {
            value = value * 10 + c.digitValue();
            inDigits = true;
        } else if (inDigits) {
            break;
        }
    }
    return value;
}

int InstanceType::nvidiaGpus() const
{
    if (gpuName.isEmpty() || gpuName.startsWith(u"radeon") || gpuName.startsWith(u"gaudi"))
        return 0;
    return gpuCount;
}

int InstanceType::neuronDevices() const
{
    return acceleratorName.startsWith(u"inferentia") || acceleratorName.startsWith(u"trainium") ? acceleratorCount : 0;
}

} // namespace fleetplan::pricing
