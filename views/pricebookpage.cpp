// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pricebookpage.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "pricing/catalog.h"
#include "views/viewactions.h"

namespace fleetplan::views {

namespace {

constexpr double MaxOverrideUsd = 1000.0; // per hour, per GB-month, per vCPU-hour: far above any AWS rate

QString kindLabel(pricing::RateKind kind)
{
    switch (kind) {
    case pricing::RateKind::Ec2OnDemand:
        return QObject::tr("EC2 On-Demand (Linux)");
    case pricing::RateKind::Ec2Spot:
        return QObject::tr("EC2 Spot");
    case pricing::RateKind::Ec2Reserved:
        return QObject::tr("EC2 Reserved");
    case pricing::RateKind::Fargate:
        return QObject::tr("Fargate");
    case pricing::RateKind::Eks:
        return QObject::tr("EKS control plane");
    case pricing::RateKind::Other:
        return QObject::tr("Storage, network, registry");
    case pricing::RateKind::Ec2OnDemandWindows:
        return QObject::tr("EC2 On-Demand (Windows)");
    case pricing::RateKind::SavingsPlan:
        return QObject::tr("Savings Plans rate");
    }
    return {};
}

QTableView *makeTable(QWidget *parent, const QString &name, const QString &accessible)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setAccessibleName(accessible);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setSortingEnabled(true);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    addCopyAction(table); // Ctrl+C: the selected rows as tab-separated text
    return table;
}

} // namespace

// ---- PriceBookRatesModel ------------------------------------------------------------------------------

void PriceBookRatesModel::setEntries(QList<pricing::PriceBookEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int PriceBookRatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int PriceBookRatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PriceBookRatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const pricing::PriceBookEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Kind:
            return kindLabel(e.kind);
        case Region:
            return e.region;
        case Key:
            return e.key;
        case Usd:
            return role == Qt::EditRole ? QVariant(e.usd) : QVariant(QString::number(e.usd, 'g', 10));
        case Origin:
            return pricing::Rate::originName(e.origin);
        case AsOf:
            return e.asOf;
        case Source:
            return e.source;
        default:
            return {};
        }
    }
    if (role == Qt::UserRole && index.column() == Usd)
        return e.usd; // sorting by value
    if (role == Qt::TextAlignmentRole && index.column() == Usd)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && e.origin == pricing::Rate::Override) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() == Usd)
        return e.origin == pricing::Rate::Override
            ? tr("Your override: it wins over the bundled and imported figures. Edit to change it.")
            : tr("Imported from the AWS Price List. Edit to override it.");
    return {};
}

QVariant PriceBookRatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind:
        return tr("Kind");
    case Region:
        return tr("Region");
    case Key:
        return tr("Item");
    case Usd:
        return tr("USD");
    case Origin:
        return tr("Origin");
    case AsOf:
        return tr("As of");
    case Source:
        return tr("Source");
    default:
        return {};
    }
}

Qt::ItemFlags PriceBookRatesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Usd)
        f |= Qt::ItemIsEditable;
    return f;
}

bool PriceBookRatesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != Usd || index.row() >= m_entries.size())
        return false;
    bool ok = false;
    const double usd = value.toDouble(&ok);
    if (!ok || !(usd >= 0) || usd > MaxOverrideUsd)
        return false;
    if (usd == m_entries.at(index.row()).usd && m_entries.at(index.row()).origin == pricing::Rate::Override)
        return false;
    Q_EMIT usdEdited(m_entries.at(index.row()), usd);
    return true;
}

// ---- CommitmentAssumptionsModel -----------------------------------------------------------------------

void CommitmentAssumptionsModel::setAssumptions(const pricing::CommitmentAssumptions &assumptions)
{
    beginResetModel();
    m_discounts = assumptions.entries();
    endResetModel();
}

int CommitmentAssumptionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_discounts.size());
}

int CommitmentAssumptionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommitmentAssumptionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const pricing::CommitmentDiscount &d = m_discounts.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Scope:
            return d.scope == pricing::CommitmentScope::Ec2 ? tr("EC2") : tr("Fargate");
        case Plan:
            return pricing::commitmentPlanName(d.plan);
        case Term:
            return d.termYears == 1 ? tr("1 year") : tr("%1 years").arg(d.termYears);
        case Payment:
            return pricing::paymentOptionName(d.payment);
        case Percent:
            return role == Qt::EditRole ? QVariant(d.discountPercent)
                                        : QVariant(QString::number(d.discountPercent, 'f', 1) + QStringLiteral(" %"));
        case Basis:
            return d.userEdited ? tr("your edit (the default is documented in the catalog README)") : d.basis;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Percent)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && d.userEdited) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant CommitmentAssumptionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Scope:
        return tr("Covers");
    case Plan:
        return tr("Plan");
    case Term:
        return tr("Term");
    case Payment:
        return tr("Payment");
    case Percent:
        return tr("Discount");
    case Basis:
        return tr("Basis");
    default:
        return {};
    }
}

Qt::ItemFlags CommitmentAssumptionsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Percent)
        f |= Qt::ItemIsEditable;
    return f;
}

bool CommitmentAssumptionsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != Percent || index.row() >= m_discounts.size())
        return false;
    bool ok = false;
    const double percent = value.toDouble(&ok);
    if (!ok || !(percent >= 0 && percent <= 100))
        return false;
    if (percent == m_discounts.at(index.row()).discountPercent)
        return false;
    Q_EMIT percentEdited(m_discounts.at(index.row()), percent);
    return true;
}

// ---- PriceBookPage ------------------------------------------------------------------------------------

void CustomNodeTypesModel::setTypes(QList<pricing::CustomNodeType> types)
{
    beginResetModel();
    m_types = std::move(types);
    endResetModel();
}

int CustomNodeTypesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_types.size());
}

int CustomNodeTypesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomNodeTypesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_types.size() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const pricing::CustomNodeType &t = m_types.at(index.row());
    switch (index.column()) {
    case Name:
        return t.name;
    case Vcpu:
        return t.vcpu;
    case MemoryMib:
        return t.memoryMib;
    case Arch:
        return pricing::cpuArchName(t.arch);
    case MaxPods: {
        const int pods = pricing::instanceTypeOf(t).eksMaxPods;
        return pods > 0 ? pods : 110;
    }
    case UsdPerHour:
        return role == Qt::EditRole ? QVariant(t.usdPerHour) : QVariant(QString::number(t.usdPerHour, 'f', 4));
    case Note:
        return t.note;
    default:
        return {};
    }
}

QVariant CustomNodeTypesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Vcpu:
        return tr("vCPU");
    case MemoryMib:
        return tr("Memory (MiB)");
    case Arch:
        return tr("Architecture");
    case MaxPods:
        return tr("Max pods");
    case UsdPerHour:
        return tr("USD per node-hour");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

