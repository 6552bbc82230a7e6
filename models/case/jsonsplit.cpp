#include "jsonsplit.h"

#include <cstring>
#include <simdjson.h>

namespace AT {

namespace {

// Well within the parsers' limit of 1024 levels from the top.
constexpr qsizetype MaxDepth = 512;

class Splitter
{
public:
    Splitter(QByteArrayView text, TextFeed *feed)
        : m_data(text.data())
        , m_size(feed ? 0 : text.size())
        , m_feed(feed)
    { }

    // Makes more of the text available; false when there is no more.
    bool more()
    {
        if (!m_feed) {
            return false;
        }
        const qsizetype available = m_feed->waitBeyond(m_size);
        if (available <= m_size) {
            return false;
        }
        m_size = available;
        return true;
    }
    bool atEnd() { return m_pos >= m_size && !more(); }
    char peek() const { return m_data[m_pos]; }
    qsizetype pos() const { return m_pos; }

    void skipSpace()
    {
        while (m_pos < m_size || more()) {
            const char c = m_data[m_pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            ++m_pos;
        }
    }
    bool expect(char c)
    {
        skipSpace();
        if (atEnd() || peek() != c) {
            return false;
        }
        ++m_pos;
        return true;
    }
    // At a '"': moves past the closing quote. `escaped` tells whether the string holds a backslash.
    bool skipString(bool *escaped = nullptr)
    {
        ++m_pos;
        bool backslash = false;
        qsizetype from = m_pos; // where to look for the closing quote
        for (;;) {
            const void *hit = std::memchr(m_data + from, '"', static_cast<size_t>(m_size - from));
            if (!hit) {
                from = m_size;
                if (more()) {
                    continue;
                }
                return false;
            }
            const qsizetype quote = static_cast<const char *>(hit) - m_data;
            // The quote is escaped when an odd number of backslashes stands right before it.
            qsizetype slashes = 0;
            while (quote - slashes - 1 >= m_pos && m_data[quote - slashes - 1] == '\\') {
                ++slashes;
            }
            if (!backslash && std::memchr(m_data + m_pos, '\\', static_cast<size_t>(quote - m_pos))) {
                backslash = true;
            }
            m_pos = quote + 1;
            from = m_pos;
            if (slashes % 2 == 0) {
                if (escaped) {
                    *escaped = backslash;
                }
                return true;
            }
        }
    }
    // Moves past one value: a string, an object or array (by its brackets, strings skipped), or a
    // scalar (up to the next delimiter). What lies inside is left for the parser to check.
    bool skipValue()
    {
        skipSpace();
        if (atEnd()) {
            return false;
        }
        const char c = peek();
        if (c == '"') {
            return skipString();
        }
        if (c == '{' || c == '[') {
            qsizetype depth = 0;
            while (m_pos < m_size || more()) {
                const char d = m_data[m_pos];
                if (d == '"') {
                    if (!skipString()) {
                        return false;
                    }
                    continue;
                }
                if (d == '{' || d == '[') {
                    // Deep nesting is left to the whole parse, whose depth limit counts from the
                    // top of the file, not from the batch's array.
                    if (++depth > MaxDepth) {
                        return false;
                    }
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        ++m_pos;
                        return true;
                    }
                }
                ++m_pos;
            }
            return false;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_size || more()) {
            const char d = m_data[m_pos];
            if (d == ',' || d == ']' || d == '}' || d == ' ' || d == '\n' || d == '\r' || d == '\t') {
                break;
            }
            ++m_pos;
        }
        return m_pos > start;
    }

private:
    const char *m_data;
    qsizetype m_size; // the bytes there are (so far)
    qsizetype m_pos = 0;
    TextFeed *m_feed;
};

} // namespace

std::optional<SplitText> splitTopLevelArrays(QByteArrayView text, std::span<const QLatin1StringView> keys,
                                             TextFeed *feed)
{
    Splitter s(text, feed);
    SplitText out;
    out.skeleton.reserve(4096);
    if (!s.expect('{')) {
        return std::nullopt;
    }
    qsizetype copied = 0; // the text up to here is in the skeleton, or cut out of it
    qsizetype spans = 0; // in every array
    s.skipSpace();
    if (!s.atEnd() && s.peek() == '}') {
        return std::nullopt; // an empty object: nothing to split
    }
    for (;;) {
        s.skipSpace();
        if (s.atEnd() || s.peek() != '"') {
            return std::nullopt;
        }
        const qsizetype keyStart = s.pos() + 1;
        bool escaped = false;
        if (!s.skipString(&escaped) || escaped) {
            return std::nullopt;
        }
        const QByteArrayView key = text.sliced(keyStart, s.pos() - 1 - keyStart);
        if (!s.expect(':')) {
            return std::nullopt;
        }
        s.skipSpace();
        const QLatin1StringView *splitKey = nullptr;
        for (const QLatin1StringView &k : keys) {
            if (key == QByteArrayView(k.data(), k.size())) {
                splitKey = &k;
            }
        }
        if (splitKey && !s.atEnd() && s.peek() == '[') {
            if (out.array(*splitKey)) {
                return std::nullopt; // a repeated key: the whole parse words it
            }
            SplitText::Array array;
            array.key = *splitKey;
            out.skeleton += text.sliced(copied, s.pos() + 1 - copied); // up to and with the '['
            s.expect('[');
            s.skipSpace();
            if (!s.atEnd() && s.peek() == ']') {
                s.expect(']');
            } else {
                for (;;) {
                    s.skipSpace();
                    const qsizetype begin = s.pos();
                    if (!s.skipValue()) {
                        return std::nullopt;
                    }
                    array.elements.push_back(TextSpan {begin, s.pos()});
                    // Each span is 16 bytes: a text of tiny items ("{},{},...") is parsed whole,
                    // under the reader's memory estimate, rather than split into spans that would
                    // take more memory than half its size.
                    if (++spans * 32 > s.pos() + (qsizetype(1) << 16)) {
                        return std::nullopt;
                    }
                    if (s.expect(',')) {
                        continue;
                    }
                    if (!s.expect(']')) {
                        return std::nullopt;
                    }
                    break;
                }
            }
            out.skeleton += ']';
            copied = s.pos();
            out.arrays.push_back(std::move(array));
        } else if (!s.skipValue()) {
            return std::nullopt;
        }
        if (s.expect(',')) {
            continue;
        }
        if (!s.expect('}')) {
            return std::nullopt;
        }
        break;
    }
    s.skipSpace();
    if (!s.atEnd()) {
        return std::nullopt;
    }
    out.skeleton += text.sliced(copied, s.pos() - copied);
    out.skeleton.reserve(out.skeleton.size() + qsizetype(simdjson::SIMDJSON_PADDING));
    return out;
}

QByteArray batchText(QByteArrayView text, const SplitText::Array &array, qsizetype from, qsizetype to)
{
    const auto &elements = array.elements;
    const qsizetype begin = elements[static_cast<size_t>(from)].begin;
    const qsizetype end = elements[static_cast<size_t>(to - 1)].end;
    QByteArray out;
    out.reserve(end - begin + 2 + qsizetype(simdjson::SIMDJSON_PADDING));
    out += '[';
    out += text.sliced(begin, end - begin);
    out += ']';
    return out;
}

} // namespace AT
