// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/pricelistimporter.h"

#include "pricing/pricebook.h"

namespace fleetplan::pricing {

ImportResult PriceListImporter::importFiles(PriceBook &book, const QStringList &files)
{
    ImportResult result;
    Q_UNUSED(book);
    result.error = files.isEmpty() ? QStringLiteral("no file to import") : files.constFirst() + QStringLiteral(": import not available yet");
    return result;
}

} // namespace fleetplan::pricing
