#pragma once

#include "eventfilter.h"

#include <QList>
#include <QObject>

namespace AT {

// The shared interaction state every view observes: the current event, actor, citation and source,
// the filter, the visible time window, and back/forward navigation history.
// Views change it and react to it; they never call each other.
class SelectionState final : public QObject
{
    Q_OBJECT
public:
    explicit SelectionState(QObject *parent = nullptr);

    // Index into Case::events, or -1.
    qsizetype currentEvent() const { return m_location.event; }
    // Actor id, or empty.
    QString currentActor() const { return m_location.actor; }
    // Index into the current event's citations, or -1.
    qsizetype currentCitation() const { return m_citation; }
    // Source id shown in the reader, or empty.
    QString currentSource() const { return m_source; }
    const EventFilter &filter() const { return m_filter; }
    // The time window the timeline shows, as Julian days.
    double windowStart() const { return m_windowStart; }
    double windowEnd() const { return m_windowEnd; }

    void setCurrentEvent(qsizetype event);
    void setCurrentActor(const QString &actorId);
    void setCurrentCitation(qsizetype citation);
    // The user asked to read citation `citation` of the current event in its source (a click,
    // Enter): announced even when it is already the current one, so the reader scrolls back to it.
    void openCitation(qsizetype citation);
    void setCurrentSource(const QString &sourceId);
    void setFilter(const EventFilter &filter);
    // No filter and no actor highlighted: every event shown, none dimmed.
    void clearFilter();
    void setWindow(double start, double end);
    // Forgets everything (but the time window) WITHOUT a signal: only CaseSession calls it, in the
    // middle of a case switch, which it announces once with caseChanged() when the new case, the
    // empty selection and the visible events are all in place. Whoever keeps state derived from
    // the selection refreshes it then (or on its model's reset), never half-way through.
    void reset();
    void clear() { setCurrentEvent(-1); }

    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }
    void back();
    void forward();

Q_SIGNALS:
    void currentEventChanged(qsizetype event);
    void currentActorChanged(const QString &actorId);
    void currentCitationChanged(qsizetype citation);
    void citationOpened(qsizetype citation);
    void currentSourceChanged(const QString &sourceId);
    void filterChanged(const AT::EventFilter &filter);
    void windowChanged(double start, double end);
    void historyChanged();

private:
    struct Location
    {
        qsizetype event = -1;
        QString actor;
        friend bool operator==(const Location &, const Location &) = default;
    };
    void go(const Location &to, bool record);

    Location m_location;
    qsizetype m_citation = -1;
    QString m_source;
    EventFilter m_filter;
    double m_windowStart = 0;
    double m_windowEnd = 0;
    QList<Location> m_back;
    QList<Location> m_forward;
};

} // namespace AT
