#include "casechecks.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <optional>

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
    QString key; // case-folded; apostrophes straight; digits ASCII; the dots of "U.S." and commas of numbers out
    QString stem; // the key without a possessive, a plural "s" or apostrophes: "china's" and "chinas" are "china"
    bool joined = false; // only spaces, hyphens or en dashes stand between it and the previous word
    bool dashBefore = false; // exactly one hyphen or en dash, and nothing else: "2021-22"
    bool sentenceStart = false;
    bool firstUpper = false;
    int uppers = 0; // upper- or title-case letters
    int letters = 0;
    bool digits = false;
    bool cased = false; // has a letter of a cased script
    bool uncased = false; // a word of letters without case
    bool allLower() const { return uppers == 0; }
    bool acronym() const { return uppers >= 2 && uppers == letters; }
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

QString stemOf(const QString &key, const Token &t)
{
    QString stem = key;
    if (stem.endsWith(QLatin1StringView("'s"))) {
        stem.chop(2);
    }
    stem.remove(QLatin1Char('\''));
    // A plural: "Americans" is "American". Words only; "US", "Ross" and "NCSC" keep their "s".
    if (!t.digits && !t.uncased && stem.size() > 3 && stem.endsWith(QLatin1Char('s'))
        && !stem.endsWith(QLatin1StringView("ss"))) {
        stem.chop(1);
    }
    return stem;
}

