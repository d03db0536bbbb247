// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/reportpages.h"

#include <algorithm>

#include <QComboBox>
#include <QGraphicsOpacityEffect>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "models/simulation/recommendation.h"
#include "views/baselinepanel.h"
#include "views/charttheme.h"
#include "views/comparisonchart.h"
#include "views/comparisontablemodel.h"
#include "views/fleetview.h"
#include "views/frozencolumntableview.h"
#include "views/periodticker.h"
#include "views/timelinechart.h"
#include "views/validationbanner.h"
#include "views/viewactions.h"

namespace fleetplan::views {

namespace {
QLabel *summaryLabel(QWidget *parent, const QString &objectName, const QString &accessible)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessible);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMargin(8);
    label->setMinimumWidth(220);
    label->setMaximumWidth(300);
    return label;
}
/// The Fleet tab's hour: shown as weekday, time and day ("Tue 14:00, day 2"); typing "38", "day 2 14:00"
/// or "14:00 day 2" goes to that hour.
class HourSpinBox : public QSpinBox
{
public:
    using QSpinBox::QSpinBox;

protected:
    QString textFromValue(int value) const override { return periodHourText(value); }

    int valueFromText(const QString &text) const override
    {
        bool ok = false;
        const int hour = parse(text, &ok);
        return ok ? hour : value();
    }

    QValidator::State validate(QString &input, int & /*pos*/) const override
    {
        bool ok = false;
        const int hour = parse(input, &ok);
        return ok && hour >= minimum() && hour <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
    }

private:
    static int parse(const QString &text, bool *ok)
    {
        const int plain = text.trimmed().toInt(ok);
        if (*ok)
            return plain;
        static const QRegularExpression day(QStringLiteral("day\\s*(\\d+)"), QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression time(QStringLiteral("(\\d{1,2}):(\\d{2})"));
        const QRegularExpressionMatch d = day.match(text);
        const QRegularExpressionMatch t = time.match(text);
        *ok = d.hasMatch() && t.hasMatch() && t.captured(1).toInt() < 24;
        return *ok ? (d.captured(1).toInt() - 1) * 24 + t.captured(1).toInt() : 0;
    }
};
} // namespace

// ---- comparison -----------------------------------------------------------------------------------------

ComparisonPage::ComparisonPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("comparisonPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_banner = new ValidationBanner(this);
    connect(m_banner, &ValidationBanner::serviceActivated, this, &ComparisonPage::serviceActivated);
    auto *split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    auto *left = new QSplitter(Qt::Vertical, split);
    m_chart = new ComparisonChart(left);
    m_chart->setObjectName(QStringLiteral("comparisonChart"));
    m_chart->setAccessibleName(tr("Cost comparison chart"));
    m_chart->setMinimumHeight(280);
    m_model = new ComparisonTableModel(this);
    m_table = new FrozenColumnTableView(left); // the platform's name stays while scrolling sideways
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setAccessibleName(tr("Cost comparison table"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    addCopyAction(m_table); // Ctrl+C: the comparison as tab-separated text
    addChartExportAction(m_chart, QStringLiteral("comparison"));
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT platformActivated(
                    static_cast<models::PlatformId>(m_model->index(current.row(), 0).data(Qt::UserRole).toInt()));
        });
    connect(m_chart, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable *, int dataIndex, QMouseEvent *) {
        const auto &platforms = m_chart->platforms();
        if (dataIndex >= 0 && dataIndex < platforms.size())
            Q_EMIT platformActivated(platforms.at(dataIndex));
    });
    left->addWidget(m_chart);
    left->addWidget(m_table);
    m_baseline = new BaselinePanel(left);
    m_baseline->hide();
    left->addWidget(m_baseline);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    left->setStretchFactor(2, 2);
    m_summary = summaryLabel(split, QStringLiteral("comparisonSummary"), tr("Comparison summary"));
    split->addWidget(left);
    split->addWidget(m_summary);
    split->setStretchFactor(0, 1);
    // Why the cheapest platform is cheaper, in one paragraph under the figures (as in the PDF).
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("comparisonVerdict"));
    m_verdict->setAccessibleName(tr("Why the cheapest platform is cheaper"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_verdict);
}

void ComparisonPage::setProblems(const QList<models::Diagnostic> &problems, const models::Scenario &scenario)
{
    m_banner->setProblems(problems, scenario);
    const bool dim = m_banner->errorCount() > 0;
    if (dim == m_dimmed)
        return;
    m_dimmed = dim;
    // Figures of an older scenario stay readable but visibly not current: a disabled table greys its
    // text; the chart (QCustomPlot ignores the palette) fades.
    m_table->setEnabled(!dim);
    m_summary->setEnabled(!dim);
    m_verdict->setEnabled(!dim);
    if (dim) {
        auto *fade = new QGraphicsOpacityEffect(m_chart);
        fade->setOpacity(0.35);
        m_chart->setGraphicsEffect(fade);
    } else {
        m_chart->setGraphicsEffect(nullptr);
    }
}

void ComparisonPage::setReport(const models::CostReport &report)
{
    m_chart->setReport(report);
    const int selectedRow = m_table->currentIndex().row();
    m_model->setReport(report);
    m_table->resizeColumnsToContents();
    if (selectedRow >= 0 && selectedRow < m_model->rowCount()) {
        const QSignalBlocker block(m_table->selectionModel());
        m_table->selectRow(selectedRow);
    }
    m_summary->setText(m_chart->textSummary());
    m_chart->setAccessibleDescription(m_chart->textSummary());
    m_verdict->setText(models::recommendationText(report));
}

void ComparisonPage::setTheme(const ChartTheme &theme)
{
    m_chart->setTheme(theme);
}

