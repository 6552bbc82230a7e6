#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace AT {

class CaseSession;

// The disputed points of the current event, one row each: the question, then each competing
// version in its own column, so that what the sources say stands side by side. Every cell tells the
// point's kind (DisagreementKindRole, and the tooltip in words): accounts that conflict, or one that
// is only less specific than another, which is not a conflict.
class DisagreementTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit DisagreementTableModel(CaseSession *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    QPointer<CaseSession> m_session;
    QList<qsizetype> m_rows; // indexes into Case::disagreements
    int m_columns = 1;
};

} // namespace AT
