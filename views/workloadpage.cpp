// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/workloadpage.h"

#include <algorithm>

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "models/workload/commands.h"
#include "models/workload/document.h"
#include "views/frozencolumntableview.h"
#include "views/viewactions.h"
#include "models/workload/loadprofilepresets.h"
#include "models/workload/servicetablemodel.h"
#include "views/loadprofileeditor.h"
#include "views/scenariosettingspanel.h"
#include "views/servicedelegate.h"

namespace fleetplan::views {

WorkloadPage::WorkloadPage(
    models::Document *document, models::ServiceTableModel *model, const QStringList &regions, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(model)
{
    setObjectName(QStringLiteral("workloadPage"));
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("workloadSplitter"));

    // Services: a tool bar (the window adds its actions) over the table.
    auto *servicesPane = new QWidget(split);
    auto *sl = new QVBoxLayout(servicesPane);
    sl->setContentsMargins(0, 0, 0, 0);
    m_serviceBar = new QToolBar(servicesPane);
    m_serviceBar->setObjectName(QStringLiteral("serviceToolBar"));
    m_serviceBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    sl->addWidget(m_serviceBar);
    // The service's name stays in view while the other columns scroll sideways (issue 17, item 4).
    auto *serviceTable = new FrozenColumnTableView(servicesPane);
    m_serviceTable = serviceTable;
    m_serviceTable->setObjectName(QStringLiteral("serviceTable"));
    m_serviceTable->setAccessibleName(tr("Services"));
    m_serviceTable->setModel(m_model);
    m_serviceTable->setAlternatingRowColors(true);
    m_serviceTable->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_serviceTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_serviceTable->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_serviceTable->horizontalHeader()->setStretchLastSection(true);
    m_serviceTable->verticalHeader()->setVisible(false);
    addCopyAction(m_serviceTable); // Ctrl+C: the selected services as tab-separated text
    m_serviceTable->verticalHeader()->setDefaultSectionSize(m_serviceTable->fontMetrics().height() + 8);
    m_delegate = new ServiceDelegate(this);
    m_delegate->setSelectionModel(m_serviceTable->selectionModel());
    m_delegate->setValidationRole(models::ServiceTableModel::ValidationRole);
    m_delegate->setProfileNames([this] {
        QStringList names;
        for (const models::LoadProfile &p : m_document->scenario().loadProfiles)
            names << p.name;
        return names;
    });
    // Editing several selected rows at once is one undo step.
    connect(m_delegate, &ServiceDelegate::multiEditStarted, this, [this](int rows, const QString &column) {
        m_document->undoStack()->beginMacro(tr("Set %1 of %2 services").arg(column).arg(rows));
    });
    connect(m_delegate, &ServiceDelegate::multiEditFinished, this, [this] { m_document->undoStack()->endMacro(); });
    serviceTable->setItemDelegate(m_delegate);
    // The frozen name column edits through its own delegate (a delegate reports its editors to every view
    // it serves), marking problems as the table does.
    auto *nameDelegate = new ServiceDelegate(this);
    nameDelegate->setSelectionModel(m_serviceTable->selectionModel());
    nameDelegate->setValidationRole(models::ServiceTableModel::ValidationRole);
    serviceTable->frozenView()->setItemDelegate(nameDelegate);
    sl->addWidget(m_serviceTable, 1);

    // The load profile of the selected service.
    auto *profilePane = new QWidget(split);
    auto *pl = new QVBoxLayout(profilePane);
    pl->setContentsMargins(0, 4, 0, 0);
    auto *profileBar = new QHBoxLayout;
    auto *profileLabel = new QLabel(tr("Load &profile"), profilePane);
    m_profileBox = new QComboBox(profilePane);
    m_profileBox->setObjectName(QStringLiteral("loadProfileBox"));
    m_profileBox->setAccessibleName(tr("Load profile to edit"));
    m_profileBox->setMinimumContentsLength(16);
    profileLabel->setBuddy(m_profileBox);
    auto *addProfile = new QPushButton(tr("New profile"), profilePane);
    addProfile->setObjectName(QStringLiteral("newLoadProfile"));
    auto *presetMenu = new QMenu(addProfile);
    for (models::LoadProfilePreset preset : models::allLoadProfilePresets()) {
        presetMenu->addAction(models::presetDisplayName(preset), this, [this, preset] {
            const QString name = models::uniqueLoadProfileName(m_document->scenario(), models::presetId(preset));
            m_document->undoStack()->push(
                new models::AddLoadProfileCommand(m_document, models::makeLoadProfile(preset, name)));
            m_profileBox->setCurrentIndex(m_profileBox->count() - 1);
        });
    }
    addProfile->setMenu(presetMenu);
    auto *hint = new QLabel(tr("Drag the bars to shape the load; arrow keys step the selected hour."), profilePane);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    hint->setMinimumWidth(80);
    profileBar->addWidget(profileLabel);
    profileBar->addWidget(m_profileBox);
    profileBar->addWidget(addProfile);
    profileBar->addWidget(hint, 1);
    pl->addLayout(profileBar);
    m_profileEditor = new LoadProfileEditor(profilePane);
    m_profileEditor->setObjectName(QStringLiteral("loadProfileEditor"));
    pl->addWidget(m_profileEditor, 1);
    connect(m_profileBox, &QComboBox::currentIndexChanged, this, &WorkloadPage::showProfile);
    connect(m_profileEditor, &LoadProfileEditor::hourlyChanged, this, &WorkloadPage::onProfileHoursDragged);
    connect(m_profileEditor, &LoadProfileEditor::editFinished, this, [this] {
        m_profileDragging = false;
        m_profileMergeKey = 0;
    });
    // Selecting a service shows its load profile.
    connect(m_serviceTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (!current.isValid() || current.row() >= m_document->scenario().services.size())
                return;
            const int i = m_profileBox->findText(m_document->scenario().services.at(current.row()).loadProfile);
            if (i >= 0)
                m_profileBox->setCurrentIndex(i);
        });
    split->addWidget(servicesPane);
    split->addWidget(profilePane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    outer->addWidget(split, 1);

    // Scenario settings, scrollable on small screens.
    auto *settingsScroll = new QScrollArea(this);
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setFrameShape(QFrame::NoFrame);
    m_settingsPanel = new ScenarioSettingsPanel(settingsScroll);
    m_settingsPanel->setRegions(regions);
    m_settingsPanel->setDocument(m_document);
    settingsScroll->setWidget(m_settingsPanel);
    // Room for the panel and the vertical scroll bar it gets on short screens, so no horizontal one is needed.
    const int scrollBar = settingsScroll->verticalScrollBar()->sizeHint().width();
    settingsScroll->setMinimumWidth(std::min(320, m_settingsPanel->minimumSizeHint().width() + scrollBar + 4));
    settingsScroll->setMaximumWidth(360 + scrollBar);
    outer->addWidget(settingsScroll);

    connect(m_document, &models::Document::scenarioReset, this, &WorkloadPage::onScenarioReset);
    connect(m_document, &models::Document::loadProfilesInserted, this, &WorkloadPage::refreshProfileBox);
    connect(m_document, &models::Document::loadProfilesRemoved, this, &WorkloadPage::refreshProfileBox);
    connect(m_document, &models::Document::loadProfileChanged, this, &WorkloadPage::onLoadProfileChanged);
    refreshProfileBox();
}

void WorkloadPage::addService()
{
    models::Service s;
    s.name = models::uniqueServiceName(m_document->scenario(), QStringLiteral("new-service"));
    s.replicas = 1;
    models::applyDefaultBounds(s); // min 1, as a scenario file without bounds gets (docs/scenario-format.md)
    const QModelIndex current = m_serviceTable->currentIndex();
    const int row = current.isValid() ? current.row() + 1 : -1;
    auto *command = new models::AddServiceCommand(m_document, s, row);
    command->setText(tr("Add service %1").arg(s.name));
    m_document->undoStack()->push(command);
    m_serviceTable->setCurrentIndex(m_model->index(command->row(), models::ServiceTableModel::Name));
    m_serviceTable->edit(m_serviceTable->currentIndex());
}

void WorkloadPage::duplicateService()
{
    const QModelIndex current = m_serviceTable->currentIndex();
    if (!current.isValid())
        return;
    m_document->undoStack()->push(new models::DuplicateServiceCommand(m_document, current.row()));
    m_serviceTable->setCurrentIndex(m_model->index(current.row() + 1, current.column()));
}

void WorkloadPage::removeServices()
{
    QList<int> rows;
    for (const QModelIndex &index : m_serviceTable->selectionModel()->selectedIndexes())
        rows << index.row();
    if (rows.isEmpty() && m_serviceTable->currentIndex().isValid())
        rows << m_serviceTable->currentIndex().row();
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.isEmpty())
        return;
    m_document->undoStack()->push(new models::RemoveServicesCommand(m_document, rows));
}

