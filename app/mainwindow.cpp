// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mainwindow.h"

#include <array>
#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include "app/documentcontroller.h"
#include "app/loadsweeprunner.h"
#include "app/recentfiles.h"
#include "app/simulationrunner.h"
#include "app/whatifcontroller.h"
#include "models/workload/commands.h"
#include "models/workload/document.h"
#include "models/workload/loadprofilepresets.h"
#include "models/workload/scenariojson.h"
#include "models/workload/servicetablemodel.h"
#include "models/workload/validation.h"
#include "models/simulation/simulation.h"
#include "app/baselinecontroller.h"
#include "app/pricebookcontroller.h"
#include "app/preferencesdialog.h"
#include "pricing/catalog.h"
#include "pricing/catalogdate.h"
#include "pricing/pricebook.h"
#include "views/baselinepanel.h"
#include "views/catalogbrowser.h"
#include "views/charttheme.h"
#include "views/comparisonchart.h"
#include "views/comparisontablemodel.h"
#include "views/costvsloadchart.h"
#include "views/costvsloadpage.h"
#include "views/pricebookpage.h"
#include "views/regionnames.h"
#include "views/reportpages.h"
#include "views/explainpanel.h"
#include "views/fleetview.h"
#include "views/helpbrowser.h"
#include "views/loadprofileeditor.h"
#include "views/scenariosettingspanel.h"
#include "views/sensitivitychart.h"
#include "views/servicedelegate.h"
#include "views/shortcutlist.h"
#include "views/timelinechart.h"
#include "views/validationbanner.h"
#include "views/workloadpage.h"

Q_LOGGING_CATEGORY(lcGui, "fleetplan.gui")

