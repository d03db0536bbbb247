// SPDX-License-Identifier: GPL-3.0-or-later
// Custom node types (the user's own hardware, issue 19): stored in the price book (schema 3), checked for
// names AWS uses and impossible figures, listed by the catalog beside the EC2 types and priced at the user's
// own cost in every region, with no Spot price and no enterprise discount.
#include <cmath>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "common/rawsql.h"

#include "pricing/catalog.h"
#include "pricing/customnodetype.h"
#include "pricing/pricebook.h"

using namespace fleetplan::pricing;

namespace {

CustomNodeType rack()
{
    CustomNodeType t;
    t.name = QStringLiteral("rack-16x64");
    t.vcpu = 16;
    t.memoryMib = 65536;
    t.usdPerHour = 0.5;
    t.note = QStringLiteral("3-year amortised server + power + support");
    return t;
}

using fleetplan::test::rawSql;

} // namespace

class TestCustomNodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedAndRemoved();
    void listedAndPricedByTheCatalog();
    void badTypesAreNamed_data();
    void badTypesAreNamed();
    void versionTwoBookGainsTheTable();
};

void TestCustomNodes::storedAndRemoved()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pricebook.sqlite"));
    PriceBook book;
    QVERIFY(book.open(path));
    QString error;
    QVERIFY2(book.setCustomNodeType(rack(), &error), qPrintable(error));
    CustomNodeType arm = rack();
    arm.name = QStringLiteral("edge-arm.small");
    arm.vcpu = 4;
    arm.memoryMib = 8192;
    arm.arch = CpuArch::Arm64;
    arm.maxPods = 30;
    arm.usdPerHour = 0.08;
    QVERIFY2(book.setCustomNodeType(arm, &error), qPrintable(error));
    QList<CustomNodeType> stored = book.customNodeTypes(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0), arm); // sorted by name: "edge-arm.small" < "rack-16x64"
    QCOMPARE(stored.at(1), rack());
    // Setting the same name again replaces it.
    CustomNodeType dearer = rack();
    dearer.usdPerHour = 0.75;
    QVERIFY(book.setCustomNodeType(dearer));
    QCOMPARE(book.customNodeTypes().at(1).usdPerHour, 0.75);
    QVERIFY(book.removeCustomNodeType(arm.name));
    QCOMPARE(book.customNodeTypes(), QList<CustomNodeType> { dearer });
}

void TestCustomNodes::listedAndPricedByTheCatalog()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pricebook.sqlite"));
    {
        PriceBook book;
        QVERIFY(book.open(path));
        QVERIFY(book.setCustomNodeType(rack()));
        QVERIFY(book.setEnterpriseDiscountPercent(10)); // applies to AWS rates, never to the user's own cost
    }
    QString error;
    const auto c = Catalog::load(QString(), path, &error);
    QVERIFY2(c, qPrintable(error));
    const InstanceType *t = c->instanceType(QStringLiteral("rack-16x64"));
    QVERIFY(t);
    QVERIFY(t->custom);
    QCOMPARE(t->vcpu, 16);
    QCOMPARE(t->memoryMib, 65536);
    QCOMPARE(t->family, QStringLiteral("rack-16x64"));
    QCOMPARE(t->eksMaxPods, 0); // neither max pods nor ENIs given: the node model uses the kubelet's 110
    QCOMPARE(c->customNodeTypes().size(), 1);
    // instanceTypes() stays sorted by name with the custom type among the EC2 types.
    const QList<InstanceType> &all = c->instanceTypes();
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).name < all.at(i).name);
    // The user's cost, the same in every region, not discounted (0.5, not 0.45).
    for (const QString &region : { QStringLiteral("us-east-1"), QStringLiteral("ap-southeast-2") }) {
        const auto rate = c->onDemandHourly(region, QStringLiteral("rack-16x64"), &error);
        QVERIFY2(rate, qPrintable(error));
        QCOMPARE(rate->usd, 0.5);
        QCOMPARE(rate->origin, Rate::Override);
        QVERIFY(rate->source.contains(QStringLiteral("amortised server")));
    }
    // An AWS rate is discounted: m6i.large 0.096 × 0.9 (ec2_ondemand_prices.csv, us-east-1, Karpenter 2026-07-20).
    QVERIFY(
        std::abs(c->onDemandHourly(QStringLiteral("us-east-1"), QStringLiteral("m6i.large"))->usd - 0.0864) < 1e-12);
    // No Spot on own hardware, with a message that says why.
    QVERIFY(!c->spotHourly(QStringLiteral("us-east-1"), QStringLiteral("rack-16x64"), &error));
    QVERIFY2(error.contains(QStringLiteral("custom node type")), qPrintable(error));
    // Named exactly it is matched; the default families' wildcards never match it.
    QCOMPARE(c->matchInstanceTypes({ QStringLiteral("rack-16x64") }), QStringList { QStringLiteral("rack-16x64") });
    QVERIFY(!c->matchInstanceTypes({ QStringLiteral("m6i.*") }).contains(QStringLiteral("rack-16x64")));
    // Priced "in" a region, so a region filter keeps it.
    InstanceFilter f;
    f.pricedInRegion = QStringLiteral("eu-west-1");
    bool found = false;
    for (const InstanceType *type : c->instanceTypes(f))
        found = found || type->name == u"rack-16x64";
    QVERIFY(found);
    // A custom name the book does not hold says where custom types come from.
    c->matchInstanceTypes({ QStringLiteral("rack-32x128") }, &error);
    QVERIFY2(error.contains(QStringLiteral("unknown instance type \"rack-32x128\"")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("custom node type of your price book")), qPrintable(error));
    // The bundled catalog is untouched.
    QVERIFY(!Catalog::bundled()->instanceType(QStringLiteral("rack-16x64")));
}

