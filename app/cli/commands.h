// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/cli.h"

/// Entry points of the commands listed in cli.cpp; each is defined in its own file in app/cli/.
namespace fleetplan::cli {

int runValidate(Context &ctx); // validatecommand.cpp
int runImport(Context &ctx); // importcommand.cpp
int runCompare(Context &ctx); // comparecommand.cpp
int runCatalog(Context &ctx); // catalogcommand.cpp
int runReport(Context &ctx); // reportcommand.cpp
int runManpage(Context &ctx); // manpage.cpp
int runConvert(Context &ctx); // convertcommand.cpp
int runPack(Context &ctx); // packcommand.cpp
int runSweep(Context &ctx); // sweepcommand.cpp
int runSensitivity(Context &ctx); // sensitivitycommand.cpp
int runCompletions(Context &ctx); // completions.cpp
int runDiff(Context &ctx); // diffcommand.cpp

} // namespace fleetplan::cli
