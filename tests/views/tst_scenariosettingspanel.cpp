// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QUndoStack>
#include <QtTest>

#include "models/workload/document.h"
#include "models/workload/scenariojson.h"
#include "views/scenariosettingspanel.h"

using namespace fleetplan;

class TestScenarioSettingsPanel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheDocumentAndEachEditIsOneUndoStep()
    {
        models::Document document;
        document.reset(models::bundledSampleScenario());
        views::ScenarioSettingsPanel panel;
        panel.setRegions({ QStringLiteral("us-east-1"), QStringLiteral("eu-west-1") });
        panel.setDocument(&document);
        QCOMPARE(panel.nameEdit()->text(), QStringLiteral("Sample: online shop"));
        // Issue 17: regions in words, the code beside the name.
        QCOMPARE(panel.regionBox()->currentText(), QStringLiteral("US East (N. Virginia) · us-east-1"));
        QCOMPARE(panel.periodBox()->value(), 730);

        panel.regionBox()->setCurrentText(QStringLiteral("Europe (Ireland) · eu-west-1"));
        QCOMPARE(document.scenario().region, QStringLiteral("eu-west-1"));
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.undoStack()->text(0), QStringLiteral("Set region from us-east-1 to eu-west-1"));

        panel.platformEnabledBox(models::PlatformId::EksFargate)->setChecked(false);
        QVERIFY(!document.scenario().platform(models::PlatformId::EksFargate).enabled);
        QCOMPARE(document.undoStack()->count(), 2);

        panel.periodBox()->setValue(168);
        QCOMPARE(document.scenario().periodHours, 168);

        // Undo comes back into the widgets.
        document.undoStack()->undo();
        document.undoStack()->undo();
        QVERIFY(panel.platformEnabledBox(models::PlatformId::EksFargate)->isChecked());
        QCOMPARE(panel.periodBox()->value(), 730);
        document.undoStack()->undo();
        QCOMPARE(panel.regionBox()->currentText(), QStringLiteral("US East (N. Virginia) · us-east-1"));
        QCOMPARE(document.scenario(), models::bundledSampleScenario());
    }

    void eksAnywhereIsOneUndoStep()
    {
        // Issue 19: the EKS Anywhere box sets eks_anywhere on EKS managed nodes only, as one undo step.
        models::Document document;
        document.reset(models::bundledSampleScenario());
        views::ScenarioSettingsPanel panel;
        panel.setDocument(&document);
        auto *anywhere = panel.findChild<QCheckBox *>(QStringLiteral("eksAnywhere"));
        QVERIFY(anywhere);
        QVERIFY(!anywhere->isChecked());
        anywhere->setChecked(true);
        QVERIFY(document.scenario().platform(models::PlatformId::EksNodes).eksAnywhere);
        QVERIFY(!document.scenario().platform(models::PlatformId::EksFargate).eksAnywhere);
        QCOMPARE(document.undoStack()->count(), 1);
        document.undoStack()->undo();
        QVERIFY(!anywhere->isChecked());
        QCOMPARE(document.scenario(), models::bundledSampleScenario());
    }

    void renameOnEditingFinished()
    {
        models::Document document;
        document.reset(models::bundledSampleScenario());
        views::ScenarioSettingsPanel panel;
        panel.setDocument(&document);
        panel.nameEdit()->setText(QStringLiteral("Shop 2027"));
        Q_EMIT panel.nameEdit()->editingFinished();
        QCOMPARE(document.scenario().name, QStringLiteral("Shop 2027"));
        // An empty name is not accepted: the scenario keeps its name.
        panel.nameEdit()->setText(QStringLiteral("   "));
        Q_EMIT panel.nameEdit()->editingFinished();
        QCOMPARE(document.scenario().name, QStringLiteral("Shop 2027"));
        QCOMPARE(document.undoStack()->count(), 1);
    }
};

QTEST_MAIN(TestScenarioSettingsPanel)
#include "tst_scenariosettingspanel.moc"
