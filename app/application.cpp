// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSlider>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QTextStream>

#include "app/cli/cli.h"
#include "app/baselinecontroller.h"
#include "app/mainwindow.h"
#include "app/recoveryprompt.h"
#include "app/simulationrunner.h"
#include "models/workload/document.h"
#include "models/workload/scenariojson.h"
#include "views/whatifpanel.h"

namespace fleetplan::app {

void applyApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QString::fromLatin1(OrganizationName));
    QCoreApplication::setOrganizationDomain(QString::fromLatin1(OrganizationDomain));
    QCoreApplication::setApplicationName(QString::fromLatin1(ApplicationName));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEETPLAN_VERSION));
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        QGuiApplication::setApplicationDisplayName(QString::fromLatin1(ApplicationDisplayName));
        QGuiApplication::setDesktopFileName(QString::fromLatin1(DesktopFileName));
    }
}

namespace {

/// Developer aid: FLEETPLAN_SCREENSHOT_DIR=dir grabs every tab once the first refined simulation has
/// reached the charts, writes dir/<tab><FLEETPLAN_SCREENSHOT_SUFFIX>.png and quits (docs/screenshots).
/// FLEETPLAN_SCREENSHOT_BASELINE=FILE compares with that scenario file first (File → Compare with File…).
void scheduleScreenshots(MainWindow &window)
{
    const QString dir = qEnvironmentVariable("FLEETPLAN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    const QString baseline = qEnvironmentVariable("FLEETPLAN_SCREENSHOT_BASELINE");
    if (!baseline.isEmpty() && !window.compareWithFile(baseline, true))
        std::fprintf(stderr, "FLEETPLAN_SCREENSHOT_BASELINE: %s cannot be compared with\n", qPrintable(baseline));
    const QString suffix = qEnvironmentVariable("FLEETPLAN_SCREENSHOT_SUFFIX");
    // The refined figures are the ones to show (the fast first pass is replaced a moment later). A scenario
    // that fails validation is never simulated: it is shot once the refusal is known (its banner on screen).
    auto connections = std::make_shared<std::array<QMetaObject::Connection, 2>>();
    auto shoot = [&window, dir, suffix, connections] {
        for (const QMetaObject::Connection &c : *connections)
            QObject::disconnect(c);
        QTimer::singleShot(300, &window, [&window, dir, suffix] {
            window.baselines()->waitForBaseline();
            QCoreApplication::processEvents();
            const QStringList files = window.saveScreenshots(dir, suffix);
            std::fprintf(stdout, "scenario: %s\n", qPrintable(window.scenario().name));
            std::fprintf(stdout, "%s\n", qPrintable(files.join(u'\n')));
            std::fprintf(stdout, "change to charts updated: %lld ms\n", static_cast<long long>(window.lastLatencyMs()));
            window.document()->undoStack()->setClean();
            QCoreApplication::exit(files.isEmpty() ? 1 : 0);
        });
    };
    (*connections)[0] = QObject::connect(&window, &MainWindow::reportApplied, &window, [&window, shoot] {
        if (window.reportIsRefined())
            shoot();
    });
    (*connections)[1] = QObject::connect(window.runner(), &SimulationRunner::simulationFailed, &window, shoot);
}

/// Timing mode: FLEETPLAN_LATENCY_STEPS=N (with the offscreen platform or Xvfb) visits every tab once,
/// then, with each tab in front in turn, moves the load slider N times and records the time from the
/// change to updated charts of the first (fast) figures; prints median and worst per tab and quits.
/// The README's latency figures come from it (Release build).
void scheduleLatencyRun(MainWindow &window)
{
    const int steps = qEnvironmentVariableIntValue("FLEETPLAN_LATENCY_STEPS");
    if (steps <= 0)
        return;
    struct State
    {
        int tab = -1; ///< -1: waiting for the first refined figures
        int step = 0;
        bool waitingFast = false;
        QList<qint64> samples;
        QStringList lines;
    };
    auto state = std::make_shared<State>();
    const QList<int> tabs { MainWindow::WorkloadTab, MainWindow::ComparisonTab, MainWindow::TimelineTab,
        MainWindow::FleetTab };
    auto next = std::make_shared<std::function<void()>>();
    *next = [&window, state, tabs, steps, next] {
        QSlider *load = window.whatIfPanel()->slider(views::WhatIfPanel::LoadMultiplier);
        if (state->step == steps) {
            std::sort(state->samples.begin(), state->samples.end());
            state->lines << QStringLiteral("%1 tab in front: median %2 ms, worst %3 ms over %4 load steps")
                                .arg(window.tabs()->tabText(tabs.at(state->tab)).remove(u'&'))
                                .arg(state->samples.at(state->samples.size() / 2))
                                .arg(state->samples.constLast())
                                .arg(steps);
            state->samples.clear();
            state->step = 0;
            if (++state->tab == tabs.size()) {
                std::fprintf(stdout, "scenario: %s (%lld services)\n%s\n", qPrintable(window.scenario().name),
                    static_cast<long long>(window.scenario().services.size()), qPrintable(state->lines.join(u'\n')));
                window.document()->undoStack()->setClean();
                QCoreApplication::exit(0);
                return;
            }
        }
        window.tabs()->setCurrentIndex(tabs.at(state->tab));
        ++state->step;
        state->waitingFast = true;
        load->setValue(load->value() + (state->step % 2 ? 5 : -5));
    };
    QObject::connect(&window, &MainWindow::reportApplied, &window, [&window, state, tabs, next] {
        if (state->tab < 0) {
            if (!window.reportIsRefined())
                return;
            // Every tab shown once, as a user who looked around before dragging.
            for (int i = 0; i < window.tabs()->count(); ++i) {
                window.tabs()->setCurrentIndex(i);
                QCoreApplication::processEvents();
            }
            state->tab = 0;
            QTimer::singleShot(0, &window, [next] { (*next)(); });
            return;
        }
        if (state->waitingFast) {
            state->waitingFast = false;
            state->samples.append(window.lastLatencyMs());
        }
        // The refined pass of this step runs in the background; the next step waits for it.
        if (window.reportIsRefined() && !window.runner()->isBusy())
            QTimer::singleShot(0, &window, [next] { (*next)(); });
    });
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    applyApplicationIdentity();
    const QStringList args = QCoreApplication::arguments().mid(1);
    MainWindow window;
    window.show();
    if (!offerRecovery(window) && !args.isEmpty()) {
        if (!window.openFile(args.constFirst(), /*quiet=*/true)) {
            const auto result = models::readScenarioFile(args.constFirst());
            std::fprintf(stderr, "fleetplan: %s\n", qPrintable(result.errorText()));
            // Headless runs (offscreen platform) must not wait for a click.
            if (QGuiApplication::platformName() != QLatin1String("offscreen"))
                QMessageBox::critical(&window, QObject::tr("Cannot open scenario"), result.errorText());
            return cli::InvalidInput;
        }
    }
    scheduleScreenshots(window);
    scheduleLatencyRun(window);
    return QApplication::exec();
}

/// Messages Qt prints about its own environment that a command's user cannot act on (and that `-q` must not
/// show): the offscreen platform asks for a runtime directory the commands never use.
void commandMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: ")))
        return;
    if (type == QtWarningMsg && context.category && std::strncmp(context.category, "qt.qpa", 6) == 0)
        return;
    std::fputs(qPrintable(qFormatLogMessage(type, context, message) + u'\n'), stderr);
}

int runCommand(const cli::Command &command, int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app;
    // The command's own arguments, taken before QApplication sees argv: QGuiApplication would consume
    // its options (-platform/--platform, -style, -geometry, ...), and `report --platform ID` is ours.
    QStringList commandArgs;
    for (int i = 2; i < argc; ++i)
        commandArgs.append(QString::fromLocal8Bit(argv[i]));
    // QCommandLineParser's usage line starts with argv[0]: "Usage: fleetplan compare [options] SCENARIO" is
    // a line that can be copied and run, where the executable's path alone would open the desktop app.
    QByteArray programName = "fleetplan " + command.name.toLocal8Bit();
    std::vector<char *> commandArgv(argv, argv + argc);
    commandArgv.push_back(nullptr);
    commandArgv[0] = programName.data();
    int guiArgc = 1;
    qInstallMessageHandler(commandMessageHandler);
    if (command.needsGui) {
        // Reports render charts: a widget application on the offscreen platform, never a display — also when
        // the environment says xcb or wayland (an inherited QT_QPA_PLATFORM in a CI job without a display
        // would otherwise abort the report).
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(guiArgc, commandArgv.data());
    } else {
        app = std::make_unique<QCoreApplication>(argc, commandArgv.data());
    }
    applyApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    cli::Context ctx { command.needsGui ? commandArgs : QCoreApplication::arguments().mid(2), out, err };
    const int code = command.run(ctx);
    // What went to standard output must have arrived: a full disk (`> /dev/full`), a closed descriptor
    // (`>&-`) or the file-size limit fails the command with exit status 2, never a silent success.
    errno = 0;
    out.flush();
    const bool written = out.status() == QTextStream::Ok && std::fflush(stdout) == 0 && !std::ferror(stdout);
    if (!written) {
        const int cause = errno;
        err << "fleetplan " << command.name << ": cannot write standard output: "
            << (cause != 0 ? QString::fromLocal8Bit(std::strerror(cause)) : QStringLiteral("write error")) << '\n';
        err.flush();
        return cli::InvalidInput;
    }
    err.flush();
    return code;
}

/// Why the desktop app cannot be shown here, or empty when it can. A window nobody can see waits for input
/// forever: on the offscreen (or minimal) platform the app opens only for the developer hooks that quit by
/// themselves (FLEETPLAN_SCREENSHOT_DIR, FLEETPLAN_LATENCY_STEPS) or when FLEETPLAN_ALLOW_OFFSCREEN_GUI is
/// set; on Linux and the BSDs without DISPLAY or WAYLAND_DISPLAY there is no display to open.
QString guiUnavailableReason()
{
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM").section(u':', 0, 0).trimmed();
    const bool hooks = !qEnvironmentVariableIsEmpty("FLEETPLAN_SCREENSHOT_DIR")
        || qEnvironmentVariableIntValue("FLEETPLAN_LATENCY_STEPS") > 0
        || !qEnvironmentVariableIsEmpty("FLEETPLAN_ALLOW_OFFSCREEN_GUI");
    if (platform == u"offscreen" || platform == u"minimal") {
        if (hooks)
            return {};
        return QStringLiteral("the desktop app needs a display, and QT_QPA_PLATFORM=%1 has none (a window there "
                              "would wait for input forever); run a command instead (fleetplan --help), or set "
                              "FLEETPLAN_ALLOW_OFFSCREEN_GUI=1")
            .arg(platform);
    }
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && (platform.isEmpty() || platform == u"xcb" || platform.startsWith(QLatin1String("wayland"))))
        return QStringLiteral("the desktop app needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set; "
                              "run a command instead (fleetplan --help)");
#endif
    return {};
}

} // namespace

