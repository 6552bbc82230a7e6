#include "htmlpage.h"

#include "categorycolor.h"
#include "citationcopy.h"
#include "estimative.h"
#include "markup.h"

#include <QColor>
#include <QHash>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace AT {

namespace {

// ---- Case text as text -------------------------------------------------------------------------

bool hpIsBidiControl(char16_t u)
{
    return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

// Case text made safe to show: control characters (C0 but tab and line feed, DEL, C1), explicit
// bidi controls and the noncharacters U+FFFE/U+FFFF shown as escapes ("\x1b", "\u202e"), as Copy
// Citation shows them, so that nothing hides or reorders the words around it and the SVG stays well
// formed XML (which has no way to carry a C0 control); a lone surrogate becomes U+FFFD.
QString hpVisible(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7F && u <= 0x9F)) {
            out += QStringLiteral("\\x") + QString::number(u, 16).rightJustified(2, QLatin1Char('0'));
        } else if (hpIsBidiControl(u) || u == 0xFFFE || u == 0xFFFF) {
            out += QStringLiteral("\\u") + QString::number(u, 16).rightJustified(4, QLatin1Char('0'));
        } else if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[++i];
        } else if (c.isSurrogate()) {
            out += QChar(QChar::ReplacementCharacter);
        } else {
            out += c;
        }
    }
    return out;
}

// One-line case text (a title, a name): whitespace runs as one space.
QString hpText(const QString &text)
{
    return markupEscaped(hpVisible(text.simplified()));
}

// Case text that may run over several lines (a quote, a summary, a note): line breaks of every kind
// as \n, shown by the stylesheet's white-space: pre-line.
QString hpLines(const QString &text)
{
    QString t = text;
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (const char16_t c : {u'\r', u'\f', u'\v', u'\u2028', u'\u2029', u'\u0085'}) {
        t.replace(QChar(c), QLatin1Char('\n'));
    }
    return markupEscaped(hpVisible(t.trimmed()));
}

// The URL to link to: http or https with a host, fully percent-encoded (no space, quote or angle
// bracket left), or empty. Anything else (javascript:, data:, file:) is only ever shown as text.
QString hpWebUrl(const QString &url)
{
    const QUrl u(url.trimmed(), QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (!u.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || u.host().isEmpty()) {
        return {};
    }
    return QString::fromLatin1(u.toEncoded(QUrl::FullyEncoded));
}

// A fragment id from an item's number and its id: only ASCII letters, digits and hyphens, so that it
// is the same in an id attribute, an href and a CSS selector, and unique because of the number.
QString hpAnchor(QLatin1StringView prefix, qsizetype index, const QString &id)
{
    QString slug;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        if (slug.size() >= 40) {
            break;
        }
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')) {
            slug += c;
        } else if (u >= u'A' && u <= u'Z') {
            slug += QChar(u + 32);
        } else if (!slug.isEmpty() && !slug.endsWith(QLatin1Char('-'))) {
            slug += QLatin1Char('-');
        }
    }
    while (slug.endsWith(QLatin1Char('-'))) {
        slug.chop(1);
    }
    QString out = prefix + QLatin1Char('-') + QString::number(index + 1);
    if (!slug.isEmpty()) {
        out += QLatin1Char('-') + slug;
    }
    return out;
}

// ---- Text widths for the SVG, which does not wrap text itself -----------------------------------

// Advance widths of DejaVu Sans (the first font the SVG asks for, and one of the widest common sans
// fonts) for ASCII 32..126, in thousandths of an em, read from the font's hmtx table. Other fonts
// are narrower, so lines measured with it fit.
constexpr std::array<quint16, 95> HpDejaVuAdvance
    = {318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361,  318, 337, 636, 636, 636,
       636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
       575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635,  611, 732, 684, 989, 685,
       611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352,  635, 634, 278, 278, 579,
       278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,  525, 636, 337, 636, 838};

bool hpIsWide(char32_t u)
{
    return (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
        || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
        || (u >= 0xFFE0 && u <= 0xFFE6) || u >= 0x10000;
}

// Thousandths of an em: ASCII from the table, marks and format characters nothing, East Asian wide
// characters (and astral ones: emoji, rare ideographs) a full em, any other letter a generous 0.75.
int hpAdvance(char32_t u)
{
    if (u >= 32 && u <= 126) {
        return HpDejaVuAdvance[u - 32];
    }
    switch (QChar::category(u)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
        return 0;
    default:
        break;
    }
    return hpIsWide(u) ? 1000 : 750;
}

double hpWidth(QStringView text, double fontSize)
{
    qint64 sum = 0;
    for (const char32_t u : text.toUcs4()) {
        sum += hpAdvance(u);
    }
    return double(sum) * fontSize / 1000.0;
}

// Greedy line breaking at spaces, and between wide characters (CJK has no spaces); a word wider than
// the line is cut between characters (never inside a surrogate pair or before a combining mark).
QStringList hpWrap(const QString &text, double fontSize, double width)
{
    QStringList lines;
    QString line;
    double lineWidth = 0;
    const double space = HpDejaVuAdvance[0] * fontSize / 1000.0;
    // Break the text into units: words, or single wide characters.
    QStringList units;
    QList<bool> spaceBefore;
    bool pendingSpace = false;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty()) {
            units << word;
            spaceBefore << pendingSpace;
            pendingSpace = false;
            word.clear();
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char(' ')) {
            flush();
            pendingSpace = true;
            continue;
        }
        char32_t u = c.unicode();
        QString ch(c);
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            u = QChar::surrogateToUcs4(c, text[i + 1]);
            ch += text[++i];
        }
        if (hpIsWide(u)) {
            flush();
            word = ch;
            flush();
        } else {
            word += ch;
        }
    }
    flush();
    for (qsizetype k = 0; k < units.size(); ++k) {
        QString unit = units[k];
        double w = hpWidth(unit, fontSize);
        const double gap = (line.isEmpty() || !spaceBefore[k]) ? 0 : space;
        if (lineWidth + gap + w <= width) {
            if (gap > 0) {
                line += QLatin1Char(' ');
            }
            line += unit;
            lineWidth += gap + w;
            continue;
        }
        if (!line.isEmpty()) {
            lines << line;
            line.clear();
            lineWidth = 0;
        }
        // A unit wider than a whole line: cut it between characters.
        while (w > width) {
            qsizetype cut = 0;
            double cw = 0;
            const QList<uint> ucs = unit.toUcs4();
            qsizetype utf16 = 0;
            for (const uint u : ucs) {
                const double a = hpAdvance(u) * fontSize / 1000.0;
                const qsizetype len = u >= 0x10000 ? 2 : 1;
                if (cw + a > width && cut > 0 && a > 0) {
                    break;
                }
                cw += a;
                utf16 += len;
                cut = utf16;
            }
            if (cut >= unit.size()) {
                break;
            }
            lines << unit.left(cut);
            unit = unit.mid(cut);
            w = hpWidth(unit, fontSize);
        }
        line = unit;
        lineWidth = w;
    }
    if (!line.isEmpty() || lines.isEmpty()) {
        lines << line;
    }
    return lines;
}

// ---- The timeline as SVG -------------------------------------------------------------------------

namespace HpSvg {
constexpr double Width = 420; // user units; the SVG scales to the page's width
constexpr double Margin = 6;
constexpr double AxisHeight = 22; // tick labels above the first row (and below the last)
constexpr double DateSize = 12;
constexpr double TitleSize = 14;
constexpr double TitleLine = 17;
constexpr double FirstLine = 18; // the date and the mark
constexpr double RowGap = 9;
constexpr double MarkerSize = 10; // a bar narrower than this is drawn as a diamond, as on the timeline
constexpr double OpenFade = 30; // how far an open end fades out
constexpr double MaxDateColumn = 150;
constexpr double MaxChunk = 400; // the most rows of one SVG, in user units (about 14 cm printed 14 cm wide)
const QColor DisputedRed(0xC0, 0x1B, 0x1B);
} // namespace HpSvg

QString hpNum(double v)
{
    QString out = QString::number(std::round(v * 10) / 10, 'f', 1);
    if (out.endsWith(QLatin1StringView(".0"))) {
        out.chop(2);
    }
    return out == QLatin1StringView("-0") ? QStringLiteral("0") : out;
}

