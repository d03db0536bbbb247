// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QObject>
#include <QString>
#include <QStringList>

#include "models/diagnostic.h"
#include "models/import/importresult.h"
#include "models/simulation/costreport.h"
#include "app/report/reportwriter.h"
#include "models/workload/scenario.h"

class QMenu;
class QPrinter;
class QWidget;

namespace fleetplan::pricing {
class Catalog;
}

namespace fleetplan::models {
class Document;
}

namespace fleetplan::app {

class RecentFiles;

/// The document lifecycle of the main window: New, Open, Save, Save As, the recent-files menu, import
/// of Kubernetes manifests and ECS task definitions, and report export — every step that asks the user
/// a question or shows a file dialog, around one models::Document. The window owns the widgets; this
/// owns the decisions (as Tiled's DocumentManager does for its editors). Status texts go out through
/// statusMessage(); errors are shown in message boxes parented to `dialogParent` unless a call says quiet.
class DocumentController : public QObject
{
    Q_OBJECT

public:
    /// `currentReport` returns the report that describes the document as it is now (the window runs a
    /// simulation first when the one on screen is stale).
    DocumentController(models::Document *document, std::shared_ptr<const pricing::Catalog> catalog,
        QWidget *dialogParent, QObject *parent = nullptr);

    models::Document *document() const { return m_document; }
    RecentFiles *recentFiles() const { return m_recent; }
    void setCurrentReport(std::function<std::optional<models::CostReport>()> currentReport);
    /// `currentProblems` returns the document's validation problems now: an export of a scenario with
    /// errors is refused (as `fleetplan report` refuses it), with the problems listed.
    void setCurrentProblems(std::function<QList<models::Diagnostic>()> currentProblems);
    /// The window's baseline, if any: exported reports get an "Against the baseline" section.
    void setCurrentBaseline(std::function<std::optional<ReportBaseline>()> currentBaseline);
    /// The catalog reports list and price with (after the price book was edited in the window).
    void setCatalog(std::shared_ptr<const pricing::Catalog> catalog) { m_catalog = std::move(catalog); }

    /// Asks what to do with unsaved changes (Save / Discard / Cancel); true when it is safe to go on.
    bool maybeSave();
    /// A new untitled scenario with one service (after maybeSave()).
    void newDocument();
    /// File → Close (as KWrite's): after maybeSave(), the window keeps running on an empty, untitled scenario.
    bool closeDocument();
    /// File → Revert: discards every edit since the last save and reloads the file, after asking (unless
    /// `quiet`). False when there is no file, nothing to revert, or the user declined.
    bool revert(bool quiet = false);
    /// The Open dialog, then openFile().
    void openDocument();
    /// Opens a scenario file (no unsaved-changes prompt); errors in a message box unless `quiet`.
    bool openFile(const QString &path, bool quiet = false);
    /// Saves to the document's file, or asks for one.
    bool save();
    /// The Save As dialog, then saveFileAs().
    bool saveAs();
    bool saveFileAs(const QString &path);
    /// What File → Import reads.
    enum class ImportSource { Kubernetes, Ecs, Terraform, CloudFormation };
    /// The import dialog (with the source's file filters), then importFiles().
    void importWorkload(ImportSource source);
    /// Reads the files and shows the import preview (views::ImportPreviewDialog): what would be imported,
    /// skipped kinds, errors and warnings in full; then lands the services where the user chose — a new
    /// scenario, merged into the current one, or replacing its services — as one undoable step. With
    /// `quiet` there is no preview: the services are merged (scripts and tests). Returns the services landed.
    int importFiles(const QStringList &paths, ImportSource source, bool quiet = false);
    int importFiles(const QStringList &paths, bool kubernetes, bool quiet = false)
    {
        return importFiles(paths, kubernetes ? ImportSource::Kubernetes : ImportSource::Ecs, quiet);
    }
    /// Where imported services go.
    enum class ImportTarget { NewScenario, Merge, Replace };
    /// Lands `services` (one undoable step, with the EKS-nodes settings and Spot share the node groups of
    /// infrastructure code give, models::applyNodeGroups); NewScenario asks about unsaved changes first.
    /// Returns the services landed (0 when the user cancelled).
    int landImport(const QList<models::Service> &services, ImportTarget target,
        const QList<models::ImportedNodeGroup> &nodeGroups = {});
    /// Where the export dialog starts: "<scenario name>-report.pdf" beside the scenario's file (or in the home
    /// folder when unsaved).
    QString defaultReportPath() const;
    /// The export dialog, then exportReportTo().
    void exportReport();
    /// Writes the current report (format from the suffix: .pdf .html .md .csv .json).
    bool exportReportTo(const QString &path);
    /// File → Print… (Ctrl+P): the print dialog, then the PDF report's pages on the chosen printer, on the
    /// paper size of Edit → Preferences… unless the dialog changes it. Refused, as the export, while the
    /// scenario has errors.
    void print();
    /// File → Print Preview… (Ctrl+Shift+P): the same pages in a QPrintPreviewDialog.
    void printPreview();
    /// Prints the current report's pages on `printer` (what print() and the preview call); the pages
    /// printed, or nullopt when the scenario has errors, there is no report yet or printing failed.
    std::optional<int> printReportOn(QPrinter *printer);
    /// Rebuilds `menu` from the recent-files list (numbered entries, then "Clear list").
    void fillRecentMenu(QMenu *menu);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    /// Export started / finished (the window shows its busy indicator meanwhile).
    void busy(bool busy);

private:
    /// True (after showing why) when the scenario has errors and no report may leave the window.
    bool refuseInvalidReport(bool print);
    ReportOptions reportOptions() const;
    void preparePrinter(QPrinter *printer) const;

    models::Document *m_document;
    std::shared_ptr<const pricing::Catalog> m_catalog;
    QWidget *m_dialogParent;
    RecentFiles *m_recent;
    std::function<std::optional<models::CostReport>()> m_currentReport;
    std::function<QList<models::Diagnostic>()> m_currentProblems;
    std::function<std::optional<ReportBaseline>()> m_currentBaseline;
    /// The scenario File → New starts from; with `withService`, its one "web" service.
    static models::Scenario blankScenario(bool withService);
};

} // namespace fleetplan::app
