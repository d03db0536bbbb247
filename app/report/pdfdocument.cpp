// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/pdfdocument.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPdfWriter>
#include <QPrinter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <qcustomplot.h>

namespace fleetplan::app {

namespace {

constexpr int Dpi = 96; // see the class comment: fonts, charts and text agree at 96 dpi
constexpr double MarginMm = 16.0;
constexpr double FooterGap = 18.0; // px between the body and the footer baseline area
constexpr double CellPadX = 4.0;
constexpr double CellPadY = 2.5;

double mmToPx(double mm)
{
    return mm / 25.4 * Dpi;
}

/// Word wrap, or wrap anywhere when one word alone is wider than the cell (long file names, URLs),
/// so that no text runs into the next column.
int wrapFlags(const QFontMetricsF &fm, const QString &text, double width)
{
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (fm.horizontalAdvance(word) > width)
            return Qt::TextWrapAnywhere;
    }
    return Qt::TextWordWrap;
}

} // namespace

/// One item of the flow. A block is cut into units (lines, rows); a page holds a slice [from, to).
struct PdfDocument::Block
{
    virtual ~Block() = default;
    /// Measures the block for `width` px on `device`.
    virtual void prepare(QPaintDevice *device, double width) = 0;
    virtual int unitCount() const = 0;
    /// Height of units [from, to) when drawn together on one page.
    virtual double sliceHeight(int from, int to) const = 0;
    /// Draws units [from, to) with their top left at `topLeft`.
    virtual void paint(QCPPainter *painter, QPointF topLeft, int from, int to) = 0;

    double spaceBefore = 0;
    bool keepWithNext = false;
    bool pageBreak = false;
};

namespace {

using Block = PdfDocument::Block;

class PageBreakBlock final : public Block
{
public:
    PageBreakBlock() { pageBreak = true; }
    void prepare(QPaintDevice * /*device*/, double /*width*/) override { }
    int unitCount() const override { return 0; }
    double sliceHeight(int /*from*/, int /*to*/) const override { return 0; }
    void paint(QCPPainter * /*painter*/, QPointF /*topLeft*/, int /*from*/, int /*to*/) override { }
};

/// Rich text through QTextDocument; units are the laid-out lines.
class TextBlock final : public Block
{
public:
    TextBlock(QString html, const QFont &font, bool plain)
        : m_html(std::move(html))
        , m_font(font)
        , m_plain(plain)
    {
    }

    void prepare(QPaintDevice *device, double width) override
    {
        m_doc.setDefaultFont(m_font);
        m_doc.setDocumentMargin(0);
        m_doc.documentLayout()->setPaintDevice(device);
        m_doc.setDefaultStyleSheet(
            QStringLiteral("ul { margin-left: 0px; -qt-list-indent: 1; } li { margin-bottom: 2px; }"));
        if (m_plain)
            m_doc.setPlainText(m_html);
        else
            m_doc.setHtml(m_html);
        m_doc.setTextWidth(width);
        // Line bottoms are the places a paragraph may be cut between pages.
        QList<double> cuts { 0.0 };
        for (QTextBlock b = m_doc.begin(); b.isValid(); b = b.next()) {
            const QTextLayout *layout = b.layout();
            const QRectF box = m_doc.documentLayout()->blockBoundingRect(b);
            for (int i = 0; layout && i < layout->lineCount(); ++i) {
                const QTextLine line = layout->lineAt(i);
                cuts.append(box.top() + line.y() + line.height());
            }
        }
        cuts.append(m_doc.size().height());
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end(), [](double a, double b) { return std::abs(a - b) < 0.5; }),
            cuts.end());
        cuts.last() = std::max(cuts.last(), m_doc.size().height());
        m_cuts = cuts;
    }
    int unitCount() const override { return int(m_cuts.size()) - 1; }
    double sliceHeight(int from, int to) const override { return m_cuts.at(to) - m_cuts.at(from); }
    void paint(QCPPainter *painter, QPointF topLeft, int from, int to) override
    {
        painter->QPainter::save();
        painter->translate(topLeft.x(), topLeft.y() - m_cuts.at(from));
        const QRectF clip(0, m_cuts.at(from), m_doc.textWidth(), m_cuts.at(to) - m_cuts.at(from));
        m_doc.drawContents(painter, clip);
        painter->QPainter::restore();
    }

private:
    QString m_html;
    QFont m_font;
    bool m_plain;
    QTextDocument m_doc;
    QList<double> m_cuts;
};

