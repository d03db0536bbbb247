// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/cronschedule.h"

#include <bitset>

#include <QStringList>

namespace fleetplan::models {

namespace {

constexpr int kMaxField = 60;

struct FieldSpec
{
    const char16_t *label;
    int min;
    int max;
    const char16_t *names; ///< space-separated names for min..max, or nullptr
};

constexpr FieldSpec kFields[5] = {
    { u"minute", 0, 59, nullptr },
    { u"hour", 0, 23, nullptr },
    { u"day of month", 1, 31, nullptr },
    { u"month", 1, 12, u"JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC" },
    { u"day of week", 0, 6, u"SUN MON TUE WED THU FRI SAT" },
};

std::optional<int> valueOf(QStringView text, const FieldSpec &spec)
{
    bool ok = false;
    if (text.size() <= 2) {
        const int v = text.toInt(&ok);
        if (ok) {
            // Day of week: 7 is Sunday too (cron(5)).
            if (spec.max == 6 && v == 7)
                return 0;
            if (v >= spec.min && v <= spec.max)
                return v;
            return std::nullopt;
        }
    }
    if (spec.names) {
        const QStringList names = QString::fromUtf16(spec.names).split(u' ');
        const qsizetype index = names.indexOf(text.toString().toUpper());
        if (index >= 0)
            return spec.min + int(index);
    }
    return std::nullopt;
}

/// Parses one field into the set of values it selects; `restricted` tells whether it is not `*`.
bool parseField(QStringView field, const FieldSpec &spec, std::bitset<kMaxField> &set, bool &restricted, QString *error)
{
    restricted = !(field == u"*" || field == u"?");
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1 field \"%2\": %3").arg(QString::fromUtf16(spec.label), field.toString(), why);
        return false;
    };
    for (QStringView part : field.split(u',')) {
        int step = 1;
        const qsizetype slash = part.indexOf(u'/');
        if (slash >= 0) {
            bool ok = false;
            const QStringView stepText = part.sliced(slash + 1);
            step = stepText.size() <= 3 ? stepText.toInt(&ok) : 0;
            if (!ok || step <= 0)
                return fail(QStringLiteral("bad step"));
            part = part.first(slash);
        }
        int from = spec.min;
        int to = spec.max;
        if (part == u"*" || part == u"?") {
            // whole range
        } else if (const qsizetype dash = part.indexOf(u'-'); dash > 0) {
            const auto a = valueOf(part.first(dash), spec);
            const auto b = valueOf(part.sliced(dash + 1), spec);
            if (!a || !b)
                return fail(QStringLiteral("value out of range %1-%2").arg(spec.min).arg(spec.max));
            from = *a;
            to = *b;
            if (spec.max == 6 && part.sliced(dash + 1) == u"7")
                to = 6; // "1-7" runs to Sunday
            if (from > to)
                return fail(QStringLiteral("range runs backwards"));
        } else {
            const auto v = valueOf(part, spec);
            if (!v)
                return fail(QStringLiteral("value out of range %1-%2").arg(spec.min).arg(spec.max));
            from = *v;
            to = slash >= 0 ? spec.max : *v; // "5/15" means from 5 every 15
        }
        for (int v = from; v <= to; v += step)
            set.set(std::size_t(v));
    }
    return true;
}

} // namespace

std::optional<CronRuns> parseCronSchedule(const QString &schedule, QString *error)
{
    QStringList fields = schedule.simplified().split(u' ', Qt::SkipEmptyParts);
    if (!fields.isEmpty()
        && (fields.constFirst().startsWith(QLatin1String("CRON_TZ="))
            || fields.constFirst().startsWith(QLatin1String("TZ="))))
        fields.removeFirst();
    if (fields.size() == 1 && fields.constFirst().startsWith(u'@')) {
        const QString macro = fields.constFirst().toLower();
        if (macro == u"@hourly")
            return CronRuns { 24, true };
        if (macro == u"@daily" || macro == u"@midnight")
            return CronRuns { 1, true };
        if (macro == u"@weekly" || macro == u"@monthly" || macro == u"@yearly" || macro == u"@annually")
            return CronRuns { 1, false };
        if (error)
            *error = QStringLiteral("unknown schedule macro \"%1\"").arg(fields.constFirst());
        return std::nullopt;
    }
    if (fields.size() != 5) {
        if (error)
            *error = QStringLiteral("schedule \"%1\" must have 5 fields (minute hour day-of-month month day-of-week), "
                                    "found %2")
                         .arg(schedule)
                         .arg(fields.size());
        return std::nullopt;
    }
    std::bitset<kMaxField> sets[5];
    bool restricted[5] = {};
    for (int i = 0; i < 5; ++i) {
        if (!parseField(fields.at(i), kFields[i], sets[i], restricted[i], error))
            return std::nullopt;
    }
    CronRuns runs;
    runs.runsPerDay = int(sets[0].count() * sets[1].count());
    runs.everyDay = !restricted[2] && !restricted[3] && !restricted[4];
    return runs;
}

} // namespace fleetplan::models
