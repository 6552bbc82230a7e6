#include "selectionstate.h"

namespace AT {

namespace {
constexpr qsizetype MaxHistory = 200;
}

SelectionState::SelectionState(QObject *parent)
    : QObject(parent)
{ }

void SelectionState::go(const Location &to, bool record)
{
    if (to == m_location) {
        return;
    }
    if (record) {
        m_back.append(m_location);
        if (m_back.size() > MaxHistory) {
            m_back.removeFirst();
        }
        m_forward.clear();
    }
    const Location from = m_location;
    m_location = to;
    if (from.event != to.event) {
        m_citation = -1;
        Q_EMIT currentEventChanged(to.event);
        Q_EMIT currentCitationChanged(-1);
    }
    if (from.actor != to.actor) {
        Q_EMIT currentActorChanged(to.actor);
    }
    Q_EMIT historyChanged();
}

void SelectionState::setCurrentEvent(qsizetype event)
{
    go(Location {event, m_location.actor}, true);
}

void SelectionState::setCurrentActor(const QString &actorId)
{
    go(Location {m_location.event, actorId}, true);
}

void SelectionState::setCurrentCitation(qsizetype citation)
{
    if (citation == m_citation) {
        return;
    }
    m_citation = citation;
    Q_EMIT currentCitationChanged(citation);
}

void SelectionState::openCitation(qsizetype citation)
{
    setCurrentCitation(citation);
    Q_EMIT citationOpened(citation);
}

void SelectionState::clearFilter()
{
    setCurrentActor(QString());
    setFilter({});
}

void SelectionState::setCurrentSource(const QString &sourceId)
{
    if (sourceId == m_source) {
        return;
    }
    m_source = sourceId;
    Q_EMIT currentSourceChanged(sourceId);
}

void SelectionState::setFilter(const EventFilter &filter)
{
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    Q_EMIT filterChanged(m_filter);
}

void SelectionState::setWindow(double start, double end)
{
    if (start == m_windowStart && end == m_windowEnd) {
        return;
    }
    m_windowStart = start;
    m_windowEnd = end;
    Q_EMIT windowChanged(start, end);
}

void SelectionState::reset()
{
    m_back.clear();
    m_forward.clear();
    m_location = Location {};
    m_citation = -1;
    m_source.clear();
    m_filter = EventFilter {};
}

void SelectionState::back()
{
    if (m_back.isEmpty()) {
        return;
    }
    m_forward.append(m_location);
    go(m_back.takeLast(), false);
}

void SelectionState::forward()
{
    if (m_forward.isEmpty()) {
        return;
    }
    m_back.append(m_location);
    go(m_forward.takeLast(), false);
}

} // namespace AT
