// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sourcecitation.h"

#include <array>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace fleetplan::views {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SourceCitation", text);
}

/// The AWS service a price-feed file belongs to ("ecs/ecs.json" → Fargate).
QString feedService(const QString &source)
{
    struct Feed
    {
        const char *file;
        const char *service;
    };
    static const auto feeds = std::to_array<Feed>({
        { "ecs.json", QT_TRANSLATE_NOOP("SourceCitation", "AWS Fargate price list") },
        { "AmazonECS", QT_TRANSLATE_NOOP("SourceCitation", "AWS Fargate price list") },
        { "eks.json", QT_TRANSLATE_NOOP("SourceCitation", "Amazon EKS price list") },
        { "ebs.json", QT_TRANSLATE_NOOP("SourceCitation", "Amazon EBS price list") },
        { "natgateway.json", QT_TRANSLATE_NOOP("SourceCitation", "Amazon VPC NAT gateway price list") },
        { "vpc.json", QT_TRANSLATE_NOOP("SourceCitation", "Amazon VPC price list") },
        { "cloudwatch.json", QT_TRANSLATE_NOOP("SourceCitation", "Amazon CloudWatch price list") },
        { "reservedinstance", QT_TRANSLATE_NOOP("SourceCitation", "AWS EC2 Reserved Instance price list") },
        { "SavingsPlan", QT_TRANSLATE_NOOP("SourceCitation", "AWS Savings Plans price list") },
        { "AppRunner", QT_TRANSLATE_NOOP("SourceCitation", "AWS App Runner price list") },
    });
    for (const Feed &f : feeds) {
        if (source.contains(QLatin1String(f.file)))
            return tr(f.service);
    }
    return tr("AWS price list");
}

/// Who published the figure, from the first citation of `source` (a citation may list several, " | ").
QString publisher(const QString &first)
{
    const QString lower = first.toLower();
    if (lower == u"vantage" || lower == u"vantage-windows" || lower.startsWith(u"instances.vantage.sh"))
        return tr("Vantage EC2 price data (instances.vantage.sh)");
    if (lower == u"karpenter" || lower.startsWith(u"aws/karpenter"))
        return tr("AWS EC2 price list (as published in Karpenter)");
    if (lower.startsWith(u"aws price feed") || lower.startsWith(u"aws ebs price feed")
        || lower.startsWith(u"aws ec2 ri price feed") || lower.startsWith(u"aws price list")
        || lower.startsWith(u"awscomputesavingsplan") || lower.startsWith(u"awssavingsplan"))
        return feedService(first);
    if (lower.startsWith(u"aws app runner pricing page"))
        return tr("AWS App Runner pricing page");
    if (lower.startsWith(u"aws fargate pricing page"))
        return tr("AWS Fargate pricing page");
    if (lower.startsWith(u"aws savings plans"))
        return tr("AWS Savings Plans page");
    if (lower.startsWith(u"docs.aws.amazon.com") || lower.startsWith(u"aws containers blog")
        || lower.startsWith(u"awsdocs/"))
        return tr("AWS documentation");
    if (lower.startsWith(u"awslabs/") || lower.startsWith(u"aws/"))
        return tr("AWS open-source code (%1)").arg(first.section(u'/', 1, 1).section(u' ', 0, 0));
    if (lower.startsWith(u"infracost/"))
        return tr("Infracost test data");
    if (lower.startsWith(u"derived"))
        return tr("derived in the Fleetplan catalog");
    // A web page: its site ("cloudburn.io/blog/…" → cloudburn.io), a repository: its owner's project.
    static const QRegularExpression site(QStringLiteral("^([a-z0-9-]+(\\.[a-z0-9-]+)+)(/|\\s|$)"));
    const QRegularExpressionMatch web = site.match(lower);
    if (web.hasMatch())
        return tr("third-party page %1").arg(web.captured(1));
    static const QRegularExpression repo(QStringLiteral("^([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)\\s"));
    const QRegularExpressionMatch project = repo.match(first);
    if (project.hasMatch())
        return tr("third-party project %1 on GitHub").arg(project.captured(2));
    // Anything else: its first words, never more than a short phrase.
    QString words = first.section(QRegularExpression(QStringLiteral("[(;:,]")), 0, 0).simplified();
    if (words.size() > 48)
        words = words.left(47) + u'…';
    return words.isEmpty() ? tr("unnamed source") : words;
}

/// The figure's date: the row's as_of when it is a date, else the first date the citation gives
/// ("publication 2025-10-27", "publication 20250828172723", "(2026; …").
QString dateOf(const QString &source, const QString &asOf)
{
    if (!asOf.isEmpty() && asOf.at(0).isDigit())
        return asOf;
    static const QRegularExpression iso(QStringLiteral("\\b(20\\d\\d)-(\\d\\d)(?:-(\\d\\d))?"));
    static const QRegularExpression compact(QStringLiteral("\\b(20\\d\\d)(\\d\\d)(\\d\\d)\\d{0,6}\\b"));
    static const QRegularExpression year(QStringLiteral("\\b(20\\d\\d)\\b"));
    if (const QRegularExpressionMatch m = iso.match(source); m.hasMatch())
        return m.captured(1) + u'-' + m.captured(2) + (m.captured(3).isEmpty() ? QString() : u'-' + m.captured(3));
    if (const QRegularExpressionMatch m = compact.match(source); m.hasMatch())
        return m.captured(1) + u'-' + m.captured(2) + u'-' + m.captured(3);
    if (const QRegularExpressionMatch m = year.match(source); m.hasMatch())
        return m.captured(1);
    return {};
}

} // namespace

QString withoutInternalTags(const QString &source)
{
    // Bookkeeping of the catalog's builder: where a page was read, not who published it.
    static const QRegularExpression alone(QStringLiteral("\\s*\\(pages corpus\\)"));
    static const QRegularExpression listed(QStringLiteral("\\s*[;,]\\s*pages corpus\\b"));
    static const QRegularExpression leading(QStringLiteral("\\bpages corpus\\s*[;,]\\s*"));
    QString text = source;
    text.remove(alone);
    text.remove(listed);
    text.remove(leading);
    return text.simplified();
}

SourceCitation citeSource(const QString &source, const QString &asOf)
{
    SourceCitation c;
    c.full = withoutInternalTags(source);
    const QString first = c.full.section(QStringLiteral(" | "), 0, 0).trimmed();
    // A table of the bundled catalog itself ("fargate_rates.csv spot_* rows"): its dates are on each rate.
    static const QRegularExpression file(QStringLiteral("^([a-z0-9_]+\\.csv)\\b"));
    if (const QRegularExpressionMatch m = file.match(first); m.hasMatch()) {
        c.label = tr("bundled catalog, %1").arg(m.captured(1));
        return c;
    }
    c.label = publisher(first);
    const QString date = dateOf(first, asOf);
    c.label += date.isEmpty() ? tr(", undated") : QStringLiteral(", ") + date;
    if (c.full.isEmpty())
        c.full = c.label;
    return c;
}

QString estimatedMark()
{
    return tr("≈ estimated");
}

} // namespace fleetplan::views
