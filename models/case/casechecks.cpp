#include "casechecks.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace AT {

namespace CheckRule {

bool isKnown(QStringView id)
{
    return std::any_of(All.begin(), All.end(), [&](QLatin1StringView rule) { return id == rule; });
}

QString knownList()
{
    return QStringLiteral("\"%1\", \"%2\" or \"%3\"").arg(All[0], All[1], All[2]);
}

} // namespace CheckRule

namespace {

// ---- Words ------------------------------------------------------------------------------------

enum class CharClass : quint8 { Space, Dash, Apostrophe, Cased, Uncased, Digit, Mark, Other };

CharClass classify(char32_t c)
{
    if (QChar::isSpace(c)) {
        return CharClass::Space;
    }
    switch (c) {
    case U'-':
    case U'\u2010': // hyphen
    case U'\u2011': // non-breaking hyphen
    case U'\u2012': // figure dash
    case U'\u2013': // en dash: "2021–22"
        return CharClass::Dash;
    case U'\'':
    case U'\u2019': // right single quotation mark, the usual apostrophe
    case U'\u02BC': // modifier letter apostrophe
        return CharClass::Apostrophe;
    default:
        break;
    }
    if (QChar::isDigit(c)) {
        return CharClass::Digit;
    }
    if (QChar::isLetter(c)) {
        return QChar::isUpper(c) || QChar::isLower(c) || QChar::isTitleCase(c) ? CharClass::Cased : CharClass::Uncased;
    }
    if (QChar::isMark(c)) {
        return CharClass::Mark;
    }
    return CharClass::Other;
}

bool endsSentence(char32_t c)
{
    switch (c) {
    case U'.':
    case U'!':
    case U'?':
    case U':':
    case U'\n':
    case U'\u2026': // ellipsis
    case U'\u2029': // paragraph separator
    case U'\u3002': // ideographic full stop
    case U'\uFF01': // fullwidth exclamation mark
    case U'\uFF1F': // fullwidth question mark
        return true;
    default:
        return false;
    }
}

// A word of a text: a run of letters and digits (with the apostrophe of "China's", the separators
// of "10,000" and "1.5", and the dots of "U.S."). Letters without case (Han, Arabic, ...) and the
// letters and digits of cased scripts make separate words, so "APT31组织" is "APT31" and "组织".
struct Token
{
    qsizetype begin = 0; // in the text, UTF-16 units
    qsizetype end = 0;
    // In Words::keys: case-folded; apostrophes straight; digits ASCII; the dots of "U.S." and the
    // commas of numbers left out.
    qsizetype keyAt = 0;
    qsizetype keyLength = 0;
    // In Words::stems: the key without a possessive, a plural "s" or apostrophes ("china's" and
    // "chinas" are "china").
    qsizetype stemAt = 0;
    qsizetype stemLength = 0;
    bool joined = false; // only spaces, hyphens or en dashes stand between it and the previous word
    bool dashBefore = false; // exactly one hyphen or en dash, and nothing else: "2021-22"
    bool sentenceStart = false;
    bool quoteStart = false; // the first word of one of several texts tokenised together
    bool firstUpper = false;
    bool digits = false;
    bool cased = false; // has a letter of a cased script
    bool uncased = false; // a word of letters without case
    int uppers = 0; // upper- or title-case letters
    int letters = 0;
    bool allLower() const { return uppers == 0; }
    bool acronym() const { return uppers >= 2 && uppers == letters; }
    bool lettersOnly() const { return cased && !digits; }
};

// The words of one or more texts, their keys and stems in two shared buffers rather than two
// strings a word: a summary has dozens of words, a case hundreds of thousands of summaries.
struct Words
{
    QList<Token> list;
    QString keys;
    QString stems;
    qsizetype size() const { return list.size(); }
    const Token &operator[](qsizetype i) const { return list[i]; }
    QStringView key(qsizetype i) const { return QStringView(keys).sliced(list[i].keyAt, list[i].keyLength); }
    QStringView stem(qsizetype i) const { return QStringView(stems).sliced(list[i].stemAt, list[i].stemLength); }
};

char32_t decode(QStringView s, qsizetype i, qsizetype *length)
{
    const QChar c = s[i];
    if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
        *length = 2;
        return QChar::surrogateToUcs4(c, s[i + 1]);
    }
    *length = 1;
    return c.unicode();
}

void putCodePoint(QChar *s, qsizetype &at, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        s[at++] = QChar(QChar::highSurrogate(c));
        s[at++] = QChar(QChar::lowSurrogate(c));
    } else {
        s[at++] = QChar(char16_t(c));
    }
}

