// SPDX-License-Identifier: GPL-3.0-or-later
// `fleetplan completions bash|zsh`: shell completion scripts generated from the commands' own option
// definitions, read from the same `--help` texts as the man page (manpage.cpp).
#include "app/cli/completions.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include "app/cli/cli.h"
#include "app/cli/commands.h"
#include "app/cli/manpage.h"
#include "models/atomicwrite.h"

namespace fleetplan::cli {

namespace {

/// Turns "Output format: table (default), json or csv." into {table, json, csv}: the words after the
/// colon once the parenthesised remarks are gone. Only for a FORMAT value or a description with a colon.
QStringList valueWords(const QString &valueName, const QString &description)
{
    static const QRegularExpression parens(QStringLiteral("\\([^)]*\\)"));
    QString text = QString(description).remove(parens);
    const qsizetype colon = text.indexOf(u':');
    if (colon >= 0)
        text = text.mid(colon + 1);
    else if (!valueName.contains(QLatin1String("FORMAT")))
        return {};
    static const QRegularExpression separators(QStringLiteral("[\\s,.;]+"));
    static const QRegularExpression word(QStringLiteral("^[A-Za-z][A-Za-z0-9-]*$"));
    QStringList words;
    for (const QString &w : text.split(separators, Qt::SkipEmptyParts)) {
        if (w == u"or" || w == u"and" || !word.match(w).hasMatch())
            continue;
        if (!words.contains(w))
            words.append(w);
    }
    // A sentence, not a list of values ("Exit with status 3 when ...").
    return words.size() <= 8 ? words : QStringList();
}

bool isFileValue(const QString &valueName)
{
    return valueName.contains(QLatin1String("FILE")) || valueName.contains(QLatin1String("SCENARIO"))
        || valueName == u"OTHER" || valueName == u"BASE" || valueName.endsWith(QLatin1String(".json"))
        || valueName.contains(QLatin1String("DIR"));
}

/// The "Options:" and "Subcommands:" lists of a help text.
CompletionSpec parseHelp(const QString &name, const QString &summary, const QString &help)
{
    CompletionSpec spec;
    spec.name = name;
    spec.summary = summary;
    QString section;
    static const QRegularExpression entry(QStringLiteral("^  (\\S.*?)(?:\\s{2,}(\\S.*))?$"));
    static const QRegularExpression value(QStringLiteral("<([^>]+)>"));
    CompletionOption *last = nullptr;
    for (const QString &line : help.split(u'\n')) {
        if (line == u"Options:" || line == u"Arguments:" || line == u"Subcommands:") {
            section = line;
            last = nullptr;
            continue;
        }
        if (section.isEmpty() || line.trimmed().isEmpty())
            continue;
        if (line.startsWith(QLatin1String("   ")) && last) { // a wrapped description
            last->description += u' ' + line.trimmed();
            continue;
        }
        const QRegularExpressionMatch m = entry.match(line);
        if (!m.hasMatch())
            continue;
        if (section == u"Subcommands:") {
            CompletionSpec sub;
            sub.name = m.captured(1).section(u' ', 0, 0);
            sub.summary = m.captured(2);
            spec.subcommands.append(sub);
            continue;
        }
        if (section != u"Options:")
            continue;
        CompletionOption option;
        QString tag = m.captured(1);
        const QRegularExpressionMatch v = value.match(tag);
        if (v.hasMatch()) {
            option.valueName = v.captured(1);
            tag = tag.left(v.capturedStart()).trimmed();
        }
        for (const QString &n : tag.split(u',', Qt::SkipEmptyParts))
            option.names.append(n.trimmed());
        option.description = m.captured(2);
        spec.options.append(option);
        last = &spec.options.last();
    }
    for (CompletionOption &o : spec.options) {
        o.values = valueWords(o.valueName, o.description);
        o.takesFile = isFileValue(o.valueName);
    }
    return spec;
}

QString shellWords(const QStringList &words)
{
    return words.join(u' ');
}

/// The first sentence, in words zsh's _arguments can hold between brackets.
QString zshDescription(const QString &description)
{
    QString d = description.section(QLatin1String(". "), 0, 0);
    if (d.endsWith(u'.'))
        d.chop(1);
    d.replace(u'[', u'(').replace(u']', u')').replace(u':', u';');
    // Backslashes first: the quote's own escape must not be doubled (a description with "one's" broke
    // the whole script: zsh -n failed at that line).
    d.replace(u'\\', QLatin1String("\\\\"));
    d.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return d;
}

QString bashCaseFor(const CompletionSpec &spec, const QString &indent)
{
    QString text;
    QStringList names;
    QString valueCases;
    for (const CompletionOption &o : spec.options) {
        names += o.names;
        if (o.valueName.isEmpty())
            continue;
        const QString pattern = o.names.join(u'|');
        if (!o.values.isEmpty())
            valueCases += indent
                + QStringLiteral("    %1) COMPREPLY=( $(compgen -W \"%2\" -- \"$cur\") ); return ;;\n")
                      .arg(pattern, shellWords(o.values));
        else if (o.takesFile)
            valueCases
                += indent + QStringLiteral("    %1) COMPREPLY=( $(compgen -f -- \"$cur\") ); return ;;\n").arg(pattern);
        else
            valueCases += indent + QStringLiteral("    %1) return ;;\n").arg(pattern);
    }
    if (!valueCases.isEmpty())
        text += indent + QStringLiteral("case \"$prev\" in\n") + valueCases + indent + QStringLiteral("esac\n");
    text += indent + QStringLiteral("if [[ \"$cur\" == -* ]]; then\n");
    text += indent + QStringLiteral("    COMPREPLY=( $(compgen -W \"%1\" -- \"$cur\") )\n").arg(shellWords(names));
    text += indent + QStringLiteral("else\n");
    text += indent + QStringLiteral("    COMPREPLY=( $(compgen -f -- \"$cur\") )\n");
    text += indent + QStringLiteral("fi\n");
    return text;
}

QString zshArguments(const CompletionSpec &spec, const QString &indent)
{
    QString text = indent + QStringLiteral("_arguments -s \\\n");
    for (const CompletionOption &o : spec.options) {
        QString action;
        if (!o.valueName.isEmpty()) {
            const QString label = QString(o.valueName).remove(u'[').remove(u']').replace(u':', u';');
            if (!o.values.isEmpty())
                action = QStringLiteral(":%1:(%2)").arg(label, shellWords(o.values));
            else if (o.takesFile)
                action = QStringLiteral(":%1:_files").arg(label);
            else
                action = QStringLiteral(":%1: ").arg(label);
        }
        for (const QString &n : o.names)
            text += indent + QStringLiteral("    '*%1[%2]%3' \\\n").arg(n, zshDescription(o.description), action);
    }
    text += indent + QStringLiteral("    '*:file:_files'\n");
    return text;
}

} // namespace

QList<CompletionSpec> completionSpecs()
{
    QList<CompletionSpec> specs;
    for (const Command &command : commands()) {
        CompletionSpec spec = parseHelp(command.name, command.summary, commandHelpText(command));
        for (CompletionSpec &sub : spec.subcommands) {
            const CompletionSpec parsed
                = parseHelp(sub.name, sub.summary, commandHelpText(command, { sub.name, QStringLiteral("--help") }));
            sub.options = parsed.options;
        }
        specs.append(spec);
    }
    return specs;
}

QString bashCompletion()
{
    const QList<CompletionSpec> specs = completionSpecs();
    QStringList names;
    for (const CompletionSpec &s : specs)
        names.append(s.name);
    QString text = QStringLiteral(
        "# bash completion for fleetplan(1), generated by `fleetplan completions bash` from the commands'\n"
        "# option definitions (the same as the man page). Install as\n"
        "# share/bash-completion/completions/fleetplan.\n"
        "_fleetplan()\n"
        "{\n"
        "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
        "    compopt -o filenames 2>/dev/null\n"
        "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
        "        if [[ \"$cur\" == -* ]]; then\n"
        "            COMPREPLY=( $(compgen -W \"--help --version\" -- \"$cur\") )\n"
        "        else\n"
        "            COMPREPLY=( $(compgen -W \"%1\" -- \"$cur\") $(compgen -f -- \"$cur\") )\n"
        "        fi\n"
        "        return\n"
        "    fi\n"
        "    case \"${COMP_WORDS[1]}\" in\n")
                       .arg(shellWords(names));
    for (const CompletionSpec &s : specs) {
        text += QStringLiteral("    %1)\n").arg(s.name);
        if (s.subcommands.isEmpty()) {
            text += bashCaseFor(s, QStringLiteral("        "));
        } else {
            QStringList subs;
            for (const CompletionSpec &sub : s.subcommands)
                subs.append(sub.name);
            text += QStringLiteral("        if [[ $COMP_CWORD -eq 2 ]]; then\n"
                                   "            COMPREPLY=( $(compgen -W \"%1\" -- \"$cur\") )\n"
                                   "            return\n"
                                   "        fi\n"
                                   "        case \"${COMP_WORDS[2]}\" in\n")
                        .arg(shellWords(subs));
            for (const CompletionSpec &sub : s.subcommands)
                text += QStringLiteral("        %1)\n").arg(sub.name) + bashCaseFor(sub, QStringLiteral("            "))
                    + QStringLiteral("            ;;\n");
            text += QStringLiteral("        esac\n");
        }
        text += QStringLiteral("        ;;\n");
    }
    text += QStringLiteral("    esac\n"
                           "}\n"
                           "complete -F _fleetplan fleetplan\n");
    return text;
}

QString zshCompletion()
{
    const QList<CompletionSpec> specs = completionSpecs();
    QString text
        = QStringLiteral("#compdef fleetplan\n"
                         "# zsh completion for fleetplan(1), generated by `fleetplan completions zsh` from the "
                         "commands'\n"
                         "# option definitions (the same as the man page). Install as\n"
                         "# share/zsh/vendor-completions/_fleetplan.\n"
                         "_fleetplan() {\n"
                         "    local -a commands\n"
                         "    commands=(\n");
    for (const CompletionSpec &s : specs)
        text += QStringLiteral("        '%1:%2'\n").arg(s.name, zshDescription(s.summary));
    text += QStringLiteral("    )\n"
                           "    if (( CURRENT == 2 )); then\n"
                           "        _describe -t commands 'fleetplan command' commands\n"
                           "        _files\n"
                           "        return\n"
                           "    fi\n"
                           "    local command=$words[2]\n"
                           "    shift words\n"
                           "    (( CURRENT-- ))\n"
                           "    case $command in\n");
    for (const CompletionSpec &s : specs) {
        text += QStringLiteral("    %1)\n").arg(s.name);
        if (s.subcommands.isEmpty()) {
            text += zshArguments(s, QStringLiteral("        "));
        } else {
            text += QStringLiteral("        if (( CURRENT == 2 )); then\n"
                                   "            local -a subcommands\n"
                                   "            subcommands=(\n");
            for (const CompletionSpec &sub : s.subcommands)
                text += QStringLiteral("                '%1:%2'\n").arg(sub.name, zshDescription(sub.summary));
            text += QStringLiteral("            )\n"
                                   "            _describe -t subcommands 'fleetplan %1 subcommand' subcommands\n"
                                   "            return\n"
                                   "        fi\n"
                                   "        local subcommand=$words[2]\n"
                                   "        shift words\n"
                                   "        (( CURRENT-- ))\n"
                                   "        case $subcommand in\n")
                        .arg(s.name);
            for (const CompletionSpec &sub : s.subcommands)
                text += QStringLiteral("        %1)\n").arg(sub.name)
                    + zshArguments(sub, QStringLiteral("            ")) + QStringLiteral("            ;;\n");
            text += QStringLiteral("        esac\n");
        }
        text += QStringLiteral("        ;;\n");
    }
    text += QStringLiteral("    esac\n"
                           "}\n"
                           "_fleetplan \"$@\"\n");
    return text;
}

int runCompletions(Context &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a shell completion script for bash or zsh, generated from every command's options (the same "
        "definitions as the man page). bash: source it, or install it as "
        "share/bash-completion/completions/fleetplan; zsh: install it as _fleetplan in a folder of $fpath."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("SHELL"), QStringLiteral("bash or zsh"));
    const QCommandLineOption outputOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOption(outputOption);
    if (!parser.parse(QStringList { QStringLiteral("fleetplan completions") } + ctx.args)) {
        ctx.err << "fleetplan completions: " << parser.errorText() << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || (positional.constFirst() != u"bash" && positional.constFirst() != u"zsh")) {
        ctx.err << "fleetplan completions: expected one SHELL, bash or zsh"
                << (positional.isEmpty() ? QString() : QStringLiteral(", not \"%1\"").arg(positional.join(u' ')))
                << '\n';
        return UsageError;
    }
    const QString text = positional.constFirst() == u"bash" ? bashCompletion() : zshCompletion();
    const QString output = parser.value(outputOption);
    if (output.isEmpty() || output == u"-") {
        ctx.out << text;
        return Ok;
    }
    QString reason;
    if (!models::writeFileAtomically(output, text.toUtf8(), &reason)) {
        ctx.err << "fleetplan completions: " << output << ": cannot write: " << reason << '\n';
        return InvalidInput;
    }
    return Ok;
}

} // namespace fleetplan::cli
