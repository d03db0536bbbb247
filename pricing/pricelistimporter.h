// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QHash>
#include <QString>
#include <QStringList>

namespace fleetplan::pricing {

class PriceBook;

/// What an import did.
struct ImportResult
{
    bool ok = false;
    QString error; ///< "file.csv:12:7: ..." (file, line, column) when !ok; nothing was written
    qint64 bytesRead = 0;
    qint64 rowsRead = 0; ///< product/price rows seen
    int ratesWritten = 0; ///< rates inserted or replaced in the price book
    QHash<QString, int> ratesByKind; ///< "ec2_ondemand" → count, ...
    /// Problems that did not stop the import: two different prices for one rate (the last one is kept).
    QStringList warnings;
    bool cancelled = false; ///< the progress callback asked to stop; nothing was written
};

/// Called as the files are read: bytes read of all files so far and their total size. Returning false
/// cancels the import (nothing is written). Called on the importing thread, at most every 256 KiB.
using ImportProgress = std::function<bool(qint64 bytesDone, qint64 bytesTotal)>;

/// Imports AWS Price List Bulk API offer files into the price book (origin Imported), in one transaction:
/// a malformed file stops the import with file:line:column and leaves the price book as it was. Re-importing
/// the same files writes the same rows (INSERT OR REPLACE keyed by kind, region, key): idempotent.
///
/// Formats (see /work/shared/data/pricelist-samples and tests/data/pricing):
/// - CSV offer files (5 metadata lines, then a header row with "SKU","OfferTermCode",...): AmazonEC2
///   (Linux, Shared tenancy, Used capacity, no pre-installed software; OnDemand and Reserved terms),
///   AmazonECS (Fargate vCPU/memory/Windows/ARM/storage usage types), AmazonEKS (cluster hours).
/// - JSON offer files ({"formatVersion", "offerCode", "products": {...}, "terms": {"OnDemand": ...,
///   "Reserved": ...}}), same selection.
/// - The Savings Plans price list CSV (AWSComputeSavingsPlan <region>/index.csv: DiscountedRate per
///   discounted usage type; kind savings_plan): EC2 Linux shared-tenancy and Fargate rates of Compute and
///   EC2 Instance Savings Plans. Its JSON form is refused with a pointer to the CSV (no region per rate).
/// - AWS's Fargate Spot website feed ({"metadata": {"source:version"}, "prices": [{"unit": "vCPU-Hours",
///   "price": {"USD"}, "attributes": {"aws:region"}}]}), the only published source of Fargate Spot rates.
/// Both are read as streams with bounded memory (the real EC2 files are gigabytes).
class PriceListImporter
{
public:
    /// Imports every file into the open price book; all or nothing.
    static ImportResult importFiles(PriceBook &book, const QStringList &files, const ImportProgress &progress = {});
};

} // namespace fleetplan::pricing