void TestCustomNodes::badTypesAreNamed_data()
{
    QTest::addColumn<CustomNodeType>("type");
    QTest::addColumn<QString>("message");
    CustomNodeType t = rack();
    t.name = QStringLiteral("m5.large");
    QTest::newRow("an EC2 instance type") << t << QStringLiteral("the name is an EC2 instance type");
    t.name = QStringLiteral("M6I.huge");
    QTest::newRow("an EC2 family") << t << QStringLiteral("\"m6i\" is an EC2 instance family");
    t.name = QStringLiteral("rack 16");
    QTest::newRow("a space") << t << QStringLiteral("the name must start with a letter or digit");
    t.name = QStringLiteral("rack-*");
    QTest::newRow("a wildcard") << t << QStringLiteral("the name must start with a letter or digit");
    t = rack();
    t.vcpu = 0;
    QTest::newRow("zero vCPU") << t << QStringLiteral("custom node type \"rack-16x64\": vcpu 0 is outside 1 to 4096");
    t = rack();
    t.memoryMib = 0;
    QTest::newRow("zero memory") << t << QStringLiteral("memory_mib 0 is outside 1");
    t = rack();
    t.usdPerHour = -0.1;
    QTest::newRow("negative cost") << t << QStringLiteral("usd_per_hour -0.1 is negative");
    t.usdPerHour = std::nan("");
    QTest::newRow("NaN cost") << t << QStringLiteral("usd_per_hour is not a number");
    t.usdPerHour = 1e6;
    QTest::newRow("absurd cost") << t << QStringLiteral("above the limit of 10000 USD");
    t = rack();
    t.maxEnis = 4;
    QTest::newRow("ENIs without IPv4 per ENI") << t << QStringLiteral("give both max_enis and ipv4_per_eni");
}

void TestCustomNodes::badTypesAreNamed()
{
    QFETCH(CustomNodeType, type);
    QFETCH(QString, message);
    const QString problem = checkCustomNodeType(type);
    QVERIFY2(problem.contains(message), qPrintable(problem));
    QTemporaryDir dir;
    PriceBook book;
    QVERIFY(book.open(dir.filePath(QStringLiteral("pricebook.sqlite"))));
    QString error;
    QVERIFY(!book.setCustomNodeType(type, &error));
    QCOMPARE(error, problem);
    QVERIFY(book.customNodeTypes().isEmpty());
}

void TestCustomNodes::versionTwoBookGainsTheTable()
{
    // A version-2 book (commitments by name, no custom node types) opens, keeps its rates and gains the table.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pricebook.sqlite"));
    rawSql(path,
        fleetplan::test::oldPriceBookTables()
            + QStringList {
                QStringLiteral("CREATE TABLE commitments (scope TEXT NOT NULL, plan TEXT NOT NULL, term_years INTEGER"
                               " NOT NULL, payment TEXT NOT NULL, percent REAL NOT NULL, PRIMARY KEY (scope, plan,"
                               " term_years, payment))"),
                QStringLiteral("INSERT INTO rates VALUES ('ec2_ondemand', 'us-east-1', 'm6i.large', 'override', 0.07,"
                               " '2026-01-01', 'user override')"),
                QStringLiteral("PRAGMA user_version = 2") });
    PriceBook book;
    QString error;
    QVERIFY2(book.open(path, &error), qPrintable(error));
    QCOMPARE(book.entries().size(), 1);
    QVERIFY(book.customNodeTypes(&error).isEmpty());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(book.setCustomNodeType(rack(), &error), qPrintable(error));
    QSqlQuery q(book.database());
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestCustomNodes)
#include "tst_customnodes.moc"
