// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/pricebook.h"

#include <atomic>
#include <cmath>
#include <optional>

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace fleetplan::pricing {

namespace {

/// 1: commitments stored enum ordinals; 2: commitments store names ("ec2", "Compute Savings Plan",
/// "No Upfront"), so reordering an enum can never change what a saved edit means; 3: custom_node_types
/// (the user's own hardware, issue 19).
constexpr int PriceBookSchemaVersion = 3;

QString newConnectionName()
{
    static std::atomic<int> counter { 0 };
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
    case RateKind::Ec2OnDemandWindows:
        return QStringLiteral("ec2_ondemand_windows");
    case RateKind::SavingsPlan:
        return QStringLiteral("savings_plan");
    }
    return QString();
}

QString savingsPlanRateKey(CommitmentPlan plan, int termYears, PaymentOption payment, const QString &target)
{
    return QStringLiteral("%1|%2yr|%3|%4")
        .arg(
            plan == CommitmentPlan::Ec2InstanceSavingsPlan ? QStringLiteral("ec2_instance") : QStringLiteral("compute"))
        .arg(termYears)
        .arg(paymentOptionName(payment), target);
}

std::optional<RateKind> parseRateKind(const QString &text)
{
    for (RateKind k : { RateKind::Ec2OnDemand, RateKind::Ec2Spot, RateKind::Ec2Reserved, RateKind::Fargate,
             RateKind::Eks, RateKind::Other, RateKind::Ec2OnDemandWindows, RateKind::SavingsPlan }) {
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
    QString env = qEnvironmentVariable("FLEETPLAN_PRICEBOOK");
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
        return setError(
            error, QStringLiteral("%1: cannot create the folder").arg(QDir::toNativeSeparators(info.absolutePath())));
    m_path = path;
    m_connectionName = newConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open())
        return setError(error,
            QStringLiteral("%1: cannot open the price book: %2")
                .arg(QDir::toNativeSeparators(path), db.lastError().text()));
    return ensureSchema(error);
}

namespace {
QString scopeName(CommitmentScope scope)
{
    return scope == CommitmentScope::Fargate ? QStringLiteral("fargate") : QStringLiteral("ec2");
}

std::optional<CommitmentScope> parseScope(const QString &text)
{
    if (text == u"ec2")
        return CommitmentScope::Ec2;
    if (text == u"fargate")
        return CommitmentScope::Fargate;
    return std::nullopt;
}

const QString CustomNodeTypesDdl = QStringLiteral(
    "CREATE TABLE custom_node_types (name TEXT PRIMARY KEY, vcpu INTEGER NOT NULL, memory_mib INTEGER NOT NULL,"
    " arch TEXT NOT NULL, max_pods INTEGER NOT NULL DEFAULT 0, max_enis INTEGER NOT NULL DEFAULT 0,"
    " ipv4_per_eni INTEGER NOT NULL DEFAULT 0, max_awsvpc_tasks INTEGER NOT NULL DEFAULT 0,"
    " usd_per_hour REAL NOT NULL, note TEXT NOT NULL DEFAULT '', as_of TEXT NOT NULL DEFAULT '')");

const QString CommitmentsDdl
    = QStringLiteral("CREATE TABLE commitments (scope TEXT NOT NULL, plan TEXT NOT NULL, term_years INTEGER NOT NULL,"
                     " payment TEXT NOT NULL, percent REAL NOT NULL, PRIMARY KEY (scope, plan, term_years, payment))");
} // namespace

bool PriceBook::ensureSchema(QString *error)
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return setError(
            error, QStringLiteral("%1: not a readable SQLite database: %2").arg(m_path, q.lastError().text()));
    const int version = q.value(0).toInt();
    q.finish();
    if (version == PriceBookSchemaVersion)
        return true;
    if (version > PriceBookSchemaVersion)
        return setError(error,
            QStringLiteral("%1: price book schema version %2 is newer than this Fleetplan (%3)")
                .arg(m_path)
                .arg(version)
                .arg(PriceBookSchemaVersion));
    if (!db.transaction())
        return setError(error, QStringLiteral("%1: upgrading the price book: %2").arg(m_path, db.lastError().text()));
    const auto failed = [&](const QString &what, const QString &why) {
        db.rollback();
        return setError(error, QStringLiteral("%1: %2: %3").arg(m_path, what, why));
    };
    if (version == 0) {
        const QStringList ddl {
            QStringLiteral("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE IF NOT EXISTS rates (kind TEXT NOT NULL, region TEXT NOT NULL, key TEXT NOT NULL,"
                " origin TEXT NOT NULL CHECK (origin IN ('imported', 'override')), usd REAL NOT NULL,"
                " as_of TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (kind, region, key, origin))"),
            CommitmentsDdl,
        };
        for (const QString &sql : ddl) {
            if (!q.exec(sql))
                return failed(QStringLiteral("creating the price book schema"), q.lastError().text());
        }
    } else if (version == 1) {
        // Version 1 → 2: the commitment edits' ordinals become names (the enums' order at version 1:
        // scope Ec2, Fargate; plan Compute SP, EC2 Instance SP, Standard RI, Convertible RI; payment No,
        // Partial, All Upfront — the order in pricing/commitments.h when version 1 was written).
        struct Row
        {
            QString scope, plan, payment;
            int term;
            double percent;
        };
        QList<Row> rows;
        if (!q.exec(QStringLiteral("SELECT scope, plan, term_years, payment, percent FROM commitments")))
            return failed(QStringLiteral("reading the commitment edits"), q.lastError().text());
        while (q.next()) {
            const int scope = q.value(0).toInt();
            const int plan = q.value(1).toInt();
            const int payment = q.value(3).toInt();
            if (scope < 0 || scope > 1 || plan < 0 || plan > 3 || payment < 0 || payment > 2)
                return failed(QStringLiteral("upgrading the commitment edits"),
                    QStringLiteral("row (%1, %2, %3) names no known scope, plan or payment")
                        .arg(scope)
                        .arg(plan)
                        .arg(payment));
            rows.append(Row { scopeName(CommitmentScope(scope)), commitmentPlanName(CommitmentPlan(plan)),
                paymentOptionName(PaymentOption(payment)), q.value(2).toInt(), q.value(4).toDouble() });
        }
        q.finish();
        if (!q.exec(QStringLiteral("DROP TABLE commitments")) || !q.exec(CommitmentsDdl))
            return failed(QStringLiteral("upgrading the commitment edits"), q.lastError().text());
        q.prepare(QStringLiteral(
            "INSERT INTO commitments (scope, plan, term_years, payment, percent) VALUES (?, ?, ?, ?, ?)"));
        for (const Row &r : std::as_const(rows)) {
            q.addBindValue(r.scope);
            q.addBindValue(r.plan);
            q.addBindValue(r.term);
            q.addBindValue(r.payment);
            q.addBindValue(r.percent);
            if (!q.exec())
                return failed(QStringLiteral("upgrading the commitment edits"), q.lastError().text());
        }
    }
    // Version 2 → 3 (every older book passes through it): the custom node types.
    if (!q.exec(CustomNodeTypesDdl))
        return failed(QStringLiteral("creating the custom node types"), q.lastError().text());
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(PriceBookSchemaVersion)))
        return failed(QStringLiteral("setting the schema version"), q.lastError().text());
    if (!db.commit())
        return failed(QStringLiteral("upgrading the price book"), db.lastError().text());
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
        return setError(
            error, QStringLiteral("%1: saving the enterprise discount: %2").arg(m_path, q.lastError().text()));
    return true;
}

