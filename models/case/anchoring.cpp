#include "anchoring.h"

#include <QSet>

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
    case Citation::Anchor::ReferenceOnly:
        return QStringLiteral("reference only");
    }
    return {};
}

QString referenceOnlyNotice()
{
    return QStringLiteral("reference only: the text is not in the case");
}

qsizetype markReferenceOnlyCitations(Case &kase)
{
    QSet<QString> referenceOnly;
    for (const Source &s : std::as_const(kase.sources)) {
        if (s.referenceOnly) {
            referenceOnly.insert(s.id);
        }
    }
    qsizetype marked = 0;
    if (referenceOnly.isEmpty()) {
        return marked;
    }
    kase.forEachPassage([&](Citation &c) {
        if (referenceOnly.contains(c.sourceId)) {
            c.anchor = Citation::Anchor::ReferenceOnly;
            c.statedStart = -1;
            c.statedEnd = -1;
            ++marked;
        }
    });
    return marked;
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

bool isAtStatedPosition(const Citation &citation, const TextIndex &index)
{
    const QString &quote = citation.quote;
    const qint64 u16Start = index.toUtf16(citation.start);
    const qint64 u16End = index.toUtf16(citation.end);
    return !quote.isEmpty() && u16Start >= 0 && u16End >= u16Start && u16End - u16Start == quote.size()
        && QStringView(index.text()).sliced(u16Start, quote.size()) == quote;
}

AnchorResult searchQuote(const Citation &citation, const TextIndex &index, qint64 *budget)
{
    AnchorResult result;
    const QString &text = index.text();
    const QString &quote = citation.quote;
    if (quote.isEmpty()) {
        result.anchor = Citation::Anchor::Orphaned;
        return result;
    }
    // An occurrence that starts or ends inside a surrogate pair is half a character: not a match.
    auto splitsPair = [&](qsizetype at) {
        return at > 0 && at < text.size() && text[at].isLowSurrogate() && text[at - 1].isHighSurrogate();
    };
    // Score each occurrence by the context it keeps; only a unique best one decides. Occurrences
    // are scored as they are found, so a quote that repeats a million times costs no list.
    const bool hasPrefix = !citation.prefix.isEmpty();
    const bool hasSuffix = !citation.suffix.isEmpty();
    const int bestPossible = int(hasPrefix) + int(hasSuffix);
    const qsizetype contextCost = citation.prefix.size() + citation.suffix.size();
    int best = -1;
    int bestCount = 0;
    qsizetype chosen = -1;
    const QStringView all(text);
    for (qsizetype from = 0;;) {
        if (budget && *budget <= 0) {
            result.stopped = true;
            return result;
        }
        // With a budget, search only as far as it reaches (plus the quote's length, to finish a match).
        const qsizetype limit
            = budget ? qsizetype(std::min<qint64>(all.size(), from + *budget + quote.size() - 1)) : all.size();
        const qsizetype hit = all.first(limit).indexOf(quote, from);
        if (hit < 0) {
            if (budget) {
                *budget -= std::max<qsizetype>(1, limit - from);
                if (limit < all.size()) {
                    result.stopped = true;
                    return result;
                }
            }
            break;
        }
        qsizetype cost = hit + quote.size() - from;
        from = hit + 1;
        if (!splitsPair(hit) && !splitsPair(hit + quote.size())) {
            ++result.occurrences;
            int score = 0;
            if (hasPrefix && all.first(hit).endsWith(citation.prefix)) {
                ++score;
            }
            if (hasSuffix && all.sliced(hit + quote.size()).startsWith(citation.suffix)) {
                ++score;
            }
            cost += contextCost;
            if (score > best) {
                best = score;
                bestCount = 1;
                chosen = hit;
            } else if (score == best) {
                ++bestCount;
            }
        }
        if (budget) {
            *budget -= cost;
        }
        // Two occurrences that keep all the context there is (none, without prefix and suffix) tie
        // whatever follows: the quote is ambiguous, and the rest of the text need not be read.
        if (bestCount >= 2 && best == bestPossible) {
            break;
        }
    }
    if (result.occurrences == 0) {
        result.anchor = Citation::Anchor::Orphaned;
        return result;
    }
    if (result.occurrences > 1 && (best == 0 || bestCount != 1)) {
        result.anchor = Citation::Anchor::Ambiguous;
        return result;
    }
    result.anchor = Citation::Anchor::Reanchored;
    result.start = index.toCodePoint(chosen);
    result.end = result.start + (index.toCodePoint(chosen + quote.size()) - index.toCodePoint(chosen));
    return result;
}

AnchorResult anchorCitation(const Citation &citation, const TextIndex &index, qint64 *budget)
{
    // The common case first: the quote stands where the file says. Only otherwise search the text.
    if (isAtStatedPosition(citation, index)) {
        AnchorResult result;
        result.anchor = Citation::Anchor::Exact;
        result.start = citation.start;
        result.end = citation.end;
        result.occurrences = -1; // not counted: the position decides
        return result;
    }
    return searchQuote(citation, index, budget);
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

QString sharedSlice(const QString &text, qsizetype from, qsizetype length)
{
    Q_ASSERT(from >= 0 && length >= 0 && from + length <= text.size());
    if (!text.data_ptr().isMutable()) {
        return text.sliced(from, length); // static or raw data, which nothing owns
    }
    QString slice = text; // one more reference to the buffer
    QString::DataPointer &d = slice.data_ptr();
    d.setBegin(d.data() + from);
    d.size = length;
    return slice;
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

namespace AT {

Citation citationOf(const QString &sourceId, const TextIndex &index, qint64 startUtf16, qint64 endUtf16)
{
    const QString &text = index.text();
    qint64 from = std::clamp<qint64>(std::min(startUtf16, endUtf16), 0, text.size());
    qint64 to = std::clamp<qint64>(std::max(startUtf16, endUtf16), 0, text.size());
    // Never split a surrogate pair.
    if (from > 0 && from < text.size() && text.at(from).isLowSurrogate()) {
        --from;
    }
    if (to > 0 && to < text.size() && text.at(to).isLowSurrogate()) {
        ++to;
    }
    while (from < to && text.at(from).isSpace()) {
        ++from;
    }
    while (to > from && text.at(to - 1).isSpace()) {
        --to;
    }
    Citation c;
    c.sourceId = sourceId;
    c.quote = text.mid(from, to - from);
    c.start = index.toCodePoint(from);
    c.end = c.start + QStringView(c.quote).toUcs4().size();
    c.prefix = contextBefore(index, c.start);
    c.suffix = contextAfter(index, c.end);
    c.anchor = Citation::Anchor::Exact;
    return c;
}

} // namespace AT
