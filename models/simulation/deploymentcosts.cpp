// SPDX-License-Identifier: GPL-3.0-or-later
// Deployments as a cost component (issue 20). Rules and sources (docs/cost-rules.md "Deployments"):
//  - rolling: ECS starts up to floor(desired × maximumPercent ÷ 100) tasks ("rounded down to the nearest
//    integer") and keeps ceil(desired × minimumHealthyPercent ÷ 100) running (ECS API reference,
//    DeploymentConfiguration); Kubernetes computes maxSurge from a percent "by rounding up" and
//    maxUnavailable "by rounding down" (Kubernetes API reference, apps/v1 RollingUpdateDeployment);
//  - blue/green: CodeDeploy starts a full replacement task set and keeps the original one until the wait
//    time after the traffic shift ends (ECS developer guide, "CodeDeploy blue/green deployments");
//  - Fargate bills per second with a one-minute minimum (five minutes on Windows), at the task's size;
//  - EC2 bills per second with a one-minute minimum for Linux instances.
#include "models/simulation/deploymentcosts.h"

#include <algorithm>
#include <cmath>

#include <QHash>

#include "models/simulation/costengine.h"
#include "models/simulation/fargateplatform.h"
#include "models/simulation/moneyformat.h"
#include "models/simulation/nodeplatform.h"

