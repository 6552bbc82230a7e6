#include "eventfilter.h"

#include "caseindex.h"
#include "partialdate.h"

#include <QStringMatcher>

#include <algorithm>

namespace AT {

QList<qsizetype> filterEvents(const CaseIndex &index, const EventFilter &filter)
{
    const Case &kase = index.kase();
    const QList<qsizetype> &order = index.chronological();
    if (filter.isEmpty()) {
        return order;
    }

    // Turn ids into numbers once, so the loop compares integers.
    QList<bool> actorWanted;
    if (!filter.actors.isEmpty()) {
        actorWanted.resize(kase.actors.size(), false);
        for (const QString &id : filter.actors) {
            const int n = index.actorNumber(id);
            if (n >= 0) {
                actorWanted[n] = true;
            }
        }
    }
    const int role = filter.role.isEmpty() ? -1 : index.roleNumber(filter.role);
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
            const int n = index.sourceNumber(id);
            if (n >= 0) {
                sourceWanted[n] = true;
            }
        }
    }
    const QString needle = CaseIndex::fold(filter.text.trimmed());
    const QStringMatcher matcher(needle);

    QList<qsizetype> out;
    for (qsizetype e : order) {
        if (filter.disputedOnly && !index.isDisputed(e)) {
            continue;
        }
        if (!categoryWanted.isEmpty() && !categoryWanted[index.categoryOf(e)]) {
            continue;
        }
        if (filter.fromDay != 0 || filter.toDay != 0) {
            const qint64 first = index.earliestDay(e);
            const qint64 last = index.latestDay(e);
            if ((filter.toDay != 0 && first > filter.toDay) || (filter.fromDay != 0 && last < filter.fromDay)) {
                continue;
            }
        }
        if (!filter.role.isEmpty() || !actorWanted.isEmpty()) {
            if (!filter.role.isEmpty() && role < 0) {
                continue; // no participant anywhere has that role
            }
            const auto actors = index.eventActors(e);
            const auto roles = index.eventRoles(e);
            bool any = false;
            for (size_t i = 0; i < actors.size() && !any; ++i) {
                any = (actorWanted.isEmpty() || actorWanted[actors[i]]) && (role < 0 || roles[i] == role);
            }
            if (!any) {
                continue;
            }
        }
        if (!sourceWanted.isEmpty()) {
            const auto sources = index.eventSources(e);
            if (std::none_of(sources.begin(), sources.end(), [&](qint32 s) { return sourceWanted[s]; })) {
                continue;
            }
        }
        if (!needle.isEmpty() && matcher.indexIn(index.searchText(e)) < 0) {
            continue;
        }
        out.append(e);
    }
    return out;
}

} // namespace AT
