#pragma once

// The JSON layer of the case reader: the parsed document behind a QJsonValue-shaped facade
// (JsonValue, JsonObject, JsonArray), and the checks that refuse what a JSON parser would let
// through (duplicate keys, raw control characters, unpaired surrogate escapes, all refused before
// Qt's parser runs). Internal to at_case:
// only the reader includes it.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QUtf8StringView>

#include <optional>
#include <simdjson.h>
#include <string_view>
#include <vector>

namespace AT {

// The parsed document as the reader sees it: simdjson's DOM, which parses at several hundred MB/s
// where QJsonDocument manages about fifty, or Qt's for the few texts simdjson refuses and Qt
// accepts (integers beyond 64 bits, numbers beyond a double). Qt also
// words every syntax error, with its offset, the same way whichever parser found it first.
class JsonObject;
class JsonArray;

// QString::fromUtf8 drops a leading U+FEFF as if it marked the encoding; inside a JSON string it
// is a character like any other, so "\ufeffe1" must never read as "e1".
QString stringFromUtf8(std::string_view s);
// Whether `text` and `utf8` hold the same characters, compared without converting either. `utf8`
// is valid UTF-8, as simdjson leaves its strings; a truncated or stray sequence is unequal to anything.
bool sameText(QStringView text, std::string_view utf8);

class JsonValue
{
public:
    enum Type { Null, Bool, Double, String, Array, Object, Undefined };

    JsonValue() = default;
    explicit JsonValue(simdjson::dom::element e)
        : m_backend(Backend::Simd)
        , m_simd(e)
    { }
    explicit JsonValue(QJsonValue v)
        : m_backend(v.isUndefined() ? Backend::None : Backend::Qt)
        , m_qt(std::move(v))
    { }

    Type type() const
    {
        switch (m_backend) {
        case Backend::None:
            return Undefined;
        case Backend::Qt:
            switch (m_qt.type()) {
            case QJsonValue::Null:
                return Null;
            case QJsonValue::Bool:
                return Bool;
            case QJsonValue::Double:
                return Double;
            case QJsonValue::String:
                return String;
            case QJsonValue::Array:
                return Array;
            case QJsonValue::Object:
                return Object;
            case QJsonValue::Undefined:
                return Undefined;
            }
            return Undefined;
        case Backend::Simd:
            switch (m_simd.type()) {
            case simdjson::dom::element_type::NULL_VALUE:
                return Null;
            case simdjson::dom::element_type::BOOL:
                return Bool;
            case simdjson::dom::element_type::INT64:
            case simdjson::dom::element_type::UINT64:
            case simdjson::dom::element_type::DOUBLE:
                return Double;
            case simdjson::dom::element_type::STRING:
                return String;
            case simdjson::dom::element_type::ARRAY:
                return Array;
            case simdjson::dom::element_type::OBJECT:
                return Object;
            }
        }
        return Undefined;
    }
    bool isUndefined() const { return type() == Undefined; }
    bool isNull() const { return type() == Null; }
    bool isBool() const { return type() == Bool; }
    bool isDouble() const { return type() == Double; }
    bool isString() const { return type() == String; }
    bool isArray() const { return type() == Array; }
    bool isObject() const { return type() == Object; }

    bool toBool() const
    {
        bool b = false;
        return m_backend == Backend::Simd ? (m_simd.get_bool().get(b) == simdjson::SUCCESS && b) : m_qt.toBool();
    }
    double toDouble(double fallback = 0) const
    {
        if (m_backend == Backend::Qt) {
            return m_qt.toDouble(fallback);
        }
        double d = 0;
        return m_backend == Backend::Simd && m_simd.get_double().get(d) == simdjson::SUCCESS ? d : fallback;
    }
    QString toString() const
    {
        if (m_backend == Backend::Qt) {
            return m_qt.toString();
        }
        std::string_view s;
        if (m_backend != Backend::Simd || m_simd.get_string().get(s) != simdjson::SUCCESS) {
            return {};
        }
        return stringFromUtf8(s);
    }
    // A string as simdjson holds it, UTF-8 and unconverted, valid while the document lives; false for
    // anything else, a string Qt's parser read included.
    bool utf8View(std::string_view *out) const
    {
        return m_backend == Backend::Simd && m_simd.get_string().get(*out) == simdjson::SUCCESS;
    }
    // The length of a string in UTF-8 bytes: read off simdjson's view without converting it; a
    // string from Qt's parser is converted to count.
    qsizetype utf8Size() const
    {
        if (m_backend == Backend::Qt) {
            const QString s = m_qt.toString();
            qsizetype bytes = 0;
            for (const QChar ch : s) {
                // A surrogate pair is four bytes, two for each half.
                bytes += ch.unicode() < 0x80 ? 1 : ch.unicode() < 0x800 ? 2 : ch.isSurrogate() ? 2 : 3;
            }
            return bytes;
        }
        std::string_view s;
        return m_backend == Backend::Simd && m_simd.get_string().get(s) == simdjson::SUCCESS
            ? static_cast<qsizetype>(s.size())
            : 0;
    }
    JsonObject toObject() const;
    JsonArray toArray() const;

private:
    enum class Backend { None, Simd, Qt };
    Backend m_backend = Backend::None;
    simdjson::dom::element m_simd;
    QJsonValue m_qt;
};

class JsonObject
{
public:
    JsonObject() = default;
    explicit JsonObject(simdjson::dom::object o)
        : m_simd(o)
        , m_isSimd(true)
    { }
    explicit JsonObject(QJsonObject o)
        : m_qt(std::move(o))
    { }

