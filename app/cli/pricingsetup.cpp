// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/pricingsetup.h"

#include <cmath>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QStandardPaths>

#include "app/cli/cli.h"
#include "models/simulation/moneyformat.h"
#include "models/simulation/simulation.h"

namespace fleetplan::cli {

namespace {

/// 1-based line of a byte offset, for "FILE:LINE: message".
int lineOf(const QByteArray &text, qsizetype offset)
{
    return int(text.left(offset).count('\n')) + 1;
}

struct ConfigFile
{
    QString path;
    std::optional<QString> pricebook; ///< resolved against the file's folder
    std::optional<bool> bundledOnly;
    std::optional<QString> region;
};

/// Reads a config file; false + *error ("FILE:LINE: ..." or "FILE: key: ...") when it is not one.
bool readConfig(const QString &path, ConfigFile *config, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the config file: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.read(1024 * 1024 + 1);
    if (bytes.size() > 1024 * 1024) {
        *error = QStringLiteral("%1: not a config file (larger than 1 MiB)").arg(path);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error
            = QStringLiteral("%1:%2: %3").arg(path).arg(lineOf(bytes, parseError.offset)).arg(parseError.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error
            = QStringLiteral("%1: a config file is a JSON object, e.g. {\"pricebook\": \"prices.sqlite\"}").arg(path);
        return false;
    }
    config->path = path;
    const QJsonObject o = doc.object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString key = it.key();
        if (key == u"pricebook" && it.value().isString() && !it.value().toString().isEmpty()) {
            config->pricebook = QDir::cleanPath(QFileInfo(path).absoluteDir().filePath(it.value().toString()));
        } else if (key == u"bundled_only" && it.value().isBool()) {
            config->bundledOnly = it.value().toBool();
        } else if (key == u"region" && it.value().isString() && !it.value().toString().isEmpty()) {
            config->region = it.value().toString();
        } else if (key == u"pricebook" || key == u"bundled_only" || key == u"region") {
            *error = QStringLiteral("%1: %2: expected %3")
                         .arg(path, key,
                             key == u"bundled_only" ? QStringLiteral("true or false")
                                                    : QStringLiteral("a non-empty string"));
            return false;
        } else {
            *error = QStringLiteral("%1: unknown key \"%2\" (a config file knows pricebook, bundled_only and region)")
                         .arg(path, key);
            return false;
        }
    }
    return true;
}

/// The config file that applies, empty when none.
QString findConfig(const QString &scenarioPath)
{
    const QString beside = scenarioPath == u"-" || scenarioPath.isEmpty()
        ? QDir::current().filePath(QStringLiteral(".fleetplan.json"))
        : QFileInfo(scenarioPath).absoluteDir().filePath(QStringLiteral(".fleetplan.json"));
    if (QFileInfo(beside).isFile())
        return QDir::cleanPath(beside);
    const QString user = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/fleetplan/config.json");
    if (QFileInfo(user).isFile())
        return QDir::cleanPath(user);
    return {};
}

QString entryText(const pricing::PriceBookEntry &e)
{
    return QStringLiteral("%1 %2 %3 = %4 USD")
        .arg(pricing::rateKindName(e.kind), e.region.isEmpty() ? QStringLiteral("(any region)") : e.region, e.key,
            QString::number(e.usd, 'g', QLocale::FloatingPointShortest));
}

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

void PricingOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({ pricebook, bundledOnly, region, config, noConfig });
}

QList<pricing::PriceBookEntry> PricingSetup::overridesIn(const QString &pricedRegion) const
{
    QList<pricing::PriceBookEntry> in;
    for (const pricing::PriceBookEntry &e : overrides) {
        if (e.region.isEmpty() || e.region == pricedRegion)
            in.append(e);
    }
    return in;
}

void PricingSetup::measureChanges(const models::Scenario &scenario, const models::CostReport &report,
    const models::WhatIf &whatIf, const models::SimulationOptions &options)
{
    changes.clear();
    if (!hasPriceBook())
        return;
    const models::CostReport bundled = models::simulate(scenario, *pricing::Catalog::bundled(), whatIf, options);
    for (const models::PlatformResult &p : report.platforms) {
        PriceBookChange change;
        change.platform = p.id;
        if (p.feasible())
            change.usd = p.totalUsd;
        for (const models::PlatformResult &b : bundled.platforms) {
            if (b.id == p.id && b.feasible())
                change.bundledUsd = b.totalUsd;
        }
        const bool moved = change.usd.has_value() != change.bundledUsd.has_value()
            || (change.usd && std::abs(*change.usd - *change.bundledUsd) >= 0.005);
        if (moved)
            changes.append(change);
    }
}

QStringList PricingSetup::noteLines(const QString &pricedRegion) const
{
    // An empty book (no rate, no discount) changes nothing: the JSON still names it, the table does not.
    if (!hasPriceBook() || (overrides.isEmpty() && importedRates == 0 && enterpriseDiscountPercent <= 0))
        return {};
    QStringList lines;
    const QList<pricing::PriceBookEntry> used = overridesIn(pricedRegion);
    lines.append(QStringLiteral("Price book: %1 (%2): %3 override%4 in %5, %6 imported rate%7%8.")
                     .arg(priceBookPath, priceBookFrom)
                     .arg(used.size())
                     .arg(used.size() == 1 ? QString() : QStringLiteral("s"))
                     .arg(pricedRegion)
                     .arg(importedRates)
                     .arg(importedRates == 1 ? QString() : QStringLiteral("s"))
                     .arg(enterpriseDiscountPercent > 0 ? QStringLiteral(", enterprise discount %1 %")
                                                              .arg(models::formatNumber(enterpriseDiscountPercent, 2))
                                                        : QString()));
    for (const pricing::PriceBookEntry &e : used)
        lines.append(QStringLiteral("  override: ") + entryText(e));
    if (changes.isEmpty()) {
        lines.append(QStringLiteral("  it changed no total (the same figures as the bundled catalog)"));
    } else {
        for (const PriceBookChange &c : changes)
            lines.append(QStringLiteral("  it changed %1: %2 USD with bundled figures, %3 USD with the price book")
                             .arg(models::displayName(c.platform),
                                 c.bundledUsd ? models::formatNumber(*c.bundledUsd, 2) : QStringLiteral("infeasible"),
                                 c.usd ? models::formatNumber(*c.usd, 2) : QStringLiteral("infeasible")));
    }
    return lines;
}

void PricingSetup::describePriceBook(const QString &path)
{
    priceBookPath = path;
    pricing::PriceBook book;
    if (!book.open(path))
        return;
    for (const pricing::PriceBookEntry &e : book.entries()) {
        if (e.origin == pricing::Rate::Override)
            overrides.append(e);
        else
            ++importedRates;
    }
    enterpriseDiscountPercent = book.enterpriseDiscountPercent();
}

QJsonObject PricingSetup::toJson(const QString &pricedRegion) const
{
    QJsonObject o;
    o.insert(QStringLiteral("source"), hasPriceBook() ? QStringLiteral("price_book") : QStringLiteral("bundled"));
    if (hasPriceBook()) {
        QJsonArray list;
        for (const pricing::PriceBookEntry &e : overridesIn(pricedRegion)) {
            list.append(QJsonObject { { QStringLiteral("kind"), pricing::rateKindName(e.kind) },
                { QStringLiteral("region"), e.region }, { QStringLiteral("key"), e.key },
                { QStringLiteral("usd"), e.usd } });
        }
        QJsonArray changed;
        for (const PriceBookChange &c : changes) {
            changed.append(QJsonObject { { QStringLiteral("platform"), models::toId(c.platform) },
                { QStringLiteral("bundled_usd"), optionalNumber(c.bundledUsd) },
                { QStringLiteral("usd"), optionalNumber(c.usd) } });
        }
        o.insert(QStringLiteral("price_book"),
            QJsonObject { { QStringLiteral("path"), priceBookPath }, { QStringLiteral("from"), priceBookFrom },
                { QStringLiteral("overrides"), list }, { QStringLiteral("imported_rates"), importedRates },
                { QStringLiteral("enterprise_discount_percent"), enterpriseDiscountPercent },
                { QStringLiteral("changed"), changed } });
    } else {
        o.insert(QStringLiteral("price_book"), QJsonValue(QJsonValue::Null));
    }
    o.insert(
        QStringLiteral("config_file"), configPath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(configPath));
    o.insert(QStringLiteral("region_option"), region ? QJsonValue(*region) : QJsonValue(QJsonValue::Null));
    return o;
}

std::optional<PricingSetup> setupPricing(const QCommandLineParser &parser, const PricingOptions &options,
    const QString &command, const QString &scenarioPath, QTextStream &err, bool quiet, int *exitCode)
{
    const QString prefix = QStringLiteral("fleetplan ") + command + QStringLiteral(": ");
    auto fail = [&](int code, const QString &message) -> std::optional<PricingSetup> {
        err << prefix << message << '\n';
        *exitCode = code;
        return std::nullopt;
    };
    if (parser.isSet(options.bundledOnly) && parser.isSet(options.pricebook))
        return fail(UsageError, QStringLiteral("--bundled-only and --pricebook exclude each other"));
    if (parser.isSet(options.config) && parser.isSet(options.noConfig))
        return fail(UsageError, QStringLiteral("--config and --no-config exclude each other"));

    PricingSetup setup;
    ConfigFile config;
    if (!parser.isSet(options.noConfig)) {
        QString path = parser.isSet(options.config) ? parser.value(options.config) : findConfig(scenarioPath);
        if (parser.isSet(options.config) && !QFileInfo(path).isFile())
            return fail(InvalidInput, QStringLiteral("%1: config file not found").arg(path));
        if (!path.isEmpty()) {
            QString error;
            if (!readConfig(path, &config, &error))
                return fail(InvalidInput, error);
            setup.configPath = path;
        }
    }

    if (parser.isSet(options.region)) {
        setup.region = parser.value(options.region);
        setup.regionFrom = QStringLiteral("--region");
    } else if (config.region) {
        setup.region = config.region;
        setup.regionFrom = QStringLiteral("config file");
    }

    QString path;
    if (parser.isSet(options.bundledOnly)) {
        // bundled figures only
    } else if (parser.isSet(options.pricebook)) {
        path = parser.value(options.pricebook);
        setup.priceBookFrom = QStringLiteral("--pricebook");
        if (!QFileInfo(path).isFile())
            return fail(InvalidInput, QStringLiteral("%1: price book not found (--pricebook)").arg(path));
    } else if (!qEnvironmentVariableIsEmpty("FLEETPLAN_PRICEBOOK")) {
        path = qEnvironmentVariable("FLEETPLAN_PRICEBOOK");
        setup.priceBookFrom = QStringLiteral("FLEETPLAN_PRICEBOOK");
        if (!QFileInfo(path).isFile())
            path.clear(); // as before: a price book not yet created is none
    } else if (config.bundledOnly.value_or(false)) {
        // the config file says bundled figures only
    } else if (config.pricebook) {
        path = *config.pricebook;
        setup.priceBookFrom = QStringLiteral("config file");
        if (!QFileInfo(path).isFile())
            return fail(InvalidInput,
                QStringLiteral("%1: price book not found (\"pricebook\" of %2)").arg(path, setup.configPath));
    } else {
        path = pricing::PriceBook::defaultPath();
        setup.priceBookFrom = QStringLiteral("default");
        if (!QFileInfo(path).isFile())
            path.clear();
    }

    if (path.isEmpty()) {
        setup.catalog = pricing::Catalog::bundled();
    } else {
        QString error;
        // The bundled catalog (FLEETPLAN_CATALOG names its file, as Catalog::bundled() reads it) with the
        // price book on top.
        setup.catalog = pricing::Catalog::load(qEnvironmentVariable("FLEETPLAN_CATALOG"), path, &error);
        const bool named = setup.priceBookFrom == u"--pricebook" || setup.priceBookFrom == u"config file";
        if (!setup.catalog && named)
            return fail(InvalidInput, error);
        if (!setup.catalog) {
            // An unreadable implicit book (the environment's or the default one) is said and left out, as
            // before; a book named on the command line or in a config file is an error.
            err << prefix << error << " (using the bundled catalog)\n";
            setup.catalog = pricing::Catalog::bundled();
            setup.priceBookFrom.clear();
            path.clear();
        }
    }
    if (!path.isEmpty())
        setup.describePriceBook(path);
    if (setup.region) {
        QString error;
        if (!setup.catalog->checkRegion(*setup.region, &error)) {
            if (setup.regionFrom == u"--region")
                return fail(UsageError, QStringLiteral("--region: ") + error);
            return fail(InvalidInput, QStringLiteral("%1: region: %2").arg(setup.configPath, error));
        }
    }
    if (!setup.configPath.isEmpty() && !quiet) {
        QStringList used;
        if (config.pricebook)
            used.append(QStringLiteral("pricebook %1").arg(*config.pricebook));
        if (config.bundledOnly)
            used.append(QStringLiteral("bundled_only %1")
                            .arg(*config.bundledOnly ? QStringLiteral("true") : QStringLiteral("false")));
        if (config.region)
            used.append(QStringLiteral("region %1").arg(*config.region));
        err << prefix << "using the config file " << setup.configPath << " ("
            << (used.isEmpty() ? QStringLiteral("empty") : used.join(QStringLiteral(", "))) << ")\n";
    }
    return setup;
}

} // namespace fleetplan::cli
