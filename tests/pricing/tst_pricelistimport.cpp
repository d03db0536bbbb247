// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "pricing/catalog.h"
#include "pricing/pricebook.h"
#include "pricing/pricelistimporter.h"

using namespace fleetplan::pricing;

/// Imports of real AWS Price List offer excerpts (tests/data/pricing, copied from
/// /work/shared/data/pricelist-samples; see its README for each file's origin).
class TestPriceListImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fargateJson();
    void ec2JsonReservedAndEbs();
    void ec2CsvOnlyLinuxSharedUsed();
    void fargateCsvChangesExactlyItsRates();
    void fargateSpotFeed();
    void reimportIsIdempotent();
    void corruptChangesNothing_data();
    void corruptChangesNothing();
    void savingsPlansCsv();
    void savingsPlansJsonIsRefusedWithTheWayOut();
    void hostileRowsAreRefused_data();
    void hostileRowsAreRefused();
    void hostileJsonIsRefused_data();
    void hostileJsonIsRefused();

private:
    static QString fixture(const char *name)
    {
        return QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/pricing/") + QString::fromLatin1(name);
    }
    ImportResult import(const QStringList &files);
    std::shared_ptr<const Catalog> catalog();
    static QStringList dump(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_book;
};

void TestPriceListImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_book = m_dir->filePath(QStringLiteral("pricebook.sqlite"));
}

void TestPriceListImport::cleanup()
{
    m_dir.reset();
}

ImportResult TestPriceListImport::import(const QStringList &files)
{
    PriceBook book;
    QString error;
    if (!book.open(m_book, &error)) {
        ImportResult r;
        r.error = error;
        return r;
    }
    return PriceListImporter::importFiles(book, files);
}

std::shared_ptr<const Catalog> TestPriceListImport::catalog()
{
    QString error;
    auto c = Catalog::load(QString(), m_book, &error);
    if (!c)
        qWarning("%s", qPrintable(error));
    return c;
}

QStringList TestPriceListImport::dump(const QString &path)
{
    PriceBook book;
    if (!book.open(path))
        return { QStringLiteral("cannot open") };
    QStringList out;
    for (const PriceBookEntry &e : book.entries())
        out.append(QStringLiteral("%1 %2 %3 %4 %5 %6")
                       .arg(rateKindName(e.kind), e.region, e.key)
                       .arg(e.usd, 0, 'g', 12)
                       .arg(e.asOf, e.source));
    return out;
}

void TestPriceListImport::fargateJson()
{
    // AmazonECS offer us-east-1, publication 20250828172723: 8 Fargate SKUs (pricelist-samples README table).
    const ImportResult r = import({ fixture("ecs-fargate-offer-us-east-1-2025-08.json") });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ratesWritten, 8);
    QCOMPARE(r.ratesByKind.value(QStringLiteral("fargate")), 8);
    const auto c = catalog();
    QVERIFY(c);
    const auto card = c->fargate(QStringLiteral("us-east-1"), CpuArch::X86_64, FargateOs::Windows, false);
    QVERIFY(card);
    QCOMPARE(card->vcpuHour.origin, Rate::Imported);
    QCOMPARE(qRound64(card->vcpuHour.usd * 1e8), 4655200); // 0.046552
    QCOMPARE(qRound64(card->gbHour.usd * 1e8), 511175); // 0.00511175
    QCOMPARE(qRound64(card->osLicenseVcpuHour->usd * 1e8), 4600000); // 0.046
    QCOMPARE(card->vcpuHour.asOf, QStringLiteral("2025-08-01"));
    QVERIFY2(card->vcpuHour.source.contains(QStringLiteral("AmazonECS offer 20250828172723")),
        qPrintable(card->vcpuHour.source));
    const auto x86 = c->fargate(QStringLiteral("us-east-1"), CpuArch::X86_64, FargateOs::Linux, false);
    QCOMPARE(qRound64(x86->vcpuHour.usd * 1e8), 4048000);
    QCOMPARE(qRound64(x86->gbHour.usd * 1e8), 444500);
    QCOMPARE(x86->ephemeralGbHourAbove20->origin, Rate::Imported);
    // Spot was not in the offer: still the bundled snapshot.
    QCOMPARE(c->fargate(QStringLiteral("us-east-1"), CpuArch::X86_64, FargateOs::Linux, true)->vcpuHour.origin,
        Rate::Bundled);
    // Other regions untouched.
    QCOMPARE(c->fargate(QStringLiteral("eu-west-1"), CpuArch::X86_64, FargateOs::Linux, false)->vcpuHour.origin,
        Rate::Bundled);
}

