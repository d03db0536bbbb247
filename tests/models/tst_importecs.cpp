// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "common/importtests.h"
#include "models/import/ecsimporter.h"

using namespace fleetplan::models;
using namespace Qt::StringLiterals;

namespace {

using fleetplan::test::allDiagnostics;
using fleetplan::test::find;
using fleetplan::test::fixture;

void compareService(const Service *actual, const Service &expected)
{
    QVERIFY2(actual, qPrintable(u"no service %1"_s.arg(expected.name)));
    QCOMPARE(actual->name, expected.name);
    QCOMPARE(actual->kind, expected.kind);
    QCOMPARE(actual->containers, expected.containers);
    QCOMPARE(actual->effectiveCpu(), expected.cpu);
    QCOMPARE(actual->effectiveMemoryMib(), expected.memoryMib);
    QCOMPARE(actual->cpu, expected.cpu);
    QCOMPARE(actual->memoryMib, expected.memoryMib);
    QCOMPARE(actual->ephemeralGib, expected.ephemeralGib);
    QCOMPARE(actual->arch, expected.arch);
    QCOMPARE(actual->os, expected.os);
    QCOMPARE(actual->replicas, expected.replicas);
    QCOMPARE(actual->minReplicas, expected.minReplicas);
    QCOMPARE(actual->maxReplicas, expected.maxReplicas);
    QCOMPARE(actual->spotOk, expected.spotOk);
    QCOMPARE(actual->networkMode, expected.networkMode);
    QCOMPARE(actual->hostPort, expected.hostPort);
    QCOMPARE(actual->source, expected.source);
    QCOMPARE(actual->runsPerDay, 0);
    QCOMPARE(actual->runSeconds, 0);
}

} // namespace

/// ECS task definitions (AWS developer guide examples), describe-services and describe-scalable-targets.
class TestImportEcs : public QObject
{
    Q_OBJECT

private slots:
    void batch()
    {
        const QStringList files { fixture(u"ecs/wordpress.json"_s), fixture(u"ecs/fargate-webserver.json"_s),
            fixture(u"ecs/ec2-memory-reservation.json"_s), fixture(u"ecs/windows-iis.json"_s),
            fixture(u"ecs/describe-services.json"_s), fixture(u"ecs/describe-scalable-targets.json"_s) };
        const ImportResult r = importEcsPaths(files);
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.importedFiles.size(), 6);
        QCOMPARE(r.services.size(), 4);
        // Services in describe-services order, then task definitions no service uses.
        QStringList names;
        for (const Service &s : r.services)
            names << s.name;
        QCOMPARE(names, (QStringList { u"web"_s, u"blog"_s, u"agent"_s, u"windows-simple-iis"_s }));

        // describe-task-definition output (the guide's Fargate web server, as revision 3 on Graviton):
        // task-level cpu "256" = 0.25 vCPU, memory "512"; ephemeralStorage 30 GiB; awsvpc has no host
        // port; desiredCount 4 within the scalable target's 2..20; FARGATE_SPOT weight 3 → Spot-tolerant.
        Service web;
        web.name = u"web"_s;
        web.cpu = 0.25;
        web.memoryMib = 512;
        web.ephemeralGib = 30;
        web.arch = Arch::Arm64;
        web.replicas = 4;
        web.minReplicas = 2;
        web.maxReplicas = 20;
        web.spotOk = true;
        web.networkMode = NetworkMode::Awsvpc;
        // deploymentConfiguration 200 / 100 → a rolling deployment, surge 100 %, unavailable 0 % (issue 20);
        // no frequency in the API output, so none is priced.
        web.deployment.strategy = DeploymentStrategy::Rolling;
        web.deployment.maxSurge = 100;
        web.deployment.maxUnavailable = 0;
        web.source = u"describe-services.json: Service/web (task definition from fargate-webserver.json: "
                     "TaskDefinition/fargate-task-definition:3)"_s;
        compareService(find(r, u"web"_s), web);

