// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/workload/scenario.h"

namespace fleetplan::models {

/// Lists every PlatformSettings field with its stable key (the JSON key, the SQLite
/// `platform_settings.key` and the documentation in docs/scenario-format.md all use these names).
/// The visitor gets `boolean(key, bool&)`, `number(key, double&)`, `integer(key, int&)` and
/// `stringList(key, QStringList&)` calls; one list serves the JSON reader and writer and the SQLite
/// document, so a new field added here is read and written everywhere.
template <typename Visitor> void visitPlatformFields(PlatformSettings &p, Visitor &&v)
{
    v.boolean(u"enabled", p.enabled);
    v.stringList(u"instance_types", p.instanceTypes);
    v.boolean(u"mixed_instances", p.mixedInstances);
    v.number(u"ebs_gib_per_node", p.ebsGibPerNode);
    v.number(u"target_utilization_percent", p.targetUtilizationPercent);
    v.integer(u"scale_in_delay_hours", p.scaleInDelayHours);
    v.number(u"os_reserved_memory_mib", p.osReservedMemoryMib);
    v.number(u"ecs_reserved_memory_mib", p.ecsReservedMemoryMib);
    v.boolean(u"awsvpc_trunking", p.awsvpcTrunking);
    v.number(u"vm_overhead_percent", p.vmOverheadPercent);
    v.boolean(u"prefix_delegation", p.prefixDelegation);
    v.boolean(u"extended_support", p.extendedSupport);
    v.integer(u"clusters", p.clusters);
    v.integer(u"fargate_base", p.fargateBase);
    v.integer(u"fargate_weight", p.fargateWeight);
    v.integer(u"fargate_spot_weight", p.fargateSpotWeight);
    v.number(u"interruption_allowance_percent", p.interruptionAllowancePercent);
}

/// The App Runner settings (issue 19), visited for the app-runner platform only: the other platforms'
/// JSON blocks and SQLite rows stay as they were.
template <typename Visitor> void visitAppRunnerFields(PlatformSettings &p, Visitor &&v)
{
    v.integer(u"concurrency", p.appRunnerConcurrency);
    v.integer(u"min_instances", p.appRunnerMinInstances);
    v.integer(u"max_instances", p.appRunnerMaxInstances);
    v.boolean(u"automatic_deployment", p.appRunnerAutomaticDeployment);
}

/// The EKS managed nodes settings added after version 2, visited for eks-nodes only. `flag(key, bool&)` is a
/// boolean the writers write only when it is true, so older documents and the samples stay byte for byte.
template <typename Visitor> void visitEksNodesFields(PlatformSettings &p, Visitor &&v)
{
    v.flag(u"eks_anywhere", p.eksAnywhere);
}

/// Every field of platform `id`: visitPlatformFields(), then the App Runner fields for app-runner and the
/// EKS Anywhere flag for eks-nodes.
template <typename Visitor> void visitAllPlatformFields(PlatformId id, PlatformSettings &p, Visitor &&v)
{
    visitPlatformFields(p, v);
    if (id == PlatformId::AppRunner)
        visitAppRunnerFields(p, v);
    if (id == PlatformId::EksNodes)
        visitEksNodesFields(p, v);
}

} // namespace fleetplan::models
