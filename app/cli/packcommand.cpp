// SPDX-License-Identifier: GPL-3.0-or-later
#include <chrono>
#include <cmath>

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include "app/cli/commands.h"
#include "app/cli/jsonenvelope.h"
#include "models/placement/placement.h"
#include "models/placement/placementvalidator.h"
#include "models/placement/vbpinstance.h"
#include "pricing/catalog.h"

namespace fleetplan::cli {

namespace {

using namespace models::placement;

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(envelopeJson(o, QStringLiteral("packing")));
}

int packVbp(Context &ctx, const QString &path, bool json)
{
    const VbpReadResult read = readVbp(path);
    if (!read.ok()) {
        ctx.err << read.error << '\n';
        return InvalidInput;
    }
    const PlacementRequest request = read.instance.toRequest();
    const auto start = std::chrono::steady_clock::now();
    const PlacementResult result = place(request);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const QStringList problems = validatePlacement(request, result);
    if (json) {
        QJsonObject o;
        o[u"instance"] = read.instance.name;
        o[u"items"] = read.instance.itemCount();
        o[u"bins"] = int(result.nodes.size());
        o[u"lower_bound"] = result.lowerBoundPerHour; // bins of price 1: the per-dimension ceil bound
        o[u"seconds"] = seconds;
        o[u"valid"] = problems.isEmpty();
        ctx.out << jsonText(o);
    } else {
        ctx.out << "instance:    " << read.instance.name << " (" << read.instance.itemCount() << " items)\n"
                << "bins:        " << result.nodes.size() << '\n'
                << "lower bound: " << result.lowerBoundPerHour << '\n'
                << "seconds:     " << QString::number(seconds, 'f', 4) << '\n'
                << "valid:       " << (problems.isEmpty() ? "yes" : "NO") << '\n';
    }
    for (const QString &p : problems)
        ctx.err << path << ": invalid packing: " << p << '\n';
    return Ok;
}

/// "items.json:3:14" for a byte offset into text.
QString location(const QString &path, const QByteArray &text, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("%1:%2:%3").arg(path).arg(line).arg(column);
}

int packAndReport(Context &ctx, const PlacementRequest &request, const QString &region, bool json);

/// Largest number of tasks one `fleetplan pack` accepts, per item and in total: the engine keeps one
/// record per opened node: 100 M tasks would need millions of them (and minutes), 1 M take about a second.
constexpr double MaxTasks = 1e6;

int packItems(
    Context &ctx, const QString &path, const QString &region, bool regionSet, const QString &typePatterns, bool json)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ctx.err << path << ": cannot open: " << file.errorString() << '\n';
        return InvalidInput;
    }
    const QByteArray text = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ctx.err << location(path, text, parseError.offset) << ": " << parseError.errorString() << '\n';
        return InvalidInput;
    }
    // An array of items, or an object {"items": [...], "node_types": [...], "node_overhead": {...}}
    // (the format of tests/data/placement/optima/*.json): explicit node types instead of the catalog.
    if (!doc.isArray() && !(doc.isObject() && doc.object().value(u"items").isArray())) {
        ctx.err << path
                << ": expected an array of items [{\"service\", \"count\", \"cpu\", \"memory_mib\", \"slots\"}]"
                   " or an object with \"items\" (and \"node_types\")\n";
        return InvalidInput;
    }
    const QJsonObject top = doc.isObject() ? doc.object() : QJsonObject();
    PlacementRequest request;
    request.mode = Mode::CheapestMix;
    const QJsonArray array = doc.isArray() ? doc.array() : top.value(u"items").toArray();
    double totalTasks = 0;
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject o = array[i].toObject();
        const QString where = QStringLiteral("%1: items[%2]").arg(path).arg(i);
        ItemGroup g;
        g.service = o.value(u"service").toString(QStringLiteral("item %1").arg(i + 1));
        const double count = o.value(u"count").toDouble(-1);
        const double cpu = o.value(u"cpu").toDouble(-1);
        const double memory = o.value(u"memory_mib").toDouble(-1);
        const double pods = o.value(u"slots").toDouble(1); // not "slots": a Qt macro
        if (count < 0 || count != std::floor(count) || !std::isfinite(count)) {
            ctx.err << where << ".count: expected a whole number >= 0\n";
            return InvalidInput;
        }
        if (count > MaxTasks) {
            ctx.err << where << ".count: " << QString::number(count, 'f', 0) << " tasks is more than the "
                    << QString::number(MaxTasks, 'f', 0) << " one pack accepts\n";
            return InvalidInput;
        }
        totalTasks += count;
        if (totalTasks > MaxTasks) {
            ctx.err << where << ".count: the items up to here add up to " << QString::number(totalTasks, 'f', 0)
                    << " tasks, more than the " << QString::number(MaxTasks, 'f', 0) << " one pack accepts\n";
            return InvalidInput;
        }
        if (!std::isfinite(cpu) || !std::isfinite(memory) || !std::isfinite(pods) || cpu > 1e6 || memory > 1e9
            || pods > 1e6) {
            ctx.err << where
                    << (!(std::isfinite(cpu) && cpu <= 1e6)
                               ? ".cpu"
                               : (!(std::isfinite(memory) && memory <= 1e9) ? ".memory_mib" : ".slots"))
                    << ": the number is too large\n";
            return InvalidInput;
        }
        if (cpu < 0 || memory < 0 || pods < 0) {
            ctx.err << where << (cpu < 0 ? ".cpu" : (memory < 0 ? ".memory_mib" : ".slots"))
                    << ": expected a number >= 0\n";
            return InvalidInput;
        }
        g.count = int(count);
        g.request = Resources { cpu * 1000.0, memory, pods }; // cpu in vCPU → millicores
        g.arch = o.value(u"arch").toString();
        if (!g.arch.isEmpty() && g.arch != u"x86_64" && g.arch != u"arm64") {
            ctx.err << where << ".arch: expected \"x86_64\" or \"arm64\"\n";
            return InvalidInput;
        }
        g.spotOk = o.value(u"spot_ok").toBool(false);
        request.items.append(g);
    }

    if (top.contains(u"node_types")) {
        // Explicit node types: cpu in vCPU, memory_mib, slots, price_per_hour; node_overhead on every node.
        const QJsonObject ov = top.value(u"node_overhead").toObject();
        const Resources overhead { ov.value(u"cpu").toDouble() * 1000.0, ov.value(u"memory_mib").toDouble(),
            ov.value(u"slots").toDouble() };
        const QJsonArray types = top.value(u"node_types").toArray();
        for (int i = 0; i < types.size(); ++i) {
            const QJsonObject t = types[i].toObject();
            const QString where = QStringLiteral("%1: node_types[%2]").arg(path).arg(i);
            NodeType n;
            n.name = t.value(u"name").toString(QStringLiteral("type %1").arg(i + 1));
            n.arch = t.value(u"arch").toString();
            n.capacity = Resources { t.value(u"cpu").toDouble(-1) * 1000.0, t.value(u"memory_mib").toDouble(-1),
                t.value(u"slots").toDouble(-1) };
            n.overhead = overhead;
            n.pricePerHour = t.value(u"price_per_hour").toDouble(-1);
            for (const char *field : { "cpu", "memory_mib", "slots", "price_per_hour" }) {
                const double v = t.value(QLatin1String(field)).toDouble(-1);
                if (!(v >= 0) || !std::isfinite(v)) {
                    ctx.err << where << '.' << field << ": expected a number >= 0\n";
                    return InvalidInput;
                }
            }
            request.nodeTypes.append(n);
        }
        if (request.nodeTypes.isEmpty()) {
            ctx.err << path << ": node_types: expected at least one node type\n";
            return InvalidInput;
        }
        return packAndReport(ctx, request, regionSet ? region : top.value(u"region").toString(), json);
    }
    if (!regionSet) {
        ctx.err << "fleetplan pack: --region is required with ITEMS.json\n";
        return UsageError;
    }

    // The catalog `compare` prices with: the bundled one with the user's price book, whose custom node types
    // (own hardware) --instance-types may name.
    QString error;
    const auto catalog = pricing::Catalog::withUserPriceBook(&error);
    if (!error.isEmpty())
        ctx.err << "warning: " << error << " (using the bundled catalog)\n";
    error.clear();
    if (!catalog->checkRegion(region, &error)) {
        ctx.err << "--region: " << error << '\n';
        return InvalidInput;
    }
    QStringList names;
    if (!typePatterns.isEmpty()) {
        names = catalog->matchInstanceTypes(typePatterns.split(u',', Qt::SkipEmptyParts), &error);
        if (!error.isEmpty()) {
            ctx.err << "--instance-types: " << error << '\n';
            return InvalidInput;
        }
    } else {
        for (const pricing::InstanceType &t : catalog->instanceTypes()) {
            if (!t.bareMetal && !t.isAccelerated() && !t.custom) // custom node types only when named
                names << t.name;
        }
    }
    // Capacity per the catalog: vCPU × 1000 millicores, memory MiB, EKS max pods; On-Demand price.
    for (const QString &name : names) {
        const pricing::InstanceType *t = catalog->instanceType(name);
        // A custom node type without a max pods figure has the kubelet's default of 110.
        const int pods = t && t->custom && t->eksMaxPods <= 0 ? 110 : (t ? t->eksMaxPods : 0);
        if (!t || !t->hasSpecs() || pods <= 0)
            continue;
        const auto price = catalog->onDemandHourly(region, name);
        if (!price)
            continue;
        NodeType n;
        n.name = name;
        n.arch = pricing::cpuArchName(t->arch);
        n.capacity = Resources { t->vcpu * 1000.0, double(t->memoryMib), double(pods) };
        n.pricePerHour = price->usd;
        request.nodeTypes.append(n);
    }
    if (request.nodeTypes.isEmpty()) {
        ctx.err << "--instance-types: no type with specs and an On-Demand price in " << region << '\n';
        return InvalidInput;
    }

    return packAndReport(ctx, request, region, json);
}

