#include "anchoring.h"

#include <QElapsedTimer>
#include <QTest>

using namespace AT;

class tst_Anchoring : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textIndex();
    void anchor_data();
    void anchor();
    void context();
    void repeatedQuoteIsBounded_data();
    void repeatedQuoteIsBounded();
    void searchBudget();
    void referenceOnlyCitationsAreMarked();
};

void tst_Anchoring::textIndex()
{
    // "a😀b😀c": code points a,😀,b,😀,c; UTF-16 a,hi,lo,b,hi,lo,c.
    const QString text = QStringLiteral("a\U0001F600b\U0001F600c");
    const TextIndex index(text);
    QCOMPARE(index.codePointLength(), 5);
    const qint64 u16[] = {0, 1, 3, 4, 6, 7};
    for (qint64 cp = 0; cp <= 5; ++cp) {
        QCOMPARE(index.toUtf16(cp), u16[cp]);
        QCOMPARE(index.toCodePoint(u16[cp]), cp);
    }
    QCOMPARE(index.toUtf16(6), -1);
    QCOMPARE(index.toUtf16(-1), -1);
    QCOMPARE(index.toCodePoint(2), 1); // a low surrogate belongs to its pair's code point
    QCOMPARE(index.toCodePoint(5), 3);
}

void tst_Anchoring::anchor_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quote");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("anchor");
    QTest::addColumn<qint64>("expectedStart");
    QTest::addColumn<qint64>("expectedEnd");

    const auto Exact = int(Citation::Anchor::Exact);
    const auto Re = int(Citation::Anchor::Reanchored);
    const auto Amb = int(Citation::Anchor::Ambiguous);
    const auto Orph = int(Citation::Anchor::Orphaned);
    const QString plain = QStringLiteral("The UK said it summoned the Chinese Ambassador.");
    QTest::newRow("exact") << plain << QStringLiteral("summoned") << qint64(15) << qint64(23) << QString() << QString()
                           << Exact << qint64(15) << qint64(23);
    QTest::newRow("drifted") << plain << QStringLiteral("summoned") << qint64(10) << qint64(18) << QString()
                             << QString() << Re << qint64(15) << qint64(23);
    QTest::newRow("out of range") << plain << QStringLiteral("summoned") << qint64(400) << qint64(408) << QString()
                                  << QString() << Re << qint64(15) << qint64(23);
    QTest::newRow("inverted") << plain << QStringLiteral("summoned") << qint64(23) << qint64(15) << QString()
                              << QString() << Re << qint64(15) << qint64(23);
    QTest::newRow("orphaned") << plain << QStringLiteral("expelled") << qint64(15) << qint64(23) << QString()
                              << QString() << Orph << qint64(15) << qint64(23);
    QTest::newRow("no fuzzy match on case") << plain << QStringLiteral("Summoned") << qint64(15) << qint64(23)
                                            << QString() << QString() << Orph << qint64(15) << qint64(23);
    QTest::newRow("empty quote") << plain << QString() << qint64(0) << qint64(0) << QString() << QString() << Orph
                                 << qint64(0) << qint64(0);

    const QString twice = QStringLiteral("APT 31 sent emails. Later APT 31 sent more emails.");
    QTest::newRow("ambiguous, no context") << twice << QStringLiteral("APT 31") << qint64(3) << qint64(9) << QString()
                                           << QString() << Amb << qint64(3) << qint64(9);
    QTest::newRow("exact position decides among several")
        << twice << QStringLiteral("APT 31") << qint64(26) << qint64(32) << QString() << QString() << Exact
        << qint64(26) << qint64(32);
    QTest::newRow("prefix decides") << twice << QStringLiteral("APT 31") << qint64(3) << qint64(9)
                                    << QStringLiteral("Later ") << QString() << Re << qint64(26) << qint64(32);
    QTest::newRow("suffix decides") << twice << QStringLiteral("APT 31") << qint64(40) << qint64(46) << QString()
                                    << QStringLiteral(" sent emails") << Re << qint64(0) << qint64(6);
    QTest::newRow("context matches both equally")
        << twice << QStringLiteral("APT 31") << qint64(3) << qint64(9) << QString() << QStringLiteral(" sent") << Amb
        << qint64(3) << qint64(9);

    // Non-ASCII: curly quotes, a non-breaking space and an astral character before the quote.
    const QString curly
        = QStringLiteral("\U0001F600 China\u2019s Ministry of\u00a0State Security said \u201cno\u201d.");
    QTest::newRow("curly apostrophe, astral before")
        << curly << QStringLiteral("China\u2019s Ministry of\u00a0State") << qint64(2) << qint64(27) << QString()
        << QString() << Exact << qint64(2) << qint64(27);
    QTest::newRow("utf-16 offsets are not code points")
        << curly << QStringLiteral("China\u2019s Ministry of\u00a0State") << qint64(3) << qint64(28) << QString()
        << QString() << Re << qint64(2) << qint64(27);
    QTest::newRow("straight apostrophe is not curly")
        << curly << QStringLiteral("China's Ministry") << qint64(2) << qint64(18) << QString() << QString() << Orph
        << qint64(2) << qint64(18);
    QTest::newRow("plain space is not nbsp") << curly << QStringLiteral("of State") << qint64(19) << qint64(27)
                                             << QString() << QString() << Orph << qint64(19) << qint64(27);
    // Found by the anchoring fuzzer: a quote that begins or ends inside a surrogate pair is half a
    // character, never a match (it used to re-anchor onto the whole pair and lose the quote).
    const QString astral = QStringLiteral("x\U0001F600y");
    QTest::newRow("quote starting inside a surrogate pair") << astral << astral.mid(2, 2) << qint64(5) << qint64(7)
                                                            << QString() << QString() << Orph << qint64(5) << qint64(7);
    QTest::newRow("quote ending inside a surrogate pair") << astral << astral.mid(0, 2) << qint64(5) << qint64(7)
                                                          << QString() << QString() << Orph << qint64(5) << qint64(7);
    QTest::newRow("curly double quotes") << curly << QStringLiteral("\u201cno\u201d") << qint64(42) << qint64(46)
                                         << QString() << QString() << Exact << qint64(42) << qint64(46);
}

