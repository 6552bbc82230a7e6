#include "anchoring.h"
#include "casedocument.h"
#include "reimport.h"

#include <QTest>
#include <QUndoStack>

using namespace AT;

namespace ReimportTest {

const QString P1 = QStringLiteral("The agency said the intrusion began in March.");
const QString P2 = QStringLiteral("Officials blamed APT99 for the breach.");
const QString P3 = QStringLiteral("A spokesman denied any involvement.");
const QString P4 = QStringLiteral("The ministry confirmed the leak.");
const QString P5 = QStringLiteral("Further details were not given.");

const QString OldText = P1 + QStringLiteral("\n\n") + P2 + QStringLiteral("\n\n") + P3 + QStringLiteral("\n\n") + P4
    + QStringLiteral("\n\n") + P5;

// A paragraph put in before P2, P3 taken out, and P4 with the paragraph after it given twice.
const QString NewText = P1 + QStringLiteral("\n\nA new paragraph was added here.\n\n") + P2 + QStringLiteral("\n\n")
    + P4 + QStringLiteral("\n\n") + P5 + QStringLiteral("\n\n") + P4 + QStringLiteral("\n\n") + P5;

Citation cite(const QString &text, const QString &quote, const QString &sourceId = QStringLiteral("s1"))
{
    const TextIndex index(text);
    const qsizetype at = text.indexOf(quote);
    Q_ASSERT(at >= 0);
    return citationOf(sourceId, index, at, at + quote.size());
}

Case makeCase()
{
    Case kase;
    kase.title = QStringLiteral("Re-import");
    Source s1;
    s1.id = QStringLiteral("s1");
    s1.title = QStringLiteral("Agency statement");
    s1.text = OldText;
    s1.sha256 = sha256Hex(OldText);
    s1.retrieved = DatePoint::fromDate(2024, 3, 1);
    Source s2;
    s2.id = QStringLiteral("s2");
    s2.text = QStringLiteral("Another source that says APT99 for the breach.");
    kase.sources = {s1, s2};

    Actor apt;
    apt.id = QStringLiteral("apt99");
    apt.name = QStringLiteral("APT99");
    apt.kind = QStringLiteral("group");
    Alias alias;
    alias.name = QStringLiteral("APT99");
    alias.citations = {cite(OldText, QStringLiteral("APT99"))};
    apt.aliases = {alias};
    Actor agency;
    agency.id = QStringLiteral("agency");
    agency.name = QStringLiteral("The agency");
    agency.kind = QStringLiteral("agency");
    kase.actors = {apt, agency};

    Event intrusion;
    intrusion.id = QStringLiteral("intrusion");
    intrusion.title = QStringLiteral("Intrusion begins");
    intrusion.category = QStringLiteral("intrusion");
    intrusion.date = PartialDate(DatePoint::fromYearMonth(2024, 3));
    intrusion.citations = {cite(OldText, QStringLiteral("the intrusion began in March"))};
    DateProvenance provenance;
    provenance.kind = DateProvenance::Kind::Stated;
    provenance.citations = {cite(OldText, QStringLiteral("The ministry confirmed the leak"))};
    intrusion.date.setProvenance(provenance);
    kase.events = {intrusion};

    Claim blame;
    blame.id = QStringLiteral("blame");
    blame.attributorId = QStringLiteral("agency");
    blame.subjectId = QStringLiteral("apt99");
    blame.statement = QStringLiteral("Officials blame APT99");
    blame.citations = {cite(OldText, QStringLiteral("Officials blamed APT99 for the breach")),
                       cite(kase.sources[1].text, QStringLiteral("APT99 for the breach"), QStringLiteral("s2"))};
    kase.claims = {blame};

    Disagreement d;
    d.id = QStringLiteral("who");
    d.question = QStringLiteral("Was the agency involved?");
    d.versions = {DisagreementVersion {QStringLiteral("No"), {cite(OldText, P3.chopped(1))}}};
    kase.disagreements = {d};
    return kase;
}

} // namespace ReimportTest

using namespace ReimportTest;

class tst_Reimport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void previewListsEveryCitation();
    void editMovesReanchoredCitations();
    void editUndoesExactly();
    void documentUndoRedo();
    void unchangedAndUnknown();
    void referenceOnlySourceGetsItsText();
};