int packAndReport(Context &ctx, const PlacementRequest &request, const QString &region, bool json)
{
    const auto start = std::chrono::steady_clock::now();
    const PlacementResult result = place(request);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // The independent checker on our own result: capacities, architectures, keys, item counts.
    const QStringList problems = validatePlacement(request, result);

    if (json) {
        QJsonArray nodes;
        for (int t = 0; t < request.nodeTypes.size(); ++t) {
            if (result.nodesByType[t] == 0)
                continue;
            QJsonObject n;
            n[u"type"] = request.nodeTypes[t].name;
            n[u"count"] = result.nodesByType[t];
            n[u"price_per_hour"] = request.nodeTypes[t].pricePerHour;
            nodes.append(n);
        }
        QJsonArray unplaced;
        for (const Unplaced &u : result.unplaced) {
            QJsonObject o;
            o[u"service"] = request.items[u.group].service;
            o[u"count"] = u.count;
            o[u"reason"] = u.reason;
            unplaced.append(o);
        }
        QJsonObject o;
        o[u"region"] = region;
        o[u"nodes"] = nodes;
        o[u"cost_per_hour"] = result.costPerHour;
        o[u"lower_bound_per_hour"] = result.lowerBoundPerHour;
        o[u"ratio"] = result.ratio;
        o[u"utilisation"] = QJsonObject { { QStringLiteral("cpu"), result.utilisation.cpu },
            { QStringLiteral("memory"), result.utilisation.memoryMib },
            { QStringLiteral("slots"), result.utilisation.slotCount } };
        o[u"placed"] = result.placedItems;
        o[u"unplaced"] = unplaced;
        o[u"proven_optimal"] = result.provenOptimal;
        o[u"pattern_bound_per_hour"] = result.patternBoundPerHour;
        // Every node with its contents, in the engine's order (by type, fullest first).
        QJsonArray contents;
        for (const Node &node : result.nodes) {
            QJsonArray items;
            for (const auto &[g, count] : node.items)
                items.append(QJsonObject {
                    { QStringLiteral("service"), request.items[g].service }, { QStringLiteral("count"), count } });
            const NodeType &type = request.nodeTypes[node.nodeType];
            contents.append(QJsonObject { { QStringLiteral("type"), type.name },
                { QStringLiteral("price_per_hour"), type.pricePerHour }, { QStringLiteral("items"), items } });
        }
        o[u"node_contents"] = contents;
        o[u"valid"] = problems.isEmpty();
        o[u"problems"] = QJsonArray::fromStringList(problems);
        o[u"seconds"] = seconds;
        ctx.out << jsonText(o);
    } else {
        ctx.out << QStringLiteral("%1  %2  %3\n")
                       .arg(QStringLiteral("type"), -16)
                       .arg(QStringLiteral("nodes"), 6)
                       .arg(QStringLiteral("USD/hour"), 10);
        for (int t = 0; t < request.nodeTypes.size(); ++t) {
            if (result.nodesByType[t] == 0)
                continue;
            ctx.out << QStringLiteral("%1  %2  %3\n")
                           .arg(request.nodeTypes[t].name, -16)
                           .arg(result.nodesByType[t], 6)
                           .arg(result.nodesByType[t] * request.nodeTypes[t].pricePerHour, 10, 'f', 4);
        }
        ctx.out << QStringLiteral("cost per hour:        %1\n").arg(result.costPerHour, 0, 'f', 4)
                << QStringLiteral("lower bound per hour: %1\n").arg(result.lowerBoundPerHour, 0, 'f', 4)
                << QStringLiteral("ratio:                %1\n").arg(result.ratio, 0, 'f', 4)
                << QStringLiteral("utilisation:          cpu %1 %, memory %2 %, slots %3 %\n")
                       .arg(result.utilisation.cpu * 100, 0, 'f', 1)
                       .arg(result.utilisation.memoryMib * 100, 0, 'f', 1)
                       .arg(result.utilisation.slotCount * 100, 0, 'f', 1);
        if (result.provenOptimal)
            ctx.out << "proven optimal:       yes (integer program over all node patterns)\n";
        ctx.out << "valid:                " << (problems.isEmpty() ? "yes" : "NO") << '\n';
        for (const Unplaced &u : result.unplaced)
            ctx.out << "unplaced: " << u.count << " x " << u.reason << '\n';
    }
    for (const QString &p : problems)
        ctx.err << "fleetplan pack: invalid packing: " << p << '\n';
    return Ok;
}

} // namespace

