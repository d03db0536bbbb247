// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "common/importtests.h"
#include "models/import/terraformimporter.h"

using namespace fleetplan::models;
using namespace Qt::StringLiterals;

using fleetplan::test::allDiagnostics;
using fleetplan::test::find;
using fleetplan::test::fixture;

/// `terraform show -json` of a plan and of a state (issue 21), through the ECS and Kubernetes importers.
class TestImportTerraform : public QObject
{
    Q_OBJECT

private slots:
    void plan()
    {
        const ImportResult r = importTerraformPaths({ fixture(u"terraform/plan.json"_s) });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.importedFiles, QStringList { u"plan.json"_s });
        QStringList names;
        for (const Service &s : r.services)
            names << s.name;
        // ECS services in plan order, then the Kubernetes provider's Deployment.
        QCOMPARE(names, (QStringList { u"web"_s, u"worker"_s, u"api"_s }));

        // aws_ecs_service.web: task definition and cluster known only after apply, found through the
        // configuration's references; task-level cpu "512" / memory "1024" on ARM64; desired_count 3 in the
        // scalable target's 2..12 (its resource_id also known only after apply); FARGATE_SPOT weight 3.
        const Service *web = find(r, u"web"_s);
        QVERIFY(web);
        QCOMPARE(web->cpu, 0.5);
        QCOMPARE(web->memoryMib, 1024.0);
        QVERIFY(web->containers.isEmpty());
        QCOMPARE(web->arch, Arch::Arm64);
        QCOMPARE(web->networkMode, NetworkMode::Awsvpc);
        QCOMPARE(web->replicas, 3);
        QCOMPARE(web->minReplicas, 2);
        QCOMPARE(web->maxReplicas, 12);
        QVERIFY(web->spotOk);
        QCOMPARE(web->source,
            u"plan.json: aws_ecs_service.web: Service/web (task definition from plan.json: "
            "aws_ecs_task_definition.web: TaskDefinition/web)"_s);

        // aws_ecs_service.worker on EC2: no task size; the container's cpu 256 units and memory 512
        // (memoryReservation null = absent); bridge; 2 tasks; no scalable target → default bounds.
        const Service *worker = find(r, u"worker"_s);
        QVERIFY(worker);
        QCOMPARE(worker->containers, (QList<Container> { { u"worker"_s, 0.25, 512, false } }));
        QCOMPARE(worker->effectiveCpu(), 0.25);
        QCOMPARE(worker->effectiveMemoryMib(), 512.0);
        QCOMPARE(worker->networkMode, NetworkMode::Bridge);
        QCOMPARE(worker->replicas, 2);
        QCOMPARE(worker->minReplicas, 0);
        QCOMPARE(worker->maxReplicas, 1000);
        QVERIFY(!worker->spotOk);

        // kubernetes_deployment.api: requests 500m / 512Mi (not the limits), arm64 node selector, replicas
        // "2" raised to the kubernetes_horizontal_pod_autoscaler_v2's min 3 (max 10).
        const Service *api = find(r, u"api"_s);
        QVERIFY(api);
        QCOMPARE(api->containers, (QList<Container> { { u"api"_s, 0.5, 512, false } }));
        QCOMPARE(api->arch, Arch::Arm64);
        QCOMPARE(api->replicas, 3);
        QCOMPARE(api->minReplicas, 3);
        QCOMPARE(api->maxReplicas, 10);
        QCOMPARE(api->source, u"plan.json: kubernetes_deployment.api: Deployment/api"_s);

        // Resources that are not workloads are counted by type; the destroyed service and the data source
        // are not resources of the result at all.
        QCOMPARE(r.skippedKinds,
            (QMap<QString, int> {
                { u"aws_ecs_cluster"_s, 1 }, { u"aws_eks_fargate_profile"_s, 1 }, { u"kubernetes_service"_s, 1 } }));

        // Known only after apply: reported, never guessed.
        const QString text = allDiagnostics(r);
        QVERIFY2(text.contains(u"plan.json: aws_ecs_task_definition.batch: not imported: known only after apply: "
                               "container_definitions"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"plan.json: aws_ecs_service.worker: placement strategy "
                               "spread(attribute:ecs.availability-zone), strategy binpack(memory) not modelled: the "
                               "plan packs tasks by size only"_s),
            qPrintable(text));
        // distinctInstance is: one worker task per container instance.
        QVERIFY(find(r, u"worker"_s));
        QVERIFY(find(r, u"worker"_s)->onePerNode);
        QVERIFY2(text.contains(u"plan.json: aws_eks_fargate_profile.system: EKS Fargate profile for namespace(s) "
                               "kube-system"_s),
            qPrintable(text));
        // The batch task definition no service uses is the only one left out.
        QVERIFY(!find(r, u"batch"_s));

