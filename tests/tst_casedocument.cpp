// Editing without a window: every edit is one undo step that undoes and redoes exactly; deleting
// shows and removes what refers to the deleted; saves are atomic and lose nothing when they fail;
// unsaved changes are kept in a recovery file.
#include "anchoring.h"
#include "casedocument.h"
#include "casereader.h"
#include "casewriter.h"
#include "recovery.h"
#include "references.h"
#include "testcases.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cstdio>
#include <sys/mount.h>
#include <unistd.h>

using namespace AT;

namespace CaseDocumentTest {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Case reread(const QString &path)
{
    CaseLoad load = CaseReader::readFile(path);
    if (!load.ok()) {
        for (const Problem &p : std::as_const(load.problems)) {
            qWarning("%s", qPrintable(p.toString()));
        }
    }
    return load.kase;
}

Event newEvent(const Case &kase, const QString &title)
{
    Event e;
    e.id = newId(kase, EntityKind::Event);
    e.title = title;
    e.category = QStringLiteral("statement");
    e.date = PartialDate(DatePoint::fromDate(2024, 3, 26));
    return e;
}

// Run inside `unshare -rm` by saveIntoFullTmpfs(): mounts a small tmpfs, saves a case into it,
// fills it up, and checks that the next save fails with a message and loses nothing.
int fullTmpfsChild(const QString &dir)
{
    auto fail = [](const char *what) {
        std::printf("FAIL %s\n", what);
        return 1;
    };
    if (::mount("tmpfs", dir.toLocal8Bit().constData(), "tmpfs", 0, "size=512k") != 0) {
        std::printf("SKIP cannot mount a tmpfs here\n");
        return 0;
    }
    CaseDocument doc;
    doc.reset(Test::builtinCase(), QString());
    const QString path = dir + QStringLiteral("/case.json");
    QString error;
    if (!doc.saveAs(path, &error)) {
        return fail("the first save");
    }
    const QByteArray before = readAll(path);
    // Fill the disk.
    QFile filler(dir + QStringLiteral("/filler"));
    if (!filler.open(QIODevice::WriteOnly)) {
        return fail("opening the filler");
    }
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) { }
    filler.close();
    CaseEdit edit(doc.kase(), QStringLiteral("Add event"));
    Event e = newEvent(doc.kase(), QStringLiteral("An event added on a full disk"));
    e.summary = QString(20000, QLatin1Char('y'));
    edit.add(e);
    doc.apply(edit);
    error.clear();
    if (doc.saveAs(path, &error)) {
        return fail("the save on a full disk succeeded");
    }
    if (!error.contains(QStringLiteral("case.json"))) {
        std::printf("FAIL the message does not name the file: %s\n", qPrintable(error));
        return 1;
    }
    if (readAll(path) != before) {
        return fail("the old file changed");
    }
    if (!doc.isModified() || !doc.kase().event(e.id)) {
        return fail("the edit was lost in memory");
    }
    std::printf("OK %s\n", qPrintable(error));
    return 0;
}

} // namespace CaseDocumentTest

using namespace CaseDocumentTest;

class TestCaseDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyEditUndoesAndRedoesExactly()
    {
        CaseDocument doc;
        doc.reset(Test::builtinCase(), QString());
        QVERIFY(!doc.isModified());
        QList<Case> states {doc.kase()};
        auto step = [&](const CaseEdit &edit) {
            QVERIFY(doc.apply(edit));
            states << doc.kase();
        };
        {
            CaseEdit edit(doc.kase(), QStringLiteral("New event"));
            edit.add(newEvent(doc.kase(), QStringLiteral("A new event")));
            step(edit);
        }
        {
            Actor a = doc.kase().actors.first();
            a.aliases << Alias {QStringLiteral("An alias"), {}, {}};
            a.notes = QStringLiteral("Ask the desk about this");
            CaseEdit edit(doc.kase(), QStringLiteral("Edit actor"));
            QVERIFY(edit.replace(a));
            step(edit);
        }
        {
            CaseEdit edit(doc.kase(), QStringLiteral("Rename case"));
            edit.add(CaseHeading {QStringLiteral("Renamed"), QStringLiteral("Described")});
            step(edit);
        }
        step(removalEdit(doc.kase(), EntityKind::Claim, doc.kase().claims.first().id));
        step(removalEdit(doc.kase(), EntityKind::Actor, QStringLiteral("apt31")));
        step(removalEdit(doc.kase(), EntityKind::Source, QStringLiteral("s002")));
        QVERIFY(doc.isModified());
        QCOMPARE(doc.undoStack()->count(), states.size() - 1);
        for (qsizetype i = states.size() - 2; i >= 0; --i) {
            doc.undoStack()->undo();
            QVERIFY2(doc.kase() == states[i], qPrintable(QStringLiteral("after undoing to step %1").arg(i)));
        }
        QVERIFY(!doc.isModified());
        for (qsizetype i = 1; i < states.size(); ++i) {
            doc.undoStack()->redo();
            QVERIFY2(doc.kase() == states[i], qPrintable(QStringLiteral("after redoing step %1").arg(i)));
        }
    }

    void snapshotsAreNotChangedByLaterEdits()
    {
        CaseDocument doc;
        doc.reset(Test::builtinCase(), QString());
        const std::shared_ptr<const Case> before = doc.snapshot();
        const Case copy = *before;
        CaseEdit edit(doc.kase(), QStringLiteral("New event"));
        edit.add(newEvent(doc.kase(), QStringLiteral("x")));
        QSignalSpy edited(&doc, &CaseDocument::caseEdited);
        doc.apply(edit);
        QCOMPARE(edited.size(), 1);
        QVERIFY(*before == copy);
        QCOMPARE(doc.kase().events.size(), copy.events.size() + 1);
    }

    void deletingAnActorShowsAndRemovesWhatRefersToIt()
    {
        const auto kase = Test::builtinCase();
        const QList<Reference> refs = referencesTo(*kase, EntityKind::Actor, QStringLiteral("apt31"));
        QVERIFY(refs.size() > 3);
        QVERIFY(
            std::any_of(refs.cbegin(), refs.cend(), [](const Reference &r) { return r.kind == EntityKind::Event; }));
        QVERIFY(
            std::any_of(refs.cbegin(), refs.cend(), [](const Reference &r) { return r.kind == EntityKind::Claim; }));
        const CaseEdit edit = removalEdit(*kase, EntityKind::Actor, QStringLiteral("apt31"));
        const Case &after = edit.kase();
        QVERIFY(!after.actor(u"apt31"));
        for (const Event &e : after.events) {
            for (const Participant &p : e.participants) {
                QVERIFY(p.actorId != QStringLiteral("apt31"));
            }
        }
        for (const Claim &c : after.claims) {
            QVERIFY(c.attributorId != QStringLiteral("apt31"));
            QVERIFY(c.subjectId != QStringLiteral("apt31"));
            for (const QString &d : c.disputes) {
                QVERIFY2(after.claim(d), qPrintable(d)); // no link to a deleted claim
            }
        }
        for (const Actor &a : after.actors) {
            for (const Affiliation &f : a.affiliations) {
                QVERIFY(f.actorId != QStringLiteral("apt31"));
            }
        }
        // What is left still opens without an error.
        const QByteArray json = CaseWriter::toJson(after);
        CaseLoad load = CaseReader::readData(json, QStringLiteral("after.json"), QString());
        QVERIFY(load.ok());
    }

    void deletingASourceRemovesEveryCitationOfIt()
    {
        const auto kase = Test::builtinCase();
        const QList<Reference> refs = referencesTo(*kase, EntityKind::Source, QStringLiteral("s000"));
        QVERIFY(!refs.isEmpty());
        const CaseEdit edit = removalEdit(*kase, EntityKind::Source, QStringLiteral("s000"));
        int left = 0;
        edit.kase().forEachCitation([&](const Citation &c) { left += c.sourceId == QStringLiteral("s000"); });
        QCOMPARE(left, 0);
        QVERIFY(!edit.kase().source(u"s000"));
        CaseLoad load = CaseReader::readData(CaseWriter::toJson(edit.kase()), QStringLiteral("after.json"), QString());
        QVERIFY(load.ok());
    }

    void aSelectionBecomesACitation()
    {
        const QString text = QStringLiteral("Intro \U0001F600 text.\n  The quoted words here.  \nMore after.");
        const TextIndex index(text);
        const qsizetype from = text.indexOf(QStringLiteral("  The"));
        const qsizetype to = text.indexOf(QStringLiteral("\nMore"));
        const Citation c = citationOf(QStringLiteral("s"), index, from, to);
        QCOMPARE(c.quote, QStringLiteral("The quoted words here."));
        // One emoji before: one code point, two UTF-16 units.
        QCOMPARE(c.start, text.indexOf(QStringLiteral("The quoted")) - 1);
        QCOMPARE(c.end - c.start, c.quote.size());
        QVERIFY(c.prefix.endsWith(QStringLiteral("text.\n  ")));
        QVERIFY(c.suffix.startsWith(QStringLiteral("  \nMore")));
        QCOMPARE(anchorCitation(c, index).anchor, Citation::Anchor::Exact);
        // A selection that starts inside the emoji takes the whole of it.
        const qsizetype emoji = text.indexOf(QStringLiteral("\U0001F600"));
        const Citation e = citationOf(QStringLiteral("s"), index, emoji + 1, emoji + 2);
        QCOMPARE(e.quote, QStringLiteral("\U0001F600"));
        QCOMPARE(anchorCitation(e, index).anchor, Citation::Anchor::Exact);
    }

    void savedCasesReopenTheSameAndCheckClean()
    {
        QTemporaryDir dir;
        CaseDocument doc;
        doc.reset(Test::builtinCase(), QString());
        // A pasted source kept beside the case, cited by a new event.
        Source s;
        s.id = newId(doc.kase(), EntityKind::Source);
        s.title = QStringLiteral("Notes from a call");
        s.text = QStringLiteral("The spokesperson said the hack was \u201chighly likely\u201d the work of APT31.");
        s.path = QStringLiteral("sources/") + s.id + QStringLiteral(".txt");
        s.sha256 = sha256Hex(s.text);
        Event e = newEvent(doc.kase(), QStringLiteral("Spokesperson's call"));
        e.citations << citationOf(s.id, TextIndex(s.text), 0, s.text.size());
        e.notes = QStringLiteral("Call back on Monday");
        CaseEdit edit(doc.kase(), QStringLiteral("Add"));
        edit.add(s);
        edit.add(e);
        doc.apply(edit);
        QSignalSpy modified(&doc, &CaseDocument::modifiedChanged);
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        QString error;
        QVERIFY2(doc.saveAs(path, &error), qPrintable(error));
        QCOMPARE(modified.size(), 1);
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.filePath(), path);
        QCOMPARE(readAll(dir.filePath(s.path)), s.text.toUtf8());
        CaseLoad load = CaseReader::readFile(path);
        QVERIFY(load.ok());
        QCOMPARE(load.warningCount(), 0);
        QVERIFY(load.kase.sources == doc.kase().sources);
        QVERIFY(load.kase.actors == doc.kase().actors);
        QVERIFY(load.kase.events == doc.kase().events);
        QVERIFY(load.kase.claims == doc.kase().claims);
        QVERIFY(load.kase == doc.kase());
        QCOMPARE(load.kase.event(e.id)->notes, e.notes);
        // Saved again unchanged: the same bytes.
        const QByteArray first = readAll(path);
        QVERIFY(doc.save(&error));
        QCOMPARE(readAll(path), first);
        doc.undoStack()->undo();
        QVERIFY(doc.isModified());
        doc.undoStack()->redo();
        QVERIFY(!doc.isModified());
    }

    void aSourceFileOfAnotherCaseIsNeverOverwritten()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sources")));
        const QString theirs = dir.filePath(QStringLiteral("sources/source-1.txt"));
        QFile f(theirs);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Another case's article.");
        f.close();
        CaseDocument doc;
        auto empty = std::make_shared<Case>();
        empty->title = QStringLiteral("Mine");
        doc.reset(empty, QString());
        Source s;
        s.id = QStringLiteral("source-1");
        s.text = QStringLiteral("My own article.");
        s.path = QStringLiteral("sources/source-1.txt");
        CaseEdit edit(doc.kase(), QStringLiteral("Add"));
        edit.add(s);
        doc.apply(edit);
        QString error;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        QVERIFY(!doc.saveAs(path, &error));
        QVERIFY2(error.contains(theirs) && error.contains(QStringLiteral("did not write")), qPrintable(error));
        QCOMPARE(readAll(theirs), QByteArray("Another case's article."));
        QVERIFY(!QFile::exists(path));
        QVERIFY(doc.isModified());
        // Moved away: saved; then a changed text of its own (a re-import) is written over it.
        QVERIFY(QFile::rename(theirs, theirs + QStringLiteral(".old")));
        QVERIFY2(doc.saveAs(path, &error), qPrintable(error));
        QCOMPARE(readAll(theirs), QByteArray("My own article."));
        s.text = QStringLiteral("My own article, corrected.");
        CaseEdit change(doc.kase(), QStringLiteral("Re-import"));
        change.replace(s);
        doc.apply(change);
        QVERIFY2(doc.save(&error), qPrintable(error));
        QCOMPARE(readAll(theirs), QByteArray("My own article, corrected."));
        // Opened from the file, the same holds.
        CaseLoad load = CaseReader::readFile(path);
        for (const Problem &p : std::as_const(load.problems)) {
            qWarning("%s", qPrintable(p.toString()));
        }
        QVERIFY(load.ok());
        CaseDocument reopened;
        reopened.reset(std::make_shared<const Case>(load.kase), path);
        s.text = QStringLiteral("Corrected twice.");
        CaseEdit again(reopened.kase(), QStringLiteral("Re-import"));
        again.replace(s);
        reopened.apply(again);
        QVERIFY2(reopened.save(&error), qPrintable(error));
        QCOMPARE(readAll(theirs), QByteArray("Corrected twice."));
    }

    void aSaveIntoARemovedFolderLosesNothing()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("gone"));
        QVERIFY(QDir().mkpath(folder));
        CaseDocument doc;
        doc.reset(Test::builtinCase(), QString());
        const QString path = folder + QStringLiteral("/case.json");
        QString error;
        QVERIFY(doc.saveAs(path, &error));
        CaseEdit edit(doc.kase(), QStringLiteral("New event"));
        const Event e = newEvent(doc.kase(), QStringLiteral("After the folder went"));
        edit.add(e);
        doc.apply(edit);
        QVERIFY(QDir(folder).removeRecursively());
        QVERIFY(!doc.save(&error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")) && error.contains(folder), qPrintable(error));
        QVERIFY(doc.isModified());
        QVERIFY(doc.kase().event(e.id));
        QCOMPARE(doc.filePath(), path);
    }

    void aSaveIntoAFolderWithoutWritePermissionLosesNothing()
    {
        if (::geteuid() == 0) {
            QSKIP("running as root: file permissions do not stop root (the full disk and removed folder tests cover "
                  "failing saves)");
        }
        QTemporaryDir dir;
        CaseDocument doc;
        doc.reset(Test::builtinCase(), QString());
        const QString path = dir.filePath(QStringLiteral("case.json"));
        QString error;
        QVERIFY(doc.saveAs(path, &error));
        const QByteArray before = readAll(path);
        CaseEdit edit(doc.kase(), QStringLiteral("New event"));
        edit.add(newEvent(doc.kase(), QStringLiteral("Not allowed")));
        doc.apply(edit);
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const bool saved = doc.save(&error);
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!saved);
        QVERIFY2(error.contains(QStringLiteral("case.json")), qPrintable(error));
        QCOMPARE(readAll(path), before);
        QVERIFY(doc.isModified());
    }

    void aSaveThatRunsOutOfSpaceLosesNothing()
    {
        QTemporaryDir dir;
        CaseDocument doc;
        doc.reset(Test::builtinCase(), QString());
        const QString path = dir.filePath(QStringLiteral("case.json"));
        QString error;
        QVERIFY(doc.saveAs(path, &error));
        const QByteArray before = readAll(path);
        CaseEdit edit(doc.kase(), QStringLiteral("New event"));
        edit.add(newEvent(doc.kase(), QStringLiteral("Big")));
        doc.apply(edit);
        const bool saved = Test::withFileSizeLimit(before.size() / 2, [&] { return doc.save(&error); });
        QVERIFY(!saved);
        QVERIFY2(error.contains(QStringLiteral("case.json")), qPrintable(error));
        QCOMPARE(readAll(path), before);
        QVERIFY(doc.isModified());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("case.json")});
    }

    void aSaveIntoAFullTmpfsLosesNothing()
    {
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        if (unshare.isEmpty()) {
            QSKIP("util-linux's unshare is not installed");
        }
        QTemporaryDir dir;
        // A mount namespace of its own, so the tmpfs goes with the child: with a user namespace
        // (any user), or, where the kernel refuses one (in a chroot, as the fresh-machine check runs),
        // as root without one, but only when no mount here propagates to another namespace.
        auto run = [&](const QStringList &options) {
            QProcess child;
            child.setProcessChannelMode(QProcess::MergedChannels);
            child.start(unshare,
                        options
                            + QStringList {QCoreApplication::applicationFilePath(),
                                           QStringLiteral("--full-tmpfs-child"), dir.path()});
            child.waitForFinished(60000);
            return std::pair {child.exitCode(), QString::fromLocal8Bit(child.readAll())};
        };
        auto [code, out] = run({QStringLiteral("-rm")});
        if (out.startsWith(QLatin1String("unshare:")) && ::geteuid() == 0
            && !readAll(QStringLiteral("/proc/self/mountinfo")).contains("shared:")) {
            std::tie(code, out)
                = run({QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("unchanged")});
        }
        if (out.startsWith(QLatin1String("unshare:")) || out.contains(QLatin1String("SKIP"))) {
            QSKIP(qPrintable(QStringLiteral("no tmpfs can be mounted here: ") + out.trimmed()));
        }
        const int exitCode = code;
        QVERIFY2(exitCode == 0 && out.contains(QLatin1String("OK ")), qPrintable(out));
        qInfo("%s", qPrintable(out.trimmed()));
    }

    void unsavedChangesAreKeptForRecoveryAndDroppedOnSave()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("recovery"));
        CaseDocument doc;
        doc.reset(Test::builtinCase(), QString());
        Autosaver autosaver(&doc, folder);
        autosaver.setInterval(20);
        QSignalSpy saved(&autosaver, &Autosaver::autosaved);
        CaseEdit edit(doc.kase(), QStringLiteral("New event"));
        const Event e = newEvent(doc.kase(), QStringLiteral("Kept for recovery"));
        edit.add(e);
        doc.apply(edit);
        QVERIFY(saved.wait(5000));
        const QString file = autosaver.recoveryFile();
        QVERIFY(QFile::exists(file));
        // This process is alive: nothing is offered while it runs.
        QVERIFY(RecoveryStore(folder).orphaned().isEmpty());
        CaseLoad load = CaseReader::readFile(file);
        QVERIFY(load.ok());
        QVERIFY(load.kase == doc.kase());
        QString error;
        QVERIFY(doc.saveAs(dir.filePath(QStringLiteral("case.json")), &error));
        QVERIFY(!QFile::exists(file));
    }
};

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], "--full-tmpfs-child") == 0) {
        QGuiApplication app(argc, argv);
        return fullTmpfsChild(QString::fromLocal8Bit(argv[2]));
    }
    QGuiApplication app(argc, argv);
    TestCaseDocument test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_casedocument.moc"
