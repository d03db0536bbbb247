// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

/// The workload an architect describes: plain value types, no I/O, no widgets.
/// JSON / SQLite documents (scenariojson.h, scenariodocument.h), validation (validation.h),
/// undo commands and item models all work on these values.
namespace fleetplan::models {

enum class ServiceKind { Service, Daemon, Job };
enum class Arch { X86_64, Arm64 };
enum class OsFamily { Linux, Windows };
enum class NetworkMode { Awsvpc, Bridge, Host };
/// The accelerator a task's `gpus` count: NVIDIA GPUs (Kubernetes `nvidia.com/gpu`, ECS resourceRequirements
/// type GPU; instance_types.csv gpu_count) or AWS Neuron devices (Inferentia / Trainium,
/// `aws.amazon.com/neuron`; instance_types.csv accelerator_count).
enum class Accelerator { NvidiaGpu, AwsNeuron };

/// The six platforms, in the order reports and charts show them. App Runner (issue 19) is off unless a
/// scenario enables it (Scenario::platforms, docs/cost-rules.md "App Runner").
enum class PlatformId { EcsEc2, EcsFargate, EcsFargateSpot, EksNodes, EksFargate, AppRunner };
inline constexpr int PlatformCount = 6;
inline constexpr std::array<PlatformId, PlatformCount> AllPlatforms { PlatformId::EcsEc2, PlatformId::EcsFargate,
    PlatformId::EcsFargateSpot, PlatformId::EksNodes, PlatformId::EksFargate, PlatformId::AppRunner };

/// How a service rolls out a new version (issue 20, docs/cost-rules.md "Deployments"): none (not priced),
/// a rolling update, or blue/green (CodeDeploy: a full second task set until the old one is retired).
enum class DeploymentStrategy { None, Rolling, BlueGreen };
/// The unit a deployment frequency counts in.
enum class DeploymentPeriod { Day, Week };

/// A service's deployments. One model for ECS and Kubernetes: the surge above the desired count and the
/// tasks allowed to be unavailable, each in percent of the desired count or in tasks. ECS maximumPercent M
/// maps onto maxSurge = M − 100 %, minimumHealthyPercent m onto maxUnavailable = 100 − m %. Each platform
/// rounds as its orchestrator does (ECS platforms round the maximum down and the minimum healthy up,
/// Kubernetes rounds maxSurge up and maxUnavailable down). The defaults are Kubernetes' (25 % / 25 %).
struct DeploymentSettings
{
    DeploymentStrategy strategy = DeploymentStrategy::None;
    double maxSurge = 25; ///< rolling: tasks started above the desired count (percent or tasks)
    bool maxSurgePercent = true; ///< maxSurge is a percent of the desired count (false: tasks)
    double maxUnavailable = 25; ///< rolling: tasks that may be down below the desired count
    bool maxUnavailablePercent = true; ///< maxUnavailable is a percent of the desired count (false: tasks)
    double frequency = 0; ///< deployments per `period`; 0 = none priced (what the importers leave)
    DeploymentPeriod period = DeploymentPeriod::Day;
    double durationMinutes = 10; ///< how long one deployment runs (new tasks alongside the old ones)
    double bakeMinutes = 0; ///< blue/green: the old task set kept after the shift (CodeDeploy wait time)

    /// True when nothing differs from the defaults (JSON and the document write it only otherwise).
    bool isDefault() const { return *this == DeploymentSettings {}; }
    friend bool operator==(const DeploymentSettings &, const DeploymentSettings &) = default;
};

/// One container of a task or pod. When a service lists containers, its task size is derived from
/// them: CPU/memory = max(largest init container, sum of long-running containers), the rule ECS and
/// Kubernetes both apply.
struct Container
{
    QString name;
    double cpu = 0.0; ///< vCPU (fractional)
    double memoryMib = 0; ///< MiB
    bool init = false; ///< init container (runs before the others, not alongside)

    friend bool operator==(const Container &, const Container &) = default;
};

/// An App Runner instance size chosen for a service (issue 19): one of the documented vCPU / memory pairs
/// (pricing/apprunner.h, appRunnerSizes()). 0 / 0 = not chosen: the smallest size that holds the task.
struct AppRunnerInstanceSize
{
    double vcpu = 0.0;
    double memoryGb = 0.0; ///< App Runner's GB (1 GB = 1024 MiB, as its API takes memory)

