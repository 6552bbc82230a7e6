#include "casesession.h"

namespace AT {

CaseSession::CaseSession(QObject *parent)
    : QObject(parent)
    , m_index(std::make_unique<CaseIndex>(nullptr))
    , m_selection(new SelectionState(this))
{
    connect(m_selection, &SelectionState::filterChanged, this, [this] {
        refilter();
        Q_EMIT visibleEventsChanged();
    });
}

void CaseSession::setCase(std::shared_ptr<const Case> kase)
{
    m_index = std::make_unique<CaseIndex>(std::move(kase));
    {
        // Resetting the selection clears the filter, which would refilter against the new index
        // and announce it; the case change below announces everything at once instead.
        const QSignalBlocker blocker(this);
        m_selection->reset();
    }
    refilter();
    Q_EMIT caseChanged();
}

void CaseSession::refilter()
{
    m_visible = filterEvents(*m_index, m_selection->filter());
    m_visibleFlag.fill(false, m_index->eventCount());
    for (qsizetype e : std::as_const(m_visible)) {
        m_visibleFlag[e] = true;
    }
}

} // namespace AT
