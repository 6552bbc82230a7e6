// Marking passages reviewed and unmarking them, as undo steps; what deleting or re-importing a
// source does to the marks.
#include "anchoring.h"
#include "casedocument.h"
#include "references.h"
#include "reimport.h"
#include "reviewing.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace AT;

namespace ReviewingTest {

const QString Text = QStringLiteral("Aaaa bbbb. Cccc dddd. Eeee ffff.");

Citation cite(const QString &text, const QString &quote, const QString &sourceId = QStringLiteral("s1"))
{
    const TextIndex index(text);
    const qsizetype at = text.indexOf(quote);
    Q_ASSERT(at >= 0);
    return citationOf(sourceId, index, at, at + quote.size());
}

std::shared_ptr<const Case> makeCase()
{
    auto kase = std::make_shared<Case>();
    kase->title = QStringLiteral("Reviewing");
    Source s1;
    s1.id = QStringLiteral("s1");
    s1.text = Text;
    Source s2;
    s2.id = QStringLiteral("s2");
    s2.text = Text;
    kase->sources = {s1, s2};
    ReviewedPassage kept;
    kept.passage = cite(Text, QStringLiteral("Eeee ffff."), QStringLiteral("s2"));
    kept.reason = ReviewReason::Opinion;
    kase->reviewed << kept;
    return kase;
}

} // namespace ReviewingTest

using namespace ReviewingTest;

class tst_Reviewing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void markAndUndo();
    void markingAgainChangesTheReason();
    void emptyPassageIsNoEdit();
    void unmark_data();
    void unmark();
    void deletingTheSourceDeletesItsMarks();
    void reimportMovesMarks();
};

void tst_Reviewing::markAndUndo()
{
    CaseDocument doc;
    doc.reset(makeCase(), QString());
    QSignalSpy edited(&doc, &CaseDocument::caseEdited);
    const CaseEdit edit = markReviewedEdit(doc.kase(), cite(Text, QStringLiteral("Aaaa bbbb.")),
                                           ReviewReason::Boilerplate, QStringLiteral("a byline"));
    QCOMPARE(edit.text(), QStringLiteral("Mark \u201cAaaa bbbb.\u201d reviewed (boilerplate)"));
    QVERIFY(doc.apply(edit));
    QCOMPARE(edited.size(), 1);
    QCOMPARE(doc.kase().reviewed.size(), 2);
    const ReviewedPassage &mark = doc.kase().reviewed[1];
    QCOMPARE(mark.passage.sourceId, QStringLiteral("s1"));
    QCOMPARE(mark.passage.start, 0);
    QCOMPARE(mark.passage.end, 10);
    QCOMPARE(mark.reason, ReviewReason::Boilerplate);
    QCOMPARE(mark.note, QStringLiteral("a byline"));
    QVERIFY(doc.isModified());
    QCOMPARE(doc.undoStack()->undoText(), edit.text());
    doc.undoStack()->undo();
    QCOMPARE(doc.kase().reviewed, makeCase()->reviewed);
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QCOMPARE(doc.kase().reviewed.size(), 2);
    QCOMPARE(doc.kase().reviewed[1], mark);
}

void tst_Reviewing::markingAgainChangesTheReason()
{
    CaseDocument doc;
    doc.reset(makeCase(), QString());
    const Citation same = cite(Text, QStringLiteral("Eeee ffff."), QStringLiteral("s2"));
    QVERIFY(doc.apply(markReviewedEdit(doc.kase(), same, ReviewReason::Duplicate, QStringLiteral("of s1"))));
    QCOMPARE(doc.kase().reviewed.size(), 1);
    QCOMPARE(doc.kase().reviewed[0].reason, ReviewReason::Duplicate);
    QCOMPARE(doc.kase().reviewed[0].note, QStringLiteral("of s1"));
    // Marking it again just as it is changes nothing and adds no undo step.
    const CaseEdit again = markReviewedEdit(doc.kase(), same, ReviewReason::Duplicate, QStringLiteral("of s1"));
    QVERIFY(again.isEmpty());
    QCOMPARE(doc.undoStack()->count(), 1);
}

void tst_Reviewing::emptyPassageIsNoEdit()
{
    const std::shared_ptr<const Case> kase = makeCase();
    const TextIndex index(Text);
    QVERIFY(markReviewedEdit(*kase, citationOf(QStringLiteral("s1"), index, 4, 5), ReviewReason::Opinion, {})
                .isEmpty()); // a space only
    QVERIFY(markReviewedEdit(*kase, Citation {}, ReviewReason::Opinion, {}).isEmpty());
}

void tst_Reviewing::unmark_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<int>("removed");
    QTest::addColumn<QString>("text");
    // Marks: s1 [0,10) and [11,21); s2 [22,32).
    QTest::newRow("one, by a stretch inside it")
        << QStringLiteral("s1") << qint64(2) << qint64(4) << 1 << QStringLiteral("Unmark \u201cAaaa bbbb.\u201d");
    QTest::newRow("both, by a stretch across")
        << QStringLiteral("s1") << qint64(5) << qint64(15) << 2 << QStringLiteral("Unmark 2 reviewed passages");
    QTest::newRow("touching only") << QStringLiteral("s1") << qint64(10) << qint64(11) << 0 << QString();
    QTest::newRow("cursor inside") << QStringLiteral("s1") << qint64(11) << qint64(11) << 1
                                   << QStringLiteral("Unmark \u201cCccc dddd.\u201d");
    QTest::newRow("cursor just after") << QStringLiteral("s1") << qint64(10) << qint64(10) << 0 << QString();
    QTest::newRow("another source") << QStringLiteral("s2") << qint64(0) << qint64(21) << 0 << QString();
}

