// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/preferencesdialog.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

#include "views/regionnames.h"

namespace fleetplan::app {

Preferences Preferences::load()
{
    QSettings settings;
    Preferences p;
    p.theme = views::themeFromId(settings.value(QStringLiteral("preferences/theme")).toString());
    p.autosaveSeconds = std::clamp(settings.value(QStringLiteral("preferences/autosaveSeconds"), 30).toInt(), 0, 3600);
    p.pageSize = settings.value(QStringLiteral("preferences/pageSize")).toString() == u"letter" ? QPageSize::Letter
                                                                                                : QPageSize::A4;
    const QString region = settings.value(QStringLiteral("preferences/defaultRegion")).toString().trimmed();
    if (!region.isEmpty())
        p.defaultRegion = region;
    p.hoursPerMonth = settings.value(QStringLiteral("preferences/hoursPerMonth"), 730).toInt() == 720 ? 720 : 730;
    p.memoryInGib = settings.value(QStringLiteral("preferences/memoryUnit")).toString() == u"gib";
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("preferences/theme"), views::toId(theme));
    settings.setValue(QStringLiteral("preferences/autosaveSeconds"), autosaveSeconds);
    settings.setValue(QStringLiteral("preferences/pageSize"),
        pageSize == QPageSize::Letter ? QStringLiteral("letter") : QStringLiteral("a4"));
    settings.setValue(QStringLiteral("preferences/defaultRegion"), defaultRegion);
    settings.setValue(QStringLiteral("preferences/hoursPerMonth"), hoursPerMonth);
    settings.setValue(
        QStringLiteral("preferences/memoryUnit"), memoryInGib ? QStringLiteral("gib") : QStringLiteral("mib"));
}

PreferencesDialog::PreferencesDialog(const Preferences &current, const QStringList &regions, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto *form = new QFormLayout(this);
    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("preferencesTheme"));
    m_theme->addItem(tr("Light"), int(views::ThemeMode::Light));
    m_theme->addItem(tr("Dark"), int(views::ThemeMode::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(current.theme)));
    m_autosave = new QSpinBox(this);
    m_autosave->setObjectName(QStringLiteral("preferencesAutosave"));
    m_autosave->setRange(0, 3600);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setSpecialValueText(tr("never"));
    m_autosave->setValue(current.autosaveSeconds);
    m_autosave->setToolTip(tr("How long after an edit unsaved work is written to a recovery file (offered again "
                              "after a crash); your documents are only written when you save"));
    m_pageSize = new QComboBox(this);
    m_pageSize->setObjectName(QStringLiteral("preferencesPageSize"));
    m_pageSize->addItem(tr("A4 (210 × 297 mm)"), int(QPageSize::A4));
    m_pageSize->addItem(tr("US Letter (8.5 × 11 in)"), int(QPageSize::Letter));
    m_pageSize->setCurrentIndex(m_pageSize->findData(int(current.pageSize)));
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("preferencesRegion"));
    views::fillRegionBox(m_region, regions);
    views::setCurrentRegion(m_region, current.defaultRegion);
    m_region->setToolTip(tr("The region of a new scenario (File → New); each scenario keeps its own"));
    m_hours = new QComboBox(this);
    m_hours->setObjectName(QStringLiteral("preferencesHours"));
    m_hours->addItem(tr("730 hours (AWS's month: 8,760 ÷ 12)"), 730);
    m_hours->addItem(tr("720 hours (30 days)"), 720);
    m_hours->setCurrentIndex(std::max(0, m_hours->findData(current.hoursPerMonth)));
    m_hours->setToolTip(tr("The billing period of a new scenario (File → New); each scenario keeps its own"));
    m_memoryUnit = new QComboBox(this);
    m_memoryUnit->setObjectName(QStringLiteral("preferencesMemoryUnit"));
    m_memoryUnit->addItem(tr("MiB (512, 1536)"), false);
    m_memoryUnit->addItem(tr("GiB (0.5, 1.5)"), true);
    m_memoryUnit->setCurrentIndex(current.memoryInGib ? 1 : 0);
    m_memoryUnit->setToolTip(tr("How the service table shows and takes memory per task; scenario files keep MiB, "
                                "as ECS task definitions do"));
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Recovery autosave after:"), m_autosave);
    form->addRow(tr("PDF report &page size:"), m_pageSize);
    form->addRow(tr("New scenario &region:"), m_region);
    form->addRow(tr("New scenario &month:"), m_hours);
    form->addRow(tr("&Memory in:"), m_memoryUnit);
    auto *hint = new QLabel(tr("`fleetplan report` takes --page-size; these apply to the window's exports."), this);
    hint->setWordWrap(true);
    form->addRow(hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.theme = static_cast<views::ThemeMode>(m_theme->currentData().toInt());
    p.autosaveSeconds = m_autosave->value();
    p.pageSize = static_cast<QPageSize::PageSizeId>(m_pageSize->currentData().toInt());
    p.defaultRegion = views::currentRegion(m_region);
    p.hoursPerMonth = m_hours->currentData().toInt() == 720 ? 720 : 730;
    p.memoryInGib = m_memoryUnit->currentData().toBool();
    return p;
}

} // namespace fleetplan::app
