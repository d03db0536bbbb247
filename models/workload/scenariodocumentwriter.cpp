// SPDX-License-Identifier: GPL-3.0-or-later
// The writer of the `.fleetplan` document (scenariodocument.h): the whole scenario into a fresh
// temporary file, inside one transaction, then replaceFile() over the target (atomicwrite.h).
#include "models/workload/scenariodocument.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QVariant>

#include "models/atomicwrite.h"
#include "models/workload/documentschema.h"
#include "models/workload/platformfields.h"
#include "models/workload/scenariojson.h"

#include <QJsonDocument>

namespace fleetplan::models {

using namespace documentsql;

namespace {

struct PlatformRowWriter
{
    QSqlQuery &settings;
    QSqlQuery &types;
    QString platform;
    void put(const char16_t *key, const QVariant &value)
    {
        settings.bindValue(0, platform);
        settings.bindValue(1, QString::fromUtf16(key));
        settings.bindValue(2, value);
        exec(settings, QStringLiteral("writing setting %1 of platform %2").arg(QString::fromUtf16(key), platform));
    }
    void boolean(const char16_t *k, bool &v) { put(k, v ? 1 : 0); }
    void flag(const char16_t *k, bool &v)
    {
        if (v)
            put(k, 1);
    }
    void number(const char16_t *k, double &v) { put(k, v); }
    void integer(const char16_t *k, int &v) { put(k, v); }
    void stringList(const char16_t *, QStringList &list)
    {
        for (qsizetype i = 0; i < list.size(); ++i) {
            types.bindValue(0, platform);
            types.bindValue(1, int(i));
            types.bindValue(2, text(list.at(i)));
            exec(types, QStringLiteral("writing instance types of platform %1").arg(platform));
        }
    }
};

void writeContent(const QSqlDatabase &db, const Scenario &sc, const QHash<QString, QString> &meta)
{
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO scenario (id, name, region, period_hours, period_in_days, notes) "
                                 "VALUES (1, ?, ?, ?, ?, ?)"));
        q.addBindValue(text(sc.name));
        q.addBindValue(text(sc.region));
        q.addBindValue(sc.periodHours);
        q.addBindValue(sc.periodInDays ? 1 : 0);
        q.addBindValue(text(sc.notes));
        exec(q, QStringLiteral("writing the scenario"));
    }
    {
        QSqlQuery profile(db);
        profile.prepare(QStringLiteral("INSERT INTO load_profiles (position, name) VALUES (?, ?)"));
        QSqlQuery hour(db);
        hour.prepare(QStringLiteral("INSERT INTO load_profile_hours (profile, hour, multiplier) VALUES (?, ?, ?)"));
        for (qsizetype i = 0; i < sc.loadProfiles.size(); ++i) {
            const LoadProfile &lp = sc.loadProfiles.at(i);
            profile.bindValue(0, int(i));
            profile.bindValue(1, text(lp.name));
            exec(profile, QStringLiteral("writing load profile \"%1\"").arg(lp.name));
            for (qsizetype h = 0; h < lp.hourly.size(); ++h) {
                hour.bindValue(0, int(i));
                hour.bindValue(1, int(h));
                hour.bindValue(2, lp.hourly.at(h));
                exec(hour, QStringLiteral("writing load profile \"%1\"").arg(lp.name));
            }
        }
    }
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO services (position, name, kind, cpu, memory_mib, ephemeral_gib, arch, os, replicas, "
            "min_replicas, max_replicas, load_profile, runs_per_day, run_seconds, spot_ok, network_mode, host_port, "
            "source, gpus, accelerator, no_memory_request, requests_per_second, request_ms, concurrent_requests, "
            "one_per_node, deployment, app_runner_vcpu, app_runner_memory_gb) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery c(db);
        c.prepare(QStringLiteral("INSERT INTO containers (service, position, name, cpu, memory_mib, init) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < sc.services.size(); ++i) {
            const Service &s = sc.services.at(i);
            const QList<QVariant> values { int(i), text(s.name), toId(s.kind), s.effectiveCpu(), s.effectiveMemoryMib(),
                s.ephemeralGib, toId(s.arch), toId(s.os), s.replicas, s.minReplicas, s.maxReplicas, text(s.loadProfile),
                s.runsPerDay, s.runSeconds, s.spotOk ? 1 : 0, toId(s.networkMode), s.hostPort, text(s.source), s.gpus,
                toId(s.accelerator), s.noMemoryRequest ? 1 : 0, s.requestsPerSecond, s.requestMillis,
                s.concurrentRequests, s.onePerNode ? 1 : 0,
                text(s.deployment.isDefault()
                        ? QString()
                        : QString::fromUtf8(
                            QJsonDocument(deploymentToJson(s.deployment)).toJson(QJsonDocument::Compact))),
                s.appRunnerSize.vcpu, s.appRunnerSize.memoryGb };
            for (qsizetype v = 0; v < values.size(); ++v)
                q.bindValue(int(v), values.at(v));
            exec(q, QStringLiteral("writing service \"%1\"").arg(s.name));
            for (qsizetype k = 0; k < s.containers.size(); ++k) {
                const Container &ct = s.containers.at(k);
                const QList<QVariant> cv { int(i), int(k), text(ct.name), ct.cpu, ct.memoryMib, ct.init ? 1 : 0 };
                for (qsizetype v = 0; v < cv.size(); ++v)
                    c.bindValue(int(v), cv.at(v));
                exec(c, QStringLiteral("writing container \"%1\" of service \"%2\"").arg(ct.name, s.name));
            }
        }
    }
    {
        QSqlQuery settings(db);
        settings.prepare(QStringLiteral("INSERT INTO platform_settings (platform, key, value) VALUES (?, ?, ?)"));
        QSqlQuery types(db);
        types.prepare(
            QStringLiteral("INSERT INTO platform_instance_types (platform, position, pattern) VALUES (?, ?, ?)"));
        for (PlatformId id : AllPlatforms) {
            PlatformSettings copy = sc.platform(id);
            visitAllPlatformFields(id, copy, PlatformRowWriter { settings, types, toId(id) });
        }
    }
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO purchase (id, spot_share, savings_plan_usd_per_hour, savings_plan_type, "
                                 "savings_plan_term_years, savings_plan_payment) VALUES (1, ?, ?, ?, ?, ?)"));
        q.addBindValue(sc.purchase.spotShare);
        q.addBindValue(sc.purchase.savingsPlanUsdPerHour);
        q.addBindValue(toId(sc.purchase.savingsPlanType));
        q.addBindValue(sc.purchase.savingsPlanTermYears);
        q.addBindValue(text(sc.purchase.savingsPlanPayment));
        exec(q, QStringLiteral("writing purchase options"));
    }
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO reserved_instances (position, instance_type, region, count, term_years, "
                                 "payment, offering_class) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < sc.commitments.reservedInstances.size(); ++i) {
            const ReservedInstanceHolding &ri = sc.commitments.reservedInstances.at(i);
            q.addBindValue(int(i));
            q.addBindValue(text(ri.instanceType));
            q.addBindValue(text(ri.region));
            q.addBindValue(ri.count);
            q.addBindValue(ri.termYears);
            q.addBindValue(text(ri.payment));
            q.addBindValue(toId(ri.offeringClass));
            exec(q, QStringLiteral("writing reserved instance %1").arg(i));
        }
    }
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO savings_plans (position, type, family, region, usd_per_hour, term_years, "
                                 "payment) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < sc.commitments.savingsPlans.size(); ++i) {
            const SavingsPlanHolding &sp = sc.commitments.savingsPlans.at(i);
            q.addBindValue(int(i));
            q.addBindValue(toId(sp.type));
            q.addBindValue(text(sp.family));
            q.addBindValue(text(sp.region));
            q.addBindValue(sp.usdPerHour);
            q.addBindValue(sp.termYears);
            q.addBindValue(text(sp.payment));
            exec(q, QStringLiteral("writing savings plan %1").arg(i));
        }
    }
    {
        // Only the blocks that are set, as in JSON.
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO scenario_blocks (name, json) VALUES (?, ?)"));
        const auto put = [&q](const QString &name, const QJsonObject &object) {
            q.bindValue(0, name);
            q.bindValue(1, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
            exec(q, QStringLiteral("writing the %1 block").arg(name));
        };
        if (sc.registry != RegistrySettings {})
            put(QStringLiteral("registry"), registryToJson(sc.registry));
        if (sc.network != NetworkSettings {})
            put(QStringLiteral("network"), networkToJson(sc.network));
    }
    {
        QHash<QString, QString> all = meta;
        all.insert(QStringLiteral("writer"), QStringLiteral("fleetplan " FLEETPLAN_VERSION));
        all.insert(QStringLiteral("saved_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            q.bindValue(0, text(it.key()));
            q.bindValue(1, text(it.value()));
            exec(q, QStringLiteral("writing document information"));
        }
    }
}

} // namespace

