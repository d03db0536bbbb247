// SPDX-License-Identifier: GPL-3.0-or-later
// The Workload tab on its own: every edit is one undo command, selection drives the profile editor.
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>

#include "models/workload/document.h"
#include "models/workload/scenariojson.h"
#include "models/workload/servicetablemodel.h"
#include "views/frozencolumntableview.h"
#include "views/loadprofileeditor.h"
#include "views/workloadpage.h"

using namespace fleetplan;
using Col = models::ServiceTableModel;

class TestWorkloadPage : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        models::Document document;
        models::ServiceTableModel model;
        views::WorkloadPage *page = nullptr;

        Fixture()
        {
            document.reset(models::bundledSampleScenario());
            model.setDocument(&document);
            page = new views::WorkloadPage(&document, &model, { QStringLiteral("us-east-1") });
            page->resize(1000, 700);
        }
        ~Fixture() { delete page; }
        QUndoStack *stack() { return document.undoStack(); }
        int services() const { return int(document.scenario().services.size()); }
    };

private Q_SLOTS:
    void addServiceLandsBelowTheCurrentRowAndUndoes()
    {
        Fixture f;
        const int before = f.services();
        f.page->serviceTable()->setCurrentIndex(f.model.index(1, Col::Name));
        f.page->addService();
        QCOMPARE(f.services(), before + 1);
        QCOMPARE(f.page->serviceTable()->currentIndex().row(), 2);
        QCOMPARE(f.document.scenario().services.at(2).name, QStringLiteral("new-service"));
        QCOMPARE(f.stack()->text(0), QStringLiteral("Add service new-service"));
        // The bounds a scenario file without min/max_replicas gets: min(1, replicas), max 1000.
        QCOMPARE(f.document.scenario().services.at(2).minReplicas, 1);
        QCOMPARE(f.document.scenario().services.at(2).maxReplicas, 1000);
        f.stack()->undo();
        QCOMPARE(f.services(), before);
    }

    void removingASelectionIsOneStep()
    {
        Fixture f;
        const int before = f.services();
        const QString third = f.document.scenario().services.at(3).name;
        QItemSelectionModel *sel = f.page->serviceTable()->selectionModel();
        sel->select(f.model.index(0, Col::Name), QItemSelectionModel::Select);
        sel->select(f.model.index(1, Col::Replicas), QItemSelectionModel::Select); // another column, same rule
        sel->select(f.model.index(2, Col::Name), QItemSelectionModel::Select);
        f.page->removeServices();
        QCOMPARE(f.services(), before - 3);
        QCOMPARE(f.document.scenario().services.constFirst().name, third);
        QCOMPARE(f.stack()->count(), 1);
        f.stack()->undo();
        QCOMPARE(f.services(), before);
    }

    void duplicateCopiesTheCurrentService()
    {
        Fixture f;
        f.page->serviceTable()->setCurrentIndex(f.model.index(0, Col::Name));
        f.page->duplicateService();
        QCOMPARE(f.document.scenario().services.at(1).cpu, f.document.scenario().services.at(0).cpu);
        QVERIFY(f.document.scenario().services.at(1).name != f.document.scenario().services.at(0).name);
        QCOMPARE(f.page->serviceTable()->currentIndex().row(), 1);
    }

    void selectingAServiceShowsItsLoadProfile()
    {
        Fixture f;
        // Sample: row 4 (search) runs on business-hours, row 0 (web-frontend) on diurnal-web.
        f.page->serviceTable()->setCurrentIndex(f.model.index(4, Col::Name));
        QCOMPARE(f.page->profileBox()->currentText(), QStringLiteral("business-hours"));
        f.page->serviceTable()->setCurrentIndex(f.model.index(0, Col::Name));
        QCOMPARE(f.page->profileBox()->currentText(), QStringLiteral("diurnal-web"));
    }

    void aProfileDragIsOneUndoStep()
    {
        Fixture f;
        const int index = f.page->profileBox()->currentIndex();
        QVERIFY(index >= 0);
        const QList<double> before = f.document.scenario().loadProfiles.at(index).hourly;
        QList<double> hourly = before;
        views::LoadProfileEditor *editor = f.page->profileEditor();
        for (int step = 1; step <= 5; ++step) {
            hourly[3] = 0.1 * step;
            Q_EMIT editor->hourlyChanged(hourly);
        }
        Q_EMIT editor->editFinished();
        QCOMPARE(f.stack()->count(), 1);
        QCOMPARE(f.document.scenario().loadProfiles.at(index).hourly.at(3), 0.5);
        // The next drag is a new step.
        hourly[4] = 2.0;
        Q_EMIT editor->hourlyChanged(hourly);
        Q_EMIT editor->editFinished();
        QCOMPARE(f.stack()->count(), 2);
        f.stack()->undo();
        f.stack()->undo();
        QCOMPARE(f.document.scenario().loadProfiles.at(index).hourly, before);
    }

    void aNewDocumentStartsOnItsFirstServicesProfile()
    {
        Fixture f;
        f.page->profileBox()->setCurrentIndex(f.page->profileBox()->findText(QStringLiteral("nightly-batch")));
        models::Scenario s = models::bundledSampleScenario();
        s.services.removeFirst(); // api-gateway first: diurnal-web
        s.services.first().loadProfile = QStringLiteral("business-hours");
        f.document.reset(s);
        QCOMPARE(f.page->profileBox()->currentText(), QStringLiteral("business-hours"));
    }

    // Issue 17, item 4: the services table is wider than a narrow window; scrolled sideways, the service
    // names stay at its left edge, and a name edited there is one undo step like any cell.
    void serviceNamesStayInViewWhileTheTableScrollsSideways()
    {
        Fixture f;
        f.page->resize(700, 600);
        f.page->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.page));
        auto *table = qobject_cast<views::FrozenColumnTableView *>(f.page->serviceTable());
        QVERIFY(table);
        QScrollBar *sideways = table->horizontalScrollBar();
        QVERIFY2(sideways->maximum() > 0, "the table is wider than the page");
        sideways->setValue(sideways->maximum());
        QCoreApplication::processEvents();
        QVERIFY(table->columnViewportPosition(Col::Name) < 0); // column 0 of the table itself scrolled away

        QTableView *frozen = table->frozenView();
        QVERIFY(frozen->isVisible());
        QCOMPARE(frozen->width(), table->columnWidth(Col::Name));
        const QRect firstRow = frozen->visualRect(frozen->model()->index(0, Col::Name));
        QCOMPARE(frozen->indexAt(firstRow.center()).data().toString(), QStringLiteral("web-frontend"));
        QCOMPARE(frozen->viewport()->mapTo(table, firstRow.center()).x(), firstRow.center().x() + table->frameWidth());

        // Scrolling down moves the names with the rows.
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
        QCOMPARE(frozen->verticalScrollBar()->value(), table->verticalScrollBar()->value());

        // Edit a name where it is shown: double click, type, Enter.
        frozen->verticalScrollBar()->setValue(0);
        QTest::mouseClick(frozen->viewport(), Qt::LeftButton, {}, firstRow.center());
        QTest::mouseDClick(frozen->viewport(), Qt::LeftButton, {}, firstRow.center());
        // The editor opens in the frozen column, where the name is shown.
        auto *editor = frozen->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("storefront"));
        QTest::keyClick(editor, Qt::Key_Return); // the delegate commits from the event loop
        QTRY_COMPARE(f.document.scenario().services.at(0).name, QStringLiteral("storefront"));
        QCOMPARE(f.stack()->count(), 1);
        QVERIFY(table->selectionModel() == frozen->selectionModel());
    }
};

QTEST_MAIN(TestWorkloadPage)
#include "tst_workloadpage.moc"
