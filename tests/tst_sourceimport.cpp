#include "anchoring.h"
#include "casedocument.h"
#include "casereader.h"
#include "htmltext.h"
#include "sourceimport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace AT;

namespace SourceImportTest {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

// A PDF with one line of text on each page, or none when `texts` is empty on a page.
QString writePdf(const QTemporaryDir &dir, const QString &name, const QStringList &pages, const QString &title)
{
    const QString path = dir.filePath(name);
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setPageSize(QPageSize(QPageSize::A5));
    writer.setResolution(72);
    QPainter painter(&writer);
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 12));
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0) {
            writer.newPage();
        }
        if (pages[i].isEmpty()) {
            painter.fillRect(QRect(40, 40, 200, 100), Qt::darkGray); // a "scan": no text
        } else {
            painter.drawText(QPointF(40, 60), pages[i]);
        }
    }
    painter.end();
    return path;
}

const QByteArray NewsPage = QByteArrayLiteral(
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<title>Fallback title | Example News</title>\n"
    "<meta property=\"og:title\" content=\"Hackers hit the &ldquo;Electoral&rdquo; register\">\n"
    "<meta property=\"og:site_name\" content=\"Example News\">\n"
    "<meta property=\"article:published_time\" content=\"2024-03-25T23:30:00-05:00\">\n"
    "<link rel=\"canonical\" href=\"https://news.example/2024/03/register\">\n"
    "<style>p { color: red; }</style>\n"
    "<script>var x = \"<p>script text</p>\";</script>\n"
    "</head>\n"
    "<body class=\"has-nav-menu\">\n"
    "<header class=\"site-header\"><a href=\"/\">Example News home</a><nav><a href=\"/world\">World</a></nav>"
    "</header>\n"
    "<div id=\"cookie-banner\">We use cookies. <button>Accept</button></div>\n"
    "<div class=\"breadcrumbs\">Home &gt; World</div>\n"
    "<main>\n"
    "<article>\n"
    "<header><h1>Hackers hit the register</h1><p class=\"byline\">By A.&nbsp;Reporter</p></header>\n"
    "<p>The UK said on Monday it had summoned China&rsquo;s ambassador.</p>\n"
    "<div class=\"shareBar\">Share on X</div>\n"
    "<p>Officials said the attack was &ldquo;highly likely&rdquo; state-backed &amp; ongoing.<br>More follows."
    "</p>\n"
    "<script>document.write(\"injected\")</script>\n"
    "<ul><li>First &#8212; point</li><li>Second &#x2014; point</li></ul>\n"
    "<aside>Read more: unrelated</aside>\n"
    "<div class=\"ad-slot\">Buy now</div>\n"
    "<p>  Spaces\r\n   collapse\there.  </p>\n"
    "<footer>Additional reporting by B. Writer.</footer>\n"
    "</article>\n"
    "<section class=\"related-articles\"><h2>Related</h2><p>Other story</p></section>\n"
    "<div id=\"comments\"><p>Comment 1</p></div>\n"
    "</main>\n"
    "<footer>Copyright &copy; 2024 Example News</footer>\n"
    "</body></html>\n");

const QString NewsPageText = QStringLiteral(
    "Hackers hit the register\n\n"
    "By A.\u00a0Reporter\n\n"
    "The UK said on Monday it had summoned China\u2019s ambassador.\n\n"
    "Officials said the attack was \u201chighly likely\u201d state-backed & ongoing.\nMore follows.\n\n"
    "First \u2014 point\n\n"
    "Second \u2014 point\n\n"
    "Spaces collapse here.\n\n"
    "Additional reporting by B. Writer.");

const QByteArray HostilePage
    = QByteArrayLiteral("<html><body><article>\n"
                        "<p>Use &lt;script&gt;alert(1)&lt;/script&gt; to test.</p>\n"
                        "<script>alert(\"dropped\"); if (a < b && c > d) { document.write('<p>x</p>') }</script>\n"
                        "<p title=\"a>b\" class='x'>Attribute with &gt; inside: kept</p>\n"
                        "<img src=x onerror=\"alert(2)\">\n"
                        "<p>Link: <a href=\"javascript:alert(3)\">click me</a></p>\n"
                        "<!-- <p>commented out</p> -->\n"
                        "<p>A <b>bold <i>nested</b> mess</i> here</p>\n"
                        "<iframe src=\"https://evil.example\"><p>iframe fallback</p></iframe>\n"
                        "<style>p::after { content: \"styled\" }</style>\n"
                        "<p>Unclosed <span>span\n"
                        "<p>Next paragraph</p>\n"
                        "<![CDATA[ cdata stuff ]]>\n"
                        "<p>&zzz; &amp &copy 2024 &#0; &#x110000; &#150; &notit; &#; &</p>\n"
                        "<textarea>&lt;kept as text&gt;</textarea>\n"
                        "<svg><title>icon</title><text>svg text</text></svg>\n"
                        "<noscript><p>Enable JS</p></noscript>\n"
                        "<template><p>template</p></template>\n"
                        "<div hidden>hidden text</div><div style=\"display: none\">invisible</div>\n"
                        "<p>Tail < 3 and 5 > 2 </P >\n"
                        "<SCRIPT>unterminated script </scriptx> still script\n");

