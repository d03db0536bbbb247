// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/pricebook.h"

#include <atomic>

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace fleetplan::pricing {

namespace {

constexpr int PriceBookSchemaVersion = 1;

QString newConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("fleetplan-pricebook-") + QString::number(++counter);
}

bool setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

} // namespace

QString rateKindName(RateKind kind)
{
    switch (kind) {
    case RateKind::Ec2OnDemand:
        return QStringLiteral("ec2_ondemand");
    case RateKind::Ec2Spot:
        return QStringLiteral("ec2_spot");
    case RateKind::Ec2Reserved:
        return QStringLiteral("ec2_reserved");
    case RateKind::Fargate:
        return QStringLiteral("fargate");
    case RateKind::Eks:
        return QStringLiteral("eks");
    case RateKind::Other:
        return QStringLiteral("other");
    }
    return QString();
}

std::optional<RateKind> parseRateKind(const QString &text)
{
    for (RateKind k : {RateKind::Ec2OnDemand, RateKind::Ec2Spot, RateKind::Ec2Reserved, RateKind::Fargate,
                       RateKind::Eks, RateKind::Other}) {
        if (rateKindName(k) == text)
            return k;
    }
    return std::nullopt;
}

PriceBook::PriceBook() = default;

PriceBook::~PriceBook()
{
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString PriceBook::defaultPath()
{
    const QString env = qEnvironmentVariable("FLEETPLAN_PRICEBOOK");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/pricebook.sqlite");
}

bool PriceBook::isOpen() const
{
    return !m_connectionName.isEmpty() && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase PriceBook::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool PriceBook::open(const QString &path, QString *error)
{
    if (!m_connectionName.isEmpty())
        return setError(error, QStringLiteral("%1: price book already open").arg(m_path));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return setError(error, QStringLiteral("%1: cannot create the folder").arg(QDir::toNativeSeparators(info.absolutePath())));
    m_path = path;
    m_connectionName = newConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open())
        return setError(error, QStringLiteral("%1: cannot open the price book: %2").arg(QDir::toNativeSeparators(path), db.lastError().text()));
    return ensureSchema(error);
}

bool PriceBook::ensureSchema(QString *error)
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return setError(error, QStringLiteral("%1: not a readable SQLite database: %2").arg(m_path, q.lastError().text()));
    const int version = q.value(0).toInt();
    if (version == PriceBookSchemaVersion)
        return true;
    if (version != 0)
        return setError(error, QStringLiteral("%1: price book schema version %2 is newer than this Fleetplan (%3)")
                                   .arg(m_path).arg(version).arg(PriceBookSchemaVersion));
    const QStringList ddl{
        QStringLiteral("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS rates (kind TEXT NOT NULL, region TEXT NOT NULL, key TEXT NOT NULL,"
                       " origin TEXT NOT NULL CHECK (origin IN ('imported', 'override')), usd REAL NOT NULL,"
                       " as_of TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (kind, region, key, origin))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS commitments (scope INTEGER NOT NULL, plan INTEGER NOT NULL,"
                       " term_years INTEGER NOT NULL, payment INTEGER NOT NULL, percent REAL NOT NULL,"
                       " PRIMARY KEY (scope, plan, term_years, payment))"),
        QStringLiteral("PRAGMA user_version = 1"),
    };
    for (const QString &sql : ddl) {
        if (!q.exec(sql))
            return setError(error, QStringLiteral("%1: creating the price book schema: %2").arg(m_path, q.lastError().text()));
    }
    return true;
}

double PriceBook::enterpriseDiscountPercent() const
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'enterprise_discount_percent'")) && q.next())
        return q.value(0).toDouble();
    return 0.0;
}

bool PriceBook::setEnterpriseDiscountPercent(double percent, QString *error)
{
    if (!(percent >= 0 && percent < 100))
        return setError(error, QStringLiteral("enterprise discount %1 % is outside 0 to 100").arg(percent));
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES ('enterprise_discount_percent', ?)"));
    q.addBindValue(QString::number(percent, 'g', 17));
    if (!q.exec())
        return setError(error, QStringLiteral("%1: saving the enterprise discount: %2").arg(m_path, q.lastError().text()));
    return true;
}

bool PriceBook::setOverride(RateKind kind, const QString &region, const QString &key, double usd, const QString &note,
                            QString *error)
{
    if (!(usd >= 0))
        return setError(error, QStringLiteral("override %1 %2 %3: price %4 must be 0 or more").arg(rateKindName(kind), region, key).arg(usd));
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO rates (kind, region, key, origin, usd, as_of, source)"
                             " VALUES (?, ?, ?, 'override', ?, ?, ?)"));
    q.addBindValue(rateKindName(kind));
    q.addBindValue(region);
    q.addBindValue(key);
    q.addBindValue(usd);
    q.addBindValue(QDate::currentDate().toString(Qt::ISODate));
    q.addBindValue(note.isEmpty() ? QStringLiteral("user override") : QStringLiteral("user override: ") + note);
    if (!q.exec())
        return setError(error, QStringLiteral("%1: saving the override: %2").arg(m_path, q.lastError().text()));
    return true;
}

bool PriceBook::removeOverride(RateKind kind, const QString &region, const QString &key, QString *error)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM rates WHERE kind = ? AND region = ? AND key = ? AND origin = 'override'"));
    q.addBindValue(rateKindName(kind));
    q.addBindValue(region);
    q.addBindValue(key);
    if (!q.exec())
        return setError(error, QStringLiteral("%1: removing the override: %2").arg(m_path, q.lastError().text()));
    return true;
}

QList<PriceBookEntry> PriceBook::entries(QString *error) const
{
    QList<PriceBookEntry> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT kind, region, key, origin, usd, as_of, source FROM rates ORDER BY kind, region, key, origin"))) {
        setError(error, QStringLiteral("%1: reading the price book: %2").arg(m_path, q.lastError().text()));
        return out;
    }
    while (q.next()) {
        const auto kind = parseRateKind(q.value(0).toString());
        if (!kind)
            continue;
        out.append(PriceBookEntry{*kind, q.value(1).toString(), q.value(2).toString(), q.value(4).toDouble(),
                                  q.value(5).toString(), q.value(6).toString(),
                                  q.value(3).toString() == u"override" ? Rate::Override : Rate::Imported});
    }
    return out;
}

bool PriceBook::setCommitmentDiscount(CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment,
                                      double percent, QString *error)
{
    CommitmentAssumptions check = CommitmentAssumptions::defaults();
    if (!check.setDiscountPercent(scope, plan, termYears, payment, percent))
        return setError(error, QStringLiteral("%1 %2yr %3: not an option AWS sells, or %4 % outside 0 to 100")
                                   .arg(commitmentPlanName(plan)).arg(termYears).arg(paymentOptionName(payment)).arg(percent));
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO commitments (scope, plan, term_years, payment, percent) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(int(scope));
    q.addBindValue(int(plan));
    q.addBindValue(termYears);
    q.addBindValue(int(payment));
    q.addBindValue(percent);
    if (!q.exec())
        return setError(error, QStringLiteral("%1: saving the discount: %2").arg(m_path, q.lastError().text()));
    return true;
}

void PriceBook::applyCommitmentEdits(CommitmentAssumptions &assumptions) const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT scope, plan, term_years, payment, percent FROM commitments")))
        return;
    while (q.next()) {
        assumptions.setDiscountPercent(CommitmentScope(q.value(0).toInt()), CommitmentPlan(q.value(1).toInt()),
                                       q.value(2).toInt(), PaymentOption(q.value(3).toInt()), q.value(4).toDouble());
    }
}

} // namespace fleetplan::pricing
