// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QPageSize>
#include <QString>

#include "app/report/reportcontent.h"

class QPrinter;

/// Format back ends of reportwriter.cpp (internal to app/report/).
namespace fleetplan::app {

class ReportCharts;

/// The PDF: content laid out by PdfDocument with the charts drawn as vectors.
std::optional<QByteArray> renderPdfReport(const ReportContent &content, const ReportCharts &charts,
    QPageSize::PageSizeId pageSize, int *pages, QString *error);
/// The same pages printed on `printer` (File → Print, the print preview) on `pageSize` paper.
bool printPdfReport(const ReportContent &content, const ReportCharts &charts, QPrinter *printer,
    const QPageSize &pageSize, int *pages, QString *error);
/// One self-contained HTML file: inline CSS and the charts as inline SVG.
QByteArray renderHtmlReport(const ReportContent &content, const ReportCharts &charts);
/// Markdown tables and paragraphs.
QByteArray renderMarkdownReport(const ReportContent &content);

} // namespace fleetplan::app
