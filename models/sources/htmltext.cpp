#include "htmltext.h"

#include "htmlentities.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace AT {

namespace HtmlText {

// An element or a run of text. Nodes are made in document order, so a parent's index is always
// lower than its children's, and one forward pass sees every ancestor before its descendants.
struct Node
{
    QString tag; // lower case; empty for text
    QString text; // text nodes: decoded text
    QList<std::pair<QString, QString>> attributes; // only the ones read below
    qsizetype parent = -1;
    QList<qsizetype> children;
};

// Deeper nesting is flattened into the element at this depth: hostile pages cannot make the
// stack, or the time spent on it, grow without bound.
constexpr qsizetype MaxDepth = 512;

bool isOneOf(QStringView name, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(), [name](const char *n) { return name == QLatin1StringView(n); });
}

bool isAsciiAlpha(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiAlpha(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

// HTML's white space: space, tab, line feed, form feed, carriage return.
bool isHtmlSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\f')
        || c == QLatin1Char('\r');
}

QString asciiLower(QStringView s)
{
    QString out = s.toString();
    for (QChar &c : out) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) {
            c = QChar(c.unicode() + 32);
        }
    }
    return out;
}

// The attributes the extraction reads; the rest are not kept.
bool isKeptAttribute(QStringView name)
{
    return isOneOf(
        name, {"class", "id", "role", "hidden", "style", "property", "name", "content", "rel", "href", "datetime"});
}

bool isVoidElement(QStringView name)
{
    return isOneOf(name,
                   {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                    "track", "wbr", "keygen"});
}

