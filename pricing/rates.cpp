// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/rates.h"

#include <QRegularExpression>

namespace fleetplan::pricing {

QString Rate::originName(Origin origin)
{
    switch (origin) {
    case Bundled:
        return QStringLiteral("bundled");
    case Imported:
        return QStringLiteral("imported");
    case Override:
        return QStringLiteral("override");
    }
    return QString();
}

bool isAwsRegionCode(const QString &region)
{
    // Two letters, one or more words, a number: "us-east-1", "us-gov-west-1", "eu-isoe-west-1".
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]+$"));
    return region.size() <= 64 && pattern.match(region).hasMatch();
}

} // namespace fleetplan::pricing
