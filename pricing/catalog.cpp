// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/catalog.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "pricing/pricebook.h"

namespace fleetplan::pricing {

namespace {

/// Schema version of the bundled catalog file (PRAGMA user_version), written by the catalog builder.
constexpr int CatalogSchemaVersion = 2; // 2: instance_types.hypervisor

bool setErrorText(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<int> prev(m + 1);
    QList<int> cur(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            cur[j] = std::min({ prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost });
        }
        std::swap(prev, cur);
    }
    return prev[m];
}

QStringList nearest(const QString &name, const QStringList &candidates, int count)
{
    const QString needle = name.trimmed().toLower();
    QList<std::pair<int, QString>> scored;
    scored.reserve(candidates.size());
    for (const QString &c : candidates)
        scored.append({ editDistance(needle, c.toLower()), c });
    std::stable_sort(scored.begin(), scored.end(),
        [](const auto &x, const auto &y) { return x.first < y.first || (x.first == y.first && x.second < y.second); });
    QStringList out;
    // Only suggest names that are reasonably close: at most half the length of the input away.
    const int limit = std::max<int>(2, int(needle.size() / 2));
    for (const auto &s : scored) {
        if (out.size() >= count || s.first > limit)
            break;
        out.append(s.second);
    }
    return out;
}

/// Shell-style wildcard match of a whole name, case-insensitive: `*` any run of characters, `?` one character.
/// Iterative with one backtrack point (the last `*`), so it is linear-time in practice and allocates nothing:
/// it runs for every instance type on every simulation, where a QRegularExpression per pattern cost a sixth
/// of the GUI's quick estimate.
bool wildcardMatches(QStringView pattern, QStringView name)
{
    qsizetype p = 0;
    qsizetype n = 0;
    qsizetype star = -1;
    qsizetype resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = n;
        } else if (p < pattern.size() && (pattern[p] == u'?' || pattern[p].toCaseFolded() == name[n].toCaseFolded())) {
            ++p;
            ++n;
        } else if (star >= 0) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

QString didYouMean(const QStringList &suggestions)
{
    if (suggestions.isEmpty())
        return QString();
    return QStringLiteral("; did you mean ") + suggestions.join(QStringLiteral(", ")) + QStringLiteral("?");
}

const Rate *findRate(const Catalog::RateTable &table, const QString &region, const QString &key)
{
    const auto r = table.byRegion.constFind(region);
    if (r == table.byRegion.constEnd())
        return nullptr;
    const auto k = r->constFind(key);
    return k == r->constEnd() ? nullptr : &*k;
}

QString uniqueConnectionName(const char *prefix)
{
    static std::atomic<int> counter { 0 };
    return QString::fromLatin1(prefix) + QString::number(++counter);
}

} // namespace

/// Fills a Catalog from the bundled SQLite file and the price book.
class CatalogLoader
{
public:
    static bool loadFile(Catalog &c, const QString &path, QString *error);
    static bool applyPriceBook(Catalog &c, const QString &path, QString *error);
    static void finish(Catalog &c);
};

