#pragma once

// Splits a case file's text at the elements of its top-level arrays, so that the reader can parse
// and read a large case a batch of items at a time, on several threads, without the whole parsed
// document in memory. Internal to at_case: only the reader includes it.

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>

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

// Splits `text`, a JSON object, at the elements of the arrays under the keys `keys` (each key found
// once, unescaped, at the top level). It only finds where values begin and end; it does not check
// them, which parsing each batch does. Returns nothing for a text it does not make out (a syntax
// error, an escaped or repeated key, anything after the object): the caller then parses the text
// whole, which reports the problem.
std::optional<SplitText> splitTopLevelArrays(QByteArrayView text, std::span<const QLatin1StringView> keys);

// The elements [from, to) of `array` as the text of one JSON array ("[" + the elements with what
// separates them + "]"), with room behind it for simdjson's padding.
QByteArray batchText(QByteArrayView text, const SplitText::Array &array, qsizetype from, qsizetype to);

} // namespace AT
