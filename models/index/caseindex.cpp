#include "caseindex.h"

#include <QSet>

#include <algorithm>
#include <atomic>
#include <limits>
#include <numeric>
#include <thread>
#include <vector>

namespace AT {

namespace {
template<typename T> std::span<const T> slice(const QList<T> &data, const QList<qint32> &offsets, qsizetype i)
{
    return std::span<const T>(data.constData() + offsets[i], static_cast<size_t>(offsets[i + 1] - offsets[i]));
}

int intern(QStringList &names, QHash<QString, int> &numbers, const QString &name)
{
    const auto it = numbers.constFind(name);
    if (it != numbers.constEnd()) {
        return *it;
    }
    const int n = static_cast<int>(names.size());
    names.append(name);
    numbers.insert(name, n);
    return n;
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 128; });
}

// Appends fold(text) in UTF-8. ASCII is lower-cased in place; each run of other characters is
// folded whole (decomposition, mark removal and case folding never reach across an ASCII
// character, so run by run gives the same result as the whole text) and remembered, since the
// same words recur throughout a case: folding every event's text with Unicode normalisation was
// most of the time spent building the index.
class Folder
{
public:
    void append(QByteArray &out, QStringView text)
    {
        const char16_t *p = text.utf16();
        const qsizetype n = text.size();
        qsizetype i = 0;
        while (i < n) {
            qsizetype j = i;
            while (j < n && p[j] < 128) {
                ++j;
            }
            if (j > i) {
                const qsizetype at = out.size();
                out.resize(at + (j - i));
                char *d = out.data() + at;
                for (qsizetype k = i; k < j; ++k) {
                    const char16_t u = p[k];
                    *d++ = static_cast<char>(u >= u'A' && u <= u'Z' ? u + 32 : u);
                }
                i = j;
            }
            while (j < n && p[j] >= 128) {
                ++j;
            }
            if (j > i) {
                const QString run = text.sliced(i, j - i).toString();
                auto it = m_runs.constFind(run);
                if (it == m_runs.constEnd()) {
                    const QByteArray folded = CaseIndex::fold(run).toUtf8();
                    if (m_runs.size() >= MaxRuns) {
                        out += folded;
                        i = j;
                        continue;
                    }
                    it = m_runs.insert(run, folded);
                }
                out += *it;
                i = j;
            }
        }
    }

private:
    static constexpr qsizetype MaxRuns = 1 << 16; // bounds the memory a hostile case can make it use
    QHash<QString, QByteArray> m_runs;
};
} // namespace

QString CaseIndex::fold(QStringView text)
{
    // Plain ASCII needs neither decomposition nor full folding: lower-case it directly.
    if (isAscii(text)) {
        QString out = text.toString();
        for (QChar &c : out) {
            if (c >= u'A' && c <= u'Z') {
                c = QChar(c.unicode() + 32);
            }
        }
        return out;
    }
    // Decompose, drop combining marks, then case-fold: "Ž" -> "z", "ß" -> "ss".
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing) {
            out.append(c);
        }
    }
    // Qt folds case one character at a time, so the one common multi-character folding is done here.
    return out.toCaseFolded().replace(QChar(0x00DF), QStringLiteral("ss"));
}

CaseIndex::CaseIndex(std::shared_ptr<const Case> kase)
    : CaseIndex(std::move(kase), nullptr, nullptr)
{ }

std::shared_ptr<const CaseIndex> CaseIndex::build(std::shared_ptr<const Case> kase, const std::atomic<bool> *cancel,
                                                  const std::function<void(double)> &progress)
{
    std::shared_ptr<const CaseIndex> index(new CaseIndex(std::move(kase), cancel, progress ? &progress : nullptr));
    return index->m_cancelled ? nullptr : index;
}