namespace fleetplan::app {

namespace {

enum class DropKind { Scenario, Kubernetes, Ecs, Terraform, CloudFormation };

/// What a dropped file is, from its suffix and its first 64 KiB (a scenario unless it looks like an input
/// one of the importers reads).
DropKind classifyDrop(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return info.fileName() == u"cdk.out" ? DropKind::CloudFormation : DropKind::Kubernetes;
    const QString suffix = info.suffix().toLower();
    if (suffix == u"fleetplan")
        return DropKind::Scenario;
    QFile file(path);
    QByteArray head;
    if (file.open(QIODevice::ReadOnly))
        head = file.read(qint64(64) * 1024);
    if (head.contains("AWSTemplateFormatVersion") || head.contains("\"Resources\"") || head.startsWith("Resources:")
        || head.contains("\nResources:"))
        return DropKind::CloudFormation;
    if (suffix == u"yaml" || suffix == u"yml")
        return DropKind::Kubernetes;
    if (head.contains("\"terraform_version\"") || head.contains("\"resource_changes\""))
        return DropKind::Terraform;
    if (head.contains("\"containerDefinitions\"") || head.contains("\"taskDefinition\"")
        || head.contains("\"taskDefinitions\""))
        return DropKind::Ecs;
    if (head.contains("\"apiVersion\"") && !head.contains("\"services\""))
        return DropKind::Kubernetes;
    return DropKind::Scenario;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(pricing::Catalog::withUserPriceBook(&m_catalogError))
    , m_document(new models::Document(this))
    , m_serviceModel(new models::ServiceTableModel(this))
    , m_runner(new SimulationRunner(m_catalog, this))
    , m_documents(new DocumentController(m_document, m_catalog, this, this))
    , m_baselines(new BaselineController(m_catalog, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true); // scenarios open, manifests and templates import (dropFiles())
    m_serviceModel->setDocument(m_document);
    m_simTimer = new QTimer(this);
    m_simTimer->setSingleShot(true);
    m_simTimer->setInterval(0);
    connect(m_simTimer, &QTimer::timeout, this, &MainWindow::simulateNow);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setInterval(500);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_workloadPage = new views::WorkloadPage(m_document, m_serviceModel, m_catalog->regions(), this);
    m_tabs->addTab(m_workloadPage, tr("&Workload"));
    m_comparisonPage = new views::ComparisonPage(this);
    connect(m_comparisonPage, &views::ComparisonPage::platformActivated, this, &MainWindow::showExplain);
    connect(m_comparisonPage, &views::ComparisonPage::serviceActivated, this, [this](int row) {
        // A problem clicked in the banner: show that service's row on the Workload tab.
        m_tabs->setCurrentIndex(WorkloadTab);
        QTableView *table = m_workloadPage->serviceTable();
        table->selectRow(row);
        table->scrollTo(table->model()->index(row, 0));
        table->setFocus();
    });
    m_tabs->addTab(m_comparisonPage, tr("&Comparison"));
    m_timelinePage = new views::TimelinePage(this);
    m_tabs->addTab(m_timelinePage, tr("&Timeline"));
    m_fleetPage = new views::FleetPage(this);
    m_tabs->addTab(m_fleetPage, tr("&Fleet"));
    m_catalogBrowser = new views::CatalogBrowser(this);
    m_catalogBrowser->setCatalog(m_catalog);
    m_tabs->addTab(m_catalogBrowser, tr("C&atalog"));
    // Cost vs load (issue 18): swept in the background while the tab is shown (LoadSweepRunner).
    m_costVsLoadPage = new views::CostVsLoadPage(this);
    m_tabs->addTab(m_costVsLoadPage, tr("Cost vs &load"));
    // The price book in the window (issue 18): the same file the CLI edits, with its own undo stack.
    m_priceBookPage = new views::PriceBookPage(this);
    m_tabs->addTab(m_priceBookPage, tr("&Price book"));
    m_priceBookPage->setRegions(m_catalog->regions(), m_document->scenario().region);
    m_priceBook = new PriceBookController(m_priceBookPage, this, this);
    connect(m_priceBook, &PriceBookController::priceBookChanged, this, &MainWindow::reloadCatalog);
    connect(m_priceBook, &PriceBookController::statusMessage, this,
        [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    m_undoGroup = new QUndoGroup(this);
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->addStack(m_priceBook->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        m_undoGroup->setActiveStack(index == PriceBookTab ? m_priceBook->undoStack() : m_document->undoStack());
    });
    m_sweepRunner = new LoadSweepRunner(m_catalog, this);
    m_sweepTimer = new QTimer(this);
    m_sweepTimer->setSingleShot(true);
    m_sweepTimer->setInterval(300);
    connect(m_sweepTimer, &QTimer::timeout, this, &MainWindow::startSweepIfWanted);
    connect(m_costVsLoadPage, &views::CostVsLoadPage::shown, this, &MainWindow::startSweepIfWanted);
    connect(m_sweepRunner, &LoadSweepRunner::sweepReady, this,
        [this](const models::LoadSweep &sweep, quint64, LoadSweepRunner::Stage stage) {
            const auto pageStage = stage == LoadSweepRunner::Stage::Refined
                ? views::CostVsLoadPage::Stage::Refined
                : (stage == LoadSweepRunner::Stage::Fast ? views::CostVsLoadPage::Stage::Fast
                                                         : views::CostVsLoadPage::Stage::Coarse);
            m_costVsLoadPage->setSweep(sweep, pageStage);
        });
    connect(m_sweepRunner, &LoadSweepRunner::sensitivityReady, m_costVsLoadPage,
        [this](const models::Sensitivity &sensitivity, quint64, bool refined) {
            m_costVsLoadPage->setSensitivity(sensitivity, refined);
        });
    setCentralWidget(m_tabs);

    createDocks();
    createActions();
    createMenus();

    // Status bar: simulation state, progress (only past half a second), the catalog's date.
    m_simStatus = new QLabel(this);
    m_simStatus->setObjectName(QStringLiteral("simulationStatus"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("simulationProgress"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setAccessibleName(tr("Simulation running"));
    m_progress->hide();
    m_catalogDate = new QLabel(this);
    m_catalogDate->setObjectName(QStringLiteral("catalogDate"));
    updateCatalogLabel();
    statusBar()->addWidget(m_simStatus, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_catalogDate);

    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_runner && m_runner->isBusy())
            m_progress->show();
    });
    connect(m_runner, &SimulationRunner::busyChanged, this, &MainWindow::setBusy);
    connect(m_runner, &SimulationRunner::reportReady, this,
        [this](const models::CostReport &report, quint64 generation, qint64 elapsed, bool refined) {
            m_reportGeneration = generation;
            m_reportRefined = refined;
            applyReport(report, elapsed);
        });
    connect(m_runner, &SimulationRunner::simulationFailed, this, [this](const QString &error) {
        // The document and the last figures stay; the user sees why the new ones are missing.
        m_simStatus->setText(tr("Not updated: %1").arg(error));
        statusBar()->showMessage(tr("The simulation failed: %1. Your edits are kept.").arg(error), 15000);
    });

    connect(m_document, &models::Document::changed, this, &MainWindow::scheduleSimulation);
    connect(m_document, &models::Document::readWarningsChanged, this, &MainWindow::updateProblems);
    connect(m_document, &models::Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &models::Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &models::Document::scenarioReset, this, [this] {
        scheduleSimulation();
        updateTitle();
    });
    connect(m_document, &models::Document::autosaveFailed, this,
        [this](const QString &error) { statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 8000); });
    connect(
        m_documents->recentFiles(), &RecentFiles::changed, this, [this] { m_documents->fillRecentMenu(m_recentMenu); });
    connect(m_documents, &DocumentController::statusMessage, this, [this](const QString &text, int timeoutMs) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, timeoutMs);
    });
    connect(m_documents, &DocumentController::busy, this, [this](bool busy) {
        if (busy)
            m_progress->show();
        else if (!m_runner || !m_runner->isBusy())
            m_progress->hide();
    });
    m_documents->setCurrentReport([this]() -> std::optional<models::CostReport> {
        if (!m_hasReport)
            return std::nullopt;
        // The report must describe the scenario it is exported with: while a simulation of newer edits
        // is pending or in flight, simulate what is on screen now (the same function the runner calls).
        if (reportIsCurrent() && m_reportRefined)
            return m_report;
        return models::simulate(m_document->scenario(), *m_catalog, currentWhatIf());
    });
    m_documents->setCurrentBaseline([this]() -> std::optional<ReportBaseline> {
        const models::CostReport *report = m_baselines->baselineReport();
        if (!report)
            return std::nullopt;
        return ReportBaseline { m_baselines->label(), *m_baselines->baselineScenario(), *report };
    });
    // The baseline (issue 18): the Comparison tab's panel and the Explain dock compare with it.
    views::BaselinePanel *baselinePanel = m_comparisonPage->baselinePanel();
    connect(m_baselines, &BaselineController::comparisonChanged, this,
        [this, baselinePanel](const QString &label, const models::CostReport &baseline,
            const models::CostReport &current, const QList<models::ScenarioChange> &inputs) {
            baselinePanel->setComparison(label, baseline, current, inputs);
            baselinePanel->show();
            // Only the baseline's own "Simulating…" message goes; any other message stays its time.
            if (statusBar()->currentMessage().startsWith(tr("Simulating the baseline")))
                statusBar()->clearMessage();
            m_explain->setBaseline(label, baseline);
            action(QStringLiteral("actionClearBaseline"))->setEnabled(true);
        });
    connect(m_baselines, &BaselineController::baselinePending, this, [this](const QString &label) {
        statusBar()->showMessage(tr("Simulating the baseline (%1)…").arg(label), 0);
        action(QStringLiteral("actionClearBaseline"))->setEnabled(true);
    });
    connect(m_baselines, &BaselineController::cleared, this, [this, baselinePanel] {
        baselinePanel->hide();
        m_explain->clearBaseline();
        action(QStringLiteral("actionClearBaseline"))->setEnabled(false);
    });
    connect(m_baselines, &BaselineController::failed, this,
        [this](const QString &error) { statusBar()->showMessage(tr("No baseline: %1").arg(error), 15000); });
    connect(baselinePanel, &views::BaselinePanel::clearRequested, m_baselines, &BaselineController::clear);
    m_documents->setCurrentProblems([this] {
        updateProblems(); // also a change not simulated yet (the export may follow an edit at once)
        return m_problems;
    });

