// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "models/placement/placement.h"

namespace fleetplan::models::placement {

/// A vector bin packing instance in the VPSolver `.vbp` format (d = 3, one bin type): the line with
/// d, the bin capacity per dimension, the number m of item lines, then m lines "s1 s2 s3 demand".
/// See ../shared/binpacking-instances/README.md.
struct VbpInstance
{
    QString name; ///< file name without folder and suffix ("class1_20_3_0")
    Resources capacity;
    QList<Resources> itemSizes; ///< one entry per item line
    QList<int> demands; ///< multiplicity of each item line

    int itemCount() const;
    /// The instance as a single-type placement request: one group per item line, bins of price 1.
    PlacementRequest toRequest(int timeBudgetMicros = 20000) const;
};

/// A parsed instance, or an error naming the file and line ("x.vbp:4: expected 4 numbers").
struct VbpReadResult
{
    VbpInstance instance;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

VbpReadResult readVbp(const QString &path);
VbpReadResult parseVbp(const QByteArray &text, const QString &fileName);

} // namespace fleetplan::models::placement