CaseIndex::CaseIndex(std::shared_ptr<const Case> kase, const std::atomic<bool> *cancel,
                     const std::function<void(double)> *progress)
    : m_case(kase ? std::move(kase) : std::make_shared<const Case>())
{
    const Case &c = *m_case;
    const qsizetype n = c.events.size();
    // Cancelling stops the build at the next check (every few thousand events); the half-built
    // index is then thrown away by build().
    const auto stop = [this, cancel] {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            m_cancelled = true;
        }
        return m_cancelled;
    };
    const auto report = [progress](double fraction) {
        if (progress) {
            (*progress)(fraction);
        }
    };

    // Chronological order: PartialDate::chronologicalOrder's keys (first day, precision of the
    // known end, range or not, last day), computed once per event instead of in every comparison.
    struct Key
    {
        qint64 first;
        int precision;
        bool range;
        qint64 last;
        auto operator<=>(const Key &) const = default;
    };
    std::vector<Key> keys(static_cast<size_t>(n));
    QList<qint64> firstDay(n);
    for (qsizetype e = 0; e < n; ++e) {
        const PartialDate &d = c.events[e].date;
        firstDay[e] = d.earliestJulianDay();
        keys[static_cast<size_t>(e)]
            = Key {firstDay[e], static_cast<int>(d.start().isValid() ? d.start().precision() : d.end().precision()),
                   d.isRange(), d.latestJulianDay()};
    }
    if (stop()) {
        return;
    }
    report(0.1);
    m_chronological.resize(n);
    std::iota(m_chronological.begin(), m_chronological.end(), qsizetype(0));
    std::stable_sort(m_chronological.begin(), m_chronological.end(), [&](qsizetype a, qsizetype b) {
        return keys[static_cast<size_t>(a)] < keys[static_cast<size_t>(b)];
    });
    m_rank.resize(n);
    for (qsizetype r = 0; r < n; ++r) {
        m_rank[m_chronological[r]] = r;
    }
    if (stop()) {
        return;
    }
    report(0.3);

    // Per actor, the folded text an event gains by naming it: its name and every alias.
    Folder folder;
    const auto appendFolded = [&folder](QByteArray &out, QStringView text) { folder.append(out, text); };
    QList<QByteArray> actorText;
    actorText.reserve(c.actors.size());
    for (qsizetype i = 0; i < c.actors.size(); ++i) {
        const Actor &a = c.actors[i];
        m_actorNumber.insert(a.id, static_cast<int>(i));
        QByteArray text;
        appendFolded(text, a.name);
        for (const Alias &alias : a.aliases) {
            text += '\n';
            appendFolded(text, alias.name);
        }
        actorText.append(text);
    }
    for (qsizetype i = 0; i < c.sources.size(); ++i) {
        m_sourceNumber.insert(c.sources[i].id, static_cast<int>(i));
    }

    // The folded search text is built on another thread while this one fills the other arrays:
    // both read the case (const, so safe to share) and write only their own members.
    std::thread searchText([this, &c, &actorText, n, cancel] {
        Folder own; // its own cache: the outer one belongs to this thread
        m_searchOffsets.reserve(n + 1);
        for (qsizetype r = 0; r < n; ++r) {
            if ((r & 4095) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
                break; // the index is discarded: build() sees the flag below
            }
            const Event &ev = c.events[m_chronological[r]];
            m_searchOffsets.append(m_searchBlob.size());
            own.append(m_searchBlob, ev.title);
            m_searchBlob += '\n';
            own.append(m_searchBlob, ev.summary);
            m_searchBlob += '\n';
            own.append(m_searchBlob, ev.category);
            for (const QString &tag : ev.tags) {
                m_searchBlob += '\n';
                own.append(m_searchBlob, tag);
            }
            for (const Citation &cit : ev.citations) {
                m_searchBlob += '\n';
                own.append(m_searchBlob, cit.quote);
            }
            for (const Participant &p : ev.participants) {
                const int actor = m_actorNumber.value(p.actorId, -1);
                if (actor >= 0) {
                    m_searchBlob += '\n';
                    m_searchBlob += actorText[actor];
                }
            }
            m_searchBlob += '\0';
        }
        m_searchOffsets.append(m_searchBlob.size());
        m_searchBlob.squeeze();
    });
    QHash<QString, int> roleNumbers;
    QHash<QString, int> categoryNumbers;
    m_timeline.resize(n);
    m_earliest.resize(n);
    m_latest.resize(n);
    m_participantOffsets.reserve(n + 1);
    m_sourceOffsets.reserve(n + 1);
    m_participantOffsets.append(0);
    m_sourceOffsets.append(0);
    QList<qint32> sources;
    // An event is disputed when it is part of a point whose accounts conflict (Case::isDisputed); the
    // points of specificity are looked up once rather than per event.
    QSet<QString> specificity;
    for (const Disagreement &d : c.disagreements) {
        if (d.kind == Disagreement::Kind::Specificity) {
            specificity.insert(d.id);
        }
    }
    for (qsizetype r = 0; r < n; ++r) {
        if ((r & 4095) == 0) {
            if (stop()) {
                break;
            }
            report(0.3 + 0.6 * double(r) / double(n));
        }
        const qsizetype e = m_chronological[r];
        const Event &ev = c.events[e];
        m_earliest[r] = ev.date.isOpenStart() ? std::numeric_limits<qint64>::min() : firstDay[e];
        m_latest[r] = ev.date.isOpenEnd() ? std::numeric_limits<qint64>::max() : ev.date.latestJulianDay();

        for (const Participant &p : ev.participants) {
            const int actor = m_actorNumber.value(p.actorId, -1);
            if (actor < 0) {
                continue;
            }
            m_participantActors.append(actor);
            m_participantRoles.append(intern(m_roles, roleNumbers, p.role));
        }
        m_participantOffsets.append(static_cast<qint32>(m_participantActors.size()));

        sources.clear();
        for (const Citation &cit : ev.citations) {
            const int s = m_sourceNumber.value(cit.sourceId, -1);
            if (s >= 0) {
                sources.append(s);
            }
        }
        std::sort(sources.begin(), sources.end());
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
        m_sources.append(sources);
        m_sourceOffsets.append(static_cast<qint32>(m_sources.size()));

        TimelineItem &item = m_timeline[r];
        item.event = e;
        item.rank = r;
        item.first = static_cast<double>(firstDay[e]);
        item.last = static_cast<double>(ev.date.latestJulianDay());
        item.sources = static_cast<qint32>(sources.size());
        item.category = intern(m_categories, categoryNumbers, ev.category);
        item.precision = static_cast<quint8>(ev.date.precision());
        item.range = ev.date.isRange();
        item.openStart = ev.date.isOpenStart();
        item.openEnd = ev.date.isOpenEnd();
        item.approximate = ev.date.isApproximate();
        item.disputed = std::any_of(ev.disagreements.cbegin(), ev.disagreements.cend(),
                                    [&specificity](const QString &id) { return !specificity.contains(id); });
    }
    searchText.join();
    if (stop()) {
        return;
    }

    // Inverted lists, by counting: each actor's and each category's ranks in ascending order.
    auto invert = [n](qsizetype keys, auto &&forEachKey, QList<qint32> &offsets, QList<qint32> &ranks) {
        offsets.fill(0, keys + 1);
        for (qsizetype r = 0; r < n; ++r) {
            forEachKey(r, [&](qint32 k) { ++offsets[k + 1]; });
        }
        for (qsizetype k = 0; k < keys; ++k) {
            offsets[k + 1] += offsets[k];
        }
        ranks.resize(offsets[keys]);
        QList<qint32> next = offsets;
        for (qsizetype r = 0; r < n; ++r) {
            forEachKey(r, [&](qint32 k) { ranks[next[k]++] = static_cast<qint32>(r); });
        }
    };
    invert(
        c.actors.size(),
        [this](qsizetype r, auto &&visit) {
            const auto actors = actorsAt(r);
            for (size_t i = 0; i < actors.size(); ++i) {
                // An actor in two roles of one event is listed once.
                if (std::find(actors.begin(), actors.begin() + static_cast<std::ptrdiff_t>(i), actors[i])
                    == actors.begin() + static_cast<std::ptrdiff_t>(i)) {
                    visit(actors[i]);
                }
            }
        },
        m_actorRankOffsets, m_actorRanks);
    invert(
        m_categories.size(), [this](qsizetype r, auto &&visit) { visit(m_timeline[r].category); },
        m_categoryRankOffsets, m_categoryRanks);
    report(1);
    // Started last: it begins working in the background at once for a large case.
    m_titleOrder = std::make_unique<TitleOrder>(m_case, m_chronological);
}

