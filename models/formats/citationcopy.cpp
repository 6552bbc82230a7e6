#include "citationcopy.h"

#include "anchoring.h"

#include <QMimeData>
#include <QRegularExpression>
#include <QUrl>

namespace AT {

namespace {

// The parts of one citation as text, before any flavour's escaping; an empty part is unknown, and
// each flavour says so in our own words, which it need not escape.
struct Parts
{
    QString quote; // line breaks as \n, controls as escapes
    QString title;
    QString publisher; // empty: unknown
    QString date; // empty: unknown
    QString url; // empty: none
    QString webUrl; // the URL fully encoded, when it is http(s); empty otherwise
    QString location;
};

bool isBidiControl(char16_t u)
{
    return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

// Control characters (C0 but tab and line feed, DEL, C1) and explicit bidi controls shown as
// escapes: a pasted quote must not reorder the words around it nor hide what it holds.
QString visible(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7F && u <= 0x9F)) {
            out += QStringLiteral("\\x") + QString::number(u, 16).rightJustified(2, QLatin1Char('0'));
        } else if (isBidiControl(u)) {
            out += QStringLiteral("\\u") + QString::number(u, 16).rightJustified(4, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out;
}

// A quote's line breaks as \n: CR LF, CR, a page break (form feed) and U+2028/U+2029 alike.
QString quoteText(const QString &quote)
{
    QString out = quote;
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (const char16_t c : {u'\r', u'\f', u'\u2028', u'\u2029'}) {
        out.replace(QChar(c), QLatin1Char('\n'));
    }
    return visible(out);
}

// A field that stays on one line.
QString field(const QString &text)
{
    return visible(text.simplified());
}

QString range(qint64 start, qint64 end)
{
    return QString::number(start) + QChar(0x2013) + QString::number(end);
}

// The URL to link to: http or https with a host, fully percent-encoded (no space, quote or angle
// bracket left), or empty. Anything else (javascript:, data:, file:) is only ever shown as text.
QString webUrl(const QString &url)
{
    const QUrl u(url.trimmed(), QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (!u.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || u.host().isEmpty()) {
        return {};
    }
    return QString::fromLatin1(u.toEncoded(QUrl::FullyEncoded));
}

Parts parts(const Case &kase, const Citation &c)
{
    const Source *source = kase.source(c.sourceId);
    Parts p;
    p.quote = quoteText(c.quote);
    if (source) {
        p.title = field(displayTitle(*source));
        p.publisher = field(source->publisher);
        p.date = source->published.isValid() ? source->published.toDisplayString() : QString();
        p.url = field(source->url);
        p.webUrl = webUrl(source->url);
    } else {
        p.title = QStringLiteral("source \u201c%1\u201d (not in the case)").arg(field(c.sourceId));
    }
    p.location = citationLocation(source, c);
    return p;
}

QList<Parts> allParts(const Case &kase, const QList<Citation> &citations)
{
    QList<Parts> out;
    out.reserve(citations.size());
    for (const Citation &c : citations) {
        out << parts(kase, c);
    }
    return out;
}

QString orUnknown(const QString &value, const QString &unknown)
{
    return value.isEmpty() ? unknown : value;
}

// HTML text: markup characters escaped (quotes too, so it is safe in an attribute as well).
QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

// A Markdown line (already escaped) that would open a heading, list or rule is escaped at its start.
QString markdownLine(QString line)
{
    static const QRegularExpression blockStart(QStringLiteral("^([#+=-]|\\d+[.)])"));
    if (const QRegularExpressionMatch m = blockStart.match(line); m.hasMatch()) {
        line.insert(m.capturedEnd(1) - 1, QLatin1Char('\\'));
    }
    return line;
}

// "— Title, Publisher, 25 Mar 2024, URL (location)", from parts already escaped for the flavour.
// The date and the location are our own words and numbers, the same in every flavour.
QString attribution(const Parts &p, const QString &title, const QString &publisher, const QString &url)
{
    return QStringLiteral("\u2014 ") + title + QStringLiteral(", ") + publisher + QStringLiteral(", ")
        + orUnknown(p.date, QStringLiteral("date unknown")) + QStringLiteral(", ") + url + QStringLiteral(" (")
        + p.location + QLatin1Char(')');
}

} // namespace

// Markdown text: HTML escaped as entities, so a renderer shows it rather than running it; the inline
// syntax characters backslash-escaped, so that no link, image (a remote fetch), emphasis, code span
// or table comes from the case; and the openings of bare-URL and e-mail autolinks (GitHub's
// "http://", "www.", "@") broken by an escape, which a renderer drops, so that the source's words
// never become a link either.
QString markdownEscaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (c.unicode()) {
        case u'&':
            out += QStringLiteral("&amp;");
            break;
        case u'<':
            out += QStringLiteral("&lt;");
            break;
        case u'>':
            out += QStringLiteral("&gt;");
            break;
        case u'\\':
        case u'`':
        case u'*':
        case u'_':
        case u'[':
        case u']':
        case u'~':
        case u'|':
        case u'@':
            out += QLatin1Char('\\');
            out += c;
            break;
        case u':':
            if (QStringView(text).sliced(i + 1).startsWith(QLatin1String("//"))) {
                out += QLatin1Char('\\');
            }
            out += c;
            break;
        case u'.':
            if (i >= 3 && QStringView(text).sliced(i - 3, 3).compare(QLatin1String("www"), Qt::CaseInsensitive) == 0) {
                out += QLatin1Char('\\');
            }
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out;
}

qsizetype pageAt(const QString &text, qsizetype utf16Offset)
{
    return 1 + QStringView(text).first(qBound(qsizetype(0), utf16Offset, text.size())).count(QLatin1Char('\f'));
}

QString citationLocation(const Source *source, const Citation &c)
{
    if (!source) {
        return QStringLiteral("position unknown: the source is not in the case");
    }
    // Whatever status a citation built in memory carries: a text the case does not hold checks nothing.
    if (source->referenceOnly || c.anchor == Citation::Anchor::ReferenceOnly) {
        QString out = referenceOnlyNotice() + QStringLiteral(", so the quote is not checked against it");
        if (c.start >= 0 && c.end >= c.start) {
            out += QStringLiteral("; the case gives characters ") + range(c.start, c.end);
        }
        return out;
    }
    switch (c.anchor) {
    case Citation::Anchor::Ambiguous:
        return QStringLiteral("position unknown: the quote occurs more than once in the source");
    case Citation::Anchor::Orphaned:
        return QStringLiteral("position unknown: the quote is not in the source text");
    case Citation::Anchor::Unchecked:
        if (c.start < 0 || c.end < c.start) {
            return QStringLiteral("position unknown");
        }
        return QStringLiteral("characters %1 as the case file gives them, not checked against the source")
            .arg(range(c.start, c.end));
    case Citation::Anchor::ReferenceOnly: // said above
    case Citation::Anchor::Exact:
    case Citation::Anchor::Reanchored:
        break;
    }
    QString out;
    if (source->text.contains(QLatin1Char('\f'))) {
        const TextIndex index(source->text);
        const qint64 from = index.toUtf16(c.start);
        const qint64 to = index.toUtf16(c.end);
        if (from >= 0 && to >= from) {
            const qsizetype first = pageAt(source->text, from);
            // A quote that runs over a page break ends on a later page; one that ends at the break does not.
            const qsizetype last = first + QStringView(source->text).sliced(from, to - from).count(QLatin1Char('\f'));
            out = first == last ? QStringLiteral("p. %1, ").arg(first)
                                : QStringLiteral("pp. %1, ").arg(range(first, last));
        }
    }
    out += QStringLiteral("characters ") + range(c.start, c.end);
    if (c.anchor == Citation::Anchor::Reanchored && c.statedStart >= 0) {
        out += QStringLiteral("; re-anchored, the case file gave ") + range(c.statedStart, c.statedEnd);
    }
    return out;
}

QString citationPlainText(const Case &kase, const QList<Citation> &citations)
{
    QStringList blocks;
    for (const Parts &p : allParts(kase, citations)) {
        blocks << QStringLiteral("\u201c") + p.quote + QStringLiteral("\u201d\n")
                + attribution(p, p.title, orUnknown(p.publisher, QStringLiteral("publisher unknown")),
                              orUnknown(p.url, QStringLiteral("no URL")));
    }
    return blocks.join(QStringLiteral("\n\n"));
}

QString citationHtml(const Case &kase, const QList<Citation> &citations)
{
    QStringList blocks;
    for (const Parts &p : allParts(kase, citations)) {
        QString url = QStringLiteral("no URL");
        if (!p.webUrl.isEmpty()) {
            url = QStringLiteral("<a href=\"%1\">%2</a>").arg(html(p.webUrl), html(p.url));
        } else if (!p.url.isEmpty()) {
            url = html(p.url);
        }
        blocks << QStringLiteral("<blockquote>\u201c")
                + html(p.quote).replace(QLatin1Char('\n'), QStringLiteral("<br>"))
                + QStringLiteral("\u201d</blockquote>\n<p>")
                + attribution(p, QStringLiteral("<cite>") + html(p.title) + QStringLiteral("</cite>"),
                              p.publisher.isEmpty() ? QStringLiteral("publisher unknown") : html(p.publisher), url)
                + QStringLiteral("</p>");
    }
    return blocks.join(QLatin1Char('\n'));
}

QString citationMarkdown(const Case &kase, const QList<Citation> &citations)
{
    QStringList blocks;
    for (const Parts &p : allParts(kase, citations)) {
        QStringList lines;
        const QString quote = QStringLiteral("\u201c") + markdownEscaped(p.quote) + QStringLiteral("\u201d");
        for (const QString &line : quote.split(QLatin1Char('\n'))) {
            // Leading white space would make an indented code block after a blank line.
            qsizetype indent = 0;
            while (indent < line.size() && line[indent].isSpace()) {
                ++indent;
            }
            const QString text = line.sliced(indent);
            lines << (text.trimmed().isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + markdownLine(text));
        }
        QString url = QStringLiteral("no URL");
        if (!p.webUrl.isEmpty()) {
            url = QLatin1Char('<') + p.webUrl + QLatin1Char('>');
        } else if (!p.url.isEmpty()) {
            url = markdownEscaped(p.url);
        }
        // The blank line ends the quote: a line right after it would continue its last paragraph.
        blocks << lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
                + attribution(
                      p, markdownEscaped(p.title),
                      p.publisher.isEmpty() ? QStringLiteral("publisher unknown") : markdownEscaped(p.publisher), url);
    }
    return blocks.join(QStringLiteral("\n\n"));
}

QMimeData *citationMimeData(const Case &kase, const QList<Citation> &citations)
{
    if (citations.isEmpty()) {
        return nullptr;
    }
    auto *data = new QMimeData;
    data->setText(citationPlainText(kase, citations));
    data->setHtml(QStringLiteral("<meta charset=\"utf-8\">") + citationHtml(kase, citations));
    data->setData(QStringLiteral("text/markdown"), citationMarkdown(kase, citations).toUtf8());
    return data;
}

} // namespace AT
