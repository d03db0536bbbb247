// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/units.h"

namespace fleetplan::pricing {

int rulesVersion()
{
    return 1;
}

} // namespace fleetplan::pricing