bool PriceBook::setOverride(
    RateKind kind, const QString &region, const QString &key, double usd, const QString &note, QString *error)
{
    if (!(usd >= 0))
        return setError(error,
            QStringLiteral("override %1 %2 %3: price %4 must be 0 or more")
                .arg(rateKindName(kind), region, key)
                .arg(usd));
    if (usd > MaxRateUsd)
        return setError(error,
            QStringLiteral("override %1 %2 %3: price %4 USD is above the limit of %5 USD")
                .arg(rateKindName(kind), region, key)
                .arg(usd)
                .arg(MaxRateUsd));
    if (!isAwsRegionCode(region))
        return setError(error,
            QStringLiteral("override %1 %2 %3: \"%2\" is not an AWS region code (like us-east-1)")
                .arg(rateKindName(kind), region, key));
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
    if (!q.exec(QStringLiteral(
            "SELECT kind, region, key, origin, usd, as_of, source FROM rates ORDER BY kind, region, key, origin"))) {
        setError(error, QStringLiteral("%1: reading the price book: %2").arg(m_path, q.lastError().text()));
        return out;
    }
    while (q.next()) {
        const auto kind = parseRateKind(q.value(0).toString());
        if (!kind) {
            setError(error,
                QStringLiteral("%1: rate %2 %3 has an unknown kind \"%4\"")
                    .arg(m_path, q.value(1).toString(), q.value(2).toString(), q.value(0).toString()));
            return {};
        }
        // A price book is a file anyone can edit: a rate of 1e308 (or NaN) would make every total "inf".
        if (const double usd = q.value(4).toDouble(); !(usd >= 0 && usd <= MaxRateUsd)) {
            setError(error,
                QStringLiteral("%1: rate %2 %3 %4 has the price %5 USD, outside 0 to the limit of %6 USD")
                    .arg(m_path, q.value(0).toString(), q.value(1).toString(), q.value(2).toString())
                    .arg(usd)
                    .arg(MaxRateUsd));
            return {};
        }
        out.append(PriceBookEntry { *kind, q.value(1).toString(), q.value(2).toString(), q.value(4).toDouble(),
            q.value(5).toString(), q.value(6).toString(),
            q.value(3).toString() == u"override" ? Rate::Override : Rate::Imported });
    }
    return out;
}