std::span<const qint32> CaseIndex::ranksOfActor(int actor) const
{
    return slice(m_actorRanks, m_actorRankOffsets, actor);
}

std::span<const qint32> CaseIndex::ranksOfCategory(int category) const
{
    return slice(m_categoryRanks, m_categoryRankOffsets, category);
}

std::span<const qint32> CaseIndex::actorsAt(qsizetype rank) const
{
    return slice(m_participantActors, m_participantOffsets, rank);
}

std::span<const qint32> CaseIndex::rolesAt(qsizetype rank) const
{
    return slice(m_participantRoles, m_participantOffsets, rank);
}

std::span<const qint32> CaseIndex::sourcesAt(qsizetype rank) const
{
    return slice(m_sources, m_sourceOffsets, rank);
}

QByteArrayView CaseIndex::searchTextAt(qsizetype rank) const
{
    return QByteArrayView(m_searchBlob)
        .sliced(m_searchOffsets[rank], m_searchOffsets[rank + 1] - m_searchOffsets[rank] - 1);
}

TimelineRows::TimelineRows(std::shared_ptr<const CaseIndex> index, QList<qsizetype> ranks)
    : m_index(std::move(index))
    , m_ranks(std::move(ranks))
    , m_items(m_index ? m_index->timelineItems().constData() : nullptr)
{ }

