// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include <cstdio>
#include <memory>

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMessageBox>
#include <QTextStream>

#include "app/cli/cli.h"
#include "app/mainwindow.h"
#include "models/scenariojson.h"

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

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    applyApplicationIdentity();
    const QStringList args = QCoreApplication::arguments().mid(1);
    models::Scenario scenario = models::bundledSampleScenario();
    if (!args.isEmpty()) {
        const auto result = models::readScenarioFile(args.constFirst());
        if (!result.ok()) {
            QMessageBox::critical(nullptr, QObject::tr("Cannot open scenario"), result.errorText());
            return cli::InvalidInput;
        }
        scenario = *result.scenario;
    }
    MainWindow window;
    window.setScenario(scenario);
    window.show();
    return QApplication::exec();
}

int runCommand(const cli::Command &command, int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app;
    if (command.needsGui) {
        // Reports render charts: a widget application on the offscreen platform, never a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    applyApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    cli::Context ctx{QCoreApplication::arguments().mid(2), out, err};
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