void tst_Reimport::previewListsEveryCitation()
{
    const Case kase = makeCase();
    const ReimportPreview p = previewReimport(kase, QStringLiteral("s1"), NewText);
    QVERIFY(p.error.isEmpty());
    QVERIFY(p.textChanged);
    // Every citation of s1 (not the one of s2), in the case's order, with where it is.
    QStringList rows;
    for (const ReimportCitation &c : p.citations) {
        rows << QStringLiteral("%1 | %2 | %3 | %4-%5 -> %6-%7")
                    .arg(c.where, c.citation.quote, reimportStatusName(c.status))
                    .arg(c.citation.start)
                    .arg(c.citation.end)
                    .arg(c.newStart)
                    .arg(c.newEnd);
    }
    const qint64 moved = NewText.indexOf(QStringLiteral("Officials"));
    const QStringList expected = {
        QStringLiteral("alias \u201cAPT99\u201d of actor \u201cAPT99\u201d | APT99 | moves | 64-69 -> %1-%2")
            .arg(NewText.indexOf(QStringLiteral("APT99")))
            .arg(NewText.indexOf(QStringLiteral("APT99")) + 5),
        QStringLiteral(
            "event \u201cIntrusion begins\u201d | the intrusion began in March | same place | 16-44 -> 16-44"),
        QStringLiteral("date of event \u201cIntrusion begins\u201d | The ministry confirmed the leak | ambiguous | "
                       "124-155 -> -1--1"),
        QStringLiteral("claim \u201cOfficials blame APT99\u201d | Officials blamed APT99 for the breach | moves | "
                       "47-84 -> %1-%2")
            .arg(moved)
            .arg(moved + 37),
        QStringLiteral("version \u201cNo\u201d of disagreement \u201cWas the agency involved?\u201d | "
                       "A spokesman denied any involvement | not found | 87-121 -> -1--1"),
    };
    QCOMPARE(rows, expected);
    QCOMPARE(p.exact, 1);
    QCOMPARE(p.reanchored, 2);
    QCOMPARE(p.ambiguous, 1);
    QCOMPARE(p.orphaned, 1);
    QCOMPARE(p.count(Citation::Anchor::Reanchored), 2);
    QCOMPARE(p.citations.at(0).kind, EntityKind::Actor);
    QCOMPARE(p.citations.at(0).entityId, QStringLiteral("apt99"));
    QCOMPARE(p.citations.at(3).kind, EntityKind::Claim);
}

void tst_Reimport::editMovesReanchoredCitations()
{
    const Case kase = makeCase();
    const CaseEdit edit = reimportEdit(kase, QStringLiteral("s1"), NewText, DatePoint::fromDate(2024, 4, 2));
    QVERIFY(!edit.isEmpty());
    QVERIFY(edit.text().contains(QStringLiteral("Agency statement")));
    const Case &after = edit.kase();
    const Source *s1 = after.source(QStringLiteral("s1"));
    QCOMPARE(s1->text, NewText);
    QCOMPARE(s1->sha256, sha256Hex(NewText));
    QCOMPARE(s1->retrieved, DatePoint::fromDate(2024, 4, 2));
    QCOMPARE(s1->title, QStringLiteral("Agency statement"));
    QCOMPARE(*after.source(QStringLiteral("s2")), kase.sources.at(1));

    // The moved citations stand exactly at their new positions, with context from the new text.
    const TextIndex index(NewText);
    const Citation &claimCitation = after.claim(QStringLiteral("blame"))->citations.at(0);
    QVERIFY(isAtStatedPosition(claimCitation, index));
    QCOMPARE(claimCitation.start, NewText.indexOf(QStringLiteral("Officials")));
    QCOMPARE(claimCitation.prefix, contextBefore(index, claimCitation.start));
    QCOMPARE(claimCitation.suffix, contextAfter(index, claimCitation.end));
    QCOMPARE(anchorCitation(claimCitation, index).anchor, Citation::Anchor::Exact);
    const Citation &aliasCitation = after.actor(QStringLiteral("apt99"))->aliases.at(0).citations.at(0);
    QVERIFY(isAtStatedPosition(aliasCitation, index));
    // The other source's citation in the same claim is untouched.
    QCOMPARE(after.claim(QStringLiteral("blame"))->citations.at(1), kase.claims.at(0).citations.at(1));
    // Exact, ambiguous and orphaned ones are kept as they were.
    QCOMPARE(after.event(QStringLiteral("intrusion"))->citations, kase.events.at(0).citations);
    QCOMPARE(after.event(QStringLiteral("intrusion"))->date, kase.events.at(0).date);
    QCOMPARE(*after.disagreement(QStringLiteral("who")), kase.disagreements.at(0));
    // ... but say at once what they are now: the window shows a broken citation as broken.
    QCOMPARE(after.event(QStringLiteral("intrusion"))->citations.at(0).anchor, Citation::Anchor::Exact);
    QCOMPARE(after.event(QStringLiteral("intrusion"))->date.provenanceCitations().at(0).anchor,
             Citation::Anchor::Ambiguous);
    QCOMPARE(after.disagreement(QStringLiteral("who"))->versions.at(0).citations.at(0).anchor,
             Citation::Anchor::Orphaned);
    // Only what changed is in the edit: the source, the actor, the claim, and the event and the
    // disagreement whose citations' status changed.
    QCOMPARE(edit.changes().size(), 5);
}

