// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/pricelistimporter.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include "pricing/catalog.h"
#include "pricing/csvreader.h"
#include "pricing/pricebook.h"

namespace fleetplan::pricing {

namespace {

/// Product attributes the importer looks at. CSV headers ("Pre Installed S/W", "Region Code") and JSON
/// attribute keys ("preInstalledSw", "regionCode") are matched after lower-casing and dropping everything
/// but letters and digits, so both name the same attribute.
enum Attr {
    ServiceCode,
    ProductFamily,
    InstanceType,
    Tenancy,
    OperatingSystem,
    PreInstalledSw,
    CapacityStatus,
    Operation,
    UsageType,
    RegionCode,
    MarketOption,
    VolumeApiName,
    AttrCount
};

constexpr std::array<const char *, AttrCount> AttrKeys { "servicecode", "productfamily", "instancetype", "tenancy",
    "operatingsystem", "preinstalledsw", "capacitystatus", "operation", "usagetype", "regioncode", "marketoption",
    "volumeapiname" };

QByteArray normalizeKey(QByteArrayView name)
{
    QByteArray out;
    out.reserve(name.size());
    for (char c : name) {
        if (c >= 'A' && c <= 'Z')
            out.append(char(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out.append(c);
    }
    return out;
}

/// Where a price goes in the price book.
struct Target
{
    RateKind kind = RateKind::Ec2OnDemand;
    QString region;
    QString key; ///< instance type, Fargate item, EKS item or EBS item
    bool eksExtendedAddon = false;
};

/// Fargate usage types (AmazonECS offer, e.g. "USE1-Fargate-vCPU-Hours:perCPU"; pricelist-samples README table)
/// after the region prefix, mapped to the items of fargate_rates.csv.
QString fargateItem(QByteArrayView usage)
{
    static const auto map = std::to_array<std::pair<const char *, const char *>>({
        { "Fargate-vCPU-Hours:perCPU", "linux_x86_vcpu" },
        { "Fargate-GB-Hours", "linux_x86_memory" },
        { "Fargate-ARM-vCPU-Hours:perCPU", "linux_arm_vcpu" },
        { "Fargate-ARM-GB-Hours", "linux_arm_memory" },
        { "Fargate-Windows-vCPU-Hours:perCPU", "windows_x86_vcpu" },
        { "Fargate-Windows-OS-Hours:perCPU", "windows_os_license" },
        { "Fargate-Windows-GB-Hours", "windows_x86_memory" },
        { "Fargate-EphemeralStorage-GB-Hours", "ephemeral_storage_above_20gb" },
        { "SpotUsage-Fargate-vCPU-Hours:perCPU", "spot_linux_x86_vcpu" },
        { "SpotUsage-Fargate-GB-Hours", "spot_linux_x86_memory" },
        { "SpotUsage-Fargate-ARM-vCPU-Hours:perCPU", "spot_linux_arm_vcpu" },
        { "SpotUsage-Fargate-ARM-GB-Hours", "spot_linux_arm_memory" },
    });
    // Drop the region prefix ("USE1-", "EU-"); us-east-1 EC2 usage types have none.
    for (const auto &[suffix, item] : map) {
        const QByteArrayView s(suffix);
        if (usage == s
            || (usage.endsWith(s) && usage.at(usage.size() - s.size() - 1) == '-'
                && !usage.first(usage.size() - s.size() - 1).contains("-")))
            return QString::fromLatin1(item);
    }
    return QString();
}

template <typename Get> std::optional<Target> classify(const Get &get, QByteArrayView offerCode)
{
    QByteArrayView service = get(ServiceCode);
    if (service.isEmpty())
        service = offerCode;
    const QByteArrayView usage = get(UsageType);
    const QByteArrayView region = get(RegionCode);
    if (region.isEmpty())
        return std::nullopt;
    if (service == "AmazonEC2") {
        const QByteArrayView type = get(InstanceType);
        if (!type.isEmpty()) {
            // A plain Linux instance (pricelist-samples README): Shared tenancy, Linux, no pre-installed
            // software, CapacityStatus Used, operation RunInstances, usage type <PFX>-BoxUsage:<type>.
            // Windows, licence included: operation RunInstances:0002 (BYOL is RunInstances:0800 and is
            // left out, like every other operating system).
            const bool linux = get(OperatingSystem) == "Linux" && get(Operation) == "RunInstances";
            const bool windows = get(OperatingSystem) == "Windows" && get(Operation) == "RunInstances:0002";
            if ((!linux && !windows) || get(Tenancy) != "Shared" || get(PreInstalledSw) != "NA"
                || !usage.contains("BoxUsage:"))
                return std::nullopt;
            const QByteArrayView capacity = get(CapacityStatus);
            if (!capacity.isEmpty() && capacity != "Used")
                return std::nullopt;
            const QByteArrayView market = get(MarketOption);
            if (!market.isEmpty() && market != "OnDemand")
                return std::nullopt; // Capacity Blocks (RunInstances:CB) and the like
            return Target { windows ? RateKind::Ec2OnDemandWindows : RateKind::Ec2OnDemand, QString::fromUtf8(region),
                QString::fromUtf8(type), false };
        }
        // EBS storage: usage type <PFX>-EBS:VolumeUsage.gp3 / .gp2 (opencost us-east-2 sample).
        for (const char *vol : { "gp3", "gp2" }) {
            const QByteArray suffix = QByteArray("EBS:VolumeUsage.") + vol;
            if (usage.endsWith(suffix))
                return Target { RateKind::Other, QString::fromUtf8(region),
                    QString::fromLatin1(vol) + QStringLiteral("_storage"), false };
        }
        return std::nullopt;
    }
    if (service == "AmazonECS") {
        const QString item = fargateItem(usage);
        if (item.isEmpty())
            return std::nullopt;
        return Target { RateKind::Fargate, QString::fromUtf8(region), item, false };
    }
    if (service == "AmazonEKS") {
        // Usage types as described in the pricelist-samples README (no EKS offer excerpt exists):
        // <PFX>-AmazonEKS-Hours:perCluster (0.10/h) and <PFX>-AmazonEKS-Hours:extendedSupport (+0.50/h).
        if (usage.endsWith("AmazonEKS-Hours:perCluster"))
            return Target { RateKind::Eks, QString::fromUtf8(region), QStringLiteral("cluster_standard_support"),
                false };
        if (usage.endsWith("AmazonEKS-Hours:extendedSupport"))
            return Target { RateKind::Eks, QString::fromUtf8(region), QStringLiteral("cluster_extended_support"),
                true };
        return std::nullopt;
    }
    return std::nullopt;
}

QString isoDate(QString date)
{
    date = date.trimmed();
    if (date.size() >= 10 && date.at(4) == u'-')
        return date.left(10);
    // "01/01/2022" (a spreadsheet re-save of an AWS CSV): month/day/year.
    const QStringList parts = date.split(u'/');
    if (parts.size() == 3 && parts.at(2).size() == 4)
        return QStringLiteral("%1-%2-%3")
            .arg(parts.at(2), parts.at(0).rightJustified(2, u'0'), parts.at(1).rightJustified(2, u'0'));
    return date;
}

/// Collects the prices of one import and writes them into the price book.
class Writer
{
public:
    explicit Writer(const QSqlDatabase &db)
        : m_insert(db)
    {
        m_insert.prepare(QStringLiteral("INSERT OR REPLACE INTO rates (kind, region, key, origin, usd, as_of, source)"
                                        " VALUES (?, ?, ?, 'imported', ?, ?, ?)"));
    }

    QString source; ///< "AWS Price List AmazonEC2 offer 20250912225308 (file.csv)"
    ImportResult *result = nullptr;

    /// One price dimension of a matching product. false + error on a database failure.
    bool price(const Target &t, QByteArrayView termType, QByteArrayView lease, QByteArrayView purchase,
        QByteArrayView offeringClass, QByteArrayView unit, double usd, const QString &asOf, QString *error)
    {
        // A Local Zone ("us-east-1-bos-1") or anything else that is not a region is not priced.
        if (!isAwsRegionCode(t.region))
            return true;
        const bool upfront = unit == "Quantity";
        const double limit = upfront ? MaxUpfrontUsd : MaxRateUsd;
        if (!std::isfinite(usd) || usd > limit) {
            *error = QStringLiteral("price %1 USD (%2 %3) is above the limit of %4 USD%5")
                         .arg(QString::number(usd, 'g', 6), t.region, t.key)
                         .arg(QString::number(limit, 'f', 0))
                         .arg(upfront ? QStringLiteral(" upfront") : QStringLiteral(" per unit"));
            return false;
        }
        if (!asOf.isEmpty() && !QDate::fromString(asOf, Qt::ISODate).isValid()) {
            *error
                = QStringLiteral("effective date \"%1\" is not a date (expected YYYY-MM-DD or MM/DD/YYYY)").arg(asOf);
            return false;
        }
        const bool reserved = termType == "Reserved" || !lease.isEmpty();
        if (reserved) {
            if (t.kind != RateKind::Ec2OnDemand)
                return true; // Linux Reserved terms only (the catalog's RI rates are Linux)
            const int years = lease.startsWith("3") ? 3 : lease.startsWith("1") ? 1 : 0;
            const auto payment = parsePaymentOption(QString::fromUtf8(purchase));
            if (years == 0 || !payment)
                return true;
            const QString key = QStringLiteral("%1|%2yr|%3|%4")
                                    .arg(t.key)
                                    .arg(years)
                                    .arg(paymentOptionName(*payment), QString::fromUtf8(offeringClass).toLower());
            Reserved &r = m_reserved[t.region + u'\x1f' + key];
            r.region = t.region;
            r.key = key;
            r.years = years;
            r.asOf = asOf;
            if (unit == "Quantity")
                r.upfront += usd;
            else
                r.hourly += usd;
            return true;
        }
        if ((t.kind == RateKind::Ec2OnDemand || t.kind == RateKind::Ec2OnDemandWindows) && (unit != "Hrs" || usd <= 0))
            return true; // free placeholder rows
        if (t.eksExtendedAddon) {
            m_eksAddon.insert(t.region, std::make_pair(usd, asOf));
            return true;
        }
        if (t.kind == RateKind::Eks)
            m_eksStandard.insert(t.region, usd);
        return write(t.kind, t.region, t.key, usd, asOf, error);
    }

    /// A rate that needs no aggregation (Savings Plans rates).
    bool rate(RateKind kind, const QString &region, const QString &key, double usd, const QString &asOf, QString *error)
    {
        // The checks price() makes: regions only, finite prices below the limit, real dates.
        if (!isAwsRegionCode(region))
            return true;
        if (!std::isfinite(usd) || usd > MaxRateUsd) {
            *error = QStringLiteral("price %1 USD (%2 %3) is above the limit of %4 USD per unit")
                         .arg(QString::number(usd, 'g', 6), region, key, QString::number(MaxRateUsd, 'f', 0));
            return false;
        }
        if (!asOf.isEmpty() && !QDate::fromString(asOf, Qt::ISODate).isValid()) {
            *error
                = QStringLiteral("effective date \"%1\" is not a date (expected YYYY-MM-DD or MM/DD/YYYY)").arg(asOf);
            return false;
        }
        return write(kind, region, key, usd, asOf, error);
    }

    /// Writes the Reserved terms (hourly + upfront spread over the term) and the EKS extended-support
    /// totals (the offer lists the +0.50 on top of the standard fee; the catalog keeps the total, as
    /// eks_rates.csv does).
    bool finish(QString *error)
    {
        for (const Reserved &r : std::as_const(m_reserved)) {
            const double effective = r.hourly + r.upfront / (r.years * 8760.0);
            if (!write(RateKind::Ec2Reserved, r.region, r.key, effective, r.asOf, error))
                return false;
        }
        for (auto it = m_eksAddon.cbegin(); it != m_eksAddon.cend(); ++it) {
            double standard = m_eksStandard.value(it.key(), -1);
            if (standard < 0) {
                const auto bundled = Catalog::bundled()->eksControlPlaneHourly(it.key(), false);
                standard = bundled ? bundled->listUsd : 0.10;
            }
            if (!write(RateKind::Eks, it.key(), QStringLiteral("cluster_extended_support"), standard + it->first,
                    it->second, error))
                return false;
        }
        m_reserved.clear();
        m_eksAddon.clear();
        m_eksStandard.clear();
        return true;
    }

private:
    bool write(
        RateKind kind, const QString &region, const QString &key, double usd, const QString &asOf, QString *error)
    {
        // Two rows for one rate with different prices: INSERT OR REPLACE keeps the last; say so.
        const QString id = rateKindName(kind) + u' ' + region + u' ' + key;
        if (const auto seen = m_written.constFind(id); seen != m_written.cend() && seen.value() != usd)
            result->warnings.append(
                QStringLiteral("%1: two different prices for %2: %3 and %4 USD; the last one is kept")
                    .arg(source, id, QString::number(seen.value(), 'g', 10), QString::number(usd, 'g', 10)));
        m_written.insert(id, usd);
        m_insert.bindValue(0, rateKindName(kind));
        m_insert.bindValue(1, region);
        m_insert.bindValue(2, key);
        m_insert.bindValue(3, usd);
        m_insert.bindValue(4, asOf);
        m_insert.bindValue(5, source);
        if (!m_insert.exec()) {
            *error = QStringLiteral("writing the price book: ") + m_insert.lastError().text();
            return false;
        }
        ++result->ratesWritten;
        ++result->ratesByKind[rateKindName(kind)];
        return true;
    }

    struct Reserved
    {
        QString region, key, asOf;
        int years = 1;
        double hourly = 0;
        double upfront = 0;
    };
    QSqlQuery m_insert;
    QHash<QString, Reserved> m_reserved;
    QHash<QString, std::pair<double, QString>> m_eksAddon;
    QHash<QString, double> m_eksStandard;
    QHash<QString, double> m_written; ///< "kind region key" → usd, of this import
};

QString location(const QString &file, qint64 line, qint64 column)
{
    return QStringLiteral("%1:%2:%3").arg(QDir::toNativeSeparators(file)).arg(line).arg(column);
}

// ---- CSV -------------------------------------------------------------------------------------------

/// "file:12:1: 3 fields, but the header (line 7) has 27": a row of another width than the header's.
bool fieldCountError(const CsvReader &reader, const QString &file, qint64 headerLine, int columns, QString *error)
{
    *error = location(file, reader.line(), 1)
        + QStringLiteral(": %1 fields, but the header (line %2) has %3")
              .arg(reader.size())
              .arg(headerLine)
              .arg(columns);
    return false;
}

/// The Savings Plans price list (/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/<version>/<region>/index.csv,
/// OfferCode AmazonComputeSavingsPlan; pricelist-samples README): one row per plan × discounted usage type,
/// with DiscountedRate in USD per unit. Kept: EC2 Linux shared-tenancy instance usage (DiscountedUsageType
/// <PFX>-BoxUsage:<type>, DiscountedOperation RunInstances) and Fargate Linux x86/ARM vCPU and memory
/// (AmazonECS), under a Compute or an EC2 Instance Savings Plan, 1 or 3 years, any payment option.
bool importSavingsPlanCsv(CsvReader &reader, const QList<QByteArray> &header, qint64 headerLine, const QString &file,
    const QByteArray &offerCode, const QByteArray &version, Writer &writer, ImportResult &result, QString *error)
{
    enum SpCol {
        Rate,
        Currency,
        Unit,
        Effective,
        Service,
        Usage,
        Operation,
        Purchase,
        Lease,
        Family,
        Region,
        Type,
        SpColCount
    };
    constexpr std::array<const char *, SpColCount> keys { "discountedrate", "currency", "unit", "effectivedate",
        "discountedservicecode", "discountedusagetype", "discountedoperation", "purchaseoption", "leasecontractlength",
        "productfamily", "discountedregioncode", "discountedinstancetype" };
    std::array<int, SpColCount> col {};
    for (int c = 0; c < SpColCount; ++c) {
        col[size_t(c)] = int(header.indexOf(QByteArray(keys[size_t(c)])));
        if (col[size_t(c)] < 0 && c != Type && c != Currency && c != Operation) {
            *error = location(file, headerLine, 1)
                + QStringLiteral(": a Savings Plans price list, but the header has no \"%1\" column")
                      .arg(QString::fromLatin1(keys[size_t(c)]));
            return false;
        }
    }
    writer.source
        = QStringLiteral("AWS Savings Plans price list %1 %2 (%3)")
              .arg(QString::fromUtf8(offerCode.isEmpty() ? QByteArray("AmazonComputeSavingsPlan") : offerCode),
                  QString::fromUtf8(version.isEmpty() ? QByteArray("of unknown version") : version),
                  QFileInfo(file).fileName());
    const int columns = int(header.size());
    auto field = [&](SpCol c) -> QByteArrayView {
        const int i = col[size_t(c)];
        return i < 0 ? QByteArrayView() : reader.field(i);
    };
    while (reader.next()) {
        ++result.rowsRead;
        if (reader.size() != columns)
            return fieldCountError(reader, file, headerLine, columns, error);
        const QByteArrayView family = field(Family);
        const bool compute = family == "ComputeSavingsPlans";
        if (!compute && family != "EC2InstanceSavingsPlans")
            continue;
        const CommitmentPlan plan
            = compute ? CommitmentPlan::ComputeSavingsPlan : CommitmentPlan::Ec2InstanceSavingsPlan;
        const auto payment = parsePaymentOption(QString::fromUtf8(field(Purchase)));
        const QByteArrayView lease = field(Lease);
        const int years = lease == "1" ? 1 : lease == "3" ? 3 : 0;
        const QByteArrayView currency = field(Currency);
        if (!payment || years == 0 || (!currency.isEmpty() && currency != "USD"))
            continue;
        const QByteArrayView service = field(Service);
        const QByteArrayView usage = field(Usage);
        QString target;
        if (service == "AmazonEC2") {
            const qsizetype box = usage.indexOf("BoxUsage:");
            if (box < 0 || field(Operation) != "RunInstances" || field(Unit) != "Hrs")
                continue; // other tenancies, operating systems, unused reservations
            target = QString::fromUtf8(field(Type).isEmpty() ? usage.sliced(box + 9) : field(Type));
        } else if (service == "AmazonECS") {
            target = fargateItem(usage);
            if (target.isEmpty() || target.startsWith(QLatin1String("spot_")))
                continue;
        } else {
            continue; // Lambda, SageMaker ...
        }
        const QString region = QString::fromUtf8(field(Region));
        if (region.isEmpty() || target.isEmpty())
            continue;
        const QByteArrayView rateText = field(Rate);
        bool ok = false;
        const double usd = rateText.toByteArray().toDouble(&ok);
        if (!ok || !std::isfinite(usd) || usd < 0) {
            *error = location(file, reader.line(), reader.column(col[Rate]))
                + QStringLiteral(": DiscountedRate \"%1\" is not a price").arg(QString::fromUtf8(rateText));
            return false;
        }
        QString dbError;
        if (!writer.rate(RateKind::SavingsPlan, region, savingsPlanRateKey(plan, years, *payment, target), usd,
                isoDate(QString::fromUtf8(field(Effective))), &dbError)) {
            *error = location(file, reader.line(), 1) + QStringLiteral(": ") + dbError;
            return false;
        }
    }
    if (reader.hasError()) {
        *error = location(file, reader.errorLine(), reader.errorColumn()) + QStringLiteral(": ") + reader.errorString();
        return false;
    }
    result.bytesRead += reader.bytesRead();
    return writer.finish(error);
}

bool importCsv(QIODevice &device, const QString &file, Writer &writer, ImportResult &result, QString *error)
{
    CsvReader reader(&device);
    QByteArray offerCode;
    QByteArray version;
    qint64 headerLine = 0;
    int columns = 0;
    std::array<int, AttrCount> attrColumn {};
    attrColumn.fill(-1);
    enum Col {
        TermType,
        LeaseContractLength,
        PurchaseOption,
        OfferingClass,
        Unit,
        PricePerUnit,
        EffectiveDate,
        Currency,
        ColCount
    };
    constexpr std::array<const char *, ColCount> colKeys { "termtype", "leasecontractlength", "purchaseoption",
        "offeringclass", "unit", "priceperunit", "effectivedate", "currency" };
    std::array<int, ColCount> col {};
    col.fill(-1);
    QList<QByteArray> header; // normalized names

    // Metadata lines ("FormatVersion","v1.0" ... "OfferCode","AmazonEC2"), then the header row starting with SKU.
    while (reader.next()) {
        const QByteArray first = normalizeKey(reader.field(0));
        if (first == "sku") {
            headerLine = reader.line();
            columns = int(reader.size());
            for (qsizetype i = 0; i < reader.size(); ++i) {
                const QByteArray key = normalizeKey(reader.field(i));
                header.append(key);
                for (int a = 0; a < AttrCount; ++a) {
                    if (key == AttrKeys[size_t(a)] && attrColumn[size_t(a)] < 0)
                        attrColumn[size_t(a)] = int(i);
                }
                for (int c = 0; c < ColCount; ++c) {
                    if (key == colKeys[size_t(c)] && col[size_t(c)] < 0)
                        col[size_t(c)] = int(i);
                }
            }
            break;
        }
        if (first == "offercode")
            offerCode = reader.field(1).toByteArray();
        else if (first == "version")
            version = reader.field(1).toByteArray();
        if (reader.line() > 20)
            break;
    }
    if (reader.hasError()) {
        *error = location(file, reader.errorLine(), reader.errorColumn()) + QStringLiteral(": ") + reader.errorString();
        return false;
    }
    if (headerLine == 0) {
        *error = location(file, 1, 1)
            + QStringLiteral(": not an AWS Price List offer file (no \"SKU\" header row in the first lines)");
        return false;
    }
    if (header.contains("discountedrate"))
        return importSavingsPlanCsv(reader, header, headerLine, file, offerCode, version, writer, result, error);
    for (int c : { int(TermType), int(Unit), int(PricePerUnit) }) {
        if (col[size_t(c)] < 0) {
            *error = location(file, headerLine, 1)
                + QStringLiteral(": the header has no \"%1\" column").arg(QString::fromLatin1(colKeys[size_t(c)]));
            return false;
        }
    }
    if (attrColumn[UsageType] < 0 || attrColumn[RegionCode] < 0) {
        *error = location(file, headerLine, 1)
            + QStringLiteral(": the header has no \"usageType\" or \"Region Code\" column");
        return false;
    }
    writer.source = QStringLiteral("AWS Price List %1 offer %2 (%3)")
                        .arg(QString::fromUtf8(offerCode.isEmpty() ? QByteArray("CSV") : offerCode),
                            QString::fromUtf8(version.isEmpty() ? QByteArray("of unknown version") : version),
                            QFileInfo(file).fileName());

    auto get = [&](Attr a) -> QByteArrayView {
        const int c = attrColumn[size_t(a)];
        return c < 0 ? QByteArrayView() : reader.field(c);
    };
    auto colValue = [&](Col c) -> QByteArrayView {
        const int i = col[size_t(c)];
        return i < 0 ? QByteArrayView() : reader.field(i);
    };
    while (reader.next()) {
        ++result.rowsRead;
        if (reader.size() != columns)
            return fieldCountError(reader, file, headerLine, columns, error);
        const auto target = classify(get, offerCode);
        if (!target)
            continue;
        const QByteArrayView priceText = colValue(PricePerUnit);
        bool ok = false;
        const double usd = priceText.toByteArray().toDouble(&ok);
        if (!ok || usd < 0) {
            *error = location(file, reader.line(), reader.column(col[PricePerUnit]))
                + QStringLiteral(": PricePerUnit \"%1\" is not a price").arg(QString::fromUtf8(priceText));
            return false;
        }
        const QByteArrayView currency = colValue(Currency);
        if (!currency.isEmpty() && currency != "USD")
            continue;
        QString dbError;
        if (!writer.price(*target, colValue(TermType), colValue(LeaseContractLength), colValue(PurchaseOption),
                colValue(OfferingClass), colValue(Unit), usd, isoDate(QString::fromUtf8(colValue(EffectiveDate))),
                &dbError)) {
            *error = location(file, reader.line(), 1) + QStringLiteral(": ") + dbError;
            return false;
        }
    }
    if (reader.hasError()) {
        *error = location(file, reader.errorLine(), reader.errorColumn()) + QStringLiteral(": ") + reader.errorString();
        return false;
    }
    result.bytesRead += reader.bytesRead();
    return writer.finish(error);
}

// ---- JSON ------------------------------------------------------------------------------------------

/// A pull parser over a QIODevice with bounded memory: the offer's top level and the products/terms maps are
/// walked token by token; only one product or one SKU's terms is materialised (as a QJsonValue) at a time,
/// and none larger than MaxValueBytes, so a hostile offer (one endless product, string or number) fails at
/// its line instead of filling memory.
class JsonPull
{
public:
    /// The most of the file one materialised value (a SKU's terms, the Fargate Spot feed's price list) or
    /// one string may span: 4 MiB. A SKU's terms in AWS's EC2 offer are a few KiB, the whole Spot feed
    /// about 100 KiB.
    static constexpr qint64 MaxValueBytes = qint64(4) * 1024 * 1024;
    /// The longest number or literal: 64 characters (a price has at most 17 significant digits).
    static constexpr qsizetype MaxTokenChars = 64;

    explicit JsonPull(QIODevice *device)
        : m_device(device)
    {
        m_buffer.resize(1 << 20);
    }

    QString error;
    qint64 errorLine = 0;
    qint64 errorColumn = 0;
    qint64 line() const { return m_line; }
    qint64 column() const { return m_column; }
    qint64 bytesRead() const { return m_bytesRead; }

    bool fail(const QString &message)
    {
        if (error.isEmpty()) {
            error = message;
            errorLine = m_line;
            errorColumn = m_column;
        }
        return false;
    }

    /// Next non-whitespace character without consuming it; -1 at the end.
    int peek()
    {
        while (true) {
            if (m_pos >= m_end && !fill())
                return -1;
            const char c = m_buffer.at(m_pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                advance();
            } else if (c == '\n') {
                ++m_pos;
                ++m_line;
                m_column = 1;
            } else {
                return uchar(c);
            }
        }
    }

    bool expect(char c)
    {
        const int p = peek();
        if (p != uchar(c)) {
            return fail(p < 0 ? QStringLiteral("unexpected end of file, expected '%1'").arg(QLatin1Char(c))
                              : QStringLiteral("expected '%1', found '%2'")
                                    .arg(QChar::fromLatin1(c))
                                    .arg(QChar::fromLatin1(char(p))));
        }
        advance();
        return true;
    }

    /// After a member or element: true and *more = true on ',', *more = false on the closing bracket.
    bool separator(char close, bool *more)
    {
        const int p = peek();
        if (p == ',') {
            advance();
            *more = true;
            return true;
        }
        if (p == uchar(close)) {
            advance();
            *more = false;
            return true;
        }
        return fail(p < 0 ? QStringLiteral("unexpected end of file, expected ',' or '%1'").arg(QLatin1Char(close))
                          : QStringLiteral("expected ',' or '%1', found '%2'")
                                .arg(QChar::fromLatin1(close))
                                .arg(QChar::fromLatin1(char(p))));
    }

    /// Opens an object; *empty = true for "{}".
    bool beginObject(bool *empty)
    {
        if (!expect('{'))
            return false;
        *empty = peek() == '}';
        if (*empty)
            advance();
        return true;
    }

    bool readString(QByteArray &out)
    {
        out.resize(0); // keeps the capacity: keys and values are read into reused buffers
        if (peek() != '"')
            return fail(m_pos >= m_end ? QStringLiteral("unexpected end of file, expected a string")
                                       : QStringLiteral("expected a string"));
        advance();
        while (true) {
            if (out.size() > MaxValueBytes)
                return fail(QStringLiteral("a string longer than the limit of %1 MiB").arg(MaxValueBytes >> 20));
            if (m_pos >= m_end && !fill())
                return fail(QStringLiteral("unexpected end of file inside a string"));
            const char c = m_buffer.at(m_pos);
            if (c == '"') {
                advance();
                return true;
            }
            if (c == '\n')
                return fail(QStringLiteral("line break inside a string"));
            if (c != '\\') {
                // Copy a run of plain characters at once.
                qsizetype i = m_pos;
                const char *d = m_buffer.constData();
                while (i < m_end && d[i] != '"' && d[i] != '\\' && d[i] != '\n')
                    ++i;
                out.append(d + m_pos, i - m_pos);
                m_column += i - m_pos;
                m_pos = i;
                continue;
            }
            advance();
            if (m_pos >= m_end && !fill())
                return fail(QStringLiteral("unexpected end of file inside a string"));
            const char e = m_buffer.at(m_pos);
            advance();
            switch (e) {
            case '"':
                out.append('"');
                break;
            case '\\':
                out.append('\\');
                break;
            case '/':
                out.append('/');
                break;
            case 'b':
                out.append('\b');
                break;
            case 'f':
                out.append('\f');
                break;
            case 'n':
                out.append('\n');
                break;
            case 'r':
                out.append('\r');
                break;
            case 't':
                out.append('\t');
                break;
            case 'u': {
                char16_t code = 0;
                for (int k = 0; k < 4; ++k) {
                    if (m_pos >= m_end && !fill())
                        return fail(QStringLiteral("unexpected end of file in a \\u escape"));
                    const char hc = m_buffer.at(m_pos);
                    const int v = (hc >= '0' && hc <= '9') ? hc - '0'
                        : (hc >= 'a' && hc <= 'f')         ? hc - 'a' + 10
                        : (hc >= 'A' && hc <= 'F')         ? hc - 'A' + 10
                                                           : -1;
                    if (v < 0)
                        return fail(QStringLiteral("bad \\u escape"));
                    code = char16_t(code * 16 + v);
                    advance();
                }
                out.append(QString(QChar(code)).toUtf8());
                break;
            }
            default:
                return fail(QStringLiteral("bad escape '\\%1'").arg(QLatin1Char(e)));
            }
        }
    }

    /// Reads any value into out (build = false only checks and skips it).
    bool readValue(QJsonValue &out, bool build, int depth = 0)
    {
        if (depth > 64)
            return fail(QStringLiteral("nested too deeply"));
        if (build && depth == 0)
            m_valueStart = offset();
        if (build && offset() - m_valueStart > MaxValueBytes)
            return fail(QStringLiteral("one value (a product's terms) larger than the limit of %1 MiB")
                            .arg(MaxValueBytes >> 20));
        const int p = peek();
        if (p == '"') {
            if (!readString(m_scratch))
                return false;
            if (build)
                out = QString::fromUtf8(m_scratch);
            return true;
        }
        if (p == '{') {
            advance();
            QJsonObject obj;
            if (peek() == '}') {
                advance();
            } else {
                bool more = true;
                while (more) {
                    QJsonValue v;
                    if (!readString(m_key) || !expect(':'))
                        return false;
                    const QString key = build ? QString::fromUtf8(m_key) : QString();
                    if (!readValue(v, build, depth + 1) || !separator('}', &more))
                        return false;
                    if (build)
                        obj.insert(key, v);
                }
            }
            if (build)
                out = obj;
            return true;
        }
        if (p == '[') {
            advance();
            QJsonArray arr;
            if (peek() == ']') {
                advance();
            } else {
                bool more = true;
                while (more) {
                    QJsonValue v;
                    if (!readValue(v, build, depth + 1) || !separator(']', &more))
                        return false;
                    if (build)
                        arr.append(v);
                }
            }
            if (build)
                out = arr;
            return true;
        }
        if (p < 0)
            return fail(QStringLiteral("unexpected end of file, expected a value"));
        // Literal or number.
        QByteArray token;
        while (true) {
            if (m_pos >= m_end && !fill())
                break;
            const char c = m_buffer.at(m_pos);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E'))
                break;
            token.append(c);
            advance();
            if (token.size() > MaxTokenChars)
                return fail(QStringLiteral("a number longer than %1 characters").arg(MaxTokenChars));
        }
        if (token == "true" || token == "false") {
            out = token == "true";
            return true;
        }
        if (token == "null") {
            out = QJsonValue();
            return true;
        }
        bool ok = false;
        const double d = token.toDouble(&ok);
        if (!ok)
            return fail(token.isEmpty() ? QStringLiteral("unexpected character '%1'").arg(QLatin1Char(char(p)))
                                        : QStringLiteral("invalid value \"%1\"").arg(QString::fromUtf8(token)));
        out = d;
        return true;
    }

    /// Only whitespace may follow the top-level value.
    bool atEnd() { return peek() < 0; }

private:
    bool fill()
    {
        const qint64 n = m_device->read(m_buffer.data(), m_buffer.size());
        if (n <= 0)
            return false;
        m_bytesRead += n;
        m_pos = 0;
        m_end = qsizetype(n);
        return true;
    }
    void advance()
    {
        ++m_pos;
        ++m_column;
    }
    /// Bytes of the file consumed so far.
    qint64 offset() const { return m_bytesRead - (m_end - m_pos); }

    QIODevice *m_device;
    QByteArray m_buffer;
    QByteArray m_scratch;
    QByteArray m_key;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    qint64 m_line = 1;
    qint64 m_column = 1;
    qint64 m_bytesRead = 0;
    qint64 m_valueStart = 0; ///< offset() where the value being materialised began
};

/// Index of an attribute key ("regionCode", "Region Code") in AttrKeys, or -1; no allocation.
int attrIndex(QByteArrayView key)
{
    std::array<char, 64> buf {};
    qsizetype n = 0;
    for (char c : key) {
        if (n == qsizetype(buf.size()))
            return -1;
        if (c >= 'A' && c <= 'Z')
            buf[n++] = char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            buf[n++] = c;
    }
    const QByteArrayView k(buf.data(), n);
    for (int a = 0; a < AttrCount; ++a) {
        if (k == AttrKeys[size_t(a)])
            return a;
    }
    return -1;
}

/// Reads one product object ({"sku", "productFamily", "attributes": {...}}) straight into the attribute
/// values the classifier needs, without building a QJsonObject (products are most of an EC2 offer).
bool readProduct(JsonPull &json, std::array<QByteArray, AttrCount> &values)
{
    bool empty = false;
    if (!json.beginObject(&empty))
        return false;
    bool more = !empty;
    QByteArray key;
    QByteArray value;
    while (more) {
        if (!json.readString(key) || !json.expect(':'))
            return false;
        if (key == "attributes") {
            bool none = false;
            if (!json.beginObject(&none))
                return false;
            bool next = !none;
            while (next) {
                if (!json.readString(key) || !json.expect(':'))
                    return false;
                const int a = attrIndex(key);
                if (a >= 0 && json.peek() == '"') {
                    if (!json.readString(values[size_t(a)]))
                        return false;
                } else {
                    QJsonValue skip;
                    if (!json.readValue(skip, false))
                        return false;
                }
                if (!json.separator('}', &next))
                    return false;
            }
        } else if (key == "productFamily" && json.peek() == '"') {
            if (!json.readString(values[ProductFamily]))
                return false;
        } else {
            QJsonValue skip;
            if (!json.readValue(skip, false))
                return false;
        }
        if (!json.separator('}', &more))
            return false;
    }
    return true;
}

bool importJson(QIODevice &device, const QString &file, Writer &writer, ImportResult &result, QString *error)
{
    JsonPull json(&device);
    QByteArray offerCode = "JSON";
    QByteArray version = "of unknown version";
    QHash<QString, Target> targets; // sku → where its prices go (matching products only)
    auto jsonFail = [&] {
        *error = location(file, json.errorLine, json.errorColumn) + QStringLiteral(": ") + json.error;
        return false;
    };
    auto setSource = [&] {
        writer.source = QStringLiteral("AWS Price List %1 offer %2 (%3)")
                            .arg(QString::fromUtf8(offerCode), QString::fromUtf8(version), QFileInfo(file).fileName());
    };
    setSource();
    bool empty = false;
    if (!json.beginObject(&empty))
        return jsonFail();
    bool more = !empty;
    while (more) {
        QByteArray key;
        if (!json.readString(key) || !json.expect(':'))
            return jsonFail();
        if (key == "offerCode" || key == "version") {
            QByteArray value;
            if (!json.readString(value))
                return jsonFail();
            (key == "offerCode" ? offerCode : version) = value;
            setSource();
        } else if (key == "metadata") {
            // AWS's website feed for Fargate Spot (fargate-spot-prices.json; pricelist-samples README): not a
            // Price List offer, but the only published source of Fargate Spot rates.
            QJsonValue meta;
            if (!json.readValue(meta, true))
                return jsonFail();
            offerCode = "FargateSpot";
            version = meta.toObject().value(QStringLiteral("source:version")).toString().toUtf8();
            writer.source = QStringLiteral("AWS Fargate Spot price feed %1 (%2)")
                                .arg(QString::fromUtf8(version), QFileInfo(file).fileName());
        } else if (key == "prices") {
            const qint64 pricesLine = json.line();
            const qint64 pricesColumn = json.column();
            QJsonValue prices;
            if (!json.readValue(prices, true))
                return jsonFail();
            // "source:version" 20190730194642 → 2019-07-30.
            const QString asOf = version.size() >= 8 && version.at(0) >= '0' && version.at(0) <= '9'
                ? QStringLiteral("%1-%2-%3")
                      .arg(QString::fromLatin1(version.mid(0, 4)), QString::fromLatin1(version.mid(4, 2)),
                          QString::fromLatin1(version.mid(6, 2)))
                : QString();
            const QJsonArray list = prices.toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                ++result.rowsRead;
                const QJsonObject entry = list.at(i).toObject();
                const QJsonObject attrs = entry.value(QStringLiteral("attributes")).toObject();
                const QString region = attrs.value(QStringLiteral("aws:region")).toString();
                const QString unit = entry.value(QStringLiteral("unit")).toString();
                const bool arm = attrs.value(QStringLiteral("aws:label"))
                                     .toString()
                                     .contains(QLatin1String("ARM"), Qt::CaseInsensitive);
                QString item;
                if (unit == u"vCPU-Hours")
                    item = arm ? QStringLiteral("spot_linux_arm_vcpu") : QStringLiteral("spot_linux_x86_vcpu");
                else if (unit == u"GB-Hours")
                    item = arm ? QStringLiteral("spot_linux_arm_memory") : QStringLiteral("spot_linux_x86_memory");
                if (region.isEmpty() || item.isEmpty())
                    continue;
                const QJsonValue priceValue
                    = entry.value(QStringLiteral("price")).toObject().value(QStringLiteral("USD"));
                bool ok = false;
                const double usd = priceValue.toString().toDouble(&ok);
                if (!ok || usd < 0) {
                    *error = location(file, pricesLine, pricesColumn)
                        + QStringLiteral(": prices[%1] (%2 %3): price.USD \"%4\" is not a price")
                              .arg(i)
                              .arg(region, unit, priceValue.toVariant().toString());
                    return false;
                }
                QString dbError;
                if (!writer.price(Target { RateKind::Fargate, region, item, false }, "OnDemand", {}, {}, {},
                        unit.toUtf8(), usd, asOf, &dbError)) {
                    *error = location(file, pricesLine, pricesColumn) + QStringLiteral(": ") + dbError;
                    return false;
                }
            }
        } else if (key == "products" && json.peek() == '[') {
            // The Savings Plans price list in JSON lists its products as an array and leaves the region of
            // each rate to its usage-type prefix; its CSV form names the region in every row.
            json.fail(QStringLiteral("a Savings Plans price list in JSON: import the same offer's index.csv "
                                     "(/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/<version>/<region>/index.csv)"));
            return jsonFail();
        } else if (key == "products") {
            bool none = false;
            if (!json.beginObject(&none))
                return jsonFail();
            bool next = !none;
            while (next) {
                QByteArray sku;
                std::array<QByteArray, AttrCount> values;
                if (!json.readString(sku) || !json.expect(':') || !readProduct(json, values)
                    || !json.separator('}', &next))
                    return jsonFail();
                ++result.rowsRead;
                const auto target = classify([&](Attr a) { return QByteArrayView(values[size_t(a)]); }, offerCode);
                if (target)
                    targets.insert(QString::fromUtf8(sku), *target);
            }
        } else if (key == "terms") {
            bool none = false;
            if (!json.beginObject(&none))
                return jsonFail();
            bool nextType = !none;
            while (nextType) {
                QByteArray termType;
                bool noSkus = false;
                if (!json.readString(termType) || !json.expect(':'))
                    return jsonFail();
                if (termType != "OnDemand" && termType != "Reserved") {
                    QJsonValue skip;
                    if (!json.readValue(skip, false) || !json.separator('}', &nextType))
                        return jsonFail();
                    continue;
                }
                if (!json.beginObject(&noSkus))
                    return jsonFail();
                bool nextSku = !noSkus;
                while (nextSku) {
                    QByteArray sku;
                    if (!json.readString(sku) || !json.expect(':'))
                        return jsonFail();
                    const qint64 termLine = json.line();
                    const qint64 termColumn = json.column();
                    const auto target = targets.constFind(QString::fromUtf8(sku));
                    QJsonValue terms;
                    if (!json.readValue(terms, target != targets.constEnd()) || !json.separator('}', &nextSku))
                        return jsonFail();
                    if (target == targets.constEnd())
                        continue;
                    const QJsonObject termMap = terms.toObject();
                    for (auto t = termMap.constBegin(); t != termMap.constEnd(); ++t) {
                        const QJsonObject term = t.value().toObject();
                        const QJsonObject attrs = term.value(QStringLiteral("termAttributes")).toObject();
                        const QByteArray lease = attrs.value(QStringLiteral("LeaseContractLength")).toString().toUtf8();
                        const QByteArray purchase = attrs.value(QStringLiteral("PurchaseOption")).toString().toUtf8();
                        const QByteArray offering = attrs.value(QStringLiteral("OfferingClass")).toString().toUtf8();
                        const QString asOf = isoDate(term.value(QStringLiteral("effectiveDate")).toString());
                        const QJsonObject dims = term.value(QStringLiteral("priceDimensions")).toObject();
                        for (auto d = dims.constBegin(); d != dims.constEnd(); ++d) {
                            const QJsonObject dim = d.value().toObject();
                            const QJsonValue priceValue
                                = dim.value(QStringLiteral("pricePerUnit")).toObject().value(QStringLiteral("USD"));
                            bool ok = false;
                            const double usd = priceValue.toString().toDouble(&ok);
                            if (!ok || usd < 0) {
                                *error = location(file, termLine, termColumn)
                                    + QStringLiteral(": SKU %1 term %2: pricePerUnit.USD \"%3\" is not a price")
                                          .arg(QString::fromUtf8(sku), t.key(), priceValue.toVariant().toString());
                                return false;
                            }
                            const QByteArray unit = dim.value(QStringLiteral("unit")).toString().toUtf8();
                            QString dbError;
                            if (!writer.price(*target, lease.isEmpty() ? termType : QByteArray("Reserved"), lease,
                                    purchase, offering, unit, usd, asOf, &dbError)) {
                                *error = location(file, termLine, termColumn) + QStringLiteral(": ") + dbError;
                                return false;
                            }
                        }
                    }
                }
                if (!json.separator('}', &nextType))
                    return jsonFail();
            }
        } else {
            QJsonValue skip;
            if (!json.readValue(skip, false))
                return jsonFail();
        }
        if (!json.separator('}', &more))
            return jsonFail();
    }
    if (!json.atEnd()) {
        json.fail(QStringLiteral("unexpected data after the end of the offer"));
        return jsonFail();
    }
    result.bytesRead += json.bytesRead();
    return writer.finish(error);
}

/// Reads a file for the parsers and reports the bytes read; a false answer of the callback ends the stream
/// (the import then rolls back, whatever the parser made of the shortened input).
class ProgressDevice : public QIODevice
{
public:
    ProgressDevice(QIODevice &source, qint64 doneBefore, qint64 total, const ImportProgress &progress)
        : m_source(source)
        , m_doneBefore(doneBefore)
        , m_total(total)
        , m_progress(progress)
    {
    }
    bool isSequential() const override { return true; }
    bool cancelled() const { return m_cancelled; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_cancelled)
            return -1;
        const qint64 n = m_source.read(data, maxSize);
        if (n > 0)
            m_read += n;
        if (m_progress && (m_read - m_reported >= ReportEvery || n <= 0)) {
            m_reported = m_read;
            if (!m_progress(m_doneBefore + m_read, m_total)) {
                m_cancelled = true;
                return -1;
            }
        }
        return n;
    }
    qint64 writeData(const char * /*data*/, qint64 /*len*/) override { return -1; }

private:
    static constexpr qint64 ReportEvery = qint64(256) * 1024;
    QIODevice &m_source;
    qint64 m_doneBefore = 0;
    qint64 m_total = 0;
    qint64 m_read = 0;
    qint64 m_reported = 0;
    bool m_cancelled = false;
    const ImportProgress &m_progress;
};

} // namespace

ImportResult PriceListImporter::importFiles(PriceBook &book, const QStringList &files, const ImportProgress &progress)
{
    ImportResult result;
    if (files.isEmpty()) {
        result.error = QStringLiteral("no file to import");
        return result;
    }
    if (!book.isOpen()) {
        result.error = QStringLiteral("the price book is not open");
        return result;
    }
    QSqlDatabase db = book.database();
    if (!db.transaction()) {
        result.error = book.path() + QStringLiteral(": cannot start a transaction: ") + db.lastError().text();
        return result;
    }
    bool ok = true;
    qint64 total = 0;
    for (const QString &file : files)
        total += std::max<qint64>(0, QFileInfo(file).size());
    qint64 done = 0;
    {
        Writer writer(db);
        writer.result = &result;
        for (const QString &file : files) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                result.error = QDir::toNativeSeparators(file) + QStringLiteral(": ") + f.errorString();
                ok = false;
                break;
            }
            // JSON offers start with '{'; CSV offers with their metadata lines.
            char first = 0;
            {
                const QByteArray head = f.peek(64);
                for (char c : head) {
                    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                        first = c;
                        break;
                    }
                }
            }
            ProgressDevice device(f, done, total, progress);
            device.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
            ok = first == '{' ? importJson(device, file, writer, result, &result.error)
                              : importCsv(device, file, writer, result, &result.error);
            done += f.pos();
            if (device.cancelled()) {
                result.cancelled = true;
                result.error = QStringLiteral("the import was cancelled; the price book is unchanged");
                ok = false;
            }
            if (!ok)
                break;
        }
    }
    if (!ok) {
        db.rollback();
        result.ratesWritten = 0;
        result.ratesByKind.clear();
        return result;
    }
    if (!db.commit()) {
        result.error = book.path() + QStringLiteral(": commit failed: ") + db.lastError().text();
        db.rollback();
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace fleetplan::pricing
