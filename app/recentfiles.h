// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace fleetplan::app {

/// The most recently opened or saved scenario files, newest first, kept in QSettings ("recentFiles").
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxFiles = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    /// The list, newest first (files that no longer exist are kept until opening them fails).
    QStringList files() const { return m_files; }
    /// Puts `path` (made absolute) first and saves the list.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void save();

    QStringList m_files;
};

} // namespace fleetplan::app
