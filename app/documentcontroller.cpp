// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/documentcontroller.h"

#include <algorithm>

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QUndoStack>

#include "app/cli/diffrun.h"
#include "app/cli/pricingsetup.h"
#include "app/preferencesdialog.h"
#include "app/recentfiles.h"
#include "app/report/reportwriter.h"
#include "models/workload/commands.h"
#include "models/workload/document.h"
#include "models/import/ecsimporter.h"
#include "models/import/cloudformationimporter.h"
#include "models/import/kubernetesimporter.h"
#include "models/import/terraformimporter.h"
#include "models/workload/loadprofilepresets.h"
#include "views/importpreviewdialog.h"
#include "views/validationbanner.h"
#include "pricing/catalog.h"
#include "pricing/pricebook.h"

namespace fleetplan::app {

namespace {
const QString ScenarioFilter = QStringLiteral("Fleetplan scenarios (*.fleetplan *.json);;All files (*)");
}

DocumentController::DocumentController(
    models::Document *document, std::shared_ptr<const pricing::Catalog> catalog, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_catalog(std::move(catalog))
    , m_dialogParent(dialogParent)
    , m_recent(new RecentFiles(this))
{
}

void DocumentController::setCurrentReport(std::function<std::optional<models::CostReport>()> currentReport)
{
    m_currentReport = std::move(currentReport);
}

void DocumentController::setCurrentProblems(std::function<QList<models::Diagnostic>()> currentProblems)
{
    m_currentProblems = std::move(currentProblems);
}

void DocumentController::setCurrentBaseline(std::function<std::optional<ReportBaseline>()> currentBaseline)
{
    m_currentBaseline = std::move(currentBaseline);
}

bool DocumentController::maybeSave()
{
    if (!m_document->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
        tr("“%1” has unsaved changes.").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_dialogParent);
    box.setObjectName(QStringLiteral("unsavedChangesPrompt"));
    box.setInformativeText(tr("Save them before going on?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

models::Scenario DocumentController::blankScenario(bool withService)
{
    models::Scenario blank;
    // Edit → Preferences…: the region and the month a new scenario starts with.
    const Preferences preferences = Preferences::load();
    blank.region = preferences.defaultRegion;
    blank.periodHours = preferences.hoursPerMonth;
    blank.loadProfiles = { models::makeLoadProfile(models::LoadProfilePreset::Flat) };
    if (withService) {
        models::Service web;
        web.name = QStringLiteral("web");
        web.replicas = 2;
        web.loadProfile = blank.loadProfiles.constFirst().name;
        blank.services = { web };
    }
    return blank;
}

void DocumentController::newDocument()
{
    if (!maybeSave())
        return;
    m_document->discardRecoveryFile();
    m_document->reset(blankScenario(true));
}

bool DocumentController::closeDocument()
{
    if (!maybeSave())
        return false;
    m_document->discardRecoveryFile();
    m_document->reset(blankScenario(false));
    Q_EMIT statusMessage(tr("Closed"), 3000);
    return true;
}

bool DocumentController::revert(bool quiet)
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || !m_document->isModified())
        return false;
    if (!quiet) {
        QMessageBox box(QMessageBox::Warning, tr("Revert"),
            tr("Discard your changes to “%1” and reload it from disk?").arg(m_document->displayName()),
            QMessageBox::Discard | QMessageBox::Cancel, m_dialogParent);
        box.setObjectName(QStringLiteral("revertPrompt"));
        box.setInformativeText(tr("The changes cannot be undone afterwards."));
        box.button(QMessageBox::Discard)->setText(tr("&Revert"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Discard)
            return false;
    }
    return openFile(path, quiet);
}

void DocumentController::openDocument()
{
    if (!maybeSave())
        return;
    const QString dir
        = m_document->filePath().isEmpty() ? QDir::homePath() : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open scenario"), dir, ScenarioFilter);
    if (!path.isEmpty())
        openFile(path);
}

bool DocumentController::openFile(const QString &path, bool quiet)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QList<models::Diagnostic> diagnostics;
    m_document->discardRecoveryFile();
    const bool ok = m_document->open(path, &diagnostics);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        QStringList lines;
        for (const models::Diagnostic &d : diagnostics)
            lines << d.toString();
        if (!quiet)
            QMessageBox::critical(m_dialogParent, tr("Cannot open scenario"),
                tr("%1\n\n%2").arg(QDir::toNativeSeparators(path), lines.join(u'\n')));
        m_recent->remove(path);
        return false;
    }
    m_recent->add(path);
    Q_EMIT statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool DocumentController::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!m_document->save(&error)) {
        QMessageBox::critical(m_dialogParent, tr("Cannot save"), error);
        return false;
    }
    m_recent->add(m_document->filePath());
    Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())), 4000);
    return true;
}