bool CatalogLoader::loadFile(Catalog &c, const QString &path, QString *error)
{
    auto fail = [&](const QString &what) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), what);
        return false;
    };
    if (!QFileInfo::exists(path))
        return fail(QStringLiteral("catalog file not found"));
    const QString conn = uniqueConnectionName("fleetplan-catalog-");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        [&] {
            if (!db.open()) {
                fail(QStringLiteral("cannot open the catalog: ") + db.lastError().text());
                return;
            }
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                fail(QStringLiteral("cannot read the schema version: ") + q.lastError().text());
                return;
            }
            if (q.value(0).toInt() != CatalogSchemaVersion) {
                fail(QStringLiteral("catalog schema version %1, expected %2")
                         .arg(q.value(0).toInt())
                         .arg(CatalogSchemaVersion));
                return;
            }
            if (!q.exec(QStringLiteral(
                    "SELECT name, family, vcpu, memory_mib, arch, max_enis, ipv4_per_eni, bare_metal, eks_max_pods,"
                    " karpenter_cpu_millicores, karpenter_memory_mib, default_card_max_enis, network_cards,"
                    " trunking_compatible, branch_enis, gpu_count, gpu_name, accelerator_count, accelerator_name,"
                    " spec_source, network_source, hypervisor FROM instance_types ORDER BY name"))) {
                fail(QStringLiteral("reading instance_types: ") + q.lastError().text());
                return;
            }
            while (q.next()) {
                InstanceType t;
                t.name = q.value(0).toString();
                t.family = q.value(1).toString();
                t.generation = generationOfFamily(t.family);
                t.vcpu = q.value(2).toInt();
                t.memoryMib = q.value(3).toInt();
                t.arch = parseCpuArch(q.value(4).toString()).value_or(CpuArch::X86_64);
                t.maxEnis = q.value(5).toInt();
                t.ipv4PerEni = q.value(6).toInt();
                t.bareMetal = q.value(7).toInt() != 0;
                t.eksMaxPods = q.value(8).toInt();
                if (!q.value(9).isNull())
                    t.karpenterAllocatableCpuMillicores = q.value(9).toInt();
                if (!q.value(10).isNull())
                    t.karpenterAllocatableMemoryMib = q.value(10).toInt();
                t.defaultCardMaxEnis = q.value(11).toInt();
                t.networkCards = q.value(12).toInt();
                t.trunkingCompatible = q.value(13).toInt() != 0;
                t.branchEnis = q.value(14).toInt();
                t.gpuCount = q.value(15).toInt();
                t.gpuName = q.value(16).toString();
                t.acceleratorCount = q.value(17).toInt();
                t.acceleratorName = q.value(18).toString();
                t.specSource = q.value(19).toString();
                t.networkSource = q.value(20).toString();
                t.hypervisor = q.value(21).toString();
                c.m_instanceTypes.append(std::move(t));
            }
            QHash<int, QString> sources;
            if (!q.exec(QStringLiteral("SELECT id, citation FROM sources"))) {
                fail(QStringLiteral("reading sources: ") + q.lastError().text());
                return;
            }
            while (q.next())
                sources.insert(q.value(0).toInt(), q.value(1).toString());
            if (!q.exec(
                    QStringLiteral("SELECT kind, region, key, usd, unit, as_of, source_id, estimated FROM rates"))) {
                fail(QStringLiteral("reading rates: ") + q.lastError().text());
                return;
            }
            while (q.next()) {
                const auto kind = parseRateKind(q.value(0).toString());
                if (!kind)
                    continue;
                Rate r;
                r.usd = r.listUsd = q.value(3).toDouble();
                r.unit = q.value(4).toString();
                r.asOf = q.value(5).toString();
                r.source = sources.value(q.value(6).toInt());
                r.estimated = q.value(7).toInt() != 0;
                r.origin = Rate::Bundled;
                Catalog::RateTable *table = nullptr;
                switch (*kind) {
                case RateKind::Ec2OnDemand:
                    table = &c.m_onDemand;
                    break;
                case RateKind::Ec2OnDemandWindows:
                    table = &c.m_onDemandWindows;
                    break;
                case RateKind::Ec2Spot:
                    table = &c.m_spot;
                    break;
                case RateKind::Ec2Reserved:
                    table = &c.m_reserved;
                    break;
                case RateKind::Fargate:
                    table = &c.m_fargate;
                    break;
                case RateKind::Eks:
                    table = &c.m_eks;
                    break;
                case RateKind::Other:
                    table = &c.m_other;
                    break;
                case RateKind::SavingsPlan:
                    table = &c.m_savingsPlans;
                    break;
                }
                table->byRegion[q.value(1).toString()].insert(q.value(2).toString(), r);
            }
            // Per-family RI rates (commitment_discounts.csv): "Standard RI" / "Convertible RI" rows of one
            // instance type, region, term and payment option.
            if (q.exec(QStringLiteral("SELECT family_or_service, region, term, payment_option, plan_type, "
                                      "discount_percent_or_rate, basis, source, as_of FROM commitment_discounts "
                                      "WHERE scope = 'ec2_instance'"))) {
                while (q.next()) {
                    const auto plan = parseCommitmentPlan(q.value(4).toString());
                    const auto payment = parsePaymentOption(q.value(3).toString());
                    const QString term = q.value(2).toString();
                    bool ok = false;
                    const double percent = q.value(5).toString().toDouble(&ok);
                    if (!plan || !payment || !ok || (term != u"1yr" && term != u"3yr"))
                        continue;
                    const QString type = q.value(0).toString();
                    const QString key = QStringLiteral("%1|%2|%3|%4|%5")
                                            .arg(q.value(1).toString(), type.section(u'.', 0, 0), term.left(1),
                                                paymentOptionName(*payment), commitmentPlanName(*plan));
                    c.m_commitmentRates.insert(key,
                        CommitmentRate {
                            percent, type, q.value(6).toString(), q.value(7).toString(), q.value(8).toString() });
                }
            }
            if (q.exec(QStringLiteral(
                    "SELECT name, file, rows, as_of_min, as_of_max, sources FROM datasets ORDER BY rowid"))) {
                while (q.next()) {
                    c.m_datasets.append(DatasetInfo { q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(),
                        q.value(3).toString(), q.value(4).toString(), q.value(5).toString() });
                }
            }
            if (q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'built_at'")) && q.next())
                c.m_builtAt = q.value(0).toString();
            ok = true;
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(conn);
    return ok;
}

