#include "casereader.h"

#include "casereaderimpl.h"

#include <QUuid>

#include <numeric>

namespace AT {

namespace Reading {

namespace {
// The case's arrays, which a large case file is split at (jsonsplit.h).
constexpr QLatin1StringView SplitKeys[] = {
    QLatin1StringView("sources"), QLatin1StringView("actors"), QLatin1StringView("disagreements"),
    QLatin1StringView("events"),  QLatin1StringView("claims"), QLatin1StringView("reviewed"),
};
CaseReader::ReadingMode s_readingMode = CaseReader::ReadingMode::Split;
std::atomic<int> s_secondReads {0};
} // namespace

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

namespace {
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
} // namespace

CaseLoad Reader::read(QByteArray data, std::optional<SplitText> split)
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
        split.reset(); // (none is made of a text with the mark) its positions would have moved
    }
    if (!split && s_readingMode == CaseReader::ReadingMode::Split) {
        split = splitTopLevelArrays(data, SplitKeys);
    }
    if (split) {
        m_control.report(ReadControl::Parsing, 0);
        Reader fast(m_file, m_baseDir, m_control);
        fast.m_problems = m_problems;
        // Only the text's own buffer may be handed back: data() does not copy one no one shares.
        fast.m_releaseText = m_reread && data.isDetached() && data.data() != nullptr;
        JsonDocument skeleton;
        const JsonDocument::Outcome parsed = skeleton.parse(split->skeleton);
        if (parsed.parsed && !parsed.finding && skeleton.isSimd()) {
            CaseLoad load = fast.readTop(skeleton.root(), &*split, data);
            if (!fast.m_splitFailed) {
                return load;
            }
        }
        if (m_control.cancelled()) {
            return stopped();
        }
        // Something in the text needs the whole parse to be worded (with its line and column).
        if (fast.m_released) {
            split.reset();
            data = m_reread();
            ++s_secondReads;
            if (data.startsWith("\xEF\xBB\xBF")) {
                data.remove(0, 3); // already reported
            }
            if (data.isEmpty()) {
                error(root,
                      QStringLiteral("the file could not be read a second time (was it changed or removed "
                                     "while it was read?); open it again"));
                return finish(Case {});
            }
        }
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
    return readTop(doc.root(), nullptr, {});
}

CaseLoad Reader::readTop(const JsonValue &top, const SplitText *split, QByteArrayView text)
{
    const Path root;
    // A case the top level already refuses is read no further; a split one is then parsed whole,
    // so that a syntax error in one of its items, found first that way, is what is reported.
    auto stopEarly = [&] {
        if (split) {
            m_splitFailed = true;
            return CaseLoad {};
        }
        return finish(Case {});
    };
    if (!top.isObject()) {
        error(root,
              QStringLiteral("the top level must be a JSON object with \"format\": \"%1\" (the app also opens STIX "
                             "2.0/2.1 bundles and TimelineJS files, each one JSON object)")
                  .arg(QString(CaseReader::FormatId)));
        return stopEarly();
    }
    const JsonObject obj = top.toObject();
    const JsonValue format = obj.value(QLatin1StringView("format"));
    if (format.toString() != CaseReader::FormatId) {
        error(Path {}.child(QLatin1StringView("format")),
              QStringLiteral("this is not an Attribution Timeline case: \"format\" must be \"%1\" (the app also "
                             "opens STIX 2.0/2.1 bundles, \"type\": \"bundle\", and TimelineJS files, an \"events\" "
                             "array)")
                  .arg(QString(CaseReader::FormatId)));
        return stopEarly();
    }
    const auto version = integer(obj, QLatin1StringView("version"), root, true);
    if (!version) {
        return stopEarly();
    }
    if (*version > CaseReader::FormatVersion) {
        error(Path {}.child(QLatin1StringView("version")),
              QStringLiteral("the case uses format version %1, newer than this build reads (version %2); update "
                             "Attribution Timeline to open it")
                  .arg(*version)
                  .arg(CaseReader::FormatVersion));
        return stopEarly();
    }
    if (*version < 1) {
        error(Path {}.child(QLatin1StringView("version")),
              QStringLiteral("format version %1 does not exist; the first version is 1").arg(*version));
        return stopEarly();
    }
    checkKeys(obj, CaseSchema::Kind::Case, root);
    m_case.id = string(obj, QLatin1StringView("id"), root, false);
    if (!m_case.id.isEmpty() && QUuid::fromString(m_case.id).isNull()) {
        error(root.child(QLatin1StringView("id")),
              QStringLiteral("must be a UUID such as \"0f8fad5b-d9cb-469f-a165-70867728950e\"; give one, or leave "
                             "\"id\" out (exports then derive their ids from the title)"));
    }
    m_case.title = string(obj, QLatin1StringView("title"), root, true);
    m_case.description = string(obj, QLatin1StringView("description"), root, false);
    for (const QLatin1StringView key : SplitKeys) {
        const SplitText::Array *spans = split ? split->array(key) : nullptr;
        m_itemsTotal += spans ? qsizetype(spans->elements.size()) : obj.value(key).toArray().size();
    }
    m_control.report(ReadControl::Checking, 0);
    // A split array's items are parsed here, all at once (events a batch at a time, below); its
    // document lives until they are read.
    JsonDocument items;
    auto arrayOf = [&](QLatin1StringView key, bool required) {
        const SplitText::Array *spans = split ? split->array(key) : nullptr;
        return spans ? parseBatch(items, text, *spans, 0, qsizetype(spans->elements.size()))
                     : array(obj, key, root, required);
    };
    // Once a batch needs the whole text, nothing more is read this way.
    readSources(arrayOf(QLatin1StringView("sources"), true), root.child(QLatin1StringView("sources")));
    if (m_splitFailed) {
        return {};
    }
    readActors(arrayOf(QLatin1StringView("actors"), false), root.child(QLatin1StringView("actors")));
    if (m_splitFailed) {
        return {};
    }
    m_checker = std::make_unique<CaseChecker>(m_case.actors);
    readDisagreements(arrayOf(QLatin1StringView("disagreements"), false),
                      root.child(QLatin1StringView("disagreements")));
    if (m_splitFailed) {
        return {};
    }
    if (const SplitText::Array *events = split ? split->array(QLatin1StringView("events")) : nullptr) {
        readEventSpans(text, *events, root.child(QLatin1StringView("events")));
    } else {
        readEvents(array(obj, QLatin1StringView("events"), root, false), root.child(QLatin1StringView("events")));
    }
    if (m_splitFailed) {
        return {};
    }
    readClaims(arrayOf(QLatin1StringView("claims"), false), root.child(QLatin1StringView("claims")));
    if (m_splitFailed) {
        return {};
    }
    readReviewed(arrayOf(QLatin1StringView("reviewed"), false), root.child(QLatin1StringView("reviewed")));
    if (m_splitFailed) {
        return {};
    }
    if (m_stopped) {
        return stopped();
    }
    m_control.report(ReadControl::Checking, 1);
    return finish(std::move(m_case));
}

} // namespace Reading

