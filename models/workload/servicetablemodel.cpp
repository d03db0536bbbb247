// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/servicetablemodel.h"

#include <cmath>

#include <QColor>
#include <QLocale>
#include <QUndoStack>

#include "models/workload/commands.h"
#include "models/workload/validation.h"

namespace fleetplan::models {

namespace {

/// Pushes the edit ("Set memory of api to 2 GiB"); setting the value a field has adds no undo step.
template <typename T> void pushField(Document *doc, int row, T Service::*field, T value)
{
    if (doc->scenario().services.at(row).*field == value)
        return;
    doc->undoStack()->push(new SetServiceFieldCommand<T>(doc, row, field, std::move(value)));
}

/// A number from an edit: a double or a string in C or the user's locale ("0.5", "0,5").
std::optional<double> toNumber(const QVariant &value)
{
    bool ok = false;
    double d = value.toDouble(&ok);
    if (!ok)
        d = QLocale().toDouble(value.toString().trimmed(), &ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

std::optional<int> toWhole(const QVariant &value)
{
    const auto d = toNumber(value);
    // Range first: converting an out-of-range double to int is undefined behaviour.
    if (!d || !(*d <= 2147483647.0 && *d >= -2147483648.0) || *d != std::floor(*d))
        return std::nullopt;
    return int(*d);
}

/// MiB as GiB with at most three decimals and no trailing zeros: 1536 → "1.5", 1000 → "0.977", 4096 → "4".
QString gibText(double mib)
{
    QString t = QString::number(mib / 1024.0, 'f', 3);
    while (t.endsWith(u'0'))
        t.chop(1);
    if (t.endsWith(u'.'))
        t.chop(1);
    return t;
}

/// The deployment after an edit of one of its columns; nullopt when the text is not a value of the column.
/// Frequency: "2", "2/day", "3/week"; surge: "25%" (percent) or "2" (tasks).
std::optional<DeploymentSettings> editedDeployment(DeploymentSettings d, int column, const QVariant &value)
{
    using Col = ServiceTableModel::Column;
    const QString text = value.toString().trimmed();
    switch (column) {
    case Col::DeployStrategy: {
        const auto v = deploymentStrategyFromId(text);
        if (!v)
            return std::nullopt;
        d.strategy = *v;
        return d;
    }
    case Col::DeployFrequency: {
        QString number = text;
        DeploymentPeriod period = DeploymentPeriod::Day;
        if (const qsizetype slash = text.indexOf(u'/'); slash >= 0) {
            const QString unit = text.mid(slash + 1).trimmed();
            const auto p = deploymentPeriodFromId(unit);
            if (!p)
                return std::nullopt;
            period = *p;
            number = text.left(slash);
        }
        const auto v = toNumber(number);
        if (!v)
            return std::nullopt;
        d.frequency = *v;
        d.period = period;
        return d;
    }
    case Col::DeploySurge: {
        const bool percent = text.endsWith(u'%');
        const auto v = toNumber(percent ? text.chopped(1) : text);
        if (!v)
            return std::nullopt;
        d.maxSurge = *v;
        d.maxSurgePercent = percent;
        return d;
    }
    case Col::DeployMinutes:
    case Col::DeployBake: {
        const auto v = toNumber(value);
        if (!v)
            return std::nullopt;
        (column == Col::DeployMinutes ? d.durationMinutes : d.bakeMinutes) = *v;
        return d;
    }
    default:
        return std::nullopt;
    }
}

} // namespace

void ServiceTableModel::setMemoryInGib(bool gib)
{
    if (gib == m_memoryInGib)
        return;
    m_memoryInGib = gib;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Memory), index(rowCount() - 1, Memory), { Qt::DisplayRole, MemoryUnitRole });
}

ServiceTableModel::ServiceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_ownDocument(new Document(this))
{
    m_ownDocument->setAutosaveDelay(0);
    m_document = m_ownDocument;
    connectDocument();
}

void ServiceTableModel::setDocument(Document *document)
{
    beginResetModel();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document ? document : m_ownDocument;
    connectDocument();
    endResetModel();
}

void ServiceTableModel::setScenario(const Scenario &scenario)
{
    m_document->reset(scenario, m_document->filePath());
}

void ServiceTableModel::connectDocument()
{
    invalidateProblems();
    Document *d = m_document;
    if (d != m_ownDocument) {
        // A document deleted before the model: fall back to the private one.
        connect(d, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_document = m_ownDocument;
            connectDocument();
            endResetModel();
        });
    }
    // Every handler forgets the cached problems before views hear of the change: a view (or
    // QAbstractItemModelTester) may ask for data() while the signal is delivered.
    connect(d, &Document::servicesAboutToBeInserted, this, [this](int first, int last) {
        beginInsertRows({}, first, last);
        invalidateProblems();
    });
    connect(d, &Document::servicesInserted, this, [this] {
        invalidateProblems();
        endInsertRows();
        allChanged();
    });
    connect(d, &Document::servicesAboutToBeRemoved, this, [this](int first, int last) {
        beginRemoveRows({}, first, last);
        invalidateProblems();
    });
    connect(d, &Document::servicesRemoved, this, [this] {
        invalidateProblems();
        endRemoveRows();
        allChanged();
    });
    // Validation crosses rows (duplicate names, profile references): refresh the whole table.
    connect(d, &Document::serviceChanged, this, &ServiceTableModel::allChanged);
    connect(d, &Document::loadProfilesInserted, this, &ServiceTableModel::allChanged);
    connect(d, &Document::loadProfilesRemoved, this, &ServiceTableModel::allChanged);
    connect(d, &Document::loadProfileChanged, this, &ServiceTableModel::allChanged);
    connect(d, &Document::scenarioAboutToBeReset, this, [this] {
        beginResetModel();
        invalidateProblems();
    });
    connect(d, &Document::scenarioReset, this, [this] {
        invalidateProblems();
        endResetModel();
    });
    // Whatever else changed (settings, platforms): validation may read it too.
    connect(d, &Document::changed, this, &ServiceTableModel::invalidateProblems);
}

