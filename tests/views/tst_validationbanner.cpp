// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17, defect 2: a scenario that fails validation shows a banner above the comparison, red with
// "N errors — figures are not valid" and each problem naming the service and field; warnings amber.
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "data/reports/costreportfixture.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "views/comparisonchart.h"
#include "views/reportpages.h"
#include "views/validationbanner.h"

using namespace fleetplan;

class TestValidationBanner : public QObject
{
    Q_OBJECT

private slots:
    void errorsTurnTheBannerRedAndNameServiceAndField()
    {
        models::Scenario scenario = models::bundledSampleScenario();
        QVERIFY(scenario.services.size() >= 3);
        scenario.services[1].name = scenario.services.at(0).name; // duplicate name
        scenario.services[2].memoryMib = -512; // negative memory
        const QString memoryService = scenario.services.at(2).name;
        const QList<models::Diagnostic> problems = models::validateScenario(scenario);
        QVERIFY(models::hasErrors(problems));

        views::ComparisonPage page;
        page.resize(1000, 700);
        page.setReport(fixture::costReport());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(!page.banner()->isVisible());
        QVERIFY(!page.figuresDimmed());

        page.setProblems(problems, scenario);
        views::ValidationBanner *banner = page.banner();
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->errorCount(),
            int(std::count_if(
                problems.cbegin(), problems.cend(), [](const models::Diagnostic &d) { return d.isError(); })));
        QVERIFY2(banner->headline().contains(QStringLiteral("errors — figures are not valid")),
            qPrintable(banner->headline()));
        QVERIFY(banner->headline().startsWith(QString::number(banner->errorCount())));
        const auto *title = banner->findChild<QLabel *>(QStringLiteral("validationBannerTitle"));
        QVERIFY(title && title->isVisible());
        QCOMPARE(title->text(), banner->headline());
        // The negative memory names its service by name and the field by its key.
        const QString memoryLine = QStringLiteral("Service “%1”, memory_mib: must be > 0").arg(memoryService);
        QVERIFY2(banner->problemLines().contains(memoryLine), qPrintable(banner->problemLines().join(u'\n')));
        auto *list = banner->findChild<QLabel *>(QStringLiteral("validationBannerList"));
        QVERIFY(list->text().contains(memoryLine.toHtmlEscaped()));
        QVERIFY(list->text().contains(QStringLiteral("duplicate service name")));
        // Red, and the old figures fade: the table is disabled, the chart dimmed.
        QVERIFY(banner->styleSheet().contains(QStringLiteral("#da4453")));
        QVERIFY(page.figuresDimmed());
        QVERIFY(!page.table()->isEnabled());
        QVERIFY(page.chart()->graphicsEffect() != nullptr);

        // A click on a problem names the service's row.
        QSignalSpy activated(&page, &views::ComparisonPage::serviceActivated);
        Q_EMIT list->linkActivated(QStringLiteral("service:2"));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().at(0).toInt(), 2);

        // Fixed: the banner goes, the figures are plain again.
        page.setProblems({}, models::bundledSampleScenario());
        QVERIFY(!banner->isVisible());
        QVERIFY(!page.figuresDimmed());
        QVERIFY(page.table()->isEnabled());
        QVERIFY(page.chart()->graphicsEffect() == nullptr);
    }

    void unknownKeysAreAmberWarnings()
    {
        QByteArray json = models::scenarioToJson(models::bundledSampleScenario());
        json.replace("\"services\": [", "\"servicez\": 1, \"services\": [");
        const models::ScenarioReadResult read = models::scenarioFromJson(json);
        QVERIFY(read.ok());
        QVERIFY(!read.diagnostics.isEmpty());
        views::ValidationBanner banner;
        banner.setProblems(read.diagnostics, *read.scenario);
        QVERIFY(!banner.isHidden());
        QCOMPARE(banner.errorCount(), 0);
        QCOMPARE(banner.warningCount(), int(read.diagnostics.size()));
        QVERIFY2(banner.headline().contains(QStringLiteral("check the figures")), qPrintable(banner.headline()));
        QVERIFY(!banner.headline().contains(QStringLiteral("not valid")));
        QVERIFY(banner.problemLines().join(u'\n').contains(QStringLiteral("servicez")));
        QVERIFY(banner.styleSheet().contains(QStringLiteral("#f67400")));
    }

    void headlinesSayOneAndMany_data()
    {
        QTest::addColumn<int>("errors");
        QTest::addColumn<int>("warnings");
        QTest::addColumn<QString>("headline");
        QTest::newRow("one error") << 1 << 0 << QStringLiteral("1 error — figures are not valid");
        QTest::newRow("three errors") << 3 << 0 << QStringLiteral("3 errors — figures are not valid");
        QTest::newRow("both") << 2 << 1 << QStringLiteral("2 errors, 1 warning — figures are not valid");
        QTest::newRow("warnings") << 0 << 2 << QStringLiteral("2 warnings — check the figures");
        QTest::newRow("none") << 0 << 0 << QString();
    }

    void headlinesSayOneAndMany()
    {
        QFETCH(int, errors);
        QFETCH(int, warnings);
        QFETCH(QString, headline);
        QCOMPARE(views::ValidationBanner::headlineFor(errors, warnings), headline);
    }

    void longListsAreCut()
    {
        models::Scenario scenario = models::bundledSampleScenario();
        for (models::Service &s : scenario.services)
            s.cpu = -1;
        const auto problems = models::validateScenario(scenario);
        QVERIFY(problems.size() > views::ValidationBanner::MaxListed);
        views::ValidationBanner banner;
        banner.setProblems(problems, scenario);
        const auto *list = banner.findChild<QLabel *>(QStringLiteral("validationBannerList"));
        QCOMPARE(list->text().count(QStringLiteral("<li>")), views::ValidationBanner::MaxListed);
        QVERIFY(list->text().contains(QStringLiteral("more (see the Workload tab)")));
        QCOMPARE(banner.problemLines().size(), problems.size());
    }
};

QTEST_MAIN(TestValidationBanner)
#include "tst_validationbanner.moc"
