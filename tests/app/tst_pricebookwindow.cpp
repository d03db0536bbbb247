// SPDX-License-Identifier: GPL-3.0-or-later
// The price book in the window (issue 18): the enterprise discount, overrides, commitment discounts and AWS
// Price List import edited on the Price book tab change the next simulation exactly as the same edit through
// `fleetplan catalog` would, and Edit → Undo (on that tab) puts the book and the figures back.
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QTableView>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include "app/mainwindow.h"
#include "common/windowwait.h"
#include "app/pricebookcontroller.h"
#include "app/simulationrunner.h"
#include "models/simulation/simulation.h"
#include "models/workload/document.h"
#include "pricing/catalog.h"
#include "pricing/pricebook.h"
#include "pricing/pricelistimporter.h"
#include "views/catalogbrowser.h"
#include "views/instancetypetablemodel.h"
#include "views/pricebookpage.h"

using namespace fleetplan;

namespace {
using fleetplan::test::SimulationTimeout;
using fleetplan::test::waitForRefined;

double totalOf(const models::CostReport &report, models::PlatformId id)
{
    const models::PlatformResult *p = report.platform(id);
    return p ? p->totalUsd : -1.0;
}

/// The figures the CLI prints with the book as it is on disk now.
void expectCliFigures(const app::MainWindow &window)
{
    const auto catalog = pricing::Catalog::withUserPriceBook();
    const models::CostReport expected = models::simulate(window.scenario(), *catalog, window.currentWhatIf());
    for (const models::PlatformResult &p : window.report().platforms)
        QCOMPARE(p.totalUsd, totalOf(expected, p.id));
}

/// Shows the window, waits for its refined figures and brings the Price book tab to the front.
views::PriceBookPage *showPriceBookTab(app::MainWindow &window, QSignalSpy &applied)
{
    window.show();
    if (!waitForRefined(applied, window))
        return nullptr;
    window.tabs()->setCurrentIndex(app::MainWindow::PriceBookTab);
    return window.priceBookPage();
}

QString fixture(const char *name)
{
    return QStringLiteral(FLEETPLAN_TEST_DATA_DIR "/pricing/") + QLatin1String(name);
}
} // namespace

class TestPriceBookWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_book;

