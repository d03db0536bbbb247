// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18 "a baseline": the panel that shows the current figures against a baseline — the same differences
// `compare --diff` prints (models::costChanges), a platform's changed components under it, the inputs changed.
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include "common/fixtures.h"
#include "models/simulation/moneyformat.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenariojson.h"
#include "views/baselinepanel.h"

using namespace fleetplan;

class TestBaselinePanel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheDiffAndItsReasons()
    {
        const models::Scenario before = models::bundledSampleScenario();
        models::Scenario after = before;
        after.services[0].replicas += 6;
        after.platform(models::PlatformId::EcsEc2).instanceTypes = { QStringLiteral("m6i.*") }; // no arm64 nodes
        const models::SimulationOptions fast = models::fastSimulation();
        const models::CostReport a = models::simulate(before, test::catalog(), {}, fast);
        const models::CostReport b = models::simulate(after, test::catalog(), {}, fast);

        views::BaselinePanel panel;
        panel.setComparison(QStringLiteral("baseline of 14:05"), a, b, models::scenarioChanges(before, after));
        QCOMPARE(panel.title()->text(), QStringLiteral("Against baseline of 14:05"));
        QTreeWidget *tree = panel.tree();
        QCOMPARE(tree->topLevelItemCount(), a.platforms.size()); // the five enabled (App Runner is opt-in)
        const QList<models::PlatformCostChange> expected = models::costChanges(a, b);
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = tree->topLevelItem(i);
            const models::PlatformCostChange &pc = expected.at(i);
            QCOMPARE(row->text(0), models::displayName(pc.platform));
            QCOMPARE(row->text(1), models::formatNumber(*pc.total.before, 2));
            QCOMPARE(row->childCount(), int(pc.components.size()));
            if (pc.platform == models::PlatformId::EcsEc2) {
                // The arm64 service cannot run on m6i nodes: no price now, the reason in the tooltip.
                QCOMPARE(row->text(2), QStringLiteral("infeasible"));
                QCOMPARE(row->text(3), QStringLiteral("n/a"));
                QVERIFY(row->toolTip(0).startsWith(QStringLiteral("now: cannot run the workload: ")));
            } else {
                QCOMPARE(row->text(2), models::formatNumber(*pc.total.after, 2));
                QVERIFY(row->text(3).startsWith(u'+')); // six more replicas cost more everywhere
                QVERIFY(row->childCount() >= 1);
            }
        }
        const QString inputs = panel.inputs()->text();
        QVERIFY2(inputs.contains(QStringLiteral("services[%1].replicas: %2 → %3")
                                     .arg(before.services[0].name)
                                     .arg(before.services[0].replicas)
                                     .arg(after.services[0].replicas)),
            qPrintable(inputs));
        QVERIFY(inputs.contains(QStringLiteral("platforms.ecs-ec2.instance_types: ")));

        // Ctrl+C: the comparison as tab-separated text, components indented under their platform.
        const QStringList lines = panel.comparisonText().split(u'\n');
        QCOMPARE(lines.at(0), QStringLiteral("Platform / component\tBaseline USD\tCurrent USD\tChange USD\tChange"));
        const QTreeWidgetItem *fargate = tree->topLevelItem(int(models::PlatformId::EcsFargate));
        const QString fargateLine
            = QStringList { fargate->text(0), fargate->text(1), fargate->text(2), fargate->text(3), fargate->text(4) }
                  .join(u'\t');
        const qsizetype at = lines.indexOf(fargateLine);
        QVERIFY2(at > 0, qPrintable(panel.comparisonText()));
        QVERIFY(lines.at(at + 1).startsWith(QStringLiteral("  ") + fargate->child(0)->text(0) + u'\t'));
        QVERIFY(panel.comparisonText().contains(inputs));

        QSignalSpy cleared(&panel, &views::BaselinePanel::clearRequested);
        panel.findChild<QPushButton *>()->click();
        QCOMPARE(cleared.count(), 1);
    }

    void sameInputsSaySo()
    {
        const models::Scenario sample = models::bundledSampleScenario();
        const models::CostReport r = models::simulate(sample, test::catalog(), {}, models::fastSimulation());
        views::BaselinePanel panel;
        panel.setComparison(QStringLiteral("shop.json"), r, r, {});
        QVERIFY(panel.inputs()->text().startsWith(QStringLiteral("Inputs changed: none")));
        for (int i = 0; i < panel.tree()->topLevelItemCount(); ++i) {
            QCOMPARE(panel.tree()->topLevelItem(i)->text(3), QStringLiteral("0.00"));
            QCOMPARE(panel.tree()->topLevelItem(i)->childCount(), 0);
        }
    }
};

QTEST_MAIN(TestBaselinePanel)
#include "tst_baselinepanel.moc"