QString hpColor(const QColor &c)
{
    return c.name(QColor::HexRgb);
}

// A category colour blended toward the white page by alpha a (0..1), as the timeline fades its bars:
// opaque, so that print and every viewer show the same.
QColor hpBlend(const QColor &c, double a)
{
    return QColor::fromRgbF(float(c.redF() * a + (1 - a)), float(c.greenF() * a + (1 - a)),
                            float(c.blueF() * a + (1 - a)));
}

struct HpTick
{
    qint64 day;
    QString label;
};

// Ticks over [first, last] (Julian days): years (every 1, 2, 5, 10, ... years), months or days,
// the finest whose labels fit `width` user units; and the tick-aligned domain they span. With a step
// of one year (month, day) *spans is set: a label names the period up to the next tick, as a
// calendar does, rather than the instant of its tick.
QList<HpTick> hpTicks(qint64 first, qint64 last, double width, qint64 *from, qint64 *to, bool *spans)
{
    const QDate a = QDate::fromJulianDay(first);
    const QDate b = QDate::fromJulianDay(last);
    const double span = double(last - first + 1);
    QList<HpTick> out;
    if (span > 3 * 365) {
        static const std::array<int, 10> steps = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
        const double perYear = width / (span / 365.25);
        int step = steps.back();
        for (const int s : steps) {
            if (perYear * s >= 38) {
                step = s;
                break;
            }
        }
        // Year 0 does not exist (QDate has 1 BC, then AD 1): the first tick is at AD 1 at the earliest.
        const int y0 = std::max(1, a.year() - (((a.year() % step) + step) % step));
        int y1 = b.year() + 1;
        y1 += (step - (((y1 - y0) % step) + step) % step) % step;
        *spans = step == 1;
        *from = QDate(y0, 1, 1).toJulianDay();
        *to = QDate(y1, 1, 1).toJulianDay();
        for (int y = y0; y <= y1; y += step) {
            out.append({QDate(y, 1, 1).toJulianDay(), QString::number(y)});
        }
        return out;
    }
    if (span > 62) {
        static const std::array<int, 5> steps = {1, 2, 3, 6, 12};
        const double perMonth = width / (span / 30.44);
        int step = 12;
        for (const int s : steps) {
            if (perMonth * s >= 62) {
                step = s;
                break;
            }
        }
        const int m0 = a.year() * 12 + (a.month() - 1) / step * step;
        int m1 = b.year() * 12 + b.month();
        m1 += (step - (m1 - m0) % step) % step;
        *spans = step == 1;
        *from = QDate(m0 / 12, m0 % 12 + 1, 1).toJulianDay();
        *to = QDate(m1 / 12, m1 % 12 + 1, 1).toJulianDay();
        for (int m = m0; m <= m1; m += step) {
            out.append({QDate(m / 12, m % 12 + 1, 1).toJulianDay(),
                        monthAbbreviation(m % 12 + 1) + QLatin1Char(' ') + QString::number(m / 12)});
        }
        return out;
    }
    static const std::array<int, 5> steps = {1, 2, 7, 14, 28};
    const double perDay = width / span;
    int step = 28;
    for (const int s : steps) {
        if (perDay * s >= 48) {
            step = s;
            break;
        }
    }
    *spans = step == 1;
    *from = first;
    *to = first + ((last + 1 - first + step - 1) / step) * step;
    for (qint64 d = *from; d <= *to; d += step) {
        const QDate date = QDate::fromJulianDay(d);
        out.append({d, QString::number(date.day()) + QLatin1Char(' ') + monthAbbreviation(date.month())});
    }
    return out;
}

struct HpRow
{
    qsizetype event;
    QStringList dateLines;
    QStringList titleLines;
    double top;
    double height;
};

class HpPage
{
public:
    HpPage(const Case &kase, const HtmlPageOptions &options);
    QString build();

private:
    void writeHead();
    void writeHeader();
    void writeTimeline();
    void writeTimelineRow(const HpRow &row, bool separator);
    double timelineX(double day) const
    {
        return m_stripLeft + (day - double(m_from)) / double(m_to - m_from) * (m_stripRight - m_stripLeft);
    }
    void writeLegend(const CategoryColors &colors);
    void writeEvents();
    void writeEvent(qsizetype e);
    void writeClaims();
    void writeDisputes();
    void writeDispute(const Disagreement &d, qsizetype index, bool withId, bool withQuotes);
    void writeActors();
    void writeSources();
    void writeCitations(const QList<Citation> &citations);
    void writeNote(const QString &notes);

    QString actorLink(const QString &actorId) const;
    QString sourceLink(const QString &sourceId) const;
    QString eventLink(const QString &eventId) const;
    QString claimLink(const QString &claimId) const;

    const Case &m_case;
    HtmlPageOptions m_options;
    QString m_out;
    QList<qsizetype> m_order; // events in time order
    QHash<QString, qsizetype> m_events, m_actors, m_sources, m_claims, m_disagreements;
    QHash<QString, qsizetype> m_firstDisputeEvent; // disagreement id -> first event (page order) showing it
    QSet<QString> m_disputeAnchored;
    // The timeline's geometry: the strip where dates are drawn and the days it spans.
    CategoryColors m_colors;
    double m_stripLeft = 0;
    double m_stripRight = 1;
    qint64 m_from = 0;
    qint64 m_to = 1;
};