        // The guide's WordPress + MySQL task definition (register-task-definition input, no revision):
        // cpu 10 + 10 units = 20/1024 vCPU, memory 500 + 500 MiB; bridge by default on EC2; hostPort 80.
        Service blog;
        blog.name = u"blog"_s;
        blog.containers = { { u"wordpress"_s, 10 / 1024.0, 500, false }, { u"mysql"_s, 10 / 1024.0, 500, false } };
        blog.cpu = 20 / 1024.0;
        blog.memoryMib = 1000;
        blog.replicas = 2;
        blog.networkMode = NetworkMode::Bridge;
        blog.hostPort = 80;
        blog.source
            = u"describe-services.json: Service/blog (task definition from wordpress.json: TaskDefinition/hello_world)"_s;
        compareService(find(r, u"blog"_s), blog);

        // DAEMON service on the memoryReservation example: container1 reserves its soft limit 512 (not its
        // hard limit 1024), container2 its memory 512 → 1024 MiB; cpu 512 + 128 units = 0.625 vCPU.
        Service agent;
        agent.name = u"agent"_s;
        agent.kind = ServiceKind::Daemon;
        agent.containers = { { u"container1"_s, 0.5, 512, false }, { u"container2"_s, 0.125, 512, false } };
        agent.cpu = 0.625;
        agent.memoryMib = 1024;
        agent.replicas = 1;
        agent.networkMode = NetworkMode::Bridge;
        agent.source = u"describe-services.json: Service/agent (task definition from ec2-memory-reservation.json: "
                       "TaskDefinition/my-task)"_s;
        compareService(find(r, u"agent"_s), agent);

        // Windows Fargate task definition with "1 vCPU" / "2 GB" (= 2048 MiB), used by no service.
        Service iis;
        iis.name = u"windows-simple-iis"_s;
        iis.cpu = 1;
        iis.memoryMib = 2048;
        iis.os = OsFamily::Windows;
        iis.replicas = 1;
        iis.networkMode = NetworkMode::Awsvpc;
        iis.source = u"windows-iis.json: TaskDefinition/windows-simple-iis"_s;
        compareService(find(r, u"windows-simple-iis"_s), iis);

