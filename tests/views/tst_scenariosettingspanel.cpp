// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QLineEdit>
#include <QSpinBox>
#include <QUndoStack>
#include <QtTest>

#include "models/workload/document.h"
#include "models/workload/scenariojson.h"
#include "views/networksettingsbox.h"
#include "views/registrysettingsbox.h"
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

    // Issue 19: the App Runner knobs edit the app-runner platform, one undo step each, named old → new.
    void appRunnerKnobs()
    {
        models::Document document;
        document.reset(models::bundledSampleScenario());
        views::ScenarioSettingsPanel panel;
        panel.setDocument(&document);
        QVERIFY(!panel.appRunnerMaxBox()->isEnabled()); // App Runner is off in the sample
        panel.platformEnabledBox(models::PlatformId::AppRunner)->setChecked(true);
        QVERIFY(panel.appRunnerMaxBox()->isEnabled());
        panel.appRunnerConcurrencyBox()->setValue(80);
        panel.appRunnerMaxBox()->setValue(10);
        panel.appRunnerDeploymentBox()->setChecked(true);
        const models::PlatformSettings &ar = document.scenario().platform(models::PlatformId::AppRunner);
        QCOMPARE(ar.appRunnerConcurrency, 80);
        QCOMPARE(ar.appRunnerMaxInstances, 10);
        QVERIFY(ar.appRunnerAutomaticDeployment);
        QCOMPARE(document.undoStack()->count(), 4);
        QCOMPARE(document.undoStack()->text(1), QStringLiteral("Set App Runner concurrency from 100 to 80"));
        QCOMPARE(document.undoStack()->text(2), QStringLiteral("Set App Runner maximum instances from 25 to 10"));
        QCOMPARE(document.undoStack()->text(3), QStringLiteral("Set App Runner automatic deployments from off to on"));
        // Raising min above max drags max along (validation wants max >= min).
        panel.appRunnerMinBox()->setValue(12);
        QCOMPARE(document.scenario().platform(models::PlatformId::AppRunner).appRunnerMaxInstances, 12);
        QCOMPARE(panel.appRunnerMaxBox()->value(), 12);
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QCOMPARE(panel.appRunnerConcurrencyBox()->value(), 100);
        QCOMPARE(document.scenario(), models::bundledSampleScenario());
    }

    // Issue 19: the registry editor — the one-per-service figures, explicit repositories added and removed,
    // the services each serves; what does not apply is disabled.
    void registryEditor()
    {
        models::Document document;
        document.reset(models::bundledSampleScenario());
        views::ScenarioSettingsPanel panel;
        panel.setRegions({ QStringLiteral("us-east-1"), QStringLiteral("eu-west-1") });
        panel.setDocument(&document);
        views::RegistrySettingsBox *reg = panel.registryBox();
        QVERIFY(!reg->isChecked());
        QVERIFY(!reg->imageGbBox()->isEnabled()); // the group is off
        reg->setChecked(true);
        QVERIFY(document.scenario().registry.enabled);
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Enable the ECR registry"));
        reg->imageGbBox()->setValue(1.2);
        QCOMPARE(document.scenario().registry.defaults.imageGb, 1.2);
        QCOMPARE(document.undoStack()->undoText(),
            QStringLiteral("Set image size of the per-service repositories from 0.5 GB to 1.2 GB"));
        QVERIFY(!reg->rescansBox()->isEnabled()); // rescans only with continuous scanning
        reg->scanningBox()->setCurrentIndex(reg->scanningBox()->findData(int(models::ScanMode::EnhancedContinuous)));
        QVERIFY(reg->rescansBox()->isEnabled());
        QVERIFY(!reg->nameEdit()->isEnabled()); // the defaults have no name
        QVERIFY(!reg->removeButton()->isEnabled());

        reg->addButton()->click();
        QCOMPARE(document.scenario().registry.repositories.size(), 1);
        const models::Repository added = document.scenario().registry.repositories.at(0);
        QCOMPARE(added.name, QStringLiteral("web-frontend")); // the first service without a repository
        QCOMPARE(added.services, QStringList { QStringLiteral("web-frontend") });
        QCOMPARE(added.imageGb, 1.2); // starts from the defaults' figures
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Add repository web-frontend"));
        QCOMPARE(reg->repositoryBox()->currentIndex(), 1); // the form shows it
        QVERIFY(reg->nameEdit()->isEnabled());
        QVERIFY(reg->removeButton()->isEnabled());

        // It also serves api-gateway: checked in the "serves" menu.
        QAction *apiGateway = nullptr;
        for (QAction *a : reg->servicesButton()->menu()->actions())
            if (a->text() == QStringLiteral("api-gateway"))
                apiGateway = a;
        QVERIFY(apiGateway);
        apiGateway->setChecked(true);
        QCOMPARE(document.scenario().registry.repositories.at(0).services,
            (QStringList { QStringLiteral("web-frontend"), QStringLiteral("api-gateway") }));
        QCOMPARE(reg->servicesButton()->text(), QStringLiteral("web-frontend, api-gateway"));
        reg->nameEdit()->setText(QStringLiteral("shop/web"));
        Q_EMIT reg->nameEdit()->editingFinished();
        QCOMPARE(document.scenario().registry.repositories.at(0).name, QStringLiteral("shop/web"));
        QCOMPARE(reg->repositoryBox()->currentText(), QStringLiteral("shop/web"));
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Rename repository web-frontend to shop/web"));

        reg->removeButton()->click();
        QVERIFY(document.scenario().registry.repositories.isEmpty());
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Remove repository shop/web"));
        QCOMPARE(reg->repositoryBox()->count(), 1);
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QCOMPARE(document.scenario(), models::bundledSampleScenario());
        QVERIFY(!reg->isChecked());
    }

    // Issue 19: the network editor disables what does not apply.
    void networkEditorDisablesWhatDoesNotApply()
    {
        models::Document document;
        document.reset(models::bundledSampleScenario());
        views::ScenarioSettingsPanel panel;
        panel.setDocument(&document);
        views::NetworkSettingsBox *net = panel.networkBox();
        net->setChecked(true);
        QVERIFY(net->natGatewaysBox()->isEnabled());
        QVERIFY(!net->capacityUnitsBox()->isEnabled()); // no load balancer yet
        QVERIFY(!net->perServiceBox()->isEnabled());
        net->loadBalancerBox()->setCurrentIndex(net->loadBalancerBox()->findData(int(models::LoadBalancerKind::Nlb)));
        QCOMPARE(document.scenario().network.loadBalancer, models::LoadBalancerKind::Nlb);
        QVERIFY(net->capacityUnitsBox()->isEnabled());
        QCOMPARE(net->capacityUnitsBox()->suffix(), QStringLiteral(" NLCU"));
        net->logGbBox()->setValue(0.05);
        QCOMPARE(document.scenario().network.logGbPerTaskHour, 0.05);
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Set log GB per task-hour from 0 GB to 0.05 GB"));
        net->subnetsBox()->setCurrentIndex(net->subnetsBox()->findData(int(models::SubnetKind::Public)));
        QVERIFY(!net->natGatewaysBox()->isEnabled());
        QVERIFY(!net->vpcEndpointsBox()->isEnabled());
        document.undoStack()->undo(); // private again
        QVERIFY(net->natGatewaysBox()->isEnabled());
        net->setChecked(false);
        QVERIFY(!net->logGbBox()->isEnabled());
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Disable network costs"));
    }
};

QTEST_MAIN(TestScenarioSettingsPanel)
#include "tst_scenariosettingspanel.moc"
