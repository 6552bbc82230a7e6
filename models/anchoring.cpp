#include "anchoring.h"

#include <algorithm>

namespace AT {

QString anchorName(Citation::Anchor anchor)
{
    switch (anchor) {
    case Citation::Anchor::Unchecked:
        return QStringLiteral("unchecked");
    case Citation::Anchor::Exact:
        return QStringLiteral("anchored");
    case Citation::Anchor::Reanchored:
        return QStringLiteral("re-anchored");
    case Citation::Anchor::Ambiguous:
        return QStringLiteral("ambiguous");
    case Citation::Anchor::Orphaned:
        return QStringLiteral("orphaned");
    }
    return {};
}

TextIndex::TextIndex(const QString &text)
    : m_text(&text)
{
    const QChar *data = text.constData();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i + 1 < n; ++i) {
        if (data[i].isHighSurrogate() && data[i + 1].isLowSurrogate()) {
            m_pairs.append(i);
            ++i;
        }
    }
}

qint64 TextIndex::toUtf16(qint64 codePoint) const
{
    if (codePoint < 0 || codePoint > codePointLength()) {
        return -1;
    }
    // The k-th pair (UTF-16 offset p_k) sits at code point p_k - k; count the pairs before codePoint.
    qsizetype lo = 0;
    qsizetype hi = m_pairs.size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_pairs[mid] - mid < codePoint) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return codePoint + lo;
}

qint64 TextIndex::toCodePoint(qint64 utf16) const
{
    utf16 = std::clamp<qint64>(utf16, 0, m_text->size());
    // Pairs wholly before utf16 count one unit too many each; a pair starting at utf16 - 1 is split.
    const auto it = std::lower_bound(m_pairs.cbegin(), m_pairs.cend(), utf16);
    qint64 before = it - m_pairs.cbegin();
    if (before > 0 && *(it - 1) == utf16 - 1) {
        // utf16 points at a low surrogate: map to its pair's code point.
        return utf16 - 1 - (before - 1);
    }
    return utf16 - before;
}

AnchorResult anchorCitation(const Citation &citation, const TextIndex &index)
{
    AnchorResult result;
    const QString &text = index.text();
    const QString &quote = citation.quote;
    if (quote.isEmpty()) {
        result.anchor = Citation::Anchor::Orphaned;
        return result;
    }

    // The common case first: the quote stands where the file says. Only otherwise search the text.
    const qint64 u16Start = index.toUtf16(citation.start);
    const qint64 u16End = index.toUtf16(citation.end);
    if (u16Start >= 0 && u16End >= u16Start && u16End - u16Start == quote.size()
        && QStringView(text).sliced(u16Start, quote.size()) == quote) {
        result.anchor = Citation::Anchor::Exact;
        result.start = citation.start;
        result.end = citation.end;
        result.occurrences = -1; // not counted: the position decides
        return result;
    }
    // An occurrence that starts or ends inside a surrogate pair is half a character: not a match.
    auto splitsPair = [&](qsizetype at) {
        return at > 0 && at < text.size() && text[at].isLowSurrogate() && text[at - 1].isHighSurrogate();
    };
    QList<qsizetype> hits;
    for (qsizetype from = text.indexOf(quote); from >= 0; from = text.indexOf(quote, from + 1)) {
        if (!splitsPair(from) && !splitsPair(from + quote.size())) {
            hits.append(from);
        }
    }
    result.occurrences = hits.size();
    if (hits.isEmpty()) {
        result.anchor = Citation::Anchor::Orphaned;
        return result;
    }

    qsizetype chosen = -1;
    if (hits.size() == 1) {
        chosen = hits.first();
    } else if (!citation.prefix.isEmpty() || !citation.suffix.isEmpty()) {
        // Score each occurrence by the context it keeps; only a unique best one decides.
        int best = 0;
        int bestCount = 0;
        for (qsizetype hit : hits) {
            int score = 0;
            if (!citation.prefix.isEmpty() && QStringView(text).first(hit).endsWith(citation.prefix)) {
                ++score;
            }
            if (!citation.suffix.isEmpty()
                && QStringView(text).sliced(hit + quote.size()).startsWith(citation.suffix)) {
                ++score;
            }
            if (score > best) {
                best = score;
                bestCount = 1;
                chosen = hit;
            } else if (score == best && score > 0) {
                ++bestCount;
            }
        }
        if (bestCount != 1) {
            chosen = -1;
        }
    }
    if (chosen < 0) {
        result.anchor = Citation::Anchor::Ambiguous;
        return result;
    }
    result.anchor = Citation::Anchor::Reanchored;
    result.start = index.toCodePoint(chosen);
    result.end = result.start + (index.toCodePoint(chosen + quote.size()) - index.toCodePoint(chosen));
    return result;
}

void applyAnchor(Citation &citation, const AnchorResult &result)
{
    citation.anchor = result.anchor;
    if (result.anchor == Citation::Anchor::Reanchored) {
        citation.statedStart = citation.start;
        citation.statedEnd = citation.end;
        citation.start = result.start;
        citation.end = result.end;
    }
}

QString contextBefore(const TextIndex &index, qint64 start, int length)
{
    const qint64 from = index.toUtf16(std::max<qint64>(0, start - length));
    const qint64 to = index.toUtf16(start);
    if (from < 0 || to < 0) {
        return {};
    }
    return index.text().mid(from, to - from);
}

QString contextAfter(const TextIndex &index, qint64 end, int length)
{
    const qint64 from = index.toUtf16(end);
    const qint64 to = index.toUtf16(std::min<qint64>(index.codePointLength(), end + length));
    if (from < 0 || to < 0) {
        return {};
    }
    return index.text().mid(from, to - from);
}

} // namespace AT