    bool isSet() const { return vcpu != 0.0 || memoryGb != 0.0; }
    friend bool operator==(const AppRunnerInstanceSize &, const AppRunnerInstanceSize &) = default;
};

/// A service, daemon or job of the workload.
struct Service
{
    QString name;
    ServiceKind kind = ServiceKind::Service;
    double cpu = 0.25; ///< vCPU per task (fractional); derived when containers is not empty
    double memoryMib = 512; ///< MiB per task; derived when containers is not empty
    QList<Container> containers;
    double ephemeralGib = 20; ///< ephemeral storage per task (Fargate bills above 20 GiB)
    Arch arch = Arch::X86_64;
    OsFamily os = OsFamily::Linux;
    int replicas = 1; ///< replicas at load 1.0 (services); parallel copies per run (jobs)
    int minReplicas = 0;
    int maxReplicas = 1000;
    QString loadProfile; ///< name of a LoadProfile of the scenario; empty = flat 1.0
    int runsPerDay = 0; ///< jobs only
    int runSeconds = 0; ///< jobs only: duration of one run
    bool spotOk = false; ///< tolerates Spot interruption
    NetworkMode networkMode = NetworkMode::Awsvpc;
    int hostPort = 0; ///< bridge/host mode: static host port (0 = dynamic); such tasks cannot share an instance
    /// No two tasks of the service on one node: Kubernetes required pod anti-affinity on
    /// kubernetes.io/hostname against the pod's own labels, or the ECS distinctInstance constraint. Every
    /// Fargate task has its own host anyway.
    bool onePerNode = false;
    QString source; ///< where an imported service came from ("file.yaml: Deployment/api"); empty if typed in
    /// Accelerators per task (0 = none): such a task runs only on instance types with at least that many of
    /// `accelerator` and on no Fargate platform (Fargate has no GPUs).
    int gpus = 0;
    Accelerator accelerator = Accelerator::NvidiaGpu; ///< which accelerator `gpus` counts
    /// A Kubernetes pod whose containers request no memory: memoryMib is the importer's planning figure, and
    /// EKS Fargate sizes the pod from 0 MiB + 256 MiB, so a pod with no requests at all runs as 0.25 vCPU /
    /// 0.5 GB in total (EKS user guide, Fargate pod configuration).
    bool noMemoryRequest = false;
    /// App Runner (issue 19): the request load at load 1.0, which App Runner scales on. Concurrent requests
    /// at load 1.0 are `concurrentRequests` when above 0, else requestsPerSecond × requestMillis ÷ 1000
    /// (Little's law) when requestsPerSecond is above 0, else replicas × the platform's per-instance
    /// concurrency (as many busy instances as the other platforms run tasks). They follow the load profile.
    double requestsPerSecond = 0.0;
    double requestMillis = 200.0; ///< mean request duration in milliseconds (with requestsPerSecond)
    double concurrentRequests = 0.0; ///< concurrent requests at load 1.0; 0 = derive as above
    DeploymentSettings deployment; ///< rolling or blue/green deployments (issue 20); none by default
    /// The App Runner instance size of this service; unset = the smallest documented size holding the task.
    AppRunnerInstanceSize appRunnerSize;

    /// True when any App Runner request field differs from its default (JSON writes them only then).
    bool hasRequestLoad() const
    {
        return requestsPerSecond != 0.0 || requestMillis != 200.0 || concurrentRequests != 0.0;
    }
    /// Concurrent requests at load 1.0 by the rule above, given the platform's per-instance concurrency.
    double concurrencyAtFullLoad(int perInstanceConcurrency) const;

    /// Effective per-task vCPU (from containers when present).
    double effectiveCpu() const;
    /// Effective per-task memory MiB (from containers when present).
    double effectiveMemoryMib() const;

    friend bool operator==(const Service &, const Service &) = default;
};

/// 24 (a day) or 168 (a week, Monday 00:00 first) hourly multipliers.
struct LoadProfile
{
    QString name;
    QList<double> hourly;

    /// Multiplier for hour h of the billing period (wraps around the profile's length).
    double at(int hourOfPeriod) const
    {
        if (hourly.isEmpty())
            return 1.0;
        return hourly.at(hourOfPeriod % hourly.size());
    }