bool CatalogLoader::applyPriceBook(Catalog &c, const QString &path, QString *error)
{
    PriceBook book;
    if (!book.open(path, error))
        return false;
    QString readError;
    const QList<PriceBookEntry> entries = book.entries(&readError);
    if (!readError.isEmpty())
        return setErrorText(error, readError);
    // Imported first, then overrides, so an override always wins.
    for (int pass = 0; pass < 2; ++pass) {
        const Rate::Origin wanted = pass == 0 ? Rate::Imported : Rate::Override;
        for (const PriceBookEntry &e : entries) {
            if (e.origin != wanted)
                continue;
            Catalog::RateTable *table = nullptr;
            switch (e.kind) {
            case RateKind::Ec2OnDemand:
                table = &c.m_onDemand;
                break;
            case RateKind::Ec2OnDemandWindows:
                table = &c.m_onDemandWindows;
                break;
            case RateKind::Ec2Spot:
                table = &c.m_spot;
                break;
            case RateKind::Ec2Reserved:
                table = &c.m_reserved;
                break;
            case RateKind::Fargate:
                table = &c.m_fargate;
                break;
            case RateKind::Eks:
                table = &c.m_eks;
                break;
            case RateKind::Other:
                table = &c.m_other;
                break;
            case RateKind::SavingsPlan:
                table = &c.m_savingsPlans;
                break;
            }
            Rate &r = table->byRegion[e.region][e.key];
            if (r.unit.isEmpty()) { // a custom rate the bundled catalog does not have
                switch (e.kind) {
                case RateKind::Ec2OnDemand:
                case RateKind::Ec2OnDemandWindows:
                case RateKind::Ec2Spot:
                    r.unit = QStringLiteral("USD per hour");
                    break;
                case RateKind::Ec2Reserved:
                    r.unit = QStringLiteral("USD per hour (effective)");
                    break;
                case RateKind::Fargate:
                    r.unit = e.key.endsWith(QLatin1String("vcpu")) || e.key.endsWith(QLatin1String("license"))
                        ? QStringLiteral("USD per vCPU-hour")
                        : QStringLiteral("USD per GB-hour");
                    break;
                case RateKind::Eks:
                    r.unit = QStringLiteral("USD per cluster-hour");
                    break;
                case RateKind::Other:
                    r.unit = e.key.endsWith(QLatin1String("_storage")) ? QStringLiteral("USD per GB-month")
                                                                       : QStringLiteral("USD");
                    break;
                case RateKind::SavingsPlan:
                    r.unit = e.key.endsWith(QLatin1String("_vcpu")) ? QStringLiteral("USD per vCPU-hour")
                        : e.key.endsWith(QLatin1String("_memory"))  ? QStringLiteral("USD per GB-hour")
                                                                    : QStringLiteral("USD per hour");
                    break;
                }
            }
            r.usd = r.listUsd = e.usd;
            r.asOf = e.asOf;
            r.source = e.source;
            r.origin = e.origin;
            r.estimated = false;
            ++c.m_priceBookRates;
        }
    }
    c.m_enterpriseDiscountPercent = book.enterpriseDiscountPercent();
    if (c.m_enterpriseDiscountPercent > 0) {
        const double factor = 1.0 - c.m_enterpriseDiscountPercent / 100.0;
        for (Catalog::RateTable *t : { &c.m_onDemand, &c.m_onDemandWindows, &c.m_spot, &c.m_reserved, &c.m_fargate,
                 &c.m_eks, &c.m_other, &c.m_savingsPlans }) {
            for (auto &region : t->byRegion) {
                for (Rate &r : region) {
                    if (r.origin != Rate::Override)
                        r.usd = r.listUsd * factor;
                }
            }
        }
    }
    if (!book.applyCommitmentEdits(c.m_commitments, &readError))
        return setErrorText(error, readError);
    // The user's own hardware: listed with the EC2 types (sorted by name), priced at the user's figure in
    // every region, never discounted (an override of the user's own).
    const QList<CustomNodeType> custom = book.customNodeTypes(&readError);
    if (!readError.isEmpty())
        return setErrorText(error, readError);
    for (const CustomNodeType &t : custom) {
        c.m_instanceTypes.append(instanceTypeOf(t));
        Rate r;
        r.usd = r.listUsd = t.usdPerHour;
        r.unit = QStringLiteral("USD per node-hour");
        r.origin = Rate::Override;
        r.source = t.note.isEmpty() ? QStringLiteral("custom node type (your price book)")
                                    : QStringLiteral("custom node type (your price book): ") + t.note;
        c.m_customRates.insert(t.name, r);
        c.m_customNodeTypes.append(t);
    }
    if (!custom.isEmpty())
        std::sort(c.m_instanceTypes.begin(), c.m_instanceTypes.end(),
            [](const InstanceType &a, const InstanceType &b) { return a.name < b.name; });
    return true;
}

