#pragma once

// The case reader's parts, shared by its three source files and nothing else: the file opener,
// the JSON path, and the Reader that turns a parsed document into a Case, collecting problems.
//   casereader.cpp        the entry points (CaseReader), the file, the encoding and memory checks,
//                         and Reader::read, which walks the document's top level
//   casereaderfields.cpp  typed fields: keys, strings, numbers, dates, citations, ids
//   casereaderitems.cpp   the items: sources (with their texts), actors, disputed points, events,
//                         claims, reviewed passages

#include "anchoring.h"
#include "casechecks.h"
#include "casereader.h"
#include "caseschema.h"
#include "jsondocument.h"
#include "jsonsplit.h"

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

#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace AT::Reading {

// The events' ids as they are read, on any number of threads, each with the first place (in the
// file's order) it was seen at.
class EventIdSet
{
public:
    // Adds the id seen at item `index`. When it was seen before, returns the later of the two
    // places, the duplicate, whichever thread saw it first (read in order, always `index`); else -1.
    qsizetype insert(const QString &id, qsizetype index)
    {
        Shard &shard = m_shards[shardOf(id)];
        const std::lock_guard lock(shard.mutex);
        const auto it = shard.first.find(id);
        if (it == shard.first.end()) {
            shard.first.insert(id, index);
            return -1;
        }
        const qsizetype later = std::max(*it, index);
        *it = std::min(*it, index);
        return later;
    }
    bool contains(const QString &id) const
    {
        const Shard &shard = m_shards[shardOf(id)];
        const std::lock_guard lock(shard.mutex);
        return shard.first.contains(id);
    }

private:
    static constexpr size_t Shards = 64;
    static size_t shardOf(const QString &id) { return (qHash(id, 0x5eed) >> 11) % Shards; }
    struct Shard
    {
        mutable std::mutex mutex;
        QHash<QString, qsizetype> first;
    };
    std::array<Shard, Shards> m_shards;
};

enum class OpenResult { Opened, NotRegular, Failed };

// Opens a file for reading only if it is a regular file. The type is checked on the opened file,
// so a FIFO or device swapped in after an earlier check is refused too, and the open itself never
// waits for a FIFO's writer. Resources (":/...") open as usual.
OpenResult openRegularFile(QFile &file, const QString &path);

// Allowed keys are ASCII, so comparing bytes is comparing characters.
inline bool sameKey(QUtf8StringView key, QLatin1StringView allowed)
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

QString typeName(const JsonValue &v);
// "duplicate event id "e1"; every event needs its own id", for `what` "event".
QString duplicateIdMessage(const QString &what, const QString &id);

class Reader
{
public:
    Reader(QString file, QString baseDir, const ReadControl &control)
        : m_control(control)
        , m_file(std::move(file))
        , m_baseDir(std::move(baseDir))
    { }

    // Takes the text. A case object whose arrays can be split (jsonsplit.h) is parsed a batch of items
    // at a time, its events on every core, so that the whole parsed document is never in memory;
    // anything else, and anything a batch finds wrong, is parsed whole, which words every syntax
    // error with its line and column. Either way the problems and the case are the same.
    // `split`, when given, is the split of `data` (made while it was read).
    CaseLoad read(QByteArray data, std::optional<SplitText> split = std::nullopt);
    // The file can be read again with `reread`: then, when the reader is the text's only owner, it
    // hands the memory of the events it has read back to the system as it goes (the text of a
    // large case is mostly its events), and reads the file again should a later batch need the whole
    // text to word a problem. Peak memory is then about the case alone, not the case and its file.
    void setReread(std::function<QByteArray()> reread) { m_reread = std::move(reread); }

private:
    // The reader of the part of the events that one more thread reads: it shares what was read
    // before the events (sources, actors, disputed points), and collects its own problems and events.
    Reader(const Reader &main, const ReadControl &control);
    CaseLoad readTop(const JsonValue &top, const SplitText *split, QByteArrayView text);
    // The elements [from, to) of a split array, parsed as one batch into `doc`; sets m_splitFailed
    // (and returns nothing) when the batch needs the whole text to word what is wrong with it.
    JsonArray parseBatch(JsonDocument &doc, QByteArrayView text, const SplitText::Array &array, qsizetype from,
                         qsizetype to);
    void readEventSpans(QByteArrayView text, const SplitText::Array &array, const Path &path);
    // Reads the events [from, to) of a split array, a batch at a time.
    void readEventRange(QByteArrayView text, const SplitText::Array &array, qsizetype from, qsizetype to,
                        const Path &path);
    // Adds what a helper read (the next part of the events) after what this reader has, as if one
    // reader had read them all in turn.
    void mergeEvents(Reader &&helper);
    bool m_splitFailed = false;
    bool m_releaseText = false; // the events' text may be handed back once read
    bool m_released = false; // some was: the text is no longer whole
    std::function<QByteArray()> m_reread;
    // Hands back the whole pages in [from, to) of the text (Linux; elsewhere nothing).
    void releaseText(const char *from, const char *to);
    // A helper's: it read an event whose id another thread had read at a later place.
    bool m_duplicateReadFirst = false;
    bool m_searchStopped = false; // a search for a misplaced quote ran out of budget

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
    CaseLoad finish(Case kase)
    {
        CaseLoad load;
        load.kase = std::move(kase);
        load.problems = m_problems;
        load.unlistedErrors = m_unlistedErrors;
        load.unlistedWarnings = m_unlistedWarnings;
        load.acceptedWarnings = m_acceptedWarnings;
        return load;
    }
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

