// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "common/importtests.h"
#include "models/import/cloudformationimporter.h"

using namespace fleetplan::models;
using namespace Qt::StringLiterals;

using fleetplan::test::allDiagnostics;
using fleetplan::test::find;
using fleetplan::test::fixture;

/// CloudFormation templates in YAML (short forms) and the CDK's JSON (issue 21).
class TestImportCloudFormation : public QObject
{
    Q_OBJECT

private slots:
    void yamlTemplate()
    {
        const ImportResult r = importCloudFormationPaths({ fixture(u"cloudformation/fargate-service.yaml"_s) });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 2);

        // Service: ServiceName !Ref ServiceName → "checkout"; its task definition's Family the same
        // parameter; Cpu/Memory from the parameters' defaults 512 / 1024; DesiredCount 2 within the scalable
        // target's 2..10, whose ResourceId is !Join [/, [service, !Ref Cluster, !GetAtt Service.Name]].
        const Service *checkout = find(r, u"checkout"_s);
        QVERIFY(checkout);
        QCOMPARE(checkout->cpu, 0.5);
        QCOMPARE(checkout->memoryMib, 1024.0);
        QCOMPARE(checkout->arch, Arch::Arm64);
        QCOMPARE(checkout->networkMode, NetworkMode::Awsvpc);
        QCOMPARE(checkout->replicas, 2);
        QCOMPARE(checkout->minReplicas, 2);
        QCOMPARE(checkout->maxReplicas, 10);
        QVERIFY(!checkout->spotOk);
        QCOMPARE(checkout->source,
            u"fargate-service.yaml: Resources.Service: Service/checkout (task definition from fargate-service.yaml: "
            "Resources.TaskDefinition: TaskDefinition/checkout)"_s);

        // WorkerService: no ServiceName (the logical id), no DesiredCount (CloudFormation's 1); its container
        // reserves !FindInMap [Sizes, worker, Reservation] = 384 of memory 512, cpu 256 units; bridge with
        // host port 9000.
        const Service *worker = find(r, u"WorkerService"_s);
        QVERIFY(worker);
        QCOMPARE(worker->containers, (QList<Container> { { u"worker"_s, 0.25, 384, false } }));
        QCOMPARE(worker->replicas, 1);
        QCOMPARE(worker->networkMode, NetworkMode::Bridge);
        QCOMPARE(worker->hostPort, 9000);

        QCOMPARE(r.skippedKinds,
            (QMap<QString, int> { { u"AWS::ApplicationAutoScaling::ScalingPolicy"_s, 1 }, { u"AWS::ECS::Cluster"_s, 1 },
                { u"AWS::EKS::Cluster"_s, 1 }, { u"AWS::IAM::Role"_s, 1 } }));
        const QString text = allDiagnostics(r);
        QVERIFY2(
            text.contains(u"fargate-service.yaml: Resources.TaskDefinition: not resolved inside the template, "
                          "left out: ContainerDefinitions[0].Environment[0].Value (pseudo parameter AWS::Region, known "
                          "once the stack is deployed), ContainerDefinitions[0].Image (parameter ImageUrl has no "
                          "Default)"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"fargate-service.yaml: Resources.WorkerService: placement strategy spread not "
                               "modelled"_s),
            qPrintable(text));