void CatalogLoader::finish(Catalog &c)
{
    c.m_typeIndex.clear();
    c.m_typeIndex.reserve(c.m_instanceTypes.size());
    for (qsizetype i = 0; i < c.m_instanceTypes.size(); ++i)
        c.m_typeIndex.insert(c.m_instanceTypes.at(i).name, i);
    QSet<QString> regions;
    for (const Catalog::RateTable *t : { &c.m_onDemand, &c.m_spot, &c.m_fargate, &c.m_eks, &c.m_other }) {
        for (auto it = t->byRegion.cbegin(); it != t->byRegion.cend(); ++it)
            regions.insert(it.key());
    }
    c.m_regions = QStringList(regions.cbegin(), regions.cend());
    c.m_regions.sort();
}

namespace {

/// Copies the embedded catalog to a temporary file (QtSql cannot open a Qt resource nor use
/// sqlite3_deserialize) and loads it.
bool loadEmbedded(Catalog &c, QString *error, bool (*loadFile)(Catalog &, const QString &, QString *))
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary folder for the bundled catalog: ") + dir.errorString();
        return false;
    }
    const QString copy = dir.filePath(QStringLiteral("catalog.sqlite"));
    if (!QFile::copy(QStringLiteral(":/catalog/catalog.sqlite"), copy)) {
        if (error)
            *error = QStringLiteral("the bundled catalog resource :/catalog/catalog.sqlite is missing or unreadable");
        return false;
    }
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::ReadUser);
    return loadFile(c, copy, error);
}

} // namespace

std::shared_ptr<const Catalog> Catalog::load(const QString &catalogPath, const QString &priceBookPath, QString *error)
{
    std::shared_ptr<Catalog> c(new Catalog);
    if (catalogPath.isEmpty()) {
        if (!loadEmbedded(*c, error, &CatalogLoader::loadFile))
            return nullptr;
    } else if (!CatalogLoader::loadFile(*c, catalogPath, error)) {
        return nullptr;
    }
    if (!priceBookPath.isEmpty() && !CatalogLoader::applyPriceBook(*c, priceBookPath, error))
        return nullptr;
    CatalogLoader::finish(*c);
    return c;
}

