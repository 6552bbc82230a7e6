#pragma once

// Splits a case file's text at the elements of its top-level arrays, so that the reader can parse
// and read a large case a batch of items at a time, on several threads, without the whole parsed
// document in memory. Internal to at_case: only the reader includes it.

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace AT {

// Where a top-level value stands in the text: [begin, end) in bytes.
struct TextSpan
{
    qsizetype begin = 0;
    qsizetype end = 0;
    qsizetype size() const { return end - begin; }
};

struct SplitText
{
    // The top-level object with the interior of each split array cut out ("events": []): small,
    // parsed and checked as a whole like any case file.
    QByteArray skeleton;
    // The elements of each split array, in the file's order, by key.
    struct Array
    {
        QLatin1StringView key;
        std::vector<TextSpan> elements;
    };
    std::vector<Array> arrays;

    const Array *array(QLatin1StringView key) const
    {
        for (const Array &a : arrays) {
            if (a.key == key) {
                return &a;
            }
        }
        return nullptr;
    }
};

// A text still being read, shared by the thread that reads it and one that works behind it.
class TextFeed
{
public:
    // The reading thread: the first `available` bytes are in place; `complete`: there will be no more.
    void publish(qsizetype available, bool complete)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_available = available;
            m_complete = complete;
        }
        m_changed.notify_all();
    }
    // The other thread: waits until more than `have` bytes are in place or the text is complete, and
    // returns how many are (`have` when there will be no more).
    qsizetype waitBeyond(qsizetype have)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_available > have || m_complete; });
        return m_available;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    qsizetype m_available = 0;
    bool m_complete = false;
};

// Splits `text`, a JSON object, at the elements of the arrays under the keys `keys` (each key found
// once, unescaped, at the top level). It only finds where values begin and end; it does not check
// them, which parsing each batch does. Returns nothing for a text it does not make out (a syntax
// error, an escaped or repeated key, anything after the object): the caller then parses the text
// whole, which reports the problem.
// With a `feed`, `text` is the buffer being read into and the split follows the reading, waiting for
// the bytes it needs; it ends at the bytes there are once the feed is complete.
std::optional<SplitText> splitTopLevelArrays(QByteArrayView text, std::span<const QLatin1StringView> keys,
                                             TextFeed *feed = nullptr);

// The elements [from, to) of `array` as the text of one JSON array ("[" + the elements with what
// separates them + "]"), with room behind it for simdjson's padding.
QByteArray batchText(QByteArrayView text, const SplitText::Array &array, qsizetype from, qsizetype to);

} // namespace AT