bool PriceBook::writeEntries(const QList<PriceBookEntry> &entries, QString *error)
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return setError(error, QStringLiteral("%1: cannot start a transaction: %2").arg(m_path, db.lastError().text()));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO rates (kind, region, key, origin, usd, as_of, source)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const PriceBookEntry &e : entries) {
        if (!(e.usd >= 0 && e.usd <= MaxRateUsd) || e.origin == Rate::Bundled) {
            db.rollback();
            return setError(error,
                QStringLiteral("%1: rate %2 %3 %4 cannot be written (price %5 USD, origin %6)")
                    .arg(m_path, rateKindName(e.kind), e.region, e.key)
                    .arg(e.usd)
                    .arg(Rate::originName(e.origin)));
        }
        q.addBindValue(rateKindName(e.kind));
        q.addBindValue(e.region);
        q.addBindValue(e.key);
        q.addBindValue(e.origin == Rate::Override ? QStringLiteral("override") : QStringLiteral("imported"));
        q.addBindValue(e.usd);
        q.addBindValue(e.asOf);
        q.addBindValue(e.source);
        if (!q.exec()) {
            const QString why = q.lastError().text();
            db.rollback();
            return setError(error, QStringLiteral("%1: writing the rates: %2").arg(m_path, why));
        }
    }
    if (!db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return setError(error, QStringLiteral("%1: commit failed: %2").arg(m_path, why));
    }
    return true;
}

bool PriceBook::replaceImported(const QList<PriceBookEntry> &imported, QString *error)
{
    for (const PriceBookEntry &e : imported) {
        if (e.origin != Rate::Imported || !(e.usd >= 0 && e.usd <= MaxRateUsd))
            return setError(error,
                QStringLiteral("%1: %2 %3 %4 is not an imported rate of 0 to %5 USD")
                    .arg(m_path, rateKindName(e.kind), e.region, e.key)
                    .arg(MaxRateUsd));
    }
    QSqlDatabase db = database();
    if (!db.transaction())
        return setError(error, QStringLiteral("%1: cannot start a transaction: %2").arg(m_path, db.lastError().text()));
    const auto fail = [&](const QString &what, const QString &why) {
        db.rollback();
        return setError(error, QStringLiteral("%1: %2: %3").arg(m_path, what, why));
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DELETE FROM rates WHERE origin = 'imported'")))
        return fail(QStringLiteral("removing the imported rates"), q.lastError().text());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO rates (kind, region, key, origin, usd, as_of, source)"
                             " VALUES (?, ?, ?, 'imported', ?, ?, ?)"));
    for (const PriceBookEntry &e : imported) {
        q.addBindValue(rateKindName(e.kind));
        q.addBindValue(e.region);
        q.addBindValue(e.key);
        q.addBindValue(e.usd);
        q.addBindValue(e.asOf);
        q.addBindValue(e.source);
        if (!q.exec())
            return fail(QStringLiteral("writing the imported rates"), q.lastError().text());
    }
    if (!db.commit())
        return fail(QStringLiteral("commit failed"), db.lastError().text());
    return true;
}

std::optional<double> PriceBook::commitmentEdit(
    CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "SELECT percent FROM commitments WHERE scope = ? AND plan = ? AND term_years = ? AND payment = ?"));
    q.addBindValue(scopeName(scope));
    q.addBindValue(commitmentPlanName(plan));
    q.addBindValue(termYears);
    q.addBindValue(paymentOptionName(payment));
    if (q.exec() && q.next())
        return q.value(0).toDouble();
    return std::nullopt;
}

bool PriceBook::removeCommitmentDiscount(
    CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment, QString *error)
{
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("DELETE FROM commitments WHERE scope = ? AND plan = ? AND term_years = ? AND payment = ?"));
    q.addBindValue(scopeName(scope));
    q.addBindValue(commitmentPlanName(plan));
    q.addBindValue(termYears);
    q.addBindValue(paymentOptionName(payment));
    if (!q.exec())
        return setError(error, QStringLiteral("%1: removing the discount edit: %2").arg(m_path, q.lastError().text()));
    return true;
}

