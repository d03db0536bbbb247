// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

namespace fleetplan::test {

/// Runs SQL statements on the SQLite file at `path` through a connection of its own, as a hand edit (or an
/// older Fleetplan) would write it; fails the test at the first statement that does not run.
inline void rawSql(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &sql : statements)
            QVERIFY2(q.exec(sql), qPrintable(sql));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

/// The settings and rates tables as price book schemas 1 and 2 created them (pricing/pricebook.cpp).
inline QStringList oldPriceBookTables()
{
    return { QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE rates (kind TEXT NOT NULL, region TEXT NOT NULL, key TEXT NOT NULL,"
                       " origin TEXT NOT NULL, usd REAL NOT NULL, as_of TEXT NOT NULL, source TEXT NOT NULL,"
                       " PRIMARY KEY (kind, region, key, origin))") };
}

} // namespace fleetplan::test
