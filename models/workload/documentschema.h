// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

/// The SQLite side of the `.fleetplan` document, shared by its reader (scenariodocumentreader.cpp)
/// and writer (scenariodocumentwriter.cpp): connections, the schema (DDL) and its migrations.
/// Internal to fleetplan_models; the public API is scenariodocument.h.
namespace fleetplan::models::documentsql {

/// Thrown by the helpers below; turned into a diagnostic or an error string at the API boundary.
struct SqlFailure
{
    QString message;
};

/// One uniquely named QSQLITE connection, removed when the object dies. Queries must be scoped so
/// that they are gone before this destructor runs (removeDatabase() warns otherwise).
class Connection
{
public:
    enum class Mode {
        ReadOnly, ///< an existing file, opened with QSQLITE_OPEN_READONLY: SQLite never writes to it
        ReadWrite, ///< a file, created when missing
        Memory, ///< a private in-memory database (path ignored)
    };

    Connection(const QString &path, Mode mode);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool isOpen() const { return m_open; }
    QString openError() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    /// SQLite virtual-machine steps one connection may run before its statement is interrupted (about ten
    /// seconds): reading a document of MaxServices (50,000) services takes 3.5 million, 0.35 % of it. With
    /// the schema check it bounds the time of every read, so no document can make Fleetplan run for ever.
    static constexpr qint64 MaxSteps = 1'000'000'000;
    /// The most memory SQLite may hold in this process (sqlite3_hard_heap_limit64): far above what the
    /// catalog, the price book and a 64 MiB document need, far below what would abort the program.
    static constexpr qint64 MaxHeapBytes = qint64(1) << 30;
    /// Whether a statement of this connection was interrupted for passing its step budget.
    bool tooManySteps() const { return m_steps >= m_maxSteps; }
    /// Steps run so far (counted in blocks of 10,000).
    qint64 steps() const { return m_steps; }
    /// A smaller budget than MaxSteps (tests).
    void limitSteps(qint64 steps) { m_maxSteps = steps; }

private:
    QString m_name;
    bool m_open = false;
    QString m_error;
    qint64 m_steps = 0;
    qint64 m_maxSteps = MaxSteps;
};

/// QSQLITE binds a null QString as NULL; the schema wants '' for "no text".
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

/// Runs a prepared query; on failure throws "what: <SQLite error>".
void exec(QSqlQuery &query, const QString &what);
/// Runs one statement; on failure throws "what: <SQLite error>".
void exec(const QSqlDatabase &db, const QString &sql, const QString &what);
/// The value of `PRAGMA name`.
QVariant pragma(const QSqlDatabase &db, const QString &name);

/// The statements that take a document from schema version `v` to `v + 1`, for v in
/// [0, DocumentSchemaVersion). The schema is built only by these, in order, so a new file and a
/// migrated one have the same layout.
const QList<QStringList> &migrations();

/// Runs the migrations from version `from` up to DocumentSchemaVersion and sets `PRAGMA user_version`,
/// inside the caller's transaction.
void migrate(const QSqlDatabase &db, int from);

/// Checks that a document's schema is exactly what Fleetplan writes for schema `version` (built from
/// migrations() in a private in-memory database): the same tables with the same columns, the same
/// automatic indexes, and nothing else — no view, trigger or extra table, which a hostile file could
/// use to serve other rows or run SQL of its author's choosing (SQLite's "Defense against the dark
/// arts"). Returns an empty string when the schema matches, else what differs.
QString checkDocumentSchema(const QSqlDatabase &document, int version);

/// Runs `work` inside one transaction: committed when it returns, rolled back when it throws
/// SqlFailure (rethrown). `what` names the work in errors ("the migration").
void inTransaction(const QSqlDatabase &db, const QString &what, const std::function<void()> &work);

/// Copies the document at `path` (opened read-only, never written) into `memory`, an empty in-memory
/// database: its tables, rows, indexes, `application_id` and `user_version`. Lets an older document
/// be migrated and read without touching the user's file.
void copyIntoMemory(const QSqlDatabase &memory, const QString &path);

} // namespace fleetplan::models::documentsql
