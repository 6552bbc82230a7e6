// libFuzzer target: citation anchoring on arbitrary text, quotes and positions. An anchored
// citation must always cover exactly its quote.

#include "anchoring.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8) {
        return 0;
    }
    // Layout: 2 bytes start, 2 bytes end, 1 byte quote length, 1 byte prefix length, then the text,
    // from which quote and prefix are cut (so they are often, not always, in the text).
    qint64 start = data[0] | (data[1] << 8);
    qint64 end = data[2] | (data[3] << 8);
    const size_t quoteLen = data[4];
    const size_t prefixLen = data[5] % 16;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 6), static_cast<qsizetype>(size - 6));
    AT::Citation c;
    c.sourceId = QStringLiteral("s");
    c.start = start;
    c.end = end;
    const qsizetype from = text.isEmpty() ? 0 : static_cast<qsizetype>(start % text.size());
    c.quote = text.mid(from, static_cast<qsizetype>(quoteLen));
    c.prefix = text.mid(std::max<qsizetype>(0, from - static_cast<qsizetype>(prefixLen)), static_cast<qsizetype>(prefixLen));
    const AT::TextIndex index(text);
    AT::applyAnchor(c, AT::anchorCitation(c, index));
    if (c.isAnchored()) {
        const qint64 a = index.toUtf16(c.start);
        const qint64 b = index.toUtf16(c.end);
        if (a < 0 || b < a || text.mid(a, b - a) != c.quote) {
            std::abort();
        }
    }
    (void)AT::contextBefore(index, start, static_cast<int>(prefixLen));
    (void)AT::contextAfter(index, end, static_cast<int>(prefixLen));
    return 0;
}
