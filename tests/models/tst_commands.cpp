// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include "models/workload/commands.h"
#include "models/workload/loadprofilepresets.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan::models;

/// Every undo command on the domain, with no widgets: do → undo → redo restores the exact values,
/// and the document emits the signals views rely on.
class TestCommands : public QObject
{
    Q_OBJECT

private:
    Document *m_doc = nullptr;
    Scenario m_sample;

    QUndoStack *stack() const { return m_doc->undoStack(); }

    /// Pushes `command`, checks the scenario becomes `after`, undoes to the original, redoes to `after`.
    void roundTrip(QUndoCommand *command, const Scenario &after)
    {
        const Scenario before = m_doc->scenario();
        QSignalSpy changed(m_doc, &Document::changed);
        stack()->push(command);
        QCOMPARE(m_doc->scenario(), after);
        QVERIFY(changed.count() >= 1);
        stack()->undo();
        QCOMPARE(m_doc->scenario(), before);
        stack()->redo();
        QCOMPARE(m_doc->scenario(), after);
        QCOMPARE(stack()->count(), 1);
    }

private slots:
    void init()
    {
        m_sample = bundledSampleScenario();
        m_doc = new Document;
        m_doc->setAutosaveDelay(0);
        m_doc->reset(m_sample);
    }
    void cleanup()
    {
        delete m_doc;
        m_doc = nullptr;
    }

    void addService()
    {
        Service s;
        s.name = QStringLiteral("new-api");
        s.cpu = 1;
        s.memoryMib = 2048;
        Scenario after = m_sample;
        after.services.insert(2, s);
        QSignalSpy inserted(m_doc, &Document::servicesInserted);
        QSignalSpy removed(m_doc, &Document::servicesRemoved);
        roundTrip(new AddServiceCommand(m_doc, s, 2), after);
        QCOMPARE(inserted.count(), 2); // do, redo
        QCOMPARE(inserted.at(0), (QVariantList { 2, 2 }));
        QCOMPARE(removed.count(), 1); // undo
        QCOMPARE(stack()->text(0), QStringLiteral("Add service new-api"));
    }

    void addServiceAtEndByDefault()
    {
        Service s;
        s.name = QStringLiteral("last");
        stack()->push(new AddServiceCommand(m_doc, s));
        QCOMPARE(m_doc->scenario().services.constLast().name, QStringLiteral("last"));
    }

    void removeServices()
    {
        Scenario after = m_sample;
        after.services.remove(7);
        after.services.remove(3);
        after.services.remove(0);
        QSignalSpy removed(m_doc, &Document::servicesRemoved);
        roundTrip(new RemoveServicesCommand(m_doc, { 7, 0, 3, 3 }), after);
        QCOMPARE(removed.count(), 6); // three rows, twice (do and redo)
        QCOMPARE(stack()->text(0), QStringLiteral("Remove 3 services"));
    }

    void duplicateService()
    {
        Scenario after = m_sample;
        Service copy = m_sample.services.at(1);
        copy.name = QStringLiteral("api-gateway-copy");
        after.services.insert(2, copy);
        roundTrip(new DuplicateServiceCommand(m_doc, 1), after);
        // A second duplicate gets a unique name.
        stack()->push(new DuplicateServiceCommand(m_doc, 1));
        QCOMPARE(m_doc->scenario().services.at(2).name, QStringLiteral("api-gateway-copy-2"));
    }

    void renameService()
    {
        Scenario after = m_sample;
        after.services[4].name = QStringLiteral("opensearch");
        QSignalSpy changedRow(m_doc, &Document::serviceChanged);
        roundTrip(new RenameServiceCommand(m_doc, 4, QStringLiteral("opensearch")), after);
        QCOMPARE(changedRow.count(), 3);
        QCOMPARE(changedRow.at(0).at(0).toInt(), 4);
        QCOMPARE(stack()->text(0), QStringLiteral("Rename search to opensearch"));
    }

