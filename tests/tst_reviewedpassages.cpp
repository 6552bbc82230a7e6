// Reviewed passages in the case file: read, anchored as citations are, checked, written back,
// counted apart from citations.
#include "anchoring.h"
#include "casereader.h"
#include "casereport.h"
#include "casewriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AT;

namespace ReviewedPassagesTest {

// "On Monday the UK said it summoned the Chinese Ambassador. China denied wrongdoing."
// China denied wrongdoing. = [58, 82)
constexpr const char *Base = R"({
    "format": "attribution-timeline-case", "version": 1, "title": "Reviewed",
    "sources": [
        {"id": "s1", "text": "On Monday the UK said it summoned the Chinese Ambassador. China denied wrongdoing."},
        {"id": "ref", "url": "https:\/\/example.org\/r", "referenceOnly": true}
    ],
    "events": [
        {"id": "e1", "title": "Summons", "category": "diplomatic", "date": {"start": "2024-03-25"},
         "citations": [{"source": "s1", "quote": "the UK said it summoned the Chinese Ambassador", "start": 10, "end": 56}]}
    ],
    "reviewed": [
        {"passage": {"source": "s1", "quote": "China denied wrongdoing.", "start": 58, "end": 82},
         "reason": "duplicate", "note": "of the denial in s2"},
        {"passage": {"source": "s1", "quote": "On Monday", "start": 0, "end": 9}, "reason": "background"}
    ]
})";

QString problemsText(const CaseLoad &load)
{
    QStringList out;
    for (const Problem &p : load.problems) {
        out << p.toString();
    }
    return out.join(QLatin1Char('\n'));
}

// Base with the first reviewed passage changed by `change`.
CaseLoad readWith(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject root = QJsonDocument::fromJson(Base).object();
    QJsonArray reviewed = root.value(QStringLiteral("reviewed")).toArray();
    QJsonObject first = reviewed.at(0).toObject();
    change(first);
    reviewed.replace(0, first);
    root.insert(QStringLiteral("reviewed"), reviewed);
    return CaseReader::readData(QJsonDocument(root).toJson(), QStringLiteral("r.json"), QString());
}

QJsonObject passage(const QString &quote, qint64 start, qint64 end, const QString &source = QStringLiteral("s1"))
{
    return QJsonObject {{QStringLiteral("source"), source},
                        {QStringLiteral("quote"), quote},
                        {QStringLiteral("start"), start},
                        {QStringLiteral("end"), end}};
}

} // namespace ReviewedPassagesTest

using namespace ReviewedPassagesTest;

class tst_ReviewedPassages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reads();
    void reasons_data();
    void reasons();
    void unknownReasonNamesTheReasons();
    void duplicateWithoutNoteIsAWarning();
    void citedPassageIsNotUnused();
    void anchoredLikeCitations_data();
    void anchoredLikeCitations();
    void brokenPassageIsAnError();
    void roundTrip();
    void caseWithoutReviewedIsWrittenAsBefore();
    void referenceOnlyPassage();
    void checkCountsThemApart();
};

void tst_ReviewedPassages::reads()
{
    const CaseLoad load = CaseReader::readData(Base, QStringLiteral("r.json"), QString());
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
    QCOMPARE(load.kase.reviewed.size(), 2);
    const ReviewedPassage &r = load.kase.reviewed[0];
    QCOMPARE(r.passage.sourceId, QStringLiteral("s1"));
    QCOMPARE(r.passage.quote, QStringLiteral("China denied wrongdoing."));
    QCOMPARE(r.passage.anchor, Citation::Anchor::Exact);
    QCOMPARE(r.reason, ReviewReason::Duplicate);
    QCOMPARE(r.note, QStringLiteral("of the denial in s2"));
    QCOMPARE(load.kase.reviewed[1].reason, ReviewReason::Background);
    QVERIFY(load.kase.reviewed[1].note.isEmpty());
    // Not a citation.
    qsizetype citations = 0;
    load.kase.forEachCitation([&](const Citation &) { ++citations; });
    QCOMPARE(citations, 1);
    qsizetype passages = 0;
    load.kase.forEachPassage([&](const Citation &) { ++passages; });
    QCOMPARE(passages, 3);
}

void tst_ReviewedPassages::reasons_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("reason");
    QTest::newRow("boilerplate") << QStringLiteral("boilerplate") << int(ReviewReason::Boilerplate);
    QTest::newRow("opinion") << QStringLiteral("opinion") << int(ReviewReason::Opinion);
    QTest::newRow("duplicate") << QStringLiteral("duplicate") << int(ReviewReason::Duplicate);
    QTest::newRow("out-of-scope") << QStringLiteral("out-of-scope") << int(ReviewReason::OutOfScope);
    QTest::newRow("background") << QStringLiteral("background") << int(ReviewReason::Background);
}