// Elements whose content is raw text up to their end tag (RCDATA ones decode references).
bool isRawTextElement(QStringView name)
{
    return isOneOf(name, {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"});
}

bool isEscapableRawTextElement(QStringView name)
{
    return isOneOf(name, {"title", "textarea"});
}

bool isBlockElement(QStringView name)
{
    return isOneOf(name, {"address", "article", "aside",  "blockquote", "body", "caption", "center",   "dd",
                          "details", "dialog",  "dir",    "div",        "dl",   "dt",      "fieldset", "figcaption",
                          "figure",  "footer",  "form",   "h1",         "h2",   "h3",      "h4",       "h5",
                          "h6",      "header",  "hgroup", "hr",         "html", "legend",  "li",       "listing",
                          "main",    "menu",    "nav",    "ol",         "p",    "pre",     "section",  "summary",
                          "table",   "tbody",   "tfoot",  "thead",      "tr",   "ul"});
}

// A start tag of these closes an open <p> (HTML's "close a p element").
bool closesParagraph(QStringView name)
{
    return isOneOf(name, {"address", "article", "aside",    "blockquote", "center", "details", "dialog", "dir",
                          "div",     "dl",      "fieldset", "figcaption", "figure", "footer",  "form",   "h1",
                          "h2",      "h3",      "h4",       "h5",         "h6",     "header",  "hgroup", "hr",
                          "listing", "main",    "menu",     "nav",        "ol",     "p",       "pre",    "section",
                          "summary", "table",   "ul",       "li",         "dd",     "dt"});
}

bool isScopeBoundary(QStringView name)
{
    return isOneOf(name, {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button"});
}

bool isHeading(QStringView name)
{
    return isOneOf(name, {"h1", "h2", "h3", "h4", "h5", "h6"});
}

// Windows-1252 for the numeric references &#128; to &#159;, as HTML reads them.
constexpr std::array<char16_t, 32> C1Replacements = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void appendCodePoint(QString &out, char32_t cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = 0xFFFD;
    } else if (cp >= 0x80 && cp <= 0x9F) {
        cp = C1Replacements[cp - 0x80];
    }
    if (QChar::requiresSurrogates(cp)) {
        out += QChar(QChar::highSurrogate(cp));
        out += QChar(QChar::lowSurrogate(cp));
    } else {
        out += QChar(char16_t(cp));
    }
}

// Decodes the reference starting at s[at] == '&'; returns how many characters it took (0: none,
// the '&' is literal).
qsizetype decodeReference(QStringView s, qsizetype at, bool attribute, QString &out)
{
    const qsizetype n = s.size();
    qsizetype i = at + 1;
    if (i < n && s[i] == QLatin1Char('#')) {
        ++i;
        const bool hex = i < n && (s[i] == QLatin1Char('x') || s[i] == QLatin1Char('X'));
        if (hex) {
            ++i;
        }
        const qsizetype digitsStart = i;
        char32_t value = 0;
        for (; i < n; ++i) {
            const char16_t c = s[i].unicode();
            int digit = -1;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (hex && c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (hex && c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            }
            if (digit < 0) {
                break;
            }
            value = std::min<char32_t>(value * (hex ? 16 : 10) + char32_t(digit), 0x110000);
        }
        if (i == digitsStart) {
            return 0;
        }
        if (i < n && s[i] == QLatin1Char(';')) {
            ++i;
        }
        appendCodePoint(out, value);
        return i - at;
    }
    // A name: the longest name in the table has 31 characters.
    constexpr qsizetype MaxName = 32;
    std::array<char, MaxName> name {};
    qsizetype length = 0;
    while (i + length < n && length < MaxName && isAsciiAlnum(s[i + length])) {
        name[size_t(length)] = char(s[i + length].unicode());
        ++length;
    }
    if (length == 0) {
        return 0;
    }
    auto put = [&out](const Html::NamedReference *ref) {
        appendCodePoint(out, ref->first);
        if (ref->second) {
            appendCodePoint(out, ref->second);
        }
    };
    if (i + length < n && s[i + length] == QLatin1Char(';')) {
        if (const auto *ref = Html::findNamedReference(std::string_view(name.data(), size_t(length)))) {
            put(ref);
            return 1 + length + 1;
        }
    }
    // A legacy name without its semicolon ("&copy 2024", "&ampx"): the longest one that is a prefix.
    for (qsizetype k = std::min<qsizetype>(length, 8); k >= 2; --k) {
        const auto *ref = Html::findNamedReference(std::string_view(name.data(), size_t(k)));
        if (!ref || !ref->legacy) {
            continue;
        }
        const qsizetype next = i + k;
        if (attribute && next < n && (isAsciiAlnum(s[next]) || s[next] == QLatin1Char('='))) {
            return 0;
        }
        put(ref);
        return 1 + k;
    }
    return 0;
}

class TreeBuilder
{
public:
    explicit TreeBuilder(QStringView html)
        : m_s(html)
    {
        m_nodes.push_back(Node {QStringLiteral("#document"), {}, {}, -1, {}});
        m_open.push_back(0);
        run();
    }

    std::vector<Node> take() { return std::move(m_nodes); }

private:
    struct Tag
    {
        QString name;
        QList<std::pair<QString, QString>> attributes;
        bool selfClosing = false;
    };

    void run();
    // Parses the tag whose name starts at `i`; returns the index after its '>' (or the end, where
    // an unfinished tag is dropped, as browsers do: `complete` false).
    qsizetype parseTag(qsizetype i, Tag &tag, bool &complete) const;
    qsizetype findEndTag(qsizetype from, QStringView name) const;
    void addText(QStringView raw, bool decode);
    // Returns whether the element was opened (void, self-closed and too deep ones are not).
    bool startTag(Tag &&tag);
    void endTag(const QString &name);
    qsizetype current() const { return m_open.back(); }
    const QString &tagAt(qsizetype stackIndex) const { return m_nodes[size_t(m_open[stackIndex])].tag; }
    void popTo(qsizetype stackIndex);
    // Closes the nearest open element named one of `names`, looking no further down than an
    // element named one of `stops` or a scope boundary.
    void closeNearest(std::initializer_list<const char *> names, std::initializer_list<const char *> stops);

    QStringView m_s;
    std::vector<Node> m_nodes;
    QList<qsizetype> m_open; // stack of open elements; [0] is the document
    QHash<QString, int> m_openCount;
    int m_foreign = 0; // open svg / math elements
    bool m_hasHtml = false;
    bool m_hasHead = false;
    bool m_hasBody = false;
};

void TreeBuilder::run()
{
    const qsizetype n = m_s.size();
    qsizetype i = 0;
    auto skipPast = [&](qsizetype from, QLatin1StringView end) {
        const qsizetype at = m_s.indexOf(end, from);
        return at < 0 ? n : at + end.size();
    };
    while (i < n) {
        const qsizetype lt = m_s.indexOf(QLatin1Char('<'), i);
        if (lt < 0) {
            addText(m_s.sliced(i), true);
            break;
        }
        if (lt > i) {
            addText(m_s.sliced(i, lt - i), true);
        }
        i = lt;
        if (i + 1 >= n) {
            addText(m_s.sliced(i), false);
            break;
        }
        const QChar next = m_s[i + 1];
        if (next == QLatin1Char('!')) {
            // A comment ("<!-->" and "<!--->" end at once), or a doctype, CDATA or bogus comment up to '>'.
            i = m_s.sliced(i).startsWith(QLatin1StringView("<!--")) ? skipPast(i + 2, QLatin1StringView("-->"))
                                                                    : skipPast(i + 2, QLatin1StringView(">"));
            continue;
        }
        if (next == QLatin1Char('?')) {
            i = skipPast(i + 2, QLatin1StringView(">"));
            continue;
        }
        if (next == QLatin1Char('/')) {
            if (i + 2 >= n) {
                addText(m_s.sliced(i), false);
                break;
            }
            if (m_s[i + 2] == QLatin1Char('>')) {
                i += 3; // "</>" is nothing
                continue;
            }
            if (!isAsciiAlpha(m_s[i + 2])) {
                i = skipPast(i + 2, QLatin1StringView(">"));
                continue;
            }
            Tag tag;
            bool complete = false;
            i = parseTag(i + 2, tag, complete);
            if (complete) {
                endTag(tag.name);
            }
            continue;
        }
        if (!isAsciiAlpha(next)) {
            addText(m_s.sliced(i, 1), false);
            ++i;
            continue;
        }
        Tag tag;
        bool complete = false;
        i = parseTag(i + 1, tag, complete);
        if (!complete) {
            break;
        }
        const QString name = tag.name;
        const bool raw = isRawTextElement(name);
        const bool escapable = isEscapableRawTextElement(name);
        const bool opened = startTag(std::move(tag));
        if ((raw || escapable) && m_foreign == 0) {
            const qsizetype close = findEndTag(i, name);
            const qsizetype contentEnd = close < 0 ? n : close;
            if (escapable && opened) {
                addText(m_s.sliced(i, contentEnd - i), true);
            }
            // Script and style content is never kept: it is code, not text.
            endTag(name);
            if (close < 0) {
                break;
            }
            i = close;
            Tag end;
            bool endComplete = false;
            i = parseTag(close + 2, end, endComplete);
        }
    }
}

qsizetype TreeBuilder::parseTag(qsizetype i, Tag &tag, bool &complete) const
{
    const qsizetype n = m_s.size();
    complete = false;
    const qsizetype nameStart = i;
    while (i < n && !isHtmlSpace(m_s[i]) && m_s[i] != QLatin1Char('/') && m_s[i] != QLatin1Char('>')) {
        ++i;
    }
    tag.name = asciiLower(m_s.sliced(nameStart, i - nameStart));
    while (i < n) {
        const QChar c = m_s[i];
        if (isHtmlSpace(c)) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('>')) {
            complete = true;
            return i + 1;
        }
        if (c == QLatin1Char('/')) {
            if (i + 1 < n && m_s[i + 1] == QLatin1Char('>')) {
                tag.selfClosing = true;
                complete = true;
                return i + 2;
            }
            ++i;
            continue;
        }
        // An attribute name runs to white space, '/', '>' or '=' (a leading '=' belongs to it).
        const qsizetype attrStart = i;
        ++i;
        while (i < n && !isHtmlSpace(m_s[i]) && m_s[i] != QLatin1Char('/') && m_s[i] != QLatin1Char('>')
               && m_s[i] != QLatin1Char('=')) {
            ++i;
        }
        const QString attrName = asciiLower(m_s.sliced(attrStart, i - attrStart));
        qsizetype j = i;
        while (j < n && isHtmlSpace(m_s[j])) {
            ++j;
        }
        QStringView value;
        if (j < n && m_s[j] == QLatin1Char('=')) {
            ++j;
            while (j < n && isHtmlSpace(m_s[j])) {
                ++j;
            }
            if (j < n && (m_s[j] == QLatin1Char('"') || m_s[j] == QLatin1Char('\''))) {
                const qsizetype close = m_s.indexOf(m_s[j], j + 1);
                if (close < 0) {
                    return n; // an unterminated quote runs to the end: no tag
                }
                value = m_s.sliced(j + 1, close - j - 1);
                j = close + 1;
            } else {
                const qsizetype valueStart = j;
                while (j < n && !isHtmlSpace(m_s[j]) && m_s[j] != QLatin1Char('>')) {
                    ++j;
                }
                value = m_s.sliced(valueStart, j - valueStart);
            }
            i = j;
        }
        if (isKeptAttribute(attrName)) {
            const bool seen = std::any_of(tag.attributes.cbegin(), tag.attributes.cend(),
                                          [&](const auto &a) { return a.first == attrName; });
            if (!seen) {
                tag.attributes.append({attrName, decodeHtmlReferences(value, true)});
            }
        }
    }
    return n;
}

qsizetype TreeBuilder::findEndTag(qsizetype from, QStringView name) const
{
    const qsizetype n = m_s.size();
    for (qsizetype at = m_s.indexOf(QLatin1StringView("</"), from); at >= 0;
         at = m_s.indexOf(QLatin1StringView("</"), at + 2)) {
        const qsizetype after = at + 2 + name.size();
        if (after > n) {
            return -1;
        }
        if (m_s.sliced(at + 2, name.size()).compare(name, Qt::CaseInsensitive) == 0
            && (after == n || isHtmlSpace(m_s[after]) || m_s[after] == QLatin1Char('/')
                || m_s[after] == QLatin1Char('>'))) {
            return at;
        }
    }
    return -1;
}

void TreeBuilder::addText(QStringView raw, bool decode)
{
    if (raw.isEmpty()) {
        return;
    }
    QString text;
    if (decode) {
        text = decodeHtmlReferences(raw);
    } else {
        text = raw.toString();
    }
    text.remove(QChar(0));
    if (text.isEmpty()) {
        return;
    }
    Node &parent = m_nodes[size_t(current())];
    if (!parent.children.isEmpty()) {
        Node &last = m_nodes[size_t(parent.children.back())];
        if (last.tag.isEmpty()) {
            last.text += text;
            return;
        }
    }
    const qsizetype index = qsizetype(m_nodes.size());
    m_nodes.push_back(Node {{}, std::move(text), {}, current(), {}});
    m_nodes[size_t(current())].children.append(index);
}

void TreeBuilder::popTo(qsizetype stackIndex)
{
    while (m_open.size() > stackIndex && m_open.size() > 1) {
        const QString &name = m_nodes[size_t(m_open.back())].tag;
        if (--m_openCount[name] <= 0) {
            m_openCount.remove(name);
        }
        if (name == QLatin1StringView("svg") || name == QLatin1StringView("math")) {
            --m_foreign;
        }
        m_open.removeLast();
    }
}

void TreeBuilder::closeNearest(std::initializer_list<const char *> names, std::initializer_list<const char *> stops)
{
    const bool anyOpen = std::any_of(names.begin(), names.end(),
                                     [this](const char *n) { return m_openCount.contains(QLatin1StringView(n)); });
    if (!anyOpen) {
        return;
    }
    for (qsizetype k = m_open.size() - 1; k >= 1; --k) {
        const QString &name = tagAt(k);
        if (isOneOf(name, names)) {
            popTo(k);
            return;
        }
        if (isOneOf(name, stops) || isScopeBoundary(name)) {
            return;
        }
    }
}

bool TreeBuilder::startTag(Tag &&tag)
{
    const QString &name = tag.name;
    if ((name == QLatin1StringView("html") && std::exchange(m_hasHtml, true))
        || (name == QLatin1StringView("head") && std::exchange(m_hasHead, true))
        || (name == QLatin1StringView("body") && std::exchange(m_hasBody, true))) {
        return false; // a second one adds nothing of its own
    }
    if (m_foreign == 0) {
        if (closesParagraph(name)) {
            closeNearest({"p"}, {});
        }
        if (name == QLatin1StringView("li")) {
            closeNearest({"li"}, {"ul", "ol"});
        } else if (name == QLatin1StringView("dt") || name == QLatin1StringView("dd")) {
            closeNearest({"dt", "dd"}, {"dl"});
        } else if (name == QLatin1StringView("tr")) {
            closeNearest({"tr"}, {"tbody", "thead", "tfoot"});
        } else if (name == QLatin1StringView("td") || name == QLatin1StringView("th")) {
            closeNearest({"td", "th"}, {"tr"});
        } else if (name == QLatin1StringView("option")) {
            closeNearest({"option"}, {"select"});
        } else if (name == QLatin1StringView("a")) {
            closeNearest({"a"}, {});
        } else if (isHeading(name) && m_open.size() > 1 && isHeading(tagAt(m_open.size() - 1))) {
            popTo(m_open.size() - 1);
        }
    }
    const qsizetype index = qsizetype(m_nodes.size());
    const qsizetype parent = current();
    const bool isVoid = isVoidElement(name);
    const bool foreignRoot = name == QLatin1StringView("svg") || name == QLatin1StringView("math");
    const bool closedAtOnce = isVoid || (tag.selfClosing && (m_foreign > 0 || foreignRoot));
    m_nodes.push_back(Node {name, {}, std::move(tag.attributes), parent, {}});
    m_nodes[size_t(parent)].children.append(index);
    if (closedAtOnce || m_open.size() >= MaxDepth) {
        return false;
    }
    m_open.append(index);
    ++m_openCount[m_nodes[size_t(index)].tag];
    if (foreignRoot) {
        ++m_foreign;
    }
    return true;
}

void TreeBuilder::endTag(const QString &name)
{
    if (name == QLatin1StringView("br")) {
        startTag(Tag {name, {}, false}); // "</br>" is a line break, as browsers read it
        return;
    }
    // Text after </body> or </html> still belongs to the body.
    if (name == QLatin1StringView("body") || name == QLatin1StringView("html") || !m_openCount.contains(name)) {
        return;
    }
    for (qsizetype k = m_open.size() - 1; k >= 1; --k) {
        if (tagAt(k) == name) {
            popTo(k);
            return;
        }
    }
}

QString attribute(const Node &node, QLatin1StringView name)
{
    for (const auto &a : node.attributes) {
        if (a.first == name) {
            return a.second;
        }
    }
    return {};
}

bool hasAttribute(const Node &node, QLatin1StringView name)
{
    return std::any_of(node.attributes.cbegin(), node.attributes.cend(),
                       [name](const auto &a) { return a.first == name; });
}

// "cookie-banner" -> cookie, banner; "shareBar" -> share, bar.
QStringList wordsOf(const QString &value)
{
    QStringList words;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty()) {
            words << word.toLower();
            word.clear();
        }
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (c.isUpper() && i > 0 && value[i - 1].isLower()) {
            flush();
        }
        word += c;
    }
    flush();
    return words;
}

bool isClutterWord(QStringView word)
{
    return isOneOf(word,
                   {"nav",     "navbar",    "navigation", "menu",      "menubar",       "breadcrumb",  "breadcrumbs",
                    "cookie",  "cookies",   "consent",    "share",     "sharing",       "social",      "related",
                    "comment", "comments",  "advert",     "adverts",   "advertisement", "advertising", "ad",
                    "ads",     "sponsored", "promo",      "newsletter"});
}

bool isClutterRole(QStringView role)
{
    return isOneOf(
        role,
        {"navigation", "menu", "menubar", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"});
}

// Why an element is left out with all it holds, or an empty string when it is not. `inStory`:
// inside an <article> or <main>.
QString dropReason(const Node &node, bool inStory)
{
    const QString &tag = node.tag;
    if (isOneOf(tag,
                {"script", "style", "noscript", "template", "svg", "math", "nav", "aside", "form", "button", "iframe",
                 "select", "canvas", "object", "embed", "audio", "video", "head", "title"})) {
        return tag;
    }
    if ((tag == QLatin1StringView("header") || tag == QLatin1StringView("footer")) && !inStory) {
        return tag;
    }
    if (hasAttribute(node, QLatin1StringView("hidden"))) {
        return QStringLiteral("hidden");
    }
    if (hasAttribute(node, QLatin1StringView("style"))) {
        QString style = attribute(node, QLatin1StringView("style")).toLower();
        style.remove(QLatin1Char(' '));
        if (style.contains(QLatin1StringView("display:none"))
            || style.contains(QLatin1StringView("visibility:hidden"))) {
            return QStringLiteral("hidden");
        }
    }
    if (isOneOf(tag, {"html", "body", "main", "article"})) {
        return {};
    }
    const QString role = attribute(node, QLatin1StringView("role")).trimmed().toLower();
    if (!role.isEmpty() && isClutterRole(role)) {
        return QStringLiteral("role ") + role;
    }
    for (const char *attr : {"class", "id"}) {
        const QString value = attribute(node, QLatin1StringView(attr));
        if (value.isEmpty()) {
            continue;
        }
        const QStringList words = wordsOf(value);
        for (const QString &word : words) {
            if (isClutterWord(word)) {
                return QStringLiteral("marked \u201c%1\u201d").arg(word);
            }
        }
    }
    return {};
}

// Builds paragraphs from text and block boundaries.
class TextBuilder
{
public:
    void text(const QString &t, bool pre)
    {
        for (const QChar c : t) {
            const char16_t u = c.unicode();
            if (pre) {
                if (u == '\n') {
                    m_para += QLatin1Char('\n');
                } else if (u == '\t' || u == '\f' || u == '\r') {
                    m_para += QLatin1Char(u == '\t' ? '\t' : ' ');
                } else if (u >= 0x20 && u != 0x7F) {
                    m_para += c;
                }
                m_space = false;
                continue;
            }
            if (isHtmlSpace(c)) {
                m_space = !m_para.isEmpty() && !m_para.endsWith(QLatin1Char('\n'));
                continue;
            }
            if (u < 0x20 || u == 0x7F) {
                continue; // an invisible control character
            }
            if (m_space) {
                m_para += QLatin1Char(' ');
                m_space = false;
            }
            m_para += c;
        }
    }
    void space() { m_space = !m_para.isEmpty() && !m_para.endsWith(QLatin1Char('\n')); }
    void lineBreak()
    {
        if (!m_para.endsWith(QLatin1StringView("\n\n"))) { // <br><br><br> is one blank line, as paragraphs
            m_para += QLatin1Char('\n');
        }
        m_space = false;
    }
    void boundary()
    {
        qsizetype start = 0;
        qsizetype end = m_para.size();
        while (start < end && m_para[start] == QLatin1Char('\n')) {
            ++start;
        }
        while (end > start && m_para[end - 1].isSpace()) {
            --end;
        }
        if (end > start) {
            m_paragraphs << m_para.sliced(start, end - start);
        }
        m_para.clear();
        m_space = false;
    }
    QString result()
    {
        boundary();
        QString text = m_paragraphs.join(QStringLiteral("\n\n"));
        // Blank lines inside <pre> too: never more than one in a row.
        static const QRegularExpression blankLines(QStringLiteral("\n{3,}"));
        text.replace(blankLines, QStringLiteral("\n\n"));
        return text;
    }

private:
    QString m_para;
    QStringList m_paragraphs;
    bool m_space = false;
};

// What a walk over an element's subtree left out: reason -> count.
using DropCounts = QList<std::pair<QString, int>>;

void countDrop(DropCounts &counts, const QString &reason)
{
    for (auto &c : counts) {
        if (c.first == reason) {
            ++c.second;
            return;
        }
    }
    counts.append({reason, 1});
}

QString extractText(const std::vector<Node> &nodes, const QList<bool> &dropped, const QList<QString> &reasons,
                    qsizetype root, DropCounts *drops)
{
    TextBuilder out;
    struct Frame
    {
        qsizetype node;
        qsizetype child;
        bool pre;
    };
    QList<Frame> stack;
    stack.append({root, 0, false});
    while (!stack.isEmpty()) {
        Frame &f = stack.back();
        const Node &node = nodes[size_t(f.node)];
        if (f.child >= node.children.size()) {
            if (isBlockElement(node.tag)) {
                out.boundary();
            } else if (node.tag == QLatin1StringView("td") || node.tag == QLatin1StringView("th")) {
                out.space();
            }
            stack.removeLast();
            continue;
        }
        const qsizetype ci = node.children[f.child++];
        const bool pre = f.pre;
        const Node &child = nodes[size_t(ci)];
        if (child.tag.isEmpty()) {
            out.text(child.text, pre);
            continue;
        }
        if (dropped[ci]) {
            if (drops && !reasons[ci].isEmpty() && child.tag != QLatin1StringView("head")) {
                countDrop(*drops, reasons[ci]);
            }
            continue;
        }
        if (child.tag == QLatin1StringView("br")) {
            out.lineBreak();
            continue;
        }
        if (isBlockElement(child.tag)) {
            out.boundary();
        } else if (child.tag == QLatin1StringView("td") || child.tag == QLatin1StringView("th")) {
            out.space();
        }
        const bool childPre = pre || child.tag == QLatin1StringView("pre") || child.tag == QLatin1StringView("listing")
            || child.tag == QLatin1StringView("textarea");
        stack.append({ci, 0, childPre});
        // HTML drops the line break right after <pre>.
        if (childPre && !pre && !child.children.isEmpty()) {
            const Node &first = nodes[size_t(child.children.front())];
            if (first.tag.isEmpty() && first.text.startsWith(QLatin1Char('\n'))) {
                out.text(first.text.sliced(1), true);
                stack.back().child = 1;
            }
        }
    }
    return out.result();
}

QString textContent(const std::vector<Node> &nodes, qsizetype root)
{
    QString text;
    QList<qsizetype> stack {root};
    while (!stack.isEmpty()) {
        const qsizetype i = stack.takeLast();
        const Node &node = nodes[size_t(i)];
        if (node.tag.isEmpty()) {
            text += node.text;
            continue;
        }
        if (node.tag == QLatin1StringView("br")) {
            text += QLatin1Char(' ');
        }
        for (qsizetype k = node.children.size() - 1; k >= 0; --k) {
            stack.append(node.children[k]);
        }
    }
    return text.simplified();
}

bool isWebAddress(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1StringView("http") || url.scheme() == QLatin1StringView("https"));
}

// "2024-03-25T10:00:00Z" -> 2024-03-25; "2024-03" -> March 2024. The date as written.
std::optional<DatePoint> dateAsWritten(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{4}(?:-\\d{2}(?:-\\d{2})?)?)(?:$|[T\\s])"));
    const QRegularExpressionMatch m = re.match(value);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    return DatePoint::fromIsoString(m.captured(1));
}

QString quotedValue(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text.size() > 80 ? text.left(79) + QStringLiteral("\u2026") : text);
}

} // namespace HtmlText

