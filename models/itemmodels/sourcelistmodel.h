#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace AT {

class CaseSession;

// The case's sources with what is known about them and the passages cited in each.
class SourceListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, PublisherColumn, PublishedColumn, CitationsColumn, ColumnCount };

    explicit SourceListModel(CaseSession *session, QObject *parent = nullptr);

    int rowOfSource(const QString &sourceId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Passage
    {
        qint64 start; // UTF-16
        qint64 end;
        QList<qsizetype> events;
    };
    void rebuild();
    QPointer<CaseSession> m_session;
    QList<QList<Passage>> m_passages; // per source, sorted by start
    QList<int> m_citationCount;
    // Unreviewed sentences per source, worked out when first asked for (source coverage walks every
    // citation of the case): -1 until then.
    mutable QList<int> m_unreviewed;
};

} // namespace AT
