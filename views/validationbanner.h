// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/diagnostic.h"
#include "models/workload/scenario.h"

class QLabel;

namespace fleetplan::views {

/// The message strip above the comparison when the scenario fails validation (as KDE's KMessageWidget):
/// red with "3 errors — figures are not valid" and the problems listed, each naming the service and
/// the field; amber when there are only warnings (unknown keys dropped while reading, a region the
/// catalog lacks). Hidden when there is nothing to say. Each problem about a service is a link: clicking
/// it emits serviceActivated() so the window can select that service.
class ValidationBanner : public QFrame
{
    Q_OBJECT

public:
    /// Problems listed in full; past this many, a last line says how many more there are.
    static constexpr int MaxListed = 8;

    explicit ValidationBanner(QWidget *parent = nullptr);

    /// Shows the problems of `scenario` (hides itself when there are none).
    void setProblems(const QList<models::Diagnostic> &problems, const models::Scenario &scenario);

    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }
    /// "3 errors — figures are not valid", "1 warning — check the figures", or empty.
    QString headline() const { return m_headline; }
    /// Every problem as listed (all of them, also those past MaxListed).
    QStringList problemLines() const { return m_lines; }
    /// The headline, then one problem a line: what an export or a message box repeats.
    QString plainText() const;

    /// The headline for these counts (empty when both are 0).
    static QString headlineFor(int errors, int warnings);
    /// One problem in words, the service named: "Service “api”, memory_mib: must be > 0".
    static QString describe(const models::Diagnostic &problem, const models::Scenario &scenario);
    /// The row of the service a problem is about (from "services[3].cpu"), or -1.
    static int serviceRowOf(const models::Diagnostic &problem);

Q_SIGNALS:
    /// A listed problem about the service at `row` was clicked.
    void serviceActivated(int row);

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    QLabel *m_title = nullptr;
    QLabel *m_list = nullptr;
    int m_errors = 0;
    int m_warnings = 0;
    QString m_headline;
    QStringList m_lines;
};

} // namespace fleetplan::views
