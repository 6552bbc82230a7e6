#pragma once

#include <QAbstractItemModel>
#include <QPointer>

namespace AT {

class CaseSession;

// Actors grouped by kind: kind rows at the top level, actors below. The events column counts the
// actor's events that pass the current filter and follows it.
class ActorTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, EventsColumn, ColumnCount };

    explicit ActorTreeModel(CaseSession *session, QObject *parent = nullptr);

    QModelIndex indexOfActor(const QString &actorId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    void recount();
    struct Kind
    {
        QString name;
        QList<int> actors; // actor numbers, by name
    };
    QPointer<CaseSession> m_session;
    QList<Kind> m_kinds;
    QList<int> m_kindOfActor; // kind row of each actor
    QList<int> m_rowOfActor; // row within its kind
    QList<int> m_eventCount; // per actor, visible events
    QList<int> m_claimCount;
};

} // namespace AT
