// A case built from nothing in the window, as a journalist would: three sources in (a text file, a
// web page and a PDF), three selections cited, an event, an actor with an alias, a claim with its
// confidence wording and a disagreement with two versions. Every step is undone and redone and the
// case compared after each; the case is saved, reopened and compared, and --check passes on it.
#include "actordialog.h"
#include "casedocument.h"
#include "caseeditor.h"
#include "casereader.h"
#include "casesession.h"
#include "citationpanel.h"
#include "claimdialog.h"
#include "dateedit.h"
#include "disagreementdialog.h"
#include "eventdialog.h"
#include "mainwindow.h"
#include "reimport.h"
#include "reimportdialog.h"
#include "selectionstate.h"
#include "sourceimportdialog.h"
#include "sourcepanel.h"
#include "sourcereader.h"
#include "windowtest.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace AT;
using namespace AT::WindowTest;

namespace BuildCaseTest {

const QString Article = QStringLiteral(
    "Officials said on Tuesday that a group called Bronze Lantern broke into the ministry's mail server.\n\n"
    "The agency assessed it was \u201chighly likely\u201d that Bronze Lantern acted for the state.\n");

const QString Page
    = QStringLiteral("<!doctype html><html><head><title>Ministry breach: what we know</title>"
                     "<meta property=\"og:site_name\" content=\"The Example Gazette\">"
                     "<script>document.write('not text')</script><style>p{color:red}</style></head>"
                     "<body><nav>Home | World | Tech</nav><article><h1>Ministry breach: what we know</h1>"
                     "<p>The intrusion began in early March, according to two people familiar with it.</p>"
                     "<p>A spokesperson denied that any state was involved.</p></article>"
                     "<footer>Subscribe now</footer></body></html>");

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

bool writePdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setTitle(QStringLiteral("Incident report"));
    QPainter p(&writer);
    if (!p.isActive()) {
        return false;
    }
    QFont font = p.font();
    font.setPointSize(12);
    p.setFont(font);
    p.drawText(QPointF(200, 400), QStringLiteral("Incident report, page one."));
    writer.newPage();
    p.drawText(QPointF(200, 400), QStringLiteral("Bronze Lantern is also known as Copper Kite."));
    return p.end();
}

void setCombo(QComboBox *box, const QString &text)
{
    const int i = box->findText(text);
    if (i >= 0) {
        box->setCurrentIndex(i);
    } else {
        box->setEditText(text);
    }
}

// A form is "filled in" by `fill`, then accepted through its OK button, as a user does.
template<typename Dialog> CaseEditor::DialogRunner filling(std::function<void(Dialog *)> fill)
{
    return [fill](QDialog *d) {
        auto *dialog = qobject_cast<Dialog *>(d);
        if (!dialog) {
            qWarning("unexpected dialog %s", d->metaObject()->className());
            return false;
        }
        fill(dialog);
        return true;
    };
}

} // namespace BuildCaseTest

using namespace BuildCaseTest;

