// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include "models/scenario.h"

class QTableView;

namespace fleetplan::models {
class ServiceTableModel;
}

namespace fleetplan::app {

/// The application's main window: assembles the views around one scenario.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Shows this scenario.
    void setScenario(const models::Scenario &scenario);
    const models::Scenario &scenario() const;

    QTableView *serviceTable() const { return m_serviceTable; }

private:
    models::ServiceTableModel *m_serviceModel = nullptr;
    QTableView *m_serviceTable = nullptr;
};

} // namespace fleetplan::app