    // The checker rules on an item read without errors of its own (casechecks.h): its warnings are
    // listed like any other, what it accepts is counted.
    void reportChecks(const ItemCheck &check, const Path &path)
    {
        for (const CheckFinding &f : check.warnings) {
            if (m_problems.size() >= CaseReader::MaxProblems) {
                ++m_unlistedWarnings;
                continue;
            }
            m_problems.append(Problem {Problem::Severity::Warning, m_file, path.toString() + QLatin1Char('.') + f.field,
                                       0, 0, f.message});
        }
        for (const QLatin1StringView rule : check.accepted) {
            ++m_acceptedWarnings[QString(rule)];
        }
    }
    std::unique_ptr<CaseChecker> m_checker; // made once the actors are read
    QMap<QString, qsizetype> m_acceptedWarnings;

    // Warns of each key the schema does not list for this kind of object.
    void checkKeys(const JsonObject &obj, CaseSchema::Kind kind, const Path &path);
    bool object(const JsonValue &v, const Path &path, JsonObject *out);
    QString string(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required);
    QStringList stringList(const JsonObject &obj, QLatin1StringView key, const Path &path);
    JsonArray array(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required);
    std::optional<qint64> integer(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required);
    bool boolean(const JsonObject &obj, QLatin1StringView key, const Path &path);
    DatePoint datePoint(const JsonObject &obj, QLatin1StringView key, const Path &path, bool *present = nullptr);
    void approximation(const JsonObject &obj, const Path &path, PartialDate *date);
    PartialDate partialDate(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required);
    // `listed`, when given, tells whether the file lists any citation (valid or not).
    QList<Citation> citations(const JsonObject &obj, QLatin1StringView key, const Path &path, bool *listed = nullptr);
    std::optional<Citation> citation(const JsonValue &v, const Path &path);
    QString id(const JsonObject &obj, const Path &path, QSet<QString> &seen, const QString &what);
    QList<AcceptedWarning> acceptedWarnings(const JsonObject &obj, const Path &path);
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
    void readEvent(const JsonValue &value, const Path &path, qsizetype index);
    void readClaims(const JsonArray &array, const Path &path);
    void readReviewed(const JsonArray &array, const Path &path);

    QString m_file;
    QString m_baseDir;
    QList<Problem> m_problems;
    Case m_case;
    QHash<QString, qsizetype> m_sourceIndex;
    std::vector<std::shared_ptr<const TextIndex>> m_textIndexes; // shared with the helpers
    QSet<QString> m_brokenSourceIds; // declared, but with errors: citations to them are not reported again
    QSet<QString>
        m_brokenReferenceOnlyIds; // of those, the ones that say "referenceOnly": their citations need no position
    QSet<QString> m_actorIds;
    std::shared_ptr<EventIdSet> m_eventIds = std::make_shared<EventIdSet>(); // shared with the helpers
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
        m_searchStopped = m_searchStopped || result.stopped;
        if (!result.stopped) {
            m_searches.insert(std::move(key), result);
        }
        return result;
    }
    QHash<SearchKey, AnchorResult> m_searches;
    qint64 m_searchBudget = CaseReader::MaxQuoteSearchChars;
};

} // namespace AT::Reading