/// A table drawn cell by cell; units are body rows, and each slice repeats the header.
class TableBlock final : public Block
{
public:
    TableBlock(PdfTable table, const QFont &font)
        : m_table(std::move(table))
        , m_font(font)
    {
    }

    void prepare(QPaintDevice *device, double width) override
    {
        const int columns = int(m_table.header.size());
        QList<double> weights = m_table.columnWeights;
        while (weights.size() < columns)
            weights.append(1.0);
        double sum = 0;
        for (int c = 0; c < columns; ++c)
            sum += weights.at(c);
        m_widths.clear();
        for (int c = 0; c < columns; ++c)
            m_widths.append(width * weights.at(c) / (sum > 0 ? sum : 1));
        m_device = device;
        QFont bold = m_font;
        bold.setBold(true);
        m_headerHeight = rowHeight(m_table.header, bold);
        m_rowHeights.clear();
        for (int r = 0; r < m_table.rows.size(); ++r)
            m_rowHeights.append(rowHeight(m_table.rows.at(r), m_table.boldRows.contains(r) ? bold : m_font));
    }
    int unitCount() const override { return int(m_table.rows.size()); }
    double sliceHeight(int from, int to) const override
    {
        double h = m_headerHeight;
        for (int r = from; r < to; ++r)
            h += m_rowHeights.at(r);
        return h;
    }
    void paint(QCPPainter *painter, QPointF topLeft, int from, int to) override
    {
        QFont bold = m_font;
        bold.setBold(true);
        double y = topLeft.y();
        const double totalWidth = std::accumulate(m_widths.cbegin(), m_widths.cend(), 0.0);
        painter->QPainter::save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xE8, 0xEC, 0xF2));
        painter->drawRect(QRectF(topLeft.x(), y, totalWidth, m_headerHeight));
        paintRow(painter, m_table.header, QPointF(topLeft.x(), y), m_headerHeight, bold);
        y += m_headerHeight;
        for (int r = from; r < to; ++r) {
            if ((r - from) % 2 == 1) {
                painter->setPen(Qt::NoPen);
                painter->setBrush(QColor(0xF6, 0xF7, 0xF9));
                painter->drawRect(QRectF(topLeft.x(), y, totalWidth, m_rowHeights.at(r)));
            }
            const bool isBold = m_table.boldRows.contains(r);
            if (isBold) {
                painter->QPainter::setPen(QPen(QColor(0x80, 0x80, 0x80), 0.8));
                painter->QPainter::drawLine(QLineF(topLeft.x(), y, topLeft.x() + totalWidth, y));
            }
            paintRow(painter, m_table.rows.at(r), QPointF(topLeft.x(), y), m_rowHeights.at(r), isBold ? bold : m_font);
            y += m_rowHeights.at(r);
        }
        painter->QPainter::setPen(QPen(QColor(0x80, 0x80, 0x80), 0.8));
        painter->QPainter::drawLine(
            QLineF(topLeft.x(), topLeft.y() + m_headerHeight, topLeft.x() + totalWidth, topLeft.y() + m_headerHeight));
        painter->QPainter::drawLine(QLineF(topLeft.x(), y, topLeft.x() + totalWidth, y));
        painter->QPainter::restore();
    }

private:
    Qt::Alignment alignment(int column) const
    {
        return column < m_table.alignments.size() ? m_table.alignments.at(column) : Qt::AlignLeft;
    }
    double rowHeight(const QStringList &cells, const QFont &font) const
    {
        const QFontMetricsF fm(font, m_device);
        double h = fm.height();
        for (int c = 0; c < cells.size() && c < m_widths.size(); ++c) {
            const double w = m_widths.at(c) - 2 * CellPadX;
            const QRectF r
                = fm.boundingRect(QRectF(0, 0, w, 1e6), int(alignment(c)) | wrapFlags(fm, cells.at(c), w), cells.at(c));
            h = std::max(h, r.height());
        }
        return h + 2 * CellPadY;
    }
    void paintRow(QCPPainter *painter, const QStringList &cells, QPointF topLeft, double height, const QFont &font)
    {
        painter->setFont(font);
        painter->QPainter::setPen(QColor(0x20, 0x20, 0x20));
        const QFontMetricsF fm(font, m_device);
        double x = topLeft.x();
        for (int c = 0; c < m_widths.size(); ++c) {
            const QRectF cell(
                x + CellPadX, topLeft.y() + CellPadY, m_widths.at(c) - 2 * CellPadX, height - 2 * CellPadY);
            if (c < cells.size())
                painter->drawText(
                    cell, int(alignment(c) | Qt::AlignTop) | wrapFlags(fm, cells.at(c), cell.width()), cells.at(c));
            x += m_widths.at(c);
        }
    }

    PdfTable m_table;
    QFont m_font;
    QPaintDevice *m_device = nullptr;
    QList<double> m_widths;
    double m_headerHeight = 0;
    QList<double> m_rowHeights;
};

