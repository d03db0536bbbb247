// SPDX-License-Identifier: GPL-3.0-or-later
// analyseSensitivity(): the simulations of a sensitivity analysis, on the thread pool.
#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>

#include "models/simulation/parallelfor.h"
#include "models/simulation/sensitivity.h"
#include "models/simulation/simulation.h"
#include "models/workload/validation.h"

namespace fleetplan::models {

namespace {

bool ec2Backed(PlatformId id)
{
    return id == PlatformId::EcsEc2 || id == PlatformId::EksNodes;
}

/// One setting to simulate: the scenario's instance types (for the family alternatives) and the what-if.
struct Setting
{
    SensitivityInput input = SensitivityInput::Load;
    double value = 0.0;
    QString text;
    WhatIf whatIf;
    std::optional<QStringList> instanceTypes; ///< both EC2 platforms' allowed types, when replaced
    SensitivityCase result;
};

struct Runner
{
    Runner(const Scenario &s, const pricing::Catalog &c, const SensitivityOptions &o)
        : scenario(s)
        , catalog(c)
        , options(o)
    {
    }

    const Scenario &scenario;
    const pricing::Catalog &catalog;
    const SensitivityOptions &options;
    PlatformId cheapest = PlatformId::EcsEc2;
    PlatformId runnerUp = PlatformId::EcsEc2;
    std::mutex progressMutex;
    int done = 0;
    int total = 0;

    bool cancelled() const { return options.cancel && options.cancel->load(); }

    SensitivityCost costOf(const CostReport &report, PlatformId id) const
    {
        SensitivityCost c;
        if (const PlatformResult *p = report.platform(id)) {
            c.feasible = p->feasible();
            c.totalUsd = c.feasible ? p->totalUsd : 0.0;
            if (!c.feasible)
                c.infeasibleReason = p->infeasibleSummary();
        } else {
            c.infeasibleReason = QStringLiteral("not simulated");
        }
        return c;
    }

    /// Both platforms at one setting, on the calling thread.
    void run(Setting &s)
    {
        Scenario changed = scenario;
        if (s.instanceTypes) {
            for (PlatformId id : { PlatformId::EcsEc2, PlatformId::EksNodes })
                changed.platform(id).instanceTypes = *s.instanceTypes;
        }
        SimulationOptions simulation;
        simulation.platforms = { cheapest, runnerUp };
        simulation.placementBudgetMicros = options.fast ? 0 : RefinedPlacementBudgetMicros;
        simulation.threads = 1; // the settings are the parallel unit
        const CostReport report = simulate(changed, catalog, s.whatIf, simulation);
        s.result.value = s.value;
        s.result.valueText = s.text;
        s.result.cheapest = costOf(report, cheapest);
        s.result.runnerUp = costOf(report, runnerUp);
        if (options.progress) {
            const std::lock_guard lock(progressMutex);
            options.progress(++done, total);
        }
    }

