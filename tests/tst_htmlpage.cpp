#include "casegenerator.h"
#include "hostilecase.h"
#include "htmlpage.h"
#include "testcases.h"

#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

using namespace AT;

// The self-contained HTML page of a case: everything in it, case text kept as text in HTML and in
// the inline SVG, a timeline that shows every event without overlap, and no script or network.
class tst_HtmlPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinCaseIsComplete();
    void timelineHasOneRowPerEventWithoutOverlap_data();
    void timelineHasOneRowPerEventWithoutOverlap();
    void hostileCaseStaysText();
    void hostileFileStaysText();
    void urlsAreLinksOnlyWhenWeb();
    void notesAreMarkedAsTheAuthors();
    void nonLatinTextIsKept();
    void datesFollowTheirPrecision();
    void pageIsDeterministic();
    void extremeAndMissingDatesStayOnTheStrip();
};

namespace {

const QDateTime Fixed = QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00Z"), Qt::ISODate);

QString page(const Case &kase)
{
    return QString::fromUtf8(htmlPage(kase, {Fixed}));
}

// The text as the page escapes it for HTML text and attributes alike.
QString esc(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\''), QStringLiteral("&#39;"));
    return out;
}

// The timeline's SVGs (one per run of rows, so that each prints on a page).
QStringList timelineSvgs(const QString &html)
{
    QStringList out;
    qsizetype from = 0;
    while ((from = html.indexOf(QStringLiteral("<svg class=\"timeline\""), from)) >= 0) {
        const qsizetype to = html.indexOf(QStringLiteral("</svg>"), from);
        if (to < 0) {
            break;
        }
        out << html.mid(from, to + 6 - from);
        from = to;
    }
    return out;
}

QString timelineSvg(const QString &html)
{
    return timelineSvgs(html).join(QLatin1Char('\n'));
}

// The page without its stylesheet (whose selectors and content strings hold '<' and '>').
QString withoutStyle(const QString &html)
{
    const qsizetype from = html.indexOf(QStringLiteral("<style>"));
    const qsizetype to = html.indexOf(QStringLiteral("</style>"));
    return from < 0 || to < 0 ? html : html.left(from) + html.mid(to + 8);
}

struct SvgRow
{
    QString href;
    double top = 0;
    double height = 0;
    QList<double> textBaselines;
    int marks = 0;
    int chunk = 0; // which of the timeline's SVGs
};

QList<SvgRow> svgRows(const QString &svg, QString *error);

// Parses each of the timeline's SVGs as XML (setting *error when one is not well formed) into rows.
QList<SvgRow> svgRows(const QStringList &svgs, QString *error)
{
    QList<SvgRow> rows;
    for (qsizetype c = 0; c < svgs.size(); ++c) {
        for (SvgRow r : svgRows(svgs[c], error)) {
            r.chunk = int(c);
            rows.append(r);
        }
    }
    return rows;
}

QList<SvgRow> svgRows(const QString &svg, QString *error)
{
    QList<SvgRow> rows;
    QXmlStreamReader xml(svg);
    int depthInRow = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto attrs = xml.attributes();
            if (xml.name() == QLatin1String("a")) {
                SvgRow r;
                r.href = attrs.value(QLatin1String("href")).toString();
                rows.append(r);
                depthInRow = 1;
                continue;
            }
            if (depthInRow > 0) {
                ++depthInRow;
                SvgRow &r = rows.last();
                if (xml.name() == QLatin1String("rect") && r.height == 0) {
                    r.top = attrs.value(QLatin1String("y")).toDouble();
                    r.height = attrs.value(QLatin1String("height")).toDouble();
                }
                if (xml.name() == QLatin1String("text")) {
                    r.textBaselines.append(attrs.value(QLatin1String("y")).toDouble());
                }
                if (attrs.value(QLatin1String("class")) == QLatin1String("mark")) {
                    ++r.marks;
                }
            }
        } else if (xml.isEndElement() && depthInRow > 0) {
            --depthInRow;
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString()
            + QStringLiteral(" at line %1, column %2").arg(xml.lineNumber()).arg(xml.columnNumber());
    }
    return rows;
}