const QString HostilePageText = QStringLiteral("Use <script>alert(1)</script> to test.\n\n"
                                               "Attribute with > inside: kept\n\n"
                                               "Link: click me\n\n"
                                               "A bold nested mess here\n\n"
                                               "Unclosed span\n\n"
                                               "Next paragraph\n\n"
                                               "&zzz; & \u00a9 2024 \ufffd \ufffd \u2013 \u00acit; &#; &\n\n"
                                               "<kept as text>\n\n"
                                               "Tail < 3 and 5 > 2");

} // namespace SourceImportTest

using namespace SourceImportTest;

class tst_SourceImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void textWithBomAndCrLf();
    void markdownKeptAsWritten();
    void utf16WithBom();
    void invalidUtf8NamesTheOffset();
    void firstInvalidUtf8_data();
    void firstInvalidUtf8();
    void binaryFileIsRefused();
    void missingFileAndFolder();
    void kindByContentThenExtension_data();
    void kindByContentThenExtension();
    void htmlArticleAndMetadata();
    void htmlHostileMarkup();
    void htmlMetadataFallbacks();
    void htmlMainAndBodyFallbacks();
    void htmlPreAndTables();
    void htmlDeclaredCharset();
    void htmlReferences_data();
    void htmlReferences();
    void htmlRandomBytesNeverCrash();
    void htmlDeepNestingIsBounded();
    void pdfTwoPages();
    void pdfColumnsInReadingOrder();
    void pdfWithoutTextLayer();
    void pdfGarbage();
    void pastedText();
    void pageAtCodePoint();
    void importedSourcesSurviveSaveAndLoad();

private:
    QTemporaryDir m_dir;
    QDate m_today {2024, 4, 2};
};

void tst_SourceImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_SourceImport::textWithBomAndCrLf()
{
    const QString path
        = write(m_dir, QStringLiteral("notes.txt"),
                QByteArrayLiteral("\xEF\xBB\xBFLine one \xE2\x80\x94 caf\xC3\xA9\r\nLine two\rLine three\r\n\r\n"));
    const SourceImport r = importSourceFile(path, m_today);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.kind, SourceImport::Kind::Text);
    QCOMPARE(r.source.text, QStringLiteral("Line one \u2014 caf\u00e9\nLine two\nLine three\n\n"));
    QCOMPARE(r.source.sha256, sha256Hex(r.source.text));
    QCOMPARE(r.source.retrieved, DatePoint::fromDate(2024, 4, 2));
    // Nothing the file does not say.
    QVERIFY(r.source.id.isEmpty());
    QVERIFY(r.source.title.isEmpty());
    QVERIFY(r.source.publisher.isEmpty());
    QVERIFY(r.source.url.isEmpty());
    QVERIFY(!r.source.published.isValid());
    QVERIFY(r.source.path.isEmpty());
    QCOMPARE(r.pageCount, 0);
    // Today by default.
    QCOMPARE(importSourceFile(path).source.retrieved, DatePoint::fromQDate(QDate::currentDate()));
}

void tst_SourceImport::markdownKeptAsWritten()
{
    const QByteArray md = QByteArrayLiteral("# Heading\n\n*Emphasis* and [a link](https://example.org).\n\n- item\n");
    const SourceImport r = importSourceFile(write(m_dir, QStringLiteral("story.md"), md), m_today);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.kind, SourceImport::Kind::Markdown);
    QCOMPARE(r.source.text, QString::fromUtf8(md));
    QVERIFY(r.source.title.isEmpty()); // a Markdown heading is text, not metadata
}

void tst_SourceImport::utf16WithBom()
{
    const QString text = QStringLiteral("Windows \u201cUnicode\u201d text\r\nsecond line");
    QByteArray bytes = QByteArrayLiteral("\xFF\xFE");
    bytes += QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    const SourceImport r = importSourceFile(write(m_dir, QStringLiteral("utf16.txt"), bytes), m_today);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.source.text, QStringLiteral("Windows \u201cUnicode\u201d text\nsecond line"));
}

