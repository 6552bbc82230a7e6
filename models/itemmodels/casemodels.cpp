#include "casemodels.h"

#include "actortreemodel.h"
#include "citationlistmodel.h"
#include "claimlistmodel.h"
#include "disagreementtablemodel.h"
#include "eventtablemodel.h"
#include "sentencecoveragemodel.h"
#include "sourcelistmodel.h"

namespace AT {

CaseModels::CaseModels(CaseSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_events(new EventTableModel(session, this))
    , m_actors(new ActorTreeModel(session, this))
    , m_citations(new CitationListModel(session, this))
    , m_claims(new ClaimListModel(session, this))
    , m_disagreements(new DisagreementTableModel(session, this))
    , m_sources(new SourceListModel(session, this))
    , m_sentences(new SentenceCoverageModel(session, this))
{
    for (ChartModel::Kind k : ChartModel::kinds()) {
        m_charts << new ChartModel(k, session, this);
    }
}

ChartModel *CaseModels::chart(ChartModel::Kind kind) const
{
    return m_charts.value(ChartModel::kinds().indexOf(kind));
}

} // namespace AT
