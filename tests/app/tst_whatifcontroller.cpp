// SPDX-License-Identifier: GPL-3.0-or-later
// The what-if controller on its own (no main window): a drag previews without touching the undo stack,
// its end pushes one command in words, and undo moves the knob back.
#include <QComboBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QUndoStack>

#include "app/whatifcontroller.h"
#include "models/workload/document.h"
#include "models/workload/scenariojson.h"
#include "views/whatifpanel.h"

using namespace fleetplan;

class TestWhatIfController : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        models::Document document;
        views::WhatIfPanel panel;
        app::WhatIfController controller { &document, &panel };

        Fixture()
        {
            document.reset(models::bundledSampleScenario());
            controller.syncFromScenario();
        }
        QUndoStack *stack() { return document.undoStack(); }
    };

    static void drag(QSlider *slider, const QList<int> &positions)
    {
        slider->setSliderDown(true);
        for (int p : positions)
            slider->setSliderPosition(p);
        slider->setSliderDown(false);
    }

private Q_SLOTS:
    void multipliersAreWhatIfsNeverCommands()
    {
        Fixture f;
        QSignalSpy preview(&f.controller, &app::WhatIfController::previewChanged);
        drag(f.panel.slider(views::WhatIfPanel::LoadMultiplier), { 120, 150, 200 });
        QVERIFY(preview.count() >= 3);
        QCOMPARE(f.controller.currentWhatIf().loadMultiplier, 2.0);
        QCOMPARE(f.stack()->count(), 0);
        QVERIFY(!f.document.isModified());
    }

    void anotherDocumentStartsWithoutTheWhatIfs()
    {
        // Issue 17, defect 6: load x1.50 carried over into File > New.
        Fixture f;
        QSlider *load = f.panel.slider(views::WhatIfPanel::LoadMultiplier);
        load->setValue(150);
        QCOMPARE(f.controller.currentWhatIf().loadMultiplier, 1.5);
        f.document.reset(models::Scenario {});
        QCOMPARE(f.controller.currentWhatIf().loadMultiplier, 1.0);
        QCOMPARE(f.controller.currentWhatIf().peakMultiplier, 1.0);
        QCOMPARE(load->value(), 100);
        QVERIFY(!load->toolTip().isEmpty());
        QVERIFY(f.panel.slider(views::WhatIfPanel::PeakMultiplier)->toolTip().contains(QStringLiteral("mean")));
    }

    void targetUtilisationDragIsOneMacroOverBothNodePlatforms()
    {
        Fixture f;
        QSlider *target = f.panel.slider(views::WhatIfPanel::TargetUtilization);
        target->setSliderDown(true);
        target->setSliderPosition(70);
        target->setSliderPosition(60);
        // While dragging: an override of the scenario, the document untouched.
        QCOMPARE(f.controller.currentWhatIf().targetUtilizationPercent.value_or(-1), 60.0);
        QCOMPARE(f.stack()->count(), 0);
        target->setSliderDown(false);
        QCOMPARE(f.stack()->count(), 1);
        QCOMPARE(f.stack()->text(0), QStringLiteral("Set target utilisation from 100 % to 60 %"));
        QCOMPARE(f.document.scenario().platform(models::PlatformId::EcsEc2).targetUtilizationPercent, 60.0);
        QCOMPARE(f.document.scenario().platform(models::PlatformId::EksNodes).targetUtilizationPercent, 60.0);
        QVERIFY(!f.controller.currentWhatIf().targetUtilizationPercent.has_value());
        f.stack()->undo();
        QCOMPARE(f.panel.values().targetUtilizationPercent,
            f.document.scenario().platform(models::PlatformId::EcsEc2).targetUtilizationPercent);
    }

    void releasingAtTheStartingValuePushesNothing()
    {
        Fixture f;
        QSlider *spot = f.panel.slider(views::WhatIfPanel::SpotShare);
        const int start = spot->value();
        drag(spot, { start + 10, start + 20, start });
        QCOMPARE(f.stack()->count(), 0);
        QVERIFY(!f.controller.currentWhatIf().spotShare.has_value());
    }

    void savingsPlanDragSetsTheCommitment()
    {
        Fixture f;
        f.panel.setSavingsPlanMaximum(10.0);
        QSlider *sp = f.panel.slider(views::WhatIfPanel::SavingsPlan);
        drag(sp, { sp->minimum() + 1, sp->maximum() / 2 });
        QCOMPARE(f.stack()->count(), 1);
        QVERIFY(f.stack()->text(0).startsWith(QStringLiteral("Set Savings Plans commitment from 0.00 to ")));
        QCOMPARE(f.document.scenario().purchase.savingsPlanUsdPerHour, f.panel.values().savingsPlanUsdPerHour);
        QVERIFY(f.document.scenario().purchase.savingsPlanUsdPerHour > 0.0);
    }
};

QTEST_MAIN(TestWhatIfController)
#include "tst_whatifcontroller.moc"
