#pragma once

#include "casedata.h"

#include <QAbstractTableModel>

#include <memory>

namespace AT {

// The events of a case as a table in chronological order; views read it through the roles in roles.h.
class EventTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DateColumn, TitleColumn, CategoryColumn, ActorsColumn, SourcesColumn, DisputedColumn, ColumnCount };

    explicit EventTableModel(QObject *parent = nullptr);

    // Takes a whole case in one reset.
    void setCase(std::shared_ptr<const Case> kase);
    const Case *currentCase() const { return m_case.get(); }
    // The row of the event with this index in Case::events, or -1.
    int rowOfEvent(qsizetype eventIndex) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        qsizetype event;
        QStringList actorNames;
        int sourceCount;
    };
    std::shared_ptr<const Case> m_case;
    QList<Row> m_rows;
    QList<int> m_rowOfEvent;
};

} // namespace AT
