// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QMainWindow>

#include "models/diagnostic.h"
#include "models/workload/scenario.h"
#include "models/simulation/costreport.h"
#include "views/theme.h"
#include "views/whatifpanel.h"

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;
class QUndoGroup;
class QUndoView;

namespace fleetplan::pricing {
class Catalog;
}

namespace fleetplan::models {
class Document;
class ServiceTableModel;
} // namespace fleetplan::models

namespace fleetplan::views {
class CatalogBrowser;
class ComparisonChart;
class ComparisonTableModel;
class ComparisonPage;
class CostVsLoadPage;
class PriceBookPage;
class FleetPage;
class TimelinePage;
class ExplainPanel;
class FleetView;
class HelpBrowser;
class LoadProfileEditor;
class ScenarioSettingsPanel;
class ServiceDelegate;
class TimelineChart;
class WorkloadPage;
} // namespace fleetplan::views

namespace fleetplan::app {

class BaselineController;
class DocumentController;
class PriceBookController;
class LoadSweepRunner;
class SimulationRunner;
class WhatIfController;

/// The application's main window: the workload editor, the comparison, timeline and fleet views, the
/// catalog browser, and the what-if, explain and history docks, around one Document. Every change of
/// the document or the what-if sliders re-simulates in the background (SimulationRunner); the newest
/// report reaches every chart.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab { WorkloadTab, ComparisonTab, TimelineTab, FleetTab, CatalogTab, CostVsLoadTab, PriceBookTab };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows this scenario as a new, unmodified, untitled document.
    void setScenario(const models::Scenario &scenario);
    const models::Scenario &scenario() const;
    models::Document *document() const { return m_document; }

    /// Opens a scenario file (no unsaved-changes prompt); shows errors in a message box unless `quiet`.
    bool openFile(const QString &path, bool quiet = false);
    /// Saves to `path` and makes it the document's file.
    bool saveFileAs(const QString &path);
    /// Imports Kubernetes manifests or ECS task definitions as one undoable step; returns the services
    /// landed. Problems are shown in a message box unless `quiet`.
    int importFiles(const QStringList &paths, bool kubernetes, bool quiet = false);
    /// The same for infrastructure code: a Terraform plan or state (`terraform`), else CloudFormation / CDK
    /// templates; their node groups set the EKS on EC2 settings in the same undoable step.
    int importInfrastructure(const QStringList &paths, bool terraform, bool quiet = false);
    /// Writes the newest report to `path` (format from the suffix: .pdf .html .md .csv .json).
    bool exportReportTo(const QString &path);
    /// Whether report() answers the scenario and what-if on screen (no newer simulation pending).
    bool reportIsCurrent() const;
    /// Whether report() is the refined pass (what `fleetplan compare` prints), not the fast first one.
    bool reportIsRefined() const { return m_hasReport && m_reportRefined; }
    /// Asks what to do with unsaved changes (Save / Discard / Cancel); true when it is safe to go on.
    bool maybeSave();

    /// The what-if values the simulation uses now (transient load and peak, plus the scenario's own).
    models::WhatIf currentWhatIf() const;
    /// The scenario's problems now (validation at the current what-if, and the warnings of reading its
    /// file): what the Comparison tab's banner lists and what makes exports refuse.
    const QList<models::Diagnostic> &problems() const { return m_problems; }
    views::ComparisonPage *comparisonPage() const { return m_comparisonPage; }
    /// The newest report shown (empty before the first simulation finished).
    const models::CostReport &report() const { return m_report; }
    bool hasReport() const { return m_hasReport; }
    /// Milliseconds from the newest change to its charts being updated.
    qint64 lastLatencyMs() const { return m_lastLatencyMs; }
    SimulationRunner *runner() const { return m_runner; }
    LoadSweepRunner *sweepRunner() const { return m_sweepRunner; }
    views::CostVsLoadPage *costVsLoadPage() const { return m_costVsLoadPage; }
    /// New, Open, Save, recent files, import and export of the window's document.
    DocumentController *documents() const { return m_documents; }
    /// The baseline the comparison and explain views compare with ("Set as baseline", "Compare with file…").
    BaselineController *baselines() const { return m_baselines; }
    /// The Price book tab's edits and imports (its own undo stack; Edit → Undo acts on it while it is shown).
    PriceBookController *priceBook() const { return m_priceBook; }
    views::PriceBookPage *priceBookPage() const { return m_priceBookPage; }
    /// Reloads the bundled catalog with the user's price book and re-simulates (after a price-book edit).
    void reloadCatalog();
    /// The status bar's catalog date and whether the user's price book is applied.
    void updateCatalogLabel();
    /// Files dropped on the window (or given here): a scenario opens (after the unsaved-changes prompt);
    /// Kubernetes manifests, ECS task definitions, Terraform plans/states and CloudFormation templates are
    /// imported, each kind recognised from its suffix and first bytes. Returns the files taken.
    int dropFiles(const QStringList &paths, bool quiet = false);
    /// Edit → Preferences…: theme, recovery autosave, PDF page size.
    void showPreferences();
    /// Makes the scenario and figures on screen the baseline (Edit → Set as Baseline).
    void setBaselineFromCurrent();
    /// Compares with a scenario file (File → Compare with File…); shows errors unless `quiet`.
    bool compareWithFile(const QString &path, bool quiet = false);
    /// The catalog the window prices with (bundled + the user's price book, as the CLI).
    const std::shared_ptr<const pricing::Catalog> &catalog() const { return m_catalog; }

