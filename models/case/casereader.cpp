#include "casereader.h"

#include "anchoring.h"
#include "caseschema.h"
#include "jsondocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <cmath>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace AT {

namespace {

enum class OpenResult { Opened, NotRegular, Failed };

// Opens a file for reading only if it is a regular file. The type is checked on the opened file,
// so a FIFO or device swapped in after an earlier check is refused too, and the open itself never
// waits for a FIFO's writer. Resources (":/...") open as usual.
OpenResult openRegularFile(QFile &file, const QString &path)
{
#ifdef Q_OS_UNIX
    if (!path.startsWith(QLatin1Char(':'))) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            file.setFileName(path);
            return file.open(QIODevice::ReadOnly) ? OpenResult::Opened : OpenResult::Failed;
        }
        struct stat st = {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            return OpenResult::NotRegular;
        }
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK); // reads of a regular file never wait anyway
        if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            return OpenResult::Failed;
        }
        return OpenResult::Opened;
    }
#endif
    file.setFileName(path);
    return file.open(QIODevice::ReadOnly) ? OpenResult::Opened : OpenResult::Failed;
}

// Allowed keys are ASCII, so comparing bytes is comparing characters.
bool sameKey(QUtf8StringView key, QLatin1StringView allowed)
{
    return key.size() == allowed.size()
        && std::memcmp(key.data(), allowed.data(), static_cast<size_t>(key.size())) == 0;
}

// A JSON path built on the stack and only turned into text when a problem needs it.
struct Path
{
    const Path *parent = nullptr;
    QLatin1StringView key;
    qsizetype index = -1;

    Path child(QLatin1StringView k) const { return Path {this, k, -1}; }
    Path at(qsizetype i) const { return Path {this, {}, i}; }
    QString toString() const
    {
        QString head = parent ? parent->toString() : QString();
        if (index >= 0) {
            return head + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
        }
        if (key.isEmpty()) {
            return head;
        }
        return head.isEmpty() ? QString(key) : head + QLatin1Char('.') + key;
    }
};

QString typeName(const JsonValue &v)
{
    switch (v.type()) {
    case JsonValue::Null:
        return QStringLiteral("null");
    case JsonValue::Bool:
        return QStringLiteral("a boolean");
    case JsonValue::Double:
        return QStringLiteral("a number");
    case JsonValue::String:
        return QStringLiteral("a string");
    case JsonValue::Array:
        return QStringLiteral("an array");
    case JsonValue::Object:
        return QStringLiteral("an object");
    case JsonValue::Undefined:
        return QStringLiteral("missing");
    }
    return {};
}

// "UTF-16 (little-endian)" and the like when the bytes are UTF-16 or UTF-32 rather than UTF-8: by
// their byte order mark, or without one by the NUL bytes that pad a JSON text's first ASCII
// characters (RFC 4627, section 3). Empty for anything else.
QString wideEncoding(QByteArrayView data)
{
    auto at = [&](qsizetype i) { return i < data.size() ? static_cast<unsigned char>(data[i]) : -1; };
    if (data.startsWith(QByteArrayView("\xFF\xFE\0\0", 4))) {
        return QStringLiteral("UTF-32 (little-endian, with a byte order mark)");
    }
    if (data.startsWith(QByteArrayView("\0\0\xFE\xFF", 4))) {
        return QStringLiteral("UTF-32 (big-endian, with a byte order mark)");
    }
    if (data.startsWith("\xFF\xFE")) {
        return QStringLiteral("UTF-16 (little-endian, with a byte order mark)");
    }
    if (data.startsWith("\xFE\xFF")) {
        return QStringLiteral("UTF-16 (big-endian, with a byte order mark)");
    }
    if (data.size() < 4) {
        return {};
    }
    // Up to eight characters: every one ASCII, padded with NUL bytes on the same side.
    const qsizetype n = std::min<qsizetype>(data.size() / 4, 8) * 4;
    auto pattern = [&](int unit, int asciiByte) {
        for (qsizetype i = 0; i < n; i += unit) {
            for (int b = 0; b < unit; ++b) {
                const int byte = at(i + b);
                if (b == asciiByte ? (byte == 0 || byte >= 0x80) : byte != 0) {
                    return false;
                }
            }
        }
        return true;
    };
    if (pattern(4, 0)) {
        return QStringLiteral("UTF-32 (little-endian)");
    }
    if (pattern(4, 3)) {
        return QStringLiteral("UTF-32 (big-endian)");
    }
    if (pattern(2, 0)) {
        return QStringLiteral("UTF-16 (little-endian)");
    }
    if (pattern(2, 1)) {
        return QStringLiteral("UTF-16 (big-endian)");
    }
    return {};
}

class Reader
{
public:
    Reader(QString file, QString baseDir, const ReadControl &control)
        : m_control(control)
        , m_file(std::move(file))
        , m_baseDir(std::move(baseDir))
    { }

    // Takes the text: once parsed it is released, so the file, the parsed document and the
    // case are never all in memory at once.
    CaseLoad read(QByteArray data);

private:
    void problem(Problem::Severity severity, const Path &path, const QString &message)
    {
        if (severity == Problem::Severity::Error) {
            ++m_errors;
        }
        // A hostile file can hold millions of faults: list the first ones, count them all.
        if (m_problems.size() >= CaseReader::MaxProblems) {
            ++(severity == Problem::Severity::Error ? m_unlistedErrors : m_unlistedWarnings);
            return;
        }
        m_problems.append(Problem {severity, m_file, path.toString(), 0, 0, message});
    }
    CaseLoad finish(Case kase) { return {std::move(kase), m_problems, m_unlistedErrors, m_unlistedWarnings}; }
    CaseLoad stopped()
    {
        CaseLoad load;
        load.cancelled = true;
        return load;
    }
    // One more item of the case's arrays: reports progress now and then, and returns false once the
    // caller cancelled (then every loop stops at its next item).
    bool step()
    {
        if (m_stopped || m_control.cancelled()) {
            m_stopped = true;
            return false;
        }
        if ((++m_itemsDone & 1023) == 0 && m_itemsTotal > 0) {
            m_control.report(ReadControl::Checking, double(m_itemsDone) / double(m_itemsTotal));
        }
        return true;
    }
    const ReadControl &m_control;
    qsizetype m_itemsDone = 0;
    qsizetype m_itemsTotal = 0; // in the arrays read below; known once parsed
    bool m_stopped = false;
    qsizetype m_unlistedErrors = 0;
    qsizetype m_unlistedWarnings = 0;
    qsizetype m_errors = 0; // listed or not
    // A case with errors does not open: an item with errors of its own is not kept, so that a file of
    // millions of broken items ("events": [{}, {}, ...]) does not build millions of items.
    template<typename T> void keep(QList<T> &list, T &&item, qsizetype errorsBefore)
    {
        if (m_errors == errorsBefore) {
            list.append(std::move(item));
        }
    }
    void error(const Path &path, const QString &message) { problem(Problem::Severity::Error, path, message); }
    void warning(const Path &path, const QString &message) { problem(Problem::Severity::Warning, path, message); }

