// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportformats.h"

#include <QRegularExpression>

#include "app/report/reportcharts.h"

namespace fleetplan::app {

namespace {

QString esc(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(u'\n', QStringLiteral("<br>"));
    return html;
}

QString table(const ReportTable &t)
{
    if (t.rows.isEmpty())
        return QStringLiteral("<p class=\"none\">None.</p>\n");
    QString html = QStringLiteral("<table>\n<thead><tr>");
    for (int c = 0; c < t.header.size(); ++c) {
        const bool num = c < t.numeric.size() && t.numeric.at(c);
        html += (num ? QStringLiteral("<th class=\"num\">") : QStringLiteral("<th>")) + esc(t.header.at(c)) + u"</th>";
    }
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < t.rows.size(); ++r) {
        html += t.boldRows.contains(r) ? QStringLiteral("<tr class=\"total\">") : QStringLiteral("<tr>");
        const QStringList &row = t.rows.at(r);
        for (int c = 0; c < row.size(); ++c) {
            const bool num = c < t.numeric.size() && t.numeric.at(c);
            html += (num ? QStringLiteral("<td class=\"num\">") : QStringLiteral("<td>")) + esc(row.at(c)) + u"</td>";
        }
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</tbody>\n</table>\n");
}

/// The SVG document without its XML declaration, ready to sit inside HTML.
QString inlineSvg(const QByteArray &svg, const QString &label)
{
    QString text = QString::fromUtf8(svg);
    const qsizetype start = text.indexOf(QStringLiteral("<svg"));
    if (start > 0)
        text = text.mid(start);
    // Scale with the page: drop the fixed size in mm, keep the viewBox.
    text.replace(QRegularExpression(QStringLiteral("^<svg([^>]*?) width=\"[^\"]*\" height=\"[^\"]*\"")),
        QStringLiteral("<svg\\1"));
    text.replace(QRegularExpression(QStringLiteral("^<svg")),
        QStringLiteral("<svg role=\"img\" aria-label=\"%1\" class=\"chart\"").arg(label.toHtmlEscaped()));
    return text;
}

const char16_t *const Style = uR"(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #202020; max-width: 60em;
       margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
dl.title { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; }
dl.title dt { font-weight: bold; }
dl.title dd { margin: 0; }
p.recommendation { background: #eef5ee; border-left: 4px solid #009E73; padding: 0.6em 0.9em; }
table { border-collapse: collapse; width: 100%; font-size: 0.88em; margin: 0.5em 0; }
th, td { padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
thead th { background: #e8ecf2; border-bottom: 1px solid #888; }
tbody tr:nth-child(even) { background: #f6f7f9; }
tr.total td { font-weight: bold; border-top: 1px solid #888; }
.num { text-align: right; white-space: nowrap; }
figure { margin: 1em 0; }
svg.chart { width: 100%; height: auto; border: 1px solid #e0e0e0; }
figcaption { font-size: 0.85em; color: #555; }
.none { color: #666; font-style: italic; }
footer { margin-top: 3em; font-size: 0.8em; color: #666; }
)";

} // namespace

QByteArray renderHtmlReport(const ReportContent &content, const ReportCharts &charts)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        + esc(content.title) + QStringLiteral("</title>\n<style>") + QString::fromUtf16(Style)
        + QStringLiteral("</style>\n</head>\n<body>\n");
    html += u"<h1>" + esc(content.title) + u"</h1>\n<dl class=\"title\">\n";
    for (const auto &[label, value] : content.titleBlock)
        html += u"<dt>" + esc(label) + u"</dt><dd>" + esc(value) + u"</dd>\n";
    html += QStringLiteral("</dl>\n<h2>Recommendation</h2>\n<p class=\"recommendation\">") + esc(content.recommendation)
        + QStringLiteral("</p>\n");

    html += QStringLiteral("<h2>Cost per %1</h2>\n").arg(esc(content.periodUnit));
    html += QStringLiteral("<figure id=\"comparison-chart\">\n")
        + inlineSvg(charts.comparisonSvg(QSize(900, 420)), QStringLiteral("Cost comparison chart"))
        + QStringLiteral("\n<figcaption>") + esc(charts.comparisonSummary())
        + QStringLiteral("</figcaption>\n</figure>\n");
    html += table(content.summary);

    if (content.baseline.present) {
        html += QStringLiteral("<h2>Against the baseline</h2>\n<p>") + esc(content.baseline.intro)
            + QStringLiteral("</p>\n") + table(content.baseline.table)
            + QStringLiteral("<p>Inputs changed:</p>\n<ul class=\"inputs-changed\">\n");
        if (content.baseline.inputs.isEmpty())
            html += QStringLiteral("<li>none (the same scenario inputs)</li>\n");
        for (const QString &line : content.baseline.inputs)
            html += u"<li>" + esc(line) + u"</li>\n";
        html += QStringLiteral("</ul>\n");
    }
    html += QStringLiteral("<h2>Breakdown by platform</h2>\n");
    for (const PlatformBreakdown &b : content.breakdowns)
        html += u"<h3>" + esc(b.title) + u"</h3>\n" + table(b.table);

    html += QStringLiteral("<h2>Hour by hour</h2>\n<figure id=\"timeline-chart\">\n")
        + inlineSvg(charts.timelineSvg(QSize(900, 520)), QStringLiteral("Cost and fleet timeline chart"))
        + QStringLiteral("\n<figcaption>") + esc(charts.timelineSummary())
        + QStringLiteral("</figcaption>\n</figure>\n");

    if (content.costVsLoad.present) {
        html += QStringLiteral("<h2>Cost vs load</h2>\n<p>") + esc(content.costVsLoad.intro)
            + QStringLiteral("</p>\n<figure id=\"cost-vs-load-chart\">\n")
            + inlineSvg(charts.costVsLoadSvg(QSize(900, 460)), QStringLiteral("Cost versus load chart"))
            + QStringLiteral("\n<figcaption>") + esc(charts.costVsLoadSummary())
            + QStringLiteral("</figcaption>\n</figure>\n<ul class=\"break-even\">\n");
        for (const QString &line : content.costVsLoad.lines)
            html += u"<li>" + esc(line) + u"</li>\n";
        html += QStringLiteral("</ul>\n") + table(content.costVsLoad.table);
    }
    if (content.sensitivity.present) {
        html += QStringLiteral("<h2>Sensitivity</h2>\n<p>") + esc(content.sensitivity.intro) + QStringLiteral("</p>\n");
        if (!content.sensitivity.table.rows.isEmpty()) {
            html += QStringLiteral("<figure id=\"sensitivity-chart\">\n")
                + inlineSvg(charts.sensitivitySvg(QSize(900, 520)), QStringLiteral("Sensitivity chart"))
                + QStringLiteral("\n<figcaption>") + esc(charts.sensitivitySummary())
                + QStringLiteral("</figcaption>\n</figure>\n");
        }
        html += QStringLiteral("<ul class=\"sensitivity\">\n");
        for (const QString &line : content.sensitivity.lines)
            html += u"<li>" + esc(line) + u"</li>\n";
        html += QStringLiteral("</ul>\n");
        if (!content.sensitivity.table.rows.isEmpty())
            html += table(content.sensitivity.table);
    }

    html += QStringLiteral("<h2>Fleet composition</h2>\n") + table(content.fleet);
    if (!content.nodeHours.rows.isEmpty())
        html += table(content.nodeHours);
    html += QStringLiteral("<h2>Savings Plans recommendation</h2>\n") + table(content.savingsPlans);
    html += QStringLiteral("<h2>Warnings</h2>\n");
    if (content.warnings.isEmpty()) {
        html += QStringLiteral("<p class=\"none\">None.</p>\n");
    } else {
        html += QStringLiteral("<ul>\n");
        for (const QString &w : content.warnings)
            html += u"<li>" + esc(w) + u"</li>\n";
        html += QStringLiteral("</ul>\n");
    }
    html += QStringLiteral("<h2>Workload</h2>\n") + table(content.workload);
    html += QStringLiteral("<h2>Assumptions</h2>\n") + table(content.assumptions);
    html += QStringLiteral("<h2>Rates used</h2>\n") + table(content.rates);
    html += QStringLiteral("<footer>Generated by Fleetplan %1.</footer>\n</body>\n</html>\n")
                .arg(QStringLiteral(FLEETPLAN_VERSION));
    return html.toUtf8();
}

} // namespace fleetplan::app
