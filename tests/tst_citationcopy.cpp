#include "anchoring.h"
#include "casemodels.h"
#include "citationcopy.h"
#include "citationlistmodel.h"
#include "citationpanel.h"
#include "claimlistmodel.h"
#include "disagreementtablemodel.h"
#include "testcases.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QVBoxLayout>

using namespace AT;

namespace CopyTest {

Source source(const QString &id, const QString &title, const QString &text)
{
    Source s;
    s.id = id;
    s.title = title;
    s.text = text;
    return s;
}

// The citation of the first occurrence of `quote` in the source, anchored there.
Citation cite(const Source &source, const QString &quote)
{
    const qsizetype at = source.text.indexOf(quote);
    if (at < 0) {
        qFatal("quote not in the test source");
    }
    return citationOf(source.id, TextIndex(source.text), at, at + quote.size());
}

// What a reader sees of formatted text: the words, every link, and whether anything is not plain.
struct Rendered
{
    QString text;
    QStringList links;
    bool styled = false; // bold, italic, struck out, code or an image
    int blocks = 0;
    bool heading = false;
    bool list = false;
};

Rendered render(QTextDocument &doc)
{
    Rendered r;
    r.text = doc.toPlainText();
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        ++r.blocks;
        r.heading = r.heading || b.blockFormat().headingLevel() > 0;
        r.list = r.list || b.textList();
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isAnchor()) {
                r.links << f.anchorHref();
            }
            r.styled = r.styled || f.isImageFormat() || f.fontWeight() > QFont::Normal || f.fontItalic()
                || f.fontStrikeOut() || f.fontFixedPitch();
        }
    }
    return r;
}

Rendered renderMarkdown(const QString &md)
{
    QTextDocument doc;
    doc.setMarkdown(md, QTextDocument::MarkdownDialectGitHub);
    return render(doc);
}

Rendered renderHtml(const QString &html)
{
    QTextDocument doc;
    doc.setHtml(html);
    Rendered r = render(doc);
    r.styled = false; // <cite> is italic by design
    return r;
}

// A case with one source of every shape the tests need.
Case metadataCase()
{
    Case k;
    Source news = source(QStringLiteral("news"), QStringLiteral("Hackers charged"),
                         QStringLiteral("Page one.\fPage two: the group was charged.\fPage three, and four.\fEnd."));
    news.publisher = QStringLiteral("Example News");
    news.url = QStringLiteral("https://news.example/a?x=1&y=2");
    news.published = DatePoint::fromDate(2024, 3, 25);
    Source bare = source(QStringLiteral("bare"), QStringLiteral("A bare article"), QStringLiteral("Nothing is known."));
    Source month = source(QStringLiteral("month"), QString(), QStringLiteral("Monthly bulletin\nIt was the group."));
    month.published = DatePoint::fromYearMonth(2024, 3);
    month.url = QStringLiteral("ftp://files.example/bulletin.txt");
    k.sources = {news, bare, month};
    return k;
}

} // namespace CopyTest

using namespace CopyTest;

class tst_CitationCopy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinCitationEveryFlavour();
    void knownMetadataEveryFlavour();
    void unknownsAreSaidAsUnknown();
    void location_data();
    void location();
    void pageFromFormFeeds();
    void referenceOnlySaysSo();
    void hostileTextEscaped_data();
    void hostileTextEscaped();
    void multiLineQuoteInMarkdown();
    void severalCitationsBlankLineBetween();
    void ctrlCInThePanelCopiesEveryFlavour();
    void editMenuEntryLeavesOtherCtrlCAlone();
};

