// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan sensitivity SCENARIO`: which inputs move the ranking of the cheapest platform and the runner-up,
// and where it flips (docs/sensitivity.md).
#include <QCommandLineParser>

#include "app/cli/commands.h"
#include "app/cli/jsonenvelope.h"
#include "app/cli/pricingsetup.h"
#include "app/cli/scenarioinput.h"
#include "models/atomicwrite.h"
#include "models/simulation/moneyformat.h"
#include "models/simulation/sensitivity.h"
#include "models/workload/validation.h"
#include "pricing/catalog.h"

namespace fleetplan::cli {

namespace {

using models::formatNumber;

/// `text` cut to `width` characters, the cut marked with an ellipsis.
QString elided(const QString &text, int width)
{
    return text.size() <= width ? text : text.left(width - 1) + QStringLiteral("\u2026");
}

QString gapCell(const models::SensitivityCase &c)
{
    if (const std::optional<double> gap = c.gapUsd())
        return formatNumber(*gap, 2);
    return QStringLiteral("n/a");
}

/// The headline, then one row per input (largest swing first) with both ends and the gap at each, then every
/// input in words.
QString toTable(const models::Sensitivity &s)
{
    QString text
        = QStringLiteral("%1 — %2, USD per %3, %4 packing\n\n")
              .arg(s.scenarioName, s.region, s.periodUnit, s.fast ? QStringLiteral("fast") : QStringLiteral("refined"));
    const QStringList lines = s.summaryLines();
    if (!s.ranked) {
        text += lines.value(0) + u'\n';
        return text;
    }
    text += lines.constFirst() + QStringLiteral("\n\n");
    text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                .arg(QStringLiteral("input"), -26)
                .arg(QStringLiteral("analysed"), -14)
                .arg(QStringLiteral("low"), -30)
                .arg(QStringLiteral("gap"), 11)
                .arg(QStringLiteral("high"), -30)
                .arg(QStringLiteral("gap"), 11)
                .arg(QStringLiteral("swing"), 11);
    for (const models::SensitivityFactor &f : s.factors) {
        text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                    .arg(models::displayName(f.input), -26)
                    .arg(elided(f.baseText, 14), -14)
                    .arg(elided(f.low.valueText, 30), -30)
                    .arg(gapCell(f.low), 11)
                    .arg(elided(f.high.valueText, 30), -30)
                    .arg(gapCell(f.high), 11)
                    .arg(formatNumber(f.swingUsd(s.baseGapUsd()), 2), 11);
    }
    text += QStringLiteral("\ngap = %1 − %2 (below 0: the ranking flips)\n\n")
                .arg(models::displayName(s.runnerUp), models::displayName(s.cheapest));
    for (qsizetype i = 1; i < lines.size(); ++i)
        text += QStringLiteral("  ") + lines.at(i) + u'\n';
    return text;
}

} // namespace

int runSensitivity(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Find which inputs move the ranking of the cheapest platform and the runner-up: load, Spot share, "
        "Savings Plans commitment, target utilisation, region and instance families, each set low and high "
        "with the others as analysed, and where the ranking flips."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("SCENARIO"), QStringLiteral("Scenario (.json or .fleetplan; - for stdin)"));
    const QCommandLineOption loadOption(QStringLiteral("load-multiplier"),
        QStringLiteral("Analyse at this load multiplier (default 1; from 0 to 1000)."), QStringLiteral("X"),
        QStringLiteral("1"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
        QStringLiteral("Output format: table (default) or json."), QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    const QCommandLineOption fastOption(QStringLiteral("fast"),
        QStringLiteral("Constructive packing only (faster). By default every setting is priced as compare "
                       "prices it."));
    const QCommandLineOption quietOption({ QStringLiteral("q"), QStringLiteral("quiet") },
        QStringLiteral("Leave out warnings about the scenario (errors still go to standard error)."));
    parser.addOptions({ loadOption, formatOption, outputOption, fastOption, quietOption });
    const PricingOptions pricingOptions;
    pricingOptions.addTo(parser);
    if (!parser.parse(QStringList { QStringLiteral("fleetplan sensitivity") } + ctx.args)) {
        ctx.err << "fleetplan sensitivity: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().size() != 1) {
        ctx.err << "fleetplan sensitivity: expected exactly one SCENARIO file\n";
        return UsageError;
    }
    const QString format = parser.value(formatOption);
    if (format != u"table" && format != u"json") {
        ctx.err << "fleetplan sensitivity: --format must be table or json, not \"" << format << "\"\n";
        return UsageError;
    }
    models::SensitivityOptions options;
    bool numberOk = false;
    options.whatIf.loadMultiplier = parser.value(loadOption).toDouble(&numberOk);
    if (!numberOk
        || !(options.whatIf.loadMultiplier >= 0 && options.whatIf.loadMultiplier <= models::MaxLoadMultiplier)) {
        ctx.err << "fleetplan sensitivity: --load-multiplier must be a number from 0 to " << models::MaxLoadMultiplier
                << ", not \"" << parser.value(loadOption) << "\"\n";
        return UsageError;
    }
    options.fast = parser.isSet(fastOption);

    int exitCode = Ok;
    const auto pricing = setupPricing(parser, pricingOptions, QStringLiteral("sensitivity"),
        parser.positionalArguments().constFirst(), ctx.err, parser.isSet(quietOption), &exitCode);
    if (!pricing)
        return exitCode;
    const auto read = readValidScenario(parser.positionalArguments().constFirst(), *pricing->catalog, ctx.err,
        parser.isSet(quietOption), options.whatIf.loadMultiplier, pricing->region);
    if (!read)
        return InvalidInput;

    const models::Sensitivity sensitivity = models::analyseSensitivity(*read, *pricing->catalog, options);
    PricingSetup used = *pricing;
    if (used.hasPriceBook())
        used.measureChanges(*read, models::simulate(*read, *pricing->catalog, options.whatIf), options.whatIf, {});
    QString text;
    if (format == u"json") {
        text = QString::fromUtf8(envelopeJson(models::sensitivityToJson(sensitivity), QStringLiteral("sensitivity"),
            QJsonObject { { QStringLiteral("pricing"), used.toJson(read->region) } }));
    } else {
        text = toTable(sensitivity);
        const QStringList notes = used.noteLines(read->region);
        if (!notes.isEmpty())
            text += u'\n' + notes.join(u'\n') + u'\n';
    }
    const QString output = parser.value(outputOption);
    if (output.isEmpty() || output == u"-") {
        ctx.out << text;
    } else {
        QString reason;
        if (!models::writeFileAtomically(output, text.toUtf8(), &reason)) {
            ctx.err << "fleetplan sensitivity: cannot write " << output << ": " << reason << '\n';
            return InvalidInput;
        }
    }
    if (!sensitivity.ranked) {
        ctx.err << "fleetplan sensitivity: " << sensitivity.problem << '\n';
        return InvalidInput;
    }
    return Ok;
}

} // namespace fleetplan::cli
