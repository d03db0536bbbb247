// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17, desktop conventions: Ctrl+C copies a table as tab-separated text, every chart exports as
// PNG, SVG or PDF from its context menu, File → Close (Ctrl+W) and File → Revert.
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QMimeData>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QtTest>

#include "app/documentcontroller.h"
#include "app/mainwindow.h"
#include "app/preferencesdialog.h"
#include "models/workload/commands.h"
#include "models/workload/document.h"
#include "models/workload/scenariojson.h"
#include "models/workload/servicetablemodel.h"
#include "views/comparisonchart.h"
#include "views/timelinechart.h"
#include "views/catalogbrowser.h"
#include "views/fleetview.h"
#include "views/viewactions.h"

using namespace fleetplan;

namespace {
void answerMessageBox(const QString &name, QMessageBox::StandardButton button)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, name, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != name)
            return;
        box->button(button)->click();
        timer->deleteLater();
    });
    timer->start();
}

QAction *copyActionOf(QTableView *table)
{
    return table->findChild<QAction *>(QStringLiteral("actionCopyTable"));
}
} // namespace

class TestConventions : public QObject
{
    Q_OBJECT

private slots:
    void tablesCopyAsTabSeparatedText()
    {
        app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.hasReport(), 60000);
        window.tabs()->setCurrentIndex(app::MainWindow::ComparisonTab);
        QTableView *comparison = window.comparisonTable();
        QAction *copy = copyActionOf(comparison);
        QVERIFY(copy);
        QCOMPARE(copy->shortcut(), QKeySequence(QKeySequence::Copy));
        QVERIFY(comparison->actions().contains(copy)); // also in the table's context menu
        comparison->clearSelection();
        copy->trigger();
        const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + int(window.report().platforms.size()));
        QVERIFY2(lines.constFirst().startsWith(QStringLiteral("Platform\tTotal USD")), qPrintable(lines.constFirst()));
        QCOMPARE(lines.at(1).section(u'\t', 0, 0), comparison->model()->index(0, 0).data().toString());

        // The services table: the selected rows only.
        window.tabs()->setCurrentIndex(app::MainWindow::WorkloadTab);
        QTableView *services = window.serviceTable();
        services->selectionModel()->select(
            services->model()->index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        services->selectionModel()->select(
            services->model()->index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        copyActionOf(services)->trigger();
        const QStringList rows = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).section(u'\t', 0, 0), window.scenario().services.at(1).name);
        QCOMPARE(rows.at(2).section(u'\t', 0, 0), window.scenario().services.at(3).name);
    }

    void chartsExportAsPngSvgAndPdf()
    {
        app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.hasReport(), 60000);
        window.tabs()->setCurrentIndex(app::MainWindow::ComparisonTab);
        QCustomPlot *chart = window.comparisonChart();
        const auto *action = chart->findChild<QAction *>(QStringLiteral("actionExportChart"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&Export chart…"));
        QCOMPARE(chart->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(window.timelineChart()->findChild<QAction *>(QStringLiteral("actionExportChart")));
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY2(views::exportChart(chart, png, &error), qPrintable(error));
        QImage image(png);
        QCOMPARE(image.size(), chart->size());
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY2(views::exportChart(chart, svg, &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("USD / month"));
        const QString pdf = dir.filePath(QStringLiteral("chart.pdf"));
        QVERIFY2(views::exportChart(chart, pdf, &error), qPrintable(error));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QVERIFY(!views::exportChart(chart, dir.filePath(QStringLiteral("chart.bmpx")), &error));
        QVERIFY(error.contains(QStringLiteral(".png")));

        // The fleet view is a widget, not a QCustomPlot: PNG and SVG through exportWidget().
        QWidget *fleet = window.fleetView();
        QVERIFY(fleet->findChild<QAction *>(QStringLiteral("actionExportImage")));
        QCOMPARE(fleet->contextMenuPolicy(), Qt::ActionsContextMenu);
        fleet->resize(640, 400);
        const QString fleetPng = dir.filePath(QStringLiteral("fleet.png"));
        QVERIFY2(views::exportWidget(fleet, fleetPng, &error), qPrintable(error));
        QCOMPARE(QImage(fleetPng).size(), fleet->grab().size());
        const QString fleetSvg = dir.filePath(QStringLiteral("fleet.svg"));
        QVERIFY2(views::exportWidget(fleet, fleetSvg, &error), qPrintable(error));
        QFile fleetSvgFile(fleetSvg);
        QVERIFY(fleetSvgFile.open(QIODevice::ReadOnly));
        QVERIFY(fleetSvgFile.readAll().contains("<svg"));
        QVERIFY(!views::exportWidget(fleet, dir.filePath(QStringLiteral("fleet.gif")), &error));
        // The catalog's instance types copy as text like every other table.
        QVERIFY(window.catalogBrowser()->instanceTable()->findChild<QAction *>(QStringLiteral("actionCopyTable")));
    }

    void closeAndRevert()
    {
        app::MainWindow window;
        QAction *close = window.action(QStringLiteral("actionClose"));
        QAction *revert = window.action(QStringLiteral("actionRevert"));
        QVERIFY(close && revert);
        QCOMPARE(close->shortcut(), QKeySequence(QStringLiteral("Ctrl+W")));
        QVERIFY(!revert->isEnabled()); // no file yet

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.json"));
        QVERIFY(window.saveFileAs(path));
        const models::Scenario saved = window.scenario();
        window.document()->undoStack()->push(new models::RemoveServicesCommand(window.document(), { 0 }));
        QVERIFY(window.document()->isModified());
        QVERIFY(revert->isEnabled());
        answerMessageBox(QStringLiteral("revertPrompt"), QMessageBox::Discard);
        revert->trigger();
        QCOMPARE(window.scenario(), saved);
        QVERIFY(!window.document()->isModified());
        QCOMPARE(window.document()->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!revert->isEnabled());

        // Close with unsaved changes asks first; Discard leaves an empty untitled scenario.
        window.document()->undoStack()->push(new models::RemoveServicesCommand(window.document(), { 0 }));
        answerMessageBox(QStringLiteral("unsavedChangesPrompt"), QMessageBox::Discard);
        close->trigger();
        QVERIFY(window.scenario().services.isEmpty());
        QVERIFY(window.document()->filePath().isEmpty());
        QVERIFY(!window.document()->isModified());
    }

    void droppedFilesOpenOrImportByWhatTheyAre()
    {
        app::MainWindow window;
        const int before = int(window.scenario().services.size());
        const QString data = QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/");
        // Kubernetes YAML, an ECS task definition, a Terraform plan and a CloudFormation template: each goes to
        // its importer (quiet: no preview, no message box).
        QCOMPARE(window.dropFiles({ data + QStringLiteral("k8s-real/guestbook-rc.yaml") }, true), 1);
        const int afterK8s = int(window.scenario().services.size());
        QCOMPARE(afterK8s, before + 3); // guestbook, redis-master, redis-replica
        QCOMPARE(window.dropFiles({ data + QStringLiteral("ecs/fargate-webserver.json") }, true), 1);
        QVERIFY(int(window.scenario().services.size()) > afterK8s);
        const int afterEcs = int(window.scenario().services.size());
        QCOMPARE(window.dropFiles({ data + QStringLiteral("terraform/plan.json") }, true), 1);
        QVERIFY(int(window.scenario().services.size()) > afterEcs);
        const int afterTf = int(window.scenario().services.size());
        QCOMPARE(window.dropFiles({ data + QStringLiteral("cloudformation/fargate-service.yaml") }, true), 1);
        QVERIFY(int(window.scenario().services.size()) > afterTf);

        // A scenario file opens (here through a real drop event on the window).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dropped.json"));
        models::Scenario dropped = models::bundledSampleScenario();
        dropped.name = QStringLiteral("Dropped here");
        QVERIFY(models::writeScenarioFile(dropped, path));
        window.document()->undoStack()->setClean(); // no unsaved-changes prompt
        auto *mime = new QMimeData;
        mime->setUrls({ QUrl::fromLocalFile(path) });
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_COMPARE(window.scenario().name, QStringLiteral("Dropped here"));
        QCOMPARE(window.document()->filePath(), QFileInfo(path).absoluteFilePath());
        delete mime;
    }

    void preferencesSetThemeAutosaveAndPageSize()
    {
        app::MainWindow window;
        QTimer::singleShot(50, &window, [] {
            auto *dialog = qobject_cast<app::PreferencesDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(int(views::ThemeMode::Dark)));
            dialog->autosaveBox()->setValue(0);
            dialog->pageSizeBox()->setCurrentIndex(dialog->pageSizeBox()->findData(int(QPageSize::Letter)));
            dialog->accept();
        });
        window.action(QStringLiteral("actionPreferences"))->trigger();
        QCOMPARE(window.theme(), views::ThemeMode::Dark);
        const app::Preferences saved = app::Preferences::load();
        QCOMPARE(saved.theme, views::ThemeMode::Dark);
        QCOMPARE(saved.autosaveSeconds, 0);
        QCOMPARE(saved.pageSize, QPageSize::Letter);
        // An exported PDF is on US Letter now: 612 × 792 points (A4 is 595 × 842).
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("letter.pdf"));
        QTRY_VERIFY_WITH_TIMEOUT(window.hasReport(), 120000); // a Debug build under ASan simulates for seconds
        QVERIFY(window.exportReportTo(pdf));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.contains("/MediaBox [0 0 612.000000 792.000000]"), "the PDF's pages are US Letter");
        app::Preferences reset;
        reset.save();
    }

    void preferencesChooseTheNewScenariosRegionAndMonth()
    {
        app::Preferences().save(); // from the defaults, whatever an earlier run left
        app::MainWindow window;
        QTimer::singleShot(50, &window, [] {
            auto *dialog = qobject_cast<app::PreferencesDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            // The catalog's regions, named in words.
            const int ireland = dialog->regionBox()->findData(QStringLiteral("eu-west-1"));
            QVERIFY(ireland >= 0);
            QCOMPARE(dialog->regionBox()->itemText(ireland), QStringLiteral("Europe (Ireland) · eu-west-1"));
            dialog->regionBox()->setCurrentIndex(ireland);
            dialog->hoursBox()->setCurrentIndex(dialog->hoursBox()->findData(720));
            dialog->accept();
        });
        window.action(QStringLiteral("actionPreferences"))->trigger();
        const app::Preferences saved = app::Preferences::load();
        QCOMPARE(saved.defaultRegion, QStringLiteral("eu-west-1"));
        QCOMPARE(saved.hoursPerMonth, 720);
        // The open scenario keeps its own; File → New starts from the preferences.
        QCOMPARE(window.scenario().region, QStringLiteral("us-east-1"));
        window.action(QStringLiteral("actionNew"))->trigger();
        QCOMPARE(window.scenario().region, QStringLiteral("eu-west-1"));
        QCOMPARE(window.scenario().periodHours, 720);
        app::Preferences reset;
        reset.save();
        window.action(QStringLiteral("actionNew"))->trigger();
        QCOMPARE(window.scenario().region, QStringLiteral("us-east-1"));
        QCOMPARE(window.scenario().periodHours, 730);
    }

    // Issue 17, Preferences: memory shown and typed in GiB; the scenario keeps MiB.
    void preferencesShowAndTakeMemoryInGib()
    {
        app::Preferences().save();
        app::MainWindow window;
        QTableView *table = window.serviceTable();
        QAbstractItemModel *model = table->model();
        const QModelIndex memory = model->index(0, models::ServiceTableModel::Memory);
        const double mib = window.scenario().services.at(0).memoryMib;
        QCOMPARE(memory.data().toString(), QStringLiteral("%1 MiB").arg(mib));
        QTimer::singleShot(50, &window, [] {
            auto *dialog = qobject_cast<app::PreferencesDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->memoryUnitBox()->setCurrentIndex(dialog->memoryUnitBox()->findData(true));
            dialog->accept();
        });
        window.action(QStringLiteral("actionPreferences"))->trigger();
        QVERIFY(app::Preferences::load().memoryInGib);
        // The sample's first service: 1024 MiB is "1 GiB".
        QCOMPARE(mib, 1024.0);
        QCOMPARE(memory.data().toString(), QStringLiteral("1 GiB"));
        QCOMPARE(memory.data(Qt::EditRole).toDouble(), 1024.0);

        // The in-place editor takes GiB: 1.5 typed is 1536 MiB in the scenario.
        QAbstractItemDelegate *delegate = table->itemDelegateForIndex(memory);
        QStyleOptionViewItem option;
        QWidget *editor = delegate->createEditor(table->viewport(), option, memory);
        auto *spin = qobject_cast<QDoubleSpinBox *>(editor);
        QVERIFY(spin);
        QCOMPARE(spin->suffix(), QStringLiteral(" GiB"));
        delegate->setEditorData(editor, memory);
        QCOMPARE(spin->value(), 1.0);
        spin->setValue(1.5);
        delegate->setModelData(editor, model, memory);
        delete editor;
        QCOMPARE(window.scenario().services.at(0).memoryMib, 1536.0);
        QCOMPARE(memory.data().toString(), QStringLiteral("1.5 GiB"));

        app::Preferences().save();
        QVERIFY(!app::Preferences::load().memoryInGib);
    }
};

QTEST_MAIN(TestConventions)
#include "tst_conventions.moc"
