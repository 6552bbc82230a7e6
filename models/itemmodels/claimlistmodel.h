#pragma once

#include "estimative.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <optional>

namespace AT {

class CaseSession;

// Who says what: the claims about the current event, or, with no event selected, the claims made
// by or about the current actor. Columns put attributor, wording and subject side by side.
class ClaimListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { AttributorColumn, ConfidenceColumn, StatementColumn, SubjectColumn, DisputedByColumn, ColumnCount };

    explicit ClaimListModel(CaseSession *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    QString actorName(const QString &id) const;
    QPointer<CaseSession> m_session;
    QList<qsizetype> m_claims; // indexes into Case::claims
    QList<QList<qsizetype>> m_disputedBy; // per claim of the case, the claims that dispute it
    QList<std::optional<EstimativeBand>> m_bands; // per row: what the wording stands for, when known
};

} // namespace AT
