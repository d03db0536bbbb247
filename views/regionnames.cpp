// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/regionnames.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHash>

namespace fleetplan::views {

namespace {

/// The names of the AWS console and of AWS's "Regions and Zones" page
/// (docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html) for the regions the
/// bundled catalog prices.
const QHash<QString, const char *> &names()
{
    static const QHash<QString, const char *> table {
        { QStringLiteral("af-south-1"), QT_TRANSLATE_NOOP("RegionNames", "Africa (Cape Town)") },
        { QStringLiteral("ap-east-1"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Hong Kong)") },
        { QStringLiteral("ap-east-2"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Taipei)") },
        { QStringLiteral("ap-northeast-1"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Tokyo)") },
        { QStringLiteral("ap-northeast-2"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Seoul)") },
        { QStringLiteral("ap-northeast-3"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Osaka)") },
        { QStringLiteral("ap-south-1"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Mumbai)") },
        { QStringLiteral("ap-south-2"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Hyderabad)") },
        { QStringLiteral("ap-southeast-1"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Singapore)") },
        { QStringLiteral("ap-southeast-2"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Sydney)") },
        { QStringLiteral("ap-southeast-3"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Jakarta)") },
        { QStringLiteral("ap-southeast-4"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Melbourne)") },
        { QStringLiteral("ap-southeast-5"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Malaysia)") },
        { QStringLiteral("ap-southeast-6"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (New Zealand)") },
        { QStringLiteral("ap-southeast-7"), QT_TRANSLATE_NOOP("RegionNames", "Asia Pacific (Thailand)") },
        { QStringLiteral("ca-central-1"), QT_TRANSLATE_NOOP("RegionNames", "Canada (Central)") },
        { QStringLiteral("ca-west-1"), QT_TRANSLATE_NOOP("RegionNames", "Canada West (Calgary)") },
        { QStringLiteral("eu-central-1"), QT_TRANSLATE_NOOP("RegionNames", "Europe (Frankfurt)") },
        { QStringLiteral("eu-central-2"), QT_TRANSLATE_NOOP("RegionNames", "Europe (Zurich)") },
        { QStringLiteral("eu-north-1"), QT_TRANSLATE_NOOP("RegionNames", "Europe (Stockholm)") },
        { QStringLiteral("eu-south-1"), QT_TRANSLATE_NOOP("RegionNames", "Europe (Milan)") },
        { QStringLiteral("eu-south-2"), QT_TRANSLATE_NOOP("RegionNames", "Europe (Spain)") },
        { QStringLiteral("eu-west-1"), QT_TRANSLATE_NOOP("RegionNames", "Europe (Ireland)") },
        { QStringLiteral("eu-west-2"), QT_TRANSLATE_NOOP("RegionNames", "Europe (London)") },
        { QStringLiteral("eu-west-3"), QT_TRANSLATE_NOOP("RegionNames", "Europe (Paris)") },
        { QStringLiteral("il-central-1"), QT_TRANSLATE_NOOP("RegionNames", "Israel (Tel Aviv)") },
        { QStringLiteral("me-central-1"), QT_TRANSLATE_NOOP("RegionNames", "Middle East (UAE)") },
        { QStringLiteral("me-south-1"), QT_TRANSLATE_NOOP("RegionNames", "Middle East (Bahrain)") },
        { QStringLiteral("mx-central-1"), QT_TRANSLATE_NOOP("RegionNames", "Mexico (Central)") },
        { QStringLiteral("sa-east-1"), QT_TRANSLATE_NOOP("RegionNames", "South America (São Paulo)") },
        { QStringLiteral("us-east-1"), QT_TRANSLATE_NOOP("RegionNames", "US East (N. Virginia)") },
        { QStringLiteral("us-east-2"), QT_TRANSLATE_NOOP("RegionNames", "US East (Ohio)") },
        { QStringLiteral("us-gov-east-1"), QT_TRANSLATE_NOOP("RegionNames", "AWS GovCloud (US-East)") },
        { QStringLiteral("us-gov-west-1"), QT_TRANSLATE_NOOP("RegionNames", "AWS GovCloud (US-West)") },
        { QStringLiteral("us-west-1"), QT_TRANSLATE_NOOP("RegionNames", "US West (N. California)") },
        { QStringLiteral("us-west-2"), QT_TRANSLATE_NOOP("RegionNames", "US West (Oregon)") },
    };
    return table;
}

} // namespace

QString regionName(const QString &code)
{
    const auto it = names().constFind(code);
    return it == names().constEnd() ? code : QCoreApplication::translate("RegionNames", it.value());
}

QString regionLabel(const QString &code)
{
    const QString name = regionName(code);
    return name == code ? code : name + QStringLiteral(" · ") + code;
}

void fillRegionBox(QComboBox *box, const QStringList &codes)
{
    const QString current = currentRegion(box);
    const QSignalBlocker blocker(box);
    box->clear();
    for (const QString &code : codes)
        box->addItem(regionLabel(code), code);
    const int index = box->findData(current);
    if (index >= 0)
        box->setCurrentIndex(index);
}

QString currentRegion(const QComboBox *box)
{
    const QVariant data = box->currentData();
    return data.isValid() ? data.toString() : box->currentText();
}

void setCurrentRegion(QComboBox *box, const QString &code)
{
    int index = box->findData(code);
    if (index < 0) {
        box->addItem(regionLabel(code), code);
        index = box->count() - 1;
    }
    box->setCurrentIndex(index);
}

} // namespace fleetplan::views
