// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/frozencolumntableview.h"

#include <algorithm>

#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>

namespace fleetplan::views {

FrozenColumnTableView::FrozenColumnTableView(QWidget *parent)
    : QTableView(parent)
    , m_frozen(new QTableView(this))
{
    m_frozen->setObjectName(QStringLiteral("frozenColumn"));
    // A click gives the frozen column focus, so its editors get the keys; arrows right (and Tab) go back
    // to the table (eventFilter()).
    m_frozen->setFocusPolicy(Qt::ClickFocus);
    m_frozen->installEventFilter(this);
    m_frozen->verticalHeader()->hide();
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollMode(ScrollPerPixel);
    // The frozen column draws a line at its right edge, so the scrolled columns visibly pass under it.
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border: none; border-right: 1px solid palette(mid); }"));
    viewport()->stackUnder(m_frozen);
    setHorizontalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerPixel);

    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (logical == 0) {
            m_frozen->setColumnWidth(0, size);
            updateFrozenGeometry();
        }
    });
    connect(verticalHeader(), &QHeaderView::sectionResized, this,
        [this](int logical, int, int size) { m_frozen->setRowHeight(logical, size); });
    connect(
        m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(), &QAbstractSlider::setValue);
    connect(
        verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(), &QAbstractSlider::setValue);
    // A double click or a key in the frozen column edits there, as it would in the table.
    connect(m_frozen, &QTableView::doubleClicked, this, &QTableView::doubleClicked);
    connect(m_frozen, &QTableView::clicked, this, &QTableView::clicked);
}

bool FrozenColumnTableView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_frozen && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Right || key == Qt::Key_Tab) {
            setFocus();
            const QModelIndex current = currentIndex();
            if (current.isValid() && model()->columnCount() > 1)
                setCurrentIndex(model()->index(current.row(), 1, current.parent()));
            return true;
        }
    }
    return QTableView::eventFilter(watched, event);
}

void FrozenColumnTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    m_frozen->setModel(model);
    m_frozen->setSelectionModel(selectionModel());
    m_frozen->setEditTriggers(editTriggers());
    m_frozen->setAlternatingRowColors(alternatingRowColors());
    m_frozen->setSelectionBehavior(selectionBehavior());
    m_frozen->setSelectionMode(selectionMode());
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &FrozenColumnTableView::hideScrolledColumns);
        connect(model, &QAbstractItemModel::columnsInserted, this, &FrozenColumnTableView::hideScrolledColumns);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FrozenColumnTableView::hideScrolledColumns);
    }
    hideScrolledColumns();
}

void FrozenColumnTableView::hideScrolledColumns()
{
    if (!model())
        return;
    for (int c = 1; c < model()->columnCount(); ++c)
        m_frozen->setColumnHidden(c, true);
    m_frozen->setColumnWidth(0, columnWidth(0));
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    for (int r = 0; r < model()->rowCount(); ++r)
        m_frozen->setRowHeight(r, rowHeight(r));
    // Settings made on the table after setModel() (alternating rows, triggers) reach the frozen column too.
    m_frozen->setEditTriggers(editTriggers());
    m_frozen->setAlternatingRowColors(alternatingRowColors());
    updateFrozenGeometry();
}

void FrozenColumnTableView::updateFrozenGeometry()
{
    const bool visible = model() && model()->columnCount() > 1 && !isColumnHidden(0);
    m_frozen->setVisible(visible);
    if (!visible)
        return;
    const int x = (verticalHeader()->isVisible() ? verticalHeader()->width() : 0) + frameWidth();
    m_frozen->setGeometry(x, frameWidth(), columnWidth(0), viewport()->height() + horizontalHeader()->height());
}

void FrozenColumnTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    updateFrozenGeometry();
}

void FrozenColumnTableView::updateGeometries()
{
    QTableView::updateGeometries();
    updateFrozenGeometry();
}

QModelIndex FrozenColumnTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex current = QTableView::moveCursor(cursorAction, modifiers);
    // Moving left onto a column hidden under the frozen one scrolls it into view beside it.
    if (cursorAction == MoveLeft && current.column() > 0
        && visualRect(current).topLeft().x() < m_frozen->columnWidth(0)) {
        const int shift = visualRect(current).topLeft().x() - m_frozen->columnWidth(0);
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + shift);
    }
    return current;
}

void FrozenColumnTableView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (index.column() > 0 || !index.isValid()) {
        QTableView::scrollTo(index, hint);
        return;
    }
    // Column 0 is always in view: scroll to the row only, keeping the other columns where they are.
    const int shown = std::max(0, columnAt(m_frozen->columnWidth(0) + 1));
    QTableView::scrollTo(model()->index(index.row(), shown, index.parent()), hint);
}

} // namespace fleetplan::views