void tst_CitationCopy::builtinCitationEveryFlavour()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    const Citation &c = kase->events[0].citations[0];
    QCOMPARE(c.sourceId, QStringLiteral("s002"));
    const QString quote = QStringLiteral("The agency said they were part of a 14-year long cyber operation "
                                         "\u201ctargeting US and foreign critics, businesses, and political "
                                         "officials\u201d.");
    QCOMPARE(c.quote, quote);
    const QString title
        = QStringLiteral("US and UK sanctions Chinese State-backed Hackers Over \u2018Malicious\u2019 Attacks");
    const QString tail = QStringLiteral(", publisher unknown, date unknown, no URL (characters 2968\u20133105)");

    QCOMPARE(citationPlainText(*kase, {c}),
             QStringLiteral("\u201c") + quote + QStringLiteral("\u201d\n\u2014 ") + title + tail);
    QCOMPARE(citationHtml(*kase, {c}),
             QStringLiteral("<blockquote>\u201c") + quote + QStringLiteral("\u201d</blockquote>\n<p>\u2014 <cite>")
                 + title + QStringLiteral("</cite>") + tail + QStringLiteral("</p>"));
    QCOMPARE(citationMarkdown(*kase, {c}),
             QStringLiteral("> \u201c") + quote + QStringLiteral("\u201d\n\n\u2014 ") + title + tail);

    std::unique_ptr<QMimeData> data(citationMimeData(*kase, {c}));
    QVERIFY(data);
    QCOMPARE(
        data->formats(),
        (QStringList {QStringLiteral("text/plain"), QStringLiteral("text/html"), QStringLiteral("text/markdown")}));
    QCOMPARE(data->text(), citationPlainText(*kase, {c}));
    QCOMPARE(data->html(), QStringLiteral("<meta charset=\"utf-8\">") + citationHtml(*kase, {c}));
    QCOMPARE(QString::fromUtf8(data->data(QStringLiteral("text/markdown"))), citationMarkdown(*kase, {c}));
    QVERIFY(!citationMimeData(*kase, {}));

    // An untitled source is named by its first words, as everywhere in the app, never given a made-up title.
    const Citation &untitled = kase->events[0].citations[3];
    QCOMPARE(untitled.sourceId, QStringLiteral("s003"));
    const QString plain = citationPlainText(*kase, {untitled});
    QCOMPARE(plain.section(QLatin1Char('\n'), 1),
             QStringLiteral("\u2014 ") + displayTitle(*kase->source(QStringLiteral("s003")))
                 + QStringLiteral(", publisher unknown, date unknown, no URL (characters 100\u2013166)"));
    QVERIFY(plain.contains(QStringLiteral(" (no headline), publisher unknown")));
}

void tst_CitationCopy::knownMetadataEveryFlavour()
{
    const Case k = metadataCase();
    const Citation c = cite(k.sources[0], QStringLiteral("the group was charged"));
    QCOMPARE(c.start, 20);
    QCOMPARE(citationPlainText(k, {c}),
             QStringLiteral("\u201cthe group was charged\u201d\n\u2014 Hackers charged, Example News, 25 Mar 2024, "
                            "https://news.example/a?x=1&y=2 (p. 2, characters 20\u201341)"));
    QCOMPARE(citationHtml(k, {c}),
             QStringLiteral("<blockquote>\u201cthe group was charged\u201d</blockquote>\n<p>\u2014 <cite>Hackers "
                            "charged</cite>, Example News, 25 Mar 2024, <a "
                            "href=\"https://news.example/a?x=1&amp;y=2\">https://news.example/a?x=1&amp;y=2</a> (p. 2, "
                            "characters 20\u201341)</p>"));
    QCOMPARE(citationMarkdown(k, {c}),
             QStringLiteral("> \u201cthe group was charged\u201d\n\n\u2014 Hackers charged, Example News, 25 Mar 2024, "
                            "<https://news.example/a?x=1&y=2> (p. 2, characters 20\u201341)"));
    QCOMPARE(renderMarkdown(citationMarkdown(k, {c})).links,
             QStringList {QStringLiteral("https://news.example/a?x=1&y=2")});
    QCOMPARE(renderHtml(citationHtml(k, {c})).links, QStringList {QStringLiteral("https://news.example/a?x=1&y=2")});
}

