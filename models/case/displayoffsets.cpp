#include "displayoffsets.h"

#include <algorithm>

namespace AT {

DisplayOffsets::DisplayOffsets(const QString &text)
{
    const QChar *data = text.constData();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i + 1 < n; ++i) {
        if (data[i] == u'\r' && data[i + 1] == u'\n') {
            m_pairs.append(i);
            ++i;
        }
    }
}

qint64 DisplayOffsets::toDisplay(qint64 stored) const
{
    if (stored < 0) {
        return stored;
    }
    // Each pair whose LF lies before `stored` has been folded into one position.
    const auto folded = std::lower_bound(m_pairs.cbegin(), m_pairs.cend(), stored - 1) - m_pairs.cbegin();
    return stored - folded;
}

qint64 DisplayOffsets::toStored(qint64 display) const
{
    if (display < 0) {
        return display;
    }
    // The k-th pair (CR at stored offset p_k) is one position at display offset p_k - k; those
    // positions ascend, so count the pairs that stand before `display`.
    qsizetype lo = 0;
    qsizetype hi = m_pairs.size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_pairs[mid] - mid < display) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return display + lo;
}

} // namespace AT