void tst_ReviewedPassages::reasons()
{
    QFETCH(QString, name);
    QFETCH(int, reason);
    QCOMPARE(reviewReasonName(ReviewReason(reason)), name);
    QCOMPARE(reviewReasonFromName(name), std::optional(ReviewReason(reason)));
    QVERIFY(reviewReasons().contains(ReviewReason(reason)));
    const CaseLoad load = readWith([&](QJsonObject &o) { o.insert(QStringLiteral("reason"), name); });
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
    QCOMPARE(int(load.kase.reviewed[0].reason), reason);
}

void tst_ReviewedPassages::unknownReasonNamesTheReasons()
{
    const CaseLoad load = readWith([](QJsonObject &o) { o.insert(QStringLiteral("reason"), QStringLiteral("dull")); });
    QVERIFY(!load.ok());
    QCOMPARE(problemsText(load),
             QStringLiteral("r.json: reviewed[0].reason: error: unknown reason \"dull\"; the reasons are boilerplate, "
                            "opinion, duplicate, out-of-scope, background"));
    QVERIFY(!reviewReasonFromName(QStringLiteral("Opinion"))); // spelt as the file spells it, exactly
}

void tst_ReviewedPassages::duplicateWithoutNoteIsAWarning()
{
    CaseLoad load = readWith([](QJsonObject &o) { o.remove(QStringLiteral("note")); });
    QVERIFY(load.ok());
    QCOMPARE(problemsText(load),
             QStringLiteral("r.json: reviewed[0].note: warning: a duplicate should say of what, e.g. \"duplicate of "
                            "s001: ...\"; add a note"));
    QCOMPARE(load.kase.reviewed.size(), 2);
    load = readWith([](QJsonObject &o) { o.insert(QStringLiteral("note"), QStringLiteral("  ")); });
    QCOMPARE(load.warningCount(), 1);
    // Any other reason needs no note.
    load = readWith([](QJsonObject &o) {
        o.remove(QStringLiteral("note"));
        o.insert(QStringLiteral("reason"), QStringLiteral("opinion"));
    });
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
}

// A passage the case cites is used: marking it "reviewed, not used" too is a contradiction, and a
// warning; a mark beside a citation (touching, not overlapping) is not.
void tst_ReviewedPassages::citedPassageIsNotUnused()
{
    // "said it summoned" lies inside e1's citation [10, 56).
    CaseLoad load = readWith([](QJsonObject &o) {
        o.insert(QStringLiteral("passage"), passage(QStringLiteral("said it summoned"), 17, 33));
    });
    QVERIFY(load.ok());
    QCOMPARE(problemsText(load),
             QStringLiteral("r.json: reviewed[0].passage: warning: the case also cites this passage (\"the UK said it "
                            "summoned the Chinese Ambassador\" at 10\u201356), so it is not \"reviewed, not used\"; "
                            "remove the mark, or narrow it to the words no item cites"));
    // Overlapping only its last character: still a contradiction.
    load = readWith(
        [](QJsonObject &o) { o.insert(QStringLiteral("passage"), passage(QStringLiteral("Ambassador. "), 46, 58)); });
    QCOMPARE(load.warningCount(), 1);
    // "On Monday " ends where the citation starts: no overlap, no warning (Base's second mark is [0, 9)).
    load = readWith(
        [](QJsonObject &o) { o.insert(QStringLiteral("passage"), passage(QStringLiteral("On Monday "), 0, 10)); });
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
}

void tst_ReviewedPassages::anchoredLikeCitations_data()
{
    QTest::addColumn<QJsonObject>("passage");
    QTest::addColumn<int>("anchor");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<QString>("problem");
    QTest::newRow("exact") << passage(QStringLiteral("China denied wrongdoing."), 58, 82)
                           << int(Citation::Anchor::Exact) << qint64(58) << QString();
    QTest::newRow("drifted") << passage(QStringLiteral("China denied wrongdoing."), 50, 74)
                             << int(Citation::Anchor::Reanchored) << qint64(58)
                             << QStringLiteral("r.json: reviewed[0].passage: warning: the quote is not at its stated "
                                               "position [50, 74) but at [58, 82) of source \"s1\"; the app uses the "
                                               "found position; set \"start\" and \"end\" in the file to match");
    QTest::newRow("orphaned") << passage(QStringLiteral("China confessed."), 58, 74) << int(Citation::Anchor::Orphaned)
                              << qint64(58)
                              << QStringLiteral("r.json: reviewed[0].passage.quote: warning: the quote is not in "
                                                "source \"s1\" (compared verbatim); correct it to the source's exact "
                                                "words");
    QTest::newRow("ambiguous") << passage(QStringLiteral("the"), 0, 3) << int(Citation::Anchor::Ambiguous) << qint64(0)
                               << QStringLiteral("r.json: reviewed[0].passage: warning: the quote occurs more than "
                                                 "once in source \"s1\" and neither its position nor its "
                                                 "prefix/suffix single one out; fix \"start\"/\"end\" or the context");
}