void tst_CitationCopy::unknownsAreSaidAsUnknown()
{
    const Case k = metadataCase();
    const Citation bare = cite(k.sources[1], QStringLiteral("Nothing is known."));
    const QString expected
        = QStringLiteral("\u2014 A bare article, publisher unknown, date unknown, no URL (characters 0\u201317)");
    QCOMPARE(citationPlainText(k, {bare}).section(QLatin1Char('\n'), 1), expected);
    QCOMPARE(citationMarkdown(k, {bare}).section(QLatin1Char('\n'), 2), expected);
    QVERIFY(citationHtml(k, {bare}).endsWith(QStringLiteral(
        "<cite>A bare article</cite>, publisher unknown, date unknown, no URL (characters 0\u201317)</p>")));

    // A month is a month, not the first of it; a URL that is not http(s) is named, never linked.
    const Citation month = cite(k.sources[2], QStringLiteral("It was the group."));
    QCOMPARE(citationPlainText(k, {month}).section(QLatin1Char('\n'), 1),
             QStringLiteral("\u2014 Monthly bulletin (no headline), publisher unknown, Mar 2024, "
                            "ftp://files.example/bulletin.txt (characters 17\u201334)"));
    QVERIFY(renderHtml(citationHtml(k, {month})).links.isEmpty());
    QVERIFY(citationHtml(k, {month}).contains(QStringLiteral(", Mar 2024, ftp://files.example/bulletin.txt (")));
    QVERIFY(renderMarkdown(citationMarkdown(k, {month})).links.isEmpty());

    // A source the case does not have: said so, nothing about it invented.
    Citation lost = bare;
    lost.sourceId = QStringLiteral("gone");
    QCOMPARE(citationPlainText(k, {lost}).section(QLatin1Char('\n'), 1),
             QStringLiteral("\u2014 source \u201cgone\u201d (not in the case), publisher unknown, date unknown, no URL "
                            "(position unknown: the source is not in the case)"));
}

void tst_CitationCopy::location_data()
{
    QTest::addColumn<int>("anchor");
    QTest::addColumn<QString>("expected");
    QTest::newRow("exact") << int(Citation::Anchor::Exact) << QStringLiteral("characters 0\u201317");
    QTest::newRow("re-anchored") << int(Citation::Anchor::Reanchored)
                                 << QStringLiteral("characters 0\u201317; re-anchored, the case file gave 5\u201322");
    QTest::newRow("ambiguous") << int(Citation::Anchor::Ambiguous)
                               << QStringLiteral("position unknown: the quote occurs more than once in the source");
    QTest::newRow("orphaned") << int(Citation::Anchor::Orphaned)
                              << QStringLiteral("position unknown: the quote is not in the source text");
    QTest::newRow("unchecked") << int(Citation::Anchor::Unchecked)
                               << QStringLiteral("characters 0\u201317 as the case file gives them, not checked "
                                                 "against the source");
}

void tst_CitationCopy::location()
{
    QFETCH(int, anchor);
    QFETCH(QString, expected);
    const Case k = metadataCase();
    Citation c = cite(k.sources[1], QStringLiteral("Nothing is known."));
    c.anchor = Citation::Anchor(anchor);
    c.statedStart = 5;
    c.statedEnd = 22;
    QCOMPARE(citationLocation(&k.sources[1], c), expected);
    QVERIFY(citationPlainText(k, {c}).endsWith(QStringLiteral(" (") + expected + QLatin1Char(')')));

    c.start = -1;
    c.end = -1;
    if (c.anchor == Citation::Anchor::Unchecked) {
        QCOMPARE(citationLocation(&k.sources[1], c), QStringLiteral("position unknown"));
    }
}

// A quote from a text the case does not hold: its title, publisher and URL as known, and, in place
// of a position, that the text is not in the case and the quote is not checked.
void tst_CitationCopy::referenceOnlySaysSo()
{
    Case k = metadataCase();
    Source ref;
    ref.id = QStringLiteral("ref");
    ref.title = QStringLiteral("Elsewhere");
    ref.publisher = QStringLiteral("Example News");
    ref.url = QStringLiteral("https://news.example/b");
    ref.referenceOnly = true;
    k.sources << ref;
    Citation c;
    c.sourceId = ref.id;
    c.quote = QStringLiteral("the group was charged");
    c.anchor = Citation::Anchor::ReferenceOnly;
    const QString where = QStringLiteral("reference only: the text is not in the case, so the quote is not checked "
                                         "against it");
    QCOMPARE(citationLocation(&k.sources.last(), c), where);
    QCOMPARE(citationPlainText(k, {c}),
             QStringLiteral("\u201cthe group was charged\u201d\n\u2014 Elsewhere, Example News, date unknown, "
                            "https://news.example/b (")
                 + where + QLatin1Char(')'));
    QVERIFY(citationHtml(k, {c}).contains(QStringLiteral("(") + where + QStringLiteral(")</p>")));
    QVERIFY(citationMarkdown(k, {c}).endsWith(QStringLiteral("(") + where + QLatin1Char(')')));
    // A position the case gives is named as given, never as checked.
    c.start = 4;
    c.end = 25;
    QCOMPARE(citationLocation(&k.sources.last(), c), where + QStringLiteral("; the case gives characters 4\u201325"));
    // A citation built in memory that was never marked says the same.
    c.anchor = Citation::Anchor::Unchecked;
    QVERIFY(citationLocation(&k.sources.last(), c).startsWith(where));
}

