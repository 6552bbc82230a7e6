#include "anchoring.h"
#include "coveragereport.h"
#include "sentences.h"
#include "sourcecoverage.h"

#include <QTest>

using namespace AT;

namespace {

// The sentences of a text as "[start,end) text" lines, positions in code points.
QStringList sentenceLines(const QString &text)
{
    const TextIndex index(text);
    QStringList out;
    for (const TextSpan &s : splitSentences(text)) {
        const qint64 from = index.toUtf16(s.start);
        out << QStringLiteral("[%1,%2) %3").arg(s.start).arg(s.end).arg(text.mid(from, index.toUtf16(s.end) - from));
    }
    return out;
}

// A citation of the n-th occurrence of `quote` in the source's text, anchored.
Citation cite(const Source &source, const QString &quote, int occurrence = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i) {
        at = source.text.indexOf(quote, at + 1);
    }
    Q_ASSERT(at >= 0);
    const TextIndex index(source.text);
    Citation c = citationOf(source.id, index, at, at + quote.size());
    return c;
}

Citation span(const QString &sourceId, qint64 start, qint64 end)
{
    Citation c;
    c.sourceId = sourceId;
    c.quote = QStringLiteral("x"); // coverage reads positions only
    c.start = start;
    c.end = end;
    c.anchor = Citation::Anchor::Exact;
    return c;
}

Source source(const QString &id, const QString &text)
{
    Source s;
    s.id = id;
    s.title = QStringLiteral("Source ") + id;
    s.text = text;
    return s;
}

Event makeEvent(const QString &id, const QList<Citation> &citations)
{
    Event e;
    e.id = id;
    e.title = id;
    e.category = QStringLiteral("statement");
    e.citations = citations;
    return e;
}

ReviewedPassage reviewed(const Citation &passage, ReviewReason reason, const QString &note = {})
{
    ReviewedPassage r;
    r.passage = passage;
    r.reason = reason;
    r.note = note;
    return r;
}

QString statuses(const SourceCoverage &c)
{
    QString out;
    for (const SentenceCoverage &s : c.sentences) {
        out += s.status == SentenceStatus::Cited   ? QLatin1Char('C')
            : s.status == SentenceStatus::Reviewed ? QLatin1Char('R')
                                                   : QLatin1Char('-');
    }
    return out;
}

// Sentences at [0,10) [11,21) [22,32): "Aaaa bbbb." three times over, one space apart.
const QString ThreeSentences = QStringLiteral("Aaaa bbbb. Cccc dddd. Eeee ffff.");

} // namespace

class tst_SourceCoverage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sentences_data();
    void sentences();
    void firstWords_data();
    void firstWords();
    void overlapsAtEdges_data();
    void overlapsAtEdges();
    void citedBeatsReviewed();
    void whatCitesIt();
    void countsAndPercentages();
    void onlyPlacedPassagesCount();
    void referenceOnlySourceHasNoPercentage();
    void oneSourceAgreesWithTheCase();
    void sentenceAtOrAfter();
    void report();
    void bigCase();
};

void tst_SourceCoverage::sentences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("white space only") << QStringLiteral(" \n\t \n") << QStringList();
    QTest::newRow("two") << QStringLiteral("One sentence. Another one!")
                         << QStringList {QStringLiteral("[0,13) One sentence."),
                                         QStringLiteral("[14,26) Another one!")};
    QTest::newRow("trimmed, blank paragraphs skipped")
        << QStringLiteral("  Title\n\n\n   First line.  \n\nLast")
        << QStringList {QStringLiteral("[2,7) Title"), QStringLiteral("[13,24) First line."),
                        QStringLiteral("[28,32) Last")};
    // Code points, not UTF-16 units: each emoji and mathematical letter is one.
    QTest::newRow("non-BMP") << QStringLiteral("Emoji \U0001F600 first. \U0001D400\U0001D401 second.")
                             << QStringList {QStringLiteral("[0,14) Emoji \U0001F600 first."),
                                             QStringLiteral("[15,25) \U0001D400\U0001D401 second.")};
    QTest::newRow("Chinese") << QStringLiteral("这是第一句。这是第二句！第三句？")
                             << QStringList {QStringLiteral("[0,6) 这是第一句。"),
                                             QStringLiteral("[6,12) 这是第二句！"), QStringLiteral("[12,16) 第三句？")};
    QTest::newRow("Arabic") << QStringLiteral("هذه جملة أولى. وهذه جملة ثانية؟ نعم!")
                            << QStringList {QStringLiteral("[0,14) هذه جملة أولى."),
                                            QStringLiteral("[15,31) وهذه جملة ثانية؟"), QStringLiteral("[32,36) نعم!")};
    QTest::newRow("CR LF") << QStringLiteral("First.\r\nSecond.\r\n")
                           << QStringList {QStringLiteral("[0,6) First."), QStringLiteral("[8,15) Second.")};
    // Unicode's rules break after "Mr." or "U.S." before a capital; titles, common abbreviations and
    // initials do not end a sentence here, so none is a sentence of its own.
    QTest::newRow("titles and abbreviations")
        << QStringLiteral("Mr. Jones, the IT chief, said so. The U.S. Department of Justice declined. Ms. Lee agreed.")
        << QStringList {QStringLiteral("[0,33) Mr. Jones, the IT chief, said so."),
                        QStringLiteral("[34,74) The U.S. Department of Justice declined."),
                        QStringLiteral("[75,90) Ms. Lee agreed.")};
    QTest::newRow("initial") << QStringLiteral("John F. Kennedy spoke. Then he left.")
                             << QStringList {QStringLiteral("[0,22) John F. Kennedy spoke."),
                                             QStringLiteral("[23,36) Then he left.")};
    QTest::newRow("abbreviation at the very end")
        << QStringLiteral("They met in the U.S.") << QStringList {QStringLiteral("[0,20) They met in the U.S.")};
}

