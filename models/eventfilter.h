#pragma once

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
    QSet<QString> sources; // source ids; an event matches when one of them cites it
    bool disputedOnly = false;

    bool isEmpty() const { return *this == EventFilter {}; }
    friend bool operator==(const EventFilter &, const EventFilter &) = default;
};

// The events that pass the filter, as indexes into Case::events, in chronological order.
// One pass over the chronological order; no per-row virtual calls, no proxies.
QList<qsizetype> filterEvents(const CaseIndex &index, const EventFilter &filter);

} // namespace AT
