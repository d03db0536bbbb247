// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the HTML report writer, with its charts drawn as SVG, and the CSV cell guard, fed
// hostile names. The input, split at newlines, becomes the names of a scenario and its services (only
// names validation accepts: no control characters), a platform warning and an infeasibility. The HTML
// must carry no element a name brought in (<script, <img, <iframe) and exactly as
// many '<' as the same report of names with every '<' replaced (a name never opens a tag, in the tables
// or in the charts' SVG); a guarded CSV cell never starts a formula.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QApplication>

#include "app/cli/csvfield.h"
#include "app/report/reportcharts.h"
#include "app/report/reportcontent.h"
#include "app/report/reportformats.h"
#include "models/diagnostic.h"

namespace {

QApplication *application = nullptr; // reachable for the whole run: widgets (the charts) need it

QString htmlReportOf(const QStringList &names)
{
    using namespace fleetplan;
    models::Scenario scenario;
    scenario.name = names.value(0);
    for (qsizetype i = 1; i < names.size(); ++i) {
        models::Service s;
        s.name = names.at(i);
        scenario.services.append(s);
    }
    models::CostReport report;
    report.scenarioName = scenario.name;
    report.region = scenario.region;
    report.hours = 24;
    models::PlatformResult platform;
    platform.id = models::PlatformId::EcsFargate;
    platform.totalUsd = 1.0;
    platform.series.costUsd = QList<double>(24, 1.0 / 24);
    platform.series.tasks = QList<int>(24, 1);
    platform.warnings.append(names.value(1));
    report.platforms.append(platform);
    models::PlatformResult infeasible;
    infeasible.id = models::PlatformId::EcsEc2;
    if (names.size() > 2)
        infeasible.infeasible.append({ names.value(2), names.value(3) });
    report.platforms.append(infeasible);

    const app::ReportContent content = app::buildReportContent(report, scenario, {});
    const app::ReportCharts charts(report);
    return QString::fromUtf8(app::renderHtmlReport(content, charts));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    application = new QApplication(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace fleetplan;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList names = text.split(u'\n');
    if (names.size() > 6)
        names.resize(6);
    for (const QString &name : names) {
        if (models::firstControlCharacter(name) >= 0)
            return 0; // refused by validation before any report is written
    }

    for (const QString &name : names) {
        const QString cell = cli::csvField(name);
        const QString unquoted = cell.startsWith(u'"') ? cell.mid(1) : cell;
        if (!unquoted.isEmpty() && QStringLiteral("=+-@\t\r").contains(unquoted.front()))
            std::abort();
    }

    const QString html = htmlReportOf(names);
    const QString lower = html.toLower();
    // "javascript:" as text is harmless once escaped; only a tag could make it a link, and the count of '<'
    // below catches any tag a name brings.
    for (const char *raw : { "<script", "<img", "<iframe" }) {
        if (lower.contains(QLatin1String(raw)))
            std::abort();
    }
    QStringList tame = names;
    bool markup = false;
    for (QString &name : tame) {
        markup = markup || name.contains(u'<');
        name.replace(u'<', u'(');
    }
    if (markup && htmlReportOf(tame).count(u'<') != html.count(u'<'))
        std::abort();
    return 0;
}