std::shared_ptr<const Catalog> Catalog::bundled()
{
    // A function-local static is initialised once, thread-safely (C++11 magic statics).
    static const std::shared_ptr<const Catalog> instance = [] {
        QString error;
        // FLEETPLAN_CATALOG names a catalog.sqlite file (the one installed in share/fleetplan/) to read in
        // place of a temporary copy of the embedded one: what a process that may not write 7.8 MB (ulimit -f,
        // a full disk; tests/app/tst_faults.cpp) needs.
        auto c = load(qEnvironmentVariable("FLEETPLAN_CATALOG"), QString(), &error);
        if (!c) {
            std::fprintf(stderr, "fleetplan: cannot load the bundled catalog: %s\n", qPrintable(error));
            std::abort();
        }
        return c;
    }();
    return instance;
}

std::shared_ptr<const Catalog> Catalog::withUserPriceBook(QString *error)
{
    std::shared_ptr<const Catalog> base = bundled();
    const QString path = PriceBook::defaultPath();
    if (!QFileInfo::exists(path))
        return base;
    std::shared_ptr<Catalog> c(new Catalog(*base));
    if (!CatalogLoader::applyPriceBook(*c, path, error))
        return base;
    CatalogLoader::finish(*c);
    return c;
}

// ---- instance types ---------------------------------------------------------------------------------

const InstanceType *Catalog::instanceType(const QString &name) const
{
    const auto it = m_typeIndex.constFind(name);
    return it == m_typeIndex.constEnd() ? nullptr : &m_instanceTypes.at(*it);
}

const InstanceType *Catalog::instanceType(const QString &name, QString *error) const
{
    const InstanceType *t = instanceType(name);
    if (!t && error)
        *error = QStringLiteral("unknown instance type \"%1\"").arg(name) + didYouMean(suggestInstanceTypes(name));
    return t;
}

QStringList Catalog::suggestInstanceTypes(const QString &name, int count) const
{
    QStringList names;
    names.reserve(m_instanceTypes.size());
    for (const InstanceType &t : m_instanceTypes)
        names.append(t.name);
    return nearest(name, names, count);
}

QList<const InstanceType *> Catalog::instanceTypes(const InstanceFilter &f) const
{
    QList<const InstanceType *> out;
    const QHash<QString, Rate> *priced = nullptr;
    if (!f.pricedInRegion.isEmpty()) {
        const auto it = m_onDemand.byRegion.constFind(f.pricedInRegion);
        if (it == m_onDemand.byRegion.constEnd())
            return out;
        priced = &*it;
    }
    for (const InstanceType &t : m_instanceTypes) {
        if (!f.families.isEmpty() && !f.families.contains(t.family, Qt::CaseInsensitive))
            continue;
        if (t.generation < f.minGeneration || t.generation > f.maxGeneration)
            continue;
        if (f.arch && t.arch != *f.arch)
            continue;
        if (f.requireSpecs && !t.hasSpecs())
            continue;
        if (t.vcpu < f.minVcpu || t.vcpu > f.maxVcpu || t.memoryMib < f.minMemoryMib || t.memoryMib > f.maxMemoryMib)
            continue;
        if (f.excludeBareMetal && t.bareMetal)
            continue;
        if (f.excludeAccelerated && t.isAccelerated())
            continue;
        if (priced && !priced->contains(t.name) && !t.custom)
            continue;
        out.append(&t);
    }
    return out;
}

