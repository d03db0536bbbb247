// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/theme.h"

namespace fleetplan::views {

QColor platformColor(models::PlatformId id)
{
    switch (id) {
    case models::PlatformId::EcsEc2: return QColor(0xE6, 0x9F, 0x00);
    case models::PlatformId::EcsFargate: return QColor(0x56, 0xB4, 0xE9);
    case models::PlatformId::EcsFargateSpot: return QColor(0x00, 0x9E, 0x73);
    case models::PlatformId::EksNodes: return QColor(0x00, 0x72, 0xB2);
    case models::PlatformId::EksFargate: return QColor(0xCC, 0x79, 0xA7);
    }
    return QColor(Qt::gray);
}

} // namespace fleetplan::views
