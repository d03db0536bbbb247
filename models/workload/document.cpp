// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workload/document.h"

#include <QFile>
#include <QLockFile>
#include <QFileInfo>
#include <QHash>
#include <QTimer>
#include <QUndoStack>

#include "models/workload/recovery.h"
#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"

namespace fleetplan::models {

ScenarioSettings ScenarioSettings::of(const Scenario &scenario)
{
    return { scenario.name, scenario.region, scenario.periodHours, scenario.periodInDays, scenario.notes };
}

void ScenarioSettings::applyTo(Scenario &scenario) const
{
    scenario.name = name;
    scenario.region = region;
    scenario.periodHours = periodHours;
    scenario.periodInDays = periodInDays;
    scenario.notes = notes;
}

Document::Document(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
    , m_autosaveTimer(new QTimer(this))
    , m_recoveryPath(newRecoveryFilePath())
{
    m_autosaveTimer->setSingleShot(true);
    connect(m_autosaveTimer, &QTimer::timeout, this, [this] {
        QString error;
        if (!autosaveNow(&error))
            emit autosaveFailed(error);
    });
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] {
        if (m_autosaveDelay > 0 && isModified())
            m_autosaveTimer->start(m_autosaveDelay);
        else if (!isModified())
            m_autosaveTimer->stop();
    });
}

Document::~Document()
{
    // Closing the document: unsaved work is the caller's decision (it asked the user); a recovery
    // file only survives a crash.
    discardRecoveryFile();
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? m_scenario.name : QFileInfo(m_filePath).fileName();
}

void Document::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

void Document::reset(const Scenario &scenario, const QString &filePath)
{
    emit scenarioAboutToBeReset();
    m_undoStack->clear(); // emits cleanChanged(true) → modifiedChanged(false) when it was modified
    m_scenario = scenario;
    discardRecoveryFile();
    setFilePath(filePath);
    setReadWarnings({});
    emit scenarioReset();
    emit changed();
}

bool Document::open(const QString &path, QList<Diagnostic> *diagnostics)
{
    const ScenarioReadResult result = readScenarioFile(path);
    if (diagnostics)
        *diagnostics = result.diagnostics;
    if (!result.ok())
        return false;
    reset(*result.scenario, QFileInfo(path).absoluteFilePath());
    QList<Diagnostic> warnings;
    for (const Diagnostic &d : result.diagnostics) {
        if (!d.isError())
            warnings.append(d);
    }
    setReadWarnings(warnings);
    return true;
}

void Document::setReadWarnings(const QList<Diagnostic> &warnings)
{
    if (warnings == m_readWarnings)
        return;
    m_readWarnings = warnings;
    emit readWarningsChanged();
}

bool Document::save(QString *error)
{
    if (m_filePath.isEmpty()) {
        if (error)
            *error = tr("The document has no file yet: use Save As.");
        return false;
    }
    return saveAs(m_filePath, error);
}

bool Document::saveAs(const QString &path, QString *error)
{
    if (!writeScenarioFile(m_scenario, path, error))
        return false;
    setFilePath(QFileInfo(path).absoluteFilePath());
    m_undoStack->setClean();
    m_autosaveTimer->stop();
    discardRecoveryFile();
    setReadWarnings({}); // the file now holds what the document holds: nothing was dropped from it
    return true;
}

bool Document::saveCopy(const QString &path, QString *error) const
{
    return writeScenarioFile(m_scenario, path, error);
}

void Document::setAutosaveDelay(int milliseconds)
{
    m_autosaveDelay = qMax(0, milliseconds);
    if (m_autosaveDelay == 0)
        m_autosaveTimer->stop();
    else if (isModified())
        m_autosaveTimer->start(m_autosaveDelay);
}

bool Document::autosaveNow(QString *error)
{
    if (!isModified())
        return true;
    if (!m_recoveryLock)
        m_recoveryLock = lockRecoveryFile(m_recoveryPath);
    if (!m_recoveryLock) {
        if (error)
            *error = QStringLiteral("cannot autosave to %1: another running Fleetplan holds it").arg(m_recoveryPath);
        return false;
    }
    return writeRecoveryFile(m_scenario, m_recoveryPath, m_filePath, error);
}

void Document::discardRecoveryFile()
{
    if (QFile::exists(m_recoveryPath))
        QFile::remove(m_recoveryPath);
    m_recoveryLock.reset(); // QLockFile's destructor unlocks and removes the .lock file
}

