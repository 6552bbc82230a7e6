// A case with reference-only sources (named, their texts not in the case) in the window: the
// citation panel and the source panel say "reference only: the text is not in the case" with the
// title and URL, never an empty reader as if the article were empty; nothing can be cited from
// it; Copy Citation says it; re-importing the text from a file makes it an ordinary source whose
// citations are then checked, in one undo step.
#include "casedocument.h"
#include "caseeditor.h"
#include "casesession.h"
#include "citationpanel.h"
#include "mainwindow.h"
#include "reimportdialog.h"
#include "selectionstate.h"
#include "sourcepanel.h"
#include "sourcereader.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QListView>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace AT;

namespace ReferenceOnlyTest {

const QString CaseFile = QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-only.json");
const QString Notice = QStringLiteral("reference only: the text is not in the case");

qsizetype eventIndex(const Case &kase, const QString &id)
{
    for (qsizetype i = 0; i < kase.events.size(); ++i) {
        if (kase.events[i].id == id) {
            return i;
        }
    }
    return -1;
}

} // namespace ReferenceOnlyTest

using namespace ReferenceOnlyTest;

class TestReferenceOnly : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aReferenceIsSaidToBeOneNeverShownEmpty()
    {
        MainWindow window;
        QVERIFY(window.openCase(CaseFile));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const qsizetype e1 = eventIndex(window.session()->kase(), QStringLiteral("e1"));
        QVERIFY(e1 >= 0);
        window.selection()->setCurrentEvent(e1);

        // The citation panel: the ordinary citation as ever, the reference's with the notice.
        QListView *list = window.citationPanel()->citationView();
        QCOMPARE(list->model()->rowCount(), 2);
        QVERIFY(!list->model()->index(0, 0).data().toString().contains(Notice));
        QVERIFY(list->model()->index(1, 0).data().toString().endsWith(QStringLiteral("(") + Notice + QLatin1Char(')')));

        // Opening it: no reader (hidden, and empty), a notice with the title and the URL instead.
        window.selection()->openCitation(1);
        SourcePanel *panel = window.sourcePanel();
        SourceReader *reader = panel->reader();
        const QString notice = panel->notice();
        QVERIFY2(notice.startsWith(QStringLiteral("Reference only: the text is not in the case.")), qPrintable(notice));
        QVERIFY(notice.contains(QStringLiteral("Report on the summons")));
        QVERIFY(notice.contains(QStringLiteral("URL: https://example.org/reports/summons")));
        QVERIFY(notice.contains(QStringLiteral("The case cites 2 quotes from it")));
        QVERIFY(!reader->isVisible());
        QVERIFY(reader->toPlainText().isEmpty());
        QVERIFY2(panel->status().contains(QStringLiteral("reference only: the text is not in the case")),
                 qPrintable(panel->status()));
        QCOMPARE(window.selection()->currentSource(), QStringLiteral("ref1"));
        // The chooser names it a reference too.
        auto *chooser = panel->findChild<QComboBox *>();
        QVERIFY(chooser);
        QCOMPARE(chooser->currentText(), QStringLiteral("Report on the summons (reference only)"));

        // Nothing to cite from: every "from selection" command is off, and selecting all in the
        // (hidden, empty) reader selects nothing.
        reader->selectAll();
        QVERIFY(window.editor()->selectedCitation().quote.isEmpty());
        for (QAction *a : window.editor()->readerActions()) {
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
        }

        // Copy Citation says it.
        list->selectionModel()->select(list->model()->index(1, 0), QItemSelectionModel::ClearAndSelect);
        QVERIFY(window.citationPanel()->copySelectedCitations());
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.contains(Notice + QStringLiteral(", so the quote is not checked against it")),
                 qPrintable(copied));
        QVERIFY(copied.contains(QStringLiteral("https://example.org/reports/summons")));

        // An ordinary citation brings the reader back, with its passage selected.
        window.selection()->openCitation(0);
        QVERIFY(panel->notice().isEmpty());
        QVERIFY(reader->isVisible());
        QCOMPARE(reader->textCursor().selectedText(), QStringLiteral("the UK said it summoned the Chinese Ambassador"));

        // The untitled reference is named by its URL, and its position (given in the file) is not
        // shown as a place in a text.
        const qsizetype e2 = eventIndex(window.session()->kase(), QStringLiteral("e2"));
        window.selection()->setCurrentEvent(e2);
        window.selection()->openCitation(0);
        QVERIFY(panel->notice().contains(
            QStringLiteral("https://example.org/statements/denial (reference only, no title given)")));
        QVERIFY(!reader->isVisible());
    }

    void reimportingTheTextMakesItAnOrdinarySource()
    {
        QTemporaryDir dir;
        const QString text = dir.filePath(QStringLiteral("summons.txt"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // The text whose SHA-256 the reference records.
            f.write("The UK summoned the ambassador on Monday, the report says.\n");
        }
        MainWindow window;
        QVERIFY(window.openCase(CaseFile));
        window.show();
        const qsizetype e1 = eventIndex(window.session()->kase(), QStringLiteral("e1"));
        window.selection()->setCurrentEvent(e1);
        window.selection()->openCitation(1);
        QVERIFY(!window.sourcePanel()->notice().isEmpty());

        QString summary;
        window.editor()->setDialogRunner([&summary](QDialog *d) {
            auto *dialog = qobject_cast<ReimportDialog *>(d);
            if (!dialog) {
                return false;
            }
            summary = dialog->summaryLabel()->text();
            return true;
        });
        QVERIFY(window.editor()->reimportSource(QStringLiteral("ref1"), text));
        QVERIFY2(summary.contains(QStringLiteral("is a reference only: the case does not hold its text")),
                 qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("SHA-256")), qPrintable(summary)); // it is the text the hash names
        QVERIFY2(summary.contains(QStringLiteral("2 citations")), qPrintable(summary));

        const Case &after = window.document()->kase();
        const Source *ref1 = after.source(QStringLiteral("ref1"));
        QVERIFY(!ref1->referenceOnly);
        QVERIFY(ref1->text.startsWith(QStringLiteral("The UK summoned the ambassador")));
        const Citation &c = after.events[e1].citations[1];
        QCOMPARE(c.anchor, Citation::Anchor::Exact);
        QCOMPARE(c.start, 7);
        QCOMPARE(c.end, 30);

        // The panel shows the text now, the citation shaded and selectable.
        SourcePanel *panel = window.sourcePanel();
        QVERIFY(panel->notice().isEmpty());
        QVERIFY(panel->reader()->isVisible());
        QVERIFY(panel->reader()->toPlainText().startsWith(QStringLiteral("The UK summoned")));
        window.selection()->openCitation(1);
        QCOMPARE(panel->reader()->textCursor().selectedText(), QStringLiteral("summoned the ambassador"));
        QVERIFY(!window.citationPanel()->citationView()->model()->index(1, 0).data().toString().contains(Notice));

        // One undo step: back to a reference, said as such again.
        QCOMPARE(window.document()->undoStack()->count(), 1);
        window.document()->undoStack()->undo();
        QVERIFY(window.document()->kase().source(QStringLiteral("ref1"))->referenceOnly);
        window.selection()->setCurrentEvent(e1);
        window.selection()->openCitation(1);
        QVERIFY(panel->notice().startsWith(QStringLiteral("Reference only")));
        QVERIFY(!panel->reader()->isVisible());
    }

    void aFileThatIsNotTheHashedTextIsSaidToBeAnother()
    {
        QTemporaryDir dir;
        const QString text = dir.filePath(QStringLiteral("other.txt"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Another version: the UK summoned the ambassador.\n");
        }
        MainWindow window;
        QVERIFY(window.openCase(CaseFile));
        QString summary;
        window.editor()->setDialogRunner([&summary](QDialog *d) {
            if (auto *dialog = qobject_cast<ReimportDialog *>(d)) {
                summary = dialog->summaryLabel()->text();
            }
            return false; // cancelled
        });
        QVERIFY(!window.editor()->reimportSource(QStringLiteral("ref1"), text));
        QVERIFY2(summary.contains(QStringLiteral("The file's SHA-256 is not the one the reference records")),
                 qPrintable(summary));
        QVERIFY(window.document()->kase().source(QStringLiteral("ref1"))->referenceOnly);
        QCOMPARE(window.document()->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestReferenceOnly)
#include "tst_referenceonly.moc"