void tst_Anchoring::anchor()
{
    QFETCH(QString, text);
    QFETCH(QString, quote);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(QString, prefix);
    QFETCH(QString, suffix);
    QFETCH(int, anchor);
    QFETCH(qint64, expectedStart);
    QFETCH(qint64, expectedEnd);

    const TextIndex index(text);
    Citation c;
    c.sourceId = QStringLiteral("s");
    c.quote = quote;
    c.start = start;
    c.end = end;
    c.prefix = prefix;
    c.suffix = suffix;
    const AnchorResult result = anchorCitation(c, index);
    QCOMPARE(int(result.anchor), anchor);
    applyAnchor(c, result);
    QCOMPARE(c.start, expectedStart);
    QCOMPARE(c.end, expectedEnd);
    if (c.isAnchored()) {
        // Whatever the route, an anchored citation's range holds exactly its quote.
        const qint64 from = index.toUtf16(c.start);
        QCOMPARE(text.mid(from, index.toUtf16(c.end) - from), quote);
    }
    if (c.anchor == Citation::Anchor::Reanchored) {
        QCOMPARE(c.statedStart, start);
        QCOMPARE(c.statedEnd, end);
    }
}

void tst_Anchoring::context()
{
    const QString text = QStringLiteral("\U0001F600abcdef");
    const TextIndex index(text);
    QCOMPARE(contextBefore(index, 3, 2), QStringLiteral("ab"));
    QCOMPARE(contextBefore(index, 2, 5), QStringLiteral("\U0001F600a"));
    QCOMPARE(contextAfter(index, 4, 10), QStringLiteral("def"));
}

void tst_Anchoring::repeatedQuoteIsBounded_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("anchor");
    QTest::addColumn<qsizetype>("occurrences");
    const auto Amb = int(Citation::Anchor::Ambiguous);
    const auto Re = int(Citation::Anchor::Reanchored);
    // Without context the second occurrence decides; with context that every occurrence keeps, so
    // does the second; context that none keeps needs every occurrence, and one that only the last
    // keeps picks it.
    QTest::newRow("no context") << QString() << QString() << Amb << qsizetype(2);
    QTest::newRow("prefix every occurrence keeps") << QStringLiteral("the ") << QString() << Amb << qsizetype(2);
    QTest::newRow("prefix and suffix every occurrence keeps")
        << QStringLiteral("the ") << QStringLiteral(" the") << Amb << qsizetype(2);
    QTest::newRow("prefix no occurrence keeps") << QStringLiteral("zzz") << QString() << Amb << qsizetype(140000);
    QTest::newRow("suffix only the last keeps") << QString() << QStringLiteral(" THE END") << Re << qsizetype(140000);
}

void tst_Anchoring::repeatedQuoteIsBounded()
{
    // A short phrase repeated to about 2 MB; a misplaced quote of it used to collect every
    // occurrence, and a case citing it a thousand times cost a thousand scans of the text.
    QFETCH(QString, prefix);
    QFETCH(QString, suffix);
    QFETCH(int, anchor);
    QFETCH(qsizetype, occurrences);
    const QString text = QStringLiteral("the same words ").repeated(140000) + QStringLiteral("THE END");
    const TextIndex index(text);
    Citation c;
    c.quote = QStringLiteral("same words");
    c.start = 1;
    c.end = 11;
    c.prefix = prefix;
    c.suffix = suffix;
    QElapsedTimer timer;
    timer.start();
    const AnchorResult result = anchorCitation(c, index);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(int(result.anchor), anchor);
    QCOMPARE(result.occurrences, occurrences);
    QVERIFY(!result.stopped);
    if (result.anchor == Citation::Anchor::Reanchored) {
        QCOMPARE(result.start, qint64(139999 * 15 + 4));
    }
}

