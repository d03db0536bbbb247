// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

/// The headless command line: `fleetplan <command> [options]`. Every command here runs with no display
/// unless it declares needsGui (report rendering: the offscreen platform is then used).
namespace fleetplan::cli {

/// Exit codes shared by every command.
enum ExitCode { Ok = 0, UsageError = 1, InvalidInput = 2, BudgetExceeded = 3 };

/// What a command gets: its arguments (after the command name), and the streams to write to.
struct Context
{
    QStringList args; ///< e.g. {"price", "m5.large", "--region", "us-east-1"} for `catalog price ...`
    QTextStream &out;
    QTextStream &err;
};

struct Command
{
    QString name; ///< "compare"
    QString summary; ///< one line for `fleetplan --help`
    int (*run)(Context &ctx);
    bool needsGui = false; ///< needs a QApplication (rendering charts offscreen)
};

/// Every command, in the order `--help` lists them. Commands are added to the table in cli.cpp.
const QList<Command> &commands();
const Command *findCommand(const QString &name);

/// The command nearest to a mistyped word: edit distance (insertions, deletions, substitutions and
/// swaps of neighbours) at most 2 and less than half the word, or a unique prefix of 3 letters or more;
/// empty when none is near. "comapre" → "compare".
QString suggestCommand(const QString &word);
/// "unknown command 'comapre'; did you mean compare?" (and a second line naming `fleetplan --help`),
/// the word's control characters shown as \xNN.
QString unknownCommandText(const QString &word);

/// The text of `fleetplan --help`.
QString helpText();
QString versionText();

} // namespace fleetplan::cli