    friend bool operator==(const LoadProfile &, const LoadProfile &) = default;
};

/// Settings of one platform. One struct carries every platform's knobs; each platform model reads the
/// fields that apply to it (documented per field) and ignores the rest.
struct PlatformSettings
{
    bool enabled = true;
    /// EC2-backed platforms (ecs-ec2, eks-nodes): allowed instance types, names or wildcards
    /// ("m6i.large", "c6i.*"). Empty = the platform model's default candidate list.
    QStringList instanceTypes;
    /// eks-nodes / ecs-ec2: true = cheapest mix of the allowed types (Karpenter-style);
    /// false = one fixed type, the first of instanceTypes (managed node group / ASG, Cluster Autoscaler).
    bool mixedInstances = true;
    double ebsGibPerNode = 20; ///< ecs-ec2, eks-nodes: root volume per instance (gp3)
    double targetUtilizationPercent = 100; ///< ecs-ec2 capacity-provider target capacity; eks-nodes headroom
    int scaleInDelayHours = 1; ///< ecs-ec2, eks-nodes: idle nodes kept this long before removal
    // ECS on EC2
    double osReservedMemoryMib = 0; ///< ecs-ec2: memory the OS keeps; 0 = platform default estimate
    double ecsReservedMemoryMib = 0; ///< ecs-ec2: ECS_RESERVED_MEMORY (agent default 0)
    bool awsvpcTrunking = false; ///< ecs-ec2: ENI trunking raises the awsvpc task limit
    // EKS
    double vmOverheadPercent = 7.5; ///< eks-nodes: VM memory overhead (Karpenter default 7.5 %)
    bool prefixDelegation = false; ///< eks-nodes: VPC CNI prefix delegation (max pods 110/250)
    bool extendedSupport = false; ///< eks-nodes, eks-fargate: control plane on extended support
    int clusters = 1; ///< eks-nodes, eks-fargate: clusters billed per hour
    /// eks-nodes: EKS Anywhere — the cluster and its control plane run on the user's own machines (custom
    /// node types of the price book), so no AWS control-plane fee is billed; AWS instance types are left out.
    bool eksAnywhere = false;
    // Fargate Spot capacity-provider strategy (ecs-fargate-spot)
    int fargateBase = 0; ///< tasks always on FARGATE before weights apply
    int fargateWeight = 0; ///< weight of FARGATE
    int fargateSpotWeight = 1; ///< weight of FARGATE_SPOT
    double interruptionAllowancePercent = 0; ///< extra Spot usage allowed for re-run interrupted work
    // App Runner (app-runner), one autoscaling configuration for every service; the defaults are App
    // Runner's own (DefaultConfiguration: MaxConcurrency 100, MinSize 1, MaxSize 25).
    int appRunnerConcurrency = 100; ///< app-runner: concurrent requests per instance before scaling out
    int appRunnerMinInstances = 1; ///< app-runner: provisioned instances kept per service
    int appRunnerMaxInstances = 25; ///< app-runner: most instances per service
    bool appRunnerAutomaticDeployment = false; ///< app-runner: automatic deployments (fee per service-month)

    friend bool operator==(const PlatformSettings &, const PlatformSettings &) = default;
};

/// The platform settings of a new scenario: every platform enabled except App Runner (opt-in).
std::array<PlatformSettings, PlatformCount> defaultPlatformSettings();

enum class SavingsPlanType { Compute, Ec2Instance };

/// Purchase options applied by the cost engine.
struct PurchaseOptions
{
    double spotShare = 0.0; ///< 0..1: share of Spot-tolerant EC2 capacity bought as Spot
    double savingsPlanUsdPerHour = 0.0; ///< Savings Plans commitment (USD per hour)
    SavingsPlanType savingsPlanType = SavingsPlanType::Compute;
    int savingsPlanTermYears = 1; ///< 1 or 3
    QString savingsPlanPayment = QStringLiteral("No Upfront"); ///< "No Upfront", "Partial Upfront", "All Upfront"

    friend bool operator==(const PurchaseOptions &, const PurchaseOptions &) = default;
};

/// Reserved Instance offering class (EC2 user guide, "Types of Reserved Instances").
enum class OfferingClass { Standard, Convertible };

/// Reserved Instances already bought: `count` regional Linux/UNIX, shared-tenancy RIs of one type. An RI
/// is paid every hour of its term whether or not an instance uses it.
struct ReservedInstanceHolding
{
    QString instanceType = QStringLiteral("m6i.large");
    QString region; ///< empty = the scenario's region
    int count = 1;
    int termYears = 1; ///< 1 or 3
    QString payment = QStringLiteral("No Upfront"); ///< "No Upfront", "Partial Upfront", "All Upfront"
    OfferingClass offeringClass = OfferingClass::Standard;

