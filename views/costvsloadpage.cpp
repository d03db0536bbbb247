// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/costvsloadpage.h"

#include <QLabel>
#include <QShowEvent>
#include <QVBoxLayout>

#include "views/charttheme.h"
#include "views/costvsloadchart.h"
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
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_summary);
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
}

void CostVsLoadPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    Q_EMIT shown();
}

} // namespace fleetplan::views