QStringList Catalog::matchInstanceTypes(const QStringList &namesOrWildcards, QString *error) const
{
    QStringList out;
    QSet<QString> seen;
    QStringList problems;
    for (const QString &raw : namesOrWildcards) {
        const QString pattern = raw.trimmed();
        if (pattern.isEmpty())
            continue;
        if (pattern.contains(u'*') || pattern.contains(u'?')) {
            int matched = 0;
            for (const InstanceType &t : m_instanceTypes) {
                if (wildcardMatches(pattern, t.name)) {
                    ++matched;
                    if (!seen.contains(t.name)) {
                        seen.insert(t.name);
                        out.append(t.name);
                    }
                }
            }
            if (matched == 0) {
                QString family = pattern.section(u'.', 0, 0);
                QStringList families;
                for (const InstanceType &t : m_instanceTypes) {
                    if (!families.contains(t.family))
                        families.append(t.family);
                }
                const QStringList near = nearest(family, families, 3);
                QStringList suggestions;
                for (const QString &f : near)
                    suggestions.append(f + QStringLiteral(".*"));
                problems.append(
                    QStringLiteral("\"%1\" matches no instance type").arg(pattern) + didYouMean(suggestions));
            }
        } else if (const InstanceType *t = instanceType(pattern)) {
            if (!seen.contains(t->name)) {
                seen.insert(t->name);
                out.append(t->name);
            }
        } else {
            // A name of no EC2 family is most likely a custom node type the price book does not hold.
            const QString family = pattern.section(u'.', 0, 0);
            const bool awsFamily = std::any_of(m_instanceTypes.cbegin(), m_instanceTypes.cend(),
                [&](const InstanceType &t) { return !t.custom && t.family.compare(family, Qt::CaseInsensitive) == 0; });
            problems.append(QStringLiteral("unknown instance type \"%1\"").arg(pattern)
                + didYouMean(suggestInstanceTypes(pattern))
                + (awsFamily ? QString()
                             : QStringLiteral(" (not an EC2 instance type nor a custom node type of your price book; "
                                              "add one with fleetplan catalog node add)")));
        }
    }
    if (error)
        *error = problems.join(QStringLiteral("\n"));
    out.sort();
    return out;
}

// ---- regions -------------------------------------------------------------------------------------

bool Catalog::hasRegion(const QString &region) const
{
    return std::binary_search(m_regions.cbegin(), m_regions.cend(), region);
}

QStringList Catalog::suggestRegions(const QString &region, int count) const
{
    return nearest(region, m_regions, count);
}

bool Catalog::checkRegion(const QString &region, QString *error) const
{
    if (hasRegion(region))
        return true;
    if (error)
        *error = QStringLiteral("unknown region \"%1\"").arg(region) + didYouMean(suggestRegions(region));
    return false;
}

// ---- EC2 -----------------------------------------------------------------------------------------

QStringList Catalog::regionsWithOnDemand(const QString &type) const
{
    if (m_customRates.contains(type))
        return m_regions;
    QStringList out;
    for (auto it = m_onDemand.byRegion.cbegin(); it != m_onDemand.byRegion.cend(); ++it) {
        if (it->contains(type))
            out.append(it.key());
    }
    out.sort();
    return out;
}

namespace {

std::optional<Rate> ec2Lookup(const Catalog &c, const Catalog::RateTable &table, const QString &region,
    const QString &type, const QString &what, QString *error)
{
    if (const Rate *r = findRate(table, region, type))
        return *r;
    if (!error)
        return std::nullopt;
    QString typeError;
    if (!c.instanceType(type) && !findRate(table, region, type)) {
        // A custom rate for an unknown type would have been found above.
        c.instanceType(type, &typeError);
        *error = typeError;
        return std::nullopt;
    }
    if (!c.checkRegion(region, error))
        return std::nullopt;
    QStringList where;
    for (auto it = table.byRegion.cbegin(); it != table.byRegion.cend(); ++it) {
        if (it->contains(type))
            where.append(it.key());
    }
    where.sort();
    *error = QStringLiteral("%1 has no %2 price in region %3; ").arg(type, what, region)
        + (where.isEmpty() ? QStringLiteral("no region has one")
                           : QStringLiteral("available in: ") + where.join(QStringLiteral(", ")));
    return std::nullopt;
}

} // namespace

std::optional<Rate> Catalog::onDemandHourly(const QString &region, const QString &type, QString *error) const
{
    if (const auto custom = m_customRates.constFind(type); custom != m_customRates.constEnd()) {
        if (!checkRegion(region, error))
            return std::nullopt;
        return *custom;
    }
    return ec2Lookup(*this, m_onDemand, region, type, QStringLiteral("On-Demand"), error);
}

std::optional<Rate> Catalog::windowsOnDemandHourly(const QString &region, const QString &type, QString *error) const
{
    return ec2Lookup(*this, m_onDemandWindows, region, type, QStringLiteral("Windows On-Demand"), error);
}

std::optional<Rate> Catalog::spotHourly(const QString &region, const QString &type, QString *error) const
{
    if (m_customRates.contains(type)) {
        setErrorText(
            error, QStringLiteral("%1 is a custom node type (your own hardware): Spot is EC2 capacity only").arg(type));
        return std::nullopt;
    }
    return ec2Lookup(*this, m_spot, region, type, QStringLiteral("Spot"), error);
}

