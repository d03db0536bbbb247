// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/manpage.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTextStream>

#include "app/cli/cli.h"
#include "app/cli/commands.h"
#include "models/atomicwrite.h"

namespace fleetplan::cli {

namespace {

/// "fleetplan compare [options] SCENARIO" from a help text's first line, whatever program name it has:
/// the executable's path (QCommandLineParser's argv[0]), "fleetplan compare" or "fleetplan catalog".
QString usageLine(const Command &command, const QString &line)
{
    const QString usage = line.mid(7);
    const QString typed = QStringLiteral("fleetplan ") + command.name;
    if (usage.startsWith(typed + u' ') || usage == typed)
        return usage;
    const qsizetype options = usage.indexOf(QLatin1String(" [options]"));
    return typed + (options >= 0 ? usage.mid(options) : usage.mid(usage.indexOf(u' ')));
}

/// Turns one command's help text into man markup: usage as a synopsis line, the description as a
/// paragraph, options and arguments as tagged paragraphs.
QString commandSection(const Command &command)
{
    const QString help = commandHelpText(command);
    QString man = QStringLiteral(".SS \"fleetplan %1\"\n").arg(command.name);
    QString section; // "" (preamble), "Options:", "Arguments:"
    QString tag;
    QString description;
    auto flush = [&] {
        if (!tag.isEmpty())
            man += QStringLiteral(".TP\n.B %1\n%2\n").arg(troffEscape(tag), troffEscape(description.simplified()));
        tag.clear();
        description.clear();
    };
    static const QRegularExpression entry(QStringLiteral("^  (\\S.*?)(?:\\s{2,}(\\S.*))?$"));
    for (const QString &line : help.split(u'\n')) {
        if (line.startsWith(QLatin1String("Usage: "))) {
            man += QStringLiteral(".PP\n.B %1\n.PP\n").arg(troffEscape(usageLine(command, line)));
            continue;
        }
        if (line == u"Options:" || line == u"Arguments:" || line == u"Subcommands:") {
            flush();
            section = line;
            man += QStringLiteral(".PP\n%1\n").arg(line);
            continue;
        }
        if (section.isEmpty()) {
            if (!line.trimmed().isEmpty())
                man += troffEscape(line.trimmed()) + u'\n';
            continue;
        }
        if (line.trimmed().isEmpty()) {
            flush();
            continue;
        }
        if (line.startsWith(QLatin1String("   ")) && !tag.isEmpty()) { // a wrapped description
            description += u' ' + line.trimmed();
            continue;
        }
        const QRegularExpressionMatch m = entry.match(line);
        if (m.hasMatch()) {
            flush();
            tag = m.captured(1);
            description = m.captured(2);
        } else if (!line.startsWith(u' ')) { // a paragraph after a list ("Every subcommand takes ...")
            flush();
            man += QStringLiteral(".PP\n%1\n").arg(troffEscape(line.trimmed()));
        }
    }
    flush();
    return man;
}

} // namespace

QString commandHelpText(const Command &command, const QStringList &args)
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    Context ctx { args, outStream, errStream };
    command.run(ctx);
    outStream.flush();
    return out;
}

QString troffEscape(const QString &text)
{
    QString t = text;
    t.replace(u'\\', QStringLiteral("\\e"));
    t.replace(u'-', QStringLiteral("\\-"));
    if (t.startsWith(u'.') || t.startsWith(u'\''))
        t.prepend(QStringLiteral("\\&"));
    return t;
}

