// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/networksettingsbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QUndoStack>

#include "models/workload/commands.h"
#include "views/settingsfields.h"

namespace fleetplan::views {

NetworkSettingsBox::NetworkSettingsBox(QWidget *parent)
    : QGroupBox(tr("Network"), parent)
{
    setObjectName(QStringLiteral("networkSettings"));
    setCheckable(true);
    setChecked(false);
    setToolTip(tr("Price each platform's network bill beside its compute: NAT gateways, public IPv4 addresses, "
                  "load balancers, image pulls and CloudWatch Logs. Off: compute only, as before."));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow panel puts the label above its field

    m_subnets = new QComboBox(this);
    m_subnets->setObjectName(QStringLiteral("networkSubnets"));
    m_subnets->addItem(tr("private (through NAT)"), int(models::SubnetKind::Private));
    m_subnets->addItem(tr("public (public IPv4)"), int(models::SubnetKind::Public));
    m_subnets->setToolTip(tr("Private: outbound traffic, such as image pulls without VPC endpoints, goes through "
                             "the NAT gateways. Public: every Fargate task and every EC2 node holds a public IPv4 "
                             "address, billed per address-hour. EKS Fargate always runs in private subnets."));
    form->addRow(tr("S&ubnets"), m_subnets);

    m_natGateways = new QSpinBox(this);
    m_natGateways->setObjectName(QStringLiteral("networkNatGateways"));
    m_natGateways->setRange(0, 100); // validation's MaxNatGateways
    m_natGateways->setKeyboardTracking(false);
    m_natGateways->setToolTip(tr("NAT gateways, usually one per Availability Zone. Each is billed per hour, and "
                                 "every GB it processes (image pulls) per GB. Only with private subnets."));
    form->addRow(tr("NAT &gateways"), m_natGateways);

    m_vpcEndpoints = new QCheckBox(tr("ECR and S3 endpoints"), this);
    m_vpcEndpoints->setObjectName(QStringLiteral("networkVpcEndpoints"));
    m_vpcEndpoints->setToolTip(tr("VPC endpoints for ECR and S3: in-region image pulls bypass the NAT gateways "
                                  "(the endpoints' own hourly charges are not included). Only with private "
                                  "subnets."));
    form->addRow(tr("VPC &endpoints"), m_vpcEndpoints);

    m_loadBalancer = new QComboBox(this);
    m_loadBalancer->setObjectName(QStringLiteral("networkLoadBalancer"));
    m_loadBalancer->addItem(tr("none"), int(models::LoadBalancerKind::None));
    m_loadBalancer->addItem(tr("Application (ALB)"), int(models::LoadBalancerKind::Alb));
    m_loadBalancer->addItem(tr("Network (NLB)"), int(models::LoadBalancerKind::Nlb));
    m_loadBalancer->setToolTip(tr("The load balancer in front of the request-serving services: billed per hour "
                                  "and per capacity unit-hour. App Runner includes its own."));
    form->addRow(tr("&Load balancer"), m_loadBalancer);

    m_perService = new QComboBox(this);
    m_perService->setObjectName(QStringLiteral("networkPerService"));
    m_perService->addItem(tr("one shared"), false);
    m_perService->addItem(tr("one per service"), true);
    m_perService->setToolTip(tr("One load balancer shared by every service (listener rules), or one for each "
                                "request-serving service."));
    form->addRow(tr("&Balancers"), m_perService);

    m_capacityUnits = new QDoubleSpinBox(this);
    m_capacityUnits->setObjectName(QStringLiteral("networkCapacityUnits"));
    m_capacityUnits->setRange(0, 10000); // validation's MaxCapacityUnits
    m_capacityUnits->setDecimals(2);
    m_capacityUnits->setSingleStep(0.5);
    m_capacityUnits->setKeyboardTracking(false);
    m_capacityUnits->setToolTip(tr("Average capacity units each load balancer uses: LCUs for an ALB, NLCUs for an "
                                   "NLB (new connections, active connections, processed bytes, rule evaluations; "
                                   "the largest dimension counts)."));
    form->addRow(tr("&Capacity units"), m_capacityUnits);

    m_logGb = new QDoubleSpinBox(this);
    m_logGb->setObjectName(QStringLiteral("networkLogGb"));
    m_logGb->setRange(0, 100); // validation's MaxLogGbPerTaskHour
    m_logGb->setDecimals(4);
    m_logGb->setSingleStep(0.001);
    m_logGb->setSuffix(tr(" GB"));
    m_logGb->setKeyboardTracking(false);
    m_logGb->setToolTip(tr("CloudWatch Logs ingested per task-hour (App Runner: per instance-hour), in GB, "
                           "billed at the Standard ingestion rate. 0 = no logs priced."));
    form->addRow(tr("Logs/&task-hour"), m_logGb);
    shrinkFields(this);

    connect(this, &QGroupBox::toggled, this, &NetworkSettingsBox::push);
    connect(m_subnets, &QComboBox::currentIndexChanged, this, &NetworkSettingsBox::push);
    connect(m_natGateways, &QSpinBox::valueChanged, this, &NetworkSettingsBox::push);
    connect(m_vpcEndpoints, &QCheckBox::toggled, this, &NetworkSettingsBox::push);
    connect(m_loadBalancer, &QComboBox::currentIndexChanged, this, &NetworkSettingsBox::push);
    connect(m_perService, &QComboBox::currentIndexChanged, this, &NetworkSettingsBox::push);
    connect(m_capacityUnits, &QDoubleSpinBox::valueChanged, this, &NetworkSettingsBox::push);
    connect(m_logGb, &QDoubleSpinBox::valueChanged, this, &NetworkSettingsBox::push);
}

void NetworkSettingsBox::setDocument(models::Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &models::Document::networkChanged, this, &NetworkSettingsBox::refresh);
        connect(m_document, &models::Document::scenarioReset, this, &NetworkSettingsBox::refresh);
    }
    refresh();
}

