#pragma once

#include "timelineitem.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QPointer>

namespace AT {

class CaseSession;

// The events that pass the filter, as a table in chronological order (or sorted by a column).
// Rows follow the session's visible-event list and are published with one reset per change;
// views read it through the roles in roles.h, the timeline all rows at once through TimelineRowsRole.
// Sorting by a column computes that column's order of all events once per case; a filter change
// then only drops hidden events from it, so neither costs more than one pass at a million rows.
// The order by title of a large case is worked out in the background (TitleOrder): asked for before
// it is ready, the table stays in time order, says so (sortPending), and sorts once it is; sorting
// by another column meanwhile cancels that.
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

    // The visible events in time order, whatever the sort column (TimelineRowsRole).
    TimelineRows timelineRows() const;
    // A sort asked for is still being worked out; the rows are in time order until it is.
    bool isSortPending() const { return m_pending; }

Q_SIGNALS:
    void sortPendingChanged(bool pending);

private:
    // Whether the column's order can be had without waiting (false: the title order of a large case
    // still in the background, which is then waited for on a worker thread).
    bool orderReady(int column);
    void setPending(bool pending);
    void rebuild();
    void applySort();
    const QList<qsizetype> &sortedOrder(int column);
    QStringList actorNames(qsizetype event) const;

    QPointer<CaseSession> m_session;
    QHash<int, QList<qsizetype>> m_orders; // column -> all events sorted by it, ascending
    QList<qsizetype> m_rows; // event indexes
    mutable QList<int> m_rowOfEvent;
    mutable bool m_rowOfEventValid = false;
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_pending = false;
    QFutureWatcher<void> *m_titleWatcher = nullptr; // waiting for the order by title
};

} // namespace AT