void tst_Anchoring::searchBudget()
{
    const QString text = QStringLiteral("the same words ").repeated(1000);
    const TextIndex index(text);
    Citation c;
    c.quote = QStringLiteral("missing");
    // Enough budget: the whole text is read once and the quote is orphaned.
    qint64 budget = text.size() + 100;
    AnchorResult result = anchorCitation(c, index, &budget);
    QCOMPARE(result.anchor, Citation::Anchor::Orphaned);
    QVERIFY(!result.stopped);
    QCOMPARE(budget, qint64(100));
    // Too little: the search stops, undecided, having read no more than the budget allowed.
    budget = 5000;
    result = anchorCitation(c, index, &budget);
    QCOMPARE(result.anchor, Citation::Anchor::Unchecked);
    QVERIFY(result.stopped);
    QVERIFY2(budget <= 0 && budget > -qint64(c.quote.size()), qPrintable(QString::number(budget)));
    // A quote found before the budget runs out is anchored; an exact position costs nothing.
    c.quote = QStringLiteral("same");
    c.start = 4;
    c.end = 8;
    budget = 0;
    QCOMPARE(anchorCitation(c, index, &budget).anchor, Citation::Anchor::Exact);
    budget = 100;
    c.quote = QStringLiteral("words the same");
    c.start = 0;
    result = anchorCitation(c, index, &budget);
    QCOMPARE(result.anchor, Citation::Anchor::Ambiguous);
    QCOMPARE(result.occurrences, qsizetype(2));
}

// A case built in memory (an importer's) gets the status the reader would give: every citation of a
// reference-only source, wherever it sits, is "reference only"; the others are left alone.
void tst_Anchoring::referenceOnlyCitationsAreMarked()
{
    Case kase;
    Source text;
    text.id = QStringLiteral("s1");
    text.text = QStringLiteral("The UK said it summoned the Chinese Ambassador.");
    Source reference;
    reference.id = QStringLiteral("ref");
    reference.referenceOnly = true;
    kase.sources = {text, reference};
    auto cite = [](const QString &source, const QString &quote, qint64 start = -1, qint64 end = -1) {
        Citation c;
        c.sourceId = source;
        c.quote = quote;
        c.start = start;
        c.end = end;
        return c;
    };
    const Citation anchored = [&] {
        Citation c = cite(QStringLiteral("s1"), QStringLiteral("summoned"), 15, 23);
        c.anchor = Citation::Anchor::Exact;
        return c;
    }();
    Actor actor;
    actor.id = QStringLiteral("uk");
    actor.citations = {cite(QStringLiteral("ref"), QStringLiteral("UK"))};
    actor.aliases = {Alias {QStringLiteral("Britain"), {}, {cite(QStringLiteral("ref"), QStringLiteral("Britain"))}}};
    actor.affiliations
        = {Affiliation {QStringLiteral("x"), QStringLiteral("r"), {cite(QStringLiteral("ref"), QStringLiteral("r"))}}};
    kase.actors = {actor};
    Event event;
    event.id = QStringLiteral("e");
    event.citations = {anchored, cite(QStringLiteral("ref"), QStringLiteral("summoned"), 4, 12)};
    DateProvenance provenance;
    provenance.citations = {cite(QStringLiteral("ref"), QStringLiteral("Monday"))};
    event.date.setProvenance(provenance);
    kase.events = {event};
    Claim claim;
    claim.citations = {cite(QStringLiteral("ref"), QStringLiteral("said"))};
    kase.claims = {claim};
    Disagreement d;
    d.versions = {DisagreementVersion {QStringLiteral("v"), {cite(QStringLiteral("ref"), QStringLiteral("v"))}}};
    kase.disagreements = {d};

    QCOMPARE(markReferenceOnlyCitations(kase), 7);
    qsizetype referenceOnly = 0;
    kase.forEachCitation([&](const Citation &c) {
        if (c.sourceId == QStringLiteral("ref")) {
            QCOMPARE(c.anchor, Citation::Anchor::ReferenceOnly);
            ++referenceOnly;
        } else {
            QCOMPARE(c.anchor, Citation::Anchor::Exact);
        }
    });
    QCOMPARE(referenceOnly, 7);
    // The position stays as given: it is not checked, and not made up either.
    QCOMPARE(kase.events[0].citations[1].start, 4);
    QCOMPARE(kase.events[0].citations[1].end, 12);
    QCOMPARE(kase.events[0].citations[0].start, 15);
    QCOMPARE(anchorName(Citation::Anchor::ReferenceOnly), QStringLiteral("reference only"));
    QCOMPARE(referenceOnlyNotice(), QStringLiteral("reference only: the text is not in the case"));

    // Once the source holds a text, nothing is marked any more.
    kase.sources[1].referenceOnly = false;
    kase.sources[1].text = QStringLiteral("UK");
    for (Citation *c : {&kase.claims[0].citations[0]}) {
        c->anchor = Citation::Anchor::Unchecked;
    }
    QCOMPARE(markReferenceOnlyCitations(kase), 0);
    QCOMPARE(kase.claims[0].citations[0].anchor, Citation::Anchor::Unchecked);
}

QTEST_GUILESS_MAIN(tst_Anchoring)
#include "tst_anchoring.moc"