int runMain(int argc, char **argv)
{
#ifdef Q_OS_UNIX
    // Past the file-size limit (ulimit -f) the kernel sends SIGXFSZ, which kills the process without a
    // word. Ignored, write() fails with EFBIG instead and the command names the file it could not write.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        std::fputs(qPrintable(cli::versionText() + u'\n'), stdout);
        return cli::Ok;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        std::fputs(qPrintable(cli::helpText()), stdout);
        return cli::Ok;
    }
    if (const cli::Command *command = cli::findCommand(first))
        return runCommand(*command, argc, argv);
    if (first.startsWith(u'-')) {
        std::fprintf(stderr, "fleetplan: unknown option %s\n%s", argv[1], qPrintable(cli::helpText()));
        return cli::UsageError;
    }
    // Strict: the desktop app opens with no argument or with one existing scenario file; any other first
    // word is a mistyped command, never a window (`fleetplan comapre x.json` once opened the GUI).
    if (argc > 1) {
        const QFileInfo file(first);
        if (!file.exists() || file.isDir()) {
            std::fputs(qPrintable(QStringLiteral("fleetplan: ") + cli::unknownCommandText(first) + u'\n'), stderr);
            return cli::UsageError;
        }
        if (argc > 2) {
            std::fprintf(stderr,
                "fleetplan: the desktop app opens one scenario file; \"%s\" after it is not an option of the app "
                "(commands: fleetplan --help)\n",
                argv[2]);
            return cli::UsageError;
        }
    }
    if (const QString reason = guiUnavailableReason(); !reason.isEmpty()) {
        std::fputs(qPrintable(QStringLiteral("fleetplan: ") + reason + u'\n'), stderr);
        return cli::UsageError;
    }
    return runGui(argc, argv);
}

} // namespace fleetplan::app
