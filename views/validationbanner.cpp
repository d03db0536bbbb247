// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/validationbanner.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace fleetplan::views {

ValidationBanner::ValidationBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("validationBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Scenario problems"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(2);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("validationBannerTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_list = new QLabel(this);
    m_list->setObjectName(QStringLiteral("validationBannerList"));
    m_list->setWordWrap(true);
    m_list->setTextFormat(Qt::RichText);
    m_list->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_list, &QLabel::linkActivated, this, [this](const QString &link) {
        bool ok = false;
        const int row = link.section(u':', 1).toInt(&ok);
        if (ok)
            Q_EMIT serviceActivated(row);
    });
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    hide();
}

QString ValidationBanner::headlineFor(int errors, int warnings)
{
    // Two source strings rather than "%n error(s)": the application ships no English numerus
    // translation, so "(s)" would show as typed.
    const QString errorText = errors == 1 ? tr("%n error", nullptr, errors) : tr("%n errors", nullptr, errors);
    const QString warningText
        = warnings == 1 ? tr("%n warning", nullptr, warnings) : tr("%n warnings", nullptr, warnings);
    if (errors > 0 && warnings > 0)
        return tr("%1, %2 — figures are not valid").arg(errorText, warningText);
    if (errors > 0)
        return tr("%1 — figures are not valid").arg(errorText);
    if (warnings > 0)
        return tr("%1 — check the figures").arg(warningText);
    return {};
}

int ValidationBanner::serviceRowOf(const models::Diagnostic &problem)
{
    static const QRegularExpression service(QStringLiteral("^services\\[(\\d+)\\]"));
    const QRegularExpressionMatch m = service.match(problem.where);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString ValidationBanner::describe(const models::Diagnostic &problem, const models::Scenario &scenario)
{
    const int row = serviceRowOf(problem);
    if (row < 0 || row >= scenario.services.size())
        return problem.toString();
    // "services[3].memory_mib" → the service's name and the field's key (as `fleetplan validate` spells it).
    QString field = problem.where.mid(problem.where.indexOf(u']') + 1);
    if (field.startsWith(u'.'))
        field.remove(0, 1);
    const QString name = models::printable(scenario.services.at(row).name);
    const QString message = models::printable(problem.message);
    return field.isEmpty() ? tr("Service “%1”: %2").arg(name, message)
                           : tr("Service “%1”, %2: %3").arg(name, models::printable(field), message);
}

void ValidationBanner::setProblems(const QList<models::Diagnostic> &problems, const models::Scenario &scenario)
{
    m_errors = 0;
    m_warnings = 0;
    m_lines.clear();
    QStringList items;
    // Errors first: they are what makes the figures invalid.
    for (const bool errors : { true, false }) {
        for (const models::Diagnostic &d : problems) {
            if (d.isError() != errors)
                continue;
            (errors ? m_errors : m_warnings) += 1;
            const QString line = describe(d, scenario);
            m_lines << line;
            if (items.size() >= MaxListed)
                continue;
            const QString tag = errors ? tr("error") : tr("warning");
            const int row = serviceRowOf(d);
            const QString text = line.toHtmlEscaped();
            items << (row >= 0 && row < scenario.services.size()
                    ? QStringLiteral("<li>%1: <a href=\"service:%2\">%3</a></li>").arg(tag).arg(row).arg(text)
                    : QStringLiteral("<li>%1: %2</li>").arg(tag, text));
        }
    }
    m_headline = headlineFor(m_errors, m_warnings);
    if (m_lines.isEmpty()) {
        hide();
        return;
    }
    QString html = QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">") + items.join(QString())
        + QStringLiteral("</ul>");
    if (m_lines.size() > MaxListed)
        html += tr("… and %1 more (see the Workload tab)").arg(m_lines.size() - MaxListed);
    if (m_errors > 0)
        html += tr("<p>The scenario is not priced until the errors are fixed: the figures below are those of its "
                   "last valid version. Exports are refused meanwhile.</p>");
    m_title->setText(m_headline);
    m_list->setText(html);
    setAccessibleDescription(plainText());
    restyle();
    show();
}

QString ValidationBanner::plainText() const
{
    if (m_headline.isEmpty())
        return {};
    return (QStringList { m_headline } + m_lines).join(u'\n');
}

void ValidationBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // The theme changes the application's palette; the banner's own palette follows its style sheet.
    if (event->type() == QEvent::ApplicationPaletteChange && !m_headline.isEmpty())
        restyle();
}

void ValidationBanner::restyle()
{
    // KMessageWidget's colours: a tinted background and a strong border, readable in light and dark themes.
    const QColor accent = m_errors > 0 ? QColor(0xDA, 0x44, 0x53) : QColor(0xF6, 0x74, 0x00);
    const QColor window = QApplication::palette().window().color();
    const bool dark = window.lightness() < 128;
    QColor fill = accent;
    fill.setAlpha(dark ? 70 : 40);
    const QColor background = QColor::fromRgbF(window.redF() * (1 - fill.alphaF()) + accent.redF() * fill.alphaF(),
        window.greenF() * (1 - fill.alphaF()) + accent.greenF() * fill.alphaF(),
        window.blueF() * (1 - fill.alphaF()) + accent.blueF() * fill.alphaF());
    const QString sheet
        = QStringLiteral("QFrame#validationBanner { background: %1; border: 1px solid %2; border-radius: 4px; }")
              .arg(background.name(), accent.name());
    if (sheet != styleSheet())
        setStyleSheet(sheet);
}

} // namespace fleetplan::views