namespace {

/// A file name from the scenario's title: "Sample: online shop" gives "Sample-online-shop"; "fleetplan"
/// when the title leaves nothing.
QString fileBaseOf(const QString &scenarioName)
{
    QString base = scenarioName.simplified().replace(u' ', u'-').remove(u':').remove(u'/');
    return base.isEmpty() ? QStringLiteral("fleetplan") : base;
}

} // namespace

bool DocumentController::saveAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty())
        suggested = QDir::home().filePath(fileBaseOf(m_document->scenario().name) + QStringLiteral(".fleetplan"));
    const QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Save scenario"), suggested, ScenarioFilter);
    if (path.isEmpty())
        return false;
    return saveFileAs(path);
}

bool DocumentController::saveFileAs(const QString &path)
{
    QString error;
    if (!m_document->saveAs(path, &error)) {
        QMessageBox::critical(m_dialogParent, tr("Cannot save"), error);
        return false;
    }
    m_recent->add(path);
    Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void DocumentController::fillRecentMenu(QMenu *menu)
{
    menu->clear();
    const QStringList files = m_recent->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        QAction *a = menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    if (!files.isEmpty())
        menu->addSeparator();
    QAction *clear = menu->addAction(tr("&Clear list"), m_recent, &RecentFiles::clear);
    clear->setEnabled(!files.isEmpty());
}

namespace {

QString importTitle(DocumentController::ImportSource source)
{
    switch (source) {
    case DocumentController::ImportSource::Kubernetes:
        return DocumentController::tr("Import Kubernetes manifests");
    case DocumentController::ImportSource::Ecs:
        return DocumentController::tr("Import ECS task definitions");
    case DocumentController::ImportSource::Terraform:
        return DocumentController::tr("Import Terraform plan or state");
    case DocumentController::ImportSource::CloudFormation:
        return DocumentController::tr("Import CloudFormation template");
    }
    return {};
}

} // namespace

void DocumentController::importWorkload(ImportSource source)
{
    QString filters;
    switch (source) {
    case ImportSource::Kubernetes:
        filters = tr("Kubernetes manifests (*.yaml *.yml *.json);;All files (*)");
        break;
    case ImportSource::Ecs:
        filters = tr("ECS task definitions and services (*.json);;All files (*)");
        break;
    case ImportSource::Terraform:
        filters = tr("Terraform JSON (terraform show -json) (*.json);;All files (*)");
        break;
    case ImportSource::CloudFormation:
        filters
            = tr("CloudFormation and CDK templates (*.template.json *.json *.yaml *.yml *.template);;All files (*)");
        break;
    }
    const QStringList paths
        = QFileDialog::getOpenFileNames(m_dialogParent, importTitle(source), QDir::homePath(), filters);
    if (!paths.isEmpty())
        importFiles(paths, source);
}

int DocumentController::importFiles(const QStringList &paths, ImportSource source, bool quiet)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    models::ImportResult result;
    switch (source) {
    case ImportSource::Kubernetes:
        result = models::importKubernetesPaths(paths);
        break;
    case ImportSource::Ecs:
        result = models::importEcsPaths(paths);
        break;
    case ImportSource::Terraform:
        result = models::importTerraformPaths(paths);
        break;
    case ImportSource::CloudFormation:
        result = models::importCloudFormationPaths(paths);
        break;
    }
    QApplication::restoreOverrideCursor();
    if (quiet) {
        const int landed
            = result.services.isEmpty() ? 0 : landImport(result.services, ImportTarget::Merge, result.nodeGroups);
        Q_EMIT statusMessage(result.summary().section(u'\n', 0, 0), 6000);
        return landed;
    }
    // Nothing changes before the user has seen what would come in, and where it would go.
    views::ImportPreviewDialog preview(result, m_dialogParent);
    preview.setWindowTitle(importTitle(source));
    if (preview.exec() != QDialog::Accepted || preview.choice() == views::ImportPreviewDialog::Choice::Cancel) {
        Q_EMIT statusMessage(tr("Import cancelled"), 3000);
        return 0;
    }
    const ImportTarget target = preview.choice() == views::ImportPreviewDialog::Choice::NewScenario
        ? ImportTarget::NewScenario
        : (preview.choice() == views::ImportPreviewDialog::Choice::Replace ? ImportTarget::Replace
                                                                           : ImportTarget::Merge);
    const int landed = landImport(result.services, target, result.nodeGroups);
    if (landed > 0)
        Q_EMIT statusMessage(landed == 1 ? tr("Imported 1 service") : tr("Imported %1 services").arg(landed), 6000);
    return landed;
}

