// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/scenariodiff.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include "models/workload/scenariojson.h"

namespace fleetplan::models {

QString ScenarioChange::text() const
{
    if (!summary.isEmpty())
        return path + QStringLiteral(": ") + summary;
    if (before.isEmpty())
        return path + QStringLiteral(": added");
    if (after.isEmpty())
        return path + QStringLiteral(": removed");
    return QStringLiteral("%1: %2 → %3").arg(path, before, after);
}

namespace {

QString jsonText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString().isEmpty() ? QStringLiteral("\"\"") : v.toString();
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 12);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("none");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

/// The text of a value that is there (a missing one is "none": a field the writer leaves out when unset).
QString present(const QJsonValue &v)
{
    return v.isUndefined() ? QStringLiteral("none") : jsonText(v);
}

void compare(const QString &path, const QJsonValue &a, const QJsonValue &b, QList<ScenarioChange> &out);

/// Arrays of objects with a "name" (services, load profiles): matched by name, in the first one's order, then
/// the second's new names. Other arrays are one value.
bool compareNamed(const QString &path, const QJsonArray &a, const QJsonArray &b, QList<ScenarioChange> &out)
{
    auto named = [](const QJsonArray &array) {
        for (const QJsonValue &v : array) {
            if (!v.isObject() || !v.toObject().value(u"name").isString())
                return false;
        }
        return true;
    };
    if (!named(a) || !named(b) || (a.isEmpty() && b.isEmpty()))
        return false;
    auto find = [](const QJsonArray &array, const QString &name) {
        for (const QJsonValue &v : array) {
            if (v.toObject().value(u"name").toString() == name)
                return v.toObject();
        }
        return QJsonObject();
    };
    QStringList seen;
    for (const QJsonValue &v : a) {
        const QString name = v.toObject().value(u"name").toString();
        seen << name;
        const QString at = QStringLiteral("%1[%2]").arg(path, name);
        const QJsonObject other = find(b, name);
        if (other.isEmpty())
            out.append({ at, QStringLiteral("present"), QString(), {} });
        else
            compare(at, v, other, out);
    }
    for (const QJsonValue &v : b) {
        const QString name = v.toObject().value(u"name").toString();
        if (!seen.contains(name))
            out.append({ QStringLiteral("%1[%2]").arg(path, name), QString(), QStringLiteral("present"), {} });
    }
    return true;
}

/// A load profile's hourly values: how many hours differ, never 168 numbers.
bool compareHours(const QString &path, const QJsonValue &a, const QJsonValue &b, QList<ScenarioChange> &out)
{
    if (!path.endsWith(QStringLiteral(".hourly")) || !a.isArray() || !b.isArray())
        return false;
    const QJsonArray x = a.toArray();
    const QJsonArray y = b.toArray();
    if (x == y)
        return true;
    int differ = 0;
    const qsizetype n = std::max(x.size(), y.size());
    for (qsizetype i = 0; i < n; ++i)
        differ += (i >= x.size() || i >= y.size() || x.at(i) != y.at(i)) ? 1 : 0;
    ScenarioChange c { path, QStringLiteral("%1 values").arg(x.size()), QStringLiteral("%1 values").arg(y.size()), {} };
    c.summary = x.size() == y.size() ? QStringLiteral("%1 of %2 hours changed").arg(differ).arg(x.size())
                                     : QStringLiteral("%1 hours → %2 hours").arg(x.size()).arg(y.size());
    out.append(c);
    return true;
}

void compare(const QString &path, const QJsonValue &a, const QJsonValue &b, QList<ScenarioChange> &out)
{
    if (a == b)
        return;
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        QStringList keys = x.keys();
        for (const QString &k : y.keys()) {
            if (!keys.contains(k))
                keys << k;
        }
        for (const QString &k : keys) {
            if (path.isEmpty() && (k == u"name" || k == u"notes" || k == u"fleetplan_scenario"))
                continue;
            compare(path.isEmpty() ? k : path + u'.' + k, x.value(k), y.value(k), out);
        }
        return;
    }
    if (a.isArray() && b.isArray() && compareNamed(path, a.toArray(), b.toArray(), out))
        return;
    if (compareHours(path, a, b, out))
        return;
    out.append({ path, present(a), present(b), {} });
}

} // namespace

QList<ScenarioChange> scenarioChanges(const Scenario &before, const Scenario &after)
{
    QList<ScenarioChange> changes;
    compare(QString(), scenarioToJsonObject(before), scenarioToJsonObject(after), changes);
    return changes;
}

QStringList scenarioChangeLines(const QList<ScenarioChange> &changes, int limit)
{
    QStringList lines;
    for (qsizetype i = 0; i < changes.size() && i < limit; ++i)
        lines << changes.at(i).text();
    if (changes.size() > limit)
        lines << QStringLiteral("and %1 more").arg(changes.size() - limit);
    return lines;
}

} // namespace fleetplan::models