QString decodeHtmlReferences(QStringView text, bool attribute)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const qsizetype amp = text.indexOf(QLatin1Char('&'), i);
        if (amp < 0) {
            out += text.sliced(i);
            break;
        }
        out += text.sliced(i, amp - i);
        const qsizetype taken = HtmlText::decodeReference(text, amp, attribute, out);
        if (taken == 0) {
            out += QLatin1Char('&');
            i = amp + 1;
        } else {
            i = amp + taken;
        }
    }
    return out;
}

HtmlExtract extractHtml(QStringView html)
{
    using namespace HtmlText;
    QString normalised = html.toString();
    normalised.replace(QLatin1StringView("\r\n"), QLatin1StringView("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const std::vector<Node> nodes = TreeBuilder(normalised).take();
    const qsizetype count = qsizetype(nodes.size());

    // One forward pass: what is left out, what is inside a story, which top-level article or main
    // each node belongs to, and what lies inside svg.
    QList<bool> dropped(count, false);
    QList<QString> reasons(count);
    QList<bool> inStory(count, false);
    QList<bool> inForeign(count, false);
    QList<qsizetype> topArticle(count, -1);
    QList<qsizetype> topMain(count, -1);
    QList<qsizetype> textLength(count, 0);
    qsizetype body = -1;
    for (qsizetype i = 1; i < count; ++i) {
        const Node &node = nodes[size_t(i)];
        const qsizetype p = node.parent;
        inStory[i] = inStory[p] || nodes[size_t(p)].tag == QLatin1StringView("article")
            || nodes[size_t(p)].tag == QLatin1StringView("main");
        inForeign[i] = inForeign[p] || nodes[size_t(p)].tag == QLatin1StringView("svg")
            || nodes[size_t(p)].tag == QLatin1StringView("math");
        topArticle[i] = topArticle[p];
        topMain[i] = topMain[p];
        if (node.tag.isEmpty()) {
            if (!dropped[p]) {
                dropped[i] = false;
                if (topArticle[i] >= 0) {
                    textLength[topArticle[i]] += node.text.trimmed().size();
                }
                if (topMain[i] >= 0) {
                    textLength[topMain[i]] += node.text.trimmed().size();
                }
            } else {
                dropped[i] = true;
            }
            continue;
        }
        if (dropped[p]) {
            dropped[i] = true;
            continue;
        }
        reasons[i] = dropReason(node, inStory[i]);
        dropped[i] = !reasons[i].isEmpty();
        if (dropped[i]) {
            continue;
        }
        if (node.tag == QLatin1StringView("article") && topArticle[i] < 0) {
            topArticle[i] = i;
        }
        if (node.tag == QLatin1StringView("main") && topMain[i] < 0) {
            topMain[i] = i;
        }
        if (node.tag == QLatin1StringView("body") && body < 0) {
            body = i;
        }
    }

    HtmlExtract result;
    qsizetype root = -1;
    for (qsizetype i = 1; i < count; ++i) {
        if (topArticle[i] == i && textLength[i] > 0 && (root < 0 || textLength[i] > textLength[root])) {
            root = i;
        }
    }
    if (root >= 0) {
        result.mainElement = QStringLiteral("article");
    } else {
        for (qsizetype i = 1; i < count && root < 0; ++i) {
            if (topMain[i] == i && textLength[i] > 0) {
                root = i;
                result.mainElement = QStringLiteral("main");
            }
        }
    }
    if (root < 0 && body >= 0) {
        root = body;
        result.mainElement = QStringLiteral("body");
    }
    if (root < 0) {
        root = 0;
    }
    DropCounts drops;
    result.text = extractText(nodes, dropped, reasons, root, &drops);
    if (result.mainElement.isEmpty()) {
        result.notes << QStringLiteral("The text is the whole page (it has no <article>, <main> or <body>).");
    } else {
        result.notes << QStringLiteral("The text is the page's <%1>%2.")
                            .arg(result.mainElement,
                                 result.mainElement == QLatin1StringView("body")
                                     ? QStringLiteral(" (it has no <article> or <main> with text)")
                                     : QString());
    }
    if (!drops.isEmpty()) {
        QStringList parts;
        for (const auto &[reason, n] : std::as_const(drops)) {
            const QString what = reason.startsWith(QLatin1StringView("marked")) ? QStringLiteral("elements ") + reason
                : reason.startsWith(QLatin1StringView("role")) ? QStringLiteral("elements with ") + reason
                : reason == QLatin1StringView("hidden")        ? QStringLiteral("hidden elements")
                                                               : QStringLiteral("<%1>").arg(reason);
            parts << (n == 1 ? what : QStringLiteral("%1 \u00d7%2").arg(what).arg(n));
        }
        result.notes << QStringLiteral("Left out of the text: %1.").arg(parts.join(QStringLiteral(", ")));
    }

    // Metadata, only as the page states it.
    QString ogTitle, titleTag, ogSiteName, ogUrl, canonical, publishedTime;
    for (qsizetype i = 1; i < count; ++i) {
        const Node &node = nodes[size_t(i)];
        if (node.tag == QLatin1StringView("meta")) {
            QString key = attribute(node, QLatin1StringView("property")).trimmed().toLower();
            if (key.isEmpty()) {
                key = attribute(node, QLatin1StringView("name")).trimmed().toLower();
            }
            const QString content = attribute(node, QLatin1StringView("content")).simplified();
            if (content.isEmpty()) {
                continue;
            }
            auto take = [&](const char *name, QString &into) {
                if (key == QLatin1StringView(name) && into.isEmpty()) {
                    into = content;
                }
            };
            take("og:title", ogTitle);
            take("og:site_name", ogSiteName);
            take("og:url", ogUrl);
            take("article:published_time", publishedTime);
        } else if (node.tag == QLatin1StringView("link") && canonical.isEmpty()) {
            const QStringList rel
                = attribute(node, QLatin1StringView("rel")).toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (rel.contains(QStringLiteral("canonical"))) {
                canonical = attribute(node, QLatin1StringView("href")).trimmed();
            }
        } else if (node.tag == QLatin1StringView("title") && titleTag.isEmpty() && !inForeign[i]) {
            titleTag = textContent(nodes, i);
        }
    }
    auto isInRoot = [&](qsizetype i) {
        for (qsizetype a = i; a >= 0; a = nodes[size_t(a)].parent) {
            if (a == root) {
                return true;
            }
        }
        return false;
    };
    if (!ogTitle.isEmpty()) {
        result.title = ogTitle;
        result.notes << QStringLiteral("Title from the page's og:title.");
    } else if (!titleTag.isEmpty()) {
        result.title = titleTag;
        result.notes << QStringLiteral("Title from the page's <title>.");
    } else {
        for (qsizetype i = root + 1; i < count; ++i) {
            if (nodes[size_t(i)].tag == QLatin1StringView("h1") && !dropped[i] && isInRoot(i)) {
                result.title = textContent(nodes, i);
                if (!result.title.isEmpty()) {
                    result.notes << QStringLiteral("Title from the first <h1> of the text.");
                    break;
                }
            }
        }
    }
    result.publisher = ogSiteName;
    if (!canonical.isEmpty() && isWebAddress(canonical)) {
        result.url = canonical;
    } else if (!ogUrl.isEmpty() && isWebAddress(ogUrl)) {
        result.url = ogUrl;
    }
    for (const QString &candidate : {canonical, ogUrl}) {
        if (!candidate.isEmpty() && candidate != result.url && !isWebAddress(candidate) && result.url.isEmpty()) {
            result.notes << QStringLiteral("The page gives the address %1, which is not a full web address; the URL "
                                           "is left for you to fill in.")
                                .arg(quotedValue(candidate));
            break;
        }
    }
    if (!publishedTime.isEmpty()) {
        if (const auto date = dateAsWritten(publishedTime)) {
            result.published = *date;
            result.notes << QStringLiteral("Publication date from the page's article:published_time (%1).")
                                .arg(quotedValue(publishedTime));
        } else {
            result.notes << QStringLiteral("The page's article:published_time %1 is not a date; the publication date "
                                           "is left unknown.")
                                .arg(quotedValue(publishedTime));
        }
    } else if (result.mainElement == QLatin1StringView("article")) {
        for (qsizetype i = root + 1; i < count; ++i) {
            const Node &node = nodes[size_t(i)];
            if (node.tag == QLatin1StringView("time") && !dropped[i]
                && hasAttribute(node, QLatin1StringView("datetime")) && isInRoot(i)) {
                const QString value = attribute(node, QLatin1StringView("datetime"));
                if (const auto date = dateAsWritten(value)) {
                    result.published = *date;
                    result.notes << QStringLiteral("Publication date from the first <time> in the article (%1); "
                                                   "check that it is the publication date.")
                                        .arg(quotedValue(value.trimmed()));
                }
                break;
            }
        }
    }
    return result;
}

} // namespace AT