void tst_SourceCoverage::sentences()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(sentenceLines(text), expected);
}

void tst_SourceCoverage::firstWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("short") << QStringLiteral("A short\nsentence.") << QStringLiteral("A short sentence.");
    QTest::newRow("twelve words") << QStringLiteral("1 2 3 4 5 6 7 8 9 10 11 12")
                                  << QStringLiteral("1 2 3 4 5 6 7 8 9 10 11 12");
    QTest::newRow("thirteen words") << QStringLiteral("1 2 3 4 5 6 7 8 9 10 11 12 13")
                                    << QStringLiteral("1 2 3 4 5 6 7 8 9 10 11 12\u2026");
    QTest::newRow("long words: cut at a word")
        << QStringLiteral("Concerns over cyber security, intellectual property theft, and human rights violations have "
                          "strained the relationship")
        << QStringLiteral(
               "Concerns over cyber security, intellectual property theft, and human rights violations\u2026");
    QTest::newRow("no spaces") << QString(100, QChar(0x4E2D)) << QString(90, QChar(0x4E2D)) + QStringLiteral("\u2026");
    // 89 letters then an emoji at units 89-90: the cut at 90 would split it, so it falls before it.
    QTest::newRow("surrogate pair at the cut") << QString(89, QLatin1Char('a')) + QStringLiteral("\U0001F600bbb")
                                               << QString(89, QLatin1Char('a')) + QStringLiteral("\u2026");
}

void tst_SourceCoverage::firstWords()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(AT::firstWords(text), expected);
}

void tst_SourceCoverage::overlapsAtEdges_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole first") << qint64(0) << qint64(10) << QStringLiteral("C--");
    QTest::newRow("ends where the second starts") << qint64(0) << qint64(11) << QStringLiteral("C--");
    QTest::newRow("the space between") << qint64(10) << qint64(11) << QStringLiteral("---");
    QTest::newRow("first code point of the second") << qint64(11) << qint64(12) << QStringLiteral("-C-");
    QTest::newRow("last code point of the first") << qint64(9) << qint64(10) << QStringLiteral("C--");
    QTest::newRow("across the boundary") << qint64(9) << qint64(12) << QStringLiteral("CC-");
    QTest::newRow("all three") << qint64(0) << qint64(32) << QStringLiteral("CCC");
    QTest::newRow("empty") << qint64(12) << qint64(12) << QStringLiteral("---");
}

void tst_SourceCoverage::overlapsAtEdges()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(QString, expected);
    Case kase;
    kase.sources << source(QStringLiteral("s"), ThreeSentences);
    kase.events << makeEvent(QStringLiteral("e"), {span(QStringLiteral("s"), start, end)});
    QCOMPARE(statuses(sourceCoverage(kase, QStringLiteral("s"))), expected);
    // A reviewed passage overlaps by the same rule.
    Case reviewedOnly;
    reviewedOnly.sources = kase.sources;
    reviewedOnly.reviewed << reviewed(span(QStringLiteral("s"), start, end), ReviewReason::Background);
    QCOMPARE(statuses(sourceCoverage(reviewedOnly, QStringLiteral("s"))),
             QString(expected).replace(QLatin1Char('C'), QLatin1Char('R')));
}