void NetworkSettingsBox::refresh()
{
    if (!m_document)
        return;
    m_refreshing = true;
    const models::NetworkSettings &n = m_document->scenario().network;
    setChecked(n.enabled);
    m_subnets->setCurrentIndex(m_subnets->findData(int(n.subnets)));
    m_natGateways->setValue(n.natGateways);
    m_vpcEndpoints->setChecked(n.vpcEndpoints);
    m_loadBalancer->setCurrentIndex(m_loadBalancer->findData(int(n.loadBalancer)));
    m_perService->setCurrentIndex(m_perService->findData(n.loadBalancerPerService));
    m_capacityUnits->setValue(n.capacityUnitsPerLoadBalancer);
    m_logGb->setValue(n.logGbPerTaskHour);
    updateEnabled();
    m_refreshing = false;
}

void NetworkSettingsBox::updateEnabled()
{
    // A checkable group box disables its children while unchecked; within it, what does not apply.
    const auto subnets = static_cast<models::SubnetKind>(m_subnets->currentData().toInt());
    const auto balancer = static_cast<models::LoadBalancerKind>(m_loadBalancer->currentData().toInt());
    const bool nat = subnets == models::SubnetKind::Private;
    const bool lb = balancer != models::LoadBalancerKind::None;
    m_natGateways->setEnabled(isChecked() && nat);
    m_vpcEndpoints->setEnabled(isChecked() && nat);
    m_perService->setEnabled(isChecked() && lb);
    m_capacityUnits->setEnabled(isChecked() && lb);
    m_capacityUnits->setSuffix(balancer == models::LoadBalancerKind::Nlb ? tr(" NLCU") : tr(" LCU"));
}

void NetworkSettingsBox::push()
{
    if (m_refreshing || !m_document)
        return;
    updateEnabled();
    models::NetworkSettings n = m_document->scenario().network;
    const models::NetworkSettings before = n;
    n.enabled = isChecked();
    n.subnets = static_cast<models::SubnetKind>(m_subnets->currentData().toInt());
    n.natGateways = m_natGateways->value();
    n.vpcEndpoints = m_vpcEndpoints->isChecked();
    n.loadBalancer = static_cast<models::LoadBalancerKind>(m_loadBalancer->currentData().toInt());
    n.loadBalancerPerService = m_perService->currentData().toBool();
    n.capacityUnitsPerLoadBalancer = m_capacityUnits->value();
    n.logGbPerTaskHour = m_logGb->value();
    if (n == before)
        return;
    m_document->undoStack()->push(new models::SetNetworkCommand(m_document, n));
}

} // namespace fleetplan::views
