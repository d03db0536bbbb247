// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as an AWS Price List offer file (CSV or JSON, picked by the first byte) imported
// into a scratch price book. Every import is all or nothing; a finished one must hold no price that is
// negative, not finite or above MaxRateUsd.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QFile>
#include <QTemporaryDir>

#include "pricing/pricebook.h"
#include "pricing/pricelistimporter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace fleetplan::pricing;
    static QTemporaryDir dir;
    const bool json = size > 0 && (data[0] == '{' || data[0] == ' ' || data[0] == '\n');
    const QString file = dir.filePath(json ? QStringLiteral("offer.json") : QStringLiteral("offer.csv"));
    {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        out.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    const QString bookPath = dir.filePath(QStringLiteral("pricebook.sqlite"));
    QFile::remove(bookPath);
    PriceBook book;
    if (!book.open(bookPath))
        return 0;
    const ImportResult result = PriceListImporter::importFiles(book, { file });
    if (!result.ok)
        return 0;
    QString error;
    for (const PriceBookEntry &e : book.entries(&error)) {
        if (!(e.usd >= 0 && e.usd <= MaxRateUsd))
            std::abort(); // entries() refuses such a rate; the importer must never write one
    }
    if (!error.isEmpty())
        std::abort();
    return 0;
}
