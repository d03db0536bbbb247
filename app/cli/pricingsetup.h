// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include "models/simulation/costreport.h"
#include "pricing/catalog.h"
#include "models/simulation/simulation.h"
#include "pricing/pricebook.h"

/// Explicit configuration of every pricing command (compare, diff, sweep, sensitivity, report): which
/// price book, which region, which config file — chosen in this order (docs/cli.md):
///   1. the command line: --bundled-only, --pricebook FILE, --region REGION;
///   2. the environment: FLEETPLAN_PRICEBOOK=FILE;
///   3. a config file: .fleetplan.json beside the scenario, else $XDG_CONFIG_HOME/fleetplan/config.json
///      (--config FILE names one, --no-config reads none); its use is said on stderr and in the JSON;
///   4. the default price book (PriceBook::defaultPath()) when it exists, else the bundled catalog.
namespace fleetplan::cli {

struct PricingOptions
{
    QCommandLineOption pricebook { QStringLiteral("pricebook"),
        QStringLiteral("Price book to layer over the bundled catalog (default: FLEETPLAN_PRICEBOOK, the config "
                       "file's \"pricebook\", else your own price book when it exists)."),
        QStringLiteral("FILE") };
    QCommandLineOption bundledOnly { QStringLiteral("bundled-only"),
        QStringLiteral("Bundled catalog figures only: no price book, whatever the environment or config say.") };
    QCommandLineOption region { QStringLiteral("region"),
        QStringLiteral("Price in this AWS region instead of the scenario's."), QStringLiteral("REGION") };
    QCommandLineOption config { QStringLiteral("config"),
        QStringLiteral("Read this config file (default: .fleetplan.json beside the scenario, else "
                       "$XDG_CONFIG_HOME/fleetplan/config.json)."),
        QStringLiteral("FILE") };
    QCommandLineOption noConfig { QStringLiteral("no-config"), QStringLiteral("Read no config file.") };

    void addTo(QCommandLineParser &parser) const;
};

/// One figure the price book moved: a platform's total with the price book and with bundled figures only.
struct PriceBookChange
{
    models::PlatformId platform = models::PlatformId::EcsEc2;
    std::optional<double> bundledUsd; ///< nullopt when infeasible with bundled figures
    std::optional<double> usd; ///< with the price book
};

/// The pricing a command runs with, and where each choice came from.
struct PricingSetup
{
    std::shared_ptr<const pricing::Catalog> catalog;
    QString priceBookPath; ///< empty: bundled figures only
    QString priceBookFrom; ///< "--pricebook", "FLEETPLAN_PRICEBOOK", "config file", "default"
    QList<pricing::PriceBookEntry> overrides; ///< the book's overrides and custom rates
    int importedRates = 0; ///< the book's imported AWS Price List rates
    double enterpriseDiscountPercent = 0;
    QString configPath; ///< the config file read, empty when none
    std::optional<QString> region; ///< --region, or the config file's "region"
    QString regionFrom; ///< "--region" or "config file"
    QList<PriceBookChange> changes; ///< filled by measureChanges()

    bool hasPriceBook() const { return !priceBookPath.isEmpty(); }
    /// Sets priceBookPath and reads the book's overrides, imported-rate count and enterprise discount (what
    /// the outputs name); an unreadable book leaves them empty.
    void describePriceBook(const QString &path);
    /// The overrides for `pricedRegion` (and those of no region), in the book's order.
    QList<pricing::PriceBookEntry> overridesIn(const QString &pricedRegion) const;
    /// Simulates `scenario` again with bundled figures only and keeps the platforms whose total differs
    /// (by 0.005 USD or more) from `report`: the figures the price book changed.
    void measureChanges(const models::Scenario &scenario, const models::CostReport &report,
        const models::WhatIf &whatIf, const models::SimulationOptions &options);
    /// Plain-text lines naming the price book, its overrides in `pricedRegion` and what they changed; empty
    /// without a price book. The table footnote and the report's notes.
    QStringList noteLines(const QString &pricedRegion) const;
    /// {"source", "price_book", "config_file", "region_option"}: the JSON's "pricing" object.
    QJsonObject toJson(const QString &pricedRegion) const;
};

/// Reads the options, the environment and the config file, and loads the catalog. On failure prints
/// "fleetplan COMMAND: ..." to `err`, sets *exitCode (UsageError or InvalidInput) and returns nullopt.
/// `scenarioPath` places the config file (".fleetplan.json" beside it; "-" = the working folder).
std::optional<PricingSetup> setupPricing(const QCommandLineParser &parser, const PricingOptions &options,
    const QString &command, const QString &scenarioPath, QTextStream &err, bool quiet, int *exitCode);

} // namespace fleetplan::cli