QList<Token> tokenize(QStringView text)
{
    QList<Token> out;
    bool sentence = true;
    bool other = false; // punctuation other than hyphens since the previous word
    bool space = false;
    int dashes = 0;
    const qsizetype n = text.size();
    qsizetype i = 0;
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
        Token t;
        t.begin = i;
        t.sentenceStart = sentence;
        t.joined = !out.isEmpty() && !other;
        t.dashBefore = !out.isEmpty() && !other && !space && dashes == 1;
        sentence = false;
        other = false;
        space = false;
        dashes = 0;
        const bool uncasedWord = k == CharClass::Uncased;
        QString raw;
        CharClass last = CharClass::Other;
        int segment = 0; // letters since the word's start or its last dot
        bool dotted = false;
        auto peek
            = [&](qsizetype at, qsizetype *len) { return at < n ? classify(decode(text, at, len)) : CharClass::Other; };
        while (i < n) {
            const char32_t d = decode(text, i, &length);
            const CharClass dk = classify(d);
            const bool fits
                = uncasedWord ? dk == CharClass::Uncased : (dk == CharClass::Cased || dk == CharClass::Digit);
            if (fits || (dk == CharClass::Mark && !raw.isEmpty())) {
                if (dk == CharClass::Digit) {
                    raw += QLatin1Char(char('0' + QChar::digitValue(d)));
                    t.digits = true;
                } else {
                    raw += QStringView(text).sliced(i, length);
                }
                if (dk == CharClass::Cased || dk == CharClass::Uncased) {
                    if (raw.size() == length) {
                        t.firstUpper = QChar::isUpper(d) || QChar::isTitleCase(d);
                    }
                    t.uppers += QChar::isUpper(d) || QChar::isTitleCase(d);
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
                raw += QLatin1Char('\'');
                i += length;
                continue;
            }
            // "10,000" and "1.5": a comma or point between digits.
            if ((d == U',' || d == U'.') && last == CharClass::Digit && next == CharClass::Digit) {
                if (d == U'.') {
                    raw += QLatin1Char('.');
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
        t.key = raw.toCaseFolded();
        t.stem = stemOf(t.key, t);
        out.append(std::move(t));
    }
    return out;
}

// ---- Numbers and dates ------------------------------------------------------------------------

int cardinal(QStringView word)
{
    static const QHash<QString, int> words = [] {
        QHash<QString, int> h;
        const char *names[] = {"two",     "three",     "four",     "five",     "six",      "seven",    "eight",
                               "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen", "fifteen",
                               "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
        int value = 2;
        for (const char *name : names) {
            h.insert(QString::fromLatin1(name), value++);
        }
        const char *tens[] = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        value = 30;
        for (const char *name : tens) {
            h.insert(QString::fromLatin1(name), value);
            value += 10;
        }
        return h;
    }();
    return words.value(word.toString(), 0);
}

bool isScaleWord(QStringView stem)
{
    for (const char *w : {"hundred", "thousand", "million", "billion", "trillion", "dozen"}) {
        if (stem == QLatin1StringView(w)) {
            return true;
        }
    }
    return false;
}

// "#2021" for "2021", "#7" for "7" and "seven", "w:million" for "millions": what a number says.
// Empty for a word that is no number. "one" is left out: it is a pronoun as often as a number.
QString numberKey(const Token &t)
{
    if (t.digits && !t.cased && !t.uncased) {
        QString digits = t.key;
        while (digits.size() > 1 && digits.startsWith(QLatin1Char('0')) && digits[1].isDigit()) {
            digits.remove(0, 1);
        }
        return QLatin1Char('#') + digits;
    }
    if (t.digits && t.cased) {
        // "1990s", "14th", "5m", "3bn"
        qsizetype d = 0;
        while (d < t.key.size() && (t.key[d].isDigit() || t.key[d] == QLatin1Char('.'))) {
            ++d;
        }
        const QStringView suffix = QStringView(t.key).sliced(d);
        static const QSet<QString> suffixes {QStringLiteral("st"), QStringLiteral("nd"), QStringLiteral("rd"),
                                             QStringLiteral("th"), QStringLiteral("s"),  QStringLiteral("m"),
                                             QStringLiteral("bn"), QStringLiteral("k")};
        if (d > 0 && suffixes.contains(suffix.toString())) {
            QString digits = t.key.left(d);
            while (digits.size() > 1 && digits.startsWith(QLatin1Char('0')) && digits[1].isDigit()) {
                digits.remove(0, 1);
            }
            return QLatin1Char('#') + digits;
        }
        return {};
    }
    if (t.digits || !t.cased) {
        return {};
    }
    if (const int value = cardinal(t.key)) {
        return QLatin1Char('#') + QString::number(value);
    }
    if (cardinal(t.stem) || isScaleWord(t.stem)) {
        return QStringLiteral("w:") + t.stem;
    }
    return {};
}

// "d:march" for "March", "Mar" and "march"; "d:monday" for "Monday" and "Mondays". Capitalised
// words only, and "May" not at the start of a sentence, where it is as often the verb.
QString dateKey(const Token &t)
{
    if (!t.firstUpper || t.digits || t.uncased) {
        return {};
    }
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> h;
        const char *full[] = {"january",   "february",  "march",   "april",    "may",      "june",   "july",
                              "august",    "september", "october", "november", "december", "monday", "tuesday",
                              "wednesday", "thursday",  "friday",  "saturday", "sunday"};
        for (const char *name : full) {
            h.insert(QString::fromLatin1(name), QStringLiteral("d:") + QString::fromLatin1(name));
        }
        const char *abbreviations[][2]
            = {{"jan", "january"},    {"feb", "february"}, {"mar", "march"},    {"apr", "april"},
               {"jun", "june"},       {"jul", "july"},     {"aug", "august"},   {"sep", "september"},
               {"sept", "september"}, {"oct", "october"},  {"nov", "november"}, {"dec", "december"}};
        for (const auto &a : abbreviations) {
            h.insert(QString::fromLatin1(a[0]), QStringLiteral("d:") + QString::fromLatin1(a[1]));
        }
        return h;
    }();
    if (t.key == QLatin1StringView("may") && t.sentenceStart) {
        return {};
    }
    QString key = names.value(t.key);
    if (key.isEmpty() && t.stem != t.key) {
        key = names.value(t.stem); // "Mondays"
    }
    return key;
}

// A year range "2021-22" or "2021–2022": the second number, written out ("2022"); empty otherwise.
QString rangeEnd(const Token &first, const Token &second)
{
    if (!second.dashBefore || first.key.size() != 4 || !first.digits || first.cased || second.cased || !second.digits
        || (second.key.size() != 2 && second.key.size() != 4)) {
        return {};
    }
    bool ok1 = false;
    bool ok2 = false;
    const int from = first.key.toInt(&ok1);
    int to = second.key.toInt(&ok2);
    if (!ok1 || !ok2) {
        return {};
    }
    if (second.key.size() == 2) {
        to += from / 100 * 100;
    }
    return to > from ? QString::number(to) : QString();
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
    if (needle.isEmpty()) {
        return false;
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
        const Tokens &t = tokens();
        const qsizetype n = t.words.size();
        for (qsizetype s = 0; s < n; ++s) {
            qsizetype matched = 0;
            for (qsizetype w = s; w < n; ++w) {
                const Token &word = t.words[w];
                if (w > s && (t.quoteStart[w] || (withinPhrase && !word.joined))) {
                    break;
                }
                if (notLowerCase && word.cased && word.allLower()) {
                    break;
                }
                const QString &piece = stems ? word.stem : word.key;
                if (!target.sliced(matched).startsWith(piece)) {
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
    bool isEmpty() const { return m_texts.isEmpty(); }

private:
    struct Tokens
    {
        QList<Token> words;
        QList<bool> quoteStart;
        QSet<QString> numbers;
        QSet<QString> dates;
    };
    const Tokens &tokens() const
    {
        if (!m_tokens) {
            Tokens t;
            for (QStringView q : m_texts) {
                QList<Token> words = tokenize(q);
                for (qsizetype i = 0; i < words.size(); ++i) {
                    const Token &w = words[i];
                    if (QString key = numberKey(w); !key.isEmpty()) {
                        t.numbers.insert(key);
                    } else if (w.digits && w.cased) {
                        // "APT31" says 31 as well.
                        QString digits;
                        for (const QChar c : w.key) {
                            if (c.isDigit()) {
                                digits += c;
                            } else if (!digits.isEmpty()) {
                                t.numbers.insert(QLatin1Char('#') + digits);
                                digits.clear();
                            }
                        }
                        if (!digits.isEmpty()) {
                            t.numbers.insert(QLatin1Char('#') + digits);
                        }
                    }
                    if (i > 0) {
                        if (const QString end = rangeEnd(words[i - 1], w); !end.isEmpty()) {
                            t.numbers.insert(QLatin1Char('#') + end);
                        }
                    }
                    if (QString key = dateKey(w); !key.isEmpty()) {
                        t.dates.insert(key);
                    }
                    t.quoteStart.append(i == 0);
                }
                t.words.append(std::move(words));
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
    qsizetype maxWords = 0;

    // Whether `quotes` name any of the actors by any of their names.
    bool named(const QList<qsizetype> &actors, const Quotes &quotes) const
    {
        for (const qsizetype a : actors) {
            for (const Form &f : forms[a]) {
                if (quotes.containsWord(f.text, Qt::CaseInsensitive)
                    || quotes.containsSequence(f.stems, true, true, false)) {
                    return true;
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
            const QList<Token> words = tokenize(text);
            QString stems;
            qsizetype count = 0;
            for (const Token &w : words) {
                if (count > 0 && !w.joined) {
                    break;
                }
                stems += w.stem;
                ++count;
            }
            if (stems.isEmpty()) {
                continue;
            }
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
    const QList<Token> words = tokenize(text);
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
        if (QString key = numberKey(t); !key.isEmpty()) {
            w.kind = Kind::Number;
            w.key = std::move(key);
            if (i > 0 && ws[i - 1].kind == Kind::Number && !ws[i - 1].inRange && ws[i - 1].rangeEnd.isEmpty()) {
                if (const QString end = rangeEnd(words[i - 1], t); !end.isEmpty()) {
                    ws[i - 1].rangeEnd = QLatin1Char('#') + end;
                    w.inRange = true;
                }
            }
        } else if (QString date = dateKey(t); !date.isEmpty()) {
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

    // A known actor's name, or another of its names, in the quotes supports the name. One the quotes
    // do not support is reported whole, as the case names the actor.
    const Names &names = *m_names;
    QList<qsizetype> mentionEnd(words.size(), -1);
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (!words[i].cased || words[i].allLower() || names.actorsByStems.isEmpty()) {
            continue;
        }
        QString stems;
        qsizetype longest = -1;
        const QList<qsizetype> *actors = nullptr;
        for (qsizetype j = i; j < words.size() && j - i < names.maxWords; ++j) {
            if (j > i && !words[j].joined) {
                break;
            }
            stems += words[j].stem;
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
            stems += words[j].stem;
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
                const Token &t = words[j];
                ws[j].supported = quotes.containsWord(span(j, j), t.acronym() ? Qt::CaseSensitive : Qt::CaseInsensitive)
                    || quotes.containsSequence(t.stem, true, true, t.acronym());
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
    QString keys;
    for (const Token &t : tokenize(wording)) {
        keys += t.key;
    }
    return !keys.isEmpty() && quotes.containsSequence(keys, false, false, false);
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
