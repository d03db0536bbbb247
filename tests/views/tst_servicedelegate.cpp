// SPDX-License-Identifier: GPL-3.0-or-later
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QItemSelectionModel>
#include <QPointer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#include "models/workload/document.h"
#include "models/workload/servicetablemodel.h"
#include "views/servicedelegate.h"

using namespace fleetplan;
using Col = models::ServiceTableModel::Column;

class TestServiceDelegate : public QObject
{
    Q_OBJECT

private:
    // A stand-in table with the service table's columns (edit role = the values setData takes).
    static void fill(QStandardItemModel &model)
    {
        model.setColumnCount(Col::ColumnCount);
        model.setHorizontalHeaderLabels({ QStringLiteral("Service"), QStringLiteral("Kind"), QStringLiteral("CPU"),
            QStringLiteral("Memory"), QStringLiteral("Replicas") });
        const QStringList names { QStringLiteral("web"), QStringLiteral("api"), QStringLiteral("worker") };
        for (const QString &name : names) {
            QList<QStandardItem *> row;
            for (int c = 0; c < Col::ColumnCount; ++c)
                row << new QStandardItem;
            row[Col::Name]->setData(name, Qt::EditRole);
            row[Col::Kind]->setData(QStringLiteral("service"), Qt::EditRole);
            row[Col::Cpu]->setData(0.25, Qt::EditRole);
            row[Col::Memory]->setData(512.0, Qt::EditRole);
            row[Col::Replicas]->setData(2, Qt::EditRole);
            row[Col::LoadProfileCol]->setData(QStringLiteral("flat"), Qt::EditRole);
            row[Col::SpotOk]->setData(false, Qt::EditRole);
            model.appendRow(row);
        }
    }

private slots:
    void editorsCarryUnitsAndChoices()
    {
        QStandardItemModel model;
        fill(model);
        views::ServiceDelegate delegate;
        delegate.setProfileNames([] {
            return QStringList { QStringLiteral("diurnal-web"), QStringLiteral("business-hours") };
        });
        QWidget parent;
        QStyleOptionViewItem option;

        std::unique_ptr<QWidget> cpu(delegate.createEditor(&parent, option, model.index(0, Col::Cpu)));
        auto *cpuSpin = qobject_cast<QDoubleSpinBox *>(cpu.get());
        QVERIFY(cpuSpin);
        QCOMPARE(cpuSpin->suffix(), QStringLiteral(" vCPU"));
        delegate.setEditorData(cpuSpin, model.index(0, Col::Cpu));
        QCOMPARE(cpuSpin->value(), 0.25);

        std::unique_ptr<QWidget> mem(delegate.createEditor(&parent, option, model.index(0, Col::Memory)));
        QCOMPARE(qobject_cast<QDoubleSpinBox *>(mem.get())->suffix(), QStringLiteral(" MiB"));

        std::unique_ptr<QWidget> kind(delegate.createEditor(&parent, option, model.index(0, Col::Kind)));
        auto *kindBox = qobject_cast<QComboBox *>(kind.get());
        QVERIFY(kindBox);
        QCOMPARE(kindBox->count(), 3);
        QCOMPARE(kindBox->itemData(2).toString(), QStringLiteral("job"));

        std::unique_ptr<QWidget> net(delegate.createEditor(&parent, option, model.index(0, Col::NetworkMode)));
        QCOMPARE(qobject_cast<QComboBox *>(net.get())->count(), 3);

        std::unique_ptr<QWidget> profile(delegate.createEditor(&parent, option, model.index(0, Col::LoadProfileCol)));
        auto *profileBox = qobject_cast<QComboBox *>(profile.get());
        QVERIFY(profileBox);
        QCOMPARE(profileBox->count(), 3); // (flat 1.0), diurnal-web, business-hours
        delegate.setEditorData(profileBox, model.index(0, Col::LoadProfileCol));
        QCOMPARE(profileBox->currentIndex(), 0);
        profileBox->setCurrentIndex(1);
        delegate.setModelData(profileBox, &model, model.index(0, Col::LoadProfileCol));
        QCOMPARE(model.index(0, Col::LoadProfileCol).data(Qt::EditRole).toString(), QStringLiteral("diurnal-web"));
    }

