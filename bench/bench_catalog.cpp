// SPDX-License-Identifier: GPL-3.0-or-later
// Pricing catalog: load time of the bundled catalog, lookup time, and AWS Price List import throughput on
// synthetic offer files in the real formats (the 91-column AmazonEC2 index.csv of
// /work/shared/data/pricelist-samples/ec2-global-offer-csv-sample-2025-09-jtdelia.csv, and the AmazonEC2
// region offer JSON layout of ec2-offer-json-us-east-1-2024-05-opencost.json). Run a Release build:
//   build-rel/bench/bench_catalog --benchmark_counters_tabular=true
#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include "pricing/catalog.h"
#include "pricing/pricebook.h"
#include "pricing/pricelistimporter.h"

using namespace fleetplan::pricing;

namespace {

// Metadata and header exactly as in the jtdelia AmazonEC2 index.csv (version 20250912225308).
const char *CsvPreamble = "\"FormatVersion\",\"v1.0\"\n"
                          "\"Disclaimer\",\"This pricing list is for informational purposes only.\"\n"
                          "\"Publication Date\",\"2025-09-12T22:53:08Z\"\n"
                          "\"Version\",\"20250912225308\"\n"
                          "\"OfferCode\",\"AmazonEC2\"\n";

QByteArray realHeader()
{
    QFile f(QStringLiteral(
        FLEETPLAN_SHARED_DATA_DIR "/data/pricelist-samples/ec2-global-offer-csv-sample-2025-09-jtdelia.csv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the EC2 CSV sample: %s", qPrintable(f.fileName()));
    for (int i = 0; i < 5; ++i)
        f.readLine();
    return f.readLine();
}

const QStringList &regions()
{
    static const QStringList r { QStringLiteral("us-east-1"), QStringLiteral("us-west-2"), QStringLiteral("eu-west-1"),
        QStringLiteral("eu-central-1"), QStringLiteral("ap-southeast-1"), QStringLiteral("ap-northeast-1") };
    return r;
}

/// Writes a synthetic AmazonEC2 CSV of about `bytes` bytes: one row in ten is a Linux/Shared/Used On-Demand
/// row (imported), the others are Windows, RHEL, Dedicated and capacity-reservation rows (filtered out),
/// as in the real file. Rows carry every one of the 91 columns, quoted the AWS way.
QString writeCsv(const QString &dir, qint64 bytes)
{
    const QString path = dir + QStringLiteral("/ec2-synthetic.csv");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    const QByteArray header = realHeader();
    const QList<QByteArray> columns = header.trimmed().split(',');
    auto columnIndex = [&](const char *name) { return columns.indexOf(QByteArray("\"") + name + '"'); };
    const int iSku = columnIndex("SKU"), iTerm = columnIndex("OfferTermCode"), iRate = columnIndex("RateCode"),
              iTermType = columnIndex("TermType"), iDesc = columnIndex("PriceDescription"),
              iDate = columnIndex("EffectiveDate"), iUnit = columnIndex("Unit"), iPrice = columnIndex("PricePerUnit"),
              iCurrency = columnIndex("Currency"), iFamily = columnIndex("Product Family"),
              iService = columnIndex("serviceCode"), iType = columnIndex("Instance Type"),
              iTenancy = columnIndex("Tenancy"), iOs = columnIndex("Operating System"),
              iSw = columnIndex("Pre Installed S/W"), iCap = columnIndex("CapacityStatus"),
              iOp = columnIndex("operation"), iUsage = columnIndex("usageType"), iRegion = columnIndex("Region Code"),
              iMarket = columnIndex("MarketOption"), iVcpu = columnIndex("vCPU"), iMem = columnIndex("Memory"),
              iProc = columnIndex("Physical Processor");
    f.write(CsvPreamble);
    f.write(header);
    const auto &types = Catalog::bundled()->instanceTypes();
    QList<QByteArray> cells(columns.size());
    qint64 written = 0;
    for (qint64 row = 0; written < bytes; ++row) {
        const InstanceType &t = types.at(row % types.size());
        const QByteArray region = regions().at((row / types.size()) % regions().size()).toUtf8();
        const bool linux = row % 10 == 0;
        for (QByteArray &c : cells)
            c.clear();
        const QByteArray sku = QByteArray::number(0x10000000 + row, 16).toUpper();
        cells[iSku] = sku;
        cells[iTerm] = "JRTCKXETXF";
        cells[iRate] = sku + ".JRTCKXETXF.6YS6EN2CT7";
        cells[iTermType] = "OnDemand";
        cells[iDesc] = "$0.096 per On Demand Linux " + t.name.toUtf8() + " Instance Hour";
        cells[iDate] = "2025-09-01";
        cells[iUnit] = "Hrs";
        cells[iPrice] = QByteArray::number(0.01 + (row % 997) * 0.001, 'f', 10);
        cells[iCurrency] = "USD";
        cells[iFamily] = "Compute Instance";
        cells[iService] = "AmazonEC2";
        cells[iType] = t.name.toUtf8();
        cells[iVcpu] = QByteArray::number(t.vcpu);
        cells[iMem] = QByteArray::number(t.memoryMib / 1024) + " GiB";
        cells[iProc] = "Intel Xeon Platinum 8175 (Skylake)";
        cells[iTenancy] = linux ? "Shared" : (row % 3 ? "Shared" : "Dedicated");
        cells[iOs] = linux ? "Linux" : (row % 2 ? "Windows" : "RHEL");
        cells[iSw] = "NA";
        cells[iCap] = linux ? "Used" : (row % 4 ? "Used" : "UnusedCapacityReservation");
        cells[iOp] = linux ? "RunInstances" : "RunInstances:0002";
        cells[iUsage] = "APN1-BoxUsage:" + t.name.toUtf8();
        cells[iRegion] = region;
        cells[iMarket] = "OnDemand";
        QByteArray line;
        line.reserve(1200);
        for (int i = 0; i < cells.size(); ++i) {
            if (i)
                line.append(',');
            if (!cells.at(i).isEmpty())
                line.append('"').append(cells.at(i)).append('"');
            else if (i % 7 == 0)
                line.append("\"NA\"");
        }
        line.append('\n');
        f.write(line);
        written += line.size();
    }
    return path;
}

/// Writes a synthetic AmazonEC2 region offer JSON (products, then terms.OnDemand) of about `bytes` bytes.
QString writeJson(const QString &dir, qint64 bytes)
{
    const QString path = dir + QStringLiteral("/ec2-synthetic.json");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    const auto &types = Catalog::bundled()->instanceTypes();
    f.write(
        "{\n  \"formatVersion\" : \"v1.0\",\n  \"offerCode\" : \"AmazonEC2\",\n  \"version\" : \"20240528203522\",\n"
        "  \"publicationDate\" : \"2024-05-28T20:35:22Z\",\n  \"products\" : {\n");
    // Products take about half the file, terms the other half.
    qint64 written = 0;
    qint64 count = 0;
    for (; written < bytes / 2; ++count) {
        const InstanceType &t = types.at(count % types.size());
        const bool linux = count % 10 == 0;
        const QByteArray sku = "P" + QByteArray::number(count);
        const QByteArray text = (count ? ",\n" : "") + QByteArray("    \"") + sku + "\" : {\n      \"sku\" : \"" + sku
            + "\",\n      \"productFamily\" : \"Compute Instance\",\n      \"attributes\" : {\n"
              "        \"servicecode\" : \"AmazonEC2\",\n        \"location\" : \"US East (N. Virginia)\",\n"
              "        \"instanceType\" : \""
            + t.name.toUtf8() + "\",\n        \"vcpu\" : \"" + QByteArray::number(t.vcpu)
            + "\",\n        \"tenancy\" : \"Shared\",\n        \"operatingSystem\" : \"" + (linux ? "Linux" : "Windows")
            + "\",\n        \"licenseModel\" : \"No License required\",\n        \"usagetype\" : \"BoxUsage:"
            + t.name.toUtf8() + "\",\n        \"operation\" : \"" + (linux ? "RunInstances" : "RunInstances:0002")
            + "\",\n        \"capacitystatus\" : \"Used\",\n        \"marketoption\" : \"OnDemand\",\n"
              "        \"preInstalledSw\" : \"NA\",\n        \"regionCode\" : \"us-east-"
            + QByteArray::number(1 + count / types.size() % 2)
            + "\",\n        \"servicename\" : \"Amazon Elastic Compute Cloud\"\n      }\n    }";
        f.write(text);
        written += text.size();
    }
    f.write("\n  },\n  \"terms\" : {\n    \"OnDemand\" : {\n");
    for (qint64 i = 0; i < count; ++i) {
        const QByteArray sku = "P" + QByteArray::number(i);
        const QByteArray text = (i ? ",\n" : "") + QByteArray("      \"") + sku + "\" : {\n        \"" + sku
            + ".JRTCKXETXF\" : {\n" + "          \"offerTermCode\" : \"JRTCKXETXF\",\n          \"sku\" : \"" + sku
            + "\",\n          \"effectiveDate\" : \"2024-05-01T00:00:00Z\",\n          \"priceDimensions\" : {\n"
              "            \""
            + sku + ".JRTCKXETXF.6YS6EN2CT7\" : {\n              \"rateCode\" : \"" + sku
            + ".JRTCKXETXF.6YS6EN2CT7\",\n              \"description\" : \"$0.096 per On Demand Linux Instance "
              "Hour\",\n"
              "              \"beginRange\" : \"0\",\n              \"endRange\" : \"Inf\",\n              \"unit\" : "
              "\"Hrs\",\n"
              "              \"pricePerUnit\" : {\n                \"USD\" : \""
            + QByteArray::number(0.01 + (i % 997) * 0.001, 'f', 10)
            + "\"\n              },\n              \"appliesTo\" : [ ]\n            }\n          },\n          "
              "\"termAttributes\" : { }\n        }\n      }";
        f.write(text);
    }
    f.write("\n    }\n  },\n  \"attributesList\" : { }\n}");
    return path;
}

void BM_CatalogLoad(benchmark::State &state)
{
    for (auto _ : state) {
        auto c = Catalog::load(QString(), QString());
        benchmark::DoNotOptimize(c);
        if (!c)
            state.SkipWithError("load failed");
    }
    state.counters["instance_types"] = double(Catalog::bundled()->instanceTypes().size());
}
BENCHMARK(BM_CatalogLoad)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_OnDemandLookup(benchmark::State &state)
{
    const auto c = Catalog::bundled();
    QStringList names;
    for (const InstanceType &t : c->instanceTypes())
        names.append(t.name);
    const QString region = QStringLiteral("us-east-1");
    qsizetype i = 0;
    for (auto _ : state) {
        auto r = c->onDemandHourly(region, names.at(i));
        benchmark::DoNotOptimize(r);
        if (++i == names.size())
            i = 0;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OnDemandLookup);

void BM_FargateLookup(benchmark::State &state)
{
    const auto c = Catalog::bundled();
    for (auto _ : state) {
        auto r = c->fargate(QStringLiteral("eu-west-1"), CpuArch::X86_64, FargateOs::Linux, false);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_FargateLookup);

void importBench(benchmark::State &state, bool json)
{
    QTemporaryDir dir;
    const qint64 size = state.range(0) << 20;
    const QString file = json ? writeJson(dir.path(), size) : writeCsv(dir.path(), size);
    const qint64 bytes = QFile(file).size();
    int written = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QFile::remove(dir.filePath(QStringLiteral("pb.sqlite")));
        PriceBook book;
        book.open(dir.filePath(QStringLiteral("pb.sqlite")));
        state.ResumeTiming();
        const ImportResult r = PriceListImporter::importFiles(book, { file });
        if (!r.ok)
            state.SkipWithError(qPrintable(r.error));
        written = r.ratesWritten;
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["file_MB"] = double(bytes) / 1e6;
    state.counters["rates_written"] = written;
}

void BM_ImportEc2Csv(benchmark::State &state)
{
    importBench(state, false);
}
BENCHMARK(BM_ImportEc2Csv)->Arg(200)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ImportEc2Json(benchmark::State &state)
{
    importBench(state, true);
}
BENCHMARK(BM_ImportEc2Json)->Arg(100)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