    readSettings();
    setScenario(models::bundledSampleScenario());
    if (!m_catalogError.isEmpty())
        statusBar()->showMessage(tr("Your price book was not applied: %1").arg(m_catalogError), 15000);
}

MainWindow::~MainWindow()
{
    // Edits committed while the widgets close must not start simulations any more; the runner waits for
    // a running simulation before the widgets it would report to go away.
    disconnect(m_document, nullptr, this, nullptr);
    m_simTimer->stop();
    m_progressTimer->stop();
    m_sweepTimer->stop();
    delete m_runner;
    m_runner = nullptr;
    delete m_sweepRunner; // cancels the sweep and waits for the point in flight
    m_sweepRunner = nullptr;
}

// ---- construction -------------------------------------------------------------------------------------

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_whatIf = new views::WhatIfPanel(this);
    auto *whatIfDock = new QDockWidget(tr("What-if"), this);
    whatIfDock->setObjectName(QStringLiteral("whatIfDock"));
    whatIfDock->setWidget(m_whatIf);
    addDockWidget(Qt::RightDockWidgetArea, whatIfDock);
    m_whatIfController = new WhatIfController(m_document, m_whatIf, this);
    connect(m_whatIfController, &WhatIfController::previewChanged, this, &MainWindow::simulateNow);
    connect(m_whatIfController, &WhatIfController::resetRequested, this, &MainWindow::scheduleSimulation);

    m_explain = new views::ExplainPanel(this);
    auto *explainDock = new QDockWidget(tr("Explain"), this);
    explainDock->setObjectName(QStringLiteral("explainDock"));
    explainDock->setWidget(m_explain);
    addDockWidget(Qt::RightDockWidgetArea, explainDock);