// Every tag in the page (outside the stylesheet) and every attribute name, for checking that none
// comes from case text.
void tagsAndAttributes(const QString &html, QSet<QString> *tags, QSet<QString> *attributes)
{
    static const QRegularExpression tag(QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>"));
    static const QRegularExpression attr(QStringLiteral("\\s([^\\s=/>\"']+)(?:=(\"[^\"]*\"|'[^']*'|[^\\s>]+))?"));
    for (auto it = tag.globalMatch(withoutStyle(html)); it.hasNext();) {
        const auto m = it.next();
        tags->insert(m.captured(2));
        for (auto a = attr.globalMatch(m.captured(3)); a.hasNext();) {
            attributes->insert(a.next().captured(1));
        }
    }
}

const QSet<QString> OurTags = {QStringLiteral("html"),
                               QStringLiteral("head"),
                               QStringLiteral("meta"),
                               QStringLiteral("title"),
                               QStringLiteral("style"),
                               QStringLiteral("body"),
                               QStringLiteral("header"),
                               QStringLiteral("h1"),
                               QStringLiteral("h2"),
                               QStringLiteral("h3"),
                               QStringLiteral("h4"),
                               QStringLiteral("p"),
                               QStringLiteral("nav"),
                               QStringLiteral("ul"),
                               QStringLiteral("ol"),
                               QStringLiteral("li"),
                               QStringLiteral("a"),
                               QStringLiteral("main"),
                               QStringLiteral("section"),
                               QStringLiteral("div"),
                               QStringLiteral("svg"),
                               QStringLiteral("defs"),
                               QStringLiteral("linearGradient"),
                               QStringLiteral("stop"),
                               QStringLiteral("g"),
                               QStringLiteral("line"),
                               QStringLiteral("text"),
                               QStringLiteral("rect"),
                               QStringLiteral("path"),
                               QStringLiteral("circle"),
                               QStringLiteral("article"),
                               QStringLiteral("span"),
                               QStringLiteral("bdi"),
                               QStringLiteral("figure"),
                               QStringLiteral("blockquote"),
                               QStringLiteral("figcaption"),
                               QStringLiteral("cite"),
                               QStringLiteral("strong"),
                               QStringLiteral("aside"),
                               QStringLiteral("dl"),
                               QStringLiteral("dt"),
                               QStringLiteral("dd"),
                               QStringLiteral("code"),
                               QStringLiteral("footer")};

const QSet<QString> OurAttributes = {QStringLiteral("lang"),
                                     QStringLiteral("charset"),
                                     QStringLiteral("http-equiv"),
                                     QStringLiteral("content"),
                                     QStringLiteral("name"),
                                     QStringLiteral("id"),
                                     QStringLiteral("class"),
                                     QStringLiteral("href"),
                                     QStringLiteral("dir"),
                                     QStringLiteral("rel"),
                                     QStringLiteral("xmlns"),
                                     QStringLiteral("viewBox"),
                                     QStringLiteral("width"),
                                     QStringLiteral("height"),
                                     QStringLiteral("role"),
                                     QStringLiteral("aria-label"),
                                     QStringLiteral("aria-hidden"),
                                     QStringLiteral("x"),
                                     QStringLiteral("y"),
                                     QStringLiteral("x1"),
                                     QStringLiteral("x2"),
                                     QStringLiteral("y1"),
                                     QStringLiteral("y2"),
                                     QStringLiteral("offset"),
                                     QStringLiteral("stop-color"),
                                     QStringLiteral("stop-opacity"),
                                     QStringLiteral("font-size"),
                                     QStringLiteral("fill"),
                                     QStringLiteral("stroke"),
                                     QStringLiteral("stroke-width"),
                                     QStringLiteral("fill-opacity"),
                                     QStringLiteral("d"),
                                     QStringLiteral("rx"),
                                     QStringLiteral("stroke-dasharray"),
                                     QStringLiteral("cx"),
                                     QStringLiteral("cy"),
                                     QStringLiteral("r"),
                                     QStringLiteral("font-style"),
                                     QStringLiteral("direction"),
                                     QStringLiteral("text-anchor"),
                                     QStringLiteral("unicode-bidi")};

} // namespace

