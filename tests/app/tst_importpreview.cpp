// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17, defect 3: Ctrl+I shows what an import would bring — services with CPU, memory and replicas,
// skipped kinds with counts, errors in full with file:line:column — before anything changes, and lands
// the services in a new scenario, merged, or replacing the current ones; Cancel changes nothing.
#include <functional>

#include <QAbstractItemModel>
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include "app/documentcontroller.h"
#include "app/mainwindow.h"
#include "models/workload/document.h"
#include "models/workload/scenariojson.h"
#include "views/importpreviewdialog.h"

using namespace fleetplan;
using Choice = views::ImportPreviewDialog::Choice;

namespace {
const QString Helm = QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/k8s/helm-shop.yaml");
const QString BadIndent = QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/broken/bad-indent.yaml");

/// Once the preview is open: `inspect` it, then press the button of `choice`.
void answerPreview(Choice choice, std::function<void(views::ImportPreviewDialog *)> inspect)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, choice, inspect] {
        auto *dialog = qobject_cast<views::ImportPreviewDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        if (inspect)
            inspect(dialog);
        // Developer aid: FLEETPLAN_SCREENSHOT_DIR keeps a picture of the preview to look at.
        if (const QString dir = qEnvironmentVariable("FLEETPLAN_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog->grab().save(dir + QStringLiteral("/import-preview.png"));
        dialog->button(choice)->click();
    });
    timer->start();
}

QStringList column(QAbstractItemModel *model, int col)
{
    QStringList values;
    for (int r = 0; r < model->rowCount(); ++r)
        values << model->index(r, col).data().toString();
    return values;
}
} // namespace

class TestImportPreview : public QObject
{
    Q_OBJECT

private slots:
    void previewListsWhatWouldComeAndCancelChangesNothing()
    {
        app::MainWindow window;
        const models::Scenario before = window.scenario();
        QStringList names;
        QStringList header;
        QString skipped;
        QString problems;
        bool mergeEnabled = false;
        answerPreview(Choice::Cancel, [&](views::ImportPreviewDialog *d) {
            QAbstractItemModel *m = d->servicesTable()->model();
            names = column(m, 0);
            for (int c = 0; c < m->columnCount(); ++c)
                header << m->headerData(c, Qt::Horizontal).toString();
            skipped = d->skippedLabel()->text();
            problems = d->problemsText()->toPlainText();
            mergeEnabled = d->button(Choice::Merge)->isEnabled();
        });
        QCOMPARE(window.importFiles({ Helm, BadIndent }, /*kubernetes=*/true), 0);
        QVERIFY2(names.contains(QStringLiteral("shop-web")), qPrintable(names.join(u' ')));
        QCOMPARE(header.mid(0, 5),
            (QStringList { QStringLiteral("Service"), QStringLiteral("Kind"), QStringLiteral("vCPU"),
                QStringLiteral("Memory (MiB)"), QStringLiteral("Replicas") }));
        QVERIFY2(skipped.contains(QStringLiteral("ConfigMap × 1")), qPrintable(skipped));
        QVERIFY2(skipped.contains(QStringLiteral("Ingress × 1")), qPrintable(skipped));
        // The broken file's error in full, with file:line:column.
        QVERIFY2(problems.contains(QStringLiteral("error: ")), qPrintable(problems));
        static const QRegularExpression where(QStringLiteral("bad-indent\\.yaml:\\d+:\\d+"));
        QVERIFY2(where.match(problems).hasMatch(), qPrintable(problems));
        QVERIFY(mergeEnabled);
        QCOMPARE(window.scenario(), before);
        QCOMPARE(window.document()->undoStack()->count(), 0);
    }

    void mergeAndReplaceAreOneUndoStep()
    {
        app::MainWindow window;
        const models::Scenario before = window.scenario();
        answerPreview(Choice::Merge, {});
        const int merged = window.importFiles({ Helm }, true);
        QVERIFY(merged >= 3);
        QCOMPARE(window.scenario().services.size(), before.services.size() + merged);
        QCOMPARE(window.document()->undoStack()->count(), 1);
        window.document()->undoStack()->undo();
        QCOMPARE(window.scenario(), before);

        answerPreview(Choice::Replace, {});
        const int replaced = window.importFiles({ Helm }, true);
        QCOMPARE(replaced, merged);
        QCOMPARE(int(window.scenario().services.size()), replaced);
        QVERIFY(window.scenario().indexOfService(before.services.constFirst().name) < 0);
        QCOMPARE(window.scenario().loadProfiles, before.loadProfiles); // settings and profiles stay
        QCOMPARE(window.document()->undoStack()->text(window.document()->undoStack()->count() - 1),
            QStringLiteral("Replace services with %1 imported services").arg(replaced));
        window.document()->undoStack()->undo();
        QCOMPARE(window.scenario(), before);
    }

    /// Issue 21: a Terraform plan's services and its node groups' EKS on EC2 settings land as one step.
    void terraformPlanLandsWithItsNodeGroups()
    {
        app::MainWindow window;
        const models::Scenario before = window.scenario();
        answerPreview(Choice::Merge, [](views::ImportPreviewDialog *dialog) {
            QCOMPARE(dialog->windowTitle(), QStringLiteral("Import Terraform plan or state"));
        });
        const int landed = window.importInfrastructure(
            { QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/terraform/plan.json") }, true);
        QCOMPARE(landed, 3);
        QCOMPARE(window.scenario().services.size(), before.services.size() + 3);
        const models::PlatformSettings &eks = window.scenario().platform(models::PlatformId::EksNodes);
        QCOMPARE(eks.instanceTypes,
            (QStringList { QStringLiteral("m6i.large"), QStringLiteral("m6a.large"), QStringLiteral("c6i.xlarge") }));
        QCOMPARE(eks.ebsGibPerNode, 50.0);
        QCOMPARE(window.scenario().purchase.spotShare, 0.25);
        QCOMPARE(window.document()->undoStack()->count(), 1);
        QCOMPARE(window.document()->undoStack()->text(0), QStringLiteral("Import 3 services"));
        window.document()->undoStack()->undo();
        QCOMPARE(window.scenario(), before);

        // CloudFormation through the same path (quiet: merged without the preview).
        const int cfn = window.importInfrastructure(
            { QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/cloudformation/fargate-service.yaml") }, false, true);
        QCOMPARE(cfn, 2);
        QCOMPARE(window.scenario().platform(models::PlatformId::EksNodes).instanceTypes,
            QStringList { QStringLiteral("m7g.large") });
    }

    void newScenarioHoldsOnlyTheImport()
    {
        app::MainWindow window;
        window.document()->reset(models::bundledSampleScenario(), QString());
        answerPreview(Choice::NewScenario, {});
        const int landed = window.importFiles({ Helm }, true);
        QVERIFY(landed >= 3);
        QCOMPARE(int(window.scenario().services.size()), landed);
        QVERIFY(window.document()->filePath().isEmpty());
        QVERIFY(window.scenario().indexOfService(QStringLiteral("shop-web")) >= 0);
    }
};

QTEST_MAIN(TestImportPreview)
#include "tst_importpreview.moc"
