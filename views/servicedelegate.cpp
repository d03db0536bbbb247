// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/servicedelegate.h"

#include <cmath>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QItemSelectionModel>
#include <QPainter>
#include <QSpinBox>

#include "models/workload/scenario.h"
#include "models/workload/servicetablemodel.h"
#include "pricing/apprunner.h"

namespace fleetplan::views {

using Col = models::ServiceTableModel::Column;

ServiceDelegate::ServiceDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

namespace {
QComboBox *idCombo(QWidget *parent, const QList<std::pair<QString, QString>> &items)
{
    auto *box = new QComboBox(parent);
    for (const auto &[id, label] : items)
        box->addItem(label, id);
    return box;
}
} // namespace

QWidget *ServiceDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QWidget *editor = nullptr;
    switch (index.column()) {
    case Col::Kind:
        editor = idCombo(parent,
            { { models::toId(models::ServiceKind::Service), tr("service") },
                { models::toId(models::ServiceKind::Daemon), tr("daemon") },
                { models::toId(models::ServiceKind::Job), tr("job") } });
        break;
    case Col::Arch:
        editor = idCombo(parent,
            { { models::toId(models::Arch::X86_64), QStringLiteral("x86_64") },
                { models::toId(models::Arch::Arm64), QStringLiteral("arm64") } });
        break;
    case Col::Os:
        editor = idCombo(parent,
            { { models::toId(models::OsFamily::Linux), QStringLiteral("Linux") },
                { models::toId(models::OsFamily::Windows), QStringLiteral("Windows") } });
        break;
    case Col::NetworkMode:
        editor = idCombo(parent,
            { { models::toId(models::NetworkMode::Awsvpc), QStringLiteral("awsvpc") },
                { models::toId(models::NetworkMode::Bridge), QStringLiteral("bridge") },
                { models::toId(models::NetworkMode::Host), QStringLiteral("host") } });
        break;
    case Col::DeployStrategy:
        editor = idCombo(parent,
            { { models::toId(models::DeploymentStrategy::None), tr("none") },
                { models::toId(models::DeploymentStrategy::Rolling), tr("rolling update") },
                { models::toId(models::DeploymentStrategy::BlueGreen), tr("blue/green") } });
        break;
    case Col::DeployMinutes:
    case Col::DeployBake: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(0, index.column() == Col::DeployMinutes ? 1440 : 2880); // validation's limits
        spin->setDecimals(1);
        spin->setSuffix(tr(" min"));
        editor = spin;
        break;
    }
    case Col::SpotOk:
    case Col::OnePerNode: {
        auto *box = new QComboBox(parent);
        box->addItem(tr("yes"), true);
        box->addItem(tr("no"), false);
        editor = box;
        break;
    }
    case Col::LoadProfileCol: {
        auto *box = new QComboBox(parent);
        box->addItem(tr("(flat 1.0)"), QString());
        const QStringList names = m_profileNames ? m_profileNames() : QStringList();
        for (const QString &name : names)
            box->addItem(name, name);
        editor = box;
        break;
    }
    case Col::Cpu: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(0.125, 192.0);
        spin->setDecimals(3);
        spin->setSingleStep(0.25);
        spin->setSuffix(tr(" vCPU"));
        editor = spin;
        break;
    }
    case Col::Memory: {
        auto *spin = new QDoubleSpinBox(parent);
        if (inGib(index)) { // the Preferences' memory unit; the scenario keeps MiB
            spin->setRange(0.125, 1536);
            spin->setDecimals(3);
            spin->setSingleStep(0.25);
            spin->setSuffix(tr(" GiB"));
        } else {
            spin->setRange(128, 1572864);
            spin->setDecimals(0);
            spin->setSingleStep(256);
            spin->setSuffix(tr(" MiB"));
        }
        editor = spin;
        break;
    }
    case Col::EphemeralGib: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(20, 200); // Fargate: 20 GiB free, up to 200 GiB
        spin->setDecimals(0);
        spin->setSuffix(tr(" GiB"));
        editor = spin;
        break;
    }
    case Col::Gpus: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, 64); // validation's limit; the largest AWS types have 8 GPUs / 16 Neuron devices
        spin->setSuffix(tr(" per task"));
        editor = spin;
        break;
    }
    case Col::RunsPerDay:
    case Col::RunSeconds: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, index.column() == Col::RunsPerDay ? 1440 : 7 * 86400);
        spin->setSuffix(index.column() == Col::RunsPerDay ? tr(" per day") : tr(" s"));
        editor = spin;
        break;
    }
    case Col::RequestsPerSecond:
    case Col::ConcurrentRequests: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(0, 1e6); // validation's limits (MaxRequestsPerSecond, MaxConcurrentRequests)
        spin->setDecimals(2);
        spin->setSingleStep(10);
        if (index.column() == Col::RequestsPerSecond)
            spin->setSuffix(tr(" req/s"));
        else
            spin->setSpecialValueText(tr("derived")); // 0: from requests/s × ms, or replicas × concurrency
        editor = spin;
        break;
    }
    case Col::RequestMillis: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(1, 120000); // App Runner's request timeout is 120 s
        spin->setDecimals(1);
        spin->setSingleStep(10);
        spin->setSuffix(tr(" ms"));
        editor = spin;
        break;
    }
    case Col::AppRunnerInstance: {
        auto *box = new QComboBox(parent);
        box->addItem(tr("automatic (smallest that fits)"), QString());
        for (const pricing::AppRunnerSize &size : pricing::appRunnerSizes()) {
            const models::AppRunnerInstanceSize s { size.vcpu, size.memoryGb };
            box->addItem(
                tr("%1 vCPU / %2 GB").arg(size.vcpu).arg(size.memoryGb), models::ServiceTableModel::appRunnerSizeId(s));
        }
        editor = box;
        break;
    }
    case Col::Replicas:
    case Col::MinReplicas:
    case Col::MaxReplicas: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, 100000);
        spin->setSuffix(index.column() == Col::Replicas ? tr(" tasks") : QString());
        editor = spin;
        break;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    editor->setAccessibleName(index.model()->headerData(index.column(), Qt::Horizontal).toString());
    editor->setAutoFillBackground(true);
    return editor;
}

void ServiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *box = qobject_cast<QComboBox *>(editor)) {
        int i = -1;
        if (index.column() == Col::LoadProfileCol) {
            const QString name = value.toString();
            i = box->findData(name == QLatin1String("flat") && box->findData(name) < 0 ? QString() : name);
        } else if (index.column() == Col::SpotOk || index.column() == Col::OnePerNode) {
            i = box->findData(value.toBool());
        } else {
            i = box->findData(value.toString());
        }
        box->setCurrentIndex(std::max(0, i));
    } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
        dspin->setValue(index.column() == Col::Memory && inGib(index) ? value.toDouble() / 1024.0 : value.toDouble());
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.toInt());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

bool ServiceDelegate::inGib(const QModelIndex &index)
{
    return index.data(models::ServiceTableModel::MemoryUnitRole).toString() == u"GiB";
}

QVariant ServiceDelegate::editorValue(QWidget *editor)
{
    if (auto *box = qobject_cast<QComboBox *>(editor))
        return box->currentData();
    if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
        dspin->interpretText();
        return dspin->value();
    }
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        return spin->value();
    }
    return {};
}

void ServiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    QVariant value = editorValue(editor);
    if (index.column() == Col::Memory && inGib(index) && value.isValid())
        value = std::round(value.toDouble() * 1024.0); // GiB typed, whole MiB stored
    if (!value.isValid()) {
        // Plain text (the name column): let the default delegate read the line edit.
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    // The rows a multi-edit reaches: selected cells of the edited column and fully selected rows,
    // when the edited cell is itself part of the selection.
    QModelIndexList rows;
    if (m_selection && m_selection->model() == model
        && (m_selection->isSelected(index) || m_selection->isRowSelected(index.row(), index.parent()))) {
        QList<int> seen;
        for (const QModelIndex &selected : m_selection->selectedIndexes()) {
            if (seen.contains(selected.row()))
                continue;
            if (selected.column() == index.column() || m_selection->isRowSelected(selected.row(), selected.parent())) {
                seen << selected.row();
                rows << model->index(selected.row(), index.column(), index.parent());
            }
        }
    }
    if (rows.size() <= 1 || index.column() == Col::Name) {
        model->setData(index, value, Qt::EditRole);
        return;
    }
    Q_EMIT const_cast<ServiceDelegate *>(this)->multiEditStarted(
        int(rows.size()), model->headerData(index.column(), Qt::Horizontal).toString());
    for (const QModelIndex &row : std::as_const(rows))
        model->setData(row, value, Qt::EditRole);
    Q_EMIT const_cast<ServiceDelegate *>(this)->multiEditFinished();
}

void ServiceDelegate::updateEditorGeometry(
    QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
    QRect r = editor->geometry();
    const int wanted = editor->sizeHint().width();
    if (r.width() >= wanted)
        return;
    r.setWidth(wanted);
    // Grows to the right, or to the left where the viewport ends.
    if (const QWidget *viewport = editor->parentWidget(); viewport && r.right() > viewport->width())
        r.moveRight(std::max(wanted - 1, viewport->width() - 1));
    editor->setGeometry(r);
}

void ServiceDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The validation role holds "error: …" / "warning: …" lines (or one string); errors paint the cell red.
    bool error = false;
    if (m_validationRole) {
        const QVariant v = index.data(m_validationRole);
        const QStringList lines
            = v.typeId() == QMetaType::QStringList ? v.toStringList() : QStringList { v.toString() };
        for (const QString &line : lines)
            error = error || (!line.isEmpty() && !line.startsWith(QLatin1String("warning")));
    }
    if (error) {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        painter->fillRect(opt.rect, QColor(0xE0, 0x40, 0x40, 110));
        painter->save();
        painter->setPen(QPen(QColor(0xC0, 0x20, 0x20), 2));
        painter->drawRect(QRectF(opt.rect).adjusted(1, 1, -1, -1));
        painter->restore();
        opt.backgroundBrush = Qt::NoBrush;
        QStyledItemDelegate::paint(painter, opt, index);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

} // namespace fleetplan::views
