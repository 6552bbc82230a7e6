#include "casesession.h"

#include <algorithm>

namespace AT {

CaseSession::CaseSession(QObject *parent)
    : QObject(parent)
    , m_index(std::make_shared<const CaseIndex>(nullptr))
    , m_selection(new SelectionState(this))
{
    connect(m_selection, &SelectionState::filterChanged, this, [this] {
        refilter();
        Q_EMIT visibleEventsChanged();
    });
}

void CaseSession::setCase(std::shared_ptr<const Case> kase)
{
    setIndex(std::make_shared<const CaseIndex>(std::move(kase)));
}

void CaseSession::setIndex(std::shared_ptr<const CaseIndex> index)
{
    // One transaction: the index, the selection (forgotten silently: a currentEventChanged(-1)
    // here would reach views whose models still hold the old case's rows) and the visible events
    // change first, without a signal; then caseChanged() announces them once, and every model
    // rebuilds from a session that is whole.
    m_index = index ? std::move(index) : std::make_shared<const CaseIndex>(nullptr);
    m_needle.clear();
    m_textMatches.clear();
    m_selection->reset();
    refilter();
    Q_EMIT caseChanged();
}

void CaseSession::updateCase(std::shared_ptr<const Case> kase)
{
    const Case &old = m_index->kase();
    const qsizetype current = m_selection->currentEvent();
    const QString eventId = current >= 0 && current < old.events.size() ? old.events[current].id : QString();
    const QString actorId = m_selection->currentActor();
    const QString sourceId = m_selection->currentSource();
    const qsizetype citation = m_selection->currentCitation();
    const EventFilter filter = m_selection->filter();
    const double windowStart = m_selection->windowStart();
    const double windowEnd = m_selection->windowEnd();
    setCase(std::move(kase));
    const Case &now = m_index->kase();
    if (!(filter == EventFilter())) {
        m_selection->setFilter(filter);
    }
    if (!actorId.isEmpty() && now.actor(actorId)) {
        m_selection->setCurrentActor(actorId);
    }
    if (!eventId.isEmpty()) {
        for (qsizetype i = 0; i < now.events.size(); ++i) {
            if (now.events[i].id == eventId) {
                m_selection->setCurrentEvent(i);
                if (citation >= 0 && citation < now.events[i].citations.size()) {
                    m_selection->setCurrentCitation(citation);
                }
                break;
            }
        }
    }
    if (!sourceId.isEmpty() && now.source(sourceId)) {
        m_selection->setCurrentSource(sourceId);
    }
    if (windowEnd > windowStart) {
        m_selection->setWindow(windowStart, windowEnd);
    }
}

void CaseSession::refilter()
{
    const EventFilter &filter = m_selection->filter();
    const QString needle = searchNeedle(filter.text);
    if (needle.isEmpty()) {
        m_needle.clear();
        m_textMatches.clear();
    } else if (needle != m_needle) {
        // Typing one more letter: the new hits are among the old ones. Checking them one by one
        // pays off only when they are few; otherwise one parallel scan of the whole text is faster
        // (1M events: 100 ms for 600k candidates one by one, 30 ms for the scan).
        const bool narrower = !m_needle.isEmpty() && needle.contains(m_needle)
            && std::count(m_textMatches.cbegin(), m_textMatches.cend(), true) < m_index->eventCount() / 16;
        m_textMatches = matchText(*m_index, needle, narrower ? &m_textMatches : nullptr);
        m_needle = needle;
    }
    m_visibleRanks = filterRanks(*m_index, filter, needle.isEmpty() ? nullptr : &m_textMatches);
    const QList<qsizetype> &order = m_index->chronological();
    m_visible.resize(m_visibleRanks.size());
    for (qsizetype i = 0; i < m_visibleRanks.size(); ++i) {
        m_visible[i] = order[m_visibleRanks[i]];
    }
    m_visibleFlagValid = false;
}

bool CaseSession::isVisible(qsizetype event) const
{
    if (!m_visibleFlagValid) {
        m_visibleFlag.assign(static_cast<size_t>(m_index->eventCount()), false);
        for (qsizetype e : std::as_const(m_visible)) {
            m_visibleFlag[static_cast<size_t>(e)] = true;
        }
        m_visibleFlagValid = true;
    }
    return event >= 0 && static_cast<size_t>(event) < m_visibleFlag.size() && m_visibleFlag[static_cast<size_t>(event)];
}

} // namespace AT