int DocumentController::landImport(
    const QList<models::Service> &services, ImportTarget target, const QList<models::ImportedNodeGroup> &nodeGroups)
{
    if (services.isEmpty())
        return 0;
    if (target == ImportTarget::NewScenario) {
        if (!maybeSave())
            return 0;
        m_document->discardRecoveryFile();
        m_document->reset(blankScenario(false));
    }
    const int n = int(services.size());
    const QString text = target == ImportTarget::Replace
        ? (n == 1 ? tr("Replace services with 1 imported service")
                  : tr("Replace services with %1 imported services").arg(n))
        : (n == 1 ? tr("Import 1 service") : tr("Import %1 services").arg(n));
    // One undoable step, whatever the number of services, with the node groups' platform settings.
    auto *step = nodeGroups.isEmpty() ? nullptr : new QUndoCommand(text);
    auto *command = new models::ImportServicesCommand(m_document, services, {},
        target == ImportTarget::Replace ? models::ImportServicesCommand::Mode::Replace
                                        : models::ImportServicesCommand::Mode::Append,
        text, step);
    if (step) {
        models::Scenario changed = m_document->scenario();
        models::applyNodeGroups(nodeGroups, changed);
        new models::SetPlatformSettingsCommand(
            m_document, models::PlatformId::EksNodes, changed.platform(models::PlatformId::EksNodes), 0, step);
        if (!(changed.purchase == m_document->scenario().purchase))
            new models::SetPurchaseOptionsCommand(m_document, changed.purchase, 0, step);
    }
    m_document->undoStack()->push(step ? step : command);
    return n;
}

QString DocumentController::defaultReportPath() const
{
    // Named after the scenario ("Shop Q3" → Shop-Q3-report.pdf), beside its file when it has one; a scenario
    // without a name takes its file's name.
    const QString file = m_document->filePath();
    const QString folder = file.isEmpty() ? QDir::homePath() : QFileInfo(file).absolutePath();
    const QString name = m_document->scenario().name.trimmed();
    const QString base = !name.isEmpty() || file.isEmpty() ? fileBaseOf(name) : QFileInfo(file).completeBaseName();
    return QDir(folder).filePath(base + QStringLiteral("-report.pdf"));
}

void DocumentController::exportReport()
{
    const QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Export report"), defaultReportPath(),
        tr("PDF (*.pdf);;HTML (*.html);;Markdown (*.md);;CSV (*.csv);;JSON (*.json)"));
    if (!path.isEmpty())
        exportReportTo(path);
}

bool DocumentController::refuseInvalidReport(bool print)
{
    // A report leaves the application and is read without the banner beside it: figures of a scenario
    // that fails validation are never exported or printed (the CLI's `report` refuses the same file).
    const QList<models::Diagnostic> problems = m_currentProblems ? m_currentProblems() : QList<models::Diagnostic>();
    if (models::hasErrors(problems)) {
        views::ValidationBanner banner;
        banner.setProblems(problems, m_document->scenario());
        QMessageBox box(QMessageBox::Warning, print ? tr("Cannot print report") : tr("Cannot export report"),
            banner.headline(), QMessageBox::Ok, m_dialogParent);
        box.setObjectName(print ? QStringLiteral("printRefusedPrompt") : QStringLiteral("exportRefusedPrompt"));
        QStringList errors;
        for (const models::Diagnostic &d : problems) {
            if (d.isError())
                errors << views::ValidationBanner::describe(d, m_document->scenario());
        }
        const int shown = std::min<int>(int(errors.size()), views::ValidationBanner::MaxListed);
        QString informative = (print ? tr("Fix these problems on the Workload tab, then print again:")
                                     : tr("Fix these problems on the Workload tab, then export again:"))
            + u'\n' + QStringList(errors.mid(0, shown)).join(u'\n');
        if (errors.size() > shown)
            informative += u'\n' + tr("… and %1 more").arg(errors.size() - shown);
        box.setInformativeText(informative);
        box.setDetailedText(banner.problemLines().join(u'\n'));
        Q_EMIT statusMessage((print ? tr("Not printed: %1") : tr("Not exported: %1")).arg(banner.headline()), 6000);
        box.exec();
        return true;
    }
    return false;
}

