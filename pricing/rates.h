// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

namespace fleetplan::pricing {

/// One price with its provenance. Every figure Fleetplan shows can say where it came from.
struct Rate
{
    /// Where the figure came from.
    enum Origin {
        Bundled, ///< the read-only catalog built from resources/catalog/*.csv
        Imported, ///< imported from an AWS Price List offer file into the user's price book
        Override ///< typed in by the user (per-item override or custom rate) in the price book
    };

    double usd = 0.0; ///< after the enterprise discount, if one is set (overrides are never discounted)
    QString asOf; ///< ISO date (or year) the figure was valid, e.g. "2026-05-12"
    QString source; ///< citation (repository @ commit, AWS feed and publication date, ...)
    Origin origin = Bundled;
    bool estimated = false; ///< an estimate or a snapshot, not a quote (DERIVED ARM rates, Spot snapshots)
    double listUsd = 0.0; ///< the figure before the enterprise discount
    QString unit; ///< "USD per hour", "USD per vCPU-hour", "USD per GB-month", ...

    /// "bundled" / "imported" / "override".
    static QString originName(Origin origin);
};

/// The highest rate Fleetplan accepts from a price list, the price book or an override: 10,000 USD per
/// unit (hour, vCPU-hour, GB-month). The most expensive EC2 instance costs about 400 USD an hour; a higher
/// figure is a corrupt or hostile file, and 1e308 would make every total print "inf".
inline constexpr double MaxRateUsd = 10000.0;
/// An upfront payment of a Reserved term: MaxRateUsd for every hour of three years.
inline constexpr double MaxUpfrontUsd = MaxRateUsd * 3 * 8760;

/// Whether `region` has the form of an AWS region code ("us-east-1", "us-gov-west-1", "ap-southeast-7");
/// Local Zones ("us-east-1-bos-1") and free text are not regions.
bool isAwsRegionCode(const QString &region);

/// OS of a Fargate task.
enum class FargateOs { Linux, Windows };

/// The Fargate rates for one region, architecture, OS and capacity provider (FARGATE or FARGATE_SPOT).
/// Source: fargate_rates.csv (AWS price feed 2025-10-27 and older sources; see resources/catalog/README.md).
/// Memory is billed per GB-hour where GB = GiB (a 2048 MiB task is 2 GB; AWS Fargate pricing examples).
struct FargateRateCard
{
    Rate vcpuHour; ///< per vCPU-hour
    Rate gbHour; ///< per GB-hour of memory
    std::optional<Rate> osLicenseVcpuHour; ///< Windows only: OS licence per vCPU-hour, billed on top of vcpuHour
    std::optional<Rate> ephemeralGbHourAbove20; ///< ephemeral storage per GB-hour above the free 20 GB (absent for Spot
                                                ///< rows that lack it)
};

} // namespace fleetplan::pricing
