#pragma once

#include "caseindex.h"
#include "selectionstate.h"

#include <QObject>

#include <memory>
#include <vector>

namespace AT {

// The open case as every model and view sees it: the prepared index, the shared selection state,
// and the events that pass the current filter, computed in one pass whenever the filter changes.
class CaseSession final : public QObject
{
    Q_OBJECT
public:
    explicit CaseSession(QObject *parent = nullptr);

    void setCase(std::shared_ptr<const Case> kase);
    // An edited version of the case: indexed anew (caseChanged() as for a new case), then the
    // filter, the current event (by id), actor and source are restored where they still exist.
    void updateCase(std::shared_ptr<const Case> kase);
    // The same with the index already built (on another thread, for instance).
    void setIndex(std::shared_ptr<const CaseIndex> index);
    const CaseIndex &index() const { return *m_index; }
    std::shared_ptr<const CaseIndex> sharedIndex() const { return m_index; }
    const Case &kase() const { return m_index->kase(); }
    SelectionState *selection() const { return m_selection; }

    // Indexes into Case::events that pass the filter, chronological.
    const QList<qsizetype> &visibleEvents() const { return m_visible; }
    // The same as chronological ranks (CaseIndex::chronological()), ascending.
    const QList<qsizetype> &visibleRanks() const { return m_visibleRanks; }
    bool allVisible() const { return m_visible.size() == m_index->eventCount(); }
    bool isVisible(qsizetype event) const;

Q_SIGNALS:
    // A new case: everything changed, the selection and the filter too (they are empty now). The
    // only signal of a case switch, emitted once the session is whole: neither the session nor its
    // selection emits anything else on the way.
    void caseChanged();
    // The filter changed what is visible.
    void visibleEventsChanged();

private:
    void refilter();
    std::shared_ptr<const CaseIndex> m_index;
    SelectionState *m_selection;
    QList<qsizetype> m_visible;
    QList<qsizetype> m_visibleRanks;
    // The last text searched and its matches by rank: a longer text containing it searches only those.
    QString m_needle;
    QList<bool> m_textMatches;
    // By event, one bit each (a million fit in the cache); built on first isVisible() after a change.
    mutable std::vector<bool> m_visibleFlag;
    mutable bool m_visibleFlagValid = false;
};

} // namespace AT