int runPack(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Pack items onto EC2 instance types at the lowest hourly cost, with a lower bound.\n"
        "ITEMS.json: [{\"service\", \"count\", \"cpu\" (vCPU), \"memory_mib\", \"slots\" (pods, default 1),\n"
        "\"arch\" (optional), \"spot_ok\" (optional)}], or {\"items\": [...], \"node_types\": [{\"name\", \"arch\",\n"
        "\"cpu\", \"memory_mib\", \"slots\", \"price_per_hour\"}], \"node_overhead\": {...}} (no catalog, no "
        "--region).\n"
        "At most 1 000 000 tasks. --vbp packs a vector bin packing instance instead."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ITEMS.json"), QStringLiteral("Items to pack (not with --vbp)"));
    parser.addOption({ QStringLiteral("vbp"), QStringLiteral("Pack a .vbp instance (VPSolver format, d = 3)."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("region"), QStringLiteral("AWS region for instance prices (with ITEMS.json)."),
        QStringLiteral("R") });
    parser.addOption({ QStringLiteral("instance-types"),
        QStringLiteral("Allowed types, names or wildcards: m6i.*,c6i.*"), QStringLiteral("LIST") });
    parser.addOption({ QStringLiteral("format"), QStringLiteral("table (default) or json."), QStringLiteral("FORMAT"),
        QStringLiteral("table") });
    if (!parser.parse(QStringList { QStringLiteral("fleetplan pack") } + ctx.args)) {
        ctx.err << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"table" && format != u"json") {
        ctx.err << "fleetplan pack: --format must be table or json\n";
        return UsageError;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("vbp"))) {
        if (!positional.isEmpty()) {
            ctx.err << "fleetplan pack: give either --vbp FILE or ITEMS.json, not both\n";
            return UsageError;
        }
        return packVbp(ctx, parser.value(QStringLiteral("vbp")), format == u"json");
    }
    if (positional.size() != 1) {
        ctx.err << "fleetplan pack: expected --vbp FILE or exactly one ITEMS.json\n";
        return UsageError;
    }
    return packItems(ctx, positional.constFirst(), parser.value(QStringLiteral("region")),
        parser.isSet(QStringLiteral("region")), parser.value(QStringLiteral("instance-types")), format == u"json");
}

} // namespace fleetplan::cli
