#include "sentences.h"

#include <QTextBoundaryFinder>

namespace AT {

namespace {

// Whether a segment the sentence finder ended with a full stop really ends a sentence: Unicode's
// sentence rules break after "Mr." or "U.S." before a capital, which would make "Mr." a sentence
// of its own and "Jones said…" another. An English title or abbreviation that is nearly always
// followed by more of the same sentence, or a single capital (an initial), does not end one. A
// real sentence ending in such a word ("…they met in the U.S.") is then joined to the next: the
// split errs toward fewer, longer sentences, never toward a fragment.
bool endsWithAbbreviation(QStringView segment)
{
    if (!segment.endsWith(QLatin1Char('.'))) {
        return false;
    }
    const qsizetype space = segment.lastIndexOf(QLatin1Char(' '));
    QStringView word = segment.mid(space + 1);
    while (!word.isEmpty() && (word.front() == QLatin1Char('(') || word.front() == u'\u201c' || word.front() == u'"')) {
        word = word.mid(1);
    }
    static const char *const known[]
        = {"Mr.",  "Mrs.",  "Ms.",   "Dr.",  "Prof.", "St.",  "Jr.",  "Sr.",   "Gen.", "Sen.", "Rep.", "Gov.",
           "Lt.",  "Col.",  "Capt.", "Sgt.", "U.S.",  "U.K.", "U.N.", "E.U.",  "e.g.", "i.e.", "No.",  "vs.",
           "Inc.", "Corp.", "Co.",   "Ltd.", "Jan.",  "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};
    for (const char *k : known) {
        if (word == QLatin1StringView(k)) {
            return true;
        }
    }
    // An initial: "John F." (one capital letter and the stop).
    return word.size() == 2 && word.front().isUpper();
}

} // namespace

QList<TextSpan> splitSentences(const QString &text)
{
    QList<TextSpan> out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, text);
    // Code points are counted as the boundaries advance, so the whole split is one pass.
    qsizetype counted = 0; // UTF-16 offset up to which...
    qint64 codePoints = 0; // ...this many code points lie
    auto toCodePoint = [&](qsizetype utf16) {
        for (; counted < utf16; ++counted) {
            if (!(text.at(counted).isLowSurrogate() && counted > 0 && text.at(counted - 1).isHighSurrogate())) {
                ++codePoints;
            }
        }
        return codePoints;
    };
    qsizetype previous = 0;
    while (finder.toNextBoundary() != -1) {
        qsizetype start = previous;
        qsizetype end = finder.position();
        // Past an abbreviation, the sentence goes on to the next boundary (see above).
        while (end < text.size() && endsWithAbbreviation(QStringView(text).mid(start, end - start).trimmed())
               && finder.toNextBoundary() != -1) {
            end = finder.position();
        }
        previous = end;
        while (start < end && text.at(start).isSpace()) {
            ++start;
        }
        while (end > start && text.at(end - 1).isSpace()) {
            --end;
        }
        if (start == end) {
            continue;
        }
        TextSpan span;
        span.start = toCodePoint(start);
        span.end = toCodePoint(end);
        out.append(span);
    }
    return out;
}

QString firstWords(QStringView text, int maxWords, int maxChars)
{
    const QString simple = text.toString().simplified();
    qsizetype cut = simple.size();
    int words = 0;
    for (qsizetype i = 0; i < simple.size(); ++i) {
        if (simple.at(i) == QLatin1Char(' ') && ++words == maxWords) {
            cut = i;
            break;
        }
    }
    if (cut > maxChars) {
        // At the last word boundary that fits; a text without one (Chinese, a long URL) by characters.
        const qsizetype space = simple.lastIndexOf(QLatin1Char(' '), maxChars);
        cut = space > 0 ? space : maxChars;
        if (simple.at(cut).isLowSurrogate()) {
            --cut;
        }
    }
    if (cut >= simple.size()) {
        return simple;
    }
    return QStringView(simple).left(cut).trimmed().toString() + QStringLiteral("\u2026");
}

} // namespace AT