// Appends the words of `text` to `out`.
void tokenize(QStringView text, Words &out)
{
    const qsizetype first = out.list.size();
    // A key is never longer than its word (case folding and digits map one code point to one), nor a
    // stem than its key: both are written in place, and the buffers cut to size at the end.
    qsizetype keyEnd = out.keys.size();
    qsizetype stemEnd = out.stems.size();
    out.keys.resize(keyEnd + text.size());
    out.stems.resize(stemEnd + text.size());
    QChar *const keys = out.keys.data();
    QChar *const stems = out.stems.data();
    out.list.reserve(out.list.size() + text.size() / 4);
    bool sentence = true;
    bool other = false; // punctuation other than hyphens since the previous word
    bool space = false;
    int dashes = 0;
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto peek
        = [&](qsizetype at, qsizetype *len) { return at < n ? classify(decode(text, at, len)) : CharClass::Other; };
    while (i < n) {
        qsizetype length = 1;
        const char32_t c = decode(text, i, &length);
        const CharClass k = classify(c);
        if (k != CharClass::Cased && k != CharClass::Uncased && k != CharClass::Digit) {
            if (k == CharClass::Space) {
                space = true;
                sentence = sentence || c == U'\n' || c == U'\u2029';
            } else if (k == CharClass::Dash) {
                ++dashes;
            } else {
                other = true;
                sentence = sentence || endsSentence(c);
            }
            i += length;
            continue;
        }
        const bool firstOfText = out.list.size() == first;
        Token t;
        t.begin = i;
        t.sentenceStart = sentence;
        t.quoteStart = firstOfText;
        t.joined = !firstOfText && !other;
        t.dashBefore = !firstOfText && !other && !space && dashes == 1;
        t.keyAt = keyEnd;
        sentence = false;
        other = false;
        space = false;
        dashes = 0;
        const bool uncasedWord = k == CharClass::Uncased;
        CharClass last = CharClass::Other;
        int segment = 0; // letters since the word's start or its last dot
        bool dotted = false;
        while (i < n) {
            const char32_t d = decode(text, i, &length);
            const CharClass dk = classify(d);
            const bool fits
                = uncasedWord ? dk == CharClass::Uncased : (dk == CharClass::Cased || dk == CharClass::Digit);
            if (fits || (dk == CharClass::Mark && last != CharClass::Other)) {
                if (dk == CharClass::Digit) {
                    keys[keyEnd++] = QLatin1Char(char('0' + QChar::digitValue(d)));
                    t.digits = true;
                } else {
                    char32_t folded = d < 0x80 ? char32_t(d >= U'A' && d <= U'Z' ? d + 32 : d) : QChar::toCaseFolded(d);
                    if (QChar::requiresSurrogates(folded) && length == 1) {
                        folded = d; // never longer than the word: the buffer holds as much as the text
                    }
                    putCodePoint(keys, keyEnd, folded);
                }
                if (dk == CharClass::Cased || dk == CharClass::Uncased) {
                    const bool upper = QChar::isUpper(d) || QChar::isTitleCase(d);
                    t.firstUpper = t.firstUpper || (last == CharClass::Other && upper);
                    t.uppers += upper;
                    ++t.letters;
                    ++segment;
                    t.cased = t.cased || dk == CharClass::Cased;
                    t.uncased = t.uncased || dk == CharClass::Uncased;
                }
                if (dk != CharClass::Mark) {
                    last = dk;
                }
                i += length;
                continue;
            }
            if (uncasedWord) {
                break;
            }
            qsizetype nextLength = 1;
            const CharClass next = peek(i + length, &nextLength);
            // "China’s", "O'Brien": an apostrophe between letters.
            if (dk == CharClass::Apostrophe && last == CharClass::Cased && next == CharClass::Cased) {
                keys[keyEnd++] = QLatin1Char('\'');
                i += length;
                continue;
            }
            // "10,000" and "1.5": a comma or point between digits.
            if ((d == U',' || d == U'.') && last == CharClass::Digit && next == CharClass::Digit) {
                if (d == U'.') {
                    keys[keyEnd++] = QLatin1Char('.');
                }
                i += length;
                continue;
            }
            // "U.S.": single letters with dots. The last dot is part of the word, not a full stop.
            if (d == U'.' && last == CharClass::Cased && segment == 1) {
                qsizetype afterLength = 1;
                const CharClass after
                    = next == CharClass::Cased ? peek(i + length + nextLength, &afterLength) : CharClass::Other;
                if (next == CharClass::Cased && after != CharClass::Cased && after != CharClass::Digit) {
                    dotted = true;
                    segment = 0;
                    i += length;
                    continue;
                }
                if (dotted) {
                    i += length;
                    break;
                }
            }
            break;
        }
        t.end = i;
        t.keyLength = keyEnd - t.keyAt;
        // The stem: no possessive, no apostrophes, no plural "s" ("US", "Ross" and "NCSC" keep theirs).
        QStringView key(keys + t.keyAt, t.keyLength);
        if (key.endsWith(QLatin1StringView("'s"))) {
            key.chop(2);
        }
        t.stemAt = stemEnd;
        for (const QChar ch : key) {
            if (ch != QLatin1Char('\'')) {
                stems[stemEnd++] = ch;
            }
        }
        t.stemLength = stemEnd - t.stemAt;
        if (t.lettersOnly() && t.stemLength > 3 && stems[stemEnd - 1] == QLatin1Char('s')
            && stems[stemEnd - 2] != QLatin1Char('s')) {
            --stemEnd;
            --t.stemLength;
        }
        out.list.append(t);
    }
    out.keys.resize(keyEnd);
    out.stems.resize(stemEnd);
}

