// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QTableView;
class QToolBar;

/// The Workload tab: the services table (with its multi-row editing delegate), the load-profile editor
/// for the profile of the selected service, and the scenario settings beside them. Every edit becomes an
/// undo command on the document's stack; the page holds no scenario state of its own.
namespace fleetplan::models {
class Document;
class ServiceTableModel;
} // namespace fleetplan::models

namespace fleetplan::views {

class LoadProfileEditor;
class ScenarioSettingsPanel;
class ServiceDelegate;

class WorkloadPage : public QWidget
{
    Q_OBJECT

public:
    /// `model` shows `document`'s services (the caller owns both); `regions` fill the settings' region box.
    WorkloadPage(models::Document *document, models::ServiceTableModel *model, const QStringList &regions,
        QWidget *parent = nullptr);

    /// Adds a service after the current row (or at the end), selects its name and starts editing it.
    void addService();
    /// Duplicates the current row's service below it.
    void duplicateService();
    /// Removes every selected service (or the current one) as one undoable step.
    void removeServices();

    /// The services table's tool bar; the window puts its service actions there.
    QToolBar *serviceToolBar() const { return m_serviceBar; }
    QTableView *serviceTable() const { return m_serviceTable; }
    QComboBox *profileBox() const { return m_profileBox; }
    LoadProfileEditor *profileEditor() const { return m_profileEditor; }
    ScenarioSettingsPanel *settingsPanel() const { return m_settingsPanel; }

private:
    void onScenarioReset();
    void onLoadProfileChanged(int index, const QString &name);
    void refreshProfileBox();
    void showProfile(int index);
    void onProfileHoursDragged(const QList<double> &hourly);

    models::Document *m_document = nullptr;
    models::ServiceTableModel *m_model = nullptr;
    QToolBar *m_serviceBar = nullptr;
    QTableView *m_serviceTable = nullptr;
    ServiceDelegate *m_delegate = nullptr;
    QComboBox *m_profileBox = nullptr;
    LoadProfileEditor *m_profileEditor = nullptr;
    ScenarioSettingsPanel *m_settingsPanel = nullptr;
    int m_profileMergeKey = 0; ///< one drag of the profile bars merges into one undo command
    bool m_profileDragging = false;
};

} // namespace fleetplan::views
