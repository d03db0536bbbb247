// SPDX-License-Identifier: GPL-3.0-or-later
// ECS Fargate, ECS Fargate Spot and EKS Fargate. Rules and sources:
//  - task sizes: each task (EKS: each pod, requests + 256 MiB) is rounded up to a valid Fargate size
//    (pricing/fargatesizing.h; EKS user guide fargate-pod-configuration: 1 vCPU + 8 GB → 2 vCPU + 9 GB);
//  - billing per second from image pull to stop, one-minute minimum (Windows five minutes), vCPU-hours and
//    GB-hours where GB = GiB (AWS Fargate pricing page; fargate_rates.csv README);
//  - Windows adds an OS licence per vCPU-hour; ephemeral storage above the free 20 GB is billed per GB-hour;
//  - EKS Fargate pods pay the Linux x86 rates (AWS Fargate pricing page footnote);
//  - Fargate has no daemon scheduling: daemons run as sidecars in every task / pod.
#include "models/simulation/fargateplatform.h"

#include <algorithm>
#include <cmath>

#include "models/simulation/costengine.h"
#include "models/simulation/moneyformat.h"
#include "pricing/fargatesizing.h"
#include "pricing/units.h"

namespace fleetplan::models {

namespace {

QString sizeText(double vcpu, double memoryMib)
{
    return QStringLiteral("%1 vCPU / %2 MiB").arg(formatRate(vcpu), formatNumber(memoryMib, 0).remove(u','));
}

} // namespace

int fargateSpotTasks(int tasks, int base, int fargateWeight, int spotWeight)
{
    if (tasks <= 0)
        return 0;
    const int onBase = std::min(tasks, std::max(0, base));
    const int rest = tasks - onBase;
    const int weights = std::max(0, fargateWeight) + std::max(0, spotWeight);
    if (weights == 0 || rest == 0)
        return 0;
    return int(std::floor(double(rest) * std::max(0, spotWeight) / weights + 1e-9));
}

std::optional<double> savingsPlanDiscountPercent(
    const SimulationInput &in, pricing::CommitmentScope scope, pricing::CommitmentPlan plan)
{
    return in.catalog.commitments().discountPercent(
        scope, plan, in.purchase.savingsPlanTermYears, paymentOf(in.purchase));
}

FargateTaskPlans fargateTaskPlans(const SimulationInput &in, PlatformId id, PlatformResult &r)
{
    const Scenario &sc = in.scenario;
    const PlatformSettings &ps = sc.platform(id);
    const bool eks = id == PlatformId::EksFargate;
    const bool spotPlatform = id == PlatformId::EcsFargateSpot;
    const QString platformName = displayName(id);
    FargateTaskPlans out;

    // Daemons become sidecars of every task / pod.
    double &sidecarCpu = out.sidecarCpu, &sidecarMemory = out.sidecarMemoryMib;
    QStringList &daemons = out.daemons;
    for (const Service &s : sc.services) {
        if (s.kind == ServiceKind::Daemon) {
            sidecarCpu += s.effectiveCpu();
            sidecarMemory += s.effectiveMemoryMib();
            daemons.append(s.name);
        }
    }
    if (!daemons.isEmpty()) {
        r.warnings.append(
            QStringLiteral("%1 cannot run as daemons on %2: added as sidecars to every %3 (+%4 each)")
                .arg(daemons.join(QStringLiteral(", ")), platformName,
                    eks ? QStringLiteral("pod") : QStringLiteral("task"), sizeText(sidecarCpu, sidecarMemory)));
    }

    // Rate cards, looked up once per (arch, os, spot).
    std::map<int, std::optional<pricing::FargateRateCard>> cards;
    auto card = [&](pricing::CpuArch arch, pricing::FargateOs os, bool spot, QString *error) {
        const int key = int(arch) * 4 + int(os) * 2 + int(spot);
        auto it = cards.find(key);
        if (it == cards.end())
            it = cards.emplace(key, in.catalog.fargate(in.region, arch, os, spot, error)).first;
        else if (!it->second && error)
            in.catalog.fargate(in.region, arch, os, spot, error);
        return it->second;
    };

    QList<FargateTaskPlan> &plans = out.plans;
    for (qsizetype i = 0; i < sc.services.size(); ++i) {
        const Service &s = sc.services.at(i);
        if (s.kind == ServiceKind::Daemon)
            continue;
        if (s.gpus > 0) {
            // Fargate offers no GPUs or other accelerators (AWS Fargate FAQ; EKS user guide, Fargate
            // considerations: "GPUs aren't currently available on Fargate").
            const QString why = QStringLiteral("%1 %2 per task, and Fargate has no accelerators")
                                    .arg(s.gpus)
                                    .arg(s.accelerator == Accelerator::AwsNeuron ? QStringLiteral("Neuron device(s)")
                                                                                 : QStringLiteral("GPU(s)"));
            r.warnings.append(QStringLiteral("%1: %2; not priced on %3").arg(s.name, why, platformName));
            r.markInfeasible(s.name, why);
            continue;
        }
        FargateTaskPlan p;
        p.service = int(i);
        p.requestedCpu = s.effectiveCpu();
        p.requestedMemoryMib = s.effectiveMemoryMib();
        bool windows = !eks && s.os == OsFamily::Windows;
        bool arm = s.arch == Arch::Arm64;
        if (eks && s.os == OsFamily::Windows) {
            // EKS Fargate runs Linux pods only (EKS user guide, Fargate considerations); no Windows rate card.
            const QString why = QStringLiteral("EKS Fargate runs Linux pods only");
            r.warnings.append(QStringLiteral("%1: %2; not priced on %3").arg(s.name, why, platformName));
            r.markInfeasible(s.name, why);
            continue;
        }
        if (eks && arm) {
            r.warnings.append(
                QStringLiteral("%1: EKS Fargate runs x86_64 pods only; priced at the Linux x86 rates").arg(s.name));
            arm = false;
        }
        const double cpu = p.requestedCpu + sidecarCpu;
        // EKS Fargate: a pod without a memory request is sized from 0 MiB (+ 256 MiB), so a pod with no
        // requests runs as 0.25 vCPU / 0.5 GB in total (EKS user guide, Fargate pod configuration), not as the
        // importer's planning figure + 256 MiB.
        const double podMemory = eks && s.noMemoryRequest ? 0.0 : p.requestedMemoryMib;
        const double memory = podMemory + sidecarMemory + (eks ? pricing::EksFargateOverheadMib : 0);
        const auto flavor = eks ? pricing::FargateFlavor::EksFargate
                                : (windows ? pricing::FargateFlavor::EcsWindows : pricing::FargateFlavor::EcsLinux);
        QString error;
        const auto size = pricing::roundUpToFargateSize(cpu, memory, flavor, &error);
        if (!size) {
            r.warnings.append(QStringLiteral("%1: %2; not priced on %3").arg(s.name, error, platformName));
            r.markInfeasible(s.name, error);
            continue;
        }
        p.size = *size;
        if (size->vcpu != p.requestedCpu || size->memoryMib != p.requestedMemoryMib) {
            QString why;
            if (eks)
                why = QStringLiteral(" (+256 MiB for kubelet, kube-proxy and containerd, rounded up to a valid size)");
            else if (!daemons.isEmpty())
                why = QStringLiteral(" (sidecars included, rounded up to a valid size)");
            r.warnings.append(QStringLiteral("%1: %2 %3 becomes %4 on %5%6")
                                  .arg(s.name, sizeText(p.requestedCpu, p.requestedMemoryMib),
                                      eks ? QStringLiteral("pod") : QStringLiteral("task"),
                                      sizeText(size->vcpu, size->memoryMib), platformName, why));
        }
        const auto archId = arm ? pricing::CpuArch::Arm64 : pricing::CpuArch::X86_64;
        const auto os = windows ? pricing::FargateOs::Windows : pricing::FargateOs::Linux;
        const auto od = card(archId, os, false, &error);
        if (!od) {
            r.warnings.append(QStringLiteral("%1: %2; not priced on %3").arg(s.name, error, platformName));
            r.markInfeasible(s.name, error);
            continue;
        }
        p.onDemand = *od;
        p.windows = windows;
        p.rateLabel = windows ? QStringLiteral("Windows x86")
                              : (arm ? QStringLiteral("Linux ARM") : QStringLiteral("Linux x86"));
        p.storageAboveFreeGb = eks ? pricing::eksFargateBilledStorageGib(s.ephemeralGib)
                                   : std::max(0.0, s.ephemeralGib - pricing::FargateIncludedStorageGib);
        // Per-second billing with a one-minute minimum; Windows five minutes.
        p.billedSecondsPerRun = std::max(s.runSeconds, windows ? 300 : 60);
        if (spotPlatform && s.spotOk) {
            if (windows) {
                r.warnings.append(
                    QStringLiteral("%1: Fargate Spot does not run Windows tasks; all on FARGATE").arg(s.name));
            } else {
                QString spotError;
                if (const auto sp = card(archId, os, true, &spotError))
                    p.spot = *sp;
                else
                    r.warnings.append(QStringLiteral("%1: %2; all on FARGATE").arg(s.name, spotError));
            }
        }
        plans.append(p);
    }

    out.fargateBase = ps.fargateBase;
    out.fargateWeight = ps.fargateWeight;
    out.fargateSpotWeight = ps.fargateSpotWeight;
    if (spotPlatform && out.fargateWeight <= 0 && out.fargateSpotWeight <= 0)
        r.warnings.append(QStringLiteral("capacity-provider strategy has no weight above 0: every task on FARGATE"));
    return out;
}

QList<FargatePlanUsage> fargateStateUsage(const FargateTaskPlans &plans, const Scenario &sc, const HourDemand &d)
{
    QList<FargatePlanUsage> u(plans.plans.size());
    for (qsizetype k = 0; k < plans.plans.size(); ++k) {
        const FargateTaskPlan &p = plans.plans.at(k);
        const Service &s = sc.services.at(p.service);
        const int running = d.replicas.at(p.service);
        double odHours = 0, spotHours = 0;
        auto split = [&](int tasks) {
            return p.spot ? fargateSpotTasks(tasks, plans.fargateBase, plans.fargateWeight, plans.fargateSpotWeight)
                          : 0;
        };
        if (s.kind == ServiceKind::Job) {
            const int perRun = std::max(0, s.replicas);
            const int runs = d.jobRunsStarting.at(p.service);
            const double runHours = p.billedSecondsPerRun / 3600.0;
            const int spotPerRun = split(perRun);
            spotHours = double(runs) * spotPerRun * runHours;
            odHours = double(runs) * (perRun - spotPerRun) * runHours;
        } else {
            const int spotTasks = split(running);
            spotHours = spotTasks;
            odHours = running - spotTasks;
        }
        u[k] = FargatePlanUsage { odHours, spotHours };
    }
    return u;
}

BillableState fargateBillableState(const FargateTaskPlans &plans, const QList<FargatePlanUsage> &usage)
{
    BillableState state;
    // Reserved exactly: at 20,000 services these lists are the largest allocation of a month while it is priced.
    qsizetype items = 0;
    for (const FargateTaskPlan &p : plans.plans) {
        items += 2 + (p.spot ? 2 : 0) + (p.storageAboveFreeGb > 0 && p.onDemand.ephemeralGbHourAbove20 ? 1 : 0)
            + (p.windows && p.onDemand.osLicenseVcpuHour ? 1 : 0);
    }
    state.items.reserve(items);
    for (qsizetype k = 0; k < plans.plans.size(); ++k) {
        const FargateTaskPlan &p = plans.plans.at(k);
        const FargatePlanUsage &u = usage.at(k);
        const double gb = pricing::mibToGib(p.size.memoryMib);
        state.items.append({ ComponentId::FargateVcpu, u.onDemandTaskHours, p.size.vcpu, p.onDemand.vcpuHour.usd,
            p.rateLabel, 0, QString() });
        state.items.append(
            { ComponentId::FargateMemory, u.onDemandTaskHours, gb, p.onDemand.gbHour.usd, p.rateLabel, 0, QString() });
        if (p.spot) {
            state.items.append({ ComponentId::FargateSpotVcpu, u.spotTaskHours, p.size.vcpu, p.spot->vcpuHour.usd,
                p.rateLabel, 0, QString() });
            state.items.append(
                { ComponentId::FargateSpotMemory, u.spotTaskHours, gb, p.spot->gbHour.usd, p.rateLabel, 0, QString() });
        }
        if (p.storageAboveFreeGb > 0 && p.onDemand.ephemeralGbHourAbove20)
            state.items.append({ ComponentId::FargateStorage, u.onDemandTaskHours + u.spotTaskHours,
                p.storageAboveFreeGb, p.onDemand.ephemeralGbHourAbove20->usd, p.rateLabel, 0, QString() });
        if (p.windows && p.onDemand.osLicenseVcpuHour)
            state.items.append({ ComponentId::OsLicense, u.onDemandTaskHours, p.size.vcpu,
                p.onDemand.osLicenseVcpuHour->usd, p.rateLabel, 0, QString() });
    }
    return state;
}

PlatformResult simulateFargatePlatform(const SimulationInput &in, PlatformId id)
{
    const Scenario &sc = in.scenario;
    const PlatformSettings &ps = sc.platform(id);
    const bool eks = id == PlatformId::EksFargate;
    const bool spotPlatform = id == PlatformId::EcsFargateSpot;
    const QString platformName = displayName(id);
    PlatformResult r;
    r.id = id;

    // ---- what runs: task sizes and rate cards ------------------------------------------------------
    const FargateTaskPlans taskPlans = fargateTaskPlans(in, id, r);
    const QList<FargateTaskPlan> &plans = taskPlans.plans;
    const double sidecarCpu = taskPlans.sidecarCpu, sidecarMemory = taskPlans.sidecarMemoryMib;
    const int fargateBase = taskPlans.fargateBase, wFargate = taskPlans.fargateWeight,
              wSpot = taskPlans.fargateSpotWeight;

    // ---- usage per demand state ----------------------------------------------------------------------
    const DemandTimeline &demand = in.demand;
    const int hours = demand.hours();
    const QList<HourDemand> &states = demand.states();
    struct StateFigures
    {
        int tasks = 0;
        double cpuRequested = 0, memoryRequested = 0, cpuProvisioned = 0, memoryProvisioned = 0;
    };
    QList<StateFigures> figures(states.size());
    BillableUsage usage;
    usage.scope = pricing::CommitmentScope::Fargate;
    usage.stateOfHour = demand.stateOfHours();
    usage.states.reserve(states.size());
    for (qsizetype st = 0; st < states.size(); ++st) {
        const HourDemand &d = states.at(st);
        usage.states.append(fargateBillableState(taskPlans, fargateStateUsage(taskPlans, sc, d)));
        usage.runs.append(UsageRun { int(st), double(demand.hoursOfState().at(st)) });
        StateFigures &f = figures[st];
        for (const FargateTaskPlan &p : plans) {
            const int running = d.replicas.at(p.service);
            f.tasks += running;
            f.cpuRequested += running * (p.requestedCpu + sidecarCpu);
            f.memoryRequested += running * (p.requestedMemoryMib + sidecarMemory);
            f.cpuProvisioned += running * p.size.vcpu;
            f.memoryProvisioned += running * double(p.size.memoryMib);
        }
    }

    // ---- what is billed directly besides the tasks: the EKS control plane ---------------------------
    SavingsPlanChoice savingsPlan
        = chooseSavingsPlan(in.purchase, in.catalog, pricing::CommitmentScope::Fargate, platformName);
    if (!savingsPlan.warning.isEmpty())
        r.warnings.append(savingsPlan.warning);
    double controlPlaneRate = 0;
    std::optional<pricing::Rate> controlPlane;
    if (eks) {
        QString error;
        controlPlane = in.catalog.eksControlPlaneHourly(in.region, ps.extendedSupport, &error);
        if (!controlPlane) {
            r.warnings.append(error);
            r.markInfeasible(QString(), error);
        } else {
            controlPlaneRate = controlPlane->usd;
        }
    }
    const int clusters = std::max(1, ps.clusters);
    usage.controlPlane = controlPlane;
    usage.clusters = clusters;
    usage.controlPlaneNote
        = ps.extendedSupport ? QStringLiteral("extended support") : QStringLiteral("standard support");
    usage.spotInterruptionAllowance = spotPlatform ? std::max(0.0, ps.interruptionAllowancePercent) / 100.0 : 0.0;

    // ---- the cost engine: rates, Savings Plan, components, hourly cost, recommendation ------------
    HeldCommitments held
        = resolveHeldCommitments(sc.commitments, in.catalog, in.region, pricing::CommitmentScope::Fargate, &r.warnings);
    held.assumptions.append(useImportedSavingsPlanRates(usage, in.catalog, in.region, in.purchase, savingsPlan, held));
    const PricedUsage priced = priceUsage(usage, savingsPlan, held);
    // The billable items (one to six per plan or node in every state) are priced: free them before the
    // fleet snapshots are built, so the two never take memory at the same time.
    usage.states = {};
    r.assumptions.append(held.assumptions);
    r.assumptions.append(savingsPlanAssumptions(in.purchase, in.catalog, pricing::CommitmentScope::Fargate));
    r.components = priced.components;
    finishTotals(r);
    r.savingsPlan = priced.savingsPlan;

    // Series, utilisation, idle cost, peak, fleet states.
    HourlySeries &se = r.series;
    se.costUsd.resize(hours);
    se.nodes.fill(0, hours);
    se.tasks.resize(hours);
    se.cpuRequested.resize(hours);
    se.memoryRequestedMib.resize(hours);
    se.cpuAllocatable.resize(hours);
    se.memoryAllocatableMib.resize(hours);
    const QList<double> &stateCost = priced.stateCostUsd;
    const double controlPlanePerHour = usage.controlPlaneUsdPerHour();
    double reqCpu = 0, reqMem = 0, provCpu = 0, provMem = 0;
    for (int h = 0; h < hours; ++h) {
        const int st = demand.stateOfHour(h);
        const StateFigures &f = figures.at(st);
        se.costUsd[h] = stateCost.at(st);
        se.tasks[h] = f.tasks;
        se.cpuRequested[h] = f.cpuRequested;
        se.memoryRequestedMib[h] = f.memoryRequested;
        se.cpuAllocatable[h] = f.cpuProvisioned;
        se.memoryAllocatableMib[h] = f.memoryProvisioned;
        reqCpu += f.cpuRequested;
        reqMem += f.memoryRequested;
        provCpu += f.cpuProvisioned;
        provMem += f.memoryProvisioned;
        r.peakNodes = std::max(r.peakNodes, f.tasks);
        const double util = std::max(f.cpuProvisioned > 0 ? f.cpuRequested / f.cpuProvisioned : 0.0,
            f.memoryProvisioned > 0 ? f.memoryRequested / f.memoryProvisioned : 0.0);
        const double variable = stateCost.at(st) - controlPlanePerHour;
        r.idleCostUsd += variable * (f.tasks > 0 ? std::clamp(1.0 - util, 0.0, 1.0) : 0.0);
    }
    r.utilisation.cpu = provCpu > 0 ? reqCpu / provCpu : 0.0;
    r.utilisation.memory = provMem > 0 ? reqMem / provMem : 0.0;

    // Fleet states: a "node" per running task at its provisioned size (jobs: tasks running in the hour).
    // What a task's node shows depends on its plan only: built once per plan (label, items: the task, then
    // every daemon as a sidecar). A state stores each plan's On-Demand and Spot tasks as two counted nodes
    // (FleetNode::count; fleetAt() expands them), so it costs O(plans), not O(tasks) — at 20,000 services
    // one node per task was most of the memory of a month.
    QList<FleetItem> sidecarItems;
    for (const Service &dm : sc.services) {
        if (dm.kind == ServiceKind::Daemon)
            sidecarItems.append(FleetItem { dm.name, dm.effectiveCpu(), dm.effectiveMemoryMib(), 0, true, 1 });
    }
    struct PlanNode
    {
        FleetNode node; ///< an On-Demand task of the plan
        double spotUsdPerHour = 0;
        bool job = false;
    };
    QList<PlanNode> planNodes;
    planNodes.reserve(plans.size());
    for (const FargateTaskPlan &p : plans) {
        const Service &s = sc.services.at(p.service);
        PlanNode pn;
        FleetNode &node = pn.node;
        node.instanceType = QStringLiteral("fargate ") + sizeText(p.size.vcpu, p.size.memoryMib);
        node.cpuCapacity = p.size.vcpu;
        node.memoryCapacityMib = p.size.memoryMib;
        const double gib = pricing::mibToGib(p.size.memoryMib);
        node.usdPerHour = p.size.vcpu * p.onDemand.vcpuHour.usd + gib * p.onDemand.gbHour.usd;
        if (p.spot)
            pn.spotUsdPerHour = p.size.vcpu * p.spot->vcpuHour.usd + gib * p.spot->gbHour.usd;
        node.items.reserve(1 + sidecarItems.size());
        node.items.append(FleetItem { s.name, p.requestedCpu, p.requestedMemoryMib, 0, false, 1 });
        node.items.append(sidecarItems);
        pn.job = s.kind == ServiceKind::Job;
        planNodes.append(std::move(pn));
    }
    r.fleetStateOfHour = demand.stateOfHours();
    r.fleetStates.reserve(states.size());
    for (qsizetype st = 0; st < states.size(); ++st) {
        FleetSnapshot snap { id, 0, {} };
        const HourDemand &d = states.at(st);
        qsizetype entries = 0;
        for (const FargateTaskPlan &p : plans)
            entries += d.replicas.at(p.service) > 0 ? (p.spot ? 2 : 1) : 0;
        snap.nodes.reserve(entries);
        for (qsizetype k = 0; k < plans.size(); ++k) {
            const FargateTaskPlan &p = plans.at(k);
            const PlanNode &pn = planNodes.at(k);
            const int running = d.replicas.at(p.service);
            if (running <= 0)
                continue;
            const int spotTasks = p.spot && !pn.job ? fargateSpotTasks(running, fargateBase, wFargate, wSpot) : 0;
            // The On-Demand tasks first, then the Spot ones (the order fleetAt() has always given).
            if (running - spotTasks > 0) {
                snap.nodes.append(pn.node);
                snap.nodes.last().count = running - spotTasks;
            }
            if (spotTasks > 0) {
                snap.nodes.append(pn.node);
                FleetNode &node = snap.nodes.last();
                node.spot = true;
                node.usdPerHour = pn.spotUsdPerHour;
                node.count = spotTasks;
            }
        }
        r.fleetStates.append(std::move(snap));
    }

    // Assumptions.
    r.assumptions.append({ QStringLiteral("Fargate task sizes"),
        eks ? QStringLiteral("pod requests + 256 MiB, rounded up to the next valid vCPU/memory combination")
            : QStringLiteral("task CPU/memory rounded up to the next valid combination"),
        eks ? QStringLiteral("docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html")
            : QStringLiteral("docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html") });
    r.assumptions.append({ QStringLiteral("Fargate billing"),
        QStringLiteral("per second, one-minute minimum (Windows five minutes); GB = GiB"),
        QStringLiteral("AWS Fargate pricing page") });
    r.assumptions.append({ QStringLiteral("Fargate ephemeral storage"),
        eks ? QStringLiteral("provisioned = pod requests + 10 % + 5 GiB (requests of 20 GiB or less: the included "
                             "20 GiB); what exceeds 20 GB billed per GB-hour")
            : QStringLiteral("first 20 GB free, the rest billed per GB-hour"),
        eks ? QStringLiteral("AWS Containers blog, AWS Fargate adds support for larger ephemeral volumes (EKS); "
                             "fargate_rates.csv ephemeral_storage_above_20gb")
            : QStringLiteral("AWS Fargate pricing page; fargate_rates.csv ephemeral_storage_above_20gb") });
    if (!plans.isEmpty()) {
        const pricing::Rate &v = plans.constFirst().onDemand.vcpuHour;
        r.assumptions.append({ QStringLiteral("Fargate rates (%1)").arg(in.region),
            QStringLiteral("%1 USD per vCPU-hour, %2 USD per GB-hour (Linux x86 as of %3)")
                .arg(formatRate(v.usd), formatRate(plans.constFirst().onDemand.gbHour.usd), v.asOf),
            v.source });
    }
    if (spotPlatform) {
        r.assumptions.append({ QStringLiteral("capacity-provider strategy"),
            QStringLiteral("base %1 on FARGATE, then FARGATE:FARGATE_SPOT = %2:%3 (Spot share rounded down); "
                           "only spot_ok Linux services use FARGATE_SPOT")
                .arg(fargateBase)
                .arg(wFargate)
                .arg(wSpot),
            QStringLiteral("docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html") });
        r.assumptions.append({ QStringLiteral("Fargate Spot rates"),
            QStringLiteral("point-in-time snapshot (estimate)"), QStringLiteral("fargate_rates.csv spot_* rows") });
    }
    if (eks && controlPlane)
        r.assumptions.append({ QStringLiteral("EKS control plane"),
            QStringLiteral("%1 USD per cluster-hour × %2 cluster(s)").arg(formatRate(controlPlaneRate)).arg(clusters),
            controlPlane->source });
    return r;
}

} // namespace fleetplan::models