    // Warns of each key the schema does not list for this kind of object.
    void checkKeys(const JsonObject &obj, CaseSchema::Kind kind, const Path &path);
    bool object(const JsonValue &v, const Path &path, JsonObject *out);
    QString string(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required);
    QStringList stringList(const JsonObject &obj, QLatin1StringView key, const Path &path);
    JsonArray array(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required);
    std::optional<qint64> integer(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required);
    bool boolean(const JsonObject &obj, QLatin1StringView key, const Path &path);
    DatePoint datePoint(const JsonObject &obj, QLatin1StringView key, const Path &path, bool *present = nullptr);
    PartialDate partialDate(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required);
    // `listed`, when given, tells whether the file lists any citation (valid or not).
    QList<Citation> citations(const JsonObject &obj, QLatin1StringView key, const Path &path, bool *listed = nullptr);
    std::optional<Citation> citation(const JsonValue &v, const Path &path);
    QString id(const JsonObject &obj, const Path &path, QSet<QString> &seen, const QString &what);
    void actorRef(const QString &id, const Path &path);
    // The pooled copy of a string that recurs throughout a case (categories, roles), so a million
    // events hold a few shared strings rather than a million copies.
    QString shared(const QString &text)
    {
        if (const auto it = m_pool.constFind(text); it != m_pool.constEnd()) {
            return *it;
        }
        if (m_pool.size() < MaxPooled) {
            m_pool.insert(text);
        }
        return text;
    }
    static constexpr qsizetype MaxPooled = 1 << 16;
    QSet<QString> m_pool;

    void readSources(const JsonArray &array, const Path &path);
    bool loadSourceText(Source &source, const Path &path);
    void readActors(const JsonArray &array, const Path &path);
    void readDisagreements(const JsonArray &array, const Path &path);
    void readEvents(const JsonArray &array, const Path &path);
    void readClaims(const JsonArray &array, const Path &path);

    QString m_file;
    QString m_baseDir;
    QList<Problem> m_problems;
    Case m_case;
    QHash<QString, qsizetype> m_sourceIndex;
    std::vector<std::unique_ptr<TextIndex>> m_textIndexes;
    QSet<QString> m_brokenSourceIds; // declared, but with errors: citations to them are not reported again
    QSet<QString> m_actorIds;
    QSet<QString> m_eventIds;
    QSet<QString> m_claimIds;
    QSet<QString> m_disagreementIds;

    // Where a misplaced quote was found, by source and wording: a thousand copies of one misplaced
    // citation search the text once. Searches share one budget per load (CaseReader::MaxQuoteSearchChars).
    struct SearchKey
    {
        qsizetype source = -1;
        QString quote;
        QString prefix;
        QString suffix;
        friend bool operator==(const SearchKey &, const SearchKey &) = default;
        friend size_t qHash(const SearchKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.source, k.quote, k.prefix, k.suffix);
        }
    };
    AnchorResult search(qsizetype source, const Citation &c, const TextIndex &index)
    {
        SearchKey key {source, c.quote, c.prefix, c.suffix};
        if (const auto known = m_searches.constFind(key); known != m_searches.constEnd()) {
            return *known;
        }
        const AnchorResult result = searchQuote(c, index, &m_searchBudget);
        if (!result.stopped) {
            m_searches.insert(std::move(key), result);
        }
        return result;
    }
    QHash<SearchKey, AnchorResult> m_searches;
    qint64 m_searchBudget = CaseReader::MaxQuoteSearchChars;
};

void Reader::checkKeys(const JsonObject &obj, CaseSchema::Kind kind, const Path &path)
{
    const std::span<const CaseSchema::Field> allowed = CaseSchema::fields(kind);
    obj.forEachKey([&](QUtf8StringView key) {
        if (std::any_of(allowed.begin(), allowed.end(),
                        [&](const CaseSchema::Field &a) { return sameKey(key, a.key); })) {
            return;
        }
        QStringList names;
        for (const CaseSchema::Field &a : allowed) {
            names << QString(a.key);
        }
        warning(path,
                QStringLiteral("unknown key \"%1\" is ignored and will not be saved; known keys: %2")
                    .arg(key.toString(), names.join(QStringLiteral(", "))));
    });
}

bool Reader::object(const JsonValue &v, const Path &path, JsonObject *out)
{
    if (!v.isObject()) {
        error(path, QStringLiteral("expected an object, found %1").arg(typeName(v)));
        return false;
    }
    *out = v.toObject();
    return true;
}

QString Reader::string(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required)
{
    const JsonValue v = obj.value(key);
    if (v.isString()) {
        if (key == QLatin1StringView("text") && v.utf8Size() > CaseReader::MaxSourceFileBytes) {
            // Measured before it is converted: a refused text never takes the memory it would need.
            error(path.child(key),
                  QStringLiteral("the embedded text is %1 bytes of UTF-8; the limit is %2 bytes (64 MiB) per source, "
                                 "embedded or in a file; keep only the part of the source the case cites")
                      .arg(v.utf8Size())
                      .arg(CaseReader::MaxSourceFileBytes));
            return {};
        }
        QString value = v.toString();
        if (required && value.trimmed().isEmpty()) {
            error(path.child(key), QStringLiteral("must not be empty"));
        }
        if (value.size() > CaseReader::MaxFieldChars && key != QLatin1StringView("text")) {
            error(path.child(key),
                  QStringLiteral("is %1 characters long; the limit is %2 (only a source's \"text\" may be longer)")
                      .arg(value.size())
                      .arg(CaseReader::MaxFieldChars));
            return {};
        }
        return value;
    }
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            error(path.child(key), QStringLiteral("is required (a string) but is %1").arg(typeName(v)));
        }
        return {};
    }
    error(path.child(key), QStringLiteral("expected a string, found %1").arg(typeName(v)));
    return {};
}

