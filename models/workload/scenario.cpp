// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/scenario.h"

#include <algorithm>
#include <cmath>

namespace fleetplan::models {

namespace {
template <typename Enum, std::size_t N>
std::optional<Enum> fromTable(const std::array<std::pair<Enum, const char16_t *>, N> &table, const QString &id)
{
    for (const auto &[value, name] : table) {
        if (id == QStringView(name))
            return value;
    }
    return std::nullopt;
}
template <typename Enum, std::size_t N>
QString toTable(const std::array<std::pair<Enum, const char16_t *>, N> &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromUtf16(name);
    }
    return {};
}

constexpr std::array<std::pair<ServiceKind, const char16_t *>, 3> kKinds { { { ServiceKind::Service, u"service" },
    { ServiceKind::Daemon, u"daemon" }, { ServiceKind::Job, u"job" } } };
constexpr std::array<std::pair<Arch, const char16_t *>, 2> kArchs { { { Arch::X86_64, u"x86_64" },
    { Arch::Arm64, u"arm64" } } };
constexpr std::array<std::pair<OsFamily, const char16_t *>, 2> kOses { { { OsFamily::Linux, u"linux" },
    { OsFamily::Windows, u"windows" } } };
constexpr std::array<std::pair<NetworkMode, const char16_t *>, 3> kModes { { { NetworkMode::Awsvpc, u"awsvpc" },
    { NetworkMode::Bridge, u"bridge" }, { NetworkMode::Host, u"host" } } };
constexpr std::array<std::pair<Accelerator, const char16_t *>, 2> kAccelerators {
    { { Accelerator::NvidiaGpu, u"nvidia" }, { Accelerator::AwsNeuron, u"neuron" } }
};
constexpr std::array<std::pair<PlatformId, const char16_t *>, 6> kPlatforms { { { PlatformId::EcsEc2, u"ecs-ec2" },
    { PlatformId::EcsFargate, u"ecs-fargate" }, { PlatformId::EcsFargateSpot, u"ecs-fargate-spot" },
    { PlatformId::EksNodes, u"eks-nodes" }, { PlatformId::EksFargate, u"eks-fargate" },
    { PlatformId::AppRunner, u"app-runner" } } };
constexpr std::array<std::pair<PlatformId, const char16_t *>, 6> kPlatformNames {
    { { PlatformId::EcsEc2, u"ECS on EC2" }, { PlatformId::EcsFargate, u"ECS Fargate" },
        { PlatformId::EcsFargateSpot, u"ECS Fargate Spot" }, { PlatformId::EksNodes, u"EKS managed nodes" },
        { PlatformId::EksFargate, u"EKS Fargate" }, { PlatformId::AppRunner, u"App Runner" } }
};
constexpr std::array<std::pair<SavingsPlanType, const char16_t *>, 2> kSpTypes {
    { { SavingsPlanType::Compute, u"compute" }, { SavingsPlanType::Ec2Instance, u"ec2-instance" } }
};
constexpr std::array<std::pair<OfferingClass, const char16_t *>, 2> kOfferingClasses {
    { { OfferingClass::Standard, u"standard" }, { OfferingClass::Convertible, u"convertible" } }
};

constexpr std::array<std::pair<DeploymentStrategy, const char16_t *>, 3> kDeploymentStrategies {
    { { DeploymentStrategy::None, u"none" }, { DeploymentStrategy::Rolling, u"rolling" },
        { DeploymentStrategy::BlueGreen, u"blue_green" } }
};
constexpr std::array<std::pair<DeploymentPeriod, const char16_t *>, 2> kDeploymentPeriods {
    { { DeploymentPeriod::Day, u"day" }, { DeploymentPeriod::Week, u"week" } }
};
constexpr std::array<std::pair<ScanMode, const char16_t *>, 3> kScanModes { { { ScanMode::Basic, u"basic" },
    { ScanMode::EnhancedOnPush, u"enhanced" }, { ScanMode::EnhancedContinuous, u"continuous" } } };
constexpr std::array<std::pair<SubnetKind, const char16_t *>, 2> kSubnets { { { SubnetKind::Private, u"private" },
    { SubnetKind::Public, u"public" } } };
constexpr std::array<std::pair<LoadBalancerKind, const char16_t *>, 3> kLoadBalancers {
    { { LoadBalancerKind::None, u"none" }, { LoadBalancerKind::Alb, u"alb" }, { LoadBalancerKind::Nlb, u"nlb" } }
};

template <typename Get> double fromContainers(const QList<Container> &containers, Get get)
{
    double sum = 0;
    double initMax = 0;
    for (const Container &c : containers) {
        if (c.init)
            initMax = std::max(initMax, get(c));
        else
            sum += get(c);
    }
    return std::max(sum, initMax);
}
} // namespace

std::array<PlatformSettings, PlatformCount> defaultPlatformSettings()
{
    std::array<PlatformSettings, PlatformCount> platforms {};
    platforms[static_cast<std::size_t>(PlatformId::AppRunner)].enabled = false;
    return platforms;
}

