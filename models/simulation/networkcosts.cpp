// SPDX-License-Identifier: GPL-3.0-or-later
// The registry and network bill of each platform (issue 19). Rules and sources (docs/cost-rules.md,
// "Network and registry"; rates: network_and_registry_rates.csv and its README):
//  - ECR storage per GB-month of the images the lifecycle policy keeps; enhanced scanning per image scanned
//    on push and per continuous rescan (Amazon Inspector); basic scanning, pushes and same-region pulls free;
//    replication pays inter-region data transfer out of the source region and storage in each destination;
//  - Fargate pulls the whole image on every task start (no node cache); an EC2 / EKS node pulls an image
//    when it starts hosting the service and caches it while it keeps it;
//  - pulls through a NAT gateway pay its per-GB processing charge; NAT gateways are billed per hour each;
//  - public IPv4: 0.005 USD per address-hour; an awsvpc Fargate task in a public subnet holds its own
//    address, an EC2 node holds one; EKS Fargate pods run in private subnets only (EKS user guide, Fargate
//    considerations), App Runner's addresses and load balancing are AWS's;
//  - ALB / NLB per hour plus capacity units per hour; CloudWatch Logs ingestion per GB.
#include "models/simulation/networkcosts.h"

#include <algorithm>
#include <cmath>

#include <QHash>
#include <QSet>

#include "models/simulation/costengine.h"
#include "models/simulation/moneyformat.h"
#include "pricing/units.h"