void WorkloadPage::onScenarioReset()
{
    {
        const QSignalBlocker block(m_profileBox);
        m_profileBox->clear(); // a new document starts on its first service's profile
    }
    refreshProfileBox();
    m_serviceTable->resizeColumnsToContents();
}

void WorkloadPage::onLoadProfileChanged(int index, const QString &name)
{
    if (m_profileBox->itemText(index) != name)
        refreshProfileBox();
    // While the user drags the bars the editor already shows the values; redrawing would fight the drag.
    if (index == m_profileBox->currentIndex() && !m_profileDragging)
        showProfile(index);
}

void WorkloadPage::refreshProfileBox()
{
    const QString current = m_profileBox->currentText();
    {
        const QSignalBlocker block(m_profileBox);
        m_profileBox->clear();
        for (const models::LoadProfile &p : m_document->scenario().loadProfiles)
            m_profileBox->addItem(p.name);
        int i = m_profileBox->findText(current);
        if (i < 0 && !m_document->scenario().services.isEmpty()) // a new document: the first service's profile
            i = m_profileBox->findText(m_document->scenario().services.constFirst().loadProfile);
        m_profileBox->setCurrentIndex(i >= 0 ? i : (m_profileBox->count() > 0 ? 0 : -1));
    }
    showProfile(m_profileBox->currentIndex());
}

void WorkloadPage::showProfile(int index)
{
    const auto &profiles = m_document->scenario().loadProfiles;
    m_profileEditor->setProfile(index >= 0 && index < profiles.size() ? profiles.at(index) : models::LoadProfile {});
}

void WorkloadPage::onProfileHoursDragged(const QList<double> &hourly)
{
    const int index = m_profileBox->currentIndex();
    if (index < 0)
        return;
    if (!m_profileDragging) {
        m_profileDragging = true;
        m_profileMergeKey = models::nextMergeKey();
    }
    m_document->undoStack()->push(new models::SetLoadProfileHoursCommand(m_document, index, hourly, m_profileMergeKey));
}

} // namespace fleetplan::views
