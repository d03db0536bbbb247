// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QUndoStack>
#include <QtTest>

#include "models/workload/commands.h"
#include "models/workload/loadprofilelistmodel.h"
#include "models/workload/loadprofilemodel.h"
#include "models/workload/loadprofilepresets.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan::models;

/// The load profile editor's models: hours of one profile, and the list of profiles.
class TestLoadProfileModel : public QObject
{
    Q_OBJECT

private:
    Document *m_doc = nullptr;

private slots:
    void init()
    {
        m_doc = new Document;
        m_doc->setAutosaveDelay(0);
        m_doc->reset(bundledSampleScenario());
    }
    void cleanup() { delete m_doc; }

    void hoursOfOneProfile()
    {
        LoadProfileModel model(m_doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.setProfileName(QStringLiteral("diurnal-web")));
        QCOMPARE(model.profileIndex(), 1);
        QCOMPARE(model.rowCount(), 24);
        QCOMPARE(model.index(3, 0).data(Qt::EditRole).toDouble(), 0.27);
        QCOMPARE(model.headerData(3, Qt::Vertical).toString(), QStringLiteral("03:00"));
        QVERIFY(!model.setProfileName(QStringLiteral("nope")));
        QCOMPARE(model.rowCount(), 0);
    }

    void editsAreUndoableAndDragsMerge()
    {
        LoadProfileModel model(m_doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfileIndex(1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(model.index(3, 0), 0.5));
        QCOMPARE(m_doc->scenario().loadProfiles.at(1).hourly.at(3), 0.5);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!model.setData(model.index(3, 0), -1.0));
        QVERIFY(!model.setData(model.index(3, 0), QStringLiteral("lots")));
        QCOMPARE(m_doc->undoStack()->count(), 1);

        model.setMergeKey(nextMergeKey());
        for (double v : { 0.6, 0.7, 0.8, 0.9 })
            QVERIFY(model.setData(model.index(10, 0), v));
        model.setMergeKey(0);
        QCOMPARE(m_doc->undoStack()->count(), 2);
        m_doc->undoStack()->undo();
        QCOMPARE(model.index(10, 0).data(Qt::EditRole).toDouble(), 1.0);
        m_doc->undoStack()->undo();
        QCOMPARE(model.index(3, 0).data(Qt::EditRole).toDouble(), 0.27);
    }

    void weeklyProfileAndLengthChange()
    {
        LoadProfileModel model(m_doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_doc->undoStack()->push(new AddLoadProfileCommand(m_doc, makeLoadProfile(LoadProfilePreset::BusinessWeek)));
        QVERIFY(model.setProfileName(QStringLiteral("business-week")));
        QCOMPARE(model.rowCount(), 168);
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("Mon 00:00"));
        QCOMPARE(model.headerData(167, Qt::Vertical).toString(), QStringLiteral("Sun 23:00"));
        // Replacing the week by a day (preset switch) resets the rows.
        m_doc->undoStack()->push(
            new SetLoadProfileHoursCommand(m_doc, model.profileIndex(), presetHourly(LoadProfilePreset::Flat)));
        QCOMPARE(model.rowCount(), 24);
        m_doc->undoStack()->undo();
        QCOMPARE(model.rowCount(), 168);
        // Removing the shown profile empties the model; undo does not bring the selection back.
        m_doc->undoStack()->push(new RemoveLoadProfileCommand(m_doc, model.profileIndex()));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.profileIndex(), -1);
    }

    void profileList()
    {
        LoadProfileListModel list(m_doc);
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(list.rowCount(), 4);
        QCOMPARE(list.index(1).data().toString(), QStringLiteral("diurnal-web"));
        QCOMPARE(list.index(1).data(LoadProfileListModel::UsersRole).toInt(), 6);
        QCOMPARE(list.index(1).data(LoadProfileListModel::LengthRole).toInt(), 24);
        // Renaming in the list renames the services' references too, in one undo step.
        QVERIFY(list.setData(list.index(1), QStringLiteral("web")));
        QCOMPARE(m_doc->scenario().services.at(0).loadProfile, QStringLiteral("web"));
        QCOMPARE(list.index(1).data(LoadProfileListModel::UsersRole).toInt(), 6);
        QVERIFY(!list.setData(list.index(1), QStringLiteral("flat"))); // taken
        QCOMPARE(m_doc->undoStack()->count(), 1);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->scenario().services.at(0).loadProfile, QStringLiteral("diurnal-web"));
        m_doc->undoStack()->push(new AddLoadProfileCommand(
            m_doc, makeLoadProfile(LoadProfilePreset::NightlyBatch, QStringLiteral("n2")), 0));
        QCOMPARE(list.rowCount(), 5);
        QCOMPARE(list.index(0).data().toString(), QStringLiteral("n2"));
        m_doc->undoStack()->undo();
        QCOMPARE(list.rowCount(), 4);
        m_doc->reset(Scenario {});
        QCOMPARE(list.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoadProfileModel)
#include "tst_loadprofilemodel.moc"