QStringList Reader::stringList(const JsonObject &obj, QLatin1StringView key, const Path &path)
{
    const JsonArray arr = array(obj, key, path, false);
    QStringList out;
    out.reserve(arr.size());
    const Path p = path.child(key);
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!arr[i].isString()) {
            error(p.at(i), QStringLiteral("expected a string, found %1").arg(typeName(arr[i])));
            continue;
        }
        out << arr[i].toString();
    }
    return out;
}

JsonArray Reader::array(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required)
{
    const JsonValue v = obj.value(key);
    if (v.isArray()) {
        return v.toArray();
    }
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            error(path.child(key), QStringLiteral("is required (an array) but is %1").arg(typeName(v)));
        }
        return {};
    }
    error(path.child(key), QStringLiteral("expected an array, found %1").arg(typeName(v)));
    return {};
}

std::optional<qint64> Reader::integer(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required)
{
    const JsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            error(path.child(key), QStringLiteral("is required (an integer) but is %1").arg(typeName(v)));
        }
        return std::nullopt;
    }
    const double d = v.toDouble(std::nan(""));
    constexpr double limit = 9007199254740992.0; // 2^53, exact in a double
    if (!v.isDouble() || std::isnan(d) || d != std::floor(d) || std::fabs(d) > limit) {
        error(path.child(key), QStringLiteral("expected an integer, found %1").arg(typeName(v)));
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

bool Reader::boolean(const JsonObject &obj, QLatin1StringView key, const Path &path)
{
    const JsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull()) {
        return false;
    }
    if (!v.isBool()) {
        error(path.child(key), QStringLiteral("expected true or false, found %1").arg(typeName(v)));
        return false;
    }
    return v.toBool();
}

DatePoint Reader::datePoint(const JsonObject &obj, QLatin1StringView key, const Path &path, bool *present)
{
    const JsonValue v = obj.value(key);
    if (present) {
        *present = !v.isUndefined();
    }
    if (v.isUndefined() || v.isNull()) {
        return {};
    }
    if (!v.isString()) {
        error(path.child(key),
              QStringLiteral("expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), found %1").arg(typeName(v)));
        return {};
    }
    QString message;
    const auto point = DatePoint::fromIsoString(v.toString(), &message);
    if (!point) {
        error(path.child(key), message);
        return {};
    }
    return *point;
}

PartialDate Reader::partialDate(const JsonObject &parent, QLatin1StringView key, const Path &parentPath, bool required)
{
    const JsonValue v = parent.value(key);
    const Path path = parentPath.child(key);
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            error(path, QStringLiteral("is required: an object such as {\"start\": \"2024-03-25\"}"));
        }
        return {};
    }
    JsonObject obj;
    if (!object(v, path, &obj)) {
        return {};
    }
    checkKeys(obj, CaseSchema::Kind::Date, path);
    bool hasStart = false;
    bool hasEnd = false;
    const qsizetype errorsBefore = m_problems.size();
    const DatePoint start = datePoint(obj, QLatin1StringView("start"), path, &hasStart);
    const DatePoint end = datePoint(obj, QLatin1StringView("end"), path, &hasEnd);
    if (m_problems.size() != errorsBefore) {
        return {};
    }
    PartialDate date;
    const bool startNull = hasStart && obj.value(QLatin1StringView("start")).isNull();
    const bool endNull = hasEnd && obj.value(QLatin1StringView("end")).isNull();
    if (!hasStart) {
        error(path.child(QLatin1StringView("start")),
              QStringLiteral("is required; use null for an unknown start (\"end\" must then be given)"));
        return {};
    }
    if (startNull && (!hasEnd || endNull)) {
        error(path, QStringLiteral("a date needs at least one known end; give \"start\" or \"end\""));
        return {};
    }
    if (startNull) {
        date = PartialDate::openStart(end);
    } else if (endNull) {
        date = PartialDate::openEnd(start);
    } else if (hasEnd) {
        if (end.lastDay() < start.firstDay()) {
            error(path,
                  QStringLiteral("the range ends (%1) before it starts (%2); swap \"start\" and \"end\"")
                      .arg(end.toIsoString(), start.toIsoString()));
            return {};
        }
        date = PartialDate::range(start, end);
    } else {
        date = PartialDate(start);
    }
    date.setApproximate(boolean(obj, QLatin1StringView("approximate"), path));
    date.setQualifier(string(obj, QLatin1StringView("qualifier"), path, false));

    const JsonValue pv = obj.value(QLatin1StringView("provenance"));
    if (!pv.isUndefined() && !pv.isNull()) {
        const Path pp = path.child(QLatin1StringView("provenance"));
        JsonObject po;
        if (object(pv, pp, &po)) {
            checkKeys(po, CaseSchema::Kind::Provenance, pp);
            DateProvenance prov;
            const QString kindName = string(po, QLatin1StringView("kind"), pp, true);
            if (const auto kind = provenanceKindFromName(kindName)) {
                prov.kind = *kind;
            } else if (!kindName.isEmpty()) {
                error(pp.child(QLatin1StringView("kind")),
                      QStringLiteral("unknown provenance \"%1\"; use stated, relative or inferred").arg(kindName));
            }
            prov.expression
                = string(po, QLatin1StringView("expression"), pp, prov.kind == DateProvenance::Kind::Relative);
            prov.reference = datePoint(po, QLatin1StringView("reference"), pp);
            if (prov.kind == DateProvenance::Kind::Relative && !prov.reference.isValid()) {
                error(pp.child(QLatin1StringView("reference")),
                      QStringLiteral("a relative date needs the reference date it was resolved against"));
            }
            prov.referenceNote = string(po, QLatin1StringView("note"), pp, false);
            prov.citations = citations(po, QLatin1StringView("citations"), pp);
            date.setProvenance(prov);
        }
    }
    return date;
}