    friend bool operator==(const ReservedInstanceHolding &, const ReservedInstanceHolding &) = default;
};

/// A Savings Plan already bought: a commitment of usdPerHour (at Savings Plans rates) every hour of the
/// term. An EC2 Instance Savings Plan is bound to one instance family in one region.
struct SavingsPlanHolding
{
    SavingsPlanType type = SavingsPlanType::Compute;
    QString family; ///< EC2 Instance Savings Plan: the instance family ("m6i"); empty for Compute
    QString region; ///< EC2 Instance Savings Plan: its region; empty = the scenario's region
    double usdPerHour = 0.0;
    int termYears = 1; ///< 1 or 3
    QString payment = QStringLiteral("No Upfront");

    friend bool operator==(const SavingsPlanHolding &, const SavingsPlanHolding &) = default;
};

/// Commitments the organisation already holds. They are owed on every platform compared (a commitment
/// bought is paid whether or not the platform uses it) and applied in AWS's order (commitmentengine.h).
struct ExistingCommitments
{
    QList<ReservedInstanceHolding> reservedInstances;
    QList<SavingsPlanHolding> savingsPlans;

    bool isEmpty() const { return reservedInstances.isEmpty() && savingsPlans.isEmpty(); }
    friend bool operator==(const ExistingCommitments &, const ExistingCommitments &) = default;
};

/// ECR image scanning (ECR user guide, "Scan images for software vulnerabilities"): basic scanning is free;
/// enhanced scanning (Amazon Inspector) bills each image scanned on push and, in continuous mode, each rescan.
enum class ScanMode { Basic, EnhancedOnPush, EnhancedContinuous };

/// One ECR repository (issue 19). Its steady-state storage follows from the pushes and the lifecycle
/// policy: the last `keepLast` images not tagged dev-*, plus the dev-* images of the last `devExpireDays`
/// days (pushesPerDay × devShare × devExpireDays), each at imageGb (docs/cost-rules.md "ECR").
struct Repository
{
    QString name; ///< repository name ("shop/api")
    /// Services whose tasks pull this repository's image; empty = the service named like the repository.
    QStringList services;
    double imageGb = 0.5; ///< compressed image size in GB (what ECR stores and a pull transfers)
    double pushesPerDay = 1.0; ///< images pushed a day (CI builds)
    int keepLast = 30; ///< lifecycle: keep the last N images (those not tagged dev-*)
    double devShare = 0.0; ///< share of pushes tagged dev-* (0..1)
    int devExpireDays = 14; ///< lifecycle: dev-* images expire this many days after the push
    ScanMode scanning = ScanMode::Basic;
    double rescansPerImageMonth = 0.0; ///< continuous scanning: rescans of each stored image a month
    QStringList replicateToRegions; ///< cross-region replication destinations (region codes)
    int replicateToAccounts = 0; ///< cross-account replication destinations in the same region

    friend bool operator==(const Repository &, const Repository &) = default;
};

/// The scenario's ECR registry (issue 19); off unless enabled, so older scenarios price as before.
struct RegistrySettings
{
    bool enabled = false;
    QString region; ///< where the repositories live; empty = the scenario's region (pulls stay in-region)
    /// The repositories; empty = one per service, named after it, with `defaults`' figures.
    QList<Repository> repositories;
    Repository defaults; ///< the figures of the one-per-service repositories

    /// The repositories priced: `repositories`, or one per service of the scenario built from `defaults`.
    QList<Repository> effectiveRepositories(const QList<Service> &services) const;
    friend bool operator==(const RegistrySettings &, const RegistrySettings &) = default;
};

enum class SubnetKind { Private, Public };
enum class LoadBalancerKind { None, Alb, Nlb };

/// The scenario's network (issue 19), priced per platform beside compute; off unless enabled.
struct NetworkSettings
{
    bool enabled = false;
    /// Where tasks and nodes run. Private: outbound traffic (image pulls without VPC endpoints) goes through
    /// the NAT gateways. Public: every awsvpc Fargate task, and every EC2 node, holds a public IPv4 address.
    SubnetKind subnets = SubnetKind::Private;
    int natGateways = 3; ///< NAT gateways (one per AZ in the usual HA layout); billed with private subnets
    bool vpcEndpoints = false; ///< ECR and S3 endpoints: image pulls bypass the NAT gateways
    LoadBalancerKind loadBalancer = LoadBalancerKind::None; ///< in front of the request-serving services
    bool loadBalancerPerService = false; ///< one per service; false = one shared (listener rules)
    double capacityUnitsPerLoadBalancer = 1.0; ///< average LCUs (ALB) / NLCUs (NLB) each
    double logGbPerTaskHour = 0.0; ///< CloudWatch Logs ingested per task-hour (App Runner: instance-hour)

