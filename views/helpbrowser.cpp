// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/helpbrowser.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QStyle>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace fleetplan::views {

HelpBrowser::HelpBrowser(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("helpBrowser"));
    setWindowTitle(tr("Fleetplan Manual"));
    // A help window stays open beside the main window while the user follows it.
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose, false);

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("manualText"));
    m_browser->setAccessibleName(tr("Manual page"));
    m_browser->setOpenLinks(true);
    m_browser->setOpenExternalLinks(false);
    m_browser->setSearchPaths({ QStringLiteral(":/manual") });
    // Links out of the manual (http, mailto) go to the desktop; pages of the manual stay here.
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto") {
            m_browser->setSource(m_browser->source()); // stay on the page shown
            QDesktopServices::openUrl(url);
        }
    });

    auto makeButton = [this](QStyle::StandardPixmap icon, const QString &text, const QString &name) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        b->setIcon(style()->standardIcon(icon));
        b->setText(text);
        b->setToolTip(text);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        return b;
    };
    m_back = makeButton(QStyle::SP_ArrowBack, tr("&Back"), QStringLiteral("manualBack"));
    m_forward = makeButton(QStyle::SP_ArrowForward, tr("&Forward"), QStringLiteral("manualForward"));
    QToolButton *home = makeButton(QStyle::SP_DirHomeIcon, tr("&Contents"), QStringLiteral("manualContents"));
    m_back->setEnabled(false);
    m_forward->setEnabled(false);
    connect(m_back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_forward, &QToolButton::clicked, m_browser, &QTextBrowser::forward);
    connect(home, &QToolButton::clicked, this, [this] { showPage(); });
    connect(m_browser, &QTextBrowser::backwardAvailable, m_back, &QToolButton::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, m_forward, &QToolButton::setEnabled);
    connect(m_browser, &QTextBrowser::sourceChanged, this,
        [this] { setWindowTitle(tr("%1 — Fleetplan Manual").arg(pageTitle())); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_forward);
    buttons->addWidget(home);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_browser, 1);
    resize(720, 640);
    showPage();
}

QUrl HelpBrowser::contentsUrl()
{
    return QUrl(QStringLiteral("qrc:/manual/index.html"));
}

void HelpBrowser::showPage(const QString &page)
{
    m_browser->setSource(page.isEmpty() ? contentsUrl() : contentsUrl().resolved(QUrl(page)));
}

QString HelpBrowser::pageTitle() const
{
    const QString title = m_browser->documentTitle();
    return title.isEmpty() ? tr("Manual") : title;
}

} // namespace fleetplan::views