std::optional<Citation> Reader::citation(const JsonValue &v, const Path &path)
{
    JsonObject obj;
    if (!object(v, path, &obj)) {
        return std::nullopt;
    }
    checkKeys(obj, CaseSchema::Kind::Citation, path);
    const qsizetype before = m_problems.size();
    Citation c;
    c.sourceId = string(obj, QLatin1StringView("source"), path, true);
    c.quote = string(obj, QLatin1StringView("quote"), path, true);
    c.start = integer(obj, QLatin1StringView("start"), path, true).value_or(-1);
    c.end = integer(obj, QLatin1StringView("end"), path, true).value_or(-1);
    c.prefix = string(obj, QLatin1StringView("prefix"), path, false);
    c.suffix = string(obj, QLatin1StringView("suffix"), path, false);
    if (hasErrors(m_problems.mid(before))) {
        return std::nullopt;
    }
    const auto src = m_sourceIndex.constFind(c.sourceId);
    if (src == m_sourceIndex.constEnd() && m_brokenSourceIds.contains(c.sourceId)) {
        return std::nullopt; // the source's own problem is already reported
    }
    if (src == m_sourceIndex.constEnd()) {
        error(path.child(QLatin1StringView("source")),
              QStringLiteral("no source has the id \"%1\"; add it to \"sources\" or fix the id").arg(c.sourceId));
        return std::nullopt;
    }
    c.sourceId = src.key(); // one shared copy of each id instead of one per citation
    const TextIndex *index = m_textIndexes[static_cast<size_t>(*src)].get();
    if (!index) {
        return c; // the source text could not be loaded; that problem is already reported
    }
    const bool positionsValid = c.start >= 0 && c.end >= c.start && c.end <= index->codePointLength();
    const AnchorResult result = isAtStatedPosition(c, *index) ? anchorCitation(c, *index) : search(*src, c, *index);
    applyAnchor(c, result);
    switch (c.anchor) {
    case Citation::Anchor::Exact:
        break;
    case Citation::Anchor::Unchecked:
        warning(path,
                QStringLiteral("re-anchoring was stopped: the quote is not at its stated position [%1, %2) of source "
                               "\"%3\", and this case's misplaced quotes have used up the search allowed per load "
                               "(%4 characters of source text); put the quote's right \"start\" and \"end\" in "
                               "the file")
                    .arg(c.start)
                    .arg(c.end)
                    .arg(c.sourceId)
                    .arg(CaseReader::MaxQuoteSearchChars));
        break;
    case Citation::Anchor::Reanchored:
        warning(path,
                QStringLiteral("the quote is not at its stated position [%1, %2)%3 but at [%4, %5) of source \"%6\"; "
                               "the app uses the found position; set \"start\" and \"end\" in the file to match")
                    .arg(c.statedStart)
                    .arg(c.statedEnd)
                    .arg(positionsValid ? QString() : QStringLiteral(", which is not a valid range of the text"))
                    .arg(c.start)
                    .arg(c.end)
                    .arg(c.sourceId));
        break;
    case Citation::Anchor::Ambiguous:
        warning(path,
                QStringLiteral("the quote occurs more than once in source \"%1\" and neither its position nor its "
                               "prefix/suffix single one out; fix \"start\"/\"end\" or the context")
                    .arg(c.sourceId));
        break;
    case Citation::Anchor::Orphaned:
        warning(path.child(QLatin1StringView("quote")),
                QStringLiteral("the quote is not in source \"%1\" (compared verbatim); correct it to the source's "
                               "exact words")
                    .arg(c.sourceId));
        break;
    }
    return c;
}

QList<Citation> Reader::citations(const JsonObject &obj, QLatin1StringView key, const Path &path, bool *listed)
{
    const JsonArray arr = array(obj, key, path, false);
    if (listed) {
        *listed = !arr.isEmpty();
    }
    QList<Citation> out;
    out.reserve(arr.size());
    const Path p = path.child(key);
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (auto c = citation(arr[i], p.at(i))) {
            out.append(std::move(*c));
        }
    }
    return out;
}

QString Reader::id(const JsonObject &obj, const Path &path, QSet<QString> &seen, const QString &what)
{
    const QString value = string(obj, QLatin1StringView("id"), path, true);
    if (value.isEmpty()) {
        return value;
    }
    if (seen.contains(value)) {
        error(path.child(QLatin1StringView("id")),
              QStringLiteral("duplicate %1 id \"%2\"; every %1 needs its own id").arg(what, value));
    }
    seen.insert(value);
    return value;
}

void Reader::actorRef(const QString &actorId, const Path &path)
{
    if (!actorId.isEmpty() && !m_actorIds.contains(actorId)) {
        error(path, QStringLiteral("no actor has the id \"%1\"; add it to \"actors\" or fix the id").arg(actorId));
    }
}

