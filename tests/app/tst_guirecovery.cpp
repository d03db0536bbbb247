// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

#include "app/mainwindow.h"
#include "app/recoveryprompt.h"
#include "models/workload/document.h"
#include "models/workload/recovery.h"
#include "models/workload/scenariodocument.h"
#include "models/workload/scenariojson.h"

using namespace fleetplan;

namespace {
/// Clicks the button with this text in the next recovery prompt; records the prompt's text.
void answerRecovery(const QString &buttonText, QString *text)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, buttonText, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("recoveryPrompt"))
            return;
        *text = box->text();
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(u'&') == buttonText) {
                b->click();
                break;
            }
        }
        timer->deleteLater();
    });
    timer->start();
}

/// A recovery file as a crashed session (another process id) leaves it.
QString leaveCrashedWork(const models::Scenario &scenario)
{
    const QString path = models::recoveryDirectory() + QStringLiteral("/crashed.fleetplan");
    QString error;
    if (!models::writeScenarioDocument(scenario, path, &error,
            { { QStringLiteral("recovery_of"), QString() }, { QStringLiteral("recovery_pid"), QStringLiteral("1") } }))
        qWarning("%s", qPrintable(error));
    return path;
}
} // namespace

class TestGuiRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("FLEETPLAN_NO_RECOVERY_PROMPT", "0");
    }

    void recoverRestoresTheCrashedWorkAsModified()
    {
        models::Scenario crashed = models::bundledSampleScenario();
        crashed.name = QStringLiteral("Shop after a crash");
        crashed.services[0].replicas = 33;
        const QString path = leaveCrashedWork(crashed);
        QVERIFY(QFile::exists(path));

        app::MainWindow window;
        window.show();
        QString text;
        answerRecovery(QStringLiteral("Recover"), &text);
        QVERIFY(app::offerRecovery(window));
        QVERIFY2(text.contains(QStringLiteral("“Shop after a crash” (13 services)")), qPrintable(text));
        QCOMPARE(window.scenario(), crashed);
        QVERIFY(window.document()->isModified());
        window.document()->discardRecoveryFile();
        QFile::remove(path);
    }

    void discardRemovesTheFiles()
    {
        const QString path = leaveCrashedWork(models::bundledSampleScenario());
        app::MainWindow window;
        QString text;
        answerRecovery(QStringLiteral("Discard"), &text);
        QVERIFY(!app::offerRecovery(window));
        QVERIFY(!text.isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(models::listRecoveryFiles().isEmpty());
        QVERIFY(!window.document()->isModified());
    }

    void laterKeepsThemAndNoPromptWhenDisabled()
    {
        const QString path = leaveCrashedWork(models::bundledSampleScenario());
        app::MainWindow window;
        QString text;
        answerRecovery(QStringLiteral("Later"), &text);
        QVERIFY(!app::offerRecovery(window));
        QVERIFY(!text.isEmpty());
        QVERIFY(QFile::exists(path));

        qputenv("FLEETPLAN_NO_RECOVERY_PROMPT", "1");
        QVERIFY(!app::offerRecovery(window)); // returns at once: no prompt to answer
        qputenv("FLEETPLAN_NO_RECOVERY_PROMPT", "0");
        QFile::remove(path);
    }
};

QTEST_MAIN(TestGuiRecovery)
#include "tst_guirecovery.moc"
