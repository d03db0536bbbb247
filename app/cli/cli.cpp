// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"

#include "app/cli/commands.h"

namespace fleetplan::cli {

const QList<Command> &commands()
{
    // One line per command; each command lives in its own file under app/cli/.
    static const QList<Command> table {
        { QStringLiteral("validate"), QStringLiteral("Check a scenario file and print every problem"), &runValidate },
        { QStringLiteral("convert"), QStringLiteral("Convert a scenario between JSON and the .fleetplan document"),
            &runConvert },
        { QStringLiteral("import"), QStringLiteral("Import ECS task definitions/services or Kubernetes manifests"),
            &runImport },
        { QStringLiteral("compare"), QStringLiteral("Price a scenario on the five platforms, hour by hour"),
            &runCompare },
        { QStringLiteral("sweep"),
            QStringLiteral("Price a scenario over a range of loads and list the break-even points"), &runSweep },
        { QStringLiteral("sensitivity"),
            QStringLiteral("Find which inputs move the ranking of the two cheapest platforms, and where it flips"),
            &runSensitivity },
        { QStringLiteral("catalog"), QStringLiteral("Browse the pricing catalog; import AWS Price List files"),
            &runCatalog },
        { QStringLiteral("report"), QStringLiteral("Write a PDF, HTML, Markdown, CSV or JSON cost report"), &runReport,
            true },
        { QStringLiteral("manpage"), QStringLiteral("Write the manual page fleetplan(1)"), &runManpage },
        { QStringLiteral("pack"),
            QStringLiteral("Pack tasks onto EC2 instance types at the lowest cost, with a lower bound"), &runPack },
    };
    return table;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QString versionText()
{
    return QStringLiteral("fleetplan " FLEETPLAN_VERSION);
}

QString helpText()
{
    QString text = QStringLiteral(
        "Usage: fleetplan [FILE]                 open the desktop app (on FILE, or the bundled sample)\n"
        "       fleetplan COMMAND [OPTIONS]      run a command without a window\n"
        "\n"
        "Plans the cost and capacity of container fleets on AWS: ECS on EC2, ECS Fargate,\n"
        "ECS Fargate Spot, EKS managed nodes and EKS Fargate, side by side.\n"
        "\n"
        "Commands:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1%2\n").arg(c.name, -12).arg(c.summary);
    text += QStringLiteral("\n"
                           "Options:\n"
                           "  -h, --help     show this help (COMMAND --help for a command's options)\n"
                           "  -v, --version  show the version\n"
                           "\n"
                           "Exit codes: 0 success, 1 usage error, 2 invalid input, 3 a budget gate failed.\n");
    return text;
}

} // namespace fleetplan::cli