void tst_SourceCoverage::citedBeatsReviewed()
{
    Case kase;
    kase.sources << source(QStringLiteral("s"), ThreeSentences);
    kase.events << makeEvent(QStringLiteral("e"), {cite(kase.sources[0], QStringLiteral("dddd"))});
    kase.reviewed << reviewed(span(QStringLiteral("s"), 0, 32), ReviewReason::Duplicate, QStringLiteral("of s2"));
    const SourceCoverage c = sourceCoverage(kase, QStringLiteral("s"));
    QCOMPARE(statuses(c), QStringLiteral("RCR"));
    QCOMPARE(c.sentences[1].citedBy, QStringList {QStringLiteral("event \u201ce\u201d")});
    // The reviewed passage that also overlaps a cited sentence is still named there.
    QCOMPARE(c.sentences[1].reviewedBy.size(), 1);
    QCOMPARE(c.sentences[0].reviewedBy.value(0).note, QStringLiteral("of s2"));
    QCOMPARE(c.sentences[0].reviewedBy.value(0).reason, ReviewReason::Duplicate);
    QCOMPARE(c.cited, 1);
    QCOMPARE(c.reviewed, 2);
    QCOMPARE(c.unreviewed, 0);
}

void tst_SourceCoverage::whatCitesIt()
{
    // Every place a citation can sit is named, each item once per sentence, in the case's order.
    Case kase;
    kase.sources << source(QStringLiteral("s"), ThreeSentences) << source(QStringLiteral("t"), ThreeSentences);
    const Source &s = kase.sources[0];
    Actor apt;
    apt.id = QStringLiteral("apt31");
    apt.citations << cite(s, QStringLiteral("Aaaa"));
    Alias alias;
    alias.name = QStringLiteral("Zirconium");
    alias.citations << cite(s, QStringLiteral("bbbb"));
    apt.aliases << alias;
    Affiliation tie;
    tie.actorId = QStringLiteral("mss");
    tie.relation = QStringLiteral("works for");
    tie.citations << cite(s, QStringLiteral("Aaaa bbbb"));
    apt.affiliations << tie;
    kase.actors << apt;
    // Two citations of the same event in one sentence: named once.
    Event e = makeEvent(QStringLiteral("ev-x"), {cite(s, QStringLiteral("Cccc")), cite(s, QStringLiteral("dddd"))});
    DateProvenance provenance;
    provenance.kind = DateProvenance::Kind::Stated;
    provenance.citations << cite(s, QStringLiteral("Eeee"));
    e.date = PartialDate(DatePoint::fromDate(2024, 3, 25));
    e.date.setProvenance(provenance);
    kase.events << e;
    Claim claim;
    claim.id = QStringLiteral("cl-y");
    claim.citations << cite(s, QStringLiteral("ffff")) << cite(kase.sources[1], QStringLiteral("Aaaa"));
    claim.date = PartialDate(DatePoint::fromDate(2024, 3, 25));
    claim.date.setProvenance(provenance);
    kase.claims << claim;
    Disagreement d;
    d.id = QStringLiteral("d-z");
    d.versions << DisagreementVersion {QStringLiteral("one"), {cite(s, QStringLiteral("Cccc dddd."))}}
               << DisagreementVersion {QStringLiteral("two"), {cite(kase.sources[1], QStringLiteral("Eeee"))}};
    kase.disagreements << d;

    const SourceCoverage c = sourceCoverage(kase, QStringLiteral("s"));
    QCOMPARE(statuses(c), QStringLiteral("CCC"));
    QCOMPARE(c.sentences[0].citedBy,
             (QStringList {QStringLiteral("actor apt31"), QStringLiteral("actor apt31 (alias Zirconium)"),
                           QStringLiteral("actor apt31 (affiliation: works for mss)")}));
    QCOMPARE(
        c.sentences[1].citedBy,
        (QStringList {QStringLiteral("event \u201cev-x\u201d"), QStringLiteral("disputed point d-z (version 1)")}));
    QCOMPARE(c.sentences[2].citedBy,
             (QStringList {QStringLiteral("date of event \u201cev-x\u201d"), QStringLiteral("claim cl-y"),
                           QStringLiteral("date of claim cl-y")}));
    const SourceCoverage t = sourceCoverage(kase, QStringLiteral("t"));
    QCOMPARE(statuses(t), QStringLiteral("C-C"));
    QCOMPARE(t.sentences[2].citedBy, QStringList {QStringLiteral("disputed point d-z (version 2)")});
}