    void setServiceFieldOfEveryType()
    {
        {
            Scenario after = m_sample;
            after.services[0].replicas = 20;
            roundTrip(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, 20), after);
        }
        stack()->clear();
        {
            Scenario after = m_sample;
            after.services[0].replicas = 20; // still applied from the step above
            after.services[1].memoryMib = 3072.5;
            roundTrip(new SetServiceFieldCommand<double>(m_doc, 1, &Service::memoryMib, 3072.5), after);
        }
        stack()->clear();
        {
            Scenario after = m_doc->scenario();
            after.services[2].arch = Arch::Arm64;
            roundTrip(new SetServiceFieldCommand<Arch>(m_doc, 2, &Service::arch, Arch::Arm64), after);
        }
        stack()->clear();
        {
            Scenario after = m_doc->scenario();
            after.services[2].loadProfile = QStringLiteral("flat");
            roundTrip(
                new SetServiceFieldCommand<QString>(m_doc, 2, &Service::loadProfile, QStringLiteral("flat")), after);
        }
        stack()->clear();
        {
            Scenario after = m_doc->scenario();
            after.services[3].spotOk = true;
            roundTrip(new SetServiceFieldCommand<bool>(m_doc, 3, &Service::spotOk, true), after);
        }
    }

    void setServiceFieldDragMergesIntoOneStep()
    {
        const int key = nextMergeKey();
        for (int v : { 13, 14, 15, 16 })
            stack()->push(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, v, {}, key));
        QCOMPARE(stack()->count(), 1);
        QCOMPARE(m_doc->scenario().services.at(0).replicas, 16);
        // A different field never merges.
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 0, &Service::maxReplicas, 50, {}, key));
        QCOMPARE(stack()->count(), 2);
        // Back to replicas: not in a row with the first drag any more, so another step.
        const int key2 = nextMergeKey();
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, 20, {}, key2));
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, 21, {}, key2));
        QCOMPARE(stack()->count(), 3);
        stack()->undo();
        QCOMPARE(m_doc->scenario().services.at(0).replicas, 16);
        stack()->undo();
        QCOMPARE(m_doc->scenario().services.at(0).maxReplicas, m_sample.services.at(0).maxReplicas);
        stack()->undo();
        QCOMPARE(m_doc->scenario().services.at(0).replicas, 12); // the sample's value
    }

    void editsOfOneFieldOfOneServiceInARowAreOneStep()
    {
        // Typed edits (no merge key), as the service table pushes them.
        for (int v : { 13, 14, 20 })
            stack()->push(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, v));
        QCOMPARE(stack()->count(), 1);
        QCOMPARE(stack()->text(0), QStringLiteral("Set replicas of web-frontend from 12 to 20")); // the last value
        // Another service, same field: another step.
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 1, &Service::replicas, 7));
        QCOMPARE(stack()->count(), 2);
        // Same service, another field of the same type: another step.
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 1, &Service::maxReplicas, 70));
        QCOMPARE(stack()->count(), 3);
        // Another field of another type, then the first field again: not in a row, so two more steps.
        stack()->push(new SetServiceFieldCommand<double>(m_doc, 1, &Service::memoryMib, 1024));
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 1, &Service::maxReplicas, 80));
        QCOMPARE(stack()->count(), 5);
        // Two fields of one type: two steps.
        stack()->push(new SetServiceFieldCommand<double>(m_doc, 1, &Service::cpu, 2));
        stack()->push(new SetServiceFieldCommand<double>(m_doc, 1, &Service::ephemeralGib, 30));
        QCOMPARE(stack()->count(), 7);
        for (int i = 0; i < 6; ++i)
            stack()->undo();
        QCOMPARE(m_doc->scenario().services.at(0).replicas, 20);
        stack()->undo();
        QCOMPARE(m_doc->scenario(), m_sample);
    }

    void anEditAfterSavingIsItsOwnStep()
    {
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, 13));
        stack()->setClean(); // what Document::save() does
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, 14));
        QCOMPARE(stack()->count(), 2);
        stack()->undo();
        QVERIFY(!m_doc->isModified());
        QCOMPARE(m_doc->scenario().services.at(0).replicas, 13);
    }

    void settingsEditsWithoutAKeyDoNotMerge()
    {
        ScenarioSettings s = ScenarioSettings::of(m_sample);
        s.region = QStringLiteral("eu-west-1");
        stack()->push(new SetScenarioSettingsCommand(m_doc, s));
        s.name = QStringLiteral("Shop EU");
        stack()->push(new SetScenarioSettingsCommand(m_doc, s));
        QCOMPARE(stack()->count(), 2);
        PurchaseOptions o = m_sample.purchase;
        o.spotShare = 0.2;
        stack()->push(new SetPurchaseOptionsCommand(m_doc, o));
        o.spotShare = 0.3;
        stack()->push(new SetPurchaseOptionsCommand(m_doc, o));
        QCOMPARE(stack()->count(), 4);
    }

    void undoTextsAreInWordsOfTheUser()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Scenario sc = m_sample;
        Service api;
        api.name = QStringLiteral("api");
        Service worker;
        worker.name = QStringLiteral("worker");
        worker.kind = ServiceKind::Job;
        sc.services = { sc.services.at(0), api, worker }; // web-frontend, api, worker
        m_doc->reset(sc);
        const auto text = [](QUndoCommand *command) {
            const QString t = command->text();
            delete command;
            return t;
        };
        QCOMPARE(text(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, 20)),
            QStringLiteral("Set replicas of web-frontend from 12 to 20"));
        QCOMPARE(text(new SetServiceFieldCommand<int>(m_doc, 0, &Service::maxReplicas, 1500)),
            QStringLiteral("Set maximum replicas of web-frontend from 40 to 1,500"));
        QCOMPARE(text(new SetServiceFieldCommand<int>(m_doc, 0, &Service::minReplicas, 2)),
            QStringLiteral("Set minimum replicas of web-frontend from 4 to 2"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 1, &Service::memoryMib, 2048)),
            QStringLiteral("Set memory of api from 512 MiB to 2 GiB"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 1, &Service::memoryMib, 768)),
            QStringLiteral("Set memory of api from 512 MiB to 768 MiB"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 1, &Service::memoryMib, 1023)),
            QStringLiteral("Set memory of api from 512 MiB to 1,023 MiB"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 1, &Service::memoryMib, 1024)),
            QStringLiteral("Set memory of api from 512 MiB to 1 GiB"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 1, &Service::memoryMib, 1536)),
            QStringLiteral("Set memory of api from 512 MiB to 1.5 GiB"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 1, &Service::memoryMib, 10240.0 / 3)),
            QStringLiteral("Set memory of api from 512 MiB to 3.33 GiB"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 1, &Service::cpu, 0.5)),
            QStringLiteral("Set CPU of api from 0.25 vCPU to 0.5 vCPU"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 1, &Service::cpu, 2)),
            QStringLiteral("Set CPU of api from 0.25 vCPU to 2 vCPU"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 1, &Service::ephemeralGib, 30)),
            QStringLiteral("Set ephemeral storage of api from 20 GiB to 30 GiB"));
        QCOMPARE(
            text(new SetServiceFieldCommand<QString>(m_doc, 1, &Service::loadProfile, QStringLiteral("diurnal-web"))),
            QStringLiteral("Set load profile of api from flat to diurnal-web"));
        QCOMPARE(text(new SetServiceFieldCommand<QString>(m_doc, 0, &Service::loadProfile, QString())),
            QStringLiteral("Set load profile of web-frontend from %1 to flat").arg(sc.services.at(0).loadProfile));
        QCOMPARE(text(new SetServiceFieldCommand<Arch>(m_doc, 1, &Service::arch, Arch::Arm64)),
            QStringLiteral("Set architecture of api from x86_64 to arm64"));
        QCOMPARE(text(new SetServiceFieldCommand<ServiceKind>(m_doc, 1, &Service::kind, ServiceKind::Daemon)),
            QStringLiteral("Set kind of api from service to daemon"));
        QCOMPARE(text(new SetServiceFieldCommand<NetworkMode>(m_doc, 1, &Service::networkMode, NetworkMode::Bridge)),
            QStringLiteral("Set network mode of api from awsvpc to bridge"));
        QCOMPARE(text(new SetServiceFieldCommand<bool>(m_doc, 2, &Service::spotOk, true)),
            QStringLiteral("Allow Spot for worker"));
        QCOMPARE(text(new SetServiceFieldCommand<int>(m_doc, 2, &Service::runsPerDay, 4)),
            QStringLiteral("Set runs per day of worker from 0 to 4"));
        QCOMPARE(text(new SetServiceFieldCommand<int>(m_doc, 2, &Service::runSeconds, 90)),
            QStringLiteral("Set run time of worker from 0 s to 90 s"));
        QCOMPARE(
            text(new RenameServiceCommand(m_doc, 2, QStringLiteral("jobs"))), QStringLiteral("Rename worker to jobs"));

        ScenarioSettings settings = ScenarioSettings::of(sc);
        settings.region = QStringLiteral("eu-west-1");
        QCOMPARE(text(new SetScenarioSettingsCommand(m_doc, settings)),
            QStringLiteral("Set region from us-east-1 to eu-west-1"));
        ScenarioSettings period = ScenarioSettings::of(sc);
        period.periodHours = 30 * 24;
        period.periodInDays = true;
        QCOMPARE(text(new SetScenarioSettingsCommand(m_doc, period)),
            QStringLiteral("Set billing period from 730 hours to 30 days"));
        settings.name = QStringLiteral("Shop EU");
        QCOMPARE(text(new SetScenarioSettingsCommand(m_doc, settings)), QStringLiteral("Change scenario settings"));
        PurchaseOptions o = sc.purchase;
        o.spotShare = 0.6;
        QCOMPARE(text(new SetPurchaseOptionsCommand(m_doc, o)), QStringLiteral("Set Spot share from 0 % to 60 %"));
        o = sc.purchase;
        o.savingsPlanUsdPerHour = 2.5;
        QCOMPARE(text(new SetPurchaseOptionsCommand(m_doc, o)),
            QStringLiteral("Set Savings Plans commitment from 0.00 to 2.50 USD/h"));
        PlatformSettings eks = sc.platform(PlatformId::EksNodes);
        eks.enabled = !eks.enabled;
        QCOMPARE(text(new SetPlatformSettingsCommand(m_doc, PlatformId::EksNodes, eks)),
            (eks.enabled ? QStringLiteral("Enable ") : QStringLiteral("Disable ")) + displayName(PlatformId::EksNodes));
        QLocale::setDefault(QLocale::c());
    }

    // The registry, network and App Runner editors (issue 19): each edit says what changed from what to what.
    void registryNetworkAndAppRunnerTextsNameOldAndNewValues()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const auto text = [](QUndoCommand *command) {
            const QString t = command->text();
            delete command;
            return t;
        };
        NetworkSettings n = m_sample.network;
        n.enabled = true;
        QCOMPARE(text(new SetNetworkCommand(m_doc, n)), QStringLiteral("Enable network costs"));
        n = m_sample.network;
        n.natGateways = 2;
        QCOMPARE(text(new SetNetworkCommand(m_doc, n)), QStringLiteral("Set NAT gateways from 3 to 2"));
        n = m_sample.network;
        n.subnets = SubnetKind::Public;
        QCOMPARE(text(new SetNetworkCommand(m_doc, n)), QStringLiteral("Set subnets from private to public"));
        n = m_sample.network;
        n.loadBalancer = LoadBalancerKind::Alb;
        QCOMPARE(text(new SetNetworkCommand(m_doc, n)), QStringLiteral("Set load balancer from none to ALB"));
        n.loadBalancerPerService = true;
        QCOMPARE(text(new SetNetworkCommand(m_doc, n)), QStringLiteral("Change network settings"));
        n = m_sample.network;
        n.logGbPerTaskHour = 0.05;
        QCOMPARE(
            text(new SetNetworkCommand(m_doc, n)), QStringLiteral("Set log GB per task-hour from 0 GB to 0.05 GB"));

        RegistrySettings r = m_sample.registry;
        r.enabled = true;
        QCOMPARE(text(new SetRegistryCommand(m_doc, r)), QStringLiteral("Enable the ECR registry"));
        r = m_sample.registry;
        r.defaults.imageGb = 1.2;
        QCOMPARE(text(new SetRegistryCommand(m_doc, r)),
            QStringLiteral("Set image size of the per-service repositories from 0.5 GB to 1.2 GB"));
        r = m_sample.registry;
        r.defaults.scanning = ScanMode::EnhancedContinuous;
        QCOMPARE(text(new SetRegistryCommand(m_doc, r)),
            QStringLiteral("Set scanning of the per-service repositories from basic to enhanced continuous"));
        r = m_sample.registry;
        r.region = QStringLiteral("eu-west-1");
        QCOMPARE(text(new SetRegistryCommand(m_doc, r)),
            QStringLiteral("Set registry region from the scenario's to eu-west-1"));
        r = m_sample.registry;
        Repository repo;
        repo.name = QStringLiteral("shop/api");
        r.repositories = { repo };
        QCOMPARE(text(new SetRegistryCommand(m_doc, r)), QStringLiteral("Add repository shop/api"));
        stack()->push(new SetRegistryCommand(m_doc, r));
        RegistrySettings kept = r;
        kept.repositories[0].keepLast = 10;
        QCOMPARE(
            text(new SetRegistryCommand(m_doc, kept)), QStringLiteral("Set images kept of shop/api from 30 to 10"));
        kept.repositories[0].services = { QStringLiteral("orders-api"), QStringLiteral("catalog-api") };
        kept.repositories[0].keepLast = 30;
        QCOMPARE(text(new SetRegistryCommand(m_doc, kept)),
            QStringLiteral("Set services of shop/api from none to orders-api, catalog-api"));
        RegistrySettings none = r;
        none.repositories.clear();
        QCOMPARE(text(new SetRegistryCommand(m_doc, none)), QStringLiteral("Remove repository shop/api"));

        PlatformSettings ar = m_sample.platform(PlatformId::AppRunner);
        ar.appRunnerConcurrency = 80;
        QCOMPARE(text(new SetPlatformSettingsCommand(m_doc, PlatformId::AppRunner, ar)),
            QStringLiteral("Set App Runner concurrency from 100 to 80"));
        ar = m_sample.platform(PlatformId::AppRunner);
        ar.appRunnerMaxInstances = 10;
        QCOMPARE(text(new SetPlatformSettingsCommand(m_doc, PlatformId::AppRunner, ar)),
            QStringLiteral("Set App Runner maximum instances from 25 to 10"));
        ar.appRunnerAutomaticDeployment = true;
        QCOMPARE(text(new SetPlatformSettingsCommand(m_doc, PlatformId::AppRunner, ar)),
            QStringLiteral("Change App Runner settings"));

        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 0, &Service::requestsPerSecond, 120)),
            QStringLiteral("Set requests per second of web-frontend from 0 req/s to 120 req/s"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 0, &Service::requestMillis, 80)),
            QStringLiteral("Set request duration of web-frontend from 200 ms to 80 ms"));
        QCOMPARE(text(new SetServiceFieldCommand<double>(m_doc, 0, &Service::concurrentRequests, 40)),
            QStringLiteral("Set concurrent requests of web-frontend from derived to 40"));
        QCOMPARE(text(new SetServiceFieldCommand<AppRunnerInstanceSize>(
                     m_doc, 0, &Service::appRunnerSize, AppRunnerInstanceSize { 2, 4 })),
            QStringLiteral("Set App Runner instance size of web-frontend from automatic to 2 vCPU / 4 GB"));
        QLocale::setDefault(QLocale::c());
    }

    // Registry and network edits round-trip through undo and emit their own signal.
    void setRegistryAndNetwork()
    {
        RegistrySettings r = m_sample.registry;
        r.enabled = true;
        r.defaults.pushesPerDay = 4;
        Scenario after = m_sample;
        after.registry = r;
        QSignalSpy registry(m_doc, &Document::registryChanged);
        roundTrip(new SetRegistryCommand(m_doc, r), after);
        QCOMPARE(registry.count(), 3); // do, undo, redo
        stack()->clear();
        m_doc->reset(m_sample);
        NetworkSettings n = m_sample.network;
        n.enabled = true;
        n.natGateways = 1;
        after = m_sample;
        after.network = n;
        QSignalSpy network(m_doc, &Document::networkChanged);
        roundTrip(new SetNetworkCommand(m_doc, n), after);
        QCOMPARE(network.count(), 3);
    }

    void dragBackToTheStartLeavesNoStep()
    {
        const int key = nextMergeKey();
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, 13, {}, key));
        stack()->push(new SetServiceFieldCommand<int>(m_doc, 0, &Service::replicas, 12, {}, key));
        QCOMPARE(stack()->count(), 0);
        QVERIFY(!m_doc->isModified());
    }

    void setService()
    {
        Service s = m_sample.services.at(5);
        s.containers = { Container { QStringLiteral("app"), 0.5, 900, false },
            Container { QStringLiteral("init"), 1, 100, true } };
        s.cpu = s.effectiveCpu();
        s.memoryMib = s.effectiveMemoryMib();
        Scenario after = m_sample;
        after.services[5] = s;
        roundTrip(new SetServiceCommand(m_doc, 5, s), after);
    }

    void containersKeepTheDerivedSize()
    {
        // The GUI edits containers without touching cpu/memory: the document derives them
        // (sum of long-running containers, max with init containers).
        Service s = m_sample.services.at(0);
        s.containers = { Container { QStringLiteral("app"), 1.0, 2048, false },
            Container { QStringLiteral("envoy"), 0.5, 256, false } };
        stack()->push(new SetServiceCommand(m_doc, 0, s));
        QCOMPARE(m_doc->scenario().services.at(0).cpu, 1.5);
        QCOMPARE(m_doc->scenario().services.at(0).memoryMib, 2304.0);
        stack()->undo();
        QCOMPARE(m_doc->scenario().services.at(0).cpu, 0.5);
    }

    void addLoadProfile()
    {
        const LoadProfile week = makeLoadProfile(LoadProfilePreset::BusinessWeek);
        Scenario after = m_sample;
        after.loadProfiles.append(week);
        QSignalSpy inserted(m_doc, &Document::loadProfilesInserted);
        roundTrip(new AddLoadProfileCommand(m_doc, week), after);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0), (QVariantList { 4, 4 }));
    }

    void removeLoadProfileClearsAndRestoresReferences()
    {
        // diurnal-web (index 1) is used by six services of the sample.
        Scenario after = m_sample;
        int users = 0;
        for (Service &s : after.services) {
            if (s.loadProfile == QLatin1String("diurnal-web")) {
                s.loadProfile.clear();
                ++users;
            }
        }
        QCOMPARE(users, 6);
        after.loadProfiles.remove(1);
        roundTrip(new RemoveLoadProfileCommand(m_doc, 1), after);
    }

    void renameLoadProfileFollowsReferences()
    {
        Scenario after = m_sample;
        after.loadProfiles[2].name = QStringLiteral("office");
        for (Service &s : after.services) {
            if (s.loadProfile == QLatin1String("business-hours"))
                s.loadProfile = QStringLiteral("office");
        }
        QSignalSpy profile(m_doc, &Document::loadProfileChanged);
        roundTrip(new RenameLoadProfileCommand(m_doc, 2, QStringLiteral("office")), after);
        QCOMPARE(profile.count(), 3);
        QCOMPARE(profile.at(0), (QVariantList { 2, QStringLiteral("office") }));
        QCOMPARE(profile.at(1), (QVariantList { 2, QStringLiteral("business-hours") }));
    }

    void setLoadProfileHoursMergesDrag()
    {
        QList<double> hours = m_sample.loadProfiles.at(0).hourly;
        hours[9] = 1.5;
        Scenario after = m_sample;
        after.loadProfiles[0].hourly = hours;
        roundTrip(new SetLoadProfileHoursCommand(m_doc, 0, hours), after);

        stack()->clear();
        const int key = nextMergeKey();
        for (double v : { 1.6, 1.7, 1.8 }) {
            hours[9] = v;
            stack()->push(new SetLoadProfileHoursCommand(m_doc, 0, hours, key));
        }
        QCOMPARE(stack()->count(), 1);
        QCOMPARE(m_doc->scenario().loadProfiles.at(0).hourly.at(9), 1.8);
        stack()->undo();
        QCOMPARE(m_doc->scenario().loadProfiles.at(0).hourly.at(9), 1.5);
    }

    void setScenarioSettings()
    {
        ScenarioSettings s = ScenarioSettings::of(m_sample);
        s.name = QStringLiteral("Shop 2027");
        s.region = QStringLiteral("eu-west-1");
        s.periodHours = 30 * 24;
        s.periodInDays = true;
        s.notes = QStringLiteral("budget review");
        Scenario after = m_sample;
        s.applyTo(after);
        QSignalSpy settings(m_doc, &Document::settingsChanged);
        roundTrip(new SetScenarioSettingsCommand(m_doc, s), after);
        QCOMPARE(settings.count(), 3);
        QCOMPARE(m_doc->scenario().periodHours, 720);
    }

    void setPlatformSettings()
    {
        PlatformSettings p = m_sample.platform(PlatformId::EksNodes);
        p.instanceTypes = { QStringLiteral("m7g.*") };
        p.prefixDelegation = true;
        Scenario after = m_sample;
        after.platform(PlatformId::EksNodes) = p;
        QSignalSpy platform(m_doc, &Document::platformSettingsChanged);
        roundTrip(new SetPlatformSettingsCommand(m_doc, PlatformId::EksNodes, p), after);
        QCOMPARE(platform.count(), 3);
        QCOMPARE(platform.at(0).at(0).value<PlatformId>(), PlatformId::EksNodes);
    }

    void purchaseSliderDragIsOneStep()
    {
        const int key = nextMergeKey();
        PurchaseOptions o = m_sample.purchase;
        QSignalSpy purchase(m_doc, &Document::purchaseOptionsChanged);
        for (int percent = 1; percent <= 50; ++percent) {
            o.spotShare = percent / 100.0;
            stack()->push(new SetPurchaseOptionsCommand(m_doc, o, key));
        }
        QCOMPARE(stack()->count(), 1);
        QCOMPARE(purchase.count(), 50);
        QCOMPARE(m_doc->scenario().purchase.spotShare, 0.5);
        stack()->undo();
        QCOMPARE(m_doc->scenario().purchase, m_sample.purchase);
        stack()->redo();
        QCOMPARE(m_doc->scenario().purchase.spotShare, 0.5);

        Scenario after = m_doc->scenario();
        after.purchase.savingsPlanUsdPerHour = 2.5;
        stack()->clear();
        o.savingsPlanUsdPerHour = 2.5;
        roundTrip(new SetPurchaseOptionsCommand(m_doc, o), after);
    }

    void importServicesAppendsAsOneStep()
    {
        Service api;
        api.name = QStringLiteral("auth"); // clashes with the sample's "auth"
        api.loadProfile = QStringLiteral("diurnal-web"); // same name, other hours → "diurnal-web-2"
        Service batch;
        batch.name = QStringLiteral("nightly");
        batch.loadProfile = QStringLiteral("flat"); // identical to the sample's: reused
        LoadProfile otherDiurnal { QStringLiteral("diurnal-web"), QList<double>(24, 0.5) };
        LoadProfile flat { QStringLiteral("flat"), QList<double>(24, 1.0) };
        auto *cmd = new ImportServicesCommand(m_doc, { api, batch }, { otherDiurnal, flat });

        Scenario after = m_sample;
        LoadProfile renamed = otherDiurnal;
        renamed.name = QStringLiteral("diurnal-web-2");
        after.loadProfiles.append(renamed);
        Service apiLanded = api;
        apiLanded.name = QStringLiteral("auth-2");
        apiLanded.loadProfile = QStringLiteral("diurnal-web-2");
        after.services.append(apiLanded);
        after.services.append(batch);
        roundTrip(cmd, after);
        QCOMPARE(cmd->landedServices().size(), 2);
        QCOMPARE(cmd->addedLoadProfiles().size(), 1);
        QCOMPARE(stack()->text(0), QStringLiteral("Import 2 services"));
    }

    void importServicesReplace()
    {
        Service only;
        only.name = QStringLiteral("auth"); // no clash: the old services go away
        Scenario after = m_sample;
        after.services = { only };
        roundTrip(new ImportServicesCommand(m_doc, { only }, {}, ImportServicesCommand::Mode::Replace), after);
    }
};

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