        QCOMPARE(r.skippedKinds, (QMap<QString, int> { { u"ScalableTarget (dynamodb)"_s, 1 } }));
    }

    void brokenFilesFailAlone()
    {
        const ImportResult r = importEcsPaths({ fixture(u"ecs/wordpress.json"_s), fixture(u"broken/bad-memory.json"_s),
            fixture(u"broken/syntax-error.json"_s), fixture(u"ecs/orphan-service.json"_s) });
        QVERIFY(r.hasErrors());
        QCOMPARE(r.services.size(), 1);
        QCOMPARE(r.services.constFirst().name, u"hello_world"_s);
        QCOMPARE(r.failedFiles, (QStringList { u"bad-memory.json"_s, u"syntax-error.json"_s }));
        QCOMPARE(r.importedFiles, (QStringList { u"wordpress.json"_s, u"orphan-service.json"_s }));
        QStringList errors;
        for (const Diagnostic &d : r.diagnostics)
            errors << d.toString();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors.at(0),
            u"bad-memory.json: $.containerDefinitions[0].memoryReservation: is larger than memory (256 MiB)"_s);
        QVERIFY2(errors.at(1).startsWith(u"syntax-error.json:5:"_s) && errors.at(1).contains(u"JSON syntax error"_s),
            qPrintable(errors.at(1)));
        QCOMPARE(errors.at(2),
            u"orphan-service.json: $.services[0].taskDefinition: service checkout uses task definition "
            "arn:aws:ecs:us-east-1:012345678910:task-definition/checkout:12, which is not among the files "
            "given (add its describe-task-definition output); service not imported"_s);
    }

    void invalidFieldsNameTheJsonPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not ECS")
            << QByteArray(R"({"kind": "Deployment"})")
            << u"x.json: $: not an ECS task definition, describe-services or describe-scalable-targets "
               "output: expected the key taskDefinition, containerDefinitions, services or ScalableTargets"_s;
        QTest::newRow("no containers")
            << QByteArray(R"({"family": "f", "containerDefinitions": []})")
            << u"x.json: $.containerDefinitions: must be a non-empty list of container definitions"_s;
        QTest::newRow("no memory anywhere")
            << QByteArray(R"({"family": "f", "containerDefinitions": [{"name": "a", "cpu": 256}]})")
            << u"x.json: $.containerDefinitions[0]: needs memory or memoryReservation when the "
               "task has no task-level memory"_s;
        QTest::newRow("cpu text")
            << QByteArray(
                   R"({"taskDefinition": {"family": "f", "cpu": "lots", "memory": "512", "containerDefinitions": [{"name": "a"}]}})")
            << u"x.json: $.taskDefinition.cpu: \"lots\" is not a task CPU size (CPU units such as 1024, or \"1 vCPU\")"_s;
        QTest::newRow("fargate without task size")
            << QByteArray(
                   R"({"family": "f", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "containerDefinitions": [{"name": "a", "memory": 512}]})")
            << u"x.json: $: a FARGATE task definition needs task-level cpu and memory"_s;
        QTest::newRow("container memory fraction")
            << QByteArray(R"({"family": "f", "containerDefinitions": [{"name": "a", "memory": 1.5}]})")
            << u"x.json: $.containerDefinitions[0].memory: must be a whole number of at least 1"_s;
        QTest::newRow("containers above task memory")
            << QByteArray(
                   R"({"family": "f", "memory": "1 GB", "containerDefinitions": [{"name": "a", "memory": 2048}]})")
            << u"x.json: $.memory: 1024 MiB is less than its containers reserve (2048 MiB)"_s;
        QTest::newRow("bad architecture") << QByteArray(
            R"({"family": "f", "memory": "512", "runtimePlatform": {"cpuArchitecture": "RISCV"}, "containerDefinitions": [{"name": "a"}]})")
                                          << u"x.json: $.runtimePlatform.cpuArchitecture: \"RISCV\" is not X86_64 or ARM64"_s;
        QTest::newRow("service without name")
            << QByteArray(R"({"services": [{"taskDefinition": "f:1", "desiredCount": 1}]})")
            << u"x.json: $.services[0].serviceName: is required"_s;
        QTest::newRow("bad resource id")
            << QByteArray(
                   R"({"ScalableTargets": [{"ServiceNamespace": "ecs", "ScalableDimension": "ecs:service:DesiredCount", "ResourceId": "web", "MinCapacity": 1, "MaxCapacity": 2}]})")
            << u"x.json: $.ScalableTargets[0].ResourceId: \"web\" is not service/CLUSTER/SERVICE"_s;
        // Hostile numbers (issue 15): the limits of validation.h, named at the JSON path.
        QTest::newRow("hostPort 70000")
            << QByteArray(
                   R"({"family": "f", "networkMode": "bridge", "containerDefinitions": [{"name": "a", "memory": 512, "portMappings": [{"containerPort": 80, "hostPort": 70000}]}]})")
            << u"x.json: $.containerDefinitions[0].portMappings[0].hostPort: 70000 is above the limit of 65535"_s;
        QTest::newRow("a hundred billion vCPU")
            << QByteArray(
                   R"({"taskDefinition": {"family": "f", "cpu": "99999999999 vCPU", "memory": "512", "containerDefinitions": [{"name": "a"}]}})")
            << u"x.json: $.taskDefinition.cpu: \"99999999999 vCPU\" is above the limit of 1024 vCPU"_s;
        QTest::newRow("99999999 GB of memory")
            << QByteArray(
                   R"({"taskDefinition": {"family": "f", "cpu": "256", "memory": "99999999 GB", "containerDefinitions": [{"name": "a"}]}})")
            << u"x.json: $.taskDefinition.memory: \"99999999 GB\" is above the limit of 33554432 MiB"_s;
        QTest::newRow("array at top") << QByteArray("[]")
                                      << u"x.json: $: expected a JSON object as the AWS CLI prints it"_s;
    }
    void invalidFieldsNameTheJsonPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const ImportResult r = importEcs({ { u"x.json"_s, json } });
        QVERIFY(r.services.isEmpty());
        QCOMPARE(r.failedFiles, QStringList { u"x.json"_s });
        QStringList errors;
        for (const Diagnostic &d : r.diagnostics)
            errors << d.toString();
        QCOMPARE(errors, QStringList { error });
    }

    /// Two revisions of a family: "family:revision" picks one, the bare family the highest.
    void revisions()
    {
        const QByteArray r1
            = R"({"taskDefinition": {"family": "api", "revision": 1, "memory": "512", "cpu": "256", "containerDefinitions": [{"name": "a"}]}})";
        const QByteArray r2
            = R"({"taskDefinition": {"family": "api", "revision": 2, "memory": "1024", "cpu": "512", "containerDefinitions": [{"name": "a"}]}})";
        const QByteArray services
            = R"({"services": [{"serviceName": "old", "taskDefinition": "api:1", "desiredCount": 1},
                                                     {"serviceName": "new", "taskDefinition": "api", "desiredCount": 1}]})";
        const ImportResult r = importEcs({ { u"r1.json"_s, r1 }, { u"r2.json"_s, r2 }, { u"s.json"_s, services } });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 2);
        QCOMPARE(find(r, u"old"_s)->memoryMib, 512.0);
        QCOMPARE(find(r, u"new"_s)->memoryMib, 1024.0);
    }

    void distinctInstanceIsOnePerNode()
    {
        // describe-services output: placementConstraints [{"type": "distinctInstance"}] puts each task on its
        // own container instance (ECS developer guide, "Amazon ECS task placement constraints").
        const QByteArray def
            = R"({"taskDefinition": {"family": "api", "revision": 1, "memory": "512", "cpu": "256", "containerDefinitions": [{"name": "a"}]}})";
        const QByteArray services
            = R"({"services": [{"serviceName": "apart", "taskDefinition": "api:1", "desiredCount": 3,
                                "placementConstraints": [{"type": "distinctInstance"}]},
                               {"serviceName": "together", "taskDefinition": "api:1", "desiredCount": 3,
                                "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"}]}]})";
        const ImportResult r = importEcs({ { u"d.json"_s, def }, { u"s.json"_s, services } });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(find(r, u"apart"_s)->onePerNode, true);
        QCOMPARE(find(r, u"together"_s)->onePerNode, false);
    }

    /// EC2 task definitions may leave cpu out entirely; the plan uses the smallest Fargate task, 256 units.
    void noCpuIsPlannedAtTheSmallestFargateSize()
    {
        const QByteArray td
            = R"({"family": "tiny", "containerDefinitions": [{"name": "a", "memory": 128}, {"name": "b", "memory": 64}]})";
        const ImportResult r = importEcs({ { u"tiny.json"_s, td } });
        QCOMPARE(r.services.size(), 1);
        const Service &s = r.services.constFirst();
        QCOMPARE(s.containers, (QList<Container> { { u"a"_s, 0.25, 128, false }, { u"b"_s, 0, 64, false } }));
        QCOMPARE(s.effectiveCpu(), 0.25);
        QCOMPARE(s.effectiveMemoryMib(), 192.0);
        QCOMPARE(allDiagnostics(r),
            u"tiny.json: $: no CPU reserved (no task-level cpu, no container cpu): planned with "
            "0.25 vCPU, the smallest Fargate task"_s);
    }

    void gpuResourceRequirements_data()
    {
        QTest::addColumn<QByteArray>("containers");
        QTest::addColumn<int>("gpus");
        // ECS developer guide, "Amazon ECS task definitions for GPU workloads": resourceRequirements
        // [{"type": "GPU", "value": "1"}] per container; the task needs the sum over its containers.
        QTest::newRow("ECS GPU task definitions: one container, GPU 1 -> 1") << QByteArray(
            R"([{"name": "vllm", "memory": 12288, "cpu": 3072, "resourceRequirements": [{"type": "GPU", "value": "1"}]}])")
                                                                             << 1;
        QTest::newRow("ECS GPU task definitions: two containers, GPU 2 + 1 -> 3")
            << QByteArray(R"([{"name": "a", "memory": 1024, "resourceRequirements": [{"type": "GPU", "value": "2"}]},
                             {"name": "b", "memory": 1024, "resourceRequirements": [{"type": "GPU", "value": "1"}]}])")
            << 3;
        QTest::newRow("ECS: InferenceAccelerator is not a GPU -> 0") << QByteArray(
            R"([{"name": "a", "memory": 1024, "resourceRequirements": [{"type": "InferenceAccelerator", "value": "device_1"}]}])")
                                                                     << 0;
    }
    void gpuResourceRequirements()
    {
        QFETCH(QByteArray, containers);
        QFETCH(int, gpus);
        const QByteArray td = R"({"family": "gpu", "containerDefinitions": )" + containers + "}";
        const ImportResult r = importEcs({ { u"gpu.json"_s, td } });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        QCOMPARE(r.services.constFirst().gpus, gpus);
        QCOMPARE(r.services.constFirst().accelerator, Accelerator::NvidiaGpu);
    }

    /// Issue 21: the console's JSON export writes `"memory": null` and `"memoryReservation": null` on a
    /// container whose task sets memory; null means absent, everywhere in ECS input.
    void explicitNullIsAbsent()
    {
        const ImportResult r = importEcsPaths({ fixture(u"ecs/console-export-nulls.json"_s) });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        Service nginx;
        nginx.name = u"nginx-console"_s;
        nginx.cpu = 0.5; // task cpu "512"
        nginx.memoryMib = 1024; // task memory "1024"
        nginx.networkMode = NetworkMode::Awsvpc;
        nginx.replicas = 1;
        nginx.source = u"console-export-nulls.json: TaskDefinition/nginx-console:2"_s;
        compareService(find(r, u"nginx-console"_s), nginx);

        // Null task-level fields are absent too: "cpu": null, "memory": null leave the containers' sizes.
        const QByteArray doc = R"({"family": "f", "cpu": null, "memory": null, "networkMode": null,
            "runtimePlatform": null, "ephemeralStorage": null, "requiresCompatibilities": null,
            "containerDefinitions": [{"name": "a", "cpu": 256, "memory": null, "memoryReservation": 300}]})";
        const ImportResult n = importEcs({ { u"n.json"_s, doc } });
        QVERIFY2(!n.hasErrors(), qPrintable(allDiagnostics(n)));
        QCOMPARE(n.services.size(), 1);
        QCOMPARE(n.services.at(0).effectiveCpu(), 0.25);
        QCOMPARE(n.services.at(0).effectiveMemoryMib(), 300.0);
        QCOMPARE(n.services.at(0).networkMode, NetworkMode::Bridge);
        QCOMPARE(n.services.at(0).ephemeralGib, 20.0);
    }

    /// Issue 21: a register-task-definition input and the describe-task-definition output of what it
    /// registered (api:7) were two services; they are one.
    void registerAndDescribeAreJoined()
    {
        const ImportResult r
            = importEcsPaths({ fixture(u"ecs/register-api.json"_s), fixture(u"ecs/describe-api.json"_s) });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        const Service &api = r.services.at(0);
        QCOMPARE(api.name, u"api"_s);
        QCOMPARE(api.cpu, 1.0);
        QCOMPARE(api.memoryMib, 2048.0);
        QCOMPARE(api.replicas, 1);
        QCOMPARE(api.source, u"describe-api.json: TaskDefinition/api:7"_s);
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.at(0).toString(),
            u"register-api.json: TaskDefinition/api: register input of task definition family api, which "
            "describe-api.json describes as api:7; imported once, from the described revision"_s);

        // The same family:revision described twice is one service too; a service joins it once.
        const QByteArray services
            = R"({"services": [{"serviceName": "api", "taskDefinition": "api:7", "desiredCount": 3}]})";
        QFile describe(fixture(u"ecs/describe-api.json"_s));
        QVERIFY(describe.open(QIODevice::ReadOnly));
        const QByteArray described = describe.readAll();
        const ImportResult twice
            = importEcs({ { u"a.json"_s, described }, { u"b.json"_s, described }, { u"services.json"_s, services } });
        QVERIFY2(!twice.hasErrors(), qPrintable(allDiagnostics(twice)));
        QCOMPARE(twice.services.size(), 1);
        QCOMPARE(twice.services.at(0).replicas, 3);
        QVERIFY2(allDiagnostics(twice).contains(u"b.json: TaskDefinition/api:7: task definition api:7 is also given "
                                                "in a.json; imported once"_s),
            qPrintable(allDiagnostics(twice)));

        // Different families stay apart.
        const ImportResult apart
            = importEcsPaths({ fixture(u"ecs/register-api.json"_s), fixture(u"ecs/wordpress.json"_s) });
        QCOMPARE(apart.services.size(), 2);
    }

    /// Issue 22: the region is taken from the ARNs; ARNs of two regions are a warning (the first is kept).
    void severalOutputsInOneStream()
    {
        // `aws ecs describe-task-definition …; aws ecs describe-services …` piped into one import: two JSON
        // documents one after the other, read as two.
        QFile describe(fixture(u"ecs/describe-api.json"_s));
        QVERIFY(describe.open(QIODevice::ReadOnly));
        const QByteArray services
            = R"({"services": [{"serviceName": "api", "taskDefinition": "api:7", "desiredCount": 3}]})";
        const QByteArray stream = describe.readAll() + "\n" + services + "\n";
        const ImportResult r = importEcs({ { u"-"_s, stream } });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        QCOMPARE(r.services.at(0).name, u"api"_s);
        QCOMPARE(r.services.at(0).replicas, 3);

        // A broken second document is reported where it is (its line in the stream); as for any input with an
        // error, the stream then contributes nothing.
        const int lines = int(stream.count('\n'));
        const ImportResult broken = importEcs({ { u"-"_s, stream + R"({"services": [)" } });
        QVERIFY(broken.hasErrors());
        QCOMPARE(broken.services.size(), 0);
        QVERIFY2(allDiagnostics(broken).contains(u"-:%1:"_s.arg(lines + 1)), qPrintable(allDiagnostics(broken)));
    }

    void regionFromArns()
    {
        const ImportResult one = importEcsPaths({ fixture(u"ecs/console-export-nulls.json"_s) });
        QCOMPARE(one.region, u"eu-west-1"_s);
        const ImportResult none = importEcsPaths({ fixture(u"ecs/wordpress.json"_s) });
        QVERIFY(none.region.isEmpty());
        const ImportResult two
            = importEcsPaths({ fixture(u"ecs/console-export-nulls.json"_s), fixture(u"ecs/describe-api.json"_s) });
        QCOMPARE(two.region, u"eu-west-1"_s);
        QCOMPARE(two.diagnostics.size(), 1);
        QCOMPARE(two.diagnostics.at(0).toString(),
            u"the ARNs name 2 regions: eu-west-1 (console-export-nulls.json); us-east-1 (describe-api.json); a "
            u"scenario "
            "has one region, eu-west-1 is used"_s);
    }

    void hostileInputs_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("deep") << (QByteArray(3000, '[') + QByteArray(3000, ']'));
        QTest::newRow("types everywhere") << QByteArray(
            R"({"family": 3, "cpu": [], "memory": {}, "containerDefinitions": [1, "x", null, {"cpu": "x", "memory": -5, "portMappings": 7}]})");
        QTest::newRow("huge numbers") << QByteArray(
            R"({"family": "f", "cpu": 1e308, "memory": "99999999999", "containerDefinitions": [{"name": "a", "memory": 1e300}]})");
    }
    void hostileInputs()
    {
        QFETCH(QByteArray, data);
        const ImportResult r = importEcs({ { u"h.json"_s, data } });
        QVERIFY(r.hasErrors());
        QVERIFY(r.services.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportEcs)
#include "tst_importecs.moc"
