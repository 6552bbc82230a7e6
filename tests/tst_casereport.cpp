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

QTEST_GUILESS_MAIN(tst_CaseReport)
#include "tst_casereport.moc"