PriceBookPage::PriceBookPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("priceBookPage"));
    auto *layout = new QVBoxLayout(this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("priceBookSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto *top = new QHBoxLayout;
    auto *discountLabel = new QLabel(tr("&Enterprise discount:"), this);
    m_discount = new QDoubleSpinBox(this);
    m_discount->setObjectName(QStringLiteral("enterpriseDiscount"));
    m_discount->setRange(0.0, 99.9);
    m_discount->setDecimals(1);
    m_discount->setSingleStep(0.5);
    m_discount->setSuffix(QStringLiteral(" %"));
    m_discount->setKeyboardTracking(false);
    m_discount->setToolTip(tr("Percent off every On-Demand EC2 and Fargate rate (an EDP or private pricing "
                              "agreement); overrides are taken as typed"));
    discountLabel->setBuddy(m_discount);
    connect(m_discount, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (value != m_shownDiscount)
            Q_EMIT discountEdited(value);
    });
    top->addWidget(discountLabel);
    top->addWidget(m_discount);
    top->addStretch(1);
    m_import = new QPushButton(tr("&Import AWS Price List…"), this);
    m_import->setObjectName(QStringLiteral("importPriceList"));
    m_import->setToolTip(tr("Import AWS Price List offer files (CSV or JSON: AmazonEC2, AmazonECS, AmazonEKS, "
                            "Savings Plans, the Fargate Spot feed) into your price book"));
    connect(m_import, &QPushButton::clicked, this, &PriceBookPage::importRequested);
    top->addWidget(m_import);
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Vertical, this);
    layout->addWidget(split, 1);

    auto *ratesBox = new QGroupBox(tr("Rates in your price book"), split);
    auto *ratesLayout = new QVBoxLayout(ratesBox);
    auto *ratesBar = new QHBoxLayout;
    m_filter = new QLineEdit(ratesBox);
    m_filter->setObjectName(QStringLiteral("priceBookFilter"));
    m_filter->setPlaceholderText(tr("Filter: m6i, us-west-2, override…"));
    m_filter->setClearButtonEnabled(true);
    m_add = new QPushButton(tr("&Add override…"), ratesBox);
    m_add->setObjectName(QStringLiteral("addOverride"));
    m_remove = new QPushButton(tr("&Remove override"), ratesBox);
    m_remove->setObjectName(QStringLiteral("removeOverride"));
    ratesBar->addWidget(m_filter, 1);
    ratesBar->addWidget(m_add);
    ratesBar->addWidget(m_remove);
    ratesLayout->addLayout(ratesBar);
    m_ratesModel = new PriceBookRatesModel(this);
    m_ratesProxy = new QSortFilterProxyModel(this);
    m_ratesProxy->setSourceModel(m_ratesModel);
    m_ratesProxy->setFilterKeyColumn(-1);
    m_ratesProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_ratesProxy->setSortRole(Qt::EditRole);
    m_rates = makeTable(ratesBox, QStringLiteral("priceBookRates"), tr("Rates in your price book"));
    m_rates->setModel(m_ratesProxy);
    ratesLayout->addWidget(m_rates, 1);
    connect(m_filter, &QLineEdit::textChanged, m_ratesProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_add, &QPushButton::clicked, this, &PriceBookPage::addOverride);
    connect(m_remove, &QPushButton::clicked, this, &PriceBookPage::removeSelectedOverrides);
    connect(m_ratesModel, &PriceBookRatesModel::usdEdited, this, [this](const pricing::PriceBookEntry &e, double usd) {
        Q_EMIT overrideRequested(e.kind, e.region, e.key, usd,
            e.origin == pricing::Rate::Imported ? tr("over the imported %1 USD").arg(e.usd) : QString());
    });
    connect(m_rates->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PriceBookPage::updateButtons);
    connect(m_ratesModel, &QAbstractItemModel::modelReset, this, &PriceBookPage::updateButtons);

    auto *commitBox = new QGroupBox(tr("Savings Plans and Reserved Instance discounts (assumptions)"), split);
    auto *commitLayout = new QVBoxLayout(commitBox);
    m_commitmentsModel = new CommitmentAssumptionsModel(this);
    m_commitments = makeTable(commitBox, QStringLiteral("commitmentAssumptions"), tr("Commitment discounts"));
    m_commitments->setSortingEnabled(false);
    m_commitments->setModel(m_commitmentsModel);
    commitLayout->addWidget(m_commitments, 1);
    auto *commitBar = new QHBoxLayout;
    auto *commitHint = new QLabel(
        tr("Percent off On-Demand where AWS publishes no per-family rate; edit a cell to change it."), commitBox);
    commitHint->setWordWrap(true);
    m_reset = new QPushButton(tr("Reset to &default"), commitBox);
    m_reset->setObjectName(QStringLiteral("resetCommitment"));
    commitBar->addWidget(commitHint, 1);
    commitBar->addWidget(m_reset);
    commitLayout->addLayout(commitBar);
    connect(m_commitmentsModel, &CommitmentAssumptionsModel::percentEdited, this, &PriceBookPage::commitmentEdited);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_commitments->selectionModel()->selectedRows();
        for (const QModelIndex &row : rows) {
            const pricing::CommitmentDiscount &d = m_commitmentsModel->discounts().at(row.row());
            if (d.userEdited)
                Q_EMIT commitmentResetRequested(d);
        }
    });
    connect(
        m_commitments->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PriceBookPage::updateButtons);
    connect(m_commitmentsModel, &QAbstractItemModel::modelReset, this, &PriceBookPage::updateButtons);
    auto *nodesBox = new QGroupBox(tr("Your own hardware (custom node types)"), split);
    auto *nodesLayout = new QVBoxLayout(nodesBox);
    m_customNodesModel = new CustomNodeTypesModel(this);
    m_customNodes = makeTable(nodesBox, QStringLiteral("customNodeTypes"), tr("Custom node types"));
    m_customNodes->setSortingEnabled(false);
    m_customNodes->setModel(m_customNodesModel);
    nodesLayout->addWidget(m_customNodes, 1);
    auto *nodesBar = new QHBoxLayout;
    auto *nodesHint = new QLabel(tr("Machines you own (EKS Anywhere, any fixed-price node) at your cost per node-hour: "
                                    "list them in a platform's instance types. No EBS, Spot, Savings Plan or RI "
                                    "applies to them."),
        nodesBox);
    nodesHint->setWordWrap(true);
    m_addNode = new QPushButton(tr("Add &node type…"), nodesBox);
    m_addNode->setObjectName(QStringLiteral("addCustomNodeType"));
    m_removeNode = new QPushButton(tr("Remove node t&ype"), nodesBox);
    m_removeNode->setObjectName(QStringLiteral("removeCustomNodeType"));
    nodesBar->addWidget(nodesHint, 1);
    nodesBar->addWidget(m_addNode);
    nodesBar->addWidget(m_removeNode);
    nodesLayout->addLayout(nodesBar);
    connect(m_addNode, &QPushButton::clicked, this, &PriceBookPage::addCustomNodeType);
    connect(m_removeNode, &QPushButton::clicked, this, &PriceBookPage::removeSelectedCustomNodeTypes);
    connect(
        m_customNodes->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PriceBookPage::updateButtons);
    connect(m_customNodesModel, &QAbstractItemModel::modelReset, this, &PriceBookPage::updateButtons);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 1);
    updateButtons();
}

