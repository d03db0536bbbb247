// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"

#include <algorithm>

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
        { QStringLiteral("diff"),
            QStringLiteral("Show what changed between two scenarios or saved results, for a pull request"), &runDiff },
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
        { QStringLiteral("completions"), QStringLiteral("Write a bash or zsh completion script"), &runCompletions },
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

namespace {

/// Optimal string alignment distance: Levenshtein plus the swap of two neighbours as one edit.
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[i][j] = std::min({ d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost });
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

QString printable(const QString &word)
{
    QString text;
    for (const QChar c : word) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            text += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            text += c;
    }
    return text;
}

} // namespace

QString suggestCommand(const QString &word)
{
    const QString lower = word.toLower();
    QString best;
    int bestDistance = 3;
    for (const Command &c : commands()) {
        const int d = editDistance(lower, c.name);
        if (d < bestDistance && 2 * d < lower.size()) {
            best = c.name;
            bestDistance = d;
        }
    }
    if (!best.isEmpty() || lower.size() < 3)
        return best;
    for (const Command &c : commands()) {
        if (c.name.startsWith(lower)) {
            if (!best.isEmpty())
                return {}; // ambiguous
            best = c.name;
        }
    }
    return best;
}

QString unknownCommandText(const QString &word)
{
    const QString near = suggestCommand(word);
    QString text = QStringLiteral("unknown command '%1'").arg(printable(word));
    if (!near.isEmpty())
        text += QStringLiteral("; did you mean %1?").arg(near);
    else if (word.contains(u'/') || word.contains(u'.'))
        text += QStringLiteral(", and no scenario file of that name");
    return text
        + QStringLiteral("\nRun 'fleetplan --help' for the commands; 'fleetplan FILE' opens an existing "
                         "scenario file in the desktop app.");
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
