// SPDX-License-Identifier: GPL-3.0-or-later
// fleetplan-catalog-builder: turns resources/catalog/*.csv into the read-only catalog.sqlite that is embedded
// into fleetplan_pricing (see pricing/CMakeLists.txt). Runs at build time on the build host.
//
// Usage: fleetplan-catalog-builder CSV_DIR OUTPUT.sqlite

#include <cstdio>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "pricing/csvreader.h"

using fleetplan::pricing::CsvReader;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "fleetplan-catalog-builder: %s\n", qPrintable(message));
    std::exit(1);
}

/// Reads a CSV with a header row and calls f(row as column → text, line) for every record.
template <typename F> int forEachRow(const QString &path, F &&f)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        die(path + QStringLiteral(": ") + file.errorString());
    CsvReader reader(&file);
    if (!reader.next())
        die(path + QStringLiteral(": no header row"));
    QStringList header;
    for (qsizetype i = 0; i < reader.size(); ++i)
        header.append(reader.text(i));
    int rows = 0;
    while (reader.next()) {
        if (reader.size() != header.size())
            die(QStringLiteral("%1:%2:1: %3 fields, the header has %4")
                    .arg(path)
                    .arg(reader.line())
                    .arg(reader.size())
                    .arg(header.size()));
        QHash<QString, QString> row;
        for (qsizetype i = 0; i < header.size(); ++i)
            row.insert(header.at(i), reader.text(i));
        f(row, reader.line());
        ++rows;
    }
    if (reader.hasError())
        die(QStringLiteral("%1:%2:%3: %4")
                .arg(path)
                .arg(reader.errorLine())
                .arg(reader.errorColumn())
                .arg(reader.errorString()));
    return rows;
}

void exec(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql))
        die(sql + QStringLiteral(": ") + q.lastError().text());
}

int toInt(const QString &s)
{
    return s.isEmpty() ? 0 : s.toInt();
}

QVariant optionalInt(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s.toInt());
}

