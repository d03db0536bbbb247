// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenariodocument.h"

#include "models/atomicwrite.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryFile>
#include <QVariant>

#include "models/platformfields.h"

namespace fleetplan::models {

namespace {

/// One uniquely named QSQLITE connection, removed when the object dies. Queries must be scoped so
/// that they are gone before this destructor runs (removeDatabase() warns otherwise).
class Connection
{
public:
    explicit Connection(const QString &path, bool readOnly)
    {
        static std::atomic<int> counter { 0 };
        m_name = QStringLiteral("fleetplan-document-%1").arg(++counter);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool isOpen() const { return m_open; }
    QString openError() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
    QString m_error;
};

/// Thrown inside this file only; turned into a diagnostic or an error string at the API boundary.
struct SqlFailure
{
    QString message;
};

/// QSQLITE binds a null QString as NULL; the schema wants '' for "no text".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

void exec(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        throw SqlFailure { what + QStringLiteral(": ") + q.lastError().text() };
}

void exec(const QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        throw SqlFailure { what + QStringLiteral(": ") + q.lastError().text() };
}

QVariant pragma(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        throw SqlFailure { QStringLiteral("reading PRAGMA %1: %2").arg(name, q.lastError().text()) };
    return q.value(0);
}

// ---- schema: built only by migrations, in order, so a new file and a migrated one are the same ----

/// Migration from version (index) to version (index + 1).
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps {
        // 0 → 1: the first layout.
        { QStringLiteral("CREATE TABLE scenario (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, "
                         "region TEXT NOT NULL, period_hours INTEGER NOT NULL, period_in_days INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE load_profiles (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
            QStringLiteral(
                "CREATE TABLE load_profile_hours (profile INTEGER NOT NULL REFERENCES load_profiles(position) "
                "ON DELETE CASCADE, hour INTEGER NOT NULL, multiplier REAL NOT NULL, PRIMARY KEY (profile, hour))"),
            QStringLiteral(
                "CREATE TABLE services (position INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, "
                "cpu REAL NOT NULL, memory_mib REAL NOT NULL, ephemeral_gib REAL NOT NULL, arch TEXT NOT NULL, "
                "os TEXT NOT NULL, replicas INTEGER NOT NULL, min_replicas INTEGER NOT NULL, "
                "max_replicas INTEGER NOT NULL, load_profile TEXT NOT NULL, runs_per_day INTEGER NOT NULL, "
                "run_seconds INTEGER NOT NULL, spot_ok INTEGER NOT NULL, network_mode TEXT NOT NULL, "
                "host_port INTEGER NOT NULL, source TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE containers (service INTEGER NOT NULL REFERENCES services(position) ON DELETE CASCADE, "
                "position INTEGER NOT NULL, name TEXT NOT NULL, cpu REAL NOT NULL, memory_mib REAL NOT NULL, "
                "init INTEGER NOT NULL, PRIMARY KEY (service, position))"),
            QStringLiteral("CREATE TABLE platform_settings (platform TEXT NOT NULL, key TEXT NOT NULL, value, "
                           "PRIMARY KEY (platform, key))"),
            QStringLiteral("CREATE TABLE platform_instance_types (platform TEXT NOT NULL, position INTEGER NOT NULL, "
                           "pattern TEXT NOT NULL, PRIMARY KEY (platform, position))"),
            QStringLiteral("CREATE TABLE purchase (id INTEGER PRIMARY KEY CHECK (id = 1), spot_share REAL NOT NULL, "
                           "savings_plan_usd_per_hour REAL NOT NULL, savings_plan_type TEXT NOT NULL, "
                           "savings_plan_term_years INTEGER NOT NULL, savings_plan_payment TEXT NOT NULL)") },
        // 1 → 2: free-text notes on the scenario; a key/value table for the writer, save time and recovery.
        { QStringLiteral("ALTER TABLE scenario ADD COLUMN notes TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)") },
    };
    static_assert(DocumentSchemaVersion == 2, "add a migration step when the schema version grows");
    return steps;
}

/// Runs the migrations from `from` up to DocumentSchemaVersion inside the caller's transaction.
void migrate(const QSqlDatabase &db, int from)
{
    for (int v = from; v < DocumentSchemaVersion; ++v) {
        for (const QString &sql : migrations().at(v))
            exec(db, sql, QStringLiteral("migrating the document from schema version %1 to %2").arg(v).arg(v + 1));
    }
    exec(db, QStringLiteral("PRAGMA user_version = %1").arg(DocumentSchemaVersion),
        QStringLiteral("setting the schema version"));
}

// ---- writing ----

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
            "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery c(db);
        c.prepare(QStringLiteral("INSERT INTO containers (service, position, name, cpu, memory_mib, init) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < sc.services.size(); ++i) {
            const Service &s = sc.services.at(i);
            const QList<QVariant> values { int(i), text(s.name), toId(s.kind), s.effectiveCpu(), s.effectiveMemoryMib(),
                s.ephemeralGib, toId(s.arch), toId(s.os), s.replicas, s.minReplicas, s.maxReplicas, text(s.loadProfile),
                s.runsPerDay, s.runSeconds, s.spotOk ? 1 : 0, toId(s.networkMode), s.hostPort, text(s.source) };
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
            visitPlatformFields(copy, PlatformRowWriter { settings, types, toId(id) });
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

// ---- reading ----

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
            out = v->toInt() != 0;
    }
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
        if (const QVariant *v = find(k)) {
            bool ok = false;
            const int i = v->toInt(&ok);
            if (ok)
                out = i;
            else
                r.error(where(k), QStringLiteral("must be a whole number, found \"%1\"").arg(v->toString()));
        }
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
        sc.periodHours = q.value(2).toInt();
        sc.periodInDays = q.value(3).toInt() != 0;
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
                "load_profile, runs_per_day, run_seconds, spot_ok, network_mode, host_port, source, position "
                "FROM services ORDER BY position")))
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
            s.replicas = q.value(7).toInt();
            s.minReplicas = q.value(8).toInt();
            s.maxReplicas = q.value(9).toInt();
            s.loadProfile = q.value(10).toString();
            s.runsPerDay = q.value(11).toInt();
            s.runSeconds = q.value(12).toInt();
            s.spotOk = q.value(13).toInt() != 0;
            readEnum(r, where + QStringLiteral(".network_mode"), q.value(14).toString(), s.networkMode,
                &networkModeFromId, QStringLiteral("awsvpc, bridge or host"));
            s.hostPort = q.value(15).toInt();
            s.source = q.value(16).toString();
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
                c.value(1).toString(), c.value(2).toDouble(), c.value(3).toDouble(), c.value(4).toInt() != 0 });
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
            visitPlatformFields(sc.platform(*id), reader);
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
        if (!q.exec(QStringLiteral("SELECT spot_share, savings_plan_usd_per_hour, savings_plan_type, "
                                   "savings_plan_term_years, savings_plan_payment FROM purchase WHERE id = 1")))
            throw SqlFailure { QStringLiteral("reading table purchase: ") + q.lastError().text() };
        if (q.next()) {
            sc.purchase.spotShare = q.value(0).toDouble();
            sc.purchase.savingsPlanUsdPerHour = q.value(1).toDouble();
            readEnum(r, QStringLiteral("purchase.savings_plan_type"), q.value(2).toString(),
                sc.purchase.savingsPlanType, &savingsPlanTypeFromId, QStringLiteral("compute or ec2-instance"));
            sc.purchase.savingsPlanTermYears = q.value(3).toInt();
            sc.purchase.savingsPlanPayment = q.value(4).toString();
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

/// A free name for the backup of `path` taken before migrating from `version`.
QString backupPathFor(const QString &path, int version)
{
    const QString base = QStringLiteral("%1.v%2.bak").arg(path).arg(version);
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = base + u'.' + QString::number(n);
    return candidate;
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
    if (size == 0) {
        r.error({}, QStringLiteral("the file is empty: not a Fleetplan document"));
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

    if (userVersion < DocumentSchemaVersion) {
        const QString backup = backupPathFor(path, userVersion);
        if (!QFile::copy(path, backup)) {
            r.error({},
                QStringLiteral("cannot back up the document to %1 before migrating it from schema "
                               "version %2; nothing was changed")
                    .arg(backup)
                    .arg(userVersion));
            return result;
        }
        Connection c(path, false);
        if (!c.isOpen()) {
            r.error({}, QStringLiteral("cannot open the document to migrate it: ") + c.openError());
            return result;
        }
        try {
            QSqlDatabase db = c.db();
            if (!db.transaction())
                throw SqlFailure { QStringLiteral("starting the migration: ") + db.lastError().text() };
            try {
                migrate(db, userVersion);
            } catch (const SqlFailure &) {
                db.rollback();
                throw;
            }
            if (!db.commit())
                throw SqlFailure { QStringLiteral("committing the migration: ") + db.lastError().text() };
        } catch (const SqlFailure &failure) {
            r.error({}, failure.message);
            return result;
        }
        r.warn({},
            QStringLiteral("migrated from document schema version %1 to %2; the original was kept as %3")
                .arg(userVersion)
                .arg(DocumentSchemaVersion)
                .arg(backup));
    }

    Connection c(path, true);
    if (!c.isOpen()) {
        r.error({}, QStringLiteral("cannot open: ") + c.openError());
        return result;
    }
    Scenario sc;
    try {
        QSqlDatabase db = c.db();
        const QString check = pragma(db, QStringLiteral("quick_check")).toString();
        if (check != QLatin1String("ok")) {
            r.error({}, QStringLiteral("the document is damaged (SQLite integrity check: %1)").arg(check));
            return result;
        }
        readContent(db, sc, r, meta);
    } catch (const SqlFailure &failure) {
        r.error({}, QStringLiteral("the document is damaged: ") + failure.message);
        return result;
    }
    result.scenario = sc;
    return result;
}

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

    QString tempPath;
    {
        QTemporaryFile temp(
            target.absolutePath() + QStringLiteral("/.") + target.fileName() + QStringLiteral(".XXXXXX"));
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
        Connection c(tempPath, false);
        if (!c.isOpen()) {
            failure = QStringLiteral("opening the temporary file: ") + c.openError();
        } else {
            QSqlDatabase db = c.db();
            try {
                exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("enabling foreign keys"));
                exec(db, QStringLiteral("PRAGMA application_id = %1").arg(DocumentApplicationId),
                    QStringLiteral("setting the application id"));
                if (!db.transaction())
                    throw SqlFailure { QStringLiteral("starting the transaction: ") + db.lastError().text() };
                try {
                    migrate(db, 0);
                    writeContent(db, scenario, meta);
                } catch (const SqlFailure &) {
                    db.rollback();
                    throw;
                }
                if (!db.commit())
                    throw SqlFailure { QStringLiteral("committing: ") + db.lastError().text() };
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
    QFile::setPermissions(tempPath,
        target.exists() ? QFile::permissions(finalPath)
                        : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    QString reason;
    if (!replaceFile(tempPath, finalPath, &reason)) {
        removeTemp();
        return fail(QStringLiteral("cannot save %1: replacing the file failed: %2; the previous file was kept")
                        .arg(path, reason));
    }
    return true;
}

} // namespace fleetplan::models