void tst_CitationCopy::pageFromFormFeeds()
{
    const QString text = QStringLiteral("Page one.\fPage two: the group was charged.\fPage three, and four.\fEnd.");
    QCOMPARE(pageAt(text, 0), 1);
    QCOMPARE(pageAt(text, 9), 1); // the form feed itself ends page 1
    QCOMPARE(pageAt(text, 10), 2);
    QCOMPARE(pageAt(text, text.size()), 4);

    const Case k = metadataCase();
    const Source &s = k.sources[0];
    QCOMPARE(citationLocation(&s, cite(s, QStringLiteral("Page one."))), QStringLiteral("p. 1, characters 0\u20139"));
    QCOMPARE(citationLocation(&s, cite(s, QStringLiteral("Page three"))),
             QStringLiteral("p. 3, characters 43\u201353"));
    QCOMPARE(citationLocation(&s, cite(s, QStringLiteral("End."))), QStringLiteral("p. 4, characters 65\u201369"));
    // Over a page break: both pages; the break itself is a line break in the quote.
    const Citation over = cite(s, QStringLiteral("four.\fEnd"));
    QCOMPARE(citationLocation(&s, over), QStringLiteral("pp. 3\u20134, characters 59\u201368"));
    QVERIFY(citationPlainText(k, {over}).startsWith(QStringLiteral("\u201cfour.\nEnd\u201d\n")));
    // Characters count code points, as the case file does: a character outside the BMP is one.
    Case wide;
    wide.sources << source(QStringLiteral("w"), QStringLiteral("W"), QStringLiteral("\U0001F600 a\f\U0001F600 b"));
    QCOMPARE(citationLocation(&wide.sources[0], cite(wide.sources[0], QStringLiteral("b"))),
             QStringLiteral("p. 2, characters 6\u20137"));
    // No form feed, no pages: a page number would be made up.
    QVERIFY(
        !citationLocation(&k.sources[1], cite(k.sources[1], QStringLiteral("known"))).contains(QStringLiteral("p.")));
}

void tst_CitationCopy::hostileTextEscaped_data()
{
    QTest::addColumn<QString>("hostile");
    QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>");
    QTest::newRow("javascript url") << QStringLiteral("javascript:alert(1)");
    QTest::newRow("link") << QStringLiteral("see ](http://evil) and [here](http://evil.example/x)");
    QTest::newRow("image") << QStringLiteral("![x](y) ![t](http://tracker.example/p.png)");
    QTest::newRow("emphasis") << QStringLiteral("*bold* **strong** _it_ ~~gone~~");
    QTest::newRow("backticks") << QStringLiteral("`code` and ```fence```");
    QTest::newRow("bare url") << QStringLiteral("visit www.evil.example or https://evil.example/ or a@evil.example");
    QTest::newRow("html entity") << QStringLiteral("AT&amp;T &lt;b&gt; & <b>bold</b> <!-- c -->");
    QTest::newRow("quote in attribute") << QStringLiteral("\" onmouseover=\"alert(1)");
    QTest::newRow("rlo") << QStringLiteral("abc \u202edcba");
}