void ServiceTableModel::allChanged()
{
    invalidateProblems();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ServiceTableModel::invalidateProblems()
{
    m_problems.clear();
}

const ServiceTableModel::CellProblems &ServiceTableModel::problemsAt(int row, int column) const
{
    auto it = m_problems.constFind(row);
    if (it == m_problems.cend()) {
        ++m_validationRuns;
        RowProblems problems;
        // Most rows have no problem: one pass over the service tells, and only a row with problems
        // is asked field by field which cells they belong to.
        if (!validateService(scenario(), row).isEmpty()) {
            for (int c = 0; c < ColumnCount; ++c) {
                CellProblems &cell = problems[c];
                for (const Diagnostic &d : validateServiceField(scenario(), row, fieldKey(c))) {
                    cell.lines.append((d.isError() ? tr("error: ") : tr("warning: ")) + d.toString());
                    cell.error = cell.error || d.isError();
                }
            }
        }
        it = m_problems.insert(row, problems);
    }
    return it->at(column);
}

QString ServiceTableModel::fieldKey(int column)
{
    switch (column) {
    case Name:
        return QStringLiteral("name");
    case Kind:
        return QStringLiteral("kind");
    case Cpu:
        return QStringLiteral("cpu");
    case Memory:
        return QStringLiteral("memory_mib");
    case Replicas:
        return QStringLiteral("replicas");
    case MinReplicas:
        return QStringLiteral("min_replicas");
    case MaxReplicas:
        return QStringLiteral("max_replicas");
    case LoadProfileCol:
        return QStringLiteral("load_profile");
    case Arch:
        return QStringLiteral("arch");
    case Os:
        return QStringLiteral("os");
    case NetworkMode:
        return QStringLiteral("network_mode");
    case SpotOk:
        return QStringLiteral("spot_ok");
    case EphemeralGib:
        return QStringLiteral("ephemeral_gib");
    case RunsPerDay:
        return QStringLiteral("runs_per_day");
    case RunSeconds:
        return QStringLiteral("run_seconds");
    case Gpus:
        return QStringLiteral("gpus");
    case OnePerNode:
        return QStringLiteral("one_per_node");
    case DeployStrategy:
        return QStringLiteral("deployment.strategy");
    case DeployFrequency:
        return QStringLiteral("deployment.per_day");
    case DeployMinutes:
        return QStringLiteral("deployment.duration_minutes");
    case DeploySurge:
        return QStringLiteral("deployment.max_surge");
    case DeployBake:
        return QStringLiteral("deployment.bake_minutes");
    case RequestsPerSecond:
        return QStringLiteral("requests_per_second");
    case RequestMillis:
        return QStringLiteral("request_ms");
    case ConcurrentRequests:
        return QStringLiteral("concurrent_requests");
    case AppRunnerInstance:
        return QStringLiteral("app_runner_instance");
    default:
        return {};
    }
}

QString ServiceTableModel::appRunnerSizeId(const AppRunnerInstanceSize &size)
{
    if (!size.isSet())
        return {};
    return QString::number(size.vcpu) + u'/' + QString::number(size.memoryGb);
}

std::optional<AppRunnerInstanceSize> ServiceTableModel::appRunnerSizeFromId(const QString &id)
{
    if (id.trimmed().isEmpty())
        return AppRunnerInstanceSize {};
    const QStringList parts = id.split(u'/');
    if (parts.size() != 2)
        return std::nullopt;
    bool okCpu = false;
    bool okMemory = false;
    const AppRunnerInstanceSize size { parts.at(0).trimmed().toDouble(&okCpu),
        parts.at(1).trimmed().toDouble(&okMemory) };
    if (!okCpu || !okMemory)
        return std::nullopt;
    return size;
}

int ServiceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(scenario().services.size());
}

int ServiceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Service &s = scenario().services.at(index.row());
    switch (role) {
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Cpu:
        case Memory:
        case Replicas:
        case MinReplicas:
        case MaxReplicas:
        case EphemeralGib:
        case RunsPerDay:
        case RunSeconds:
        case Gpus:
        case DeployFrequency:
        case DeployMinutes:
        case DeploySurge:
        case DeployBake:
        case RequestsPerSecond:
        case RequestMillis:
        case ConcurrentRequests:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case ValidationRole:
    case Qt::ToolTipRole:
    case HasErrorRole:
    case Qt::BackgroundRole: {
        const CellProblems &problems = problemsAt(index.row(), index.column());
        if (role == HasErrorRole)
            return problems.error;
        if (role == Qt::BackgroundRole) {
            if (problems.lines.isEmpty())
                return {};
            return problems.error ? QColor(255, 205, 205) : QColor(255, 240, 190);
        }
        if (role == ValidationRole)
            return problems.lines;
        return problems.lines.isEmpty() ? QVariant() : QVariant(problems.lines.join(u'\n'));
    }
    case MemoryUnitRole:
        return index.column() == Memory ? QVariant(m_memoryInGib ? QStringLiteral("GiB") : QStringLiteral("MiB"))
                                        : QVariant();
    case Qt::CheckStateRole:
        if (index.column() == SpotOk)
            return s.spotOk ? Qt::Checked : Qt::Unchecked;
        if (index.column() == OnePerNode)
            return s.onePerNode ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::DisplayRole:
    case Qt::EditRole:
        break;
    default:
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case Name:
        return s.name;
    case Kind:
        return toId(s.kind);
    case Cpu:
        return display ? QStringLiteral("%1 vCPU").arg(s.effectiveCpu()) : QVariant(s.effectiveCpu());
    case Memory:
        if (!display)
            return s.effectiveMemoryMib();
        // GiB to the MiB: 1536 MiB is "1.5 GiB", 1000 MiB "0.977 GiB" (three decimals, no trailing zeros).
        return m_memoryInGib ? QStringLiteral("%1 GiB").arg(gibText(s.effectiveMemoryMib()))
                             : QStringLiteral("%1 MiB").arg(s.effectiveMemoryMib());
    case Replicas:
        return s.replicas;
    case MinReplicas:
        return s.minReplicas;
    case MaxReplicas:
        return s.maxReplicas;
    case LoadProfileCol:
        return display && s.loadProfile.isEmpty() ? QVariant(QStringLiteral("flat")) : QVariant(s.loadProfile);
    case Arch:
        return toId(s.arch);
    case Os:
        return toId(s.os);
    case NetworkMode:
        return toId(s.networkMode);
    case SpotOk:
        return display ? QVariant(s.spotOk ? tr("yes") : tr("no")) : QVariant(s.spotOk);
    case EphemeralGib:
        return display ? QStringLiteral("%1 GiB").arg(s.ephemeralGib) : QVariant(s.ephemeralGib);
    case RunsPerDay:
        return s.runsPerDay;
    case RunSeconds:
        return s.runSeconds;
    case Gpus:
        if (!display)
            return s.gpus;
        if (s.gpus == 0)
            return QStringLiteral("–");
        return s.accelerator == Accelerator::AwsNeuron ? tr("%1 Neuron").arg(s.gpus) : tr("%1 GPU").arg(s.gpus);
    case OnePerNode:
        return display ? QVariant(s.onePerNode ? tr("yes") : tr("no")) : QVariant(s.onePerNode);
    case DeployStrategy:
        return toId(s.deployment.strategy);
    case DeployFrequency:
        return QStringLiteral("%1/%2").arg(QLocale().toString(s.deployment.frequency, 'g', 6),
            s.deployment.period == DeploymentPeriod::Week ? QStringLiteral("week") : QStringLiteral("day"));
    case DeployMinutes:
        return display ? QVariant(tr("%1 min").arg(QLocale().toString(s.deployment.durationMinutes, 'g', 6)))
                       : QVariant(s.deployment.durationMinutes);
    case DeploySurge: {
        const QString n = QLocale().toString(s.deployment.maxSurge, 'g', 6);
        return s.deployment.maxSurgePercent ? QString(n + u'%') : n;
    }
    case DeployBake:
        return display ? QVariant(tr("%1 min").arg(QLocale().toString(s.deployment.bakeMinutes, 'g', 6)))
                       : QVariant(s.deployment.bakeMinutes);
    case RequestsPerSecond:
        if (!display)
            return s.requestsPerSecond;
        return s.requestsPerSecond == 0 ? QStringLiteral("–") : tr("%1 req/s").arg(s.requestsPerSecond);
    case RequestMillis:
        return display ? QVariant(tr("%1 ms").arg(s.requestMillis)) : QVariant(s.requestMillis);
    case ConcurrentRequests:
        if (!display)
            return s.concurrentRequests;
        return s.concurrentRequests == 0 ? QVariant(tr("derived")) : QVariant(s.concurrentRequests);
    case AppRunnerInstance:
        if (!display)
            return appRunnerSizeId(s.appRunnerSize);
        return s.appRunnerSize.isSet() ? tr("%1 vCPU / %2 GB").arg(s.appRunnerSize.vcpu).arg(s.appRunnerSize.memoryGb)
                                       : tr("automatic");
    default:
        return {};
    }
}

