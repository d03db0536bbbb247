// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/infraimport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "models/import/ecsimporter.h"
#include "models/import/kubernetesimporter.h"

namespace fleetplan::models {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

void InfraFile::addEcsTaskDefinition(const QString &address, const QJsonObject &registerInput)
{
    ecs.append({ origin + QStringLiteral(": ") + address, compact(registerInput) });
}

void InfraFile::addEcsService(const QString &address, const QJsonObject &describedService)
{
    ecs.append({ origin + QStringLiteral(": ") + address,
        compact(QJsonObject { { QStringLiteral("services"), QJsonArray { describedService } } }) });
}

void InfraFile::addEcsScalableTarget(const QString &address, const QJsonObject &describedTarget)
{
    ecs.append({ origin + QStringLiteral(": ") + address,
        compact(QJsonObject { { QStringLiteral("ScalableTargets"), QJsonArray { describedTarget } } }) });
}

void InfraFile::addKubernetesObject(const QString &address, const QJsonObject &manifest)
{
    kubernetes.append({ origin + QStringLiteral(": ") + address, compact(manifest) });
}

void finishInfraFile(InfraFile &file, ImportResult &result)
{
    ImportResult parts;
    QString ecsRegion;
    if (!file.failed) {
        const ImportResult ecsPart = file.ecs.isEmpty() ? ImportResult() : importEcs(file.ecs);
        ecsRegion = ecsPart.region;
        const ImportResult k8sPart = file.kubernetes.isEmpty() ? ImportResult() : importKubernetes(file.kubernetes);
        for (const ImportResult *part : { &ecsPart, &k8sPart }) {
            parts.services += part->services;
            parts.diagnostics += part->diagnostics;
            for (auto it = part->skippedKinds.cbegin(); it != part->skippedKinds.cend(); ++it)
                parts.skippedKinds[it.key()] += it.value();
            if (!part->failedFiles.isEmpty())
                file.failed = true;
        }
    }
    if (file.failed) {
        for (const Diagnostic &d : std::as_const(file.diagnostics) + std::as_const(parts.diagnostics)) {
            if (d.isError())
                result.diagnostics.append(d);
        }
        result.failedFiles.append(file.origin);
        return;
    }
    for (const Diagnostic &d : std::as_const(file.diagnostics) + std::as_const(parts.diagnostics))
        result.diagnostics.append(d);
    result.services += parts.services;
    for (auto it = file.skipped.cbegin(); it != file.skipped.cend(); ++it)
        result.skippedKinds[it.key()] += it.value();
    for (auto it = parts.skippedKinds.cbegin(); it != parts.skippedKinds.cend(); ++it)
        result.skippedKinds[it.key()] += it.value();
    result.nodeGroups += file.nodeGroups;
    if (result.region.isEmpty())
        result.region = ecsRegion;
    result.importedFiles.append(file.origin);
}

} // namespace fleetplan::models
