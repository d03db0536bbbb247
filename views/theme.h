// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QPalette>
#include <QString>

#include "models/workload/scenario.h"

/// Colours shared by every chart and view, so a platform looks the same everywhere.
namespace fleetplan::views {

/// A distinct, colour-blind-friendly colour per platform (Okabe–Ito palette).
QColor platformColor(models::PlatformId id);

/// The application's colour theme. Qt 6.4 has no colour-scheme API (QStyleHints::colorScheme is 6.5):
/// we run the Fusion style with our own palettes and a "theme" preference.
enum class ThemeMode { Light, Dark };

/// "light" / "dark" (the preference's stored value); unknown text reads as Light.
QString toId(ThemeMode mode);
ThemeMode themeFromId(const QString &id);

/// The full palette of a theme (Fusion-friendly: every role and the Disabled group set).
QPalette themePalette(ThemeMode mode);

/// Sets the Fusion style and the theme's palette on the running QApplication.
void applyTheme(ThemeMode mode);
/// The theme last applied with applyTheme() (Light before any).
ThemeMode currentTheme();

} // namespace fleetplan::views
