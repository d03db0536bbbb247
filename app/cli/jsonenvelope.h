// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "models/simulation/costreport.h"

/// What every JSON document of the CLI carries besides its figures (docs/compare-json.md, "Schema
/// version"): "schema_version", "kind", and for priced outputs "pricing" and "period".
namespace fleetplan::cli {

/// The version of the CLI's JSON documents. Adding a key keeps the version; renaming or removing a key,
/// or changing a key's meaning or unit, raises it.
inline constexpr int JsonSchemaVersion = 1;

/// `object` with "schema_version" = JsonSchemaVersion, "kind" and every key of `extra` added; indented
/// JSON text ending with a newline (keys in alphabetical order, numbers at full precision).
QByteArray envelopeJson(QJsonObject object, const QString &kind, const QJsonObject &extra = {});
/// The same for JSON text another writer made (a models/ serialiser); `json` must hold an object.
QByteArray envelopeJson(const QByteArray &json, const QString &kind, const QJsonObject &extra = {});

/// {"hours": 730, "label": "1 month (730 hours)", "months": 1}: the billing period simulated.
QJsonObject periodJson(const models::CostReport &report);

} // namespace fleetplan::cli
