// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"

/// `fleetplan catalog ...` run as a user would, headless. Figures from resources/catalog/*.csv.
class TestCatalogCli : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    Run run(const QStringList &args)
    {
        // Never the user's own price book: one of this test's, so that `catalog import` can write it.
        QProcessEnvironment env;
        env.insert(QStringLiteral("FLEETPLAN_PRICEBOOK"), m_dir.filePath(QStringLiteral("default-pricebook.sqlite")));
        return fleetplan::test::runFleetplan(QStringList { QStringLiteral("catalog") } + args, {}, env);
    }
    static QString fixture(const char *name)
    {
        return QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/pricing/") + QString::fromLatin1(name);
    }
    QTemporaryDir m_dir;

private slots:
    void customNodeTypes()
    {
        // Issue 19, your own hardware: `catalog node add` writes the price book, refuses names AWS uses and
        // impossible figures with the reason, `catalog nodes` and `catalog instances` list the type, and
        // `compare` and `pack --instance-types` price it.
        const QString book = m_dir.filePath(QStringLiteral("nodes.sqlite"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("FLEETPLAN_PRICEBOOK"), book);
        const auto cli = [&](const QStringList &args) { return fleetplan::test::runFleetplan(args, {}, env); };
        const QStringList add { QStringLiteral("catalog"), QStringLiteral("node"), QStringLiteral("add") };
        const QStringList sizes { QStringLiteral("--vcpu"), QStringLiteral("16"), QStringLiteral("--memory-mib"),
            QStringLiteral("65536") };
        Run r = cli(add + QStringList { QStringLiteral("m6i.4xlarge") } + sizes
            + QStringList { QStringLiteral("--usd-per-hour"), QStringLiteral("0.5") });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("the name is an EC2 instance type")), qPrintable(r.err));
        r = cli(add
            + QStringList { QStringLiteral("rack-16x64"), QStringLiteral("--vcpu"), QStringLiteral("0"),
                QStringLiteral("--memory-mib"), QStringLiteral("65536"), QStringLiteral("--usd-per-hour"),
                QStringLiteral("0.5") });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("vcpu 0 is outside 1 to 4096")), qPrintable(r.err));
        for (const QString &bad : { QStringLiteral("-1"), QStringLiteral("nan") }) {
            r = cli(add + QStringList { QStringLiteral("rack-16x64") } + sizes
                + QStringList { QStringLiteral("--usd-per-hour"), bad });
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QStringLiteral("usd_per_hour")), qPrintable(r.err));
        }
        QVERIFY(!QFileInfo::exists(book)); // nothing refused was written
        r = cli(add + QStringList { QStringLiteral("rack-16x64") } + sizes
            + QStringList { QStringLiteral("--usd-per-hour"), QStringLiteral("0.5"), QStringLiteral("--note"),
                QStringLiteral("amortised 3 years") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli(
            { QStringLiteral("catalog"), QStringLiteral("nodes"), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray nodes = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(nodes.size(), 1);
        QCOMPARE(nodes.at(0)[QStringLiteral("type")].toString(), QStringLiteral("rack-16x64"));
        QCOMPARE(nodes.at(0)[QStringLiteral("eks_max_pods")].toInt(), 110);
        QCOMPARE(nodes.at(0)[QStringLiteral("usd_per_hour")].toDouble(), 0.5);
        r = cli({ QStringLiteral("catalog"), QStringLiteral("instances"), QStringLiteral("--region"),
            QStringLiteral("eu-west-1"), QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.contains(QStringLiteral("\nrack-16x64,rack-16x64,16,65536,x86_64,")), qPrintable(r.out.left(300)));

        // 10 pods of 1 vCPU / 2 GiB on EKS Anywhere: one rack node × 0.50 USD × 730 h = 365.00 USD, no control
        // plane (tests/models/tst_ownhardware.cpp computes the node count by hand).
        const QString scenario = m_dir.filePath(QStringLiteral("anywhere.json"));
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"fleetplan_scenario": 2, "name": "anywhere", "region": "us-east-1", "period": {"hours": 730},
            "services": [{"name": "api", "cpu": 1, "memory_mib": 2048, "replicas": 10, "min_replicas": 10}],
            "platforms": {"eks-nodes": {"instance_types": ["rack-16x64"], "eks_anywhere": true}}})");
        f.close();
        r = cli({ QStringLiteral("compare"), scenario, QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        bool seen = false;
        for (const QJsonValue p : report[QStringLiteral("platforms")].toArray()) {
            if (p[QStringLiteral("id")].toString() != u"eks-nodes")
                continue;
            seen = true;
            QVERIFY(std::abs(p[QStringLiteral("total_usd")].toDouble() - 365.0) < 1e-9);
        }
        QVERIFY(seen);
        // pack: the custom type by name.
        const QString items = m_dir.filePath(QStringLiteral("items.json"));
        QFile i(items);
        QVERIFY(i.open(QIODevice::WriteOnly));
        i.write(R"([{"service": "api", "count": 10, "cpu": 1, "memory_mib": 2048}])");
        i.close();
        r = cli({ QStringLiteral("pack"), items, QStringLiteral("--region"), QStringLiteral("us-east-1"),
            QStringLiteral("--instance-types"), QStringLiteral("rack-16x64"), QStringLiteral("--format"),
            QStringLiteral("json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("rack-16x64")), qPrintable(r.out.left(400)));
        r = cli({ QStringLiteral("catalog"), QStringLiteral("node"), QStringLiteral("remove"),
            QStringLiteral("rack-16x64") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({ QStringLiteral("compare"), scenario });
        QVERIFY2(r.code != 0 || r.err.contains(QStringLiteral("rack-16x64")), qPrintable(r.err));
    }
    void priceJson()
    {
        const Run r = run({ QStringLiteral("price"), QStringLiteral("m5.large"), QStringLiteral("--region"),
            QStringLiteral("us-east-1"), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(rows.size() >= 2);
        const QJsonObject od = rows.at(0).toObject();
        QCOMPARE(od.value(QStringLiteral("price")).toString(), QStringLiteral("on-demand"));
        // ec2_ondemand_prices.csv: us-east-1 m5.large 0.096 (karpenter 2026-07-20).
        QCOMPARE(od.value(QStringLiteral("usd")).toDouble(), 0.096);
        QCOMPARE(od.value(QStringLiteral("as_of")).toString(), QStringLiteral("2026-07-20"));
        QCOMPARE(od.value(QStringLiteral("origin")).toString(), QStringLiteral("bundled"));
        const QJsonObject spot = rows.at(1).toObject();
        QCOMPARE(spot.value(QStringLiteral("price")).toString(), QStringLiteral("spot"));
        QCOMPARE(spot.value(QStringLiteral("usd")).toDouble(), 0.04366);
        QCOMPARE(spot.value(QStringLiteral("estimated")).toBool(), true);
    }
    void priceErrors()
    {
        Run r = run({ QStringLiteral("price"), QStringLiteral("m5.lage"), QStringLiteral("--region"),
            QStringLiteral("us-east-1") });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown instance type \"m5.lage\"; did you mean m5.large")),
            qPrintable(r.err));
        r = run({ QStringLiteral("price"), QStringLiteral("m5.large"), QStringLiteral("--region"),
            QStringLiteral("us-est-1") });
        QCOMPARE(r.code, 2);
        QVERIFY2(
            r.err.contains(QStringLiteral("unknown region \"us-est-1\"; did you mean us-east-1")), qPrintable(r.err));
        r = run({ QStringLiteral("price"), QStringLiteral("m5.large"), QStringLiteral("--region"),
            QStringLiteral("ap-east-2") });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(
                     QStringLiteral("m5.large has no On-Demand price in region ap-east-2; available in: af-south-1")),
            qPrintable(r.err));
        r = run({ QStringLiteral("price"), QStringLiteral("m5.large") });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--region is required")), qPrintable(r.err));
        r = run({ QStringLiteral("price"), QStringLiteral("m5.large"), QStringLiteral("--region"),
            QStringLiteral("us-east-1"), QStringLiteral("--format"), QStringLiteral("xml") });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("xml")), qPrintable(r.err));
        r = run({ QStringLiteral("frobnicate") });
        QCOMPARE(r.code, 1);
        r = run({ QStringLiteral("price"), QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QVERIFY2(
            r.out.startsWith(QStringLiteral("Usage: fleetplan catalog price [options] TYPE\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("--format")), qPrintable(r.out));
    }
    void fargateCsv()
    {
        const Run r = run({ QStringLiteral("fargate"), QStringLiteral("--region"), QStringLiteral("us-east-1"),
            QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("platform,item,usd,unit,as_of,origin,estimated,source\n")));
        // fargate_rates.csv us-east-1: 0.04048 per vCPU-hour, 0.004445 per GB-hour (AWS feed 2025-10-27).
        QVERIFY2(r.out.contains(QStringLiteral("\nLinux x86_64,vcpu,0.04048,USD per vCPU-hour,2025-10-27,bundled,no,")),
            qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QStringLiteral("\nLinux x86_64,memory,0.004445,USD per GB-hour,2025-10-27,bundled,no,")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\nWindows x86_64,os_licence,0.046,")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\nSpot Linux x86_64,vcpu,0.01291,USD per vCPU-hour,2026,bundled,yes,")),
            qPrintable(r.out));
    }
    void instancesCsv()
    {
        const Run r = run({ QStringLiteral("instances"), QStringLiteral("--region"), QStringLiteral("us-east-1"),
            QStringLiteral("--family"), QStringLiteral("m5"), QStringLiteral("--arch"), QStringLiteral("x86_64"),
            QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // instance_types.csv m5.large: 2 vCPU, 8192 MiB, 3 ENIs (3 on the default card) x 10 IPv4, 29 pods; 0.096
        // USD/h.
        QVERIFY2(r.out.contains(QStringLiteral("\nm5.large,m5,2,8192,x86_64,3,3,10,29,no,0,0.096,bundled\n")),
            qPrintable(r.out));
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts).mid(1))
            QVERIFY2(line.startsWith(QStringLiteral("m5.")), qPrintable(line));
    }
    void instancesErrors()
    {
        Run r = run({ QStringLiteral("instances"), QStringLiteral("--arch"), QStringLiteral("sparc") });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("sparc")), qPrintable(r.err));
        r = run({ QStringLiteral("instances"), QStringLiteral("--family"), QStringLiteral("m5x") });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("\"m5x\" is not an instance family; did you mean")), qPrintable(r.err));
    }
    void regionsAndInfo()
    {
        Run r = run({ QStringLiteral("regions"), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray regions = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(regions.size(), 36);
        for (const QJsonValue &v : regions) {
            if (v.toObject().value(QStringLiteral("region")).toString() == u"us-east-1") {
                QCOMPARE(v.toObject().value(QStringLiteral("eks_cluster_hour")).toDouble(), 0.10);
                QCOMPARE(v.toObject().value(QStringLiteral("ec2_types_priced")).toInt(), 1367);
            }
        }
        r = run({ QStringLiteral("info") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.contains(QStringLiteral("ec2_ondemand_prices.csv")) && r.out.contains(QStringLiteral("2026-07-20")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("fargate_rates.csv")), qPrintable(r.out));
    }
    void importThenShow()
    {
        const QString book = m_dir.filePath(QStringLiteral("book.sqlite"));
        Run r = run({ QStringLiteral("import"), fixture("ecs-fargate-offer-eu-west-1-2020-12.csv"),
            QStringLiteral("--pricebook"), book });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("imported 8 rates from 1 file(s)")), qPrintable(r.out));
        r = run({ QStringLiteral("fargate"), QStringLiteral("--region"), QStringLiteral("eu-west-1"),
            QStringLiteral("--pricebook"), book, QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The 2020 ligoj ECS CSV: Windows vCPU 0.09148, dated 01/01/2022.
        QVERIFY2(
            r.out.contains(QStringLiteral("\nWindows x86_64,vcpu,0.09148,USD per vCPU-hour,2022-01-01,imported,no,AWS "
                                          "Price List AmazonECS offer 20201214223755")),
            qPrintable(r.out));
        // A corrupt file: exit 2, file:line:column on stderr, nothing written.
        r = run({ QStringLiteral("import"), fixture("ecs-fargate-offer-us-east-1-2025-08.json"),
            fixture("ecs-fargate-offer-eu-west-1-2020-12-corrupt.csv"), QStringLiteral("--pricebook"), book });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(fixture("ecs-fargate-offer-eu-west-1-2020-12-corrupt.csv") + QStringLiteral(":21:1: ")),
            qPrintable(r.err));
        r = run({ QStringLiteral("fargate"), QStringLiteral("--region"), QStringLiteral("us-east-1"),
            QStringLiteral("--pricebook"), book, QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.out.contains(QStringLiteral("\nLinux x86_64,vcpu,0.04048,USD per vCPU-hour,2025-10-27,bundled,")),
            qPrintable(r.out));
        r = run({ QStringLiteral("import") });
        QCOMPARE(r.code, 1);
    }
    void editPriceBook()
    {
        const QString book = m_dir.filePath(QStringLiteral("edits.sqlite"));
        Run r = run({ QStringLiteral("override"), QStringLiteral("ec2_ondemand"), QStringLiteral("ap-east-2"),
            QStringLiteral("m5.large"), QStringLiteral("0.15"), QStringLiteral("--note"), QStringLiteral("quote 42"),
            QStringLiteral("--pricebook"), book });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run({ QStringLiteral("discount"), QStringLiteral("10"), QStringLiteral("--pricebook"), book });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run({ QStringLiteral("commitment"), QStringLiteral("fargate"), QStringLiteral("Compute Savings Plan"),
            QStringLiteral("1"), QStringLiteral("No Upfront"), QStringLiteral("20"), QStringLiteral("--pricebook"),
            book });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // A custom rate where the bundled catalog has none (m5.large is not priced in ap-east-2), not discounted.
        r = run({ QStringLiteral("price"), QStringLiteral("m5.large"), QStringLiteral("--region"),
            QStringLiteral("ap-east-2"), QStringLiteral("--pricebook"), book, QStringLiteral("--format"),
            QStringLiteral("csv") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("\non-demand,0.15,USD per hour,"))
                && r.out.contains(QStringLiteral(",override,no,user override: quote 42\n")),
            qPrintable(r.out));
        // 10 % off the bundled m5.large us-east-1 0.096 = 0.0864.
        r = run({ QStringLiteral("price"), QStringLiteral("m5.large"), QStringLiteral("--region"),
            QStringLiteral("us-east-1"), QStringLiteral("--pricebook"), book, QStringLiteral("--format"),
            QStringLiteral("csv") });
        QVERIFY2(
            r.out.contains(QStringLiteral("\non-demand,0.0864,USD per hour,2026-07-20,bundled,")), qPrintable(r.out));
        r = run({ QStringLiteral("commitments"), QStringLiteral("--pricebook"), book, QStringLiteral("--format"),
            QStringLiteral("csv") });
        QVERIFY2(
            r.out.contains(QStringLiteral("\nfargate,Compute Savings Plan,1,No Upfront,20,user\n")), qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QStringLiteral("\nfargate,Compute Savings Plan,3,No Upfront,40,\"data: Fargate eu-west-1")),
            qPrintable(r.out));
        // Errors: unknown kind (usage), unknown region (invalid input), a Fargate RI (not sold).
        r = run({ QStringLiteral("override"), QStringLiteral("foo"), QStringLiteral("us-east-1"),
            QStringLiteral("m5.large"), QStringLiteral("1"), QStringLiteral("--pricebook"), book });
        QCOMPARE(r.code, 1);
        r = run({ QStringLiteral("override"), QStringLiteral("ec2_ondemand"), QStringLiteral("us-est-1"),
            QStringLiteral("m5.large"), QStringLiteral("1"), QStringLiteral("--pricebook"), book });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("did you mean us-east-1")), qPrintable(r.err));
        r = run({ QStringLiteral("commitment"), QStringLiteral("fargate"), QStringLiteral("Standard RI"),
            QStringLiteral("1"), QStringLiteral("No Upfront"), QStringLiteral("20"), QStringLiteral("--pricebook"),
            book });
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCatalogCli)
#include "tst_catalogcli.moc"