    JsonValue value(QLatin1StringView key) const
    {
        if (!m_isSimd) {
            return JsonValue(m_qt.value(key));
        }
        simdjson::dom::element e;
        if (m_simd.at_key(std::string_view(key.data(), static_cast<size_t>(key.size()))).get(e) != simdjson::SUCCESS) {
            return {};
        }
        return JsonValue(e);
    }
    bool contains(QLatin1StringView key) const { return !value(key).isUndefined(); }
    // Calls f with each key, in the file's order, as UTF-8.
    template<typename F> void forEachKey(F &&f) const
    {
        if (m_isSimd) {
            for (const simdjson::dom::key_value_pair field : m_simd) {
                f(QUtf8StringView(field.key.data(), static_cast<qsizetype>(field.key.size())));
            }
            return;
        }
        for (auto it = m_qt.constBegin(); it != m_qt.constEnd(); ++it) {
            const QByteArray key = it.key().toUtf8();
            f(QUtf8StringView(key));
        }
    }

private:
    simdjson::dom::object m_simd;
    QJsonObject m_qt;
    bool m_isSimd = false;
};

class JsonArray
{
public:
    JsonArray() = default;
    explicit JsonArray(simdjson::dom::array a)
    {
        // simdjson reaches the i-th element by walking from the first: collect them once, as
        // simdjson's own 16-byte handles (a hostile array of a million numbers is 2 MB of text).
        m_simd.reserve(a.size()); // a hint: simdjson's count saturates for very long arrays
        for (simdjson::dom::element e : a) {
            m_simd.push_back(e);
        }
    }
    explicit JsonArray(QJsonArray a)
        : m_qt(std::move(a))
        , m_isQt(true)
    { }
    qsizetype size() const { return m_isQt ? m_qt.size() : static_cast<qsizetype>(m_simd.size()); }
    bool isEmpty() const { return size() == 0; }
    JsonValue operator[](qsizetype i) const { return at(i); }
    JsonValue at(qsizetype i) const
    {
        return m_isQt ? JsonValue(m_qt.at(i)) : JsonValue(m_simd[static_cast<size_t>(i)]);
    }

private:
    std::vector<simdjson::dom::element> m_simd;
    QJsonArray m_qt;
    bool m_isQt = false;
};

inline JsonObject JsonValue::toObject() const
{
    if (m_backend == Backend::Qt) {
        return JsonObject(m_qt.toObject());
    }
    simdjson::dom::object o;
    return m_backend == Backend::Simd && m_simd.get_object().get(o) == simdjson::SUCCESS ? JsonObject(o) : JsonObject();
}

inline JsonArray JsonValue::toArray() const
{
    if (m_backend == Backend::Qt) {
        return JsonArray(m_qt.toArray());
    }
    simdjson::dom::array a;
    return m_backend == Backend::Simd && m_simd.get_array().get(a) == simdjson::SUCCESS ? JsonArray(a) : JsonArray();
}

// A problem in a text that a JSON parser accepted or would accept, which the reader refuses all the
// same: a duplicate key, a raw control character in a string, an unpaired surrogate escape.
struct TextFinding
{
    QString path; // JSON path of the object or value concerned
    qsizetype offset = -1; // byte offset in the text, when known
    QString message;
};

// Owns whichever parser's document the values point into.
class JsonDocument
{
public:
    struct Outcome
    {
        bool parsed = false;
        QJsonParseError error {}; // Qt's description of the first syntax error, when not parsed
        std::optional<TextFinding> finding; // a text both parsers might take that the reader refuses
    };

    Outcome parse(const QByteArray &data);
    JsonValue root() const;
    // Parsed by simdjson (not by Qt's parser, which orders an object's keys its own way).
    bool isSimd() const { return m_isSimd; }

private:
    simdjson::dom::parser m_parser;
    simdjson::dom::element m_root;
    QJsonDocument m_qt;
    bool m_isSimd = false;
};

} // namespace AT
