#include "jsondocument.h"

#include <QByteArrayView>

#include <algorithm>
#include <string>
#include <unordered_set>

namespace AT {

QString stringFromUtf8(std::string_view s)
{
    static constexpr std::string_view Bom("\xEF\xBB\xBF");
    qsizetype boms = 0;
    while (s.substr(static_cast<size_t>(boms) * 3, 3) == Bom) {
        ++boms;
    }
    s.remove_prefix(static_cast<size_t>(boms) * 3);
    const QString rest = QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    return boms == 0 ? rest : QString(boms, QChar(0xFEFF)) + rest;
}

bool sameText(QStringView text, std::string_view utf8)
{
    const char16_t *u = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.data());
    const auto *end = p + utf8.size();
    while (p < end) {
        const unsigned lead = *p;
        if (lead < 0x80) {
            if (i >= n || u[i] != lead) {
                return false;
            }
            ++i;
            ++p;
            continue;
        }
        const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (length == 0 || end - p < length) {
            return false;
        }
        char32_t cp = lead & (0x7F >> length);
        for (int k = 1; k < length; ++k) {
            if ((p[k] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        p += length;
        if (cp >= 0x10000) {
            if (i + 1 >= n || u[i] != QChar::highSurrogate(cp) || u[i + 1] != QChar::lowSurrogate(cp)) {
                return false;
            }
            i += 2;
        } else {
            if (i >= n || u[i] != cp) {
                return false;
            }
            ++i;
        }
    }
    return i == n;
}

namespace {

// A step of a JSON path while walking a document: an object's key or an array's index.
template<typename Key> struct Step
{
    Key key;
    qsizetype index = -1;
};

// The scanner's keys are its own; the walk of a parsed document points into the document.
using PathStep = Step<std::string>;
using DomPathStep = Step<std::string_view>;

template<typename S> QString pathText(const std::vector<S> &steps, size_t count)
{
    QString out;
    for (size_t i = 0; i < count && i < steps.size(); ++i) {
        if (steps[i].index >= 0) {
            out += QLatin1Char('[') + QString::number(steps[i].index) + QLatin1Char(']');
        } else if (!steps[i].key.empty()) {
            if (!out.isEmpty()) {
                out += QLatin1Char('.');
            }
            out += stringFromUtf8(steps[i].key);
        }
    }
    return out;
}

QString duplicateKeyMessage(std::string_view key)
{
    return QStringLiteral("the key \"%1\" appears twice in this object; a key may appear only once (which value "
                          "counts would be a guess): remove one of them")
        .arg(stringFromUtf8(key));
}

// Keys seen so far in one object: a short list compared in place, a hash set once it grows.
template<typename Key> class KeySet
{
public:
    // False when the key was there already.
    bool insert(std::string_view key)
    {
        if (m_large.empty() && m_small.size() < 32) {
            if (std::find(m_small.cbegin(), m_small.cend(), key) != m_small.cend()) {
                return false;
            }
            m_small.emplace_back(key);
            return true;
        }
        if (m_large.empty()) {
            m_large.insert(m_small.cbegin(), m_small.cend());
        }
        return m_large.emplace(key).second;
    }
    void clear()
    {
        m_small.clear();
        m_large.clear();
    }

private:
    std::vector<Key> m_small;
    std::unordered_set<Key> m_large;
};

// The first duplicate key in simdjson's document, in the file's order (which keeps the value it
// reads is simdjson's choice, and Qt's parser chooses the other one).
bool findDuplicateKey(simdjson::dom::element e, std::vector<DomPathStep> &path, TextFinding *finding)
{
    simdjson::dom::object object;
    simdjson::dom::array array;
    if (e.get_object().get(object) == simdjson::SUCCESS) {
        KeySet<std::string_view> keys; // into the parsed document, which outlives the walk
        for (const simdjson::dom::key_value_pair field : object) {
            if (!keys.insert(field.key)) {
                finding->path = pathText(path, path.size());
                finding->message = duplicateKeyMessage(field.key);
                return true;
            }
            path.push_back(DomPathStep {field.key, -1});
            const bool found = findDuplicateKey(field.value, path, finding);
            path.pop_back();
            if (found) {
                return true;
            }
        }
    } else if (e.get_array().get(array) == simdjson::SUCCESS) {
        qsizetype i = 0;
        for (const simdjson::dom::element item : array) {
            path.push_back(DomPathStep {{}, i++});
            const bool found = findDuplicateKey(item, path, finding);
            path.pop_back();
            if (found) {
                return true;
            }
        }
    }
    return false;
}

// Reads a text simdjson refused for what Qt's parser would let through or change: duplicate keys
// (Qt keeps the last value, simdjson the first), raw control characters in strings and unpaired
// surrogate escapes (both of which Qt accepts), and raw U+FEFF in strings (which Qt drops at a
// string's start). Stops quietly at anything else: Qt's parser then reports the syntax error.
class TextScanner
{
public:
    explicit TextScanner(QByteArrayView text)
        : m_text(text)
    { }

    std::optional<TextFinding> scan()
    {
        while (skipSpace()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                const bool isKey = !m_frames.empty() && m_frames.back().object && m_frames.back().expectKey;
                std::string key;
                if (const auto finding = string(isKey ? &key : nullptr)) {
                    return finding;
                }
                if (m_stopped) {
                    return std::nullopt;
                }
                if (isKey) {
                    Frame &top = m_frames.back();
                    if (!top.keys.insert(key)) {
                        return TextFinding {pathText(m_path, m_path.size() - 1), -1, duplicateKeyMessage(key)};
                    }
                    m_path.back().key = std::move(key);
                    top.expectKey = false;
                }
                continue;
            }
            ++m_pos;
            switch (c) {
            case '{':
            case '[':
                if (m_frames.size() < m_reusable.size()) {
                    m_frames.push_back(std::move(m_reusable[m_frames.size()]));
                } else {
                    m_frames.emplace_back();
                }
                m_frames.back().object = c == '{';
                m_frames.back().expectKey = c == '{';
                m_frames.back().keys.clear();
                m_path.push_back(PathStep {{}, c == '[' ? 0 : -1});
                break;
            case '}':
            case ']':
                if (m_frames.empty()) {
                    return std::nullopt;
                }
                if (m_reusable.size() < m_frames.size()) {
                    m_reusable.resize(m_frames.size());
                }
                m_reusable[m_frames.size() - 1] = std::move(m_frames.back());
                m_frames.pop_back();
                m_path.pop_back();
                break;
            case ',':
                if (!m_frames.empty()) {
                    if (m_frames.back().object) {
                        m_frames.back().expectKey = true;
                        m_path.back().key.clear();
                    } else {
                        ++m_path.back().index;
                    }
                }
                break;
            default:
                break; // ':' and the bytes of numbers and literals
            }
        }
        return std::nullopt;
    }
    // Where raw U+FEFF (EF BB BF) stands inside strings.
    const std::vector<qsizetype> &byteOrderMarks() const { return m_boms; }

private:
    struct Frame
    {
        bool object = false;
        bool expectKey = false;
        KeySet<std::string> keys;
    };

    bool skipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t')) {
            ++m_pos;
        }
        return m_pos < m_text.size();
    }
    int hex4(qsizetype at) const
    {
        if (at + 4 > m_text.size()) {
            return -1;
        }
        int value = 0;
        for (qsizetype i = at; i < at + 4; ++i) {
            const char h = m_text[i];
            const int digit = h >= '0' && h <= '9' ? h - '0'
                : h >= 'a' && h <= 'f'             ? h - 'a' + 10
                : h >= 'A' && h <= 'F'             ? h - 'A' + 10
                                                   : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
    static void appendUtf8(std::string *out, char32_t cp)
    {
        if (cp < 0x80) {
            *out += char(cp);
        } else if (cp < 0x800) {
            *out += char(0xC0 | (cp >> 6));
            *out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *out += char(0xE0 | (cp >> 12));
            *out += char(0x80 | ((cp >> 6) & 0x3F));
            *out += char(0x80 | (cp & 0x3F));
        } else {
            *out += char(0xF0 | (cp >> 18));
            *out += char(0x80 | ((cp >> 12) & 0x3F));
            *out += char(0x80 | ((cp >> 6) & 0x3F));
            *out += char(0x80 | (cp & 0x3F));
        }
    }
    // Reads the string at m_pos, its decoded bytes into `decoded` when given.
    std::optional<TextFinding> string(std::string *decoded)
    {
        // A key's problem belongs to its object, a value's to the value.
        auto where = [&] { return pathText(m_path, m_path.size() - (decoded ? 1 : 0)); };
        for (qsizetype i = m_pos + 1; i < m_text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(m_text[i]);
            if (byte == '"') {
                m_pos = i + 1;
                return std::nullopt;
            }
            if (byte < 0x20) {
                return TextFinding {where(), i,
                                    QStringLiteral("not valid JSON: a raw control character (U+%1) inside a string; "
                                                   "write it as the escape \\u%2 or remove it")
                                        .arg(QString::number(byte, 16).toUpper().rightJustified(4, QLatin1Char('0')),
                                             QString::number(byte, 16).rightJustified(4, QLatin1Char('0')))};
            }
            if (byte == 0xEF && i + 2 < m_text.size() && static_cast<unsigned char>(m_text[i + 1]) == 0xBB
                && static_cast<unsigned char>(m_text[i + 2]) == 0xBF) {
                m_boms.push_back(i);
            }
            if (byte != '\\') {
                if (decoded) {
                    *decoded += char(byte);
                }
                continue;
            }
            if (i + 1 >= m_text.size()) {
                break;
            }
            const char escape = m_text[++i];
            if (escape != 'u') {
                static constexpr std::string_view Escapes("\"\\/bfnrt");
                static constexpr std::string_view Meanings("\"\\/\b\f\n\r\t");
                const size_t at = Escapes.find(escape);
                if (at == std::string_view::npos) {
                    break;
                }
                if (decoded) {
                    *decoded += Meanings[at];
                }
                continue;
            }
            const qsizetype escapeAt = i - 1;
            const int unit = hex4(i + 1);
            if (unit < 0) {
                break;
            }
            i += 4;
            char32_t cp = char32_t(unit);
            if (unit >= 0xD800 && unit <= 0xDFFF) {
                const int low = unit <= 0xDBFF && i + 2 < m_text.size() && m_text[i + 1] == '\\' && m_text[i + 2] == 'u'
                    ? hex4(i + 3)
                    : -1;
                if (low < 0xDC00 || low > 0xDFFF) {
                    return TextFinding {
                        where(), escapeAt,
                        QStringLiteral("not valid JSON: the escape \\u%1 is half of a surrogate pair with no other "
                                       "half, which is not valid Unicode; write the character itself or both "
                                       "halves of its pair")
                            .arg(QString::fromLatin1(m_text.sliced(escapeAt + 2, 4)))};
                }
                cp = 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
                i += 6;
            }
            if (decoded) {
                appendUtf8(decoded, cp);
            }
        }
        m_stopped = true; // unterminated or a bad escape: Qt's parser says where
        return std::nullopt;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    bool m_stopped = false;
    std::vector<Frame> m_frames;
    std::vector<Frame> m_reusable; // closed frames, so that their key sets keep their memory
    std::vector<PathStep> m_path;
    std::vector<qsizetype> m_boms;
};

} // namespace

JsonDocument::Outcome JsonDocument::parse(const QByteArray &data)
{
    Outcome outcome;
    m_isSimd = false; // a document may be parsed into again
    m_qt = QJsonDocument();
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; QByteArrays read from a file
    // are allocated with that room (CaseReader::readFile), others are copied once.
    const bool padded = data.capacity() - data.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    if (m_parser.parse(data.constData(), static_cast<size_t>(data.size()), !padded).get(m_root) == simdjson::SUCCESS) {
        m_isSimd = true;
        outcome.parsed = true;
        std::vector<DomPathStep> path;
        TextFinding finding;
        if (findDuplicateKey(m_root, path, &finding)) {
            outcome.finding = std::move(finding);
        }
        return outcome;
    }
    // simdjson refuses raw control characters and unpaired surrogates, and reads duplicate keys
    // differently from Qt: find those before Qt's parser, which accepts them, runs at all.
    TextScanner scanner(data);
    outcome.finding = scanner.scan();
    if (outcome.finding) {
        return outcome;
    }
    const std::vector<qsizetype> &boms = scanner.byteOrderMarks();
    if (boms.empty()) {
        m_qt = QJsonDocument::fromJson(data, &outcome.error);
    } else {
        // Qt's parser would drop a raw U+FEFF at a string's start: give it escaped.
        QByteArray escaped;
        escaped.reserve(data.size() + 3 * qsizetype(boms.size()));
        qsizetype from = 0;
        for (const qsizetype at : boms) {
            escaped += QByteArrayView(data).sliced(from, at - from);
            escaped += "\\ufeff";
            from = at + 3;
        }
        escaped += QByteArrayView(data).sliced(from);
        m_qt = QJsonDocument::fromJson(escaped, &outcome.error);
        if (outcome.error.error != QJsonParseError::NoError) {
            // Point into the text as written: each escape is three bytes longer than its U+FEFF.
            qsizetype before = 0;
            while (before < qsizetype(boms.size())
                   && boms[size_t(before)] + 3 * before < qsizetype(outcome.error.offset)) {
                ++before;
            }
            outcome.error.offset -= 3 * int(before);
        }
    }
    outcome.parsed = outcome.error.error == QJsonParseError::NoError;
    return outcome;
}

JsonValue JsonDocument::root() const
{
    if (m_isSimd) {
        return JsonValue(m_root);
    }
    if (m_qt.isObject()) {
        return JsonValue(QJsonValue(m_qt.object()));
    }
    return m_qt.isArray() ? JsonValue(QJsonValue(m_qt.array())) : JsonValue();
}

} // namespace AT
