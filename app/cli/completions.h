// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// Shell completions for bash and zsh, generated from the same `--help` texts (the commands' own
/// QCommandLineParser definitions) as the man page. The build writes them next to fleetplan.1
/// (fleetplan.bash, _fleetplan) and installs them for bash-completion and zsh.
namespace fleetplan::cli {

struct CompletionOption
{
    QStringList names; ///< {"-o", "--output"}
    QString valueName; ///< "FILE"; empty for a flag
    QString description;
    QStringList values; ///< the words a value can be ("table", "json", "csv"); empty when free or a file
    bool takesFile = false; ///< the value is a path
};

/// A command (or a catalog subcommand) as the completions see it.
struct CompletionSpec
{
    QString name;
    QString summary;
    QList<CompletionOption> options;
    QList<CompletionSpec> subcommands; ///< catalog's: regions, instances, price, ...
};

/// Every command of the table with its options, read from its `--help` text.
QList<CompletionSpec> completionSpecs();
QString bashCompletion();
QString zshCompletion();

} // namespace fleetplan::cli