        QCOMPARE(r.nodeGroups.size(), 1);
        QCOMPARE(r.nodeGroups.at(0).instanceTypes, QStringList { u"m7g.large"_s });
        QCOMPARE(r.nodeGroups.at(0).minSize, 1);
        QCOMPARE(r.nodeGroups.at(0).desiredSize, 2);
        QCOMPARE(r.nodeGroups.at(0).maxSize, 5);
        QCOMPARE(r.nodeGroups.at(0).diskGib, 40.0);
        const PlatformSettings eks = eksNodesSettings(r.nodeGroups, PlatformSettings());
        QCOMPARE(eks.instanceTypes, QStringList { u"m7g.large"_s });
        QVERIFY(!eks.mixedInstances); // a managed node group of one type does not mix
        QCOMPARE(eks.ebsGibPerNode, 40.0);
    }

    void cdkAssembly()
    {
        // cdk.out/ as a folder: the template is read, manifest.json and tree.json are skipped.
        const ImportResult r = importCloudFormationPaths({ fixture(u"cloudformation/cdk.out"_s) });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        const Service &svc = r.services.at(0);
        // "ServiceD69D759B" without the CDK's hash; Cpu "256" / Memory "512"; DesiredCount 2 in 1..6
        // (ResourceId Fn::Join of Ref Cluster and Fn::GetAtt Service.Name); FARGATE_SPOT weight 2.
        QCOMPARE(svc.name, u"Service"_s);
        QCOMPARE(svc.cpu, 0.25);
        QCOMPARE(svc.memoryMib, 512.0);
        QCOMPARE(svc.replicas, 2);
        QCOMPARE(svc.minReplicas, 1);
        QCOMPARE(svc.maxReplicas, 6);
        QVERIFY(svc.spotOk);
        QCOMPARE(svc.source,
            u"cdk.out/ShopStack.template.json: Resources.ServiceD69D759B: Service/Service (task definition from "
            "cdk.out/ShopStack.template.json: Resources.TaskDefB2F0E3A1: TaskDefinition/ShopStackTaskDef5C3A2E81)"_s);
        QCOMPARE(r.skippedKinds,
            (QMap<QString, int> { { u"(CDK assembly file)"_s, 2 }, { u"AWS::ECR::Repository"_s, 1 },
                { u"AWS::ECS::Cluster"_s, 1 }, { u"AWS::IAM::Role"_s, 1 } }));
        QVERIFY2(allDiagnostics(r).contains(u"Resources.TaskDefB2F0E3A1: not resolved inside the template, left out: "
                                            "ContainerDefinitions[0].Image"_s),
            qPrintable(allDiagnostics(r)));
    }

    void errors()
    {
        const ImportResult r = importCloudFormationPaths(
            { fixture(u"broken/bad-cloudformation.yaml"_s), fixture(u"cloudformation/fargate-service.yaml"_s) });
        QCOMPARE(r.failedFiles, QStringList { u"bad-cloudformation.yaml"_s });
        QCOMPARE(r.services.size(), 2);
        QVERIFY2(allDiagnostics(r).startsWith(u"bad-cloudformation.yaml:8:"_s), qPrintable(allDiagnostics(r)));

        const ImportResult other = importCloudFormation({ { u"a.json"_s, R"({"kind": "Pod"})" },
            { u"b.yaml"_s,
                "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: "
                "[FARGATE]\n      ContainerDefinitions: [{Name: a, Memory: 512}]\n" } });
        QCOMPARE(other.failedFiles, (QStringList { u"a.json"_s, u"b.yaml"_s }));
        const QString text = allDiagnostics(other);
        QVERIFY2(text.contains(u"a.json: Resources: not a CloudFormation template: expected a Resources section"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"b.yaml: Resources.T: $: a FARGATE task definition needs task-level cpu and memory"_s),
            qPrintable(text));
    }

    void intrinsics()
    {
        // Fn::Sub with variables and ${!Literal}, Fn::Join of numbers, a self-referencing name, Fn::If.
        const QByteArray yaml
            = "Parameters:\n  Env: {Type: String, Default: prod}\n  Size: {Type: Number, Default: 3}\n"
              "Resources:\n"
              "  Td:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
              "      Family: !Ref Td\n      Cpu: !Join ['', [!Ref Size, '072']]\n"
              "      Memory: 4096\n      NetworkMode: !If [Big, host, bridge]\n"
              "      ContainerDefinitions: [{Name: !Sub '${Env}-${!x}', Memory: 2048}]\n"
              "  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n"
              "      ServiceName: !Sub ['${Env}-api', {Env: !Ref Env}]\n"
              "      TaskDefinition: !Ref Td\n      DesiredCount: !Ref Size\n";
        const ImportResult r = importCloudFormation({ { u"t.yaml"_s, yaml } });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        QCOMPARE(r.services.at(0).name, u"prod-api"_s);
        QCOMPARE(r.services.at(0).cpu, 3.0); // "3" + "072" = 3072 units
        QCOMPARE(r.services.at(0).replicas, 3);
        QCOMPARE(r.services.at(0).memoryMib, 4096.0);
        QCOMPARE(r.services.at(0).networkMode, NetworkMode::Bridge); // NetworkMode (Fn::If) left out: the default
        QVERIFY2(allDiagnostics(r).contains(u"t.yaml: Resources.Td: not resolved inside the template, left out: "
                                            "NetworkMode (Fn::If is not resolved by the importer)"_s),
            qPrintable(allDiagnostics(r)));

        // A size that cannot be resolved is not guessed: the task definition and its service are left out.
        const QByteArray unsized = "Parameters:\n  Cpu: {Type: Number}\nResources:\n"
                                   "  Td:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
                                   "      Family: web\n      Cpu: !Ref Cpu\n      Memory: 2048\n"
                                   "      RequiresCompatibilities: [FARGATE]\n"
                                   "      ContainerDefinitions: [{Name: web}]\n"
                                   "  Svc:\n    Type: AWS::ECS::Service\n    Properties: {TaskDefinition: !Ref Td}\n";
        const ImportResult u = importCloudFormation({ { u"u.yaml"_s, unsized } });
        QVERIFY2(!u.hasErrors(), qPrintable(allDiagnostics(u)));
        QVERIFY(u.services.isEmpty());
        QCOMPARE(allDiagnostics(u),
            u"u.yaml: Resources.Td: not imported: not resolved inside the template: Cpu (parameter Cpu has no "
            "Default)\nu.yaml: Resources.Svc: not imported: its task definition web is not (see its warning)"_s);
    }

    void hostileInputs_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("alias bomb") << QByteArray("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                                                  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                                                  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                                                  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                                                  "Resources: [*e, *e, *e, *e, *e]\n");
        QTest::newRow("deep") << QByteArray(3000, '[');
        QTest::newRow("comma") << QByteArray(",\n,");
        QTest::newRow("self reference") << QByteArray("Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties: "
                                                      "{ServiceName: !GetAtt S.Name, TaskDefinition: !Ref S}\n");
        QTest::newRow("deep Sub") << QByteArray(
            R"({"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Cpu": {"Fn::Join": ["", [{"Fn::Join": ["", [{"Fn::Join": 7}]]}]]}}}}})");
    }
    void hostileInputs()
    {
        QFETCH(QByteArray, data);
        const ImportResult r = importCloudFormation({ { u"h.yaml"_s, data } });
        QVERIFY(r.services.isEmpty());
    }

    void scalableTargetJoinsItsServiceByReference()
    {
        // ResourceId = !Join [/, [service, !Ref Cluster, !GetAtt Service.Name]] with Cluster a parameter
        // without a default (aws-samples/ecs-refarch-cloudformation's services have this form; their whole
        // file was refused before).
        const ImportResult r = importCloudFormationPaths({ fixture(u"cloudformation/scalable-by-reference.yaml"_s) });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        const Service &svc = r.services.at(0);
        QCOMPARE(svc.replicas, 2);
        QCOMPARE(svc.minReplicas, 2);
        QCOMPARE(svc.maxReplicas, 6);
        QCOMPARE(svc.effectiveCpu(), 0.25);
        QCOMPARE(svc.effectiveMemoryMib(), 512.0);
        QVERIFY2(allDiagnostics(r).contains(u"joined to the service it references, Service"_s),
            qPrintable(allDiagnostics(r)));
    }
};

QTEST_GUILESS_MAIN(TestImportCloudFormation)
#include "tst_importcloudformation.moc"