void tst_SourceImport::invalidUtf8NamesTheOffset()
{
    // "Caf\xE9" is Latin-1: the byte 0xE9 at offset 22, on line 2.
    const QByteArray bytes = QByteArrayLiteral("First line is fine\nCaf\xE9 au lait\n");
    const QString path = write(m_dir, QStringLiteral("latin1.txt"), bytes);
    const SourceImport r = importSourceFile(path, m_today);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("latin1.txt")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("byte offset 22")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("line 2")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("0xe9")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("save it as UTF-8")), qPrintable(r.error));
    QVERIFY(r.source.text.isEmpty());

    // After a byte-order mark the offset still counts from the file's first byte.
    const SourceImport withBom = importSourceFile(write(m_dir, QStringLiteral("bom-latin1.md"),
                                                        QByteArrayLiteral("\xEF\xBB\xBF"
                                                                          "ab\xFF")));
    QVERIFY2(withBom.error.contains(QStringLiteral("byte offset 5 (line 1)")), qPrintable(withBom.error));
}

void tst_SourceImport::firstInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("offset");
    QTest::newRow("ascii") << QByteArrayLiteral("plain") << qsizetype(-1);
    QTest::newRow("empty") << QByteArray() << qsizetype(-1);
    QTest::newRow("2,3,4 bytes") << QByteArrayLiteral("\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80") << qsizetype(-1);
    QTest::newRow("max") << QByteArrayLiteral("\xF4\x8F\xBF\xBF") << qsizetype(-1);
    QTest::newRow("lone continuation") << QByteArrayLiteral("ab\x80") << qsizetype(2);
    QTest::newRow("overlong slash") << QByteArrayLiteral("a\xC0\xAF") << qsizetype(1);
    QTest::newRow("overlong 3") << QByteArrayLiteral("\xE0\x80\xAF") << qsizetype(0);
    QTest::newRow("surrogate") << QByteArrayLiteral("xy\xED\xA0\x80") << qsizetype(2);
    QTest::newRow("past U+10FFFF") << QByteArrayLiteral("\xF4\x90\x80\x80") << qsizetype(0);
    QTest::newRow("F5") << QByteArrayLiteral("\xF5\x80\x80\x80") << qsizetype(0);
    QTest::newRow("truncated at end") << QByteArrayLiteral("ok\xE2\x80") << qsizetype(2);
    QTest::newRow("bad third byte") << QByteArrayLiteral("\xE2\x80Z") << qsizetype(0);
}

void tst_SourceImport::firstInvalidUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, offset);
    QCOMPARE(AT::firstInvalidUtf8(bytes), offset);
    // Agrees with Qt's strict decoder on validity.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded);
    QCOMPARE(decoder.hasError(), offset >= 0);
}

void tst_SourceImport::binaryFileIsRefused()
{
    const SourceImport r
        = importSourceFile(write(m_dir, QStringLiteral("image.txt"), QByteArrayLiteral("GIF89a\x01\x00\x01\x00")));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("NUL byte at byte offset 7")), qPrintable(r.error));
}

void tst_SourceImport::missingFileAndFolder()
{
    const SourceImport missing = importSourceFile(m_dir.filePath(QStringLiteral("gone.txt")));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error.contains(QStringLiteral("gone.txt")) && missing.error.contains(QStringLiteral("not exist")),
             qPrintable(missing.error));
    const SourceImport folder = importSourceFile(m_dir.path());
    QVERIFY(!folder.ok());
    QVERIFY2(folder.error.contains(QStringLiteral("not a regular file")), qPrintable(folder.error));
    const SourceImport empty = importSourceFile(write(m_dir, QStringLiteral("empty.txt"), " \n\n"));
    QVERIFY(!empty.ok());
    QVERIFY2(empty.error.contains(QStringLiteral("no text")), qPrintable(empty.error));
}

void tst_SourceImport::kindByContentThenExtension_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("name");
    QTest::addColumn<SourceImport::Kind>("kind");
    using K = SourceImport::Kind;
    QTest::newRow("pdf magic in .txt") << QByteArrayLiteral("%PDF-1.7\n%...") << QStringLiteral("a.txt") << K::Pdf;
    QTest::newRow("doctype in .txt") << QByteArrayLiteral("\n  <!DOCTYPE HTML>\n<p>x") << QStringLiteral("a.txt")
                                     << K::Html;
    QTest::newRow("<html in .md") << QByteArrayLiteral("<!-- saved -->\n<HTML lang=en>") << QStringLiteral("a.md")
                                  << K::Html;
    QTest::newRow("text named .html") << QByteArrayLiteral("just text") << QStringLiteral("a.HTML") << K::Html;
    QTest::newRow("htm") << QByteArrayLiteral("<p>x") << QStringLiteral("a.htm") << K::Html;
    QTest::newRow("text named .pdf") << QByteArrayLiteral("not a pdf") << QStringLiteral("a.pdf") << K::Pdf;
    QTest::newRow("md") << QByteArrayLiteral("# Title") << QStringLiteral("a.md") << K::Markdown;
    QTest::newRow("markdown") << QByteArrayLiteral("# Title") << QStringLiteral("a.markdown") << K::Markdown;
    QTest::newRow("txt") << QByteArrayLiteral("<p>x</p>") << QStringLiteral("a.txt") << K::Text;
    QTest::newRow("no extension") << QByteArrayLiteral("words") << QStringLiteral("README") << K::Text;
}