Words tokenize(QStringView text)
{
    Words out;
    tokenize(text, out);
    return out;
}

// ---- Numbers and dates ------------------------------------------------------------------------

template<size_t N> constexpr QLatin1StringView ascii(const char (&s)[N])
{
    return QLatin1StringView(s, qsizetype(N - 1));
}

bool same(QStringView word, QLatin1StringView name)
{
    return word.size() == name.size() && word == name;
}

// The words that say a number or name a day or a month, looked up without making a string.
struct KnownWord
{
    int cardinal = 0; // 2 to 20, and the tens to 90
    bool scale = false; // "hundred", "million", "dozen", ...
    QLatin1StringView date; // the month or weekday it names: "march" for "mar"
};

const KnownWord *knownWord(QStringView word)
{
    if (word.size() < 3 || word.size() > 9) {
        return nullptr;
    }
    static const std::unordered_map<std::u16string_view, KnownWord> Known = [] {
        std::unordered_map<std::u16string_view, KnownWord> m;
        struct Cardinal
        {
            std::u16string_view word;
            int value;
        };
        for (const Cardinal &c : {Cardinal {u"two", 2},        Cardinal {u"three", 3},     Cardinal {u"four", 4},
                                  Cardinal {u"five", 5},       Cardinal {u"six", 6},       Cardinal {u"seven", 7},
                                  Cardinal {u"eight", 8},      Cardinal {u"nine", 9},      Cardinal {u"ten", 10},
                                  Cardinal {u"eleven", 11},    Cardinal {u"twelve", 12},   Cardinal {u"thirteen", 13},
                                  Cardinal {u"fourteen", 14},  Cardinal {u"fifteen", 15},  Cardinal {u"sixteen", 16},
                                  Cardinal {u"seventeen", 17}, Cardinal {u"eighteen", 18}, Cardinal {u"nineteen", 19},
                                  Cardinal {u"twenty", 20},    Cardinal {u"thirty", 30},   Cardinal {u"forty", 40},
                                  Cardinal {u"fifty", 50},     Cardinal {u"sixty", 60},    Cardinal {u"seventy", 70},
                                  Cardinal {u"eighty", 80},    Cardinal {u"ninety", 90}}) {
            m[c.word].cardinal = c.value;
        }
        for (const std::u16string_view w : {u"hundred", u"thousand", u"million", u"billion", u"trillion", u"dozen"}) {
            m[w].scale = true;
        }
        struct Date
        {
            std::u16string_view word;
            QLatin1StringView name;
        };
        for (const Date &d : {Date {u"january", ascii("january")},
                              Date {u"february", ascii("february")},
                              Date {u"march", ascii("march")},
                              Date {u"april", ascii("april")},
                              Date {u"may", ascii("may")},
                              Date {u"june", ascii("june")},
                              Date {u"july", ascii("july")},
                              Date {u"august", ascii("august")},
                              Date {u"september", ascii("september")},
                              Date {u"october", ascii("october")},
                              Date {u"november", ascii("november")},
                              Date {u"december", ascii("december")},
                              Date {u"jan", ascii("january")},
                              Date {u"feb", ascii("february")},
                              Date {u"mar", ascii("march")},
                              Date {u"apr", ascii("april")},
                              Date {u"jun", ascii("june")},
                              Date {u"jul", ascii("july")},
                              Date {u"aug", ascii("august")},
                              Date {u"sep", ascii("september")},
                              Date {u"sept", ascii("september")},
                              Date {u"oct", ascii("october")},
                              Date {u"nov", ascii("november")},
                              Date {u"dec", ascii("december")},
                              Date {u"monday", ascii("monday")},
                              Date {u"tuesday", ascii("tuesday")},
                              Date {u"wednesday", ascii("wednesday")},
                              Date {u"thursday", ascii("thursday")},
                              Date {u"friday", ascii("friday")},
                              Date {u"saturday", ascii("saturday")},
                              Date {u"sunday", ascii("sunday")}}) {
            m[d.word].date = d.name;
        }
        return m;
    }();
    const auto it = Known.find(std::u16string_view(word.utf16(), size_t(word.size())));
    return it == Known.end() ? nullptr : &it->second;
}

