// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "models/import/quantity.h"

using namespace fleetplan::models;
using namespace Qt::StringLiterals;

/// Kubernetes quantities against the forms the Kubernetes documentation gives: "Resource Management for
/// Pods and Containers" (CPU "0.1" = "100m"; memory "128974848, 129e6, 129M, 128974848000m, 123Mi") and
/// the Quantity grammar of the API reference (k8s.io/apimachinery/pkg/api/resource).
class TestQuantity : public QObject
{
    Q_OBJECT

private slots:
    void cpu_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("vcpu");
        QTest::newRow("250m = 0.25 (manage-resources-containers)") << u"250m"_s << 0.25;
        QTest::newRow("0.1 = 100m (manage-resources-containers)") << u"0.1"_s << 0.1;
        QTest::newRow("100m (manage-resources-containers)") << u"100m"_s << 0.1;
        QTest::newRow("0.5 plain decimal") << u"0.5"_s << 0.5;
        QTest::newRow("1 plain integer") << u"1"_s << 1.0;
        QTest::newRow("1e3 decimal exponent = 1000") << u"1e3"_s << 1000.0;
        QTest::newRow("1E3 capital exponent = 1000") << u"1E3"_s << 1000.0;
        QTest::newRow("5e-1 negative exponent = 0.5") << u"5e-1"_s << 0.5;
        QTest::newRow(".5 number without integer part") << u".5"_s << 0.5;
        QTest::newRow("2. number without fraction") << u"2."_s << 2.0;
        QTest::newRow("+1 explicit sign") << u"+1"_s << 1.0;
        QTest::newRow("1k = 1000") << u"1k"_s << 1000.0;
        QTest::newRow("1Ki = 1024") << u"1Ki"_s << 1024.0;
        QTest::newRow("0 zero") << u"0"_s << 0.0;
    }
    void cpu()
    {
        QFETCH(QString, text);
        QFETCH(double, vcpu);
        QString error;
        const auto parsed = parseCpuQuantity(text, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(*parsed, vcpu);
    }

    void memory_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("mib");
        // Bytes / 1048576.
        QTest::newRow("1Gi = 1024 MiB") << u"1Gi"_s << 1024.0;
        QTest::newRow("512Mi") << u"512Mi"_s << 512.0;
        QTest::newRow("123Mi (manage-resources-containers)") << u"123Mi"_s << 123.0;
        QTest::newRow("128974848 bytes = 123 MiB (manage-resources-containers)") << u"128974848"_s << 123.0;
        QTest::newRow("128974848000m = 123 MiB (manage-resources-containers)") << u"128974848000m"_s << 123.0;
        QTest::newRow("129M = 129e6 B = 123.0230712890625 MiB") << u"129M"_s << 129e6 / 1048576.0;
        QTest::newRow("129e6 = 123.0230712890625 MiB") << u"129e6"_s << 129e6 / 1048576.0;
        QTest::newRow("512M = 488.28125 MiB") << u"512M"_s << 488.28125;
        QTest::newRow("1.5Gi = 1536 MiB") << u"1.5Gi"_s << 1536.0;
        QTest::newRow("100k = 1e5 B") << u"100k"_s << 1e5 / 1048576.0;
        QTest::newRow("64Ki = 0.0625 MiB") << u"64Ki"_s << 0.0625;
        QTest::newRow("2Ti = 2097152 MiB") << u"2Ti"_s << 2097152.0;
        QTest::newRow("1Pi = 2^30 MiB") << u"1Pi"_s << 1073741824.0;
        QTest::newRow("1Ei = 2^40 MiB") << u"1Ei"_s << 1099511627776.0;
        QTest::newRow("1G = 1e9 B") << u"1G"_s << 1e9 / 1048576.0;
        QTest::newRow("1T = 1e12 B") << u"1T"_s << 1e12 / 1048576.0;
        QTest::newRow("1P = 1e15 B") << u"1P"_s << 1e15 / 1048576.0;
        QTest::newRow("1E = exa, 1e18 B (a suffix, not an exponent)") << u"1E"_s << 1e18 / 1048576.0;
        QTest::newRow("1e3 = 1000 B") << u"1e3"_s << 1000.0 / 1048576.0;
    }
    void memory()
    {
        QFETCH(QString, text);
        QFETCH(double, mib);
        QString error;
        const auto parsed = parseMemoryQuantity(text, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QVERIFY2(qFuzzyCompare(*parsed, mib),
            qPrintable(QStringLiteral("%1 → %2, expected %3").arg(text).arg(*parsed, 0, 'g', 17).arg(mib, 0, 'g', 17)));
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("suffix only: Mi") << u"Mi"_s << u"must start with a number"_s;
        QTest::newRow("two dots: 1.5.5") << u"1.5.5"_s << u"unknown suffix \".5\""_s;
        QTest::newRow("letters: abc") << u"abc"_s << u"must start with a number"_s;
        QTest::newRow("negative: -1") << u"-1"_s << u"negative"_s;
        QTest::newRow("negative milli: -250m") << u"-250m"_s << u"negative"_s;
        QTest::newRow("not a suffix: 1GB") << u"1GB"_s << u"unknown suffix \"GB\""_s;
        QTest::newRow("lower-case binary: 1gi") << u"1gi"_s << u"unknown suffix"_s;
        QTest::newRow("lower-case kibi: 1ki") << u"1ki"_s << u"unknown suffix"_s;
        QTest::newRow("exponent without digits: 1e") << u"1e"_s << u"bad exponent"_s;
        QTest::newRow("fractional exponent: 1e1.5") << u"1e1.5"_s << u"bad exponent"_s;
        QTest::newRow("two suffixes: 1e3m") << u"1e3m"_s << u"bad exponent"_s;
        QTest::newRow("leading space") << u" 1"_s << u"must start with a number"_s;
        QTest::newRow("trailing space") << u"1 "_s << u"unknown suffix"_s;
        QTest::newRow("sign only: +") << u"+"_s << u"must start with a number"_s;
        QTest::newRow("dot only: .") << u"."_s << u"must start with a number"_s;
        QTest::newRow("overflow: 1e400") << u"1e400"_s << u"out of range"_s;
    }
    void rejected()
    {
        QFETCH(QString, text);
        QFETCH(QString, messagePart);
        QString cpuError;
        QString memoryError;
        QVERIFY(!parseCpuQuantity(text, &cpuError).has_value());
        QVERIFY(!parseMemoryQuantity(text, &memoryError).has_value());
        QVERIFY2(cpuError.contains(messagePart), qPrintable(cpuError));
        QVERIFY2(memoryError.contains(messagePart), qPrintable(memoryError));
        if (!text.isEmpty())
            QVERIFY2(cpuError.contains(text.trimmed()), qPrintable(cpuError)); // the message quotes the input
    }

    void signedQuantityIsAQuantity()
    {
        // The grammar allows a sign; only requests and limits refuse negative values.
        QCOMPARE(parseQuantity(u"-1"), std::optional<double>(-1.0));
        QCOMPARE(parseQuantity(u"-5e-1"), std::optional<double>(-0.5));
    }
};

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