bool Reader::loadSourceText(Source &source, const Path &path)
{
    const Path pp = path.child(QLatin1StringView("path"));
    const QString &p = source.path;
    QString fileName;
    if (p.startsWith(QLatin1StringView("qrc:/"))) {
        fileName = p.sliced(3); // ":/..."
    } else {
        if (QDir::isAbsolutePath(p) || p.startsWith(QLatin1Char('/')) || p.startsWith(QLatin1Char('\\'))
            || (p.size() > 1 && p[1] == QLatin1Char(':'))) {
            error(pp,
                  QStringLiteral("\"%1\" is an absolute path; source paths must be relative to the case file's "
                                 "folder")
                      .arg(p));
            return false;
        }
        const QStringList parts = p.split(QRegularExpression(QStringLiteral("[/\\\\]")));
        if (parts.contains(QStringLiteral(".."))) {
            error(pp,
                  QStringLiteral("\"%1\" contains \"..\"; sources must lie in the case file's folder or below it")
                      .arg(p));
            return false;
        }
        if (m_baseDir.isEmpty()) {
            error(pp, QStringLiteral("relative source paths need a case file on disk; embed the text as \"text\""));
            return false;
        }
        const QString base = QFileInfo(m_baseDir).canonicalFilePath();
        const QFileInfo info(QDir(m_baseDir).filePath(p));
        const QString resolved = info.canonicalFilePath();
        if (!info.exists() || resolved.isEmpty()) {
            error(pp, QStringLiteral("the source file \"%1\" does not exist next to the case file").arg(p));
            return false;
        }
        if (base.isEmpty() || !resolved.startsWith(base + QLatin1Char('/'))) {
            error(pp,
                  QStringLiteral("\"%1\" leads outside the case file's folder (through a symbolic link); copy the "
                                 "source into the folder")
                      .arg(p));
            return false;
        }
        fileName = resolved;
    }
    QFile file;
    const OpenResult opened = QFileInfo(fileName).isFile() ? openRegularFile(file, fileName) : OpenResult::NotRegular;
    if (opened == OpenResult::NotRegular) {
        error(
            pp,
            QStringLiteral("\"%1\" is not a regular file (a FIFO / device / folder); point it at a text file").arg(p));
        return false;
    }
    if (opened == OpenResult::Failed) {
        error(pp, QStringLiteral("cannot read the source \"%1\": %2").arg(p, file.errorString()));
        return false;
    }
    if (file.size() > CaseReader::MaxSourceFileBytes) {
        error(pp,
              QStringLiteral("the source \"%1\" is %2 bytes; the limit is %3 bytes per source")
                  .arg(p)
                  .arg(file.size())
                  .arg(CaseReader::MaxSourceFileBytes));
        return false;
    }
    const QByteArray bytes = file.read(CaseReader::MaxSourceFileBytes + 1);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        error(pp, QStringLiteral("the source \"%1\" is not valid UTF-8; re-save it as UTF-8").arg(p));
        return false;
    }
    source.text = std::move(text);
    return true;
}

void Reader::readSources(const JsonArray &arr, const Path &path)
{
    QSet<QString> ids;
    m_case.sources.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Source, p);
        const qsizetype problemsBefore = m_problems.size();
        Source s;
        s.id = id(obj, p, ids, QStringLiteral("source"));
        s.title = string(obj, QLatin1StringView("title"), p, true);
        s.publisher = string(obj, QLatin1StringView("publisher"), p, false);
        s.url = string(obj, QLatin1StringView("url"), p, false);
        s.published = datePoint(obj, QLatin1StringView("published"), p);
        s.retrieved = datePoint(obj, QLatin1StringView("retrieved"), p);
        const QString recordedHash = string(obj, QLatin1StringView("sha256"), p, false);
        const bool hasText = obj.contains(QLatin1StringView("text"));
        const bool hasPath = obj.contains(QLatin1StringView("path"));
        bool loaded = false;
        if (hasText == hasPath) {
            error(p,
                  QStringLiteral("give exactly one of \"text\" (the source embedded) or \"path\" (a file next to "
                                 "the case file)"));
        } else if (hasText) {
            s.text = string(obj, QLatin1StringView("text"), p, true);
            loaded = obj.value(QLatin1StringView("text")).isString();
        } else {
            s.path = string(obj, QLatin1StringView("path"), p, true);
            loaded = !s.path.isEmpty() && loadSourceText(s, p);
        }
        if (loaded) {
            s.sha256 = sha256Hex(s.text);
            if (!recordedHash.isEmpty() && recordedHash.compare(s.sha256, Qt::CaseInsensitive) != 0) {
                warning(p.child(QLatin1StringView("sha256")),
                        QStringLiteral("the source text has changed since the case recorded it (SHA-256 %1, now %2); "
                                       "its citations were re-checked against the new text")
                            .arg(recordedHash, s.sha256));
            }
        }
        if (hasErrors(m_problems.mid(problemsBefore))) {
            m_brokenSourceIds.insert(obj.value(QLatin1StringView("id")).toString());
            continue;
        }
        if (!s.id.isEmpty() && !m_sourceIndex.contains(s.id)) {
            m_sourceIndex.insert(s.id, m_case.sources.size());
            m_case.sources.append(std::move(s));
            m_textIndexes.push_back(nullptr);
            if (loaded) {
                m_textIndexes.back() = std::make_unique<TextIndex>(m_case.sources.back().text);
            }
        }
    }
    // The indexes point into m_case.sources; rebuild them now that the list no longer grows.
    for (qsizetype i = 0; i < m_case.sources.size(); ++i) {
        if (m_textIndexes[static_cast<size_t>(i)]) {
            m_textIndexes[static_cast<size_t>(i)] = std::make_unique<TextIndex>(m_case.sources[i].text);
        }
    }
}

void Reader::readActors(const JsonArray &arr, const Path &path)
{
    m_case.actors.reserve(arr.size());
    // Ids first, so that affiliations and aliases may refer to actors listed later.
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const JsonValue &v = arr[i];
        const QString actorId = v.toObject().value(QLatin1StringView("id")).toString();
        if (!actorId.isEmpty()) {
            m_actorIds.insert(actorId);
        }
    }
    QSet<QString> ids;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        const qsizetype errorsBefore = m_errors;
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Actor, p);
        Actor a;
        a.id = id(obj, p, ids, QStringLiteral("actor"));
        a.name = string(obj, QLatin1StringView("name"), p, true);
        a.kind = string(obj, QLatin1StringView("kind"), p, true);
        a.description = string(obj, QLatin1StringView("description"), p, false);
        a.citations = citations(obj, QLatin1StringView("citations"), p);
        const Path ap = p.child(QLatin1StringView("aliases"));
        const JsonArray aliases = array(obj, QLatin1StringView("aliases"), p, false);
        for (qsizetype j = 0; j < aliases.size(); ++j) {
            JsonObject ao;
            if (!object(aliases[j], ap.at(j), &ao)) {
                continue;
            }
            checkKeys(ao, CaseSchema::Kind::Alias, ap.at(j));
            Alias alias;
            alias.name = string(ao, QLatin1StringView("name"), ap.at(j), true);
            alias.usedBy = stringList(ao, QLatin1StringView("usedBy"), ap.at(j));
            for (qsizetype k = 0; k < alias.usedBy.size(); ++k) {
                actorRef(alias.usedBy[k], ap.at(j).child(QLatin1StringView("usedBy")).at(k));
            }
            alias.citations = citations(ao, QLatin1StringView("citations"), ap.at(j));
            a.aliases.append(std::move(alias));
        }
        const Path fp = p.child(QLatin1StringView("affiliations"));
        const JsonArray affiliations = array(obj, QLatin1StringView("affiliations"), p, false);
        for (qsizetype j = 0; j < affiliations.size(); ++j) {
            JsonObject fo;
            if (!object(affiliations[j], fp.at(j), &fo)) {
                continue;
            }
            checkKeys(fo, CaseSchema::Kind::Affiliation, fp.at(j));
            Affiliation aff;
            aff.actorId = string(fo, QLatin1StringView("actor"), fp.at(j), true);
            actorRef(aff.actorId, fp.at(j).child(QLatin1StringView("actor")));
            if (!a.id.isEmpty() && aff.actorId == a.id) {
                error(fp.at(j).child(QLatin1StringView("actor")),
                      QStringLiteral("an actor cannot be affiliated with itself; name the other actor"));
            }
            aff.relation = string(fo, QLatin1StringView("relation"), fp.at(j), true);
            aff.citations = citations(fo, QLatin1StringView("citations"), fp.at(j));
            a.affiliations.append(std::move(aff));
        }
        keep(m_case.actors, std::move(a), errorsBefore);
    }
}