int cardinal(QStringView word)
{
    const KnownWord *known = knownWord(word);
    return known ? known->cardinal : 0;
}

bool isScaleWord(QStringView stem)
{
    const KnownWord *known = knownWord(stem);
    return known && known->scale;
}

QString numberText(QStringView digits)
{
    while (digits.size() > 1 && digits.front() == QLatin1Char('0') && digits[1].isDigit()) {
        digits = digits.sliced(1);
    }
    return QLatin1Char('#') + digits;
}

// "#2021" for "2021", "#7" for "7" and "seven", "w:million" for "millions": what a number says.
// Empty for a word that is no number. "one" is left out: it is a pronoun as often as a number.
QString numberKey(const Words &words, qsizetype i)
{
    const Token &t = words[i];
    const QStringView key = words.key(i);
    if (t.digits && !t.cased) {
        return numberText(key);
    }
    if (t.digits) {
        // "1990s", "14th", "5m", "3bn"
        qsizetype d = 0;
        while (d < key.size() && (key[d].isDigit() || key[d] == QLatin1Char('.'))) {
            ++d;
        }
        const QStringView suffix = key.sliced(d);
        static constexpr QLatin1StringView Suffixes[]
            = {ascii("st"), ascii("nd"), ascii("rd"), ascii("th"), ascii("s"), ascii("m"), ascii("bn"), ascii("k")};
        for (const QLatin1StringView sfx : Suffixes) {
            if (d > 0 && same(suffix, sfx)) {
                return numberText(key.left(d));
            }
        }
        return {};
    }
    if (!t.cased) {
        return {};
    }
    if (const int value = cardinal(key)) {
        return QLatin1Char('#') + QString::number(value);
    }
    const QStringView stem = words.stem(i);
    if (cardinal(stem) || isScaleWord(stem)) {
        return QStringLiteral("w:") + stem;
    }
    return {};
}

// "d:march" for "March", "Mar" and "MARCH"; "d:monday" for "Monday" and "Mondays". Capitalised
// words only, and "May" not at the start of a sentence, where it is as often the verb.
QString dateKey(const Words &words, qsizetype i)
{
    const Token &t = words[i];
    if (!t.firstUpper || !t.lettersOnly() || t.letters < 3 || t.letters > 10) {
        return {};
    }
    const QStringView key = words.key(i);
    if (t.sentenceStart && same(key, ascii("may"))) {
        return {};
    }
    for (const QStringView word : {key, words.stem(i)}) { // the stem: "Mondays"
        if (const KnownWord *known = knownWord(word); known && !known->date.isEmpty()) {
            return QStringLiteral("d:") + known->date;
        }
    }
    return {};
}

// A year range "2021-22" or "2021–2022": the second number, written out ("2022"); empty otherwise.
QString rangeEnd(const Words &words, qsizetype first)
{
    const Token &a = words[first];
    const Token &b = words[first + 1];
    const QStringView from = words.key(first);
    const QStringView to = words.key(first + 1);
    if (!b.dashBefore || b.quoteStart || !a.digits || a.cased || !b.digits || b.cased || from.size() != 4
        || (to.size() != 2 && to.size() != 4)) {
        return {};
    }
    bool ok1 = false;
    bool ok2 = false;
    const int start = from.toInt(&ok1);
    int end = to.toInt(&ok2);
    if (!ok1 || !ok2) {
        return {};
    }
    if (to.size() == 2) {
        end += start / 100 * 100;
    }
    return end > start ? QString::number(end) : QString();
}

// ---- Looking in quotes ------------------------------------------------------------------------

