#pragma once

#include <QObject>

namespace AT {

// The shared interaction state every view observes: the current event and citation.
// Views change it and react to it; they never call each other.
class SelectionState final : public QObject
{
    Q_OBJECT
public:
    explicit SelectionState(QObject *parent = nullptr);

    // Index into Case::events, or -1.
    qsizetype currentEvent() const { return m_event; }
    // Index into the current event's citations, or -1.
    qsizetype currentCitation() const { return m_citation; }

    void setCurrentEvent(qsizetype event);
    void setCurrentCitation(qsizetype citation);
    void clear();

Q_SIGNALS:
    void currentEventChanged(qsizetype event);
    void currentCitationChanged(qsizetype citation);

private:
    qsizetype m_event = -1;
    qsizetype m_citation = -1;
};

} // namespace AT
