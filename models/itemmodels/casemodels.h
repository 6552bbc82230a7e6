#pragma once

#include "chartmodel.h"

#include <QList>
#include <QObject>

namespace AT {

class ActorTreeModel;
class CaseSession;
class CitationListModel;
class ClaimListModel;
class DisagreementTableModel;
class EventTableModel;
class SentenceCoverageModel;
class SourceListModel;

// Every item model of a session, built once and shared: the window's panels, the chart panel and
// the exporter observe the same instances, so one filter change updates each derived model once.
class CaseModels final : public QObject
{
    Q_OBJECT
public:
    explicit CaseModels(CaseSession *session, QObject *parent = nullptr);

    CaseSession *session() const { return m_session; }
    EventTableModel *events() const { return m_events; }
    ActorTreeModel *actors() const { return m_actors; }
    CitationListModel *citations() const { return m_citations; }
    ClaimListModel *claims() const { return m_claims; }
    DisagreementTableModel *disagreements() const { return m_disagreements; }
    SourceListModel *sources() const { return m_sources; }
    // The sentences of the source shown, each cited, reviewed and not used, or unreviewed.
    SentenceCoverageModel *sentences() const { return m_sentences; }
    // One per ChartModel::kinds(), in that order.
    const QList<ChartModel *> &charts() const { return m_charts; }
    ChartModel *chart(ChartModel::Kind kind) const;

private:
    CaseSession *m_session;
    EventTableModel *m_events;
    ActorTreeModel *m_actors;
    CitationListModel *m_citations;
    ClaimListModel *m_claims;
    DisagreementTableModel *m_disagreements;
    SourceListModel *m_sources;
    SentenceCoverageModel *m_sentences;
    QList<ChartModel *> m_charts;
};

} // namespace AT
