// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 22: `fleetplan diff` and `compare --diff` with a scenario or a saved result on either side, what
// changed underneath, Markdown / GitHub comments with a size cap, and gates on the change.
#include <cmath>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"

#include "models/workload/scenariojson.h"

using namespace fleetplan;

class TestDiffCli : public QObject
{
    Q_OBJECT

private:
    using Run = test::CliRun;
    static Run run(const QStringList &args) { return test::runFleetplan(args); }
    static QString sample() { return QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json"); }
    static QString commitments()
    {
        return QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop-commitments.json");
    }
    QString variant(const QString &name, void (*change)(models::Scenario &))
    {
        models::Scenario sc = models::bundledSampleScenario();
        change(sc);
        const QString file = m_dir.filePath(name);
        if (!models::writeScenarioFile(sc, file))
            return {};
        return file;
    }
    QString saved(const QString &scenario, const QString &name)
    {
        const QString file = m_dir.filePath(name);
        const Run r = run({ QStringLiteral("compare"), scenario, QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("-o"), file });
        return r.code == 0 ? file : QString();
    }

    QTemporaryDir m_dir;

private slots:
    void aSavedResultDiffsLikeItsScenario()
    {
        const QString base = saved(sample(), QStringLiteral("base.json"));
        QVERIFY(!base.isEmpty());
        const Run fromScenario = run({ QStringLiteral("diff"), sample(), commitments() });
        const Run fromResult = run({ QStringLiteral("diff"), base, commitments() });
        const Run compareDiff = run({ QStringLiteral("compare"), base, QStringLiteral("--diff"), commitments() });
        QVERIFY2(fromScenario.code == 0, qPrintable(fromScenario.err));
        QVERIFY2(fromResult.code == 0, qPrintable(fromResult.err));
        QCOMPARE(fromResult.out, fromScenario.out);
        QCOMPARE(compareDiff.out, fromScenario.out);
        // Both sides saved: the same again (the inputs come from the results' scenario_input).
        const QString head = saved(commitments(), QStringLiteral("head.json"));
        QCOMPARE(run({ QStringLiteral("diff"), base, head }).out, fromScenario.out);
        QVERIFY2(fromScenario.out.contains(QStringLiteral("  existing_commitments ")), qPrintable(fromScenario.out));
        QVERIFY(fromScenario.out.contains(QStringLiteral("\nInputs changed:\n  existing_commitments")));

        const Run json
            = run({ QStringLiteral("diff"), base, commitments(), QStringLiteral("--format"), QStringLiteral("json") });
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(u"schema_version").toInt(), 1);
        QCOMPARE(o.value(u"before").toObject().value(u"source").toString(), QStringLiteral("result"));
        QCOMPARE(o.value(u"after").toObject().value(u"source").toString(), QStringLiteral("scenario"));
        QCOMPARE(o.value(u"inputs_known").toBool(), true);
        QCOMPARE(o.value(u"normalised_per_month").toBool(true), false);
    }

