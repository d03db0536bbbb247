// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "common/importtests.h"
#include "models/import/kubernetesimporter.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan::models;
using namespace Qt::StringLiterals;

namespace {

using fleetplan::test::allDiagnostics;
using fleetplan::test::find;
using fleetplan::test::fixture;

/// Compares a service field by field, so that a failure names the field.
void compareService(const Service &actual, const Service &expected)
{
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.kind, expected.kind);
    QCOMPARE(actual.containers.size(), expected.containers.size());
    for (qsizetype i = 0; i < expected.containers.size(); ++i) {
        QCOMPARE(actual.containers.at(i).name, expected.containers.at(i).name);
        QVERIFY2(qFuzzyCompare(1 + actual.containers.at(i).cpu, 1 + expected.containers.at(i).cpu),
            qPrintable(u"container %1 cpu %2"_s.arg(expected.containers.at(i).name).arg(actual.containers.at(i).cpu)));
        QVERIFY2(qFuzzyCompare(1 + actual.containers.at(i).memoryMib, 1 + expected.containers.at(i).memoryMib),
            qPrintable(u"container %1 memory %2"_s.arg(expected.containers.at(i).name)
                           .arg(actual.containers.at(i).memoryMib)));
        QCOMPARE(actual.containers.at(i).init, expected.containers.at(i).init);
    }
    QVERIFY2(
        qFuzzyCompare(1 + actual.effectiveCpu(), 1 + expected.cpu), qPrintable(u"cpu %1"_s.arg(actual.effectiveCpu())));
    QVERIFY2(qFuzzyCompare(1 + actual.effectiveMemoryMib(), 1 + expected.memoryMib),
        qPrintable(u"memory %1"_s.arg(actual.effectiveMemoryMib())));
    QVERIFY2(qFuzzyCompare(1 + actual.cpu, 1 + expected.cpu), "cpu field is the effective value");
    QVERIFY2(qFuzzyCompare(1 + actual.memoryMib, 1 + expected.memoryMib), "memory field is the effective value");
    QCOMPARE(actual.ephemeralGib, expected.ephemeralGib);
    QCOMPARE(actual.arch, expected.arch);
    QCOMPARE(actual.os, expected.os);
    QCOMPARE(actual.replicas, expected.replicas);
    QCOMPARE(actual.minReplicas, expected.minReplicas);
    QCOMPARE(actual.maxReplicas, expected.maxReplicas);
    QCOMPARE(actual.runsPerDay, expected.runsPerDay);
    QCOMPARE(actual.runSeconds, expected.runSeconds);
    QCOMPARE(actual.spotOk, expected.spotOk);
    QCOMPARE(actual.networkMode, expected.networkMode);
    QCOMPARE(actual.hostPort, expected.hostPort);
    QCOMPARE(actual.source, expected.source);
    QCOMPARE(actual.loadProfile, expected.loadProfile);
}

Service make(const QString &name, ServiceKind kind, double cpu, double memoryMib, const QString &source)
{
    Service s;
    s.name = name;
    s.kind = kind;
    s.cpu = cpu;
    s.memoryMib = memoryMib;
    s.source = source;
    return s;
}

} // namespace

class TestImportKubernetes : public QObject
{
    Q_OBJECT

private slots:
    /// A chart rendered like `helm template shop ./shop`: HPA, DaemonSet, CronJob, ARM nodeSelector,
    /// init containers and a native sidecar, plus objects that are not workloads.
    void helmChart()
    {
        const ImportResult r = importKubernetesPaths({ fixture(u"k8s/helm-shop.yaml"_s) });
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.importedFiles, QStringList { u"helm-shop.yaml"_s });
        QVERIFY(r.failedFiles.isEmpty());
        QCOMPARE(r.services.size(), 4);
        QCOMPARE(r.services.at(0).name, u"shop-node-agent"_s); // file order
        QCOMPARE(r.services.at(3).name, u"shop-report"_s);

        // DaemonSet: requests 50m / 64Mi (limits 200m / 128Mi are not what the scheduler reserves).
        Service agent
            = make(u"shop-node-agent"_s, ServiceKind::Daemon, 0.05, 64, u"helm-shop.yaml: DaemonSet/shop-node-agent"_s);
        agent.containers = { { u"agent"_s, 0.05, 64, false } };
        compareService(*find(r, u"shop-node-agent"_s), agent);

        // Deployment with an HPA (min 2, max 10) and no spec.replicas (default 1, raised to the HPA minimum).
        // Long-running: web 0.5 vCPU / 1Gi + native sidecar log-shipper 50m / 64Mi = 0.55 vCPU / 1088 MiB;
        // init container migrate 1 vCPU / 256Mi → CPU max(0.55, 1) = 1, memory max(1088, 256) = 1088.
        Service web = make(u"shop-web"_s, ServiceKind::Service, 1.0, 1088, u"helm-shop.yaml: Deployment/shop-web"_s);
        web.containers = { { u"web"_s, 0.5, 1024, false }, { u"migrate"_s, 1.0, 256, true },
            { u"log-shipper"_s, 0.05, 64, false } };
        web.replicas = 2;
        web.minReplicas = 2;
        web.maxReplicas = 10;
        compareService(*find(r, u"shop-web"_s), web);

        // ARM nodeSelector, Karpenter Spot toleration; api requests 250m / 512M (= 488.28125 MiB),
        // metrics has limits only (100m / 128Mi), which Kubernetes copies to its requests.
        Service api
            = make(u"shop-api"_s, ServiceKind::Service, 0.35, 616.28125, u"helm-shop.yaml: Deployment/shop-api"_s);
        api.containers = { { u"api"_s, 0.25, 488.28125, false }, { u"metrics"_s, 0.1, 128, false } };
        api.replicas = 3;
        api.arch = Arch::Arm64;
        api.spotOk = true;
        compareService(*find(r, u"shop-api"_s), api);

        // CronJob "0 */6 * * *" = 4 runs a day, activeDeadlineSeconds 1800, parallelism 2.
        Service report = make(u"shop-report"_s, ServiceKind::Job, 2, 4096, u"helm-shop.yaml: CronJob/shop-report"_s);
        report.containers = { { u"report"_s, 2, 4096, false } };
        report.replicas = 2;
        report.runsPerDay = 4;
        report.runSeconds = 1800;
        compareService(*find(r, u"shop-report"_s), report);

