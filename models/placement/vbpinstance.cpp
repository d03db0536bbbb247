// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/placement/vbpinstance.h"

#include <cmath>

#include <QFile>
#include <QFileInfo>
#include <QList>

namespace fleetplan::models::placement {

int VbpInstance::itemCount() const
{
    int n = 0;
    for (int d : demands)
        n += d;
    return n;
}

PlacementRequest VbpInstance::toRequest(int timeBudgetMicros) const
{
    PlacementRequest request;
    request.mode = Mode::SingleType;
    request.singleType = 0;
    request.timeBudgetMicros = timeBudgetMicros;
    request.cpuUnitsPerVcpu = 1.0;
    request.nodeTypes.append(NodeType { QStringLiteral("bin"), QString(), capacity, Resources {}, 1.0, false });
    for (int i = 0; i < itemSizes.size(); ++i) {
        ItemGroup g;
        g.service = QStringLiteral("item %1").arg(i + 1);
        g.count = demands[i];
        g.request = itemSizes[i];
        request.items.append(g);
    }
    return request;
}

VbpReadResult readVbp(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        VbpReadResult r;
        r.error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return r;
    }
    return parseVbp(file.readAll(), path);
}

VbpReadResult parseVbp(const QByteArray &text, const QString &fileName)
{
    VbpReadResult r;
    r.instance.name = QFileInfo(fileName).completeBaseName();
    const QList<QByteArray> lines = text.split('\n');
    int lineNo = 0;
    int lastRead = 0; // last non-empty line, for "unexpected end of file" at the line after it
    // Next non-empty line as numbers; returns false at the end of the text.
    auto next = [&](QList<double> &numbers) {
        while (lineNo < lines.size()) {
            const QByteArray line = lines[lineNo++].simplified();
            if (line.isEmpty())
                continue;
            lastRead = lineNo;
            numbers.clear();
            for (const QByteArray &word : line.split(' ')) {
                bool ok = false;
                const double v = word.toDouble(&ok);
                if (!ok) {
                    r.error = QStringLiteral("%1:%2: \"%3\" is not a number")
                                  .arg(fileName)
                                  .arg(lineNo)
                                  .arg(QString::fromUtf8(word));
                    return false;
                }
                numbers.append(v);
            }
            return true;
        }
        r.error = QStringLiteral("%1:%2: unexpected end of file").arg(fileName).arg(lastRead + 1);
        return false;
    };
    QList<double> n;
    if (!next(n))
        return r;
    if (n.size() != 1 || n[0] != 3.0) {
        r.error = QStringLiteral("%1:%2: expected the dimension count 3").arg(fileName).arg(lineNo);
        return r;
    }
    if (!next(n))
        return r;
    if (n.size() != 3 || n[0] <= 0 || n[1] <= 0 || n[2] <= 0) {
        r.error = QStringLiteral("%1:%2: expected 3 positive bin capacities").arg(fileName).arg(lineNo);
        return r;
    }
    r.instance.capacity = Resources { n[0], n[1], n[2] };
    if (!next(n))
        return r;
    if (n.size() != 1 || n[0] < 0 || n[0] > 1e7 || n[0] != std::floor(n[0])) {
        r.error = QStringLiteral("%1:%2: expected the number of item lines").arg(fileName).arg(lineNo);
        return r;
    }
    const int m = int(n[0]);
    for (int i = 0; i < m; ++i) {
        if (!next(n))
            return r;
        // Sizes may be negative: 19 Caprara triplet files (d = 3 extension) hold a few, e.g. "15 35 -2 1".
        if (n.size() != 4 || n[3] < 0 || n[3] > 1e7 || n[3] != std::floor(n[3])) {
            r.error = QStringLiteral("%1:%2: expected 3 sizes and a demand").arg(fileName).arg(lineNo);
            return r;
        }
        r.instance.itemSizes.append(Resources { n[0], n[1], n[2] });
        r.instance.demands.append(int(n[3]));
    }
    return r;
}

} // namespace fleetplan::models::placement