void tst_SourceCoverage::countsAndPercentages()
{
    Case kase;
    kase.sources << source(QStringLiteral("s"), ThreeSentences + QStringLiteral(" Gggg hhhh."));
    kase.events << makeEvent(QStringLiteral("e"), {cite(kase.sources[0], QStringLiteral("Aaaa"))});
    kase.reviewed << reviewed(cite(kase.sources[0], QStringLiteral("Gggg hhhh.")), ReviewReason::Boilerplate);
    const SourceCoverage c = sourceCoverage(kase, QStringLiteral("s"));
    QCOMPARE(statuses(c), QStringLiteral("C--R"));
    QCOMPARE(c.total(), 4);
    QCOMPARE(c.cited, 1);
    QCOMPARE(c.reviewed, 1);
    QCOMPARE(c.unreviewed, 2);
    QCOMPARE(c.accountedFor(), 2);
    QCOMPARE(c.title, QStringLiteral("Source s"));
    QCOMPARE(percentOf(2, 4), 50);
    QCOMPARE(percentOf(28, 31), 90);
    QCOMPARE(percentOf(199, 200), 99); // never "100%" while one is missing
    QCOMPARE(percentOf(0, 0), 0);
    QCOMPARE(coverageSummary(c),
             QStringLiteral("\u201cSource s\u201d: 2 of 4 sentences accounted for (50%), 2 unreviewed"));
}

void tst_SourceCoverage::onlyPlacedPassagesCount()
{
    Case kase;
    kase.sources << source(QStringLiteral("s"), ThreeSentences);
    Citation orphan = span(QStringLiteral("s"), 0, 10);
    orphan.anchor = Citation::Anchor::Orphaned;
    Citation ambiguous = span(QStringLiteral("s"), 11, 21);
    ambiguous.anchor = Citation::Anchor::Ambiguous;
    Citation reanchored = span(QStringLiteral("s"), 22, 32);
    reanchored.anchor = Citation::Anchor::Reanchored;
    kase.events << makeEvent(QStringLiteral("e"), {orphan, reanchored});
    kase.reviewed << reviewed(ambiguous, ReviewReason::Opinion);
    const SourceCoverage c = sourceCoverage(kase, QStringLiteral("s"));
    QCOMPARE(statuses(c), QStringLiteral("--C"));
    QCOMPARE(c.unplaced, 2);
}

void tst_SourceCoverage::referenceOnlySourceHasNoPercentage()
{
    Case kase;
    Source ref;
    ref.id = QStringLiteral("ref");
    ref.url = QStringLiteral("https://example.org/a");
    ref.referenceOnly = true;
    kase.sources << ref;
    Citation c;
    c.sourceId = ref.id;
    c.quote = QStringLiteral("somewhere");
    c.anchor = Citation::Anchor::ReferenceOnly;
    kase.events << makeEvent(QStringLiteral("e"), {c});
    const SourceCoverage cover = sourceCoverage(kase, QStringLiteral("ref"));
    QVERIFY(cover.referenceOnly);
    QCOMPARE(cover.total(), 0);
    QCOMPARE(cover.unplaced, 0); // a reference's quote is not misplaced: there is no text to place it in
    QCOMPARE(coverageSummary(cover),
             QStringLiteral(
                 "\u201chttps://example.org/a (reference only, no title\u2026\u201d: reference only: the text is not "
                 "in the case"));
    QCOMPARE(sourceCoverage(kase, QStringLiteral("nothing")).sourceId, QStringLiteral("nothing"));
}

void tst_SourceCoverage::oneSourceAgreesWithTheCase()
{
    Case kase;
    kase.sources << source(QStringLiteral("a"), ThreeSentences) << source(QStringLiteral("b"), ThreeSentences);
    kase.events << makeEvent(
        QStringLiteral("e"),
        {cite(kase.sources[0], QStringLiteral("Aaaa")), cite(kase.sources[1], QStringLiteral("Eeee"))});
    kase.reviewed << reviewed(cite(kase.sources[1], QStringLiteral("Cccc")), ReviewReason::OutOfScope);
    const QList<SourceCoverage> all = caseCoverage(kase);
    QCOMPARE(all.size(), 2);
    for (const SourceCoverage &c : all) {
        const SourceCoverage one = sourceCoverage(kase, c.sourceId);
        QCOMPARE(statuses(one), statuses(c));
        QCOMPARE(one.sentences.size(), c.sentences.size());
        for (qsizetype i = 0; i < c.sentences.size(); ++i) {
            QCOMPARE(one.sentences[i].citedBy, c.sentences[i].citedBy);
            QCOMPARE(one.sentences[i].reviewedBy, c.sentences[i].reviewedBy);
        }
    }
    QCOMPARE(statuses(all[0]), QStringLiteral("C--"));
    QCOMPARE(statuses(all[1]), QStringLiteral("-RC"));
}

