#pragma once

#include "caseindex.h"
#include "selectionstate.h"

#include <QObject>

#include <memory>

namespace AT {

// The open case as every model and view sees it: the prepared index, the shared selection state,
// and the events that pass the current filter, computed in one pass whenever the filter changes.
class CaseSession final : public QObject
{
    Q_OBJECT
public:
    explicit CaseSession(QObject *parent = nullptr);

    void setCase(std::shared_ptr<const Case> kase);
    const CaseIndex &index() const { return *m_index; }
    const Case &kase() const { return m_index->kase(); }
    SelectionState *selection() const { return m_selection; }

    // Indexes into Case::events that pass the filter, chronological.
    const QList<qsizetype> &visibleEvents() const { return m_visible; }
    bool isVisible(qsizetype event) const { return event >= 0 && event < m_visibleFlag.size() && m_visibleFlag[event]; }

Q_SIGNALS:
    // A new case: everything changed.
    void caseChanged();
    // The filter changed what is visible.
    void visibleEventsChanged();

private:
    void refilter();
    std::unique_ptr<CaseIndex> m_index;
    SelectionState *m_selection;
    QList<qsizetype> m_visible;
    QList<bool> m_visibleFlag;
};

} // namespace AT
