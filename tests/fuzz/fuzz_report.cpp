// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Markdown report writer with hostile names. The input, split at newlines, becomes the
// names of a scenario and its services (only names validation accepts: no control characters), a platform
// warning and an infeasibility; the report must contain no raw "<script" and no ESC.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "app/report/reportcontent.h"
#include "app/report/reportformats.h"
#include "models/diagnostic.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace fleetplan;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList names = text.split(u'\n');
    models::Scenario scenario;
    scenario.name = names.value(0);
    for (qsizetype i = 1; i < names.size() && i < 6; ++i) {
        models::Service s;
        s.name = names.at(i);
        scenario.services.append(s);
    }
    for (const QString &name : names) {
        if (models::firstControlCharacter(name) >= 0)
            return 0; // refused by validation before any report is written
    }
    models::CostReport report;
    report.scenarioName = scenario.name;
    report.region = scenario.region;
    report.hours = 730;
    models::PlatformResult platform;
    platform.id = models::PlatformId::EcsFargate;
    platform.totalUsd = 1.0;
    platform.warnings.append(names.value(1));
    if (names.size() > 2)
        platform.infeasible.append({ names.value(2), names.value(3) });
    report.platforms.append(platform);

    const app::ReportContent content = app::buildReportContent(report, scenario, {});
    const QByteArray markdown = app::renderMarkdownReport(content);
    if (markdown.toLower().contains("<script") || markdown.contains('\x1b'))
        std::abort();
    return 0;
}