std::optional<Rate> Catalog::reservedEffectiveHourly(const QString &region, const QString &type, int termYears,
    PaymentOption payment, const QString &offeringClass) const
{
    const QString key = QStringLiteral("%1|%2yr|%3|%4")
                            .arg(type)
                            .arg(termYears)
                            .arg(paymentOptionName(payment), offeringClass.toLower());
    if (const Rate *r = findRate(m_reserved, region, key))
        return *r;
    return std::nullopt;
}

std::optional<CommitmentRate> Catalog::reservedInstanceRate(
    const QString &region, const QString &family, int termYears, PaymentOption payment, CommitmentPlan plan) const
{
    const QString key = QStringLiteral("%1|%2|%3|%4|%5")
                            .arg(region, family)
                            .arg(termYears)
                            .arg(paymentOptionName(payment), commitmentPlanName(plan));
    const auto it = m_commitmentRates.constFind(key);
    if (it == m_commitmentRates.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<CommitmentRate> Catalog::savingsPlanDiscount(
    const QString &region, const QString &family, CommitmentPlan plan, int termYears, PaymentOption payment) const
{
    if (family.isEmpty()
        || (plan != CommitmentPlan::ComputeSavingsPlan && plan != CommitmentPlan::Ec2InstanceSavingsPlan))
        return std::nullopt;
    const auto spRegion = m_savingsPlans.byRegion.constFind(region);
    if (spRegion == m_savingsPlans.byRegion.constEnd())
        return std::nullopt;
    const QString prefix = savingsPlanRateKey(plan, termYears, payment, family + u'.');
    // The family's `.large` when it has one, else its cheapest size with both rates: Savings Plans rates of
    // one family scale with the size as On-Demand does, so one size's percent stands for all.
    const Rate *sp = nullptr;
    const Rate *od = nullptr;
    QString type;
    for (auto it = spRegion->constBegin(); it != spRegion->constEnd(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const QString candidate = it.key().mid(prefix.size() - family.size() - 1);
        const Rate *onDemand = findRate(m_onDemand, region, candidate);
        if (!onDemand || onDemand->usd <= 0 || it->usd >= onDemand->usd)
            continue;
        const bool large = candidate.endsWith(QLatin1String(".large"));
        const bool better = !sp || (large && !type.endsWith(QLatin1String(".large")))
            || (large == type.endsWith(QLatin1String(".large"))
                && (onDemand->usd < od->usd || (onDemand->usd == od->usd && candidate < type)));
        if (better) {
            sp = &it.value();
            od = onDemand;
            type = candidate;
        }
    }
    if (!sp)
        return std::nullopt;
    return CommitmentRate { (1.0 - sp->usd / od->usd) * 100.0, type,
        QStringLiteral("Savings Plans rate %1 vs On-Demand %2 USD/h of %3").arg(sp->usd).arg(od->usd).arg(type),
        sp->source, sp->asOf };
}

std::optional<CommitmentRate> Catalog::fargateSavingsPlanDiscount(
    const QString &region, int termYears, PaymentOption payment) const
{
    const QString item = QStringLiteral("linux_x86_vcpu");
    const Rate *sp = findRate(
        m_savingsPlans, region, savingsPlanRateKey(CommitmentPlan::ComputeSavingsPlan, termYears, payment, item));
    const Rate *od = findRate(m_fargate, region, item);
    if (!sp || !od || od->usd <= 0 || sp->usd >= od->usd)
        return std::nullopt;
    return CommitmentRate { (1.0 - sp->usd / od->usd) * 100.0, item,
        QStringLiteral("Compute Savings Plans rate %1 vs On-Demand %2 USD per Fargate vCPU-hour")
            .arg(sp->usd)
            .arg(od->usd),
        sp->source, sp->asOf };
}

// ---- Fargate, EKS, EBS ---------------------------------------------------------------------------

std::optional<FargateRateCard> Catalog::fargate(
    const QString &region, CpuArch arch, FargateOs os, bool spot, QString *error) const
{
    if (!checkRegion(region, error))
        return std::nullopt;
    const QString archKey = arch == CpuArch::Arm64 ? QStringLiteral("arm") : QStringLiteral("x86");
    const QString what
        = QStringLiteral("Fargate%1 %2 %3")
              .arg(spot ? QStringLiteral(" Spot") : QString(),
                  os == FargateOs::Windows ? QStringLiteral("Windows") : QStringLiteral("Linux"), cpuArchName(arch));
    auto missing = [&](const QString &detail) -> std::optional<FargateRateCard> {
        if (error) {
            QStringList where;
            for (auto it = m_fargate.byRegion.cbegin(); it != m_fargate.byRegion.cend(); ++it) {
                if (it->contains(detail))
                    where.append(it.key());
            }
            where.sort();
            *error = QStringLiteral("no %1 rate (%2) in region %3; ").arg(what, detail, region)
                + (where.isEmpty() ? QStringLiteral("no region has one")
                                   : QStringLiteral("available in: ") + where.join(QStringLiteral(", ")));
        }
        return std::nullopt;
    };
    if (os == FargateOs::Windows && (arch == CpuArch::Arm64 || spot)) {
        if (error)
            *error = QStringLiteral("%1 does not exist: Fargate Windows runs on x86 with on-demand capacity only")
                         .arg(what);
        return std::nullopt;
    }
    const QString prefix = os == FargateOs::Windows ? QStringLiteral("windows_x86_")
        : spot                                      ? QStringLiteral("spot_linux_") + archKey + u'_'
                                                    : QStringLiteral("linux_") + archKey + u'_';
    const Rate *cpu = findRate(m_fargate, region, prefix + QStringLiteral("vcpu"));
    if (!cpu)
        return missing(prefix + QStringLiteral("vcpu"));
    const Rate *mem = findRate(m_fargate, region, prefix + QStringLiteral("memory"));
    if (!mem)
        return missing(prefix + QStringLiteral("memory"));
    FargateRateCard card { *cpu, *mem, std::nullopt, std::nullopt };
    if (os == FargateOs::Windows) {
        const Rate *lic = findRate(m_fargate, region, QStringLiteral("windows_os_license"));
        if (!lic)
            return missing(QStringLiteral("windows_os_license"));
        card.osLicenseVcpuHour = *lic;
    }
    if (const Rate *storage = findRate(m_fargate, region, QStringLiteral("ephemeral_storage_above_20gb")))
        card.ephemeralGbHourAbove20 = *storage;
    return card;
}

namespace {

std::optional<Rate> regionalLookup(const Catalog &c, const Catalog::RateTable &table, const QString &region,
    const QString &key, const QString &what, QString *error)
{
    if (const Rate *r = findRate(table, region, key))
        return *r;
    if (error && c.checkRegion(region, error)) {
        QStringList where;
        for (auto it = table.byRegion.cbegin(); it != table.byRegion.cend(); ++it) {
            if (it->contains(key))
                where.append(it.key());
        }
        where.sort();
        *error = QStringLiteral("no %1 rate in region %2; ").arg(what, region)
            + (where.isEmpty() ? QStringLiteral("no region has one")
                               : QStringLiteral("available in: ") + where.join(QStringLiteral(", ")));
    }
    return std::nullopt;
}

} // namespace

std::optional<Rate> Catalog::eksControlPlaneHourly(const QString &region, bool extendedSupport, QString *error) const
{
    const QString key
        = extendedSupport ? QStringLiteral("cluster_extended_support") : QStringLiteral("cluster_standard_support");
    return regionalLookup(*this, m_eks, region, key, QStringLiteral("EKS control plane (%1)").arg(key), error);
}

std::optional<Rate> Catalog::ebsGbMonth(const QString &region, const QString &volumeType, QString *error) const
{
    const QString type = volumeType.trimmed().toLower();
    if (type != u"gp3" && type != u"gp2") {
        if (error)
            *error = QStringLiteral("unknown EBS volume type \"%1\"; expected gp3 or gp2").arg(volumeType);
        return std::nullopt;
    }
    return regionalLookup(
        *this, m_other, region, type + QStringLiteral("_storage"), QStringLiteral("EBS %1").arg(type), error);
}

std::optional<Rate> Catalog::otherRate(const QString &region, const QString &item, QString *error) const
{
    return regionalLookup(*this, m_other, region, item, item, error);
}

} // namespace fleetplan::pricing