private Q_SLOTS:
    void init()
    {
        m_book = m_dir.filePath(QStringLiteral("book-%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        QFile::remove(m_book);
        qputenv("FLEETPLAN_PRICEBOOK", m_book.toUtf8());
    }

    void theDiscountChangesTheFiguresAndUndoRestoresThem()
    {
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        window.show();
        QVERIFY(waitForRefined(applied, window));
        const models::CostReport before = window.report();
        window.tabs()->setCurrentIndex(app::MainWindow::PriceBookTab);
        views::PriceBookPage *page = window.priceBookPage();
        QVERIFY(page->isVisible());
        QCOMPARE(page->discountBox()->value(), 0.0);
        // Showing the tab creates no file: the window still prices with the bundled catalog.
        QVERIFY(!QFileInfo::exists(m_book));
        QVERIFY(page->summary()->text().contains(QStringLiteral("no price book yet")));
        QVERIFY(!window.catalogDateLabel()->text().contains(QStringLiteral("with your price book")));

        page->discountBox()->setValue(10.0); // as typed and confirmed (no keyboard tracking)
        {
            pricing::PriceBook book;
            QVERIFY(book.open(m_book));
            QCOMPARE(book.enterpriseDiscountPercent(), 10.0);
        }
        QVERIFY(waitForRefined(applied, window));
        QVERIFY(window.catalog() != pricing::Catalog::bundled());
        expectCliFigures(window);
        QVERIFY2(
            totalOf(window.report(), models::PlatformId::EcsFargate) < totalOf(before, models::PlatformId::EcsFargate),
            "10 % off Fargate rates lowers the Fargate total");
        QVERIFY(window.catalogDateLabel()->text().contains(QStringLiteral("with your price book")));

        // Edit → Undo on this tab undoes the price-book edit, not a document edit.
        QAction *undo = window.action(QStringLiteral("actionUndo"));
        QVERIFY(undo->isEnabled());
        QVERIFY2(undo->text().contains(QStringLiteral("enterprise discount")), qPrintable(undo->text()));
        undo->trigger();
        {
            pricing::PriceBook book;
            QVERIFY(book.open(m_book));
            QCOMPARE(book.enterpriseDiscountPercent(), 0.0);
        }
        QCOMPARE(page->discountBox()->value(), 0.0);
        QVERIFY(waitForRefined(applied, window));
        for (const models::PlatformResult &p : window.report().platforms)
            QCOMPARE(p.totalUsd, totalOf(before, p.id));
        QVERIFY(!window.document()->undoStack()->canUndo()); // the document was never touched
        QVERIFY(!window.isWindowModified());
    }

    void aCustomNodeTypeFromThePageJoinsTheCatalog()
    {
        // Issue 19, your own hardware: a node type added on the Price book tab is in the catalog the window
        // prices with and in the Catalog tab's instance list; a name AWS uses is refused with the reason; undo
        // takes the type away again.
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        views::PriceBookPage *page = showPriceBookTab(window, applied);
        QVERIFY(page);
        QCOMPARE(page->customNodesModel()->rowCount(), 0);
        pricing::CustomNodeType rack;
        rack.name = QStringLiteral("rack-16x64");
        rack.vcpu = 16;
        rack.memoryMib = 65536;
        rack.usdPerHour = 0.5;
        pricing::CustomNodeType aws = rack;
        aws.name = QStringLiteral("m6i.4xlarge");
        QVERIFY(page->requestCustomNodeType(aws).contains(QStringLiteral("the name is an EC2 instance type")));
        QVERIFY(!QFileInfo::exists(m_book)); // nothing was written
        QCOMPARE(page->requestCustomNodeType(rack), QString());
        QCOMPARE(page->customNodesModel()->rowCount(), 1);
        QCOMPARE(page->customNodesModel()->index(0, views::CustomNodeTypesModel::Name).data().toString(), rack.name);
        QCOMPARE(page->customNodesModel()->index(0, views::CustomNodeTypesModel::MaxPods).data().toInt(), 110);
        const pricing::InstanceType *t = window.catalog()->instanceType(rack.name);
        QVERIFY(t);
        QVERIFY(t->custom);
        QCOMPARE(window.catalog()->onDemandHourly(window.scenario().region, rack.name)->usd, 0.5);
        QVERIFY(waitForRefined(applied, window));
        window.catalogBrowser()->filterEdit()->setText(rack.name);
        QAbstractItemModel *instances = window.catalogBrowser()->instanceTable()->model();
        QCOMPARE(instances->rowCount(), 1);
        QCOMPARE(instances->index(0, views::InstanceTypeTableModel::Type).data().toString(), rack.name);
        QCOMPARE(
            instances->index(0, views::InstanceTypeTableModel::OnDemand).data().toString(), QStringLiteral("0.5000"));

        QAction *undo = window.action(QStringLiteral("actionUndo"));
        QVERIFY2(undo->text().contains(QStringLiteral("custom node type rack-16x64")), qPrintable(undo->text()));
        undo->trigger();
        QCOMPARE(page->customNodesModel()->rowCount(), 0);
        QVERIFY(!window.catalog()->instanceType(rack.name));
        QVERIFY(!window.document()->undoStack()->canUndo());
    }

    void anOverrideFromTheDialogPricesTheNextSimulation()
    {
        app::MainWindow window;
        QSignalSpy applied(&window, &app::MainWindow::reportApplied);
        views::PriceBookPage *page = showPriceBookTab(window, applied);
        QVERIFY(page);
        const QString region = window.scenario().region;
        const QString type = QStringLiteral("m6i.large");
        const auto bundled = pricing::Catalog::bundled()->onDemandHourly(region, type);
        QVERIFY(bundled);

        // Fill the dialog as a user does.
        bool filled = false;
        QTimer::singleShot(50, &window, [&filled] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != u"addOverrideDialog")
                return;
            dialog->findChild<QLineEdit *>(QStringLiteral("overrideKey"))->setText(QStringLiteral("m6i.large"));
            dialog->findChild<QDoubleSpinBox *>(QStringLiteral("overrideUsd"))->setValue(0.05);
            dialog->findChild<QLineEdit *>(QStringLiteral("overrideNote"))->setText(QStringLiteral("quote Q-17"));
            filled = true;
            dialog->accept();
        });
        page->addOverride();
        QVERIFY(filled);
        QCOMPARE(page->ratesModel()->rowCount(), 1);
        const pricing::PriceBookEntry entry = page->ratesModel()->entries().constFirst();
        QCOMPARE(entry.origin, pricing::Rate::Override);
        QCOMPARE(entry.key, type);
        QCOMPARE(entry.region, region);
        QCOMPARE(entry.usd, 0.05);
        QVERIFY(entry.source.contains(QStringLiteral("quote Q-17")));
        const auto now = window.catalog()->onDemandHourly(region, type);
        QVERIFY(now);
        QCOMPARE(now->usd, 0.05);
        QCOMPARE(now->origin, pricing::Rate::Override);
        QVERIFY(waitForRefined(applied, window));
        expectCliFigures(window);
        // The Catalog tab says where the figure comes from.
        window.catalogBrowser()->filterEdit()->setText(type);
        QAbstractItemModel *instances = window.catalogBrowser()->instanceTable()->model();
        QCOMPARE(instances->rowCount(), 1);
        QCOMPARE(
            instances->index(0, views::InstanceTypeTableModel::OnDemand).data().toString(), QStringLiteral("0.0500"));
        QCOMPARE(instances->index(0, views::InstanceTypeTableModel::PriceOrigin).data().toString(),
            QStringLiteral("override"));

        // Editing the USD cell changes the override; Remove takes it away; undo puts each back.
        const QModelIndex usd = page->ratesModel()->index(0, views::PriceBookRatesModel::Usd);
        QVERIFY(page->ratesModel()->setData(usd, 0.06));
        QCOMPARE(page->ratesModel()->entries().constFirst().usd, 0.06);
        page->ratesTable()->selectRow(0);
        QVERIFY(page->removeButton()->isEnabled());
        page->removeButton()->click();
        QCOMPARE(page->ratesModel()->rowCount(), 0);
        QCOMPARE(window.catalog()->onDemandHourly(region, type)->usd, bundled->usd);
        QUndoStack *stack = window.priceBook()->undoStack();
        QCOMPARE(stack->count(), 3);
        stack->undo(); // the removal
        QCOMPARE(page->ratesModel()->rowCount(), 1);
        QCOMPARE(page->ratesModel()->entries().constFirst().usd, 0.06);
        stack->undo(); // the edit: the override of before, with its note
        QCOMPARE(page->ratesModel()->entries().constFirst().usd, 0.05);
        QVERIFY(page->ratesModel()->entries().constFirst().source.contains(QStringLiteral("quote Q-17")));
        stack->undo(); // the addition
        QCOMPARE(page->ratesModel()->rowCount(), 0);
        QVERIFY(waitForRefined(applied, window));
        expectCliFigures(window);
    }

    void aCommitmentDiscountIsEditedAndReset()
    {
        app::MainWindow window;
        window.tabs()->setCurrentIndex(app::MainWindow::PriceBookTab);
        views::PriceBookPage *page = window.priceBookPage();
        views::CommitmentAssumptionsModel *model = page->commitmentsModel();
        QVERIFY(model->rowCount() > 0);
        const pricing::CommitmentDiscount first = model->discounts().constFirst();
        const double edited = first.discountPercent + 5.0;
        QVERIFY(model->setData(model->index(0, views::CommitmentAssumptionsModel::Percent), edited));
        QCOMPARE(model->discounts().constFirst().discountPercent, edited);
        QVERIFY(model->discounts().constFirst().userEdited);
        QCOMPARE(
            *window.catalog()->commitments().discountPercent(first.scope, first.plan, first.termYears, first.payment),
            edited);
        page->commitmentsTable()->selectRow(0);
        page->findChild<QPushButton *>(QStringLiteral("resetCommitment"))->click();
        QCOMPARE(model->discounts().constFirst().discountPercent, first.discountPercent);
        QVERIFY(!model->discounts().constFirst().userEdited);
        window.priceBook()->undoStack()->undo(); // the reset
        QCOMPARE(model->discounts().constFirst().discountPercent, edited);
        window.priceBook()->undoStack()->undo(); // the edit
        QCOMPARE(model->discounts().constFirst().discountPercent, first.discountPercent);
        pricing::PriceBook book;
        QVERIFY(book.open(m_book));
        QVERIFY(!book.commitmentEdit(first.scope, first.plan, first.termYears, first.payment));
    }

    void aPriceListImportIsOneUndoableStep()
    {
        app::MainWindow window;
        views::PriceBookPage *page = window.priceBookPage();
        // AmazonECS offer us-east-1, publication 20250828172723: 8 Fargate SKUs (tst_pricelistimport).
        QVERIFY(window.priceBook()->importFiles({ fixture("ecs-fargate-offer-us-east-1-2025-08.json") }, true));
        QCOMPARE(page->ratesModel()->rowCount(), 8);
        for (const pricing::PriceBookEntry &e : page->ratesModel()->entries())
            QCOMPARE(e.origin, pricing::Rate::Imported);
        const auto card = window.catalog()->fargate(
            QStringLiteral("us-east-1"), pricing::CpuArch::X86_64, pricing::FargateOs::Windows, false);
        QVERIFY(card);
        QCOMPARE(card->vcpuHour.origin, pricing::Rate::Imported);
        QCOMPARE(qRound64(card->vcpuHour.usd * 1e8), 4655200); // 0.046552, the offer file's figure

        QUndoStack *stack = window.priceBook()->undoStack();
        QCOMPARE(stack->count(), 1);
        stack->undo();
        QCOMPARE(page->ratesModel()->rowCount(), 0);
        QCOMPARE(
            window.catalog()
                ->fargate(QStringLiteral("us-east-1"), pricing::CpuArch::X86_64, pricing::FargateOs::Windows, false)
                ->vcpuHour.origin,
            pricing::Rate::Bundled);
        stack->redo();
        QCOMPARE(page->ratesModel()->rowCount(), 8);

        // A broken file: nothing written, the message names the file, no undo step.
        QVERIFY(!window.priceBook()->importFiles({ fixture("ecs-fargate-offer-us-east-1-truncated.json") }, true));
        QCOMPARE(page->ratesModel()->rowCount(), 8);
        QCOMPARE(stack->count(), 1);
        QVERIFY2(window.priceBook()->lastImportMessages().join(u'\n').contains(QStringLiteral("truncated")),
            qPrintable(window.priceBook()->lastImportMessages().join(u'\n')));
    }

    void aCancelledImportWritesNothing()
    {
        pricing::PriceBook book;
        QVERIFY(book.open(m_book));
        qint64 calls = 0;
        qint64 lastDone = 0;
        qint64 total = 0;
        const pricing::ImportResult r = pricing::PriceListImporter::importFiles(
            book, { fixture("ec2-offer-global-2025-09.csv") }, [&](qint64 done, qint64 all) {
                ++calls;
                lastDone = done;
                total = all;
                return false; // Cancel at the first report
            });
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QVERIFY(calls >= 1);
        QCOMPARE(total, QFileInfo(fixture("ec2-offer-global-2025-09.csv")).size());
        QVERIFY(lastDone > 0 && lastDone <= total);
        QVERIFY(r.error.contains(QStringLiteral("cancelled")));
        QVERIFY(book.entries().isEmpty());

        // Not cancelled: the progress reaches the whole size.
        qint64 finalDone = 0;
        const pricing::ImportResult ok = pricing::PriceListImporter::importFiles(
            book, { fixture("ec2-offer-global-2025-09.csv") }, [&](qint64 done, qint64) {
                finalDone = done;
                return true;
            });
        QVERIFY2(ok.ok, qPrintable(ok.error));
        QCOMPARE(finalDone, total);
        QVERIFY(!book.entries().isEmpty());
    }
};

QTEST_MAIN(TestPriceBookWindow)
#include "tst_pricebookwindow.moc"
