// SPDX-License-Identifier: GPL-3.0-or-later
#include <array>
#include <algorithm>
#include <tuple>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/commands.h"
#include "pricing/catalog.h"
#include "pricing/pricebook.h"
#include "pricing/pricelistimporter.h"

/// `fleetplan catalog regions|instances|price|fargate|info|import|nodes|node`: the pricing catalog from the command
/// line.
namespace fleetplan::cli {

namespace {

using pricing::Catalog;
using pricing::Rate;

/// A result table printed as an aligned table, JSON (an array of objects) or CSV.
struct Table
{
    QStringList columns;
    QList<QVariantList> rows;

    static QString cellText(const QVariant &v)
    {
        if (v.typeId() == QMetaType::Double)
            return QString::number(v.toDouble(), 'g', 10);
        if (v.typeId() == QMetaType::Bool)
            return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
        return v.toString();
    }

    static bool isNumber(const QVariant &v)
    {
        return v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong;
    }

    void print(QTextStream &out, const QString &format) const
    {
        if (format == u"json") {
            QJsonArray array;
            for (const QVariantList &row : rows) {
                QJsonObject obj;
                for (qsizetype i = 0; i < columns.size() && i < row.size(); ++i)
                    obj.insert(columns.at(i), row.at(i).isNull() ? QJsonValue() : QJsonValue::fromVariant(row.at(i)));
                array.append(obj);
            }
            out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return;
        }
        if (format == u"csv") {
            auto quote = [](const QString &s) -> QString {
                if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n'))
                    return u'"' + QString(s).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
                return s;
            };
            QStringList header;
            for (const QString &c : columns)
                header.append(quote(c));
            out << header.join(u',') << '\n';
            for (const QVariantList &row : rows) {
                QStringList cells;
                for (const QVariant &v : row)
                    cells.append(quote(cellText(v)));
                out << cells.join(u',') << '\n';
            }
            return;
        }
        QList<qsizetype> width(columns.size());
        for (qsizetype i = 0; i < columns.size(); ++i)
            width[i] = columns.at(i).size();
        for (const QVariantList &row : rows) {
            for (qsizetype i = 0; i < row.size() && i < width.size(); ++i)
                width[i] = std::max(width[i], cellText(row.at(i)).size());
        }
        auto line = [&](const QStringList &cells, const QVariantList *values) {
            QString text;
            for (qsizetype i = 0; i < cells.size(); ++i) {
                const bool last = i + 1 == cells.size();
                const bool right = values && isNumber(values->at(i));
                const int w = int(width.at(i));
                text += last && !right ? cells.at(i)
                                       : (right ? cells.at(i).rightJustified(w) : cells.at(i).leftJustified(w));
                if (!last)
                    text += QStringLiteral("  ");
            }
            out << text << '\n';
        };
        line(columns, nullptr);
        for (const QVariantList &row : rows) {
            QStringList cells;
            for (const QVariant &v : row)
                cells.append(cellText(v));
            line(cells, &row);
        }
    }
};

QVariantList rateCells(const std::optional<Rate> &r)
{
    if (!r)
        return { QVariant(), QString(), QString(), QString(), QVariant(), QString() };
    return { r->usd, r->unit, r->asOf, Rate::originName(r->origin), r->estimated, r->source };
}

struct Common
{
    QCommandLineParser parser;
    QString format = QStringLiteral("table");
    std::shared_ptr<const Catalog> catalog;
};

/// Parses the options every subcommand shares; returns -1 to go on, or an exit code.
int parseCommon(Context &ctx, Common &c, const QString &sub, const QString &description, bool needsCatalog = true)
{
    c.parser.setApplicationDescription(description);
    c.parser.addHelpOption();
    c.parser.addOption({ QStringLiteral("format"), QStringLiteral("Output format: table, json or csv."),
        QStringLiteral("FORMAT"), QStringLiteral("table") });
    c.parser.addOption({ QStringLiteral("pricebook"),
        QStringLiteral("Price book to layer over the bundled catalog (default: %1, if it exists).")
            .arg(pricing::PriceBook::defaultPath()),
        QStringLiteral("FILE") });
    c.parser.addOption(
        { QStringLiteral("bundled-only"), QStringLiteral("Ignore the price book: bundled figures only.") });
    if (!c.parser.parse(QStringList { QStringLiteral("fleetplan catalog ") + sub } + ctx.args.mid(1))) {
        ctx.err << "fleetplan catalog " << sub << ": " << c.parser.errorText() << '\n';
        return UsageError;
    }
    if (c.parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the executable path; show the command the user typed instead.
        const QString help = c.parser.helpText();
        const qsizetype options = help.indexOf(QLatin1String(" [options]"));
        ctx.out << (options > 0 ? QStringLiteral("Usage: fleetplan catalog ") + sub + help.mid(options) : help);
        return Ok;
    }
    c.format = c.parser.value(QStringLiteral("format"));
    if (c.format != u"table" && c.format != u"json" && c.format != u"csv") {
        ctx.err << "fleetplan catalog " << sub << ": --format must be table, json or csv, not \"" << c.format << "\"\n";
        return UsageError;
    }
    if (!needsCatalog)
        return -1;
    QString error;
    if (c.parser.isSet(QStringLiteral("bundled-only"))) {
        c.catalog = Catalog::bundled();
    } else if (c.parser.isSet(QStringLiteral("pricebook"))) {
        const QString path = c.parser.value(QStringLiteral("pricebook"));
        if (!QFileInfo::exists(path)) {
            ctx.err << path << ": price book not found\n";
            return InvalidInput;
        }
        c.catalog = Catalog::load(QString(), path, &error);
    } else {
        c.catalog = Catalog::withUserPriceBook(&error);
        if (!error.isEmpty())
            ctx.err << "warning: " << error << " (using the bundled catalog)\n";
        error.clear();
    }
    if (!c.catalog) {
        ctx.err << error << '\n';
        return InvalidInput;
    }
    return -1;
}

int runRegions(Context &ctx)
{
    Common c;
    if (const int code
        = parseCommon(ctx, c, QStringLiteral("regions"), QStringLiteral("List the regions of the catalog."));
        code >= 0)
        return code;
    if (!c.parser.positionalArguments().isEmpty()) {
        ctx.err << "fleetplan catalog regions: unexpected argument \"" << c.parser.positionalArguments().constFirst()
                << "\"\n";
        return UsageError;
    }
    Table t;
    t.columns
        = { QStringLiteral("region"), QStringLiteral("ec2_types_priced"), QStringLiteral("fargate_linux_x86_vcpu_hour"),
              QStringLiteral("eks_cluster_hour"), QStringLiteral("ebs_gp3_gb_month") };
    for (const QString &region : c.catalog->regions()) {
        pricing::InstanceFilter f;
        f.pricedInRegion = region;
        const auto fargate = c.catalog->fargate(region, pricing::CpuArch::X86_64, pricing::FargateOs::Linux, false);
        const auto eks = c.catalog->eksControlPlaneHourly(region, false);
        const auto gp3 = c.catalog->ebsGbMonth(region, QStringLiteral("gp3"));
        t.rows.append(
            { region, int(c.catalog->instanceTypes(f).size()), fargate ? QVariant(fargate->vcpuHour.usd) : QVariant(),
                eks ? QVariant(eks->usd) : QVariant(), gp3 ? QVariant(gp3->usd) : QVariant() });
    }
    t.print(ctx.out, c.format);
    return Ok;
}

int runInstances(Context &ctx)
{
    Common c;
    c.parser.addOption({ QStringLiteral("region"),
        QStringLiteral("Only types with an On-Demand price in REGION (adds the price)."), QStringLiteral("REGION") });
    c.parser.addOption({ QStringLiteral("family"),
        QStringLiteral("Only these families (comma-separated, e.g. m6i,c6i)."), QStringLiteral("FAMILY") });
    c.parser.addOption({ QStringLiteral("arch"), QStringLiteral("Only x86_64 or arm64."), QStringLiteral("ARCH") });
    c.parser.addOption({ QStringLiteral("exclude-metal"), QStringLiteral("Drop bare-metal types.") });
    c.parser.addOption(
        { QStringLiteral("exclude-gpu"), QStringLiteral("Drop types with GPUs or other accelerators.") });
    if (const int code = parseCommon(
            ctx, c, QStringLiteral("instances"), QStringLiteral("List EC2 instance types with their capacities."));
        code >= 0)
        return code;
    if (!c.parser.positionalArguments().isEmpty()) {
        ctx.err << "fleetplan catalog instances: unexpected argument \"" << c.parser.positionalArguments().constFirst()
                << "\"\n";
        return UsageError;
    }
    pricing::InstanceFilter f;
    const QString region = c.parser.value(QStringLiteral("region"));
    QString error;
    if (!region.isEmpty()) {
        if (!c.catalog->checkRegion(region, &error)) {
            ctx.err << "fleetplan catalog instances: " << error << '\n';
            return InvalidInput;
        }
        f.pricedInRegion = region;
    }
    if (c.parser.isSet(QStringLiteral("arch"))) {
        const auto arch = pricing::parseCpuArch(c.parser.value(QStringLiteral("arch")));
        if (!arch) {
            ctx.err << "fleetplan catalog instances: --arch must be x86_64 or arm64, not \""
                    << c.parser.value(QStringLiteral("arch")) << "\"\n";
            return UsageError;
        }
        f.arch = arch;
    }
    if (c.parser.isSet(QStringLiteral("family"))) {
        QStringList families;
        for (const pricing::InstanceType &t : c.catalog->instanceTypes()) {
            if (!families.contains(t.family))
                families.append(t.family);
        }
        for (const QString &fam : c.parser.value(QStringLiteral("family")).split(u',', Qt::SkipEmptyParts)) {
            const QString family = fam.trimmed();
            if (!families.contains(family, Qt::CaseInsensitive)) {
                c.catalog->matchInstanceTypes({ family + QStringLiteral(".*") }, &error);
                ctx.err << "fleetplan catalog instances: "
                        << error.replace(QStringLiteral(".*\" matches no instance type"),
                               QStringLiteral("\" is not an instance family"))
                        << '\n';
                return InvalidInput;
            }
            f.families.append(family);
        }
    }
    f.excludeBareMetal = c.parser.isSet(QStringLiteral("exclude-metal"));
    f.excludeAccelerated = c.parser.isSet(QStringLiteral("exclude-gpu"));
    Table t;
    t.columns = { QStringLiteral("type"), QStringLiteral("family"), QStringLiteral("vcpu"),
        QStringLiteral("memory_mib"), QStringLiteral("arch"), QStringLiteral("max_enis"),
        QStringLiteral("default_card_enis"), QStringLiteral("ipv4_per_eni"), QStringLiteral("eks_max_pods"),
        QStringLiteral("bare_metal"), QStringLiteral("gpus") };
    if (!region.isEmpty())
        t.columns << QStringLiteral("usd_per_hour") << QStringLiteral("origin");
    // Family by family, smallest first (m5.large, m5.xlarge, m5.2xlarge, ...), not m5.12xlarge before m5.2xlarge.
    QList<const pricing::InstanceType *> types = c.catalog->instanceTypes(f);
    std::stable_sort(types.begin(), types.end(), [](const pricing::InstanceType *a, const pricing::InstanceType *b) {
        return std::tie(a->family, a->vcpu, a->memoryMib, a->name)
            < std::tie(b->family, b->vcpu, b->memoryMib, b->name);
    });
    for (const pricing::InstanceType *type : std::as_const(types)) {
        QVariantList row { type->name, type->family, type->hasSpecs() ? QVariant(type->vcpu) : QVariant(),
            type->hasSpecs() ? QVariant(type->memoryMib) : QVariant(),
            type->hasSpecs() ? QVariant(pricing::cpuArchName(type->arch)) : QVariant(),
            type->maxEnis ? QVariant(type->maxEnis) : QVariant(),
            type->defaultCardMaxEnis ? QVariant(type->defaultCardMaxEnis) : QVariant(),
            type->ipv4PerEni ? QVariant(type->ipv4PerEni) : QVariant(),
            type->eksMaxPods ? QVariant(type->eksMaxPods) : QVariant(), type->bareMetal, type->gpuCount };
        if (!region.isEmpty()) {
            const auto rate = c.catalog->onDemandHourly(region, type->name);
            row << (rate ? QVariant(rate->usd) : QVariant()) << (rate ? Rate::originName(rate->origin) : QString());
        }
        t.rows.append(row);
    }
    t.print(ctx.out, c.format);
    return Ok;
}

int runPrice(Context &ctx)
{
    Common c;
    c.parser.addPositionalArgument(QStringLiteral("TYPE"), QStringLiteral("Instance type, e.g. m5.large"));
    c.parser.addOption({ QStringLiteral("region"), QStringLiteral("AWS region, e.g. us-east-1 (required)."),
        QStringLiteral("REGION") });
    if (const int code = parseCommon(
            ctx, c, QStringLiteral("price"), QStringLiteral("Show the prices of one EC2 instance type in a region."));
        code >= 0)
        return code;
    if (c.parser.positionalArguments().size() != 1) {
        ctx.err << "fleetplan catalog price: expected exactly one TYPE\n";
        return UsageError;
    }
    if (!c.parser.isSet(QStringLiteral("region"))) {
        ctx.err << "fleetplan catalog price: --region is required\n";
        return UsageError;
    }
    const QString type = c.parser.positionalArguments().constFirst();
    const QString region = c.parser.value(QStringLiteral("region"));
    QString error;
    if (!c.catalog->instanceType(type, &error) && !c.catalog->onDemandHourly(region, type)) {
        ctx.err << "fleetplan catalog price: " << error << '\n';
        return InvalidInput;
    }
    if (!c.catalog->checkRegion(region, &error)) {
        ctx.err << "fleetplan catalog price: " << error << '\n';
        return InvalidInput;
    }
    const auto onDemand = c.catalog->onDemandHourly(region, type, &error);
    if (!onDemand) {
        ctx.err << "fleetplan catalog price: " << error << '\n';
        return InvalidInput;
    }
    Table t;
    t.columns = { QStringLiteral("price"), QStringLiteral("usd"), QStringLiteral("unit"), QStringLiteral("as_of"),
        QStringLiteral("origin"), QStringLiteral("estimated"), QStringLiteral("source") };
    t.rows.append(QVariantList { QStringLiteral("on-demand") } + rateCells(onDemand));
    if (const auto spot = c.catalog->spotHourly(region, type))
        t.rows.append(QVariantList { QStringLiteral("spot") } + rateCells(spot));
    for (int years : { 1, 3 }) {
        for (const QString &cls : { QStringLiteral("standard"), QStringLiteral("convertible") }) {
            for (auto p : { pricing::PaymentOption::NoUpfront, pricing::PaymentOption::PartialUpfront,
                     pricing::PaymentOption::AllUpfront }) {
                if (const auto ri = c.catalog->reservedEffectiveHourly(region, type, years, p, cls)) {
                    t.rows.append(
                        QVariantList {
                            QStringLiteral("reserved %1yr %2 %3").arg(years).arg(cls, pricing::paymentOptionName(p)) }
                        + rateCells(ri));
                }
            }
        }
    }
    t.print(ctx.out, c.format);
    return Ok;
}

int runFargate(Context &ctx)
{
    Common c;
    c.parser.addOption({ QStringLiteral("region"), QStringLiteral("AWS region, e.g. us-east-1 (required)."),
        QStringLiteral("REGION") });
    if (const int code
        = parseCommon(ctx, c, QStringLiteral("fargate"), QStringLiteral("Show the Fargate rates of a region."));
        code >= 0)
        return code;
    if (!c.parser.positionalArguments().isEmpty()) {
        ctx.err << "fleetplan catalog fargate: unexpected argument \"" << c.parser.positionalArguments().constFirst()
                << "\"\n";
        return UsageError;
    }
    if (!c.parser.isSet(QStringLiteral("region"))) {
        ctx.err << "fleetplan catalog fargate: --region is required\n";
        return UsageError;
    }
    const QString region = c.parser.value(QStringLiteral("region"));
    QString error;
    if (!c.catalog->checkRegion(region, &error)) {
        ctx.err << "fleetplan catalog fargate: " << error << '\n';
        return InvalidInput;
    }
    Table t;
    t.columns = { QStringLiteral("platform"), QStringLiteral("item"), QStringLiteral("usd"), QStringLiteral("unit"),
        QStringLiteral("as_of"), QStringLiteral("origin"), QStringLiteral("estimated"), QStringLiteral("source") };
    struct Variant
    {
        const char *name;
        pricing::CpuArch arch;
        pricing::FargateOs os;
        bool spot;
    };
    const auto variants = std::to_array<Variant>({
        { "Linux x86_64", pricing::CpuArch::X86_64, pricing::FargateOs::Linux, false },
        { "Linux arm64", pricing::CpuArch::Arm64, pricing::FargateOs::Linux, false },
        { "Windows x86_64", pricing::CpuArch::X86_64, pricing::FargateOs::Windows, false },
        { "Spot Linux x86_64", pricing::CpuArch::X86_64, pricing::FargateOs::Linux, true },
        { "Spot Linux arm64", pricing::CpuArch::Arm64, pricing::FargateOs::Linux, true },
    });
    bool any = false;
    for (const Variant &v : variants) {
        const auto card = c.catalog->fargate(region, v.arch, v.os, v.spot);
        if (!card)
            continue;
        any = true;
        const QString name = QString::fromLatin1(v.name);
        t.rows.append(QVariantList { name, QStringLiteral("vcpu") } + rateCells(card->vcpuHour));
        t.rows.append(QVariantList { name, QStringLiteral("memory") } + rateCells(card->gbHour));
        if (card->osLicenseVcpuHour)
            t.rows.append(QVariantList { name, QStringLiteral("os_licence") } + rateCells(card->osLicenseVcpuHour));
        if (card->ephemeralGbHourAbove20 && !v.spot && v.os == pricing::FargateOs::Linux
            && v.arch == pricing::CpuArch::X86_64)
            t.rows.append(QVariantList { QStringLiteral("all"), QStringLiteral("ephemeral_storage_above_20gb") }
                + rateCells(card->ephemeralGbHourAbove20));
    }
    if (!any) {
        c.catalog->fargate(region, pricing::CpuArch::X86_64, pricing::FargateOs::Linux, false, &error);
        ctx.err << "fleetplan catalog fargate: " << error << '\n';
        return InvalidInput;
    }
    t.print(ctx.out, c.format);
    return Ok;
}

int runInfo(Context &ctx)
{
    Common c;
    if (const int code = parseCommon(
            ctx, c, QStringLiteral("info"), QStringLiteral("Show the catalog's datasets, sources and dates."));
        code >= 0)
        return code;
    Table t;
    t.columns = { QStringLiteral("dataset"), QStringLiteral("file"), QStringLiteral("rows"),
        QStringLiteral("as_of_oldest"), QStringLiteral("as_of_newest"), QStringLiteral("sources") };
    for (const pricing::DatasetInfo &d : c.catalog->datasets())
        t.rows.append({ d.name, d.file, d.rows, d.asOfMin, d.asOfMax, d.sources });
    t.rows.append({ QStringLiteral("catalog_built"), QStringLiteral("catalog.sqlite"), QVariant(), c.catalog->builtAt(),
        c.catalog->builtAt(), QStringLiteral("built from resources/catalog/*.csv (see its README.md)") });
    if (c.catalog->priceBookRateCount() > 0 || c.catalog->enterpriseDiscountPercent() > 0) {
        t.rows.append({ QStringLiteral("price_book"), pricing::PriceBook::defaultPath(),
            c.catalog->priceBookRateCount(), QString(), QString(),
            QStringLiteral("imported and override rates; enterprise discount %1 %")
                .arg(c.catalog->enterpriseDiscountPercent()) });
    }
    t.print(ctx.out, c.format);
    return Ok;
}

int runImportPriceList(Context &ctx)
{
    Common c;
    c.parser.addPositionalArgument(QStringLiteral("FILE..."),
        QStringLiteral("AWS Price List offer files (CSV or JSON): AmazonEC2, AmazonECS, AmazonEKS; Savings Plans price "
                       "list (CSV)"));
    if (const int code = parseCommon(ctx, c, QStringLiteral("import"),
            QStringLiteral("Import AWS Price List offer files into your price book."), false);
        code >= 0)
        return code;
    const QStringList files = c.parser.positionalArguments();
    if (files.isEmpty()) {
        ctx.err << "fleetplan catalog import: expected at least one FILE\n";
        return UsageError;
    }
    const QString path = c.parser.isSet(QStringLiteral("pricebook")) ? c.parser.value(QStringLiteral("pricebook"))
                                                                     : pricing::PriceBook::defaultPath();
    pricing::PriceBook book;
    QString error;
    if (!book.open(path, &error)) {
        ctx.err << error << '\n';
        return InvalidInput;
    }
    const pricing::ImportResult r = pricing::PriceListImporter::importFiles(book, files);
    if (!r.ok) {
        ctx.err << r.error << "\nnothing was imported; the price book is unchanged\n";
        return InvalidInput;
    }
    for (const QString &warning : r.warnings)
        ctx.err << "warning: " << warning << '\n';
    Table t;
    t.columns = { QStringLiteral("kind"), QStringLiteral("rates") };
    QStringList kinds = r.ratesByKind.keys();
    kinds.sort();
    for (const QString &k : kinds)
        t.rows.append({ k, r.ratesByKind.value(k) });
    t.rows.append({ QStringLiteral("total"), r.ratesWritten });
    t.print(ctx.out, c.format);
    if (c.format == u"table")
        ctx.out << "imported " << r.ratesWritten << " rates from " << files.size() << " file(s), " << r.rowsRead
                << " price rows read, into " << path << '\n';
    return Ok;
}

int runCommitments(Context &ctx)
{
    Common c;
    if (const int code = parseCommon(ctx, c, QStringLiteral("commitments"),
            QStringLiteral("Show the Savings Plans / Reserved Instance discount assumptions."));
        code >= 0)
        return code;
    Table t;
    t.columns = { QStringLiteral("scope"), QStringLiteral("plan"), QStringLiteral("term_years"),
        QStringLiteral("payment"), QStringLiteral("discount_percent"), QStringLiteral("basis") };
    for (const pricing::CommitmentDiscount &d : c.catalog->commitments().entries()) {
        t.rows.append(
            { d.scope == pricing::CommitmentScope::Fargate ? QStringLiteral("fargate") : QStringLiteral("ec2"),
                pricing::commitmentPlanName(d.plan), d.termYears, pricing::paymentOptionName(d.payment),
                d.discountPercent, d.basis });
    }
    t.print(ctx.out, c.format);
    return Ok;
}

/// `catalog override KIND REGION KEY USD` / `--remove`, `catalog discount PERCENT`, `catalog commitment ...`:
/// edits of the user's price book.
int runEdit(Context &ctx, const QString &sub)
{
    Common c;
    if (sub == u"override") {
        c.parser.addPositionalArgument(
            QStringLiteral("KIND"), QStringLiteral("ec2_ondemand, ec2_spot, fargate, eks or other"));
        c.parser.addPositionalArgument(QStringLiteral("REGION"), QStringLiteral("e.g. us-east-1"));
        c.parser.addPositionalArgument(QStringLiteral("KEY"),
            QStringLiteral("instance type, Fargate item (linux_x86_vcpu, ...), EKS item or EBS item"));
        c.parser.addPositionalArgument(QStringLiteral("USD"), QStringLiteral("the price (omit with --remove)"));
        c.parser.addOption(
            { QStringLiteral("note"), QStringLiteral("Why (kept as the rate's source)."), QStringLiteral("TEXT") });
        c.parser.addOption({ QStringLiteral("remove"), QStringLiteral("Remove the override.") });
    } else if (sub == u"discount") {
        c.parser.addPositionalArgument(QStringLiteral("PERCENT"),
            QStringLiteral("enterprise discount on every bundled and imported rate (0 = none)"));
    } else {
        c.parser.addPositionalArgument(QStringLiteral("SCOPE"), QStringLiteral("ec2 or fargate"));
        c.parser.addPositionalArgument(QStringLiteral("PLAN"),
            QStringLiteral(
                "\"Compute Savings Plan\", \"EC2 Instance Savings Plan\", \"Standard RI\" or \"Convertible RI\""));
        c.parser.addPositionalArgument(QStringLiteral("TERM"), QStringLiteral("1 or 3 (years)"));
        c.parser.addPositionalArgument(
            QStringLiteral("PAYMENT"), QStringLiteral("\"No Upfront\", \"Partial Upfront\" or \"All Upfront\""));
        c.parser.addPositionalArgument(QStringLiteral("PERCENT"), QStringLiteral("percent off On-Demand"));
    }
    if (const int code
        = parseCommon(ctx, c, sub, QStringLiteral("Edit your price book (never the bundled catalog)."), false);
        code >= 0)
        return code;
    const QStringList args = c.parser.positionalArguments();
    const QString path = c.parser.isSet(QStringLiteral("pricebook")) ? c.parser.value(QStringLiteral("pricebook"))
                                                                     : pricing::PriceBook::defaultPath();
    auto usageError = [&](const QString &what) {
        ctx.err << "fleetplan catalog " << sub << ": " << what << '\n';
        return int(UsageError);
    };
    auto number = [](const QString &text, double *value) {
        bool ok = false;
        *value = text.toDouble(&ok);
        return ok;
    };
    pricing::PriceBook book;
    QString error;
    bool ok = false;
    if (sub == u"override") {
        const bool remove = c.parser.isSet(QStringLiteral("remove"));
        if (args.size() != (remove ? 3 : 4))
            return usageError(
                remove ? QStringLiteral("expected KIND REGION KEY") : QStringLiteral("expected KIND REGION KEY USD"));
        const auto kind = pricing::parseRateKind(args.at(0));
        if (!kind)
            return usageError(
                QStringLiteral("KIND must be ec2_ondemand, ec2_spot, ec2_reserved, fargate, eks or other, not \"%1\"")
                    .arg(args.at(0)));
        double usd = 0;
        if (!remove && !number(args.at(3), &usd))
            return usageError(QStringLiteral("USD \"%1\" is not a number").arg(args.at(3)));
        if (!Catalog::bundled()->checkRegion(args.at(1), &error)) {
            ctx.err << "fleetplan catalog override: " << error << '\n';
            return InvalidInput;
        }
        if (!book.open(path, &error)) {
            ctx.err << error << '\n';
            return InvalidInput;
        }
        ok = remove
            ? book.removeOverride(*kind, args.at(1), args.at(2), &error)
            : book.setOverride(*kind, args.at(1), args.at(2), usd, c.parser.value(QStringLiteral("note")), &error);
    } else if (sub == u"discount") {
        double percent = 0;
        if (args.size() != 1 || !number(args.at(0), &percent))
            return usageError(QStringLiteral("expected PERCENT (a number)"));
        if (!book.open(path, &error)) {
            ctx.err << error << '\n';
            return InvalidInput;
        }
        ok = book.setEnterpriseDiscountPercent(percent, &error);
    } else {
        double percent = 0;
        const auto plan = args.size() == 5 ? pricing::parseCommitmentPlan(args.at(1)) : std::nullopt;
        const auto payment = args.size() == 5 ? pricing::parsePaymentOption(args.at(3)) : std::nullopt;
        if (args.size() != 5 || (args.at(0) != u"ec2" && args.at(0) != u"fargate") || !plan || !payment
            || (args.at(2) != u"1" && args.at(2) != u"3") || !number(args.at(4), &percent))
            return usageError(QStringLiteral(
                "expected SCOPE PLAN TERM PAYMENT PERCENT, e.g. ec2 \"Compute Savings Plan\" 1 \"No Upfront\" 27"));
        if (!book.open(path, &error)) {
            ctx.err << error << '\n';
            return InvalidInput;
        }
        ok = book.setCommitmentDiscount(
            args.at(0) == u"fargate" ? pricing::CommitmentScope::Fargate : pricing::CommitmentScope::Ec2, *plan,
            args.at(2).toInt(), *payment, percent, &error);
    }
    if (!ok) {
        ctx.err << "fleetplan catalog " << sub << ": " << error << '\n';
        return InvalidInput;
    }
    ctx.out << "saved in " << path << '\n';
    return Ok;
}

/// `catalog nodes`: the custom node types of the price book (own hardware), with their cost per node-hour.
int runNodes(Context &ctx)
{
    Common c;
    if (const int code = parseCommon(ctx, c, QStringLiteral("nodes"),
            QStringLiteral("List the custom node types (your own hardware) of your price book."));
        code >= 0)
        return code;
    if (!c.parser.positionalArguments().isEmpty()) {
        ctx.err << "fleetplan catalog nodes: unexpected argument \"" << c.parser.positionalArguments().constFirst()
                << "\"\n";
        return UsageError;
    }
    Table t;
    t.columns = { QStringLiteral("type"), QStringLiteral("vcpu"), QStringLiteral("memory_mib"), QStringLiteral("arch"),
        QStringLiteral("eks_max_pods"), QStringLiteral("ecs_awsvpc_tasks"), QStringLiteral("usd_per_hour"),
        QStringLiteral("note") };
    for (const pricing::CustomNodeType &n : c.catalog->customNodeTypes()) {
        const pricing::InstanceType type = pricing::instanceTypeOf(n);
        t.rows.append(
            { n.name, n.vcpu, n.memoryMib, pricing::cpuArchName(n.arch), type.eksMaxPods > 0 ? type.eksMaxPods : 110,
                type.maxEnis > 0 ? type.maxEnis - 1 : 0, n.usdPerHour, n.note });
    }
    t.print(ctx.out, c.format);
    return Ok;
}

/// `catalog node add NAME --vcpu N --memory-mib M --usd-per-hour X [...]` / `catalog node remove NAME`.
int runNode(Context &ctx)
{
    Common c;
    c.parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("add or remove"));
    c.parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("the custom node type, e.g. rack-16x64"));
    const QList<std::pair<QString, QString>> options {
        { QStringLiteral("vcpu"), QStringLiteral("vCPUs of the node (required to add).") },
        { QStringLiteral("memory-mib"), QStringLiteral("Installed memory in MiB (required to add).") },
        { QStringLiteral("usd-per-hour"),
            QStringLiteral("Your cost of one node-hour: amortised hardware, power, support (required to add).") },
        { QStringLiteral("arch"), QStringLiteral("x86_64 (default) or arm64.") },
        { QStringLiteral("max-pods"), QStringLiteral("EKS pods per node (default: from the ENIs, else 110).") },
        { QStringLiteral("max-enis"), QStringLiteral("Network interfaces, with --ipv4-per-eni (optional).") },
        { QStringLiteral("ipv4-per-eni"), QStringLiteral("IPv4 addresses per interface (optional).") },
        { QStringLiteral("max-awsvpc-tasks"), QStringLiteral("ECS awsvpc tasks per node (default: ENIs - 1).") },
        { QStringLiteral("note"), QStringLiteral("Where the cost comes from (shown as its source).") },
    };
    for (const auto &[name, help] : options)
        c.parser.addOption({ name, help, QStringLiteral("VALUE") });
    if (const int code = parseCommon(ctx, c, QStringLiteral("node"),
            QStringLiteral("Add or remove a custom node type (your own hardware) in your price book."), false);
        code >= 0)
        return code;
    const QStringList args = c.parser.positionalArguments();
    auto usageError = [&](const QString &what) {
        ctx.err << "fleetplan catalog node: " << what << '\n';
        return int(UsageError);
    };
    if (args.size() != 2 || (args.at(0) != u"add" && args.at(0) != u"remove"))
        return usageError(QStringLiteral("expected add NAME --vcpu N --memory-mib M --usd-per-hour X, or remove NAME"));
    const QString path = c.parser.isSet(QStringLiteral("pricebook")) ? c.parser.value(QStringLiteral("pricebook"))
                                                                     : pricing::PriceBook::defaultPath();
    pricing::CustomNodeType type;
    type.name = args.at(1);
    if (args.at(0) == u"add") {
        for (const char *required : { "vcpu", "memory-mib", "usd-per-hour" }) {
            if (!c.parser.isSet(QString::fromLatin1(required)))
                return usageError(
                    QStringLiteral("--%1 is required to add a node type").arg(QString::fromLatin1(required)));
        }
        const auto whole = [&](const QString &option, int *out) {
            if (!c.parser.isSet(option))
                return true;
            bool ok = false;
            *out = c.parser.value(option).toInt(&ok);
            return ok;
        };
        for (const auto &[option, field] : { std::pair { QStringLiteral("vcpu"), &type.vcpu },
                 std::pair { QStringLiteral("memory-mib"), &type.memoryMib },
                 std::pair { QStringLiteral("max-pods"), &type.maxPods },
                 std::pair { QStringLiteral("max-enis"), &type.maxEnis },
                 std::pair { QStringLiteral("ipv4-per-eni"), &type.ipv4PerEni },
                 std::pair { QStringLiteral("max-awsvpc-tasks"), &type.maxAwsvpcTasks } }) {
            if (!whole(option, field))
                return usageError(
                    QStringLiteral("--%1 \"%2\" is not a whole number").arg(option, c.parser.value(option)));
        }
        bool ok = false;
        // toDouble() reads "nan" as NaN: checkCustomNodeType() names it.
        type.usdPerHour = c.parser.value(QStringLiteral("usd-per-hour")).toDouble(&ok);
        if (!ok)
            return usageError(QStringLiteral("--usd-per-hour \"%1\" is not a number")
                                  .arg(c.parser.value(QStringLiteral("usd-per-hour"))));
        if (c.parser.isSet(QStringLiteral("arch"))) {
            const auto arch = pricing::parseCpuArch(c.parser.value(QStringLiteral("arch")));
            if (!arch)
                return usageError(QStringLiteral("--arch must be x86_64 or arm64, not \"%1\"")
                                      .arg(c.parser.value(QStringLiteral("arch"))));
            type.arch = *arch;
        }
        type.note = c.parser.value(QStringLiteral("note"));
        if (const QString problem = pricing::checkCustomNodeType(type); !problem.isEmpty()) {
            ctx.err << "fleetplan catalog node: " << problem << '\n';
            return InvalidInput;
        }
    }
    pricing::PriceBook book;
    QString error;
    if (!book.open(path, &error)) {
        ctx.err << error << '\n';
        return InvalidInput;
    }
    const bool ok
        = args.at(0) == u"add" ? book.setCustomNodeType(type, &error) : book.removeCustomNodeType(type.name, &error);
    if (!ok) {
        ctx.err << "fleetplan catalog node: " << error << '\n';
        return InvalidInput;
    }
    ctx.out << "saved in " << path << '\n';
    return Ok;
}

