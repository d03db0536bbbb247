// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QComboBox;

/// AWS region codes in words, as the AWS console names them: "eu-west-1" is "Europe (Ireland)". Every
/// place that shows a region to the user (pickers, Explain, the Catalog, the status bar) shows the name,
/// with the code beside it where the user may need it (docs, the CLI, the scenario file).
namespace fleetplan::views {

/// "Europe (Ireland)"; a code the table does not know comes back as it is.
QString regionName(const QString &code);
/// "Europe (Ireland) · eu-west-1"; only the code when the name is unknown.
QString regionLabel(const QString &code);
/// Fills a combo box with the regions, each shown as regionLabel() and carrying its code as item data
/// (Qt::UserRole); the current item stays on the code it had, if any.
void fillRegionBox(QComboBox *box, const QStringList &codes);
/// The code of the box's current region (item data), or its text when it has none.
QString currentRegion(const QComboBox *box);
/// Selects `code`, adding it (as regionLabel()) when the box does not list it.
void setCurrentRegion(QComboBox *box, const QString &code);

} // namespace fleetplan::views