bool writeScenarioDocument(
    const Scenario &scenario, const QString &path, QString *error, const QHash<QString, QString> &meta)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    // Saving through a symbolic link replaces the file it points to, not the link (as QSaveFile does).
    const QFileInfo link(path);
    const QFileInfo target(link.isSymLink() ? link.symLinkTarget() : path);
    if (!target.absoluteDir().exists())
        return fail(QStringLiteral("cannot save %1: the folder %2 does not exist").arg(path, target.absolutePath()));
    if (target.isDir())
        return fail(QStringLiteral("cannot save %1: it is a folder").arg(path));
    if (isWriteProtected(target))
        return fail(QStringLiteral("cannot save %1: the file is write-protected; it was not replaced").arg(path));

    QString tempPath;
    {
        // A short fixed name (not the target's + a suffix): a 250-character document name stays savable.
        QTemporaryFile temp(temporaryFileTemplate(target.absolutePath()));
        temp.setAutoRemove(false);
        if (!temp.open())
            return fail(QStringLiteral("cannot save %1: cannot create a temporary file in %2: %3")
                            .arg(path, target.absolutePath(), temp.errorString()));
        tempPath = temp.fileName();
    }
    const auto removeTemp = [&tempPath] {
        QFile::remove(tempPath);
        QFile::remove(tempPath + QStringLiteral("-journal"));
    };

    QString failure;
    {
        Connection c(tempPath, Connection::Mode::ReadWrite);
        if (!c.isOpen()) {
            failure = QStringLiteral("opening the temporary file: ") + c.openError();
        } else {
            QSqlDatabase db = c.db();
            try {
                exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("enabling foreign keys"));
                exec(db, QStringLiteral("PRAGMA application_id = %1").arg(DocumentApplicationId),
                    QStringLiteral("setting the application id"));
                inTransaction(db, QStringLiteral("the transaction"), [&] {
                    migrate(db, 0); // the schema is built by the migrations only
                    writeContent(db, scenario, meta);
                });
            } catch (const SqlFailure &f) {
                failure = f.message;
            }
        }
    }
    if (!failure.isEmpty()) {
        removeTemp();
        return fail(QStringLiteral("cannot save %1: %2; the previous file was kept").arg(path, failure));
    }
    // Keep the permissions of the file being replaced; a new document gets rw-r--r--.
    const QString finalPath = target.absoluteFilePath();
    QFile::setPermissions(tempPath, replacementPermissions(target));
    QString reason;
    if (!replaceFile(tempPath, finalPath, &reason)) {
        removeTemp();
        return fail(QStringLiteral("cannot save %1: replacing the file failed: %2; the previous file was kept")
                        .arg(path, reason));
    }
    return true;
}

} // namespace fleetplan::models
