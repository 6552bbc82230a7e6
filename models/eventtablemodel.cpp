#include "eventtablemodel.h"

#include "casereport.h"
#include "roles.h"

namespace AT {

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EventTableModel::setCase(std::shared_ptr<const Case> kase)
{
    beginResetModel();
    m_case = std::move(kase);
    m_rows.clear();
    m_rowOfEvent.clear();
    if (m_case) {
        QHash<QString, QString> actorNames;
        for (const Actor &a : m_case->actors) {
            actorNames.insert(a.id, a.name);
        }
        const QList<qsizetype> order = chronologicalOrder(*m_case);
        m_rows.reserve(order.size());
        m_rowOfEvent.resize(m_case->events.size(), -1);
        for (qsizetype i : order) {
            const Event &e = m_case->events[i];
            Row row {i, {}, static_cast<int>(distinctSources(e.citations))};
            for (const Participant &p : e.participants) {
                const QString name = actorNames.value(p.actorId, p.actorId);
                if (!row.actorNames.contains(name)) {
                    row.actorNames << name;
                }
            }
            m_rowOfEvent[i] = static_cast<int>(m_rows.size());
            m_rows.append(std::move(row));
        }
    }
    endResetModel();
}

int EventTableModel::rowOfEvent(qsizetype eventIndex) const
{
    return eventIndex >= 0 && eventIndex < m_rowOfEvent.size() ? m_rowOfEvent[eventIndex] : -1;
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows[index.row()];
    const Event &e = m_case->events[row.event];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return e.date.toDisplayString();
        case TitleColumn:
            return e.title;
        case CategoryColumn:
            return e.category;
        case ActorsColumn:
            return row.actorNames.join(QStringLiteral(", "));
        case SourcesColumn:
            return row.sourceCount;
        case DisputedColumn:
            return e.disagreements.isEmpty() ? QString() : QStringLiteral("disputed");
        }
        return {};
    case Qt::ToolTipRole:
        return QString(e.title + QLatin1Char('\n') + e.date.describe());
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return index.row(); // rows are already in chronological order
        case SourcesColumn:
            return row.sourceCount;
        case DisputedColumn:
            return !e.disagreements.isEmpty();
        default:
            return data(index, Qt::DisplayRole);
        }
    case EventIdRole:
        return e.id;
    case EventIndexRole:
        return row.event;
    case EarliestDayRole:
        return e.date.earliestJulianDay();
    case LatestDayRole:
        return e.date.latestJulianDay();
    case PrecisionRole:
        return static_cast<int>(e.date.precision());
    case IsRangeRole:
        return e.date.isRange();
    case OpenStartRole:
        return e.date.isOpenStart();
    case OpenEndRole:
        return e.date.isOpenEnd();
    case ApproximateRole:
        return e.date.isApproximate();
    case DateDisplayRole:
        return e.date.toDisplayString();
    case DateDescriptionRole:
        return e.date.describe();
    case TitleRole:
        return e.title;
    case SummaryRole:
        return e.summary;
    case CategoryRole:
        return e.category;
    case ActorIdsRole: {
        QStringList ids;
        for (const Participant &p : e.participants) {
            if (!ids.contains(p.actorId)) {
                ids << p.actorId;
            }
        }
        return ids;
    }
    case ActorNamesRole:
        return row.actorNames;
    case SourceCountRole:
        return row.sourceCount;
    case CitationCountRole:
        return static_cast<int>(e.citations.size());
    case DisputedRole:
        return !e.disagreements.isEmpty();
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case DateColumn:
        return QStringLiteral("Date");
    case TitleColumn:
        return QStringLiteral("Event");
    case CategoryColumn:
        return QStringLiteral("Category");
    case ActorsColumn:
        return QStringLiteral("Actors");
    case SourcesColumn:
        return QStringLiteral("Sources");
    case DisputedColumn:
        return QStringLiteral("Disputed");
    }
    return {};
}

} // namespace AT
