// SPDX-License-Identifier: GPL-3.0-or-later
// The result tabs as pages of their own (views/reportpages.h): what each shows of a CostReport and what a
// click on it tells the window.
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

#include "data/reports/costreportfixture.h"
#include "views/comparisonchart.h"
#include "views/comparisontablemodel.h"
#include "views/fleetview.h"
#include "views/reportpages.h"
#include "views/timelinechart.h"

using fleetplan::models::PlatformId;

class TestReportPages : public QObject
{
    Q_OBJECT

private slots:
    void comparisonPageShowsTheReportAndReportsTheChosenPlatform()
    {
        fleetplan::views::ComparisonPage page;
        const auto report = fixture::costReport();
        page.setReport(report);
        QCOMPARE(page.model()->rowCount(), int(report.platforms.size()));
        QCOMPARE(page.chart()->platforms().size(), int(report.platforms.size()));
        QCOMPARE(page.summary()->text(), page.chart()->textSummary());
        QSignalSpy activated(&page, &fleetplan::views::ComparisonPage::platformActivated);
        page.table()->selectRow(2);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().at(0).value<PlatformId>(), report.platforms.at(2).id);
        // A new report keeps the selected row without announcing it again.
        page.setReport(report);
        QCOMPARE(page.table()->currentIndex().row(), 2);
        QCOMPARE(activated.count(), 1);
    }

    void timelinePageSummarisesTheChart()
    {
        fleetplan::views::TimelinePage page;
        page.setReport(fixture::costReport());
        QVERIFY(!page.summary()->text().isEmpty());
        QCOMPARE(page.summary()->text(), page.chart()->textSummary());
    }

    void fleetPageFollowsPlatformAndHour()
    {
        fleetplan::views::FleetPage page;
        const auto report = fixture::costReport();
        page.setReport(report);
        QCOMPARE(page.platformBox()->count(), int(report.platforms.size()));
        QCOMPARE(page.hourBox()->maximum(), report.hours - 1);
        // The peak hour of the first platform: the hour with the most nodes (Fargate: tasks).
        const auto &p = report.platforms.constFirst();
        const QList<int> &counts = p.series.nodes.isEmpty() ? p.series.tasks : p.series.nodes;
        page.showPeakHour();
        if (!counts.isEmpty()) {
            const int peak = int(std::max_element(counts.cbegin(), counts.cend()) - counts.cbegin());
            QCOMPARE(page.hourBox()->value(), peak);
        }
        page.setHour(3);
        QCOMPARE(page.hourBox()->value(), std::min(3, report.hours - 1));
        // The chosen platform stays chosen across reports.
        page.platformBox()->setCurrentIndex(1);
        page.setReport(report);
        QCOMPARE(page.platformBox()->currentIndex(), 1);
    }
};

QTEST_MAIN(TestReportPages)
#include "tst_reportpages.moc"