namespace fleetplan::models {

namespace {

bool isFargate(PlatformId id)
{
    return id == PlatformId::EcsFargate || id == PlatformId::EcsFargateSpot || id == PlatformId::EksFargate;
}

bool isKubernetes(PlatformId id)
{
    return id == PlatformId::EksNodes || id == PlatformId::EksFargate;
}

bool deploys(const Service &s)
{
    return s.kind == ServiceKind::Service && s.deployment.strategy != DeploymentStrategy::None
        && s.deployment.frequency > 0;
}

/// The component being built: quantity, USD, one explanation line per service, USD per hour.
struct DeploymentBill
{
    double quantity = 0.0;
    double usd = 0.0;
    QStringList lines;
    QList<double> perHour;
};

QString strategyWords(const DeploymentSettings &d)
{
    if (d.strategy == DeploymentStrategy::BlueGreen)
        return QStringLiteral("blue/green, %1 + %2 min bake")
            .arg(formatNumber(d.durationMinutes, 1), formatNumber(d.bakeMinutes, 1));
    return QStringLiteral("rolling, max surge %1%2, %3 min")
        .arg(formatNumber(d.maxSurge, 1), d.maxSurgePercent ? QStringLiteral(" %") : QStringLiteral(" tasks"),
            formatNumber(d.durationMinutes, 1));
}

void addFargate(const SimulationInput &in, PlatformId id, DeploymentBill &bill)
{
    PlatformResult scratch; // the platform already reported the plans' warnings
    const FargateTaskPlans plans = fargateTaskPlans(in, id, scratch);
    const bool kubernetes = isKubernetes(id);
    for (const FargateTaskPlan &p : plans.plans) {
        const Service &s = in.scenario.services.at(p.service);
        if (!deploys(s))
            continue;
        const double minimumSeconds = p.windows ? 300.0 : 60.0;
        const double billedHours = std::max(minimumSeconds, surgeMinutes(s.deployment) * 60.0) / 3600.0;
        const double gib = p.size.memoryMib / 1024.0;
        auto perTaskHour = [&](const pricing::FargateRateCard &card) {
            double usd = p.size.vcpu * card.vcpuHour.usd + gib * card.gbHour.usd;
            if (card.osLicenseVcpuHour)
                usd += p.size.vcpu * card.osLicenseVcpuHour->usd;
            if (card.ephemeralGbHourAbove20)
                usd += p.storageAboveFreeGb * card.ephemeralGbHourAbove20->usd;
            return usd;
        };
        const double onDemandRate = perTaskHour(p.onDemand);
        const double spotRate = p.spot ? perTaskHour(*p.spot) : onDemandRate;
        double taskHours = 0.0, usd = 0.0;
        int deployments = 0;
        for (int h : deploymentStartHours(s.deployment, in.demand.hours())) {
            const int desired = in.demand.at(h).replicas.value(p.service, 0);
            const int surge = surgeTasks(s.deployment, desired, kubernetes);
            if (surge <= 0)
                continue;
            const int spot
                = p.spot ? fargateSpotTasks(surge, plans.fargateBase, plans.fargateWeight, plans.fargateSpotWeight) : 0;
            const double cost = ((surge - spot) * onDemandRate + spot * spotRate) * billedHours;
            taskHours += surge * billedHours;
            usd += cost;
            bill.perHour[h] += cost;
            ++deployments;
        }
        if (deployments == 0)
            continue;
        bill.quantity += taskHours;
        bill.usd += usd;
        bill.lines.append(
            QStringLiteral("%1: %2 deployments (%3) × surge tasks of %4 vCPU / %5 GB = %6 task-hours = %7 USD")
                .arg(s.name)
                .arg(deployments)
                .arg(strategyWords(s.deployment), formatNumber(p.size.vcpu, 2), formatNumber(gib, 2),
                    formatNumber(taskHours, 2), formatNumber(usd, 2)));
    }
}

/// Spare room of one node of the hour's fleet.
struct Spare
{
    double cpu = 0, memoryMib = 0, slotRoom = 0;
    bool slotLimited = false;
    bool hostsService = false;
};

/// What one deployment needs on the EC2 platforms: nothing (the spare room holds the surge), or `nodes` extra
/// nodes of `type`.
struct Outcome
{
    bool absorbed = false;
    int nodes = 0;
    double usdPerHour = 0.0;
    QString type;
};

void addNodes(const SimulationInput &in, PlatformId id, const PlatformResult &r, DeploymentBill &bill)
{
    PlatformResult scratch;
    NodeCandidates candidates = nodeCandidates(in, id, scratch);
    if (candidates.candidates.isEmpty())
        return;
    NodeWorkload workload = nodeWorkload(in, id, scratch);
    chooseNodeTypes(in.scenario.platform(id), id, workload, candidates.candidates, scratch);
    const placement::PlacementRequest &request = workload.request;
    const bool kubernetes = isKubernetes(id);

    for (qsizetype g = 0; g < request.items.size(); ++g) {
        const NodeGroupSource &src = workload.sources.at(g);
        if (src.service < 0 || src.spotPart)
            continue;
        const Service &s = in.scenario.services.at(src.service);
        if (!deploys(s))
            continue;
        const placement::ItemGroup &item = request.items.at(g);
        const bool onePerNode = item.exclusiveKey > 0;
        const double minutes = surgeMinutes(s.deployment);
        const double billedHours = std::max(60.0, minutes * 60.0) / 3600.0;
        double nodeHours = 0.0, usd = 0.0;
        int deployments = 0, absorbed = 0;
        QStringList types;
        QHash<quint64, Outcome> outcomes;
        for (int h : deploymentStartHours(s.deployment, in.demand.hours())) {
            const int desired = in.demand.at(h).replicas.value(src.service, 0);
            int left = surgeTasks(s.deployment, desired, kubernetes);
            if (left <= 0)
                continue;
            ++deployments;
            // Hours of one fleet state with the same surge end alike: each is worked out once.
            const int state = h < r.fleetStateOfHour.size() ? r.fleetStateOfHour.at(h) : -1;
            const quint64 key = (quint64(quint32(state)) << 32) | quint32(left);
            auto known = outcomes.constFind(key);
            if (known == outcomes.cend()) {
                const auto work = [&]() -> Outcome {
                    // 1. The spare room of the hour's packed fleet, node by node (first fit).
                    for (const FleetNode &node : r.fleetAt(h).nodes) {
                        if (left == 0)
                            break;
                        if (node.spot && !s.spotOk)
                            continue;
                        const pricing::InstanceType *type = in.catalog.instanceType(node.instanceType);
                        if (!type || !item.arch.startsWith(pricing::cpuArchName(type->arch)))
                            continue;
                        Spare spare;
                        spare.cpu = node.cpuCapacity;
                        spare.memoryMib = node.memoryCapacityMib;
                        spare.slotRoom = double(node.slotCapacity);
                        spare.slotLimited = node.slotCapacity > 0;
                        for (const FleetItem &it : node.items) {
                            spare.cpu -= it.cpu * it.count;
                            spare.memoryMib -= it.memoryMib * it.count;
                            spare.slotRoom -= double(it.slotsUsed) * it.count;
                            spare.hostsService = spare.hostsService || it.service == s.name;
                        }
                        if (onePerNode && spare.hostsService)
                            continue;
                        int fits = left;
                        if (src.cpuVcpu > 0)
                            fits = std::min(fits, int(std::floor(spare.cpu / src.cpuVcpu + 1e-9)));
                        if (src.memoryMib > 0)
                            fits = std::min(fits, int(std::floor(spare.memoryMib / src.memoryMib + 1e-9)));
                        if (spare.slotLimited && src.slotsEach > 0)
                            fits = std::min(fits, int(std::floor(spare.slotRoom / src.slotsEach + 1e-9)));
                        if (onePerNode)
                            fits = std::min(fits, 1);
                        left -= std::max(0, fits);
                    }
                    if (left == 0)
                        return Outcome { true, 0, 0.0, QString() };
                    // 2. The rest on the cheapest On-Demand allowed type that holds them: ceil(left ÷ per node) nodes.
                    int bestNodes = 0;
                    double bestUsdPerHour = 0.0;
                    QString bestType;
                    for (const placement::NodeType &nt : request.nodeTypes) {
                        if (nt.spot || (!nt.arch.isEmpty() && nt.arch != item.arch))
                            continue;
                        int perNode = 1 << 30;
                        for (int d = 0; d < 4; ++d) {
                            const double need = item.request[d];
                            if (need <= 0 || (d == 2 && nt.capacity[2] <= 0))
                                continue;
                            perNode
                                = std::min(perNode, int(std::floor((nt.capacity[d] - nt.overhead[d]) / need + 1e-9)));
                        }
                        if (onePerNode)
                            perNode = std::min(perNode, 1);
                        if (perNode <= 0)
                            continue;
                        const int nodes = (left + perNode - 1) / perNode;
                        if (bestNodes == 0 || nodes * nt.pricePerHour < bestNodes * bestUsdPerHour) {
                            bestNodes = nodes;
                            bestUsdPerHour = nt.pricePerHour;
                            bestType = nt.name;
                        }
                    }
                    return Outcome { false, bestNodes, bestUsdPerHour, bestType };
                };
                known = outcomes.insert(key, work());
            }
            if (known->absorbed) {
                ++absorbed;
                continue;
            }
            const int bestNodes = known->nodes;
            const double bestUsdPerHour = known->usdPerHour;
            const QString &bestType = known->type;
            if (bestNodes == 0)
                continue;
            const double cost = bestNodes * bestUsdPerHour * billedHours;
            nodeHours += bestNodes * billedHours;
            usd += cost;
            bill.perHour[h] += cost;
            const QString t = QStringLiteral("%1 × %2").arg(bestNodes).arg(bestType);
            if (!types.contains(t))
                types.append(t);
        }
        if (deployments == 0)
            continue;
        bill.quantity += nodeHours;
        bill.usd += usd;
        if (usd > 0)
            bill.lines.append(QStringLiteral("%1: %2 deployments (%3); the hour's spare room held the whole surge of "
                                             "%4 of them, the others needed %5 for %6 min each = %7 instance-hours "
                                             "= %8 USD")
                                  .arg(s.name)
                                  .arg(deployments)
                                  .arg(strategyWords(s.deployment))
                                  .arg(absorbed)
                                  .arg(types.join(QStringLiteral(", ")), formatNumber(billedHours * 60.0, 1),
                                      formatNumber(nodeHours, 2), formatNumber(usd, 2)));
        else
            bill.lines.append(QStringLiteral("%1: %2 deployments (%3); the fleet's spare room held every surge: 0 USD")
                                  .arg(s.name)
                                  .arg(deployments)
                                  .arg(strategyWords(s.deployment)));
    }
}

} // namespace

int surgeTasks(const DeploymentSettings &d, int desired, bool kubernetesRounding)
{
    if (desired <= 0)
        return 0;
    switch (d.strategy) {
    case DeploymentStrategy::None:
        return 0;
    case DeploymentStrategy::BlueGreen:
        return desired;
    case DeploymentStrategy::Rolling:
        break;
    }
    double surge = std::max(0.0, d.maxSurge);
    if (d.maxSurgePercent) {
        // 1e-9 keeps 10 × 30 % = 3 exact in both directions despite binary fractions.
        const double exact = desired * surge / 100.0;
        surge = kubernetesRounding ? std::ceil(exact - 1e-9) : std::floor(exact + 1e-9);
    }
    return std::clamp(int(surge), 0, desired);
}

double surgeMinutes(const DeploymentSettings &d)
{
    const double minutes = std::max(0.0, d.durationMinutes);
    return d.strategy == DeploymentStrategy::BlueGreen ? minutes + std::max(0.0, d.bakeMinutes) : minutes;
}

QList<int> deploymentStartHours(const DeploymentSettings &d, int periodHours)
{
    QList<int> out;
    if (d.strategy == DeploymentStrategy::None || !(d.frequency > 0) || periodHours <= 0)
        return out;
    const double interval = (d.period == DeploymentPeriod::Week ? 604800.0 : 86400.0) / d.frequency;
    const double end = periodHours * 3600.0;
    for (qint64 k = 0;; ++k) {
        const double t = double(k) * interval;
        if (t >= end)
            break;
        out.append(std::min(periodHours - 1, int(t / 3600.0)));
    }
    return out;
}

void addDeployments(const SimulationInput &in, PlatformResult &r)
{
    bool any = false;
    for (const Service &s : in.scenario.services)
        any = any || deploys(s);
    if (!any)
        return;
    if (r.id == PlatformId::AppRunner) {
        r.assumptions.append({ QStringLiteral("Deployments"),
            QStringLiteral("App Runner deploys by itself and temporarily doubles the provisioned instances during a "
                           "deployment; those instances are not priced here (no deployment duration is modelled)"),
            QStringLiteral("AWS App Runner API reference, AutoScalingConfiguration MinSize") });
        return;
    }
    DeploymentBill bill;
    bill.perHour = QList<double>(in.demand.hours(), 0.0);
    if (isFargate(r.id))
        addFargate(in, r.id, bill);
    else
        addNodes(in, r.id, r, bill);
    if (isFargate(r.id))
        r.assumptions.append({ QStringLiteral("Deployments"),
            QStringLiteral("surge tasks × (duration, + bake time for blue/green) per deployment at the task's Fargate "
                           "size, per second with a one-minute minimum; no Savings Plan applied to them"),
            QStringLiteral("docs/cost-rules.md \"Deployments\"; ECS API reference DeploymentConfiguration") });
    else
        r.assumptions.append({ QStringLiteral("Deployments"),
            QStringLiteral("the surge runs in the hour's spare room first; the rest on the cheapest allowed On-Demand "
                           "type that holds it, per second with a one-minute minimum (node start-up not counted)"),
            QStringLiteral("docs/cost-rules.md \"Deployments\"") });
    if (bill.lines.isEmpty())
        return;
    r.components.append(CostComponent { ComponentId::Deployments, bill.usd, bill.quantity,
        isFargate(r.id) ? QStringLiteral("surge task-hours") : QStringLiteral("extra instance-hours"),
        bill.lines.join(u'\n') });
    // No Savings Plan covers the surge here: the total with the recommended commitment carries it too.
    r.savingsPlan.totalUsdWithCommitment += bill.usd;
    for (qsizetype h = 0; h < bill.perHour.size() && h < r.series.costUsd.size(); ++h)
        r.series.costUsd[h] += bill.perHour.at(h);
    finishTotals(r);
}

} // namespace fleetplan::models