void TestPriceListImport::ec2JsonReservedAndEbs()
{
    // opencost us-east-2 EC2 offer: m5.large Linux/Shared/Used with a convertible 3yr All Upfront term
    // (Upfront Fee 1161, filed under OnDemand by opencost), gp3 at 0.08/GB-Mo; a Windows BYOL p3 and an NLB
    // that are not imported.
    const ImportResult r = import({ fixture("ec2-offer-us-east-2-2023-03.json") });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ratesWritten, 2);
    const auto c = catalog();
    const auto ri = c->reservedEffectiveHourly(QStringLiteral("us-east-2"), QStringLiteral("m5.large"), 3,
        PaymentOption::AllUpfront, QStringLiteral("convertible"));
    QVERIFY(ri);
    // 1161 USD over 3 × 8760 h = 0.0441781 USD/h.
    QCOMPARE(qRound64(ri->usd * 1e7), qRound64(1161.0 / 26280.0 * 1e7));
    QCOMPARE(ri->origin, Rate::Imported);
    QCOMPARE(ri->asOf, QStringLiteral("2019-01-01"));
    const auto gp3 = c->ebsGbMonth(QStringLiteral("us-east-2"), QStringLiteral("gp3"));
    QCOMPARE(gp3->origin, Rate::Imported);
    QCOMPARE(qRound64(gp3->usd * 1e6), 80000);
    // The On-Demand m5.large us-east-2 price was not in the file: still bundled.
    QCOMPARE(c->onDemandHourly(QStringLiteral("us-east-2"), QStringLiteral("m5.large"))->origin, Rate::Bundled);
    QVERIFY(!c->onDemandHourly(QStringLiteral("us-east-2"), QStringLiteral("p3.8xlarge"))
        || c->onDemandHourly(QStringLiteral("us-east-2"), QStringLiteral("p3.8xlarge"))->origin == Rate::Bundled);
}

void TestPriceListImport::ec2CsvOnlyLinuxSharedUsed()
{
    // jtdelia AmazonEC2 index.csv (20250912225308): 44 rows, none Linux/Shared/Used, plus the one
    // Linux/Shared/Used row EP8EJMA4GKSUCMU6 (c5.xlarge ap-northeast-1, 3yr No Upfront standard, 0.092/h).
    const ImportResult r = import({ fixture("ec2-offer-global-2025-09.csv") });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.rowsRead, 45);
    QCOMPARE(r.ratesWritten, 1);
    const auto ri = catalog()->reservedEffectiveHourly(QStringLiteral("ap-northeast-1"), QStringLiteral("c5.xlarge"), 3,
        PaymentOption::NoUpfront, QStringLiteral("standard"));
    QVERIFY(ri);
    QCOMPARE(qRound64(ri->usd * 1e6), 92000);
    QVERIFY2(ri->source.contains(QStringLiteral("AmazonEC2 offer 20250912225308")), qPrintable(ri->source));
}

void TestPriceListImport::fargateCsvChangesExactlyItsRates()
{
    const auto before = Catalog::bundled();
    // ligoj AmazonECS eu-west-1 CSV (metadata 20201214223755, spreadsheet re-save: sep=, line, CRLF,
    // unquoted, dates 01/01/2022): 8 Fargate rows; Windows vCPU 0.09148 and GB 0.01005 (the 2020 figures).
    const ImportResult r = import({ fixture("ecs-fargate-offer-eu-west-1-2020-12.csv") });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ratesWritten, 8);
    const auto c = catalog();
    const auto win = c->fargate(QStringLiteral("eu-west-1"), CpuArch::X86_64, FargateOs::Windows, false);
    QCOMPARE(qRound64(win->vcpuHour.usd * 1e8), 9148000);
    QCOMPARE(qRound64(win->gbHour.usd * 1e8), 1005000);
    QCOMPARE(win->vcpuHour.asOf, QStringLiteral("2022-01-01"));
    QCOMPARE(win->ephemeralGbHourAbove20->usd, 0.000122);
    // Exactly the 8 eu-west-1 Fargate rates changed origin; every other rate of every table is as bundled.
    int imported = 0;
    for (const QString &region : c->regions()) {
        for (CpuArch arch : { CpuArch::X86_64, CpuArch::Arm64 }) {
            for (bool spot : { false, true }) {
                const auto card = c->fargate(region, arch, FargateOs::Linux, spot);
                if (!card)
                    continue;
                for (const Rate &rate : { card->vcpuHour, card->gbHour }) {
                    if (rate.origin == Rate::Imported) {
                        QCOMPARE(region, QStringLiteral("eu-west-1"));
                        QVERIFY(!spot);
                        ++imported;
                    }
                }
            }
        }
    }
    QCOMPARE(imported, 4); // x86 and ARM, vCPU and GB
    QCOMPARE(c->onDemandHourly(QStringLiteral("eu-west-1"), QStringLiteral("m5.large"))->origin, Rate::Bundled);
    // The bundled catalog itself is not touched.
    QCOMPARE(Catalog::bundled()
                 ->fargate(QStringLiteral("eu-west-1"), CpuArch::X86_64, FargateOs::Windows, false)
                 ->vcpuHour.usd,
        0.046552);
    QCOMPARE(Catalog::bundled().get(), before.get());
}

