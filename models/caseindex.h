#pragma once

#include "casedata.h"

#include <QHash>

#include <memory>
#include <span>

namespace AT {

// A case prepared for fast filtering and display, built once per loaded case: events in
// chronological order, numeric ids for actors, categories and sources, flat per-event arrays and
// each event's searchable text folded (case- and accent-insensitive). Immutable once built.
class CaseIndex
{
public:
    explicit CaseIndex(std::shared_ptr<const Case> kase);

    const Case &kase() const { return *m_case; }
    std::shared_ptr<const Case> sharedCase() const { return m_case; }
    qsizetype eventCount() const { return m_case->events.size(); }

    // Event indexes (into Case::events) in chronological order, and each event's place in it.
    const QList<qsizetype> &chronological() const { return m_chronological; }
    qsizetype rankOf(qsizetype event) const { return m_rank[event]; }

    // Actors are numbered by their position in Case::actors.
    int actorNumber(const QString &id) const { return m_actorNumber.value(id, -1); }
    // Participants of an event as (actor number, role number) pairs.
    std::span<const qint32> eventActors(qsizetype event) const;
    std::span<const qint32> eventRoles(qsizetype event) const;
    const QStringList &roles() const { return m_roles; }
    int roleNumber(const QString &role) const { return m_roles.indexOf(role); }

    const QStringList &categories() const { return m_categories; }
    int categoryOf(qsizetype event) const { return m_category[event]; }

    int sourceNumber(const QString &id) const { return m_sourceNumber.value(id, -1); }
    std::span<const qint32> eventSources(qsizetype event) const; // distinct, ascending
    bool isDisputed(qsizetype event) const { return m_disputed[event]; }
    // The days an event's date may cover, with open ends unbounded: flat arrays for the date filter.
    qint64 earliestDay(qsizetype event) const { return m_earliest[event]; }
    qint64 latestDay(qsizetype event) const { return m_latest[event]; }

    // Titles, summaries, quotes, tags, actor names and aliases of the event, folded by fold().
    const QString &searchText(qsizetype event) const { return m_searchText[event]; }

    // Lower-cases (full case folding) and strips accents, so "Zirconium" finds "ZIRCONIUM" and "Zirconíum".
    static QString fold(QStringView text);

private:
    std::shared_ptr<const Case> m_case;
    QList<qsizetype> m_chronological;
    QList<qsizetype> m_rank;
    QHash<QString, int> m_actorNumber;
    QHash<QString, int> m_sourceNumber;
    QStringList m_roles;
    QStringList m_categories;
    QList<int> m_category;
    QList<qint32> m_participantOffsets; // event i's participants are [offsets[i], offsets[i + 1])
    QList<qint32> m_participantActors;
    QList<qint32> m_participantRoles;
    QList<qint32> m_sourceOffsets;
    QList<qint32> m_sources;
    QList<bool> m_disputed;
    QList<qint64> m_earliest;
    QList<qint64> m_latest;
    QList<QString> m_searchText;
};

} // namespace AT