QString TimelineRows::title(const TimelineItem &item) const
{
    return m_index->kase().events[item.event].title;
}

QString TimelineRows::categoryName(const TimelineItem &item) const
{
    return m_index->categories()[item.category];
}

QString TimelineRows::dateDescription(const TimelineItem &item) const
{
    return m_index->kase().events[item.event].date.describe();
}

QString TimelineRows::dateText(const TimelineItem &item) const
{
    return m_index->kase().events[item.event].date.toDisplayString();
}

QStringList TimelineRows::actorNames(const TimelineItem &item) const
{
    QStringList names;
    for (qint32 a : actors(item)) {
        if (!names.contains(actorName(a))) {
            names << actorName(a);
        }
    }
    return names;
}

std::span<const qint32> TimelineRows::actors(const TimelineItem &item) const
{
    return m_index->actorsAt(item.rank);
}

int TimelineRows::actorCount() const
{
    return m_index ? static_cast<int>(m_index->kase().actors.size()) : 0;
}

QString TimelineRows::actorId(qint32 actor) const
{
    return m_index->kase().actors[actor].id;
}

QString TimelineRows::actorName(qint32 actor) const
{
    return m_index->kase().actors[actor].name;
}

int TimelineRows::actorNumber(const QString &id) const
{
    return m_index ? m_index->actorNumber(id) : -1;
}

qsizetype TimelineRows::rankOf(qsizetype event) const
{
    return m_index && event >= 0 && event < m_index->eventCount() ? m_index->rankOf(event) : -1;
}

int TimelineRows::categoryCount() const
{
    return m_index ? static_cast<int>(m_index->categories().size()) : 0;
}

QString TimelineRows::categoryName(int category) const
{
    return m_index->categories()[category];
}

} // namespace AT