void TestPriceListImport::fargateSpotFeed()
{
    // AWS's Fargate Spot website feed (ligoj fixture, source:version 20190730194642): us-east-1 vCPU 0.01458,
    // eu-west-1 vCPU 0.01379631 and GB 0.00151494.
    const ImportResult r = import({ fixture("fargate-spot-prices-2019.json") });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ratesWritten, 3);
    const auto c = catalog();
    const auto use1 = c->fargate(QStringLiteral("us-east-1"), CpuArch::X86_64, FargateOs::Linux, true);
    QCOMPARE(use1->vcpuHour.usd, 0.01458);
    QCOMPARE(use1->vcpuHour.origin, Rate::Imported);
    QCOMPARE(use1->vcpuHour.asOf, QStringLiteral("2019-07-30"));
    QVERIFY2(use1->vcpuHour.source.contains(QStringLiteral("AWS Fargate Spot price feed 20190730194642")),
        qPrintable(use1->vcpuHour.source));
    // The memory rate was not in the feed for us-east-1: still the bundled 2021 snapshot (fgcalc), estimated.
    QCOMPARE(use1->gbHour.origin, Rate::Bundled);
    QCOMPARE(use1->gbHour.usd, 0.00138835);
    QVERIFY(use1->gbHour.estimated);
    const auto euw1 = c->fargate(QStringLiteral("eu-west-1"), CpuArch::X86_64, FargateOs::Linux, true);
    QCOMPARE(euw1->vcpuHour.usd, 0.01379631);
    QCOMPARE(euw1->gbHour.usd, 0.00151494);
    // On-demand Fargate untouched.
    QCOMPARE(c->fargate(QStringLiteral("us-east-1"), CpuArch::X86_64, FargateOs::Linux, false)->vcpuHour.origin,
        Rate::Bundled);
}

void TestPriceListImport::reimportIsIdempotent()
{
    const QStringList files { fixture("ecs-fargate-offer-us-east-1-2025-08.json"),
        fixture("ec2-offer-us-east-2-2023-03.json"), fixture("ec2-offer-global-2025-09.csv"),
        fixture("ecs-fargate-offer-eu-west-1-2020-12.csv") };
    const ImportResult first = import(files);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.ratesWritten, 8 + 2 + 1 + 8);
    const QStringList once = dump(m_book);
    QCOMPARE(once.size(), 19);
    const ImportResult second = import(files);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(dump(m_book), once);
}

void TestPriceListImport::corruptChangesNothing_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");
    QTest::newRow("ligoj ECS CSV as committed: fake last line INVALID")
        << fixture("ecs-fargate-offer-eu-west-1-2020-12-corrupt.csv") << QStringLiteral(":21:1: ")
        << QStringLiteral("1 fields, but the header (line 7) has 27");
    QTest::newRow("ECS CSV with price 0.04O48")
        << fixture("ecs-fargate-offer-eu-west-1-2020-12-badprice.csv") << QStringLiteral(":17:135: ")
        << QStringLiteral("PricePerUnit \"0.04O48\" is not a price");
    QTest::newRow("ECS JSON cut after 9000 bytes")
        << fixture("ecs-fargate-offer-us-east-1-truncated.json") << QStringLiteral(":258:1: ")
        << QStringLiteral("unexpected end of file");
}

