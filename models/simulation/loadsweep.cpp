// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/simulation/loadsweep.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <vector>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fleetplan::models {

namespace {

/// Two totals closer than half a cent are a tie: they print the same, and a crossing inside the tie
/// would be noise.
constexpr double TieUsd = 0.005;

/// A load as the words and messages print a number typed by the user: shortest form ("0.25", "4").
QString plain(double value)
{
    return QString::number(value, 'g', 10);
}

int sign(double difference)
{
    return difference > TieUsd ? 1 : (difference < -TieUsd ? -1 : 0);
}

} // namespace

int LoadRange::pointCount() const
{
    if (!std::isfinite(from) || !std::isfinite(to) || !std::isfinite(step) || step <= 0 || to < from)
        return 0;
    const double steps = std::floor((to - from) / step + 1e-9);
    if (steps >= double(MaxSweepPoints) * 1000)
        return MaxSweepPoints * 1000; // far too many: problem() names the figure without overflowing an int
    return int(steps) + 1;
}

double LoadRange::at(int i) const
{
    return from + i * step;
}

QString LoadRange::problem() const
{
    if (!std::isfinite(from) || !std::isfinite(to) || !std::isfinite(step))
        return QStringLiteral("the load range %1 must be finite numbers, not NaN or infinity").arg(toString());
    if (from <= 0 || to <= 0)
        return QStringLiteral("load multipliers must be above 0 (the range is %1)").arg(toString());
    if (from > MaxSweepLoad || to > MaxSweepLoad)
        return QStringLiteral("load multipliers above ×%1 are not swept (the range is %2)")
            .arg(plain(MaxSweepLoad), toString());
    if (to < from)
        return QStringLiteral("TO (%1) is below FROM (%2)").arg(plain(to), plain(from));
    if (step <= 0)
        return QStringLiteral("STEP must be above 0 (the range is %1)").arg(toString());
    const int count = pointCount();
    if (count > MaxSweepPoints)
        return QStringLiteral("%1 has %2 points; at most %3 are swept (use a larger STEP)")
            .arg(toString(), count >= MaxSweepPoints * 1000 ? QStringLiteral("too many") : QString::number(count))
            .arg(MaxSweepPoints);
    return {};
}

QString LoadRange::toString() const
{
    return plain(from) + u':' + plain(to) + u':' + plain(step);
}

std::optional<LoadRange> parseLoadRange(const QString &text, QString *error)
{
    const QStringList parts = text.split(u':');
    LoadRange range;
    bool ok = parts.size() == 3;
    if (ok) {
        bool a = false;
        bool b = false;
        bool c = false;
        range.from = parts.at(0).trimmed().toDouble(&a);
        range.to = parts.at(1).trimmed().toDouble(&b);
        range.step = parts.at(2).trimmed().toDouble(&c);
        ok = a && b && c;
    }
    if (!ok) {
        if (error)
            *error = QStringLiteral("the load range must be FROM:TO:STEP with three numbers (e.g. 0.25:4:0.25), "
                                    "not \"%1\"")
                         .arg(text);
        return std::nullopt;
    }
    const QString problem = range.problem();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return range;
}

const SweepCost *SweepPoint::cost(PlatformId id) const
{
    for (const SweepCost &c : costs) {
        if (c.platform == id)
            return &c;
    }
    return nullptr;
}

QString formatLoad(double load)
{
    return QStringLiteral("×") + QString::number(load, 'f', 2);
}

QString BreakEven::text() const
{
    return QStringLiteral("%1 is cheaper than %2 above %3 load")
        .arg(displayName(cheaperAbove), displayName(cheaperBelow), formatLoad(load));
}

QString InfeasibleRange::text() const
{
    const QString where = from == to ? QStringLiteral("at %1 load").arg(formatLoad(from))
                                     : QStringLiteral("from %1 to %2 load").arg(formatLoad(from), formatLoad(to));
    return QStringLiteral("%1 cannot run the workload %2%3")
        .arg(displayName(platform), where, reason.isEmpty() ? QString() : QStringLiteral(" (") + reason + u')');
}

int LoadSweep::computedCount() const
{
    return int(std::count_if(points.cbegin(), points.cend(), [](const SweepPoint &p) { return p.computed; }));
}

QStringList LoadSweep::summaryLines() const
{
    QStringList lines;
    for (const BreakEven &b : breakEvens)
        lines.append(b.text());
    if (breakEvens.isEmpty()) {
        // One platform cheapest at every computed load: say so, rather than print nothing.
        std::optional<PlatformId> cheapest;
        bool same = true;
        double first = 0;
        double last = 0;
        for (const SweepPoint &p : points) {
            if (!p.computed)
                continue;
            const SweepCost *best = nullptr;
            for (const SweepCost &c : p.costs) {
                if (c.feasible && (!best || c.totalUsd < best->totalUsd))
                    best = &c;
            }
            if (!best)
                continue;
            if (!cheapest) {
                cheapest = best->platform;
                first = p.load;
            }
            same = same && *cheapest == best->platform;
            last = p.load;
        }
        if (cheapest && same)
            lines.append(QStringLiteral("No break-even: %1 is the cheapest at every load from %2 to %3")
                             .arg(displayName(*cheapest), formatLoad(first), formatLoad(last)));
    }
    for (const InfeasibleRange &r : infeasibleRanges)
        lines.append(r.text());
    return lines;
}

