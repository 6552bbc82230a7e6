#include "textsearch.h"

#include <algorithm>
#include <cstring>
#include <functional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace AT {

SubstringFinder::SubstringFinder(QByteArrayView needle)
    : m_needle(needle.toByteArray())
{ }

qsizetype SubstringFinder::indexIn(QByteArrayView haystack, qsizetype from) const
{
    const qsizetype n = m_needle.size();
    const qsizetype size = haystack.size();
    if (from < 0 || from > size) {
        return -1;
    }
    if (n == 0) {
        return from;
    }
    if (n > size - from) {
        return -1;
    }
    const char *text = haystack.data();
    const char *needle = m_needle.constData();
    qsizetype i = from;
#if defined(__SSE2__)
    if (n == 1) {
        const void *hit = std::memchr(text + i, needle[0], static_cast<size_t>(size - i));
        return hit ? static_cast<const char *>(hit) - text : -1;
    }
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i last = _mm_set1_epi8(needle[n - 1]);
    // Candidate starts i..i+15 need their last byte at i+n-1..i+n+14 inside the text.
    for (; i + n + 15 <= size; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text + i + n - 1));
        unsigned mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
        while (mask != 0) {
            const int bit = __builtin_ctz(mask);
            if (std::memcmp(text + i + bit + 1, needle + 1, static_cast<size_t>(n - 2)) == 0) {
                return i + bit;
            }
            mask &= mask - 1;
        }
    }
#endif
    // The tail (or everything, without SSE2).
    const char *end = text + size;
    const char *hit = std::search(text + i, end, std::boyer_moore_horspool_searcher(needle, needle + n));
    return hit == end ? -1 : hit - text;
}

} // namespace AT