    void runAll(std::vector<Setting> &settings)
    {
        QList<int> indexes;
        for (int i = 0; i < int(settings.size()); ++i)
            indexes << i;
        forEachIndex(indexes, options.threads, [&](int i) {
            if (!cancelled())
                run(settings[std::size_t(i)]);
        });
    }
};

/// The what-if with one numeric input set to `value`.
WhatIf withValue(WhatIf whatIf, SensitivityInput input, double value)
{
    switch (input) {
    case SensitivityInput::Load:
        whatIf.loadMultiplier = value;
        break;
    case SensitivityInput::SpotShare:
        whatIf.spotShare = value;
        break;
    case SensitivityInput::SavingsPlan:
        whatIf.savingsPlanUsdPerHour = value;
        break;
    case SensitivityInput::TargetUtilization:
        whatIf.targetUtilizationPercent = value;
        break;
    case SensitivityInput::Region:
    case SensitivityInput::InstanceFamilies:
        break;
    }
    return whatIf;
}

} // namespace

Sensitivity analyseSensitivity(
    const Scenario &scenario, const pricing::Catalog &catalog, const SensitivityOptions &options)
{
    Sensitivity result;
    result.scenarioName = scenario.name;
    result.region = options.whatIf.region.value_or(scenario.region);
    result.fast = options.fast;

    SimulationOptions all;
    all.placementBudgetMicros = options.fast ? 0 : RefinedPlacementBudgetMicros;
    all.threads = options.threads;
    const CostReport base = simulate(scenario, catalog, options.whatIf, all);
    result.hours = base.hours;
    result.periodUnit = base.periodUnit();

    QList<const PlatformResult *> ranking;
    for (const PlatformResult &p : base.platforms) {
        if (p.feasible())
            ranking << &p;
    }
    std::stable_sort(ranking.begin(), ranking.end(),
        [](const PlatformResult *a, const PlatformResult *b) { return a->totalUsd < b->totalUsd; });
    if (ranking.size() < 2) {
        result.problem = ranking.isEmpty()
            ? QStringLiteral("No platform can run the workload: there is no ranking to test")
            : QStringLiteral("Only %1 of the platforms simulated can run the workload: there is no ranking to test")
                  .arg(displayName(ranking.front()->id));
        return result;
    }
    result.ranked = true;
    result.cheapest = ranking.at(0)->id;
    result.runnerUp = ranking.at(1)->id;
    result.cheapestUsd = ranking.at(0)->totalUsd;
    result.runnerUpUsd = ranking.at(1)->totalUsd;
    const bool ec2 = ec2Backed(result.cheapest) || ec2Backed(result.runnerUp);

    Runner runner(scenario, catalog, options);
    runner.cheapest = result.cheapest;
    runner.runnerUp = result.runnerUp;

    // Base values of the numeric inputs.
    const WhatIf &w = options.whatIf;
    const double load = w.loadMultiplier;
    const double spot = w.spotShare.value_or(scenario.purchase.spotShare);
    const double plan = w.savingsPlanUsdPerHour.value_or(scenario.purchase.savingsPlanUsdPerHour);
    double recommended = 0.0;
    for (const PlatformResult *p : { ranking.at(0), ranking.at(1) }) {
        if (p->savingsPlan.applicable)
            recommended = std::max(recommended, p->savingsPlan.commitmentUsdPerHour);
    }
    const double planHigh = std::max(recommended, plan * 2.0);

    struct Numeric
    {
        SensitivityInput input;
        double base;
        double low;
        double high;
        QString baseText;
    };
    QList<Numeric> numeric;
    numeric.append({ SensitivityInput::Load, load, load * 0.5, std::min(load * 2.0, MaxLoadMultiplier),
        sensitivityValueText(SensitivityInput::Load, load) });
    if (ec2)
        numeric.append(
            { SensitivityInput::SpotShare, spot, 0.0, 1.0, sensitivityValueText(SensitivityInput::SpotShare, spot) });
    if (planHigh > 0.0)
        numeric.append({ SensitivityInput::SavingsPlan, plan, 0.0, planHigh,
            sensitivityValueText(SensitivityInput::SavingsPlan, plan) });
    if (ec2) {
        const std::optional<double> tu = w.targetUtilizationPercent;
        numeric.append({ SensitivityInput::TargetUtilization, tu.value_or(100.0), 60.0, 100.0,
            tu ? sensitivityValueText(SensitivityInput::TargetUtilization, *tu) : QStringLiteral("as configured") });
    }

    std::vector<Setting> settings;
    for (const Numeric &n : numeric) {
        for (double v : { n.low, n.high })
            settings.push_back(
                { n.input, v, sensitivityValueText(n.input, v), withValue(w, n.input, v), std::nullopt, {} });
    }
    QStringList regions = sensitivityRegions();
    if (!regions.contains(result.region))
        regions.prepend(result.region);
    const qsizetype firstRegion = qsizetype(settings.size());
    for (const QString &region : regions) {
        WhatIf r = w;
        r.region = region;
        settings.push_back({ SensitivityInput::Region, 0.0, region, r, std::nullopt, {} });
    }
    const qsizetype firstFamily = qsizetype(settings.size());
    if (ec2) {
        settings.push_back({ SensitivityInput::InstanceFamilies, 0.0, QStringLiteral("x86 only"), w,
            QStringList { QStringLiteral("m6i.*"), QStringLiteral("c6i.*"), QStringLiteral("r6i.*") }, {} });
        settings.push_back({ SensitivityInput::InstanceFamilies, 0.0, QStringLiteral("Graviton only"), w,
            QStringList { QStringLiteral("m7g.*"), QStringLiteral("c7g.*"), QStringLiteral("r7g.*") }, {} });
    }
    runner.total = int(settings.size());
    runner.runAll(settings);
    if (runner.cancelled()) {
        result.cancelled = true;
        return result;
    }

    const double baseGap = result.baseGapUsd();
    qsizetype at = 0;
    for (const Numeric &n : numeric) {
        SensitivityFactor f;
        f.input = n.input;
        f.baseText = n.baseText;
        f.low = settings[std::size_t(at)].result;
        f.high = settings[std::size_t(at + 1)].result;
        at += 2;
        // A crossing between the analysed value and an end where both platforms are priced: bisect.
        for (const SensitivityCase *end : { &f.low, &f.high }) {
            const std::optional<double> gap = end->gapUsd();
            if (f.crossover || !gap || (*gap < 0) == (baseGap < 0) || end->value == n.base)
                continue;
            double inside = n.base; // the gap has the analysed sign here
            double outside = end->value; // and the other sign here
            for (int step = 0; step < 6 && !runner.cancelled(); ++step) {
                Setting mid { n.input, (inside + outside) / 2.0, {}, {}, std::nullopt, {} };
                mid.text = sensitivityValueText(n.input, mid.value);
                mid.whatIf = withValue(w, n.input, mid.value);
                runner.run(mid);
                const std::optional<double> g = mid.result.gapUsd();
                if (g && (*g < 0) == (baseGap < 0))
                    inside = mid.value;
                else
                    outside = mid.value;
            }
            f.crossover = (inside + outside) / 2.0;
            // Above the crossover lies the end with the flipped sign when that end is the high one.
            f.runnerUpCheaperAbove = (end == &f.high) == (baseGap >= 0);
        }
        result.factors.append(f);
    }
    // Categorical inputs: the alternatives with the smallest and the largest gap (an unpriced one counts as
    // the smallest: it is the strongest reason to doubt the ranking).
    auto rankOf = [](const SensitivityCase &c) { return c.gapUsd().value_or(-1e300); };
    {
        SensitivityFactor f;
        f.input = SensitivityInput::Region;
        f.baseText = result.region;
        const auto first = settings.begin() + firstRegion;
        const auto last = settings.begin() + firstFamily;
        const auto [lo, hi] = std::minmax_element(
            first, last, [&](const Setting &a, const Setting &b) { return rankOf(a.result) < rankOf(b.result); });
        f.low = lo->result;
        f.high = hi->result;
        result.factors.append(f);
    }
    if (ec2) {
        SensitivityFactor f;
        f.input = SensitivityInput::InstanceFamilies;
        const PlatformSettings &configured
            = scenario.platform(ec2Backed(result.cheapest) ? result.cheapest : result.runnerUp);
        f.baseText = configured.instanceTypes.isEmpty()
            ? QStringLiteral("default (m6i, c6i, r6i, m7g, c7g, r7g)")
            : QStringLiteral("as configured (%1)").arg(configured.instanceTypes.join(QStringLiteral(", ")));
        f.low = settings[std::size_t(firstFamily)].result;
        f.high = settings[std::size_t(firstFamily + 1)].result;
        result.factors.append(f);
    }
    std::stable_sort(
        result.factors.begin(), result.factors.end(), [&](const SensitivityFactor &a, const SensitivityFactor &b) {
            return a.swingUsd(baseGap) > b.swingUsd(baseGap);
        });
    return result;
}

} // namespace fleetplan::models