void tst_SourceImport::kindByContentThenExtension()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, name);
    QFETCH(SourceImport::Kind, kind);
    QCOMPARE(recogniseKind(head, name), kind);
}

void tst_SourceImport::htmlArticleAndMetadata()
{
    // Saved with a .txt name: the content says HTML.
    const SourceImport r = importSourceFile(write(m_dir, QStringLiteral("page.txt"), NewsPage), m_today);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.kind, SourceImport::Kind::Html);
    QCOMPARE(r.source.text, NewsPageText);
    QCOMPARE(r.source.title, QStringLiteral("Hackers hit the \u201cElectoral\u201d register"));
    QCOMPARE(r.source.publisher, QStringLiteral("Example News"));
    QCOMPARE(r.source.url, QStringLiteral("https://news.example/2024/03/register"));
    // The date as the page writes it, not converted to UTC (which would be the 26th).
    QCOMPARE(r.source.published, DatePoint::fromDate(2024, 3, 25));
    QCOMPARE(r.source.retrieved, DatePoint::fromDate(2024, 4, 2));
    QCOMPARE(r.source.sha256, sha256Hex(NewsPageText));
    const QString notes = r.notes.join(QLatin1Char('\n'));
    QVERIFY2(notes.contains(QStringLiteral("<article>")), qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("<script>")), qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("elements marked \u201cshare\u201d")), qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("elements marked \u201cad\u201d")), qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("<aside>")), qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("og:title")), qPrintable(notes));
    // None of what is left out leaks.
    for (const char *gone : {"script text", "injected", "cookies", "Accept", "World", "Share on", "unrelated",
                             "Buy now", "Other story", "Comment 1", "Copyright", "color: red", "Fallback"}) {
        QVERIFY2(!r.source.text.contains(QLatin1StringView(gone)), gone);
    }
}

void tst_SourceImport::htmlHostileMarkup()
{
    const HtmlExtract e = extractHtml(QString::fromUtf8(HostilePage));
    QCOMPARE(e.text, HostilePageText);
    QCOMPARE(e.mainElement, QStringLiteral("article"));
    QVERIFY(e.title.isEmpty()); // no og:title, no <title> (the svg's is an icon's), no <h1>
    QVERIFY(e.url.isEmpty());
    QVERIFY(!e.published.isValid());
    for (const char *gone :
         {"dropped", "alert(2)", "alert(3)", "commented", "iframe fallback", "styled", "cdata", "icon", "svg text",
          "Enable JS", "template", "hidden text", "invisible", "still script", "javascript"}) {
        QVERIFY2(!e.text.contains(QLatin1StringView(gone)), gone);
    }
}

void tst_SourceImport::htmlMetadataFallbacks()
{
    // <title> when there is no og:title; og:url when there is no canonical link; the first <time>
    // in the article, to the precision it gives.
    const HtmlExtract a = extractHtml(
        QStringLiteral("<html><head><title>  Page\n title &amp; more </title>"
                       "<meta property=\"og:url\" content=\"https://example.org/a?id=1&amp;x=2\"></head><body>"
                       "<article><p>Posted <time datetime=\"2023-11\">in November</time>.</p>"
                       "<p>Later <time datetime=\"2024-01-02\">then</time>.</p></article></body></html>"));
    QCOMPARE(a.title, QStringLiteral("Page title & more"));
    QCOMPARE(a.url, QStringLiteral("https://example.org/a?id=1&x=2"));
    QCOMPARE(a.published, DatePoint::fromYearMonth(2023, 11));
    QVERIFY(a.publisher.isEmpty());
    QCOMPARE(a.text, QStringLiteral("Posted in November.\n\nLater then."));
    QVERIFY(a.notes.join(QLatin1Char(' ')).contains(QStringLiteral("first <time>")));

    // The first <h1> of the text when the page has no title; a relative canonical link is not a
    // web address and is not used (said in the notes); a <time> outside an article is not a
    // publication date.
    const HtmlExtract b = extractHtml(QStringLiteral(
        "<html><head><link rel=\"canonical\" href=\"/story/1\"></head><body><nav><h1>Site</h1></nav>"
        "<main><h1>The <em>real</em> headline</h1><p><time datetime=\"2020-01-01\">1 Jan</time></p></main>"
        "</body></html>"));
    QCOMPARE(b.title, QStringLiteral("The real headline"));
    QVERIFY(b.url.isEmpty());
    QVERIFY(b.notes.join(QLatin1Char(' ')).contains(QStringLiteral("\u201c/story/1\u201d")));
    QVERIFY(!b.published.isValid());
    QCOMPARE(b.mainElement, QStringLiteral("main"));

    // A published time that is not a date stays unknown; so does a javascript: canonical.
    const HtmlExtract c
        = extractHtml(QStringLiteral("<meta property=\"article:published_time\" content=\"last Tuesday\">"
                                     "<link rel=\"canonical\" href=\"javascript:alert(1)\"><p>Text</p>"));
    QVERIFY(!c.published.isValid());
    QVERIFY(c.url.isEmpty());
    QVERIFY(c.notes.join(QLatin1Char(' ')).contains(QStringLiteral("is not a date")));
    QCOMPARE(c.text, QStringLiteral("Text"));
    QCOMPARE(c.mainElement, QString());
}

