#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace AT {

class CaseSession;

// The events that pass the filter, as a table in chronological order (or sorted by a column).
// Rows follow the session's visible-event list and are published with one reset per change;
// views read it through the roles in roles.h.
class EventTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DateColumn, TitleColumn, CategoryColumn, ActorsColumn, SourcesColumn, DisputedColumn, ColumnCount };

    explicit EventTableModel(CaseSession *session, QObject *parent = nullptr);

    // The row of the event with this index in Case::events, or -1 when it is filtered out.
    int rowOfEvent(qsizetype eventIndex) const;
    qsizetype eventAt(int row) const { return m_rows[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void rebuild();
    void applySort();
    QStringList actorNames(qsizetype event) const;

    QPointer<CaseSession> m_session;
    QList<qsizetype> m_rows; // event indexes
    QList<int> m_rowOfEvent;
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace AT
