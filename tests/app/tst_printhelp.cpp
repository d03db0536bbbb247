// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17, what every good Qt application has: File → Print (Ctrl+P) and Print Preview (Ctrl+Shift+P) of
// the report, Help → Fleetplan Manual (F1) over the bundled pages, Help → Keyboard Shortcuts, About Qt, and
// an About box with the catalog's date — the same "prices as of" date as the status bar and Explain.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include "app/documentcontroller.h"
#include "app/mainwindow.h"
#include "common/windowwait.h"
#include "models/workload/scenariojson.h"
#include "pricing/catalog.h"
#include "pricing/catalogdate.h"
#include "views/explainpanel.h"
#include "views/helpbrowser.h"
#include "views/shortcutlist.h"

using namespace fleetplan;

namespace {

/// Runs `check` on the first modal widget of type T that appears (within 20 s), then closes it.
template <typename T, typename F> void whenModal(F check, bool *seen)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    auto *deadline = new QElapsedTimer;
    deadline->start();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, deadline, check, seen] {
        auto *widget = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!widget) {
            if (deadline->elapsed() > 20000) {
                timer->deleteLater();
                delete deadline;
            }
            return;
        }
        *seen = true;
        check(widget);
        widget->close();
        timer->deleteLater();
        delete deadline;
    });
    timer->start();
}

int pdfPages(const QByteArray &pdf)
{
    return int(pdf.count("/Type /Page\n") + pdf.count("/Type /Page "));
}

} // namespace