void tst_SourceImport::htmlMainAndBodyFallbacks()
{
    // An empty <article> (a page that fills it with script) does not win over <main>.
    const HtmlExtract a
        = extractHtml(QStringLiteral("<body><p>Outside</p><main><article> </article><p>Inside main</p></main></body>"));
    QCOMPARE(a.mainElement, QStringLiteral("main"));
    QCOMPARE(a.text, QStringLiteral("Inside main"));
    // The article with the most text wins; one inside an aside is not considered.
    const HtmlExtract b = extractHtml(QStringLiteral(
        "<body><article><p>Short teaser</p></article><article><p>The long story, with many more words in it.</p>"
        "<article class=\"comment\"><p>Nested comment</p></article></article><aside><article><p>A very long "
        "related story that is much longer than everything else on the page</p></article></aside></body>"));
    QCOMPARE(b.text, QStringLiteral("The long story, with many more words in it.\n\nNested comment"));
    // No article and no main: the body, without the page's header, navigation and footer.
    const HtmlExtract c = extractHtml(QStringLiteral(
        "<body><header>Masthead</header><div role=\"navigation\">Links</div><div class=\"content\"><h2>Title</h2>"
        "Body text<br>  next line</div><footer>Footer</footer></body>"));
    QCOMPARE(c.mainElement, QStringLiteral("body"));
    QCOMPARE(c.text, QStringLiteral("Title\n\nBody text\nnext line"));
}

void tst_SourceImport::htmlPreAndTables()
{
    const HtmlExtract e = extractHtml(
        QStringLiteral("<article><pre>\nline 1\n  indented &amp; kept\n</pre><table><tr><th>Date</th><th>Event</th>"
                       "</tr><tr><td>2024</td><td>Sanctions</td></tr></table><p>a<br><br>b</p></article>"));
    QCOMPARE(e.text, QStringLiteral("line 1\n  indented & kept\n\nDate Event\n\n2024 Sanctions\n\na\n\nb"));
}

void tst_SourceImport::htmlDeclaredCharset()
{
    // "Caf\xE9" in Windows-1252, as the page declares (ISO-8859-1 is read as Windows-1252, so \x93
    // and \x94 are curly quotes).
    const QByteArray page = QByteArrayLiteral(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head>"
        "<body><p>Caf\xE9 \x93quoted\x94</p></body></html>");
    const SourceImport r = importSourceFile(write(m_dir, QStringLiteral("latin1.html"), page), m_today);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.source.text, QStringLiteral("Caf\u00e9 \u201cquoted\u201d"));
    // A page that declares nothing must be UTF-8.
    const SourceImport bad = importSourceFile(
        write(m_dir, QStringLiteral("undeclared.html"), QByteArrayLiteral("<html><p>Caf\xE9</p></html>")), m_today);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.contains(QStringLiteral("undeclared.html")) && bad.error.contains(QStringLiteral("offset 12")),
             qPrintable(bad.error));
    const SourceImport unknown = importSourceFile(
        write(m_dir, QStringLiteral("odd.html"), QByteArrayLiteral("<html><meta charset=x-no-such-set><p>x</p>")));
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error.contains(QStringLiteral("x-no-such-set")), qPrintable(unknown.error));
}