void tst_HtmlPage::builtinCaseIsComplete()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    const QString html = page(*kase);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>\n")));
    QVERIFY(html.contains(QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                         "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">")));
    QVERIFY(html.contains(QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")));
    QVERIFY(html.contains(QStringLiteral("@media print")));
    QVERIFY(html.contains(QStringLiteral("<h1 dir=\"auto\">") + esc(kase->title) + QStringLiteral("</h1>")));
    QVERIFY(html.contains(QStringLiteral("generated from its case file on 1 May 2024 at 12:00 UTC")));
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
    // The confidence words' band, as the app shows it: beside the verbatim words, twice in the case
    // (the NCSC's "highly likely" and "likely"), said to be a reading aid.
    QVERIFY(html.contains(QStringLiteral("\u201c<span class=\"wording\" dir=\"auto\">highly likely</span>\u201d <span "
                                         "class=\"band\">(PHIA: 80\u201390% on the ")));
    QCOMPARE(html.count(QStringLiteral("<span class=\"band\">")), 2);
    QVERIFY(html.contains(QStringLiteral("a reading aid: whether the speaker used this scale is not known)</span>")));

    QString error;
    const QList<SvgRow> rows = svgRows(timelineSvgs(html), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), kase->events.size());
    QSet<QString> linked;
    for (const SvgRow &r : rows) {
        QCOMPARE(r.marks, 1);
        linked.insert(r.href);
    }
    for (qsizetype e = 0; e < kase->events.size(); ++e) {
        const Event &ev = kase->events[e];
        const QString anchor = htmlEventAnchor(*kase, e);
        QVERIFY2(QRegularExpression(QStringLiteral("^ev-[0-9]+(-[a-z0-9-]+)?$")).match(anchor).hasMatch(),
                 qPrintable(anchor));
        QVERIFY2(html.contains(QStringLiteral("<article class=\"event\" id=\"") + anchor + QLatin1Char('"')),
                 qPrintable(anchor));
        QVERIFY(linked.contains(QLatin1Char('#') + anchor));
        QVERIFY2(html.contains(QStringLiteral("<bdi>") + esc(ev.title.simplified()) + QStringLiteral("</bdi></h3>")),
                 qPrintable(ev.title));
        QVERIFY(html.contains(QStringLiteral("Date: ") + esc(ev.date.describe())));
        if (!ev.summary.isEmpty()) {
            QVERIFY(html.contains(esc(ev.summary.trimmed())));
        }
        for (const Citation &c : ev.citations) {
            QVERIFY2(html.contains(QStringLiteral("<blockquote dir=\"auto\">") + esc(c.quote.trimmed())
                                   + QStringLiteral("</blockquote>")),
                     qPrintable(c.quote));
        }
    }
    for (const Claim &c : kase->claims) {
        QVERIFY2(html.contains(esc(c.statement.trimmed())), qPrintable(c.statement));
        if (!c.confidence.isEmpty()) {
            QVERIFY2(
                html.contains(QStringLiteral("Confidence, in the source\u2019s words: \u201c<span class=\"wording\" "
                                             "dir=\"auto\">")
                              + esc(c.confidence) + QStringLiteral("</span>\u201d")),
                qPrintable(c.confidence));
        }
    }
    QCOMPARE(html.count(QStringLiteral("<article class=\"claim\" ")), kase->claims.size());
    QCOMPARE(html.count(QStringLiteral("<article class=\"actor\" ")), kase->actors.size());
    QCOMPARE(html.count(QStringLiteral("<article class=\"source\" ")), kase->sources.size());
    QCOMPARE(html.count(QStringLiteral("<article class=\"dispute-entry\">")), kase->disagreements.size());
    for (const Actor &a : kase->actors) {
        QVERIFY2(html.contains(QStringLiteral("<h3 dir=\"auto\">") + esc(a.name) + QStringLiteral("</h3>")),
                 qPrintable(a.name));
        for (const Alias &alias : a.aliases) {
            QVERIFY2(html.contains(QStringLiteral("<span class=\"wording\" dir=\"auto\">") + esc(alias.name)
                                   + QStringLiteral("</span>")),
                     qPrintable(alias.name));
        }
    }
    for (const Source &s : kase->sources) {
        QVERIFY(html.contains(QStringLiteral("<cite>") + esc(displayTitle(s)) + QStringLiteral("</cite>")));
        QVERIFY(!s.sha256.isEmpty());
        QVERIFY2(html.contains(QStringLiteral("<code class=\"hash\">") + s.sha256 + QStringLiteral("</code>")),
                 qPrintable(s.id));
        // The full texts are not part of the page: a long stretch of one never appears.
        QVERIFY(s.text.size() > 400);
        QVERIFY(!html.contains(esc(s.text.mid(100, 300))));
    }
    for (const Disagreement &d : kase->disagreements) {
        QVERIFY(html.contains(esc(d.question)));
        for (const DisagreementVersion &v : d.versions) {
            QVERIFY(html.contains(esc(v.statement)));
        }
    }
    // Ids are unique and every in-page link reaches one.
    QSet<QString> ids;
    static const QRegularExpression idAttr(QStringLiteral(" id=\"([^\"]*)\""));
    for (auto it = idAttr.globalMatch(html); it.hasNext();) {
        const QString id = it.next().captured(1);
        QVERIFY2(!ids.contains(id), qPrintable(id));
        ids.insert(id);
    }
    static const QRegularExpression hrefAttr(QStringLiteral(" href=\"#([^\"]*)\""));
    for (auto it = hrefAttr.globalMatch(html); it.hasNext();) {
        const QString target = it.next().captured(1);
        QVERIFY2(ids.contains(target), qPrintable(target));
    }
}

void tst_HtmlPage::timelineHasOneRowPerEventWithoutOverlap_data()
{
    QTest::addColumn<qint64>("events");
    QTest::newRow("1") << qint64(1);
    QTest::newRow("7") << qint64(7);
    QTest::newRow("500") << qint64(500);
}

void tst_HtmlPage::timelineHasOneRowPerEventWithoutOverlap()
{
    QFETCH(qint64, events);
    GeneratorOptions options;
    options.events = events;
    options.actors = 40;
    options.sources = 60;
    options.seed = 7;
    const auto kase = Test::loadCase(generateCase(options));
    QVERIFY(kase);
    QCOMPARE(kase->events.size(), events);
    const QString html = page(*kase);
    QString error;
    const QList<SvgRow> rows = svgRows(timelineSvgs(html), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), events);
    // Each SVG is short enough to print on a page (one row per SVG at most is taller).
    static const QRegularExpression svgHeight(QStringLiteral("^<svg [^>]* height=\"([0-9.]+)\""));
    const QStringList svgs = timelineSvgs(html);
    QVERIFY(events < 100 || svgs.size() > 10);
    for (const QString &svg : svgs) {
        const auto m = svgHeight.match(svg);
        QVERIFY(m.hasMatch());
        QVERIFY2(m.captured(1).toDouble() <= 500, qPrintable(m.captured(1)));
    }
    QSet<QString> targets;
    double previousBottom = 0;
    int chunk = 0;
    for (const SvgRow &r : rows) {
        QCOMPARE(r.marks, 1);
        QVERIFY(r.height > 0);
        if (r.chunk != chunk) {
            QCOMPARE(r.chunk, chunk + 1);
            chunk = r.chunk;
            previousBottom = 0;
        }
        QVERIFY2(r.top >= previousBottom - 0.05, qPrintable(r.href));
        previousBottom = r.top + r.height;
        // Every line of text (the date and the wrapped title) sits inside its own row.
        QVERIFY(!r.textBaselines.isEmpty());
        for (const double y : r.textBaselines) {
            QVERIFY2(y - 12 >= r.top && y + 3 <= r.top + r.height, qPrintable(r.href));
        }
        targets.insert(r.href);
    }
    QCOMPARE(targets.size(), events);
    for (qsizetype e = 0; e < kase->events.size(); ++e) {
        QVERIFY(targets.contains(QLatin1Char('#') + htmlEventAnchor(*kase, e)));
    }
    // Rows in time order: each row's event starts no earlier than the one above it.
    qint64 lastDay = std::numeric_limits<qint64>::min();
    for (const SvgRow &r : rows) {
        for (qsizetype e = 0; e < kase->events.size(); ++e) {
            if (r.href == QLatin1Char('#') + htmlEventAnchor(*kase, e)) {
                const qint64 day = kase->events[e].date.earliestJulianDay();
                QVERIFY(day >= lastDay);
                lastDay = day;
                break;
            }
        }
    }
}

void tst_HtmlPage::hostileCaseStaysText()
{
    const Case kase = Test::hostileCase();
    const QString html = page(kase);
    QSet<QString> tags, attributes;
    tagsAndAttributes(html, &tags, &attributes);
    QVERIFY2((tags - OurTags).isEmpty(), qPrintable(QStringList((tags - OurTags).values()).join(QLatin1Char(' '))));
    QVERIFY2((attributes - OurAttributes).isEmpty(),
             qPrintable(QStringList((attributes - OurAttributes).values()).join(QLatin1Char(' '))));
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<iframe"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<!--")));
    QVERIFY(!html.contains(QStringLiteral("]]>")));
    QVERIFY(!html.contains(QChar(0x0001)));
    QVERIFY(!html.contains(QChar(0x202E)));
    // Shown, as escapes, never acting.
    QVERIFY(html.contains(QStringLiteral("\\x01\\u202e")));
    for (const QString &marker : Test::hostileTextMarkers()) {
        QVERIFY2(html.contains(esc(marker)), qPrintable(marker));
    }
    // Every field, escaped where it stands.
    for (const QString &field :
         {QStringLiteral("title"),         QStringLiteral("description"),       QStringLiteral("source title"),
          QStringLiteral("publisher"),     QStringLiteral("quote one"),         QStringLiteral("quote two"),
          QStringLiteral("quote three"),   QStringLiteral("reference"),         QStringLiteral("actor name"),
          QStringLiteral("kind"),          QStringLiteral("actor description"), QStringLiteral("actor notes"),
          QStringLiteral("alias"),         QStringLiteral("relation"),          QStringLiteral("event title"),
          QStringLiteral("event summary"), QStringLiteral("category"),          QStringLiteral("qualifier"),
          QStringLiteral("expression"),    QStringLiteral("reference note"),    QStringLiteral("role"),
          QStringLiteral("tag"),           QStringLiteral("event notes"),       QStringLiteral("statement"),
          QStringLiteral("highly likely"), QStringLiteral("yardstick"),         QStringLiteral("claim notes"),
          QStringLiteral("question"),      QStringLiteral("version one"),       QStringLiteral("version two")}) {
        QVERIFY2(html.contains(esc(field + QStringLiteral(" <script>alert('") + field)), qPrintable(field));
    }
    // Ids and links come from item numbers; a hostile id leaves letters and digits at most.
    static const QRegularExpression idAttr(QStringLiteral(" id=\"([^\"]*)\""));
    for (auto it = idAttr.globalMatch(html); it.hasNext();) {
        const QString id = it.next().captured(1);
        QVERIFY2(QRegularExpression(QStringLiteral("^[a-z]+(-[a-z0-9]+)*$")).match(id).hasMatch(), qPrintable(id));
    }
    static const QRegularExpression hrefAttr(QStringLiteral(" href=\"([^\"]*)\""));
    for (auto it = hrefAttr.globalMatch(html); it.hasNext();) {
        const QString href = it.next().captured(1);
        QVERIFY2(href.startsWith(QLatin1Char('#')) || href.startsWith(QLatin1String("https://")), qPrintable(href));
        QVERIFY2(!href.contains(QLatin1Char('<')) && !href.contains(QLatin1Char('\'')), qPrintable(href));
    }
    QCOMPARE(htmlEventAnchor(kase, 0), QStringLiteral("ev-1-img-src-x-onerror-alert-8"));
    QCOMPARE(htmlEventAnchor(kase, 1), QStringLiteral("ev-2-svg"));
    // The SVG is well-formed XML with one row per event; its end is the page's, not the case's.
    QString error;
    const QString svg = timelineSvg(html);
    QCOMPARE(timelineSvgs(html).size(), 1);
    QVERIFY(svg.endsWith(QStringLiteral("</a>\n</svg>")));
    const QList<SvgRow> rows = svgRows(svg, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 2);
    QVERIFY(svg.contains(QStringLiteral("&lt;/a&gt;&lt;/text&gt;&lt;/g&gt;&lt;/svg&gt;&lt;/section&gt;")));
}

