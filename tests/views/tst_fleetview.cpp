// SPDX-License-Identifier: GPL-3.0-or-later
#include <QImage>
#include <QSet>
#include <QtTest>

#include "views/fleetview.h"

using namespace fleetplan;

class TestFleetView : public QObject
{
    Q_OBJECT

private:
    // Two m6i.large nodes as ECS on EC2 might pack them: 2 vCPU / 7680 MiB allocatable (illustrative
    // capacities; the view draws what the simulation hands it) and 3 awsvpc slots each.
    static models::FleetSnapshot snapshot()
    {
        models::FleetSnapshot s;
        s.platform = models::PlatformId::EcsEc2;
        s.hour = 14;
        models::FleetNode a;
        a.instanceType = QStringLiteral("m6i.large");
        a.cpuCapacity = 2.0;
        a.memoryCapacityMib = 7680;
        a.slotCapacity = 3;
        a.usdPerHour = 0.096;
        a.items
            = { { QStringLiteral("api"), 0.5, 1024, 1, false, 2 }, { QStringLiteral("web"), 0.5, 2048, 1, false, 1 } };
        models::FleetNode b = a;
        b.spot = true;
        b.items = { { QStringLiteral("worker"), 1.0, 3840, 1, false, 1 } };
        s.nodes = { a, b };
        return s;
    }

private slots:
    void summaryNamesEachNodeAndItsUse()
    {
        views::FleetView view;
        view.setSnapshot(snapshot());
        // Node 1: cpu 0.5×2 + 0.5 = 1.5 of 2 = 75 %; memory 1024×2 + 2048 = 4096 of 7680 = 53 %; slots 3/3.
        // Node 2: cpu 1.0 of 2 = 50 %; memory 3840 of 7680 = 50 %; slots 1/3.
        QCOMPARE(view.textSummary(),
            QStringLiteral("ECS on EC2 at hour 14 (Mon 14:00): 2 nodes\n"
                           "m6i.large  on-demand  cpu 75 %  mem 53 %  slots 3/3  api×2 web×1\n"
                           "m6i.large  spot  cpu 50 %  mem 50 %  slots 1/3  worker×1"));
        QCOMPARE(view.accessibleDescription(), view.textSummary());
    }

    void oneRowPerNodeFilledWithServiceColours()
    {
        views::FleetView view;
        view.resize(800, 200);
        view.setServiceNames({ QStringLiteral("api"), QStringLiteral("web"), QStringLiteral("worker") });
        view.setSnapshot(snapshot());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.nodeRect(0).isValid());
        QVERIFY(view.nodeRect(1).top() >= view.nodeRect(0).bottom());
        QVERIFY(!view.nodeRect(2).isValid());
        QCOMPARE(view.nodeAt(view.nodeRect(1).center()), 1);
        QVERIFY(view.minimumHeight() >= view.nodeRect(1).bottom());

