#pragma once

#include "casedata.h"
#include "timelineitem.h"
#include "titleorder.h"

#include <QByteArray>
#include <QHash>

#include <atomic>
#include <functional>
#include <memory>
#include <span>

namespace AT {

// A case prepared for fast filtering and display, built once per loaded case: events in
// chronological order, numeric ids for actors, categories and sources, flat per-event arrays and
// each event's searchable text folded (case- and accent-insensitive). Immutable once built.
//
// The arrays are stored in chronological order (by rank), so a pass over the whole case in time
// order reads memory front to back; per-event accessors translate the event index to its rank.
class CaseIndex
{
public:
    explicit CaseIndex(std::shared_ptr<const Case> kase);
    // The same, for a loader on another thread: reports progress (0 to 1) now and then, and stops
    // once *cancel is true (checked every few thousand events), returning null.
    static std::shared_ptr<const CaseIndex> build(std::shared_ptr<const Case> kase, const std::atomic<bool> *cancel,
                                                  const std::function<void(double)> &progress = {});

    const Case &kase() const { return *m_case; }
    std::shared_ptr<const Case> sharedCase() const { return m_case; }
    qsizetype eventCount() const { return m_case->events.size(); }

    // Event indexes (into Case::events) in chronological order, and each event's place in it.
    const QList<qsizetype> &chronological() const { return m_chronological; }
    qsizetype rankOf(qsizetype event) const { return m_rank[event]; }
    // Event indexes by title (see TitleOrder: ready early for a large case, else sorted when asked).
    const QList<qsizetype> &byTitle() const { return m_titleOrder->order(); }
    bool isByTitleReady() const { return m_titleOrder->isReady(); }

    // Actors are numbered by their position in Case::actors.
    int actorNumber(const QString &id) const { return m_actorNumber.value(id, -1); }
    // Participants of an event as (actor number, role number) pairs.
    std::span<const qint32> eventActors(qsizetype event) const { return actorsAt(m_rank[event]); }
    std::span<const qint32> eventRoles(qsizetype event) const { return rolesAt(m_rank[event]); }
    const QStringList &roles() const { return m_roles; }
    int roleNumber(const QString &role) const { return static_cast<int>(m_roles.indexOf(role)); }

    const QStringList &categories() const { return m_categories; }
    int categoryOf(qsizetype event) const { return m_timeline[m_rank[event]].category; }

    int sourceNumber(const QString &id) const { return m_sourceNumber.value(id, -1); }
    std::span<const qint32> eventSources(qsizetype event) const
    {
        return sourcesAt(m_rank[event]);
    } // distinct, ascending
    bool isDisputed(qsizetype event) const { return m_timeline[m_rank[event]].disputed; }
    // The days an event's date may cover, with open ends unbounded: flat arrays for the date filter.
    qint64 earliestDay(qsizetype event) const { return m_earliest[m_rank[event]]; }
    qint64 latestDay(qsizetype event) const { return m_latest[m_rank[event]]; }

    // Titles, summaries, quotes, tags, actor names and aliases of the event, folded by fold().
    QString searchText(qsizetype event) const { return QString::fromUtf8(searchTextAt(m_rank[event])); }

    // The same, by rank, for passes over the whole case in chronological order.
    std::span<const qint32> actorsAt(qsizetype rank) const;
    std::span<const qint32> rolesAt(qsizetype rank) const;
    std::span<const qint32> sourcesAt(qsizetype rank) const;
    qint64 earliestAt(qsizetype rank) const { return m_earliest[rank]; }
    qint64 latestAt(qsizetype rank) const { return m_latest[rank]; }
    const TimelineItem &timelineAt(qsizetype rank) const { return m_timeline[rank]; }
    // The ranks of the events an actor takes part in, and of a category's events, ascending:
    // an actor or category filter visits only those instead of every event.
    std::span<const qint32> ranksOfActor(int actor) const;
    std::span<const qint32> ranksOfCategory(int category) const;
    // Every event's timeline item, by rank.
    const QList<TimelineItem> &timelineItems() const { return m_timeline; }
    QByteArrayView searchTextAt(qsizetype rank) const;
    // All events' folded search text in UTF-8, by rank, each followed by a NUL byte; event at rank r
    // occupies [searchOffset(r), searchOffset(r + 1) - 1).
    QByteArrayView searchBlob() const { return m_searchBlob; }
    qsizetype searchOffset(qsizetype rank) const { return m_searchOffsets[rank]; }

    // Lower-cases (full case folding) and strips accents, so "Zirconium" finds "ZIRCONIUM" and "Zirconíum".
    static QString fold(QStringView text);

private:
    CaseIndex(std::shared_ptr<const Case> kase, const std::atomic<bool> *cancel,
              const std::function<void(double)> *progress);

    bool m_cancelled = false;
    std::shared_ptr<const Case> m_case;
    QList<qsizetype> m_chronological;
    QList<qsizetype> m_rank;
    QHash<QString, int> m_actorNumber;
    QHash<QString, int> m_sourceNumber;
    QStringList m_roles;
    QStringList m_categories;
    // By rank from here on.
    QList<TimelineItem> m_timeline;
    QList<qint32> m_participantOffsets; // rank r's participants are [offsets[r], offsets[r + 1])
    QList<qint32> m_participantActors;
    QList<qint32> m_participantRoles;
    QList<qint32> m_sourceOffsets;
    QList<qint32> m_sources;
    QList<qint64> m_earliest;
    QList<qint64> m_latest;
    QList<qint32> m_actorRankOffsets; // actor a's ranks are [offsets[a], offsets[a + 1])
    QList<qint32> m_actorRanks;
    QList<qint32> m_categoryRankOffsets;
    QList<qint32> m_categoryRanks;
    QByteArray m_searchBlob;
    QList<qsizetype> m_searchOffsets;
    std::unique_ptr<TitleOrder> m_titleOrder;
};

} // namespace AT