ReportOptions DocumentController::reportOptions() const
{
    ReportOptions options;
    options.catalog = m_catalog;
    options.pageSize = Preferences::load().pageSize; // Edit → Preferences…: A4 or Letter
    if (m_currentBaseline)
        options.baseline = m_currentBaseline();
    return options;
}

std::optional<int> DocumentController::printReportOn(QPrinter *printer)
{
    if (refuseInvalidReport(true))
        return std::nullopt;
    const std::optional<models::CostReport> report = m_currentReport ? m_currentReport() : std::nullopt;
    if (!report) {
        Q_EMIT statusMessage(tr("No simulation result yet"), 3000);
        return std::nullopt;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const std::optional<int> pages = printReport(*report, m_document->scenario(), printer, reportOptions(), &error);
    QApplication::restoreOverrideCursor();
    if (!pages) {
        Q_EMIT statusMessage(tr("Not printed: %1").arg(error), 8000);
        return std::nullopt;
    }
    return pages;
}

void DocumentController::preparePrinter(QPrinter *printer) const
{
    printer->setPageSize(QPageSize(Preferences::load().pageSize));
    printer->setDocName(m_document->displayName());
}

void DocumentController::print()
{
    if (refuseInvalidReport(true))
        return;
    QPrinter printer(QPrinter::HighResolution);
    preparePrinter(&printer);
    QPrintDialog dialog(&printer, m_dialogParent);
    dialog.setObjectName(QStringLiteral("printDialog"));
    dialog.setWindowTitle(tr("Print report"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const std::optional<int> pages = printReportOn(&printer))
        Q_EMIT statusMessage(tr("Printed %n page(s)", nullptr, *pages), 6000);
}

void DocumentController::printPreview()
{
    if (refuseInvalidReport(true))
        return;
    QPrinter printer(QPrinter::HighResolution);
    preparePrinter(&printer);
    QPrintPreviewDialog dialog(&printer, m_dialogParent);
    dialog.setObjectName(QStringLiteral("printPreviewDialog"));
    dialog.setWindowTitle(tr("Print preview — %1").arg(m_document->displayName()));
    // 96 dpi is asked for inside the handler as well: the preview's page setup may replace the printer's.
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *p) { printReportOn(p); });
    dialog.exec();
}

bool DocumentController::exportReportTo(const QString &path)
{
    if (refuseInvalidReport(false))
        return false;
    const std::optional<models::CostReport> report = m_currentReport ? m_currentReport() : std::nullopt;
    if (!report) {
        Q_EMIT statusMessage(tr("No simulation result yet"), 3000);
        return false;
    }
    // Rendering (PDF charts) runs on the GUI thread: show the busy indicator before it starts.
    Q_EMIT busy(true);
    Q_EMIT statusMessage(tr("Writing %1…").arg(QDir::toNativeSeparators(path)), 0);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    ReportOptions options = reportOptions();
    if (reportFormatFromPath(path) == ReportFormat::Json) {
        // The versioned JSON `fleetplan report` and `compare --format json` write (docs/compare-json.md), with
        // the price book the window priced with: a saved result can serve as a diff's baseline in a pipeline.
        cli::PricingSetup setup;
        setup.catalog = m_catalog;
        const QString bookPath = pricing::PriceBook::defaultPath();
        if (m_catalog && m_catalog != pricing::Catalog::bundled() && QFileInfo::exists(bookPath)) {
            setup.priceBookFrom = qEnvironmentVariableIsSet("FLEETPLAN_PRICEBOOK")
                ? QStringLiteral("FLEETPLAN_PRICEBOOK")
                : QStringLiteral("default");
            setup.describePriceBook(bookPath);
        }
        options.json = cli::costReportJson(*report, m_document->scenario(), setup);
    }
    QString error;
    const std::optional<ReportOutcome> outcome = writeReport(*report, m_document->scenario(), path, options, &error);
    QApplication::restoreOverrideCursor();
    Q_EMIT busy(false);
    if (!outcome) {
        Q_EMIT statusMessage(QString(), 0);
        QMessageBox::critical(m_dialogParent, tr("Cannot export report"), error);
        return false;
    }
    Q_EMIT statusMessage(outcome->pages > 0
            ? tr("Exported %1 (%n page(s))", nullptr, outcome->pages).arg(QDir::toNativeSeparators(path))
            : tr("Exported %1").arg(QDir::toNativeSeparators(path)),
        6000);
    return true;
}

} // namespace fleetplan::app