void tst_HtmlPage::hostileFileStaysText()
{
    QFile file(QStringLiteral(AT_SOURCE_DIR "/tests/data/hostile-markup.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const CaseLoad load = CaseReader::readData(file.readAll(), file.fileName(), QString());
    QVERIFY(load.ok());
    const QString html = page(load.kase);
    QSet<QString> tags, attributes;
    tagsAndAttributes(html, &tags, &attributes);
    QVERIFY((tags - OurTags).isEmpty());
    QVERIFY((attributes - OurAttributes).isEmpty());
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(html.contains(QStringLiteral("US &amp; UK &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; "
                                         "&quot;sanctions&quot; \\x01\\x1b[2J")));
    QVERIFY(html.contains(QStringLiteral("<title>US &amp; UK &lt;/title&gt;")));
    QVERIFY(html.contains(QStringLiteral("&lt;blink&gt;likely&lt;/blink&gt;")));
    QVERIFY(html.contains(QStringLiteral("&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;")));
    QVERIFY(html.contains(QStringLiteral("&lt;img src=&quot;file:///dev/zero&quot;&gt; Group")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(2)&lt;/script&gt; &amp; \\x07bell")));
    QString error;
    QCOMPARE(svgRows(timelineSvgs(html), &error).size(), 2);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_HtmlPage::urlsAreLinksOnlyWhenWeb()
{
    const Case kase = Test::hostileCase();
    const QString html = page(kase);
    // javascript: and data: stay text, never an href.
    QVERIFY(!html.contains(QStringLiteral("href=\"javascript"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("href=\"data"), Qt::CaseInsensitive));
    QVERIFY(html.contains(QStringLiteral("<span class=\"url\">javascript:alert(document.cookie)//&lt;script&gt;</span> "
                                         "(not a valid web address, so not a link)")));
    // So does an https address that is not valid (quotes and angle brackets unencoded).
    QVERIFY(html.contains(
        QStringLiteral("<span class=\"url\">https://example.org/a?q=&quot;&gt;&lt;script&gt;alert(4)"
                       "&lt;/script&gt;&amp;x=&#39;y&#39;</span> (not a valid web address, so not a link)")));
    // An https URL is a link, percent-encoded so that its quotes and brackets cannot end the attribute.
    static const QRegularExpression link(QStringLiteral("<a href=\"(https://example.org/[^\"]*)\" rel=\"noreferrer "
                                                        "noopener nofollow\">([^<]*)</a>"));
    const auto m = link.match(html);
    QVERIFY2(m.hasMatch(), qPrintable(html));
    QCOMPARE(m.captured(1), QStringLiteral("https://example.org/news?id=1&amp;q=&#39;x&#39;"));
    QCOMPARE(m.captured(2), esc(kase.sources[3].url));
    // The recorded hash of a reference-only source is text, and said to be only recorded.
    QVERIFY(html.contains(QStringLiteral("<code class=\"hash\">&lt;b&gt;not-a-hash&lt;/b&gt;</code> (as recorded; "
                                         "the case does not hold the text)")));
    QVERIFY(html.contains(QStringLiteral("reference only: the text is not in the case")));
    // The print stylesheet prints the address after a web link.
    QVERIFY(html.contains(QStringLiteral("a[href^=\"http\"]::after{content:\" <\" attr(href) \">\"")));
}

void tst_HtmlPage::notesAreMarkedAsTheAuthors()
{
    const Case kase = Test::hostileCase();
    const QString html = page(kase);
    for (const QString &field :
         {QStringLiteral("event notes"), QStringLiteral("claim notes"), QStringLiteral("actor notes")}) {
        const QString note = esc(Test::hostile(field))
                                 .replace(QChar(0x0001), QStringLiteral("\\x01"))
                                 .replace(QChar(0x202E), QStringLiteral("\\u202e"));
        const QString framed
            = QStringLiteral("<aside class=\"note\"><span class=\"note-label\">Author\u2019s note (not "
                             "from a source)</span><span dir=\"auto\">")
            + note + QStringLiteral("</span></aside>");
        QVERIFY2(html.contains(framed), qPrintable(field));
        QCOMPARE(html.count(esc(field + QStringLiteral(" <script>"))), 1);
    }
    // A note is never inside a quotation.
    static const QRegularExpression quote(QStringLiteral("<blockquote[^>]*>([^<]*)</blockquote>"));
    for (auto it = quote.globalMatch(html); it.hasNext();) {
        QVERIFY(!it.next().captured(1).contains(QStringLiteral("notes <script>")));
    }
}

void tst_HtmlPage::nonLatinTextIsKept()
{
    QFile file(QStringLiteral(AT_SOURCE_DIR "/tests/data/nonlatin.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const CaseLoad load = CaseReader::readData(file.readAll(), file.fileName(), QString());
    QVERIFY(load.ok());
    const QByteArray bytes = htmlPage(load.kase, {Fixed});
    const QString html = QString::fromUtf8(bytes);
    QCOMPARE(html.toUtf8(), bytes); // valid UTF-8
    QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    for (const Event &e : load.kase.events) {
        QVERIFY2(html.contains(QStringLiteral("<bdi>") + e.title + QStringLiteral("</bdi></h3>")), qPrintable(e.title));
    }
    for (const Source &s : load.kase.sources) {
        QVERIFY(html.contains(s.title));
        QVERIFY(html.contains(s.publisher));
    }
    QVERIFY(html.contains(QStringLiteral("<h1 dir=\"auto\">") + load.kase.title));
    // The Arabic title's line in the SVG runs right to left; the others left to right.
    const QString svg = timelineSvg(html);
    QVERIFY(svg.contains(QStringLiteral("direction=\"rtl\" text-anchor=\"start\" unicode-bidi=\"isolate\" "
                                        "fill=\"#0b3f73\">\u0627\u0633\u062a\u0647\u062f\u0627\u0641")));
    QCOMPARE(svg.count(QStringLiteral("direction=\"rtl\"")), 1);
    QVERIFY(svg.contains(QStringLiteral(">\u8d77\u8bc9\u4e86")));
}

void tst_HtmlPage::datesFollowTheirPrecision()
{
    // A day is a diamond, a year a faded bar over the year, a range a bar, an open end fades out, an
    // approximate date has a dashed outline, a disputed event a red badge; the legend names each.
    const auto kase = Test::smallCase();
    QVERIFY(kase);
    const QString html = page(*kase);
    const QString svg = timelineSvg(html);
    QCOMPARE(svg.count(QStringLiteral("<path class=\"mark\"")), 1 + 1); // 25 Mar 2024, and Mar 2024 (short)
    QCOMPARE(svg.count(QStringLiteral("<g class=\"mark\">")), 2); // 2021-22, and the open-start campaign
    QCOMPARE(svg.count(QStringLiteral("fill=\"url(#tl-fade-start)\"")), 1);
    QCOMPARE(svg.count(QStringLiteral("stroke-dasharray=\"3 2\"")), 1);
    QCOMPARE(svg.count(QStringLiteral("<circle class=\"disputed\"")), 2);
    for (const QString &entry :
         {QStringLiteral("exact day"), QStringLiteral("date range"), QStringLiteral("month or year only"),
          QStringLiteral("open-ended"), QStringLiteral("approximate"), QStringLiteral("sources disagree")}) {
        QVERIFY2(html.contains(QStringLiteral("</svg>") + entry), qPrintable(entry));
    }
    // The dates in words, with precision and how they were established.
    QVERIFY(html.contains(QStringLiteral("<span class=\"date\">2021\u201322</span>")));
    QVERIFY(
        html.contains(QStringLiteral("Date: 2021\u201322 (range, from year to year precision; stated in the source)")));
    // The campaign is approximate at its one known end: "c." stands there, not before the unknown start.
    QVERIFY(html.contains(QStringLiteral("<span class=\"date\">\u2026 \u2013 c. 25 Mar 2024</span>")));
}

void tst_HtmlPage::pageIsDeterministic()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    QCOMPARE(htmlPage(*kase, {Fixed}), htmlPage(*kase, {Fixed}));
    const QString now = QString::fromUtf8(htmlPage(*kase));
    QVERIFY(now.contains(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd")))
            || now.contains(QDateTime::currentDateTimeUtc().addSecs(-60).toString(QStringLiteral("yyyy-MM-dd"))));
}

void tst_HtmlPage::extremeAndMissingDatesStayOnTheStrip()
{
    Case kase;
    kase.title = QStringLiteral("Extremes");
    const auto add = [&](const QString &id, const PartialDate &date) {
        Event e;
        e.id = id;
        e.title = id;
        e.date = date;
        kase.events.append(e);
    };
    add(QStringLiteral("first"), PartialDate(DatePoint::fromYear(1)));
    add(QStringLiteral("last"), PartialDate(DatePoint::fromDate(9999, 12, 31)));
    add(QStringLiteral("open-start"), PartialDate::openStart(DatePoint::fromYear(1)));
    add(QStringLiteral("open-end"), PartialDate::openEnd(DatePoint::fromYearMonth(9999, 12)));
    add(QStringLiteral("none"), PartialDate());
    add(QString(), PartialDate(DatePoint::fromYear(2000)));
    for (const qsizetype n : {qsizetype(6), qsizetype(1)}) {
        kase.events.resize(n);
        const QString html = page(kase);
        QString error;
        const QList<SvgRow> rows = svgRows(timelineSvgs(html), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), n);
        for (const SvgRow &r : rows) {
            QCOMPARE(r.marks, 1);
        }
        const QString svg = timelineSvg(html);
        QVERIFY(!svg.contains(QStringLiteral("nan")) && !svg.contains(QStringLiteral("inf")));
        static const QRegularExpression xs(QStringLiteral(" (?:x|x1|x2|cx)=\"(-?[0-9.e+]+)\""));
        for (auto it = xs.globalMatch(svg); it.hasNext();) {
            const double x = it.next().captured(1).toDouble();
            QVERIFY2(x >= -1 && x <= 421, qPrintable(QString::number(x)));
        }
    }
    // The event without a date is last, and says so.
    kase.events.resize(0);
    add(QStringLiteral("none"), PartialDate());
    add(QStringLiteral("dated"), PartialDate(DatePoint::fromYear(2000)));
    const QString html = page(kase);
    QVERIFY(html.contains(QStringLiteral("date unknown</text>")));
    QVERIFY(html.indexOf(QStringLiteral("id=\"ev-2-dated\"")) < html.indexOf(QStringLiteral("id=\"ev-1-none\"")));
}

QTEST_GUILESS_MAIN(tst_HtmlPage)
#include "tst_htmlpage.moc"