void findBreakEvens(LoadSweep &sweep)
{
    sweep.breakEvens.clear();
    sweep.infeasibleRanges.clear();
    for (qsizetype a = 0; a < sweep.platforms.size(); ++a) {
        for (qsizetype b = a + 1; b < sweep.platforms.size(); ++b) {
            const PlatformId pa = sweep.platforms.at(a);
            const PlatformId pb = sweep.platforms.at(b);
            // The last point where both ran and differed, since the last infeasible point of either.
            const SweepPoint *previous = nullptr;
            double previousDifference = 0;
            for (const SweepPoint &point : std::as_const(sweep.points)) {
                if (!point.computed)
                    continue;
                const SweepCost *ca = point.cost(pa);
                const SweepCost *cb = point.cost(pb);
                if (!ca || !cb || !ca->feasible || !cb->feasible) {
                    previous = nullptr; // no crossing across a load where one of them cannot run
                    continue;
                }
                const double difference = ca->totalUsd - cb->totalUsd;
                if (sign(difference) == 0)
                    continue;
                if (previous && sign(difference) != sign(previousDifference)) {
                    // Linear interpolation of the difference between the two points: where it is zero.
                    BreakEven be;
                    be.lowerLoad = previous->load;
                    be.upperLoad = point.load;
                    be.load = previous->load
                        + (point.load - previous->load) * previousDifference / (previousDifference - difference);
                    // difference = a − b > 0 above the crossing: b is the cheaper one there.
                    be.cheaperAbove = difference > 0 ? pb : pa;
                    be.cheaperBelow = difference > 0 ? pa : pb;
                    sweep.breakEvens.append(be);
                }
                previous = &point;
                previousDifference = difference;
            }
        }
    }
    std::stable_sort(sweep.breakEvens.begin(), sweep.breakEvens.end(),
        [](const BreakEven &x, const BreakEven &y) { return x.load < y.load; });

    for (PlatformId id : std::as_const(sweep.platforms)) {
        std::optional<InfeasibleRange> open;
        for (const SweepPoint &point : std::as_const(sweep.points)) {
            const SweepCost *c = point.computed ? point.cost(id) : nullptr;
            if (!c)
                continue;
            if (!c->feasible) {
                if (!open)
                    open = InfeasibleRange { id, point.load, point.load, c->infeasibleReason };
                open->to = point.load;
            } else if (open) {
                sweep.infeasibleRanges.append(*open);
                open.reset();
            }
        }
        if (open)
            sweep.infeasibleRanges.append(*open);
    }
}

QByteArray loadSweepToJson(const LoadSweep &sweep)
{
    QJsonObject root;
    root.insert(u"scenario", sweep.scenarioName);
    root.insert(u"region", sweep.region);
    root.insert(u"hours", sweep.hours);
    root.insert(u"packing", sweep.fast ? QStringLiteral("fast") : QStringLiteral("refined"));
    root.insert(u"cancelled", sweep.cancelled);
    root.insert(u"load",
        QJsonObject { { QStringLiteral("from"), sweep.range.from }, { QStringLiteral("to"), sweep.range.to },
            { QStringLiteral("step"), sweep.range.step } });
    QJsonArray points;
    for (const SweepPoint &p : sweep.points) {
        QJsonObject point;
        point.insert(u"load", p.load);
        point.insert(u"computed", p.computed);
        QJsonObject platforms;
        for (const SweepCost &c : p.costs) {
            QJsonObject o;
            // An infeasible platform has no price: null, as in compare's JSON.
            o.insert(u"feasible", c.feasible);
            o.insert(u"total_usd", c.feasible ? QJsonValue(c.totalUsd) : QJsonValue(QJsonValue::Null));
            if (!c.feasible)
                o.insert(u"infeasible", c.infeasibleReason);
            platforms.insert(toId(c.platform), o);
        }
        point.insert(u"platforms", platforms);
        points.append(point);
    }
    root.insert(u"points", points);
    QJsonArray breakEvens;
    for (const BreakEven &b : sweep.breakEvens) {
        breakEvens.append(
            QJsonObject { { QStringLiteral("load"), b.load }, { QStringLiteral("cheaper_above"), toId(b.cheaperAbove) },
                { QStringLiteral("cheaper_below"), toId(b.cheaperBelow) },
                { QStringLiteral("between"), QJsonArray { b.lowerLoad, b.upperLoad } },
                { QStringLiteral("text"), b.text() } });
    }
    root.insert(u"break_even", breakEvens);
    QJsonArray ranges;
    for (const InfeasibleRange &r : sweep.infeasibleRanges) {
        ranges.append(QJsonObject { { QStringLiteral("platform"), toId(r.platform) },
            { QStringLiteral("from"), r.from }, { QStringLiteral("to"), r.to }, { QStringLiteral("reason"), r.reason },
            { QStringLiteral("text"), r.text() } });
    }
    root.insert(u"infeasible_ranges", ranges);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace fleetplan::models
