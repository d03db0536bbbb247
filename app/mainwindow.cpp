// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mainwindow.h"

#include <QHeaderView>
#include <QStatusBar>
#include <QTableView>

#include "models/servicetablemodel.h"

namespace fleetplan::app {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_serviceModel(new models::ServiceTableModel(this))
    , m_serviceTable(new QTableView(this))
{
    m_serviceTable->setModel(m_serviceModel);
    m_serviceTable->setObjectName(QStringLiteral("serviceTable"));
    m_serviceTable->setAccessibleName(tr("Services"));
    m_serviceTable->setAlternatingRowColors(true);
    m_serviceTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_serviceTable->horizontalHeader()->setStretchLastSection(true);
    m_serviceTable->verticalHeader()->setVisible(false);
    setCentralWidget(m_serviceTable);
    resize(1280, 800);
}

void MainWindow::setScenario(const models::Scenario &scenario)
{
    m_serviceModel->setScenario(scenario);
    m_serviceTable->resizeColumnsToContents();
    setWindowTitle(QStringLiteral("%1 — Fleetplan").arg(scenario.name));
    statusBar()->showMessage(tr("%1 services · %2 · %3 hours")
                                 .arg(scenario.services.size())
                                 .arg(scenario.region)
                                 .arg(scenario.periodHours));
}

const models::Scenario &MainWindow::scenario() const
{
    return m_serviceModel->scenario();
}

} // namespace fleetplan::app