        const QImage image = view.grab().toImage();
        // Scan node 0's CPU bar (the first third of the row): the api colour fills its first 50 %,
        // web the next 25 %, and nothing of worker's colour appears.
        const QRect row = view.nodeRect(0);
        const int y = row.top() + 4 + (row.height() - 8) / 6;
        int api = 0, web = 0, worker = 0;
        for (int x = row.left(); x < row.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            api += c == view.serviceColor(QStringLiteral("api"));
            web += c == view.serviceColor(QStringLiteral("web"));
            worker += c == view.serviceColor(QStringLiteral("worker"));
        }
        QVERIFY2(api > 0 && web > 0, qPrintable(QStringLiteral("api %1 web %2").arg(api).arg(web)));
        QVERIFY2(std::abs(api - 2 * web) <= 4, qPrintable(QStringLiteral("api %1 web %2").arg(api).arg(web)));
        QCOMPARE(worker, 0);
    }

    void coloursAreStablePerService()
    {
        views::FleetView a, b;
        QCOMPARE(a.serviceColor(QStringLiteral("checkout")), b.serviceColor(QStringLiteral("checkout")));
        a.setServiceNames({ QStringLiteral("checkout"), QStringLiteral("catalog"), QStringLiteral("search") });
        QCOMPARE(a.serviceColor(QStringLiteral("checkout")), QColor(0x4E, 0x79, 0xA7));
        QCOMPARE(a.serviceColor(QStringLiteral("catalog")), QColor(0xF2, 0x8E, 0x2B));
        QCOMPARE(a.serviceColor(QStringLiteral("search")), QColor(0xE1, 0x57, 0x59));
        QCOMPARE(a.serviceColor(QStringLiteral("kube-proxy")), QColor(0x8C, 0x8C, 0x8C));
    }

    void emptyFleetSaysSo()
    {
        views::FleetView view;
        models::FleetSnapshot s;
        s.platform = models::PlatformId::EksFargate;
        s.hour = 3;
        view.setSnapshot(s);
        QCOMPARE(view.textSummary(), QStringLiteral("EKS Fargate at hour 3 (Mon 03:00): no tasks"));
    }

    // Issue 17, defect 5: 300 services give a legend of the 12 heaviest + "others", in distinct colours.
    void manyServicesShowTheTopOnesAndOthers()
    {
        QStringList names;
        QList<double> weights;
        models::FleetSnapshot s;
        s.platform = models::PlatformId::EcsEc2;
        for (int i = 0; i < 300; ++i) {
            names << QStringLiteral("svc-%1").arg(i, 3, 10, QChar(u'0'));
            weights << (i == 299 ? 1000.0 : double(300 - i)); // svc-299 is the heaviest of all
        }
        for (int n = 0; n < 30; ++n) {
            models::FleetNode node;
            node.instanceType = QStringLiteral("m6i.4xlarge");
            node.cpuCapacity = 16;
            node.memoryCapacityMib = 61440;
            for (int k = 0; k < 10; ++k)
                node.items.append({ names.at(n * 10 + k), 0.25, 512, 0, false, 1 });
            s.nodes.append(node);
        }
        views::FleetView view;
        view.resize(900, 600);
        view.setServiceNames(names, weights);
        view.setSnapshot(s);
        const QStringList legend = view.legendEntries();
        QCOMPARE(legend.size(), views::FleetView::TopServices + 1);
        QCOMPARE(legend.constFirst(), QStringLiteral("svc-299"));
        QCOMPARE(legend.constLast(), QStringLiteral("others (288 services)"));
        QSet<QRgb> colours;
        for (int i = 0; i < views::FleetView::TopServices; ++i)
            colours.insert(view.serviceColor(legend.at(i)).rgb());
        QCOMPARE(int(colours.size()), views::FleetView::TopServices); // no repeated colour
        QVERIFY(!colours.contains(views::FleetView::othersColor().rgb()));
        QCOMPARE(view.serviceColor(QStringLiteral("svc-150")), views::FleetView::othersColor());
        // The legend takes a few lines, not the screen: the first node starts near the top.
        QVERIFY2(view.nodeRect(0).top() < 120, qPrintable(QString::number(view.nodeRect(0).top())));
    }

    void fargateCountsTasksAndItsLabelsFit()
    {
        models::FleetSnapshot s;
        s.platform = models::PlatformId::EcsFargate;
        s.hour = 14;
        for (int i = 0; i < 51; ++i) {
            models::FleetNode task;
            task.instanceType = QStringLiteral("Fargate 0.5 vCPU / 1 GB");
            task.cpuCapacity = 0.5;
            task.memoryCapacityMib = 1024;
            task.slotCapacity = 0; // no slot limit on Fargate
            task.usdPerHour = 0.02468;
            task.items = { { QStringLiteral("api"), 0.5, 1024, 0, false, 1 } };
            s.nodes.append(task);
        }
        views::FleetView view;
        view.resize(700, 400);
        view.setSnapshot(s);
        QVERIFY2(view.textSummary().startsWith(QStringLiteral("ECS Fargate at hour 14 (Mon 14:00): 51 tasks\n")),
            qPrintable(view.textSummary().section(u'\n', 0, 0)));
        QVERIFY(!view.textSummary().contains(QStringLiteral("node")));
        QCOMPARE(views::FleetView::countText(1, true), QStringLiteral("1 task"));
        QCOMPARE(views::FleetView::countText(1, false), QStringLiteral("1 node"));
        QCOMPARE(views::FleetView::countText(3, false), QStringLiteral("3 nodes"));
        // "no slot limit" fits beside its bar, inside the widget.
        const QRect value = view.valueLabelRect(0, 2);
        QVERIFY(value.width() >= view.fontMetrics().horizontalAdvance(QStringLiteral("no slot limit")));
        QVERIFY2(view.rect().contains(value), qPrintable(QStringLiteral("%1 %2").arg(value.right()).arg(view.width())));
    }
};

QTEST_MAIN(TestFleetView)
#include "tst_fleetview.moc"
