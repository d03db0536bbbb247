// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/explainpanel.h"

#include <cmath>

#include <QComboBox>
#include <QLabel>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "models/simulation/moneyformat.h"
#include "views/regionnames.h"
#include "views/sourcecitation.h"

namespace fleetplan::views {

namespace {
// One precision per quantity (as models/simulation/moneyformat.h writes explanations): amounts in USD
// with 2 decimals, hourly rates and commitments in USD/h with 4, counts without decimals.
QString usd(double v)
{
    return models::formatNumber(v, 2) + QStringLiteral(" USD");
}

QString usdPerHour(double v)
{
    return models::formatNumber(v, 4) + QStringLiteral(" USD/h");
}

/// Instance type names ("m6i.8xlarge", "u-6tb1.112xlarge") never break: Qt's line breaking allows a break
/// after the dot before a digit and after a hyphen, so a word joiner (U+2060) follows the dot and a
/// non-breaking hyphen (U+2011) replaces the hyphen. The panel also wraps at word boundaries only.
QString keepInstanceNamesWhole(QString text)
{
    static const QRegularExpression instance(
        QStringLiteral("\\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*\\.[a-z0-9-]*[0-9a-z]\\b"));
    QRegularExpressionMatchIterator it = instance.globalMatch(text);
    QList<QRegularExpressionMatch> matches;
    while (it.hasNext())
        matches.append(it.next());
    // Last match first: replacing a name shifts the positions of the ones after it.
    for (qsizetype i = matches.size() - 1; i >= 0; --i) {
        const QRegularExpressionMatch &m = matches.at(i);
        QString name = m.captured();
        name.replace(u'-', QChar(0x2011)).replace(u'.', QStringLiteral(".\u2060"));
        text.replace(m.capturedStart(), m.capturedLength(), name);
    }
    return text;
}

QString html(const QString &s)
{
    return keepInstanceNamesWhole(s).toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

/// Node-hours: whole numbers without ".0", fractions (jobs of minutes) with one decimal.
QString hoursText(double hours)
{
    return models::formatNumber(hours, hours == std::floor(hours) ? 0 : 1);
}
} // namespace

ExplainPanel::ExplainPanel(QWidget *parent)
    : QWidget(parent)
    , m_platform(new QComboBox(this))
    , m_text(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("explainPanel"));
    setAccessibleName(tr("Explain"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_platform->setObjectName(QStringLiteral("explainPlatform"));
    m_platform->setAccessibleName(tr("Platform to explain"));
    for (models::PlatformId id : models::AllPlatforms)
        m_platform->addItem(models::displayName(id), int(id));
    m_text->setObjectName(QStringLiteral("explainText"));
    m_text->setAccessibleName(tr("Explanation"));
    m_text->setOpenLinks(false);
    // Never break a word (an instance type, an amount) to fill a narrow dock: QTextEdit's default also
    // breaks anywhere when a word is longer than the line.
    m_text->setWordWrapMode(QTextOption::WordWrap);
    layout->addWidget(m_platform);
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_text);
    m_baselineBox = new QWidget(m_split);
    auto *box = new QVBoxLayout(m_baselineBox);
    box->setContentsMargins(0, 0, 0, 0);
    m_baselineTitle = new QLabel(m_baselineBox);
    m_baselineTitle->setObjectName(QStringLiteral("explainBaselineTitle"));
    m_baselineTitle->setWordWrap(true);
    m_baselineTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_baselineTitle->font();
    bold.setBold(true);
    m_baselineTitle->setFont(bold);
    m_baselineText = new QTextBrowser(m_baselineBox);
    m_baselineText->setObjectName(QStringLiteral("explainBaselineText"));
    m_baselineText->setAccessibleName(tr("Explanation of the baseline"));
    m_baselineText->setOpenLinks(false);
    m_baselineText->setWordWrapMode(QTextOption::WordWrap);
    box->addWidget(m_baselineTitle);
    box->addWidget(m_baselineText, 1);
    m_split->addWidget(m_baselineBox);
    m_baselineBox->hide();
    layout->addWidget(m_split, 1);
    connect(m_platform, &QComboBox::currentIndexChanged, this, &ExplainPanel::refresh);
}

void ExplainPanel::setBaseline(const QString &label, const models::CostReport &baseline)
{
    m_baselineLabel = label;
    m_baselineReport = baseline;
    m_hasBaseline = true;
    m_baselineBox->show();
    refresh();
}

void ExplainPanel::clearBaseline()
{
    m_hasBaseline = false;
    m_baselineReport = {};
    m_baselineBox->hide();
    m_baselineText->clear();
    m_shownBaselineHtml.clear();
    m_baselineTitle->clear();
}

QString ExplainPanel::baselineText() const
{
    catchUp();
    if (!m_hasBaseline)
        return {};
    return m_baselineTitle->text() + u'\n' + m_baselineText->toPlainText();
}

void ExplainPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Side by side when there is room for two readable columns.
    m_split->setOrientation(event->size().width() >= 640 ? Qt::Horizontal : Qt::Vertical);
}

void ExplainPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    catchUp();
}

