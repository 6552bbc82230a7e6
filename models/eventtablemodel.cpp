#include "eventtablemodel.h"

#include "casesession.h"
#include "roles.h"
#include "timelineitem.h"

#include <QCollator>

#include <algorithm>

namespace AT {

EventTableModel::EventTableModel(CaseSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(session, &CaseSession::caseChanged, this, &EventTableModel::rebuild);
    connect(session, &CaseSession::visibleEventsChanged, this, &EventTableModel::rebuild);
    rebuild();
}

void EventTableModel::rebuild()
{
    beginResetModel();
    m_rows = m_session->visibleEvents();
    applySort();
    endResetModel();
}

void EventTableModel::applySort()
{
    const CaseIndex &index = m_session->index();
    const Case &kase = index.kase();
    if (m_sortColumn != DateColumn) {
        // Stable, so equal keys stay in chronological order.
        auto byKey = [&](auto key) {
            std::stable_sort(m_rows.begin(), m_rows.end(), [&](qsizetype a, qsizetype b) { return key(a) < key(b); });
        };
        switch (m_sortColumn) {
        case TitleColumn: {
            QCollator collator;
            collator.setCaseSensitivity(Qt::CaseInsensitive);
            std::stable_sort(m_rows.begin(), m_rows.end(), [&](qsizetype a, qsizetype b) {
                return collator.compare(kase.events[a].title, kase.events[b].title) < 0;
            });
            break;
        }
        case CategoryColumn:
            byKey([&](qsizetype e) { return kase.events[e].category; });
            break;
        case ActorsColumn:
            byKey([&](qsizetype e) { return actorNames(e).value(0); });
            break;
        case SourcesColumn:
            byKey([&](qsizetype e) { return index.eventSources(e).size(); });
            break;
        case DisputedColumn:
            byKey([&](qsizetype e) { return index.isDisputed(e); });
            break;
        }
    }
    if (m_sortOrder == Qt::DescendingOrder) {
        std::reverse(m_rows.begin(), m_rows.end());
    }
    m_rowOfEvent.fill(-1, index.eventCount());
    for (int r = 0; r < m_rows.size(); ++r) {
        m_rowOfEvent[m_rows[r]] = r;
    }
}

void EventTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) {
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qsizetype> events;
    events.reserve(before.size());
    for (const QModelIndex &i : before) {
        events.append(m_rows[i.row()]);
    }
    m_sortColumn = column;
    m_sortOrder = order;
    m_rows = m_session->visibleEvents();
    applySort();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        after.append(index(m_rowOfEvent[events[i]], before[i].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
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

QStringList EventTableModel::actorNames(qsizetype event) const
{
    const Case &kase = m_session->kase();
    QStringList names;
    for (qint32 a : m_session->index().eventActors(event)) {
        const QString &name = kase.actors[a].name;
        if (!names.contains(name)) {
            names << name;
        }
    }
    return names;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const qsizetype event = m_rows[index.row()];
    const CaseIndex &ci = m_session->index();
    const Event &e = ci.kase().events[event];
    const int sources = static_cast<int>(ci.eventSources(event).size());
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
            return actorNames(event).join(QStringLiteral(", "));
        case SourcesColumn:
            return sources;
        case DisputedColumn:
            return e.disagreements.isEmpty() ? QString() : QStringLiteral("disputed");
        }
        return {};
    case Qt::ToolTipRole:
        return QString(e.title + QLatin1Char('\n') + e.date.describe());
    case Qt::TextAlignmentRole:
        return index.column() == SourcesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return ci.rankOf(event);
        case SourcesColumn:
            return sources;
        case DisputedColumn:
            return !e.disagreements.isEmpty();
        default:
            return data(index, Qt::DisplayRole);
        }
    case TimelineItemRole: {
        TimelineItem item;
        item.event = event;
        item.first = static_cast<double>(e.date.earliestJulianDay());
        item.last = static_cast<double>(e.date.latestJulianDay());
        item.precision = static_cast<int>(e.date.precision());
        item.range = e.date.isRange();
        item.openStart = e.date.isOpenStart();
        item.openEnd = e.date.isOpenEnd();
        item.approximate = e.date.isApproximate();
        item.disputed = !e.disagreements.isEmpty();
        item.sources = sources;
        item.title = e.title;
        item.category = e.category;
        return QVariant::fromValue(item);
    }
    case EventIdRole:
        return e.id;
    case EventIndexRole:
        return event;
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
        for (qint32 a : ci.eventActors(event)) {
            if (!ids.contains(ci.kase().actors[a].id)) {
                ids << ci.kase().actors[a].id;
            }
        }
        return ids;
    }
    case ActorNamesRole:
        return actorNames(event);
    case ParticipantsRole: {
        QStringList out;
        const auto actors = ci.eventActors(event);
        const auto roles = ci.eventRoles(event);
        for (size_t i = 0; i < actors.size(); ++i) {
            out << ci.kase().actors[actors[i]].name + QStringLiteral(" (") + ci.roles()[roles[i]] + QLatin1Char(')');
        }
        return out;
    }
    case SourceCountRole:
        return sources;
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
