// SPDX-License-Identifier: GPL-3.0-or-later
// App Runner (issue 19). Rules and sources:
//  - instance sizes: the documented vCPU / memory pairs, 0.25 vCPU / 0.5 GB to 4 vCPU / 12 GB
//    (pricing/apprunner.h); a service gets the smallest that holds its task;
//  - scaling: on concurrent requests per instance (default 100), between min (default 1) and max (default
//    25) instances per service (App Runner developer guide, "Managing App Runner automatic scaling");
//  - billing: active instances (serving requests) pay vCPU and memory, provisioned idle ones memory only,
//    per second with a one-minute vCPU minimum each time an instance becomes active; automatic deployments
//    cost a fee per application-month (AWS App Runner pricing page; network_and_registry_rates.csv);
//  - App Runner runs request-serving web services only: no jobs, no daemons or sidecars, no Windows, no
//    accelerators; Savings Plans do not cover it (Compute Savings Plans: EC2, Fargate and Lambda).
#include "models/simulation/apprunnerplatform.h"

#include <algorithm>
#include <cmath>

#include <QHash>

#include "models/simulation/costengine.h"
#include "models/simulation/demandtimeline.h"
#include "models/simulation/moneyformat.h"
#include "pricing/units.h"

namespace fleetplan::models {

namespace {

QString sizeText(const pricing::AppRunnerSize &s)
{
    return QStringLiteral("%1 vCPU / %2 GB").arg(formatRate(s.vcpu), formatRate(s.memoryGb));
}

/// The size the user chose for the service, or nullopt (the smallest that holds the task).
std::optional<pricing::AppRunnerSize> chosenSize(const Service &s)
{
    if (!s.appRunnerSize.isSet())
        return std::nullopt;
    return pricing::AppRunnerSize { s.appRunnerSize.vcpu, s.appRunnerSize.memoryGb };
}

} // namespace

AppRunnerInstances appRunnerInstances(double concurrency, int perInstance, int minInstances, int maxInstances)
{
    const int low = std::max(1, minInstances);
    const int high = std::max(low, maxInstances);
    AppRunnerInstances out;
    // In doubles first: 10^10 concurrent requests would overflow an int before the clamp.
    const double needed = concurrency > 0 ? std::ceil(concurrency / std::max(1, perInstance) - 1e-9) : 0.0;
    out.throttled = needed > high;
    out.active = int(std::min(needed, double(high)));
    out.provisioned = std::max(low, out.active);
    return out;
}

QList<AppRunnerPlan> appRunnerPlans(const SimulationInput &in, PlatformResult &r)
{
    const Scenario &sc = in.scenario;
    const PlatformSettings &ps = sc.platform(PlatformId::AppRunner);
    QList<AppRunnerPlan> plans;
    int chosen = 0; // services with an instance size of their own (Service::appRunnerSize)
    for (qsizetype i = 0; i < sc.services.size(); ++i) {
        const Service &s = sc.services.at(i);
        if (s.kind == ServiceKind::Job) {
            r.notOnPlatform.append({ s.name, QStringLiteral("a job: App Runner runs request-serving services only") });
            continue;
        }
        if (s.kind == ServiceKind::Daemon) {
            r.notOnPlatform.append({ s.name,
                QStringLiteral("a daemon: App Runner runs no daemons or sidecars (it sends logs to CloudWatch "
                               "Logs itself)") });
            continue;
        }
        QString why;
        if (s.gpus > 0)
            why = QStringLiteral("%1 accelerator(s) per task, and App Runner has none").arg(s.gpus);
        else if (s.os == OsFamily::Windows)
            why = QStringLiteral("App Runner runs Linux containers only");
        std::optional<pricing::AppRunnerSize> size;
        if (why.isEmpty())
            size = pricing::appRunnerSizeFor(s.effectiveCpu(), s.effectiveMemoryMib(), chosenSize(s), &why);
        if (!size) {
            r.warnings.append(QStringLiteral("%1: %2; not priced on App Runner").arg(s.name, why));
            r.markInfeasible(s.name, why);
            continue;
        }
        if (s.arch == Arch::Arm64)
            r.warnings.append(QStringLiteral("%1: App Runner runs linux/amd64 images; priced as an x86_64 build of "
                                             "the image")
                                  .arg(s.name));
        const double gib = s.effectiveMemoryMib() / 1024.0;
        if (s.appRunnerSize.isSet())
            ++chosen;
        else if (size->vcpu != s.effectiveCpu() || size->memoryGb != gib)
            r.warnings.append(QStringLiteral("%1: %2 vCPU / %3 MiB task runs as a %4 App Runner instance")
                                  .arg(s.name, formatRate(s.effectiveCpu()))
                                  .arg(std::round(s.effectiveMemoryMib()))
                                  .arg(sizeText(*size)));
        plans.append(AppRunnerPlan { int(i), *size, s.concurrencyAtFullLoad(ps.appRunnerConcurrency) });
    }
    if (chosen > 0)
        r.assumptions.append({ QStringLiteral("App Runner instance sizes chosen"),
            QStringLiteral("%1 service(s) run at the instance size set for them (app_runner_instance)").arg(chosen),
            QStringLiteral("the scenario") });
    if (!r.notOnPlatform.isEmpty())
        r.warnings.append(
            QStringLiteral("not on App Runner (left out of its figures): %1").arg(r.notOnPlatformSummary()));
    return plans;
}

PlatformResult simulateAppRunnerPlatform(const SimulationInput &in, PlatformId id)
{
    const Scenario &sc = in.scenario;
    const PlatformSettings &ps = sc.platform(id);
    PlatformResult r;
    r.id = id;
    const int hours = in.demand.hours();

    QString rateError;
    const auto rates = pricing::appRunnerRates(in.catalog, in.region, &rateError);
    if (!rates) {
        r.warnings.append(rateError);
        r.markInfeasible(QString(), rateError);
    }
    const QList<AppRunnerPlan> plans = appRunnerPlans(in, r);
    const int perInstance = std::max(1, ps.appRunnerConcurrency);
    const int minInstances = std::max(1, ps.appRunnerMinInstances);
    const int maxInstances = std::max(minInstances, ps.appRunnerMaxInstances);

    // ---- instances per hour: one state per distinct (active, idle) vector ---------------------------
    QList<LoadProfile> profiles;
    for (const LoadProfile &p : sc.loadProfiles)
        profiles.append(DemandTimeline::reshaped(p, in.peakMultiplier));
    QList<const LoadProfile *> profileOf;
    for (const AppRunnerPlan &p : plans) {
        const QString &name = sc.services.at(p.service).loadProfile;
        const LoadProfile *found = nullptr;
        for (const LoadProfile &lp : profiles) {
            if (!name.isEmpty() && lp.name == name) {
                found = &lp;
                break;
            }
        }
        profileOf.append(found);
    }
    QList<QList<int>> stateKeys; // per state: active, idle per plan
    QHash<QList<int>, int> stateOfKey;
    QList<int> stateOfHour(hours, 0);
    QList<int> hoursOfState;
    QList<bool> throttled(plans.size(), false);
    QList<double> peakConcurrency(plans.size(), 0.0);
    for (int h = 0; h < hours; ++h) {
        QList<int> key(2 * plans.size());
        for (qsizetype k = 0; k < plans.size(); ++k) {
            const double load = (profileOf.at(k) ? profileOf.at(k)->at(h) : 1.0) * in.loadMultiplier;
            const double concurrency = plans.at(k).concurrencyAtFullLoad * (std::isfinite(load) ? load : 0.0);
            const AppRunnerInstances n = appRunnerInstances(concurrency, perInstance, minInstances, maxInstances);
            throttled[k] = throttled.at(k) || n.throttled;
            peakConcurrency[k] = std::max(peakConcurrency.at(k), concurrency);
            key[2 * k] = n.active;
            key[2 * k + 1] = n.idle();
        }
        auto it = stateOfKey.constFind(key);
        if (it == stateOfKey.cend()) {
            it = stateOfKey.insert(key, int(stateKeys.size()));
            stateKeys.append(key);
            hoursOfState.append(0);
        }
        stateOfHour[h] = it.value();
        ++hoursOfState[it.value()];
    }
    for (qsizetype k = 0; k < plans.size(); ++k) {
        if (throttled.at(k))
            r.warnings.append(QStringLiteral("%1: %2 concurrent requests at the peak need %3 instances at %4 each, "
                                             "above max_instances %5: priced at %5, the rest would queue or be "
                                             "refused (HTTP 429)")
                                  .arg(sc.services.at(plans.at(k).service).name, formatNumber(peakConcurrency.at(k), 1))
                                  .arg(std::ceil(peakConcurrency.at(k) / perInstance))
                                  .arg(perInstance)
                                  .arg(maxInstances));
    }

    // ---- what is billed ------------------------------------------------------------------------------
    BillableUsage usage;
    usage.scope = pricing::CommitmentScope::Fargate; // RIs never cover it; no item is Savings-Plan eligible
    usage.stateOfHour = stateOfHour;
    const bool deploymentFee = ps.appRunnerAutomaticDeployment && rates && rates->automaticDeploymentMonth;
    if (ps.appRunnerAutomaticDeployment && rates && !rates->automaticDeploymentMonth)
        r.warnings.append(QStringLiteral("automatic deployments: the catalog has no published fee for %1 (only "
                                         "ap-south-1: 1.00 USD per application-month); not included")
                              .arg(in.region));
    for (qsizetype st = 0; st < stateKeys.size(); ++st) {
        BillableState state;
        const QList<int> &key = stateKeys.at(st);
        if (rates) {
            for (qsizetype k = 0; k < plans.size(); ++k) {
                const AppRunnerPlan &p = plans.at(k);
                const QString label = sizeText(p.size);
                const int order = int(pricing::appRunnerSizes().indexOf(p.size));
                state.items.append({ ComponentId::AppRunnerActiveVcpu, double(key.at(2 * k)), p.size.vcpu,
                    rates->activeVcpuHour.usd, label, order, QString() });
                state.items.append({ ComponentId::AppRunnerActiveMemory, double(key.at(2 * k)), p.size.memoryGb,
                    rates->activeGbHour.usd, label, order, QString() });
                state.items.append({ ComponentId::AppRunnerProvisionedMemory, double(key.at(2 * k + 1)),
                    p.size.memoryGb, rates->provisionedGbHour.usd, label, order, QString() });
            }
            if (deploymentFee && !plans.isEmpty())
                state.items.append({ ComponentId::AppRunnerAutomaticDeployment, double(plans.size()),
                    1.0 / pricing::HoursPerMonth, rates->automaticDeploymentMonth->usd,
                    QStringLiteral("services with automatic deployments"), 0, QString() });
        }
        usage.states.append(state);
        usage.runs.append(UsageRun { int(st), double(hoursOfState.at(st)) });
    }
    if (rates)
        usage.listed = { ComponentId::AppRunnerActiveVcpu, ComponentId::AppRunnerActiveMemory,
            ComponentId::AppRunnerProvisionedMemory };

    // No Savings Plan covers App Runner: the scenario's plan is not bought here.
    SavingsPlanChoice savingsPlan;
    if (in.purchase.savingsPlanUsdPerHour > 0)
        r.warnings.append(QStringLiteral("Savings Plans do not cover App Runner: the scenario's plan is not applied "
                                         "on App Runner"));
    HeldCommitments held
        = resolveHeldCommitments(sc.commitments, in.catalog, in.region, pricing::CommitmentScope::Fargate, &r.warnings);
    const PricedUsage priced = priceUsage(usage, savingsPlan, held);
    r.assumptions.append(held.assumptions);
    r.components = priced.components;
    finishTotals(r);
    r.savingsPlan = priced.savingsPlan;
    r.savingsPlan.explanation = QStringLiteral("Savings Plans do not cover App Runner");

    // ---- series, utilisation, fleet states ---------------------------------------------------------
    HourlySeries &se = r.series;
    se.costUsd.resize(hours);
    se.nodes.fill(0, hours);
    se.tasks.resize(hours);
    se.idleInstances.resize(hours);
    se.cpuRequested.resize(hours);
    se.memoryRequestedMib.resize(hours);
    se.cpuAllocatable.resize(hours);
    se.memoryAllocatableMib.resize(hours);
    double reqCpu = 0, reqMem = 0, provCpu = 0, provMem = 0;
    for (int h = 0; h < hours; ++h) {
        const int st = stateOfHour.at(h);
        const QList<int> &key = stateKeys.at(st);
        int instances = 0, idle = 0;
        double cpuReq = 0, memReq = 0, cpuProv = 0, memProv = 0;
        for (qsizetype k = 0; k < plans.size(); ++k) {
            const AppRunnerPlan &p = plans.at(k);
            const Service &s = sc.services.at(p.service);
            const int active = key.at(2 * k), idleHere = key.at(2 * k + 1);
            instances += active + idleHere;
            idle += idleHere;
            cpuReq += active * s.effectiveCpu();
            memReq += active * s.effectiveMemoryMib();
            cpuProv += (active + idleHere) * p.size.vcpu;
            memProv += (active + idleHere) * p.size.memoryGb * 1024.0;
        }
        const double cost = priced.stateCostUsd.value(st);
        se.costUsd[h] = cost;
        se.tasks[h] = instances;
        se.idleInstances[h] = idle;
        se.cpuRequested[h] = cpuReq;
        se.memoryRequestedMib[h] = memReq;
        se.cpuAllocatable[h] = cpuProv;
        se.memoryAllocatableMib[h] = memProv;
        reqCpu += cpuReq;
        reqMem += memReq;
        provCpu += cpuProv;
        provMem += memProv;
        r.peakNodes = std::max(r.peakNodes, instances);
        const double util = std::max(cpuProv > 0 ? cpuReq / cpuProv : 0.0, memProv > 0 ? memReq / memProv : 0.0);
        r.idleCostUsd += cost * std::clamp(1.0 - util, 0.0, 1.0);
    }
    r.utilisation.cpu = provCpu > 0 ? reqCpu / provCpu : 0.0;
    r.utilisation.memory = provMem > 0 ? reqMem / provMem : 0.0;

    // A fleet node per instance: the active ones hold the service, the idle ones nothing.
    r.fleetStateOfHour = stateOfHour;
    for (const QList<int> &key : std::as_const(stateKeys)) {
        FleetSnapshot snap { id, 0, {} };
        for (qsizetype k = 0; k < plans.size(); ++k) {
            const AppRunnerPlan &p = plans.at(k);
            const Service &s = sc.services.at(p.service);
            FleetNode node;
            node.instanceType = QStringLiteral("app runner ") + sizeText(p.size);
            node.cpuCapacity = p.size.vcpu;
            node.memoryCapacityMib = p.size.memoryGb * 1024.0;
            if (rates)
                node.usdPerHour = p.size.vcpu * rates->activeVcpuHour.usd + p.size.memoryGb * rates->activeGbHour.usd;
            if (key.at(2 * k) > 0) {
                FleetNode active = node;
                active.items.append(FleetItem { s.name, s.effectiveCpu(), s.effectiveMemoryMib(), 0, false, 1 });
                active.count = key.at(2 * k);
                snap.nodes.append(active);
            }
            if (key.at(2 * k + 1) > 0) {
                FleetNode idle = node;
                if (rates)
                    idle.usdPerHour = p.size.memoryGb * rates->provisionedGbHour.usd;
                idle.count = key.at(2 * k + 1);
                snap.nodes.append(idle);
            }
        }
        r.fleetStates.append(std::move(snap));
    }

    // ---- assumptions ------------------------------------------------------------------------------
    r.assumptions.append({ QStringLiteral("App Runner instance sizes"),
        QStringLiteral("the smallest documented vCPU / memory pair holding the task (0.25 vCPU / 0.5 GB to "
                       "4 vCPU / 12 GB)"),
        QStringLiteral("App Runner API reference, InstanceConfiguration") });
    r.assumptions.append({ QStringLiteral("App Runner scaling"),
        QStringLiteral("ceil(concurrent requests ÷ %1) instances per service, at least %2, at most %3; concurrent "
                       "requests at load 1.0 = concurrent_requests, else requests_per_second × request_ms ÷ 1000, "
                       "else replicas × %1, times the load profile")
            .arg(perInstance)
            .arg(minInstances)
            .arg(maxInstances),
        QStringLiteral("App Runner developer guide, Managing App Runner automatic scaling") });
    r.assumptions.append({ QStringLiteral("App Runner billing"),
        QStringLiteral("active instances vCPU + memory, idle provisioned instances memory only; an instance "
                       "serving requests in an hour is active for the whole hour (per-second billing and the "
                       "one-minute vCPU minimum fall within it, so short bursts cost less than shown)"),
        QStringLiteral("AWS App Runner pricing page") });
    if (rates)
        r.assumptions.append({ QStringLiteral("App Runner rates (%1)").arg(in.region),
            QStringLiteral("active %1 USD per vCPU-hour + %2 USD per GB-hour; provisioned %3 USD per GB-hour (as of "
                           "%4)")
                .arg(formatRate(rates->activeVcpuHour.usd), formatRate(rates->activeGbHour.usd),
                    formatRate(rates->provisionedGbHour.usd), rates->activeVcpuHour.asOf),
            rates->activeVcpuHour.source });
    return r;
}

} // namespace fleetplan::models
