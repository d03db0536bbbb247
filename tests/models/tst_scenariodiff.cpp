// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18 "a baseline": which inputs differ between two scenarios, named as the scenario format names them
// (models/workload/scenariodiff.h).
#include <QTest>

#include "models/workload/scenariodiff.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan::models;

class TestScenarioDiff : public QObject
{
    Q_OBJECT

private slots:
    void theSameScenarioHasNoChange()
    {
        const Scenario sample = bundledSampleScenario();
        QVERIFY(scenarioChanges(sample, sample).isEmpty());
        // The name and the notes are not inputs of the figures.
        Scenario renamed = sample;
        renamed.name = QStringLiteral("Another name");
        renamed.notes = QStringLiteral("Reviewed on Monday");
        QVERIFY(scenarioChanges(sample, renamed).isEmpty());
    }

    void everyKindOfChangeIsNamed()
    {
        const Scenario before = bundledSampleScenario();
        Scenario after = before;
        after.region = QStringLiteral("eu-west-1");
        after.services[0].cpu = before.services[0].cpu * 2;
        after.services[1].replicas = before.services[1].replicas + 5;
        const QString removed = after.services[2].name;
        after.services.removeAt(2);
        Service added = after.services[0];
        added.name = QStringLiteral("new-batch");
        after.services.append(added);
        after.loadProfiles[0].hourly[3] += 0.25;
        after.loadProfiles[0].hourly[4] += 0.25;
        after.platform(PlatformId::EksNodes).instanceTypes = { QStringLiteral("m7g.*") };
        after.purchase.spotShare = 0.5;

        const QStringList lines = scenarioChangeLines(scenarioChanges(before, after), 100);
        const QString first = before.services[0].name;
        const QString second = before.services[1].name;
        const QStringList expected {
            QStringLiteral("load_profiles[%1].hourly: 2 of %2 hours changed")
                .arg(before.loadProfiles[0].name)
                .arg(before.loadProfiles[0].hourly.size()),
            QStringLiteral("region: us-east-1 → eu-west-1"),
            QStringLiteral("services[%1].cpu: %2 → %3")
                .arg(first)
                .arg(before.services[0].cpu)
                .arg(after.services[0].cpu),
            QStringLiteral("services[%1].replicas: %2 → %3")
                .arg(second)
                .arg(before.services[1].replicas)
                .arg(after.services[1].replicas),
            QStringLiteral("services[%1]: removed").arg(removed),
            QStringLiteral("services[new-batch]: added"),
        };
        for (const QString &line : expected)
            QVERIFY2(lines.contains(line), qPrintable(line + QStringLiteral("\nin:\n") + lines.join(u'\n')));
        bool platform = false;
        bool spot = false;
        for (const QString &line : lines) {
            platform = platform || line.startsWith(QStringLiteral("platforms.eks-nodes.instance_types: "));
            spot = spot || line.startsWith(QStringLiteral("purchase.spot_share: "));
        }
        QVERIFY2(platform && spot, qPrintable(lines.join(u'\n')));
        QCOMPARE(lines.size(), expected.size() + 2);
    }

    void longListsAreCut()
    {
        QList<ScenarioChange> many;
        for (int i = 0; i < 20; ++i)
            many.append({ QStringLiteral("services[s%1].cpu").arg(i), QStringLiteral("1"), QStringLiteral("2"), {} });
        const QStringList lines = scenarioChangeLines(many, 12);
        QCOMPARE(lines.size(), 13);
        QCOMPARE(lines.constLast(), QStringLiteral("and 8 more"));
        QCOMPARE(lines.constFirst(), QStringLiteral("services[s0].cpu: 1 → 2"));
    }
};

QTEST_GUILESS_MAIN(TestScenarioDiff)
#include "tst_scenariodiff.moc"
