// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include "models/simulation/costdiff.h"
#include "models/simulation/costreport.h"
#include "models/workload/scenariodiff.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace fleetplan::views {

/// The current figures against a baseline (issue 18): per platform the baseline's total, the current one and
/// the change in USD and percent, each platform's components that changed below it, and the inputs that
/// changed (the reason). The figures are models::costChanges(), the ones `compare --diff` prints; the page
/// knows nothing of documents: MainWindow hands it both reports and the inputs changed.
class BaselinePanel : public QWidget
{
    Q_OBJECT

public:
    explicit BaselinePanel(QWidget *parent = nullptr);

    /// Shows `current` against `baseline` (named `label`: "baseline of 14:05", a file name).
    void setComparison(const QString &label, const models::CostReport &baseline, const models::CostReport &current,
        const QList<models::ScenarioChange> &inputs);

    QTreeWidget *tree() const { return m_tree; }
    QLabel *title() const { return m_title; }
    QLabel *inputs() const { return m_inputs; }
    /// The comparison as tab-separated text (Ctrl+C on the tree): a header line, one line per platform and
    /// per component (indented by two spaces), then the inputs changed.
    QString comparisonText() const;
    /// The platform rows, in PlatformId order, as shown.
    const QList<models::PlatformCostChange> &changes() const { return m_changes; }

Q_SIGNALS:
    /// "Clear" was pressed: the caller forgets the baseline and hides the panel.
    void clearRequested();

private:
    QLabel *m_title = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_inputs = nullptr;
    QPushButton *m_clear = nullptr;
    QList<models::PlatformCostChange> m_changes;
};

} // namespace fleetplan::views