bool toBool(const QString &s)
{
    return s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

// Full citations of the short EC2 source codes (resources/catalog/README.md, "ec2_ondemand_prices.csv").
const QHash<QString, QString> &ec2Citations()
{
    static const QHash<QString, QString> c {
        { QStringLiteral("karpenter"),
            QStringLiteral("aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go @6fc13b5 "
                           "(generated 2026-07-20 for us-east-1)") },
        { QStringLiteral("vantage"),
            QStringLiteral("instances.vantage.sh (mirror of the AWS Price List) via "
                           "jawaadjariwala/AWS-EC2-Pricing-Landscape-Analysis "
                           "data/ec2_pricing_tidy.parquet @cbe0a51 (fetched about 2026-05-12)") },
        { QStringLiteral("vantage-windows"),
            QStringLiteral("instances.vantage.sh (mirror of the AWS Price List) via "
                           "jawaadjariwala/AWS-EC2-Pricing-Landscape-Analysis "
                           "data/ec2_pricing_tidy.parquet @cbe0a51, operating_system = mswin (Windows, licence "
                           "included, shared tenancy; fetched about 2026-05-12)") },
    };
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        die(QStringLiteral("usage: fleetplan-catalog-builder CSV_DIR OUTPUT.sqlite"));
    const QDir in(args.at(1));
    const QString out = args.at(2);
    const QString tmp = out + QStringLiteral(".tmp");
    QFile::remove(tmp);

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("builder"));
        db.setDatabaseName(tmp);
        if (!db.open())
            die(tmp + QStringLiteral(": ") + db.lastError().text());
        QSqlQuery q(db);
        exec(q, QStringLiteral("PRAGMA journal_mode = OFF"));
        exec(q, QStringLiteral("PRAGMA page_size = 4096"));
        db.transaction();
        exec(q, QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        exec(q,
            QStringLiteral("CREATE TABLE datasets (name TEXT PRIMARY KEY, file TEXT NOT NULL, rows INTEGER NOT NULL,"
                           " as_of_min TEXT, as_of_max TEXT, sources TEXT)"));
        exec(q,
            QStringLiteral(
                "CREATE TABLE instance_types (name TEXT PRIMARY KEY, family TEXT NOT NULL, vcpu INTEGER, memory_mib "
                "INTEGER,"
                " arch TEXT, max_enis INTEGER, ipv4_per_eni INTEGER, bare_metal INTEGER, eks_max_pods INTEGER,"
                " karpenter_cpu_millicores INTEGER, karpenter_memory_mib INTEGER, default_card_max_enis INTEGER,"
                " network_cards INTEGER, trunking_compatible INTEGER, branch_enis INTEGER, gpu_count INTEGER, gpu_name "
                "TEXT,"
                " accelerator_count INTEGER, accelerator_name TEXT, spec_source TEXT, network_source TEXT, hypervisor "
                "TEXT)"));
        exec(q,
            QStringLiteral(
                "CREATE TABLE rates (kind TEXT NOT NULL, region TEXT NOT NULL, key TEXT NOT NULL, usd REAL NOT NULL,"
                " unit TEXT NOT NULL, as_of TEXT NOT NULL, source_id INTEGER NOT NULL REFERENCES sources(id), "
                "estimated INTEGER NOT NULL,"
                " PRIMARY KEY (kind, region, key))"));
        exec(q, QStringLiteral("CREATE TABLE sources (id INTEGER PRIMARY KEY, citation TEXT NOT NULL UNIQUE)"));
        exec(q,
            QStringLiteral(
                "CREATE TABLE fargate_task_sizes (cpu_units INTEGER, memory_mib_min INTEGER, memory_mib_max INTEGER,"
                " memory_step_mib INTEGER, vcpu REAL, ecs_linux INTEGER, ecs_windows INTEGER, eks_fargate INTEGER, "
                "note TEXT)"));
        exec(q,
            QStringLiteral(
                "CREATE TABLE commitment_discounts (scope TEXT, family_or_service TEXT, region TEXT, term TEXT,"
                " payment_option TEXT, plan_type TEXT, discount_percent_or_rate TEXT, basis TEXT, source TEXT, as_of "
                "TEXT)"));

        // ---- instance types
        QSqlQuery ins(db);
        ins.prepare(QStringLiteral("INSERT INTO instance_types VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        const int typeRows = forEachRow(
            in.filePath(QStringLiteral("instance_types.csv")), [&](const QHash<QString, QString> &r, qint64) {
                const QVariantList values { r[QStringLiteral("instance_type")], r[QStringLiteral("family")],
                    toInt(r[QStringLiteral("vcpu")]), toInt(r[QStringLiteral("memory_mib")]), r[QStringLiteral("arch")],
                    toInt(r[QStringLiteral("max_enis")]), toInt(r[QStringLiteral("ipv4_per_eni")]),
                    int(toBool(r[QStringLiteral("is_bare_metal")])), toInt(r[QStringLiteral("eks_max_pods")]),
                    optionalInt(r[QStringLiteral("karpenter_allocatable_cpu_millicores")]),
                    optionalInt(r[QStringLiteral("karpenter_allocatable_memory_mib")]),
                    toInt(r[QStringLiteral("default_card_max_enis")]), toInt(r[QStringLiteral("network_cards")]),
                    int(toBool(r[QStringLiteral("trunking_compatible")])), toInt(r[QStringLiteral("branch_enis")]),
                    toInt(r[QStringLiteral("gpu_count")]), r[QStringLiteral("gpu_name")],
                    toInt(r[QStringLiteral("accelerator_count")]), r[QStringLiteral("accelerator_name")],
                    r[QStringLiteral("spec_source")], r[QStringLiteral("network_source")],
                    r[QStringLiteral("hypervisor")] };
                for (qsizetype i = 0; i < values.size(); ++i)
                    ins.bindValue(int(i), values.at(i));
                if (!ins.exec())
                    die(QStringLiteral("instance_types: ") + ins.lastError().text());
            });

        // ---- rates: where two rows give the same (kind, region, key), the newest as_of wins
        // (resources/catalog/README.md, fargate_rates.csv: "take the row with the newest as_of").
        QSqlQuery rate(db);
        rate.prepare(QStringLiteral(
            "INSERT INTO rates VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (kind, region, key) DO UPDATE SET"
            " usd = excluded.usd, unit = excluded.unit, as_of = excluded.as_of, source_id = excluded.source_id,"
            " estimated = excluded.estimated WHERE excluded.as_of > rates.as_of"));
        // Citations are stored once each (sources table); rates refer to them by id.
        QHash<QString, int> sourceIds;
        QSqlQuery src(db);
        src.prepare(QStringLiteral("INSERT INTO sources (id, citation) VALUES (?, ?)"));
        auto sourceId = [&](const QString &citation) {
            const auto it = sourceIds.constFind(citation);
            if (it != sourceIds.constEnd())
                return *it;
            const int id = int(sourceIds.size()) + 1;
            src.bindValue(0, id);
            src.bindValue(1, citation);
            if (!src.exec())
                die(QStringLiteral("sources: ") + src.lastError().text());
            sourceIds.insert(citation, id);
            return id;
        };
        auto addRate = [&](const QString &kind, const QString &region, const QString &key, const QString &usdText,
                           const QString &unit, const QString &asOf, const QString &source, bool estimated,
                           const QString &where) {
            bool ok = false;
            const double usd = usdText.toDouble(&ok);
            if (!ok || usd < 0)
                die(where + QStringLiteral(": not a price: \"") + usdText + u'"');
            rate.bindValue(0, kind);
            rate.bindValue(1, region);
            rate.bindValue(2, key);
            rate.bindValue(3, usd);
            rate.bindValue(4, unit);
            rate.bindValue(5, asOf);
            rate.bindValue(6, sourceId(source));
            rate.bindValue(7, int(estimated));
            if (!rate.exec())
                die(where + QStringLiteral(": ") + rate.lastError().text());
        };
        struct Span
        {
            QString min, max;
            void add(const QString &d)
            {
                if (d.isEmpty() || !d.at(0).isDigit())
                    return; // "unknown", "undated"
                if (min.isEmpty() || d < min)
                    min = d;
                if (max.isEmpty() || d > max)
                    max = d;
            }
        };
        QSqlQuery ds(db);
        ds.prepare(QStringLiteral("INSERT INTO datasets VALUES (?,?,?,?,?,?)"));
        auto dataset
            = [&](const QString &name, const QString &file, int rows, const Span &span, const QString &sources) {
                  ds.bindValue(0, name);
                  ds.bindValue(1, file);
                  ds.bindValue(2, rows);
                  ds.bindValue(3, span.min);
                  ds.bindValue(4, span.max);
                  ds.bindValue(5, sources);
                  if (!ds.exec())
                      die(QStringLiteral("datasets: ") + ds.lastError().text());
              };
        dataset(QStringLiteral("instance_types"), QStringLiteral("instance_types.csv"), typeRows,
            Span { QStringLiteral("2026-08-21"), QStringLiteral("2026-08-21") },
            QStringLiteral(
                "aws/karpenter-provider-aws instance-types.md and zz_generated.vpclimits.go @1d92708 (2026-08-21); "
                "awslabs/amazon-eks-ami instance-info.jsonl @81fec2e"));

        // EC2 On-Demand Linux, Spot (Linux), then On-Demand Windows (licence included).
        for (const int pass : { 0, 1, 2 }) {
            const bool spot = pass == 1;
            const bool windows = pass == 2;
            const QString file = spot ? QStringLiteral("ec2_spot_avg_prices.csv")
                                      : (windows ? QStringLiteral("ec2_ondemand_windows_prices.csv")
                                                 : QStringLiteral("ec2_ondemand_prices.csv"));
            const QString kind = spot
                ? QStringLiteral("ec2_spot")
                : (windows ? QStringLiteral("ec2_ondemand_windows") : QStringLiteral("ec2_ondemand"));
            Span span;
            const int rows = forEachRow(in.filePath(file), [&](const QHash<QString, QString> &r, qint64 line) {
                QString usd = r[QStringLiteral("usd_per_hour")];
                QString asOf = r[QStringLiteral("as_of")];
                const QString code = r[QStringLiteral("source")];
                QString source = ec2Citations().value(code, code);
                // Metal sizes: Karpenter has carried 2023 values; the README says to prefer the Vantage value
                // kept in the note column ("vantage(2026-05) says 2.176").
                const QString note = r.value(QStringLiteral("note"));
                if (!spot && note.startsWith(QLatin1String("vantage(")) && note.contains(QLatin1String(" says "))) {
                    const QString karpenterUsd = usd;
                    usd = note.section(QStringLiteral(" says "), 1).trimmed();
                    asOf = QStringLiteral("2026-05-12");
                    source = ec2Citations().value(QStringLiteral("vantage"))
                        + QStringLiteral(" [preferred for metal sizes; Karpenter 2026-07-20 says %1]")
                              .arg(karpenterUsd);
                }
                span.add(asOf);
                addRate(kind, r[QStringLiteral("region")], r[QStringLiteral("instance_type")], usd,
                    QStringLiteral("USD per hour"), asOf, source, spot, QStringLiteral("%1:%2").arg(file).arg(line));
            });
            dataset(kind, file, rows, span,
                spot ? QStringLiteral("Vantage spot_avg_usd_per_hour, one snapshot (~2026-05-12), averaged over AZs: "
                                      "an illustration, not a quote")
                    : windows
                    ? QStringLiteral("Windows (licence included), shared tenancy: instances.vantage.sh via "
                                     "jawaadjariwala parquet @cbe0a51, operating_system mswin (~2026-05-12)")
                    : QStringLiteral(
                        "us-east-1: aws/karpenter-provider-aws zz_generated.pricing_aws.go @6fc13b5 (2026-07-20); "
                        "other regions: instances.vantage.sh via jawaadjariwala parquet (~2026-05-12)"));
        }

        struct Generic
        {
            const char *name;
            const char *file;
            const char *kind;
            const char *sources;
        };
        const Generic generic[] = {
            { "fargate", "fargate_rates.csv", "fargate",
                "AWS price feed ecs.json (2025-10-27) via lamngockhuong/aws-price @6e8bf8c; AWS AmazonECS offer "
                "us-east-1 (2025-08-28); "
                "theuves/fgcalc @5049a5e (2021 Spot snapshot); DERIVED rows = 0.8 x x86 (estimates)" },
            { "eks", "eks_rates.csv", "eks",
                "AWS price feed eks.json (2025-10-28) via lamngockhuong/aws-price @6e8bf8c; infracost "
                "eks_cluster_test.golden @16e40f6" },
            { "ebs", "ebs_rates.csv", "other",
                "AWS EBS price feed ebs.json (2024-07-18) via yeo/ec2.shop @576c890; infracost ebs_volume_test.golden "
                "@e9ce629" },
            { "network", "network_and_registry_rates.csv", "other",
                "AWS price feeds natgateway/vpc/cloudwatch (2025-09..11) via lamngockhuong/aws-price; infracost "
                "goldens; AWS App Runner page" },
        };
        for (const Generic &g : generic) {
            const QString file = QString::fromLatin1(g.file);
            const QString kind = QString::fromLatin1(g.kind);
            Span span;
            const int rows = forEachRow(in.filePath(file), [&](const QHash<QString, QString> &r, qint64 line) {
                const QString item = r[QStringLiteral("item")];
                const QString source = r[QStringLiteral("source")];
                // Estimates: the DERIVED ARM rates (0.8 × x86) and every Fargate Spot rate (point-in-time snapshots,
                // mostly 2021; README "Fargate Spot rates are point-in-time").
                const bool estimated = source.startsWith(QLatin1String("DERIVED"))
                    || (kind == u"fargate" && item.startsWith(QLatin1String("spot_")));
                const QString asOf = r[QStringLiteral("as_of")];
                span.add(asOf);
                const QString usd = r[QStringLiteral("usd")];
                if (usd.isEmpty() || usd.startsWith(QLatin1String("see ")))
                    return; // pointer rows such as eks_fargate_pod ("see fargate_rates.csv") carry no figure
                addRate(kind, r[QStringLiteral("region")], item, r[QStringLiteral("usd")], r[QStringLiteral("unit")],
                    asOf, source, estimated, QStringLiteral("%1:%2").arg(file).arg(line));
            });
            dataset(QString::fromLatin1(g.name), file, rows, span, QString::fromUtf8(g.sources));
        }

        QSqlQuery sz(db);
        sz.prepare(QStringLiteral("INSERT INTO fargate_task_sizes VALUES (?,?,?,?,?,?,?,?,?)"));
        const int sizeRows = forEachRow(
            in.filePath(QStringLiteral("fargate_task_sizes.csv")), [&](const QHash<QString, QString> &r, qint64) {
                const QVariantList v { toInt(r[QStringLiteral("cpu_units")]),
                    toInt(r[QStringLiteral("memory_mib_min")]), toInt(r[QStringLiteral("memory_mib_max")]),
                    toInt(r[QStringLiteral("memory_step_mib")]), r[QStringLiteral("vcpu")].toDouble(),
                    int(toBool(r[QStringLiteral("ecs_linux")])), int(toBool(r[QStringLiteral("ecs_windows")])),
                    int(toBool(r[QStringLiteral("eks_fargate")])), r[QStringLiteral("note")] };
                for (qsizetype i = 0; i < v.size(); ++i)
                    sz.bindValue(int(i), v.at(i));
                if (!sz.exec())
                    die(QStringLiteral("fargate_task_sizes: ") + sz.lastError().text());
            });
        dataset(QStringLiteral("fargate_task_sizes"), QStringLiteral("fargate_task_sizes.csv"), sizeRows, Span {},
            QStringLiteral("docs.aws.amazon.com AmazonECS task-cpu-memory-error.html; awsdocs/amazon-eks-user-guide "
                           "fargate-pod-configuration.adoc @f600414"));

        QSqlQuery cd(db);
        cd.prepare(QStringLiteral("INSERT INTO commitment_discounts VALUES (?,?,?,?,?,?,?,?,?,?)"));
        Span cdSpan;
        const int cdRows = forEachRow(
            in.filePath(QStringLiteral("commitment_discounts.csv")), [&](const QHash<QString, QString> &r, qint64) {
                const char *cols[] = { "scope", "family_or_service", "region", "term", "payment_option", "plan_type",
                    "discount_percent_or_rate", "basis", "source", "as_of" };
                for (int i = 0; i < 10; ++i)
                    cd.bindValue(i, r[QString::fromLatin1(cols[i])]);
                cdSpan.add(r[QStringLiteral("as_of")]);
                if (!cd.exec())
                    die(QStringLiteral("commitment_discounts: ") + cd.lastError().text());
            });
        dataset(QStringLiteral("commitment_discounts"), QStringLiteral("commitment_discounts.csv"), cdRows, cdSpan,
            QStringLiteral(
                "AWS RI price feeds via yeo/ec2.shop @73696e3 (2025-04-05); Vantage All Upfront (~2026-05-12); "
                "Savings Plans headlines; defaults in pricing/commitments.cpp"));

        QSqlQuery meta(db);
        meta.prepare(QStringLiteral("INSERT INTO meta VALUES (?, ?)"));
        meta.bindValue(0, QStringLiteral("built_at"));
        meta.bindValue(1, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        if (!meta.exec())
            die(meta.lastError().text());
        exec(q, QStringLiteral("PRAGMA user_version = 2"));
        if (!db.commit())
            die(QStringLiteral("commit: ") + db.lastError().text());
        exec(q, QStringLiteral("VACUUM"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("builder"));
    QFile::remove(out);
    if (!QFile::rename(tmp, out))
        die(QStringLiteral("cannot rename %1 to %2").arg(tmp, out));
    return 0;
}