class TestBuildCase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aCaseFromNothing()
    {
        QTemporaryDir dir;
        const QString txt = dir.filePath(QStringLiteral("article.txt"));
        const QString html = dir.filePath(QStringLiteral("page.html"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(writeFile(txt, Article.toUtf8()));
        QVERIFY(writeFile(html, Page.toUtf8()));
        QVERIFY(writePdf(pdf));

        MainWindow window;
        window.newCase();
        CaseDocument *doc = window.document();
        CaseEditor *editor = window.editor();
        QList<Case> states {doc->kase()};
        auto stepDone = [&] {
            QCOMPARE(doc->undoStack()->count(), states.size());
            states << doc->kase();
        };

        // Sources in.
        editor->setDialogRunner(filling<SourceImportDialog>([](SourceImportDialog *d) {
            d->titleEdit()->setText(QStringLiteral("Officials blame Bronze Lantern"));
            d->publisherEdit()->setText(QStringLiteral("Example Wire"));
        }));
        QVERIFY(editor->addSourceFromFile(txt));
        stepDone();
        editor->setDialogRunner(filling<SourceImportDialog>([](SourceImportDialog *) {}));
        QVERIFY(editor->addSourceFromFile(html));
        stepDone();
        QVERIFY(editor->addSourceFromFile(pdf));
        stepDone();
        const Case &k = doc->kase();
        QCOMPARE(k.sources.size(), 3);
        const Source txtSource = k.sources[0];
        const Source htmlSource = k.sources[1];
        const Source pdfSource = k.sources[2];
        QCOMPARE(txtSource.publisher, QStringLiteral("Example Wire"));
        QCOMPARE(htmlSource.title, QStringLiteral("Ministry breach: what we know"));
        QCOMPARE(htmlSource.publisher, QStringLiteral("The Example Gazette"));
        QVERIFY(!htmlSource.text.contains(QStringLiteral("document.write")));
        QVERIFY(!htmlSource.text.contains(QStringLiteral("Subscribe")));
        QVERIFY(pdfSource.text.contains(QLatin1Char('\f'))); // two pages
        QVERIFY(!txtSource.sha256.isEmpty() && txtSource.retrieved.isValid());

        // Selection 1 (the text file): a new event from it.
        QVERIFY(selectInReader(window, txtSource.id,
                               QStringLiteral("a group called Bronze Lantern broke into the ministry's mail server")));
        editor->setDialogRunner(filling<EventDialog>([](EventDialog *d) {
            d->titleEdit()->setText(QStringLiteral("Ministry mail server breached"));
            setCombo(d->categoryBox(), QStringLiteral("intrusion"));
            d->dateEdit()->setDate(PartialDate(DatePoint::fromYearMonth(2024, 3)));
            d->notesEdit()->setPlainText(QStringLiteral("Ask the ministry which month exactly"));
        }));
        QVERIFY(editor->newEventFromSelection());
        stepDone();
        QCOMPARE(doc->kase().events.size(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("New event \u201cMinistry mail server breached\u201d"));
        const QString eventId = doc->kase().events[0].id;
        QCOMPARE(window.selection()->currentEvent(), 0);

        // Selection 2 (the web page): cited in the event too.
        QVERIFY(selectInReader(window, htmlSource.id, QStringLiteral("The intrusion began in early March")));
        QVERIFY(editor->citeSelectionInCurrentEvent());
        stepDone();
        QCOMPARE(doc->kase().events[0].citations.size(), 2);

        // An actor, and its alias from selection 3 (the PDF's second page).
        editor->setDialogRunner(filling<ActorDialog>([](ActorDialog *d) {
            d->nameEdit()->setText(QStringLiteral("Bronze Lantern"));
            setCombo(d->kindBox(), QStringLiteral("group"));
        }));
        QVERIFY(editor->newActor());
        stepDone();
        const QString actorId = doc->kase().actors[0].id;
        QCOMPARE(window.selection()->currentActor(), actorId);
        QVERIFY(selectInReader(window, pdfSource.id, QStringLiteral("Copper Kite")));
        QVERIFY(editor->addSelectionAsAlias());
        stepDone();
        const Alias alias = doc->kase().actors[0].aliases.value(0);
        QCOMPARE(alias.name, QStringLiteral("Copper Kite"));
        QCOMPARE(alias.citations.value(0).sourceId, pdfSource.id);

        // The PDF's passage cited in the event too: the citation says on which page it is.
        window.selection()->setCurrentEvent(0);
        QVERIFY(selectInReader(window, pdfSource.id, QStringLiteral("Bronze Lantern is also known as Copper Kite.")));
        QVERIFY(editor->citeSelectionInCurrentEvent());
        stepDone();
        const QAbstractItemModel *citations = window.citationPanel()->citationView()->model();
        QCOMPARE(citations->rowCount(), 3);
        const QString shown = citations->index(2, 0).data().toString();
        QVERIFY2(shown.contains(QStringLiteral("Incident report")) && shown.contains(QStringLiteral(", p. 2")),
                 qPrintable(shown));

        // A claim with its confidence wording, from a selection.
        const QString agency = [&] {
            editor->setDialogRunner(filling<ActorDialog>([](ActorDialog *d) {
                d->nameEdit()->setText(QStringLiteral("The agency"));
                setCombo(d->kindBox(), QStringLiteral("agency"));
            }));
            return editor->newActor() ? doc->kase().actors.last().id : QString();
        }();
        QVERIFY(!agency.isEmpty());
        stepDone();
        QVERIFY(selectInReader(
            window, txtSource.id,
            QStringLiteral(
                "The agency assessed it was \u201chighly likely\u201d that Bronze Lantern acted for the state.")));
        editor->setDialogRunner(filling<ClaimDialog>([](ClaimDialog *d) {
            setCombo(d->attributorBox(), QStringLiteral("The agency"));
            setCombo(d->subjectBox(), QStringLiteral("Bronze Lantern"));
            d->statementEdit()->setPlainText(QStringLiteral("Bronze Lantern acted for the state"));
            d->confidenceEdit()->setText(QStringLiteral("highly likely"));
        }));
        QVERIFY(editor->newClaimFromSelection());
        stepDone();
        const Claim claim = doc->kase().claims.value(0);
        QCOMPARE(claim.attributorId, agency);
        QCOMPARE(claim.subjectId, actorId);
        QCOMPARE(claim.eventId, eventId);
        QCOMPARE(claim.confidence, QStringLiteral("highly likely"));

        // A disagreement, its two versions cited.
        editor->setDialogRunner(filling<DisagreementDialog>([](DisagreementDialog *d) {
            d->questionEdit()->setText(QStringLiteral("Was a state behind the breach?"));
            d->versionStatement(0)->setPlainText(QStringLiteral("The agency: highly likely a state"));
            d->versionStatement(1)->setPlainText(QStringLiteral("A spokesperson denies any state was involved"));
        }));
        QVERIFY(editor->newDisagreement());
        stepDone();
        const QString disagreementId = doc->kase().disagreements.value(0).id;
        QVERIFY(selectInReader(window, txtSource.id, QStringLiteral("acted for the state")));
        QVERIFY(editor->citeSelectionInDisagreement(disagreementId, 0));
        stepDone();
        QVERIFY(selectInReader(window, htmlSource.id,
                               QStringLiteral("A spokesperson denied that any state was involved.")));
        QVERIFY(editor->citeSelectionInDisagreement(disagreementId, 1));
        stepDone();
        QCOMPARE(doc->kase().disagreements[0].versions[1].citations.size(), 1);

        // Undo every step, then redo every one, comparing the case each time.
        QUndoStack *undo = doc->undoStack();
        QCOMPARE(undo->count(), states.size() - 1);
        for (qsizetype i = states.size() - 2; i >= 0; --i) {
            undo->undo();
            QVERIFY2(doc->kase() == states[i], qPrintable(QStringLiteral("undone to step %1").arg(i)));
            QCOMPARE(window.session()->kase().events.size(), states[i].events.size());
        }
        for (qsizetype i = 1; i < states.size(); ++i) {
            undo->redo();
            QVERIFY2(doc->kase() == states[i], qPrintable(QStringLiteral("redone step %1").arg(i)));
        }

        // Saved, reopened: the same case; --check finds nothing wrong.
        const QString saved = dir.filePath(QStringLiteral("bronze-lantern.json"));
        QString error;
        QVERIFY2(window.saveTo(saved, true, &error), qPrintable(error));
        CaseLoad load = CaseReader::readFile(saved);
        QVERIFY(load.ok());
        QCOMPARE(load.warningCount(), 0);
        QVERIFY(load.kase == doc->kase());
        load.kase.forEachCitation([](const Citation &c) { QCOMPARE(c.anchor, Citation::Anchor::Exact); });
        MainWindow reopened;
        QVERIFY(reopened.openCase(saved));
        QVERIFY(reopened.document()->kase() == doc->kase());
        QProcess check;
        check.start(QStringLiteral(AT_APP_PATH), {QStringLiteral("--check"), saved});
        QVERIFY(check.waitForFinished(60000));
        const QString report = QString::fromUtf8(check.readAllStandardOutput());
        QVERIFY2(check.exitCode() == 0 && report.contains(QStringLiteral("Problems: 0 errors, 0 warnings")),
                 qPrintable(report + QString::fromUtf8(check.readAllStandardError())));

        // The article is corrected: a paragraph added at the top, the agency's sentence removed.
        // Re-importing it shows each citation's fate first, then moves what moved, in one step.
        QString corrected = Article;
        corrected.replace(
            QStringLiteral(
                "The agency assessed it was \u201chighly likely\u201d that Bronze Lantern acted for the state.\n"),
            QString());
        corrected.prepend(QStringLiteral("Correction appended on Thursday.\n\n"));
        QVERIFY(writeFile(txt, corrected.toUtf8()));
        QList<ReimportCitation> shownRows;
        editor->setDialogRunner(filling<ReimportDialog>([&shownRows](ReimportDialog *d) { shownRows = d->rows(); }));
        const qsizetype stepsBefore = undo->count();
        QVERIFY(editor->reimportSource(txtSource.id, txt));
        QCOMPARE(undo->count(), stepsBefore + 1);
        QStringList fates;
        for (const ReimportCitation &r : std::as_const(shownRows)) {
            fates << reimportStatusName(r.status);
        }
        fates.sort();
        // The event's, the claim's and the disagreement version's citations of the article.
        QCOMPARE(fates,
                 (QStringList {QStringLiteral("moves"), QStringLiteral("not found"), QStringLiteral("not found")}));
        const Event &moved = doc->kase().events[0];
        QCOMPARE(moved.citations[0].anchor, Citation::Anchor::Exact);
        QCOMPARE(moved.citations[0].start, corrected.indexOf(QStringLiteral("a group called")));
        QCOMPARE(doc->kase().claims[0].citations[0].anchor, Citation::Anchor::Orphaned);
        QCOMPARE(doc->kase().source(txtSource.id)->text, corrected);
        undo->undo();
        QVERIFY(doc->kase() == load.kase);
    }
};

QTEST_MAIN(TestBuildCase)
#include "tst_buildcase.moc"