void tst_SourceImport::htmlReferences_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<bool>("attribute");
    QTest::addColumn<QString>("out");
    QTest::newRow("named") << QStringLiteral("&amp;&lt;&gt;&quot;&apos;&nbsp;") << false
                           << QStringLiteral("&<>\"'\u00a0");
    QTest::newRow("quotes") << QStringLiteral("&rsquo;&lsquo;&ldquo;&rdquo;&hellip;&mdash;&ndash;") << false
                            << QStringLiteral("\u2019\u2018\u201c\u201d\u2026\u2014\u2013");
    QTest::newRow("html5 names") << QStringLiteral("&NotEqualTilde;&fjlig;&bne;") << false
                                 << QStringLiteral("\u2242\u0338fj=\u20e5");
    QTest::newRow("astral") << QStringLiteral("&#x1F600;&#128512;&Afr;") << false
                            << QStringLiteral("\U0001F600\U0001F600\U0001D504");
    QTest::newRow("decimal, hex, no semicolon") << QStringLiteral("&#65&#x42;&#X43;") << false << QStringLiteral("ABC");
    QTest::newRow("invalid numbers") << QStringLiteral("&#0;&#xD800;&#99999999999;") << false
                                     << QStringLiteral("\ufffd\ufffd\ufffd");
    QTest::newRow("windows-1252 range") << QStringLiteral("&#128;&#147;&#148;") << false
                                        << QStringLiteral("\u20ac\u201c\u201d");
    QTest::newRow("unknown stays") << QStringLiteral("&nosuch; & &; &#x; AT&T") << false
                                   << QStringLiteral("&nosuch; & &; &#x; AT&T");
    QTest::newRow("legacy in text") << QStringLiteral("&copy2024 &ampx &notin; &notit;") << false
                                    << QStringLiteral("\u00a92024 &x \u2209 \u00acit;");
    QTest::newRow("legacy in attribute") << QStringLiteral("?a=1&copy=2&amp;b&lt") << true
                                         << QStringLiteral("?a=1&copy=2&b<");
    QTest::newRow("case matters") << QStringLiteral("&AMP;&Amp;") << false << QStringLiteral("&&Amp;");
}

void tst_SourceImport::htmlReferences()
{
    QFETCH(QString, in);
    QFETCH(bool, attribute);
    QFETCH(QString, out);
    QCOMPARE(decodeHtmlReferences(in, attribute), out);
}

void tst_SourceImport::htmlRandomBytesNeverCrash()
{
    // Random bytes, and random pieces of markup, never crash the extractor or make it loop, and what
    // comes out never has more than one blank line in a row.
    QRandomGenerator random(20240402);
    const QStringList pieces = {QStringLiteral("<"),
                                QStringLiteral(">"),
                                QStringLiteral("</"),
                                QStringLiteral("<p>"),
                                QStringLiteral("</p>"),
                                QStringLiteral("<div class=\"nav\">"),
                                QStringLiteral("</div>"),
                                QStringLiteral("<script>"),
                                QStringLiteral("</script>"),
                                QStringLiteral("<!--"),
                                QStringLiteral("-->"),
                                QStringLiteral("<article>"),
                                QStringLiteral("</article>"),
                                QStringLiteral("<br/>"),
                                QStringLiteral("&amp"),
                                QStringLiteral("&#x"),
                                QStringLiteral("&#"),
                                QStringLiteral(";"),
                                QStringLiteral("\""),
                                QStringLiteral("'"),
                                QStringLiteral("="),
                                QStringLiteral("<svg/>"),
                                QStringLiteral("<math>"),
                                QStringLiteral("<pre>"),
                                QStringLiteral("text "),
                                QStringLiteral("\n"),
                                QStringLiteral("<title>"),
                                QStringLiteral("<textarea>"),
                                QStringLiteral("<td>"),
                                QStringLiteral("<li>"),
                                QStringLiteral("<![CDATA["),
                                QStringLiteral("<?"),
                                QStringLiteral("\u00e9"),
                                QStringLiteral("\U0001F600"),
                                QStringLiteral("<meta property=og:title content="),
                                QStringLiteral("<time datetime=2024-"),
                                QStringLiteral("<main>"),
                                QStringLiteral("<body>")};
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < 3000; ++round) {
        QString input;
        if (round % 2 == 0) {
            QByteArray bytes(int(random.bounded(1, 400)), Qt::Uninitialized);
            for (char &b : bytes) {
                b = char(random.bounded(256));
            }
            input = QString::fromUtf8(bytes);
        } else {
            const int count = int(random.bounded(1, 120));
            for (int k = 0; k < count; ++k) {
                input += pieces[random.bounded(int(pieces.size()))];
            }
        }
        const HtmlExtract e = extractHtml(input);
        QVERIFY2(!e.text.contains(QStringLiteral("\n\n\n")), qPrintable(input));
        QVERIFY(!e.text.startsWith(QLatin1Char('\n')));
        QVERIFY(!e.text.endsWith(QLatin1Char('\n')));
    }
    QVERIFY2(timer.elapsed() < 60000, "the extractor is too slow on small random input");
}

void tst_SourceImport::htmlDeepNestingIsBounded()
{
    // 200,000 unclosed elements and as many stray end tags: bounded depth, no recursion, quick.
    QString html = QStringLiteral("<article>");
    for (int i = 0; i < 200000; ++i) {
        html += QStringLiteral("<div><span>");
    }
    html += QStringLiteral("deep");
    for (int i = 0; i < 200000; ++i) {
        html += QStringLiteral("</b></i>");
    }
    QElapsedTimer timer;
    timer.start();
    const HtmlExtract e = extractHtml(html);
    QCOMPARE(e.text, QStringLiteral("deep"));
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
}

