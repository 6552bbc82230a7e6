#pragma once

#include <QList>
#include <QString>

namespace AT {

// A stretch [start, end) of a source text, in Unicode code points like a citation's position.
struct TextSpan
{
    qint64 start = -1;
    qint64 end = -1;
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

// The sentences of a text, in order: Unicode's sentence boundaries (UAX #29, as
// QTextBoundaryFinder::Sentence finds them), each stretch with white space trimmed at both ends;
// a stretch of white space only is no sentence. Positions in code points.
QList<TextSpan> splitSentences(const QString &text);

// The first words of a sentence (or any passage) for a one-line listing: white space made single
// spaces, at most `maxWords` words and `maxChars` characters (a text without spaces, such as
// Chinese, is cut by characters, never inside a surrogate pair), with "…" when something was left out.
QString firstWords(QStringView text, int maxWords = 12, int maxChars = 90);

} // namespace AT