bool isWordUnit(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

// `needle` in `hay` as it stands, not inside a longer word ("Ni" is not in "Ministry"); a number not
// inside a longer one either ("10" is not in "10,000").
bool containsWord(QStringView hay, QStringView needle, Qt::CaseSensitivity cs, bool number)
{
    if (needle.isEmpty() || needle.size() > hay.size()) {
        return false;
    }
    // The case as written is the usual one, and far quicker to look for.
    if (cs == Qt::CaseInsensitive && containsWord(hay, needle, Qt::CaseSensitive, number)) {
        return true;
    }
    const bool wordStart = isWordUnit(needle.front());
    const bool wordEnd = isWordUnit(needle.back());
    for (qsizetype at = hay.indexOf(needle, 0, cs); at >= 0; at = hay.indexOf(needle, at + 1, cs)) {
        const qsizetype after = at + needle.size();
        bool ok = true;
        if (wordStart && at > 0) {
            const QChar b = hay[at - 1];
            ok = !isWordUnit(b)
                && !(number && (b == QLatin1Char(',') || b == QLatin1Char('.')) && at > 1 && hay[at - 2].isDigit());
        }
        if (ok && wordEnd && after < hay.size()) {
            const QChar a = hay[after];
            ok = !isWordUnit(a)
                && !(number && (a == QLatin1Char(',') || a == QLatin1Char('.')) && after + 1 < hay.size()
                     && hay[after + 1].isDigit());
        }
        if (ok) {
            return true;
        }
    }
    return false;
}

// An item's quotes: looked in verbatim first, and tokenised only when that finds nothing.
class Quotes
{
public:
    explicit Quotes(QList<QStringView> texts)
        : m_texts(std::move(texts))
    { }

    bool containsWord(QStringView needle, Qt::CaseSensitivity cs, bool number = false) const
    {
        return std::any_of(m_texts.cbegin(), m_texts.cend(),
                           [&](QStringView q) { return AT::containsWord(q, needle, cs, number); });
    }

    // `target`, a concatenation of keys (or stems), as consecutive words of one quote: "apt31" is in
    // "APT 31" and in "APT-31". With `withinPhrase`, the words must be joined by spaces or hyphens
    // only; with `notLowerCase`, none may be all lower case (the acronym "US" is not the word "us").
    bool containsSequence(QStringView target, bool stems, bool withinPhrase, bool notLowerCase) const
    {
        const Words &words = tokens().words;
        const qsizetype n = words.size();
        for (qsizetype s = 0; s < n; ++s) {
            qsizetype matched = 0;
            for (qsizetype w = s; w < n; ++w) {
                const Token &word = words[w];
                if (w > s && (word.quoteStart || (withinPhrase && !word.joined))) {
                    break;
                }
                if (notLowerCase && word.cased && word.allLower()) {
                    break;
                }
                const QStringView piece = stems ? words.stem(w) : words.key(w);
                if (piece.isEmpty() || !target.sliced(matched).startsWith(piece)) {
                    break;
                }
                matched += piece.size();
                if (matched == target.size()) {
                    return true;
                }
            }
        }
        return false;
    }

    bool hasNumber(const QString &key) const { return tokens().numbers.contains(key); }
    bool hasDate(const QString &key) const { return tokens().dates.contains(key); }

private:
    struct Tokens
    {
        Words words;
        QSet<QString> numbers;
        QSet<QString> dates;
    };
    const Tokens &tokens() const
    {
        if (!m_tokens) {
            Tokens t;
            for (QStringView q : m_texts) {
                tokenize(q, t.words);
            }
            const Words &words = t.words;
            for (qsizetype i = 0; i < words.size(); ++i) {
                const Token &w = words[i];
                if (QString key = numberKey(words, i); !key.isEmpty()) {
                    t.numbers.insert(key);
                } else if (w.digits && w.cased) {
                    // "APT31" says 31 as well.
                    const QStringView key = words.key(i);
                    qsizetype run = -1;
                    for (qsizetype c = 0; c <= key.size(); ++c) {
                        const bool digit = c < key.size() && key[c].isDigit();
                        if (digit && run < 0) {
                            run = c;
                        } else if (!digit && run >= 0) {
                            t.numbers.insert(numberText(key.sliced(run, c - run)));
                            run = -1;
                        }
                    }
                }
                if (i > 0) {
                    if (const QString end = rangeEnd(words, i - 1); !end.isEmpty()) {
                        t.numbers.insert(QLatin1Char('#') + end);
                    }
                }
                if (QString key = dateKey(words, i); !key.isEmpty()) {
                    t.dates.insert(key);
                }
            }
            m_tokens = std::move(t);
        }
        return *m_tokens;
    }

    QList<QStringView> m_texts;
    mutable std::optional<Tokens> m_tokens;
};

QString quotedList(const QStringList &items)
{
    constexpr qsizetype Shown = 12;
    QStringList shown;
    for (qsizetype i = 0; i < std::min(items.size(), Shown); ++i) {
        shown << QLatin1Char('"') + items[i] + QLatin1Char('"');
    }
    QString last = shown.takeLast();
    if (items.size() > Shown) {
        shown << last;
        last = QStringLiteral("%1 more").arg(items.size() - Shown);
    }
    return shown.isEmpty() ? last : shown.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

} // namespace

// ---- Actors' names ------------------------------------------------------------------------------

struct CaseChecker::Names
{
    struct Form
    {
        QString text; // as the case gives it
        QString stems; // its words' stems, run together
    };
    QList<QList<Form>> forms; // per actor
    QHash<QString, QList<qsizetype>> actorsByStems; // which actors a name (its stems run together) names
    QSet<QString> firstStems; // the stem of each name's first word: where a name may start
    qsizetype maxWords = 0;

    // Whether `quotes` name any of the actors by any of their names: verbatim first, which needs
    // no tokens, then word by word.
    bool named(const QList<qsizetype> &actors, const Quotes &quotes) const
    {
        for (const bool verbatim : {true, false}) {
            for (const qsizetype a : actors) {
                for (const Form &f : forms[a]) {
                    if (verbatim ? quotes.containsWord(f.text, Qt::CaseInsensitive)
                                 : quotes.containsSequence(f.stems, true, true, false)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
};

CaseChecker::CaseChecker(const QList<Actor> &actors)
{
    auto names = std::make_unique<Names>();
    names->forms.reserve(actors.size());
    for (qsizetype a = 0; a < actors.size(); ++a) {
        QList<Names::Form> forms;
        QStringList texts {actors[a].name};
        for (const Alias &alias : actors[a].aliases) {
            texts << alias.name;
        }
        for (const QString &text : std::as_const(texts)) {
            // The name up to its first punctuation: "Two individuals sanctioned (not named in the
            // sources)" is named as "Two individuals sanctioned".
            const Words words = tokenize(text);
            QString stems;
            qsizetype count = 0;
            for (qsizetype w = 0; w < words.size(); ++w) {
                if (count > 0 && !words[w].joined) {
                    break;
                }
                stems += words.stem(w);
                ++count;
            }
            if (stems.isEmpty()) {
                continue;
            }
            names->firstStems.insert(words.stem(0).toString());
            names->maxWords = std::max(names->maxWords, count);
            QList<qsizetype> &named = names->actorsByStems[stems];
            if (!named.contains(a)) {
                named.append(a);
            }
            forms.append(Names::Form {text, stems});
        }
        names->forms.append(std::move(forms));
    }
    m_names = std::move(names);
}

CaseChecker::~CaseChecker() = default;

QStringList CaseChecker::unsupported(QStringView text, const QList<QStringView> &quoteTexts) const
{
    const Words words = tokenize(text);
    enum class Kind : quint8 { None, Name, Number, Date };
    struct Word
    {
        Kind kind = Kind::None;
        QString key; // of a number or a date
        QString rangeEnd; // of "2021-22": "#2022"; the next word is its second half
        bool supported = false;
        bool inRange = false; // the second half of a range
    };
    QList<Word> ws(words.size());
    bool any = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const Token &t = words[i];
        Word &w = ws[i];
        if (QString key = numberKey(words, i); !key.isEmpty()) {
            w.kind = Kind::Number;
            w.key = std::move(key);
            if (i > 0 && ws[i - 1].kind == Kind::Number && !ws[i - 1].inRange && ws[i - 1].rangeEnd.isEmpty()) {
                if (const QString end = rangeEnd(words, i - 1); !end.isEmpty()) {
                    ws[i - 1].rangeEnd = QLatin1Char('#') + end;
                    w.inRange = true;
                }
            }
        } else if (QString date = dateKey(words, i); !date.isEmpty()) {
            w.kind = Kind::Date;
            w.key = std::move(date);
        } else if (t.cased && t.letters >= 2
                   && ((t.firstUpper && (!t.sentenceStart || t.uppers >= 2 || t.digits))
                       || (!t.firstUpper && t.uppers >= 1))) {
            w.kind = Kind::Name;
        }
        any = any || w.kind != Kind::None;
    }
    if (!any) {
        return {};
    }
    const Quotes quotes(quoteTexts);
    auto span = [&](qsizetype from, qsizetype to) { // words [from, to], as they stand in the text
        return text.sliced(words[from].begin, words[to].end - words[from].begin);
    };
    auto verbatim = [&](qsizetype j) { // a word as it stands, without a possessive: "China" of "China’s"
        QStringView w = span(j, j);
        if (words.key(j).endsWith(QLatin1StringView("'s")) && w.size() > 2) {
            w.chop(2);
        }
        return w;
    };

    // A known actor's name, or another of its names, in the quotes supports the name. One the quotes
    // do not support is reported whole, as the case names the actor.
    const Names &names = *m_names;
    QList<qsizetype> mentionEnd(words.size(), -1);
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (!words[i].cased || words[i].allLower() || !names.firstStems.contains(words.stem(i).toString())) {
            continue;
        }
        QString stems;
        qsizetype longest = -1;
        const QList<qsizetype> *actors = nullptr;
        for (qsizetype j = i; j < words.size() && j - i < names.maxWords; ++j) {
            if (j > i && !words[j].joined) {
                break;
            }
            stems += words.stem(j);
            if (const auto it = names.actorsByStems.constFind(stems); it != names.actorsByStems.constEnd()) {
                longest = j;
                actors = &*it;
            }
        }
        if (!actors) {
            continue;
        }
        if (names.named(*actors, quotes)) {
            for (qsizetype j = i; j <= longest; ++j) {
                ws[j].supported = true;
            }
        } else {
            mentionEnd[i] = longest;
        }
        i = longest;
    }

    // Names: the words of one name together ("Joe Biden", "APT 31"), else each word by itself.
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (ws[i].kind != Kind::Name || ws[i].supported) {
            continue;
        }
        qsizetype last = i;
        while (last + 1 < words.size() && words[last + 1].joined && !ws[last + 1].supported
               && (ws[last + 1].kind == Kind::Name
                   || (ws[last + 1].kind == Kind::Number && ws[last].kind == Kind::Name
                       && ws[last + 1].rangeEnd.isEmpty()))) {
            ++last;
        }
        bool acronym = false;
        QString stems;
        for (qsizetype j = i; j <= last; ++j) {
            acronym = acronym || words[j].acronym();
            stems += words.stem(j);
        }
        const Qt::CaseSensitivity cs = acronym ? Qt::CaseSensitive : Qt::CaseInsensitive;
        if (last > i
            && (quotes.containsWord(span(i, last), cs) || quotes.containsSequence(stems, true, true, acronym))) {
            for (qsizetype j = i; j <= last; ++j) {
                ws[j].supported = true;
            }
        } else {
            for (qsizetype j = i; j <= last; ++j) {
                if (ws[j].kind != Kind::Name) {
                    continue; // a number of the name is looked for as a number
                }
                const bool a = words[j].acronym();
                ws[j].supported = quotes.containsWord(verbatim(j), a ? Qt::CaseSensitive : Qt::CaseInsensitive)
                    || quotes.containsSequence(words.stem(j), true, true, a);
            }
        }
        i = last;
    }

    // Numbers and dates, by what they say: "seven" is "7", "millions" is "million", "Mar" is "March".
    for (qsizetype i = 0; i < words.size(); ++i) {
        Word &w = ws[i];
        if (w.supported || w.inRange || (w.kind != Kind::Number && w.kind != Kind::Date)) {
            continue;
        }
        if (w.kind == Kind::Date) {
            // "may" in a quote is not the month of "May": dates are compared by what they name.
            w.supported = quotes.containsWord(span(i, i), Qt::CaseSensitive) || quotes.hasDate(w.key);
        } else if (!w.rangeEnd.isEmpty()) {
            w.supported = quotes.containsWord(span(i, i + 1), Qt::CaseInsensitive, true)
                || (quotes.hasNumber(w.key) && quotes.hasNumber(w.rangeEnd));
            ws[i + 1].supported = w.supported;
        } else {
            w.supported = quotes.containsWord(span(i, i), Qt::CaseInsensitive, true) || quotes.hasNumber(w.key);
        }
    }

    // What is left, adjacent words as one phrase, each phrase once.
    QStringList out;
    QSet<QString> seen;
    auto unsupportedIn = [&](qsizetype from, qsizetype to) {
        for (qsizetype j = from; j <= to; ++j) {
            if (ws[j].kind != Kind::None && !ws[j].supported) {
                return true;
            }
        }
        return false;
    };
    for (qsizetype i = 0; i < words.size(); ++i) {
        qsizetype last = i;
        if (mentionEnd[i] >= 0 && unsupportedIn(i, mentionEnd[i])) {
            last = mentionEnd[i];
        } else if (ws[i].kind == Kind::None || ws[i].supported) {
            continue;
        } else {
            while (last + 1 < words.size() && words[last + 1].joined && ws[last + 1].kind != Kind::None
                   && !ws[last + 1].supported && mentionEnd[last + 1] < 0) {
                ++last;
            }
        }
        const QString phrase = span(i, last).toString();
        if (!seen.contains(phrase.toCaseFolded())) {
            seen.insert(phrase.toCaseFolded());
            out << phrase;
        }
        i = last;
    }
    return out;
}

bool CaseChecker::isQuoted(QStringView wording, const QList<QStringView> &passages)
{
    wording = wording.trimmed();
    if (wording.isEmpty()) {
        return true;
    }
    const Quotes quotes(passages);
    if (quotes.containsWord(wording, Qt::CaseInsensitive)) {
        return true;
    }
    return quotes.containsSequence(tokenize(wording).keys, false, false, false);
}

namespace {

QList<QStringView> quotesOf(const QList<Citation> &citations, const QList<Citation> &more = {})
{
    QList<QStringView> out;
    out.reserve(citations.size() + more.size());
    for (const Citation &c : citations) {
        out << c.quote;
    }
    for (const Citation &c : more) {
        out << c.quote;
    }
    return out;
}

void acceptances(const QList<CheckFinding> &found, const QList<AcceptedWarning> &accepted, const QString &what,
                 ItemCheck *out)
{
    QList<bool> used(accepted.size(), false);
    for (const CheckFinding &f : found) {
        const auto it = std::find_if(accepted.cbegin(), accepted.cend(),
                                     [&](const AcceptedWarning &a) { return a.rule == f.rule; });
        if (it == accepted.cend()) {
            out->warnings << f;
        } else {
            used[it - accepted.cbegin()] = true;
            out->accepted << f.rule;
        }
    }
    for (qsizetype j = 0; j < accepted.size(); ++j) {
        const QString &rule = accepted[j].rule;
        if (!CheckRule::isKnown(rule)) {
            continue; // an error of the file, reported by the reader
        }
        const QString field = QStringLiteral("acceptedWarnings[%1]").arg(j);
        const auto first = std::find_if(accepted.cbegin(), accepted.cbegin() + j,
                                        [&](const AcceptedWarning &a) { return a.rule == rule; });
        if (first != accepted.cbegin() + j) {
            out->warnings << CheckFinding {{},
                                           field,
                                           QStringLiteral("accepts rule \"%1\" again, as acceptedWarnings[%2] does; "
                                                          "remove one")
                                               .arg(rule)
                                               .arg(first - accepted.cbegin())};
        } else if (!used[j]) {
            out->warnings << CheckFinding {{},
                                           field,
                                           QStringLiteral("nothing to accept: rule \"%1\" finds nothing in this %2; "
                                                          "remove it")
                                               .arg(rule, what)};
        }
    }
}

CheckFinding beyondQuotes(const QStringList &tokens, const QString &field, const QString &what)
{
    return CheckFinding {CheckRule::BeyondQuotes, field,
                         QStringLiteral("says %1, which none of the %2's quotes contains; cite a passage that says "
                                        "it, reword, or accept the warning with acceptedWarnings (rule \"%3\")")
                             .arg(quotedList(tokens), what, CheckRule::BeyondQuotes)};
}

std::optional<CheckFinding> relativeExpression(const PartialDate &date, const QList<Citation> &citations,
                                               const QString &what)
{
    const DateProvenance &p = date.provenance();
    if (p.kind != DateProvenance::Kind::Relative || p.expression.trimmed().isEmpty()
        || CaseChecker::isQuoted(p.expression, quotesOf(citations, p.citations))) {
        return std::nullopt;
    }
    return CheckFinding {CheckRule::RelativeExpressionNotQuoted, QStringLiteral("date.provenance.expression"),
                         QStringLiteral("the relative date's expression \"%1\" is in none of the %2's cited passages "
                                        "(its citations and the date's provenance citations); give the source's own "
                                        "words, cite the passage that has them, or accept the warning with "
                                        "acceptedWarnings (rule \"%3\")")
                             .arg(p.expression, what, CheckRule::RelativeExpressionNotQuoted)};
}

} // namespace

ItemCheck CaseChecker::checkEvent(const Event &event) const
{
    ItemCheck out;
    if (event.summary.isEmpty() && event.date.provenance().kind != DateProvenance::Kind::Relative
        && event.acceptedWarnings.isEmpty()) {
        return out;
    }
    const QString what = QStringLiteral("event");
    QList<CheckFinding> found;
    if (!event.summary.isEmpty()) {
        const QStringList tokens
            = unsupported(event.summary, quotesOf(event.citations, event.date.provenanceCitations()));
        if (!tokens.isEmpty()) {
            found << beyondQuotes(tokens, QStringLiteral("summary"), what);
        }
    }
    if (auto f = relativeExpression(event.date, event.citations, what)) {
        found << *f;
    }
    acceptances(found, event.acceptedWarnings, what, &out);
    return out;
}

ItemCheck CaseChecker::checkClaim(const Claim &claim) const
{
    ItemCheck out;
    const QString what = QStringLiteral("claim");
    const QList<QStringView> quotes = quotesOf(claim.citations);
    QList<CheckFinding> found;
    if (!claim.statement.isEmpty()) {
        const QStringList tokens = unsupported(claim.statement, quotes);
        if (!tokens.isEmpty()) {
            found << beyondQuotes(tokens, QStringLiteral("statement"), what);
        }
    }
    if (!claim.confidence.trimmed().isEmpty() && !isQuoted(claim.confidence, quotes)) {
        found << CheckFinding {CheckRule::ConfidenceNotQuoted, QStringLiteral("confidence"),
                               QStringLiteral("the confidence \"%1\" is in none of the claim's quotes; it must be the "
                                              "source's own wording: cite the passage that says it, correct it, or "
                                              "accept the warning with acceptedWarnings (rule \"%2\")")
                                   .arg(claim.confidence, CheckRule::ConfidenceNotQuoted)};
    }
    if (auto f = relativeExpression(claim.date, claim.citations, what)) {
        found << *f;
    }
    acceptances(found, claim.acceptedWarnings, what, &out);
    return out;
}

} // namespace AT
