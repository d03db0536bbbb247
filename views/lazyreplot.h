// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

namespace fleetplan::views {

/// Replots a chart only while it is shown. Drawing a chart in a tab nobody looks at costs as much as
/// drawing a visible one once it has a size, so a hidden chart only goes stale and catches up when it is
/// shown (call shown() from showEvent()).
class LazyReplot
{
public:
    /// The chart's content changed: replot now (queued) when visible, else remember it is stale.
    void request(QCustomPlot *plot)
    {
        if (!plot->isVisible()) {
            m_stale = true;
            return;
        }
        m_stale = false;
        ++m_count;
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    /// The chart became visible: replot if it went stale while hidden.
    void shown(QCustomPlot *plot)
    {
        if (m_stale)
            request(plot);
    }
    /// Replots requested while visible since construction.
    int count() const { return m_count; }

private:
    bool m_stale = false;
    int m_count = 0;
};

} // namespace fleetplan::views
