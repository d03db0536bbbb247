// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace fleetplan::views {

QColor platformColor(models::PlatformId id)
{
    switch (id) {
    case models::PlatformId::EcsEc2:
        return QColor(0xE6, 0x9F, 0x00);
    case models::PlatformId::EcsFargate:
        return QColor(0x56, 0xB4, 0xE9);
    case models::PlatformId::EcsFargateSpot:
        return QColor(0x00, 0x9E, 0x73);
    case models::PlatformId::EksNodes:
        return QColor(0x00, 0x72, 0xB2);
    case models::PlatformId::EksFargate:
        return QColor(0xCC, 0x79, 0xA7);
    case models::PlatformId::AppRunner:
        // Okabe-Ito vermillion: the seventh colour of the colour-blind-safe set the other five come from.
        return QColor(0xD5, 0x5E, 0x00);
    }
    return QColor(Qt::gray);
}

namespace {
ThemeMode g_theme = ThemeMode::Light;
}

QString toId(ThemeMode mode)
{
    return mode == ThemeMode::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

ThemeMode themeFromId(const QString &id)
{
    return id == QLatin1String("dark") ? ThemeMode::Dark : ThemeMode::Light;
}

QPalette themePalette(ThemeMode mode)
{
    QPalette p;
    if (mode == ThemeMode::Light) {
        p.setColor(QPalette::Window, QColor(0xEF, 0xEF, 0xEF));
        p.setColor(QPalette::WindowText, QColor(0x1E, 0x1E, 0x1E));
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xF5, 0xF5, 0xF7));
        p.setColor(QPalette::ToolTipBase, QColor(0xFF, 0xFF, 0xE1));
        p.setColor(QPalette::ToolTipText, Qt::black);
        p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x70, 0x70));
        p.setColor(QPalette::Text, QColor(0x1E, 0x1E, 0x1E));
        p.setColor(QPalette::Button, QColor(0xEF, 0xEF, 0xEF));
        p.setColor(QPalette::ButtonText, QColor(0x1E, 0x1E, 0x1E));
        p.setColor(QPalette::BrightText, Qt::red);
        p.setColor(QPalette::Light, Qt::white);
        p.setColor(QPalette::Midlight, QColor(0xE3, 0xE3, 0xE3));
        p.setColor(QPalette::Mid, QColor(0xA0, 0xA0, 0xA0));
        p.setColor(QPalette::Dark, QColor(0x9F, 0x9F, 0x9F));
        p.setColor(QPalette::Shadow, QColor(0x76, 0x76, 0x76));
        p.setColor(QPalette::Highlight, QColor(0x30, 0x8C, 0xC6));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x00, 0x5A, 0x9C));
        p.setColor(QPalette::LinkVisited, QColor(0x6A, 0x3D, 0x9A));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x90, 0x90, 0x90));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x90, 0x90, 0x90));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x90, 0x90, 0x90));
    } else {
        p.setColor(QPalette::Window, QColor(0x2B, 0x2B, 0x2E));
        p.setColor(QPalette::WindowText, QColor(0xE6, 0xE6, 0xE6));
        p.setColor(QPalette::Base, QColor(0x1E, 0x1E, 0x21));
        p.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x2B));
        p.setColor(QPalette::ToolTipBase, QColor(0x3A, 0x3A, 0x3F));
        p.setColor(QPalette::ToolTipText, QColor(0xE6, 0xE6, 0xE6));
        p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9A, 0x9A));
        p.setColor(QPalette::Text, QColor(0xE6, 0xE6, 0xE6));
        p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
        p.setColor(QPalette::ButtonText, QColor(0xE6, 0xE6, 0xE6));
        p.setColor(QPalette::BrightText, QColor(0xFF, 0x6B, 0x6B));
        p.setColor(QPalette::Light, QColor(0x4A, 0x4A, 0x50));
        p.setColor(QPalette::Midlight, QColor(0x3E, 0x3E, 0x44));
        p.setColor(QPalette::Mid, QColor(0x5A, 0x5A, 0x60));
        p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x23));
        p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x12));
        p.setColor(QPalette::Highlight, QColor(0x3D, 0x8E, 0xC9));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x6C, 0xB4, 0xEE));
        p.setColor(QPalette::LinkVisited, QColor(0xB3, 0x8B, 0xE0));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    }
    return p;
}

void applyTheme(ThemeMode mode)
{
    g_theme = mode;
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return;
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(themePalette(mode));
}

ThemeMode currentTheme()
{
    return g_theme;
}

} // namespace fleetplan::views