void tst_CitationCopy::hostileTextEscaped()
{
    QFETCH(QString, hostile);
    // The hostile text as quote, title, publisher and URL at once.
    Case k;
    Source s = source(QStringLiteral("h"), hostile, QStringLiteral("Before. ") + hostile + QStringLiteral(" After."));
    s.publisher = hostile;
    s.url = hostile;
    k.sources << s;
    const Citation c = cite(s, hostile);
    // What a reader must see: the words as they are, bidi controls as escapes.
    const QString shown = QString(hostile).replace(QChar(0x202E), QStringLiteral("\\u202e"));

    const QString plain = citationPlainText(k, {c});
    QCOMPARE(plain,
             QStringLiteral("\u201c") + shown + QStringLiteral("\u201d\n\u2014 ") + shown + QStringLiteral(", ") + shown
                 + QStringLiteral(", date unknown, ") + shown + QStringLiteral(" (characters 8\u2013")
                 + QString::number(8 + hostile.size()) + QLatin1Char(')'));

    for (const QString &out : {plain, citationHtml(k, {c}), citationMarkdown(k, {c})}) {
        QVERIFY2(!out.contains(QChar(0x202E)), qPrintable(out));
    }

    const QString html = citationHtml(k, {c});
    QVERIFY2(!html.contains(QStringLiteral("<script")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("<b>")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("href=\"javascript")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("\" onmouseover")), qPrintable(html));
    const Rendered fromHtml = renderHtml(html);
    QVERIFY2(fromHtml.links.isEmpty(), qPrintable(fromHtml.links.join(QLatin1Char(' '))));
    QCOMPARE(fromHtml.text.count(shown), 4);

    const QString md = citationMarkdown(k, {c});
    const Rendered fromMarkdown = renderMarkdown(md);
    QVERIFY2(fromMarkdown.links.isEmpty(),
             qPrintable(md + QLatin1Char('\n') + fromMarkdown.links.join(QLatin1Char(' '))));
    QVERIFY2(!fromMarkdown.styled, qPrintable(md));
    QVERIFY2(!fromMarkdown.heading && !fromMarkdown.list, qPrintable(md));
    QVERIFY2(fromMarkdown.text.count(shown) == 4, qPrintable(md + QStringLiteral("\n---\n") + fromMarkdown.text));
}

void tst_CitationCopy::multiLineQuoteInMarkdown()
{
    Case k;
    const QString quote
        = QStringLiteral("First line,\nsecond line.\r\n\r\n  # Not a heading\n    not code\n- not a list\n"
                         "2024. Not a list either\n> not nested\n---");
    k.sources << source(QStringLiteral("m"), QStringLiteral("Lines"), QStringLiteral("Intro\n") + quote);
    const Citation c = cite(k.sources[0], quote);

    const QString md = citationMarkdown(k, {c});
    QCOMPARE(md,
             QStringLiteral("> \u201cFirst line,\n"
                            "> second line.\n"
                            ">\n"
                            "> \\# Not a heading\n"
                            "> not code\n"
                            "> \\- not a list\n"
                            "> 2024\\. Not a list either\n"
                            "> &gt; not nested\n"
                            "> \\---\u201d\n"
                            "\n"
                            "\u2014 Lines, publisher unknown, date unknown, no URL (characters 6\u2013")
                 + QString::number(6 + quote.size()) + QLatin1Char(')'));
    const Rendered r = renderMarkdown(md);
    QVERIFY(!r.heading && !r.list && !r.styled);
    QVERIFY2(r.text.contains(QStringLiteral("# Not a heading")), qPrintable(r.text));
    QVERIFY(r.text.contains(QStringLiteral("> not nested")));
    QVERIFY(r.text.contains(QStringLiteral("---\u201d")));

    // Plain text keeps the line breaks (CR LF as LF); HTML breaks lines inside one blockquote.
    QVERIFY(
        citationPlainText(k, {c}).startsWith(QStringLiteral("\u201cFirst line,\nsecond line.\n\n  # Not a heading\n")));
    QVERIFY(citationHtml(k, {c}).startsWith(
        QStringLiteral("<blockquote>\u201cFirst line,<br>second line.<br><br>  # Not a heading<br>")));
}

void tst_CitationCopy::severalCitationsBlankLineBetween()
{
    const Case k = metadataCase();
    const Citation a = cite(k.sources[0], QStringLiteral("Page one."));
    const Citation b = cite(k.sources[1], QStringLiteral("Nothing is known."));
    QCOMPARE(citationPlainText(k, {a, b}),
             citationPlainText(k, {a}) + QStringLiteral("\n\n") + citationPlainText(k, {b}));
    QCOMPARE(citationMarkdown(k, {a, b}), citationMarkdown(k, {a}) + QStringLiteral("\n\n") + citationMarkdown(k, {b}));
    QCOMPARE(citationHtml(k, {a, b}), citationHtml(k, {a}) + QLatin1Char('\n') + citationHtml(k, {b}));
    QCOMPARE(renderMarkdown(citationMarkdown(k, {a, b})).text.count(QStringLiteral("\u2014 ")), 2);
}