void tst_Reimport::editUndoesExactly()
{
    const Case kase = makeCase();
    const CaseEdit edit = reimportEdit(kase, QStringLiteral("s1"), NewText);
    Case copy = kase;
    for (const CaseChange &change : edit.changes()) {
        applyChange(copy, change, true);
    }
    QCOMPARE(copy, edit.kase());
    QVERIFY(copy != kase);
    // The retrieval date stays when none is given.
    QCOMPARE(copy.source(QStringLiteral("s1"))->retrieved, DatePoint::fromDate(2024, 3, 1));
    for (auto it = edit.changes().crbegin(); it != edit.changes().crend(); ++it) {
        applyChange(copy, *it, false);
    }
    QVERIFY(copy == kase);
    // Citation positions too (== compares them).
    QCOMPARE(copy.claims.at(0).citations.at(0).start, kase.claims.at(0).citations.at(0).start);
}

void tst_Reimport::documentUndoRedo()
{
    const Case kase = makeCase();
    CaseDocument document;
    document.reset(std::make_shared<const Case>(kase), QString());
    const CaseEdit edit = reimportEdit(document.kase(), QStringLiteral("s1"), NewText);
    QVERIFY(document.apply(edit));
    QCOMPARE(document.undoStack()->count(), 1); // one undo step
    QCOMPARE(document.kase(), edit.kase());
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QVERIFY(document.kase() == kase);
    QVERIFY(!document.isModified());
    document.undoStack()->redo();
    QCOMPARE(document.kase(), edit.kase());
}

void tst_Reimport::unchangedAndUnknown()
{
    const Case kase = makeCase();
    const ReimportPreview same = previewReimport(kase, QStringLiteral("s1"), OldText);
    QVERIFY(!same.textChanged);
    QCOMPARE(same.exact, 5);
    QVERIFY(reimportEdit(kase, QStringLiteral("s1"), OldText).isEmpty());

    const ReimportPreview unknown = previewReimport(kase, QStringLiteral("nope"), NewText);
    QVERIFY(unknown.error.contains(QStringLiteral("nope")));
    QVERIFY(unknown.citations.isEmpty());
    QVERIFY(reimportEdit(kase, QStringLiteral("nope"), NewText).isEmpty());
}

// Re-importing a reference-only source gives it its text: it becomes an ordinary source and its
// citations are checked against the text for the first time; the preview says whether the file is
// the text the reference's hash names.
void tst_Reimport::referenceOnlySourceGetsItsText()
{
    Case kase = makeCase();
    Source ref;
    ref.id = QStringLiteral("ref");
    ref.title = QStringLiteral("Elsewhere");
    ref.referenceOnly = true;
    ref.sha256 = sha256Hex(OldText);
    kase.sources << ref;
    Citation found; // no position: the quote is searched for
    found.sourceId = ref.id;
    found.quote = QStringLiteral("Officials blamed APT99");
    found.anchor = Citation::Anchor::ReferenceOnly;
    Citation missing = found;
    missing.quote = QStringLiteral("not in the text at all");
    kase.claims[0].citations << found << missing;

    const ReimportPreview preview = previewReimport(kase, ref.id, OldText);
    QVERIFY(preview.textChanged);
    QVERIFY(preview.wasReferenceOnly);
    QVERIFY(!preview.hashDiffers);
    QCOMPARE(preview.citations.size(), 2);
    QCOMPARE(preview.reanchored, 1);
    QCOMPARE(preview.orphaned, 1);
    QVERIFY(previewReimport(kase, ref.id, NewText + QStringLiteral("!")).hashDiffers);
    QVERIFY(!previewReimport(kase, QStringLiteral("s1"), NewText).wasReferenceOnly);

    const CaseEdit edit = reimportEdit(kase, ref.id, OldText);
    const Case &after = edit.kase();
    const Source *now = after.source(ref.id);
    QVERIFY(!now->referenceOnly);
    QCOMPARE(now->text, OldText);
    QCOMPARE(now->sha256, sha256Hex(OldText));
    const Citation &moved = after.claims[0].citations[2];
    QCOMPARE(moved.anchor, Citation::Anchor::Exact);
    QCOMPARE(moved.start, OldText.indexOf(found.quote));
    QCOMPARE(moved.end, moved.start + found.quote.size());
    QCOMPARE(after.claims[0].citations[3].anchor, Citation::Anchor::Orphaned);
}

QTEST_GUILESS_MAIN(tst_Reimport)
#include "tst_reimport.moc"
