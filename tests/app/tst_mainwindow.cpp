// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTableView>
#include <QtTest>

#include "app/mainwindow.h"
#include "models/scenariojson.h"

using namespace fleetplan;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsTheSampleServices()
    {
        const models::Scenario sample = models::bundledSampleScenario();
        QVERIFY(sample.services.size() >= 12);
        app::MainWindow window;
        window.setScenario(sample);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isVisible());
        QVERIFY(window.windowTitle().contains(sample.name));
        QAbstractItemModel *model = window.serviceTable()->model();
        QCOMPARE(model->rowCount(), int(sample.services.size()));
        QCOMPARE(model->index(0, 0).data().toString(), sample.services.first().name);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
