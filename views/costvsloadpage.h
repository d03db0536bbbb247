// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "models/simulation/loadsweep.h"

class QLabel;

namespace fleetplan::views {

struct ChartTheme;
class CostVsLoadChart;

/// Cost vs load tab (issue 18): CostVsLoadChart with, under it, the break-evens and infeasible ranges in
/// words and a line saying which pass is shown (coarse, fast, refined). MainWindow hands it each sweep
/// as it arrives and the what-if's load; the page knows nothing of documents or threads. It says when it
/// is shown (shown()), so the sweep can be computed only while somebody looks.
class CostVsLoadPage : public QWidget
{
    Q_OBJECT

public:
    /// Which pass of the sweep is shown.
    enum class Stage { Coarse, Fast, Refined };

    explicit CostVsLoadPage(QWidget *parent = nullptr);

    void setSweep(const models::LoadSweep &sweep, Stage stage);
    /// The what-if's load (the chart's vertical line).
    void setCurrentLoad(double load);
    /// The inputs changed and a new sweep is on its way (the shown one is kept, marked out of date).
    void setComputing();
    void setTheme(const ChartTheme &theme);

    CostVsLoadChart *chart() const { return m_chart; }
    QLabel *summary() const { return m_summary; }
    QLabel *status() const { return m_status; }
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
    bool m_hasSweep = false;
    Stage m_stage = Stage::Coarse;
};

} // namespace fleetplan::views
