// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QTest>

#include "pricing/fargatesizing.h"

using namespace fleetplan::pricing;

class TestFargateSizing : public QObject
{
    Q_OBJECT

private slots:
    void tableMatchesCsv();
    void roundUp_data();
    void roundUp();
    void tooLarge();
};

void TestFargateSizing::tableMatchesCsv()
{
    // README: 74 combinations in total (ECS Linux and EKS); Windows only 1, 2, 4 vCPU: 7 + 13 + 23 = 43.
    QCOMPARE(fargateTaskSizes(FargateFlavor::EcsLinux).size(), 74);
    QCOMPARE(fargateTaskSizes(FargateFlavor::EksFargate).size(), 74);
    QCOMPARE(fargateTaskSizes(FargateFlavor::EcsWindows).size(), 43);
    // Every row of the bundled CSV expands into sizes present in the compiled table.
    QFile csv(QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/catalog/fargate_task_sizes.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    csv.readLine();
    int expanded = 0;
    while (!csv.atEnd()) {
        const QList<QByteArray> f = csv.readLine().split(',');
        const int units = f.at(0).toInt();
        for (int m = f.at(1).toInt(); m <= f.at(2).toInt(); m += f.at(3).toInt()) {
            ++expanded;
            QVERIFY2(fargateTaskSizes(FargateFlavor::EcsLinux).contains(FargateSize { units, units / 1024.0, m }),
                qPrintable(QStringLiteral("%1/%2").arg(units).arg(m)));
        }
    }
    QCOMPARE(expanded, 74);
}

void TestFargateSizing::roundUp_data()
{
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("memory");
    QTest::addColumn<int>("flavor");
    QTest::addColumn<double>("expectedVcpu");
    QTest::addColumn<int>("expectedMemory");
    const int linux = int(FargateFlavor::EcsLinux);
    const int eks = int(FargateFlavor::EksFargate);
    const int windows = int(FargateFlavor::EcsWindows);
    QTest::newRow("no request -> 0.25 vCPU / 512 MiB (EKS user guide)") << 0.0 << 0.0 << eks << 0.25 << 512;
    QTest::newRow("exact 0.5 / 1024 stays") << 0.5 << 1024.0 << linux << 0.5 << 1024;
    QTest::newRow("0.25 / 600 -> 0.25 / 1024") << 0.25 << 600.0 << linux << 0.25 << 1024;
    QTest::newRow("0.25 / 3000 -> 0.5 / 3072 (0.25 max is 2048)") << 0.25 << 3000.0 << linux << 0.5 << 3072;
    QTest::newRow("0.3 / 512 -> 0.5 / 1024 (0.5 min memory 1024)") << 0.3 << 512.0 << linux << 0.5 << 1024;
    QTest::newRow("EKS 1 vCPU + 8 GB + 256 -> 2 vCPU / 9 GB (EKS user guide example)")
        << 1.0 << 8192.0 + EksFargateOverheadMib << eks << 2.0 << 9216;
    QTest::newRow("4 vCPU / 1 GB -> 4 / 8192 (4 vCPU min memory)") << 4.0 << 1024.0 << linux << 4.0 << 8192;
    QTest::newRow("5 vCPU / 20000 -> 8 / 20480 (8 vCPU steps of 4096)") << 5.0 << 20000.0 << linux << 8.0 << 20480;
    QTest::newRow("4 vCPU / 31000 -> 8 / 32768 (4 vCPU max 30720)") << 4.0 << 31000.0 << linux << 8.0 << 32768;
    QTest::newRow("16 / 122880 largest") << 16.0 << 122880.0 << linux << 16.0 << 122880;
    QTest::newRow("Windows 0.25 / 512 -> 1 / 2048 (Windows starts at 1 vCPU)")
        << 0.25 << 512.0 << windows << 1.0 << 2048;
}

void TestFargateSizing::roundUp()
{
    QFETCH(double, vcpu);
    QFETCH(double, memory);
    QFETCH(int, flavor);
    QFETCH(double, expectedVcpu);
    QFETCH(int, expectedMemory);
    QString error;
    const auto size = roundUpToFargateSize(vcpu, memory, FargateFlavor(flavor), &error);
    QVERIFY2(size, qPrintable(error));
    QCOMPARE(size->vcpu, expectedVcpu);
    QCOMPARE(size->memoryMib, expectedMemory);
    QCOMPARE(size->cpuUnits, int(expectedVcpu * 1024));
}

void TestFargateSizing::tooLarge()
{
    QString error;
    QVERIFY(!roundUpToFargateSize(16, 122881, FargateFlavor::EcsLinux, &error));
    QVERIFY2(error.contains(QStringLiteral(
                 "16 vCPU / 122881 MiB exceeds the largest ECS Fargate (Linux) task size (16 vCPU / 122880 MiB)")),
        qPrintable(error));
    QVERIFY(!roundUpToFargateSize(8, 1024, FargateFlavor::EcsWindows, &error));
    QVERIFY2(error.contains(QStringLiteral("(4 vCPU / 30720 MiB)")), qPrintable(error));
    QVERIFY(!roundUpToFargateSize(-1, 1024, FargateFlavor::EcsLinux, &error));
}

QTEST_GUILESS_MAIN(TestFargateSizing)
#include "tst_fargatesizing.moc"