        // aws_eks_node_group general (m6i.large, m6a.large, 50 GiB, 3 desired) and spot (c6i.xlarge, SPOT, 1).
        QCOMPARE(r.nodeGroups.size(), 2);
        QCOMPARE(r.nodeGroups.at(0).instanceTypes, (QStringList { u"m6i.large"_s, u"m6a.large"_s }));
        QCOMPARE(r.nodeGroups.at(0).desiredSize, 3);
        QCOMPARE(r.nodeGroups.at(0).diskGib, 50.0);
        QVERIFY(!r.nodeGroups.at(0).spot);
        QVERIFY(r.nodeGroups.at(1).spot);
        QCOMPARE(r.nodeGroups.at(1).diskGib, 20.0);
        Scenario scenario;
        const QString applied = applyNodeGroups(r.nodeGroups, scenario);
        const PlatformSettings &eks = scenario.platform(PlatformId::EksNodes);
        QCOMPARE(eks.instanceTypes, (QStringList { u"m6i.large"_s, u"m6a.large"_s, u"c6i.xlarge"_s }));
        QVERIFY(eks.mixedInstances);
        QCOMPARE(eks.ebsGibPerNode, 50.0);
        QCOMPARE(scenario.purchase.spotShare, 0.25); // 1 of 4 desired nodes
        QVERIFY2(applied.contains(u"Spot share 25 %"_s), qPrintable(applied));
    }

    void state()
    {
        // A state's values.root_module with a child module: task definition by ARN, cluster by ARN.
        const ImportResult r = importTerraformPaths({ fixture(u"terraform/state.json"_s) });
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        const Service &app = r.services.at(0);
        QCOMPARE(app.name, u"app"_s);
        QCOMPARE(app.cpu, 0.25);
        QCOMPARE(app.memoryMib, 512.0);
        QCOMPARE(app.replicas, 4);
        QCOMPARE(app.minReplicas, 2);
        QCOMPARE(app.maxReplicas, 8);
        QCOMPARE(app.hostPort, 0); // awsvpc
        QCOMPARE(app.source,
            u"state.json: module.app.aws_ecs_service.app: Service/app (task definition from state.json: "
            "module.app.aws_ecs_task_definition.app: TaskDefinition/app:5)"_s);
        QCOMPARE(r.skippedKinds, (QMap<QString, int> { { u"aws_ecs_cluster"_s, 1 } }));
    }

    void errorsNameFileAndPath()
    {
        const ImportResult r = importTerraformPaths(
            { fixture(u"broken/bad-terraform-plan.json"_s), fixture(u"terraform/state.json"_s) });
        QCOMPARE(r.failedFiles, QStringList { u"bad-terraform-plan.json"_s });
        QCOMPARE(r.services.size(), 1); // the state still comes in
        QVERIFY2(allDiagnostics(r).startsWith(u"bad-terraform-plan.json: aws_ecs_task_definition.x: "
                                              "$.resource_changes[0].change.after.container_definitions: JSON syntax "
                                              "error at 1:"_s),
            qPrintable(allDiagnostics(r)));

        // Not Terraform JSON, a JSON syntax error (line:column), and an ECS rule broken inside a plan.
        const ImportResult other = importTerraform({ { u"k.json"_s, R"({"kind": "Deployment"})" },
            { u"s.json"_s, "{\n  \"format_version\": \"1.0\",\n  \"values\": [\n" },
            { u"m.json"_s,
                "{\"format_version\": \"1.2\", \"resource_changes\": [{\"address\": \"aws_ecs_task_definition.t\", "
                "\"mode\": \"managed\", \"type\": \"aws_ecs_task_definition\", \"change\": {\"actions\": [\"create\"], "
                "\"after\": {\"family\": \"t\", \"container_definitions\": \"[{\\\"name\\\": \\\"t\\\", "
                "\\\"cpu\\\": 256}]\"}}}]}" } });
        QCOMPARE(other.failedFiles, (QStringList { u"k.json"_s, u"s.json"_s, u"m.json"_s }));
        const QString text = allDiagnostics(other);
        QVERIFY2(text.contains(u"k.json: $: not Terraform JSON: expected the output of `terraform show -json`"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"s.json:4:1: JSON syntax error"_s), qPrintable(text));
        QVERIFY2(text.contains(u"m.json: aws_ecs_task_definition.t: $.containerDefinitions[0]: needs memory or "
                               "memoryReservation when the task has no task-level memory"_s),
            qPrintable(text));
    }

    void hostileInputs_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[1, 2]");
        QTest::newRow("wrong types") << QByteArray(
            R"({"format_version": 1, "resource_changes": [1, {"change": 3}, {"type": "aws_ecs_service", "change": {"after": {"name": [], "desired_count": "x"}, "after_unknown": 5}}]})");
        QTest::newRow("deep modules") << (QByteArray(R"({"values": {"root_module": )")
            + QByteArray(40, ' ').replace(' ', R"({"child_modules": [)") + QByteArray("{}") + QByteArray(40, ']'));
        QTest::newRow("node group sizes") << QByteArray(
            R"({"values": {"root_module": {"resources": [{"type": "aws_eks_node_group", "address": "n", "values": {"scaling_config": [{"min_size": 5, "max_size": 1, "desired_size": 3}]}}]}}})");
    }
    void hostileInputs()
    {
        QFETCH(QByteArray, data);
        const ImportResult r = importTerraform({ { u"h.json"_s, data } });
        QVERIFY(r.services.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportTerraform)
#include "tst_importterraform.moc"