void Reader::readDisagreements(const JsonArray &arr, const Path &path)
{
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        const qsizetype errorsBefore = m_errors;
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Disagreement, p);
        Disagreement d;
        d.id = id(obj, p, m_disagreementIds, QStringLiteral("disagreement"));
        d.question = string(obj, QLatin1StringView("question"), p, true);
        const Path vp = p.child(QLatin1StringView("versions"));
        const JsonArray versions = array(obj, QLatin1StringView("versions"), p, true);
        if (obj.value(QLatin1StringView("versions")).isArray() && versions.size() < 2) {
            error(
                vp,
                QStringLiteral("a disagreement needs at least two competing versions, found %1").arg(versions.size()));
        }
        for (qsizetype j = 0; j < versions.size(); ++j) {
            JsonObject vo;
            if (!object(versions[j], vp.at(j), &vo)) {
                continue;
            }
            checkKeys(vo, CaseSchema::Kind::Version, vp.at(j));
            DisagreementVersion version;
            version.statement = string(vo, QLatin1StringView("statement"), vp.at(j), true);
            version.citations = citations(vo, QLatin1StringView("citations"), vp.at(j));
            if (vo.value(QLatin1StringView("citations")).toArray().isEmpty()) {
                warning(vp.at(j).child(QLatin1StringView("citations")),
                        QStringLiteral("this version has no citation; every version should cite its source"));
            }
            d.versions.append(std::move(version));
        }
        keep(m_case.disagreements, std::move(d), errorsBefore);
    }
}

void Reader::readEvents(const JsonArray &arr, const Path &path)
{
    m_case.events.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        const qsizetype errorsBefore = m_errors;
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Event, p);
        const qsizetype before = m_problems.size();
        Event e;
        e.id = id(obj, p, m_eventIds, QStringLiteral("event"));
        e.title = string(obj, QLatin1StringView("title"), p, true);
        e.summary = string(obj, QLatin1StringView("summary"), p, false);
        e.category = shared(string(obj, QLatin1StringView("category"), p, true));
        e.date = partialDate(obj, QLatin1StringView("date"), p, true);
        const Path pp = p.child(QLatin1StringView("participants"));
        const JsonArray participants = array(obj, QLatin1StringView("participants"), p, false);
        e.participants.reserve(participants.size());
        for (qsizetype j = 0; j < participants.size(); ++j) {
            JsonObject po;
            if (!object(participants[j], pp.at(j), &po)) {
                continue;
            }
            checkKeys(po, CaseSchema::Kind::Participant, pp.at(j));
            Participant part;
            part.actorId = string(po, QLatin1StringView("actor"), pp.at(j), true);
            actorRef(part.actorId, pp.at(j).child(QLatin1StringView("actor")));
            if (const auto known = m_actorIds.constFind(part.actorId); known != m_actorIds.constEnd()) {
                part.actorId = *known; // one shared copy of each id instead of one per mention
            }
            part.role = shared(string(po, QLatin1StringView("role"), pp.at(j), true));
            e.participants.append(std::move(part));
        }
        bool listed = false;
        e.citations = citations(obj, QLatin1StringView("citations"), p, &listed);
        if (!listed && !hasErrors(m_problems.mid(before))) {
            warning(p.child(QLatin1StringView("citations")),
                    QStringLiteral("the event cites no source; add the passage that reports it"));
        }
        e.tags = stringList(obj, QLatin1StringView("tags"), p);
        e.disagreements = stringList(obj, QLatin1StringView("disagreements"), p);
        for (qsizetype j = 0; j < e.disagreements.size(); ++j) {
            if (!m_disagreementIds.contains(e.disagreements[j])) {
                error(p.child(QLatin1StringView("disagreements")).at(j),
                      QStringLiteral("no disagreement has the id \"%1\"").arg(e.disagreements[j]));
            }
        }
        keep(m_case.events, std::move(e), errorsBefore);
    }
}

