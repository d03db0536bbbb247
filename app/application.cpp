// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include <cstdio>
#include <memory>

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMessageBox>
#include <QTimer>
#include <QUndoStack>
#include <QTextStream>

#include "app/cli/cli.h"
#include "app/mainwindow.h"
#include "app/recoveryprompt.h"
#include "models/workload/document.h"
#include "models/workload/scenariojson.h"

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
void scheduleScreenshots(MainWindow &window)
{
    const QString dir = qEnvironmentVariable("FLEETPLAN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    const QString suffix = qEnvironmentVariable("FLEETPLAN_SCREENSHOT_SUFFIX");
    // The refined figures are the ones to show (the fast first pass is replaced a moment later).
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(&window, &MainWindow::reportApplied, &window, [&window, dir, suffix, connection] {
        if (!window.reportIsRefined())
            return;
        QObject::disconnect(*connection);
        QTimer::singleShot(300, &window, [&window, dir, suffix] {
            const QStringList files = window.saveScreenshots(dir, suffix);
            std::fprintf(stdout, "scenario: %s\n", qPrintable(window.scenario().name));
            std::fprintf(stdout, "%s\n", qPrintable(files.join(u'\n')));
            std::fprintf(stdout, "change to charts updated: %lld ms\n", static_cast<long long>(window.lastLatencyMs()));
            window.document()->undoStack()->setClean();
            QCoreApplication::exit(files.isEmpty() ? 1 : 0);
        });
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
    return QApplication::exec();
}

int runCommand(const cli::Command &command, int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app;
    // The command's own arguments, taken before QApplication sees argv: QGuiApplication would consume
    // its options (-platform/--platform, -style, -geometry, ...), and `report --platform ID` is ours.
    QStringList commandArgs;
    for (int i = 2; i < argc; ++i)
        commandArgs.append(QString::fromLocal8Bit(argv[i]));
    int guiArgc = 1;
    if (command.needsGui) {
        // Reports render charts: a widget application on the offscreen platform, never a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(guiArgc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    applyApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    cli::Context ctx { command.needsGui ? commandArgs : QCoreApplication::arguments().mid(2), out, err };
    const int code = command.run(ctx);
    out.flush();
    err.flush();
    return code;
}

} // namespace

int runMain(int argc, char **argv)
{
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
    return runGui(argc, argv);
}

} // namespace fleetplan::app
