// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include "app/mainwindow.h"
#include "app/simulationrunner.h"

namespace fleetplan::test {

/// Debug builds under ASan simulate the sample in seconds, not milliseconds.
inline constexpr int SimulationTimeout = 120000;

/// Waits until the refined report of the last change is on screen (`spy` on MainWindow::reportApplied): the
/// fast first pass is shown first, then the figures `fleetplan compare` prints.
inline bool waitForRefined(QSignalSpy &spy, const app::MainWindow &window)
{
    QElapsedTimer timer;
    timer.start();
    spy.clear();
    while (spy.count() == 0 && !(window.reportIsCurrent() && window.reportIsRefined() && !window.runner()->isBusy())) {
        if (timer.elapsed() > SimulationTimeout)
            return false;
        spy.wait(200);
    }
    while (!window.reportIsCurrent() || !window.reportIsRefined() || window.runner()->isBusy()) {
        if (timer.elapsed() > SimulationTimeout)
            return false;
        spy.wait(200);
    }
    QCoreApplication::processEvents();
    return true;
}

} // namespace fleetplan::test
