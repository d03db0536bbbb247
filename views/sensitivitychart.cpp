// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sensitivitychart.h"

#include <algorithm>
#include <cmath>

#include <QShowEvent>

#include "models/simulation/moneyformat.h"

namespace fleetplan::views {

namespace {

// Okabe–Ito blue and vermillion: the low and the high setting, told apart also without colour vision.
const QColor LowColor(0x00, 0x72, 0xB2);
const QColor HighColor(0xD5, 0x5E, 0x00);

} // namespace

SensitivityChart::SensitivityChart(QWidget *parent)
    : QCustomPlot(parent)
    , m_theme(ChartTheme::forWindowColor(palette().window().color()))
{
    setAccessibleName(tr("Sensitivity chart"));
    setAccessibleDescription(
        tr("How far each input moves the cost gap between the cheapest platform and the runner-up"));
    setMinimumSize(320, 240);
    placeLegendBelow(this);
    rebuild();
}

void SensitivityChart::setSensitivity(const models::Sensitivity &sensitivity)
{
    m_sensitivity = sensitivity;
    rebuild();
}

void SensitivityChart::setTheme(const ChartTheme &theme)
{
    m_theme = theme;
    rebuild();
}

QString SensitivityChart::textSummary() const
{
    const QStringList lines = m_sensitivity.summaryLines();
    return lines.isEmpty() ? tr("No sensitivity analysed.") : lines.join(QStringLiteral(". ")) + u'.';
}

void SensitivityChart::showEvent(QShowEvent *event)
{
    QCustomPlot::showEvent(event);
    m_lazy.shown(this);
}

void SensitivityChart::rebuild()
{
    clearPlottables();
    clearItems();
    m_low = nullptr;
    m_high = nullptr;
    m_theme.apply(this);
    const models::Sensitivity &s = m_sensitivity;
    const double base = s.baseGapUsd();
    xAxis->setLabel(s.ranked ? tr("gap, USD / %3\n%1 − %2")
                                   .arg(models::displayName(s.runnerUp), models::displayName(s.cheapest), s.periodUnit)
                             : QString());
    xAxis->setNumberFormat(QStringLiteral("f"));
    xAxis->setNumberPrecision(0);

    // Bars start at the analysed gap: QCPBars draws from its base value to base + value, so each bar's
    // value is the change of the gap; the low and the high setting sit side by side on the input's row.
    m_low = new QCPBars(yAxis, xAxis);
    m_high = new QCPBars(yAxis, xAxis);
    m_low->setName(tr("low setting"));
    m_high->setName(tr("high setting"));
    for (auto [bars, color] : { std::pair { m_low, LowColor }, std::pair { m_high, HighColor } }) {
        bars->setPen(QPen(color.darker(120), 1));
        bars->setBrush(color);
        bars->setWidth(0.36);
        bars->setBaseValue(base);
    }

    const int rows = int(s.factors.size());
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double low = std::min(0.0, base);
    double high = std::max(0.0, base);
    for (int i = 0; i < rows; ++i) {
        const models::SensitivityFactor &f = s.factors.at(i);
        const double row = rows - i; // the largest swing on top
        ticker->addTick(
            row, QStringLiteral("%1\n%2 / %3").arg(models::displayName(f.input), f.low.valueText, f.high.valueText));
        QStringList unpriced;
        for (const auto &[c, bars, offset] :
            { std::tuple { &f.low, m_low, 0.19 }, std::tuple { &f.high, m_high, -0.19 } }) {
            const std::optional<double> gap = c->gapUsd();
            if (!gap) {
                unpriced << c->valueText;
                continue;
            }
            bars->addData(row + offset, *gap - base);
            low = std::min(low, *gap);
            high = std::max(high, *gap);
        }
        if (!unpriced.isEmpty()) {
            auto *label = new QCPItemText(this);
            label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
            label->position->setCoords(0.99, row);
            label->setPositionAlignment(Qt::AlignVCenter | Qt::AlignRight);
            label->setText(tr("cannot run at %1").arg(unpriced.join(tr(" and "))));
            label->setFont(m_theme.font);
            label->setColor(m_theme.text);
        }
    }
    yAxis->setTicker(ticker);
    yAxis->setRange(0.4, rows + 0.6);
    yAxis->grid()->setVisible(false);
    const double pad = std::max(1.0, (high - low) * 0.08);
    xAxis->setRange(low - pad, high + pad);

    // The flip line's label at the foot of the plot, the analysed one at its head: apart even when the
    // analysed gap is close to 0.
    auto vertical = [&](double x, Qt::PenStyle style, const QString &text, bool atTop) {
        auto *line = new QCPItemStraightLine(this);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(m_theme.axis, 1.2, style));
        auto *label = new QCPItemText(this);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(x, atTop ? 0.0 : 1.0);
        // Written on the side of the line with more room, so it never runs off the plot.
        const bool leftOfLine = x > xAxis->range().center();
        label->setPositionAlignment(
            (atTop ? Qt::AlignTop : Qt::AlignBottom) | (leftOfLine ? Qt::AlignRight : Qt::AlignLeft));
        label->setPadding(leftOfLine ? QMargins(0, 2, 4, 2) : QMargins(4, 2, 0, 2));
        label->setText(text);
        label->setFont(m_theme.font);
        label->setColor(m_theme.text);
    };
    // Before the analysis arrives (or when there is no ranking to test) the plot says so instead of
    // showing an empty axis.
    xAxis->setTickLabels(rows > 0);
    if (rows == 0) {
        auto *note = new QCPItemText(this);
        note->position->setType(QCPItemPosition::ptAxisRectRatio);
        note->position->setCoords(0.5, 0.5);
        note->setText(s.ranked || s.problem.isEmpty() ? tr("Sensitivity: computing after the curve…") : s.problem);
        note->setFont(m_theme.font);
        note->setColor(m_theme.text);
    }
    if (s.ranked) {
        vertical(0.0, Qt::SolidLine, tr("ranking flips"), false);
        vertical(base, Qt::DashLine, tr("analysed: %1").arg(models::formatNumber(base, 2)), true);
    }
    m_lazy.request(this);
}

} // namespace fleetplan::views
