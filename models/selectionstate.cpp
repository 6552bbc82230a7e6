#include "selectionstate.h"

namespace AT {

SelectionState::SelectionState(QObject *parent)
    : QObject(parent)
{ }

void SelectionState::setCurrentEvent(qsizetype event)
{
    if (event == m_event) {
        return;
    }
    m_event = event;
    m_citation = -1;
    Q_EMIT currentEventChanged(event);
    Q_EMIT currentCitationChanged(-1);
}

void SelectionState::setCurrentCitation(qsizetype citation)
{
    if (citation == m_citation) {
        return;
    }
    m_citation = citation;
    Q_EMIT currentCitationChanged(citation);
}

void SelectionState::clear()
{
    setCurrentEvent(-1);
}

} // namespace AT
