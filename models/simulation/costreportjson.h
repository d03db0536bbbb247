// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>

#include "models/simulation/costreport.h"

/// The JSON form of a CostReport (docs/compare-json.md). `fleetplan compare --format json` and the JSON
/// report writer both call this, so their output is byte-identical. Figures are written at full
/// precision; nothing is rounded.
namespace fleetplan::models {

struct CostReportJsonOptions
{
    bool includeSeries = false; ///< add "hourly" (per-hour cost, nodes, tasks, requested/allocatable)
    bool includeAssumptions = true; ///< add "assumptions"
};

QJsonObject costReportToJsonObject(const CostReport &report, const CostReportJsonOptions &options = {});
/// Indented JSON text, ending with a newline.
QByteArray costReportToJson(const CostReport &report, const CostReportJsonOptions &options = {});

} // namespace fleetplan::models
