// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "models/simulation/costreport.h"

class QComboBox;
class QTextBrowser;

namespace fleetplan::views {

/// How one platform's figure was made: every cost component with its rates × quantities, node-hours
/// by instance type, utilisation, the Savings Plans recommendation, warnings and assumptions.
class ExplainPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExplainPanel(QWidget *parent = nullptr);

    void setReport(const models::CostReport &report);
    /// Shows this platform (if the report has it).
    void setPlatform(models::PlatformId id);
    models::PlatformId platform() const;

    /// The explanation shown, as plain text.
    QString text() const;
    /// The explanation of one platform in the report as Markdown-like plain text (empty when absent).
    static QString explain(const models::CostReport &report, models::PlatformId id);

private:
    void refresh();

    models::CostReport m_report;
    QComboBox *m_platform = nullptr;
    QTextBrowser *m_text = nullptr;
};

} // namespace fleetplan::views