    m_undoView = new QUndoView(m_undoGroup, this);
    m_undoView->setObjectName(QStringLiteral("undoView"));
    m_undoView->setAccessibleName(tr("Undo history"));
    m_undoView->setEmptyLabel(tr("<opened>"));
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setWidget(m_undoView);
    addDockWidget(Qt::RightDockWidgetArea, historyDock);
    tabifyDockWidget(explainDock, historyDock);
    explainDock->raise();
    resizeDocks({ whatIfDock, explainDock }, { 340, 340 }, Qt::Horizontal);
    resizeDocks({ whatIfDock, explainDock }, { m_whatIf->sizeHint().height() + 60, 600 }, Qt::Vertical);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    make(QStringLiteral("actionNew"), tr("&New"), QKeySequence::New, [this] { m_documents->newDocument(); });
    make(QStringLiteral("actionOpen"), tr("&Open…"), QKeySequence::Open, [this] { m_documents->openDocument(); });
    make(QStringLiteral("actionSave"), tr("&Save"), QKeySequence::Save, [this] { m_documents->save(); });
    QAction *saveAsAction = make(
        QStringLiteral("actionSaveAs"), tr("Save &As…"), QKeySequence::SaveAs, [this] { m_documents->saveAs(); });
    if (saveAsAction->shortcut().isEmpty()) // the platform theme may define none (offscreen, some desktops)
        saveAsAction->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    QAction *closeDocument
        = make(QStringLiteral("actionClose"), tr("&Close"), {}, [this] { m_documents->closeDocument(); });
    // Ctrl+W everywhere, and the platform's own Close key as well (Ctrl+F4 on Windows and some desktops).
    QList<QKeySequence> closeKeys { QKeySequence(tr("Ctrl+W")) };
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Close)) {
        if (!closeKeys.contains(key))
            closeKeys << key;
    }
    closeDocument->setShortcuts(closeKeys);
    QAction *revert = make(QStringLiteral("actionRevert"), tr("Re&vert"), {}, [this] { m_documents->revert(); });
    revert->setEnabled(false);
    revert->setStatusTip(tr("Discard the changes since the last save and reload the file"));
    const auto updateRevert
        = [this, revert] { revert->setEnabled(!m_document->filePath().isEmpty() && m_document->isModified()); };
    connect(m_document, &models::Document::modifiedChanged, revert, updateRevert);
    connect(m_document, &models::Document::filePathChanged, revert, updateRevert);
    make(QStringLiteral("actionImportKubernetes"), tr("Import &Kubernetes manifests…"), QKeySequence(tr("Ctrl+I")),
        [this] { m_documents->importWorkload(DocumentController::ImportSource::Kubernetes); });
    make(QStringLiteral("actionImportEcs"), tr("Import &ECS task definitions…"), QKeySequence(tr("Ctrl+Shift+I")),
        [this] { m_documents->importWorkload(DocumentController::ImportSource::Ecs); });
    make(QStringLiteral("actionImportTerraform"), tr("Import &Terraform plan or state…"), {},
        [this] { m_documents->importWorkload(DocumentController::ImportSource::Terraform); });
    make(QStringLiteral("actionImportCloudFormation"), tr("Import &CloudFormation / CDK template…"), {},
        [this] { m_documents->importWorkload(DocumentController::ImportSource::CloudFormation); });
    make(QStringLiteral("actionExportReport"), tr("&Export report…"), QKeySequence(tr("Ctrl+E")),
        [this] { m_documents->exportReport(); });
    make(QStringLiteral("actionPrint"), tr("&Print…"), QKeySequence::Print, [this] {
        m_documents->print();
    })->setStatusTip(tr("Print the report (the pages of the PDF export)"));
    make(QStringLiteral("actionPrintPreview"), tr("Print Pre&view…"), QKeySequence(tr("Ctrl+Shift+P")), [this] {
        m_documents->printPreview();
    })->setStatusTip(tr("Show the report's pages as they will print"));
    if (action(QStringLiteral("actionPrint"))->shortcut().isEmpty()) // no platform theme (offscreen)
        action(QStringLiteral("actionPrint"))->setShortcut(QKeySequence(tr("Ctrl+P")));
    make(QStringLiteral("actionSetBaseline"), tr("Set as &Baseline"), QKeySequence(tr("Ctrl+B")), [this] {
        setBaselineFromCurrent();
    })->setStatusTip(tr("Keep the scenario and figures on screen to compare later edits with"));
    make(QStringLiteral("actionCompareWithFile"), tr("Compare &with File…"), {}, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Compare with scenario"),
            QFileInfo(m_document->filePath()).absolutePath(),
            tr("Fleetplan scenarios (*.fleetplan *.json);;All files (*)"));
        if (!path.isEmpty())
            compareWithFile(path);
    })->setStatusTip(tr("Compare the current figures with another scenario file"));
    QAction *preferences = make(QStringLiteral("actionPreferences"), tr("Pre&ferences…"),
        QKeySequence(QKeySequence::Preferences), [this] { showPreferences(); });
    if (preferences->shortcut().isEmpty())
        preferences->setShortcut(QKeySequence(tr("Ctrl+,")));
    preferences->setMenuRole(QAction::PreferencesRole);
    QAction *clearBaseline
        = make(QStringLiteral("actionClearBaseline"), tr("C&lear Baseline"), {}, [this] { m_baselines->clear(); });
    clearBaseline->setEnabled(false);
    QAction *quit = make(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit, [this] { close(); });
    if (quit->shortcut().isEmpty())
        quit->setShortcut(QKeySequence(tr("Ctrl+Q")));

    // Undo and Redo act on the document, or on the price book while its tab is shown.
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    addAction(undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({ QKeySequence::Redo, QKeySequence(tr("Ctrl+Y")) });
    addAction(redo);
    make(QStringLiteral("actionAddService"), tr("&Add service"), QKeySequence(tr("Ctrl+Shift+N")),
        [this] { m_workloadPage->addService(); });
    make(QStringLiteral("actionDuplicateService"), tr("&Duplicate service"), QKeySequence(tr("Ctrl+D")),
        [this] { m_workloadPage->duplicateService(); });
    QAction *remove = make(QStringLiteral("actionRemoveServices"), tr("&Remove services"), QKeySequence::Delete,
        [this] { m_workloadPage->removeServices(); });
    // Delete removes rows only from the services table (elsewhere it edits text).
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    removeAction(remove);
    m_workloadPage->serviceTable()->addAction(remove);

    const std::array tabNames { tr("&Workload"), tr("&Comparison"), tr("&Timeline"), tr("&Fleet"), tr("C&atalog"),
        tr("Cost vs &load"), tr("&Price book") };
    for (int i = 0; i < int(tabNames.size()); ++i) {
        make(QStringLiteral("actionTab%1").arg(i + 1), tabNames[i], QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)),
            [this, i] { m_tabs->setCurrentIndex(i); });
    }
    auto *themes = new QActionGroup(this);
    QAction *light = make(
        QStringLiteral("actionThemeLight"), tr("&Light theme"), {}, [this] { setTheme(views::ThemeMode::Light); });
    QAction *dark = make(QStringLiteral("actionThemeDark"), tr("&Dark theme"), QKeySequence(tr("Ctrl+Shift+T")),
        [this] { setTheme(m_theme == views::ThemeMode::Dark ? views::ThemeMode::Light : views::ThemeMode::Dark); });
    light->setCheckable(true);
    dark->setCheckable(true);
    themes->addAction(light);
    themes->addAction(dark);
    light->setChecked(true);
    QAction *manual = make(
        QStringLiteral("actionManual"), tr("Fleetplan &Manual"), QKeySequence::HelpContents, [this] { showManual(); });
    if (manual->shortcut().isEmpty())
        manual->setShortcut(QKeySequence(Qt::Key_F1));
    make(QStringLiteral("actionShortcuts"), tr("&Keyboard Shortcuts"), {}, [this] { showShortcuts(); });
    make(QStringLiteral("actionAbout"), tr("&About Fleetplan"), {}, [this] {
        QMessageBox box(QMessageBox::NoIcon, tr("About Fleetplan"), aboutText(), QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("aboutBox"));
        box.setIconPixmap(windowIcon().pixmap(64));
        box.exec();
    })->setMenuRole(QAction::AboutRole);
    make(QStringLiteral("actionAboutQt"), tr("About &Qt"), {}, [this] {
        QMessageBox::aboutQt(this);
    })->setMenuRole(QAction::AboutQtRole);

    QToolBar *serviceBar = m_workloadPage->serviceToolBar();
    serviceBar->addAction(action(QStringLiteral("actionAddService")));
    serviceBar->addAction(action(QStringLiteral("actionDuplicateService")));
    serviceBar->addAction(remove);
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionNew")));
    file->addAction(action(QStringLiteral("actionOpen")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(action(QStringLiteral("actionSave")));
    file->addAction(action(QStringLiteral("actionSaveAs")));
    file->addAction(action(QStringLiteral("actionRevert")));
    file->addSeparator();
    QMenu *import = file->addMenu(tr("&Import"));
    import->addAction(action(QStringLiteral("actionImportKubernetes")));
    import->addAction(action(QStringLiteral("actionImportEcs")));
    import->addAction(action(QStringLiteral("actionImportTerraform")));
    import->addAction(action(QStringLiteral("actionImportCloudFormation")));
    file->addAction(action(QStringLiteral("actionExportReport")));
    file->addAction(action(QStringLiteral("actionPrintPreview")));
    file->addAction(action(QStringLiteral("actionPrint")));
    file->addAction(action(QStringLiteral("actionCompareWithFile")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionClose")));
    file->addAction(action(QStringLiteral("actionQuit")));
    m_documents->fillRecentMenu(m_recentMenu);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("actionUndo")));
    edit->addAction(action(QStringLiteral("actionRedo")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("actionAddService")));
    edit->addAction(action(QStringLiteral("actionDuplicateService")));
    edit->addAction(action(QStringLiteral("actionRemoveServices")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("actionSetBaseline")));
    edit->addAction(action(QStringLiteral("actionClearBaseline")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("actionPreferences")));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 1; i <= m_tabs->count(); ++i)
        m_viewMenu->addAction(action(QStringLiteral("actionTab%1").arg(i)));
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(QStringLiteral("actionThemeLight")));
    m_viewMenu->addAction(action(QStringLiteral("actionThemeDark")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("actionManual")));
    help->addAction(action(QStringLiteral("actionShortcuts")));
    help->addSeparator();
    help->addAction(action(QStringLiteral("actionAbout")));
    help->addAction(action(QStringLiteral("actionAboutQt")));
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1400, 860);
    // Never larger than the screen's free area (a 1440 x 900 screen at 125 % offers about 1150 x 680
    // logical pixels; a saved geometry may come from a bigger monitor).
    if (const QScreen *screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        const QSize fitted = size().boundedTo(available.size() * 0.95).expandedTo(minimumSizeHint());
        if (fitted != size())
            resize(fitted);
        if (!available.contains(frameGeometry()))
            move(available.topLeft() + QPoint((available.width() - width()) / 2, (available.height() - height()) / 2));
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    setTheme(views::themeFromId(
        qEnvironmentVariable("FLEETPLAN_THEME", settings.value(QStringLiteral("preferences/theme")).toString())));
    const int autosave = settings.value(QStringLiteral("preferences/autosaveSeconds"), 30).toInt();
    m_document->setAutosaveDelay(std::max(0, autosave) * 1000);
    m_serviceModel->setMemoryInGib(Preferences::load().memoryInGib);
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("preferences/theme"), views::toId(m_theme));
}

