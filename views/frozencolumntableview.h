// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace fleetplan::views {

/// A table whose first column stays in place while the others scroll sideways (issue 17, item 4: the
/// service and comparison tables are wider than the window at 1400 px, and the row's name must stay
/// visible). As in Qt's "Frozen Column" example, a second view showing only column 0 lies over the
/// table's left edge, sharing its model and selection model, scrolled vertically with it.
class FrozenColumnTableView : public QTableView
{
    Q_OBJECT

public:
    explicit FrozenColumnTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    /// The view drawing (and editing) the frozen first column; give it its own delegate if the table has one.
    QTableView *frozenView() const { return m_frozen; }
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void updateGeometries() override;

private:
    void hideScrolledColumns();
    void updateFrozenGeometry();

    QTableView *m_frozen = nullptr;
};

} // namespace fleetplan::views