void Reader::readClaims(const JsonArray &arr, const Path &path)
{
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const JsonValue &v = arr[i];
        const QString claimId = v.toObject().value(QLatin1StringView("id")).toString();
        if (!claimId.isEmpty()) {
            m_claimIds.insert(claimId);
        }
    }
    QSet<QString> ids;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        const qsizetype errorsBefore = m_errors;
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Claim, p);
        const qsizetype before = m_problems.size();
        Claim c;
        c.id = id(obj, p, ids, QStringLiteral("claim"));
        c.attributorId = string(obj, QLatin1StringView("attributor"), p, true);
        actorRef(c.attributorId, p.child(QLatin1StringView("attributor")));
        c.subjectId = string(obj, QLatin1StringView("subject"), p, false);
        actorRef(c.subjectId, p.child(QLatin1StringView("subject")));
        c.eventId = string(obj, QLatin1StringView("event"), p, false);
        if (!c.eventId.isEmpty() && !m_eventIds.contains(c.eventId)) {
            error(p.child(QLatin1StringView("event")),
                  QStringLiteral("no event has the id \"%1\"; add it to \"events\" or fix the id").arg(c.eventId));
        }
        c.statement = string(obj, QLatin1StringView("statement"), p, true);
        c.confidence = string(obj, QLatin1StringView("confidence"), p, false);
        c.yardstick = string(obj, QLatin1StringView("yardstick"), p, false);
        if (const auto value = integer(obj, QLatin1StringView("confidenceValue"), p, false)) {
            if (*value < 0 || *value > 100) {
                error(p.child(QLatin1StringView("confidenceValue")),
                      QStringLiteral("must be between 0 and 100, found %1").arg(*value));
            } else if (c.yardstick.isEmpty() || c.confidence.isEmpty()) {
                error(p.child(QLatin1StringView("confidenceValue")),
                      QStringLiteral("a numeric confidence needs the source's wording in \"confidence\" and the "
                                     "\"yardstick\" that maps it; remove the number or add both"));
            } else {
                c.confidenceValue = static_cast<int>(*value);
            }
        }
        c.date = partialDate(obj, QLatin1StringView("date"), p, false);
        c.citations = citations(obj, QLatin1StringView("citations"), p);
        if (obj.value(QLatin1StringView("citations")).toArray().isEmpty() && !hasErrors(m_problems.mid(before))) {
            warning(p.child(QLatin1StringView("citations")),
                    QStringLiteral("the claim cites no source; add the passage that reports it"));
        }
        c.disputes = stringList(obj, QLatin1StringView("disputes"), p);
        for (qsizetype j = 0; j < c.disputes.size(); ++j) {
            if (!m_claimIds.contains(c.disputes[j])) {
                error(p.child(QLatin1StringView("disputes")).at(j),
                      QStringLiteral("no claim has the id \"%1\"").arg(c.disputes[j]));
            } else if (c.disputes[j] == c.id) {
                error(p.child(QLatin1StringView("disputes")).at(j), QStringLiteral("a claim cannot dispute itself"));
            }
        }
        c.disagreements = stringList(obj, QLatin1StringView("disagreements"), p);
        for (qsizetype j = 0; j < c.disagreements.size(); ++j) {
            if (!m_disagreementIds.contains(c.disagreements[j])) {
                error(p.child(QLatin1StringView("disagreements")).at(j),
                      QStringLiteral("no disagreement has the id \"%1\"").arg(c.disagreements[j]));
            }
        }
        keep(m_case.claims, std::move(c), errorsBefore);
    }
}

CaseLoad Reader::read(QByteArray data)
{
    const Path root;
    if (data.isEmpty()) {
        error(root, QStringLiteral("the file is empty; a case file is a JSON object (see docs/case-format.md)"));
        return finish(Case {});
    }
    if (const QString wide = wideEncoding(data); !wide.isEmpty()) {
        error(root, QStringLiteral("this file is %1; save it as UTF-8 (without a byte order mark)").arg(wide));
        return finish(Case {});
    }
    if (data.startsWith("\xEF\xBB\xBF")) {
        warning(root,
                QStringLiteral("the file starts with a UTF-8 byte order mark, which was ignored; save it "
                               "without one"));
        data.remove(0, 3);
    }
    m_control.report(ReadControl::Parsing, 0);
    JsonDocument doc;
    JsonDocument::Outcome parsed = doc.parse(data);
    if (m_control.cancelled()) {
        return stopped();
    }
    // Kept only to locate a syntax error.
    const QByteArray text = parsed.parsed && !parsed.finding ? QByteArray() : data;
    data = QByteArray(); // both parsers copied what they need
    // Line and column of a byte offset, counting columns in characters.
    auto locate = [&](qsizetype offset, const QString &path, const QString &message) {
        offset = std::clamp<qsizetype>(offset, 0, text.size());
        const QByteArrayView head(text.constData(), offset);
        const int line = static_cast<int>(head.count('\n')) + 1;
        const qsizetype lineStart = head.lastIndexOf('\n') + 1;
        const int column = static_cast<int>(QString::fromUtf8(head.sliced(lineStart)).size()) + 1;
        m_problems.append(Problem {Problem::Severity::Error, m_file, path, line, column, message});
    };
    if (parsed.finding) {
        if (parsed.finding->offset >= 0) {
            locate(parsed.finding->offset, parsed.finding->path, parsed.finding->message);
        } else {
            m_problems.append(
                Problem {Problem::Severity::Error, m_file, parsed.finding->path, 0, 0, parsed.finding->message});
        }
        return finish(Case {});
    }
    if (!parsed.parsed) {
        // Qt reports the offset just past the offending character; point at the character itself.
        locate(parsed.error.offset - 1, QString(),
               QStringLiteral("not valid JSON: %1").arg(parsed.error.errorString()));
        return finish(Case {});
    }
    const JsonValue top = doc.root();
    if (!top.isObject()) {
        error(root,
              QStringLiteral("the top level must be a JSON object with \"format\": \"%1\"")
                  .arg(QString(CaseReader::FormatId)));
        return finish(Case {});
    }
    const JsonObject obj = top.toObject();
    const JsonValue format = obj.value(QLatin1StringView("format"));
    if (format.toString() != CaseReader::FormatId) {
        error(Path {}.child(QLatin1StringView("format")),
              QStringLiteral("this is not an Attribution Timeline case: \"format\" must be \"%1\"")
                  .arg(QString(CaseReader::FormatId)));
        return finish(Case {});
    }
    const auto version = integer(obj, QLatin1StringView("version"), root, true);
    if (!version) {
        return finish(Case {});
    }
    if (*version > CaseReader::FormatVersion) {
        error(Path {}.child(QLatin1StringView("version")),
              QStringLiteral("the case uses format version %1, newer than this build reads (version %2); update "
                             "Attribution Timeline to open it")
                  .arg(*version)
                  .arg(CaseReader::FormatVersion));
        return finish(Case {});
    }
    if (*version < 1) {
        error(Path {}.child(QLatin1StringView("version")),
              QStringLiteral("format version %1 does not exist; the first version is 1").arg(*version));
        return finish(Case {});
    }
    checkKeys(obj, CaseSchema::Kind::Case, root);
    m_case.title = string(obj, QLatin1StringView("title"), root, true);
    m_case.description = string(obj, QLatin1StringView("description"), root, false);
    for (const char *key : {"sources", "actors", "disagreements", "events", "claims"}) {
        m_itemsTotal += obj.value(QLatin1StringView(key)).toArray().size();
    }
    m_control.report(ReadControl::Checking, 0);
    readSources(array(obj, QLatin1StringView("sources"), root, true), root.child(QLatin1StringView("sources")));
    readActors(array(obj, QLatin1StringView("actors"), root, false), root.child(QLatin1StringView("actors")));
    readDisagreements(array(obj, QLatin1StringView("disagreements"), root, false),
                      root.child(QLatin1StringView("disagreements")));
    readEvents(array(obj, QLatin1StringView("events"), root, false), root.child(QLatin1StringView("events")));
    readClaims(array(obj, QLatin1StringView("claims"), root, false), root.child(QLatin1StringView("claims")));
    if (m_stopped) {
        return stopped();
    }
    m_control.report(ReadControl::Checking, 1);
    return finish(std::move(m_case));
}

} // namespace

