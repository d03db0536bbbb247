// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/viewactions.h"

#include <algorithm>
#include <functional>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTableView>

#include <qcustomplot.h>

namespace fleetplan::views {

namespace {
/// A cell as one field: tabs and line breaks would split it.
QString field(const QString &text)
{
    QString out = text;
    out.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
    return out;
}
} // namespace

QString tableAsTabSeparated(const QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return {};
    const auto *table = qobject_cast<const QTableView *>(view);
    QList<int> columns;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (!table || !table->isColumnHidden(c))
            columns << c;
    }
    if (table) // in the order the user sees (columns may have been moved)
        std::sort(columns.begin(), columns.end(), [table](int a, int b) {
            return table->horizontalHeader()->visualIndex(a) < table->horizontalHeader()->visualIndex(b);
        });
    QList<int> rows;
    if (const QItemSelectionModel *selection = view->selectionModel()) {
        for (const QModelIndex &index : selection->selectedIndexes()) {
            if (!rows.contains(index.row()))
                rows << index.row();
        }
    }
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty()) {
        for (int r = 0; r < model->rowCount(); ++r)
            rows << r;
    }
    QStringList lines;
    QStringList header;
    for (int c : std::as_const(columns))
        header << field(model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    lines << header.join(u'\t');
    for (int r : std::as_const(rows)) {
        QStringList cells;
        for (int c : std::as_const(columns))
            cells << field(model->index(r, c).data(Qt::DisplayRole).toString());
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

QAction *addCopyAction(QTableView *table)
{
    auto *copy = new QAction(QObject::tr("&Copy as text"), table);
    copy->setObjectName(QStringLiteral("actionCopyTable"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copy->setToolTip(QObject::tr("Copy the selected rows (or the whole table) as tab-separated text"));
    QObject::connect(
        copy, &QAction::triggered, table, [table] { QApplication::clipboard()->setText(tableAsTabSeparated(table)); });
    table->addAction(copy);
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    return copy;
}

bool exportChart(QCustomPlot *chart, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int w = std::max(chart->width(), 320);
    const int h = std::max(chart->height(), 240);
    bool ok = false;
    if (suffix == u"png") {
        ok = chart->savePng(path, w, h, 1.0);
    } else if (suffix == u"pdf") {
        ok = chart->savePdf(path, w, h, QCP::epNoCosmetic, QStringLiteral("Fleetplan"), chart->accessibleName());
    } else if (suffix == u"svg") {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            QSvgGenerator generator;
            generator.setOutputDevice(&file);
            generator.setResolution(96);
            generator.setSize(QSize(w, h));
            generator.setViewBox(QRect(0, 0, w, h));
            generator.setTitle(chart->accessibleName());
            generator.setDescription(chart->accessibleDescription());
            QCPPainter painter;
            if (painter.begin(&generator)) {
                painter.setMode(QCPPainter::pmVectorized);
                chart->toPainter(&painter, w, h);
                painter.end();
                ok = file.commit();
            }
        }
    } else {
        if (error)
            *error = QObject::tr("Unknown chart format “%1”: use .png, .svg or .pdf").arg(suffix);
        return false;
    }
    if (!ok && error)
        *error = QObject::tr("Cannot write %1").arg(QDir::toNativeSeparators(path));
    return ok;
}

namespace {

/// A context-menu action on `widget` that asks where to save (`baseName`.png in the Pictures folder
/// proposed) and writes there with `write`, showing its error in a message box.
QAction *addSaveAction(QWidget *widget, const QString &text, const QString &objectName, const QString &baseName,
    const QString &filter, const std::function<bool(const QString &, QString *)> &write)
{
    auto *action = new QAction(text, widget);
    action->setObjectName(objectName);
    const QString title = QString(text).remove(u'&').remove(QStringLiteral("…"));
    QObject::connect(action, &QAction::triggered, widget, [widget, baseName, filter, title, write] {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        const QString path = QFileDialog::getSaveFileName(widget, title,
            QDir(dir.isEmpty() ? QDir::homePath() : dir).filePath(baseName + QStringLiteral(".png")), filter);
        if (path.isEmpty())
            return;
        QString error;
        if (!write(path, &error))
            QMessageBox::critical(widget, QObject::tr("Cannot export"), error);
    });
    widget->addAction(action);
    widget->setContextMenuPolicy(Qt::ActionsContextMenu);
    return action;
}

} // namespace

QAction *addChartExportAction(QCustomPlot *chart, const QString &baseName)
{
    return addSaveAction(chart, QObject::tr("&Export chart…"), QStringLiteral("actionExportChart"), baseName,
        QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
        [chart](const QString &path, QString *error) { return exportChart(chart, path, error); });
}

bool exportWidget(QWidget *widget, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size = widget->size().expandedTo(QSize(320, 240));
    bool ok = false;
    if (suffix == u"png") {
        QSaveFile file(path);
        ok = file.open(QIODevice::WriteOnly) && widget->grab().save(&file, "PNG") && file.commit();
    } else if (suffix == u"svg") {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            QSvgGenerator generator;
            generator.setOutputDevice(&file);
            generator.setResolution(96);
            generator.setSize(size);
            generator.setViewBox(QRect(QPoint(0, 0), size));
            generator.setTitle(widget->accessibleName());
            generator.setDescription(widget->accessibleDescription());
            QPainter painter;
            if (painter.begin(&generator)) {
                widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
                painter.end();
                ok = file.commit();
            }
        }
    } else {
        if (error)
            *error = QObject::tr("Unknown image format “%1”: use .png or .svg").arg(suffix);
        return false;
    }
    if (!ok && error)
        *error = QObject::tr("Cannot write %1").arg(QDir::toNativeSeparators(path));
    return ok;
}

QAction *addWidgetExportAction(QWidget *widget, const QString &baseName)
{
    return addSaveAction(widget, QObject::tr("&Export image…"), QStringLiteral("actionExportImage"), baseName,
        QObject::tr("PNG image (*.png);;SVG drawing (*.svg)"),
        [widget](const QString &path, QString *error) { return exportWidget(widget, path, error); });
}

} // namespace fleetplan::views
