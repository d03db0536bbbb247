// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>

#include <QPointer>
#include <QWidget>

#include "models/workload/document.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QDoubleSpinBox;

namespace fleetplan::views {

class NetworkSettingsBox;
class RegistrySettingsBox;

/// Scenario settings: name, region, billing period; purchase options (Savings Plans type, term,
/// payment); per-platform settings (enabled, instance types and mixing for the EC2 platforms, EKS
/// clusters and extended support, App Runner's concurrency, min / max instances and automatic
/// deployments); the ECR registry and network blocks (RegistrySettingsBox, NetworkSettingsBox). Every
/// edit pushes one undo command on the document.
class ScenarioSettingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioSettingsPanel(QWidget *parent = nullptr);

    void setDocument(models::Document *document);
    void setRegions(const QStringList &regions);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *regionBox() const { return m_region; }
    QSpinBox *periodBox() const { return m_period; }
    QCheckBox *platformEnabledBox(models::PlatformId id) const { return m_enabled[int(id)]; }
    QSpinBox *appRunnerConcurrencyBox() const { return m_arConcurrency; }
    QSpinBox *appRunnerMinBox() const { return m_arMin; }
    QSpinBox *appRunnerMaxBox() const { return m_arMax; }
    QCheckBox *appRunnerDeploymentBox() const { return m_arDeployment; }
    RegistrySettingsBox *registryBox() const { return m_registry; }
    NetworkSettingsBox *networkBox() const { return m_network; }

private:
    QWidget *appRunnerKnobs(QWidget *parent);
    void refresh();
    void pushSettings();
    void pushPurchase();
    void pushPlatform(models::PlatformId id);

    QPointer<models::Document> m_document;
    bool m_refreshing = false;
    QLineEdit *m_name = nullptr;
    QComboBox *m_region = nullptr;
    QSpinBox *m_period = nullptr;
    QComboBox *m_spType = nullptr;
    QComboBox *m_spTerm = nullptr;
    QComboBox *m_spPayment = nullptr;
    std::array<QCheckBox *, models::PlatformCount> m_enabled {};
    std::array<QLineEdit *, models::PlatformCount> m_types {};
    std::array<QCheckBox *, models::PlatformCount> m_mixed {};
    QSpinBox *m_clusters = nullptr;
    QCheckBox *m_extended = nullptr;
    QCheckBox *m_anywhere = nullptr; ///< EKS managed nodes as EKS Anywhere (own hardware, no control-plane fee)
    QSpinBox *m_arConcurrency = nullptr;
    QSpinBox *m_arMin = nullptr;
    QSpinBox *m_arMax = nullptr;
    QCheckBox *m_arDeployment = nullptr;
    RegistrySettingsBox *m_registry = nullptr;
    NetworkSettingsBox *m_network = nullptr;
};

} // namespace fleetplan::views
