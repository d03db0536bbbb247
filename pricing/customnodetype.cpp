// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/customnodetype.h"

#include <cmath>

#include <QRegularExpression>
#include <QSet>

#include "pricing/catalog.h"

namespace fleetplan::pricing {

namespace {

/// The EC2 instance type names and families of the bundled catalog, lower-cased, built once.
struct AwsNames
{
    QSet<QString> types;
    QSet<QString> families;
};

const AwsNames &awsNames()
{
    static const AwsNames names = [] {
        AwsNames n;
        for (const InstanceType &t : Catalog::bundled()->instanceTypes()) {
            if (t.custom)
                continue;
            n.types.insert(t.name.toLower());
            n.families.insert(t.family.toLower());
        }
        return n;
    }();
    return names;
}

} // namespace

QString checkCustomNodeType(const CustomNodeType &type)
{
    const QString what = QStringLiteral("custom node type \"%1\"").arg(type.name);
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"));
    if (type.name.isEmpty())
        return QStringLiteral("custom node type: the name is empty");
    if (!pattern.match(type.name).hasMatch())
        return what
            + QStringLiteral(": the name must start with a letter or digit and hold only letters, digits, '.', '-' "
                             "and '_' (at most 63)");
    const QString lower = type.name.toLower();
    if (awsNames().types.contains(lower))
        return what + QStringLiteral(": the name is an EC2 instance type; choose a name AWS does not use");
    const QString family = lower.section(u'.', 0, 0);
    if (awsNames().families.contains(family))
        return what
            + QStringLiteral(": \"%1\" is an EC2 instance family, so \"%1.*\" would match it; choose a name AWS "
                             "does not use (for example \"onprem-%2\")")
                  .arg(family, type.name);
    if (type.vcpu < 1 || type.vcpu > MaxCustomVcpu)
        return what + QStringLiteral(": vcpu %1 is outside 1 to %2").arg(type.vcpu).arg(MaxCustomVcpu);
    if (type.memoryMib < 1 || type.memoryMib > MaxCustomMemoryMib)
        return what
            + QStringLiteral(": memory_mib %1 is outside 1 to %2 (64 TiB)").arg(type.memoryMib).arg(MaxCustomMemoryMib);
    if (type.maxPods < 0 || type.maxPods > MaxCustomPods)
        return what
            + QStringLiteral(": max_pods %1 is outside 0 (from the ENIs, else 110) to %2")
                  .arg(type.maxPods)
                  .arg(MaxCustomPods);
    if (type.maxAwsvpcTasks < 0 || type.maxAwsvpcTasks > MaxCustomPods)
        return what
            + QStringLiteral(": max_awsvpc_tasks %1 is outside 0 to %2").arg(type.maxAwsvpcTasks).arg(MaxCustomPods);
    if (type.maxEnis < 0 || type.maxEnis > 1000 || type.ipv4PerEni < 0 || type.ipv4PerEni > 1000)
        return what
            + QStringLiteral(": max_enis %1 and ipv4_per_eni %2 must be 0 (not given) to 1000")
                  .arg(type.maxEnis)
                  .arg(type.ipv4PerEni);
    if ((type.maxEnis > 0) != (type.ipv4PerEni > 0))
        return what + QStringLiteral(": give both max_enis and ipv4_per_eni, or neither");
    if (std::isnan(type.usdPerHour))
        return what + QStringLiteral(": usd_per_hour is not a number");
    if (!(type.usdPerHour >= 0))
        return what
            + QStringLiteral(": usd_per_hour %1 is negative; the cost of a node-hour is 0 or more")
                  .arg(type.usdPerHour);
    if (type.usdPerHour > MaxRateUsd)
        return what
            + QStringLiteral(": usd_per_hour %1 is above the limit of %2 USD").arg(type.usdPerHour).arg(MaxRateUsd);
    return QString();
}

InstanceType instanceTypeOf(const CustomNodeType &type)
{
    InstanceType t;
    t.name = type.name;
    t.family = type.name.section(u'.', 0, 0);
    t.generation = 0;
    t.vcpu = type.vcpu;
    t.memoryMib = type.memoryMib;
    t.arch = type.arch;
    t.custom = true;
    // ECS: awsvpc tasks = ENIs − 1 (ecsAwsvpcTaskLimit), so a given task limit is stored as limit + 1 ENIs.
    t.maxEnis = type.maxAwsvpcTasks > 0 ? type.maxAwsvpcTasks + 1 : type.maxEnis;
    t.defaultCardMaxEnis = type.maxEnis;
    t.ipv4PerEni = type.ipv4PerEni;
    // EKS: the user's max pods, else the EKS AMI's formula over the ENIs given, else 0 (the kubelet's 110).
    t.eksMaxPods = type.maxPods > 0 ? type.maxPods : type.maxEnis > 0 ? type.maxEnis * (type.ipv4PerEni - 1) + 2 : 0;
    t.networkCards = type.maxEnis > 0 ? 1 : 0;
    t.specSource = QStringLiteral("custom node type (price book)");
    t.networkSource = QStringLiteral("custom node type (price book)");
    return t;
}

} // namespace fleetplan::pricing