    friend bool operator==(const NetworkSettings &, const NetworkSettings &) = default;
};

/// A whole planning scenario.
struct Scenario
{
    QString name = QStringLiteral("Untitled");
    QString region = QStringLiteral("us-east-1");
    int periodHours = 730; ///< billing period in hours
    bool periodInDays = false; ///< the user entered the period in days (periodHours = days × 24)
    QList<LoadProfile> loadProfiles;
    QList<Service> services;
    std::array<PlatformSettings, PlatformCount> platforms = defaultPlatformSettings();
    PurchaseOptions purchase;
    ExistingCommitments commitments; ///< RIs and Savings Plans already bought
    RegistrySettings registry; ///< ECR repositories (issue 19)
    NetworkSettings network; ///< subnets, NAT, load balancers, logs (issue 19)
    QString notes;

    PlatformSettings &platform(PlatformId id) { return platforms[static_cast<int>(id)]; }
    const PlatformSettings &platform(PlatformId id) const { return platforms[static_cast<int>(id)]; }

    /// The named profile, or nullptr.
    const LoadProfile *findLoadProfile(const QString &name) const;
    int indexOfService(const QString &name) const;

    friend bool operator==(const Scenario &, const Scenario &) = default;
};

// Stable ids used in JSON, the CLI and reports.
QString toId(ServiceKind kind);
/// The autoscaling bounds a service gets when none are given (scenario JSON without min/max_replicas, a
/// new service in the window): min(1, replicas) for a service — min 0 would let it vanish at low load —
/// and 0 for a daemon or job; max = max(replicas, 1000). docs/scenario-format.md.
void applyDefaultBounds(Service &service);

QString toId(Arch arch);
QString toId(OsFamily os);
QString toId(NetworkMode mode);
QString toId(Accelerator accelerator);
QString toId(PlatformId id);
QString toId(SavingsPlanType type);
QString toId(OfferingClass offeringClass); ///< "standard" / "convertible"
QString toId(ScanMode mode); ///< "basic", "enhanced", "continuous"
QString toId(SubnetKind kind); ///< "private", "public"
QString toId(LoadBalancerKind kind); ///< "none", "alb", "nlb"
QString toId(DeploymentStrategy strategy); ///< "none", "rolling", "blue_green"
QString toId(DeploymentPeriod period); ///< "day", "week"
std::optional<DeploymentStrategy> deploymentStrategyFromId(const QString &id);
std::optional<DeploymentPeriod> deploymentPeriodFromId(const QString &id);
std::optional<ScanMode> scanModeFromId(const QString &id);
std::optional<SubnetKind> subnetKindFromId(const QString &id);
std::optional<LoadBalancerKind> loadBalancerKindFromId(const QString &id);
std::optional<ServiceKind> serviceKindFromId(const QString &id);
std::optional<Arch> archFromId(const QString &id);
std::optional<OsFamily> osFromId(const QString &id);
std::optional<NetworkMode> networkModeFromId(const QString &id);
std::optional<Accelerator> acceleratorFromId(const QString &id);
std::optional<PlatformId> platformFromId(const QString &id);
std::optional<SavingsPlanType> savingsPlanTypeFromId(const QString &id);
std::optional<OfferingClass> offeringClassFromId(const QString &id);
/// Human-readable platform name ("ECS on EC2", "EKS Fargate", ...).
QString displayName(PlatformId id);

/// Replicas of a service at hour h: ceil(replicas × load(h) × whatIf), clamped to [min, max].
/// Daemons and jobs are not scaled by this rule (their count comes from nodes / the schedule).
int replicasAt(const Service &service, const LoadProfile *profile, int hourOfPeriod, double whatIfMultiplier);

} // namespace fleetplan::models
