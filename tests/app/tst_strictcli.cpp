// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 22, strict command handling: a mistyped command is a usage error, never the desktop app; the app
// opens only on an existing file and with a display; usage lines, the man page and the completions.
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "common/clirunner.h"

class TestStrictCli : public QObject
{
    Q_OBJECT

private:
    using Run = fleetplan::test::CliRun;
    static Run run(const QStringList &args, const QProcessEnvironment &env = {})
    {
        return fleetplan::test::runFleetplan(args, {}, env, 30000);
    }
    static QString sample() { return QStringLiteral(FLEETPLAN_SOURCE_DIR "/resources/samples/online-shop.json"); }
    static QProcessEnvironment env(const QString &key, const QString &value)
    {
        QProcessEnvironment e;
        e.insert(key, value);
        return e;
    }
    static const QString &hint()
    {
        static const QString text = QStringLiteral("Run 'fleetplan --help' for the commands; 'fleetplan FILE' opens "
                                                   "an existing scenario file in the desktop app.\n");
        return text;
    }

private slots:
    void mistypedCommandSuggestsTheNearest_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("message");
        QTest::newRow("swap") << QStringLiteral("comapre")
                              << QStringLiteral("fleetplan: unknown command 'comapre'; did you mean compare?\n");
        QTest::newRow("missing letter") << QStringLiteral("reprt")
                                        << QStringLiteral("fleetplan: unknown command 'reprt'; did you mean report?\n");
        QTest::newRow("prefix") << QStringLiteral("sens")
                                << QStringLiteral("fleetplan: unknown command 'sens'; did you mean sensitivity?\n");
        QTest::newRow("upper case") << QStringLiteral(
            "VALIDATE") << QStringLiteral("fleetplan: unknown command 'VALIDATE'; did you mean validate?\n");
        QTest::newRow("far from any") << QStringLiteral("frobnicate")
                                      << QStringLiteral("fleetplan: unknown command 'frobnicate'\n");
        QTest::newRow("a missing file") << QStringLiteral("no-such-scenario.json")
                                        << QStringLiteral("fleetplan: unknown command 'no-such-scenario.json', and no "
                                                          "scenario file of that name\n");
    }
    void mistypedCommandSuggestsTheNearest()
    {
        QFETCH(QString, word);
        QFETCH(QString, message);
        // With a display the desktop app would have opened before: it must not even try.
        const Run r = run({ word, sample() }, env(QStringLiteral("DISPLAY"), QStringLiteral(":97")));
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, message + hint());
    }

    void aFileArgumentWithoutADisplayIsRefusedNotHung()
    {
        // QT_QPA_PLATFORM=offscreen, an existing file: the window could never be seen or closed.
        const Run offscreen = run({ sample() }, env(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")));
        QCOMPARE(offscreen.code, 1);
        QCOMPARE(offscreen.out, QString());
        QCOMPARE(offscreen.err,
            QStringLiteral("fleetplan: the desktop app needs a display, and QT_QPA_PLATFORM=offscreen has none (a "
                           "window there would wait for input forever); run a command instead (fleetplan --help), "
                           "or set FLEETPLAN_ALLOW_OFFSCREEN_GUI=1\n"));
#if defined(Q_OS_LINUX)
        // No DISPLAY, no WAYLAND_DISPLAY, no platform (runFleetplan removes all three), and xcb inherited.
        const QString noDisplay = QStringLiteral("fleetplan: the desktop app needs a display, and neither DISPLAY nor "
                                                 "WAYLAND_DISPLAY is set; run a command instead (fleetplan --help)\n");
        const Run plain = run({ sample() });
        QCOMPARE(plain.code, 1);
        QCOMPARE(plain.err, noDisplay);
        const Run none = run({});
        QCOMPARE(none.code, 1);
        QCOMPARE(none.err, noDisplay);
        const Run xcb = run({ sample() }, env(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")));
        QCOMPARE(xcb.code, 1);
        QCOMPARE(xcb.err, noDisplay);
#endif
    }

    void theAppTakesOneFile()
    {
        const Run r = run({ sample(), QStringLiteral("--format"), QStringLiteral("json") },
            env(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")));
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err,
            QStringLiteral("fleetplan: the desktop app opens one scenario file; \"--format\" after it is not an "
                           "option of the app (commands: fleetplan --help)\n"));
    }

    void usageLinesNameTheCommand_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("usage");
        QTest::newRow("compare") << QStringLiteral("compare")
                                 << QStringLiteral("Usage: fleetplan compare [options] SCENARIO\n");
        QTest::newRow("diff") << QStringLiteral("diff")
                              << QStringLiteral("Usage: fleetplan diff [options] BEFORE AFTER\n");
        QTest::newRow("report") << QStringLiteral("report")
                                << QStringLiteral("Usage: fleetplan report [options] SCENARIO\n");
        QTest::newRow("validate") << QStringLiteral("validate")
                                  << QStringLiteral("Usage: fleetplan validate [options] FILE\n");
        QTest::newRow("sweep") << QStringLiteral("sweep")
                               << QStringLiteral("Usage: fleetplan sweep [options] SCENARIO\n");
        QTest::newRow("completions") << QStringLiteral("completions")
                                     << QStringLiteral("Usage: fleetplan completions [options] SHELL\n");
    }
    void usageLinesNameTheCommand()
    {
        QFETCH(QString, command);
        QFETCH(QString, usage);
        const Run r = run({ command, QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.left(r.out.indexOf(u'\n') + 1), usage);
    }

    void manPageHasNoDoubledNamesAndListsSubcommands()
    {
        const Run r = run({ QStringLiteral("manpage") });
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.contains(QStringLiteral("catalog catalog")));
        QVERIFY(r.out.contains(QStringLiteral(".B fleetplan catalog SUBCOMMAND [OPTIONS]\n")));
        QVERIFY(r.out.contains(QStringLiteral(".B fleetplan compare [options] SCENARIO\n")));
        // Each subcommand its own tagged paragraph, not one run-on paragraph.
        QVERIFY2(r.out.contains(QStringLiteral("Subcommands:\n.TP\n.B regions\nregions with their key rates\n.TP\n"
                                               ".B instances [\\-\\-region R] [\\-\\-family F] [\\-\\-arch A]\n")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral(".PP\nEvery subcommand takes")));
        QVERIFY(r.out.contains(QStringLiteral(".SS \"fleetplan diff\"\n")));
        QVERIFY(r.out.contains(QStringLiteral(".B FLEETPLAN_PRICEBOOK\n")));
        QVERIFY(r.out.contains(QStringLiteral(".B \\-\\-fail\\-above\\-change <[PLATFORM=]CHANGE>\n")));
    }

    void reportQuietPrintsNothing()
    {
        QTemporaryDir dir;
        QProcessEnvironment e;
        e.insert(QStringLiteral("XDG_RUNTIME_DIR"), QString()); // Qt would warn about it
        const QString html = dir.filePath(QStringLiteral("r.html"));
        const Run r = run({ QStringLiteral("report"), sample(), QStringLiteral("-o"), html, QStringLiteral("-q") }, e);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, QString());
        QVERIFY(QFileInfo(html).size() > 1000);
    }

    void inheritedXcbWithoutDisplayStillRendersReports()
    {
        QTemporaryDir dir;
        for (const char *suffix : { "pdf", "html" }) {
            const QString file = dir.filePath(QStringLiteral("r.") + QLatin1String(suffix));
            const Run r = run({ QStringLiteral("report"), sample(), QStringLiteral("-o"), file, QStringLiteral("-q") },
                env(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")));
            QVERIFY2(r.code == 0, qPrintable(QLatin1String(suffix) + r.err));
            QCOMPARE(r.err, QString());
            QVERIFY(QFileInfo(file).size() > 1000);
        }
    }

    void completionsComeFromTheOptionDefinitions()
    {
        const Run bash = run({ QStringLiteral("completions"), QStringLiteral("bash") });
        QCOMPARE(bash.code, 0);
        QVERIFY(bash.out.contains(QStringLiteral("complete -F _fleetplan fleetplan\n")));
        QVERIFY(bash.out.contains(
            QStringLiteral("COMPREPLY=( $(compgen -W \"validate convert import compare diff sweep sensitivity catalog "
                           "report manpage completions pack\" -- \"$cur\") $(compgen -f -- \"$cur\") )")));
        QVERIFY(bash.out.contains(QStringLiteral("--format) COMPREPLY=( $(compgen -W \"table json csv markdown "
                                                 "github-comment\" -- \"$cur\") ); return ;;")));
        QVERIFY(bash.out.contains(
            QStringLiteral("--platform) COMPREPLY=( $(compgen -W \"ecs-ec2 ecs-fargate "
                           "ecs-fargate-spot eks-nodes eks-fargate app-runner\" -- \"$cur\") ); return ;;")));
        QVERIFY(bash.out.contains(QStringLiteral("--fail-above-change")));
        QVERIFY(bash.out.contains(
            QStringLiteral("COMPREPLY=( $(compgen -W \"regions instances price fargate info "
                           "import commitments override discount commitment nodes node\" -- \"$cur\") )")));
        const Run zsh = run({ QStringLiteral("completions"), QStringLiteral("zsh") });
        QCOMPARE(zsh.code, 0);
        QVERIFY(zsh.out.startsWith(QStringLiteral("#compdef fleetplan\n")));
        QVERIFY(zsh.out.contains(QStringLiteral("'*--bundled-only[Bundled catalog figures only")));
        QVERIFY(zsh.out.contains(QStringLiteral(":FORMAT:(table json csv markdown github-comment)'")));
        QCOMPARE(run({ QStringLiteral("completions"), QStringLiteral("fish") }).code, 1);

        // The scripts parse in their shells.
        QTemporaryDir dir;
        for (const auto &[shell, text] :
            { std::pair { QStringLiteral("bash"), bash.out }, std::pair { QStringLiteral("zsh"), zsh.out } }) {
            if (QStandardPaths::findExecutable(shell).isEmpty())
                continue;
            const QString file = dir.filePath(shell);
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
            f.close();
            QProcess p;
            p.start(shell, { QStringLiteral("-n"), file });
            QVERIFY(p.waitForFinished(10000));
            QVERIFY2(p.exitCode() == 0, qPrintable(shell + QString::fromUtf8(p.readAllStandardError())));
        }
    }

    /// The scripts complete what a user types: bash through its own completion variables, zsh with the
    /// completion system's functions replaced by ones that print what they were given (a completion widget
    /// needs a terminal). zsh is in the quick start's package list, so neither is skipped.
    void completionScriptsCompleteInTheirShells()
    {
        QTemporaryDir dir;
        const auto script = [&dir, this](const QString &shell) {
            const Run r = run({ QStringLiteral("completions"), shell });
            const QString file = dir.filePath(QStringLiteral("fleetplan.") + shell);
            QFile f(file);
            if (r.code != 0 || !f.open(QIODevice::WriteOnly))
                return QString();
            f.write(r.out.toUtf8());
            return file;
        };
        const auto shellOutput = [](const QString &shell, const QString &program) {
            QProcess p;
            p.start(shell, { QStringLiteral("-c"), program });
            if (!p.waitForFinished(20000))
                return QStringLiteral("(timed out)");
            return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        };

        const QString bash = script(QStringLiteral("bash"));
        QVERIFY(!bash.isEmpty());
        const auto bashComplete = [&](const QString &words, int current) {
            return shellOutput(QStringLiteral("bash"),
                QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _fleetplan; "
                               "printf '%s\\n' \"${COMPREPLY[@]}\"")
                    .arg(bash, words)
                    .arg(current));
        };
        QCOMPARE(bashComplete(QStringLiteral("fleetplan comp ''"), 1).split(u'\n', Qt::SkipEmptyParts),
            (QStringList { QStringLiteral("compare"), QStringLiteral("completions") }));
        QCOMPARE(bashComplete(QStringLiteral("fleetplan compare --format ''"), 3).split(u'\n', Qt::SkipEmptyParts),
            (QStringList { QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"),
                QStringLiteral("markdown"), QStringLiteral("github-comment") }));
        QCOMPARE(bashComplete(QStringLiteral("fleetplan catalog ov"), 2).trimmed(), QStringLiteral("override"));
        QVERIFY(bashComplete(QStringLiteral("fleetplan import k8s --exclude-n"), 3)
                    .contains(QStringLiteral("--exclude-namespace")));

        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("zsh")).isEmpty(),
            "zsh is in scripts/quickstart.sh's package list");
        const QString zsh = script(QStringLiteral("zsh"));
        QVERIFY(!zsh.isEmpty());
        const auto zshComplete = [&](const QString &words, int current) {
            return shellOutput(QStringLiteral("zsh"),
                QStringLiteral("_arguments() { print -r -- \"arguments: ${(j:|:)@}\" }; "
                               "_describe() { print -r -- \"describe $3: ${(Pj: :)4}\" }; _files() { print files }; "
                               "words=(%1); CURRENT=%2; source '%3'")
                    .arg(words)
                    .arg(current)
                    .arg(zsh));
        };
        const QString first = zshComplete(QStringLiteral("fleetplan co"), 2);
        QVERIFY2(first.startsWith(QStringLiteral("describe fleetplan command: validate:")), qPrintable(first));
        QVERIFY2(first.contains(QStringLiteral(" compare:")) && first.endsWith(QStringLiteral("files\n")),
            qPrintable(first));
        const QString compare = zshComplete(QStringLiteral("fleetplan compare --format ''"), 4);
        QVERIFY2(compare.startsWith(QStringLiteral("arguments: ")), qPrintable(compare));
        QVERIFY2(
            compare.contains(QStringLiteral(":FORMAT:(table json csv markdown github-comment)")), qPrintable(compare));
        QVERIFY2(!compare.contains(QStringLiteral("--exclude-namespace")), qPrintable(compare));
        const QString catalog = zshComplete(QStringLiteral("fleetplan catalog ''"), 3);
        QVERIFY2(
            catalog.startsWith(QStringLiteral("describe fleetplan catalog subcommand: regions:")), qPrintable(catalog));
        const QString import = zshComplete(QStringLiteral("fleetplan import k8s --exclude-n"), 4);
        QVERIFY2(import.contains(QStringLiteral("--exclude-namespace")), qPrintable(import));
    }
};

QTEST_GUILESS_MAIN(TestStrictCli)
#include "tst_strictcli.moc"
