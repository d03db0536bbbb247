// SPDX-License-Identifier: GPL-3.0-or-later
// The reader of the `.fleetplan` document (scenariodocument.h). Reading never writes: the file is
// opened read-only, and a document of an older schema version is copied into an in-memory database,
// migrated there and read from it; the file itself changes only when it is saved again.
#include "models/workload/scenariodocument.h"

#include <limits>

#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "models/boundedread.h"
#include "models/workload/documentschema.h"
#include "models/workload/platformfields.h"
#include "models/workload/scenariojson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fleetplan::models {

using namespace documentsql;

namespace {

/// Collects diagnostics for one file, prefixing the file name.
struct Reader
{
    QString path;
    QList<Diagnostic> &diags;
    void error(const QString &where, const QString &message)
    {
        diags.append({ Diagnostic::Severity::Error, where.isEmpty() ? path : path + u':' + where, message });
    }
    void warn(const QString &where, const QString &message)
    {
        diags.append({ Diagnostic::Severity::Warning, where.isEmpty() ? path : path + u':' + where, message });
    }
};

/// An integer column read into an int. SQLite integers are 64-bit: QVariant::toInt() would keep the low
/// 32 bits (4294967304 hours would be read as 8), so a value outside int is an error naming the field.
/// NULL reads as 0, as before.
int readWhole(Reader &r, const QString &where, const QVariant &value)
{
    if (value.isNull())
        return 0;
    bool ok = false;
    const qlonglong n = value.toLongLong(&ok);
    const double d = value.toDouble();
    if (!ok || n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max() || double(n) != d) {
        r.error(where,
            QStringLiteral("must be a whole number from %1 to %2, found %3")
                .arg(std::numeric_limits<int>::min())
                .arg(std::numeric_limits<int>::max())
                .arg(value.toString()));
        return 0;
    }
    return int(n);
}

template <typename Enum>
void readEnum(Reader &r, const QString &where, const QString &text, Enum &out,
    std::optional<Enum> (*parse)(const QString &), const QString &allowed)
{
    if (const auto v = parse(text))
        out = *v;
    else
        r.error(where, QStringLiteral("unknown value \"%1\" (expected %2)").arg(text, allowed));
}

struct PlatformRowReader
{
    Reader &r;
    const QHash<QString, QVariant> &values;
    QStringList instanceTypes;
    QString platform;
    QSet<QString> &seen;
    QString where(const char16_t *k) const
    {
        return QStringLiteral("platforms.%1.%2").arg(platform, QString::fromUtf16(k));
    }
    const QVariant *find(const char16_t *k)
    {
        const QString key = QString::fromUtf16(k);
        seen.insert(key);
        const auto it = values.constFind(key);
        return it == values.cend() ? nullptr : &*it;
    }
    void boolean(const char16_t *k, bool &out)
    {
        if (const QVariant *v = find(k))
            out = v->toLongLong() != 0;
    }
    void flag(const char16_t *k, bool &out) { boolean(k, out); }
    void number(const char16_t *k, double &out)
    {
        if (const QVariant *v = find(k)) {
            bool ok = false;
            const double d = v->toDouble(&ok);
            if (ok)
                out = d;
            else
                r.error(where(k), QStringLiteral("must be a number, found \"%1\"").arg(v->toString()));
        }
    }
    void integer(const char16_t *k, int &out)
    {
        if (const QVariant *v = find(k))
            out = readWhole(r, where(k), *v);
    }
    void stringList(const char16_t *k, QStringList &out)
    {
        seen.insert(QString::fromUtf16(k));
        out = instanceTypes;
    }
};

void readContent(const QSqlDatabase &db, Scenario &sc, Reader &r, QHash<QString, QString> *meta)
{
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(
                QStringLiteral("SELECT name, region, period_hours, period_in_days, notes FROM scenario WHERE id = 1")))
            throw SqlFailure { QStringLiteral("reading table scenario: ") + q.lastError().text() };
        if (!q.next()) {
            r.error(QStringLiteral("scenario"), QStringLiteral("the document has no scenario row"));
            return;
        }
        sc.name = q.value(0).toString();
        sc.region = q.value(1).toString();
        sc.periodHours = readWhole(r, QStringLiteral("period"), q.value(2));
        sc.periodInDays = q.value(3).toLongLong() != 0;
        sc.notes = q.value(4).toString();
    }
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(
                QStringLiteral("SELECT p.position, p.name, h.hour, h.multiplier FROM load_profiles p "
                               "LEFT JOIN load_profile_hours h ON h.profile = p.position ORDER BY p.position, h.hour")))
            throw SqlFailure { QStringLiteral("reading table load_profiles: ") + q.lastError().text() };
        int current = -1;
        while (q.next()) {
            const int position = q.value(0).toInt();
            if (position != current) {
                current = position;
                sc.loadProfiles.append(LoadProfile { q.value(1).toString(), {} });
            }
            if (!q.value(2).isNull()) {
                LoadProfile &lp = sc.loadProfiles.last();
                if (q.value(2).toInt() != lp.hourly.size())
                    r.error(QStringLiteral("load_profiles[%1].hourly").arg(sc.loadProfiles.size() - 1),
                        QStringLiteral("hour %1 is missing from table load_profile_hours").arg(lp.hourly.size()));
                lp.hourly.append(q.value(3).toDouble());
            }
        }
    }
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral(
                "SELECT name, kind, cpu, memory_mib, ephemeral_gib, arch, os, replicas, min_replicas, max_replicas, "
                "load_profile, runs_per_day, run_seconds, spot_ok, network_mode, host_port, source, position, gpus, "
                "accelerator, no_memory_request, requests_per_second, request_ms, concurrent_requests, one_per_node, "
                "deployment, app_runner_vcpu, app_runner_memory_gb FROM services "
                "ORDER BY position")))
            throw SqlFailure { QStringLiteral("reading table services: ") + q.lastError().text() };
        QHash<int, int> indexOfPosition;
        while (q.next()) {
            Service s;
            const QString where = QStringLiteral("services[%1]").arg(sc.services.size());
            s.name = q.value(0).toString();
            readEnum(r, where + QStringLiteral(".kind"), q.value(1).toString(), s.kind, &serviceKindFromId,
                QStringLiteral("service, daemon or job"));
            s.cpu = q.value(2).toDouble();
            s.memoryMib = q.value(3).toDouble();
            s.ephemeralGib = q.value(4).toDouble();
            readEnum(r, where + QStringLiteral(".arch"), q.value(5).toString(), s.arch, &archFromId,
                QStringLiteral("x86_64 or arm64"));
            readEnum(r, where + QStringLiteral(".os"), q.value(6).toString(), s.os, &osFromId,
                QStringLiteral("linux or windows"));
            s.replicas = readWhole(r, where + QStringLiteral(".replicas"), q.value(7));
            s.minReplicas = readWhole(r, where + QStringLiteral(".min_replicas"), q.value(8));
            s.maxReplicas = readWhole(r, where + QStringLiteral(".max_replicas"), q.value(9));
            s.loadProfile = q.value(10).toString();
            s.runsPerDay = readWhole(r, where + QStringLiteral(".runs_per_day"), q.value(11));
            s.runSeconds = readWhole(r, where + QStringLiteral(".run_seconds"), q.value(12));
            s.spotOk = q.value(13).toLongLong() != 0;
            readEnum(r, where + QStringLiteral(".network_mode"), q.value(14).toString(), s.networkMode,
                &networkModeFromId, QStringLiteral("awsvpc, bridge or host"));
            s.hostPort = readWhole(r, where + QStringLiteral(".host_port"), q.value(15));
            s.source = q.value(16).toString();
            s.gpus = readWhole(r, where + QStringLiteral(".gpus"), q.value(18));
            readEnum(r, where + QStringLiteral(".accelerator"), q.value(19).toString(), s.accelerator,
                &acceleratorFromId, QStringLiteral("nvidia or neuron"));
            s.noMemoryRequest = q.value(20).toLongLong() != 0;
            s.requestsPerSecond = q.value(21).toDouble();
            s.requestMillis = q.value(22).toDouble();
            s.concurrentRequests = q.value(23).toDouble();
            s.onePerNode = q.value(24).toLongLong() != 0;
            if (const QString deployment = q.value(25).toString(); !deployment.isEmpty()) {
                const QJsonDocument doc = QJsonDocument::fromJson(deployment.toUtf8());
                QList<Diagnostic> found;
                if (!doc.isObject())
                    r.error(
                        where + QStringLiteral(".deployment"), QStringLiteral("the stored block is not a JSON object"));
                else
                    deploymentFromJson(doc.object(), where + QStringLiteral(".deployment"), s.deployment, found);
                for (const Diagnostic &d : std::as_const(found)) {
                    if (d.isError())
                        r.error(d.where, d.message);
                    else
                        r.warn(d.where, d.message);
                }
            }
            s.appRunnerSize.vcpu = q.value(26).toDouble();
            s.appRunnerSize.memoryGb = q.value(27).toDouble();
            indexOfPosition.insert(q.value(17).toInt(), int(sc.services.size()));
            sc.services.append(s);
        }
        QSqlQuery c(db);
        c.setForwardOnly(true);
        if (!c.exec(QStringLiteral(
                "SELECT service, name, cpu, memory_mib, init FROM containers ORDER BY service, position")))
            throw SqlFailure { QStringLiteral("reading table containers: ") + c.lastError().text() };
        while (c.next()) {
            const int index = indexOfPosition.value(c.value(0).toInt(), -1);
            if (index < 0) {
                r.error(QStringLiteral("containers"),
                    QStringLiteral("container \"%1\" belongs to no service").arg(c.value(1).toString()));
                continue;
            }
            sc.services[index].containers.append(Container {
                c.value(1).toString(), c.value(2).toDouble(), c.value(3).toDouble(), c.value(4).toLongLong() != 0 });
        }
        // As in JSON: a service built from containers has the derived size.
        for (Service &s : sc.services) {
            if (!s.containers.isEmpty()) {
                s.cpu = s.effectiveCpu();
                s.memoryMib = s.effectiveMemoryMib();
            }
        }
    }
    {
        QHash<QString, QHash<QString, QVariant>> settings;
        QHash<QString, QStringList> types;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT platform, key, value FROM platform_settings")))
            throw SqlFailure { QStringLiteral("reading table platform_settings: ") + q.lastError().text() };
        while (q.next())
            settings[q.value(0).toString()].insert(q.value(1).toString(), q.value(2));
        QSqlQuery t(db);
        t.setForwardOnly(true);
        if (!t.exec(
                QStringLiteral("SELECT platform, pattern FROM platform_instance_types ORDER BY platform, position")))
            throw SqlFailure { QStringLiteral("reading table platform_instance_types: ") + t.lastError().text() };
        while (t.next())
            types[t.value(0).toString()].append(t.value(1).toString());
        QStringList platforms = settings.keys() + types.keys();
        platforms.removeDuplicates();
        platforms.sort();
        for (const QString &name : std::as_const(platforms)) {
            const auto id = platformFromId(name);
            if (!id) {
                r.warn(QStringLiteral("platforms.") + name, QStringLiteral("unknown platform, ignored"));
                continue;
            }
            QSet<QString> seen;
            const QHash<QString, QVariant> values = settings.value(name);
            PlatformRowReader reader { r, values, types.value(name), name, seen };
            visitAllPlatformFields(*id, sc.platform(*id), reader);
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                if (!seen.contains(it.key()))
                    r.warn(QStringLiteral("platforms.%1.%2").arg(name, it.key()),
                        QStringLiteral("unknown setting, ignored"));
            }
        }
    }
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT name, json FROM scenario_blocks ORDER BY name")))
            throw SqlFailure { QStringLiteral("reading table scenario_blocks: ") + q.lastError().text() };
        while (q.next()) {
            const QString name = q.value(0).toString();
            const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toString().toUtf8());
            if (!doc.isObject()) {
                r.error(name, QStringLiteral("the stored block is not a JSON object"));
                continue;
            }
            QList<Diagnostic> found;
            if (name == u"registry")
                registryFromJson(doc.object(), name, sc.registry, found);
            else if (name == u"network")
                networkFromJson(doc.object(), name, sc.network, found);
            else
                r.warn(name, QStringLiteral("unknown block, ignored"));
            for (const Diagnostic &d : std::as_const(found)) {
                if (d.isError())
                    r.error(d.where, d.message);
                else
                    r.warn(d.where, d.message);
            }
        }
    }
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT spot_share, savings_plan_usd_per_hour, savings_plan_type, "
                                   "savings_plan_term_years, savings_plan_payment FROM purchase WHERE id = 1")))
            throw SqlFailure { QStringLiteral("reading table purchase: ") + q.lastError().text() };
        if (q.next()) {
            sc.purchase.spotShare = q.value(0).toDouble();
            sc.purchase.savingsPlanUsdPerHour = q.value(1).toDouble();
            readEnum(r, QStringLiteral("purchase.savings_plan_type"), q.value(2).toString(),
                sc.purchase.savingsPlanType, &savingsPlanTypeFromId, QStringLiteral("compute or ec2-instance"));
            sc.purchase.savingsPlanTermYears
                = readWhole(r, QStringLiteral("purchase.savings_plan_term_years"), q.value(3));
            sc.purchase.savingsPlanPayment = q.value(4).toString();
        }
    }
    {
        // Schema 3 (older documents are migrated in memory first: the tables exist, empty).
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT instance_type, region, count, term_years, payment, offering_class FROM "
                                   "reserved_instances ORDER BY position")))
            throw SqlFailure { QStringLiteral("reading table reserved_instances: ") + q.lastError().text() };
        while (q.next()) {
            ReservedInstanceHolding ri;
            ri.instanceType = q.value(0).toString();
            ri.region = q.value(1).toString();
            const QString where = QStringLiteral("existing_commitments.reserved_instances[%1]")
                                      .arg(sc.commitments.reservedInstances.size());
            ri.count = readWhole(r, where + QStringLiteral(".count"), q.value(2));
            ri.termYears = readWhole(r, where + QStringLiteral(".term_years"), q.value(3));
            ri.payment = q.value(4).toString();
            readEnum(r,
                QStringLiteral("existing_commitments.reserved_instances[%1].offering_class")
                    .arg(sc.commitments.reservedInstances.size()),
                q.value(5).toString(), ri.offeringClass, &offeringClassFromId,
                QStringLiteral("standard or convertible"));
            sc.commitments.reservedInstances.append(ri);
        }
        if (!q.exec(QStringLiteral("SELECT type, family, region, usd_per_hour, term_years, payment FROM savings_plans "
                                   "ORDER BY position")))
            throw SqlFailure { QStringLiteral("reading table savings_plans: ") + q.lastError().text() };
        while (q.next()) {
            SavingsPlanHolding sp;
            readEnum(r,
                QStringLiteral("existing_commitments.savings_plans[%1].type").arg(sc.commitments.savingsPlans.size()),
                q.value(0).toString(), sp.type, &savingsPlanTypeFromId, QStringLiteral("compute or ec2-instance"));
            sp.family = q.value(1).toString();
            sp.region = q.value(2).toString();
            sp.usdPerHour = q.value(3).toDouble();
            sp.termYears = readWhole(r,
                QStringLiteral("existing_commitments.savings_plans[%1].term_years")
                    .arg(sc.commitments.savingsPlans.size()),
                q.value(4));
            sp.payment = q.value(5).toString();
            sc.commitments.savingsPlans.append(sp);
        }
    }
    if (meta) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT key, value FROM meta")))
            throw SqlFailure { QStringLiteral("reading table meta: ") + q.lastError().text() };
        while (q.next())
            meta->insert(q.value(0).toString(), q.value(1).toString());
    }
}