using namespace Reading;

qsizetype CaseLoad::errorCount() const
{
    return unlistedErrors
        + std::count_if(problems.cbegin(), problems.cend(), [](const Problem &p) { return p.isError(); });
}

qsizetype CaseLoad::warningCount() const
{
    return problemCount() - errorCount();
}

qsizetype CaseLoad::acceptedWarningCount() const
{
    return std::accumulate(acceptedWarnings.cbegin(), acceptedWarnings.cend(), qsizetype(0));
}

namespace {
// Per byte of `w`, 1 where the byte is `c` and 0 elsewhere (compared exactly, no carries between bytes).
inline quint64 bytesEqual(quint64 w, unsigned char c)
{
    constexpr quint64 Low7 = 0x7F7F7F7F7F7F7F7FULL;
    const quint64 x = w ^ (0x0101010101010101ULL * c);
    return (~(((x & Low7) + Low7) | x | Low7)) >> 7;
}
// Objects, arrays and strings each cost a parsed node and usually a value of ours; the counts come
// from one pass over the bytes (escaped quotes only make the estimate larger), eight bytes at a time.
qint64 countValues(QByteArrayView json)
{
    qint64 values = 0;
    const char *p = json.data();
    const qsizetype n = json.size();
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 w;
        std::memcpy(&w, p + i, sizeof w);
        const quint64 perByte = bytesEqual(w, '"') + 2 * (bytesEqual(w, '{') + bytesEqual(w, '['));
        values += qint64((perByte * 0x0101010101010101ULL) >> 56); // the sum of the eight bytes, at most 40
    }
    for (; i < n; ++i) {
        values += (p[i] == '"') + 2 * (p[i] == '{' || p[i] == '[');
    }
    return values;
}
} // namespace

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
    qint64 values = 0; // for the memory estimate, counted slice by slice as they come
    // A case object is split at its items (jsonsplit.h) on another thread while this one reads.
    TextFeed feed;
    std::optional<SplitText> split;
    std::thread splitter;
    if (s_readingMode == ReadingMode::Split) {
        splitter = std::thread([&] { split = splitTopLevelArrays(data, SplitKeys, &feed); });
    }
    auto stopSplitting = [&] {
        feed.publish(got, true);
        if (splitter.joinable()) {
            splitter.join();
        }
    };
    control.report(ReadControl::Reading, 0);
    while (got < expected + 1) {
        if (control.cancelled()) {
            stopSplitting();
            CaseLoad load;
            load.cancelled = true;
            return load;
        }
        const qint64 n = file.read(data.data() + got, std::min(Slice, expected + 1 - got));
        if (n < 0) {
            stopSplitting();
            return fail(QStringLiteral("cannot read the file: %1").arg(file.errorString()));
        }
        if (n == 0) {
            break;
        }
        values += countValues(QByteArrayView(data.constData() + got, n));
        got += n;
        feed.publish(got, false);
        control.report(ReadControl::Reading, double(got) / double(std::max<qint64>(expected, 1)));
    }
    stopSplitting();
    data.resize(got);
    if (got > expected) {
        split.reset(); // of a text that is not all there
        data += file.read(MaxCaseFileBytes + 1 - got); // it grew while being read
        values = countValues(data);
    }
    if (data.size() > MaxCaseFileBytes) {
        return fail(QStringLiteral("the file is larger than the limit of %1 bytes (1 GiB); split the case")
                        .arg(MaxCaseFileBytes));
    }
    const qint64 budget = memoryBudget();
    const qint64 needed = estimatedPeakMemory(data.size(), values);
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
    // The same file, unchanged (size and time of change as before), or nothing.
    reader.setReread([path, size = data.size(), modified = info.lastModified()] {
        QFile again;
        if (openRegularFile(again, path) != OpenResult::Opened || again.size() != size
            || QFileInfo(path).lastModified() != modified) {
            return QByteArray();
        }
        QByteArray text = again.read(size + 1);
        return text.size() == size ? text : QByteArray();
    });
    return reader.read(std::move(data), std::move(split));
}

namespace {
qint64 s_memoryBudgetForTesting = -1;
} // namespace

qint64 CaseReader::estimatedPeakMemory(const QByteArray &json)
{
    return estimatedPeakMemory(json.size(), countValues(json));
}

qint64 CaseReader::estimatedPeakMemory(qint64 bytes, qint64 values)
{
    return 5 * bytes + 40 * values;
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

int CaseReader::secondReadsForTesting()
{
    return s_secondReads;
}

void CaseReader::setReadingModeForTesting(ReadingMode mode)
{
    s_readingMode = mode;
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