    // Issue 17, item 4: an editor in a narrow column shows its whole value and unit ("0.250 vCPU", not
    // "0.250 v"), and a choice its whole text.
    void editorsInNarrowColumnsAreNotClipped()
    {
        QStandardItemModel model;
        fill(model);
        views::ServiceDelegate delegate;
        QTableView table;
        table.setModel(&model);
        table.setItemDelegate(&delegate);
        table.resize(600, 200);
        table.setColumnWidth(Col::Cpu, 40);
        table.setColumnWidth(Col::Kind, 30);
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));

        table.edit(model.index(0, Col::Cpu));
        auto *cpu = table.viewport()->findChild<QDoubleSpinBox *>();
        QVERIFY(cpu);
        QVERIFY2(cpu->width() >= cpu->sizeHint().width(), qPrintable(QString::number(cpu->width())));
        QVERIFY(cpu->fontMetrics().horizontalAdvance(cpu->text()) < cpu->width());
        QVERIFY(cpu->text().endsWith(QStringLiteral(" vCPU")));
        QPointer<QDoubleSpinBox> gone(cpu);
        QTest::keyClick(cpu, Qt::Key_Escape);
        QTRY_VERIFY(!gone);

        table.edit(model.index(1, Col::Kind));
        QComboBox *kind = nullptr;
        QTRY_VERIFY((kind = table.viewport()->findChild<QComboBox *>()) != nullptr);
        QVERIFY2(kind->width() >= kind->sizeHint().width(), qPrintable(QString::number(kind->width())));
        QVERIFY(kind->fontMetrics().horizontalAdvance(kind->currentText()) < kind->width());
        // The widened editor stays inside the table.
        QVERIFY(kind->geometry().right() < table.viewport()->width());
    }

    void editOfASelectedRowGoesToEverySelectedRow()
    {
        QStandardItemModel model;
        fill(model);
        QItemSelectionModel selection(&model);
        selection.select(model.index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection.select(model.index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        views::ServiceDelegate delegate;
        delegate.setSelectionModel(&selection);
        QSignalSpy started(&delegate, &views::ServiceDelegate::multiEditStarted);
        QSignalSpy finished(&delegate, &views::ServiceDelegate::multiEditFinished);
        QWidget parent;
        std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, {}, model.index(2, Col::Replicas)));
        auto *spin = qobject_cast<QSpinBox *>(editor.get());
        QVERIFY(spin);
        spin->setValue(7);
        delegate.setModelData(spin, &model, model.index(2, Col::Replicas));
        QCOMPARE(model.index(0, Col::Replicas).data(Qt::EditRole).toInt(), 7);
        QCOMPARE(model.index(1, Col::Replicas).data(Qt::EditRole).toInt(), 2); // not selected
        QCOMPARE(model.index(2, Col::Replicas).data(Qt::EditRole).toInt(), 7);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().at(0).toInt(), 2);
        QCOMPARE(started.first().at(1).toString(), QStringLiteral("Replicas"));
        QCOMPARE(finished.count(), 1);

        // An edit of an unselected row touches only that row.
        std::unique_ptr<QWidget> cpu(delegate.createEditor(&parent, {}, model.index(1, Col::Cpu)));
        qobject_cast<QDoubleSpinBox *>(cpu.get())->setValue(1.5);
        delegate.setModelData(cpu.get(), &model, model.index(1, Col::Cpu));
        QCOMPARE(model.index(1, Col::Cpu).data(Qt::EditRole).toDouble(), 1.5);
        QCOMPARE(model.index(0, Col::Cpu).data(Qt::EditRole).toDouble(), 0.25);
        QCOMPARE(started.count(), 1);
    }

    // Issue 20: the deployment columns' editors write the service's deployment through the table model, one
    // undo step.
    void deploymentEditorsChangeTheService()
    {
        models::Document doc;
        models::Scenario sc;
        models::Service api;
        api.name = QStringLiteral("api");
        api.replicas = 4;
        sc.services = { api };
        doc.reset(sc);
        models::ServiceTableModel model;
        model.setDocument(&doc);
        views::ServiceDelegate delegate;
        QWidget parent;

        std::unique_ptr<QWidget> strategy(delegate.createEditor(&parent, {}, model.index(0, Col::DeployStrategy)));
        auto *box = qobject_cast<QComboBox *>(strategy.get());
        QVERIFY(box);
        QCOMPARE(box->count(), 3);
        delegate.setEditorData(box, model.index(0, Col::DeployStrategy));
        QCOMPARE(box->currentData().toString(), QStringLiteral("none"));
        box->setCurrentIndex(box->findData(QStringLiteral("blue_green")));
        delegate.setModelData(box, &model, model.index(0, Col::DeployStrategy));
        QCOMPARE(doc.scenario().services.at(0).deployment.strategy, models::DeploymentStrategy::BlueGreen);

        std::unique_ptr<QWidget> bake(delegate.createEditor(&parent, {}, model.index(0, Col::DeployBake)));
        auto *spin = qobject_cast<QDoubleSpinBox *>(bake.get());
        QVERIFY(spin);
        QCOMPARE(spin->suffix(), QStringLiteral(" min"));
        spin->setValue(30);
        delegate.setModelData(spin, &model, model.index(0, Col::DeployBake));
        QCOMPARE(doc.scenario().services.at(0).deployment.bakeMinutes, 30.0);

        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().services.at(0).deployment, models::DeploymentSettings {});
    }
};

QTEST_MAIN(TestServiceDelegate)
#include "tst_servicedelegate.moc"
