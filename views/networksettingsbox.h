// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <QPointer>

#include "models/workload/document.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace fleetplan::views {

/// The scenario's network block (issue 19; docs/cost-rules.md "Network and registry"): a checkable group
/// (checked = network costs on) with subnets, NAT gateways, VPC endpoints, the load balancer and the logs
/// ingested per task-hour. Fields that do not apply are disabled (NAT gateways and endpoints with public
/// subnets, the load balancer's figures without one). Every edit pushes one SetNetworkCommand.
class NetworkSettingsBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit NetworkSettingsBox(QWidget *parent = nullptr);

    void setDocument(models::Document *document);

    QComboBox *subnetsBox() const { return m_subnets; }
    QSpinBox *natGatewaysBox() const { return m_natGateways; }
    QCheckBox *vpcEndpointsBox() const { return m_vpcEndpoints; }
    QComboBox *loadBalancerBox() const { return m_loadBalancer; }
    QComboBox *perServiceBox() const { return m_perService; }
    QDoubleSpinBox *capacityUnitsBox() const { return m_capacityUnits; }
    QDoubleSpinBox *logGbBox() const { return m_logGb; }

private:
    void refresh();
    void updateEnabled();
    void push();

    QPointer<models::Document> m_document;
    bool m_refreshing = false;
    QComboBox *m_subnets = nullptr;
    QSpinBox *m_natGateways = nullptr;
    QCheckBox *m_vpcEndpoints = nullptr;
    QComboBox *m_loadBalancer = nullptr;
    QComboBox *m_perService = nullptr;
    QDoubleSpinBox *m_capacityUnits = nullptr;
    QDoubleSpinBox *m_logGb = nullptr;
};

} // namespace fleetplan::views
