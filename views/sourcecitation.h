// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Sources as users trust them (issue 17, item 7): a catalog rate keeps the whole citation of where its
/// figure was found — price-feed file names, repository commits, blog URLs, notes of how it was read. The
/// window shows who published the figure and when ("AWS Fargate price list, 2025-10-27") and keeps the
/// whole citation for a tooltip; the builder's bookkeeping tags ("pages corpus") are never shown.
namespace fleetplan::views {

struct SourceCitation
{
    QString label; ///< publisher and date: "AWS Fargate price list, 2025-10-27"
    QString full; ///< the whole citation, without internal tags, for the tooltip
};

/// The citation of a rate whose catalog row says `source` and `asOf` ("2025-10-27", "2026-06", "unknown").
SourceCitation citeSource(const QString &source, const QString &asOf = {});
/// The citation's full text with the catalog builder's internal tags removed.
QString withoutInternalTags(const QString &source);
/// "≈ estimated" — the one mark for a rate that is not a quote (Rate::estimated).
QString estimatedMark();

} // namespace fleetplan::views
