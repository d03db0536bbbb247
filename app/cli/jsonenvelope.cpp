// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/jsonenvelope.h"

#include <QJsonDocument>

#include "pricing/units.h"

namespace fleetplan::cli {

QByteArray envelopeJson(QJsonObject object, const QString &kind, const QJsonObject &extra)
{
    object.insert(QStringLiteral("schema_version"), JsonSchemaVersion);
    object.insert(QStringLiteral("kind"), kind);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QByteArray envelopeJson(const QByteArray &json, const QString &kind, const QJsonObject &extra)
{
    return envelopeJson(QJsonDocument::fromJson(json).object(), kind, extra);
}

QJsonObject periodJson(const models::CostReport &report)
{
    return QJsonObject { { QStringLiteral("hours"), report.hours }, { QStringLiteral("label"), report.periodLabel() },
        { QStringLiteral("months"), report.hours / pricing::HoursPerMonth } };
}

} // namespace fleetplan::cli
