// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <functional>

#include <QCommandLineParser>
#include <QFile>

#include "app/cli/commands.h"
#include "models/import/cloudformationimporter.h"
#include "models/import/ecsimporter.h"
#include "models/import/kubernetesimporter.h"
#include "models/import/terraformimporter.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"

namespace fleetplan::cli {

namespace {

QString replicasText(const models::Service &s)
{
    switch (s.kind) {
    case models::ServiceKind::Daemon:
        return QStringLiteral("per node");
    case models::ServiceKind::Job:
        return QStringLiteral("%1 pod(s) × %2/day × %3 s").arg(s.replicas).arg(s.runsPerDay).arg(s.runSeconds);
    case models::ServiceKind::Service:
        break;
    }
    return QStringLiteral("%1 (%2..%3)").arg(s.replicas).arg(s.minReplicas).arg(s.maxReplicas);
}

} // namespace

int runImport(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import workloads into a scenario.\n"
                       "  ecs: task definitions (describe-task-definition output or register-task-definition input),\n"
                       "       describe-services and describe-scalable-targets output (AWS CLI JSON).\n"
                       "  k8s: Kubernetes manifests (multi-document YAML, helm template / kustomize output) and\n"
                       "       kubectl get -o yaml|json output; a DIR is searched for *.yaml, *.yml, *.json.\n"
                       "  terraform: terraform show -json output of a plan or a state (ECS, EKS node groups,\n"
                       "       Kubernetes provider workloads).\n"
                       "  cloudformation: CloudFormation templates (JSON or YAML) and CDK cdk.out/*.template.json\n"
                       "       (ECS task definitions, services, scalable targets, EKS node groups).\n"
                       "Objects that are not workloads (ConfigMap, Service, Ingress, ...) are skipped and counted.\n"
                       "A file with an error contributes nothing; the other files are still imported and written,\n"
                       "and the exit code is then 2."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("ecs, k8s, terraform or cloudformation"));
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("Files (k8s: or folders) to import; - reads stdin"), QStringLiteral("FILE|DIR..."));
    const QCommandLineOption outOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Scenario to write (.fleetplan or .json; - writes JSON to stdout)"), QStringLiteral("OUT"));
    const QCommandLineOption nameOption(
        QStringLiteral("name"), QStringLiteral("Scenario name (default: Imported workloads)"), QStringLiteral("NAME"));
    const QCommandLineOption regionOption(
        QStringLiteral("region"), QStringLiteral("AWS region (default: us-east-1)"), QStringLiteral("REGION"));
    const QCommandLineOption intoOption(QStringLiteral("into"),
        QStringLiteral("Merge into this scenario: its region, platforms, purchase options, commitments and load "
                       "profiles stay; an imported service replaces the one with the same source (or else the same "
                       "name), keeping that one's load profile, and the others are added"),
        QStringLiteral("BASE"));
    const QCommandLineOption namespaceOption(QStringLiteral("namespace"),
        QStringLiteral("Import only this Kubernetes namespace (k8s only; repeatable or comma-separated; shell "
                       "wildcards such as team-*; an object without a namespace is in default)"),
        QStringLiteral("NS"));
    const QCommandLineOption excludeNamespaceOption(QStringLiteral("exclude-namespace"),
        QStringLiteral("Leave this Kubernetes namespace out (k8s only; repeatable or comma-separated; wildcards)"),
        QStringLiteral("NS"));
    parser.addOptions({ outOption, nameOption, regionOption, intoOption, namespaceOption, excludeNamespaceOption });
    if (!parser.parse(QStringList { QStringLiteral("fleetplan import") } + ctx.args)) {
        ctx.err << "fleetplan import: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        ctx.err << "fleetplan import: expected ecs, k8s, terraform or cloudformation, then FILE...\n";
        return UsageError;
    }
    const QString source = positional.takeFirst();
    const bool kubernetes = source == u"k8s" || source == u"kubernetes";
    const auto namespaces = [&parser](const QCommandLineOption &option) {
        QStringList names;
        for (const QString &value : parser.values(option)) {
            for (const QString &name : value.split(u',', Qt::SkipEmptyParts))
                names.append(name.trimmed());
        }
        return names;
    };
    models::KubernetesImportOptions kubernetesOptions;
    kubernetesOptions.includeNamespaces = namespaces(namespaceOption);
    kubernetesOptions.excludeNamespaces = namespaces(excludeNamespaceOption);
    if (!kubernetes && (parser.isSet(namespaceOption) || parser.isSet(excludeNamespaceOption))) {
        ctx.err << "fleetplan import " << source << ": --namespace and --exclude-namespace apply to k8s only\n";
        return UsageError;
    }
    std::function<models::ImportResult(const QStringList &)> importer;
    if (source == u"ecs")
        importer = &models::importEcsPaths;
    else if (kubernetes)
        importer = [&kubernetesOptions](
                       const QStringList &paths) { return models::importKubernetesPaths(paths, kubernetesOptions); };
    else if (source == u"terraform" || source == u"tf")
        importer = &models::importTerraformPaths;
    else if (source == u"cloudformation" || source == u"cfn" || source == u"cdk")
        importer = &models::importCloudFormationPaths;
    if (!importer) {
        ctx.err << "fleetplan import: unknown source \"" << source
                << "\" (expected ecs, k8s, terraform or cloudformation)\n";
        return UsageError;
    }
    if (positional.isEmpty()) {
        ctx.err << "fleetplan import " << source << ": expected at least one FILE\n";
        return UsageError;
    }
    if (!parser.isSet(outOption)) {
        ctx.err << "fleetplan import " << source << ": -o OUT is required (.fleetplan, .json, or - for stdout)\n";
        return UsageError;
    }
    if (parser.isSet(regionOption) && !models::isRegionCode(parser.value(regionOption))) {
        ctx.err << "fleetplan import: --region \"" << parser.value(regionOption)
                << "\" is not an AWS region code (like us-east-1)\n";
        return UsageError;
    }
    const QString outPath = parser.value(outOption);
    const bool toStdout = outPath == u"-";
    QTextStream &report = toStdout ? ctx.err : ctx.out;

    const models::ImportResult result = importer(positional);

    for (const models::Diagnostic &d : result.diagnostics)
        ctx.err << (d.isError() ? "error: " : "warning: ") << d.toString() << '\n';
    report << result.summary();
    for (const models::Service &s : result.services) {
        // Accelerators only when asked for: such a service runs on GPU / Neuron instance types only.
        const QString accelerators = s.gpus > 0
            ? QStringLiteral("  %1 %2 accelerator(s), no Fargate").arg(s.gpus).arg(models::toId(s.accelerator))
            : QString();
        report << QStringLiteral("  %1 %2 %3 vCPU %4 MiB  %5  %6%7\n")
                      .arg(s.name, -24)
                      .arg(models::toId(s.kind), -7)
                      .arg(s.effectiveCpu(), 6, 'g', 4)
                      .arg(s.effectiveMemoryMib(), 7, 'g', 6)
                      .arg(replicasText(s), -12)
                      .arg(s.source, accelerators);
    }

    if (result.services.isEmpty()) {
        ctx.err << "fleetplan import: nothing imported; "
                << (toStdout ? QStringLiteral("no scenario written to stdout")
                             : outPath + QStringLiteral(" not written"))
                << '\n';
        return result.hasErrors() ? InvalidInput : Ok;
    }
    models::Scenario scenario;
    scenario.name = parser.isSet(nameOption) ? parser.value(nameOption) : QStringLiteral("Imported workloads");
    if (parser.isSet(intoOption)) {
        // A pipeline keeps its scenario (instance families, load profiles, purchase) and refreshes the workload.
        const QString basePath = parser.value(intoOption);
        const models::ScenarioReadResult base = models::readScenarioFile(basePath);
        if (!base.ok()) {
            ctx.err << "fleetplan import: --into " << basePath << ": " << base.errorText() << '\n';
            return InvalidInput;
        }
        scenario = *base.scenario;
        if (parser.isSet(nameOption))
            scenario.name = parser.value(nameOption);
        int replaced = 0;
        int added = 0;
        for (models::Service imported : result.services) {
            auto same = std::find_if(scenario.services.begin(), scenario.services.end(),
                [&](const models::Service &s) { return !s.source.isEmpty() && s.source == imported.source; });
            if (same == scenario.services.end())
                same = std::find_if(scenario.services.begin(), scenario.services.end(),
                    [&](const models::Service &s) { return s.name == imported.name; });
            if (same != scenario.services.end()) {
                if (imported.loadProfile.isEmpty())
                    imported.loadProfile = same->loadProfile;
                *same = imported;
                ++replaced;
            } else {
                scenario.services.append(imported);
                ++added;
            }
        }
        report << "merged into " << basePath << ": " << replaced << " service(s) replaced, " << added << " added, "
               << (scenario.services.size() - replaced - added) << " kept\n";
        if (!result.region.isEmpty() && models::isRegionCode(result.region) && result.region != scenario.region
            && !parser.isSet(regionOption))
            ctx.err << "warning: the imported ARNs name the region " << result.region << "; the scenario " << basePath
                    << " prices in " << scenario.region << "\n";
        if (parser.isSet(regionOption))
            scenario.region = parser.value(regionOption);
        if (const QString settings = models::applyNodeGroups(result.nodeGroups, scenario); !settings.isEmpty())
            report << settings << '\n';
    } else if (parser.isSet(regionOption)) {
        scenario.region = parser.value(regionOption);
        if (!result.region.isEmpty() && result.region != scenario.region)
            ctx.err << "warning: the imported ARNs name the region " << result.region << "; priced in "
                    << scenario.region << " as --region says\n";
    } else if (models::isRegionCode(result.region)) {
        scenario.region = result.region;
        report << "region " << result.region << " (from the ARNs)\n";
    }
    if (!parser.isSet(intoOption)) {
        scenario.services = result.services;
        if (const QString settings = models::applyNodeGroups(result.nodeGroups, scenario); !settings.isEmpty())
            report << settings << '\n';
    }
    if (toStdout) {
        ctx.out << QString::fromUtf8(models::scenarioToJson(scenario));
    } else {
        QString error;
        if (!models::writeScenarioFile(scenario, outPath, &error)) {
            ctx.err << "fleetplan import: " << error << '\n';
            return InvalidInput;
        }
        report << "wrote " << outPath << '\n';
    }
    return result.hasErrors() ? InvalidInput : Ok;
}

} // namespace fleetplan::cli