void TestPriceListImport::corruptChangesNothing()
{
    QFETCH(QString, file);
    QFETCH(QString, where);
    QFETCH(QString, message);
    // A first good import, then the good eu-west-1 CSV followed by the corrupt file in one call:
    // the whole second call is rolled back.
    QVERIFY(import({ fixture("ecs-fargate-offer-us-east-1-2025-08.json") }).ok);
    const QStringList before = dump(m_book);
    QCOMPARE(before.size(), 8);
    const ImportResult r = import({ fixture("ecs-fargate-offer-eu-west-1-2020-12.csv"), file });
    QVERIFY(!r.ok);
    QVERIFY2(r.error.startsWith(file + where), qPrintable(r.error));
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QCOMPARE(r.ratesWritten, 0);
    QCOMPARE(dump(m_book), before);
}

void TestPriceListImport::savingsPlansCsv()
{
    // AWS Savings Plans price list ap-east-2 (AWSComputeSavingsPlan 20250911184447, jtdelia/ec2-priceit
    // @ae128cc examples/5-ap-east-2-savingsplan-pricing.csv): 44 rows of the r7g EC2 Instance Savings Plan,
    // 3yr Partial Upfront. Linux (RunInstances), shared tenancy (BoxUsage): r7g.2xlarge 0.1954 and
    // r7g.12xlarge 1.1721 USD/h; the other 42 are other operating systems, Dedicated, Host or Unused rows.
    const ImportResult r = import({ fixture("savingsplan-ap-east-2-2025-09.csv") });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.rowsRead, 44);
    QCOMPARE(r.ratesWritten, 2);
    QCOMPARE(r.ratesByKind.value(QStringLiteral("savings_plan")), 2);
    const QStringList rows = dump(m_book);
    QVERIFY2(rows.contains(QStringLiteral("savings_plan ap-east-2 ec2_instance|3yr|Partial Upfront|r7g.2xlarge 0.1954 "
                                          "2025-06-05 AWS Savings Plans price list AmazonComputeSavingsPlan "
                                          "20250911184447 (savingsplan-ap-east-2-2025-09.csv)")),
        qPrintable(rows.join(u'\n')));
    const auto c = catalog();
    QVERIFY(c);
    // r7g has no Linux .large row: its cheapest size with both rates, r7g.2xlarge, stands for the family.
    // On-Demand r7g.2xlarge ap-east-2 0.4651 USD/h (bundled, Vantage ~2026-05-12): 1 − 0.1954 / 0.4651 = 57.99 %.
    const auto d = c->savingsPlanDiscount(QStringLiteral("ap-east-2"), QStringLiteral("r7g"),
        CommitmentPlan::Ec2InstanceSavingsPlan, 3, PaymentOption::PartialUpfront);
    QVERIFY(d);
    QCOMPARE(d->appliesTo, QStringLiteral("r7g.2xlarge"));
    QCOMPARE(qRound64(d->discountPercent * 1000), qRound64((1 - 0.1954 / 0.4651) * 100 * 1000));
    QCOMPARE(d->asOf, QStringLiteral("2025-06-05"));
    // r7g.12xlarge gives the same percent within 0.01 points (1 − 1.1721 / 2.7907 = 58.00 %).
    QVERIFY(qAbs((1 - 1.1721 / 2.7907) * 100 - d->discountPercent) < 0.02);
    // Nothing for another term, plan or family.
    QVERIFY(!c->savingsPlanDiscount(QStringLiteral("ap-east-2"), QStringLiteral("r7g"),
        CommitmentPlan::Ec2InstanceSavingsPlan, 1, PaymentOption::PartialUpfront));
    QVERIFY(!c->savingsPlanDiscount(QStringLiteral("ap-east-2"), QStringLiteral("r7g"),
        CommitmentPlan::ComputeSavingsPlan, 3, PaymentOption::PartialUpfront));
    QVERIFY(!c->savingsPlanDiscount(QStringLiteral("ap-east-2"), QStringLiteral("m7g"),
        CommitmentPlan::Ec2InstanceSavingsPlan, 3, PaymentOption::PartialUpfront));
}

void TestPriceListImport::savingsPlansJsonIsRefusedWithTheWayOut()
{
    // The JSON form (ligoj's eu-west-1 2020 fixture) lists products as an array and gives no region per
    // rate: refused with a pointer to the CSV form, nothing written.
    const QString file = fixture("savingsplan-eu-west-1-2020-02.json");
    const ImportResult r = import({ file });
    QVERIFY(!r.ok);
    QVERIFY2(r.error.startsWith(file + QStringLiteral(":4:")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("import the same offer's index.csv")), qPrintable(r.error));
    QCOMPARE(dump(m_book), QStringList());
}

