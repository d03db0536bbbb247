// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include "models/import/importresult.h"

/// What the infrastructure-code importers (Terraform, CloudFormation) share: they translate each resource
/// into the input the ECS and Kubernetes importers already read (register-task-definition input,
/// describe-services and describe-scalable-targets output, Kubernetes manifests), so that the sizing rules
/// live in one place, and then merge what those importers make of it.
namespace fleetplan::models {

/// One infrastructure file being imported.
struct InfraFile
{
    QString origin; ///< "plan.json"
    QList<ImportInput> ecs; ///< synthesized ECS JSON, origin "plan.json: aws_ecs_service.web"
    QList<ImportInput> kubernetes; ///< synthesized manifests (JSON), origin "plan.json: kubernetes_deployment.web"
    QList<ImportedNodeGroup> nodeGroups;
    QMap<QString, int> skipped; ///< resource type → count
    QList<Diagnostic> diagnostics;
    bool failed = false;

    void error(const QString &where, const QString &message)
    {
        failed = true;
        diagnostics.append({ Diagnostic::Severity::Error, where, message });
    }
    void warn(const QString &where, const QString &message)
    {
        diagnostics.append({ Diagnostic::Severity::Warning, where, message });
    }

    void addEcsTaskDefinition(const QString &address, const QJsonObject &registerInput);
    void addEcsService(const QString &address, const QJsonObject &describedService);
    void addEcsScalableTarget(const QString &address, const QJsonObject &describedTarget);
    void addKubernetesObject(const QString &address, const QJsonObject &manifest);
};

/// Runs the ECS and Kubernetes importers on the file's translated resources and adds the outcome to
/// `result`. The file fails as a whole (contributes nothing but its errors) when it recorded an error or
/// one of its resources failed; errors of a single service (a task definition not in the batch) do not
/// fail it, as in the ECS importer.
void finishInfraFile(InfraFile &file, ImportResult &result);

} // namespace fleetplan::models
