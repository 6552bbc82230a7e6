// The command line run as a user would, on hostile case files: it must neither hang nor pass case
// text to the terminal raw.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class tst_CommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void specialFiles_data();
    void specialFiles();
    void controlCharactersEscaped_data();
    void controlCharactersEscaped();
    void problemTotal();
    void exportWordsAndAxis_data();
    void exportWordsAndAxis();
    void exportUsesOwnWords();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        qint64 ms = 0;
    };
    static Run run(const QStringList &arguments)
    {
        Run r;
        QProcess p;
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral(AT_APP_PATH), arguments);
        if (!p.waitForFinished(20000)) {
            p.kill();
            p.waitForFinished();
        }
        r.ms = timer.elapsed();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    static QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
    {
        const QString file = dir.filePath(name);
        QFile f(file);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(bytes);
        }
        return file;
    }
};

void tst_CommandLine::specialFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("fifo") << QStringLiteral("fifo");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
    QTest::newRow("folder") << QStringLiteral("folder");
}

void tst_CommandLine::specialFiles()
{
    // A FIFO used to block --check for ever, /dev/zero to be read up to 1 GiB.
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = kind;
    QString expected = QStringLiteral("this is not a regular file (a FIFO / device / folder); give the path of a case "
                                      "file");
    if (kind == QStringLiteral("fifo")) {
        path = dir.filePath(QStringLiteral("case.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (kind == QStringLiteral("folder")) {
        path = dir.path();
        expected = QStringLiteral("this is a folder; open the case's .json file inside it");
    }
    const Run r = run({QStringLiteral("--check"), path});
    QVERIFY2(r.ms < 5000, qPrintable(QStringLiteral("%1 ms").arg(r.ms)));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains((path + QStringLiteral(": error: ") + expected).toUtf8()), r.out.constData());
}

void tst_CommandLine::controlCharactersEscaped_data()
{
    // JSON escapes put control characters into ids, keys and titles that --check and --summary print.
    QTest::addColumn<QString>("option");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("shown");
    const QByteArray head = R"({"format": "attribution-timeline-case", "version": 1, )";
    const QByteArray sources = R"("sources": [{"id": "s1", "title": "s", "text": "words"}])";
    QTest::newRow("escape in a title") << QStringLiteral("--check")
                                       << head + R"("title": "\u001b[2J\u001b]0;owned\u0007", )" + sources + "}"
                                       << QByteArray(R"(Case: \x1b[2J\x1b]0;owned\x07 ()");
    QTest::newRow("escape in an unknown key")
        << QStringLiteral("--check") << head + R"("title": "t", "\u001b[31mred": 1, )" + sources + "}"
        << QByteArray(R"(unknown key "\x1b[31mred" is ignored)");
    QTest::newRow("escape and line feed in an id") << QStringLiteral("--check")
                                                   << head + R"("title": "t", )" + sources
            + R"(, "events": [{"id": "e", "title": "x", "category": "c", "date": {"start": "2024"}, )"
              R"j("citations": [{"source": "s1\u001b[1A\nProblems: 0 errors", "quote": "words", "start": 0, )j"
              R"("end": 5}]}]})" << QByteArray(R"j(no source has the id "s1\x1b[1A\x0aProblems: 0 errors")j");
    QTest::newRow("C1 and bidi controls in a title")
        << QStringLiteral("--check") << head + R"("title": "a\u009b31mb\u202ec\u2066d\u007f", )" + sources + "}"
        << QByteArray(R"(Case: a\x9b31mb\u202ec\u2066d\x7f ()");
    QTest::newRow("escape in the summary")
        << QStringLiteral("--summary") << head + R"("title": "\u001b[5mT", )" + sources + "}"
        << QByteArray(R"(## \x1b\[5mT)"); // the Markdown summary also escapes the bracket
}

void tst_CommandLine::controlCharactersEscaped()
{
    QFETCH(QString, option);
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, shown);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run r = run({option, write(dir, QStringLiteral("case.json"), json)});
    QVERIFY2(r.ms < 5000, qPrintable(QStringLiteral("%1 ms").arg(r.ms)));
    const QByteArray all = r.out + r.err;
    QVERIFY2(all.contains(shown), all.constData());
    for (const QByteArray &raw : {QByteArray("\x1b"), QByteArray("\x07"), QByteArray("\x7f"), QByteArray("\xc2\x9b"),
                                  QByteArray("\xe2\x80\xae"), QByteArray("\xe2\x81\xa6")}) {
        QVERIFY2(
            !all.contains(raw),
            qPrintable(QStringLiteral("raw %1 in: %2").arg(QString::fromLatin1(raw.toHex()), QString::fromUtf8(all))));
    }
    // A line feed inside case text stays inside its line: no forged report line.
    QVERIFY(!all.contains("\nProblems: 0 errors\n"));
}

void tst_CommandLine::problemTotal()
{
    // 200,000 problems: the report says so, and lists the first thousand.
    QByteArray json
        = R"({"format": "attribution-timeline-case", "version": 1, "title": "t", "sources": [], "events": [)";
    for (int i = 0; i < 200000; ++i) {
        json += i ? ",1" : "1";
    }
    json += "]}";
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run r = run({QStringLiteral("--check"), write(dir, QStringLiteral("many.json"), json)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("\nProblems: 200000 errors, 0 warnings (first 1000 listed; fix those first)\n"),
             r.out.left(400).constData());
    QCOMPARE(r.out.count("error: expected an object, found a number"), 1000);
}

void tst_CommandLine::exportWordsAndAxis_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // in the error output
    const QString out = QStringLiteral("--output=") + QDir::tempPath() + QStringLiteral("/at-cli-words.csv");
    const QString exp = QStringLiteral("--export=timeline");
    QTest::newRow("axis sideways") << QStringList {exp, out, QStringLiteral("--axis=sideways")} << 2
                                   << QStringLiteral(
                                          "--axis must be linear, compressed or automatic, not \"sideways\"");
    QTest::newRow("axis empty") << QStringList {exp, out, QStringLiteral("--axis=")} << 2
                                << QStringLiteral("--axis must be linear, compressed or automatic");
    QTest::newRow("axis compressed") << QStringList {exp, out, QStringLiteral("--axis=compressed")} << 0 << QString();
    QTest::newRow("axis Linear") << QStringList {exp, out, QStringLiteral("--axis=Linear")} << 0 << QString();
    QTest::newRow("axis automatic") << QStringList {exp, out, QStringLiteral("--axis=automatic")} << 0 << QString();
    for (const char *option : {"--title=T", "--subtitle=S", "--credit=C", "--axis=linear"}) {
        QTest::newRow(option) << QStringList {QString::fromLatin1(option)} << 2
                              << QStringLiteral("--title, --subtitle, --credit, --axis and --lane go with --export");
    }
}

void tst_CommandLine::exportWordsAndAxis()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = run(arguments);
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void tst_CommandLine::exportUsesOwnWords()
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        QSKIP("pdftotext (poppler-utils) is not installed");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pdf = dir.filePath(QStringLiteral("own.pdf"));
    const Run r = run({QStringLiteral("--export=timeline"), QStringLiteral("--output=") + pdf,
                       QStringLiteral("--title=Hackers & <b>sanctions</b>"),
                       QStringLiteral("--subtitle=Four years of accusations"),
                       QStringLiteral("--credit=Graphic: the desk; sources in the case file")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QProcess p;
    p.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(20000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
    // Drawn as plain text, markup and all; the defaults give way.
    QVERIFY2(text.contains(QStringLiteral("Hackers & <b>sanctions</b>")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Four years of accusations")), qPrintable(text));
    // poppler gives the "fi" of "file" as a ligature, so up to there.
    QVERIFY2(text.contains(QStringLiteral("Graphic: the desk; sources in the case")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("APT31: US and UK accusations")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Made with Attribution Timeline")), qPrintable(text));
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