/// Hostile or nonsensical rows (issue 15), made from the good eu-west-1 CSV: an absurd price (1e308 would
/// print "inf" totals), an impossible date, a 1.1 MiB line, and two prices for one rate (a warning).
void TestPriceListImport::hostileRowsAreRefused_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message"); ///< empty: the import succeeds with a warning
    QTest::newRow("price 1e308") << QStringLiteral("price")
                                 << QStringLiteral("is above the limit of 10000 USD per unit");
    QTest::newRow("EffectiveDate 99/99/9999")
        << QStringLiteral("date") << QStringLiteral("effective date \"9999-99-99\" is not a date");
    QTest::newRow("a line of 1.1 MiB") << QStringLiteral("long")
                                       << QStringLiteral("a record longer than the limit of 1 MiB");
    QTest::newRow("two prices for one rate") << QStringLiteral("twice") << QString();
}

void TestPriceListImport::hostileRowsAreRefused()
{
    QFETCH(QString, change);
    QFETCH(QString, message);
    QFile good(fixture("ecs-fargate-offer-eu-west-1-2020-12.csv"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = good.readAll().split('\n');
    constexpr int header = 6; // 0-based: the "SKU,OfferTermCode,..." row
    QVERIFY(lines.at(header).startsWith("SKU,"));
    for (qsizetype i = header + 1; i < lines.size(); ++i) {
        QList<QByteArray> fields = lines.at(i).split(',');
        if (fields.size() < 10)
            continue;
        if (change == u"price")
            fields[9] = "1e308";
        else if (change == u"date")
            fields[5] = "99/99/9999";
        lines[i] = fields.join(',');
    }
    if (change == u"long")
        lines.insert(header + 1, QByteArray(1100 * 1024, 'x'));
    if (change == u"twice") {
        QList<QByteArray> fields = lines.at(header + 1).split(',');
        fields[9] = "0.0999";
        lines.append(fields.join(','));
    }
    const QString file = m_dir->filePath(QStringLiteral("hostile.csv"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(lines.join('\n'));
    out.close();

    const ImportResult r = import({ file });
    if (message.isEmpty()) {
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.constFirst().contains(QStringLiteral("two different prices for fargate eu-west-1 ")),
            qPrintable(r.warnings.constFirst()));
        QVERIFY(r.warnings.constFirst().contains(QStringLiteral("and 0.0999 USD; the last one is kept")));
        return;
    }
    QVERIFY(!r.ok);
    QVERIFY2(r.error.startsWith(file + u':'), qPrintable(r.error));
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QCOMPARE(r.ratesWritten, 0);
}

/// A JSON offer is read one product and one SKU's terms at a time (issue 15): made from the good us-east-1
/// Fargate offer, an endless string, an endless SKU's terms or an endless number stops the import at its
/// line with the limit named, before memory fills, and writes nothing.
void TestPriceListImport::hostileJsonIsRefused_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("message");
    QTest::newRow("a 5 MiB string") << QByteArray("\"US East (N. Virginia)\"")
                                    << '"' + QByteArray(5 * 1024 * 1024, 'x') + '"'
                                    << QStringLiteral(": a string longer than the limit of 4 MiB");
    QTest::newRow("a SKU's terms of 5 MiB")
        << QByteArray("\"appliesTo\" : [ ]") << "\"appliesTo\" : [ " + QByteArray("0,").repeated(2500 * 1024) + "0 ]"
        << QStringLiteral(": one value (a product's terms) larger than the limit of 4 MiB");
    QTest::newRow("a number of 100 digits")
        << QByteArray("\"appliesTo\" : [ ]") << "\"appliesTo\" : [ " + QByteArray(100, '1') + " ]"
        << QStringLiteral(": a number longer than 64 characters");
}

void TestPriceListImport::hostileJsonIsRefused()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, message);
    QFile good(fixture("ecs-fargate-offer-us-east-1-2025-08.json"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QByteArray text = good.readAll();
    const qsizetype at = text.indexOf(from);
    QVERIFY(at > 0);
    text.replace(at, from.size(), to);
    const QString file = m_dir->filePath(QStringLiteral("hostile.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();

    const ImportResult r = import({ file });
    QVERIFY(!r.ok);
    const qsizetype line = text.left(at).count('\n') + 1; // the error names the line of the hostile value
    QVERIFY2(r.error.startsWith(file + QStringLiteral(":%1:").arg(line)), qPrintable(r.error));
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QCOMPARE(r.ratesWritten, 0);
    QCOMPARE(dump(m_book), QStringList());
}

QTEST_GUILESS_MAIN(TestPriceListImport)
#include "tst_pricelistimport.moc"
