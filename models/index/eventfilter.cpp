#include "eventfilter.h"

#include "caseindex.h"
#include "parallel.h"
#include "textsearch.h"

#include <algorithm>
#include <numeric>

namespace AT {

QString searchNeedle(const QString &text)
{
    QString needle = CaseIndex::fold(text.trimmed());
    needle.remove(QChar(0)); // the search text separates events with NUL bytes
    return needle;
}

QList<bool> matchText(const CaseIndex &index, const QString &needle, const QList<bool> *within, int parts)
{
    const qsizetype n = index.eventCount();
    QList<bool> hits(n, false);
    const QByteArray utf8 = needle.toUtf8();
    const SubstringFinder finder(utf8);
    const QByteArrayView blob = index.searchBlob();
    bool *hit = hits.data(); // detached once here, then written by rank (by several threads below)
    if (within) {
        for (qsizetype r = 0; r < n; ++r) {
            hit[r] = (*within)[r] && finder.indexIn(index.searchTextAt(r)) >= 0;
        }
        return hits;
    }
    // One scan of the whole text; a hit marks its event and the scan resumes at the next event.
    auto scan = [&](int, qsizetype fromRank, qsizetype toRank) {
        const QByteArrayView part = blob.first(index.searchOffset(toRank));
        qsizetype r = fromRank;
        qsizetype pos = index.searchOffset(fromRank);
        while (r < toRank) {
            pos = finder.indexIn(part, pos);
            if (pos < 0) {
                break;
            }
            // Ranks are few per hit on average; walk forward to the event holding the hit.
            while (index.searchOffset(r + 1) <= pos) {
                ++r;
            }
            hit[r] = true;
            pos = index.searchOffset(++r);
        }
    };
    // Large cases: split the ranks between the cores (each part writes its own ranks only).
    constexpr qsizetype ParallelBytes = 8 << 20;
    if (parts <= 0) {
        parts = partsFor(blob.size(), ParallelBytes);
    }
    forEachPart(n, parts, scan);
    return hits;
}

QList<qsizetype> filterRanks(const CaseIndex &index, const EventFilter &filter, const QList<bool> *textMatches)
{
    const Case &kase = index.kase();
    const qsizetype n = index.eventCount();
    QList<qsizetype> out;
    if (filter.isEmpty()) {
        out.resize(n);
        std::iota(out.begin(), out.end(), qsizetype(0));
        return out;
    }

    // Turn ids into numbers once, so the loop compares integers.
    QList<bool> actorWanted;
    if (!filter.actors.isEmpty()) {
        actorWanted.resize(kase.actors.size(), false);
        for (const QString &id : filter.actors) {
            const int a = index.actorNumber(id);
            if (a >= 0) {
                actorWanted[a] = true;
            }
        }
    }
    const int role = filter.role.isEmpty() ? -1 : index.roleNumber(filter.role);
    if (!filter.role.isEmpty() && role < 0) {
        return out; // no participant anywhere has that role
    }
    QList<bool> categoryWanted;
    if (!filter.categories.isEmpty()) {
        categoryWanted.resize(index.categories().size(), false);
        for (qsizetype i = 0; i < index.categories().size(); ++i) {
            categoryWanted[i] = filter.categories.contains(index.categories()[i]);
        }
    }
    QList<bool> sourceWanted;
    if (!filter.sources.isEmpty()) {
        sourceWanted.resize(kase.sources.size(), false);
        for (const QString &id : filter.sources) {
            const int s = index.sourceNumber(id);
            if (s >= 0) {
                sourceWanted[s] = true;
            }
        }
    }
    // Claims name their event by id: the events claimed about, marked by rank once.
    QList<bool> claimed;
    if (!filter.claimedBy.isEmpty()) {
        claimed.resize(n, false);
        for (const Claim &c : kase.claims) {
            if (!c.eventId.isEmpty() && filter.claimedBy.contains(c.attributorId)) {
                if (const Event *ev = kase.event(c.eventId)) {
                    claimed[index.rankOf(ev - kase.events.data())] = true;
                }
            }
        }
    }
    QList<bool> ownMatches;
    const QString needle = searchNeedle(filter.text);
    if (!needle.isEmpty() && !textMatches) {
        ownMatches = matchText(index, needle);
        textMatches = &ownMatches;
    }
    const bool byText = !needle.isEmpty();
    const bool byDate = filter.fromDay != 0 || filter.toDay != 0;
    const bool byActor = !filter.role.isEmpty() || !actorWanted.isEmpty();

    auto passes = [&](qsizetype r) {
        if (byText && !(*textMatches)[r]) {
            return false;
        }
        if (!claimed.isEmpty() && !claimed[r]) {
            return false;
        }
        const TimelineItem &item = index.timelineAt(r);
        if (filter.disputedOnly && !item.disputed) {
            return false;
        }
        if (!categoryWanted.isEmpty() && !categoryWanted[item.category]) {
            return false;
        }
        if (byDate && filter.byFirstDay) {
            if ((filter.toDay != 0 && item.first > double(filter.toDay))
                || (filter.fromDay != 0 && item.first < double(filter.fromDay))) {
                return false;
            }
        } else if (byDate) {
            if ((filter.toDay != 0 && index.earliestAt(r) > filter.toDay)
                || (filter.fromDay != 0 && index.latestAt(r) < filter.fromDay)) {
                return false;
            }
        }
        if (byActor) {
            const auto actors = index.actorsAt(r);
            const auto roles = index.rolesAt(r);
            bool any = false;
            for (size_t i = 0; i < actors.size() && !any; ++i) {
                any = (actorWanted.isEmpty() || actorWanted[actors[i]]) && (role < 0 || roles[i] == role);
            }
            if (!any) {
                return false;
            }
        }
        if (!sourceWanted.isEmpty()) {
            const auto sources = index.sourcesAt(r);
            if (std::none_of(sources.begin(), sources.end(), [&](qint32 s) { return sourceWanted[s]; })) {
                return false;
            }
        }
        return true;
    };

    // Only the events of the wanted actors (or categories) can pass: start from their lists.
    std::vector<qint32> candidates;
    bool fromLists = false;
    auto gather = [&](const QList<bool> &wanted, auto &&ranksOf) {
        for (qsizetype k = 0; k < wanted.size(); ++k) {
            if (wanted[k]) {
                const auto ranks = ranksOf(static_cast<int>(k));
                candidates.insert(candidates.end(), ranks.begin(), ranks.end());
            }
        }
        if (std::count(wanted.begin(), wanted.end(), true) > 1) {
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        }
        fromLists = true;
    };
    if (!actorWanted.isEmpty()) {
        gather(actorWanted, [&](int a) { return index.ranksOfActor(a); });
    } else if (!categoryWanted.isEmpty()) {
        gather(categoryWanted, [&](int c) { return index.ranksOfCategory(c); });
    }
    // The list was the only condition: it is the answer.
    const bool onlyList = fromLists && !byText && !filter.disputedOnly && !byDate && filter.role.isEmpty()
        && sourceWanted.isEmpty() && claimed.isEmpty() && (actorWanted.isEmpty() || categoryWanted.isEmpty());
    if (onlyList) {
        out.reserve(static_cast<qsizetype>(candidates.size()));
        for (qint32 r : candidates) {
            out.append(r);
        }
        return out;
    }
    if (fromLists) {
        for (qint32 r : candidates) {
            if (passes(r)) {
                out.append(r);
            }
        }
        return out;
    }
    for (qsizetype r = 0; r < n; ++r) {
        if (passes(r)) {
            out.append(r);
        }
    }
    return out;
}

QList<qsizetype> filterEvents(const CaseIndex &index, const EventFilter &filter)
{
    QList<qsizetype> events = filterRanks(index, filter);
    for (qsizetype &r : events) {
        r = index.chronological()[r];
    }
    return events;
}

} // namespace AT