/// A chart: one unit that never splits.
class ChartBlock final : public Block
{
public:
    ChartBlock(double height, PdfDocument::ChartPainter painter)
        : m_height(height)
        , m_painter(std::move(painter))
    {
    }
    void prepare(QPaintDevice * /*device*/, double width) override { m_width = width; }
    int unitCount() const override { return 1; }
    double sliceHeight(int from, int to) const override { return to > from ? m_height : 0; }
    void paint(QCPPainter *painter, QPointF topLeft, int /*from*/, int /*to*/) override
    {
        painter->save();
        painter->translate(topLeft);
        painter->setClipRect(QRectF(0, 0, m_width, m_height));
        m_painter(painter, QSizeF(m_width, m_height));
        painter->restore();
    }

private:
    double m_height;
    double m_width = 0;
    PdfDocument::ChartPainter m_painter;
};

struct Placement
{
    int page;
    Block *block;
    int from;
    int to;
    double y;
};

} // namespace

PdfDocument::PdfDocument(const QPageSize &pageSize)
    : m_pageSize(pageSize)
{
    m_bodyFont = QFont(QStringLiteral("DejaVu Sans"));
    m_bodyFont.setPointSizeF(9.5);
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::setTitle(const QString &title)
{
    m_title = title;
}
void PdfDocument::setCreator(const QString &creator)
{
    m_creator = creator;
}

void PdfDocument::addHeading(const QString &text, int level)
{
    QFont font = m_bodyFont;
    font.setBold(true);
    font.setPointSizeF(level <= 1 ? 14 : 11);
    auto block = std::make_unique<TextBlock>(text, font, true);
    block->spaceBefore = level <= 1 ? 14 : 9;
    block->keepWithNext = true;
    m_blocks.push_back(std::move(block));
}

void PdfDocument::addParagraph(const QString &html)
{
    auto block = std::make_unique<TextBlock>(html, m_bodyFont, false);
    block->spaceBefore = 5;
    m_blocks.push_back(std::move(block));
}

void PdfDocument::addPlainParagraph(const QString &text)
{
    auto block = std::make_unique<TextBlock>(text, m_bodyFont, true);
    block->spaceBefore = 5;
    m_blocks.push_back(std::move(block));
}

void PdfDocument::addTable(const PdfTable &table)
{
    QFont font = m_bodyFont;
    font.setPointSizeF(8.5);
    auto block = std::make_unique<TableBlock>(table, font);
    block->spaceBefore = 6;
    m_blocks.push_back(std::move(block));
}

void PdfDocument::addChart(double heightPx, ChartPainter painter)
{
    auto block = std::make_unique<ChartBlock>(heightPx, std::move(painter));
    block->spaceBefore = 6;
    m_blocks.push_back(std::move(block));
}

void PdfDocument::addPageBreak()
{
    m_blocks.push_back(std::make_unique<PageBreakBlock>());
}

double PdfDocument::contentWidth() const
{
    return m_pageSize.sizePixels(Dpi).width() - 2 * mmToPx(MarginMm);
}

bool PdfDocument::write(QIODevice *device, QString *error)
{
    QPdfWriter writer(device);
    writer.setResolution(Dpi);
    writer.setPageSize(m_pageSize);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    writer.setTitle(m_title);
    writer.setCreator(m_creator);
    return paint(writer, error);
}

bool PdfDocument::print(QPrinter *printer, QString *error)
{
    // The layout is in 96-dpi pixels: a printer (PDF and CUPS engines, the print preview) takes any
    // resolution, so it is asked for 96 dpi and the whole paper, the margins being drawn by this layout.
    printer->setResolution(Dpi);
    printer->setFullPage(true);
    printer->setPageSize(m_pageSize);
    printer->setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    printer->setDocName(m_title);
    printer->setCreator(m_creator);
    if (printer->resolution() != Dpi) {
        if (error)
            *error = QStringLiteral("the printer does not print at %1 dpi").arg(Dpi);
        return false;
    }
    return paint(*printer, error);
}

bool PdfDocument::paint(QPagedPaintDevice &writer, QString *error)
{
    const QSizeF page = m_pageSize.sizePixels(Dpi);
    const double margin = mmToPx(MarginMm);
    const double width = page.width() - 2 * margin;
    const QFontMetricsF footerMetrics(m_bodyFont, &writer);
    const double bodyTop = margin;
    const double bodyBottom = page.height() - margin - footerMetrics.height() - FooterGap / 2;

    for (const auto &block : m_blocks)
        block->prepare(&writer, width);

    // Pass 1: place slices of blocks on pages.
    QList<Placement> placements;
    int pageIndex = 0;
    double y = bodyTop;
    bool pageEmpty = true;
    auto newPage = [&] {
        ++pageIndex;
        y = bodyTop;
        pageEmpty = true;
    };
    for (size_t i = 0; i < m_blocks.size(); ++i) {
        Block *block = m_blocks[i].get();
        if (block->pageBreak) {
            if (!pageEmpty)
                newPage();
            continue;
        }
        const int units = block->unitCount();
        if (units == 0)
            continue;
        if (block->keepWithNext) {
            // The heading and the first unit of what follows go on the same page.
            double need = (pageEmpty ? 0 : block->spaceBefore) + block->sliceHeight(0, units);
            for (size_t j = i + 1; j < m_blocks.size(); ++j) {
                Block *next = m_blocks[j].get();
                if (next->pageBreak)
                    break;
                if (next->unitCount() == 0)
                    continue;
                need += next->spaceBefore + next->sliceHeight(0, 1);
                if (!next->keepWithNext)
                    break;
            }
            if (!pageEmpty && y + need > bodyBottom)
                newPage();
        }
        int from = 0;
        while (from < units) {
            const double space = pageEmpty ? 0 : block->spaceBefore;
            int to = from;
            while (to < units && y + space + block->sliceHeight(from, to + 1) <= bodyBottom + 0.01)
                ++to;
            if (to == from) {
                if (!pageEmpty) {
                    newPage();
                    continue;
                }
                to = from + 1; // a single unit taller than a page: drawn clipped to the page body
            }
            placements.append({ pageIndex, block, from, to, y + space });
            y += space + block->sliceHeight(from, to);
            pageEmpty = false;
            from = to;
            if (from < units)
                newPage();
        }
    }
    m_pageCount = placements.isEmpty() ? 1 : placements.constLast().page + 1;

    // Pass 2: paint.
    QCPPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot start painting the report");
        return false;
    }
    painter.setMode(QCPPainter::pmVectorized);
    painter.setRenderHint(QPainter::TextAntialiasing);
    int current = 0;
    auto drawFooter = [&](int index) {
        painter.QPainter::save();
        QFont font = m_bodyFont;
        font.setPointSizeF(8);
        painter.setFont(font);
        painter.QPainter::setPen(QColor(0x60, 0x60, 0x60));
        const QRectF footer(margin, page.height() - margin - footerMetrics.height(), width, footerMetrics.height() + 4);
        painter.QPainter::drawLine(QLineF(margin, footer.top() - 4, margin + width, footer.top() - 4));
        painter.drawText(footer, int(Qt::AlignLeft | Qt::AlignTop), m_title);
        painter.drawText(footer, int(Qt::AlignRight | Qt::AlignTop),
            QStringLiteral("Page %1 of %2").arg(index + 1).arg(m_pageCount));
        painter.QPainter::restore();
    };
    for (const Placement &p : placements) {
        while (current < p.page) {
            drawFooter(current);
            if (!writer.newPage()) {
                if (error)
                    *error = QStringLiteral("cannot add a page to the report");
                painter.end();
                return false;
            }
            ++current;
        }
        painter.QPainter::save();
        painter.setClipRect(QRectF(0, bodyTop - 2, page.width(), bodyBottom - bodyTop + 4));
        p.block->paint(&painter, QPointF(margin, p.y), p.from, p.to);
        painter.QPainter::restore();
    }
    while (current < m_pageCount) {
        drawFooter(current);
        if (++current < m_pageCount)
            writer.newPage();
    }
    painter.end();
    return true;
}

} // namespace fleetplan::app
