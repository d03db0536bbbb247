// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPageSize>

#include "views/theme.h"

class QComboBox;
class QSpinBox;

namespace fleetplan::app {

/// What the user sets once for every document (Edit → Preferences…), kept in QSettings under
/// "preferences/": the theme, how often unsaved work is saved for recovery, the page size of exported
/// PDF reports (A4 or Letter), what a new scenario starts with (region, hours in its month), and the unit
/// memory is shown and typed in (MiB or GiB).
struct Preferences
{
    views::ThemeMode theme = views::ThemeMode::Light;
    int autosaveSeconds = 30; ///< 0 = no recovery autosave
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    QString defaultRegion = QStringLiteral("us-east-1"); ///< File → New's region
    /// File → New's billing period: 730 (AWS's month, 8,760 h ÷ 12, as the Pricing Calculator bills) or 720 (30 days).
    int hoursPerMonth = 730;
    /// The service table shows and takes memory in GiB instead of MiB (scenarios store MiB either way).
    bool memoryInGib = false;

    static Preferences load();
    void save() const;
};

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    /// regions: the codes the region box offers (the catalog's); the current default is kept when absent.
    explicit PreferencesDialog(const Preferences &current, const QStringList &regions = {}, QWidget *parent = nullptr);
    Preferences preferences() const;

    QComboBox *themeBox() const { return m_theme; }
    QSpinBox *autosaveBox() const { return m_autosave; }
    QComboBox *pageSizeBox() const { return m_pageSize; }
    QComboBox *regionBox() const { return m_region; }
    QComboBox *hoursBox() const { return m_hours; }
    QComboBox *memoryUnitBox() const { return m_memoryUnit; }

private:
    QComboBox *m_theme = nullptr;
    QSpinBox *m_autosave = nullptr;
    QComboBox *m_pageSize = nullptr;
    QComboBox *m_region = nullptr;
    QComboBox *m_hours = nullptr;
    QComboBox *m_memoryUnit = nullptr;
};

} // namespace fleetplan::app
