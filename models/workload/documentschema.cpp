// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/documentschema.h"

#include <atomic>
#include <functional>

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>

#include <sqlite3.h>

#include "models/boundedread.h"
#include "models/workload/scenariodocument.h"

namespace fleetplan::models::documentsql {

Connection::Connection(const QString &path, Mode mode)
{
    static std::atomic<int> counter { 0 };
    m_name = QStringLiteral("fleetplan-document-%1").arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    switch (mode) {
    case Mode::ReadOnly:
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        break;
    case Mode::ReadWrite:
        db.setDatabaseName(path);
        break;
    case Mode::Memory:
        // URI filenames on, so that copyIntoMemory() can ATTACH the original with mode=ro.
        db.setDatabaseName(QStringLiteral(":memory:"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI"));
        break;
    }
    m_open = db.open();
    if (!m_open) {
        m_error = db.lastError().text();
        return;
    }
    // SQLite's "Defense against the dark arts" (https://www.sqlite.org/security.html), for files of unknown
    // origin: no views, triggers or schema functions can run (the schema is also checked table by table
    // before any row is read), no value longer than a document may be, and bounded time and memory.
    const QVariant handle = db.driver()->handle();
    sqlite3 *sqlite = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.constData())
        : nullptr;
    if (!sqlite) {
        m_open = false;
        m_error = QStringLiteral("the SQLite driver gives no connection handle");
        return;
    }
    sqlite3_db_config(sqlite, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(sqlite, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(sqlite, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(sqlite, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_limit(sqlite, SQLITE_LIMIT_LENGTH, int(MaxScenarioBytes));
    sqlite3_limit(sqlite, SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
    sqlite3_limit(sqlite, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(sqlite, SQLITE_LIMIT_ATTACHED, 1);
    sqlite3_hard_heap_limit64(MaxHeapBytes);
    constexpr int StepsPerCall = 10000;
    sqlite3_progress_handler(
        sqlite, StepsPerCall,
        [](void *connection) -> int {
            Connection &c = *static_cast<Connection *>(connection);
            c.m_steps += StepsPerCall;
            return c.m_steps >= c.m_maxSteps ? 1 : 0;
        },
        this);
}

Connection::~Connection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

void exec(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        throw SqlFailure { what + QStringLiteral(": ") + query.lastError().text() };
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
        // 2 → 3 (issue 14): accelerators per task and the EKS Fargate sizing of pods without a memory
        // request; commitments already bought (Reserved Instances and Savings Plans).
        { QStringLiteral("ALTER TABLE services ADD COLUMN gpus INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE services ADD COLUMN accelerator TEXT NOT NULL DEFAULT 'nvidia'"),
            QStringLiteral("ALTER TABLE services ADD COLUMN no_memory_request INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral(
                "CREATE TABLE reserved_instances (position INTEGER PRIMARY KEY, instance_type TEXT NOT NULL, "
                "region TEXT NOT NULL, count INTEGER NOT NULL, term_years INTEGER NOT NULL, "
                "payment TEXT NOT NULL, offering_class TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE savings_plans (position INTEGER PRIMARY KEY, type TEXT NOT NULL, "
                           "family TEXT NOT NULL, region TEXT NOT NULL, usd_per_hour REAL NOT NULL, "
                           "term_years INTEGER NOT NULL, payment TEXT NOT NULL)") },
        // 3 → 4 (issue 19): the request load App Runner scales on (the app-runner platform's settings are
        // rows of platform_settings, which needs no new table).
        { QStringLiteral("ALTER TABLE services ADD COLUMN requests_per_second REAL NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE services ADD COLUMN request_ms REAL NOT NULL DEFAULT 200"),
            QStringLiteral("ALTER TABLE services ADD COLUMN concurrent_requests REAL NOT NULL DEFAULT 0") },
        // 4 → 5 (issue 19): the registry and network blocks, each stored as its JSON object (the reader and
        // writer of the JSON format, scenariojson.h), so the two formats cannot drift apart.
        { QStringLiteral("CREATE TABLE scenario_blocks (name TEXT PRIMARY KEY, json TEXT NOT NULL)") },
        // 5 → 6 (issue 20): one task per node (Service::onePerNode).
        { QStringLiteral("ALTER TABLE services ADD COLUMN one_per_node INTEGER NOT NULL DEFAULT 0") },
        // 6 → 7 (issue 20): the service's deployment block as its JSON object (scenariojson.h
        // deploymentToJson); '' = no deployments, as in every older document.
        { QStringLiteral("ALTER TABLE services ADD COLUMN deployment TEXT NOT NULL DEFAULT ''") },
        // 7 → 8 (issue 19): a service's App Runner instance size (Service::appRunnerSize; 0 / 0 = the smallest
        // size that holds the task, which every older document gets).
        { QStringLiteral("ALTER TABLE services ADD COLUMN app_runner_vcpu REAL NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE services ADD COLUMN app_runner_memory_gb REAL NOT NULL DEFAULT 0") },
    };
    static_assert(DocumentSchemaVersion == 8, "add a migration step when the schema version grows");
    return steps;
}

void migrate(const QSqlDatabase &db, int from)
{
    for (int v = from; v < DocumentSchemaVersion; ++v) {
        for (const QString &sql : migrations().at(v))
            exec(db, sql, QStringLiteral("migrating the document from schema version %1 to %2").arg(v).arg(v + 1));
    }
    exec(db, QStringLiteral("PRAGMA user_version = %1").arg(DocumentSchemaVersion),
        QStringLiteral("setting the schema version"));
}

namespace {

/// "table services(position,name,...)", "index sqlite_autoindex_meta_1 on meta", ... for every object of
/// the schema, sorted. Reading sqlite_master and table_info evaluates nothing the file defines.
QStringList schemaObjects(const QSqlDatabase &db)
{
    QStringList objects;
    QList<std::pair<QString, QString>> tables;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT type, name, tbl_name FROM sqlite_master")))
            throw SqlFailure { QStringLiteral("reading the schema: ") + q.lastError().text() };
        while (q.next()) {
            const QString type = q.value(0).toString();
            const QString name = q.value(1).toString();
            if (type == QLatin1String("table"))
                tables.append({ type, name });
            else
                objects << QStringLiteral("%1 %2 on %3").arg(type, name, q.value(2).toString());
        }
    }
    for (const auto &[type, name] : tables) {
        QStringList columns;
        QSqlQuery q(db);
        // pragma_table_info() takes the name as a bound value: no quoting of a hostile name needed.
        q.prepare(QStringLiteral("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)"));
        q.addBindValue(name);
        if (!q.exec())
            throw SqlFailure { QStringLiteral("reading the schema of %1: %2").arg(name, q.lastError().text()) };
        while (q.next()) {
            columns << QStringLiteral("%1 %2%3%4")
                           .arg(q.value(0).toString(), q.value(1).toString(),
                               q.value(2).toInt() ? QStringLiteral(" not null") : QString(),
                               q.value(3).toInt() ? QStringLiteral(" key") : QString());
        }
        objects << QStringLiteral("table %1(%2)").arg(name, columns.join(u','));
    }
    objects.sort();
    return objects;
}

} // namespace

QString checkDocumentSchema(const QSqlDatabase &document, int version)
{
    Connection expected({}, Connection::Mode::Memory);
    if (!expected.isOpen())
        return QStringLiteral("cannot open an in-memory database to check the schema: ") + expected.openError();
    QStringList want;
    QStringList have;
    try {
        for (int v = 0; v < version && v < int(migrations().size()); ++v) {
            for (const QString &sql : migrations().at(v))
                exec(expected.db(), sql, QStringLiteral("building the expected schema"));
        }
        want = schemaObjects(expected.db());
        have = schemaObjects(document);
    } catch (const SqlFailure &failure) {
        return failure.message;
    }
    if (have == want)
        return {};
    QStringList extra;
    QStringList missing;
    for (const QString &o : have) {
        if (!want.contains(o))
            extra << o.left(200);
    }
    for (const QString &o : want) {
        if (!have.contains(o))
            missing << o.left(200);
    }
    QString text;
    if (!extra.isEmpty())
        text += QStringLiteral("it contains %1").arg(extra.mid(0, 3).join(QStringLiteral("; ")));
    if (!missing.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("; "))
            + QStringLiteral("it lacks %1").arg(missing.mid(0, 3).join(QStringLiteral("; ")));
    return text;
}

void inTransaction(const QSqlDatabase &db, const QString &what, const std::function<void()> &work)
{
    QSqlDatabase d = db;
    if (!d.transaction())
        throw SqlFailure { QStringLiteral("starting %1: %2").arg(what, d.lastError().text()) };
    try {
        work();
    } catch (const SqlFailure &) {
        d.rollback();
        throw;
    }
    if (!d.commit())
        throw SqlFailure { QStringLiteral("committing %1: %2").arg(what, d.lastError().text()) };
}

namespace {
QString quoted(const QString &name)
{
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}
} // namespace

void copyIntoMemory(const QSqlDatabase &memory, const QString &path)
{
    // mode=ro: SQLite opens the original read-only, as QSQLITE_OPEN_READONLY would; it takes a shared
    // lock while reading and never creates a journal beside it.
    QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    uri.setQuery(QStringLiteral("mode=ro"));
    {
        QSqlQuery attach(memory);
        attach.prepare(QStringLiteral("ATTACH DATABASE ? AS original"));
        attach.addBindValue(uri.toString(QUrl::FullyEncoded));
        exec(attach, QStringLiteral("opening the document read-only"));
    }
    const auto detach = [&memory] {
        QSqlQuery q(memory);
        q.exec(QStringLiteral("DETACH DATABASE original"));
    };
    try {
        QStringList tables;
        QStringList later; // indexes, triggers, views: after the rows
        {
            QSqlQuery q(memory);
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral("SELECT type, name, sql FROM original.sqlite_master "
                                       "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")))
                throw SqlFailure { QStringLiteral("reading the document's schema: ") + q.lastError().text() };
            while (q.next()) {
                if (q.value(0).toString() == QLatin1String("table")) {
                    exec(memory, q.value(2).toString(), QStringLiteral("copying the document's schema"));
                    tables.append(q.value(1).toString());
                } else {
                    later.append(q.value(2).toString());
                }
            }
        }
        for (const QString &table : std::as_const(tables))
            exec(memory, QStringLiteral("INSERT INTO main.%1 SELECT * FROM original.%1").arg(quoted(table)),
                QStringLiteral("copying table %1 of the document").arg(table));
        for (const QString &sql : std::as_const(later))
            exec(memory, sql, QStringLiteral("copying the document's schema"));
        for (const QString &name : { QStringLiteral("application_id"), QStringLiteral("user_version") })
            exec(memory,
                QStringLiteral("PRAGMA main.%1 = %2")
                    .arg(name)
                    .arg(pragma(memory, QStringLiteral("original.") + name).toLongLong()),
                QStringLiteral("copying PRAGMA %1 of the document").arg(name));
    } catch (const SqlFailure &) {
        detach();
        throw;
    }
    detach();
}

} // namespace fleetplan::models::documentsql
