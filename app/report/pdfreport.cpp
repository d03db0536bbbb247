// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportformats.h"

#include <QBuffer>

#include "app/report/pdfdocument.h"
#include "app/report/reportcharts.h"

namespace fleetplan::app {

namespace {

PdfTable pdfTable(const ReportTable &t)
{
    PdfTable table;
    table.header = t.header;
    table.rows = t.rows;
    table.columnWeights = t.weights;
    table.boldRows = t.boldRows;
    for (int c = 0; c < t.header.size(); ++c)
        table.alignments.append(c < t.numeric.size() && t.numeric.at(c) ? Qt::AlignRight : Qt::AlignLeft);
    return table;
}

void addTableOrNone(PdfDocument &doc, const ReportTable &t)
{
    if (t.rows.isEmpty())
        doc.addParagraph(QStringLiteral("<i>None.</i>"));
    else
        doc.addTable(pdfTable(t));
}

/// The report's flow of headings, paragraphs, tables and charts (the charts are painted from `charts`,
/// which must outlive the document's write() or print()).
void composePdfReport(PdfDocument &doc, const ReportContent &content, const ReportCharts &charts)
{
    doc.setTitle(content.title);
    doc.setCreator(QStringLiteral("Fleetplan " FLEETPLAN_VERSION));
    const double width = doc.contentWidth();

    // Title block.
    QString title = QStringLiteral(
        "<p style=\"font-size: 17pt; font-weight: bold;\">%1</p><table cellspacing=\"0\" cellpadding=\"1\">")
                        .arg(content.title.toHtmlEscaped());
    for (const auto &[label, value] : content.titleBlock)
        title += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                     .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    doc.addParagraph(title + QStringLiteral("</table>"));

    doc.addHeading(QStringLiteral("Recommendation"));
    doc.addPlainParagraph(content.recommendation);

    const bool anyPlatform = !content.summary.rows.isEmpty();
    doc.addHeading(QStringLiteral("Cost per %1").arg(content.periodUnit));
    if (anyPlatform)
        doc.addChart(
            width * 0.5, [&charts](QCPPainter *painter, const QSizeF &size) { charts.paintComparison(painter, size); });
    addTableOrNone(doc, content.summary);

    if (content.baseline.present) {
        doc.addHeading(QStringLiteral("Against the baseline"));
        doc.addPlainParagraph(content.baseline.intro);
        addTableOrNone(doc, content.baseline.table);
        doc.addPlainParagraph(QStringLiteral("Inputs changed:"));
        if (content.baseline.inputs.isEmpty())
            doc.addParagraph(QStringLiteral("• none (the same scenario inputs)"));
        for (const QString &line : content.baseline.inputs)
            doc.addParagraph(QStringLiteral("• ") + line.toHtmlEscaped());
    }

    doc.addHeading(QStringLiteral("Breakdown by platform"));
    for (const PlatformBreakdown &b : content.breakdowns) {
        doc.addHeading(b.title, 2);
        doc.addTable(pdfTable(b.table));
    }

    if (anyPlatform) {
        doc.addHeading(QStringLiteral("Hour by hour"));
        doc.addChart(
            width * 0.68, [&charts](QCPPainter *painter, const QSizeF &size) { charts.paintTimeline(painter, size); });
        doc.addPlainParagraph(charts.timelineSummary());
    }

    if (content.costVsLoad.present) {
        // The chart right after the heading: the heading moves with it to the next page when it does not fit.
        doc.addHeading(QStringLiteral("Cost vs load"));
        doc.addChart(width * 0.55,
            [&charts](QCPPainter *painter, const QSizeF &size) { charts.paintCostVsLoad(painter, size); });
        for (const QString &line : content.costVsLoad.lines)
            doc.addParagraph(QStringLiteral("• ") + line.toHtmlEscaped());
        doc.addPlainParagraph(content.costVsLoad.intro);
        addTableOrNone(doc, content.costVsLoad.table);
    }

    if (content.sensitivity.present) {
        doc.addHeading(QStringLiteral("Sensitivity"));
        if (!content.sensitivity.table.rows.isEmpty())
            doc.addChart(width * 0.6,
                [&charts](QCPPainter *painter, const QSizeF &size) { charts.paintSensitivity(painter, size); });
        for (const QString &line : content.sensitivity.lines)
            doc.addParagraph(QStringLiteral("• ") + line.toHtmlEscaped());
        doc.addPlainParagraph(content.sensitivity.intro);
        if (!content.sensitivity.table.rows.isEmpty())
            doc.addTable(pdfTable(content.sensitivity.table));
    }

    doc.addHeading(QStringLiteral("Fleet composition"));
    doc.addTable(pdfTable(content.fleet));
    if (!content.nodeHours.rows.isEmpty())
        doc.addTable(pdfTable(content.nodeHours));

    doc.addHeading(QStringLiteral("Savings Plans recommendation"));
    addTableOrNone(doc, content.savingsPlans);

    doc.addHeading(QStringLiteral("Warnings"));
    if (content.warnings.isEmpty()) {
        doc.addParagraph(QStringLiteral("<i>None.</i>"));
    } else {
        for (const QString &w : content.warnings)
            doc.addParagraph(QStringLiteral("• ") + w.toHtmlEscaped());
    }

    doc.addHeading(QStringLiteral("Workload"));
    addTableOrNone(doc, content.workload);
    doc.addHeading(QStringLiteral("Assumptions"));
    addTableOrNone(doc, content.assumptions);
    doc.addHeading(QStringLiteral("Rates used"));
    addTableOrNone(doc, content.rates);
}

} // namespace

std::optional<QByteArray> renderPdfReport(const ReportContent &content, const ReportCharts &charts,
    QPageSize::PageSizeId pageSize, int *pages, QString *error)
{
    PdfDocument doc { QPageSize(pageSize) };
    composePdfReport(doc, content, charts);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!doc.write(&buffer, error))
        return std::nullopt;
    if (pages)
        *pages = doc.pageCount();
    return buffer.data();
}

bool printPdfReport(const ReportContent &content, const ReportCharts &charts, QPrinter *printer,
    const QPageSize &pageSize, int *pages, QString *error)
{
    PdfDocument doc { pageSize };
    composePdfReport(doc, content, charts);
    if (!doc.print(printer, error))
        return false;
    if (pages)
        *pages = doc.pageCount();
    return true;
}

} // namespace fleetplan::app