QString usage()
{
    return QStringLiteral(
        "Usage: fleetplan catalog SUBCOMMAND [OPTIONS]\n"
        "\n"
        "The pricing catalog (bundled figures, with your price book layered on top).\n"
        "\n"
        "Subcommands:\n"
        "  regions                                   regions with their key rates\n"
        "  instances [--region R] [--family F] [--arch A]   EC2 instance types and capacities\n"
        "  price TYPE --region R                     On-Demand, Spot and imported Reserved prices of a type\n"
        "  fargate --region R                        Fargate rates of a region\n"
        "  info                                      datasets, sources and dates\n"
        "  import FILE...                            import AWS Price List offer files (CSV/JSON) into your price "
        "book\n"
        "  commitments                               Savings Plans / RI discount assumptions\n"
        "  override KIND REGION KEY USD [--remove]   set (or remove) a price in your price book\n"
        "  discount PERCENT                          your enterprise discount on bundled and imported rates\n"
        "  commitment SCOPE PLAN TERM PAYMENT PCT    edit a Savings Plans / RI discount assumption\n"
        "  nodes                                     custom node types (your own hardware) of your price book\n"
        "  node add NAME --vcpu N --memory-mib M --usd-per-hour X   add a custom node type (node remove NAME)\n"
        "\n"
        "Every subcommand takes --format table|json|csv, --pricebook FILE, --bundled-only and --help.\n");
}

} // namespace

int runCatalog(Context &ctx)
{
    if (ctx.args.isEmpty()) {
        ctx.err << usage();
        return UsageError;
    }
    const QString sub = ctx.args.constFirst();
    if (sub == u"--help" || sub == u"-h" || sub == u"help") {
        ctx.out << usage();
        return Ok;
    }
    if (sub == u"regions")
        return runRegions(ctx);
    if (sub == u"instances")
        return runInstances(ctx);
    if (sub == u"price")
        return runPrice(ctx);
    if (sub == u"fargate")
        return runFargate(ctx);
    if (sub == u"info")
        return runInfo(ctx);
    if (sub == u"import")
        return runImportPriceList(ctx);
    if (sub == u"commitments")
        return runCommitments(ctx);
    if (sub == u"override" || sub == u"discount" || sub == u"commitment")
        return runEdit(ctx, sub);
    if (sub == u"nodes")
        return runNodes(ctx);
    if (sub == u"node")
        return runNode(ctx);
    ctx.err << "fleetplan catalog: unknown subcommand \"" << sub << "\"\n\n" << usage();
    return UsageError;
}

} // namespace fleetplan::cli
