// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>

#include <QList>
#include <QString>
#include <QTest>

#include "models/diagnostic.h"
#include "models/simulation/simulation.h"
#include "models/workload/scenario.h"
#include "pricing/catalog.h"

/// What the model tests share: the bundled catalog, small scenarios built in code, one platform simulated
/// alone, and a comparison of money to 1e-9 USD that prints both figures in full. Expectations stay in the
/// tests, computed by hand from the rule and its source; nothing here computes an expected figure.
namespace fleetplan::test {

/// Whether one of the diagnostics is an error at `where` ("services[0].request_ms").
inline bool hasErrorAt(const QList<models::Diagnostic> &diagnostics, const QString &where)
{
    for (const models::Diagnostic &d : diagnostics) {
        if (d.isError() && d.where == where)
            return true;
    }
    return false;
}

/// Money compares to 1e-9 USD: the engine works at full double precision, so a hand-computed figure
/// agrees to rounding noise or the rule is wrong.
constexpr double UsdTolerance = 1e-9;

/// The bundled catalog (resources/catalog), without the user's price book.
inline const pricing::Catalog &catalog()
{
    return *pricing::Catalog::bundled();
}

/// The instance type `name` of the bundled catalog; fails the test (returns a default) when missing.
inline const pricing::InstanceType &instanceType(const QString &name)
{
    static const pricing::InstanceType none;
    const pricing::InstanceType *t = catalog().instanceType(name);
    if (!t)
        QTest::qFail(
            qPrintable(QStringLiteral("instance type %1 is not in the bundled catalog").arg(name)), __FILE__, __LINE__);
    return t ? *t : none;
}

/// A service of `replicas` tasks of `cpu` vCPU and `memoryMib` MiB, flat load, no autoscaling floor
/// (the default ceiling of 1,000 replicas).
inline models::Service service(const QString &name, double cpu, double memoryMib, int replicas)
{
    models::Service s;
    s.name = name;
    s.cpu = cpu;
    s.memoryMib = memoryMib;
    s.replicas = replicas;
    s.minReplicas = 0;
    return s;
}

/// A scenario "test" of these services over `hours` hours (us-east-1, every platform enabled).
inline models::Scenario scenarioWith(const QList<models::Service> &services, int hours)
{
    models::Scenario sc;
    sc.name = QStringLiteral("test");
    sc.periodHours = hours;
    sc.services = services;
    return sc;
}

/// The same with platform `id` limited to one instance type, no mixed instances.
inline models::Scenario fixedType(
    const QList<models::Service> &services, models::PlatformId id, const QString &type, int hours)
{
    models::Scenario sc = scenarioWith(services, hours);
    sc.platform(id).instanceTypes = { type };
    sc.platform(id).mixedInstances = false;
    return sc;
}

/// Platform `id` alone, constructive packing only (placement budget 0: the figures do not depend on the
/// improvement phases, so hand-computed fleets stay exact).
inline models::PlatformResult runPlatform(
    const models::Scenario &sc, models::PlatformId id, const models::WhatIf &whatIf = {})
{
    return models::simulate(sc, catalog(), whatIf, models::SimulationOptions { { id }, 0 }).platforms.constFirst();
}

} // namespace fleetplan::test

/// QVERIFY that two USD figures agree to fleetplan::test::UsdTolerance, printing both in full.
#define COMPARE_USD(actual, expected)                                                                                  \
    do {                                                                                                               \
        const double a_ = (actual), e_ = (expected);                                                                   \
        QVERIFY2(std::abs(a_ - e_) < fleetplan::test::UsdTolerance,                                                    \
            qPrintable(QStringLiteral("%1 = %2, expected %3")                                                          \
                           .arg(QStringLiteral(#actual))                                                               \
                           .arg(a_, 0, 'g', 15)                                                                        \
                           .arg(e_, 0, 'g', 15)));                                                                     \
    } while (false)