void PriceBookPage::setContents(const Contents &contents)
{
    int imported = 0;
    int overrides = 0;
    for (const pricing::PriceBookEntry &e : contents.entries)
        (e.origin == pricing::Rate::Override ? overrides : imported) += 1;
    if (!contents.exists) {
        m_summary->setText(tr("You have no price book yet (%1): the bundled catalog prices everything. Your first "
                              "edit or import here creates it; `fleetplan compare` and `report` read the same file.")
                               .arg(QDir::toNativeSeparators(contents.path)));
    } else if (!contents.error.isEmpty()) {
        m_summary->setText(
            tr("Your price book (%1) cannot be used: %2").arg(QDir::toNativeSeparators(contents.path), contents.error));
    } else {
        m_summary->setText(
            tr("Your price book: %1. It holds %2 and %3; every other figure is the bundled catalog's (the Catalog "
               "tab lists them with their sources). `fleetplan compare` and `report` use the same book. Every edit "
               "here can be undone (Ctrl+Z while this tab is shown).")
                .arg(QDir::toNativeSeparators(contents.path),
                    imported == 1 ? tr("1 imported rate") : tr("%1 imported rates").arg(imported),
                    overrides == 1 ? tr("1 override") : tr("%1 overrides").arg(overrides)));
    }
    m_shownDiscount = contents.discountPercent;
    {
        const QSignalBlocker block(m_discount);
        m_discount->setValue(contents.discountPercent);
    }
    m_ratesModel->setEntries(contents.entries);
    m_rates->resizeColumnsToContents();
    m_commitmentsModel->setAssumptions(contents.commitments);
    m_commitments->resizeColumnsToContents();
    // A book that cannot be read cannot be edited either (the summary says why).
    const bool usable = contents.error.isEmpty();
    m_discount->setEnabled(usable);
    m_add->setEnabled(usable);
    m_import->setEnabled(usable);
    m_rates->setEnabled(usable);
    m_commitments->setEnabled(usable);
    m_customNodesModel->setTypes(contents.customNodeTypes);
    m_customNodes->resizeColumnsToContents();
    m_addNode->setEnabled(usable);
    m_customNodes->setEnabled(usable);
}