// ---- documents ----------------------------------------------------------------------------------------

void MainWindow::setScenario(const models::Scenario &scenario)
{
    m_document->reset(scenario);
}

const models::Scenario &MainWindow::scenario() const
{
    return m_document->scenario();
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — Fleetplan").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->filePath());
}

bool MainWindow::maybeSave()
{
    return m_documents->maybeSave();
}

bool MainWindow::openFile(const QString &path, bool quiet)
{
    return m_documents->openFile(path, quiet);
}

bool MainWindow::saveFileAs(const QString &path)
{
    return m_documents->saveFileAs(path);
}

int MainWindow::importFiles(const QStringList &paths, bool kubernetes, bool quiet)
{
    return m_documents->importFiles(paths, kubernetes, quiet);
}

int MainWindow::importInfrastructure(const QStringList &paths, bool terraform, bool quiet)
{
    return m_documents->importFiles(paths,
        terraform ? DocumentController::ImportSource::Terraform : DocumentController::ImportSource::CloudFormation,
        quiet);
}

bool MainWindow::reportIsCurrent() const
{
    // A pending (timer) or running request, or a newer request than the report's, means the report on
    // screen was computed for an older scenario or what-if than the one being edited.
    return m_hasReport && !m_simTimer->isActive() && m_runner && m_reportGeneration == m_runner->generation();
}