namespace fleetplan::models {

namespace {

bool isFargate(PlatformId id)
{
    return id == PlatformId::EcsFargate || id == PlatformId::EcsFargateSpot || id == PlatformId::EksFargate;
}

QList<double> startsPerHour(const QList<int> &count)
{
    const qsizetype n = count.size();
    QList<double> out(n, 0.0);
    for (qsizetype h = 0; h < n; ++h) {
        const int before = count.at(h == 0 ? n - 1 : h - 1);
        out[h] = double(std::max(0, count.at(h) - before));
    }
    return out;
}

/// One component being built: its lines, quantity and cost per hour.
struct Part
{
    ComponentId id = ComponentId::EcrStorage;
    double usd = 0.0;
    double quantity = 0.0;
    QStringList lines;
    void add(double qty, double rate, const QString &what)
    {
        if (qty <= 0)
            return;
        quantity += qty;
        usd += qty * rate;
        lines.append(QStringLiteral("%1 × %2 USD = %3 USD (%4)")
                         .arg(formatNumber(qty, 2), formatRate(rate), formatNumber(qty * rate, 2), what));
    }
};

class Bill
{
public:
    Bill(const pricing::Catalog &catalog, PlatformResult &result, int hours)
        : m_catalog(catalog)
        , m_result(result)
        , m_perHour(hours, 0.0)
    {
    }
    /// The rate, or nullopt after marking the platform infeasible with the missing rate named.
    std::optional<pricing::Rate> rate(const QString &region, const QString &item)
    {
        QString error;
        auto r = m_catalog.otherRate(region, item, &error);
        if (!r) // the compute could run; it is the network and registry bill that has no price here
            error = QStringLiteral("the network and registry bill cannot be priced: %1 (switch that block off, or "
                                   "price it in a region with the rate)")
                        .arg(error);
        if (!r && !m_failed.contains(error)) {
            m_failed.insert(error);
            m_result.warnings.append(error);
            m_result.markInfeasible(QString(), error);
        }
        return r;
    }
    Part &part(ComponentId id)
    {
        for (Part &p : m_parts) {
            if (p.id == id)
                return p;
        }
        Part part;
        part.id = id;
        m_parts.append(part);
        return m_parts.last();
    }
    /// Spreads usd evenly over the hours (storage, scanning, replication: monthly figures).
    void spread(double usd)
    {
        if (m_perHour.isEmpty())
            return;
        for (double &v : m_perHour)
            v += usd / double(m_perHour.size());
    }
    void atHour(int h, double usd) { m_perHour[h] += usd; }
    void finish()
    {
        double added = 0.0;
        for (const Part &p : std::as_const(m_parts)) {
            if (p.lines.isEmpty())
                continue;
            m_result.components.append(
                CostComponent { p.id, p.usd, p.quantity, componentKind(p.id).unit, p.lines.join(u'\n') });
            added += p.usd;
        }
        // A Savings Plan covers compute only: the bill with the recommended commitment carries this part too.
        m_result.savingsPlan.totalUsdWithCommitment += added;
        for (qsizetype h = 0; h < m_perHour.size() && h < m_result.series.costUsd.size(); ++h)
            m_result.series.costUsd[h] += m_perHour.at(h);
        finishTotals(m_result);
    }
    void assume(const QString &name, const QString &value, const QString &source)
    {
        m_result.assumptions.append({ name, value, source });
    }

private:
    const pricing::Catalog &m_catalog;
    PlatformResult &m_result;
    QList<double> m_perHour;
    QList<Part> m_parts;
    QSet<QString> m_failed;
};

QString interRegionItem(const QString &from, const QString &to)
{
    const QSet<QString> pair { from, to };
    return pair == QSet<QString> { QStringLiteral("us-east-1"), QStringLiteral("us-east-2") }
        ? QStringLiteral("data_transfer_inter_region_out_us_east")
        : QStringLiteral("data_transfer_inter_region_out");
}

/// Image pulls per hour of every service (by index) on this platform.
QList<QList<double>> pullsPerService(const Scenario &sc, const DemandTimeline &demand, const PlatformResult &r)
{
    const int hours = demand.hours();
    const qsizetype n = sc.services.size();
    QList<QList<double>> pulls(n, QList<double>(hours, 0.0));
    if (r.id == PlatformId::AppRunner || r.fleetStateOfHour.size() < hours)
        return pulls; // App Runner pulls the image itself, inside AWS, before it serves: no pull on this bill
    QHash<QString, int> indexOf;
    for (qsizetype i = 0; i < n; ++i)
        indexOf.insert(sc.services.at(i).name, int(i));
    // Per fleet state: tasks of each service (Fargate: a task and its sidecars) or nodes hosting it.
    QList<QList<int>> countOfState;
    for (const FleetSnapshot &snap : r.fleetStates) {
        QList<int> count(n, 0);
        for (const FleetNode &node : snap.nodes) {
            QSet<int> here;
            for (const FleetItem &item : node.items) {
                const int i = indexOf.value(item.service, -1);
                if (i >= 0)
                    here.insert(i);
            }
            for (int i : std::as_const(here))
                count[i] += node.count;
        }
        countOfState.append(count);
    }
    const bool fargate = isFargate(r.id);
    QList<int> daemons;
    for (qsizetype i = 0; i < n; ++i) {
        const Service &s = sc.services.at(i);
        if (fargate && s.kind == ServiceKind::Daemon) {
            daemons.append(int(i));
            continue;
        }
        if (fargate && s.kind == ServiceKind::Job) {
            // Every run starts its parallel tasks afresh.
            for (int h = 0; h < hours; ++h)
                pulls[i][h] = double(demand.at(h).jobRunsStarting.value(i)) * std::max(0, s.replicas);
            continue;
        }
        QList<int> count(hours, 0);
        for (int h = 0; h < hours; ++h)
            count[h] = countOfState.value(r.fleetStateOfHour.at(h)).value(i);
        pulls[i] = startsPerHour(count);
    }
    // Fargate sidecars: every task start pulls every sidecar's image too.
    for (int d : std::as_const(daemons)) {
        for (qsizetype i = 0; i < n; ++i) {
            if (sc.services.at(i).kind == ServiceKind::Daemon)
                continue;
            for (int h = 0; h < hours; ++h)
                pulls[d][h] += pulls.at(i).at(h);
        }
    }
    return pulls;
}

} // namespace

double cyclicStarts(const QList<int> &countPerHour)
{
    double sum = 0;
    for (double v : startsPerHour(countPerHour))
        sum += v;
    return sum;
}

double retainedImages(const Repository &repo)
{
    const double pushes = std::max(0.0, repo.pushesPerDay);
    const double dev = std::clamp(repo.devShare, 0.0, 1.0);
    // The registry predates the period: in the steady state the last N are always there once any are pushed.
    const double release = pushes * (1.0 - dev) > 0 ? double(std::max(0, repo.keepLast)) : 0.0;
    return release + pushes * dev * std::max(0, repo.devExpireDays);
}

void addNetworkAndRegistry(const Scenario &sc, const pricing::Catalog &catalog, const QString &region,
    const DemandTimeline &demand, PlatformResult &r)
{
    const RegistrySettings &reg = sc.registry;
    const NetworkSettings &net = sc.network;
    if (!reg.enabled && !net.enabled)
        return;
    const int hours = demand.hours();
    const double months = hours / pricing::HoursPerMonth;
    const double days = hours / 24.0;
    Bill bill(catalog, r, hours);
    const bool appRunner = r.id == PlatformId::AppRunner;
    const QList<QList<double>> pulls = reg.enabled ? pullsPerService(sc, demand, r) : QList<QList<double>>();
    const QString registryRegion = reg.region.isEmpty() ? region : reg.region;

    // Through the NAT gateways: private subnets (EKS Fargate always: its pods run in private subnets only).
    const bool natPath
        = net.enabled && !appRunner && (net.subnets == SubnetKind::Private || r.id == PlatformId::EksFargate);
    if (net.enabled && r.id == PlatformId::EksFargate && net.subnets == SubnetKind::Public)
        r.warnings.append(QStringLiteral("EKS Fargate runs pods in private subnets only: priced with the NAT gateways "
                                         "and no public addresses"));
    QList<double> natGbPerHour(hours, 0.0);

    // ---- registry: the same on every platform ------------------------------------------------------
    if (reg.enabled) {
        const auto storage = bill.rate(registryRegion, QStringLiteral("ecr_storage"));
        const QList<Repository> repos = reg.effectiveRepositories(sc.services);
        QHash<QString, int> indexOf;
        for (qsizetype i = 0; i < sc.services.size(); ++i)
            indexOf.insert(sc.services.at(i).name, int(i));
        for (const Repository &repo : repos) {
            const double kept = retainedImages(repo);
            const double gb = kept * std::max(0.0, repo.imageGb);
            const double pushed = std::max(0.0, repo.pushesPerDay) * days;
            if (storage) {
                bill.part(ComponentId::EcrStorage)
                    .add(gb * months, storage->usd,
                        QStringLiteral("%1: %2 images kept × %3 GB, %4")
                            .arg(repo.name, formatNumber(kept, 1), formatRate(repo.imageGb), registryRegion));
                bill.spread(gb * months * storage->usd);
                if (repo.replicateToAccounts > 0) {
                    bill.part(ComponentId::EcrStorage)
                        .add(gb * months * repo.replicateToAccounts, storage->usd,
                            QStringLiteral("%1: replicas in %2 other account(s)")
                                .arg(repo.name)
                                .arg(repo.replicateToAccounts));
                    bill.spread(gb * months * repo.replicateToAccounts * storage->usd);
                }
            }
            for (const QString &dest : repo.replicateToRegions) {
                if (dest == registryRegion)
                    continue;
                if (const auto destStorage = bill.rate(dest, QStringLiteral("ecr_storage"))) {
                    bill.part(ComponentId::EcrStorage)
                        .add(gb * months, destStorage->usd, QStringLiteral("%1: replica in %2").arg(repo.name, dest));
                    bill.spread(gb * months * destStorage->usd);
                }
                if (const auto transfer = bill.rate(registryRegion, interRegionItem(registryRegion, dest))) {
                    const double moved = pushed * std::max(0.0, repo.imageGb);
                    bill.part(ComponentId::EcrReplication)
                        .add(moved, transfer->usd,
                            QStringLiteral("%1: %2 pushes × %3 GB to %4")
                                .arg(repo.name, formatNumber(pushed, 1), formatRate(repo.imageGb), dest));
                    bill.spread(moved * transfer->usd);
                }
            }
            if (repo.scanning != ScanMode::Basic) {
                if (const auto scan = bill.rate(registryRegion, QStringLiteral("ecr_enhanced_scan_initial"))) {
                    bill.part(ComponentId::EcrScanning)
                        .add(pushed, scan->usd, QStringLiteral("%1: scan on push").arg(repo.name));
                    bill.spread(pushed * scan->usd);
                }
            }
            if (repo.scanning == ScanMode::EnhancedContinuous && repo.rescansPerImageMonth > 0) {
                if (const auto rescan = bill.rate(registryRegion, QStringLiteral("ecr_enhanced_rescan"))) {
                    const double rescans = kept * repo.rescansPerImageMonth * months;
                    bill.part(ComponentId::EcrScanning)
                        .add(rescans, rescan->usd,
                            QStringLiteral("%1: %2 rescans per image-month × %3 images")
                                .arg(repo.name, formatNumber(repo.rescansPerImageMonth, 1), formatNumber(kept, 1)));
                    bill.spread(rescans * rescan->usd);
                }
            }

            // ---- this platform's pulls of the repository's image ---------------------------------
            const QStringList services = repo.services.isEmpty() ? QStringList { repo.name } : repo.services;
            QList<double> gbPerHour(hours, 0.0);
            double pulled = 0;
            for (const QString &name : services) {
                const int i = indexOf.value(name, -1);
                if (i < 0 || i >= pulls.size())
                    continue;
                for (int h = 0; h < hours; ++h) {
                    gbPerHour[h] += pulls.at(i).at(h) * std::max(0.0, repo.imageGb);
                    pulled += pulls.at(i).at(h);
                }
            }
            if (pulled <= 0)
                continue;
            const bool crossRegion = registryRegion != region && !repo.replicateToRegions.contains(region);
            if (crossRegion) {
                if (const auto transfer = bill.rate(registryRegion, interRegionItem(registryRegion, region))) {
                    double gbTotal = 0;
                    for (int h = 0; h < hours; ++h) {
                        gbTotal += gbPerHour.at(h);
                        bill.atHour(h, gbPerHour.at(h) * transfer->usd);
                    }
                    bill.part(ComponentId::ImagePullTransfer)
                        .add(gbTotal, transfer->usd,
                            QStringLiteral("%1: %2 pulls × %3 GB from %4")
                                .arg(repo.name, formatNumber(pulled, 0), formatRate(repo.imageGb), registryRegion));
                }
            }
            // In-region pulls bypass the NAT gateways with the ECR / S3 endpoints; cross-region ones do not.
            if (natPath && (crossRegion || !net.vpcEndpoints)) {
                for (int h = 0; h < hours; ++h)
                    natGbPerHour[h] += gbPerHour.at(h);
            }
        }
        bill.assume(QStringLiteral("ECR storage"),
            QStringLiteral("steady state of the lifecycle policy: the last N images not tagged dev-*, plus dev-* "
                           "images of the last D days; each image at its full compressed size (ECR stores shared "
                           "layers once, so this is an upper bound)"),
            QStringLiteral("ECR user guide, lifecycle policies; network_and_registry_rates.csv ecr_storage"));
        bill.assume(QStringLiteral("Image pulls"),
            isFargate(r.id) ? QStringLiteral("every task start pulls the task's images (Fargate keeps no cache); "
                                             "the period repeats, so hour 0 counts the starts since the last hour")
                            : QStringLiteral("a node pulls an image when it starts hosting the service and keeps it "
                                             "cached while it does (an upper bound: a node may still cache an "
                                             "image it hosted earlier)"),
            QStringLiteral("AWS Fargate user guide, task image pulls; docs/cost-rules.md"));
    }

    // ---- network ---------------------------------------------------------------------------------
    if (net.enabled) {
        if (natPath && net.natGateways > 0) {
            if (const auto nat = bill.rate(region, QStringLiteral("nat_gateway_hour"))) {
                const double q = double(net.natGateways) * hours;
                bill.part(ComponentId::NatGatewayHours)
                    .add(q, nat->usd, QStringLiteral("%1 NAT gateway(s) × %2 h").arg(net.natGateways).arg(hours));
                bill.spread(q * nat->usd);
            }
        }
        double natGb = 0;
        for (double v : std::as_const(natGbPerHour))
            natGb += v;
        if (natGb > 0) {
            if (const auto data = bill.rate(region, QStringLiteral("nat_gateway_data_processed"))) {
                for (int h = 0; h < hours; ++h)
                    bill.atHour(h, natGbPerHour.at(h) * data->usd);
                bill.part(ComponentId::NatGatewayData).add(natGb, data->usd, QStringLiteral("image pulls"));
            }
        }
        if (net.subnets == SubnetKind::Public && !appRunner && r.id != PlatformId::EksFargate) {
            // ECS awsvpc tasks on EC2 get no public address of their own: the node holds one.
            const QList<int> &holders = isFargate(r.id) ? r.series.tasks : r.series.nodes;
            if (const auto ip = bill.rate(region, QStringLiteral("public_ipv4_in_use_hour"))) {
                double q = 0;
                for (int h = 0; h < hours && h < holders.size(); ++h) {
                    q += holders.at(h);
                    bill.atHour(h, holders.at(h) * ip->usd);
                }
                bill.part(ComponentId::PublicIpv4)
                    .add(q, ip->usd,
                        isFargate(r.id) ? QStringLiteral("one per running task") : QStringLiteral("one per node"));
            }
        }
        int serving = 0;
        for (const Service &s : sc.services)
            serving += s.kind == ServiceKind::Service ? 1 : 0;
        if (net.loadBalancer != LoadBalancerKind::None && !appRunner && serving > 0) {
            const bool alb = net.loadBalancer == LoadBalancerKind::Alb;
            const int count = net.loadBalancerPerService ? serving : 1;
            const auto lbHour = bill.rate(region, alb ? QStringLiteral("alb_hour") : QStringLiteral("nlb_hour"));
            const auto lcu = bill.rate(region, alb ? QStringLiteral("alb_lcu_hour") : QStringLiteral("nlb_nlcu_hour"));
            if (lbHour) {
                const double q = double(count) * hours;
                bill.part(ComponentId::LoadBalancerHours)
                    .add(q, lbHour->usd,
                        QStringLiteral("%1 %2 × %3 h")
                            .arg(count)
                            .arg(alb ? QStringLiteral("ALB") : QStringLiteral("NLB"))
                            .arg(hours));
                bill.spread(q * lbHour->usd);
            }
            if (lcu) {
                const double q = double(count) * hours * std::max(0.0, net.capacityUnitsPerLoadBalancer);
                bill.part(ComponentId::LoadBalancerCapacity)
                    .add(q, lcu->usd,
                        QStringLiteral("%1 %2 per load balancer")
                            .arg(formatNumber(net.capacityUnitsPerLoadBalancer, 2),
                                alb ? QStringLiteral("LCU") : QStringLiteral("NLCU")));
                bill.spread(q * lcu->usd);
            }
        }
        if (net.logGbPerTaskHour > 0) {
            if (const auto logs = bill.rate(region, QStringLiteral("cloudwatch_logs_ingest_standard"))) {
                double q = 0;
                for (int h = 0; h < hours && h < r.series.tasks.size(); ++h) {
                    const double gb = r.series.tasks.at(h) * net.logGbPerTaskHour;
                    q += gb;
                    bill.atHour(h, gb * logs->usd);
                }
                bill.part(ComponentId::LogsIngestion)
                    .add(q, logs->usd,
                        QStringLiteral("%1 GB per %2-hour")
                            .arg(formatRate(net.logGbPerTaskHour),
                                appRunner ? QStringLiteral("instance") : QStringLiteral("task")));
            }
        }
        if (net.vpcEndpoints)
            bill.assume(QStringLiteral("VPC endpoints"),
                QStringLiteral("ECR and S3 endpoints route in-region image pulls past the NAT gateways; the "
                               "interface endpoints' own hourly and per-GB charges are not in the catalog and not "
                               "included"),
                QStringLiteral("network_and_registry_rates.csv has no VPC endpoint rate"));
    }
    bill.finish();
}

} // namespace fleetplan::models
