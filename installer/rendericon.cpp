// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time helper: renders the hand-drawn SVG app icon to a square PNG of a given size, with QtSvg
// (already a Fleetplan dependency), so the package needs neither rsvg-convert nor an SVG-enabled
// ImageMagick. Usage: fleetplan_rendericon INPUT.svg SIZE OUTPUT.png
#include <cstdio>

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QStringList>
#include <QSvgRenderer>

int main(int argc, char **argv)
{
    // Painting shapes into a QImage needs no platform plugin and no display: a core application will do.
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fputs("usage: fleetplan_rendericon INPUT.svg SIZE OUTPUT.png\n", stderr);
        return 1;
    }
    bool sizeOk = false;
    const int size = args.at(2).toInt(&sizeOk);
    if (!sizeOk || size < 1 || size > 4096) {
        std::fprintf(stderr, "fleetplan_rendericon: invalid size %s\n", qPrintable(args.at(2)));
        return 1;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "fleetplan_rendericon: %s: not a valid SVG file\n", qPrintable(args.at(1)));
        return 2;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    QSaveFile out(args.at(3));
    if (!out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit()) {
        std::fprintf(stderr, "fleetplan_rendericon: %s: cannot write: %s\n", qPrintable(args.at(3)),
            qPrintable(out.errorString()));
        return 2;
    }
    return 0;
}
