#include "claimlistmodel.h"

#include "casesession.h"
#include "roles.h"

namespace AT {

ClaimListModel::ClaimListModel(CaseSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(session, &CaseSession::caseChanged, this, &ClaimListModel::rebuild);
    connect(session->selection(), &SelectionState::currentEventChanged, this, &ClaimListModel::rebuild);
    connect(session->selection(), &SelectionState::currentActorChanged, this, &ClaimListModel::rebuild);
    rebuild();
}

void ClaimListModel::rebuild()
{
    beginResetModel();
    const Case &kase = m_session->kase();
    m_claims.clear();
    m_bands.clear();
    m_disputedBy = QList<QList<qsizetype>>(kase.claims.size());
    QHash<QString, qsizetype> claimIndex;
    for (qsizetype i = 0; i < kase.claims.size(); ++i) {
        claimIndex.insert(kase.claims[i].id, i);
    }
    for (qsizetype i = 0; i < kase.claims.size(); ++i) {
        for (const QString &d : kase.claims[i].disputes) {
            const qsizetype target = claimIndex.value(d, -1);
            if (target >= 0) {
                m_disputedBy[target].append(i);
            }
        }
    }
    const qsizetype event = m_session->selection()->currentEvent();
    const QString actor = m_session->selection()->currentActor();
    const QString eventId = event >= 0 && event < kase.events.size() ? kase.events[event].id : QString();
    for (qsizetype i = 0; i < kase.claims.size(); ++i) {
        const Claim &c = kase.claims[i];
        if (!eventId.isEmpty() ? c.eventId == eventId
                               : (!actor.isEmpty() && (c.attributorId == actor || c.subjectId == actor))) {
            m_claims.append(i);
            m_bands.append(estimativeBand(kase, c));
        }
    }
    endResetModel();
}

QString ClaimListModel::actorName(const QString &id) const
{
    const Actor *a = m_session->kase().actor(id);
    return a ? a->name : id;
}

int ClaimListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_claims.size());
}

int ClaimListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClaimListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Case &kase = m_session->kase();
    const qsizetype ci = m_claims[index.row()];
    const Claim &c = kase.claims[ci];
    const std::optional<EstimativeBand> &band = m_bands[index.row()];
    // The source's words first; the band, when the speaker's yardstick defines them, beside them.
    auto wording = [&](const QString &none) {
        if (c.confidence.isEmpty()) {
            return none;
        }
        const QString words = QStringLiteral("\u201c%1\u201d").arg(c.confidence);
        return band ? words + QStringLiteral(" (%1)").arg(band->label()) : words;
    };
    auto disputedBy = [&] {
        QStringList out;
        for (qsizetype d : m_disputedBy[ci]) {
            out << actorName(kase.claims[d].attributorId) + QStringLiteral(": ") + kase.claims[d].statement;
        }
        return out;
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AttributorColumn:
            return actorName(c.attributorId);
        case ConfidenceColumn:
            // The wording verbatim; its absence is shown, not filled in.
            return wording(QStringLiteral("(no wording)"));
        case StatementColumn:
            return c.statement;
        case SubjectColumn:
            return c.subjectId.isEmpty() ? QString() : actorName(c.subjectId);
        case DisputedByColumn: {
            QStringList names;
            for (qsizetype d : m_disputedBy[ci]) {
                const QString name = actorName(kase.claims[d].attributorId);
                if (!names.contains(name)) {
                    names << name;
                }
            }
            return names.join(QStringLiteral(", "));
        }
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList quotes;
        for (const Citation &cit : c.citations) {
            const Source *s = kase.source(cit.sourceId);
            quotes << QStringLiteral("\u201c%1\u201d \u2014 %2").arg(cit.quote, s ? displayTitle(*s) : cit.sourceId);
        }
        QString tip = quotes.join(QLatin1Char('\n'));
        const QStringList by = disputedBy();
        if (!by.isEmpty()) {
            tip += QStringLiteral("\nDisputed by: ") + by.join(QStringLiteral("; "));
        }
        if (band) {
            tip += QStringLiteral("\n\n") + band->toolTip();
        }
        return tip;
    }
    case ClaimIdRole:
        return c.id;
    case AttributorRole:
        return actorName(c.attributorId);
    case SubjectRole:
        return c.subjectId.isEmpty() ? QString() : actorName(c.subjectId);
    case StatementRole:
        return c.statement;
    case ConfidenceRole:
        return c.confidence;
    case DisputesRole: {
        QStringList out;
        for (const QString &id : c.disputes) {
            if (const Claim *other = kase.claim(id)) {
                out << other->statement;
            }
        }
        return out;
    }
    case DisputedByRole:
        return disputedBy();
    case ClaimCardRole: {
        QString card = actorName(c.attributorId) + QStringLiteral(" \u2014 ")
            + wording(QStringLiteral("no confidence wording given"));
        card += QLatin1Char('\n') + c.statement;
        const QString by = data(index.siblingAtColumn(DisputedByColumn), Qt::DisplayRole).toString();
        if (!by.isEmpty()) {
            card += QStringLiteral("\nDisputed by ") + by;
        }
        if (!c.notes.isEmpty()) {
            card += QStringLiteral("\nYour note (not from a source): ") + c.notes;
        }
        return card;
    }
    case EstimativeBandRole:
        return band ? band->label() : QString();
    case EstimativeBandToolTipRole:
        return band ? band->toolTip() : QString();
    case NotesRole:
        return c.notes;
    case ClaimQuotesRole: {
        QStringList out;
        for (const Citation &cit : c.citations) {
            out << cit.quote;
        }
        return out;
    }
    }
    return {};
}

QVariant ClaimListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case AttributorColumn:
        return QStringLiteral("Who says");
    case ConfidenceColumn:
        return QStringLiteral("How sure");
    case StatementColumn:
        return QStringLiteral("What");
    case SubjectColumn:
        return QStringLiteral("About");
    case DisputedByColumn:
        return QStringLiteral("Disputed by");
    }
    return {};
}

} // namespace AT
