// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/rates.h"

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

} // namespace fleetplan::pricing