bool PriceBook::setCommitmentDiscount(
    CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment, double percent, QString *error)
{
    CommitmentAssumptions check = CommitmentAssumptions::defaults();
    if (!check.setDiscountPercent(scope, plan, termYears, payment, percent))
        return setError(error,
            QStringLiteral("%1 %2yr %3: not an option AWS sells, or %4 % outside 0 to 100")
                .arg(commitmentPlanName(plan))
                .arg(termYears)
                .arg(paymentOptionName(payment))
                .arg(percent));
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO commitments (scope, plan, term_years, payment, percent) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(scopeName(scope));
    q.addBindValue(commitmentPlanName(plan));
    q.addBindValue(termYears);
    q.addBindValue(paymentOptionName(payment));
    q.addBindValue(percent);
    if (!q.exec())
        return setError(error, QStringLiteral("%1: saving the discount: %2").arg(m_path, q.lastError().text()));
    return true;
}

bool PriceBook::setCustomNodeType(const CustomNodeType &type, QString *error)
{
    if (const QString problem = checkCustomNodeType(type); !problem.isEmpty())
        return setError(error, problem);
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO custom_node_types (name, vcpu, memory_mib, arch, max_pods, max_enis,"
                       " ipv4_per_eni, max_awsvpc_tasks, usd_per_hour, note, as_of)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariantList values { type.name, type.vcpu, type.memoryMib, cpuArchName(type.arch), type.maxPods,
        type.maxEnis, type.ipv4PerEni, type.maxAwsvpcTasks, type.usdPerHour,
        type.note.isNull() ? QStringLiteral("") : type.note, QDate::currentDate().toString(Qt::ISODate) };
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return setError(error,
            QStringLiteral("%1: saving custom node type \"%2\": %3").arg(m_path, type.name, q.lastError().text()));
    return true;
}

bool PriceBook::removeCustomNodeType(const QString &name, QString *error)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM custom_node_types WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return setError(
            error, QStringLiteral("%1: removing custom node type \"%2\": %3").arg(m_path, name, q.lastError().text()));
    return true;
}

QList<CustomNodeType> PriceBook::customNodeTypes(QString *error) const
{
    QList<CustomNodeType> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name, vcpu, memory_mib, arch, max_pods, max_enis, ipv4_per_eni,"
                               " max_awsvpc_tasks, usd_per_hour, note FROM custom_node_types ORDER BY name"))) {
        setError(error, QStringLiteral("%1: reading the custom node types: %2").arg(m_path, q.lastError().text()));
        return {};
    }
    while (q.next()) {
        CustomNodeType t;
        t.name = q.value(0).toString();
        t.vcpu = q.value(1).toInt();
        t.memoryMib = q.value(2).toInt();
        const auto arch = parseCpuArch(q.value(3).toString());
        t.maxPods = q.value(4).toInt();
        t.maxEnis = q.value(5).toInt();
        t.ipv4PerEni = q.value(6).toInt();
        t.maxAwsvpcTasks = q.value(7).toInt();
        t.usdPerHour = q.value(8).isNull() ? std::nan("") : q.value(8).toDouble();
        t.note = q.value(9).toString();
        QString problem = arch ? checkCustomNodeType(t)
                               : QStringLiteral("custom node type \"%1\": architecture \"%2\" is not x86_64 or arm64")
                                     .arg(t.name, q.value(3).toString());
        if (arch)
            t.arch = *arch;
        if (!problem.isEmpty()) {
            setError(error, QStringLiteral("%1: %2").arg(m_path, problem));
            return {};
        }
        out.append(t);
    }
    return out;
}

bool PriceBook::applyCommitmentEdits(CommitmentAssumptions &assumptions, QString *error) const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT scope, plan, term_years, payment, percent FROM commitments")))
        return setError(
            error, QStringLiteral("%1: reading the commitment edits: %2").arg(m_path, q.lastError().text()));
    while (q.next()) {
        const auto scope = parseScope(q.value(0).toString());
        const auto plan = parseCommitmentPlan(q.value(1).toString());
        const auto payment = parsePaymentOption(q.value(3).toString());
        const int term = q.value(2).toInt();
        const double percent = q.value(4).toDouble();
        if (!scope || !plan || !payment || !assumptions.setDiscountPercent(*scope, *plan, term, *payment, percent))
            return setError(error,
                QStringLiteral("%1: commitment edit (%2, %3, %4 yr, %5, %6 %) is not an option AWS sells")
                    .arg(m_path, q.value(0).toString(), q.value(1).toString())
                    .arg(term)
                    .arg(q.value(3).toString())
                    .arg(percent));
    }
    return true;
}

} // namespace fleetplan::pricing