    void githubCommentHasAHeadlinePerPlatformAndDetails()
    {
        const Run r = run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("--format"),
            QStringLiteral("github-comment") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral(
                     "<!-- fleetplan-diff -->\n### Fleetplan: Sample: online shop → Sample: "
                     "online shop with existing commitments\n\n- **ECS on EC2**: -425.48 USD (-25.4 %) — "
                     "1,673.24 → 1,247.76 USD per month\n- **ECS Fargate**: +384.16 USD "
                     "(+15.0 %) — 2,558.92 → 2,943.08 USD per month\n")),
            qPrintable(r.out));
        QCOMPARE(r.out.count(QStringLiteral("\n- **")), 5);
        QVERIFY(r.out.contains(QStringLiteral("| platform | before USD | after USD | change USD | change |\n")));
        QVERIFY(r.out.contains(QStringLiteral("<details><summary>ECS on EC2: what changed</summary>")));
        QVERIFY(r.out.contains(QStringLiteral("<details><summary>Inputs changed (")));
        QVERIFY(r.out.contains(QStringLiteral("| Existing commitments (RIs, Savings Plans) |"))
            || r.out.contains(QStringLiteral("| Existing commitments")));
        const Run md = run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("--format"),
            QStringLiteral("markdown") });
        QCOMPARE(QStringLiteral("<!-- fleetplan-diff -->\n") + md.out, r.out);
    }

    void theSizeCapLeavesOutWholeSections()
    {
        const Run full = run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("--format"),
            QStringLiteral("github-comment") });
        const Run capped = run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("--format"),
            QStringLiteral("github-comment"), QStringLiteral("--max-chars"), QStringLiteral("2500") });
        QCOMPARE(capped.code, 0);
        QVERIFY2(full.out.size() > 2500, qPrintable(QString::number(full.out.size())));
        QVERIFY2(capped.out.size() <= 2500, qPrintable(QString::number(capped.out.size())));
        QVERIFY2(QRegularExpression(QStringLiteral("\n_\\d+ more sections? left out to stay within 2500 characters; "
                                                   "`fleetplan diff --format table` prints everything._\n"))
                     .match(capped.out)
                     .hasMatch(),
            qPrintable(capped.out));
        // The headlines and the table always stay.
        QCOMPARE(capped.out.count(QStringLiteral("\n- **")), 5);
        QCOMPARE(capped.out.count(QStringLiteral("<details>")), capped.out.count(QStringLiteral("</details>")));
        QCOMPARE(
            run({ QStringLiteral("diff"), sample(), sample(), QStringLiteral("--max-chars"), QStringLiteral("10") })
                .code,
            1);
    }

    void whatChangedUnderneath()
    {
        // Instance family m6i → m7i on ECS on EC2; the api service's task twice as large.
        const QString m7i = variant(QStringLiteral("m7i.json"), [](models::Scenario &sc) {
            sc.platform(models::PlatformId::EcsEc2).instanceTypes = { QStringLiteral("m7i.*") };
        });
        const Run family = run({ QStringLiteral("diff"), sample(), m7i });
        QVERIFY2(family.code == 0, qPrintable(family.err));
        QVERIFY2(family.out.contains(QStringLiteral("\nWhat runs underneath:\n  ECS on EC2: capacity ")),
            qPrintable(family.out));
        const QString line = family.out.section(QStringLiteral("  ECS on EC2: capacity "), 1).section(u'\n', 0, 0);
        QVERIFY2(line.contains(QStringLiteral(" → 0 h")) && line.contains(QStringLiteral("m7i.")), qPrintable(line));

        const QString bigger = variant(QStringLiteral("bigger.json"), [](models::Scenario &sc) {
            sc.services[0].cpu *= 2;
            sc.services[0].memoryMib *= 2;
        });
        const Run sizes
            = run({ QStringLiteral("diff"), sample(), bigger, QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(sizes.code == 0, qPrintable(sizes.err));
        const QString service = models::bundledSampleScenario().services[0].name;
        bool seen = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(sizes.out.toUtf8()).object().value(u"platforms").toArray()) {
            const QJsonObject p = v.toObject();
            if (p.value(u"platform").toString() != u"ecs-fargate")
                continue;
            const QJsonArray changes = p.value(u"fargate_size_changes").toArray();
            QVERIFY2(!changes.isEmpty(), qPrintable(sizes.out));
            QVERIFY2(changes.at(0).toString().startsWith(service + u' '), qPrintable(changes.at(0).toString()));
            QVERIFY(changes.at(0).toString().contains(QStringLiteral(" → ")));
            seen = true;
        }
        QVERIFY(seen);
    }

    void gatesOnTheChange()
    {
        const Run tight = run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("-q"),
            QStringLiteral("--fail-above-change"), QStringLiteral("ecs-fargate=10%") });
        QCOMPARE(tight.code, 3);
        QCOMPARE(tight.out, QString());
        QVERIFY2(QRegularExpression(QStringLiteral("^fleetplan diff: ECS Fargate rises by [0-9,.]+ USD per month "
                                                   "\\(\\+[0-9.]+ %\\), above the allowed change of 10\\.0 % "
                                                   "\\(--fail-above-change ecs-fargate=10%\\)\\n$"))
                     .match(tight.err)
                     .hasMatch(),
            qPrintable(tight.err));
        QCOMPARE(run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("-q"),
                         QStringLiteral("--fail-above-change"), QStringLiteral("1000") })
                     .code,
            0);
        QCOMPARE(run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("-q"),
                         QStringLiteral("--fail-above-change"), QStringLiteral("100 USD") })
                     .code,
            3);
        const Run notPriced = run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("--platform"),
            QStringLiteral("ecs-ec2"), QStringLiteral("--fail-above-change"), QStringLiteral("eks-nodes=5%") });
        QCOMPARE(notPriced.code, 1);
        QCOMPARE(notPriced.err,
            QStringLiteral("fleetplan diff: --fail-above-change eks-nodes=5%: EKS managed nodes is not priced in %1 "
                           "(see --platform and the scenario's platforms)\n")
                .arg(commitments()));
        const Run bad = run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("--fail-above-change"),
            QStringLiteral("lots") });
        QCOMPARE(bad.code, 1);
        QCOMPARE(
            run({ QStringLiteral("compare"), sample(), QStringLiteral("--fail-above-change"), QStringLiteral("5%") })
                .code,
            1);
        // The JSON lists every gate.
        const Run json = run({ QStringLiteral("diff"), sample(), commitments(), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--fail-above-change"), QStringLiteral("10%"),
            QStringLiteral("--fail-above"), QStringLiteral("100000") });
        QCOMPARE(json.code, 3);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(u"gates").toArray().size(), 2);
        QCOMPARE(
            o.value(u"gates").toArray().at(0).toObject().value(u"option").toString(), QStringLiteral("--fail-above"));
        QCOMPARE(o.value(u"gates").toArray().at(0).toObject().value(u"passed").toBool(), true);
        QCOMPARE(o.value(u"gates").toArray().at(1).toObject().value(u"passed").toBool(true), false);
        QCOMPARE(o.value(u"gates_passed").toBool(true), false);
    }

    void differentBillingPeriodsAreComparedPerMonth()
    {
        const QString week = variant(QStringLiteral("week.json"), [](models::Scenario &sc) { sc.periodHours = 168; });
        const Run r
            = run({ QStringLiteral("diff"), sample(), week, QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.err,
            QStringLiteral("fleetplan diff: warning: the two sides cover different billing periods (730 and 168 "
                           "hours): both are compared per month of 730 hours (total × 730 ÷ hours)\n"));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(u"normalised_per_month").toBool(), true);
        QCOMPARE(o.value(u"after").toObject().value(u"simulated_hours").toInt(), 168);
        // A week of the same workload is about a month of it: never -77 %.
        for (const QJsonValue &v : o.value(u"platforms").toArray()) {
            const double pct = v.toObject().value(u"change_percent").toDouble();
            QVERIFY2(std::abs(pct) < 15, qPrintable(v.toObject().value(u"platform").toString()));
        }
    }

    void aSavedResultItCannotReadIsNamed()
    {
        const QString future = m_dir.filePath(QStringLiteral("future.json"));
        QFile f(future);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ \"schema_version\": 99, \"kind\": \"cost_report\" }\n");
        f.close();
        const Run r = run({ QStringLiteral("diff"), future, sample() });
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err,
            QStringLiteral("fleetplan diff: %1: schema_version 99 is not one this fleetplan reads (1 to 1)\n")
                .arg(future));
        const QString diffJson = m_dir.filePath(QStringLiteral("a-diff.json"));
        QVERIFY(run({ QStringLiteral("diff"), sample(), sample(), QStringLiteral("--format"), QStringLiteral("json"),
                        QStringLiteral("-o"), diffJson })
                    .code
            == 0);
        const Run wrongKind = run({ QStringLiteral("diff"), diffJson, sample() });
        QCOMPARE(wrongKind.code, 2);
        QVERIFY2(wrongKind.err.contains(QStringLiteral("a saved \"cost_diff\" is not a cost result")),
            qPrintable(wrongKind.err));
    }
};

QTEST_GUILESS_MAIN(TestDiffCli)
#include "tst_diffcli.moc"
