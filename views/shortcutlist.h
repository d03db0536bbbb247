// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QLineEdit;
class QMenu;
class QTreeWidget;

namespace fleetplan::views {

/// Help → Keyboard Shortcuts: every command of the given menus that has a key, grouped by menu, read
/// from the actions themselves (so the list never disagrees with the keys that work), with a filter box.
class ShortcutList : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutList(const QList<QMenu *> &menus, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    /// Commands listed and not filtered out.
    int visibleCount() const;
    /// The keys listed for a command ("Print Preview…" → "Ctrl+Shift+P"); empty when it is not listed.
    QString keysOf(const QString &command) const;

private:
    void applyFilter(const QString &text);

    QTreeWidget *m_tree = nullptr;
    QLineEdit *m_filter = nullptr;
};

} // namespace fleetplan::views