void tst_ReviewedPassages::anchoredLikeCitations()
{
    QFETCH(QJsonObject, passage);
    QFETCH(int, anchor);
    QFETCH(qint64, start);
    QFETCH(QString, problem);
    const CaseLoad load = readWith([&](QJsonObject &o) { o.insert(QStringLiteral("passage"), passage); });
    QCOMPARE(problemsText(load), problem);
    QVERIFY(load.ok());
    QCOMPARE(int(load.kase.reviewed[0].passage.anchor), anchor);
    QCOMPARE(load.kase.reviewed[0].passage.start, start);
}

void tst_ReviewedPassages::brokenPassageIsAnError()
{
    CaseLoad load = readWith([](QJsonObject &o) { o.remove(QStringLiteral("passage")); });
    QCOMPARE(problemsText(load),
             QStringLiteral("r.json: reviewed[0].passage: error: is required: the passage, as a citation (source, "
                            "quote, start, end)"));
    load = readWith([](QJsonObject &o) {
        o.insert(QStringLiteral("passage"), passage(QStringLiteral("China"), 58, 63, QStringLiteral("nowhere")));
    });
    QCOMPARE(problemsText(load),
             QStringLiteral("r.json: reviewed[0].passage.source: error: no source has the id \"nowhere\"; add it to "
                            "\"sources\" or fix the id"));
    load = readWith([](QJsonObject &o) { o.insert(QStringLiteral("passage"), QStringLiteral("China")); });
    QCOMPARE(problemsText(load),
             QStringLiteral("r.json: reviewed[0].passage: error: expected an object, found a string"));
    QVERIFY(!load.ok());
}

void tst_ReviewedPassages::roundTrip()
{
    const CaseLoad first = CaseReader::readData(Base, QStringLiteral("r.json"), QString());
    const QByteArray written = CaseWriter::toJson(first.kase);
    const CaseLoad second = CaseReader::readData(written, QStringLiteral("w.json"), QString());
    QVERIFY2(second.problems.isEmpty(), qPrintable(problemsText(second)));
    QCOMPARE(second.kase, first.kase);
    QCOMPARE(second.kase.reviewed, first.kase.reviewed);
    QCOMPARE(CaseWriter::toJson(second.kase), written);
    // A drifted passage is written where it was found.
    const CaseLoad drifted = readWith([](QJsonObject &o) {
        o.insert(QStringLiteral("passage"), passage(QStringLiteral("China denied wrongdoing."), 50, 74));
    });
    const CaseLoad fixed = CaseReader::readData(CaseWriter::toJson(drifted.kase), QStringLiteral("f.json"), QString());
    QVERIFY2(fixed.problems.isEmpty(), qPrintable(problemsText(fixed)));
    QCOMPARE(fixed.kase.reviewed[0].passage.start, 58);
}

void tst_ReviewedPassages::caseWithoutReviewedIsWrittenAsBefore()
{
    CaseLoad load = CaseReader::readData(Base, QStringLiteral("r.json"), QString());
    load.kase.reviewed.clear();
    const QJsonObject root = QJsonDocument::fromJson(CaseWriter::toJson(load.kase)).object();
    QVERIFY(!root.contains(QStringLiteral("reviewed")));
}

void tst_ReviewedPassages::referenceOnlyPassage()
{
    const CaseLoad load = readWith([](QJsonObject &o) {
        QJsonObject p;
        p.insert(QStringLiteral("source"), QStringLiteral("ref"));
        p.insert(QStringLiteral("quote"), QStringLiteral("somewhere"));
        o.insert(QStringLiteral("passage"), p);
    });
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
    QCOMPARE(load.kase.reviewed[0].passage.anchor, Citation::Anchor::ReferenceOnly);
    // A case built in memory gets the same status.
    Case kase = load.kase;
    kase.reviewed[0].passage.anchor = Citation::Anchor::Unchecked;
    QCOMPARE(markReferenceOnlyCitations(kase), 1);
    QCOMPARE(kase.reviewed[0].passage.anchor, Citation::Anchor::ReferenceOnly);
}

void tst_ReviewedPassages::checkCountsThemApart()
{
    const CaseLoad load = readWith([](QJsonObject &o) {
        o.insert(QStringLiteral("passage"), passage(QStringLiteral("China denied wrongdoing."), 50, 74));
    });
    const QString report = checkReport(QStringLiteral("r.json"), load);
    QVERIFY2(report.contains(QStringLiteral("Citations: 1 (anchored 1, re-anchored 0, ambiguous 0, orphaned 0, "
                                            "reference only 0)\nReviewed passages (read, not used): 2 (anchored 1, "
                                            "re-anchored 1, ambiguous 0, orphaned 0, reference only 0)\n")),
             qPrintable(report));
    CaseLoad none = load;
    none.kase.reviewed.clear();
    QVERIFY(!checkReport(QStringLiteral("r.json"), none).contains(QStringLiteral("Reviewed passages")));
}

QTEST_GUILESS_MAIN(tst_ReviewedPassages)
#include "tst_reviewedpassages.moc"
