// Making a case in the window: a passage selected in the source reader becomes a citation of the
// current event, an alias of the current actor or a new version of a disagreement, each one undo
// step; deleting says what refers to the deleted first; unsaved changes are marked and asked about.
#include "casedocument.h"
#include "caseeditor.h"
#include "casereader.h"
#include "casesession.h"
#include "mainwindow.h"
#include "selectionstate.h"
#include "sourcepanel.h"
#include "sourcereader.h"
#include "windowtest.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace AT;
using namespace AT::WindowTest;

namespace CaseEditorTest {

qsizetype eventIndex(const Case &kase, const QString &id)
{
    for (qsizetype i = 0; i < kase.events.size(); ++i) {
        if (kase.events[i].id == id) {
            return i;
        }
    }
    return -1;
}

} // namespace CaseEditorTest

using namespace CaseEditorTest;

class TestCaseEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aSelectionIsCitedInTheCurrentEventAsOneUndoStep()
    {
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        const Case before = window.document()->kase();
        const qsizetype e = eventIndex(before, QStringLiteral("ev-2021-22-electoral-commission"));
        QVERIFY(e >= 0);
        window.show();
        window.selection()->setCurrentEvent(e);
        window.selection()->openCitation(0); // as a click on the event's first citation does
        const QString words = QStringLiteral("APT31");
        QVERIFY(selectInReader(window, QStringLiteral("s001"), words));
        QVERIFY(window.editor()->citeInEvent()->isEnabled());
        window.editor()->citeInEvent()->trigger();
        const Event &after = window.document()->kase().events[e];
        QCOMPARE(after.citations.size(), before.events[e].citations.size() + 1);
        const Citation &c = after.citations.last();
        QCOMPARE(c.sourceId, QStringLiteral("s001"));
        QCOMPARE(c.quote, words);
        QVERIFY(!c.prefix.isEmpty());
        // The reader keeps the passage selected, to cite it again elsewhere.
        QTest::qWait(100);
        QCOMPARE(window.sourcePanel()->reader()->textCursor().selectedText(), words);
        // The session shows the edit and keeps the event selected.
        QCOMPARE(window.selection()->currentEvent(), e);
        QCOMPARE(window.session()->kase().events[e].citations.size(), after.citations.size());
        QVERIFY(window.isWindowModified());
        QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));
        // Undo from the Edit menu's action.
        QAction *undo = window.findChild<QAction *>(QStringLiteral("undo"));
        QVERIFY(undo && undo->isEnabled());
        QVERIFY(undo->text().contains(QStringLiteral("Cite")));
        undo->trigger();
        QVERIFY(window.document()->kase() == before);
        QVERIFY(!window.isWindowModified());
        window.findChild<QAction *>(QStringLiteral("redo"))->trigger();
        QCOMPARE(window.document()->kase().events[e].citations.size(), before.events[e].citations.size() + 1);
        // The saved case cites it, anchored.
        QTemporaryDir dir;
        QString error;
        QVERIFY(window.saveTo(dir.filePath(QStringLiteral("c.json")), true, &error));
        CaseLoad load = CaseReader::readFile(dir.filePath(QStringLiteral("c.json")));
        QVERIFY(load.ok());
        QCOMPARE(load.warningCount(), 0);
        QCOMPARE(load.kase.events[e].citations.last().anchor, Citation::Anchor::Exact);
    }

    void aSelectionBecomesAnAliasAndAVersion()
    {
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        window.selection()->setCurrentActor(QStringLiteral("apt31"));
        QVERIFY(selectInReader(window, QStringLiteral("s001"), QStringLiteral("APT31")));
        const qsizetype aliases = window.document()->kase().actor(u"apt31")->aliases.size();
        QVERIFY(window.editor()->addSelectionAsAlias());
        QCOMPARE(window.document()->kase().actor(u"apt31")->aliases.size(), aliases + 1);
        const Disagreement d = window.document()->kase().disagreements.first();
        QVERIFY(window.editor()->citeSelectionInDisagreement(d.id, -1));
        QCOMPARE(window.document()->kase().disagreement(d.id)->versions.size(), d.versions.size() + 1);
        QCOMPARE(window.document()->undoStack()->count(), 2);
    }

    void deletingAnActorSaysWhatRefersToItFirst()
    {
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        const Case before = window.document()->kase();
        QString question;
        answerNextMessageBox(QStringLiteral("Cancel"), &question);
        QVERIFY(!window.editor()->deleteEntity(EntityKind::Actor, QStringLiteral("apt31")));
        QVERIFY2(question.contains(QStringLiteral("refer to it")), qPrintable(question));
        QVERIFY(window.document()->kase() == before);
        answerNextMessageBox(QStringLiteral("Delete"));
        QVERIFY(window.editor()->deleteEntity(EntityKind::Actor, QStringLiteral("apt31")));
        QVERIFY(!window.document()->kase().actor(u"apt31"));
        window.document()->undoStack()->undo();
        QVERIFY(window.document()->kase() == before);
    }

    void checkCaseSaysWhatCheckWouldSay()
    {
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        QString report = window.editor()->checkReport();
        QVERIFY2(report.contains(QStringLiteral("Problems: 0 errors, 0 warnings")), qPrintable(report));
        // An event without a citation, not saved yet: a warning naming it.
        Event e;
        e.id = QStringLiteral("uncited");
        e.title = QStringLiteral("Uncited");
        e.category = QStringLiteral("statement");
        e.date = PartialDate(DatePoint::fromYear(2024));
        const qsizetype newIndex = window.document()->kase().events.size();
        CaseEdit edit(window.document()->kase(), QStringLiteral("New event"));
        edit.add(e);
        window.document()->apply(edit);
        report = window.editor()->checkReport();
        QVERIFY2(report.contains(QStringLiteral("0 errors, 1 warning"))
                     && report.contains(QStringLiteral("events[%1]").arg(newIndex)),
                 qPrintable(report));
    }

    void closingWithUnsavedChangesAsks()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openCase(QString()));
        CaseEdit edit(window.document()->kase(), QStringLiteral("Rename"));
        edit.add(CaseHeading {QStringLiteral("Mine"), {}});
        window.document()->apply(edit);
        answerNextMessageBox(QStringLiteral("Cancel"));
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QCOMPARE(window.document()->kase().title, QStringLiteral("Mine"));
        answerNextMessageBox(QStringLiteral("Discard"));
        QVERIFY(window.close());
    }

    void windowsHaveTheirOwnCaseAndHistory()
    {
        MainWindow first;
        QVERIFY(first.openCase(QString()));
        QPointer<MainWindow> second = MainWindow::openNewWindow();
        QVERIFY(second->document() != first.document());
        QVERIFY(second->document()->kase().events.isEmpty());
        CaseEdit edit(second->document()->kase(), QStringLiteral("Rename"));
        edit.add(CaseHeading {QStringLiteral("Second"), {}});
        second->document()->apply(edit);
        QCOMPARE(second->document()->undoStack()->count(), 1);
        QCOMPARE(first.document()->undoStack()->count(), 0);
        QVERIFY(!first.isWindowModified());
        QVERIFY(second->isWindowModified());
        answerNextMessageBox(QStringLiteral("Discard"));
        QVERIFY(second->close());
        QTRY_VERIFY(second.isNull()); // deleted on close
    }
};

QTEST_MAIN(TestCaseEditor)
#include "tst_caseeditor.moc"