HpPage::HpPage(const Case &kase, const HtmlPageOptions &options)
    : m_case(kase)
    , m_options(options)
{
    if (!m_options.generatedAt.isValid()) {
        m_options.generatedAt = QDateTime::currentDateTimeUtc();
    }
    // The first item wins a duplicated id, as Case::event() and friends find it.
    for (qsizetype i = m_case.events.size() - 1; i >= 0; --i) {
        m_events.insert(m_case.events[i].id, i);
    }
    for (qsizetype i = m_case.actors.size() - 1; i >= 0; --i) {
        m_actors.insert(m_case.actors[i].id, i);
    }
    for (qsizetype i = m_case.sources.size() - 1; i >= 0; --i) {
        m_sources.insert(m_case.sources[i].id, i);
    }
    for (qsizetype i = m_case.claims.size() - 1; i >= 0; --i) {
        m_claims.insert(m_case.claims[i].id, i);
    }
    for (qsizetype i = m_case.disagreements.size() - 1; i >= 0; --i) {
        m_disagreements.insert(m_case.disagreements[i].id, i);
    }
    m_order.resize(m_case.events.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    // Time order as the event table sorts; an event without a date last; ties in the case's order.
    std::stable_sort(m_order.begin(), m_order.end(), [this](qsizetype a, qsizetype b) {
        const PartialDate &da = m_case.events[a].date;
        const PartialDate &db = m_case.events[b].date;
        if (da.isValid() != db.isValid()) {
            return da.isValid();
        }
        return da.isValid() && da.isBefore(db);
    });
    for (const qsizetype e : std::as_const(m_order)) {
        for (const QString &d : m_case.events[e].disagreements) {
            if (m_disagreements.contains(d) && !m_firstDisputeEvent.contains(d)) {
                m_firstDisputeEvent.insert(d, e);
            }
        }
    }
}

QString HpPage::actorLink(const QString &actorId) const
{
    const auto it = m_actors.constFind(actorId);
    if (it == m_actors.constEnd()) {
        return QStringLiteral("<bdi>") + hpText(actorId) + QStringLiteral("</bdi> (not in the case)");
    }
    const Actor &a = m_case.actors[*it];
    return QStringLiteral("<a href=\"#") + hpAnchor(QLatin1StringView("actor"), *it, a.id) + QStringLiteral("\"><bdi>")
        + hpText(a.name) + QStringLiteral("</bdi></a>");
}

QString HpPage::sourceLink(const QString &sourceId) const
{
    const auto it = m_sources.constFind(sourceId);
    if (it == m_sources.constEnd()) {
        return QStringLiteral("source \u201c<bdi>") + hpText(sourceId)
            + QStringLiteral("</bdi>\u201d (not in the case)");
    }
    const Source &s = m_case.sources[*it];
    return QStringLiteral("<a href=\"#") + hpAnchor(QLatin1StringView("src"), *it, s.id)
        + QStringLiteral("\"><cite><bdi>") + hpText(displayTitle(s)) + QStringLiteral("</bdi></cite></a>");
}

QString HpPage::eventLink(const QString &eventId) const
{
    const auto it = m_events.constFind(eventId);
    if (it == m_events.constEnd()) {
        return QStringLiteral("event \u201c<bdi>") + hpText(eventId) + QStringLiteral("</bdi>\u201d (not in the case)");
    }
    const Event &e = m_case.events[*it];
    return QStringLiteral("<a href=\"#") + hpAnchor(QLatin1StringView("ev"), *it, e.id) + QStringLiteral("\"><bdi>")
        + hpText(e.title) + QStringLiteral("</bdi></a> (") + hpText(e.date.toDisplayString()) + QLatin1Char(')');
}

QString HpPage::claimLink(const QString &claimId) const
{
    const auto it = m_claims.constFind(claimId);
    if (it == m_claims.constEnd()) {
        return QStringLiteral("claim \u201c<bdi>") + hpText(claimId) + QStringLiteral("</bdi>\u201d (not in the case)");
    }
    const Claim &c = m_case.claims[*it];
    const Actor *by = m_case.actor(c.attributorId);
    return QStringLiteral("<a href=\"#") + hpAnchor(QLatin1StringView("claim"), *it, c.id) + QStringLiteral("\"><bdi>")
        + hpText(by ? by->name : c.attributorId) + QStringLiteral("</bdi>: <bdi>") + hpText(c.statement)
        + QStringLiteral("</bdi></a>");
}

// Our own stylesheet: nothing in it comes from the case.
constexpr auto HpStyle = R"(
:root{color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#1b1e23;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;overflow-wrap:anywhere}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid #d5d9df}
h3{font-size:1.1rem;line-height:1.3;margin:0 0 .3rem}
h4{font-size:.95rem;margin:.9rem 0 .2rem;color:#3b4048}
p{margin:.35rem 0}
a{color:#0b57a4}
.about{color:#4a5058;font-size:.9rem}
.counts{font-size:.9rem}
nav ul{list-style:none;padding:0;margin:.6rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.95rem}
article{border-top:1px solid #e3e6ea;padding:1rem 0}
article:target{background:#f3f8ff}
h3 .date{display:block;font-size:.9rem;font-weight:600;color:#4a5058}
.meta,.when{font-size:.9rem;color:#4a5058}
figure{margin:.6rem 0}
blockquote{margin:0;padding:.45rem .8rem;border-left:3px solid #8a93a0;background:#f5f6f8;white-space:pre-line}
figcaption{font-size:.85rem;color:#4a5058;margin-top:.15rem}
.summary,.statement,.desc{white-space:pre-line}
.note{margin:.7rem 0;padding:.5rem .75rem;border:1px dashed #a77b00;background:#fff8e5;white-space:pre-line}
.note-label{display:block;font-weight:600;font-size:.85rem;color:#6b4f00;white-space:normal}
.dispute{margin:.6rem 0;padding:.4rem .75rem;border-left:3px solid #c01b1b}
.dispute>ol{padding-left:1.3rem;margin:.3rem 0}
.dispute>ol>li{margin:.5rem 0}
.question{font-weight:600}
.wording{font-weight:600}
ul.plain{padding-left:1.2rem;margin:.3rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.4rem 0;font-size:.95rem}
dt{color:#4a5058}
dd{margin:0;min-width:0}
code.hash{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.8rem;word-break:break-all}
.timeline-wrap{margin:.5rem 0}
svg.timeline{display:block;width:100%;max-width:32rem;height:auto}
svg.timeline text{font-family:"DejaVu Sans",Verdana,sans-serif}
svg.timeline a:hover text.title,svg.timeline a:focus text.title{text-decoration:underline}
ul.legend{list-style:none;padding:0;margin:.6rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.85rem}
ul.legend svg{vertical-align:middle;margin-right:.3rem}
footer{margin-top:2rem;padding-bottom:2rem;font-size:.85rem;color:#4a5058;border-top:1px solid #e3e6ea}
@media (max-width:30rem){body{font-size:15px}h1{font-size:1.45rem}}
@media print{
body{font-size:10.5pt;color:#000}
header,main,footer{max-width:none;padding:0}
nav{display:none}
blockquote,.note,article:target{background:none}
a{color:#000;text-decoration:none}
a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;word-break:break-all}
h2,h3,h4{break-after:avoid}
figure,.note,dl,.dispute>ol>li{break-inside:avoid}
svg.timeline{max-width:14cm}
}
)";

QString HpPage::build()
{
    writeHead();
    m_out += QStringLiteral("<body>\n");
    writeHeader();
    m_out += QStringLiteral("<main>\n");
    writeTimeline();
    writeEvents();
    writeClaims();
    writeDisputes();
    writeActors();
    writeSources();
    m_out += QStringLiteral("</main>\n<footer><p>Made with Attribution Timeline from a case file on ")
        + m_options.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd 'at' HH:mm 'UTC'"))
        + QStringLiteral(". Quoted passages are verbatim from the sources named under them; what the sources do "
                         "not give is said to be unknown. This page runs no script and loads nothing.</p></footer>\n"
                         "</body>\n</html>\n");
    return m_out;
}

void HpPage::writeHead()
{
    const QString title = m_case.title.simplified().isEmpty() ? QStringLiteral("Untitled case") : m_case.title;
    m_out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                            // No script, no fetch, no form, no base: inline styles only.
                            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                            "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
                            "<meta name=\"referrer\" content=\"no-referrer\">\n"
                            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                            "<meta name=\"generator\" content=\"Attribution Timeline\">\n<title>")
        + hpText(title) + QStringLiteral("</title>\n<style>") + QLatin1StringView(HpStyle)
        + QStringLiteral("</style>\n</head>\n");
}

void HpPage::writeHeader()
{
    const QString title = m_case.title.simplified().isEmpty() ? QStringLiteral("Untitled case") : m_case.title;
    m_out += QStringLiteral("<header>\n<h1 dir=\"auto\">") + hpText(title) + QStringLiteral("</h1>\n");
    if (!m_case.description.trimmed().isEmpty()) {
        m_out += QStringLiteral("<p class=\"desc\" dir=\"auto\">") + hpLines(m_case.description)
            + QStringLiteral("</p>\n");
    }
    m_out += QStringLiteral("<p class=\"about\">A case published from Attribution Timeline, generated from its case "
                            "file on ")
        + m_options.generatedAt.toUTC().toString(QStringLiteral("d MMM yyyy 'at' HH:mm 'UTC'"))
        + QStringLiteral(". Every quoted passage is verbatim from the source named under it, and each source is "
                         "listed with the SHA-256 of its text; the full texts are not included. Where the sources "
                         "disagree, every version is shown. Notes marked \u201cAuthor\u2019s note\u201d are the "
                         "author\u2019s own, not from a source.</p>\n");
    const auto count = [](qsizetype n, const char *one, const char *many) -> QString {
        return QString::number(n) + QLatin1Char(' ') + QLatin1StringView(n == 1 ? one : many);
    };
    m_out += QStringLiteral("<p class=\"counts\">") + count(m_case.events.size(), "event", "events")
        + QStringLiteral(" \u00b7 ") + count(m_case.claims.size(), "claim", "claims") + QStringLiteral(" \u00b7 ")
        + count(m_case.disagreements.size(), "disputed point", "disputed points") + QStringLiteral(" \u00b7 ")
        + count(m_case.actors.size(), "actor", "actors") + QStringLiteral(" \u00b7 ")
        + count(m_case.sources.size(), "source", "sources") + QStringLiteral("</p>\n");
    m_out
        += QStringLiteral("<nav><ul><li><a href=\"#timeline\">Timeline</a></li><li><a href=\"#events\">Events</a></li>"
                          "<li><a href=\"#claims\">Claims</a></li><li><a href=\"#disputes\">Disputed points</a></li>"
                          "<li><a href=\"#actors\">Actors</a></li><li><a href=\"#sources\">Sources</a></li>"
                          "</ul></nav>\n</header>\n");
}

void HpPage::writeTimeline()
{
    using namespace HpSvg;
    m_out += QStringLiteral("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    if (m_case.events.isEmpty()) {
        m_out += QStringLiteral("<p>The case has no events.</p>\n</section>\n");
        return;
    }
    QStringList categories;
    for (const Event &e : m_case.events) {
        categories << e.category;
    }
    m_colors = CategoryColors(categories);
    const CategoryColors &colors = m_colors;

    // The date column is as wide as the widest date (wrapped beyond MaxDateColumn); the strip takes the rest.
    double dateColumn = 0;
    for (const Event &e : m_case.events) {
        dateColumn = std::max(dateColumn, hpWidth(e.date.toDisplayString(), DateSize));
    }
    dateColumn = std::min(std::ceil(dateColumn) + 2, MaxDateColumn);
    const double stripLeft = Margin + dateColumn + 12;
    const double stripRight = Width - Margin;
    const double titleWidth = Width - 2 * Margin;

    // The domain: every day any known end may denote.
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (const Event &e : m_case.events) {
        if (e.date.isValid()) {
            first = std::min(first, e.date.earliestJulianDay());
            last = std::max(last, e.date.latestJulianDay());
        }
    }
    QList<HpTick> ticks;
    bool spans = false;
    if (first <= last) {
        ticks = hpTicks(first, last, stripRight - stripLeft, &m_from, &m_to, &spans);
    }
    m_stripLeft = stripLeft;
    m_stripRight = stripRight;
    const auto xOf = [this](double day) { return timelineX(day); };

    QList<HpRow> rows;
    rows.reserve(m_order.size());
    for (const qsizetype e : std::as_const(m_order)) {
        const Event &ev = m_case.events[e];
        HpRow r {e, hpWrap(hpVisible(ev.date.toDisplayString()), DateSize, dateColumn),
                 hpWrap(hpVisible(ev.title.simplified()), TitleSize, titleWidth), 0, 0};
        r.height = std::max(FirstLine, 4 + 14.0 * double(r.dateLines.size())) + TitleLine * double(r.titleLines.size())
            + RowGap;
        rows.append(r);
    }
    // One SVG per run of rows at most MaxChunk tall, each with the axis labels on top (the last also
    // below): a browser prints an SVG as one unbreakable block, so one tall SVG would be cut at the
    // page's end; on screen the labels recur as a long timeline scrolls.
    QList<qsizetype> chunkStarts;
    double filled = MaxChunk;
    for (qsizetype k = 0; k < rows.size(); ++k) {
        if (filled + rows[k].height > MaxChunk) {
            chunkStarts.append(k);
            filled = 0;
        }
        filled += rows[k].height;
    }
    chunkStarts.append(rows.size());

    QString &o = m_out;
    o += QStringLiteral("<div class=\"timeline-wrap\">\n");
    for (qsizetype c = 0; c + 1 < chunkStarts.size(); ++c) {
        const qsizetype begin = chunkStarts[c];
        const qsizetype end = chunkStarts[c + 1];
        const bool lastChunk = end == rows.size();
        double y = AxisHeight + 4;
        for (qsizetype k = begin; k < end; ++k) {
            rows[k].top = y;
            y += rows[k].height;
        }
        const double bottom = y + 2;
        const double height = bottom + (lastChunk ? AxisHeight : 2);
        o += QStringLiteral("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            + hpNum(Width) + QLatin1Char(' ') + hpNum(height) + QStringLiteral("\" width=\"") + hpNum(Width)
            + QStringLiteral("\" height=\"") + hpNum(height)
            + QStringLiteral("\" role=\"group\" aria-label=\"Timeline, events ") + QString::number(begin + 1)
            + QChar(0x2013) + QString::number(end) + QStringLiteral(" of ") + QString::number(rows.size())
            + QStringLiteral(" in time order, each linking to its section\">\n");
        if (c == 0) {
            // Open ends fade to the page: one white gradient laid over the bar's end (the later SVGs
            // and the legend use these too: ids are the document's).
            o += QStringLiteral(
                "<defs><linearGradient id=\"tl-fade-start\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">"
                "<stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\"1\"/>"
                "<stop offset=\"1\" stop-color=\"#fff\" stop-opacity=\"0\"/></linearGradient>"
                "<linearGradient id=\"tl-fade-end\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">"
                "<stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\"0\"/>"
                "<stop offset=\"1\" stop-color=\"#fff\" stop-opacity=\"1\"/></linearGradient></defs>\n");
        }
        // The axis: gridlines at every tick through the rows, labels above (and below the last rows).
        o += QStringLiteral("<g class=\"axis\" font-size=\"11\" fill=\"#4a5058\">\n");
        for (const HpTick &t : std::as_const(ticks)) {
            const double x = xOf(double(t.day));
            o += QStringLiteral("<line x1=\"") + hpNum(x) + QStringLiteral("\" x2=\"") + hpNum(x)
                + QStringLiteral("\" y1=\"") + hpNum(AxisHeight - 4) + QStringLiteral("\" y2=\"")
                + hpNum(bottom + (lastChunk ? 4 : 2)) + QStringLiteral("\" stroke=\"#dde1e6\" stroke-width=\"1\"/>\n");
        }
        // Labels centred on their tick (or on their period), kept inside the strip; one that would
        // touch its neighbour is left out.
        double lastRight = -1e9;
        for (qsizetype i = 0; i < ticks.size(); ++i) {
            const HpTick &t = ticks[i];
            if (spans && i + 1 == ticks.size()) {
                break; // the end of the last period
            }
            const double centre = spans ? (xOf(double(t.day)) + xOf(double(ticks[i + 1].day))) / 2 : xOf(double(t.day));
            const double w = hpWidth(t.label, 11);
            const double x = std::clamp(centre - w / 2, stripLeft - 4, Width - Margin - w);
            if (x < lastRight + 6) {
                continue;
            }
            lastRight = x + w;
            o += QStringLiteral("<text x=\"") + hpNum(x) + QStringLiteral("\" y=\"") + hpNum(AxisHeight - 8)
                + QStringLiteral("\">") + t.label + QStringLiteral("</text>\n");
            if (lastChunk) {
                o += QStringLiteral("<text x=\"") + hpNum(x) + QStringLiteral("\" y=\"")
                    + hpNum(bottom + AxisHeight - 6) + QStringLiteral("\">") + t.label + QStringLiteral("</text>\n");
            }
        }
        o += QStringLiteral("</g>\n");
        for (qsizetype k = begin; k < end; ++k) {
            writeTimelineRow(rows[k], k > begin);
        }
        o += QStringLiteral("</svg>\n");
    }
    o += QStringLiteral("</div>\n");
    writeLegend(colors);
    m_out += QStringLiteral("</section>\n");
}

void HpPage::writeTimelineRow(const HpRow &r, bool separator)
{
    using namespace HpSvg;
    const double stripLeft = m_stripLeft;
    const auto xOf = [this](double day) { return timelineX(day); };
    QString &o = m_out;
    const Event &ev = m_case.events[r.event];
    const PartialDate &d = ev.date;
    const QColor colour = m_colors.color(ev.category);
    const bool coarse = d.precision() != DatePoint::Precision::Day || d.isApproximate();
    const double mid = r.top + 9;
    o += QStringLiteral("<a href=\"#") + hpAnchor(QLatin1StringView("ev"), r.event, ev.id)
        + QStringLiteral("\" class=\"event-row\"><title>") + hpText(d.toDisplayString()) + QStringLiteral(": ")
        + hpText(ev.title) + QStringLiteral("</title>\n");
    if (separator) {
        o += QStringLiteral("<line x1=\"") + hpNum(Margin) + QStringLiteral("\" x2=\"") + hpNum(Width - Margin)
            + QStringLiteral("\" y1=\"") + hpNum(r.top - RowGap / 2) + QStringLiteral("\" y2=\"")
            + hpNum(r.top - RowGap / 2) + QStringLiteral("\" stroke=\"#eceef1\" stroke-width=\"1\"/>\n");
    }
    // A transparent rectangle makes the whole row a link target, not only its ink.
    o += QStringLiteral("<rect x=\"0\" y=\"") + hpNum(r.top - RowGap / 2) + QStringLiteral("\" width=\"") + hpNum(Width)
        + QStringLiteral("\" height=\"") + hpNum(r.height) + QStringLiteral("\" fill=\"#fff\" fill-opacity=\"0\"/>\n");
    for (qsizetype i = 0; i < r.dateLines.size(); ++i) {
        o += QStringLiteral("<text class=\"row-date\" x=\"") + hpNum(Margin) + QStringLiteral("\" y=\"")
            + hpNum(r.top + 13 + 14 * double(i)) + QStringLiteral("\" font-size=\"") + hpNum(DateSize)
            + QStringLiteral("\" fill=\"#4a5058\">") + markupEscaped(r.dateLines[i]) + QStringLiteral("</text>\n");
    }
    // The mark, as the app's timeline draws it (see its legend).
    double markLeft = stripLeft;
    double markTop = mid - 5;
    if (!d.isValid()) {
        o += QStringLiteral("<text class=\"mark\" x=\"") + hpNum(stripLeft) + QStringLiteral("\" y=\"")
            + hpNum(r.top + 13)
            + QStringLiteral("\" font-size=\"11\" font-style=\"italic\" fill=\"#6b717a\">"
                             "date unknown</text>\n");
    } else {
        double x0 = xOf(double(d.earliestJulianDay()));
        double x1 = xOf(double(d.latestJulianDay() + 1));
        if (d.isOpenStart()) {
            x0 = std::max(stripLeft - 4, x1 - OpenFade);
        }
        if (d.isOpenEnd()) {
            x1 = std::min(Width - 2, x0 + OpenFade);
        }
        if (x1 - x0 <= MarkerSize && !d.isOpenStart() && !d.isOpenEnd()) {
            // An exact day, or a short span at this scale: a diamond, faded when the date is coarse.
            const double cx = (x0 + x1) / 2;
            const QColor fill = coarse ? hpBlend(colour, 110 / 255.0) : colour;
            o += QStringLiteral("<path class=\"mark\" d=\"M") + hpNum(cx) + QLatin1Char(' ') + hpNum(mid - 6)
                + QStringLiteral("L") + hpNum(cx + 6) + QLatin1Char(' ') + hpNum(mid) + QStringLiteral("L") + hpNum(cx)
                + QLatin1Char(' ') + hpNum(mid + 6) + QStringLiteral("L") + hpNum(cx - 6) + QLatin1Char(' ')
                + hpNum(mid) + QStringLiteral("Z\" fill=\"") + hpColor(fill) + QStringLiteral("\" stroke=\"")
                + hpColor(colour.darker(130)) + QStringLiteral("\"/>\n");
            markLeft = cx - 6;
            markTop = mid - 6;
        } else {
            // A bar over every day the date may denote: solid for a range known to the day, fainter
            // for coarse ends, faintest for a single month or year; open ends fade out; an
            // approximate date has a dashed outline.
            const double a = (d.isRange() && !coarse ? 220 : (d.isRange() ? 170 : 90)) / 255.0;
            const QString x = hpNum(x0);
            const QString w = hpNum(x1 - x0);
            o += QStringLiteral("<g class=\"mark\"><rect x=\"") + x + QStringLiteral("\" y=\"") + hpNum(mid - 5)
                + QStringLiteral("\" width=\"") + w + QStringLiteral("\" height=\"10\" rx=\"3\" fill=\"")
                + hpColor(hpBlend(colour, a)) + QStringLiteral("\"/>");
            const double fade = std::min(OpenFade * 0.8, (x1 - x0) * 0.6);
            if (d.isOpenStart()) {
                o += QStringLiteral("<rect x=\"") + hpNum(x0 - 0.5) + QStringLiteral("\" y=\"") + hpNum(mid - 5.5)
                    + QStringLiteral("\" width=\"") + hpNum(fade + 0.5)
                    + QStringLiteral("\" height=\"11\" fill=\"url(#tl-fade-start)\"/>");
            }
            if (d.isOpenEnd()) {
                o += QStringLiteral("<rect x=\"") + hpNum(x1 - fade) + QStringLiteral("\" y=\"") + hpNum(mid - 5.5)
                    + QStringLiteral("\" width=\"") + hpNum(fade + 0.5)
                    + QStringLiteral("\" height=\"11\" fill=\"url(#tl-fade-end)\"/>");
            }
            if (d.isApproximate()) {
                o += QStringLiteral("<rect x=\"") + x + QStringLiteral("\" y=\"") + hpNum(mid - 5)
                    + QStringLiteral("\" width=\"") + w
                    + QStringLiteral("\" height=\"10\" rx=\"3\" fill=\"none\" stroke=\"") + hpColor(colour.darker(120))
                    + QStringLiteral("\" stroke-dasharray=\"3 2\"/>");
            }
            o += QStringLiteral("</g>\n");
            markLeft = x0;
        }
        if (m_case.isDisputed(ev)) {
            // The red badge: the sources disagree about this event (points of specificity only are no dispute).
            o += QStringLiteral("<circle class=\"disputed\" cx=\"") + hpNum(std::max(markLeft, stripLeft - 2))
                + QStringLiteral("\" cy=\"") + hpNum(markTop - 1) + QStringLiteral("\" r=\"4\" fill=\"")
                + hpColor(DisputedRed) + QStringLiteral("\"/>\n");
        }
    }
    const bool rtl = ev.title.isRightToLeft();
    for (qsizetype i = 0; i < r.titleLines.size(); ++i) {
        o += QStringLiteral("<text class=\"title\" x=\"") + hpNum(rtl ? Width - Margin : Margin)
            + QStringLiteral("\" y=\"") + hpNum(r.top + FirstLine + 13 + TitleLine * double(i))
            + QStringLiteral("\" font-size=\"") + hpNum(TitleSize)
            + (rtl ? QStringLiteral("\" direction=\"rtl\" text-anchor=\"start") : QString())
            + QStringLiteral("\" unicode-bidi=\"isolate\" fill=\"#0b3f73\">") + markupEscaped(r.titleLines[i])
            + QStringLiteral("</text>\n");
    }
    o += QStringLiteral("</a>\n");
}

void HpPage::writeLegend(const CategoryColors &colors)
{
    QHash<QString, int> counts;
    for (const Event &e : m_case.events) {
        ++counts[e.category];
    }
    const QColor grey(0x60, 0x60, 0x60);
    const auto swatch = [](const QString &shape) -> QString {
        return QStringLiteral("<svg width=\"24\" height=\"14\" viewBox=\"0 0 24 14\" aria-hidden=\"true\">") + shape
            + QStringLiteral("</svg>");
    };
    const auto bar = [&](double alpha, const QString &extra) -> QString {
        return swatch(QStringLiteral("<rect x=\"1\" y=\"2\" width=\"22\" height=\"10\" rx=\"3\" fill=\"")
                      + hpColor(hpBlend(grey, alpha)) + QStringLiteral("\"/>") + extra);
    };
    QString &o = m_out;
    o += QStringLiteral("<ul class=\"legend\" aria-label=\"Legend\">\n");
    for (const QString &c : colors.categories()) {
        o += QStringLiteral("<li>")
            + swatch(QStringLiteral("<rect x=\"5\" y=\"1\" width=\"14\" height=\"12\" rx=\"3\" fill=\"")
                     + hpColor(colors.color(c)) + QStringLiteral("\"/>"))
            + QStringLiteral("<bdi>") + (c.simplified().isEmpty() ? QStringLiteral("no category") : hpText(c))
            + QStringLiteral("</bdi> (") + QString::number(counts.value(c)) + QStringLiteral(")</li>\n");
    }
    o += QStringLiteral("<li>")
        + swatch(QStringLiteral("<path d=\"M12 1L18 7L12 13L6 7Z\" fill=\"") + hpColor(grey)
                 + QStringLiteral("\" stroke=\"") + hpColor(grey.darker(130)) + QStringLiteral("\"/>"))
        + QStringLiteral("exact day</li>\n");
    o += QStringLiteral("<li>") + bar(220 / 255.0, {}) + QStringLiteral("date range</li>\n");
    o += QStringLiteral("<li>") + bar(90 / 255.0, {})
        + QStringLiteral("month or year only (faded, over every day it may denote; a faded diamond when short)</li>\n");
    o += QStringLiteral("<li>")
        + bar(170 / 255.0,
              QStringLiteral("<rect x=\"11\" y=\"1.5\" width=\"12.5\" height=\"11\" fill=\"url(#tl-fade-end)\"/>"))
        + QStringLiteral("open-ended (fades out: that end is unknown)</li>\n");
    o += QStringLiteral("<li>")
        + bar(170 / 255.0,
              QStringLiteral("<rect x=\"1\" y=\"2\" width=\"22\" height=\"10\" rx=\"3\" fill=\"none\" stroke=\"")
                  + hpColor(grey.darker(120)) + QStringLiteral("\" stroke-dasharray=\"3 2\"/>"))
        + QStringLiteral("approximate (\u201cc.\u201d)</li>\n");
    o += QStringLiteral("<li>")
        + swatch(QStringLiteral("<circle cx=\"12\" cy=\"7\" r=\"4.5\" fill=\"") + hpColor(HpSvg::DisputedRed)
                 + QStringLiteral("\"/>"))
        + QStringLiteral("sources disagree</li>\n</ul>\n");
}

void HpPage::writeCitations(const QList<Citation> &citations)
{
    for (const Citation &c : citations) {
        const Source *s = m_case.source(c.sourceId);
        m_out += QStringLiteral("<figure class=\"citation\"><blockquote dir=\"auto\">") + hpLines(c.quote)
            + QStringLiteral("</blockquote><figcaption>\u2014 ") + sourceLink(c.sourceId);
        if (s) {
            m_out += QStringLiteral(", ")
                + (s->publisher.simplified().isEmpty()
                       ? QStringLiteral("publisher unknown")
                       : QStringLiteral("<bdi>") + hpText(s->publisher) + QStringLiteral("</bdi>"))
                + QStringLiteral(", ")
                + (s->published.isValid() ? s->published.toDisplayString() : QStringLiteral("date unknown"))
                + QStringLiteral(", ");
            const QString web = hpWebUrl(s->url);
            if (!web.isEmpty()) {
                m_out += QStringLiteral("<a href=\"") + markupEscaped(web)
                    + QStringLiteral("\" rel=\"noreferrer noopener nofollow\">") + hpText(s->url)
                    + QStringLiteral("</a>");
            } else if (!s->url.simplified().isEmpty()) {
                m_out += QStringLiteral("<span class=\"url\">") + hpText(s->url)
                    + QStringLiteral("</span> (not a valid web address, so not a link)");
            } else {
                m_out += QStringLiteral("no URL");
            }
        }
        m_out += QStringLiteral(" (") + hpText(citationLocation(s, c)) + QStringLiteral(")</figcaption></figure>\n");
    }
}

void HpPage::writeNote(const QString &notes)
{
    if (notes.trimmed().isEmpty()) {
        return;
    }
    m_out += QStringLiteral(
                 "<aside class=\"note\"><span class=\"note-label\">Author\u2019s note (not from a source)</span>"
                 "<span dir=\"auto\">")
        + hpLines(notes) + QStringLiteral("</span></aside>\n");
}

void HpPage::writeEvents()
{
    m_out += QStringLiteral("<section id=\"events\">\n<h2>Events</h2>\n");
    if (m_case.events.isEmpty()) {
        m_out += QStringLiteral("<p>The case has no events.</p>\n");
    }
    for (const qsizetype e : std::as_const(m_order)) {
        writeEvent(e);
    }
    m_out += QStringLiteral("</section>\n");
}

void HpPage::writeEvent(qsizetype e)
{
    const Event &ev = m_case.events[e];
    QString &o = m_out;
    o += QStringLiteral("<article class=\"event\" id=\"") + hpAnchor(QLatin1StringView("ev"), e, ev.id)
        + QStringLiteral("\">\n<h3><span class=\"date\">") + hpText(ev.date.toDisplayString())
        + QStringLiteral("</span><bdi>") + hpText(ev.title) + QStringLiteral("</bdi></h3>\n");
    o += QStringLiteral("<p class=\"when\">Date: ") + hpText(ev.date.describe()) + QStringLiteral("</p>\n");
    QSet<QString> sources;
    for (const Citation &c : ev.citations) {
        sources.insert(c.sourceId);
    }
    o += QStringLiteral("<p class=\"meta\">");
    if (!ev.category.simplified().isEmpty()) {
        o += QStringLiteral("Category: <bdi>") + hpText(ev.category) + QStringLiteral("</bdi> \u00b7 ");
    }
    o += QStringLiteral("Reported by %1 of the case\u2019s sources").arg(sources.size());
    if (m_case.isDisputed(ev)) {
        o += QStringLiteral(" \u00b7 <strong>the sources disagree</strong>");
    } else if (!ev.disagreements.isEmpty()) {
        o += QStringLiteral(" \u00b7 some sources are less specific than others");
    }
    o += QStringLiteral("</p>\n");
    if (!ev.summary.trimmed().isEmpty()) {
        o += QStringLiteral("<p class=\"summary\" dir=\"auto\">") + hpLines(ev.summary) + QStringLiteral("</p>\n");
    }
    if (!ev.participants.isEmpty()) {
        QStringList parts;
        for (const Participant &p : ev.participants) {
            parts << actorLink(p.actorId)
                    + (p.role.simplified().isEmpty()
                           ? QString()
                           : QStringLiteral(" (<bdi>") + hpText(p.role) + QStringLiteral("</bdi>)"));
        }
        o += QStringLiteral("<p>Participants: ") + parts.join(QStringLiteral(", ")) + QStringLiteral("</p>\n");
    }
    if (!ev.tags.isEmpty()) {
        QStringList tags;
        for (const QString &t : ev.tags) {
            tags << QStringLiteral("<bdi>") + hpText(t) + QStringLiteral("</bdi>");
        }
        o += QStringLiteral("<p class=\"meta\">Tags: ") + tags.join(QStringLiteral(", ")) + QStringLiteral("</p>\n");
    }
    if (!ev.citations.isEmpty()) {
        o += QStringLiteral("<h4>What the sources say</h4>\n");
        writeCitations(ev.citations);
    } else {
        o += QStringLiteral("<p class=\"meta\">No source is cited for this event.</p>\n");
    }
    const DateProvenance &prov = ev.date.provenance();
    if (!prov.citations.isEmpty()) {
        o += QStringLiteral("<h4>How the date was established</h4>\n");
        writeCitations(prov.citations);
    }
    QStringList claims;
    for (const Claim &c : m_case.claims) {
        if (c.eventId == ev.id) {
            claims << claimLink(c.id);
        }
    }
    if (!claims.isEmpty()) {
        o += QStringLiteral("<h4>Claims about it</h4>\n<ul class=\"plain\"><li>")
            + claims.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>\n");
    }
    if (!ev.disagreements.isEmpty()) {
        o += QStringLiteral("<h4>Disputed points</h4>\n");
        for (const QString &id : ev.disagreements) {
            const auto it = m_disagreements.constFind(id);
            if (it == m_disagreements.constEnd()) {
                o += QStringLiteral("<p>Disputed point \u201c<bdi>") + hpText(id)
                    + QStringLiteral("</bdi>\u201d (not in the case)</p>\n");
                continue;
            }
            // The anchor goes with the first showing only (an event may list a point twice).
            const bool withId = m_firstDisputeEvent.value(id, -1) == e && !m_disputeAnchored.contains(id);
            m_disputeAnchored.insert(id);
            writeDispute(m_case.disagreements[*it], *it, withId, true);
        }
    }
    writeNote(ev.notes);
    o += QStringLiteral("</article>\n");
}

void HpPage::writeDispute(const Disagreement &d, qsizetype index, bool withId, bool withQuotes)
{
    QString &o = m_out;
    o += QStringLiteral("<div class=\"dispute\"");
    if (withId) {
        o += QStringLiteral(" id=\"") + hpAnchor(QLatin1StringView("dp"), index, d.id) + QLatin1Char('"');
    }
    o += QStringLiteral(">\n<p class=\"question\" dir=\"auto\">") + hpText(d.question) + QStringLiteral("</p>\n");
    o += QStringLiteral("<p class=\"meta\">") + disagreementKindText(d.kind) + QStringLiteral(".</p>\n");
    if (d.versions.isEmpty()) {
        o += QStringLiteral("<p>No version is recorded.</p>\n");
    } else {
        o += QStringLiteral("<ol>\n");
        for (const DisagreementVersion &v : d.versions) {
            o += QStringLiteral("<li><p class=\"statement\" dir=\"auto\">") + hpLines(v.statement)
                + QStringLiteral("</p>\n");
            if (withQuotes) {
                writeCitations(v.citations);
            } else {
                QStringList from;
                for (const Citation &c : v.citations) {
                    const QString link = sourceLink(c.sourceId);
                    if (!from.contains(link)) {
                        from << link;
                    }
                }
                if (!from.isEmpty()) {
                    o += QStringLiteral("<p class=\"meta\">Per ") + from.join(QStringLiteral(", "))
                        + QStringLiteral("</p>\n");
                }
            }
            o += QStringLiteral("</li>\n");
        }
        o += QStringLiteral("</ol>\n");
    }
    o += QStringLiteral("</div>\n");
}

void HpPage::writeClaims()
{
    QString &o = m_out;
    o += QStringLiteral("<section id=\"claims\">\n<h2>Claims</h2>\n<p class=\"meta\">Who attributes what to whom, "
                        "with the confidence wording as the source gives it.</p>\n");
    if (m_case.claims.isEmpty()) {
        o += QStringLiteral("<p>The case has no claims.</p>\n");
    }
    // Who disputes each claim, for "disputed by".
    QHash<QString, QStringList> disputedBy;
    for (const Claim &c : m_case.claims) {
        for (const QString &target : c.disputes) {
            disputedBy[target] << c.id;
        }
    }
    for (qsizetype i = 0; i < m_case.claims.size(); ++i) {
        const Claim &c = m_case.claims[i];
        o += QStringLiteral("<article class=\"claim\" id=\"") + hpAnchor(QLatin1StringView("claim"), i, c.id)
            + QStringLiteral("\">\n<h3>") + actorLink(c.attributorId)
            + QStringLiteral(" <span class=\"meta\">about</span> ") + actorLink(c.subjectId)
            + QStringLiteral("</h3>\n<p class=\"statement\" dir=\"auto\">") + hpLines(c.statement)
            + QStringLiteral("</p>\n<p>");
        if (c.confidence.simplified().isEmpty()) {
            o += QStringLiteral("Confidence: the source gives no wording.");
        } else {
            o += QStringLiteral("Confidence, in the source\u2019s words: \u201c<span class=\"wording\" dir=\"auto\">")
                + hpText(c.confidence) + QStringLiteral("</span>\u201d");
            if (c.confidenceValue && !c.yardstick.simplified().isEmpty()) {
                o += QStringLiteral(" (") + QString::number(*c.confidenceValue) + QStringLiteral(" of 100 on the <bdi>")
                    + hpText(c.yardstick) + QStringLiteral("</bdi>)");
            } else if (const std::optional<EstimativeBand> band = estimativeBand(m_case, c)) {
                // As the app shows it: beside the words, never instead of them, and said to be a reading aid.
                o += QStringLiteral(" <span class=\"band\">(") + hpText(band->label()) + QStringLiteral(" on the ")
                    + hpText(band->scaleName) + QStringLiteral("; ") + hpText(band->why)
                    + QStringLiteral("; a reading aid: whether the speaker used this scale is not known)</span>");
            }
        }
        o += QStringLiteral("</p>\n");
        QStringList facts;
        if (!c.eventId.isEmpty()) {
            facts << QStringLiteral("Event: ") + eventLink(c.eventId);
        }
        if (c.date.isValid()) {
            facts << QStringLiteral("Made: ") + hpText(c.date.toDisplayString());
        }
        if (!c.disputes.isEmpty()) {
            QStringList links;
            for (const QString &id : c.disputes) {
                links << claimLink(id);
            }
            facts << QStringLiteral("Disputes: ") + links.join(QStringLiteral("; "));
        }
        if (const auto by = disputedBy.constFind(c.id); by != disputedBy.constEnd()) {
            QStringList links;
            for (const QString &id : *by) {
                links << claimLink(id);
            }
            facts << QStringLiteral("Disputed by: ") + links.join(QStringLiteral("; "));
        }
        for (const QString &id : c.disagreements) {
            const auto it = m_disagreements.constFind(id);
            QString point;
            if (it == m_disagreements.constEnd()) {
                point = QStringLiteral("\u201c<bdi>") + hpText(id) + QStringLiteral("</bdi>\u201d (not in the case)");
            } else {
                point = QStringLiteral("<a href=\"#") + hpAnchor(QLatin1StringView("dp"), *it, id)
                    + QStringLiteral("\"><bdi>") + hpText(m_case.disagreements[*it].question)
                    + QStringLiteral("</bdi></a>");
            }
            facts << QStringLiteral("Disputed point: ") + point;
        }
        for (const QString &f : std::as_const(facts)) {
            o += QStringLiteral("<p class=\"meta\">") + f + QStringLiteral("</p>\n");
        }
        if (c.date.isValid() && !c.date.provenanceCitations().isEmpty()) {
            o += QStringLiteral("<h4>How the date was established</h4>\n");
            writeCitations(c.date.provenanceCitations());
        }
        if (!c.citations.isEmpty()) {
            o += QStringLiteral("<h4>What the sources say</h4>\n");
            writeCitations(c.citations);
        }
        writeNote(c.notes);
        o += QStringLiteral("</article>\n");
    }
    o += QStringLiteral("</section>\n");
}

void HpPage::writeDisputes()
{
    QString &o = m_out;
    o += QStringLiteral("<section id=\"disputes\">\n<h2>Disputed points</h2>\n");
    if (m_case.disagreements.isEmpty()) {
        o += QStringLiteral("<p>The case records no disputed point.</p>\n");
    }
    for (qsizetype i = 0; i < m_case.disagreements.size(); ++i) {
        const Disagreement &d = m_case.disagreements[i];
        QStringList refs;
        for (const qsizetype e : std::as_const(m_order)) {
            if (m_case.events[e].disagreements.contains(d.id)) {
                refs << eventLink(m_case.events[e].id);
            }
        }
        QStringList claimRefs;
        for (const Claim &c : m_case.claims) {
            if (c.disagreements.contains(d.id)) {
                claimRefs << claimLink(c.id);
            }
        }
        // Shown in full under its first event (which holds its anchor); here in full only when no
        // event shows it, otherwise its versions with the sources that give them.
        const bool underEvent = m_firstDisputeEvent.contains(d.id) && m_disagreements.value(d.id) == i;
        o += QStringLiteral("<article class=\"dispute-entry\">\n");
        writeDispute(d, i, !underEvent, !underEvent);
        if (!refs.isEmpty()) {
            o += QStringLiteral("<p class=\"meta\">Events: ") + refs.join(QStringLiteral("; "))
                + (underEvent ? QStringLiteral(" (the quotes are shown there)") : QString()) + QStringLiteral("</p>\n");
        }
        if (!claimRefs.isEmpty()) {
            o += QStringLiteral("<p class=\"meta\">Claims: ") + claimRefs.join(QStringLiteral("; "))
                + QStringLiteral("</p>\n");
        }
        o += QStringLiteral("</article>\n");
    }
    o += QStringLiteral("</section>\n");
}

void HpPage::writeActors()
{
    QString &o = m_out;
    o += QStringLiteral("<section id=\"actors\">\n<h2>Actors</h2>\n");
    if (m_case.actors.isEmpty()) {
        o += QStringLiteral("<p>The case has no actors.</p>\n");
    }
    for (qsizetype i = 0; i < m_case.actors.size(); ++i) {
        const Actor &a = m_case.actors[i];
        o += QStringLiteral("<article class=\"actor\" id=\"") + hpAnchor(QLatin1StringView("actor"), i, a.id)
            + QStringLiteral("\">\n<h3 dir=\"auto\">") + hpText(a.name) + QStringLiteral("</h3>\n");
        if (!a.kind.simplified().isEmpty()) {
            o += QStringLiteral("<p class=\"meta\">Kind: <bdi>") + hpText(a.kind) + QStringLiteral("</bdi></p>\n");
        }
        if (!a.description.trimmed().isEmpty()) {
            o += QStringLiteral("<p class=\"summary\" dir=\"auto\">") + hpLines(a.description)
                + QStringLiteral("</p>\n");
        }
        if (!a.aliases.isEmpty()) {
            o += QStringLiteral("<h4>Also known as</h4>\n<ul class=\"plain\">\n");
            for (const Alias &alias : a.aliases) {
                o += QStringLiteral("<li><span class=\"wording\" dir=\"auto\">") + hpText(alias.name)
                    + QStringLiteral("</span>");
                if (!alias.usedBy.isEmpty()) {
                    QStringList users;
                    for (const QString &id : alias.usedBy) {
                        users << actorLink(id);
                    }
                    o += QStringLiteral(" \u2014 used by ") + users.join(QStringLiteral(", "));
                }
                QStringList from;
                for (const Citation &c : alias.citations) {
                    const QString link = sourceLink(c.sourceId);
                    if (!from.contains(link)) {
                        from << link;
                    }
                }
                o += from.isEmpty() ? QStringLiteral(" \u2014 no source cited")
                                    : QStringLiteral(" \u2014 per ") + from.join(QStringLiteral(", "));
                o += QStringLiteral("\n");
                writeCitations(alias.citations);
                o += QStringLiteral("</li>\n");
            }
            o += QStringLiteral("</ul>\n");
        }
        if (!a.affiliations.isEmpty()) {
            o += QStringLiteral("<h4>Affiliations</h4>\n<ul class=\"plain\">\n");
            for (const Affiliation &aff : a.affiliations) {
                o += QStringLiteral("<li><bdi>") + hpText(aff.relation) + QStringLiteral("</bdi> \u2192 ")
                    + actorLink(aff.actorId) + QStringLiteral("\n");
                writeCitations(aff.citations);
                o += QStringLiteral("</li>\n");
            }
            o += QStringLiteral("</ul>\n");
        }
        QStringList events;
        for (const qsizetype e : std::as_const(m_order)) {
            const Event &ev = m_case.events[e];
            QStringList roles;
            for (const Participant &p : ev.participants) {
                if (p.actorId == a.id && !p.role.simplified().isEmpty()) {
                    roles << QStringLiteral("<bdi>") + hpText(p.role) + QStringLiteral("</bdi>");
                }
            }
            if (std::any_of(ev.participants.cbegin(), ev.participants.cend(),
                            [&](const Participant &p) { return p.actorId == a.id; })) {
                events << eventLink(ev.id)
                        + (roles.isEmpty() ? QString() : QStringLiteral(", as ") + roles.join(QStringLiteral(", ")));
            }
        }
        if (!events.isEmpty()) {
            o += QStringLiteral("<h4>Takes part in</h4>\n<ul class=\"plain\"><li>")
                + events.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>\n");
        }
        QStringList claims;
        for (const Claim &c : m_case.claims) {
            if (c.attributorId == a.id || c.subjectId == a.id) {
                claims << claimLink(c.id);
            }
        }
        if (!claims.isEmpty()) {
            o += QStringLiteral("<h4>Claims that name it</h4>\n<ul class=\"plain\"><li>")
                + claims.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>\n");
        }
        if (!a.citations.isEmpty()) {
            o += QStringLiteral("<h4>What the sources say</h4>\n");
            writeCitations(a.citations);
        }
        writeNote(a.notes);
        o += QStringLiteral("</article>\n");
    }
    o += QStringLiteral("</section>\n");
}

void HpPage::writeSources()
{
    QString &o = m_out;
    o += QStringLiteral("<section id=\"sources\">\n<h2>Sources</h2>\n<p class=\"meta\">The texts themselves are not "
                        "part of this page. The SHA-256 of a text lets anyone check that a copy is the one cited "
                        "(the hash of its UTF-8 bytes).</p>\n");
    if (m_case.sources.isEmpty()) {
        o += QStringLiteral("<p>The case has no sources.</p>\n");
    }
    QHash<QString, int> citationCounts;
    m_case.forEachCitation([&](const Citation &c) { ++citationCounts[c.sourceId]; });
    for (qsizetype i = 0; i < m_case.sources.size(); ++i) {
        const Source &s = m_case.sources[i];
        o += QStringLiteral("<article class=\"source\" id=\"") + hpAnchor(QLatin1StringView("src"), i, s.id)
            + QStringLiteral("\">\n<h3 dir=\"auto\"><cite>") + hpText(displayTitle(s))
            + QStringLiteral("</cite></h3>\n<dl>\n");
        const auto row = [&](const QString &term, const QString &value) {
            o += QStringLiteral("<dt>") + term + QStringLiteral("</dt><dd>") + value + QStringLiteral("</dd>\n");
        };
        row(QStringLiteral("Publisher"),
            s.publisher.simplified().isEmpty()
                ? QStringLiteral("unknown")
                : QStringLiteral("<bdi>") + hpText(s.publisher) + QStringLiteral("</bdi>"));
        row(QStringLiteral("Published"),
            s.published.isValid() ? s.published.toDisplayString() : QStringLiteral("unknown"));
        row(QStringLiteral("Retrieved"),
            s.retrieved.isValid() ? s.retrieved.toDisplayString() : QStringLiteral("unknown"));
        const QString web = hpWebUrl(s.url);
        if (!web.isEmpty()) {
            row(QStringLiteral("URL"),
                QStringLiteral("<a href=\"") + markupEscaped(web)
                    + QStringLiteral("\" rel=\"noreferrer noopener nofollow\">") + hpText(s.url)
                    + QStringLiteral("</a>"));
        } else if (!s.url.simplified().isEmpty()) {
            row(QStringLiteral("URL"),
                QStringLiteral("<span class=\"url\">") + hpText(s.url)
                    + QStringLiteral("</span> (not a valid web address, so not a link)"));
        } else {
            row(QStringLiteral("URL"), QStringLiteral("unknown"));
        }
        // The recorded hash, checked against the text when the case holds it.
        const bool hasText = !s.referenceOnly && !s.text.isEmpty();
        const QString computed = hasText ? sha256Hex(s.text) : QString();
        const QString recorded = s.sha256.trimmed().toLower();
        QString hash;
        if (!recorded.isEmpty() && hasText && recorded != computed) {
            hash = QStringLiteral("<code class=\"hash\">") + hpText(computed)
                + QStringLiteral("</code> (of the text in the case; the case file records <code class=\"hash\">")
                + hpText(recorded) + QStringLiteral("</code>, which does not match)");
        } else if (hasText) {
            hash = QStringLiteral("<code class=\"hash\">") + computed + QStringLiteral("</code>");
        } else if (!recorded.isEmpty()) {
            hash = QStringLiteral("<code class=\"hash\">") + hpText(recorded)
                + QStringLiteral("</code> (as recorded; the case does not hold the text)");
        } else {
            hash = QStringLiteral("unknown: the case holds neither the text nor its hash");
        }
        row(QStringLiteral("SHA-256"), hash);
        QString text;
        if (s.referenceOnly) {
            text = QStringLiteral("reference only: the text is not in the case");
        } else {
            const qsizetype chars = s.text.toUcs4().size();
            text = QStringLiteral("%1 characters, not included in this page").arg(chars);
        }
        row(QStringLiteral("Text"), text);
        const int cited = citationCounts.value(s.id);
        row(QStringLiteral("Cited"), cited == 1 ? QStringLiteral("once") : QStringLiteral("%1 times").arg(cited));
        o += QStringLiteral("</dl>\n</article>\n");
    }
    o += QStringLiteral("</section>\n");
}

} // namespace

QString htmlEventAnchor(const Case &kase, qsizetype eventIndex)
{
    if (eventIndex < 0 || eventIndex >= kase.events.size()) {
        return {};
    }
    return hpAnchor(QLatin1StringView("ev"), eventIndex, kase.events[eventIndex].id);
}

QByteArray htmlPage(const Case &kase, const HtmlPageOptions &options)
{
    HpPage page(kase, options);
    return page.build().toUtf8();
}

} // namespace AT