void tst_CitationCopy::ctrlCInThePanelCopiesEveryFlavour()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    CaseSession session;
    session.setCase(kase);
    CaseModels models(&session);
    QAbstractItemModelTester tester(models.citations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    CitationPanel panel;
    panel.setModels(models.citations(), models.claims(), models.disagreements());
    panel.resize(500, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QAction *copy = panel.copyCitationAction();
    QCOMPARE(copy->text(), QStringLiteral("&Copy Citation"));
    QCOMPARE(copy->shortcut(), QKeySequence(QKeySequence::Copy));
    QVERIFY(!copy->isEnabled());

    session.selection()->setCurrentEvent(0);
    QListView *list = panel.citationView();
    QVERIFY(list->model()->rowCount() >= 3);
    QVERIFY(!copy->isEnabled());
    QGuiApplication::clipboard()->clear();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_C, Qt::ControlModifier); // nothing selected: nothing copied
    const QMimeData *none = QGuiApplication::clipboard()->mimeData();
    QVERIFY(!none || !none->hasText());
    // A current row that is not selected (Ctrl+click took it out) is not copied either: the list's
    // own Ctrl+C would copy its display text, a quote without its source.
    list->selectionModel()->setCurrentIndex(list->model()->index(1, 0), QItemSelectionModel::NoUpdate);
    QVERIFY(!copy->isEnabled());
    QTest::keyClick(list, Qt::Key_C, Qt::ControlModifier);
    none = QGuiApplication::clipboard()->mimeData();
    QVERIFY(!none || !none->hasText());

    // Picked out of order: copied in the panel's order.
    QItemSelectionModel *selection = list->selectionModel();
    selection->select(list->model()->index(2, 0), QItemSelectionModel::Select);
    selection->select(list->model()->index(0, 0), QItemSelectionModel::Select);
    QVERIFY(copy->isEnabled());
    QSignalSpy copied(&panel, &CitationPanel::citationsCopied);
    QTest::keyClick(list, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(copied.size(), 1);
    QCOMPARE(copied.at(0).at(0).toInt(), 2);

    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    QVERIFY(data);
    QVERIFY(data->formats().contains(QStringLiteral("text/plain")));
    QVERIFY(data->formats().contains(QStringLiteral("text/html")));
    QVERIFY(data->formats().contains(QStringLiteral("text/markdown")));
    const QList<Citation> both {kase->events[0].citations[0], kase->events[0].citations[2]};
    QCOMPARE(data->text(), citationPlainText(*kase, both));
    QCOMPARE(data->html(), QStringLiteral("<meta charset=\"utf-8\">") + citationHtml(*kase, both));
    QCOMPARE(QString::fromUtf8(data->data(QStringLiteral("text/markdown"))), citationMarkdown(*kase, both));

    // Another event: the selection goes, and so does the action.
    session.selection()->setCurrentEvent(1);
    QVERIFY(!copy->isEnabled());
}

void tst_CitationCopy::editMenuEntryLeavesOtherCtrlCAlone()
{
    // As the window would have it: the panel's action in the Edit menu, and a text field beside it.
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    CaseSession session;
    session.setCase(kase);
    CaseModels models(&session);
    QMainWindow window;
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    auto *field = new QLineEdit(QStringLiteral("typed words"));
    auto *panel = new CitationPanel;
    auto *button = new QPushButton(QStringLiteral("Other"));
    layout->addWidget(field);
    layout->addWidget(panel);
    layout->addWidget(button);
    window.setCentralWidget(central);
    panel->setModels(models.citations(), models.claims(), models.disagreements());
    window.menuBar()->addMenu(QStringLiteral("&Edit"))->addAction(panel->copyCitationAction());
    window.resize(600, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    session.selection()->setCurrentEvent(0);
    QListView *list = panel->citationView();
    list->selectionModel()->select(list->model()->index(0, 0), QItemSelectionModel::Select);
    QVERIFY(panel->copyCitationAction()->isEnabled());

    // Ctrl+C in the text field copies its text, not the selected citation.
    field->setFocus();
    field->selectAll();
    QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("typed words"));
    // Nor elsewhere in the window, on a widget that has no Ctrl+C of its own.
    button->setFocus();
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(button, Qt::Key_C, Qt::ControlModifier);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    // In the list it copies the citation; so does the menu entry, wherever the focus is.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), citationPlainText(*kase, {kase->events[0].citations[0]}));
    field->setFocus();
    QGuiApplication::clipboard()->clear();
    panel->copyCitationAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), citationPlainText(*kase, {kase->events[0].citations[0]}));
}

QTEST_MAIN(tst_CitationCopy)
#include "tst_citationcopy.moc"
