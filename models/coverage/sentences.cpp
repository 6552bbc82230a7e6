#include "sentences.h"

#include <QTextBoundaryFinder>

namespace AT {

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
