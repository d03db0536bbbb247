// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSignalSpy>
#include <QtTest>

#include "views/loadprofileeditor.h"

using namespace fleetplan;

class TestLoadProfileEditor : public QObject
{
    Q_OBJECT

private:
    static models::LoadProfile flatDay()
    {
        models::LoadProfile p;
        p.name = QStringLiteral("day");
        p.hourly = QList<double>(24, 1.0);
        return p;
    }

private slots:
    void dragRaisesOneBarAndFinishesOnce()
    {
        views::LoadProfileEditor editor;
        editor.resize(520, 210);
        editor.setProfile(flatDay());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QSignalSpy changed(&editor, &views::LoadProfileEditor::hourlyChanged);
        QSignalSpy finished(&editor, &views::LoadProfileEditor::editFinished);

        const QPoint at = editor.pointFor(3, 1.5).toPoint();
        QCOMPARE(editor.hourAt(at), 3);
        QTest::mousePress(&editor, Qt::LeftButton, {}, at);
        QTest::mouseRelease(&editor, Qt::LeftButton, {}, at);
        // One pixel is 2.0 / plot height (≈0.012) of load: the bar lands within a pixel of 1.5.
        QVERIFY2(std::abs(editor.profile().hourly.at(3) - 1.5) < 0.02,
            qPrintable(QString::number(editor.profile().hourly.at(3))));
        QCOMPARE(editor.profile().hourly.at(2), 1.0);
        QCOMPARE(editor.profile().hourly.at(4), 1.0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(changed.last().at(0).value<QList<double>>(), editor.profile().hourly);
    }

    void fastDragFillsTheSkippedHours()
    {
        views::LoadProfileEditor editor;
        editor.resize(520, 210);
        editor.setProfile(flatDay());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QSignalSpy finished(&editor, &views::LoadProfileEditor::editFinished);
        QTest::mousePress(&editor, Qt::LeftButton, {}, editor.pointFor(10, 0.5).toPoint());
        QTest::mouseMove(&editor, editor.pointFor(14, 0.5).toPoint());
        QTest::mouseRelease(&editor, Qt::LeftButton, {}, editor.pointFor(14, 0.5).toPoint());
        for (int h = 10; h <= 14; ++h)
            QVERIFY2(
                std::abs(editor.profile().hourly.at(h) - 0.5) < 0.02, qPrintable(QStringLiteral("hour %1").arg(h)));
        QCOMPARE(editor.profile().hourly.at(9), 1.0);
        QCOMPARE(editor.profile().hourly.at(15), 1.0);
        QCOMPARE(finished.count(), 1);
    }

    void keyboardStepsTheCurrentBar()
    {
        views::LoadProfileEditor editor;
        editor.resize(520, 210);
        editor.setProfile(flatDay());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QSignalSpy finished(&editor, &views::LoadProfileEditor::editFinished);
        QTest::keyClick(&editor, Qt::Key_Right);
        QTest::keyClick(&editor, Qt::Key_Right);
        QCOMPARE(editor.currentHour(), 2);
        QTest::keyClick(&editor, Qt::Key_Up); // +0.05
        QTest::keyClick(&editor, Qt::Key_PageDown); // -0.25
        QCOMPARE(editor.profile().hourly.at(2), 0.8);
        QCOMPARE(finished.count(), 2);
        QTest::keyClick(&editor, Qt::Key_Left);
        QTest::keyClick(&editor, Qt::Key_Left);
        QTest::keyClick(&editor, Qt::Key_Left); // wraps to hour 23
        QCOMPARE(editor.currentHour(), 23);
    }

    void weekProfileHas168Bars()
    {
        views::LoadProfileEditor editor;
        editor.resize(900, 210);
        models::LoadProfile week;
        week.hourly = QList<double>(168, 0.5);
        week.hourly[24 * 5 + 12] = 3.0; // Saturday noon above the default 2.0 scale
        editor.setProfile(week);
        QCOMPARE(editor.maximum(), 3.0);
        QCOMPARE(editor.hourAt(editor.pointFor(167, 0.1)), 167);
        QCOMPARE(editor.hourAt(editor.pointFor(0, 0.1)), 0);
        QVERIFY(editor.barRect(0).width() < editor.barRect(0).height());
    }
};

QTEST_MAIN(TestLoadProfileEditor)
#include "tst_loadprofileeditor.moc"
