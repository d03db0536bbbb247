// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17, defect 2, in the window: an invalid scenario is never shown as a confident price. The
// Comparison tab says how many errors there are and lists them; an export is refused with the same
// headline; unknown keys of an opened file show as warnings.
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "app/mainwindow.h"
#include "models/workload/document.h"
#include "models/workload/scenariojson.h"
#include "views/reportpages.h"
#include "views/validationbanner.h"

using namespace fleetplan;

namespace {
/// Answers the next modal message box named `name` with OK; records its text and informative text.
void answerMessageBox(const QString &name, QString *text, QString *informative)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, name, text, informative] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != name)
            return;
        *text = box->text();
        *informative = box->informativeText();
        box->button(QMessageBox::Ok)->click();
        timer->deleteLater();
    });
    timer->start();
}
} // namespace

class TestInvalidScenario : public QObject
{
    Q_OBJECT

private slots:
    void invalidScenarioShowsBannerAndRefusesExport()
    {
        app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentIndex(app::MainWindow::ComparisonTab);
        views::ValidationBanner *banner = window.comparisonPage()->banner();
        QTRY_VERIFY(window.hasReport());
        QVERIFY(!banner->isVisible());

        models::Scenario bad = models::bundledSampleScenario();
        bad.services[1].name = bad.services.at(0).name;
        bad.services[2].memoryMib = -1;
        bad.services[3].cpu = 0;
        window.setScenario(bad);
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->errorCount(), 4); // the duplicate is reported for both services
        QCOMPARE(banner->headline(), QStringLiteral("4 errors — figures are not valid"));
        QVERIFY(window.comparisonPage()->figuresDimmed());
        QVERIFY(!window.tabs()->tabIcon(app::MainWindow::ComparisonTab).isNull());
        QVERIFY(banner->problemLines().contains(
            QStringLiteral("Service “%1”, memory_mib: must be > 0").arg(bad.services.at(2).name)));
        QVERIFY(banner->problemLines().contains(
            QStringLiteral("Service “%1”, cpu: must be > 0").arg(bad.services.at(3).name)));

        // Export: refused with the banner's headline; nothing written.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.md"));
        QString text;
        QString informative;
        answerMessageBox(QStringLiteral("exportRefusedPrompt"), &text, &informative);
        QVERIFY(!window.exportReportTo(path));
        QCOMPARE(text, banner->headline());
        QVERIFY2(informative.contains(bad.services.at(2).name), qPrintable(informative));
        QVERIFY(!QFile::exists(path));

        // Clicking a problem selects its service on the Workload tab.
        Q_EMIT window.comparisonPage()->serviceActivated(2);
        QCOMPARE(window.tabs()->currentIndex(), int(app::MainWindow::WorkloadTab));

        // Fixed: the banner goes and the export is written.
        window.setScenario(models::bundledSampleScenario());
        QTRY_VERIFY(!banner->isVisibleTo(window.comparisonPage()));
        QVERIFY(!window.comparisonPage()->figuresDimmed());
        QTRY_VERIFY_WITH_TIMEOUT(window.reportIsCurrent(), 60000);
        QVERIFY(window.exportReportTo(path));
        QVERIFY(QFile::exists(path));
    }

    void unknownKeysOfAnOpenedFileAreWarnings()
    {
        QByteArray json = models::scenarioToJson(models::bundledSampleScenario());
        json.replace("\"services\": [", "\"colour\": \"blue\", \"services\": [");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("unknown.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();

        app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentIndex(app::MainWindow::ComparisonTab);
        QVERIFY(window.openFile(path, true));
        views::ValidationBanner *banner = window.comparisonPage()->banner();
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->errorCount(), 0);
        QCOMPARE(banner->warningCount(), 1);
        QCOMPARE(banner->headline(), QStringLiteral("1 warning — check the figures"));
        QVERIFY2(banner->problemLines().constFirst().contains(QStringLiteral("colour")),
            qPrintable(banner->problemLines().join(u'\n')));
        QVERIFY(!window.comparisonPage()->figuresDimmed());
        // Saved, the file no longer has the key: the warning goes.
        QVERIFY(window.saveFileAs(dir.filePath(QStringLiteral("saved.json"))));
        QTRY_VERIFY(!banner->isVisibleTo(window.comparisonPage()));
    }
};

QTEST_MAIN(TestInvalidScenario)
#include "tst_invalidscenario.moc"
