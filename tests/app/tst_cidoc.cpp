// SPDX-License-Identifier: GPL-3.0-or-later
// docs/ci.md's pipeline, run as written: every `fleetplan compare|diff` line of its GitHub Actions and
// GitLab CI examples, with the base branch's scenario the sample and the request's the sample with
// existing commitments (which raise every platform's cost by far more than the 10 % the gate allows).
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"

class TestCiDoc : public QObject
{
    Q_OBJECT

private:
    /// The fleetplan command lines of the page's code blocks, in order, without repeats.
    static QStringList commandLines()
    {
        QFile f(QStringLiteral(FLEETPLAN_SOURCE_DIR "/docs/ci.md"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QStringList lines;
        bool inCode = false;
        static const QRegularExpression command(QStringLiteral("(?:^|\\s|\\|\\| )(fleetplan (?:compare|diff) .*)$"));
        for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
            if (line.trimmed().startsWith(QLatin1String("```"))) {
                inCode = !inCode;
                continue;
            }
            const QRegularExpressionMatch m = command.match(line);
            if (inCode && m.hasMatch() && !lines.contains(m.captured(1).trimmed()))
                lines.append(m.captured(1).trimmed());
        }
        return lines;
    }

private slots:
    void theExamplesCommandsRunOnTwoSamples()
    {
        const QStringList lines = commandLines();
        // compare (cache miss), the comment, the gate: the same three in both examples.
        QCOMPARE(lines,
            (QStringList { QStringLiteral("fleetplan compare base/$SCENARIO --format json -o fleetplan-base.json"),
                QStringLiteral(
                    "fleetplan diff fleetplan-base.json $SCENARIO --format github-comment -o fleetplan-diff.md"),
                QStringLiteral(
                    "fleetplan diff fleetplan-base.json $SCENARIO -q --fail-above-change 10% --fail-above 5000") }));
        QTemporaryDir dir;
        const QString base = QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json");
        const QString head = QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop-commitments.json");
        QList<int> codes;
        QString gateErr;
        for (const QString &line : lines) {
            QStringList args = line.split(u' ', Qt::SkipEmptyParts).mid(1);
            for (QString &a : args) {
                if (a == u"base/$SCENARIO")
                    a = base;
                else if (a == u"$SCENARIO")
                    a = head;
                else if (a.endsWith(QLatin1String(".json")) || a.endsWith(QLatin1String(".md")))
                    a = dir.filePath(a);
            }
            const fleetplan::test::CliRun r = fleetplan::test::runFleetplan(args);
            codes.append(r.code);
            if (line.contains(QLatin1String("--fail-above-change")))
                gateErr = r.err;
            else
                QVERIFY2(r.err.isEmpty(), qPrintable(line + u'\n' + r.err));
        }
        QCOMPARE(codes, (QList<int> { 0, 0, 3 }));

        QFile cached(dir.filePath(QStringLiteral("fleetplan-base.json")));
        QVERIFY(cached.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(cached.readAll()).object();
        QCOMPARE(o.value(u"schema_version").toInt(), 1);
        QCOMPARE(o.value(u"kind").toString(), QStringLiteral("cost_report"));

        QFile comment(dir.filePath(QStringLiteral("fleetplan-diff.md")));
        QVERIFY(comment.open(QIODevice::ReadOnly));
        const QString md = QString::fromUtf8(comment.readAll());
        QVERIFY(md.startsWith(QStringLiteral("<!-- fleetplan-diff -->\n### Fleetplan: ")));
        QVERIFY(md.size() <= 65536);
        QCOMPARE(md.count(QStringLiteral("\n- **")), 5);

        // The commitments (826.58 USD a month on every platform) save more than they cost on the two EC2
        // platforms, and raise the three Fargate ones by 14-16 %: three failed gates, one line each; no
        // platform passes 5,000 USD a month.
        QCOMPARE(gateErr.count(QStringLiteral("above the allowed change of 10.0 % (--fail-above-change 10%)\n")), 3);
        QVERIFY(
            gateErr.contains(QStringLiteral("fleetplan diff: ECS Fargate rises by 384.16 USD per month (+15.0 %)")));
        QVERIFY2(!gateErr.contains(QStringLiteral("--fail-above 5000")), qPrintable(gateErr));
    }
};

QTEST_GUILESS_MAIN(TestCiDoc)
#include "tst_cidoc.moc"
