// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "models/simulation/loadsweep.h"
#include "models/simulation/sensitivity.h"

class QLabel;

namespace fleetplan::views {

struct ChartTheme;
class CostVsLoadChart;
class SensitivityChart;

/// Cost vs load tab (issue 18): CostVsLoadChart with, under it, the break-evens and infeasible ranges in
/// words, and beside it the sensitivity tornado (SensitivityChart) with every input in words; a line says
/// which pass is shown (coarse, fast, refined). MainWindow hands it each sweep and analysis as they arrive
/// and the what-if's load; the page knows nothing of documents or threads. It says when it
/// is shown (shown()), so the sweep can be computed only while somebody looks.
class CostVsLoadPage : public QWidget
{
    Q_OBJECT

public:
    /// Which pass of the sweep is shown.
    enum class Stage { Coarse, Fast, Refined };

    explicit CostVsLoadPage(QWidget *parent = nullptr);

    void setSweep(const models::LoadSweep &sweep, Stage stage);
    /// The sensitivity at the what-if (refined = false: constructive packing).
    void setSensitivity(const models::Sensitivity &sensitivity, bool refined);
    /// The what-if's load (the chart's vertical line).
    void setCurrentLoad(double load);
    /// The inputs changed and a new sweep is on its way (the shown one is kept, marked out of date).
    void setComputing();
    void setTheme(const ChartTheme &theme);

    CostVsLoadChart *chart() const { return m_chart; }
    QLabel *summary() const { return m_summary; }
    QLabel *status() const { return m_status; }
    SensitivityChart *sensitivityChart() const { return m_sensitivityChart; }
    QLabel *sensitivitySummary() const { return m_sensitivitySummary; }
    bool hasSensitivity() const { return m_hasSensitivity; }
    bool sensitivityRefined() const { return m_sensitivityRefined; }
    bool hasSweep() const { return m_hasSweep; }
    Stage stage() const { return m_stage; }

Q_SIGNALS:
    void shown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    CostVsLoadChart *m_chart = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    SensitivityChart *m_sensitivityChart = nullptr;
    QLabel *m_sensitivitySummary = nullptr;
    bool m_hasSweep = false;
    bool m_hasSensitivity = false;
    bool m_sensitivityRefined = false;
    Stage m_stage = Stage::Coarse;
};

} // namespace fleetplan::views
