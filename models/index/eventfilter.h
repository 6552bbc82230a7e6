#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace AT {

class CaseIndex;

// What the user narrowed the case to. Dimensions combine with AND; values within one dimension
// with OR (events of APT31 or of the MSS). Empty dimensions do not filter.
struct EventFilter
{
    QString text; // matched case- and accent-insensitively against titles, summaries, quotes, actors and aliases
    QSet<QString> actors; // actor ids; an event matches when any participant is one of them
    QString role; // with actors: they must take part in this role; alone: any participant in this role
    QSet<QString> categories;
    qint64 fromDay = 0; // Julian days, inclusive; 0 means unbounded
    qint64 toDay = 0;
    // How the days match: false, every event whose dates overlap them; true, only the events placed
    // within them (on their first day, the end's when the start is unknown), where the timeline
    // draws them and the per-year chart counts them, so a click on a bar shows what the bar counts.
    bool byFirstDay = false;
    QSet<QString> sources; // source ids; an event matches when one of them cites it
    QSet<QString> claimedBy; // attributor (actor) ids; an event matches when one of them makes a claim about it
    bool disputedOnly = false; // events whose sources conflict (Case::isDisputed)

    bool isEmpty() const { return *this == EventFilter {}; }
    friend bool operator==(const EventFilter &, const EventFilter &) = default;
};

// The filter's text as it is searched: trimmed and folded like CaseIndex's search text.
QString searchNeedle(const QString &text);

// Which events contain `needle` (already folded), by chronological rank. With `within`, only the
// events marked there are searched: a needle that extends an earlier one matches a subset of it,
// so typing one more letter searches the earlier hits only. A full search of a large case is
// split into `parts` (0: one per core) searched in parallel.
QList<bool> matchText(const CaseIndex &index, const QString &needle, const QList<bool> *within = nullptr,
                      int parts = 0);

// The chronological ranks of the events that pass the filter, ascending. One pass over flat
// arrays stored in that order; no per-row virtual calls, no proxies. `textMatches`, when given, is
// matchText() of the filter's text, computed by the caller (who may narrow an earlier search).
QList<qsizetype> filterRanks(const CaseIndex &index, const EventFilter &filter,
                             const QList<bool> *textMatches = nullptr);

// The same as indexes into Case::events, in chronological order.
QList<qsizetype> filterEvents(const CaseIndex &index, const EventFilter &filter);

} // namespace AT
