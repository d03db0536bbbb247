// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace fleetplan::cli {

/// The manual page fleetplan(1) in troff (man) format, generated from the same option definitions the
/// commands parse: every command of the table is asked for its `--help` text, whose "Options:" and
/// "Arguments:" lists become tagged paragraphs. The build writes it to ${CMAKE_BINARY_DIR}/fleetplan.1
/// (CMake target fleetplan_manpage).
QString manPage();

struct Command;

/// The `--help` text of a command (or of `args`, e.g. {"price", "--help"} for a catalog subcommand), as
/// the command itself prints it: the one source of the man page and the shell completions.
QString commandHelpText(const Command &command, const QStringList &args = { QStringLiteral("--help") });

/// Escapes text for troff: backslashes, hyphens (as \-), and a leading dot or quote.
QString troffEscape(const QString &text);

} // namespace fleetplan::cli
