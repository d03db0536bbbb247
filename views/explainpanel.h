// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "models/simulation/costreport.h"

class QComboBox;
class QLabel;
class QSplitter;
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

    /// Shows the baseline's explanation of the same platform beside the current one (side by side when the
    /// panel is wide, one above the other when it is narrow), under a line with both totals and the change.
    void setBaseline(const QString &label, const models::CostReport &baseline);
    void clearBaseline();
    bool hasBaseline() const { return m_hasBaseline; }
    /// The baseline's heading and explanation shown, as plain text (empty without a baseline).
    QString baselineText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    /// Lays the explanation out now when the panel is shown; while it is hidden (the dock closed, a test
    /// that never shows it) only marks it stale: laying out the HTML took half of the window's work per
    /// report. text() and baselineText() catch up first, as does showing the panel.
    void refresh();
    void refreshNow();
    void catchUp() const;

    models::CostReport m_report;
    models::CostReport m_baselineReport;
    QString m_baselineLabel;
    bool m_hasBaseline = false;
    mutable bool m_stale = false;
    QString m_shownHtml; ///< what m_text holds: the same explanation again is not laid out again
    QString m_shownBaselineHtml;
    QComboBox *m_platform = nullptr;
    QSplitter *m_split = nullptr;
    QTextBrowser *m_text = nullptr;
    QWidget *m_baselineBox = nullptr;
    QLabel *m_baselineTitle = nullptr;
    QTextBrowser *m_baselineText = nullptr;
};

} // namespace fleetplan::views
