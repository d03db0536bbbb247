// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/simulation/costreport.h"
#include "models/workload/scenario.h"
#include "pricing/catalog.h"

/// Sensitivity (issue 18, "Decision views"): which assumptions move the ranking of the cheapest platform
/// and the runner-up, and by how much. Each input is set to a low and a high value (the others as the
/// scenario and its what-if have them), both platforms are simulated at each, and the gap between them
/// (runner-up − cheapest) is recorded; a gap below zero means the ranking flips. Where the gap changes sign
/// along a numeric input, the value where it crosses is found by bisection. `fleetplan sensitivity`, the
/// reports' "Sensitivity" section and its tornado chart all call analyseSensitivity(); nothing recomputes a
/// figure.
namespace fleetplan::models {

/// The inputs varied, in the order they are tried (the result is sorted by swing).
enum class SensitivityInput {
    Load, ///< WhatIf::loadMultiplier: ×0.5 … ×2 of the analysed load
    SpotShare, ///< WhatIf::spotShare: 0 % … 100 % of Spot-tolerant EC2 capacity
    SavingsPlan, ///< WhatIf::savingsPlanUsdPerHour: none … the runner-up's or cheapest's recommended commitment
    TargetUtilization, ///< WhatIf::targetUtilizationPercent: 60 % … 100 % (EC2 platforms)
    Region, ///< WhatIf::region: the cheapest and the dearest gap over the common regions
    /// PlatformSettings::instanceTypes of both EC2 platforms: "x86 only" (m6i, c6i, r6i) and "Graviton only"
    /// (m7g, c7g, r7g), the default list's two halves
    InstanceFamilies,
};
inline constexpr int SensitivityInputCount = 6;

/// "load", "spot_share", ... (JSON keys).
QString toId(SensitivityInput input);
/// "Load", "Spot share", ...
QString displayName(SensitivityInput input);

/// One platform's figure at one setting.
struct SensitivityCost
{
    bool feasible = false; ///< false: no price (totalUsd 0, never shown as one)
    double totalUsd = 0.0;
    QString infeasibleReason;

    friend bool operator==(const SensitivityCost &, const SensitivityCost &) = default;
};

/// One setting of an input: both platforms' totals there.
struct SensitivityCase
{
    double value = 0.0; ///< the input's value (load ×, share 0..1, USD/h, percent); 0 for a region or family set
    QString valueText; ///< "×0.50", "100 %", "2.40 USD/h", "eu-central-1", "x86 only"
    SensitivityCost cheapest; ///< the analysed cheapest platform at this setting
    SensitivityCost runnerUp; ///< the analysed runner-up at this setting

    /// runnerUp − cheapest when both are feasible; nothing otherwise.
    std::optional<double> gapUsd() const;

    friend bool operator==(const SensitivityCase &, const SensitivityCase &) = default;
};

/// One input of the tornado.
struct SensitivityFactor
{
    SensitivityInput input = SensitivityInput::Load;
    QString baseText; ///< the input as analysed ("×1.00", "0 %", "us-east-1", "as configured")
    SensitivityCase low; ///< the setting below the analysed one (or the first alternative)
    SensitivityCase high; ///< the setting above it (or the second alternative)
    /// Where the gap crosses zero along a numeric input (bisection to 1/64 of the range), in the input's
    /// units; nothing when it keeps its sign or the input is a set of alternatives.
    std::optional<double> crossover;
    /// Cheapest at values above the crossover is the runner-up (true) or the analysed cheapest (false).
    bool runnerUpCheaperAbove = false;

    /// The largest change of the gap from the analysed one, at either end (USD; an infeasible end counts as
    /// the gap itself, so a flip to "cannot run" ranks high).
    double swingUsd(double baseGapUsd) const;
    /// The sentence for reports and the CLI: "Spot share: EKS managed nodes becomes cheaper than ECS on EC2
    /// above 45 % (gap from +120.40 to −310.00 USD per month)".
    QString text(PlatformId cheapest, PlatformId runnerUp, const QString &periodUnit) const;

    friend bool operator==(const SensitivityFactor &, const SensitivityFactor &) = default;
};

/// A whole analysis.
struct Sensitivity
{
    QString scenarioName;
    QString region; ///< region of the analysed setting
    int hours = 0;
    QString periodUnit = QStringLiteral("month");
    bool fast = false; ///< constructive packing only
    /// False when fewer than two platforms can run the workload: there is no ranking to test, and
    /// `problem` says why.
    bool ranked = false;
    QString problem;
    PlatformId cheapest = PlatformId::EcsEc2;
    PlatformId runnerUp = PlatformId::EcsEc2;
    double cheapestUsd = 0.0; ///< at the analysed setting
    double runnerUpUsd = 0.0;
    QList<SensitivityFactor> factors; ///< by swing, largest first (the tornado's order)
    bool cancelled = false;

    double baseGapUsd() const { return runnerUpUsd - cheapestUsd; }
    /// The headline, then every factor's text().
    QStringList summaryLines() const;

    friend bool operator==(const Sensitivity &, const Sensitivity &) = default;
};

struct SensitivityOptions
{
    WhatIf whatIf; ///< the analysed setting
    bool fast = false; ///< constructive packing (as LoadSweepOptions::fast)
    /// 1 = one setting after another on the calling thread; other values = concurrently on the global pool;
    /// the result is identical either way.
    int threads = 0;
    const std::atomic<bool> *cancel = nullptr; ///< checked before each simulation
    std::function<void(int done, int total)> progress; ///< after each simulation, one call at a time
};

/// A numeric input's value in its units, as SensitivityCase::valueText and the crossover print it: "×0.50",
/// "45 %" (a share 0..1), "1.45 USD/h", "60 %"; empty for a region or a family set.
QString sensitivityValueText(SensitivityInput input, double value);

/// The regions the Region input tries (the analysed one is added when missing).
const QStringList &sensitivityRegions();

/// Runs the analysis: the scenario at the what-if on every enabled platform to find the cheapest and the
/// runner-up, then each input's settings on those two. Deterministic and thread-safe.
Sensitivity analyseSensitivity(
    const Scenario &scenario, const pricing::Catalog &catalog, const SensitivityOptions &options = {});

/// The JSON form (`fleetplan sensitivity --format json`, docs/sensitivity.md). Indented, with a newline.
QByteArray sensitivityToJson(const Sensitivity &sensitivity);

} // namespace fleetplan::models
