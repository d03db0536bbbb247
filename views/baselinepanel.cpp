// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/baselinepanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fleetplan::views {

namespace {

enum Column { Platform, Before, After, ChangeUsd, ChangePercent, ColumnCount };

void fill(QTreeWidgetItem *item, const QString &name, const models::CostChange &c)
{
    item->setText(Platform, name);
    item->setText(Before, models::priceText(c.before));
    item->setText(After, models::priceText(c.after));
    item->setText(ChangeUsd, models::changeText(c.usd()));
    item->setText(ChangePercent, models::changePercentText(c));
    for (int col = Before; col < ColumnCount; ++col)
        item->setTextAlignment(col, Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace

BaselinePanel::BaselinePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("baselinePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *head = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("baselineTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_clear = new QPushButton(tr("Clear baseline"), this);
    m_clear->setToolTip(tr("Stop comparing with the baseline"));
    connect(m_clear, &QPushButton::clicked, this, &BaselinePanel::clearRequested);
    head->addWidget(m_title, 1);
    head->addWidget(m_clear);
    layout->addLayout(head);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("baselineTree"));
    m_tree->setAccessibleName(tr("Costs against the baseline"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels(
        { tr("Platform / component"), tr("Baseline USD"), tr("Current USD"), tr("Change USD"), tr("Change") });
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(Platform, QHeaderView::Stretch);
    for (int col = Before; col < ColumnCount; ++col)
        m_tree->header()->setSectionResizeMode(col, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);
    auto *copy = new QAction(tr("&Copy as text"), m_tree);
    copy->setObjectName(QStringLiteral("actionCopyTable"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(comparisonText()); });
    m_tree->addAction(copy);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_inputs = new QLabel(this);
    m_inputs->setObjectName(QStringLiteral("baselineInputs"));
    m_inputs->setAccessibleName(tr("Inputs changed since the baseline"));
    m_inputs->setWordWrap(true);
    m_inputs->setTextFormat(Qt::PlainText);
    m_inputs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_inputs);
}

void BaselinePanel::setComparison(const QString &label, const models::CostReport &baseline,
    const models::CostReport &current, const QList<models::ScenarioChange> &inputs)
{
    m_changes = models::costChanges(baseline, current);
    m_title->setText(tr("Against %1").arg(label));
    m_tree->clear();
    for (const models::PlatformCostChange &pc : std::as_const(m_changes)) {
        auto *item = new QTreeWidgetItem(m_tree);
        fill(item, models::displayName(pc.platform), pc.total);
        item->setData(Platform, Qt::UserRole, int(pc.platform));
        QStringList why;
        if (!pc.beforeInfeasible.isEmpty())
            why << tr("baseline: cannot run the workload: %1").arg(pc.beforeInfeasible);
        if (!pc.afterInfeasible.isEmpty())
            why << tr("now: cannot run the workload: %1").arg(pc.afterInfeasible);
        if (!why.isEmpty())
            item->setToolTip(Platform, why.join(u'\n'));
        for (const models::CostChange &c : pc.components) {
            auto *child = new QTreeWidgetItem(item);
            fill(child, c.label, c);
        }
        item->setExpanded(true);
    }
    const QStringList lines = models::scenarioChangeLines(inputs, 12);
    m_inputs->setText(lines.isEmpty() ? tr("Inputs changed: none (the figures differ only by the what-if).")
                                      : tr("Inputs changed:\n%1").arg(lines.join(u'\n')));
}

QString BaselinePanel::comparisonText() const
{
    QStringList lines;
    QStringList header;
    for (int col = 0; col < m_tree->columnCount(); ++col)
        header << m_tree->headerItem()->text(col);
    lines << header.join(u'\t');
    const auto row = [](const QTreeWidgetItem *item, const QString &indent) {
        QStringList cells;
        for (int col = 0; col < item->columnCount(); ++col)
            cells << (col == 0 ? indent + item->text(col) : item->text(col));
        return cells.join(u'\t');
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *platform = m_tree->topLevelItem(i);
        lines << row(platform, QString());
        for (int c = 0; c < platform->childCount(); ++c)
            lines << row(platform->child(c), QStringLiteral("  "));
    }
    lines << QString() << m_inputs->text();
    return lines.join(u'\n') + u'\n';
}

} // namespace fleetplan::views
