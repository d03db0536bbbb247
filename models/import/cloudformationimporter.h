// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include "models/import/importresult.h"

/// AWS CloudFormation templates (JSON or YAML, including the CDK's `cdk.out/*.template.json`) to services.
namespace fleetplan::models {

/// Imports the ECS and EKS resources of CloudFormation templates:
/// - `AWS::ECS::TaskDefinition`, `AWS::ECS::Service` (DesiredCount default 1, as CloudFormation creates
///   it) and `AWS::ApplicationAutoScaling::ScalableTarget` go through the ECS importer's rules (importEcs);
///   their properties are the ECS API's fields in PascalCase;
/// - `AWS::EKS::Nodegroup` becomes an ImportedNodeGroup (EKS-nodes platform settings).
///
/// Intrinsic functions (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`, `Fn::FindInMap`, and the YAML short
/// forms `!Ref`, `!Sub`, `!GetAtt`, `!Join`, ...) are resolved where they name values inside the template:
/// a parameter's Default, a mapping, another resource by logical id (a cluster, service or task definition
/// by its name property, else its logical id, so that services, task definitions and scalable targets
/// join). Where a value the importer reads cannot be resolved (a parameter without default, a pseudo
/// parameter, an import from another stack) it is left out and named in a warning.
ImportResult importCloudFormation(const QList<ImportInput> &inputs);

/// Reads the files (a directory such as cdk.out/: its *.json, *.yaml and *.yml) and imports them.
ImportResult importCloudFormationPaths(const QStringList &paths);

} // namespace fleetplan::models