bool ServiceTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (!(flags(index) & Qt::ItemIsEditable) && role != Qt::CheckStateRole)
        return false;
    Document *doc = m_document;
    const int row = index.row();
    const Service &s = scenario().services.at(row);

    if (role == Qt::CheckStateRole) {
        if (index.column() != SpotOk && index.column() != OnePerNode)
            return false;
        pushField(
            doc, row, index.column() == SpotOk ? &Service::spotOk : &Service::onePerNode, value.toInt() == Qt::Checked);
        return true;
    }
    if (role != Qt::EditRole)
        return false;

    switch (index.column()) {
    case Name: {
        const QString name = value.toString().trimmed();
        if (name.isEmpty())
            return false;
        if (name != s.name)
            doc->undoStack()->push(new RenameServiceCommand(doc, row, name));
        return true;
    }
    case Kind:
        if (const auto v = serviceKindFromId(value.toString())) {
            pushField(doc, row, &Service::kind, *v);
            return true;
        }
        return false;
    case Arch:
        if (const auto v = archFromId(value.toString())) {
            pushField(doc, row, &Service::arch, *v);
            return true;
        }
        return false;
    case Os:
        if (const auto v = osFromId(value.toString())) {
            pushField(doc, row, &Service::os, *v);
            return true;
        }
        return false;
    case NetworkMode:
        if (const auto v = networkModeFromId(value.toString())) {
            pushField(doc, row, &Service::networkMode, *v);
            return true;
        }
        return false;
    case LoadProfileCol: {
        QString name = value.toString().trimmed();
        if (name == QLatin1String("flat") && !scenario().findLoadProfile(name))
            name.clear();
        pushField(doc, row, &Service::loadProfile, name);
        return true;
    }
    case SpotOk:
        pushField(doc, row, &Service::spotOk, value.toBool());
        return true;
    case OnePerNode:
        pushField(doc, row, &Service::onePerNode, value.toBool());
        return true;
    case Cpu:
    case Memory:
    case EphemeralGib:
    case RequestsPerSecond:
    case RequestMillis:
    case ConcurrentRequests:
        if (const auto v = toNumber(value)) {
            double Service::*field = index.column() == Cpu ? &Service::cpu
                : index.column() == Memory                 ? &Service::memoryMib
                : index.column() == RequestsPerSecond      ? &Service::requestsPerSecond
                : index.column() == RequestMillis          ? &Service::requestMillis
                : index.column() == ConcurrentRequests     ? &Service::concurrentRequests
                                                           : &Service::ephemeralGib;
            pushField(doc, row, field, *v);
            return true;
        }
        return false;
    case AppRunnerInstance:
        if (const auto v = appRunnerSizeFromId(value.toString())) {
            pushField(doc, row, &Service::appRunnerSize, *v);
            return true;
        }
        return false;
    case Replicas:
    case MinReplicas:
    case MaxReplicas:
    case RunsPerDay:
    case RunSeconds:
    case Gpus:
        if (const auto v = toWhole(value)) {
            int Service::*field = index.column() == Replicas ? &Service::replicas
                : index.column() == MinReplicas              ? &Service::minReplicas
                : index.column() == MaxReplicas              ? &Service::maxReplicas
                : index.column() == RunsPerDay               ? &Service::runsPerDay
                : index.column() == Gpus                     ? &Service::gpus
                                                             : &Service::runSeconds;
            pushField(doc, row, field, *v);
            return true;
        }
        return false;
    case DeployStrategy:
    case DeployFrequency:
    case DeployMinutes:
    case DeploySurge:
    case DeployBake:
        if (auto d = editedDeployment(s.deployment, index.column(), value)) {
            pushField(doc, row, &Service::deployment, *d);
            return true;
        }
        return false;
    default:
        return false;
    }
}