QString manPage()
{
    QString man = QStringLiteral(".TH FLEETPLAN 1 \"\" \"fleetplan %1\" \"User Commands\"\n")
                      .arg(QStringLiteral(FLEETPLAN_VERSION));
    man += QStringLiteral(
        ".SH NAME\nfleetplan \\- plan the cost and capacity of container fleets on AWS\n"
        ".SH SYNOPSIS\n.B fleetplan\n[\\fIFILE\\fR]\n.br\n.B fleetplan\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n"
        ".br\n.B fleetplan\n\\-\\-help | \\-\\-version\n"
        ".SH DESCRIPTION\n"
        "Fleetplan compares what a container workload costs on ECS on EC2, ECS Fargate, ECS Fargate Spot, "
        "EKS managed nodes and EKS Fargate. Without a command it opens the desktop application on "
        "\\fIFILE\\fR (or the bundled sample). With a command it runs without a display.\n"
        ".PP\nA \\fIFILE\\fR or \\fISCENARIO\\fR of \\fB\\-\\fR reads standard input; an output "
        "file of \\fB\\-\\fR writes standard output.\n"
        ".SH COMMANDS\n");
    for (const Command &command : commands()) {
        if (command.name == u"manpage")
            continue;
        man += QStringLiteral(".PP\n.B %1\n\\- %2\n").arg(command.name, troffEscape(command.summary));
    }
    for (const Command &command : commands()) {
        if (command.name == u"manpage")
            continue;
        man += commandSection(command);
    }
    man += QStringLiteral(
        ".SH EXIT STATUS\n"
        ".TP\n.B 0\nSuccess.\n"
        ".TP\n.B 1\nUsage error (unknown option, missing argument).\n"
        ".TP\n.B 2\nInvalid input: the message on standard error names the file and the place.\n"
        ".TP\n.B 3\nA gate failed (\\fB\\-\\-fail\\-above\\fR, \\fB\\-\\-fail\\-above\\-change\\fR).\n"
        ".SH ENVIRONMENT\n"
        ".TP\n.B FLEETPLAN_PRICEBOOK\nThe price book file layered over the bundled catalog (after "
        "\\fB\\-\\-pricebook\\fR and \\fB\\-\\-bundled\\-only\\fR, before the config file); a file that does "
        "not exist means none.\n"
        ".TP\n.B FLEETPLAN_CATALOG\nA catalog.sqlite to read in place of the embedded catalog.\n"
        ".TP\n.B XDG_CONFIG_HOME\nThe user config file is \\fI$XDG_CONFIG_HOME/fleetplan/config.json\\fR; a "
        "\\fI.fleetplan.json\\fR beside the scenario comes first.\n"
        ".TP\n.B QT_QPA_PLATFORM\nThe desktop app's platform. Commands never need a display: \\fBreport\\fR "
        "always renders its charts on the \\fBoffscreen\\fR platform. On \\fBoffscreen\\fR the desktop app "
        "refuses to open unless \\fBFLEETPLAN_ALLOW_OFFSCREEN_GUI\\fR is set.\n"
        ".SH EXAMPLES\n"
        ".nf\nfleetplan compare shop.json \\-\\-format json\n"
        "fleetplan compare shop.json \\-\\-diff shop\\-bigger.json\n"
        "fleetplan diff base.json shop.json \\-\\-format github\\-comment \\-\\-fail\\-above\\-change 10%\n"
        "fleetplan compare shop.json \\-\\-fail\\-above 5000 \\-\\-fail\\-above eks\\-nodes=4000\n"
        "fleetplan sweep shop.json \\-\\-load 0.5:3:0.1 \\-\\-format json\n"
        "fleetplan sensitivity shop.json \\-\\-fast\n"
        "fleetplan report shop.json \\-o shop.pdf \\-\\-page\\-size Letter\n.fi\n"
        ".SH FILES\n.TP\n.I .fleetplan.json\nConfig file beside the scenario: \\fBpricebook\\fR, \\fBbundled_only\\fR, "
        "\\fBregion\\fR (docs/cli.md).\n"
        ".SH SEE ALSO\nThe documentation in /usr/share/doc/fleetplan: docs/cli.md, docs/ci.md, docs/compare-json.md "
        "and docs/reports.md.\n");
    return man;
}

int runManpage(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the manual page fleetplan(1), generated from every command's options."));
    parser.addHelpOption();
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOption(outputOption);
    if (!parser.parse(QStringList { QStringLiteral("fleetplan manpage") } + ctx.args)) {
        ctx.err << "fleetplan manpage: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        ctx.err << "fleetplan manpage: unexpected argument \"" << parser.positionalArguments().constFirst() << "\"\n";
        return UsageError;
    }
    const QString text = manPage();
    const QString output = parser.value(outputOption);
    if (output.isEmpty() || output == u"-") {
        ctx.out << text;
        return Ok;
    }
    QString reason;
    if (!models::writeFileAtomically(output, text.toUtf8(), &reason)) {
        ctx.err << "fleetplan manpage: " << output << ": cannot write: " << reason << '\n';
        return InvalidInput;
    }
    return Ok;
}

} // namespace fleetplan::cli