void PriceBookPage::setRegions(const QStringList &regions, const QString &current)
{
    m_regions = regions;
    if (m_regions.removeAll(current) > 0 || !current.isEmpty())
        m_regions.prepend(current);
}

void PriceBookPage::updateButtons()
{
    bool anyOverride = false;
    for (const QModelIndex &row : m_rates->selectionModel()->selectedRows()) {
        const QModelIndex source = m_ratesProxy->mapToSource(row);
        if (source.isValid() && m_ratesModel->entries().at(source.row()).origin == pricing::Rate::Override)
            anyOverride = true;
    }
    m_remove->setEnabled(anyOverride);
    bool anyEdited = false;
    for (const QModelIndex &row : m_commitments->selectionModel()->selectedRows()) {
        if (m_commitmentsModel->discounts().at(row.row()).userEdited)
            anyEdited = true;
    }
    m_reset->setEnabled(anyEdited);
    m_removeNode->setEnabled(m_customNodes->selectionModel()->hasSelection());
}

void PriceBookPage::removeSelectedCustomNodeTypes()
{
    QStringList names;
    for (const QModelIndex &row : m_customNodes->selectionModel()->selectedRows())
        names.append(m_customNodesModel->types().at(row.row()).name);
    for (const QString &name : std::as_const(names))
        Q_EMIT customNodeTypeRemoveRequested(name);
}

QString PriceBookPage::requestCustomNodeType(const pricing::CustomNodeType &type)
{
    QString problem = pricing::checkCustomNodeType(type);
    if (problem.isEmpty())
        Q_EMIT customNodeTypeRequested(type);
    return problem;
}

