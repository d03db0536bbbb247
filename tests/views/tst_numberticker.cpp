// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17, defect 9: chart axes write numbers as the rest of the application: thousands separators,
// one number of decimals per axis, and counts without ".0" or half nodes.
#include <QtTest>

#include "data/reports/costreportfixture.h"
#include "views/comparisonchart.h"
#include "views/numberticker.h"
#include "views/timelinechart.h"

using namespace fleetplan;

namespace {
QStringList labelsOf(QCPAxis *axis)
{
    axis->parentPlot()->replot();
    return QStringList(axis->tickVectorLabels().cbegin(), axis->tickVectorLabels().cend());
}
} // namespace

class TestNumberTicker : public QObject
{
    Q_OBJECT

private slots:
    void amountsHaveThousandsSeparators()
    {
        QCustomPlot plot;
        plot.resize(600, 400);
        views::NumberTicker::install(plot.yAxis);
        plot.yAxis->setRange(0, 25000);
        const QStringList labels = labelsOf(plot.yAxis);
        QVERIFY2(labels.contains(QStringLiteral("10,000")) || labels.contains(QStringLiteral("20,000")),
            qPrintable(labels.join(u' ')));
        for (const QString &l : labels)
            QVERIFY2(!l.contains(u'.') && !l.contains(u'e'), qPrintable(l));
    }

    void smallAmountsShareOneNumberOfDecimals()
    {
        QCustomPlot plot;
        plot.resize(600, 400);
        views::NumberTicker::install(plot.yAxis);
        plot.yAxis->setRange(0, 2.6);
        const QStringList labels = labelsOf(plot.yAxis);
        QVERIFY2(labels.contains(QStringLiteral("1.0")) || labels.contains(QStringLiteral("1.00")),
            qPrintable(labels.join(u' ')));
        const qsizetype decimals = labels.constFirst().section(u'.', 1).size();
        for (const QString &l : labels)
            QCOMPARE(l.section(u'.', 1).size(), decimals);
    }

    void countsAreWholeNumbers()
    {
        QCustomPlot plot;
        plot.resize(600, 400);
        views::NumberTicker::install(plot.yAxis, views::NumberTicker::Kind::Count);
        plot.yAxis->setRange(0, 3.3); // a default ticker would put ticks at 0.5 nodes
        const QStringList labels = labelsOf(plot.yAxis);
        QCOMPARE(labels,
            (QStringList { QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3") }));
        plot.yAxis->setRange(0, 12000);
        QVERIFY(labelsOf(plot.yAxis).contains(QStringLiteral("10,000")));
    }

    void theChartsUseIt()
    {
        views::ComparisonChart comparison;
        comparison.resize(800, 500);
        comparison.setReport(fixture::costReport());
        comparison.replot();
        QVERIFY(comparison.yAxis->ticker().dynamicCast<views::NumberTicker>());
        views::TimelineChart timeline;
        timeline.resize(800, 600);
        timeline.setReport(fixture::costReport());
        auto count = timeline.fleetRect()->axis(QCPAxis::atLeft)->ticker().dynamicCast<views::NumberTicker>();
        QVERIFY(count);
        QCOMPARE(count->kind(), views::NumberTicker::Kind::Count);
        QVERIFY(timeline.costRect()->axis(QCPAxis::atLeft)->ticker().dynamicCast<views::NumberTicker>());
    }
};

QTEST_MAIN(TestNumberTicker)
#include "tst_numberticker.moc"
