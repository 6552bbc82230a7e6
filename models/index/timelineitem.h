#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <span>

namespace AT {

class CaseIndex;

// What the timeline needs to place and draw one event: plain numbers, no strings, so a million of
// them copy in a few milliseconds. CaseIndex builds one per event, in chronological order.
struct TimelineItem
{
    qsizetype event = -1; // index into Case::events
    qsizetype rank = -1; // place in chronological order (CaseIndex::chronological())
    double first = 0; // Julian days, inclusive
    double last = 0;
    qint32 sources = 0; // distinct sources citing the event
    qint32 category = 0; // CaseIndex::categories() number
    quint8 precision = 0; // DatePoint::Precision
    bool range = false;
    bool openStart = false;
    bool openEnd = false;
    bool approximate = false;
    bool disputed = false; // part of a point whose accounts conflict (Case::isDisputed), not of specificity only
};

// Every row of the event model at once, in time order, for a view that places all of them (the
// timeline). One QVariant for the whole set instead of one per row: reading a million rows through
// per-row roles took 1.5 s; this shares the index and the list of visible ranks and copies
// nothing. Immutable; the accessors give the few strings the view draws for the events it shows.
class TimelineRows
{
public:
    TimelineRows() = default;
    // The events at these chronological ranks (ascending, so the rows are in time order).
    TimelineRows(std::shared_ptr<const CaseIndex> index, QList<qsizetype> ranks);

    qsizetype count() const { return m_ranks.size(); }
    // Row i, read in place from the index: nothing is copied per row.
    const TimelineItem &operator[](qsizetype i) const { return m_items[m_ranks[i]]; }

    QString title(const TimelineItem &item) const;
    QString categoryName(const TimelineItem &item) const;
    QString dateDescription(const TimelineItem &item) const;
    QString dateText(const TimelineItem &item) const; // short: "25 Mar 2024", "… – 25 Mar 2024"

    QStringList actorNames(const TimelineItem &item) const;
    // Participants as actor numbers (CaseIndex numbering; repeated when an actor has several roles).
    std::span<const qint32> actors(const TimelineItem &item) const;
    int actorCount() const;
    QString actorId(qint32 actor) const;
    QString actorName(qint32 actor) const;
    int actorNumber(const QString &id) const;
    qsizetype rankOf(qsizetype event) const;
    int categoryCount() const;
    QString categoryName(int category) const;

private:
    std::shared_ptr<const CaseIndex> m_index;
    QList<qsizetype> m_ranks;
    const TimelineItem *m_items = nullptr; // the index's items, by rank
};

} // namespace AT

Q_DECLARE_METATYPE(AT::TimelineRows)
