// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "models/workload/commands.h"
#include "models/workload/document.h"
#include "models/import/kubernetesimporter.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan::models;
using namespace Qt::StringLiterals;

/// What File → Import does with an import result: one undoable step on the open document.
class TestImportUndo : public QObject
{
    Q_OBJECT

private slots:
    void importIsOneUndoableStep()
    {
        Document document;
        const Scenario before = bundledSampleScenario();
        document.reset(before);
        const ImportResult imported
            = importKubernetesPaths({ QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/k8s/helm-shop.yaml") });
        QCOMPARE(imported.services.size(), 4);

        document.undoStack()->push(new ImportServicesCommand(
            &document, imported.services, {}, ImportServicesCommand::Mode::Append, u"Import helm-shop.yaml"_s));
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.scenario().services.size(), before.services.size() + 4);
        QCOMPARE(document.scenario().services.mid(before.services.size()), imported.services);
        QCOMPARE(document.scenario().services.last().source, u"helm-shop.yaml: CronJob/shop-report"_s);

        document.undoStack()->undo();
        QCOMPARE(document.scenario(), before);
        document.undoStack()->redo();
        QCOMPARE(document.scenario().services.mid(before.services.size()), imported.services);
    }
};

QTEST_GUILESS_MAIN(TestImportUndo)
#include "tst_importundo.moc"
