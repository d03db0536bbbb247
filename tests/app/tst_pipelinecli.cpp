// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 22: a versioned JSON in every output, and explicit configuration (--pricebook, --bundled-only,
// --region, FLEETPLAN_PRICEBOOK, a config file) named wherever it changed a figure.
#include <cmath>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"

class TestPipelineCli : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    static Run run(const QStringList &args, const QProcessEnvironment &env = {})
    {
        return fleetplan::test::runFleetplan(args, {}, env);
    }
    static QString sample() { return QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json"); }
    static QJsonObject json(const Run &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
    static double total(const QJsonObject &o, const QString &id)
    {
        for (const QJsonValue &v : o.value(u"platforms").toArray()) {
            if (v.toObject().value(u"id").toString() == id)
                return v.toObject().value(u"total_usd").toDouble();
        }
        return -1;
    }
    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    QTemporaryDir m_dir;
    QString m_book; ///< a price book with the EKS standard-support rate overridden to 0.2 USD/h in us-east-1

private slots:
    void initTestCase()
    {
        m_book = m_dir.filePath(QStringLiteral("team.sqlite"));
        const Run r = run({ QStringLiteral("catalog"), QStringLiteral("override"), QStringLiteral("eks"),
            QStringLiteral("us-east-1"), QStringLiteral("cluster_standard_support"), QStringLiteral("0.2"),
            QStringLiteral("--pricebook"), m_book });
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void everyJsonOutputCarriesTheSchemaVersion_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("kind");
        QTest::newRow("compare") << QStringList { QStringLiteral("compare"), sample(), QStringLiteral("--format"),
            QStringLiteral("json") }
                                 << QStringLiteral("cost_report");
        QTest::newRow("diff") << QStringList { QStringLiteral("diff"), sample(), sample(), QStringLiteral("--format"),
            QStringLiteral("json") }
                              << QStringLiteral("cost_diff");
        QTest::newRow("sweep") << QStringList { QStringLiteral("sweep"), sample(), QStringLiteral("--load"),
            QStringLiteral("1:2:1"), QStringLiteral("--fast"), QStringLiteral("--format"), QStringLiteral("json") }
                               << QStringLiteral("load_sweep");
        QTest::newRow("sensitivity") << QStringList { QStringLiteral("sensitivity"), sample(), QStringLiteral("--fast"),
            QStringLiteral("--format"), QStringLiteral("json") }
                                     << QStringLiteral("sensitivity");
        QTest::newRow("validate") << QStringList { QStringLiteral("validate"), sample(), QStringLiteral("--format"),
            QStringLiteral("json") }
                                  << QStringLiteral("validation");
        QTest::newRow("report") << QStringList { QStringLiteral("report"), sample(), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("-q") }
                                << QStringLiteral("cost_report");
    }
    void everyJsonOutputCarriesTheSchemaVersion()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, kind);
        const Run r = run(args);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"schema_version").toInt(), 1);
        QCOMPARE(o.value(u"kind").toString(), kind);
        // Byte-identical across runs and locales.
        QProcessEnvironment de;
        de.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        de.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        QCOMPARE(run(args, de).out, r.out);
    }

    void compareJsonRecordsPricingPeriodWhatIfAndGates()
    {
        const Run r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--bundled-only"), QStringLiteral("--load-multiplier"), QStringLiteral("1.5"),
            QStringLiteral("--fail-above"), QStringLiteral("eks-fargate=1"), QStringLiteral("--fail-above"),
            QStringLiteral("1000000") });
        QCOMPARE(r.code, 3);
        const QJsonObject o = json(r);
        const QJsonObject pricing = o.value(u"pricing").toObject();
        QCOMPARE(pricing.value(u"source").toString(), QStringLiteral("bundled"));
        QVERIFY(pricing.value(u"price_book").isNull());
        QVERIFY(pricing.value(u"config_file").isNull());
        QCOMPARE(o.value(u"what_if").toObject().value(u"load_multiplier").toDouble(), 1.5);
        const QJsonObject period = o.value(u"billing_period").toObject();
        QCOMPARE(period.value(u"hours").toInt(), 730);
        QCOMPARE(period.value(u"label").toString(), QStringLiteral("1 month (730 hours)"));
        QCOMPARE(period.value(u"months").toDouble(), 1.0);
        const QJsonArray gates = o.value(u"gates").toArray();
        QCOMPARE(gates.size(), 2);
        QCOMPARE(gates.at(0).toObject().value(u"spec").toString(), QStringLiteral("eks-fargate=1"));
        QCOMPARE(gates.at(0).toObject().value(u"passed").toBool(true), false);
        QCOMPARE(gates.at(1).toObject().value(u"passed").toBool(false), true);
        QCOMPARE(o.value(u"gates_passed").toBool(true), false);
        QCOMPARE(
            o.value(u"scenario_input").toObject().value(u"name").toString(), QStringLiteral("Sample: online shop"));
        // The JSON report is the same document (no gates there).
        const Run c = run({ QStringLiteral("compare"), sample(), QStringLiteral("--format"), QStringLiteral("json") });
        const Run report = run({ QStringLiteral("report"), sample(), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("-q") });
        QCOMPARE(report.out, c.out);
    }

    void aGateOnAPlatformNotPricedIsAUsageError()
    {
        const Run r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--platform"),
            QStringLiteral("ecs-fargate"), QStringLiteral("--fail-above"), QStringLiteral("eks-nodes=1500") });
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err,
            QStringLiteral("fleetplan compare: --fail-above eks-nodes: EKS managed nodes is not priced (see "
                           "--platform and the scenario's platforms)\n"));
    }

    void aPriceBookThatChangedAFigureIsNamed()
    {
        // 730 cluster-hours × (0.2 − 0.1) USD = 73 USD more on both EKS platforms; nothing else moves.
        const Run bundled = run({ QStringLiteral("compare"), sample(), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--bundled-only") });
        const Run booked = run({ QStringLiteral("compare"), sample(), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--pricebook"), m_book });
        QVERIFY2(booked.code == 0, qPrintable(booked.err));
        const QJsonObject a = json(bundled);
        const QJsonObject b = json(booked);
        QVERIFY(std::abs(total(b, QStringLiteral("eks-nodes")) - total(a, QStringLiteral("eks-nodes")) - 73) < 1e-6);
        QVERIFY(
            std::abs(total(b, QStringLiteral("eks-fargate")) - total(a, QStringLiteral("eks-fargate")) - 73) < 1e-6);
        QCOMPARE(total(b, QStringLiteral("ecs-ec2")), total(a, QStringLiteral("ecs-ec2")));
        const QJsonObject book = b.value(u"pricing").toObject().value(u"price_book").toObject();
        QCOMPARE(b.value(u"pricing").toObject().value(u"source").toString(), QStringLiteral("price_book"));
        QCOMPARE(book.value(u"path").toString(), m_book);
        QCOMPARE(book.value(u"from").toString(), QStringLiteral("--pricebook"));
        QCOMPARE(book.value(u"overrides").toArray(),
            (QJsonArray { QJsonObject { { QStringLiteral("kind"), QStringLiteral("eks") },
                { QStringLiteral("region"), QStringLiteral("us-east-1") },
                { QStringLiteral("key"), QStringLiteral("cluster_standard_support") },
                { QStringLiteral("usd"), 0.2 } } }));
        QStringList changed;
        for (const QJsonValue &v : book.value(u"changed").toArray())
            changed.append(v.toObject().value(u"platform").toString());
        QCOMPARE(changed, (QStringList { QStringLiteral("eks-nodes"), QStringLiteral("eks-fargate") }));

        // The table's footnote names the book, the override and what it changed.
        const Run table = run({ QStringLiteral("compare"), sample(), QStringLiteral("--pricebook"), m_book });
        QCOMPARE(table.code, 0);
        const QString eksNodes = QStringLiteral("  it changed EKS managed nodes: ");
        QVERIFY2(table.out.contains(QStringLiteral("\nPrice book: ") + m_book
                     + QStringLiteral(" (--pricebook): 1 override in us-east-1, 0 imported rates.\n"
                                      "  override: eks us-east-1 cluster_standard_support = 0.2 USD\n")),
            qPrintable(table.out));
        QVERIFY(table.out.contains(eksNodes));
        QVERIFY(table.out.contains(QStringLiteral("  it changed EKS Fargate: ")));
        QVERIFY(!table.out.contains(QStringLiteral("  it changed ECS on EC2")));

        // FLEETPLAN_PRICEBOOK is the same book, said as such; --bundled-only ignores it.
        QProcessEnvironment e;
        e.insert(QStringLiteral("FLEETPLAN_PRICEBOOK"), m_book);
        const Run env
            = run({ QStringLiteral("compare"), sample(), QStringLiteral("--format"), QStringLiteral("json") }, e);
        QCOMPARE(json(env).value(u"pricing").toObject().value(u"price_book").toObject().value(u"from").toString(),
            QStringLiteral("FLEETPLAN_PRICEBOOK"));
        const Run ignored = run({ QStringLiteral("compare"), sample(), QStringLiteral("--format"),
                                    QStringLiteral("json"), QStringLiteral("--bundled-only") },
            e);
        QCOMPARE(ignored.out, bundled.out);

        // The Markdown report lists it with the warnings.
        const Run md = run({ QStringLiteral("report"), sample(), QStringLiteral("--format"), QStringLiteral("md"),
            QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("-q"), QStringLiteral("--pricebook"), m_book });
        QCOMPARE(md.code, 0);
        QVERIFY(md.out.contains(QStringLiteral("override: eks us-east-1 cluster_standard_support = 0.2 USD")));
    }

    void aMissingPriceBookOrBadRegionIsSaid()
    {
        const Run missing = run({ QStringLiteral("compare"), sample(), QStringLiteral("--pricebook"),
            QStringLiteral("/nonexistent/b.sqlite") });
        QCOMPARE(missing.code, 2);
        QCOMPARE(missing.err,
            QStringLiteral("fleetplan compare: /nonexistent/b.sqlite: price book not found (--pricebook)\n"));
        const Run both = run({ QStringLiteral("sweep"), sample(), QStringLiteral("--pricebook"), m_book,
            QStringLiteral("--bundled-only") });
        QCOMPARE(both.code, 1);
        QCOMPARE(both.err, QStringLiteral("fleetplan sweep: --bundled-only and --pricebook exclude each other\n"));
        const Run region
            = run({ QStringLiteral("compare"), sample(), QStringLiteral("--region"), QStringLiteral("eu-wst-1") });
        QCOMPARE(region.code, 1);
        QVERIFY2(region.err.startsWith(QStringLiteral("fleetplan compare: --region: unknown region \"eu-wst-1\"")),
            qPrintable(region.err));
    }

    void regionOptionPricesElsewhere()
    {
        const Run r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--region"), QStringLiteral("eu-west-1") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(json(r).value(u"region").toString(), QStringLiteral("eu-west-1"));
        QCOMPARE(json(r).value(u"pricing").toObject().value(u"region_option").toString(), QStringLiteral("eu-west-1"));
        for (const QString &command :
            { QStringLiteral("sweep"), QStringLiteral("report"), QStringLiteral("sensitivity") }) {
            const Run help = run({ command, QStringLiteral("--help") });
            for (const char *option :
                { "--pricebook <FILE>", "--bundled-only", "--region <REGION>", "--config <FILE>", "--no-config" })
                QVERIFY2(help.out.contains(QLatin1String(option)), qPrintable(command + QLatin1String(option)));
        }
    }

    void aConfigFileBesideTheScenarioIsSaidAndRecorded()
    {
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("shop.json"));
        QVERIFY(QFile::copy(sample(), scenario));
        QVERIFY(QFile::copy(m_book, dir.filePath(QStringLiteral("prices.sqlite"))));
        const QString config = dir.filePath(QStringLiteral(".fleetplan.json"));
        write(config, "{ \"pricebook\": \"prices.sqlite\", \"region\": \"us-east-1\" }\n");
        // FLEETPLAN_PRICEBOOK (set by runFleetplan) would come before the config file.
        QProcessEnvironment e;
        e.insert(QStringLiteral("FLEETPLAN_PRICEBOOK"), QString());
        const Run r
            = run({ QStringLiteral("compare"), scenario, QStringLiteral("--format"), QStringLiteral("json") }, e);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.err,
            QStringLiteral("fleetplan compare: using the config file %1 (pricebook %2, region us-east-1)\n")
                .arg(config, dir.filePath(QStringLiteral("prices.sqlite"))));
        const QJsonObject pricing = json(r).value(u"pricing").toObject();
        QCOMPARE(pricing.value(u"config_file").toString(), config);
        QCOMPARE(pricing.value(u"price_book").toObject().value(u"from").toString(), QStringLiteral("config file"));
        QCOMPARE(pricing.value(u"price_book").toObject().value(u"changed").toArray().size(), 2);
        // -q leaves the note out; --no-config reads none.
        QCOMPARE(run({ QStringLiteral("compare"), scenario, QStringLiteral("-q") }, e).err, QString());
        const Run none = run({ QStringLiteral("compare"), scenario, QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("--no-config") },
            e);
        QCOMPARE(none.err, QString());
        QVERIFY(json(none).value(u"pricing").toObject().value(u"config_file").isNull());

        // A config file that is not one names itself and the problem.
        write(config, "{ \"pricebok\": \"prices.sqlite\" }\n");
        const Run typo = run({ QStringLiteral("compare"), scenario }, e);
        QCOMPARE(typo.code, 2);
        QCOMPARE(typo.err,
            QStringLiteral("fleetplan compare: %1: unknown key \"pricebok\" (a config file knows pricebook, "
                           "bundled_only and region)\n")
                .arg(config));
        write(config, "{ \"region\": \n");
        const Run broken = run({ QStringLiteral("compare"), scenario }, e);
        QCOMPARE(broken.code, 2);
        QVERIFY2(broken.err.startsWith(QStringLiteral("fleetplan compare: ") + config + QStringLiteral(":2: ")),
            qPrintable(broken.err));
    }

    void theUserConfigFileIsReadFromXdgConfigHome()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("fleetplan")));
        write(dir.filePath(QStringLiteral("fleetplan/config.json")), "{ \"bundled_only\": true }\n");
        QProcessEnvironment e;
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        e.insert(QStringLiteral("FLEETPLAN_PRICEBOOK"), QString());
        const Run r
            = run({ QStringLiteral("compare"), sample(), QStringLiteral("--format"), QStringLiteral("json") }, e);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString path = dir.filePath(QStringLiteral("fleetplan/config.json"));
        QCOMPARE(r.err, QStringLiteral("fleetplan compare: using the config file %1 (bundled_only true)\n").arg(path));
        QCOMPARE(json(r).value(u"pricing").toObject().value(u"config_file").toString(), path);
        QCOMPARE(json(r).value(u"pricing").toObject().value(u"source").toString(), QStringLiteral("bundled"));
    }
};

QTEST_GUILESS_MAIN(TestPipelineCli)
#include "tst_pipelinecli.moc"
