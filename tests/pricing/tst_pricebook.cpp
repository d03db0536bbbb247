// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "common/rawsql.h"

#include "pricing/catalog.h"
#include "pricing/pricebook.h"

using namespace fleetplan::pricing;

/// The user's price book layered over the bundled catalog.
class TestPriceBook : public QObject
{
    Q_OBJECT

private slots:
    void layering();
    void enterpriseDiscount();
    void commitmentEdits();
    void rejectsBadInput();
    void unreadablePriceBook();
    void versionOneBookIsUpgraded();
    void badRowsAreReportedNotSkipped();
};

void TestPriceBook::layering()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/pricebook.sqlite"));
    {
        PriceBook book;
        QString error;
        QVERIFY2(book.open(path, &error), qPrintable(error));
        QVERIFY(book.setOverride(RateKind::Ec2OnDemand, QStringLiteral("us-east-1"), QStringLiteral("m5.large"), 0.08,
            QStringLiteral("negotiated")));
        // A custom rate: a type/region pair the bundled catalog has no price for.
        QVERIFY(book.setOverride(RateKind::Ec2OnDemand, QStringLiteral("ap-east-2"), QStringLiteral("m5.large"), 0.15));
        QVERIFY(book.setOverride(
            RateKind::Eks, QStringLiteral("us-east-1"), QStringLiteral("cluster_standard_support"), 0.0));
    }
    QString error;
    const auto c = Catalog::load(QString(), path, &error);
    QVERIFY2(c, qPrintable(error));
    const auto m5 = c->onDemandHourly(QStringLiteral("us-east-1"), QStringLiteral("m5.large"));
    QCOMPARE(m5->usd, 0.08);
    QCOMPARE(m5->origin, Rate::Override);
    QCOMPARE(m5->source, QStringLiteral("user override: negotiated"));
    QCOMPARE(Rate::originName(m5->origin), QStringLiteral("override"));
    QCOMPARE(c->onDemandHourly(QStringLiteral("ap-east-2"), QStringLiteral("m5.large"))->usd, 0.15);
    QCOMPARE(c->eksControlPlaneHourly(QStringLiteral("us-east-1"), false)->usd, 0.0);
    // Everything else is as bundled: m5.large eu-west-1 0.107 (vantage 2026-05-12).
    const auto eu = c->onDemandHourly(QStringLiteral("eu-west-1"), QStringLiteral("m5.large"));
    QCOMPARE(eu->origin, Rate::Bundled);
    QCOMPARE(eu->usd, 0.107);
    QCOMPARE(c->priceBookRateCount(), 3);
    // The bundled catalog is unchanged.
    QCOMPARE(Catalog::bundled()->onDemandHourly(QStringLiteral("us-east-1"), QStringLiteral("m5.large"))->usd, 0.096);

    // Removing the override brings the bundled figure back.
    {
        PriceBook book;
        QVERIFY(book.open(path));
        QVERIFY(book.removeOverride(RateKind::Ec2OnDemand, QStringLiteral("us-east-1"), QStringLiteral("m5.large")));
    }
    const auto again = Catalog::load(QString(), path);
    QCOMPARE(again->onDemandHourly(QStringLiteral("us-east-1"), QStringLiteral("m5.large"))->usd, 0.096);
}

void TestPriceBook::enterpriseDiscount()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pricebook.sqlite"));
    {
        PriceBook book;
        QVERIFY(book.open(path));
        QVERIFY(book.setEnterpriseDiscountPercent(10));
        QVERIFY(
            book.setOverride(RateKind::Ec2OnDemand, QStringLiteral("us-east-1"), QStringLiteral("c6i.large"), 0.05));
    }
    const auto c = Catalog::load(QString(), path);
    QVERIFY(c);
    QCOMPARE(c->enterpriseDiscountPercent(), 10.0);
    // m5.large us-east-1 0.096 × 0.9 = 0.0864; Fargate x86 vCPU 0.04048 × 0.9 = 0.036432.
    const auto m5 = c->onDemandHourly(QStringLiteral("us-east-1"), QStringLiteral("m5.large"));
    QCOMPARE(qRound64(m5->usd * 1e6), 86400);
    QCOMPARE(m5->listUsd, 0.096);
    QCOMPARE(m5->origin, Rate::Bundled);
    QCOMPARE(
        qRound64(c->fargate(QStringLiteral("us-east-1"), CpuArch::X86_64, FargateOs::Linux, false)->vcpuHour.usd * 1e7),
        364320);
    // An override is the price the user pays: not discounted again.
    QCOMPARE(c->onDemandHourly(QStringLiteral("us-east-1"), QStringLiteral("c6i.large"))->usd, 0.05);
}

void TestPriceBook::commitmentEdits()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pricebook.sqlite"));
    {
        PriceBook book;
        QVERIFY(book.open(path));
        QVERIFY(book.setCommitmentDiscount(
            CommitmentScope::Ec2, CommitmentPlan::ComputeSavingsPlan, 1, PaymentOption::NoUpfront, 30));
        QString error;
        QVERIFY(!book.setCommitmentDiscount(CommitmentScope::Fargate, CommitmentPlan::StandardReservedInstance, 1,
            PaymentOption::NoUpfront, 30, &error));
        QVERIFY2(error.contains(QStringLiteral("Standard RI 1yr No Upfront")), qPrintable(error));
    }
    const auto c = Catalog::load(QString(), path);
    const CommitmentDiscount *d
        = c->commitments().find(CommitmentScope::Ec2, CommitmentPlan::ComputeSavingsPlan, 1, PaymentOption::NoUpfront);
    QVERIFY(d);
    QCOMPARE(d->discountPercent, 30.0);
    QVERIFY(d->userEdited);
    // The default (rule: as Convertible RI 1yr No Upfront, 25.7 %) stays in the bundled catalog.
    QCOMPARE(Catalog::bundled()->commitments().discountPercent(
                 CommitmentScope::Ec2, CommitmentPlan::ComputeSavingsPlan, 1, PaymentOption::NoUpfront),
        25.7);
}

