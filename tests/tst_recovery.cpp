// Never lose work: a window with unsaved edits is killed after an autosave; the next start offers
// the edits back and restores them as unsaved changes.
#include "casedocument.h"
#include "mainwindow.h"
#include "recovery.h"
#include "windowtest.h"

#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

using namespace AT;
using namespace AT::WindowTest;

namespace RecoveryTest {

const QString EditedTitle = QStringLiteral("Edited before the crash");

// The child: the built-in case in a window, one edit, then it waits to be killed.
int autosaveChild()
{
    MainWindow window;
    if (!window.openCase(QString())) {
        return 2;
    }
    window.autosaver()->setInterval(100);
    QObject::connect(window.autosaver(), &Autosaver::autosaved, [](const QString &file) {
        std::printf("AUTOSAVED %s\n", qPrintable(file));
        std::fflush(stdout);
    });
    CaseEdit edit(window.document()->kase(), QStringLiteral("Rename case"));
    edit.add(CaseHeading {EditedTitle, QStringLiteral("Unsaved work")});
    window.document()->apply(edit);
    return QApplication::exec();
}

} // namespace RecoveryTest

using namespace RecoveryTest;

class TestRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aKilledWindowsEditsAreOfferedAndRestored()
    {
        QTemporaryDir home;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--autosave-child")});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        while (!out.contains("AUTOSAVED") && child.waitForReadyRead(20000)) {
            out += child.readAllStandardOutput();
        }
        QVERIFY2(out.contains("AUTOSAVED"), out.constData());
        child.kill(); // SIGKILL: no clean-up runs
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        qputenv("XDG_DATA_HOME", home.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", home.path().toLocal8Bit());
        const RecoveryStore store;
        QVERIFY(store.folder().startsWith(home.path()));
        const QList<RecoveryEntry> left = store.orphaned();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().title, EditedTitle);

        // The next start.
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        QString question;
        answerNextMessageBox(QStringLiteral("Restore"), &question);
        QCOMPARE(window.offerRecovery(), 1);
        QVERIFY2(question.contains(EditedTitle), qPrintable(question));
        QCOMPARE(window.document()->kase().title, EditedTitle);
        QVERIFY(window.document()->isModified());
        QVERIFY(window.isWindowModified());
        QCOMPARE(window.document()->filePath(), QString()); // the built-in case: saved with Save As
        // The recovery file is this run's now: not offered again while it runs, gone once saved.
        QVERIFY(store.orphaned().isEmpty());
        QTemporaryDir saveDir;
        QString error;
        QVERIFY2(window.saveTo(saveDir.filePath(QStringLiteral("restored.json")), true, &error), qPrintable(error));
        QVERIFY(!window.document()->isModified());
        QVERIFY(QDir(store.folder()).entryList(QDir::Files).isEmpty());
    }

    void aKilledRunNotYetReapedHasEnded()
    {
        QTemporaryDir dir;
        const RecoveryStore store(dir.path());
        // A child that ends at once and that nobody waits for: a zombie, as a run killed from a
        // terminal stays until the shell notices.
        const pid_t child = ::fork();
        if (child == 0) {
            ::_exit(0);
        }
        QVERIFY(child > 0);
        QTest::qWait(200);
        QFile json(dir.filePath(QStringLiteral("z.json")));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write("{}");
        json.close();
        QFile meta(dir.filePath(QStringLiteral("z.meta.json")));
        QVERIFY(meta.open(QIODevice::WriteOnly));
        meta.write(QStringLiteral("{\"case\": \"\", \"title\": \"Zombie\", \"pid\": %1, \"written\": "
                                  "\"2026-01-01T00:00:00Z\", \"paths\": {}}")
                       .arg(child)
                       .toUtf8());
        meta.close();
        QCOMPARE(store.orphaned().size(), 1);
        ::waitpid(child, nullptr, 0);
        QCOMPARE(store.orphaned().size(), 1);
        // This process runs: its own files are never offered.
        QVERIFY(meta.open(QIODevice::WriteOnly));
        meta.write(QStringLiteral("{\"case\": \"\", \"title\": \"Mine\", \"pid\": %1}")
                       .arg(QCoreApplication::applicationPid())
                       .toUtf8());
        meta.close();
        QCOMPARE(store.orphaned().size(), 0);
    }

    void discardedRecoveryIsGoneAndLaterKeepsIt()
    {
        QTemporaryDir home;
        qputenv("XDG_DATA_HOME", home.path().toLocal8Bit());
        const RecoveryStore store;
        // Two runs' leftovers, written by hand as a killed run leaves them (its pid long gone).
        for (const char *name : {"a", "b"}) {
            QVERIFY(QDir().mkpath(store.folder()));
            QFile json(store.folder() + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".json"));
            QVERIFY(json.open(QIODevice::WriteOnly));
            json.write("{\"format\": \"attribution-timeline-case\", \"version\": 1, \"title\": \"Left "
                       + QByteArray(name)
                       + "\", \"sources\": [], \"actors\": [], \"disagreements\": [], \"events\": [], \"claims\": []}");
            json.close();
            QFile meta(store.folder() + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".meta.json"));
            QVERIFY(meta.open(QIODevice::WriteOnly));
            meta.write("{\"case\": \"\", \"title\": \"Left " + QByteArray(name)
                       + "\", \"pid\": 999999999, \"written\": \"2026-01-01T00:00:00Z\", \"paths\": {}}");
        }
        QCOMPARE(store.orphaned().size(), 2);
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        QString question;
        answerNextMessageBox(QStringLiteral("Discard"), &question);
        QTimer::singleShot(50, [&question] { answerNextMessageBox(QStringLiteral("Ask Again Next Time"), &question); });
        QCOMPARE(window.offerRecovery(), 0);
        QCOMPARE(store.orphaned().size(), 1);
        QVERIFY(!window.document()->isModified());
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AttributionTimelineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recovery"));
    if (argc == 2 && qstrcmp(argv[1], "--autosave-child") == 0) {
        return autosaveChild();
    }
    TestRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recovery.moc"
