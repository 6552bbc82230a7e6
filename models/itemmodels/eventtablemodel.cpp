#include "eventtablemodel.h"

#include "casesession.h"
#include "roles.h"
#include "timelineitem.h"

#include <QCollator>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <numeric>
#include <vector>

namespace AT {

EventTableModel::EventTableModel(CaseSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(session, &CaseSession::caseChanged, this, [this] {
        m_orders.clear(); // sorted orders of the old case no longer apply
        if (m_titleWatcher) {
            m_titleWatcher = nullptr; // its result is for the old case; it deletes itself
        }
        rebuild();
    });
    connect(session, &CaseSession::visibleEventsChanged, this, &EventTableModel::rebuild);
    rebuild();
}

void EventTableModel::rebuild()
{
    beginResetModel();
    applySort();
    endResetModel();
}

const QList<qsizetype> &EventTableModel::sortedOrder(int column)
{
    auto it = m_orders.find(column);
    if (it != m_orders.end()) {
        return *it;
    }
    // All events, sorted by the column, stable so that equal keys stay in chronological order.
    // Computed once per case and column; a filter change then only drops the hidden events.
    const CaseIndex &index = m_session->index();
    const Case &kase = index.kase();
    QList<qsizetype> order = index.chronological();
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    // Ranks of a few distinct names in collation order, so events sort by integers.
    auto nameRanks = [&](const QStringList &names) {
        QList<int> byName(names.size());
        std::iota(byName.begin(), byName.end(), 0);
        std::stable_sort(byName.begin(), byName.end(),
                         [&](int a, int b) { return collator.compare(names[a], names[b]) < 0; });
        QList<int> rank(names.size());
        for (int r = 0; r < byName.size(); ++r) {
            rank[byName[r]] = r;
        }
        return rank;
    };
    auto byKey = [&](const auto &key) {
        std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return key(a) < key(b); });
    };
    switch (column) {
    case TitleColumn:
        order = index.byTitle();
        break;
    case CategoryColumn: {
        const QList<int> rank = nameRanks(index.categories());
        byKey([&](qsizetype e) { return rank[index.categoryOf(e)]; });
        break;
    }
    case ActorsColumn: {
        QStringList names;
        for (const Actor &a : kase.actors) {
            names << a.name;
        }
        const QList<int> rank = nameRanks(names);
        // By the first actor named; events without actors first.
        byKey([&](qsizetype e) {
            const auto actors = index.eventActors(e);
            return actors.empty() ? -1 : rank[actors.front()];
        });
        break;
    }
    case SourcesColumn:
        byKey([&](qsizetype e) { return index.eventSources(e).size(); });
        break;
    case DisputedColumn:
        // Conflicting accounts first, then points where one account is only less specific.
        byKey([&](qsizetype e) {
            return index.isDisputed(e) ? 2 : index.kase().events[e].disagreements.isEmpty() ? 0 : 1;
        });
        break;
    default:
        break;
    }
    return *m_orders.insert(column, std::move(order));
}

bool EventTableModel::orderReady(int column)
{
    const CaseIndex &index = m_session->index();
    if (column != TitleColumn || m_orders.contains(column) || index.isByTitleReady()
        || index.eventCount() < TitleOrder::BackgroundFrom) {
        return true;
    }
    if (!m_titleWatcher) {
        // A worker waits for the order (and helps work it out); the table sorts when it is there.
        // The worker keeps the index alive; a newer case or another sort column makes the result moot.
        auto promise = std::make_shared<QPromise<void>>();
        m_titleWatcher = new QFutureWatcher<void>(this);
        const std::shared_ptr<const CaseIndex> held = m_session->sharedIndex();
        connect(m_titleWatcher, &QFutureWatcher<void>::finished, this, [this, watcher = m_titleWatcher, held] {
            watcher->deleteLater();
            if (m_titleWatcher != watcher) {
                return;
            }
            m_titleWatcher = nullptr;
            if (m_pending && m_sortColumn == TitleColumn && m_session->sharedIndex() == held) {
                sort(m_sortColumn, m_sortOrder);
            }
        });
        m_titleWatcher->setFuture(promise->future());
        promise->start();
        QThreadPool::globalInstance()->start([promise, held] {
            Q_UNUSED(held->byTitle());
            promise->finish();
        });
    }
    return false;
}

void EventTableModel::setPending(bool pending)
{
    if (m_pending != pending) {
        m_pending = pending;
        Q_EMIT sortPendingChanged(pending);
    }
}

void EventTableModel::applySort()
{
    m_rowOfEventValid = false;
    const bool ready = orderReady(m_sortColumn);
    setPending(!ready);
    if (m_sortColumn == DateColumn || !ready) {
        m_rows = m_session->visibleEvents();
        if (!ready) {
            return; // in time order, ascending, until the order is there
        }
    } else {
        const QList<qsizetype> &order = sortedOrder(m_sortColumn);
        if (m_session->allVisible()) {
            m_rows = order;
        } else {
            m_rows.clear();
            m_rows.reserve(m_session->visibleEvents().size());
            for (qsizetype e : order) {
                if (m_session->isVisible(e)) {
                    m_rows.append(e);
                }
            }
        }
    }
    if (m_sortOrder == Qt::DescendingOrder) {
        std::reverse(m_rows.begin(), m_rows.end());
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
    applySort();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        after.append(index(rowOfEvent(events[i]), before[i].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int EventTableModel::rowOfEvent(qsizetype eventIndex) const
{
    if (!m_rowOfEventValid) {
        // Built on first need: filtering and sorting a million rows should not pay for it.
        m_rowOfEvent.fill(-1, m_session->index().eventCount());
        for (int r = 0; r < m_rows.size(); ++r) {
            // Rows always come from the session's current case (it announces a new one only once
            // whole); should one not, it is left out rather than written past the map.
            if (m_rows[r] < m_rowOfEvent.size()) {
                m_rowOfEvent[m_rows[r]] = r;
            }
        }
        m_rowOfEventValid = true;
    }
    return eventIndex >= 0 && eventIndex < m_rowOfEvent.size() ? m_rowOfEvent[eventIndex] : -1;
}

TimelineRows EventTableModel::timelineRows() const
{
    return TimelineRows(m_session->sharedIndex(), m_session->visibleRanks());
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
    if (!index.isValid() && role == TimelineRowsRole) {
        return QVariant::fromValue(timelineRows());
    }
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
            // A point where one account is only less specific is no dispute, and does not read as one.
            return ci.isDisputed(event)     ? QStringLiteral("disputed")
                : e.disagreements.isEmpty() ? QString()
                                            : QStringLiteral("only less specific");
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
            return ci.isDisputed(event) ? 2 : e.disagreements.isEmpty() ? 0 : 1;
        default:
            return data(index, Qt::DisplayRole);
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
        return ci.isDisputed(event);
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
