// SPDX-License-Identifier: GPL-3.0-or-later
#include <cmath>
#include <functional>

#include <QtTest>

#include "models/workload/loadprofilepresets.h"
#include "models/workload/scenariojson.h"
#include "models/workload/validation.h"
#include "pricing/catalog.h"

using namespace fleetplan::models;

using Mutation = std::function<void(Scenario &)>;
Q_DECLARE_METATYPE(Mutation)

/// Validation names the field and the problem, in the words a user reads in `fleetplan validate`.
class TestValidation : public QObject
{
    Q_OBJECT

private:
    static QStringList texts(const QList<Diagnostic> &diagnostics)
    {
        QStringList out;
        for (const Diagnostic &d : diagnostics)
            out.append((d.isError() ? QStringLiteral("error: ") : QStringLiteral("warning: ")) + d.toString());
        return out;
    }

private slots:
    void sampleIsValid()
    {
        const QList<Diagnostic> d = validateScenario(bundledSampleScenario());
        QVERIFY2(d.isEmpty(), qPrintable(texts(d).join(u'\n')));
    }

    void problems_data()
    {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QStringList>("expected");
        // Sample services: 0 web-frontend, 1 api-gateway, 2 orders-api, 3 catalog-api, 4 search, 5 auth,
        // 6 email-worker, 7 image-resizer, 8 payments-worker, 9 reporting-batch (job), 10 cache-warmer (job),
        // 11 log-agent (daemon), 12 metrics-agent (daemon).
        QTest::newRow("memory zero (issue 4 example)")
            << Mutation([](Scenario &s) { s.services[3].memoryMib = 0; })
            << QStringList { QStringLiteral("error: services[3].memory_mib: must be > 0") };
        QTest::newRow("min > max (issue 4 example)") << Mutation([](Scenario &s) {
            s.services[1].name = QStringLiteral("api");
            s.services[1].minReplicas = 5;
            s.services[1].maxReplicas = 3;
        }) << QStringList { QStringLiteral("error: service \"api\": min_replicas 5 > max_replicas 3") };
        QTest::newRow("unknown load profile")
            << Mutation([](Scenario &s) { s.services[4].loadProfile = QStringLiteral("office-hours"); })
            << QStringList { QStringLiteral("error: services[4].load_profile: unknown load profile \"office-hours\" "
                                            "(defined: flat, diurnal-web, business-hours, nightly-batch)") };
        QTest::newRow("negative replicas")
            << Mutation([](Scenario &s) { s.services[0].replicas = -2; })
            << QStringList { QStringLiteral("error: services[0].replicas: must be >= 0") };
        QTest::newRow("duplicate service names")
            << Mutation([](Scenario &s) { s.services[5].name = QStringLiteral("search"); })
            << QStringList { QStringLiteral(
                                 "error: services[4].name: duplicate service name \"search\" (also services[5])"),
                   QStringLiteral("error: services[5].name: duplicate service name \"search\" (also services[4])") };
        // Issue 15: a terminal escape in a name could fake "valid: 0 errors"; the message prints it as \u{1B}.
        QTest::newRow("escape sequence in a service name (issue 15)")
            << Mutation([](Scenario &s) { s.services[2].name = QStringLiteral("orders\x1b[2K\rvalid"); })
            << QStringList { QStringLiteral("error: services[2].name: contains the control character U+001B at "
                                            "position 7 (names must be printable text)") };
        QTest::newRow("bidirectional override in a profile name (issue 15)")
            << Mutation([](Scenario &s) {
                   s.loadProfiles[3].name = QStringLiteral("nightly\u202Ebatch");
                   s.services[9].loadProfile.clear();
                   s.services[10].loadProfile.clear();
               })
            << QStringList { QStringLiteral("error: load_profiles[3].name: contains the control character U+202E at "
                                            "position 8 (names must be printable text)") };
        QTest::newRow("profile of 23 hours")
            << Mutation([](Scenario &s) { s.loadProfiles[0].hourly.removeLast(); })
            << QStringList { QStringLiteral("error: load_profiles[0].hourly: has 23 values; must have 24 (a day) or "
                                            "168 (a week, Monday 00:00 first)") };
        QTest::newRow("negative load") << Mutation([](Scenario &s) {
            s.loadProfiles[1].hourly[5] = -0.5;
        }) << QStringList { QStringLiteral("error: load_profiles[1].hourly[5]: must be a number >= 0, found -0.5") };
        QTest::newRow("weekly profile is fine")
            << Mutation([](Scenario &s) { s.loadProfiles.append(makeLoadProfile(LoadProfilePreset::BusinessWeek)); })
            << QStringList {};
        QTest::newRow("job without schedule")
            << Mutation([](Scenario &s) {
                   s.services[9].runsPerDay = 0;
                   s.services[9].runSeconds = 0;
               })
            << QStringList { QStringLiteral("error: services[9].runs_per_day: a job needs runs_per_day > 0"),
                   QStringLiteral("error: services[9].run_seconds: a job needs run_seconds > 0") };
        QTest::newRow("job runs overlap")
            << Mutation([](Scenario &s) { s.services[10].runSeconds = 7200; })
            << QStringList { QStringLiteral("warning: service \"cache-warmer\": runs_per_day 24 × run_seconds 7200 = "
                                            "172800 s exceeds a day (86400 s): runs overlap") };
        QTest::newRow("malformed region")
            << Mutation([](Scenario &s) { s.region = QStringLiteral("Virginia"); })
            << QStringList { QStringLiteral("error: region: \"Virginia\" is not an AWS region code (like us-east-1)") };
        QTest::newRow("region outside the bundled prices")
            << Mutation([](Scenario &s) { s.region = QStringLiteral("eu-east-9"); })
            << QStringList { QStringLiteral("warning: region: \"eu-east-9\" is not one of the 36 regions the bundled "
                                            "prices cover") };
        QTest::newRow("zero period") << Mutation([](Scenario &s) {
            s.periodHours = 0;
        }) << QStringList { QStringLiteral("error: period: must be at least 1 hour, found 0") };
        QTest::newRow("windows on arm") << Mutation([](Scenario &s) { s.services[3].os = OsFamily::Windows; })
                                        << QStringList { QStringLiteral(
                                               "error: service \"catalog-api\": Windows containers need arch x86_64 "
                                               "(there are no Windows arm64 tasks)") };
        QTest::newRow("only init containers")
            << Mutation([](Scenario &s) {
                   s.services[0].containers = { Container { QStringLiteral("migrate"), 1, 512, true } };
               })
            << QStringList { QStringLiteral("error: services[0].containers: only init containers: a task needs at "
                                            "least one long-running container") };
        QTest::newRow("too large for Fargate (16 vCPU max)")
            << Mutation([](Scenario &s) { s.services[4].cpu = 32; })
            << QStringList { QStringLiteral(
                   "warning: service \"search\": too large for Fargate, not priced on "
                   "ecs-fargate, ecs-fargate-spot, eks-fargate: 32 vCPU / 8192 MiB exceeds the "
                   "largest ECS Fargate (Linux) task size (16 vCPU / 122880 MiB)") };
        QTest::newRow("spot share above 1")
            << Mutation([](Scenario &s) { s.purchase.spotShare = 1.5; })
            << QStringList { QStringLiteral("error: purchase.spot_share: must be between 0 and 1, found 1.5") };
        QTest::newRow("fargate spot weights both zero")
            << Mutation([](Scenario &s) {
                   s.platform(PlatformId::EcsFargateSpot).fargateWeight = 0;
                   s.platform(PlatformId::EcsFargateSpot).fargateSpotWeight = 0;
               })
            << QStringList { QStringLiteral("error: platforms.ecs-fargate-spot: fargate_weight and fargate_spot_weight "
                                            "are both 0: at least one weight must be > 0") };
        // Issue 14: values the node models cannot run with are named, never priced as 0 USD.
        QTest::newRow("vm_overhead_percent 100 leaves no memory (Karpenter VM overhead)")
            << Mutation([](Scenario &s) { s.platform(PlatformId::EksNodes).vmOverheadPercent = 100; })
            << QStringList { QStringLiteral(
                   "error: platforms.eks-nodes.vm_overhead_percent: must be in [0, 100) percent "
                   "of the instance's memory (Karpenter's default 7.5), found 100") };
        QTest::newRow("negative ECS_RESERVED_MEMORY")
            << Mutation([](Scenario &s) { s.platform(PlatformId::EcsEc2).ecsReservedMemoryMib = -64; })
            << QStringList { QStringLiteral("error: platforms.ecs-ec2.ecs_reserved_memory_mib: must be >= 0 MiB "
                                            "(ECS_RESERVED_MEMORY), found -64") };
        QTest::newRow("NaN os_reserved_memory_mib")
            << Mutation([](Scenario &s) { s.platform(PlatformId::EcsEc2).osReservedMemoryMib = std::nan(""); })
            << QStringList { QStringLiteral("error: platforms.ecs-ec2.os_reserved_memory_mib: must be >= 0 MiB (0 = "
                                            "the ECS default share), found nan") };
        QTest::newRow("negative gpus") << Mutation([](Scenario &s) { s.services[0].gpus = -1; })
                                       << QStringList { QStringLiteral(
                                              "error: services[0].gpus: must be a whole number of 0 to 64 "
                                              "accelerators per task, found -1") };
        QTest::newRow("a daemon with GPUs")
            << Mutation([](Scenario &s) { s.services[11].gpus = 1; })
            << QStringList { QStringLiteral("error: services[11].gpus: a daemon runs on every node, GPU "
                                            "nodes or not: it cannot ask for accelerators") };
        // Limits on every number (issue 15): at a limit is fine, one above is an error naming the field.
        QTest::newRow("numbers at their limits") << Mutation([](Scenario &s) {
            s.services[0].maxReplicas = MaxReplicas;
            s.services[9].runsPerDay = MaxRunsPerDay;
            s.services[9].runSeconds = 60;
            s.loadProfiles[1].hourly[3] = MaxLoadMultiplier;
            s.purchase.savingsPlanUsdPerHour = MaxUsdPerHour;
        }) << QStringList {};
        QTest::newRow("replicas above 100,000")
            << Mutation([](Scenario &s) { s.services[0].replicas = MaxReplicas + 1; })
            << QStringList { QStringLiteral("error: services[0].replicas: 100001 is above the limit of 100000") };
        QTest::newRow("max_replicas 1e9")
            << Mutation([](Scenario &s) { s.services[1].maxReplicas = 1000000000; })
            << QStringList { QStringLiteral(
                   "error: services[1].max_replicas: 1000000000 is above the limit of 100000") };
        QTest::newRow("load above 1000 times")
            << Mutation([](Scenario &s) { s.loadProfiles[1].hourly[3] = 1e308; })
            << QStringList { QStringLiteral("error: load_profiles[1].hourly[3]: 1e+308 is above the limit of 1000") };
        QTest::newRow("more than a run a minute")
            << Mutation([](Scenario &s) { s.services[9].runsPerDay = MaxRunsPerDay + 1; })
            << QStringList { QStringLiteral(
                                 "error: services[9].runs_per_day: 1441 is above the limit of 1440 (one run a minute)"),
                   QStringLiteral("warning: service \"reporting-batch\": runs_per_day 1441 × run_seconds 5400 = "
                                  "7781400 s exceeds a day (86400 s): runs overlap") };
        QTest::newRow("a savings plan of 2 million USD an hour")
            << Mutation([](Scenario &s) { s.purchase.savingsPlanUsdPerHour = 2e6; })
            << QStringList { QStringLiteral("error: purchase.savings_plan_usd_per_hour: 2000000 USD is above the "
                                            "limit of 1000000 USD") };
        QTest::newRow("capacity-provider weight above 1000")
            << Mutation([](Scenario &s) { s.platform(PlatformId::EcsFargateSpot).fargateSpotWeight = 1001; })
            << QStringList { QStringLiteral(
                   "error: platforms.ecs-fargate-spot.fargate_spot_weight: 1001 is above the limit of 1000") };
        QTest::newRow("a GPU service: the Fargate platforms cannot run it (Fargate has no GPUs)")
            << Mutation([](Scenario &s) { s.services[7].gpus = 1; })
            << QStringList { QStringLiteral(
                   "warning: service \"image-resizer\": 1 nvidia accelerator(s) per task: Fargate has none, so "
                   "ecs-fargate, ecs-fargate-spot, eks-fargate cannot run it and are shown as infeasible") };
    }
    void limits_data()
    {
        QTest::addColumn<int>("services");
        QTest::addColumn<int>("periodHours");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("at the limits") << MaxServices << MaxPeriodHours << QStringList {};
        QTest::newRow("one service too many")
            << MaxServices + 1 << 730
            << QStringList { QStringLiteral(
                   "error: services: 50001 services, daemons and jobs: more than the 50000 Fleetplan plans in one "
                   "scenario; split the workload into several scenarios") };
        QTest::newRow("a period past ten years")
            << 13 << MaxPeriodHours + 24
            << QStringList { QStringLiteral(
                   "error: period: 87624 hours is longer than the 87600 hours (ten years) Fleetplan plans") };
    }
    /// Past the documented limits a scenario is refused with an error, never simulated into exhaustion.
    void limits()
    {
        QFETCH(int, services);
        QFETCH(int, periodHours);
        QFETCH(QStringList, expected);
        Scenario sc = bundledSampleScenario();
        sc.periodHours = periodHours;
        const Service copy = sc.services.at(0);
        sc.services.reserve(services);
        for (qsizetype i = sc.services.size(); i < services; ++i) {
            Service s = copy;
            s.name = QStringLiteral("copy-%1").arg(i);
            sc.services.append(s);
        }
        QCOMPARE(texts(validateScenario(sc)), expected);
    }

