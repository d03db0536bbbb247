// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <QPointer>
#include <QStringList>

#include "models/workload/document.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace fleetplan::views {

/// The scenario's ECR registry block (issue 19; docs/cost-rules.md "ECR"): a checkable group (checked =
/// registry costs on) with the registry's region and one form for a repository's figures — image size,
/// pushes a day, the lifecycle policy (keep the last N, dev-* share and expiry), scanning, replication.
/// The form edits the one-per-service defaults or, chosen in the repository box, one of the explicit
/// repositories (added and removed with the buttons beside it; each names the services it serves). Every
/// edit pushes one SetRegistryCommand.
class RegistrySettingsBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit RegistrySettingsBox(QWidget *parent = nullptr);

    void setDocument(models::Document *document);
    void setRegions(const QStringList &regions);

    QComboBox *regionBox() const { return m_region; }
    /// Item 0: the one-per-service defaults; item i + 1: explicit repository i.
    QComboBox *repositoryBox() const { return m_repository; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QLineEdit *nameEdit() const { return m_name; }
    QToolButton *servicesButton() const { return m_services; }
    QDoubleSpinBox *imageGbBox() const { return m_imageGb; }
    QDoubleSpinBox *pushesBox() const { return m_pushes; }
    QSpinBox *keepLastBox() const { return m_keepLast; }
    QDoubleSpinBox *devShareBox() const { return m_devShare; }
    QSpinBox *devExpiryBox() const { return m_devExpiry; }
    QComboBox *scanningBox() const { return m_scanning; }
    QDoubleSpinBox *rescansBox() const { return m_rescans; }
    QToolButton *replicationRegionsButton() const { return m_replicaRegions; }
    QSpinBox *replicationAccountsBox() const { return m_replicaAccounts; }

    /// Adds an explicit repository for the first service no repository serves yet (one undo step).
    void addRepository();
    /// Removes the explicit repository shown in the form (one undo step).
    void removeRepository();

private:
    void refresh();
    void updateEnabled();
    /// The repository the form edits, from `registry`.
    models::Repository current(const models::RegistrySettings &registry) const;
    void push();
    void pushRepository(const models::Repository &repo);
    void toggleService(const QString &name, bool on);
    void toggleReplicaRegion(const QString &code, bool on);

    QPointer<models::Document> m_document;
    bool m_refreshing = false;
    QStringList m_regions;
    QComboBox *m_region = nullptr;
    QComboBox *m_repository = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_hint = nullptr;
    QLineEdit *m_name = nullptr;
    QToolButton *m_services = nullptr;
    QDoubleSpinBox *m_imageGb = nullptr;
    QDoubleSpinBox *m_pushes = nullptr;
    QSpinBox *m_keepLast = nullptr;
    QDoubleSpinBox *m_devShare = nullptr;
    QSpinBox *m_devExpiry = nullptr;
    QComboBox *m_scanning = nullptr;
    QDoubleSpinBox *m_rescans = nullptr;
    QToolButton *m_replicaRegions = nullptr;
    QSpinBox *m_replicaAccounts = nullptr;
};

} // namespace fleetplan::views
