// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charttheme.h"

#include <qcustomplot.h>

namespace fleetplan::views {

namespace {

QFont chartFont(double points, bool bold = false)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

} // namespace

ChartTheme ChartTheme::light()
{
    ChartTheme t;
    t.background = Qt::white;
    t.text = QColor(0x20, 0x20, 0x20);
    t.axis = QColor(0x60, 0x60, 0x60);
    t.grid = QColor(0xD8, 0xD8, 0xD8);
    t.subGrid = QColor(0xEE, 0xEE, 0xEE);
    t.legendBackground = QColor(255, 255, 255, 230);
    t.legendBorder = QColor(0xB0, 0xB0, 0xB0);
    t.font = chartFont(8);
    t.labelFont = chartFont(9);
    return t;
}

ChartTheme ChartTheme::dark()
{
    ChartTheme t;
    t.background = QColor(0x2B, 0x2B, 0x2E);
    t.text = QColor(0xE8, 0xE8, 0xE8);
    t.axis = QColor(0xA0, 0xA0, 0xA0);
    t.grid = QColor(0x4A, 0x4A, 0x50);
    t.subGrid = QColor(0x38, 0x38, 0x3C);
    t.legendBackground = QColor(0x33, 0x33, 0x37, 230);
    t.legendBorder = QColor(0x60, 0x60, 0x66);
    t.font = chartFont(8);
    t.labelFont = chartFont(9);
    return t;
}

ChartTheme ChartTheme::forWindowColor(const QColor &window)
{
    return window.lightnessF() < 0.5 ? dark() : light();
}

void ChartTheme::styleAxis(QCPAxis *target) const
{
    const QPen axisPen(axis, 1);
    target->setBasePen(axisPen);
    target->setTickPen(axisPen);
    target->setSubTickPen(axisPen);
    target->setTickLabelColor(text);
    target->setLabelColor(text);
    target->setTickLabelFont(font);
    target->setLabelFont(labelFont);
    target->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    target->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
    target->grid()->setZeroLinePen(QPen(axis, 1));
}

void ChartTheme::styleLegend(QCPLegend *legend) const
{
    legend->setBrush(legendBackground);
    legend->setBorderPen(QPen(legendBorder));
    legend->setTextColor(text);
    legend->setFont(font);
}

void ChartTheme::apply(QCustomPlot *plot) const
{
    plot->setBackground(background);
    for (QCPAxisRect *rect : plot->axisRects()) {
        rect->setBackground(background);
        for (QCPAxis *axis : rect->axes())
            styleAxis(axis);
    }
    styleLegend(plot->legend);
}

QColor componentColor(models::ComponentId id)
{
    using models::ComponentId;
    switch (id) {
    case ComponentId::ComputeOnDemand:
        return QColor(0x4C, 0x72, 0xB0);
    case ComponentId::ComputeSpot:
        return QColor(0x55, 0xA8, 0x68);
    case ComponentId::ReservedInstances:
        return QColor(0x81, 0x72, 0xB2);
    case ComponentId::SavingsPlans:
        return QColor(0x64, 0xB5, 0xCD);
    case ComponentId::ExistingCommitments:
        return QColor(0x1F, 0x4E, 0x79);
    case ComponentId::OwnHardware:
        return QColor(0x55, 0x6B, 0x2F);
    case ComponentId::ControlPlane:
        return QColor(0xC4, 0x4E, 0x52);
    case ComponentId::Ebs:
        return QColor(0x93, 0x78, 0x60);
    case ComponentId::FargateVcpu:
        return QColor(0xDD, 0x84, 0x52);
    case ComponentId::FargateMemory:
        return QColor(0xF2, 0xB7, 0x01);
    case ComponentId::FargateSpotVcpu:
        return QColor(0x2C, 0xA0, 0x8C);
    case ComponentId::FargateSpotMemory:
        return QColor(0x9E, 0xD9, 0x9E);
    case ComponentId::FargateStorage:
        return QColor(0x8C, 0x8C, 0x8C);
    case ComponentId::OsLicense:
        return QColor(0xDA, 0x8B, 0xC3);
    case ComponentId::SpotInterruption:
        return QColor(0x5F, 0x4B, 0x8B);
    case ComponentId::Deployments:
        return QColor(0xC7, 0x9F, 0x3E);
    case ComponentId::AppRunnerActiveVcpu:
        return QColor(0xB8, 0x4A, 0x2E);
    case ComponentId::AppRunnerActiveMemory:
        return QColor(0xE0, 0x8E, 0x6B);
    case ComponentId::AppRunnerProvisionedMemory:
        return QColor(0xF3, 0xC9, 0xB4);
    case ComponentId::AppRunnerAutomaticDeployment:
        return QColor(0x6B, 0x4E, 0x3D);
    // Network and registry: greys and slate blues, so they read as one group beside compute.
    case ComponentId::EcrStorage:
        return QColor(0x3B, 0x4A, 0x5A);
    case ComponentId::EcrScanning:
        return QColor(0x56, 0x67, 0x7A);
    case ComponentId::EcrReplication:
        return QColor(0x71, 0x84, 0x99);
    case ComponentId::ImagePullTransfer:
        return QColor(0x8E, 0xA2, 0xB8);
    case ComponentId::NatGatewayHours:
        return QColor(0x4A, 0x4A, 0x4A);
    case ComponentId::NatGatewayData:
        return QColor(0x6E, 0x6E, 0x6E);
    case ComponentId::PublicIpv4:
        return QColor(0x92, 0x92, 0x92);
    case ComponentId::LoadBalancerHours:
        return QColor(0x2F, 0x5D, 0x62);
    case ComponentId::LoadBalancerCapacity:
        return QColor(0x5E, 0x8C, 0x91);
    case ComponentId::LogsIngestion:
        return QColor(0xB5, 0xB5, 0xB5);
    }
    return QColor(Qt::gray);
}

void placeLegendBelow(QCustomPlot *plot, int row)
{
    QCPLegend *legend = plot->legend;
    plot->axisRect()->insetLayout()->take(legend);
    plot->plotLayout()->addElement(row, 0, legend);
    plot->plotLayout()->setRowStretchFactor(row, 0.001);
    legend->setVisible(true);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(3);
}

} // namespace fleetplan::views
