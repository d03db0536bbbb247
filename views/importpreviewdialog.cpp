// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/importpreviewdialog.h"

#include <cmath>

#include <QAbstractTableModel>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "models/simulation/moneyformat.h"

namespace fleetplan::views {

namespace {

/// The services of the preview, read-only (the result is the data; the model only adapts it).
class ImportedServicesModel : public QAbstractTableModel
{
public:
    enum Column { Name, Kind, Cpu, Memory, Replicas, Source, ColumnCount };

    ImportedServicesModel(const QList<models::Service> &services, QObject *parent)
        : QAbstractTableModel(parent)
        , m_services(services)
    {
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_services.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case Name:
            return ImportPreviewDialog::tr("Service");
        case Kind:
            return ImportPreviewDialog::tr("Kind");
        case Cpu:
            return ImportPreviewDialog::tr("vCPU");
        case Memory:
            return ImportPreviewDialog::tr("Memory (MiB)");
        case Replicas:
            return ImportPreviewDialog::tr("Replicas");
        case Source:
            return ImportPreviewDialog::tr("Source");
        default:
            return {};
        }
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_services.size())
            return {};
        const models::Service &s = m_services.at(index.row());
        if (role == Qt::TextAlignmentRole && index.column() >= Cpu && index.column() <= Replicas)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        switch (index.column()) {
        case Name:
            return models::printable(s.name);
        case Kind:
            return s.kind == models::ServiceKind::Daemon
                ? ImportPreviewDialog::tr("daemon")
                : (s.kind == models::ServiceKind::Job ? ImportPreviewDialog::tr("job")
                                                      : ImportPreviewDialog::tr("service"));
        case Cpu:
            return models::formatRate(s.effectiveCpu());
        case Memory:
            // Whole MiB (an imported "600Mi" or "0.6Gi" is 614.4 MiB: one decimal only when needed).
            return models::formatNumber(
                s.effectiveMemoryMib(), s.effectiveMemoryMib() == std::floor(s.effectiveMemoryMib()) ? 0 : 1);
        case Replicas:
            return s.kind == models::ServiceKind::Daemon ? ImportPreviewDialog::tr("one per node")
                                                         : QString::number(s.replicas);
        case Source:
            return models::printable(s.source);
        default:
            return {};
        }
    }

private:
    QList<models::Service> m_services;
};

} // namespace

ImportPreviewDialog::ImportPreviewDialog(const models::ImportResult &result, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("importPreviewDialog"));
    setWindowTitle(tr("Import preview"));
    auto *layout = new QVBoxLayout(this);

    const int services = int(result.services.size());
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    const int files = int(result.importedFiles.size());
    QString summary = tr("%1 found in %2.")
                          .arg(services == 1 ? tr("1 service") : tr("%1 services").arg(services),
                              files == 1 ? tr("1 file") : tr("%1 files").arg(files));
    if (!result.failedFiles.isEmpty()) {
        QStringList names;
        for (const QString &f : result.failedFiles)
            names << QFileInfo(f).fileName();
        summary += u' '
            + (result.failedFiles.size() == 1
                    ? tr("%1 could not be read and brings nothing.").arg(names.constFirst())
                    : tr("%1 could not be read and bring nothing.").arg(names.join(QStringLiteral(", "))));
    }
    m_summary->setText(summary);
    layout->addWidget(m_summary);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("importServices"));
    m_table->setAccessibleName(tr("Services to import"));
    m_table->setModel(new ImportedServicesModel(result.services, m_table));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 2);

    m_skipped = new QLabel(this);
    m_skipped->setObjectName(QStringLiteral("importSkipped"));
    m_skipped->setWordWrap(true);
    if (result.skippedKinds.isEmpty()) {
        m_skipped->hide();
    } else {
        QStringList parts;
        for (auto it = result.skippedKinds.cbegin(); it != result.skippedKinds.cend(); ++it)
            parts << QStringLiteral("%1 × %2").arg(it.key()).arg(it.value());
        m_skipped->setText(tr("Skipped (not planned by Fleetplan): %1").arg(parts.join(QStringLiteral(", "))));
    }
    layout->addWidget(m_skipped);

    // Every problem in full, errors first: "error: chart.yaml:12:4: mapping values are not allowed here".
    m_problems = new QPlainTextEdit(this);
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setAccessibleName(tr("Import errors and warnings"));
    m_problems->setReadOnly(true);
    m_problems->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QStringList lines;
    int errors = 0;
    for (const bool wantErrors : { true, false }) {
        for (const models::Diagnostic &d : result.diagnostics) {
            if (d.isError() != wantErrors)
                continue;
            errors += wantErrors ? 1 : 0;
            lines << (wantErrors ? tr("error: %1") : tr("warning: %1")).arg(d.toString());
        }
    }
    const int warnings = int(result.diagnostics.size()) - errors;
    auto *problemsLabel = new QLabel(this);
    problemsLabel->setObjectName(QStringLiteral("importProblemsTitle"));
    problemsLabel->setText(lines.isEmpty()
            ? tr("No errors or warnings.")
            : tr("%1, %2:").arg(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors),
                warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings)));
    problemsLabel->setBuddy(m_problems);
    m_problems->setPlainText(lines.join(u'\n'));
    layout->addWidget(problemsLabel);
    if (lines.isEmpty())
        m_problems->hide();
    layout->addWidget(m_problems, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_new = buttons->addButton(tr("&New scenario"), QDialogButtonBox::AcceptRole);
    m_new->setObjectName(QStringLiteral("importNewScenario"));
    m_new->setToolTip(tr("Open the services as a new, untitled scenario (the current one is kept or saved first)"));
    m_merge = buttons->addButton(tr("&Merge into current"), QDialogButtonBox::AcceptRole);
    m_merge->setObjectName(QStringLiteral("importMerge"));
    m_merge->setToolTip(tr("Add the services to the current scenario (names already used get a suffix); undoable"));
    m_replace = buttons->addButton(tr("&Replace current services"), QDialogButtonBox::DestructiveRole);
    m_replace->setObjectName(QStringLiteral("importReplace"));
    m_replace->setToolTip(tr("Remove the current scenario's services and add these; settings and load profiles "
                             "stay; undoable"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    for (QPushButton *b : { m_new, m_merge, m_replace }) {
        b->setEnabled(services > 0);
        const Choice c = b == m_new ? Choice::NewScenario : (b == m_merge ? Choice::Merge : Choice::Replace);
        connect(b, &QPushButton::clicked, this, [this, c] {
            m_choice = c;
            accept();
        });
    }
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    (services > 0 ? m_merge : m_cancel)->setDefault(true);
    layout->addWidget(buttons);
    resize(760, 520);
}

QPushButton *ImportPreviewDialog::button(Choice choice) const
{
    switch (choice) {
    case Choice::NewScenario:
        return m_new;
    case Choice::Merge:
        return m_merge;
    case Choice::Replace:
        return m_replace;
    case Choice::Cancel:
        break;
    }
    return m_cancel;
}

} // namespace fleetplan::views