QList<Repository> RegistrySettings::effectiveRepositories(const QList<Service> &services) const
{
    if (!repositories.isEmpty())
        return repositories;
    QList<Repository> out;
    for (const Service &s : services) {
        Repository r = defaults;
        r.name = s.name;
        r.services = { s.name };
        out.append(r);
    }
    return out;
}

double Service::concurrencyAtFullLoad(int perInstanceConcurrency) const
{
    if (concurrentRequests > 0)
        return concurrentRequests;
    if (requestsPerSecond > 0)
        return requestsPerSecond * requestMillis / 1000.0;
    return double(std::max(0, replicas)) * std::max(1, perInstanceConcurrency);
}

double Service::effectiveCpu() const
{
    return containers.isEmpty() ? cpu : fromContainers(containers, [](const Container &c) { return c.cpu; });
}

double Service::effectiveMemoryMib() const
{
    return containers.isEmpty() ? memoryMib
                                : fromContainers(containers, [](const Container &c) { return c.memoryMib; });
}

const LoadProfile *Scenario::findLoadProfile(const QString &profileName) const
{
    for (const LoadProfile &p : loadProfiles) {
        if (p.name == profileName)
            return &p;
    }
    return nullptr;
}

int Scenario::indexOfService(const QString &serviceName) const
{
    for (qsizetype i = 0; i < services.size(); ++i) {
        if (services.at(i).name == serviceName)
            return int(i);
    }
    return -1;
}

QString toId(ServiceKind kind)
{
    return toTable(kKinds, kind);
}
void applyDefaultBounds(Service &service)
{
    service.minReplicas = service.kind == ServiceKind::Service ? std::min(1, service.replicas) : 0;
    service.maxReplicas = std::max(service.replicas, 1000);
}

QString toId(Arch arch)
{
    return toTable(kArchs, arch);
}
QString toId(OsFamily os)
{
    return toTable(kOses, os);
}
QString toId(NetworkMode mode)
{
    return toTable(kModes, mode);
}
QString toId(Accelerator accelerator)
{
    return toTable(kAccelerators, accelerator);
}
QString toId(PlatformId id)
{
    return toTable(kPlatforms, id);
}
QString toId(SavingsPlanType type)
{
    return toTable(kSpTypes, type);
}
QString toId(OfferingClass offeringClass)
{
    return toTable(kOfferingClasses, offeringClass);
}
std::optional<OfferingClass> offeringClassFromId(const QString &id)
{
    return fromTable(kOfferingClasses, id);
}
QString toId(DeploymentStrategy strategy)
{
    return toTable(kDeploymentStrategies, strategy);
}
QString toId(DeploymentPeriod period)
{
    return toTable(kDeploymentPeriods, period);
}
std::optional<DeploymentStrategy> deploymentStrategyFromId(const QString &id)
{
    return fromTable(kDeploymentStrategies, id);
}
std::optional<DeploymentPeriod> deploymentPeriodFromId(const QString &id)
{
    return fromTable(kDeploymentPeriods, id);
}
QString toId(ScanMode mode)
{
    return toTable(kScanModes, mode);
}
QString toId(SubnetKind kind)
{
    return toTable(kSubnets, kind);
}
QString toId(LoadBalancerKind kind)
{
    return toTable(kLoadBalancers, kind);
}
std::optional<ScanMode> scanModeFromId(const QString &id)
{
    return fromTable(kScanModes, id);
}
std::optional<SubnetKind> subnetKindFromId(const QString &id)
{
    return fromTable(kSubnets, id);
}
std::optional<LoadBalancerKind> loadBalancerKindFromId(const QString &id)
{
    return fromTable(kLoadBalancers, id);
}
std::optional<ServiceKind> serviceKindFromId(const QString &id)
{
    return fromTable(kKinds, id);
}
std::optional<Arch> archFromId(const QString &id)
{
    return fromTable(kArchs, id);
}
std::optional<OsFamily> osFromId(const QString &id)
{
    return fromTable(kOses, id);
}
std::optional<NetworkMode> networkModeFromId(const QString &id)
{
    return fromTable(kModes, id);
}
std::optional<Accelerator> acceleratorFromId(const QString &id)
{
    return fromTable(kAccelerators, id);
}
std::optional<PlatformId> platformFromId(const QString &id)
{
    return fromTable(kPlatforms, id);
}
std::optional<SavingsPlanType> savingsPlanTypeFromId(const QString &id)
{
    return fromTable(kSpTypes, id);
}
QString displayName(PlatformId id)
{
    return toTable(kPlatformNames, id);
}

int replicasAt(const Service &service, const LoadProfile *profile, int hourOfPeriod, double whatIfMultiplier)
{
    const double load = profile ? profile->at(hourOfPeriod) : 1.0;
    // A tiny epsilon keeps 3 × 1.0 from becoming 4 through floating-point noise.
    const double wanted = std::ceil(service.replicas * load * whatIfMultiplier - 1e-9);
    const double low = double(service.minReplicas);
    // NaN (a NaN load or multiplier validation refuses) clamps to nothing: converting it to int is undefined.
    const double clamped = std::isnan(wanted)
        ? low
        : std::clamp(wanted, low, double(std::max(service.minReplicas, service.maxReplicas)));
    return int(clamped);
}

} // namespace fleetplan::models