void tst_SourceImport::pdfTwoPages()
{
    const QString path = writePdf(m_dir, QStringLiteral("report.pdf"),
                                  {QStringLiteral("First page: the intrusion began in March."),
                                   QStringLiteral("Second page: officials blamed the group.")},
                                  QStringLiteral("Incident report"));
    const SourceImport r = importSourceFile(path, m_today);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.kind, SourceImport::Kind::Pdf);
    QCOMPARE(r.pageCount, 2);
    QCOMPARE(r.source.text.count(QLatin1Char('\f')), 1);
    const QStringList pages = r.source.text.split(QLatin1Char('\f'));
    QCOMPARE(pages.at(0).simplified(), QStringLiteral("First page: the intrusion began in March."));
    QCOMPARE(pages.at(1).simplified(), QStringLiteral("Second page: officials blamed the group."));
    QCOMPARE(r.source.title, QStringLiteral("Incident report"));
    QVERIFY(r.source.publisher.isEmpty());
    QVERIFY(!r.source.published.isValid());
    QCOMPARE(r.source.sha256, sha256Hex(r.source.text));
    // A citation of the second page says "p. 2".
    const TextIndex index(r.source.text);
    const qsizetype at = r.source.text.indexOf(QStringLiteral("officials"));
    QCOMPARE(AT::pageAtCodePoint(r.source.text, index.toCodePoint(at)), 2);
    QCOMPARE(AT::pageAtCodePoint(r.source.text, index.toCodePoint(r.source.text.indexOf(QStringLiteral("intrusion")))),
             1);
    // Saved with another name, the content still says PDF.
    QFile::copy(path, m_dir.filePath(QStringLiteral("report.txt")));
    QCOMPARE(importSourceFile(m_dir.filePath(QStringLiteral("report.txt"))).kind, SourceImport::Kind::Pdf);
}

void tst_SourceImport::pdfColumnsInReadingOrder()
{
    // Two columns side by side: the left one is read to its end before the right one, and
    // ligatures are their letters ("officials" can be quoted as it is spelled).
    const QString path = m_dir.filePath(QStringLiteral("columns.pdf"));
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(72);
        QPainter painter(&writer);
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
        for (int i = 0; i < 4; ++i) {
            painter.drawText(QPointF(40, 60 + 14 * i), QStringLiteral("Left %1 officials").arg(i));
            painter.drawText(QPointF(320, 60 + 14 * i), QStringLiteral("Right %1 text").arg(i));
        }
        painter.drawText(QPointF(40, 300), QStringLiteral("After a gap"));
    }
    const SourceImport r = importSourceFile(path, m_today);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.source.text,
             QStringLiteral("Left 0 officials\nLeft 1 officials\nLeft 2 officials\nLeft 3 officials\n\n"
                            "After a gap\n\nRight 0 text\nRight 1 text\nRight 2 text\nRight 3 text"));
}

void tst_SourceImport::pdfWithoutTextLayer()
{
    const SourceImport scan
        = importSourceFile(writePdf(m_dir, QStringLiteral("scan.pdf"), {QString(), QString()}, QString()));
    QVERIFY(!scan.ok());
    QVERIFY2(scan.error.contains(QStringLiteral("scan.pdf")) && scan.error.contains(QStringLiteral("no text layer"))
                 && scan.error.contains(QStringLiteral("OCR")),
             qPrintable(scan.error));
    // Some pages scanned: imported, with a note, and the pages still counted.
    const SourceImport part = importSourceFile(
        writePdf(m_dir, QStringLiteral("part.pdf"),
                 {QStringLiteral("Typed page"), QString(), QStringLiteral("Typed again")}, QString()));
    QVERIFY2(part.ok(), qPrintable(part.error));
    QCOMPARE(part.source.text.count(QLatin1Char('\f')), 2);
    QCOMPARE(AT::pageAtCodePoint(part.source.text, part.source.text.indexOf(QStringLiteral("again"))), 3);
    QVERIFY2(part.notes.join(QLatin1Char(' ')).contains(QStringLiteral("Page 2 has no text")),
             qPrintable(part.notes.join(QLatin1Char(' '))));
}