// ---- timeline -------------------------------------------------------------------------------------------

TimelinePage::TimelinePage(QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
{
    setObjectName(QStringLiteral("timelinePage"));
    m_chart = new TimelineChart(this);
    m_chart->setObjectName(QStringLiteral("timelineChart"));
    m_chart->setAccessibleName(tr("Cost and nodes per hour chart"));
    addChartExportAction(m_chart, QStringLiteral("timeline"));
    m_summary = summaryLabel(this, QStringLiteral("timelineSummary"), tr("Timeline summary"));
    addWidget(m_chart);
    addWidget(m_summary);
    setStretchFactor(0, 1);
}

void TimelinePage::setReport(const models::CostReport &report)
{
    m_chart->setReport(report);
    m_summary->setText(m_chart->textSummary());
    m_chart->setAccessibleDescription(m_chart->textSummary());
}

void TimelinePage::setTheme(const ChartTheme &theme)
{
    m_chart->setTheme(theme);
}

// ---- fleet ----------------------------------------------------------------------------------------------

FleetPage::FleetPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("fleetPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_platform = new QComboBox(this);
    m_platform->setObjectName(QStringLiteral("fleetPlatform"));
    m_platform->setAccessibleName(tr("Fleet platform"));
    m_hour = new HourSpinBox(this);
    m_hour->setObjectName(QStringLiteral("fleetHour"));
    m_hour->setAccessibleName(tr("Fleet hour"));
    m_hour->setToolTip(tr("The hour shown: weekday, time of day and day of the billing period (it starts on a "
                          "Monday 00:00). Type an hour number or “day 2 14:00”."));
    m_hour->setMinimumWidth(m_hour->fontMetrics().horizontalAdvance(QStringLiteral("Wed 00:00, day 888")) + 40);
    m_hourSlider = new QSlider(Qt::Horizontal, this);
    m_hourSlider->setAccessibleName(tr("Fleet hour slider"));
    auto *peak = new QPushButton(tr("Peak hour"), this);
    peak->setObjectName(QStringLiteral("fleetPeakHour"));
    auto *platformLabel = new QLabel(tr("P&latform"), this);
    platformLabel->setBuddy(m_platform);
    bar->addWidget(platformLabel);
    bar->addWidget(m_platform);
    bar->addWidget(m_hour);
    bar->addWidget(m_hourSlider, 1);
    bar->addWidget(peak);
    layout->addLayout(bar);
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    m_view = new FleetView(scroll);
    addWidgetExportAction(m_view, QStringLiteral("fleet")); // right-click: PNG or SVG of the nodes
    scroll->setWidget(m_view);
    m_summary = new QTextBrowser(split);
    m_summary->setObjectName(QStringLiteral("fleetSummary"));
    m_summary->setAccessibleName(tr("Fleet summary"));
    m_summary->setMinimumWidth(220);
    m_summary->setMaximumWidth(320);
    m_summary->setLineWrapMode(QTextEdit::WidgetWidth);
    split->addWidget(scroll);
    split->addWidget(m_summary);
    split->setStretchFactor(0, 1);
    layout->addWidget(split, 1);
    connect(m_platform, &QComboBox::currentIndexChanged, this, &FleetPage::refresh);
    connect(m_hour, &QSpinBox::valueChanged, m_hourSlider, &QSlider::setValue);
    connect(m_hourSlider, &QSlider::valueChanged, m_hour, &QSpinBox::setValue);
    connect(m_hour, &QSpinBox::valueChanged, this, &FleetPage::refresh);
    connect(peak, &QPushButton::clicked, this, &FleetPage::showPeakHour);
}

void FleetPage::setReport(const models::CostReport &report)
{
    m_report = report;
    m_hasReport = true;
    {
        const int previous = m_platform->currentData().isValid() ? m_platform->currentData().toInt() : -1;
        const QSignalBlocker block(m_platform);
        m_platform->clear();
        for (const models::PlatformResult &p : report.platforms)
            m_platform->addItem(models::displayName(p.id), int(p.id));
        const int i = m_platform->findData(previous);
        m_platform->setCurrentIndex(i >= 0 ? i : 0);
        const QSignalBlocker blockHour(m_hour);
        const QSignalBlocker blockSlider(m_hourSlider);
        m_hour->setRange(0, std::max(0, report.hours - 1));
        m_hourSlider->setRange(0, std::max(0, report.hours - 1));
        m_hourSlider->setValue(m_hour->value());
    }
    refresh();
}

void FleetPage::setServiceNames(const QStringList &names, const QList<double> &weights)
{
    m_view->setServiceNames(names, weights);
}

void FleetPage::setHour(int hour)
{
    m_hour->setValue(hour);
}

void FleetPage::showPeakHour()
{
    const auto *r = m_report.platform(static_cast<models::PlatformId>(m_platform->currentData().toInt()));
    if (!r)
        return;
    const QList<int> &counts
        = r->series.nodes.isEmpty() || *std::max_element(r->series.nodes.cbegin(), r->series.nodes.cend()) == 0
        ? r->series.tasks
        : r->series.nodes;
    if (counts.isEmpty())
        return;
    m_hour->setValue(int(std::max_element(counts.cbegin(), counts.cend()) - counts.cbegin()));
}

void FleetPage::refresh()
{
    if (!m_hasReport || m_platform->currentIndex() < 0) {
        m_view->setSnapshot({});
        m_summary->clear();
        return;
    }
    const auto id = static_cast<models::PlatformId>(m_platform->currentData().toInt());
    const models::PlatformResult *r = m_report.platform(id);
    if (!r)
        return;
    m_view->setSnapshot(r->fleetAt(m_hour->value()));
    m_summary->setPlainText(m_view->textSummary());
}

} // namespace fleetplan::views