void TestPriceBook::rejectsBadInput()
{
    QTemporaryDir dir;
    PriceBook book;
    QVERIFY(book.open(dir.filePath(QStringLiteral("pricebook.sqlite"))));
    QString error;
    QVERIFY(!book.setEnterpriseDiscountPercent(120, &error));
    QVERIFY2(error.contains(QStringLiteral("120")), qPrintable(error));
    QVERIFY(!book.setOverride(
        RateKind::Ec2OnDemand, QStringLiteral("us-east-1"), QStringLiteral("m5.large"), -1, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("m5.large")), qPrintable(error));
}

void TestPriceBook::unreadablePriceBook()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pricebook.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a database, just text that SQLite must refuse to read as one.............................");
    f.close();
    QString error;
    QVERIFY(!Catalog::load(QString(), path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

/// Runs SQL on a price book file directly, as an older Fleetplan (or a damaged file) would have left it.
using fleetplan::test::rawSql;

void TestPriceBook::versionOneBookIsUpgraded()
{
    // Version 1 stored the commitment edit's enums as ordinals: (0, 1, 3, 2) = Ec2 scope, EC2 Instance
    // Savings Plan, 3 years, All Upfront. Opening it with this Fleetplan keeps that meaning, stored by name.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pricebook.sqlite"));
    rawSql(path,
        fleetplan::test::oldPriceBookTables()
            + QStringList {
                QStringLiteral(
                    "CREATE TABLE commitments (scope INTEGER NOT NULL, plan INTEGER NOT NULL, term_years INTEGER"
                    " NOT NULL, payment INTEGER NOT NULL, percent REAL NOT NULL, PRIMARY KEY (scope, plan,"
                    " term_years, payment))"),
                QStringLiteral("INSERT INTO commitments VALUES (0, 1, 3, 2, 61.5)"),
                QStringLiteral("PRAGMA user_version = 1") });
    QString error;
    const auto c = Catalog::load(QString(), path, &error);
    QVERIFY2(c, qPrintable(error));
    const CommitmentDiscount *d = c->commitments().find(
        CommitmentScope::Ec2, CommitmentPlan::Ec2InstanceSavingsPlan, 3, PaymentOption::AllUpfront);
    QVERIFY(d);
    QCOMPARE(d->discountPercent, 61.5);
    QVERIFY(d->userEdited);
    // The file now says what it means in words.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT scope, plan, payment FROM commitments")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ec2"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("EC2 Instance Savings Plan"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("All Upfront"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3); // and on to 3 (custom node types)
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestPriceBook::badRowsAreReportedNotSkipped()
{
    // A rate of an unknown kind, or a commitment row naming no option AWS sells, used to be skipped in
    // silence (the catalog then looked as if the book had been applied). Now loading fails and says why.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pricebook.sqlite"));
    {
        PriceBook book;
        QVERIFY(book.open(path));
    }
    rawSql(path,
        { QStringLiteral(
            "INSERT INTO rates VALUES ('ec2_gold', 'us-east-1', 'm5.large', 'override', 1, '2026-01-01', 'x')") });
    QString error;
    QVERIFY(!Catalog::load(QString(), path, &error));
    QVERIFY2(error.contains(QStringLiteral("unknown kind \"ec2_gold\"")), qPrintable(error));

    rawSql(path,
        { QStringLiteral("DELETE FROM rates"),
            QStringLiteral("INSERT INTO commitments VALUES ('ec2', 'Platinum Plan', 1, 'No Upfront', 10)") });
    error.clear();
    QVERIFY(!Catalog::load(QString(), path, &error));
    QVERIFY2(error.contains(QStringLiteral("Platinum Plan")), qPrintable(error));

    // Issue 19: a custom node type with 0 vCPU or an unknown architecture is an error naming the type, never
    // a node that packs nothing.
    rawSql(path,
        { QStringLiteral("DELETE FROM commitments"),
            QStringLiteral("INSERT INTO custom_node_types (name, vcpu, memory_mib, arch, usd_per_hour)"
                           " VALUES ('rack-0', 0, 65536, 'x86_64', 0.5)") });
    error.clear();
    QVERIFY(!Catalog::load(QString(), path, &error));
    QVERIFY2(error.contains(QStringLiteral("custom node type \"rack-0\": vcpu 0")), qPrintable(error));
    rawSql(path,
        { QStringLiteral("DELETE FROM custom_node_types"),
            QStringLiteral("INSERT INTO custom_node_types (name, vcpu, memory_mib, arch, usd_per_hour)"
                           " VALUES ('rack-x', 4, 8192, 'sparc', 0.5)") });
    error.clear();
    QVERIFY(!Catalog::load(QString(), path, &error));
    QVERIFY2(error.contains(QStringLiteral("architecture \"sparc\"")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPriceBook)
#include "tst_pricebook.moc"
