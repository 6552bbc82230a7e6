#include "casereport.h"
#include "testcases.h"

using namespace AT;

// The Markdown summary shows case text as text: no HTML, no fake markers, no extra headings.
class tst_CaseReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void summaryEscapesCaseText();
    void summaryHasNoMarkdownFromTheCase();
    void referenceOnlyCounted();
    void checkReportWithoutReferencesIsUnchanged();
};

void tst_CaseReport::summaryEscapesCaseText()
{
    QByteArray json = Test::SmallCase;
    json.replace("\"title\": \"Small\"", "\"title\": \"<script>x</script> & <!-- summary:end -->\\n# Heading\"");
    json.replace("\"title\": \"Denial\"", "\"title\": \"<img src=x onerror=alert(1)> | cell\"");
    json.replace("\"question\": \"How long?\"", "\"question\": \"<b>How</b> long?\"");
    const auto kase = Test::loadCase(json);
    QVERIFY(kase);
    const QString md = markdownSummary(*kase);
    QVERIFY2(!md.contains(QLatin1Char('<')), qPrintable(md));
    QVERIFY(
        md.contains(QStringLiteral("## &lt;script&gt;x&lt;/script&gt; &amp; &lt;!-- summary:end --&gt; # Heading\n")));
    QVERIFY(md.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt; \\| cell")));
    QVERIFY(md.contains(QStringLiteral("#### &lt;b&gt;How&lt;/b&gt; long?")));
    QVERIFY(!md.contains(QStringLiteral("\n# Heading")));
}

void tst_CaseReport::summaryHasNoMarkdownFromTheCase()
{
    QByteArray json = Test::SmallCase;
    json.replace("\"title\": \"Small\"",
                 "\"title\": \"![x](http://tracker.invalid/p.png) *bold* `code` %1 %5\", \"description\": \"# not a "
                 "heading\"");
    json.replace("\"title\": \"Denial\"", "\"title\": \"[link](http://x.invalid) _u_ ~s~ %2\"");
    json.replace("\"statement\": \"years\"", "\"statement\": \"- not a list\"");
    json.replace("\"statement\": \"2021\"", "\"statement\": \"1. not a list either\"");
    const auto kase = Test::loadCase(json);
    QVERIFY(kase);
    const QString md = markdownSummary(*kase);
    QVERIFY2(md.contains(QStringLiteral("## !\\[x\\](http\\://tracker.invalid/p.png) \\*bold\\* \\`code\\` %1 %5\n")),
             qPrintable(md));
    QVERIFY(md.contains(QStringLiteral("\n\\# not a heading\n")));
    QVERIFY(md.contains(QStringLiteral("| \\[link\\](http\\://x.invalid) \\_u\\_ \\~s\\~ %2 |")));
    QVERIFY(md.contains(QStringLiteral("\n- \\- not a list\n")));
    QVERIFY(md.contains(QStringLiteral("\n- 1\\. not a list either\n")));
}

// A reference-only source's citations are counted as such on the citations line, the sources are
// named on a line of their own, and none of it is a warning (nothing in the file is wrong).
void tst_CaseReport::referenceOnlyCounted()
{
    const CaseLoad load = CaseReader::readFile(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-only.json"));
    QVERIFY(load.ok());
    const CitationCounts counts = countCitations(load.kase);
    QCOMPARE(counts.total, 4);
    QCOMPARE(counts.exact, 1);
    QCOMPARE(counts.referenceOnly, 3);
    QCOMPARE(counts.orphaned + counts.unchecked + counts.ambiguous + counts.reanchored, 0);
    const QString report = checkReport(QStringLiteral("reference-only.json"), load);
    QCOMPARE(report,
             QStringLiteral("Case: Reference-only sources (reference-only.json)\n"
                            "Sources: 3, actors: 2, events: 2, claims: 1, disagreements: 0\n"
                            "Citations: 4 (anchored 1, re-anchored 0, ambiguous 0, orphaned 0, reference only 3)\n"
                            "Reference only: 2 sources (the texts are not in the case, so their 3 citations are not "
                            "checked; Case > Re-import Source Shown adds a text): ref1, ref2\n"
                            "Problems: 0 errors, 0 warnings\n"));

    const QString md = markdownSummary(load.kase);
    QVERIFY2(md.contains(QStringLiteral("4 citations (1 anchored exactly, 3 of sources whose texts are not in the "
                                        "case).")),
             qPrintable(md));
    QVERIFY(md.contains(QStringLiteral("| ref1 | Report on the summons (reference only: the text "
                                       "is not in the case) | Example News | 26 Mar 2024 |")));
    // The URL in the name of an untitled reference is text, not a link.
    QVERIFY2(md.contains(QStringLiteral("| ref2 | https\\://example.org/statements/denial (reference only, no title "
                                        "given) | unknown | unknown |")),
             qPrintable(md));
}

// The built-in case has no reference: the lines a reader (and CTest's regex) know stay as they were.
void tst_CaseReport::checkReportWithoutReferencesIsUnchanged()
{
    const CaseLoad load = CaseReader::readFile(builtinCasePath());
    QVERIFY(load.ok());
    const QString report = checkReport(QStringLiteral("built-in"), load);
    QVERIFY(report.contains(QStringLiteral(", orphaned 0, reference only 0)\nProblems: 0 errors, 0 warnings\n")));
    QVERIFY(!report.contains(QStringLiteral("Reference only:")));
    QVERIFY(!markdownSummary(load.kase).contains(QStringLiteral("not in the case")));
}

QTEST_GUILESS_MAIN(tst_CaseReport)
#include "tst_casereport.moc"