    /// The what-if load multiplier (`--load-multiplier`, the GUI slider) is checked like the scenario's numbers.
    void loadMultiplierLimits()
    {
        Scenario sc = bundledSampleScenario();
        QCOMPARE(peakTasksPerHour(sc), 57); // 51 service tasks at the profiles' peaks + 4 + 2 job tasks
        QVERIFY(validateLoadMultiplier(sc, MaxLoadMultiplier, QStringLiteral("x")).isEmpty());
        const QString where = QStringLiteral("--load-multiplier");
        QCOMPARE(texts(validateLoadMultiplier(sc, std::nan(""), where)),
            QStringList { QStringLiteral("error: --load-multiplier: must be a number from 0 to 1000, not nan") });
        QCOMPARE(texts(validateLoadMultiplier(sc, -1, where)),
            QStringList { QStringLiteral("error: --load-multiplier: must be a number from 0 to 1000, not -1") });
        QCOMPARE(texts(validateLoadMultiplier(sc, 1001, where)),
            QStringList { QStringLiteral("error: --load-multiplier: 1001 is above the limit of 1000") });
        for (qsizetype i = 0; i < 9; ++i) {
            sc.services[i].replicas = 200;
            sc.services[i].maxReplicas = MaxReplicas;
        }
        sc.services[9].replicas = MaxReplicas; // reporting-batch: one run at a time, 100,000 tasks each
        QCOMPARE(texts(validateLoadMultiplier(sc, 1000, where)),
            QStringList { QStringLiteral("error: --load-multiplier: 1000 makes the busiest hour run 1000002 tasks, "
                                         "above the limit of 1000000 tasks at once") });
    }