qsizetype CaseLoad::errorCount() const
{
    return unlistedErrors
        + std::count_if(problems.cbegin(), problems.cend(), [](const Problem &p) { return p.isError(); });
}

qsizetype CaseLoad::warningCount() const
{
    return problemCount() - errorCount();
}

CaseLoad CaseReader::readFile(const QString &path, const ReadControl &control)
{
    const QFileInfo info(path);
    const QString &name = path;
    auto fail = [&](const QString &message) {
        CaseLoad load;
        load.problems.append(Problem {Problem::Severity::Error, name, QString(), 0, 0, message});
        return load;
    };
    if (!info.exists()) {
        return fail(QStringLiteral("the file does not exist; check the path"));
    }
    if (info.isDir()) {
        return fail(QStringLiteral("this is a folder; open the case's .json file inside it"));
    }
    // A FIFO would block the read for ever and a device such as /dev/zero never end: only regular
    // files are read, checked before opening and again on the opened file.
    QFile file;
    const OpenResult opened = info.isFile() ? openRegularFile(file, path) : OpenResult::NotRegular;
    if (opened == OpenResult::NotRegular) {
        return fail(
            QStringLiteral("this is not a regular file (a FIFO / device / folder); give the path of a case file"));
    }
    if (opened == OpenResult::Failed) {
        return fail(QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    }
    if (file.size() > MaxCaseFileBytes) {
        return fail(QStringLiteral("the file is %1 bytes; case files are limited to %2 bytes (1 GiB); split the case")
                        .arg(file.size())
                        .arg(MaxCaseFileBytes));
    }
    // Read into a buffer with room behind the text for simdjson's padding, so it is parsed in place.
    // In slices, so that a cancelled read stops within one.
    QByteArray data;
    const qint64 expected = file.size();
    data.reserve(expected + 1 + qsizetype(simdjson::SIMDJSON_PADDING));
    data.resize(expected + 1);
    constexpr qint64 Slice = qint64(16) << 20;
    qint64 got = 0;
    control.report(ReadControl::Reading, 0);
    while (got < expected + 1) {
        if (control.cancelled()) {
            CaseLoad load;
            load.cancelled = true;
            return load;
        }
        const qint64 n = file.read(data.data() + got, std::min(Slice, expected + 1 - got));
        if (n < 0) {
            return fail(QStringLiteral("cannot read the file: %1").arg(file.errorString()));
        }
        if (n == 0) {
            break;
        }
        got += n;
        control.report(ReadControl::Reading, double(got) / double(std::max<qint64>(expected, 1)));
    }
    data.resize(got);
    if (got > expected) {
        data += file.read(MaxCaseFileBytes + 1 - got); // it grew while being read
    }
    if (data.size() > MaxCaseFileBytes) {
        return fail(QStringLiteral("the file is larger than the limit of %1 bytes (1 GiB); split the case")
                        .arg(MaxCaseFileBytes));
    }
    const qint64 budget = memoryBudget();
    const qint64 needed = estimatedPeakMemory(data);
    if (budget >= 0 && needed > budget) {
        return fail(QStringLiteral("reading this case needs an estimated %1 MB of memory (%2 MB of text, and about "
                                   "80 bytes for each of its values), but %3 MB are available; close other "
                                   "programs, or split the case")
                        .arg(needed >> 20)
                        .arg(data.size() >> 20)
                        .arg(budget >> 20));
    }
    const QString baseDir = path.startsWith(QLatin1Char(':')) ? QString() : info.absolutePath();
    Reader reader(name, baseDir, control);
    return reader.read(std::move(data));
}

namespace {
qint64 s_memoryBudgetForTesting = -1;
} // namespace

qint64 CaseReader::estimatedPeakMemory(const QByteArray &json)
{
    // Objects, arrays and strings each cost a parsed node and usually a value of ours; the counts
    // come from one pass over the bytes (escaped quotes only make the estimate larger).
    qint64 values = 0;
    for (const char c : json) {
        values += (c == '"') + 2 * (c == '{' || c == '[');
    }
    return 5 * qint64(json.size()) + 40 * values;
}

qint64 CaseReader::memoryBudget()
{
    if (s_memoryBudgetForTesting >= 0) {
        return s_memoryBudgetForTesting;
    }
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray text = meminfo.read(8192);
    const qsizetype at = text.indexOf("MemAvailable:");
    if (at < 0) {
        return -1;
    }
    bool ok = false;
    const qint64 kib = text.mid(at + 13, text.indexOf('\n', at) - at - 13).replace("kB", "").trimmed().toLongLong(&ok);
    return ok ? kib * 1024 : -1;
}

void CaseReader::setMemoryBudgetForTesting(qint64 bytes)
{
    s_memoryBudgetForTesting = bytes;
}

CaseLoad CaseReader::readData(const QByteArray &data, const QString &displayName, const QString &baseDir,
                              const ReadControl &control)
{
    Reader reader(displayName, baseDir, control);
    return reader.read(data);
}

} // namespace AT
