// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

class QTextBrowser;
class QToolButton;

namespace fleetplan::views {

/// Help → Fleetplan Manual (F1): the user manual bundled as HTML pages in the program's resources
/// (resources/manual/, under qrc:/manual/), read in a QTextBrowser with Back, Forward and Contents. Links
/// between the pages stay inside the browser; links to the web open in the desktop's browser.
class HelpBrowser : public QDialog
{
    Q_OBJECT

public:
    explicit HelpBrowser(QWidget *parent = nullptr);

    /// The manual's contents page.
    static QUrl contentsUrl();
    /// Shows `page` of the manual ("shortcuts.html", "index.html#what-if"); the contents when empty.
    void showPage(const QString &page = {});

    QTextBrowser *browser() const { return m_browser; }
    /// The title of the page shown (its <title>).
    QString pageTitle() const;

private:
    QTextBrowser *m_browser = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_forward = nullptr;
};

} // namespace fleetplan::views
