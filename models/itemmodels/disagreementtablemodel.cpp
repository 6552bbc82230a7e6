#include "disagreementtablemodel.h"

#include "casesession.h"
#include "roles.h"

namespace AT {

DisagreementTableModel::DisagreementTableModel(CaseSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(session, &CaseSession::caseChanged, this, &DisagreementTableModel::rebuild);
    connect(session->selection(), &SelectionState::currentEventChanged, this, &DisagreementTableModel::rebuild);
    rebuild();
}

void DisagreementTableModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    m_columns = 1;
    const Case &kase = m_session->kase();
    const qsizetype event = m_session->selection()->currentEvent();
    if (event >= 0 && event < kase.events.size()) {
        for (const QString &id : kase.events[event].disagreements) {
            for (qsizetype i = 0; i < kase.disagreements.size(); ++i) {
                if (kase.disagreements[i].id == id) {
                    m_rows.append(i);
                    m_columns = std::max(m_columns, 1 + static_cast<int>(kase.disagreements[i].versions.size()));
                }
            }
        }
    }
    endResetModel();
}

int DisagreementTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DisagreementTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant DisagreementTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Case &kase = m_session->kase();
    const Disagreement &d = kase.disagreements[m_rows[index.row()]];
    if (role == DisagreementKindRole) {
        return disagreementKindName(d.kind);
    }
    if (role == Qt::ToolTipRole) {
        return QString(disagreementKindText(d.kind) + QLatin1Char('.'));
    }
    if (index.column() == 0) {
        if (role == DisagreementCardRole) {
            QString card = d.question + QLatin1Char('\n') + disagreementKindText(d.kind) + QLatin1Char('.');
            for (qsizetype v = 0; v < d.versions.size(); ++v) {
                card += QStringLiteral("\n\u25B8 ") + d.versions[v].statement;
                for (const Citation &c : d.versions[v].citations) {
                    const Source *s = kase.source(c.sourceId);
                    card += QStringLiteral("\n    \u201c%1\u201d \u2014 %2")
                                .arg(c.quote, s ? displayTitle(*s) : c.sourceId);
                }
            }
            return card;
        }
        return role == Qt::DisplayRole ? QVariant(d.question) : QVariant();
    }
    const qsizetype v = index.column() - 1;
    if (v >= d.versions.size()) {
        return {};
    }
    const DisagreementVersion &version = d.versions[v];
    QStringList quotes;
    for (const Citation &c : version.citations) {
        const Source *s = kase.source(c.sourceId);
        quotes << QStringLiteral("\u201c%1\u201d \u2014 %2").arg(c.quote, s ? displayTitle(*s) : c.sourceId);
    }
    switch (role) {
    case Qt::DisplayRole:
        return QString(version.statement + QLatin1Char('\n') + quotes.join(QLatin1Char('\n')));
    case VersionStatementRole:
        return version.statement;
    case VersionQuotesRole:
        return quotes;
    }
    return {};
}

QVariant DisagreementTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == 0 ? QStringLiteral("Disputed point") : QStringLiteral("Version %1").arg(section);
}

} // namespace AT
