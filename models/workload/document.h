// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QList>
#include <QObject>
#include <QString>

#include "models/diagnostic.h"
#include "models/workload/scenario.h"

class QLockFile;
class QTimer;
class QUndoStack;

namespace fleetplan::models {

/// The scenario-wide settings edited together by SetScenarioSettingsCommand.
struct ScenarioSettings
{
    QString name;
    QString region;
    int periodHours = 730;
    bool periodInDays = false;
    QString notes;

    static ScenarioSettings of(const Scenario &scenario);
    void applyTo(Scenario &scenario) const;
    friend bool operator==(const ScenarioSettings &, const ScenarioSettings &) = default;
};

/// The open document: one Scenario, its QUndoStack, the file it came from, whether it has unsaved
/// edits, and autosave to a recovery file.
///
/// Views and item models read scenario() and change it only by pushing commands (commands.h) on
/// undoStack(); each command calls the mutators below, which emit the fine-grained signals. The
/// mutators do not touch the undo stack: calling them directly makes an edit that cannot be undone.
///
/// Modified state follows the undo stack's clean index: saving marks the current state clean, and
/// undoing back to it makes the document unmodified again.
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const Scenario &scenario() const { return m_scenario; }
    QUndoStack *undoStack() const { return m_undoStack; }

    /// The file this document is saved to; empty for a new, never-saved document.
    QString filePath() const { return m_filePath; }
    /// True when there are edits since the last save / open.
    bool isModified() const;
    /// File name for title bars ("shop.fleetplan"), or the scenario name when there is no file.
    QString displayName() const;

    // ---- whole documents --------------------------------------------------------------------------
    /// Replaces the whole scenario (New, Open, Revert): clears the undo stack, marks it clean and
    /// emits scenarioReset(). `filePath` becomes the document's file (may be empty).
    void reset(const Scenario &scenario, const QString &filePath = {});
    /// Opens a `.fleetplan` or `.json` file. On errors the document is unchanged and false is returned;
    /// `diagnostics` receives every error and warning (warnings alone do not fail).
    bool open(const QString &path, QList<Diagnostic> *diagnostics = nullptr);
    /// Saves to filePath(). Fails (false, *error) when there is no file path yet.
    bool save(QString *error = nullptr);
    /// Saves to `path` (`.fleetplan` SQLite or `.json`) atomically and makes it the document's file.
    /// On failure the previous file at `path` is untouched and the document stays modified.
    bool saveAs(const QString &path, QString *error = nullptr);
    /// The warnings of reading the document's file (unknown keys, which were dropped): kept from open()
    /// until the next reset(), open() or save (a save writes the file without them).
    const QList<Diagnostic> &readWarnings() const { return m_readWarnings; }
    /// Writes a copy (e.g. a JSON export) without changing filePath() or the modified state.
    bool saveCopy(const QString &path, QString *error = nullptr) const;

    // ---- autosave and recovery ---------------------------------------------------------------------
    /// Autosave delay after the last edit, in milliseconds; 0 turns autosave off. Default 30 000.
    void setAutosaveDelay(int milliseconds);
    int autosaveDelay() const { return m_autosaveDelay; }
    /// The recovery file this document autosaves to (recoveryDirectory()/<unique>.fleetplan).
    QString recoveryFilePath() const { return m_recoveryPath; }
    /// Writes the recovery file now (when modified). Returns false and sets *error on failure.
    bool autosaveNow(QString *error = nullptr);
    /// Removes the recovery file (after a clean save, on close, or when the user discards it).
    void discardRecoveryFile();
    /// Opens a recovery file offered at start-up: loads it as a modified document whose file path is
    /// the original document's (empty when the work was never saved). The recovery file is adopted:
    /// it is removed on the next clean save or close.
    bool restoreFromRecovery(const QString &recoveryPath, QString *error = nullptr);

    // ---- mutators used by the undo commands (no undo by themselves) --------------------------------
    void insertServices(int row, const QList<Service> &services);
    /// Removes `count` services starting at `row` and returns them.
    QList<Service> takeServices(int row, int count);
    void setService(int row, const Service &service);
    void insertLoadProfiles(int index, const QList<LoadProfile> &profiles);
    QList<LoadProfile> takeLoadProfiles(int index, int count);
    void setLoadProfile(int index, const LoadProfile &profile);
    void setSettings(const ScenarioSettings &settings);
    void setPlatformSettings(PlatformId platform, const PlatformSettings &settings);
    void setPurchaseOptions(const PurchaseOptions &options);
    void setRegistry(const RegistrySettings &registry);
    void setNetwork(const NetworkSettings &network);

signals:
    void servicesAboutToBeInserted(int first, int last);
    void servicesInserted(int first, int last);
    void servicesAboutToBeRemoved(int first, int last);
    void servicesRemoved(int first, int last);
    /// Any field of the service at `row` changed (including its name).
    void serviceChanged(int row);
    void loadProfilesAboutToBeInserted(int first, int last);
    void loadProfilesInserted(int first, int last);
    void loadProfilesAboutToBeRemoved(int first, int last);
    void loadProfilesRemoved(int first, int last);
    /// The profile at `index` changed (hours or name); `name` is its current name.
    void loadProfileChanged(int index, const QString &name);
    /// Name, region, period or notes changed.
    void settingsChanged();
    void platformSettingsChanged(fleetplan::models::PlatformId platform);
    void purchaseOptionsChanged();
    /// The ECR registry block changed (Scenario::registry).
    void registryChanged();
    /// The network block changed (Scenario::network).
    void networkChanged();
    /// The whole scenario is about to be replaced (reset / open / restore).
    void scenarioAboutToBeReset();
    /// The whole scenario was replaced (reset / open / restore).
    void scenarioReset();
    /// Emitted after every change of the scenario, whatever it was (for "re-run the simulation").
    void changed();
    void filePathChanged(const QString &path);
    /// readWarnings() changed (a file was opened, or saved without the keys it warned about).
    void readWarningsChanged();
    void modifiedChanged(bool modified);
    /// An autosave failed (the GUI may show it in the status bar).
    void autosaveFailed(const QString &error);

private:
    void edited();
    void setReadWarnings(const QList<Diagnostic> &warnings);
    void setFilePath(const QString &path);

    Scenario m_scenario;
    QUndoStack *m_undoStack = nullptr;
    QTimer *m_autosaveTimer = nullptr;
    QString m_filePath;
    QString m_recoveryPath;
    /// Held while this document's recovery file exists, so another running instance does not offer it
    /// as crashed work (recovery.h, lockRecoveryFile()).
    std::unique_ptr<QLockFile> m_recoveryLock;
    int m_autosaveDelay = 30000;
    QList<Diagnostic> m_readWarnings;
};

} // namespace fleetplan::models