void ExplainPanel::catchUp() const
{
    if (m_stale)
        const_cast<ExplainPanel *>(this)->refreshNow(); // the shown text is a cache of m_report
}

void ExplainPanel::setReport(const models::CostReport &report)
{
    m_report = report;
    refresh();
}

void ExplainPanel::setPlatform(models::PlatformId id)
{
    m_platform->setCurrentIndex(m_platform->findData(int(id)));
}

models::PlatformId ExplainPanel::platform() const
{
    return static_cast<models::PlatformId>(m_platform->currentData().toInt());
}

QString ExplainPanel::text() const
{
    catchUp();
    // The words as written: without the word joiners and non-breaking hyphens that keep instance names whole.
    return m_text->toPlainText().remove(QChar(0x2060)).replace(QChar(0x2011), u'-');
}

QString ExplainPanel::explain(const models::CostReport &report, models::PlatformId id)
{
    const models::PlatformResult *r = report.platform(id);
    if (!r)
        return {};
    QString h;
    if (!r->feasible()) {
        h += QStringLiteral("<h3>%1: %2</h3>").arg(html(models::displayName(id)), tr("infeasible"));
        h += tr("<p>This platform cannot run the workload as described, so it has no price:</p><ul>");
        for (const models::Infeasibility &i : r->infeasible)
            h += QStringLiteral("<li>%1</li>")
                     .arg(html(i.service.isEmpty() ? i.reason : i.service + QStringLiteral(": ") + i.reason));
        h += QStringLiteral("</ul>");
    } else {
        h += QStringLiteral("<h3>%1: %2</h3>").arg(html(models::displayName(id)), usd(r->totalUsd));
    }
    h += tr("<p>%1 hours in %2, prices as of %3.</p>")
             .arg(models::formatNumber(report.hours, 0), html(regionName(report.region)), html(report.catalogAsOf));
    h += QStringLiteral("<h4>%1</h4>").arg(tr("Components"));
    for (const models::CostComponent &c : r->components) {
        h += QStringLiteral("<p style=\"margin-top:4px\"><b>%1: %2</b><br>%3</p>")
                 .arg(html(models::displayName(c.id)), usd(c.usd), html(c.explanation));
    }
    if (!r->nodeHoursByType.isEmpty()) {
        h += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Node-hours by instance type"));
        for (auto it = r->nodeHoursByType.cbegin(); it != r->nodeHoursByType.cend(); ++it)
            h += QStringLiteral("<li>%1: %2</li>").arg(html(it.key()), hoursText(it.value()));
        h += QStringLiteral("</ul>");
        h += tr("<p>Peak nodes: %1.</p>").arg(models::formatNumber(r->peakNodes, 0));
    }
    if (r->lowerBoundUsd > 0) {
        // How far the packed fleets can be from the best packing (docs/cost-rules.md).
        h += QStringLiteral("<h4>%1</h4>").arg(tr("Packing vs lower bound"));
        h += tr("<p>Compute instance-hours at catalog rates: %1. Sum over the hours of the placement lower bound "
                "of each hour's demand (no packing of that demand onto the allowed types can cost less): %2. "
                "Packed ÷ bound: <b>%3</b> (at most %4 % above the best possible packing).</p>")
                 .arg(usd(r->packedComputeUsd), usd(r->lowerBoundUsd))
                 .arg(r->optimalityRatio, 0, 'f', 3)
                 .arg((r->optimalityRatio - 1.0) * 100, 0, 'f', 1);
    }
    h += tr("<p>Utilisation: CPU %1 %, memory %2 %")
             .arg(r->utilisation.cpu * 100, 0, 'f', 1)
             .arg(r->utilisation.memory * 100, 0, 'f', 1);
    if (r->utilisation.slotUsage > 0)
        h += tr(", slots %1 %").arg(r->utilisation.slotUsage * 100, 0, 'f', 1);
    h += tr(". Idle capacity cost: %1.</p>").arg(usd(r->idleCostUsd));
    if (r->savingsPlan.applicable) {
        h += tr("<h4>Savings Plans</h4><p>Recommended commitment %1 (%2 % off): total %3, saving %4.<br>%5</p>")
                 .arg(usdPerHour(r->savingsPlan.commitmentUsdPerHour))
                 .arg(r->savingsPlan.discountPercent, 0, 'f', 1)
                 .arg(usd(r->savingsPlan.totalUsdWithCommitment), usd(r->savingsPlan.savingUsd),
                     html(r->savingsPlan.explanation));
    }
    if (!r->warnings.isEmpty()) {
        h += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Warnings"));
        for (const QString &w : r->warnings)
            h += QStringLiteral("<li>%1</li>").arg(html(w));
        h += QStringLiteral("</ul>");
    }
    if (!r->assumptions.isEmpty()) {
        h += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Assumptions"));
        for (const models::Assumption &a : r->assumptions) {
            // Publisher and date; the whole citation on hover (ExplainPanel shows char-format tooltips).
            const SourceCitation cite = citeSource(a.source);
            h += QStringLiteral("<li>%1: %2 <i>(<span title=\"%3\">%4</span>)</i></li>")
                     .arg(html(a.name), html(a.value), cite.full.toHtmlEscaped(), html(cite.label));
        }
        h += QStringLiteral("</ul>");
    }
    return h;
}

