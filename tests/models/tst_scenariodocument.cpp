// SPDX-License-Identifier: GPL-3.0-or-later
#include <csignal>

#include <sys/resource.h>

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include "models/workload/documentschema.h"
#include "models/workload/loadprofilepresets.h"
#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan::models;

/// The native .fleetplan SQLite document: lossless round trips, clear errors for files that are not
/// ours or not whole, older versions read through an in-memory migration without touching the file,
/// atomic saves that keep the old file on failure.
class TestScenarioDocument : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// Every field away from its default, to catch a column that is not stored.
    static Scenario richScenario()
    {
        Scenario sc = bundledSampleScenario();
        sc.name = QStringLiteral("Rich — ünïcode ✓");
        sc.region = QStringLiteral("eu-central-1");
        sc.periodHours = 30 * 24;
        sc.periodInDays = true;
        sc.notes = QStringLiteral("line 1\nline 2 with 'quotes' and \"double quotes\"");
        sc.loadProfiles.append(makeLoadProfile(LoadProfilePreset::BusinessWeek));
        sc.loadProfiles.append(LoadProfile { QStringLiteral("odd"), { 0.1234567890123, 1e-9, 3.5 } });
        Service s;
        s.name = QStringLiteral("sidecar-svc");
        s.kind = ServiceKind::Service;
        s.containers = { Container { QStringLiteral("app"), 0.5, 1024, false },
            Container { QStringLiteral("envoy"), 0.25, 512.5, false },
            Container { QStringLiteral("migrate"), 1.0, 256, true } };
        s.cpu = s.effectiveCpu();
        s.memoryMib = s.effectiveMemoryMib();
        s.ephemeralGib = 45.5;
        s.arch = Arch::Arm64;
        s.os = OsFamily::Linux;
        s.replicas = 7;
        s.minReplicas = 2;
        s.maxReplicas = 33;
        s.loadProfile = QStringLiteral("business-week");
        s.spotOk = true;
        s.networkMode = NetworkMode::Bridge;
        s.hostPort = 8080;
        s.source = QStringLiteral("deploy.yaml: Deployment/sidecar-svc");
        s.gpus = 2; // schema 3: accelerators and the EKS Fargate no-memory-request flag round-trip
        s.accelerator = Accelerator::AwsNeuron;
        s.noMemoryRequest = true;
        s.onePerNode = true; // schema 6
        s.appRunnerSize = { 2, 4 }; // schema 7: a chosen App Runner instance size
        sc.services.append(s);
        Service win;
        win.name = QStringLiteral("legacy");
        win.os = OsFamily::Windows;
        win.kind = ServiceKind::Job;
        win.runsPerDay = 3;
        win.runSeconds = 900;
        win.networkMode = NetworkMode::Host;
        sc.services.append(win);
        PlatformSettings &ec2 = sc.platform(PlatformId::EcsEc2);
        ec2.instanceTypes = { QStringLiteral("m6i.large"), QStringLiteral("c6i.*") };
        ec2.mixedInstances = false;
        ec2.ebsGibPerNode = 50;
        ec2.targetUtilizationPercent = 85.5;
        ec2.scaleInDelayHours = 3;
        ec2.osReservedMemoryMib = 300;
        ec2.ecsReservedMemoryMib = 128;
        ec2.awsvpcTrunking = true;
        PlatformSettings &eks = sc.platform(PlatformId::EksNodes);
        eks.vmOverheadPercent = 5;
        eks.prefixDelegation = true;
        eks.extendedSupport = true;
        eks.clusters = 2;
        sc.platform(PlatformId::EksFargate).enabled = false;
        PlatformSettings &spot = sc.platform(PlatformId::EcsFargateSpot);
        spot.fargateBase = 1;
        spot.fargateWeight = 2;
        spot.fargateSpotWeight = 5;
        spot.interruptionAllowancePercent = 12.5;
        sc.purchase.spotShare = 0.35;
        sc.purchase.savingsPlanUsdPerHour = 1.75;
        sc.purchase.savingsPlanType = SavingsPlanType::Ec2Instance;
        sc.purchase.savingsPlanTermYears = 3;
        sc.purchase.savingsPlanPayment = QStringLiteral("All Upfront");
        return sc;
    }

    static QByteArray readAll(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static void writeAll(const QString &file, const QByteArray &bytes)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(bytes), bytes.size());
    }

    /// Runs SQL statements on a SQLite file outside the code under test.
    static void rawSql(const QString &file, const QStringList &statements)
    {
        const QString name = QStringLiteral("raw-") + QString::number(QRandomGenerator::global()->generate());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            for (const QString &sql : statements) {
                QSqlQuery q(db);
                QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    static QString singleError(const ScenarioReadResult &r) { return r.errorText(); }

    /// PRAGMA user_version of a SQLite file, read through a read-only connection.
    static int userVersionOf(const QString &file)
    {
        const QString name = QStringLiteral("raw-") + QString::number(QRandomGenerator::global()->generate());
        int version = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                    version = q.value(0).toInt();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return version;
    }

    /// What reading must leave alone: the bytes, the modification time, and the folder's listing
    /// (no backup, no journal).
    struct FileState
    {
        QByteArray bytes;
        QDateTime modified;
        QStringList folder;
        friend bool operator==(const FileState &, const FileState &) = default;
    };
    static FileState stateOf(const QString &file)
    {
        const QFileInfo info(file);
        return { readAll(file), info.lastModified(),
            info.absoluteDir().entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot) };
    }
    /// Sets the file's modification time an hour back, so that any write would show.
    static void backdate(const QString &file)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    }

    /// A schema-1 document as Fleetplan 0.1 wrote it: no scenario.notes, no meta table.
    static void writeVersion1Document(const QString &file)
    {
        QFile::remove(file);
        rawSql(file,
            {
                QStringLiteral("PRAGMA application_id = 1179406414"), // 0x464C504E "FLPN"
                QStringLiteral("PRAGMA user_version = 1"),
                QStringLiteral("CREATE TABLE scenario (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, "
                               "region TEXT NOT NULL, period_hours INTEGER NOT NULL, period_in_days INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE load_profiles (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
                QStringLiteral("CREATE TABLE load_profile_hours (profile INTEGER NOT NULL, hour INTEGER NOT NULL, "
                               "multiplier REAL NOT NULL, PRIMARY KEY (profile, hour))"),
                QStringLiteral(
                    "CREATE TABLE services (position INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, "
                    "cpu REAL NOT NULL, memory_mib REAL NOT NULL, ephemeral_gib REAL NOT NULL, arch TEXT NOT NULL, "
                    "os TEXT NOT NULL, replicas INTEGER NOT NULL, min_replicas INTEGER NOT NULL, "
                    "max_replicas INTEGER NOT NULL, load_profile TEXT NOT NULL, runs_per_day INTEGER NOT NULL, "
                    "run_seconds INTEGER NOT NULL, spot_ok INTEGER NOT NULL, network_mode TEXT NOT NULL, "
                    "host_port INTEGER NOT NULL, source TEXT NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE containers (service INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, "
                    "cpu REAL NOT NULL, memory_mib REAL NOT NULL, init INTEGER NOT NULL, PRIMARY KEY (service, "
                    "position))"),
                QStringLiteral("CREATE TABLE platform_settings (platform TEXT NOT NULL, key TEXT NOT NULL, value, "
                               "PRIMARY KEY (platform, key))"),
                QStringLiteral(
                    "CREATE TABLE platform_instance_types (platform TEXT NOT NULL, position INTEGER NOT NULL, "
                    "pattern TEXT NOT NULL, PRIMARY KEY (platform, position))"),
                QStringLiteral(
                    "CREATE TABLE purchase (id INTEGER PRIMARY KEY CHECK (id = 1), spot_share REAL NOT NULL, "
                    "savings_plan_usd_per_hour REAL NOT NULL, savings_plan_type TEXT NOT NULL, "
                    "savings_plan_term_years INTEGER NOT NULL, savings_plan_payment TEXT NOT NULL)"),
                QStringLiteral("INSERT INTO scenario VALUES (1, 'Old shop', 'eu-west-1', 168, 0)"),
                QStringLiteral("INSERT INTO load_profiles VALUES (0, 'night')"),
                QStringLiteral("INSERT INTO load_profile_hours VALUES (0, 0, 0.5), (0, 1, 2.0)"),
                QStringLiteral(
                    "INSERT INTO services VALUES (0, 'api', 'service', 1.0, 2048, 20, 'x86_64', 'linux', 4, 2, 10, "
                    "'night', 0, 0, 1, 'awsvpc', 0, '')"),
                QStringLiteral("INSERT INTO containers VALUES (0, 0, 'app', 1.0, 2048, 0)"),
                QStringLiteral("INSERT INTO platform_settings VALUES ('eks-nodes', 'clusters', 3)"),
                QStringLiteral("INSERT INTO platform_instance_types VALUES ('eks-nodes', 0, 'm7g.*')"),
                QStringLiteral("INSERT INTO purchase VALUES (1, 0.25, 0.5, 'compute', 1, 'No Upfront')"),
            });
    }

    static void checkVersion1Content(const Scenario &sc)
    {
        QCOMPARE(sc.name, QStringLiteral("Old shop"));
        QCOMPARE(sc.region, QStringLiteral("eu-west-1"));
        QCOMPARE(sc.periodHours, 168);
        QCOMPARE(sc.notes, QString());
        QCOMPARE(sc.loadProfiles.size(), 1);
        QCOMPARE(sc.loadProfiles.at(0).hourly, (QList<double> { 0.5, 2.0 }));
        QCOMPARE(sc.services.size(), 1);
        QCOMPARE(sc.services.at(0).replicas, 4);
        QCOMPARE(sc.services.at(0).spotOk, true);
        QCOMPARE(sc.services.at(0).containers.size(), 1);
        QCOMPARE(sc.platform(PlatformId::EksNodes).clusters, 3);
        QCOMPARE(sc.platform(PlatformId::EksNodes).instanceTypes, QStringList { QStringLiteral("m7g.*") });
        QCOMPARE(sc.purchase.spotShare, 0.25);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTripDocumentIsLossless()
    {
        const Scenario sc = richScenario();
        QString error;
        QVERIFY2(writeScenarioDocument(sc, path(QStringLiteral("rich.fleetplan")), &error), qPrintable(error));
        const ScenarioReadResult r = readScenarioFile(path(QStringLiteral("rich.fleetplan")));
        QVERIFY2(r.ok() && r.diagnostics.isEmpty(), qPrintable(r.errorText()));
        QCOMPARE(*r.scenario, sc);
    }

    void jsonToDocumentToJson()
    {
        // JSON → document → JSON: the same bytes.
        const QByteArray json = scenarioToJson(richScenario());
        const ScenarioReadResult fromJson = scenarioFromJson(json);
        QVERIFY(fromJson.ok());
        QVERIFY(writeScenarioFile(*fromJson.scenario, path(QStringLiteral("j.fleetplan"))));
        const ScenarioReadResult doc = readScenarioFile(path(QStringLiteral("j.fleetplan")));
        QVERIFY(doc.ok());
        QCOMPARE(scenarioToJson(*doc.scenario), json);
    }

    void documentToJsonToDocument()
    {
        const Scenario sc = richScenario();
        QVERIFY(writeScenarioFile(sc, path(QStringLiteral("d1.fleetplan"))));
        const ScenarioReadResult d1 = readScenarioFile(path(QStringLiteral("d1.fleetplan")));
        QVERIFY(d1.ok());
        QVERIFY(writeScenarioFile(*d1.scenario, path(QStringLiteral("d1.json"))));
        const ScenarioReadResult j = readScenarioFile(path(QStringLiteral("d1.json")));
        QVERIFY2(j.ok() && j.diagnostics.isEmpty(), qPrintable(j.errorText()));
        QVERIFY(writeScenarioFile(*j.scenario, path(QStringLiteral("d2.fleetplan"))));
        const ScenarioReadResult d2 = readScenarioFile(path(QStringLiteral("d2.fleetplan")));
        QVERIFY(d2.ok());
        QCOMPARE(*d2.scenario, sc);
    }

    void headerCarriesIdAndVersionAndTablesAreProper()
    {
        const QString file = path(QStringLiteral("header.fleetplan"));
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), file));
        const QByteArray bytes = readAll(file);
        QVERIFY(bytes.startsWith(QByteArrayView("SQLite format 3\0", 16)));
        QCOMPARE(bytes.mid(68, 4), QByteArray("FLPN")); // PRAGMA application_id, big-endian
        QCOMPARE(bytes.mid(60, 4), QByteArray("\0\0\0", 3) + char(DocumentSchemaVersion)); // PRAGMA user_version
        QStringList tables;
        const QString name = QStringLiteral("inspect");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"), db);
            while (q.next())
                tables.append(q.value(0).toString());
            QSqlQuery services(QStringLiteral("SELECT name, replicas FROM services ORDER BY position LIMIT 1"), db);
            QVERIFY(services.next());
            QCOMPARE(services.value(0).toString(), QStringLiteral("web-frontend"));
            QCOMPARE(services.value(1).toInt(), 12);
            QSqlQuery hours(QStringLiteral("SELECT COUNT(*) FROM load_profile_hours"), db);
            QVERIFY(hours.next());
            QCOMPARE(hours.value(0).toInt(), 4 * 24);
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(tables,
            (QStringList { QStringLiteral("containers"), QStringLiteral("load_profile_hours"),
                QStringLiteral("load_profiles"), QStringLiteral("meta"), QStringLiteral("platform_instance_types"),
                QStringLiteral("platform_settings"), QStringLiteral("purchase"), QStringLiteral("reserved_instances"),
                QStringLiteral("savings_plans"), QStringLiteral("scenario"), QStringLiteral("scenario_blocks"),
                QStringLiteral("services") }));
    }

    void badFilesGiveClearErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("cannot open: ");
        QTest::newRow("empty") << QStringLiteral("empty")
                               << QStringLiteral("the file is empty: not a Fleetplan document");
        QTest::newRow("random binary") << QStringLiteral("random")
                                       << QStringLiteral("not a Fleetplan document: the file is not a SQLite database");
        QTest::newRow("JSON named .fleetplan")
            << QStringLiteral("json") << QStringLiteral("not a Fleetplan document: the file is not a SQLite database");
        QTest::newRow("foreign SQLite") << QStringLiteral("foreign")
                                        << QStringLiteral("not a Fleetplan document: a SQLite database of another "
                                                          "application (application_id 0x00000000, Fleetplan documents "
                                                          "have 0x464C504E)");
        QTest::newRow("truncated") << QStringLiteral("truncated")
                                   << QStringLiteral("the file is truncated: its header says ");
        QTest::newRow("corrupt pages") << QStringLiteral("corrupt") << QStringLiteral("the document is damaged");
        QTest::newRow("newer version") << QStringLiteral("newer")
                                       << QStringLiteral("written by a newer Fleetplan: document schema version %1, "
                                                         "this Fleetplan reads versions up to %2; update Fleetplan "
                                                         "to open it")
                                              .arg(DocumentSchemaVersion + 1)
                                              .arg(DocumentSchemaVersion);
    }
    void badFilesGiveClearErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        const QString file = path(kind + QStringLiteral(".fleetplan"));
        QFile::remove(file);
        const QString good = path(QStringLiteral("good-%1.fleetplan").arg(kind));
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), good));
        if (kind == QLatin1String("empty")) {
            writeAll(file, {});
        } else if (kind == QLatin1String("random")) {
            QByteArray bytes(4096, '\0');
            QRandomGenerator gen(42);
            for (char &c : bytes)
                c = char(gen.bounded(256));
            writeAll(file, bytes);
        } else if (kind == QLatin1String("json")) {
            writeAll(file, scenarioToJson(bundledSampleScenario()));
        } else if (kind == QLatin1String("foreign")) {
            rawSql(file,
                { QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)"),
                    QStringLiteral("INSERT INTO photos (path) VALUES ('a.jpg')") });
        } else if (kind == QLatin1String("truncated")) {
            const QByteArray bytes = readAll(good);
            QVERIFY(bytes.size() > 8192);
            writeAll(file, bytes.left(bytes.size() / 2));
        } else if (kind == QLatin1String("corrupt")) {
            // Keep the 100-byte header (id, version, size all fine) and overwrite every page after the first.
            QByteArray bytes = readAll(good);
            QRandomGenerator gen(7);
            for (qsizetype i = 4096; i < bytes.size(); ++i)
                bytes[i] = char(gen.bounded(256));
            writeAll(file, bytes);
        } else if (kind == QLatin1String("newer")) {
            QVERIFY(QFile::copy(good, file));
            rawSql(file, { QStringLiteral("PRAGMA user_version = %1").arg(DocumentSchemaVersion + 1) });
        }
        const QByteArray before = readAll(file);
        const ScenarioReadResult r = readScenarioFile(file);
        QVERIFY(!r.ok());
        QVERIFY(!r.scenario);
        QCOMPARE(r.diagnostics.size(), 1);
        const Diagnostic &d = r.diagnostics.constFirst();
        QVERIFY(d.isError());
        QCOMPARE(d.where, file);
        QVERIFY2(d.message.startsWith(expected), qPrintable(d.message));
        QCOMPARE(readAll(file), before); // reading never changes a file it refuses
        if (kind == QLatin1String("missing"))
            QVERIFY(!QFile::exists(file)); // nor creates one
    }

    void olderVersionIsReadWithoutTouchingTheFile()
    {
        QTemporaryDir dir; // a folder of its own, to see that nothing appears beside the file
        const QString file = dir.filePath(QStringLiteral("v1.fleetplan"));
        writeVersion1Document(file);
        backdate(file);
        const FileState before = stateOf(file);
        QCOMPARE(before.folder, QStringList { QStringLiteral("v1.fleetplan") });

        QHash<QString, QString> meta;
        const ScenarioReadResult r = readScenarioDocument(file, &meta);
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        QCOMPARE(r.errorText(),
            QStringLiteral("warning: %1: written by an older Fleetplan (document schema version 1); the file is "
                           "left as it is and saving it writes schema version %2")
                .arg(file)
                .arg(DocumentSchemaVersion));
        checkVersion1Content(*r.scenario);
        QVERIFY(meta.isEmpty()); // schema 1 has no meta table; the migrated copy's is empty
        // Reads never write: same bytes, same time, no backup or journal, still schema version 1.
        QVERIFY(stateOf(file) == before);
        QCOMPARE(userVersionOf(file), 1);

        // Read again: the same, since the file is still version 1 (no second backup either).
        const ScenarioReadResult again = readScenarioFile(file);
        QVERIFY(again.ok());
        QCOMPARE(*again.scenario, *r.scenario);
        QVERIFY(stateOf(file) == before);

        // Saving writes the current schema.
        QString error;
        QVERIFY2(writeScenarioDocument(*r.scenario, file, &error), qPrintable(error));
        QCOMPARE(userVersionOf(file), DocumentSchemaVersion);
        QCOMPARE(readAll(file).mid(60, 4), QByteArray("\0\0\0", 3) + char(DocumentSchemaVersion));
        const ScenarioReadResult saved = readScenarioFile(file);
        QVERIFY2(saved.ok() && saved.diagnostics.isEmpty(), qPrintable(saved.errorText()));
        QCOMPARE(*saved.scenario, *r.scenario);
    }

    // Schema 6 → 7 adds the App Runner instance size: a version-6 file (today's layout without the two
    // columns) reads with every size unset, the smallest that holds the task, as before.
    void version7DocumentReadsWithoutInstanceSizes()
    {
        const QString file = m_dir.filePath(QStringLiteral("v7.fleetplan"));
        Scenario sc = richScenario();
        QString error;
        QVERIFY2(writeScenarioDocument(sc, file, &error), qPrintable(error));
        rawSql(file,
            { QStringLiteral("ALTER TABLE services DROP COLUMN app_runner_vcpu"),
                QStringLiteral("ALTER TABLE services DROP COLUMN app_runner_memory_gb"),
                QStringLiteral("PRAGMA user_version = 7") });
        const ScenarioReadResult r = readScenarioDocument(file);
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        QVERIFY(r.errorText().contains(QStringLiteral("document schema version 7")));
        for (Service &s : sc.services)
            s.appRunnerSize = {};
        QCOMPARE(*r.scenario, sc);
    }

    void olderVersionWithAnOddNameIsRead()
    {
        // The in-memory copy ATTACHes the file by URI: characters a URI escapes must survive.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("a folder #2 ?")));
        const QString file = dir.filePath(QStringLiteral("a folder #2 ?/shop 50% é&x=1.fleetplan"));
        writeVersion1Document(file);
        const FileState before = stateOf(file);
        const ScenarioReadResult r = readScenarioFile(file);
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        checkVersion1Content(*r.scenario);
        QVERIFY(stateOf(file) == before);
    }

    void readOnlyDocumentsOpen()
    {
        // A current and an older document, write-protected, in a write-protected folder.
        QTemporaryDir dir;
        const QString current = dir.filePath(QStringLiteral("current.fleetplan"));
        const QString old = dir.filePath(QStringLiteral("v1.fleetplan"));
        QString error;
        QVERIFY2(writeScenarioDocument(richScenario(), current, &error), qPrintable(error));
        writeVersion1Document(old);
        const QFile::Permissions readOnly = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
        QVERIFY(QFile::setPermissions(current, readOnly));
        QVERIFY(QFile::setPermissions(old, readOnly));
        QVERIFY(QFile::setPermissions(dir.path(), readOnly | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther));
        const FileState currentBefore = stateOf(current);
        const FileState oldBefore = stateOf(old);

        const ScenarioReadResult a = readScenarioFile(current);
        const ScenarioReadResult b = readScenarioFile(old);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY2(a.ok() && a.diagnostics.isEmpty(), qPrintable(a.errorText()));
        QCOMPARE(*a.scenario, richScenario());
        QVERIFY2(b.ok(), qPrintable(b.errorText()));
        checkVersion1Content(*b.scenario);
        QVERIFY(stateOf(current) == currentBefore);
        QVERIFY(stateOf(old) == oldBefore);
    }

    void damagedOlderVersionIsRefusedAndLeftAlone()
    {
        // Schema 1 without the scenario table: refused by the schema check before any migration; the file stays.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("v1-broken.fleetplan"));
        writeVersion1Document(file);
        rawSql(file, { QStringLiteral("DROP TABLE scenario") });
        const FileState before = stateOf(file);
        const ScenarioReadResult r = readScenarioFile(file);
        QVERIFY(!r.ok());
        QVERIFY2(
            r.errorText().startsWith(QStringLiteral("error: %1: not a Fleetplan document: its schema is not the one "
                                                    "Fleetplan writes for version 1 (it lacks table scenario(")
                                         .arg(file)),
            qPrintable(r.errorText()));
        QVERIFY2(r.errorText().endsWith(QStringLiteral("nothing in it was read")), qPrintable(r.errorText()));
        QVERIFY(stateOf(file) == before);
    }

    void hostileSchemaIsRefusedWithoutRunningItsSql_data()
    {
        // Issue 15: a .fleetplan file is a SQLite database its author controls. A view in place of a
        // table would be read as the table (serving other rows, or a recursive CTE that never ends); a
        // trigger or an extra table is not what Fleetplan writes.
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<QString>("named");
        QTest::newRow("view named services with an endless recursive CTE")
            << QStringList { QStringLiteral("DROP TABLE containers"), QStringLiteral("DROP TABLE services"),
                   QStringLiteral("CREATE VIEW services AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                  "FROM n) SELECT i AS position, 'x' AS name FROM n") }
            << QStringLiteral("view services");
        QTest::newRow("trigger") << QStringList {
            QStringLiteral("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM services; END")
        } << QStringLiteral("trigger t on meta");
        QTest::newRow("extra table") << QStringList { QStringLiteral("CREATE TABLE payload (x BLOB)") }
                                     << QStringLiteral("table payload(");
        QTest::newRow("extra column") << QStringList { QStringLiteral("ALTER TABLE services ADD COLUMN evil TEXT") }
                                      << QStringLiteral("table services(");
    }

    void hostileSchemaIsRefusedWithoutRunningItsSql()
    {
        QFETCH(QStringList, sql);
        QFETCH(QString, named);
        const QString file = path(QStringLiteral("hostile.fleetplan"));
        QFile::remove(file);
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), file));
        rawSql(file, sql);
        const FileState before = stateOf(file);
        const ScenarioReadResult r = readScenarioFile(file);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorText().contains(QStringLiteral("its schema is not the one Fleetplan writes")),
            qPrintable(r.errorText()));
        QVERIFY2(r.errorText().contains(named), qPrintable(r.errorText()));
        QVERIFY(stateOf(file) == before);
    }

    /// Behind the schema check, every document connection is opened as SQLite's "Defense against the dark
    /// arts" advises (issue 15): views and triggers cannot run even if one got in, and an endless query (the
    /// recursive CTE of a hostile view) is interrupted by the step budget instead of running for ever.
    void documentConnectionsRunNoViewTriggerOrEndlessQuery()
    {
        using fleetplan::models::documentsql::Connection;
        Connection c(QString(), Connection::Mode::Memory);
        QVERIFY2(c.isOpen(), qPrintable(c.openError()));
        QSqlQuery q(c.db());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE services (name TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO services VALUES ('web')")));
        QVERIFY(q.exec(QStringLiteral("CREATE VIEW spoof AS SELECT 'evil' AS name")));
        QVERIFY(!q.exec(QStringLiteral("SELECT name FROM spoof")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("prohibited")), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER t AFTER INSERT ON services BEGIN "
                                      "INSERT INTO services VALUES ('again'); END")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO services VALUES ('api')")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM services")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // the trigger did not fire

        c.limitSteps(20'000'000);
        QVERIFY(!c.tooManySteps());
        QVERIFY(!q.exec(QStringLiteral("WITH RECURSIVE forever(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM forever) "
                                       "SELECT count(*) FROM forever")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("interrupt")), qPrintable(q.lastError().text()));
        QVERIFY(c.tooManySteps());
        QVERIFY(c.steps() < 20'100'000);
    }

    /// SQLite integers are 64-bit: a period of 4294967304 hours (2^32 + 8) was read as 8 (issue 15).
    void integersBeyondIntAreRefused()
    {
        const QString file = path(QStringLiteral("wide.fleetplan"));
        QFile::remove(file);
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), file));
        rawSql(file,
            { QStringLiteral("UPDATE scenario SET period_hours = 4294967304"),
                QStringLiteral("UPDATE services SET replicas = 4294967297 WHERE position = 0") });
        const ScenarioReadResult r = readScenarioFile(file);
        QVERIFY(!r.ok());
        QCOMPARE(r.errorText(),
            QStringLiteral("error: %1:period: must be a whole number from -2147483648 to 2147483647, found 4294967304\n"
                           "error: %1:services[0].replicas: must be a whole number from -2147483648 to 2147483647, "
                           "found 4294967297")
                .arg(file));
    }

    void failedSaveKeepsTheOldFile()
    {
        const QString file = path(QStringLiteral("keep.fleetplan"));
        const Scenario old = bundledSampleScenario();
        QVERIFY(writeScenarioDocument(old, file));
        const QByteArray before = readAll(file);
        const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);

        Scenario big = richScenario();
        for (int i = 0; i < 600; ++i) {
            Service s = big.services.at(0);
            s.name = QStringLiteral("svc-%1").arg(i);
            big.services.append(s);
        }
        // Make the write itself fail: with RLIMIT_FSIZE, write(2) past 24 KiB fails with EFBIG (as a full
        // disk fails with ENOSPC); SIGXFSZ is ignored so the process survives to report it.
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved {};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &saved) == 0);
        rlimit limited = saved;
        limited.rlim_cur = 24 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        QString error;
        const bool written = writeScenarioDocument(big, file, &error);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!written);
        QVERIFY2(error.startsWith(QStringLiteral("cannot save %1: ").arg(file)), qPrintable(error));
        QVERIFY2(error.endsWith(QStringLiteral("; the previous file was kept")), qPrintable(error));
        QCOMPARE(readAll(file), before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), filesBefore); // temp files removed
        const ScenarioReadResult r = readScenarioFile(file);
        QVERIFY(r.ok());
        QCOMPARE(*r.scenario, old);

        // Without the limit the same save succeeds.
        QVERIFY2(writeScenarioDocument(big, file, &error), qPrintable(error));
        QCOMPARE(readScenarioFile(file).scenario->services.size(), big.services.size());
    }

    void saveIntoMissingFolderSaysSo()
    {
        const QString file = path(QStringLiteral("no/such/folder/x.fleetplan"));
        QString error;
        QVERIFY(!writeScenarioDocument(bundledSampleScenario(), file, &error));
        QCOMPARE(error,
            QStringLiteral("cannot save %1: the folder %2 does not exist")
                .arg(file, path(QStringLiteral("no/such/folder"))));
    }

    void saveThroughSymlinkKeepsTheLink()
    {
        const QString real = path(QStringLiteral("real.fleetplan"));
        const QString link = path(QStringLiteral("link.fleetplan"));
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), real));
        QVERIFY(QFile::link(real, link));
        Scenario changed = bundledSampleScenario();
        changed.name = QStringLiteral("through the link");
        QString error;
        QVERIFY2(writeScenarioDocument(changed, link, &error), qPrintable(error));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(readScenarioFile(real).scenario->name, QStringLiteral("through the link"));
    }

    void keepsPermissionsOfTheReplacedFile()
    {
        const QString file = path(QStringLiteral("perm.fleetplan"));
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), file));
        QCOMPARE(QFile::permissions(file) & (QFile::ReadOther | QFile::WriteOther | QFile::ReadGroup),
            QFile::ReadOther | QFile::ReadGroup); // rw-r--r-- for a new document
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), file));
        QCOMPARE(QFile::permissions(file) & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    }

    void metaTableKeepsCallerValues()
    {
        const QString file = path(QStringLiteral("meta.fleetplan"));
        QVERIFY(writeScenarioDocument(bundledSampleScenario(), file, nullptr,
            { { QStringLiteral("recovery_of"), QStringLiteral("/x/y.fleetplan") } }));
        QHash<QString, QString> meta;
        QVERIFY(readScenarioDocument(file, &meta).ok());
        QCOMPARE(meta.value(QStringLiteral("recovery_of")), QStringLiteral("/x/y.fleetplan"));
        QCOMPARE(meta.value(QStringLiteral("writer")), QStringLiteral("fleetplan " FLEETPLAN_VERSION));
        QVERIFY(QDateTime::fromString(meta.value(QStringLiteral("saved_at")), Qt::ISODate).isValid());
    }
};

QTEST_GUILESS_MAIN(TestScenarioDocument)
#include "tst_scenariodocument.moc"
