// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSplitter>
#include <QWidget>

#include "models/diagnostic.h"
#include "models/simulation/costreport.h"
#include "models/workload/scenario.h"

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QTableView;
class QTextBrowser;

/// The main window's three result tabs, each a page that shows one CostReport: the comparison (stacked
/// bars, the table, a text summary), the timeline (cost and nodes per hour) and the fleet (the packed
/// nodes of one platform at one hour). MainWindow hands every new report to setReport() and wires the
/// signals; the pages know nothing of documents or simulations.
namespace fleetplan::views {

struct ChartTheme;
class BaselinePanel;
class ComparisonChart;
class ComparisonTableModel;
class FleetView;
class TimelineChart;
class ValidationBanner;

/// Comparison tab: ComparisonChart above the ComparisonTableModel table, the summary beside them, and
/// above all three the ValidationBanner when the scenario has problems.
class ComparisonPage : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonPage(QWidget *parent = nullptr);

    void setReport(const models::CostReport &report);
    void setTheme(const ChartTheme &theme);
    /// The scenario's validation problems: with errors the banner turns red and the figures (those of
    /// the last valid scenario) are dimmed; with warnings only it is amber; without problems it hides.
    void setProblems(const QList<models::Diagnostic> &problems, const models::Scenario &scenario);

    ComparisonChart *chart() const { return m_chart; }
    QTableView *table() const { return m_table; }
    ComparisonTableModel *model() const { return m_model; }
    QLabel *summary() const { return m_summary; }
    ValidationBanner *banner() const { return m_banner; }
    /// One sentence under the comparison: why the cheapest platform is cheaper than the others, and the
    /// component that differs most from the runner-up (models::recommendationText(), as in the reports).
    QLabel *verdict() const { return m_verdict; }
    /// The figures against a baseline, below the table; hidden until the window has a baseline.
    BaselinePanel *baselinePanel() const { return m_baseline; }
    /// Whether the figures are shown dimmed (the scenario has errors).
    bool figuresDimmed() const { return m_dimmed; }

Q_SIGNALS:
    /// A platform's bar or table row was chosen (explain it).
    void platformActivated(fleetplan::models::PlatformId id);
    /// A problem about the service at `row` was clicked in the banner.
    void serviceActivated(int row);

private:
    ValidationBanner *m_banner = nullptr;
    bool m_dimmed = false;
    ComparisonChart *m_chart = nullptr;
    ComparisonTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_verdict = nullptr;
    BaselinePanel *m_baseline = nullptr;
};

/// Timeline tab: TimelineChart with its text summary.
class TimelinePage : public QSplitter
{
    Q_OBJECT

public:
    explicit TimelinePage(QWidget *parent = nullptr);

    void setReport(const models::CostReport &report);
    void setTheme(const ChartTheme &theme);

    TimelineChart *chart() const { return m_chart; }
    QLabel *summary() const { return m_summary; }

private:
    TimelineChart *m_chart = nullptr;
    QLabel *m_summary = nullptr;
};

/// Fleet tab: a platform picker, the hour (spin box, slider, "Peak hour"), the FleetView of that hour
/// and its text summary.
class FleetPage : public QWidget
{
    Q_OBJECT

public:
    explicit FleetPage(QWidget *parent = nullptr);

    /// Keeps the chosen platform and hour where they still exist.
    void setReport(const models::CostReport &report);
    /// Names of the scenario's services, in order, and their weights (the view colours tasks by service,
    /// the heaviest apart: FleetView::setServiceNames()).
    void setServiceNames(const QStringList &names, const QList<double> &weights = {});
    /// Shows hour `hour` of the chosen platform (clamped to the period).
    void setHour(int hour);
    /// The hour with the most nodes (Fargate: tasks) of the chosen platform.
    void showPeakHour();

    FleetView *view() const { return m_view; }
    QComboBox *platformBox() const { return m_platform; }
    QSpinBox *hourBox() const { return m_hour; }

private:
    void refresh();

    models::CostReport m_report;
    bool m_hasReport = false;
    QComboBox *m_platform = nullptr;
    QSpinBox *m_hour = nullptr;
    QSlider *m_hourSlider = nullptr;
    FleetView *m_view = nullptr;
    QTextBrowser *m_summary = nullptr;
};

} // namespace fleetplan::views
