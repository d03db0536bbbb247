// SPDX-License-Identifier: GPL-3.0-or-later
#include <QPainter>
#include <QProcess>
#include <QSvgRenderer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "app/report/reportcontent.h"
#include "app/report/reportwriter.h"
#include "data/reports/costreportfixture.h"
#include "models/simulation/costreportjson.h"
#include "pricing/catalog.h"

using namespace fleetplan;
using app::ReportFormat;

/// The report writers on a hand-made CostReport (tests/data/reports/costreportfixture.h): what a reader
/// finds in each format, not only that a file appears.
class TestReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static models::Scenario scenario(int services = 3)
    {
        models::Scenario s;
        s.name = QStringLiteral("Fixture shop");
        for (int i = 0; i < services; ++i) {
            models::Service svc;
            svc.name = QStringLiteral("svc-%1").arg(i, 3, 10, QLatin1Char('0'));
            svc.cpu = 1;
            svc.memoryMib = 2048;
            svc.replicas = 4;
            s.services.append(svc);
        }
        return s;
    }

    /// pdftotext of the whole file (or of one page).
    static QString pdfText(const QString &path, int page = 0)
    {
        QStringList args { QStringLiteral("-layout") };
        if (page > 0)
            args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
        args << path << QStringLiteral("-");
        QProcess p;
        p.start(QStringLiteral("pdftotext"), args);
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    static QString pdfInfo(const QString &path)
    {
        QProcess p;
        p.start(QStringLiteral("pdfinfo"), { path });
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    static QString tool(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    static int pdfPages(const QString &path)
    {
        const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(pdfInfo(path));
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

    QString writeFile(const models::CostReport &report, const models::Scenario &s, const QString &name,
        app::ReportOptions options = {})
    {
        const QString path = m_dir.filePath(name);
        QString error;
        const auto outcome = app::writeReport(report, s, path, options, &error);
        if (!outcome)
            qWarning("%s", qPrintable(error));
        return outcome ? path : QString();
    }

private slots:
    void csvParsesAndSumsToTotals()
    {
        const auto report = fixture::costReport();
        const QStringList lines = QString::fromUtf8(app::reportCsv(report)).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.constFirst(), QStringLiteral("platform,component,usd"));
        // 2 + 2 + 2 + 3 + 3 components, and one total row per platform.
        QCOMPARE(lines.size(), 1 + 12 + 5);
        QHash<QString, double> sums;
        QHash<QString, double> totals;
        for (const QString &line : lines.mid(1)) {
            const QStringList f = line.split(u',');
            QCOMPARE(f.size(), 3);
            bool ok = false;
            const double usd = f.at(2).toDouble(&ok);
            QVERIFY2(ok, qPrintable(line));
            if (f.at(1) == u"total")
                totals[f.at(0)] = usd;
            else
                sums[f.at(0)] += usd;
        }
        QCOMPARE(totals.size(), 5);
        for (auto it = totals.cbegin(); it != totals.cend(); ++it)
            QVERIFY2(qAbs(sums.value(it.key()) - it.value()) < 1e-9, qPrintable(it.key()));
        // ECS on EC2: 7288 × 0.096 + 7288 × 20 ÷ 730 × 0.08 = 699.648 + 15.97370 = 715.62170 USD.
        QVERIFY(qAbs(totals.value(QStringLiteral("ecs-ec2")) - 715.6217) < 1e-4);
        // EKS Fargate: 730 × 0.10 + 7288 × 0.04048 + 14576 × 0.004445 = 73 + 295.01824 + 64.79032 = 432.80856 USD.
        QVERIFY(qAbs(totals.value(QStringLiteral("eks-fargate")) - 432.80856) < 1e-6);
    }

    void hourlyCsvSumsToTotals()
    {
        const auto report = fixture::costReport();
        const QStringList lines = QString::fromUtf8(app::hourlyCsv(report)).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 731);
        QVERIFY(lines.constFirst().startsWith(
            QStringLiteral("hour,ecs-ec2_cost_usd,ecs-ec2_nodes,ecs-ec2_tasks,ecs-ec2_vcpu_requested,")));
        double sum = 0;
        for (const QString &line : lines.mid(1))
            sum += line.split(u',').at(1).toDouble();
        QVERIFY(qAbs(sum - report.platforms.at(0).totalUsd) < 1e-6);
        // Hour 8 (08:00, day 1): 12 nodes, 12 tasks, 12 vCPU requested on ECS on EC2.
        QVERIFY(lines.at(9).startsWith(QStringLiteral("8,")));
        QCOMPARE(lines.at(9).split(u',').mid(2, 3),
            (QStringList { QStringLiteral("12"), QStringLiteral("12"), QStringLiteral("12") }));
    }

    void jsonIsComparesJson()
    {
        const auto report = fixture::costReport();
        QString error;
        const auto bytes = app::renderReport(report, scenario(), ReportFormat::Json, {}, &error);
        QVERIFY2(bytes, qPrintable(error));
        QCOMPARE(*bytes, models::costReportToJson(report));
    }

    void recommendationNamesCheapestAndDrivers()
    {
        const QString text = app::recommendationText(fixture::costReport());
        // Savings against each platform: total − 107.94 (Fargate Spot), percent of that platform's total.
        QCOMPARE(text,
            QStringLiteral(
                "ECS Fargate Spot is the cheapest platform for this workload at 107.94 USD per month: "
                "251.87 USD (70.0 %) cheaper than ECS Fargate, 324.87 USD (75.1 %) cheaper than EKS Fargate, "
                "607.68 USD (84.9 %) cheaper than ECS on EC2, 680.68 USD (86.3 %) cheaper than EKS managed nodes. "
                "Compared with ECS Fargate, the component that differs most is Fargate vCPU: 0.00 USD on ECS Fargate "
                "Spot against 295.02 USD on ECS Fargate. "
                "ECS on EC2 pays 349.82 USD (48.9 % of its bill) for capacity no task requested, at 50.0 % CPU and "
                "26.7 % memory utilisation."));
    }

    // Issue 17, item 12: a job's run time never breaks between the number and its unit ("5400 / s").
    void runSecondsStayWithTheirUnit()
    {
        models::Scenario s = scenario(1);
        s.services[0].kind = models::ServiceKind::Job;
        s.services[0].runsPerDay = 4;
        s.services[0].runSeconds = 5400;
        const app::ReportContent content = app::buildReportContent(
            fixture::costReport(), s, pricing::Catalog::bundled()->datasets(), QString(), nullptr, nullptr);
        QCOMPARE(content.workload.rows.size(), 1);
        QVERIFY2(content.workload.rows.at(0).at(4).endsWith(QStringLiteral("5400\u00a0s")),
            qPrintable(content.workload.rows.at(0).at(4)));
    }

    // Issue 17, item 12: near-identical warnings about many services are one line naming them, not pages.
    void repeatedServiceWarningsAreGrouped()
    {
        models::Scenario s = scenario(12);
        models::CostReport report = fixture::costReport();
        models::PlatformResult &fargate = report.platforms.first();
        fargate.warnings.clear();
        for (int i = 0; i < 12; ++i)
            fargate.warnings.append(QStringLiteral("%1: 0.%2 vCPU rounds up to 0.5 vCPU on Fargate")
                                        .arg(s.services.at(i).name)
                                        .arg(i % 4 + 1));
        fargate.warnings.append(QStringLiteral("%1: EKS Fargate runs x86_64 pods only").arg(s.services.at(0).name));
        fargate.warnings.append(QStringLiteral("the cluster has no nodes"));
        const app::ReportContent content
            = app::buildReportContent(report, s, pricing::Catalog::bundled()->datasets(), QString(), nullptr, nullptr);
        const QString platform = models::displayName(fargate.id);
        QStringList ours;
        for (const QString &w : content.warnings) {
            if (w.startsWith(platform + QStringLiteral(": ")))
                ours << w;
        }
        QCOMPARE(ours.size(), 3);
        QCOMPARE(ours.at(0),
            QStringLiteral("%1: 12 services alike (%2 and 4 more), for example %3: 0.1 vCPU rounds up to 0.5 vCPU on "
                           "Fargate")
                .arg(platform,
                    QStringList { s.services.at(0).name, s.services.at(1).name, s.services.at(2).name,
                        s.services.at(3).name, s.services.at(4).name, s.services.at(5).name, s.services.at(6).name,
                        s.services.at(7).name }
                        .join(QStringLiteral(", ")),
                    s.services.at(0).name));
        QCOMPARE(ours.at(1), platform + QStringLiteral(": ") + fargate.warnings.at(12));
        QCOMPARE(ours.at(2), platform + QStringLiteral(": the cluster has no nodes"));
    }

    // Issue 17, item 7: a report names each assumption's publisher and date before the citation, and never
    // the catalog builder's internal tag.
    void assumptionsNamePublisherAndDate()
    {
        models::CostReport report = fixture::costReport();
        report.platforms.first().assumptions
            = { { QStringLiteral("Fargate Spot vCPU rate"), QStringLiteral("0.01291 USD/h"),
                QStringLiteral("fortem.dev/blog/aws-fargate-pricing-real-costs (2026; also dev.to/dspv repost, pages "
                               "corpus)") } };
        const app::ReportContent content = app::buildReportContent(
            report, scenario(1), pricing::Catalog::bundled()->datasets(), QString(), nullptr, nullptr);
        bool found = false;
        for (const QStringList &row : content.assumptions.rows) {
            if (row.at(0) != u"Fargate Spot vCPU rate")
                continue;
            found = true;
            QCOMPARE(row.at(2),
                QStringLiteral("third-party page fortem.dev, 2026 — fortem.dev/blog/aws-fargate-pricing-real-costs "
                               "(2026; also dev.to/dspv repost)"));
        }
        QVERIFY(found);
        for (const QStringList &row : content.rates.rows)
            QVERIFY2(!row.join(u' ').contains(QStringLiteral("corpus")), qPrintable(row.join(u' ')));
    }

    void pdfCarriesTotalsAndPageNumbers()
    {
        const auto report = fixture::costReport();
        const QString path = writeFile(report, scenario(), QStringLiteral("fixture.pdf"));
        QVERIFY(!path.isEmpty());
        const int pages = pdfPages(path);
        QVERIFY2(pages >= 3 && pages <= 8, qPrintable(QString::number(pages)));
        QVERIFY2(pdfInfo(path).contains(QStringLiteral("(A4)")), qPrintable(pdfInfo(path)));
        const QString text = pdfText(path);
        // Each total exactly as `fleetplan compare` prints it (models::formatNumber(total, 2)).
        for (const char *total : { "715.62", "359.81", "107.94", "788.62", "432.81" })
            QVERIFY2(text.contains(QLatin1String(total)), total);
        QVERIFY(text.contains(QStringLiteral("ECS Fargate Spot is the cheapest platform")));
        // Title block.
        QVERIFY(text.contains(QStringLiteral("Fixture shop")));
        QVERIFY(text.contains(QStringLiteral("us-east-1")));
        QVERIFY(text.contains(QStringLiteral("1 month (730 hours)")));
        QVERIFY(text.contains(QStringLiteral("2026-05-12")));
        QVERIFY(text.contains(QStringLiteral(FLEETPLAN_VERSION)));
        // Charts drawn as vectors keep their text: the axis label and the cheapest marker are selectable.
        QVERIFY(text.contains(QStringLiteral("USD / month")));
        QVERIFY(text.contains(QStringLiteral("cheapest")));
        QVERIFY(text.contains(QStringLiteral("USD / hour")));
        // Sections.
        for (const char *section : { "Recommendation", "Breakdown by platform", "Hour by hour", "Cost vs load",
                 "Sensitivity", "Fleet composition", "Savings Plans recommendation", "Warnings", "Workload",
                 "Assumptions", "Rates used" })
            QVERIFY2(text.contains(QLatin1String(section)), section);
        // Cost vs load: the chart's axis label (vector text), the what-if line, the table of loads.
        QVERIFY(text.contains(QStringLiteral("load multiplier")));
        QVERIFY(text.contains(QStringLiteral("what-if ×1.00")));
        QVERIFY(text.contains(QStringLiteral("×0.25")));
        QVERIFY(text.contains(QStringLiteral("×4.00")));
        QVERIFY(text.contains(QStringLiteral("becomes 1 vCPU / 3072 MiB on Fargate")));
        QVERIFY(text.contains(QStringLiteral("EKS kube-reserved"))); // the cell may wrap before "memory"
        // Vectors only: the PDF embeds no bitmap (pdfimages lists its two header lines and nothing else).
        const QStringList images
            = tool(QStringLiteral("pdfimages"), { QStringLiteral("-list"), path }).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(images.size(), 2);
        // Every page numbered "Page N of M".
        for (int page = 1; page <= pages; ++page)
            QVERIFY2(pdfText(path, page).contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)),
                qPrintable(QString::number(page)));
    }

    void pdfLetterPageSize()
    {
        app::ReportOptions options;
        options.pageSize = QPageSize::Letter;
        const QString path = writeFile(fixture::costReport(), scenario(), QStringLiteral("letter.pdf"), options);
        QVERIFY(!path.isEmpty());
        QVERIFY2(pdfInfo(path).contains(QStringLiteral("612 x 792 pts (letter)")), qPrintable(pdfInfo(path)));
    }

    void longTablesSplitAndRepeatTheirHeader()
    {
        // 150 services: the workload table spans several pages; every row appears once and every page
        // holding rows repeats the header.
        const QString path = writeFile(fixture::costReport(), scenario(150), QStringLiteral("long.pdf"));
        QVERIFY(!path.isEmpty());
        const int pages = pdfPages(path);
        QVERIFY(pages > 5);
        const QString all = pdfText(path);
        for (int i = 0; i < 150; ++i)
            QCOMPARE(all.count(QStringLiteral("svc-%1 ").arg(i, 3, 10, QLatin1Char('0'))), 1);
        int pagesWithRows = 0;
        for (int page = 1; page <= pages; ++page) {
            const QString text = pdfText(path, page);
            if (!text.contains(QStringLiteral("svc-")))
                continue;
            ++pagesWithRows;
            QVERIFY2(text.contains(QStringLiteral("Replicas")),
                qPrintable(QStringLiteral("page %1 has no header").arg(page)));
        }
        QVERIFY(pagesWithRows >= 3);
    }

    void htmlIsSelfContainedWithCharts()
    {
        const QString path = writeFile(fixture::costReport(), scenario(), QStringLiteral("fixture.html"));
        QVERIFY(!path.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        QCOMPARE(html.count(QStringLiteral("<svg")), 4);
        QVERIFY(html.contains(QStringLiteral("aria-label=\"Cost comparison chart\"")));
        QVERIFY(html.contains(QStringLiteral("aria-label=\"Cost versus load chart\"")));
        const QString sweep = html.section(QStringLiteral("<figure id=\"cost-vs-load-chart\">"), 1)
                                  .section(QStringLiteral("</figure>"), 0, 0);
        QVERIFY(sweep.contains(QStringLiteral("load multiplier")));
        QVERIFY(html.contains(QStringLiteral("<h2>Cost vs load</h2>")));
        QVERIFY(html.contains(QStringLiteral("aria-label=\"Cost and fleet timeline chart\"")));
        // Sensitivity: the tornado with its rows named, the flip line, the table of inputs.
        const QString tornado = html.section(QStringLiteral("<figure id=\"sensitivity-chart\">"), 1)
                                    .section(QStringLiteral("</figure>"), 0, 0);
        QVERIFY(tornado.contains(QStringLiteral("ranking flips")));
        QVERIFY(tornado.contains(QStringLiteral("Spot share")));
        QVERIFY(html.contains(QStringLiteral("<h2>Sensitivity</h2>")));
        QVERIFY(html.contains(QStringLiteral("<th>Input</th>")));
        // The charts carry their text (axis label, bar totals) as SVG text.
        const QString comparison = html.section(QStringLiteral("<figure id=\"comparison-chart\">"), 1)
                                       .section(QStringLiteral("</figure>"), 0, 0);
        QVERIFY(comparison.contains(QStringLiteral("USD / month")));
        QVERIFY(comparison.contains(QStringLiteral("108 USD")));
        QVERIFY(comparison.contains(QStringLiteral("<path")) || comparison.contains(QStringLiteral("<rect")));
        // Nothing fetched from elsewhere.
        QVERIFY(!html.contains(QStringLiteral("<link")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("src=\"http")));
        for (const char *total : { "715.62", "359.81", "107.94", "788.62", "432.81" })
            QVERIFY2(html.contains(QLatin1String(total)), total);
        // Each inline SVG is a valid document a renderer draws: white background, bars in colour.
        const QRegularExpression svgElement(
            QStringLiteral("<svg.*?</svg>"), QRegularExpression::DotMatchesEverythingOption);
        auto it = svgElement.globalMatch(html);
        int index = 0;
        while (it.hasNext()) {
            QSvgRenderer renderer(it.next().captured(0).toUtf8());
            QVERIFY(renderer.isValid());
            QImage image(renderer.viewBox().size(), QImage::Format_RGB32);
            image.fill(Qt::black);
            QPainter painter(&image);
            renderer.render(&painter);
            painter.end();
            QCOMPARE(QColor(image.pixel(2, 2)), QColor(Qt::white));
            int coloured = 0;
            for (int y = 0; y < image.height(); y += 4) {
                for (int x = 0; x < image.width(); x += 4)
                    coloured += QColor(image.pixel(x, y)).saturation() > 100 ? 1 : 0;
            }
            QVERIFY2(coloured > 200, qPrintable(QString::number(coloured)));
            const QByteArray dir = qgetenv("FLEETPLAN_CHART_PNG_DIR");
            if (!dir.isEmpty())
                image.save(QString::fromLocal8Bit(dir) + QStringLiteral("/html-chart-%1.png").arg(index));
            ++index;
        }
        QCOMPARE(index, 4);
    }

    void markdownTables()
    {
        const QString md = QString::fromUtf8(app::reportMarkdown(fixture::costReport(), scenario()));
        QVERIFY(md.startsWith(QStringLiteral("# Fleetplan cost report — Fixture shop\n")));
        QVERIFY2(md.contains(QStringLiteral("| ECS Fargate Spot (cheapest) | 107.94 | – | – |\n")), qPrintable(md));
        // ECS Fargate − Fargate Spot = 251.87 USD, 233.3 % more than 107.94.
        QVERIFY(md.contains(QStringLiteral("| ECS Fargate | 359.81 | +251.87 | +233.3 % |\n")));
        QVERIFY(md.contains(QStringLiteral(
            "| Platform | Total USD | vs cheapest USD | vs cheapest |\n| --- | ---: | ---: | ---: |\n")));
        QVERIFY(md.contains(QStringLiteral("| **Total** |  | **788.62** | **100.0 %** |  |")));
        // Cost vs load: the table of loads (one row per load, one column per platform) and the words.
        QVERIFY(md.contains(QStringLiteral("\n## Cost vs load\n")));
        QVERIFY2(
            md.contains(QStringLiteral("| Load | ECS on EC2 | ECS Fargate | ECS Fargate Spot | EKS managed nodes | "
                                       "EKS Fargate | Cheapest |\n")),
            qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("| ×0.25 | ")));
        QVERIFY(md.contains(QStringLiteral("| ×4.00 | ")));
        // Sensitivity: the headline, one row per input.
        QVERIFY(md.contains(QStringLiteral("\n## Sensitivity\n")));
        QVERIFY2(
            md.contains(QStringLiteral("| Input | Analysed | Low | Gap | High | Gap | Swing |\n")), qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("| Load | ×1.00 | ×0.50 | ")));
        QVERIFY(md.contains(QStringLiteral(" is the cheapest at ")));
    }

    void emptyReportStillReads()
    {
        // No platform simulated (all disabled): every format still writes, and says so.
        models::CostReport empty;
        empty.scenarioName = QStringLiteral("Nothing enabled");
        empty.hours = 730;
        const QString path = writeFile(empty, scenario(0), QStringLiteral("empty.pdf"));
        QVERIFY(!path.isEmpty());
        QVERIFY2(pdfPages(path) >= 1 && pdfPages(path) <= 2, qPrintable(QString::number(pdfPages(path))));
        QVERIFY(pdfText(path).contains(QStringLiteral("No platform was simulated.")));
        QVERIFY(!pdfText(path).contains(QStringLiteral("Hour by hour")));
        QVERIFY(!writeFile(empty, scenario(0), QStringLiteral("empty.html")).isEmpty());
        QCOMPARE(app::reportCsv(empty), QByteArray("platform,component,usd\n"));
    }

    void unknownFormatNamesFile()
    {
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("report.docx"));
        QVERIFY(!app::writeReport(fixture::costReport(), scenario(), path, {}, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": unknown report format")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        // An unwritable place is named too.
        const QString bad = QStringLiteral("/nonexistent-dir/report.csv");
        QVERIFY(!app::writeReport(fixture::costReport(), scenario(), bad, {}, &error));
        QVERIFY2(error.startsWith(bad + u':'), qPrintable(error));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