bool MainWindow::exportReportTo(const QString &path)
{
    return m_documents->exportReportTo(path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    m_document->discardRecoveryFile();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool files
        = !urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); });
    if (files)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // Answer the drag first: the prompts and message boxes below must not run inside it.
    QTimer::singleShot(0, this, [this, paths] { dropFiles(paths); });
}

int MainWindow::dropFiles(const QStringList &paths, bool quiet)
{
    QStringList scenarios;
    std::array<QStringList, 4> imports; // Kubernetes, Ecs, Terraform, CloudFormation
    for (const QString &path : paths) {
        switch (classifyDrop(path)) {
        case DropKind::Scenario:
            scenarios << path;
            break;
        case DropKind::Kubernetes:
            imports[0] << path;
            break;
        case DropKind::Ecs:
            imports[1] << path;
            break;
        case DropKind::Terraform:
            imports[2] << path;
            break;
        case DropKind::CloudFormation:
            imports[3] << path;
            break;
        }
    }
    int taken = 0;
    if (!scenarios.isEmpty()) {
        // One document at a time: the first scenario opens; more are named, not opened.
        if (scenarios.size() > 1)
            statusBar()->showMessage(
                tr("Opened %1 only: one scenario at a time (%n more not opened)", nullptr, int(scenarios.size() - 1))
                    .arg(QFileInfo(scenarios.constFirst()).fileName()),
                10000);
        if ((quiet || maybeSave()) && openFile(scenarios.constFirst(), quiet))
            ++taken;
    }
    using Source = DocumentController::ImportSource;
    const std::array sources { Source::Kubernetes, Source::Ecs, Source::Terraform, Source::CloudFormation };
    for (std::size_t i = 0; i < imports.size(); ++i) {
        if (!imports[i].isEmpty() && m_documents->importFiles(imports[i], sources[i], quiet) > 0)
            taken += int(imports[i].size());
    }
    return taken;
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(Preferences::load(), m_catalog ? m_catalog->regions() : QStringList(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Preferences p = dialog.preferences();
    p.save();
    setTheme(p.theme);
    m_document->setAutosaveDelay(p.autosaveSeconds * 1000);
    m_serviceModel->setMemoryInGib(p.memoryInGib);
    statusBar()->showMessage(tr("Preferences saved"), 4000);
}

// ---- workload editing ---------------------------------------------------------------------------------

// ---- what-if and simulation ---------------------------------------------------------------------------

models::WhatIf MainWindow::currentWhatIf() const
{
    return m_whatIfController->currentWhatIf();
}

void MainWindow::scheduleSimulation()
{
    m_simTimer->start();
}

void MainWindow::simulateNow()
{
    m_simTimer->stop();
    if (!m_runner)
        return;
    m_runner->request(m_document->scenario(), currentWhatIf());
    updateProblems();
    updateSweepInputs();
}

void MainWindow::updateProblems()
{
    const models::Scenario &scenario = m_document->scenario();
    // The checks the runner makes before simulating (and `fleetplan validate` prints), warnings included.
    QList<models::Diagnostic> problems = m_document->readWarnings();
    problems += models::validateScenario(scenario, m_catalog.get());
    problems += models::validateLoadMultiplier(scenario, currentWhatIf().loadMultiplier, tr("load multiplier"));
    if (problems.isEmpty() && m_problems.isEmpty())
        return;
    m_problems = problems;
    m_comparisonPage->setProblems(m_problems, scenario);
    const bool errors = models::hasErrors(m_problems);
    m_tabs->setTabIcon(ComparisonTab,
        m_problems.isEmpty()
            ? QIcon()
            : style()->standardIcon(errors ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
    m_tabs->setTabToolTip(ComparisonTab, m_comparisonPage->banner()->headline());
}

void MainWindow::updateSweepInputs()
{
    models::WhatIf whatIf = currentWhatIf();
    m_costVsLoadPage->setCurrentLoad(whatIf.loadMultiplier);
    whatIf.loadMultiplier = 1.0;
    if (!m_sweepStale && whatIf == m_sweepWhatIf && m_document->scenario() == m_sweepScenario)
        return;
    m_sweepScenario = m_document->scenario();
    m_sweepWhatIf = whatIf;
    m_sweepStale = true;
    m_sweepRunner->cancel(); // a sweep of the old scenario is no longer wanted
    m_costVsLoadPage->setComputing();
    m_sweepTimer->start();
}

void MainWindow::startSweepIfWanted()
{
    if (!m_sweepStale || !m_costVsLoadPage->isVisible())
        return; // computed when the tab is shown
    m_sweepStale = false;
    m_sweepRunner->request(m_sweepScenario, m_sweepWhatIf);
}

void MainWindow::setBusy(bool busy)
{
    if (busy) {
        m_simStatus->setText(tr("Simulating…"));
        m_progressTimer->start();
    } else {
        m_progressTimer->stop();
        m_progress->hide();
    }
}

void MainWindow::applyReport(const models::CostReport &report, qint64 elapsedMs)
{
    if (!m_applyTimer.isValid())
        m_applyTimer.start();
    const qint64 applyStart = m_applyTimer.elapsed();
    m_report = report;
    m_hasReport = true;
    m_comparisonPage->setReport(report);
    m_timelinePage->setReport(report);
    m_explain->setReport(report);
    QStringList names;
    // vCPU requested on average at base load: the heaviest services get their own colours in the Fleet
    // view. A job counts for the share of the day it runs; a daemon once per node of the largest fleet.
    int nodes = 1;
    for (const models::PlatformResult &p : report.platforms)
        nodes = std::max(nodes, p.peakNodes);
    QList<double> weights;
    for (const models::Service &s : m_document->scenario().services) {
        names << s.name;
        double copies = s.replicas;
        if (s.kind == models::ServiceKind::Job)
            copies *= std::min(1.0, double(s.runsPerDay) * s.runSeconds / 86400.0);
        else if (s.kind == models::ServiceKind::Daemon)
            copies = nodes;
        weights << copies * s.effectiveCpu();
    }
    m_fleetPage->setServiceNames(names, weights);
    m_fleetPage->setReport(report);
    if (m_baselines->hasBaseline())
        m_baselines->setCurrent(m_document->scenario(), report);

    // Charts replot queued: the latency is measured once that queued replot has run.
    QTimer::singleShot(0, this, [this, elapsedMs, started = applyStart] {
        const qint64 charts = m_applyTimer.elapsed() - started;
        m_lastLatencyMs = elapsedMs + charts;
        // Say which figure is on screen: the fast first pass while the refined one is computed, or the
        // refined figure `fleetplan compare` prints.
        m_simStatus->setText(tr("Updated in %1 ms (simulation %2 ms, charts %3 ms) · load × %4 · %5 · %6")
                                 .arg(m_lastLatencyMs)
                                 .arg(elapsedMs)
                                 .arg(charts)
                                 .arg(m_whatIf->values().loadMultiplier, 0, 'f', 2)
                                 .arg(views::regionName(m_report.region),
                                     m_reportRefined ? tr("refined packing") : tr("quick estimate, refining…")));
        qCDebug(lcGui) << "change to charts updated:" << m_lastLatencyMs << "ms; simulation" << elapsedMs
                       << "ms, charts" << charts << "ms";
        Q_EMIT reportApplied();
    });
}

QTableView *MainWindow::serviceTable() const
{
    return m_workloadPage->serviceTable();
}

views::LoadProfileEditor *MainWindow::loadProfileEditor() const
{
    return m_workloadPage->profileEditor();
}

QComboBox *MainWindow::loadProfileBox() const
{
    return m_workloadPage->profileBox();
}

views::ComparisonChart *MainWindow::comparisonChart() const
{
    return m_comparisonPage->chart();
}

QTableView *MainWindow::comparisonTable() const
{
    return m_comparisonPage->table();
}

views::TimelineChart *MainWindow::timelineChart() const
{
    return m_timelinePage->chart();
}

views::FleetView *MainWindow::fleetView() const
{
    return m_fleetPage->view();
}

QComboBox *MainWindow::fleetPlatformBox() const
{
    return m_fleetPage->platformBox();
}

QSpinBox *MainWindow::fleetHourBox() const
{
    return m_fleetPage->hourBox();
}

QLabel *MainWindow::comparisonSummary() const
{
    return m_comparisonPage->summary();
}

void MainWindow::updateCatalogLabel()
{
    const QString newest = pricing::pricesAsOf(*m_catalog); // the date Explain, About and the reports print
    const bool withPriceBook = m_catalog != pricing::Catalog::bundled();
    m_catalogDate->setText(tr("Catalog: prices as of %1 · built %2").arg(newest, m_catalog->builtAt().left(10))
        + (withPriceBook ? tr(" · with your price book") : QString()));
    m_catalogDate->setToolTip(withPriceBook
            ? tr("The bundled AWS price catalog with your price book (%1) over it, as fleetplan compare "
                 "and report use it; see the Catalog tab for every dataset and source")
                  .arg(QDir::toNativeSeparators(pricing::PriceBook::defaultPath()))
            : tr("The bundled AWS price catalog; see the Catalog tab for every dataset and source"));
}

void MainWindow::reloadCatalog()
{
    QString error;
    m_catalog = pricing::Catalog::withUserPriceBook(&error);
    m_catalogError = error;
    m_runner->setCatalog(m_catalog);
    m_documents->setCatalog(m_catalog);
    m_sweepRunner->setCatalog(m_catalog);
    m_baselines->setCatalog(m_catalog);
    m_catalogBrowser->setCatalog(m_catalog);
    updateCatalogLabel();
    if (!error.isEmpty())
        statusBar()->showMessage(tr("Your price book was not applied: %1").arg(error), 15000);
    m_sweepStale = true; // the curve was priced with the old book
    scheduleSimulation();
}

void MainWindow::setBaselineFromCurrent()
{
    const QString label = tr("the baseline of %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    // The figures on screen serve when they are the refined ones of exactly this scenario and what-if.
    const bool onScreen = reportIsCurrent() && m_reportRefined;
    m_baselines->setFromCurrent(m_document->scenario(), currentWhatIf(), onScreen ? &m_report : nullptr, label);
    if (m_hasReport)
        m_baselines->setCurrent(m_document->scenario(), m_report);
    statusBar()->showMessage(tr("Later edits are compared with %1").arg(label), 6000);
}

bool MainWindow::compareWithFile(const QString &path, bool quiet)
{
    QString error;
    if (!m_baselines->setFromFile(path, currentWhatIf(), &error)) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot compare"),
                tr("%1 cannot be used as a baseline:\n%2").arg(QDir::toNativeSeparators(path), error));
        statusBar()->showMessage(tr("Not compared: %1").arg(error.section(u'\n', 0, 0)), 15000);
        return false;
    }
    if (m_hasReport)
        m_baselines->setCurrent(m_document->scenario(), m_report);
    return true;
}

QString MainWindow::aboutText() const
{
    const bool withPriceBook = m_catalog != pricing::Catalog::bundled();
    return tr("<p><b>Fleetplan %1</b></p><p>Plans the cost and capacity of container fleets on AWS: "
              "ECS on EC2, ECS Fargate, ECS Fargate Spot, EKS managed nodes and EKS Fargate.</p>"
              "<p>Price catalog: prices as of %2 (catalog built %3)%4. The Catalog tab names the "
              "publisher and date of every rate.</p>"
              "<p>Built with Qt %5 (running on Qt %6). Charts by QCustomPlot.</p>"
              "<p>Licence: GNU General Public License, version 3 or later.</p>")
        .arg(QStringLiteral(FLEETPLAN_VERSION), pricing::pricesAsOf(*m_catalog).toHtmlEscaped(),
            m_catalog->builtAt().left(10).toHtmlEscaped(), withPriceBook ? tr(", with your price book") : QString(),
            QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()));
}

void MainWindow::showManual(const QString &page)
{
    if (!m_help)
        m_help = new views::HelpBrowser(this);
    m_help->showPage(page);
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
}

void MainWindow::showShortcuts()
{
    QList<QMenu *> menus;
    for (QAction *a : menuBar()->actions()) {
        if (a->menu())
            menus << a->menu();
    }
    views::ShortcutList list(menus, this);
    list.setObjectName(QStringLiteral("shortcutList"));
    list.exec();
}

void MainWindow::showExplain(models::PlatformId id)
{
    m_explain->setPlatform(id);
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("explainDock"))) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::setTheme(views::ThemeMode mode)
{
    m_theme = mode;
    views::applyTheme(mode);
    const views::ChartTheme chart
        = mode == views::ThemeMode::Dark ? views::ChartTheme::dark() : views::ChartTheme::light();
    m_comparisonPage->setTheme(chart);
    m_timelinePage->setTheme(chart);
    m_costVsLoadPage->setTheme(chart);
    if (QAction *a = action(
            mode == views::ThemeMode::Dark ? QStringLiteral("actionThemeDark") : QStringLiteral("actionThemeLight")))
        a->setChecked(true);
}

// ---- screenshots --------------------------------------------------------------------------------------

QStringList MainWindow::saveScreenshots(const QString &dir, const QString &suffix)
{
    QDir().mkpath(dir);
    QStringList files;
    const std::array names { QStringLiteral("workload"), QStringLiteral("comparison"), QStringLiteral("timeline"),
        QStringLiteral("fleet"), QStringLiteral("catalog"), QStringLiteral("cost-vs-load"),
        QStringLiteral("price-book") };
    const int current = m_tabs->currentIndex();
    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabs->setCurrentIndex(i);
        if (i == FleetTab && m_hasReport)
            m_fleetPage->setHour(14); // mid-afternoon: the diurnal peak of the sample
        QApplication::processEvents();
        if (i == CostVsLoadTab) {
            // The sweep starts when the tab is shown: wait (a minute at most) for the whole curve of its fast
            // pass (under a second for the sample; the refined pass takes tens of seconds on one thread).
            QDeadlineTimer deadline(60000);
            // The tornado follows the fast curve (a second or two for the sample).
            while (!(m_costVsLoadPage->hasSweep() && m_costVsLoadPage->stage() != views::CostVsLoadPage::Stage::Coarse
                       && m_costVsLoadPage->hasSensitivity())
                && !deadline.hasExpired()) {
                QApplication::processEvents(QEventLoop::AllEvents, 50);
                QThread::msleep(20);
            }
            m_costVsLoadPage->chart()->replot();
            m_costVsLoadPage->sensitivityChart()->replot();
        }
        m_comparisonPage->chart()->replot();
        m_timelinePage->chart()->replot();
        QApplication::processEvents();
        const QString path = QDir(dir).filePath(names[i] + suffix + QStringLiteral(".png"));
        if (grab().save(path))
            files << path;
    }
    m_tabs->setCurrentIndex(current);
    return files;
}

} // namespace fleetplan::app