QString hex(qint64 value)
{
    return QStringLiteral("0x") + QString::number(quint32(value), 16).toUpper().rightJustified(8, u'0');
}

} // namespace

ScenarioReadResult readScenarioDocument(const QString &path, QHash<QString, QString> *meta)
{
    ScenarioReadResult result;
    Reader r { path, result.diagnostics };

    // Look at the bytes first: SQLite would happily open (or create) anything.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error({}, QStringLiteral("cannot open: ") + file.errorString());
        return result;
    }
    const qint64 size = file.size();
    const QByteArray header = file.read(100);
    file.close();
    if (!isRegularFile(path)) {
        r.error({}, QStringLiteral("not a Fleetplan document: not a regular file (a device, FIFO or socket)"));
        return result;
    }
    if (size == 0) {
        r.error({}, QStringLiteral("the file is empty: not a Fleetplan document"));
        return result;
    }
    if (size > MaxScenarioBytes) {
        r.error({},
            QStringLiteral("%1 bytes: larger than the limit of %2 for a scenario document")
                .arg(size)
                .arg(sizeText(MaxScenarioBytes)));
        return result;
    }
    if (!header.startsWith(QByteArrayView("SQLite format 3\0", 16))) {
        r.error({},
            QStringLiteral("not a Fleetplan document: the file is not a SQLite database "
                           "(a .fleetplan file starts with \"SQLite format 3\")"));
        return result;
    }
    if (header.size() < 100) {
        r.error({}, QStringLiteral("the file is truncated: %1 bytes, shorter than a SQLite header").arg(size));
        return result;
    }
    // SQLite file format, "1.3 The Database Header": page size at offset 16 (big-endian, 1 means
    // 65536), database size in pages at offset 28, valid when the change counter at 24 equals the
    // version-valid-for number at 92.
    const auto be32 = [&header](int at) {
        return (quint32(quint8(header[at])) << 24) | (quint32(quint8(header[at + 1])) << 16)
            | (quint32(quint8(header[at + 2])) << 8) | quint32(quint8(header[at + 3]));
    };
    const quint32 rawPageSize = (quint32(quint8(header[16])) << 8) | quint32(quint8(header[17]));
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const qint64 pages = be32(28);
    if (be32(24) == be32(92) && pages > 0 && pageSize * pages > size) {
        r.error({},
            QStringLiteral("the file is truncated: its header says %1 bytes but only %2 are there")
                .arg(pageSize * pages)
                .arg(size));
        return result;
    }
    const qint64 applicationId = qint32(be32(68));
    const int userVersion = int(be32(60));
    if (applicationId != DocumentApplicationId) {
        r.error({},
            QStringLiteral("not a Fleetplan document: a SQLite database of another application "
                           "(application_id %1, Fleetplan documents have %2)")
                .arg(hex(applicationId), hex(DocumentApplicationId)));
        return result;
    }
    if (userVersion > DocumentSchemaVersion) {
        r.error({},
            QStringLiteral("written by a newer Fleetplan: document schema version %1, this Fleetplan "
                           "reads versions up to %2; update Fleetplan to open it")
                .arg(userVersion)
                .arg(DocumentSchemaVersion));
        return result;
    }
    if (userVersion < 1) {
        r.error({}, QStringLiteral("not a Fleetplan document: it has the Fleetplan id but no schema (user_version 0)"));
        return result;
    }

    Connection original(path, Connection::Mode::ReadOnly);
    if (!original.isOpen()) {
        r.error({}, QStringLiteral("cannot open: ") + original.openError());
        return result;
    }
    Scenario sc;
    try {
        const QString check = pragma(original.db(), QStringLiteral("quick_check")).toString();
        if (check != QLatin1String("ok")) {
            r.error({}, QStringLiteral("the document is damaged (SQLite integrity check: %1)").arg(check));
            return result;
        }
    } catch (const SqlFailure &failure) {
        r.error({}, QStringLiteral("the document is damaged: ") + failure.message);
        return result;
    }
    // Nothing the file defines runs: functions in its schema are not trusted, and a schema other than
    // exactly the one Fleetplan writes (a view in place of a table, a trigger, an extra table) is
    // refused before any row is read.
    {
        QSqlQuery q(original.db());
        q.exec(QStringLiteral("PRAGMA trusted_schema = OFF"));
    }
    if (const QString why = checkDocumentSchema(original.db(), userVersion); !why.isEmpty()) {
        r.error({},
            QStringLiteral("not a Fleetplan document: its schema is not the one Fleetplan writes for version %1 (%2); "
                           "nothing in it was read")
                .arg(userVersion)
                .arg(why));
        return result;
    }
    if (userVersion == DocumentSchemaVersion) {
        try {
            readContent(original.db(), sc, r, meta);
        } catch (const SqlFailure &failure) {
            r.error({}, QStringLiteral("the document is damaged: ") + failure.message);
            return result;
        }
    } else {
        // An older schema: migrate a copy in memory and read that. The file stays as it is (an older
        // Fleetplan can still open it) until the document is saved, which writes the current schema.
        Connection memory({}, Connection::Mode::Memory);
        if (!memory.isOpen()) {
            r.error(
                {}, QStringLiteral("cannot open an in-memory database to read the document: ") + memory.openError());
            return result;
        }
        try {
            const QSqlDatabase db = memory.db();
            copyIntoMemory(db, path);
            inTransaction(db, QStringLiteral("the migration"), [&] { migrate(db, userVersion); });
        } catch (const SqlFailure &failure) {
            r.error({},
                QStringLiteral("cannot read the document of schema version %1: %2; the file was not changed")
                    .arg(userVersion)
                    .arg(failure.message));
            return result;
        }
        try {
            readContent(memory.db(), sc, r, meta);
        } catch (const SqlFailure &failure) {
            r.error({}, QStringLiteral("the document is damaged: ") + failure.message);
            return result;
        }
        r.warn({},
            QStringLiteral("written by an older Fleetplan (document schema version %1); the file is left as it "
                           "is and saving it writes schema version %2")
                .arg(userVersion)
                .arg(DocumentSchemaVersion));
    }
    result.scenario = sc;
    return result;
}

} // namespace fleetplan::models