        const QMap<QString, int> skipped { { u"ConfigMap"_s, 1 }, { u"Ingress"_s, 1 }, { u"Pod (helm hook)"_s, 1 },
            { u"Service"_s, 1 }, { u"ServiceAccount"_s, 1 } };
        QCOMPARE(r.skippedKinds, skipped);
        QVERIFY2(r.summary().contains(u"imported 4 service(s) from 1 file(s)"_s), qPrintable(r.summary()));
        QVERIFY2(r.summary().contains(u"skipped 5 object(s) not modelled: ConfigMap 1, Ingress 1, Pod (helm hook) 1, "
                                      "Service 1, ServiceAccount 1"_s),
            qPrintable(r.summary()));
    }

    /// Objects as the Kubernetes documentation writes them.
    void documentationExamples()
    {
        const ImportResult r = importKubernetesPaths({ fixture(u"k8s/k8s-docs-examples.yaml"_s) });
        QVERIFY(!r.hasErrors());
        QCOMPARE(r.services.size(), 5);

        Service fluentd = make(u"fluentd-elasticsearch"_s, ServiceKind::Daemon, 0.1, 200,
            u"k8s-docs-examples.yaml: DaemonSet/fluentd-elasticsearch"_s);
        fluentd.containers = { { u"fluentd-elasticsearch"_s, 0.1, 200, false } };
        compareService(*find(r, u"fluentd-elasticsearch"_s), fluentd);

        // "* * * * *" = 1440 runs a day; no activeDeadlineSeconds → at most the 86400 / 1440 = 60 s between
        // runs; no requests at all → EKS Fargate's 0.25 vCPU / 0.5 GB for such a pod.
        Service hello = make(u"hello"_s, ServiceKind::Job, 0.25, 512, u"k8s-docs-examples.yaml: CronJob/hello"_s);
        hello.containers = { { u"hello"_s, 0.25, 512, false } };
        hello.runsPerDay = 1440;
        hello.runSeconds = 60;
        compareService(*find(r, u"hello"_s), hello);

        // Two containers of 250m / 64Mi requests each = 0.5 vCPU / 128 MiB (the page says so too).
        Service frontend
            = make(u"frontend"_s, ServiceKind::Service, 0.5, 128, u"k8s-docs-examples.yaml: Pod/frontend"_s);
        frontend.containers = { { u"app"_s, 0.25, 64, false }, { u"log-aggregator"_s, 0.25, 64, false } };
        compareService(*find(r, u"frontend"_s), frontend);

        Service pi = make(u"pi"_s, ServiceKind::Job, 0.25, 512, u"k8s-docs-examples.yaml: Job/pi"_s);
        pi.containers = { { u"pi"_s, 0.25, 512, false } };
        pi.runsPerDay = 1;
        pi.runSeconds = DefaultJobRunSeconds;
        compareService(*find(r, u"pi"_s), pi);

        // Required node affinity kubernetes.io/arch In [arm64]; memory "128974848" bytes = 123 MiB.
        Service nginx = make(u"nginx"_s, ServiceKind::Service, 0.5, 123, u"k8s-docs-examples.yaml: Pod/nginx"_s);
        nginx.containers = { { u"nginx"_s, 0.5, 123, false } };
        nginx.arch = Arch::Arm64;
        compareService(*find(r, u"nginx"_s), nginx);

        // The assumptions are warnings that name the object and the line.
        const QString text = allDiagnostics(r);
        QVERIFY2(text.contains(
                     u"k8s-docs-examples.yaml:55:7: CronJob/hello: spec.jobTemplate.spec: no activeDeadlineSeconds: "
                     "each run is assumed to take 60 s"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"Job/pi: a Job runs once; planned as one run per day"_s), qPrintable(text));
        QVERIFY2(text.contains(u"CronJob/hello: spec.jobTemplate.spec.template.spec: no CPU or memory request or limit "
                               "on its containers: planned with 0.25 vCPU and 512 MiB on container hello, as EKS "
                               "Fargate runs such pods"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"Job/pi: spec: no activeDeadlineSeconds: each run is assumed to take 600 s"_s),
            qPrintable(text));
    }

    /// `kubectl get all -A -o json`: a List with owned ReplicaSets and Pods (skipped, not counted twice),
    /// an autoscaling/v1 HPA, a StatefulSet, a Windows Deployment.
    void kubectlJsonList()
    {
        const ImportResult r = importKubernetesPaths({ fixture(u"k8s/kubectl-get-all.json"_s) });
        QVERIFY(!r.hasErrors());
        QCOMPARE(r.services.size(), 3);

        // requests cpu 200m and no memory at all → 0.5 GB (EKS Fargate's size for a pod without requests).
        Service php
            = make(u"php-apache"_s, ServiceKind::Service, 0.2, 512, u"kubectl-get-all.json: Deployment/php-apache"_s);
        php.containers = { { u"php-apache"_s, 0.2, 512, false } };
        php.minReplicas = 1;
        php.maxReplicas = 10;
        compareService(*find(r, u"php-apache"_s), php);

        // requests 1 / 1.5Gi = 1536 MiB, ephemeral-storage 30Gi (above Fargate's included 20 GiB).
        Service web = make(u"web"_s, ServiceKind::Service, 1, 1536, u"kubectl-get-all.json: StatefulSet/web"_s);
        web.containers = { { u"nginx"_s, 1, 1536, false } };
        web.replicas = 3;
        web.ephemeralGib = 30;
        compareService(*find(r, u"web"_s), web);

        // limits only: cpu 2 (a JSON number), memory 4Gi; nodeSelector kubernetes.io/os: windows; hostPort 8080.
        Service win = make(
            u"win-webserver"_s, ServiceKind::Service, 2, 4096, u"kubectl-get-all.json: Deployment/win-webserver"_s);
        win.containers = { { u"windowswebserver"_s, 2, 4096, false } };
        win.replicas = 2;
        win.os = OsFamily::Windows;
        win.hostPort = 8080;
        compareService(*find(r, u"win-webserver"_s), win);

        const QMap<QString, int> skipped { { u"Pod (owned by ReplicaSet)"_s, 1 },
            { u"ReplicaSet (owned by Deployment)"_s, 1 }, { u"Service"_s, 1 } };
        QCOMPARE(r.skippedKinds, skipped);
        // JSON has no lines: the warning names the JSON path.
        QVERIFY2(
            allDiagnostics(r).contains(u"kubectl-get-all.json: Deployment/php-apache: $.items[0].spec.template.spec: "
                                       "no memory request or limit on its containers: planned with 512 MiB on "
                                       "container php-apache, as EKS Fargate runs such pods"_s),
            qPrintable(allDiagnostics(r)));
    }

    /// A malformed file is an error naming the file and line; nothing is imported from it, the rest
    /// of the batch is.
    void brokenFilesFailAlone()
    {
        const ImportResult r = importKubernetesPaths({ fixture(u"broken/bad-quantity.yaml"_s),
            fixture(u"k8s/helm-shop.yaml"_s), fixture(u"broken/bad-indent.yaml"_s), fixture(u"broken/truncated.json"_s),
            fixture(u"broken/does-not-exist.yaml"_s) });
        QVERIFY(r.hasErrors());
        QCOMPARE(r.services.size(), 4);
        QVERIFY(!find(r, u"fine"_s)); // the good Deployment of bad-quantity.yaml is not imported either
        QCOMPARE(r.importedFiles, QStringList { u"helm-shop.yaml"_s });
        const QStringList failed { u"does-not-exist.yaml"_s, u"bad-quantity.yaml"_s, u"bad-indent.yaml"_s,
            u"truncated.json"_s };
        QCOMPARE(r.failedFiles, failed);

        QStringList errors;
        for (const Diagnostic &d : r.diagnostics) {
            if (d.isError())
                errors << d.toString();
        }
        QCOMPARE(errors.size(), 4);
        QVERIFY2(errors.at(0).startsWith(u"does-not-exist.yaml: cannot open"_s), qPrintable(errors.at(0)));
        QCOMPARE(errors.at(1),
            u"bad-quantity.yaml:26:20: Deployment/broken: spec.template.spec.containers[0].resources.requests.cpu: "
            "\"1.5.5\" has an unknown suffix \".5\" (allowed: m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or "
            "an exponent like e3)"_s);
        // yaml-cpp notices the bad indentation of line 10 where the sequence should have ended.
        QCOMPARE(errors.at(2), u"bad-indent.yaml:11:10: YAML syntax error: end of sequence not found"_s);
        QVERIFY2(errors.at(3).startsWith(u"truncated.json:5:"_s) && errors.at(3).contains(u"JSON syntax error"_s),
            qPrintable(errors.at(3)));
        QVERIFY2(r.summary().contains(u"4 file(s) failed and imported nothing: does-not-exist.yaml, bad-quantity.yaml, "
                                      "bad-indent.yaml, truncated.json"_s),
            qPrintable(r.summary()));
    }

    /// A folder is read recursively; sources name the file relative to the folder.
    void directory()
    {
        const ImportResult r = importKubernetesPaths({ fixture(u"k8s"_s) });
        QVERIFY(!r.hasErrors());
        QCOMPARE(r.importedFiles.size(), 3);
        QCOMPARE(r.services.size(), 12);
        QCOMPARE(find(r, u"shop-web"_s)->source, u"k8s/helm-shop.yaml: Deployment/shop-web"_s);
        // Names stay unique: StatefulSet "web" meets no other "web" here, so nothing was renamed.
        QVERIFY(find(r, u"web"_s));
    }

    /// Issue 21: guestbook-go's ReplicationControllers were counted as "not modelled".
    void replicationControllers()
    {
        const ImportResult r = importKubernetesPaths({ fixture(u"k8s-real/guestbook-rc.yaml"_s) });
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 3);
        QCOMPARE(r.skippedKinds, (QMap<QString, int> { { u"Service"_s, 3 } }));
        Service guestbook;
        guestbook.name = u"guestbook"_s;
        guestbook.containers = { { u"guestbook"_s, 0.25, 64, false } };
        guestbook.cpu = 0.25;
        guestbook.memoryMib = 64; // the request, not the 128Mi limit
        guestbook.replicas = 3;
        guestbook.source = u"guestbook-rc.yaml: ReplicationController/guestbook"_s;
        compareService(*find(r, u"guestbook"_s), guestbook);
        QCOMPARE(find(r, u"redis-master"_s)->replicas, 1);
        QCOMPARE(find(r, u"redis-replica"_s)->replicas, 2);
        QCOMPARE(find(r, u"redis-replica"_s)->effectiveMemoryMib(), 128.0);

        // An HPA may scale a ReplicationController as it scales a ReplicaSet.
        const QByteArray hpa = "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: g}\n"
                               "spec: {scaleTargetRef: {kind: ReplicationController, name: guestbook}, minReplicas: 4, "
                               "maxReplicas: 9}\n";
        QFile f(fixture(u"k8s-real/guestbook-rc.yaml"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const ImportResult scaled = importKubernetes({ { u"rc.yaml"_s, f.readAll() }, { u"hpa.yaml"_s, hpa } });
        QCOMPARE(find(scaled, u"guestbook"_s)->replicas, 4);
        QCOMPARE(find(scaled, u"guestbook"_s)->maxReplicas, 9);
    }

    /// Issue 21: the Prometheus operator's Prometheus, Alertmanager and ThanosRuler run the largest pods of
    /// kube-prometheus; other custom resources are skipped with a warning naming their kind.
    void prometheusOperatorResources()
    {
        const ImportResult r = importKubernetesPaths({ fixture(u"k8s-real/kube-prometheus-operators.yaml"_s) });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 3);
        // Prometheus k8s: 2 replicas, requests memory 400Mi only → CPU planned as EKS Fargate does (0.25).
        Service prometheus;
        prometheus.name = u"k8s"_s;
        prometheus.containers = { { u"prometheus"_s, 0.25, 400, false } };
        prometheus.cpu = 0.25;
        prometheus.memoryMib = 400;
        prometheus.replicas = 2;
        prometheus.source = u"kube-prometheus-operators.yaml: Prometheus/k8s"_s;
        compareService(*find(r, u"k8s"_s), prometheus);
        // Alertmanager main: 3 replicas of requests 4m / 100Mi.
        Service alertmanager;
        alertmanager.name = u"main"_s;
        alertmanager.containers = { { u"alertmanager"_s, 0.004, 100, false } };
        alertmanager.cpu = 0.004;
        alertmanager.memoryMib = 100;
        alertmanager.replicas = 3;
        alertmanager.source = u"kube-prometheus-operators.yaml: Alertmanager/main"_s;
        compareService(*find(r, u"main"_s), alertmanager);
        // ThanosRuler without replicas: the operator's default, 1.
        Service ruler;
        ruler.name = u"thanos-ruler"_s;
        ruler.containers = { { u"thanosruler"_s, 0.2, 256, false } };
        ruler.cpu = 0.2;
        ruler.memoryMib = 256;
        ruler.replicas = 1;
        ruler.source = u"kube-prometheus-operators.yaml: ThanosRuler/thanos-ruler"_s;
        compareService(*find(r, u"thanos-ruler"_s), ruler);

        QCOMPARE(r.skippedKinds,
            (QMap<QString, int> { { u"Certificate (custom resource)"_s, 1 }, { u"CustomResourceDefinition"_s, 1 },
                { u"PrometheusRule (custom resource)"_s, 1 }, { u"ServiceMonitor (custom resource)"_s, 2 } }));
        const QString text = allDiagnostics(r);
        QVERIFY2(text.contains(u"skipped 1 custom resource(s) of kind Certificate (cert-manager.io): the importer does "
                               "not know which pods its operator runs (add them by hand if it runs any)"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"skipped 2 custom resource(s) of kind ServiceMonitor (monitoring.coreos.com)"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"skipped 1 custom resource(s) of kind PrometheusRule (monitoring.coreos.com)"_s),
            qPrintable(text));
        QVERIFY2(!text.contains(u"CustomResourceDefinition"_s), qPrintable(text));

        // shards multiply Prometheus' pods: 2 replicas × 3 shards.
        const QByteArray sharded = "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: p}\n"
                                   "spec: {replicas: 2, shards: 3, resources: {requests: {cpu: 1, memory: 2Gi}}}\n";
        const ImportResult s = importKubernetes({ { u"p.yaml"_s, sharded } });
        QCOMPARE(s.services.size(), 1);
        QCOMPARE(s.services.at(0).replicas, 6);
        QCOMPARE(s.services.at(0).effectiveMemoryMib(), 2048.0);
    }

    /// Issue 21: an unrendered chart failed with "JSON syntax error: unterminated object".
    void helmChartIsExplained()
    {
        const QString message
            = u"this is a Helm chart: render it with `helm template NAME DIR > out.yaml` and import out.yaml"_s;
        const QString chart = fixture(u"helm-chart/shop"_s);
        const ImportResult dir = importKubernetesPaths({ chart });
        QVERIFY(dir.services.isEmpty());
        QCOMPARE(dir.failedFiles, QStringList { chart });
        QCOMPARE(dir.diagnostics.size(), 1);
        QCOMPARE(dir.diagnostics.at(0).toString(), chart + u": "_s + message);

        const ImportResult templ = importKubernetesPaths({ chart + u"/templates/deployment.yaml"_s });
        QCOMPARE(templ.failedFiles, QStringList { u"deployment.yaml"_s });
        QCOMPARE(templ.diagnostics.size(), 1);
        QCOMPARE(templ.diagnostics.at(0).toString(), u"deployment.yaml: "_s + message);

        const ImportResult meta = importKubernetesPaths({ chart + u"/Chart.yaml"_s });
        QCOMPARE(meta.failedFiles, QStringList { u"Chart.yaml"_s });
        QCOMPARE(meta.diagnostics.at(0).message, message);

        // A parent folder holding the chart: its templates fail alone, with the message.
        const ImportResult parent = importKubernetesPaths({ fixture(u"helm-chart"_s) });
        QVERIFY(parent.services.isEmpty());
        QVERIFY2(allDiagnostics(parent).contains(u"helm-chart/shop/templates/deployment.yaml: "_s + message),
            qPrintable(allDiagnostics(parent)));

        // Template text inside a rendered manifest is not a chart: kube-prometheus' alert annotations and an
        // Alertmanager template in a block scalar read fine.
        const QByteArray rendered
            = "kind: Pod\nmetadata: {name: p, annotations: {note: \"{{ $labels.instance }} is {{ .Value }}\"}}\n"
              "spec: {containers: [{name: c, resources: {requests: {cpu: 1, memory: 1Gi}}}]}\n---\n"
              "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: templates}\ndata:\n  slack.tmpl: |\n"
              "    {{ define \"slack.text\" }}\n    {{ range .Alerts }}{{ .Annotations.summary }}{{ end }}\n"
              "    {{ end }}\n";
        const ImportResult ok = importKubernetes({ { u"r.yaml"_s, rendered } });
        QVERIFY2(!ok.hasErrors(), qPrintable(allDiagnostics(ok)));
        QCOMPARE(ok.services.size(), 1);
        // The same text in a file that does not read as YAML is a chart's template.
        QCOMPARE(importKubernetes({ { u"t.yaml"_s,
                                      "kind: Deployment\nmetadata:\n  name: {{ include \"x\" . }}\nspec:\n  replicas: "
                                      "{{ .Values.n }}\n" } })
                     .diagnostics.constFirst()
                     .message,
            message);
    }

    /// Issue 21: two HPAs on one Deployment conflict in Kubernetes; the first is taken, with a warning.
    void twoHpasOnOneTarget()
    {
        const ImportResult r = importKubernetesPaths({ fixture(u"k8s-real/two-hpas.yaml"_s) });
        QVERIFY(!r.hasErrors());
        QCOMPARE(r.services.size(), 1);
        const Service &api = r.services.at(0);
        QCOMPARE(api.minReplicas, 2);
        QCOMPARE(api.maxReplicas, 6);
        QCOMPARE(api.replicas, 4);
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.at(0).toString(),
            u"two-hpas.yaml:32:1: HorizontalPodAutoscaler/api-memory also targets Deployment/api, which "
            "HorizontalPodAutoscaler/api-cpu already scales (two HPAs on one target conflict); the first is used"_s);
    }

    void duplicateNamesAreMadeUnique()
    {
        const QByteArray doc = "kind: Pod\nmetadata: {name: a, namespace: one}\nspec: {containers: [{name: c}]}\n---\n"
                               "kind: Pod\nmetadata: {name: a, namespace: one}\nspec: {containers: [{name: c}]}\n";
        const ImportResult r = importKubernetes({ { u"two.yaml"_s, doc } });
        QCOMPARE(r.services.size(), 2);
        QCOMPARE(r.services.at(0).name, u"a"_s);
        QCOMPARE(r.services.at(1).name, u"a-2"_s);
        QVERIFY(allDiagnostics(r).contains(u"two.yaml: Pod/a: name \"a\" is already taken; imported as \"a-2\""_s));
    }

    /// Issue 22: `kubectl get -A -o json` keeps namespaces: a name in two namespaces is qualified, a name in
    /// one namespace stays as it is.
    void namespacesQualifyClashingNames()
    {
        const QByteArray list = R"({"apiVersion": "v1", "kind": "List", "items": [
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api", "namespace": "shop"},
             "spec": {"replicas": 2, "template": {"spec": {"containers": [{"name": "api",
               "resources": {"requests": {"cpu": "500m", "memory": "512Mi"}}}]}}}},
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api", "namespace": "billing"},
             "spec": {"replicas": 3, "template": {"spec": {"containers": [{"name": "api",
               "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}]}}}},
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"},
             "spec": {"template": {"spec": {"containers": [{"name": "web",
               "resources": {"requests": {"cpu": "250m", "memory": "256Mi"}}}]}}}},
            {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
             "metadata": {"name": "api", "namespace": "billing"},
             "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "api"}, "minReplicas": 4, "maxReplicas": 8}}
        ]})";
        const ImportResult r = importKubernetes({ { u"all.json"_s, list } });
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(allDiagnostics(r)));
        QStringList names;
        for (const Service &s : r.services)
            names << s.name;
        QCOMPARE(names, (QStringList { u"shop/api"_s, u"billing/api"_s, u"web"_s }));
        QCOMPARE(find(r, u"shop/api"_s)->replicas, 2);
        QCOMPARE(find(r, u"billing/api"_s)->replicas, 4); // its own namespace's HPA
        QCOMPARE(find(r, u"billing/api"_s)->effectiveCpu(), 1.0);
        QCOMPARE(find(r, u"shop/api"_s)->source, u"all.json: Deployment/api"_s);
    }

    /// Issue 22: `--namespace` / `--exclude-namespace` choose what a `kubectl get -A` dump contributes; a
    /// namespace left out is counted, never silently lost, and its HPA goes with it. Once billing is left
    /// out, shop's api no longer clashes and keeps its own name.
    void namespaceFiltersKeepAndCount()
    {
        const QByteArray list = R"({"apiVersion": "v1", "kind": "List", "items": [
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api", "namespace": "shop"},
             "spec": {"replicas": 2, "template": {"spec": {"containers": [{"name": "api",
               "resources": {"requests": {"cpu": "500m", "memory": "512Mi"}}}]}}}},
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api", "namespace": "billing"},
             "spec": {"replicas": 3, "template": {"spec": {"containers": [{"name": "api",
               "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}]}}}},
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "team-a"},
             "spec": {"template": {"spec": {"containers": [{"name": "web",
               "resources": {"requests": {"cpu": "250m", "memory": "256Mi"}}}]}}}},
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "cron"},
             "spec": {"template": {"spec": {"containers": [{"name": "cron",
               "resources": {"requests": {"cpu": "250m", "memory": "256Mi"}}}]}}}},
            {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
             "metadata": {"name": "api", "namespace": "billing"},
             "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "api"}, "minReplicas": 4, "maxReplicas": 8}}
        ]})";
        const QList<ImportInput> inputs { { u"all.json"_s, list } };
        const auto namesOf = [](const ImportResult &r) {
            QStringList names;
            for (const Service &s : r.services)
                names << s.name;
            return names;
        };

        KubernetesImportOptions exclude;
        exclude.excludeNamespaces = { u"billing"_s };
        const ImportResult withoutBilling = importKubernetes(inputs, exclude);
        QVERIFY2(withoutBilling.diagnostics.isEmpty(), qPrintable(allDiagnostics(withoutBilling)));
        QCOMPARE(namesOf(withoutBilling), (QStringList { u"api"_s, u"web"_s, u"cron"_s }));
        QCOMPARE(withoutBilling.skippedKinds.value(u"Deployment (namespace billing not selected)"_s), 1);
        QCOMPARE(withoutBilling.services.at(0).replicas, 2); // billing's HPA did not leak onto shop's api

        KubernetesImportOptions onlyTeams;
        onlyTeams.includeNamespaces = { u"team-*"_s, u"default"_s };
        const ImportResult teams = importKubernetes(inputs, onlyTeams);
        QCOMPARE(namesOf(teams), (QStringList { u"web"_s, u"cron"_s })); // no namespace = default
        QCOMPARE(teams.skippedKinds.value(u"Deployment (namespace shop not selected)"_s), 1);
        QCOMPARE(teams.skippedKinds.value(u"Deployment (namespace billing not selected)"_s), 1);

        KubernetesImportOptions both;
        both.includeNamespaces = { u"*"_s };
        both.excludeNamespaces = { u"default"_s, u"team-?"_s };
        QCOMPARE(namesOf(importKubernetes(inputs, both)), (QStringList { u"shop/api"_s, u"billing/api"_s }));
        QCOMPARE(importKubernetes(inputs, both).services.at(1).replicas, 4);
    }

    /// Issue 22: kube-system's aws-node, kube-proxy and coredns are what the EKS-nodes platform model
    /// already runs; imported again they were counted twice.
    void eksAddOnsAreNotCountedTwice()
    {
        const QByteArray yaml
            = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: aws-node, namespace: kube-system}\n"
              "spec: {template: {spec: {containers: [{name: aws-node, resources: {requests: {cpu: 25m}}}]}}}\n"
              "---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: kube-proxy, namespace: kube-system}\n"
              "spec: {template: {spec: {containers: [{name: kube-proxy, resources: {requests: {cpu: 100m}}}]}}}\n"
              "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: coredns, namespace: kube-system}\n"
              "spec: {replicas: 2, template: {spec: {containers: [{name: coredns, resources: {requests: "
              "{cpu: 100m, memory: 70Mi}}}]}}}\n"
              "---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: fluent-bit, namespace: kube-system}\n"
              "spec: {template: {spec: {containers: [{name: fb, resources: {requests: {cpu: 50m, memory: 64Mi}}}]}}}\n"
              "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: coredns, namespace: dns-test}\n"
              "spec: {template: {spec: {containers: [{name: c, resources: {requests: {cpu: 1, memory: 1Gi}}}]}}}\n";
        const ImportResult r = importKubernetes({ { u"cluster.yaml"_s, yaml } });
        QStringList names;
        for (const Service &s : r.services)
            names << s.name;
        // fluent-bit is the workload's own daemon; a coredns outside kube-system is a workload too.
        QCOMPARE(names, (QStringList { u"fluent-bit"_s, u"coredns"_s }));
        QCOMPARE(r.skippedKinds,
            (QMap<QString, int> { { u"DaemonSet (EKS add-on)"_s, 2 }, { u"Deployment (EKS add-on)"_s, 1 } }));
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.at(0).toString(),
            u"cluster.yaml: kube-system add-on(s) aws-node, kube-proxy, coredns not imported: the EKS on EC2 platform "
            "model already counts aws-node and kube-proxy on every node and CoreDNS (docs/cost-rules.md)"_s);
    }

    void hpaWithoutTargetIsAWarning()
    {
        const QByteArray doc
            = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n"
              "spec: {scaleTargetRef: {kind: Deployment, name: gone}, minReplicas: 1, maxReplicas: 3}\n";
        const ImportResult r = importKubernetes({ { u"hpa.yaml"_s, doc } });
        QVERIFY(!r.hasErrors());
        QVERIFY(r.services.isEmpty());
        QCOMPARE(allDiagnostics(r),
            u"hpa.yaml:1:1: HorizontalPodAutoscaler/h targets Deployment/gone, which is not among the "
            "imported objects; ignored"_s);
    }

    void structuralErrorsNameThePlace_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("no containers")
            << QByteArray("kind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {}\n")
            << u"x.yaml:5:11: Deployment/d: spec.template.spec.containers: a pod needs at least one container"_s;
        QTest::newRow("replicas not a number")
            << QByteArray("kind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: many\n")
            << u"x.yaml:4:13: Deployment/d: spec.replicas: must be a whole number of 0 or more, not \"many\""_s;
        QTest::newRow("bad cron")
            << QByteArray("kind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: \"61 * * * *\"\n")
            << u"x.yaml:4:13: CronJob/c: spec.schedule: minute field \"61\": value out of range 0-59"_s;
        QTest::newRow("negative memory")
            << QByteArray("kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    resources: {limits: "
                          "{memory: -1Gi}}\n")
            << u"x.yaml:6:34: Pod/p: spec.containers[0].resources.limits.memory: \"-1Gi\" is negative; "
               "a request or limit must be zero or more"_s;
        QTest::newRow("HPA max below min")
            << QByteArray("kind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: "
                          "Deployment, name: d}\n  minReplicas: 5\n  maxReplicas: 2\n")
            << u"x.yaml:6:16: HorizontalPodAutoscaler/h: spec.maxReplicas: is less than minReplicas (5)"_s;
        // Hostile numbers (issue 15): the limits of validation.h, named at the manifest field.
        QTest::newRow("HPA minReplicas 2e9")
            << QByteArray("kind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: "
                          "Deployment, name: d}\n  minReplicas: 2000000000\n  maxReplicas: 3\n")
            << u"x.yaml:5:16: HorizontalPodAutoscaler/h: spec.minReplicas: 2000000000 is above the limit of 100000"_s;
        QTest::newRow("hostPort 70000")
            << QByteArray("kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    ports: [{hostPort: "
                          "70000}]\n")
            << u"x.yaml:6:24: Pod/p: spec.containers[0].ports[0].hostPort: 70000 is above the limit of 65535"_s;
        QTest::newRow("1e37 vCPU")
            << QByteArray(
                   "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    resources: {requests: "
                   "{cpu: 1e37}}\n")
            << u"x.yaml:6:33: Pod/p: spec.containers[0].resources.requests.cpu: 1e37 is above the limit of 1024 vCPU"_s;
        QTest::newRow("document is a list") << QByteArray(
            "- a\n- b\n") << u"x.yaml:1:1: not a Kubernetes object (expected a mapping with apiVersion and kind)"_s;
    }
    void structuralErrorsNameThePlace()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const ImportResult r = importKubernetes({ { u"x.yaml"_s, yaml } });
        QVERIFY(r.services.isEmpty());
        QCOMPARE(r.failedFiles, QStringList { u"x.yaml"_s });
        QStringList errors;
        for (const Diagnostic &d : r.diagnostics)
            errors << d.toString();
        QCOMPARE(errors, QStringList { error });
    }

    void spotAndArchFromAffinity()
    {
        const QByteArray doc
            = "kind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n"
              "      nodeSelector: {eks.amazonaws.com/capacityType: SPOT}\n"
              "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n"
              "            nodeSelectorTerms:\n            - matchExpressions:\n"
              "              - {key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}\n"
              "      hostNetwork: true\n"
              "      containers: [{name: c, resources: {requests: {cpu: 1, memory: 1Gi}}, ports: [{containerPort: 80, "
              "hostPort: 80}]}]\n";
        const ImportResult r = importKubernetes({ { u"d.yaml"_s, doc } });
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        const Service &s = r.services.constFirst();
        QCOMPARE(s.spotOk, true);
        QCOMPARE(s.arch, Arch::X86_64); // either architecture: the default stays
        QCOMPARE(s.networkMode, NetworkMode::Host);
        QCOMPARE(s.hostPort, 80);
    }

    void antiAffinityOnTheHostnameIsOnePerNode()
    {
        // The shape of argocd-ha's argocd-redis-ha-haproxy Deployment (argoproj/argo-cd manifests/ha): required
        // anti-affinity on kubernetes.io/hostname against the pod's own app label. A preferred term, a term
        // against other pods and a zone term do not make it one per node; the zone term and a topology spread
        // are named as not modelled.
        const QByteArray doc
            = "kind: Deployment\nmetadata: {name: argocd-redis-ha-haproxy}\nspec:\n  replicas: 3\n  template:\n"
              "    metadata: {labels: {app: redis-ha-haproxy, release: argocd}}\n    spec:\n"
              "      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n"
              "          - labelSelector: {matchLabels: {app: redis-ha-haproxy}}\n"
              "            topologyKey: kubernetes.io/hostname\n"
              "      containers: [{name: haproxy, resources: {requests: {cpu: 100m, memory: 64Mi}}}]\n"
              "---\nkind: StatefulSet\nmetadata: {name: soft}\nspec:\n  replicas: 3\n  template:\n"
              "    metadata: {labels: {app: soft}}\n    spec:\n"
              "      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n"
              "          - weight: 100\n            podAffinityTerm:\n"
              "              labelSelector: {matchLabels: {app: soft}}\n"
              "              topologyKey: kubernetes.io/hostname\n"
              "          requiredDuringSchedulingIgnoredDuringExecution:\n"
              "          - labelSelector: {matchExpressions: [{key: app, operator: In, values: [db]}]}\n"
              "            topologyKey: kubernetes.io/hostname\n"
              "      containers: [{name: c, resources: {requests: {cpu: 100m, memory: 64Mi}}}]\n"
              "---\nkind: Deployment\nmetadata: {name: zoned}\nspec:\n  replicas: 3\n  template:\n"
              "    metadata: {labels: {app: zoned, tier: web}}\n    spec:\n"
              "      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n"
              "          - labelSelector: {matchExpressions: [{key: tier, operator: Exists}]}\n"
              "            topologyKey: topology.kubernetes.io/zone\n"
              "      topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, "
              "whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: zoned}}}]\n"
              "      containers: [{name: c, resources: {requests: {cpu: 100m, memory: 64Mi}}}]\n";
        const ImportResult r = importKubernetes({ { u"argocd-ha.yaml"_s, doc } });
        QCOMPARE(r.services.size(), 3);
        QCOMPARE(r.services.at(0).onePerNode, true);
        QCOMPARE(r.services.at(1).onePerNode, false);
        QCOMPARE(r.services.at(2).onePerNode, false);
        const QString all = allDiagnostics(r);
        QVERIFY2(all.contains(u"anti-affinity on \"topology.kubernetes.io/zone\" is not modelled"), qPrintable(all));
        QVERIFY2(all.contains(u"topologySpreadConstraints are not modelled"), qPrintable(all));
        QVERIFY2(all.contains(u"argocd-ha.yaml:"), qPrintable(all)); // the place is named
        QCOMPARE(r.diagnostics.size(), 2);
        // It survives the scenario file, written only where it is set.
        Scenario sc;
        sc.services = r.services;
        const QByteArray json = scenarioToJson(sc);
        QCOMPARE(json.count("\"one_per_node\""), 1);
        const ScenarioReadResult back = scenarioFromJson(json);
        QVERIFY2(back.scenario.has_value(), qPrintable(back.errorText()));
        QCOMPARE(back.scenario->services.size(), 3);
        QCOMPARE(back.scenario->services.at(0).onePerNode, true);
        QCOMPARE(back.scenario->services.at(1).onePerNode, false);
    }

    void acceleratorsAreImported_data()
    {
        QTest::addColumn<QByteArray>("containers");
        QTest::addColumn<int>("gpus");
        QTest::addColumn<int>("accelerator");
        // Kubernetes "Schedule GPUs": nvidia.com/gpu is an extended resource, set in limits (requests default
        // to them); containers add up, init containers run one at a time (max), like CPU and memory.
        QTest::newRow("k8s Schedule GPUs: limits nvidia.com/gpu 1 -> 1") << QByteArray(
            "      containers: [{name: vllm, resources: {limits: {nvidia.com/gpu: 1}, requests: {cpu: 3, "
            "memory: 12Gi}}}]\n") << 1 << int(Accelerator::NvidiaGpu);
        QTest::newRow("k8s extended resources: requests 2 + limits-only 1 in two containers -> 3")
            << QByteArray(
                   "      containers: [{name: a, resources: {requests: {cpu: 1, memory: 1Gi, nvidia.com/gpu: 2}}},\n"
                   "                   {name: b, resources: {limits: {cpu: 1, memory: 1Gi, nvidia.com/gpu: 1}}}]\n")
            << 3 << int(Accelerator::NvidiaGpu);
        QTest::newRow("k8s init containers: max(init 4, containers 1) = 4") << QByteArray(
            "      initContainers: [{name: warm, resources: {limits: {nvidia.com/gpu: 4}}}]\n"
            "      containers: [{name: a, resources: {requests: {cpu: 1, memory: 1Gi}, limits: "
            "{nvidia.com/gpu: 1}}}]\n") << 4 << int(Accelerator::NvidiaGpu);
        QTest::newRow("AWS Neuron device plugin: aws.amazon.com/neuron 1 -> 1 Neuron device") << QByteArray(
            "      containers: [{name: a, resources: {requests: {cpu: 1, memory: 4Gi}, limits: "
            "{aws.amazon.com/neuron: 1}}}]\n") << 1 << int(Accelerator::AwsNeuron);
        QTest::newRow("no accelerator: 0")
            << QByteArray("      containers: [{name: a, resources: {requests: {cpu: 1, memory: 1Gi}}}]\n") << 0
            << int(Accelerator::NvidiaGpu);
    }
    void acceleratorsAreImported()
    {
        QFETCH(QByteArray, containers);
        QFETCH(int, gpus);
        QFETCH(int, accelerator);
        const QByteArray doc = "kind: Deployment\nmetadata: {name: vllm}\nspec:\n  template:\n    spec:\n" + containers;
        const ImportResult r = importKubernetes({ { u"d.yaml"_s, doc } });
        QCOMPARE(r.services.size(), 1);
        QCOMPARE(r.services.constFirst().gpus, gpus);
        QCOMPARE(int(r.services.constFirst().accelerator), accelerator);
    }

    void bothAcceleratorKindsAreAnError()
    {
        const QByteArray doc = "kind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n"
                               "      containers: [{name: a, resources: {limits: {nvidia.com/gpu: 1, "
                               "aws.amazon.com/neuron: 1}}}]\n";
        const ImportResult r = importKubernetes({ { u"x.yaml"_s, doc } });
        QVERIFY(r.services.isEmpty());
        QVERIFY2(allDiagnostics(r).contains(u"both nvidia.com/gpu and aws.amazon.com/neuron"_s),
            qPrintable(allDiagnostics(r)));
    }

    void podWithoutMemoryRequestIsMarked_data()
    {
        QTest::addColumn<QByteArray>("resources");
        QTest::addColumn<bool>("noMemoryRequest");
        // EKS user guide, Fargate pod configuration: a pod without requests runs as 0.25 vCPU / 0.5 GB; the
        // flag lets the EKS Fargate model size it from 0 MiB (+ 256 MiB) rather than the planning 512 MiB.
        QTest::newRow("EKS Fargate pod configuration: no requests at all -> marked") << QByteArray("{}") << true;
        QTest::newRow("EKS Fargate pod configuration: cpu only -> marked")
            << QByteArray("{requests: {cpu: 1}}") << true;
        QTest::newRow("memory requested -> not marked") << QByteArray("{requests: {memory: 1Gi}}") << false;
    }
    void podWithoutMemoryRequestIsMarked()
    {
        QFETCH(QByteArray, resources);
        QFETCH(bool, noMemoryRequest);
        const QByteArray doc = "kind: Deployment\nmetadata: {name: p}\nspec:\n  template:\n    spec:\n"
                               "      containers: [{name: a, resources: "
            + resources + "}]\n";
        const ImportResult r = importKubernetes({ { u"p.yaml"_s, doc } });
        QCOMPARE(r.services.size(), 1);
        QCOMPARE(r.services.constFirst().noMemoryRequest, noMemoryRequest);
    }

    /// Found by fuzz_kubernetes: yaml-cpp 0.7's LoadAll() loops forever on a stray "," (jbeder/yaml-cpp#1040).
    void yamlCppCommaLoopIsAnError()
    {
        const ImportResult r = importKubernetesPaths({ fixture(u"broken/comma-loop.yaml"_s) });
        QCOMPARE(r.failedFiles, QStringList { u"comma-loop.yaml"_s });
        QCOMPARE(allDiagnostics(r),
            u"comma-loop.yaml:1:1: YAML syntax error: unexpected token here; the document cannot be read"_s);
        const ImportResult comma = importKubernetes({ { u"c.yaml"_s, QByteArray(",") } });
        QCOMPARE(comma.failedFiles, QStringList { u"c.yaml"_s });
    }

    /// YAML in flow style starts like JSON but is not JSON.
    void flowStyleYaml()
    {
        const QByteArray doc = "{kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, resources: {requests: "
                               "{cpu: 250m, memory: 1Gi}}}]}}\n";
        const ImportResult r = importKubernetes({ { u"flow.yaml"_s, doc } });
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.services.size(), 1);
        QCOMPARE(r.services.constFirst().cpu, 0.25);
        QCOMPARE(r.services.constFirst().memoryMib, 1024.0);
        // In a .json file the same text is a JSON syntax error.
        const ImportResult json = importKubernetes({ { u"flow.json"_s, doc } });
        QCOMPARE(json.failedFiles, QStringList { u"flow.json"_s });
        QVERIFY2(
            allDiagnostics(json).startsWith(u"flow.json:1:3: JSON syntax error"_s), qPrintable(allDiagnostics(json)));
    }

    /// YAML aliases can name one large object many times: the work per file is bounded, and the file fails.
    void aliasBombIsRefused()
    {
        QByteArray yaml
            = "kind: List\nitems:\n- &d {kind: Deployment, metadata: {name: d}, spec: {template: {spec: {containers: [";
        for (int i = 0; i < 1000; ++i)
            yaml += "{name: c},";
        yaml += "]}}}}\n";
        for (int i = 0; i < 1000; ++i)
            yaml += "- *d\n";
        const ImportResult r = importKubernetes({ { u"bomb.yaml"_s, yaml } });
        QVERIFY(r.services.isEmpty());
        QCOMPARE(r.failedFiles, QStringList { u"bomb.yaml"_s });
        QVERIFY2(
            allDiagnostics(r).contains(u"too large: more than 50000 objects, containers and list entries to read"_s),
            qPrintable(allDiagnostics(r)));
    }

    /// Inputs that once were hard for parsers: they must end in an error, not a crash or a hang.
    void hostileInputs_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("alias cycle") << QByteArray("&a [*a]\n");
        QTest::newRow("self-referencing List") << QByteArray("&l {kind: List, items: [*l, *l]}\n");
        QTest::newRow("deep nesting") << QByteArray(5000, '[');
        QTest::newRow("deep JSON") << (QByteArray(5000, '[') + QByteArray(5000, ']'));
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{\x01", 5);
        QTest::newRow("scalar where a map is expected") << QByteArray("kind: Deployment\nmetadata: x\nspec: 3\n");
        QTest::newRow("map keys") << QByteArray("? [a, b]\n: c\nkind: Pod\nmetadata: {name: [x]}\n");
    }
    void hostileInputs()
    {
        QFETCH(QByteArray, data);
        const ImportResult r = importKubernetes({ { u"h.yaml"_s, data } });
        QVERIFY(r.services.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportKubernetes)
#include "tst_importkubernetes.moc"
