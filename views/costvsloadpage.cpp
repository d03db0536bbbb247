// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/costvsloadpage.h"

#include <QLabel>
#include <QShowEvent>
#include <QSplitter>
#include <QVBoxLayout>

#include "views/charttheme.h"
#include "views/costvsloadchart.h"
#include "views/sensitivitychart.h"
#include "views/viewactions.h"

namespace fleetplan::views {

CostVsLoadPage::CostVsLoadPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("costVsLoadPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_chart = new CostVsLoadChart(this);
    m_chart->setObjectName(QStringLiteral("costVsLoadChart"));
    m_chart->setMinimumHeight(280);
    addChartExportAction(m_chart, QStringLiteral("cost-vs-load"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("costVsLoadSummary"));
    m_summary->setAccessibleName(tr("Break-even points"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setMargin(6);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("costVsLoadStatus"));
    m_status->setMargin(6);
    m_status->setText(tr("Cost vs load is computed when this tab is shown."));

    m_sensitivityChart = new SensitivityChart(this);
    m_sensitivityChart->setObjectName(QStringLiteral("sensitivityChart"));
    m_sensitivityChart->setMinimumHeight(280);
    addChartExportAction(m_sensitivityChart, QStringLiteral("sensitivity"));
    m_sensitivitySummary = new QLabel(this);
    m_sensitivitySummary->setObjectName(QStringLiteral("sensitivitySummary"));
    m_sensitivitySummary->setAccessibleName(tr("Sensitivity"));
    m_sensitivitySummary->setWordWrap(true);
    m_sensitivitySummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sensitivitySummary->setTextFormat(Qt::PlainText);
    m_sensitivitySummary->setMargin(6);
    m_sensitivitySummary->setText(tr("The sensitivity follows the curve."));

    // The curve and the tornado side by side, each with its words under it; the split is the user's.
    auto column = [this](QWidget *chart, QLabel *words) {
        auto *box = new QWidget(this);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->addWidget(chart, 1);
        v->addWidget(words);
        return box;
    };
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("costVsLoadSplit"));
    split->setChildrenCollapsible(false);
    split->addWidget(column(m_chart, m_summary));
    split->addWidget(column(m_sensitivityChart, m_sensitivitySummary));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
}

void CostVsLoadPage::setSweep(const models::LoadSweep &sweep, Stage stage)
{
    m_hasSweep = true;
    m_stage = stage;
    m_chart->setSweep(sweep);
    const QStringList lines = sweep.summaryLines();
    m_summary->setText(lines.isEmpty() ? tr("No break-even in the loads swept.") : lines.join(u'\n'));
    m_chart->setAccessibleDescription(m_chart->textSummary());
    const QString range = tr("loads %1 to %2, step %3")
                              .arg(models::formatLoad(sweep.range.from), models::formatLoad(sweep.range.to))
                              .arg(sweep.range.step);
    switch (stage) {
    case Stage::Coarse:
        m_status->setText(tr("Coarse curve (every 4th load, quick packing) · %1 · refining…").arg(range));
        break;
    case Stage::Fast:
        m_status->setText(tr("Quick estimate (constructive packing) · %1 · refining…").arg(range));
        break;
    case Stage::Refined:
        m_status->setText(tr("Refined packing, the figures fleetplan sweep prints · %1 · break-evens by linear "
                             "interpolation between neighbouring loads")
                              .arg(range));
        break;
    }
}

void CostVsLoadPage::setSensitivity(const models::Sensitivity &sensitivity, bool refined)
{
    m_hasSensitivity = true;
    m_sensitivityRefined = refined;
    m_sensitivityChart->setSensitivity(sensitivity);
    m_sensitivityChart->setAccessibleDescription(m_sensitivityChart->textSummary());
    // Under the tornado: the headline and the inputs that can change the answer (a flip, or a platform
    // that cannot run); every input in words in the tooltip and in fleetplan sensitivity.
    const QStringList all = sensitivity.summaryLines();
    QStringList lines { all.value(0) };
    for (qsizetype i = 0; i < sensitivity.factors.size(); ++i) {
        const models::SensitivityFactor &f = sensitivity.factors.at(i);
        const std::optional<double> low = f.low.gapUsd();
        const std::optional<double> high = f.high.gapUsd();
        if (f.crossover || !low || !high || *low < 0 || *high < 0)
            lines << all.value(i + 1);
    }
    if (sensitivity.ranked && lines.size() == 1)
        lines << tr("No input tried changes which of the two is cheaper.");
    lines << (refined ? tr("Refined packing, the figures fleetplan sensitivity prints.")
                      : tr("Quick estimate (constructive packing); refining after the curve…"));
    m_sensitivitySummary->setText(lines.join(u'\n'));
    m_sensitivitySummary->setToolTip(all.join(u'\n'));
}

void CostVsLoadPage::setCurrentLoad(double load)
{
    m_chart->setCurrentLoad(load);
}

void CostVsLoadPage::setComputing()
{
    m_status->setText(m_hasSweep ? tr("The scenario changed: computing the new sweep…") : tr("Computing…"));
}

void CostVsLoadPage::setTheme(const ChartTheme &theme)
{
    m_chart->setTheme(theme);
    m_sensitivityChart->setTheme(theme);
}

void CostVsLoadPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    Q_EMIT shown();
}

} // namespace fleetplan::views