void ExplainPanel::refresh()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    refreshNow();
}

void ExplainPanel::refreshNow()
{
    m_stale = false;
    QString h = explain(m_report, platform());
    if (h.isEmpty())
        h = tr("<p>%1 was not simulated.</p>").arg(html(models::displayName(platform())));
    if (h != m_shownHtml) {
        m_text->setHtml(h);
        m_shownHtml = h;
    }
    if (!m_hasBaseline)
        return;
    const models::PlatformResult *before = m_baselineReport.platform(platform());
    const models::PlatformResult *now = m_report.platform(platform());
    QString title = tr("Baseline (%1)").arg(m_baselineLabel);
    if (before && now && before->feasible() && now->feasible()) {
        const double change = now->totalUsd - before->totalUsd;
        title += tr(": %1, now %2, change %3%4")
                     .arg(usd(before->totalUsd), usd(now->totalUsd), change >= 0 ? QStringLiteral("+") : QString(),
                         usd(change));
        if (before->totalUsd > 0)
            title += QStringLiteral(" (%1%2 %)")
                         .arg(change >= 0 ? QStringLiteral("+") : QString(),
                             models::formatNumber(change / before->totalUsd * 100.0, 1));
    } else if (before && !before->feasible()) {
        title += tr(": could not run the workload");
    }
    m_baselineTitle->setText(title);
    QString b = explain(m_baselineReport, platform());
    if (b.isEmpty())
        b = tr("<p>%1 was not simulated in the baseline.</p>").arg(html(models::displayName(platform())));
    if (b != m_shownBaselineHtml) {
        m_baselineText->setHtml(b);
        m_shownBaselineHtml = b;
    }
}

} // namespace fleetplan::views
