// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/loadprofilepresets.h"

#include <QCoreApplication>

namespace fleetplan::models {

namespace {
QList<double> businessDay()
{
    QList<double> day(24, 0.2);
    for (int h = 8; h < 18; ++h)
        day[h] = 1.0;
    return day;
}
} // namespace

QList<LoadProfilePreset> allLoadProfilePresets()
{
    return { LoadProfilePreset::Flat, LoadProfilePreset::BusinessHours, LoadProfilePreset::DiurnalWeb,
        LoadProfilePreset::NightlyBatch, LoadProfilePreset::BusinessWeek };
}

QString presetId(LoadProfilePreset preset)
{
    switch (preset) {
    case LoadProfilePreset::Flat:
        return QStringLiteral("flat");
    case LoadProfilePreset::BusinessHours:
        return QStringLiteral("business-hours");
    case LoadProfilePreset::DiurnalWeb:
        return QStringLiteral("diurnal-web");
    case LoadProfilePreset::NightlyBatch:
        return QStringLiteral("nightly-batch");
    case LoadProfilePreset::BusinessWeek:
        return QStringLiteral("business-week");
    }
    return {};
}

std::optional<LoadProfilePreset> presetFromId(const QString &id)
{
    for (LoadProfilePreset p : allLoadProfilePresets()) {
        if (presetId(p) == id)
            return p;
    }
    return std::nullopt;
}

QString presetDisplayName(LoadProfilePreset preset)
{
    switch (preset) {
    case LoadProfilePreset::Flat:
        return QCoreApplication::translate("LoadProfilePreset", "Flat");
    case LoadProfilePreset::BusinessHours:
        return QCoreApplication::translate("LoadProfilePreset", "Business hours");
    case LoadProfilePreset::DiurnalWeb:
        return QCoreApplication::translate("LoadProfilePreset", "Diurnal web traffic");
    case LoadProfilePreset::NightlyBatch:
        return QCoreApplication::translate("LoadProfilePreset", "Nightly batch");
    case LoadProfilePreset::BusinessWeek:
        return QCoreApplication::translate("LoadProfilePreset", "Business week (168 h)");
    }
    return {};
}

QList<double> presetHourly(LoadProfilePreset preset)
{
    switch (preset) {
    case LoadProfilePreset::Flat:
        return QList<double>(24, 1.0);
    case LoadProfilePreset::BusinessHours:
        return businessDay();
    case LoadProfilePreset::DiurnalWeb:
        // The shape of the bundled sample's web tier: overnight trough, morning ramp, day plateau.
        return { 0.35, 0.3, 0.28, 0.27, 0.28, 0.32, 0.45, 0.65, 0.85, 0.95, 1.0, 1.0, 0.98, 0.97, 0.98, 1.0, 1.0, 0.95,
            0.9, 0.85, 0.75, 0.62, 0.5, 0.42 };
    case LoadProfilePreset::NightlyBatch: {
        QList<double> day(24, 0.0);
        day[1] = day[2] = day[3] = 1.0;
        return day;
    }
    case LoadProfilePreset::BusinessWeek: {
        QList<double> week;
        for (int d = 0; d < 5; ++d)
            week += businessDay();
        week += QList<double>(48, 0.2);
        return week;
    }
    }
    return {};
}

LoadProfile makeLoadProfile(LoadProfilePreset preset, const QString &name)
{
    return LoadProfile { name.isEmpty() ? presetId(preset) : name, presetHourly(preset) };
}

} // namespace fleetplan::models