    /// Help → Fleetplan Manual (F1): the bundled manual at `page` ("reports.html"; the contents when empty).
    void showManual(const QString &page = {});
    /// The manual's window (nullptr before it was first shown).
    views::HelpBrowser *helpBrowser() const { return m_help; }
    /// Help → Keyboard Shortcuts: every key of the menus, with a filter.
    void showShortcuts();
    /// What Help → About says: version, the catalog's "prices as of" date and build date, Qt, licence.
    QString aboutText() const;

    void setTheme(views::ThemeMode mode);
    views::ThemeMode theme() const { return m_theme; }

    /// Grabs each tab (and the docks around it) into `dir` as <name><suffix>.png; returns the files.
    QStringList saveScreenshots(const QString &dir, const QString &suffix = {});

    QTabWidget *tabs() const { return m_tabs; }
    QTableView *serviceTable() const;
    models::ServiceTableModel *serviceModel() const { return m_serviceModel; }
    views::WhatIfPanel *whatIfPanel() const { return m_whatIf; }
    views::ComparisonChart *comparisonChart() const;
    QTableView *comparisonTable() const;
    views::TimelineChart *timelineChart() const;
    views::FleetView *fleetView() const;
    QComboBox *fleetPlatformBox() const;
    QSpinBox *fleetHourBox() const;
    views::ExplainPanel *explainPanel() const { return m_explain; }
    views::CatalogBrowser *catalogBrowser() const { return m_catalogBrowser; }
    views::LoadProfileEditor *loadProfileEditor() const;
    QComboBox *loadProfileBox() const;
    views::WorkloadPage *workloadPage() const { return m_workloadPage; }
    WhatIfController *whatIfController() const { return m_whatIfController; }
    QLabel *comparisonSummary() const;
    QLabel *catalogDateLabel() const { return m_catalogDate; }
    QAction *action(const QString &objectName) const;

Q_SIGNALS:
    /// A simulation result reached the charts.
    void reportApplied();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void readSettings();
    void writeSettings() const;

    void updateTitle();

    void scheduleSimulation();
    void simulateNow();
    void applyReport(const models::CostReport &report, qint64 elapsedMs);
    /// The Cost vs load tab: re-sweeps (debounced, only while the tab is shown) when the scenario or a
    /// what-if other than the load changed; the load itself only moves the tab's vertical line.
    void updateSweepInputs();
    void startSweepIfWanted();
    void showExplain(models::PlatformId id);
    /// Re-validates the scenario at the current what-if and shows the problems on the Comparison tab.
    void updateProblems();
    void setBusy(bool busy);

    /// Why the user's price book could not be applied (empty when it was); declared before m_catalog,
    /// whose initialiser writes it.
    QString m_catalogError;
    /// The catalog the window prices with: the bundled one with the user's price book over it, the same
    /// one `fleetplan compare` and `report` use (Catalog::withUserPriceBook()).
    std::shared_ptr<const pricing::Catalog> m_catalog;
    models::Document *m_document = nullptr;
    models::ServiceTableModel *m_serviceModel = nullptr;
    SimulationRunner *m_runner = nullptr;
    WhatIfController *m_whatIfController = nullptr;
    DocumentController *m_documents = nullptr;
    BaselineController *m_baselines = nullptr;
    PriceBookController *m_priceBook = nullptr;
    views::PriceBookPage *m_priceBookPage = nullptr;
    QUndoGroup *m_undoGroup = nullptr;

    QTabWidget *m_tabs = nullptr;
    views::WorkloadPage *m_workloadPage = nullptr;
    views::ComparisonPage *m_comparisonPage = nullptr;
    views::TimelinePage *m_timelinePage = nullptr;
    views::FleetPage *m_fleetPage = nullptr;
    views::CostVsLoadPage *m_costVsLoadPage = nullptr;
    LoadSweepRunner *m_sweepRunner = nullptr;
    QTimer *m_sweepTimer = nullptr; ///< debounces re-sweeps while a what-if slider moves
    models::Scenario m_sweepScenario; ///< what the newest sweep request (or the stale one) is about
    models::WhatIf m_sweepWhatIf; ///< its what-if, load reset to 1 (the load only moves the line)
    bool m_sweepStale = true; ///< the inputs changed since the last sweep request
    views::CatalogBrowser *m_catalogBrowser = nullptr;
    views::WhatIfPanel *m_whatIf = nullptr;
    views::ExplainPanel *m_explain = nullptr;
    QUndoView *m_undoView = nullptr;
    views::HelpBrowser *m_help = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLabel *m_catalogDate = nullptr;
    QLabel *m_simStatus = nullptr;
    QProgressBar *m_progress = nullptr;
    QTimer *m_simTimer = nullptr;
    QTimer *m_progressTimer = nullptr;

    QList<models::Diagnostic> m_problems;
    models::CostReport m_report;
    bool m_hasReport = false;
    quint64 m_reportGeneration = 0; ///< the runner generation m_report answers
    bool m_reportRefined = false; ///< m_report is the refined pass (else the fast first pass)
    QElapsedTimer m_applyTimer;
    qint64 m_lastLatencyMs = 0;
    views::ThemeMode m_theme = views::ThemeMode::Light;
};

} // namespace fleetplan::app