void PriceBookPage::addCustomNodeType()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("addCustomNodeTypeDialog"));
    dialog.setWindowTitle(tr("Add custom node type"));
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("customNodeName"));
    name->setPlaceholderText(tr("rack-16x64 (not an EC2 instance type)"));
    auto *vcpu = new QSpinBox(&dialog);
    vcpu->setObjectName(QStringLiteral("customNodeVcpu"));
    vcpu->setRange(1, pricing::MaxCustomVcpu);
    vcpu->setValue(16);
    auto *memory = new QSpinBox(&dialog);
    memory->setObjectName(QStringLiteral("customNodeMemory"));
    memory->setRange(1, pricing::MaxCustomMemoryMib);
    memory->setValue(65536);
    memory->setSuffix(QStringLiteral(" MiB"));
    auto *arch = new QComboBox(&dialog);
    arch->setObjectName(QStringLiteral("customNodeArch"));
    arch->addItem(QStringLiteral("x86_64"), int(pricing::CpuArch::X86_64));
    arch->addItem(QStringLiteral("arm64"), int(pricing::CpuArch::Arm64));
    auto *pods = new QSpinBox(&dialog);
    pods->setObjectName(QStringLiteral("customNodeMaxPods"));
    pods->setRange(0, pricing::MaxCustomPods);
    pods->setSpecialValueText(tr("110 (kubelet default)"));
    auto *tasks = new QSpinBox(&dialog);
    tasks->setObjectName(QStringLiteral("customNodeAwsvpcTasks"));
    tasks->setRange(0, pricing::MaxCustomPods);
    tasks->setSpecialValueText(tr("none"));
    auto *usd = new QDoubleSpinBox(&dialog);
    usd->setObjectName(QStringLiteral("customNodeUsd"));
    usd->setDecimals(4);
    usd->setRange(0.0, MaxOverrideUsd);
    usd->setSuffix(tr(" USD per node-hour"));
    auto *note = new QLineEdit(&dialog);
    note->setObjectName(QStringLiteral("customNodeNote"));
    note->setPlaceholderText(tr("optional: what the cost holds (amortised server, power, support)"));
    auto *problem = new QLabel(&dialog);
    problem->setObjectName(QStringLiteral("customNodeProblem"));
    problem->setWordWrap(true);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&vCPU:"), vcpu);
    form->addRow(tr("&Memory:"), memory);
    form->addRow(tr("&Architecture:"), arch);
    form->addRow(tr("Max &pods (EKS):"), pods);
    form->addRow(tr("awsvpc &tasks (ECS):"), tasks);
    form->addRow(tr("&Cost:"), usd);
    form->addRow(tr("N&ote:"), note);
    form->addRow(problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    const auto typed = [=] {
        pricing::CustomNodeType t;
        t.name = name->text().trimmed();
        t.vcpu = vcpu->value();
        t.memoryMib = memory->value();
        t.arch = static_cast<pricing::CpuArch>(arch->currentData().toInt());
        t.maxPods = pods->value();
        t.maxAwsvpcTasks = tasks->value();
        t.usdPerHour = usd->value();
        t.note = note->text().trimmed();
        return t;
    };
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(name, &QLineEdit::textChanged, ok, [=] {
        const QString why = pricing::checkCustomNodeType(typed());
        problem->setText(why);
        ok->setEnabled(why.isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    requestCustomNodeType(typed());
}

void PriceBookPage::removeSelectedOverrides()
{
    QList<pricing::PriceBookEntry> chosen;
    for (const QModelIndex &row : m_rates->selectionModel()->selectedRows()) {
        const QModelIndex source = m_ratesProxy->mapToSource(row);
        if (source.isValid() && m_ratesModel->entries().at(source.row()).origin == pricing::Rate::Override)
            chosen.append(m_ratesModel->entries().at(source.row()));
    }
    for (const pricing::PriceBookEntry &e : std::as_const(chosen))
        Q_EMIT overrideRemoveRequested(e.kind, e.region, e.key);
}

void PriceBookPage::addOverride()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("addOverrideDialog"));
    dialog.setWindowTitle(tr("Add override"));
    auto *form = new QFormLayout(&dialog);
    auto *kind = new QComboBox(&dialog);
    kind->setObjectName(QStringLiteral("overrideKind"));
    for (pricing::RateKind k :
        { pricing::RateKind::Ec2OnDemand, pricing::RateKind::Ec2Spot, pricing::RateKind::Ec2OnDemandWindows,
            pricing::RateKind::Fargate, pricing::RateKind::Eks, pricing::RateKind::Other })
        kind->addItem(kindLabel(k), int(k));
    auto *region = new QComboBox(&dialog);
    region->setObjectName(QStringLiteral("overrideRegion"));
    region->addItems(m_regions);
    region->setEditable(true);
    auto *key = new QLineEdit(&dialog);
    key->setObjectName(QStringLiteral("overrideKey"));
    key->setPlaceholderText(tr("m6i.large, linux_x86_vcpu, cluster_standard_support, gp3_storage"));
    auto *usd = new QDoubleSpinBox(&dialog);
    usd->setObjectName(QStringLiteral("overrideUsd"));
    usd->setDecimals(6);
    usd->setRange(0.0, MaxOverrideUsd);
    usd->setSuffix(QStringLiteral(" USD"));
    auto *note = new QLineEdit(&dialog);
    note->setObjectName(QStringLiteral("overrideNote"));
    note->setPlaceholderText(tr("optional: why (a quote, a contract)"));
    form->addRow(tr("&Kind:"), kind);
    form->addRow(tr("&Region:"), region);
    form->addRow(tr("&Item:"), key);
    form->addRow(tr("&Price:"), usd);
    form->addRow(tr("&Note:"), note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(key, &QLineEdit::textChanged, ok,
        [ok, region, key] { ok->setEnabled(!key->text().trimmed().isEmpty() && !region->currentText().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Q_EMIT overrideRequested(static_cast<pricing::RateKind>(kind->currentData().toInt()),
        region->currentText().trimmed(), key->text().trimmed(), usd->value(), note->text().trimmed());
}

} // namespace fleetplan::views