Qt::ItemFlags ServiceTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const Service &s = scenario().services.at(index.row());
    // CPU and memory of a service built from containers are derived, not typed in.
    if ((index.column() == Cpu || index.column() == Memory) && !s.containers.isEmpty())
        return f;
    if (index.column() == SpotOk || index.column() == OnePerNode)
        return f | Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    return f | Qt::ItemIsEditable;
}

QVariant ServiceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == FieldKeyRole)
        return fieldKey(section);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RequestsPerSecond:
            return tr("App Runner: requests per second the service serves at load 1.0 (follows its load profile). "
                      "With the request duration it gives the concurrent requests App Runner scales on.");
        case RequestMillis:
            return tr("App Runner: mean request duration in milliseconds. Concurrent requests = requests/s × "
                      "ms ÷ 1000 (Little's law).");
        case ConcurrentRequests:
            return tr("App Runner: concurrent requests at load 1.0. 0 = derived: requests/s × ms ÷ 1000, or, "
                      "without requests/s, replicas × the per-instance concurrency.");
        case AppRunnerInstance:
            return tr("App Runner instance size (vCPU / memory) of this service. Automatic = the smallest "
                      "documented size that holds the task.");
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Service");
    case Kind:
        return tr("Kind");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case Replicas:
        return tr("Replicas");
    case MinReplicas:
        return tr("Min");
    case MaxReplicas:
        return tr("Max");
    case LoadProfileCol:
        return tr("Load profile");
    case Arch:
        return tr("Arch");
    case Os:
        return tr("OS");
    case NetworkMode:
        return tr("Network");
    case SpotOk:
        return tr("Spot OK");
    case EphemeralGib:
        return tr("Ephemeral");
    case RunsPerDay:
        return tr("Runs/day");
    case RunSeconds:
        return tr("Run (s)");
    case Gpus:
        return tr("GPUs");
    case OnePerNode:
        return tr("1 per node");
    case DeployStrategy:
        return tr("Deployment");
    case DeployFrequency:
        return tr("Deploys");
    case DeployMinutes:
        return tr("Deploy time");
    case DeploySurge:
        return tr("Max surge");
    case DeployBake:
        return tr("Bake");
    case RequestsPerSecond:
        return tr("Req/s");
    case RequestMillis:
        return tr("Req (ms)");
    case ConcurrentRequests:
        return tr("Concurrent");
    case AppRunnerInstance:
        return tr("App Runner size");
    default:
        return {};
    }
}

} // namespace fleetplan::models
