// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <qcustomplot.h>

#include "models/simulation/sensitivity.h"
#include "views/charttheme.h"
#include "views/lazyreplot.h"

namespace fleetplan::views {

/// The sensitivity tornado (models/simulation/sensitivity.h): one row per input, the largest swing on top;
/// each row a bar from the analysed gap (runner-up − cheapest) to the gap at the input's low setting and one
/// to the gap at its high setting, so the bar's length is how far that input moves the ranking. A vertical
/// line at 0 marks where the ranking flips and a dashed one the analysed gap; an end where a platform cannot
/// run has no bar and says so beside the row. Used by the PDF and HTML reports through toPainter().
class SensitivityChart : public QCustomPlot
{
    Q_OBJECT

public:
    explicit SensitivityChart(QWidget *parent = nullptr);

    /// Shows `sensitivity` (replaces what was shown). Replots queued.
    void setSensitivity(const models::Sensitivity &sensitivity);
    const models::Sensitivity &sensitivity() const { return m_sensitivity; }
    void setTheme(const ChartTheme &theme);

    /// The analysis in words (Sensitivity::summaryLines()), for screen readers and the caption.
    QString textSummary() const;

    /// The bars of the low and the high settings (one data point per row with a priced end).
    QCPBars *lowBars() const { return m_low; }
    QCPBars *highBars() const { return m_high; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();

    models::Sensitivity m_sensitivity;
    LazyReplot m_lazy;
    ChartTheme m_theme;
    QCPBars *m_low = nullptr;
    QCPBars *m_high = nullptr;
};

} // namespace fleetplan::views