bool Document::restoreFromRecovery(const QString &recoveryPath, QString *error)
{
    QHash<QString, QString> meta;
    const ScenarioReadResult result = readScenarioDocument(recoveryPath, &meta);
    if (!result.ok()) {
        if (error)
            *error = result.errorText();
        return false;
    }
    reset(*result.scenario, meta.value(QStringLiteral("recovery_of")));
    // The restored work is unsaved: make it modified (clean index unreachable) and adopt the file.
    m_undoStack->resetClean(); // emits cleanChanged(false) → modifiedChanged(true)
    discardRecoveryFile();
    m_recoveryPath = recoveryPath;
    m_recoveryLock = lockRecoveryFile(m_recoveryPath); // the crashed session's stale lock is taken over
    return true;
}

namespace {
/// A service built from containers keeps cpu/memoryMib equal to the derived size, so that every
/// reader (JSON, SQLite, the simulation) sees one number.
Service normalized(Service s)
{
    if (!s.containers.isEmpty()) {
        s.cpu = s.effectiveCpu();
        s.memoryMib = s.effectiveMemoryMib();
    }
    return s;
}
} // namespace

void Document::edited()
{
    emit changed();
}

void Document::insertServices(int row, const QList<Service> &services)
{
    if (services.isEmpty())
        return;
    row = qBound(0, row, int(m_scenario.services.size()));
    const int last = row + int(services.size()) - 1;
    emit servicesAboutToBeInserted(row, last);
    for (qsizetype i = 0; i < services.size(); ++i)
        m_scenario.services.insert(row + i, normalized(services.at(i)));
    emit servicesInserted(row, last);
    edited();
}

QList<Service> Document::takeServices(int row, int count)
{
    if (count <= 0 || row < 0 || row + count > m_scenario.services.size())
        return {};
    emit servicesAboutToBeRemoved(row, row + count - 1);
    const QList<Service> taken = m_scenario.services.mid(row, count);
    m_scenario.services.remove(row, count);
    emit servicesRemoved(row, row + count - 1);
    edited();
    return taken;
}

void Document::setService(int row, const Service &service)
{
    if (row < 0 || row >= m_scenario.services.size())
        return;
    m_scenario.services[row] = normalized(service);
    emit serviceChanged(row);
    edited();
}

void Document::insertLoadProfiles(int index, const QList<LoadProfile> &profiles)
{
    if (profiles.isEmpty())
        return;
    index = qBound(0, index, int(m_scenario.loadProfiles.size()));
    const int last = index + int(profiles.size()) - 1;
    emit loadProfilesAboutToBeInserted(index, last);
    for (qsizetype i = 0; i < profiles.size(); ++i)
        m_scenario.loadProfiles.insert(index + i, profiles.at(i));
    emit loadProfilesInserted(index, last);
    edited();
}

QList<LoadProfile> Document::takeLoadProfiles(int index, int count)
{
    if (count <= 0 || index < 0 || index + count > m_scenario.loadProfiles.size())
        return {};
    emit loadProfilesAboutToBeRemoved(index, index + count - 1);
    const QList<LoadProfile> taken = m_scenario.loadProfiles.mid(index, count);
    m_scenario.loadProfiles.remove(index, count);
    emit loadProfilesRemoved(index, index + count - 1);
    edited();
    return taken;
}

void Document::setLoadProfile(int index, const LoadProfile &profile)
{
    if (index < 0 || index >= m_scenario.loadProfiles.size())
        return;
    m_scenario.loadProfiles[index] = profile;
    emit loadProfileChanged(index, profile.name);
    edited();
}

void Document::setSettings(const ScenarioSettings &settings)
{
    settings.applyTo(m_scenario);
    emit settingsChanged();
    edited();
}

void Document::setPlatformSettings(PlatformId platform, const PlatformSettings &settings)
{
    m_scenario.platform(platform) = settings;
    emit platformSettingsChanged(platform);
    edited();
}

void Document::setPurchaseOptions(const PurchaseOptions &options)
{
    m_scenario.purchase = options;
    emit purchaseOptionsChanged();
    edited();
}

void Document::setRegistry(const RegistrySettings &registry)
{
    m_scenario.registry = registry;
    emit registryChanged();
    edited();
}

void Document::setNetwork(const NetworkSettings &network)
{
    m_scenario.network = network;
    emit networkChanged();
    edited();
}

} // namespace fleetplan::models
