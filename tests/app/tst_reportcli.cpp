// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"
#include "models/workload/scenariojson.h"

/// `fleetplan report`, `fleetplan compare --diff/--fail-above/--quiet` and `fleetplan manpage` run as a
/// user or a CI pipeline runs them: the real executable, no display, the bundled sample scenario.
class TestReportCli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code;
        QByteArray out;
        QString err;
    };
    // QT_QPA_PLATFORM removed: report must pick the offscreen platform itself.
    static Run run(const QStringList &args, const QByteArray &stdinData = {})
    {
        const fleetplan::test::CliRun r = fleetplan::test::runFleetplan(args, stdinData);
        return { r.code, r.outBytes, r.err };
    }
    static QString tool(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    static QString sample() { return QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json"); }

    /// platform display name → total as `compare` prints it in its table ("1,811.17").
    static QMap<QString, QString> compareTotals()
    {
        const Run r = run({ QStringLiteral("compare"), sample() });
        QMap<QString, QString> totals;
        static const QRegularExpression row(
            QStringLiteral(
                "^(ECS on EC2|ECS Fargate Spot|ECS Fargate|EKS managed nodes|EKS Fargate)\\s+([\\d,]+\\.\\d\\d)\\s"),
            QRegularExpression::MultilineOption);
        auto it = row.globalMatch(QString::fromUtf8(r.out));
        while (it.hasNext()) {
            const auto m = it.next();
            if (!totals.contains(m.captured(1)))
                totals.insert(m.captured(1), m.captured(2));
        }
        return totals;
    }

    QTemporaryDir m_dir;
    QMap<QString, QString> m_totals;

private slots:
    void initTestCase()
    {
        m_totals = compareTotals();
        QCOMPARE(m_totals.size(), 5);
    }

    void helpListsOptions()
    {
        const Run r = run({ QStringLiteral("report"), QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        const QString help = QString::fromUtf8(r.out);
        for (const char *option :
            { "--output", "--format", "--page-size", "--hourly-csv", "--load-multiplier", "--platform", "--quiet" })
            QVERIFY2(help.contains(QLatin1String(option)), option);
        const Run c = run({ QStringLiteral("compare"), QStringLiteral("--help") });
        for (const char *option : { "--diff", "--fail-above", "--quiet" })
            QVERIFY2(QString::fromUtf8(c.out).contains(QLatin1String(option)), option);
    }

    void pdfCarriesComparesTotals()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("sample.pdf"));
        const Run r = run({ QStringLiteral("report"), sample(), QStringLiteral("-o"), pdf });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("wrote ") + pdf + QStringLiteral(" (PDF, ")), qPrintable(r.err));
        const auto pages
            = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(tool(QStringLiteral("pdfinfo"), { pdf }));
        QVERIFY(pages.hasMatch());
        QVERIFY2(pages.captured(1).toInt() >= 4 && pages.captured(1).toInt() <= 16, qPrintable(pages.captured(1)));
        const QString text = tool(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") });
        for (auto it = m_totals.cbegin(); it != m_totals.cend(); ++it) {
            QVERIFY2(text.contains(it.value()), qPrintable(it.key() + u' ' + it.value()));
            // The breakdown heading names the platform and its total together.
            QVERIFY2(text.contains(it.key() + QStringLiteral(" ("))
                    && text.contains(QStringLiteral("): ") + it.value() + QStringLiteral(" USD")),
                qPrintable(it.key()));
        }
        QVERIFY(text.contains(QStringLiteral("Sample: online shop")));
        QVERIFY(text.contains(QStringLiteral("Page 1 of ") + pages.captured(1)));
    }

    void jsonIsByteIdenticalToCompare()
    {
        const QString json = m_dir.filePath(QStringLiteral("sample.json"));
        const Run r
            = run({ QStringLiteral("report"), sample(), QStringLiteral("-o"), json, QStringLiteral("--quiet") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.err, QString()); // --quiet
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Run c = run({ QStringLiteral("compare"), sample(), QStringLiteral("--format"), QStringLiteral("json") });
        QCOMPARE(c.code, 0);
        QCOMPARE(f.readAll(), c.out);
    }

    void csvSumsToComparesTotals()
    {
        const QString csv = m_dir.filePath(QStringLiteral("sample.csv"));
        const QString hourly = m_dir.filePath(QStringLiteral("hourly.csv"));
        const Run r = run(
            { QStringLiteral("report"), sample(), QStringLiteral("-o"), csv, QStringLiteral("--hourly-csv"), hourly });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.constFirst(), QStringLiteral("platform,component,usd"));
        QHash<QString, double> sums, totals;
        for (const QString &line : lines.mid(1)) {
            const QStringList fields = line.split(u',');
            QCOMPARE(fields.size(), 3);
            (fields.at(1) == u"total" ? totals[fields.at(0)] : sums[fields.at(0)]) += fields.at(2).toDouble();
        }
        const QHash<QString, QString> names { { QStringLiteral("ecs-ec2"), QStringLiteral("ECS on EC2") },
            { QStringLiteral("ecs-fargate"), QStringLiteral("ECS Fargate") },
            { QStringLiteral("ecs-fargate-spot"), QStringLiteral("ECS Fargate Spot") },
            { QStringLiteral("eks-nodes"), QStringLiteral("EKS managed nodes") },
            { QStringLiteral("eks-fargate"), QStringLiteral("EKS Fargate") } };
        QCOMPARE(totals.size(), 5);
        for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
            QVERIFY2(qAbs(sums.value(it.key()) - it.value()) < 1e-6, qPrintable(it.key()));
            const double printed = QString(m_totals.value(names.value(it.key()))).remove(u',').toDouble();
            QVERIFY2(qAbs(it.value() - printed) <= 0.005 + 1e-9, qPrintable(it.key()));
        }
        QFile h(hourly);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QStringList hours = QString::fromUtf8(h.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(hours.size(), 1 + 730); // the sample's period: 730 hours
        double ec2 = 0;
        for (const QString &line : hours.mid(1))
            ec2 += line.split(u',').at(1).toDouble();
        QVERIFY2(qAbs(ec2 - totals.value(QStringLiteral("ecs-ec2"))) < 0.01, qPrintable(QString::number(ec2)));
    }

    void htmlHasEveryChart()
    {
        const QString html = m_dir.filePath(QStringLiteral("sample.html"));
        const Run r = run({ QStringLiteral("report"), sample(), QStringLiteral("-o"), html });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QCOMPARE(text.count(QStringLiteral("<svg")), 4); // comparison, timeline, cost vs load, sensitivity
        QVERIFY(text.contains(QStringLiteral("USD / month")));
        QVERIFY(text.contains(QStringLiteral("<h2>Cost vs load</h2>")));
        QVERIFY(text.contains(QStringLiteral("<h2>Sensitivity</h2>")));
        QVERIFY(text.contains(QStringLiteral("EKS managed nodes is the cheapest at ")));
        for (const QString &total : m_totals)
            QVERIFY2(text.contains(total), qPrintable(total));
    }

    /// `--baseline FILE`: last week's plan against this one, per platform and component, and why (issue 18).
    void baselineSection()
    {
        fleetplan::models::Scenario bigger = fleetplan::models::bundledSampleScenario();
        bigger.services[0].replicas += 6;
        bigger.region = QStringLiteral("eu-west-1");
        const QString file = m_dir.filePath(QStringLiteral("bigger.json"));
        QVERIFY(fleetplan::models::writeScenarioFile(bigger, file));
        const QString md = m_dir.filePath(QStringLiteral("against.md"));
        const Run r = run({ QStringLiteral("report"), file, QStringLiteral("--baseline"), sample(),
            QStringLiteral("-o"), md, QStringLiteral("-q") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("\n## Against the baseline\n")));
        QVERIFY(text.contains(
            QStringLiteral("| Platform / component | Baseline USD | This report USD | Change USD | Change |\n")));
        // The baseline's totals are the sample's, as compare prints them; the change has its sign.
        for (const QString &total : m_totals)
            QVERIFY2(text.contains(QStringLiteral("| **%1** |").arg(total)), qPrintable(total));
        QVERIFY(text.contains(QStringLiteral("- region: us-east-1 → eu-west-1\n")));
        QVERIFY(text.contains(QStringLiteral("- services\\[%1\\].replicas: ").arg(bigger.services[0].name)));

        const Run missing = run({ QStringLiteral("report"), file, QStringLiteral("--baseline"),
            QStringLiteral("/nonexistent/last-week.json"), QStringLiteral("-o"), md });
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains(QStringLiteral("/nonexistent/last-week.json")));
    }

    void stdinAndStdout()
    {
        QFile f(sample());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Run r = run({ QStringLiteral("report"), QStringLiteral("-"), QStringLiteral("-o"), QStringLiteral("-"),
                              QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("-q") },
            f.readAll());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString md = QString::fromUtf8(r.out);
        QVERIFY(md.startsWith(QStringLiteral("# Fleetplan cost report — Sample: online shop\n")));
        QVERIFY2(md.contains(QStringLiteral("| EKS managed nodes")), qPrintable(md.left(2000)));
        for (const QString &total : m_totals)
            QVERIFY2(md.contains(QStringLiteral("| ") + total + QStringLiteral(" |")), qPrintable(total));
    }

    void platformOptionIsNotQtsPlatform()
    {
        // QGuiApplication reads "--platform NAME" as its QPA plugin; report's own --platform must win.
        const Run r = run({ QStringLiteral("report"), sample(), QStringLiteral("-o"), QStringLiteral("-"),
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--platform"),
            QStringLiteral("eks-nodes"), QStringLiteral("-q") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 3);
        for (const QString &line : lines.mid(1))
            QVERIFY2(line.startsWith(QStringLiteral("eks-nodes,")), qPrintable(line));
        QVERIFY(lines.constLast().startsWith(QStringLiteral("eks-nodes,total,")));
    }

    void usageAndInputErrors()
    {
        Run r = run({ QStringLiteral("report"), sample() });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("-o FILE is required")));
        r = run({ QStringLiteral("report"), sample(), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.docx")) });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("x.docx")));
        r = run({ QStringLiteral("report"), sample(), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.pdf")),
            QStringLiteral("--page-size"), QStringLiteral("A3") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("--page-size")));
        // Broken scenario: exit 2, the message names the file and line.
        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        QFile b(broken);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("{\n  \"fleetplan_scenario\": 1,\n  \"name\": \"x\" \"region\": 1\n}\n");
        b.close();
        r = run({ QStringLiteral("report"), broken, QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.pdf")) });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(broken + QStringLiteral(":3:")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.pdf"))));
    }

    void compareBudgetGates()
    {
        // The sample's cheapest platform costs less than 2,000 USD and the dearest more (see compare's table).
        double cheapest = 1e18, dearest = 0;
        for (const QString &t : m_totals) {
            cheapest = std::min(cheapest, QString(t).remove(u',').toDouble());
            dearest = std::max(dearest, QString(t).remove(u',').toDouble());
        }
        const QString above = QString::number(std::ceil(dearest) + 1);
        Run r = run(
            { QStringLiteral("compare"), sample(), QStringLiteral("--fail-above"), above, QStringLiteral("--quiet") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty());
        const QString between = QString::number(std::floor(dearest) - 1);
        r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--fail-above"), between, QStringLiteral("-q") });
        QCOMPARE(r.code, 3);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("above the budget of")), qPrintable(r.err));
        // Per platform: EKS managed nodes gated just below its own total fails; just above passes.
        const double eks = QString(m_totals.value(QStringLiteral("EKS managed nodes"))).remove(u',').toDouble();
        r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--fail-above"),
            QStringLiteral("eks-nodes=") + QString::number(eks - 0.01, 'f', 2), QStringLiteral("-q") });
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("EKS managed nodes costs ")
                     + m_totals.value(QStringLiteral("EKS managed nodes")) + QStringLiteral(" USD per month")),
            qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);
        r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--fail-above"),
            QStringLiteral("eks-nodes=") + QString::number(eks + 0.01, 'f', 2), QStringLiteral("-q") });
        QCOMPARE(r.code, 0);
        r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--fail-above"), QStringLiteral("eks-nodez=1") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("eks-nodez")));
        r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--fail-above"), QStringLiteral("lots") });
        QCOMPARE(r.code, 1);
    }

    void compareDiff()
    {
        // Same scenario on both sides: every platform unchanged.
        Run r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--diff"), sample(),
            QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject same = QJsonDocument::fromJson(r.out).object();
        const QJsonArray platforms = same.value(QStringLiteral("platforms")).toArray();
        QCOMPARE(platforms.size(), 5);
        for (const QJsonValue &p : platforms) {
            QCOMPARE(p.toObject().value(QStringLiteral("change_usd")).toDouble(), 0.0);
            QCOMPARE(p.toObject().value(QStringLiteral("components")).toArray().size(), 0);
        }
        // Double the load through a copy of the sample with a new name: Fargate vCPU grows; the table says by how much.
        QFile f(sample());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject scenario = QJsonDocument::fromJson(f.readAll()).object();
        QJsonArray services = scenario.value(QStringLiteral("services")).toArray();
        for (qsizetype i = 0; i < services.size(); ++i) {
            QJsonObject s = services.at(i).toObject();
            if (s.value(QStringLiteral("kind")).toString() == u"service" || !s.contains(QStringLiteral("kind"))) {
                s.insert(QStringLiteral("replicas"), s.value(QStringLiteral("replicas")).toInt() * 2);
                s.insert(QStringLiteral("max_replicas"), 10000);
            }
            services[i] = s;
        }
        scenario.insert(QStringLiteral("services"), services);
        scenario.insert(QStringLiteral("name"), QStringLiteral("Bigger shop"));
        const QString bigger = m_dir.filePath(QStringLiteral("bigger.json"));
        QFile out(bigger);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(scenario).toJson());
        out.close();

        r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--diff"), bigger, QStringLiteral("--format"),
            QStringLiteral("json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject diff = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(diff.value(QStringLiteral("after")).toObject().value(QStringLiteral("scenario")).toString(),
            QStringLiteral("Bigger shop"));
        for (const QJsonValue &v : diff.value(QStringLiteral("platforms")).toArray()) {
            const QJsonObject p = v.toObject();
            const double before = p.value(QStringLiteral("before_usd")).toDouble();
            const double after = p.value(QStringLiteral("after_usd")).toDouble();
            QVERIFY2(after > before, qPrintable(p.value(QStringLiteral("platform")).toString()));
            QVERIFY(qAbs(p.value(QStringLiteral("change_usd")).toDouble() - (after - before)) < 1e-9);
            QVERIFY(
                qAbs(p.value(QStringLiteral("change_percent")).toDouble() - (after - before) / before * 100) < 1e-9);
            double components = 0;
            for (const QJsonValue &c : p.value(QStringLiteral("components")).toArray())
                components += c.toObject().value(QStringLiteral("change_usd")).toDouble();
            // Unchanged components (< 0.005 USD) are left out, so the parts sum to the total change within cents.
            QVERIFY(qAbs(components - (after - before)) < 0.05);
        }
        // The table names before → after per platform with absolute and percent change.
        r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--diff"), bigger });
        QCOMPARE(r.code, 0);
        const QString table = QString::fromUtf8(r.out);
        QVERIFY2(table.startsWith(QStringLiteral("Sample: online shop → Bigger shop")), qPrintable(table.left(200)));
        QVERIFY(QRegularExpression(
            QStringLiteral("ECS Fargate \\(ecs-fargate\\): [\\d,.]+ → [\\d,.]+ USD \\(\\+[\\d,.]+, \\+[\\d.]+ %\\)"))
                    .match(table)
                    .hasMatch());
        QVERIFY(table.contains(QStringLiteral("fargate_vcpu")));
        // Gates apply to the new scenario: a budget between ECS Fargate's old and new totals passes alone
        // and fails with --diff.
        double fargateAfter = 0;
        for (const QJsonValue &v : diff.value(QStringLiteral("platforms")).toArray()) {
            if (v.toObject().value(QStringLiteral("platform")).toString() == u"ecs-fargate")
                fargateAfter = v.toObject().value(QStringLiteral("after_usd")).toDouble();
        }
        const double fargateBefore = QString(m_totals.value(QStringLiteral("ECS Fargate"))).remove(u',').toDouble();
        QVERIFY(fargateAfter > fargateBefore + 2);
        const QString gate
            = QStringLiteral("ecs-fargate=") + QString::number((fargateBefore + fargateAfter) / 2, 'f', 2);
        r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--fail-above"), gate, QStringLiteral("-q") });
        QCOMPARE(r.code, 0);
        r = run({ QStringLiteral("compare"), sample(), QStringLiteral("--diff"), bigger, QStringLiteral("--fail-above"),
            gate, QStringLiteral("-q") });
        QCOMPARE(r.code, 3);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("ECS Fargate costs ")), qPrintable(r.err));
    }

    void manPageFromOptionDefinitions()
    {
        const Run r = run({ QStringLiteral("manpage") });
        QCOMPARE(r.code, 0);
        const QString man = QString::fromUtf8(r.out);
        QVERIFY(man.startsWith(QStringLiteral(".TH FLEETPLAN 1 ")));
        QVERIFY(man.contains(QStringLiteral(".SS \"fleetplan report\"")));
        QVERIFY(man.contains(QStringLiteral(".SS \"fleetplan compare\"")));
        // The option texts come from the commands' own parsers.
        QVERIFY(man.contains(QStringLiteral(".B \\-\\-page\\-size <SIZE>\nPDF page size: A4 (default) or Letter.")));
        QVERIFY(man.contains(QStringLiteral(".B \\-\\-fail\\-above <[PLATFORM=]USD>")));
        QVERIFY(man.contains(QStringLiteral(".B fleetplan report [options] SCENARIO")));
        QVERIFY(!man.contains(QStringLiteral(FLEETPLAN_EXE)));
        QVERIFY(man.contains(QStringLiteral(".SH EXIT STATUS")));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