void tst_SourceCoverage::sentenceAtOrAfter()
{
    Case kase;
    kase.sources << source(QStringLiteral("s"), ThreeSentences);
    const SourceCoverage c = sourceCoverage(kase, QStringLiteral("s"));
    QCOMPARE(c.sentenceAtOrAfter(0), 0);
    QCOMPARE(c.sentenceAtOrAfter(9), 0);
    QCOMPARE(c.sentenceAtOrAfter(10), 1); // the space between belongs to none: the next one
    QCOMPARE(c.sentenceAtOrAfter(21), 2);
    QCOMPARE(c.sentenceAtOrAfter(31), 2);
    QCOMPARE(c.sentenceAtOrAfter(32), -1);
}

void tst_SourceCoverage::report()
{
    Case kase;
    kase.title = QStringLiteral("A case");
    kase.sources << source(QStringLiteral("s"), QStringLiteral("Aaaa bbbb. Cccc \U0001F600 dddd. Eeee ffff."));
    Source ref;
    ref.id = QStringLiteral("ref");
    ref.title = QStringLiteral("Elsewhere");
    ref.referenceOnly = true;
    kase.sources << ref;
    kase.events << makeEvent(QStringLiteral("e"), {cite(kase.sources[0], QStringLiteral("Aaaa"))});
    Citation orphan = span(QStringLiteral("s"), 0, 3);
    orphan.anchor = Citation::Anchor::Orphaned;
    kase.reviewed << reviewed(orphan, ReviewReason::Opinion);
    const QList<SourceCoverage> coverage = caseCoverage(kase);
    QCOMPARE(coverageReport(QStringLiteral("case.json"), kase, coverage),
             QStringLiteral("Coverage: A case (case.json)\n"
                            "s  Source s\n"
                            "  sentences 3, cited 1 (33%), reviewed-not-used 0 (0%), unreviewed 2 (66%)\n"
                            "  1 passage not found where the case says (see --check) and accounting for nothing\n"
                            "  [11\u201323] Cccc \U0001F600 dddd.\n"
                            "  [24\u201334] Eeee ffff.\n"
                            "ref  Elsewhere\n"
                            "  reference only: the text is not in the case; no sentences to review\n"
                            "Total: 2 sources (1 reference only), 3 sentences: cited 1 (33%), reviewed-not-used 0 "
                            "(0%), unreviewed 2 (66%)\n"));
    // Every piece of case text passes through `safe`.
    const QString marked = coverageReport(QStringLiteral("case.json"), kase, coverage, [](const QString &t) -> QString {
        return QStringLiteral("<") + t + QStringLiteral(">");
    });
    QVERIFY(marked.startsWith(QStringLiteral("Coverage: <A case> (<case.json>)\n<s>  <Source s>\n")));
    QVERIFY(marked.contains(QStringLiteral("[11\u201323] <Cccc \U0001F600 dddd.>\n")));
}

void tst_SourceCoverage::bigCase()
{
    // 20,000 sentences and 100,000 citations, a tenth of them long: swept, not compared pairwise
    // (which would be two billion comparisons).
    QString text;
    for (int i = 0; i < 20000; ++i) {
        text += QStringLiteral("Sentence number %1 says something. ").arg(i);
    }
    Case kase;
    kase.sources << source(QStringLiteral("s"), text);
    const qint64 length = TextIndex(text).codePointLength();
    QList<Citation> citations;
    for (int i = 0; i < 100000; ++i) {
        const qint64 start = (qint64(i) * 7919) % (length - 200);
        citations << span(QStringLiteral("s"), start, start + (i % 10 == 0 ? 150 : 5));
    }
    for (int i = 0; i < 100; ++i) {
        kase.events << makeEvent(QStringLiteral("e%1").arg(i), citations.mid(i * 1000, 1000));
    }
    // How long it takes is measured by the benchmark (tests/bench: "source coverage of the whole
    // case"), not here; this is the same sweep on many overlapping citations, checked for its counts.
    const SourceCoverage c = sourceCoverage(kase, QStringLiteral("s"));
    QCOMPARE(c.total(), 20000);
    QCOMPARE(c.cited + c.reviewed + c.unreviewed, 20000);
}

QTEST_GUILESS_MAIN(tst_SourceCoverage)
#include "tst_sourcecoverage.moc"
