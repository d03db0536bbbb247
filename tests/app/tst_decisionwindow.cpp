// SPDX-License-Identifier: GPL-3.0-or-later
// The decision views in the window (issue 18): the sentence under the comparison, a baseline set from the
// screen or read from a file, compared in the Comparison tab and the Explain dock and exported in reports.
#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "app/baselinecontroller.h"
#include "app/mainwindow.h"
#include "common/windowwait.h"
#include "app/simulationrunner.h"
#include "models/simulation/costdiff.h"
#include "models/simulation/recommendation.h"
#include "models/simulation/simulation.h"
#include "models/workload/document.h"
#include "models/workload/scenariojson.h"
#include "models/workload/servicetablemodel.h"
#include "pricing/catalog.h"
#include "views/baselinepanel.h"
#include "views/explainpanel.h"
#include "views/reportpages.h"

using namespace fleetplan;
using Col = models::ServiceTableModel::Column;

namespace {
using fleetplan::test::SimulationTimeout;
using fleetplan::test::waitForRefined;

/// The platform rows of the baseline panel must be exactly costChanges(baseline, current).
void compareRows(const QList<models::PlatformCostChange> &shown, const QList<models::PlatformCostChange> &expected)
{
    QCOMPARE(shown.size(), expected.size());
    for (qsizetype i = 0; i < shown.size(); ++i) {
        QCOMPARE(shown.at(i).platform, expected.at(i).platform);
        QCOMPARE(shown.at(i).total.before, expected.at(i).total.before);
        QCOMPARE(shown.at(i).total.after, expected.at(i).total.after);
        QCOMPARE(shown.at(i).components.size(), expected.at(i).components.size());
    }
}
} // namespace

class TestDecisionWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // The user's own price book must not move these figures.
        qputenv("FLEETPLAN_PRICEBOOK", QByteArrayLiteral("/nonexistent/fleetplan-tests/pricebook.sqlite"));
    }

    void theComparisonSaysWhyTheCheapestIsCheaper()
    {
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        window.show();
        QVERIFY(waitForRefined(applied, window));
        const QString verdict = window.comparisonPage()->verdict()->text();
        QCOMPARE(verdict, models::recommendationText(window.report()));
        const models::PlatformResult *best = window.report().cheapestPlatform();
        QVERIFY(best);
        QVERIFY2(verdict.startsWith(models::displayName(best->id) + QStringLiteral(" is the cheapest platform")),
            qPrintable(verdict));
        QVERIFY2(verdict.contains(QStringLiteral("the component that differs most is")), qPrintable(verdict));
        window.tabs()->setCurrentIndex(app::MainWindow::ComparisonTab);
        QVERIFY(window.comparisonPage()->verdict()->isVisible());
    }

    void aBaselineFromTheScreenComparesLaterEdits()
    {
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        window.show();
        QVERIFY(waitForRefined(applied, window));
        views::BaselinePanel *panel = window.comparisonPage()->baselinePanel();
        QVERIFY(panel->isHidden());
        QAction *clear = window.action(QStringLiteral("actionClearBaseline"));
        QVERIFY(!clear->isEnabled());
        const models::CostReport before = window.report();

        window.action(QStringLiteral("actionSetBaseline"))->trigger();
        QVERIFY(window.baselines()->isReady()); // the refined figures on screen served: nothing to simulate
        QVERIFY(!panel->isHidden());
        QVERIFY(clear->isEnabled());
        // Nothing changed yet: every platform's change is zero.
        for (const models::PlatformCostChange &c : panel->changes())
            QCOMPARE(c.total.usd().value_or(-1), 0.0);

        // 20 replicas of the first service instead of the sample's 12.
        const QModelIndex replicas = window.serviceModel()->index(0, Col::Replicas);
        QVERIFY(window.serviceModel()->setData(replicas, 20, Qt::EditRole));
        QVERIFY(waitForRefined(applied, window));
        compareRows(panel->changes(), models::costChanges(before, window.report()));
        const models::PlatformCostChange *fargate = nullptr;
        for (const models::PlatformCostChange &c : panel->changes()) {
            if (c.platform == models::PlatformId::EcsFargate)
                fargate = &c;
        }
        QVERIFY(fargate);
        QVERIFY2(fargate->total.usd().value_or(0) > 1.0, "more replicas cost more on Fargate");
        const QString service = window.scenario().services.at(0).name;
        QVERIFY2(panel->inputs()->text().contains(QStringLiteral("services[%1].replicas").arg(service)),
            qPrintable(panel->inputs()->text()));
        QVERIFY(panel->tree()->topLevelItemCount() == int(panel->changes().size()));

        // The Explain dock shows the baseline's explanation of the same platform with both totals.
        window.explainPanel()->setPlatform(models::PlatformId::EcsFargate);
        const QString explained = window.explainPanel()->baselineText();
        QVERIFY2(explained.startsWith(QStringLiteral("Baseline (the baseline of")), qPrintable(explained));
        QVERIFY2(explained.contains(QStringLiteral(", now ")), qPrintable(explained));
        QVERIFY2(explained.contains(QStringLiteral("Compute")) || explained.contains(QStringLiteral("vCPU")),
            qPrintable(explained));

        // An exported report carries the comparison.
        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("report.html"));
        QVERIFY(window.exportReportTo(html));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("Against the baseline")), "the report has the baseline section");

        // Clear: the panel and the explanation go.
        clear->trigger();
        QVERIFY(!window.baselines()->hasBaseline());
        QVERIFY(panel->isHidden());
        QVERIFY(window.explainPanel()->baselineText().isEmpty());
        QVERIFY(!clear->isEnabled());
    }

    void aBaselineFileIsSimulatedAndCompared()
    {
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        window.show();
        QVERIFY(waitForRefined(applied, window));
        // Last week's plan: the sample with half the replicas of its first service.
        models::Scenario lastWeek = window.scenario();
        lastWeek.services[0].replicas = std::max(1, lastWeek.services[0].replicas / 2);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("last-week.json"));
        QVERIFY(models::writeScenarioFile(lastWeek, path));

        QVERIFY(window.compareWithFile(path, true));
        window.baselines()->waitForBaseline();
        QTRY_VERIFY_WITH_TIMEOUT(window.baselines()->isReady(), SimulationTimeout);
        QCOMPARE(window.baselines()->label(), QStringLiteral("last-week.json"));
        views::BaselinePanel *panel = window.comparisonPage()->baselinePanel();
        QTRY_VERIFY(!panel->isHidden());
        // The figures `compare --diff last-week.json current` computes: both simulated with the same catalog.
        const models::CostReport expectedBefore = models::simulate(lastWeek, *window.catalog(), window.currentWhatIf());
        compareRows(panel->changes(), models::costChanges(expectedBefore, window.report()));
        QVERIFY(panel->title()->text().contains(QStringLiteral("last-week.json")));
    }

    void aBrokenBaselineFileIsRefusedAndTheOldBaselineStays()
    {
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        window.show();
        QVERIFY(waitForRefined(applied, window));
        window.setBaselineFromCurrent();
        const QString label = window.baselines()->label();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"name\": \"x\", \"services\": [");
        broken.close();
        QVERIFY(!window.compareWithFile(path, true));
        QVERIFY(!window.compareWithFile(dir.filePath(QStringLiteral("missing.json")), true));
        QCOMPARE(window.baselines()->label(), label);
        QVERIFY(window.baselines()->isReady());
    }
};

QTEST_MAIN(TestDecisionWindow)
#include "tst_decisionwindow.moc"
