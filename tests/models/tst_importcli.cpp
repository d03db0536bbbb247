// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>

#include <QFileInfo>
#include <QProcess>
#include <QtTest>

#include "common/clirunner.h"

#include "models/import/ecsimporter.h"
#include "models/import/kubernetesimporter.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan::models;
using namespace Qt::StringLiterals;

/// `fleetplan import ecs|k8s` run as a user would: the real executable, no display.
class TestImportCli : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    static Run run(const QStringList &args)
    {
        return fleetplan::test::runFleetplan(QStringList { u"import"_s } + args);
    }
    static QString fixture(const QString &name) { return QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/import/") + name; }

private slots:
    void helmChartToJson()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"shop.json"_s);
        const Run r = run({ u"k8s"_s, fixture(u"k8s/helm-shop.yaml"_s), u"-o"_s, out, u"--name"_s, u"Shop"_s });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.startsWith(u"imported 4 service(s) from 1 file(s)\n"
                             "skipped 5 object(s) not modelled: ConfigMap 1, Ingress 1, Pod (helm hook) 1, Service 1, "
                             "ServiceAccount 1\n"_s),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(u"shop-web"_s) && r.out.contains(u"2 (2..10)"_s), qPrintable(r.out));
        QVERIFY2(r.out.endsWith(u"wrote "_s + out + u'\n'), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());

        // The written file holds exactly what the library imported.
        const ScenarioReadResult written = readScenarioFile(out);
        QVERIFY2(written.ok(), qPrintable(written.errorText()));
        QCOMPARE(written.scenario->name, u"Shop"_s);
        QCOMPARE(written.scenario->services, importKubernetesPaths({ fixture(u"k8s/helm-shop.yaml"_s) }).services);
    }

    void gpuDeploymentIsListedWithItsAccelerators()
    {
        // A vLLM-like Deployment asking for 1 nvidia.com/gpu (Kubernetes "Schedule GPUs"): the listing says so.
        QTemporaryDir dir;
        const QString manifest = dir.filePath(u"vllm.yaml"_s);
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("kind: Deployment\nmetadata: {name: vllm}\nspec:\n  template:\n    spec:\n      containers:\n"
                "      - {name: vllm, resources: {requests: {cpu: 3, memory: 12Gi}, limits: {nvidia.com/gpu: 1}}}\n");
        f.close();
        const Run r = run({ u"k8s"_s, manifest, u"-o"_s, dir.filePath(u"vllm.json"_s) });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.contains(u"vllm.yaml: Deployment/vllm  1 nvidia accelerator(s), no Fargate"_s), qPrintable(r.out));
        const ScenarioReadResult written = readScenarioFile(dir.filePath(u"vllm.json"_s));
        QVERIFY2(written.ok(), qPrintable(written.errorText()));
        QCOMPARE(written.scenario->services.constFirst().gpus, 1);
    }

    void ecsBatchToFleetplanWithABrokenFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"ecs.fleetplan"_s);
        const QStringList files { fixture(u"ecs/fargate-webserver.json"_s), fixture(u"ecs/describe-services.json"_s),
            fixture(u"ecs/wordpress.json"_s), fixture(u"ecs/ec2-memory-reservation.json"_s),
            fixture(u"broken/bad-memory.json"_s) };
        const Run r = run(QStringList { u"ecs"_s } + files + QStringList { u"-o"_s, out });
        QCOMPARE(r.code, 2); // invalid input in the batch
        QVERIFY2(r.err.contains(
                     u"error: bad-memory.json: $.containerDefinitions[0].memoryReservation: is larger than memory "
                     "(256 MiB)"_s),
            qPrintable(r.err));
        QVERIFY2(
            r.out.startsWith(
                u"imported 3 service(s) from 4 file(s); 1 file(s) failed and imported nothing: bad-memory.json\n"_s),
            qPrintable(r.out));
        // What imported fine is still written.
        const ScenarioReadResult written = readScenarioFile(out);
        QVERIFY2(written.ok(), qPrintable(written.errorText()));
        QCOMPARE(written.scenario->services.size(), 3);
        QCOMPARE(written.scenario->services.at(0).name, u"web"_s);
        QCOMPARE(written.scenario->services.at(0).replicas, 4);
        QCOMPARE(written.scenario->services.at(0).spotOk, true);
    }

    void nothingImportedWritesNothing()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"none.json"_s);
        const Run r = run({ u"k8s"_s, fixture(u"broken/bad-indent.yaml"_s), u"-o"_s, out });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(u"error: bad-indent.yaml:11:10: YAML syntax error"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"nothing imported; "_s + out + u" not written"_s), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void stdoutGetsJsonAndStderrTheSummary()
    {
        const Run r = run({ u"k8s"_s, fixture(u"k8s/kubectl-get-all.json"_s), u"-o"_s, u"-"_s });
        QCOMPARE(r.code, 0);
        const ScenarioReadResult parsed = scenarioFromJson(r.out.toUtf8(), u"<stdout>"_s);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorText()));
        QCOMPARE(parsed.scenario->services.size(), 3);
        QVERIFY2(r.err.contains(u"imported 3 service(s) from 1 file(s)"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"warning: kubectl-get-all.json: Deployment/php-apache"_s), qPrintable(r.err));
    }

    /// Issue 21: `import terraform` writes the services and the EKS-nodes settings of the node groups.
    void terraformPlan()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"tf.json"_s);
        const Run r = run({ u"terraform"_s, fixture(u"terraform/plan.json"_s), u"-o"_s, out });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(u"imported 3 service(s) from 1 file(s)\n"
                                  "skipped 3 object(s) not modelled: aws_ecs_cluster 1, aws_eks_fargate_profile 1, "
                                  "kubernetes_service 1\n"_s),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(u"EKS on EC2 settings from 2 node group(s): instance types m6i.large, m6a.large, "
                                "c6i.xlarge, 50 GiB EBS per node; Spot share 25 %"_s),
            qPrintable(r.out));
        QVERIFY2(r.err.contains(u"warning: plan.json: aws_ecs_task_definition.batch: not imported: known only after "
                                "apply: container_definitions"_s),
            qPrintable(r.err));
        const ScenarioReadResult written = readScenarioFile(out);
        QVERIFY2(written.ok(), qPrintable(written.errorText()));
        QCOMPARE(written.scenario->services.size(), 3);
        QCOMPARE(written.scenario->platform(PlatformId::EksNodes).instanceTypes,
            (QStringList { u"m6i.large"_s, u"m6a.large"_s, u"c6i.xlarge"_s }));
        QCOMPARE(written.scenario->platform(PlatformId::EksNodes).ebsGibPerNode, 50.0);
        QCOMPARE(written.scenario->purchase.spotShare, 0.25);
    }

    /// Issue 21: `import cloudformation` of a YAML template and of a CDK cloud assembly folder.
    void cloudFormationTemplates()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"cfn.json"_s);
        const Run r = run({ u"cloudformation"_s, fixture(u"cloudformation/fargate-service.yaml"_s),
            fixture(u"cloudformation/cdk.out"_s), u"-o"_s, out });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(u"imported 3 service(s) from 4 file(s)\n"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"fargate-service.yaml: Resources.Service: Service/checkout"_s), qPrintable(r.out));
        const ScenarioReadResult written = readScenarioFile(out);
        QVERIFY2(written.ok(), qPrintable(written.errorText()));
        QStringList names;
        for (const Service &s : written.scenario->services)
            names << s.name;
        QCOMPARE(names, (QStringList { u"checkout"_s, u"WorkerService"_s, u"Service"_s }));
        QCOMPARE(written.scenario->platform(PlatformId::EksNodes).instanceTypes, QStringList { u"m7g.large"_s });

        // A broken template fails alone, with its line.
        const Run bad = run({ u"cfn"_s, fixture(u"broken/bad-cloudformation.yaml"_s), u"-o"_s, out });
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(u"error: bad-cloudformation.yaml:8:"_s), qPrintable(bad.err));
    }

    /// Issue 22: the region of the ARNs becomes the scenario's; --region wins, with a warning.
    void regionFromArns()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"eu.json"_s);
        const Run r = run({ u"ecs"_s, fixture(u"ecs/console-export-nulls.json"_s), u"-o"_s, out });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"region eu-west-1 (from the ARNs)\n"_s), qPrintable(r.out));
        const ScenarioReadResult written = readScenarioFile(out);
        QVERIFY2(written.ok(), qPrintable(written.errorText()));
        QCOMPARE(written.scenario->region, u"eu-west-1"_s);

        const Run forced = run(
            { u"ecs"_s, fixture(u"ecs/console-export-nulls.json"_s), u"-o"_s, out, u"--region"_s, u"us-east-1"_s });
        QCOMPARE(forced.code, 0);
        QVERIFY2(forced.err.contains(u"warning: the imported ARNs name the region eu-west-1; priced in us-east-1 as "
                                     "--region says"_s),
            qPrintable(forced.err));
        QCOMPARE(readScenarioFile(out).scenario->region, u"us-east-1"_s);
    }

    void intoMergesIntoABaseScenario()
    {
        // The team's scenario: the sample (its platforms, purchase options and load profiles) in eu-west-1, with
        // a hand-made "shop-web" on the diurnal profile that the Helm output now describes.
        QTemporaryDir dir;
        Scenario base = bundledSampleScenario();
        base.region = u"eu-west-1"_s;
        Service web = base.services.first();
        web.name = u"shop-web"_s;
        web.replicas = 99;
        web.loadProfile = u"diurnal-web"_s;
        web.source.clear();
        base.services.append(web);
        const QString basePath = dir.filePath(u"base.json"_s);
        QVERIFY(writeScenarioFile(base, basePath));
        const QString out = dir.filePath(u"merged.json"_s);
        const Run r = run({ u"k8s"_s, fixture(u"k8s/helm-shop.yaml"_s), u"-o"_s, out, u"--into"_s, basePath });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const int kept = int(base.services.size()) - 1;
        QVERIFY2(r.out.contains(u"merged into %1: 1 service(s) replaced, 3 added, %2 kept\n"_s.arg(basePath).arg(kept)),
            qPrintable(r.out));
        const ScenarioReadResult merged = readScenarioFile(out);
        QVERIFY2(merged.ok(), qPrintable(merged.errorText()));
        const Scenario &m = *merged.scenario;
        QCOMPARE(m.region, u"eu-west-1"_s);
        QCOMPARE(m.name, base.name);
        QCOMPARE(m.loadProfiles, base.loadProfiles);
        QCOMPARE(m.platforms, base.platforms);
        QCOMPARE(m.purchase, base.purchase);
        QCOMPARE(m.services.size(), base.services.size() + 3);
        const QList<Service> imported = importKubernetesPaths({ fixture(u"k8s/helm-shop.yaml"_s) }).services;
        const auto found = std::find_if(
            m.services.begin(), m.services.end(), [](const Service &s) { return s.name == u"shop-web"_s; });
        QVERIFY(found != m.services.end());
        const Service &shopWeb = *found;
        QCOMPARE(shopWeb.replicas, 2); // the manifest's, not the hand-made 99
        QCOMPARE(shopWeb.loadProfile, u"diurnal-web"_s); // the team's profile stays
        QVERIFY(!shopWeb.source.isEmpty());
        for (qsizetype i = 0; i < kept; ++i)
            QCOMPARE(m.services.at(i), base.services.at(i)); // the rest is untouched

        // A base that cannot be read is refused and nothing is written.
        const Run bad = run({ u"k8s"_s, fixture(u"k8s/helm-shop.yaml"_s), u"-o"_s, dir.filePath(u"x.json"_s),
            u"--into"_s, dir.filePath(u"missing.json"_s) });
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(u"--into"_s), qPrintable(bad.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"x.json"_s)));
    }

    /// Issue 22: a `kubectl get -A` dump imported without kube-system and the monitoring namespaces; the
    /// listing counts what was left out.
    void namespaceOptionsChooseWhatComesIn()
    {
        QTemporaryDir dir;
        const QString dump = dir.filePath(u"all.yaml"_s);
        QFile f(dump);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("kind: Deployment\nmetadata: {name: api, namespace: shop}\nspec: {replicas: 3, template: {spec: "
                "{containers: [{name: a, resources: {requests: {cpu: 500m, memory: 1Gi}}}]}}}\n---\n"
                "kind: Deployment\nmetadata: {name: grafana, namespace: monitoring}\nspec: {template: {spec: "
                "{containers: [{name: g}]}}}\n---\n"
                "kind: DaemonSet\nmetadata: {name: node-exporter, namespace: monitoring-agents}\nspec: {template: "
                "{spec: {containers: [{name: n}]}}}\n");
        f.close();
        const QString out = dir.filePath(u"shop.json"_s);
        const Run r = run({ u"k8s"_s, dump, u"-o"_s, out, u"--exclude-namespace"_s, u"monitoring*,kube-system"_s });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(u"imported 1 service(s) from 1 file(s)\n"
                                  "skipped 2 object(s) not modelled: DaemonSet (namespace monitoring-agents not "
                                  "selected) 1, Deployment (namespace monitoring not selected) 1\n"_s),
            qPrintable(r.out));
        const ScenarioReadResult written = readScenarioFile(out);
        QVERIFY2(written.ok(), qPrintable(written.errorText()));
        QCOMPARE(written.scenario->services.size(), 1);
        QCOMPARE(written.scenario->services.at(0).name, u"api"_s);

        const Run only = run({ u"k8s"_s, dump, u"-o"_s, u"-"_s, u"--namespace"_s, u"monitoring"_s });
        QVERIFY2(only.code == 0, qPrintable(only.err));
        QVERIFY2(only.out.contains(u"\"grafana\""_s) && !only.out.contains(u"\"api\""_s), qPrintable(only.out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no source") << QStringList {} << u"expected ecs, k8s, terraform or cloudformation"_s;
        QTest::newRow("unknown source") << QStringList { u"yaml"_s, u"x"_s, u"-o"_s, u"y"_s }
                                        << u"unknown source \"yaml\""_s;
        QTest::newRow("no file") << QStringList { u"k8s"_s, u"-o"_s, u"y.json"_s } << u"expected at least one FILE"_s;
        QTest::newRow("no -o") << QStringList { u"ecs"_s, u"x.json"_s } << u"-o OUT is required"_s;
        QTest::newRow("namespace on ecs") << QStringList { u"ecs"_s, u"x.json"_s, u"-o"_s, u"y.json"_s,
            u"--namespace"_s, u"shop"_s } << u"--namespace and --exclude-namespace apply to k8s only"_s;
        QTest::newRow("unknown option") << QStringList { u"ecs"_s, u"--frobnicate"_s } << u"frobnicate"_s;
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void help()
    {
        const Run r = run({ u"--help"_s });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"--output"_s));
        QVERIFY(r.out.contains(u"kubectl get -o yaml|json"_s));
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
