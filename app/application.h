// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Application identity, set once, matching the .desktop file and the AppStream metainfo ids.
namespace fleetplan::app {

inline constexpr const char *OrganizationName = "Fleetplan";
inline constexpr const char *OrganizationDomain = "fleetplan.example.org";
inline constexpr const char *ApplicationName = "fleetplan";
inline constexpr const char *ApplicationDisplayName = "Fleetplan";
inline constexpr const char *DesktopFileName = "org.example.fleetplan";

/// Sets organisation, application name, version and desktop file name on the running Q*Application.
void applyApplicationIdentity();

/// Runs `fleetplan` with these arguments: a CLI command headless, or else the desktop app.
int runMain(int argc, char **argv);

} // namespace fleetplan::app