void tst_Reviewing::unmark()
{
    QFETCH(QString, source);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(int, removed);
    QFETCH(QString, text);
    CaseDocument doc;
    doc.reset(makeCase(), QString());
    QVERIFY(
        doc.apply(markReviewedEdit(doc.kase(), cite(Text, QStringLiteral("Aaaa bbbb.")), ReviewReason::Opinion, {})));
    QVERIFY(
        doc.apply(markReviewedEdit(doc.kase(), cite(Text, QStringLiteral("Cccc dddd.")), ReviewReason::Opinion, {})));
    const Case before = doc.kase();
    QCOMPARE(reviewedMarksAt(before, source, start, end).size(), removed);
    const CaseEdit edit = unmarkReviewedEdit(before, source, start, end);
    QCOMPARE(edit.isEmpty(), removed == 0);
    if (removed == 0) {
        return;
    }
    QCOMPARE(edit.text(), text);
    QVERIFY(doc.apply(edit));
    QCOMPARE(doc.kase().reviewed.size(), before.reviewed.size() - removed);
    // The other source's mark stays.
    QCOMPARE(doc.kase().reviewed.first().passage.sourceId, QStringLiteral("s2"));
    doc.undoStack()->undo();
    QCOMPARE(doc.kase().reviewed, before.reviewed);
}

void tst_Reviewing::deletingTheSourceDeletesItsMarks()
{
    CaseDocument doc;
    doc.reset(makeCase(), QString());
    QVERIFY(doc.apply(markReviewedEdit(doc.kase(), cite(Text, QStringLiteral("Aaaa")), ReviewReason::Opinion, {})));
    QVERIFY(doc.apply(markReviewedEdit(doc.kase(), cite(Text, QStringLiteral("dddd")), ReviewReason::Opinion, {})));
    const QList<Reference> refs = referencesTo(doc.kase(), EntityKind::Source, QStringLiteral("s1"));
    QCOMPARE(refs.size(), 1);
    QCOMPARE(refs[0].kind, EntityKind::Reviewed);
    QCOMPARE(refs[0].text, QStringLiteral("2 passages of it are marked reviewed (the marks are deleted with it)"));
    const Case before = doc.kase();
    QVERIFY(doc.apply(removalEdit(doc.kase(), EntityKind::Source, QStringLiteral("s1"))));
    QCOMPARE(doc.kase().sources.size(), 1);
    QCOMPARE(doc.kase().reviewed.size(), 1);
    QCOMPARE(doc.kase().reviewed[0].passage.sourceId, QStringLiteral("s2"));
    doc.undoStack()->undo();
    QCOMPARE(doc.kase(), before);
}

void tst_Reviewing::reimportMovesMarks()
{
    CaseDocument doc;
    doc.reset(makeCase(), QString());
    QVERIFY(doc.apply(
        markReviewedEdit(doc.kase(), cite(Text, QStringLiteral("Cccc dddd.")), ReviewReason::Background, {})));
    QVERIFY(
        doc.apply(markReviewedEdit(doc.kase(), cite(Text, QStringLiteral("Eeee ffff.")), ReviewReason::Opinion, {})));
    // A sentence put in front: the first mark moves; the second's words are gone.
    const QString newText = QStringLiteral("New words here. Aaaa bbbb. Cccc dddd. Eeee gone.");
    const ReimportPreview preview = previewReimport(doc.kase(), QStringLiteral("s1"), newText);
    QCOMPARE(preview.citations.size(), 2);
    QCOMPARE(preview.citations[0].kind, EntityKind::Reviewed);
    QCOMPARE(preview.citations[0].where, QStringLiteral("passage marked reviewed (background)"));
    QCOMPARE(preview.citations[0].status, Citation::Anchor::Reanchored);
    QCOMPARE(preview.citations[1].status, Citation::Anchor::Orphaned);
    QVERIFY(doc.apply(reimportEdit(doc.kase(), QStringLiteral("s1"), newText)));
    const QList<ReviewedPassage> &marks = doc.kase().reviewed;
    QCOMPARE(marks.size(), 3);
    QCOMPARE(marks[0].passage.sourceId, QStringLiteral("s2")); // another source's: untouched
    QCOMPARE(marks[0].passage.start, 22);
    QCOMPARE(marks[1].passage.start, 27);
    QCOMPARE(marks[1].passage.end, 37);
    QCOMPARE(marks[1].passage.anchor, Citation::Anchor::Exact);
    QCOMPARE(marks[2].passage.anchor, Citation::Anchor::Orphaned);
    doc.undoStack()->undo();
    QCOMPARE(doc.kase().reviewed[1].passage.start, 11);
}

QTEST_GUILESS_MAIN(tst_Reviewing)
#include "tst_reviewing.moc"
