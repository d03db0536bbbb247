// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <QFont>
#include <QList>
#include <QPageSize>
#include <QRectF>
#include <QString>
#include <QStringList>

class QCPPainter;
class QIODevice;
class QPagedPaintDevice;
class QPaintDevice;
class QPrinter;

namespace fleetplan::app {

/// A table for PdfDocument: header row (repeated on every page the table spans), body rows,
/// per-column weights and alignment. Cells wrap at word boundaries inside their column.
struct PdfTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<double> columnWeights; ///< relative widths; empty = equal widths
    QList<Qt::Alignment> alignments; ///< per column; missing = left
    QList<int> boldRows; ///< indexes into rows drawn bold (totals)
};

/// A small page-layout engine for vector PDF reports: a flow of headings, rich-text paragraphs,
/// tables and charts, broken into pages so that nothing overflows a page. Tables split between rows
/// and repeat their header; paragraphs split between lines; headings stay with what follows.
/// Every page carries a footer "Page N of M". Text is drawn as text (selectable) and charts are
/// drawn through QCPPainter as vectors.
///
/// Layout happens at 96 dpi (the QPdfWriter's resolution is set to 96), so fonts in points, charts
/// sized in pixels and QTextDocument measurements all agree; the PDF itself is resolution independent.
class PdfDocument
{
public:
    /// Draws a chart into `size` (device pixels at 96 dpi) with the painter's origin at the chart's
    /// top left corner.
    using ChartPainter = std::function<void(QCPPainter *painter, const QSizeF &size)>;

    explicit PdfDocument(const QPageSize &pageSize = QPageSize(QPageSize::A4));
    ~PdfDocument();
    PdfDocument(const PdfDocument &) = delete;
    PdfDocument &operator=(const PdfDocument &) = delete;

    /// PDF metadata title and the left part of each page's footer.
    void setTitle(const QString &title);
    void setCreator(const QString &creator);

    /// A heading (level 1 = section, 2 = subsection); it is never left alone at the bottom of a page.
    void addHeading(const QString &text, int level = 1);
    /// A paragraph of rich text (a subset of HTML: <b>, <i>, <br>, <ul>, <table>); may split between lines.
    void addParagraph(const QString &html);
    /// A paragraph of plain text (escaped).
    void addPlainParagraph(const QString &text);
    void addTable(const PdfTable &table);
    /// A chart `heightPx` tall spanning the text width; starts a new page when it does not fit.
    void addChart(double heightPx, ChartPainter painter);
    /// Continues on a new page.
    void addPageBreak();

    /// Lays out and writes the PDF to `device` (open for writing). Returns false with `error` set
    /// when the PDF cannot be painted.
    bool write(QIODevice *device, QString *error = nullptr);
    /// Lays out and prints the same pages on `printer` (File → Print, the print preview), which is set to
    /// this document's page size, 96 dpi and the full page. False with `error` set when it cannot print.
    bool print(QPrinter *printer, QString *error = nullptr);

    /// Pages produced by the last write().
    int pageCount() const { return m_pageCount; }
    /// Width available to content, in 96-dpi pixels (page width less margins).
    double contentWidth() const;
    QPageSize pageSize() const { return m_pageSize; }

    QFont bodyFont() const { return m_bodyFont; }

    struct Block;

private:
    bool paint(QPagedPaintDevice &device, QString *error);

    QPageSize m_pageSize;
    QString m_title;
    QString m_creator;
    QFont m_bodyFont;
    std::vector<std::unique_ptr<Block>> m_blocks;
    int m_pageCount = 0;
};

} // namespace fleetplan::app