void tst_SourceImport::pdfGarbage()
{
    QRandomGenerator random(7);
    QByteArray garbage = QByteArrayLiteral("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog /Pages 2 0 R");
    for (int i = 0; i < 4000; ++i) {
        garbage += char(random.bounded(256));
    }
    garbage += QByteArrayLiteral("\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const SourceImport r = importSourceFile(write(m_dir, QStringLiteral("broken.pdf"), garbage), m_today);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("broken.pdf")), qPrintable(r.error));
    // A PDF cut short.
    const QString good = writePdf(m_dir, QStringLiteral("whole.pdf"), {QStringLiteral("Text")}, QString());
    QFile file(good);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const SourceImport cut
        = importSourceFile(write(m_dir, QStringLiteral("cut.pdf"), bytes.first(bytes.size() / 3)), m_today);
    QVERIFY(!cut.ok() || !cut.source.text.isEmpty()); // either refused or whatever Poppler recovers; no crash
    // Not a PDF at all, named .pdf.
    const SourceImport text
        = importSourceFile(write(m_dir, QStringLiteral("fake.pdf"), QByteArrayLiteral("hello")), m_today);
    QVERIFY(!text.ok());
    QVERIFY2(text.error.contains(QStringLiteral("not a PDF this app can read")), qPrintable(text.error));
}

void tst_SourceImport::pastedText()
{
    const SourceImport r = importPastedText(QStringLiteral("\ufeffPasted\r\ntext\r"), m_today);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.kind, SourceImport::Kind::Pasted);
    QCOMPARE(r.source.text, QStringLiteral("Pasted\ntext\n"));
    QCOMPARE(r.source.sha256, sha256Hex(QStringLiteral("Pasted\ntext\n")));
    QCOMPARE(r.source.retrieved, DatePoint::fromDate(2024, 4, 2));
    QVERIFY(r.source.title.isEmpty());
    const SourceImport empty = importPastedText(QStringLiteral(" \n "));
    QVERIFY(!empty.ok());
    QVERIFY2(empty.error.contains(QStringLiteral("pasted text")), qPrintable(empty.error));
}

void tst_SourceImport::pageAtCodePoint()
{
    const QString text = QStringLiteral("p1\fp\U0001F600 2\f\fp4");
    QCOMPARE(AT::pageAtCodePoint(text, 0), 1);
    QCOMPARE(AT::pageAtCodePoint(text, 2), 1); // the form feed itself ends page 1
    QCOMPARE(AT::pageAtCodePoint(text, 3), 2);
    QCOMPARE(AT::pageAtCodePoint(text, 5), 2); // after the emoji: one code point
    QCOMPARE(AT::pageAtCodePoint(text, 8), 3);
    QCOMPARE(AT::pageAtCodePoint(text, 9), 4);
    QCOMPARE(AT::pageAtCodePoint(text, 1000), 4);
    QCOMPARE(AT::pageAtCodePoint(QStringLiteral("no pages"), 3), 0);
    QCOMPARE(AT::pageAtCodePoint(QString(), 0), 0);
}

void tst_SourceImport::importedSourcesSurviveSaveAndLoad()
{
    // An HTML page kept in the case file, a PDF kept beside it, pasted text: saved, read back
    // identical, with a PDF citation on its second page, and no problem reported.
    QTemporaryDir caseDir;
    QVERIFY(caseDir.isValid());
    SourceImport html = importSourceFile(write(m_dir, QStringLiteral("rt.html"), NewsPage), m_today);
    SourceImport pdf = importSourceFile(writePdf(m_dir, QStringLiteral("rt.pdf"),
                                                 {QStringLiteral("Page one."), QStringLiteral("Page two: the quote.")},
                                                 QStringLiteral("Report")),
                                        m_today);
    SourceImport pasted = importPastedText(QStringLiteral("Pasted \u201cwords\u201d \U0001F600 here."), m_today);
    QVERIFY(html.ok() && pdf.ok() && pasted.ok());
    html.source.id = QStringLiteral("source-1");
    pdf.source.id = QStringLiteral("source-2");
    pdf.source.path = QStringLiteral("sources/source-2.txt");
    pasted.source.id = QStringLiteral("source-3");
    CaseDocument document;
    CaseEdit edit(document.kase(), QStringLiteral("Add sources"));
    edit.add(CaseHeading {QStringLiteral("Imported"), QString()});
    edit.add(html.source);
    edit.add(pdf.source);
    edit.add(pasted.source);
    Event event;
    event.id = QStringLiteral("event-1");
    event.title = QStringLiteral("Quoted");
    event.category = QStringLiteral("statement");
    event.date = PartialDate(DatePoint::fromDate(2024, 3, 25));
    const TextIndex index(pdf.source.text);
    const qsizetype at = pdf.source.text.indexOf(QStringLiteral("the quote"));
    event.citations = {citationOf(QStringLiteral("source-2"), index, at, at + 9)};
    QCOMPARE(AT::pageAtCodePoint(pdf.source.text, event.citations.at(0).start), 2);
    edit.add(event);
    QVERIFY(document.apply(edit));
    const QString path = caseDir.filePath(QStringLiteral("case.json"));
    QString error;
    QVERIFY2(document.saveAs(path, &error), qPrintable(error));
    QVERIFY(QFile::exists(caseDir.filePath(QStringLiteral("sources/source-2.txt"))));

    const CaseLoad load = CaseReader::readFile(path);
    QVERIFY(load.ok());
    QCOMPARE(load.problemCount(), 0);
    QCOMPARE(load.kase.sources, document.kase().sources);
    QCOMPARE(load.kase.events.at(0).citations.at(0).anchor, Citation::Anchor::Exact);
}

QTEST_MAIN(tst_SourceImport)
#include "tst_sourceimport.moc"