class TestPrintHelp : public QObject
{
    Q_OBJECT

private slots:
    void printingGivesTheExportedReportsPages()
    {
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        QVERIFY(test::waitForRefined(applied, window));
        QCOMPARE(window.action(QStringLiteral("actionPrint"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+P")));

        // Print to a PDF printer: the pages of File → Export report's PDF, on the same A4 paper.
        QTemporaryDir dir;
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(QStringLiteral("printed.pdf")));
        printer.setPageSize(QPageSize(QPageSize::A4));
        const std::optional<int> pages = window.documents()->printReportOn(&printer);
        QVERIFY(pages);
        QVERIFY2(*pages >= 4, qPrintable(QString::number(*pages)));
        QVERIFY(window.exportReportTo(dir.filePath(QStringLiteral("exported.pdf"))));

        QFile printed(dir.filePath(QStringLiteral("printed.pdf")));
        QVERIFY(printed.open(QIODevice::ReadOnly));
        const QByteArray bytes = printed.readAll();
        QVERIFY2(bytes.contains("/MediaBox [0 0 595"), "printed on A4");
        QFile exported(dir.filePath(QStringLiteral("exported.pdf")));
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(pdfPages(bytes), *pages);
        QCOMPARE(pdfPages(exported.readAll()), *pages);

        // Letter chosen in the print dialog: the pages are laid out for Letter (612 × 792 points).
        QPrinter letter(QPrinter::HighResolution);
        letter.setOutputFormat(QPrinter::PdfFormat);
        letter.setOutputFileName(dir.filePath(QStringLiteral("letter.pdf")));
        letter.setPageSize(QPageSize(QPageSize::Letter));
        QVERIFY(window.documents()->printReportOn(&letter));
        QFile letterFile(dir.filePath(QStringLiteral("letter.pdf")));
        QVERIFY(letterFile.open(QIODevice::ReadOnly));
        QVERIFY(letterFile.readAll().contains("/MediaBox [0 0 612"));
    }

    void printPreviewShowsTheReportPages()
    {
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        QVERIFY(test::waitForRefined(applied, window));
        QAction *preview = window.action(QStringLiteral("actionPrintPreview"));
        QVERIFY(preview);
        QCOMPARE(preview->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+P")));
        int shownPages = 0;
        bool seen = false;
        whenModal<QPrintPreviewDialog>(
            [&shownPages](QPrintPreviewDialog *dialog) {
                auto *widget = dialog->findChild<QPrintPreviewWidget *>();
                if (widget)
                    shownPages = widget->pageCount();
            },
            &seen);
        preview->trigger();
        QVERIFY(seen);
        QVERIFY2(shownPages >= 4, qPrintable(QString::number(shownPages)));
    }

    void printingIsRefusedWhileTheScenarioHasErrors()
    {
        app::MainWindow window;
        models::Scenario bad = models::bundledSampleScenario();
        bad.services[0].memoryMib = -1;
        window.setScenario(bad);
        QTRY_VERIFY_WITH_TIMEOUT(window.hasReport() || !window.problems().isEmpty(), test::SimulationTimeout);
        QString said;
        bool seen = false;
        whenModal<QMessageBox>([&said](QMessageBox *box) { said = box->objectName() + u' ' + box->text(); }, &seen);
        window.action(QStringLiteral("actionPrintPreview"))->trigger();
        QVERIFY(seen);
        QVERIFY2(said.startsWith(QStringLiteral("printRefusedPrompt ")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("1 error")), qPrintable(said));
    }

    void f1OpensTheManualWhoseLinksAllLead()
    {
        app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.action(QStringLiteral("actionManual"))->shortcut(), QKeySequence(Qt::Key_F1));
        QTest::keyClick(&window, Qt::Key_F1);
        views::HelpBrowser *help = window.helpBrowser();
        QVERIFY(help);
        QVERIFY(help->isVisible());
        QCOMPARE(help->pageTitle(), QStringLiteral("Contents"));
        QTextBrowser *browser = help->browser();
        QVERIFY(browser->toPlainText().contains(QStringLiteral("Reports and printing")));

        // Every link of the contents leads to a page with a title and text (a missing page would be blank).
        const QString html = browser->toHtml();
        static const QRegularExpression link(QStringLiteral("href=\"([a-z]+\\.html)\""));
        QStringList pages;
        for (auto it = link.globalMatch(html); it.hasNext();)
            pages << it.next().captured(1);
        QVERIFY2(pages.size() >= 6, qPrintable(pages.join(u' ')));
        for (const QString &page : pages) {
            help->showPage(page);
            QVERIFY2(help->pageTitle() != QStringLiteral("Manual"), qPrintable(page));
            QVERIFY2(browser->toPlainText().size() > 300, qPrintable(page));
        }
        // The reports page says how to print; Back returns along the way, Contents goes home.
        help->showPage(QStringLiteral("reports.html"));
        QVERIFY(browser->toPlainText().contains(QStringLiteral("Print Preview (Ctrl+Shift+P)")));
        auto *back = help->findChild<QToolButton *>(QStringLiteral("manualBack"));
        QVERIFY(back->isEnabled());
        back->click();
        QCOMPARE(help->pageTitle(), QStringLiteral("Where the prices come from"));
        help->findChild<QToolButton *>(QStringLiteral("manualContents"))->click();
        QCOMPARE(help->pageTitle(), QStringLiteral("Contents"));
    }

    void shortcutListNamesTheKeysAndFilters()
    {
        app::MainWindow window;
        QString previewKeys;
        QString undoKeys;
        int all = 0;
        int printing = 0;
        bool seen = false;
        whenModal<views::ShortcutList>(
            [&](views::ShortcutList *list) {
                previewKeys = list->keysOf(QStringLiteral("Print Preview…"));
                undoKeys = list->keysOf(QStringLiteral("Undo"));
                all = list->visibleCount();
                QTest::keyClicks(list->filterEdit(), QStringLiteral("print"));
                printing = list->visibleCount();
            },
            &seen);
        window.action(QStringLiteral("actionShortcuts"))->trigger();
        QVERIFY(seen);
        QCOMPARE(previewKeys, QKeySequence(QStringLiteral("Ctrl+Shift+P")).toString(QKeySequence::NativeText));
        QCOMPARE(undoKeys, QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText));
        QVERIFY2(all > 20, qPrintable(QString::number(all)));
        QCOMPARE(printing, 2); // Print… and Print Preview…
    }

    void aboutShowsTheCatalogDateTheStatusBarAndExplainShow()
    {
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        QVERIFY(test::waitForRefined(applied, window));
        const QString asOf = pricing::pricesAsOf(*window.catalog());
        QVERIFY(!asOf.isEmpty());
        const QString said = QStringLiteral("prices as of ") + asOf;
        QVERIFY2(window.catalogDateLabel()->text().contains(said), qPrintable(window.catalogDateLabel()->text()));
        QVERIFY2(window.explainPanel()->text().contains(said), qPrintable(window.explainPanel()->text()));
        QCOMPARE(window.report().catalogAsOf, asOf);

        QString aboutText;
        bool seen = false;
        whenModal<QMessageBox>([&aboutText](QMessageBox *box) { aboutText = box->text(); }, &seen);
        window.action(QStringLiteral("actionAbout"))->trigger();
        QVERIFY(seen);
        QVERIFY2(aboutText.contains(said), qPrintable(aboutText));
        QVERIFY(aboutText.contains(QStringLiteral(FLEETPLAN_VERSION)));

        QString aboutQt;
        seen = false;
        whenModal<QMessageBox>([&aboutQt](QMessageBox *box) { aboutQt = box->windowTitle(); }, &seen);
        window.action(QStringLiteral("actionAboutQt"))->trigger();
        QVERIFY(seen);
        QCOMPARE(aboutQt, QStringLiteral("About Qt"));
    }

    // Issue 17, item 12: the export dialog proposes a file named after the scenario, beside its file.
    void exportIsNamedAfterTheScenario()
    {
        app::MainWindow window;
        models::Scenario s = models::bundledSampleScenario();
        s.name = QStringLiteral("Shop Q3: peak");
        window.setScenario(s);
        QCOMPARE(
            window.documents()->defaultReportPath(), QDir::home().filePath(QStringLiteral("Shop-Q3-peak-report.pdf")));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("draft.fleetplan"));
        QVERIFY(window.saveFileAs(file));
        QCOMPARE(window.documents()->defaultReportPath(), dir.filePath(QStringLiteral("Shop-Q3-peak-report.pdf")));
    }
};

QTEST_MAIN(TestPrintHelp)
#include "tst_printhelp.moc"
