// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

/// Runs the real `fleetplan` executable as a user or a CI pipeline does: no display (DISPLAY,
/// WAYLAND_DISPLAY and QT_QPA_PLATFORM removed, so headless commands prove they need none) and never the
/// user's own price book (FLEETPLAN_PRICEBOOK points at a file that does not exist unless `env` sets it).
/// Shared by every test that starts the program (FLEETPLAN_EXE, tests/CMakeLists.txt).
namespace fleetplan::test {

struct CliRun
{
    int code = -1; ///< exit code; -1 when the program did not finish in time
    QString out; ///< standard output as UTF-8 text
    QString err; ///< standard error
    QByteArray outBytes; ///< standard output as bytes (PDF or PNG written to "-")
};

/// `fleetplan args...`; `stdinData` is written to its standard input, which is then closed.
/// `env` entries are added to (or replace) the cleaned environment.
inline CliRun runFleetplan(const QStringList &args, const QByteArray &stdinData = {},
    const QProcessEnvironment &env = {}, int timeoutMs = 120000)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("DISPLAY"));
    e.remove(QStringLiteral("WAYLAND_DISPLAY"));
    e.remove(QStringLiteral("QT_QPA_PLATFORM"));
    e.insert(QStringLiteral("FLEETPLAN_PRICEBOOK"), QStringLiteral("/nonexistent/fleetplan-tests/pricebook.sqlite"));
    for (const QString &key : env.keys())
        e.insert(key, env.value(key));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(FLEETPLAN_EXE), args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.outBytes = p.readAllStandardOutput();
    r.out = QString::fromUtf8(r.outBytes);
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace fleetplan::test
