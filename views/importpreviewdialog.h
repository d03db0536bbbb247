// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "models/import/importresult.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace fleetplan::views {

/// What an import of Kubernetes manifests or ECS task definitions would bring, before anything changes:
/// the services found (kind, vCPU, memory, replicas, source), the kinds skipped with their counts, and
/// every error and warning in full (file:line:column). The user then chooses where the services go —
/// a new scenario, merged into the current one, or replacing its services — or cancels.
class ImportPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Cancel, NewScenario, Merge, Replace };

    explicit ImportPreviewDialog(const models::ImportResult &result, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }

    QTableView *servicesTable() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *skippedLabel() const { return m_skipped; }
    QPlainTextEdit *problemsText() const { return m_problems; }
    QPushButton *button(Choice choice) const;

private:
    Choice m_choice = Choice::Cancel;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_skipped = nullptr;
    QPlainTextEdit *m_problems = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_replace = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace fleetplan::views
