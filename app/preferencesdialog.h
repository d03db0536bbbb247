// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPageSize>

#include "views/theme.h"

class QComboBox;
class QSpinBox;

namespace fleetplan::app {

/// What the user sets once for every document (Edit → Preferences…), kept in QSettings under
/// "preferences/": the theme, how often unsaved work is saved for recovery, and the page size of exported
/// PDF reports (A4 or Letter).
struct Preferences
{
    views::ThemeMode theme = views::ThemeMode::Light;
    int autosaveSeconds = 30; ///< 0 = no recovery autosave
    QPageSize::PageSizeId pageSize = QPageSize::A4;

    static Preferences load();
    void save() const;
};

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &current, QWidget *parent = nullptr);
    Preferences preferences() const;

    QComboBox *themeBox() const { return m_theme; }
    QSpinBox *autosaveBox() const { return m_autosave; }
    QComboBox *pageSizeBox() const { return m_pageSize; }

private:
    QComboBox *m_theme = nullptr;
    QSpinBox *m_autosave = nullptr;
    QComboBox *m_pageSize = nullptr;
};

} // namespace fleetplan::app
