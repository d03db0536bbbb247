// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace fleetplan::cli {

/// The manual page fleetplan(1) in troff (man) format, generated from the same option definitions the
/// commands parse: every command of the table is asked for its `--help` text, whose "Options:" and
/// "Arguments:" lists become tagged paragraphs. The build writes it to ${CMAKE_BINARY_DIR}/fleetplan.1
/// (CMake target fleetplan_manpage).
QString manPage();

/// Escapes text for troff: backslashes, hyphens (as \-), and a leading dot or quote.
QString troffEscape(const QString &text);

} // namespace fleetplan::cli