    void problems()
    {
        QFETCH(Mutation, mutate);
        QFETCH(QStringList, expected);
        Scenario sc = bundledSampleScenario();
        mutate(sc);
        QCOMPARE(texts(validateScenario(sc)), expected);
    }

    void perFieldProblemsForTheTable()
    {
        Scenario sc = bundledSampleScenario();
        sc.services[1].minReplicas = 50;
        const QStringList minText = texts(validateServiceField(sc, 1, QStringLiteral("min_replicas")));
        const QStringList maxText = texts(validateServiceField(sc, 1, QStringLiteral("max_replicas")));
        const QStringList expected { QStringLiteral(
            "error: service \"api-gateway\": min_replicas 50 > max_replicas 30") };
        QCOMPARE(minText, expected);
        QCOMPARE(maxText, expected);
        QVERIFY(validateServiceField(sc, 1, QStringLiteral("cpu")).isEmpty());
        QVERIFY(validateServiceField(sc, 0, QStringLiteral("min_replicas")).isEmpty());
    }

    void invalidFixtureListsEveryProblem()
    {
        const ScenarioReadResult r
            = readScenarioFile(QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/scenarios/invalid.json"));
        QVERIFY(r.ok());
        QCOMPARE(texts(validateScenario(*r.scenario)),
            (QStringList {
                QStringLiteral("error: load_profiles[0].hourly: has 3 values; must have 24 (a day) or 168 (a "
                               "week, Monday 00:00 first)"),
                QStringLiteral("error: service \"api\": min_replicas 5 > max_replicas 3"),
                QStringLiteral("error: services[2].load_profile: unknown load profile \"diurnal\" (defined: web)"),
                QStringLiteral("error: services[3].memory_mib: must be > 0"),
                QStringLiteral("error: services[4].runs_per_day: a job needs runs_per_day > 0"),
                QStringLiteral("error: services[4].run_seconds: a job needs run_seconds > 0"),
            }));
    }

    void catalogChecks()
    {
        const auto catalog = fleetplan::pricing::Catalog::bundled();
        QVERIFY(catalog);
        Scenario sc = bundledSampleScenario();
        QVERIFY2(validateScenario(sc, catalog.get()).isEmpty(),
            qPrintable(texts(validateScenario(sc, catalog.get())).join(u'\n')));

        // instance_types.csv: m6i.large has 2 vCPU and 8192 MiB; a 4 vCPU task cannot run on it.
        sc.platform(PlatformId::EcsEc2).instanceTypes = { QStringLiteral("m6i.large") };
        sc.platform(PlatformId::EksNodes).enabled = false;
        sc.services.resize(5); // web-frontend .. search (search: 2 vCPU, 8192 MiB still fits)
        sc.services[4].cpu = 4;
        // A service one platform cannot run is a warning: that platform is shown as infeasible and the
        // others are still priced (an arm64 service beside x86-only node groups is a common real case).
        QCOMPARE(texts(validateScenario(sc, catalog.get())),
            (QStringList { QStringLiteral("warning: service \"catalog-api\": arch arm64: no instance type allowed on "
                                          "ecs-ec2 has this architecture; ecs-ec2 cannot run this service and is "
                                          "shown as infeasible"),
                QStringLiteral("warning: service \"search\": task of 4 vCPU and 8192 MiB (x86_64) is "
                               "larger than any instance type allowed on ecs-ec2; ecs-ec2 is shown as infeasible") }));
        // Only when no enabled platform can run it is it an error.
        for (PlatformId id : AllPlatforms)
            sc.platform(id).enabled = id == PlatformId::EcsEc2;
        QVERIFY(texts(validateScenario(sc, catalog.get()))
                    .contains(QStringLiteral("error: service \"search\": no enabled platform can run this service "
                                             "(see the warnings above)")));

        // No list: every type of the catalog; the largest arm64 type has 192 vCPU (x8g.metal-48xl).
        sc = bundledSampleScenario();
        sc.services[3].cpu = 256; // catalog-api is arm64
        QVERIFY(
            texts(validateScenario(sc, catalog.get()))
                .contains(QStringLiteral("warning: service \"catalog-api\": task of 256 vCPU and 2048 MiB (arm64) is "
                                         "larger than any instance type allowed on ecs-ec2; ecs-ec2 is shown as "
                                         "infeasible")));
        // 256 vCPU fits no Fargate size either: no platform of the sample can run it.
        QVERIFY(texts(validateScenario(sc, catalog.get()))
                    .contains(QStringLiteral("error: service \"catalog-api\": no enabled platform can run this service "
                                             "(see the warnings above)")));

        sc = bundledSampleScenario();
        sc.region = QStringLiteral("us-est-1");
        const QStringList regionErrors = texts(validateScenario(sc, catalog.get()));
        QCOMPARE(regionErrors.size(), 1);
        QVERIFY2(regionErrors.at(0).startsWith(QStringLiteral("error: region: ")), qPrintable(regionErrors.at(0)));
        QVERIFY2(regionErrors.at(0).contains(QStringLiteral("us-east-1")), qPrintable(regionErrors.at(0)));
        // A malformed code is reported once, not again by the catalog.
        sc.region = QStringLiteral("Virginia");
        QCOMPARE(texts(validateScenario(sc, catalog.get())),
            QStringList { QStringLiteral("error: region: \"Virginia\" is not an AWS region code (like us-east-1)") });
    }

    void gpuAndReservedMemoryAgainstTheCatalog()
    {
        const auto catalog = fleetplan::pricing::Catalog::bundled();
        Scenario sc = bundledSampleScenario();
        // image-resizer (x86_64) with 1 NVIDIA GPU: none of the sample's ecs-ec2 / eks-nodes types (m6i, c6i,
        // r6i, m7g, c7g) has one (instance_types.csv gpu_count), so both node platforms warn too.
        sc.services[7].gpus = 1;
        const QStringList gpu = texts(validateScenario(sc, catalog.get()));
        QVERIFY2(gpu.filter(QStringLiteral("accelerator(s) (x86_64): no instance type allowed on ecs-ec2")).size() == 1,
            qPrintable(gpu.join(u'\n')));
        QVERIFY2(gpu.contains(QStringLiteral("error: service \"image-resizer\": no enabled platform can run this "
                                             "service (see the warnings above)")),
            qPrintable(gpu.join(u'\n')));
        // With g6.* allowed on eks-nodes the service runs there: no error, the other platforms still warn.
        sc.platform(PlatformId::EksNodes).instanceTypes << QStringLiteral("g6.*");
        const QStringList withG6 = texts(validateScenario(sc, catalog.get()));
        QVERIFY2(withG6.filter(QStringLiteral("error:")).isEmpty(), qPrintable(withG6.join(u'\n')));

        // ECS_RESERVED_MEMORY above the largest allowed type (r6i.32xlarge, 1048576 MiB): ecs-ec2 runs nothing.
        sc = bundledSampleScenario();
        sc.platform(PlatformId::EcsEc2).ecsReservedMemoryMib = 2000000;
        const QStringList reserved = texts(validateScenario(sc, catalog.get()));
        QVERIFY2(
            reserved.filter(QStringLiteral("warning: platforms.ecs-ec2.ecs_reserved_memory_mib: "
                                           "os_reserved_memory_mib + ecs_reserved_memory_mib"))
                    .size()
                == 1,
            qPrintable(reserved.join(u'\n')));
        QVERIFY(reserved.filter(QStringLiteral("error:")).isEmpty()); // the other four platforms still run it
    }

    void presets()
    {
        QCOMPARE(allLoadProfilePresets().size(), 5);
        for (LoadProfilePreset p : allLoadProfilePresets()) {
            const LoadProfile lp = makeLoadProfile(p);
            QCOMPARE(lp.name, presetId(p));
            QCOMPARE(presetFromId(presetId(p)), p);
            QVERIFY(lp.hourly.size() == 24 || lp.hourly.size() == 168);
        }
        const QList<double> week = presetHourly(LoadProfilePreset::BusinessWeek);
        QCOMPARE(week.size(), 168);
        QCOMPARE(week.at(0 * 24 + 9), 1.0); // Monday 09:00
        QCOMPARE(week.at(4 * 24 + 17), 1.0); // Friday 17:00
        QCOMPARE(week.at(4 * 24 + 18), 0.2); // Friday 18:00
        QCOMPARE(week.at(5 * 24 + 12), 0.2); // Saturday noon
        QCOMPARE(presetHourly(LoadProfilePreset::NightlyBatch).at(2), 1.0);
        QCOMPARE(presetHourly(LoadProfilePreset::NightlyBatch).at(12), 0.0);
        // The sample's diurnal profile is the preset.
        QCOMPARE(bundledSampleScenario().findLoadProfile(QStringLiteral("diurnal-web"))->hourly,
            presetHourly(LoadProfilePreset::DiurnalWeb));
        // replicasAt with the business-hours preset: ceil(4 × 0.2) = 1 at night, 4 by day, clamped to min 2.
        Service s;
        s.replicas = 4;
        s.minReplicas = 2;
        s.maxReplicas = 10;
        const LoadProfile office = makeLoadProfile(LoadProfilePreset::BusinessHours);
        QCOMPARE(replicasAt(s, &office, 3, 1.0), 2);
        QCOMPARE(replicasAt(s, &office, 10, 1.0), 4);
        QCOMPARE(replicasAt(s, &office, 10, 1.3), 6); // ceil(4 × 1.0 × 1.3 = 5.2)
        QCOMPARE(replicasAt(s, &office, 10, 3.0), 10); // 12 clamped to max 10
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
