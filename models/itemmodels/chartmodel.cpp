#include "chartmodel.h"

#include "casesession.h"
#include "roles.h"

#include <QDate>

#include <algorithm>
#include <map>

namespace AT {

ChartModel::ChartModel(Kind kind, CaseSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_session(session)
{
    connect(session, &CaseSession::caseChanged, this, [this] {
        m_yearOfRank.clear(); // a new case, even of the same size, has other years
        invalidate();
    });
    connect(session, &CaseSession::visibleEventsChanged, this, &ChartModel::invalidate);
}

QList<ChartModel::Kind> ChartModel::kinds()
{
    return {Kind::EventsPerYear, Kind::EventsPerActor, Kind::SourcesPerEvent, Kind::ClaimsByAttributor,
            Kind::ActorActivity};
}

QString ChartModel::title(Kind kind)
{
    switch (kind) {
    case Kind::EventsPerYear:
        return QStringLiteral("Events per year, by category");
    case Kind::EventsPerActor:
        return QStringLiteral("Events per actor (top %1)").arg(TopActors);
    case Kind::SourcesPerEvent:
        return QStringLiteral("How many sources report each event");
    case Kind::ClaimsByAttributor:
        return QStringLiteral("Claims by attributor and confidence wording");
    case Kind::ActorActivity:
        return QStringLiteral("Actor activity: first to last cited event");
    }
    return {};
}

QString ChartModel::rowName(Kind kind)
{
    switch (kind) {
    case Kind::EventsPerYear:
        return QStringLiteral("year");
    case Kind::EventsPerActor:
    case Kind::ActorActivity:
        return QStringLiteral("actor");
    case Kind::SourcesPerEvent:
        return QStringLiteral("sources per event");
    case Kind::ClaimsByAttributor:
        return QStringLiteral("attributor");
    }
    return {};
}

QString ChartModel::exportName(Kind kind)
{
    switch (kind) {
    case Kind::EventsPerYear:
        return QStringLiteral("events-per-year");
    case Kind::EventsPerActor:
        return QStringLiteral("events-per-actor");
    case Kind::SourcesPerEvent:
        return QStringLiteral("sources-per-event");
    case Kind::ClaimsByAttributor:
        return QStringLiteral("claims-by-attributor");
    case Kind::ActorActivity:
        return QStringLiteral("actor-activity");
    }
    return {};
}

void ChartModel::invalidate()
{
    // Counted only when asked for: a chart nobody shows costs nothing per keystroke.
    beginResetModel();
    m_stale = true;
    endResetModel();
}

void ChartModel::ensure() const
{
    if (m_stale) {
        // The model itself is never const; only the counting is deferred.
        const_cast<ChartModel *>(this)->compute();
    }
}

void ChartModel::compute()
{
    m_stale = false;
    ++m_computations;
    m_rowLabels.clear();
    m_rowKeys.clear();
    m_columns.clear();
    m_values.clear();
    const CaseIndex &index = m_session->index();
    const Case &kase = index.kase();
    const QList<qsizetype> &visible = m_session->visibleEvents();
    switch (m_kind) {
    case Kind::EventsPerYear: {
        // An event counts in the year of the day the timeline places it on: its first day (the
        // end's first day when the start is unknown), the day EventFilter::byFirstDay matches, so
        // a click on a bar shows exactly the events it counts. The year of every event is worked
        // out once per case; a filter change then only adds up counts in flat arrays (1M events:
        // a few milliseconds, where a date conversion and a map look-up per event took over a
        // hundred).
        if (m_yearOfRank.size() != index.eventCount()) {
            m_yearOfRank.resize(index.eventCount());
            for (qsizetype r = 0; r < index.eventCount(); ++r) {
                m_yearOfRank[r] = QDate::fromJulianDay(static_cast<qint64>(index.timelineAt(r).first)).year();
            }
        }
        const qsizetype categoryCount = index.categories().size();
        std::map<int, QList<double>> perYear;
        QList<double> *row = nullptr;
        int rowYear = 0;
        QList<bool> categoryUsed(categoryCount, false);
        for (qsizetype r : m_session->visibleRanks()) {
            const int year = m_yearOfRank[r];
            if (!row || year != rowYear) { // ranks run in time order, so years come in runs
                row = &perYear[year];
                row->resize(categoryCount, 0);
                rowYear = year;
            }
            const qint32 category = index.timelineAt(r).category;
            (*row)[category] += 1;
            categoryUsed[category] = true;
        }
        QList<int> usedCategories;
        for (int c = 0; c < categoryCount; ++c) {
            if (categoryUsed[c]) {
                usedCategories.append(c);
            }
        }
        std::sort(usedCategories.begin(), usedCategories.end(),
                  [&](int a, int b) { return index.categories()[a] < index.categories()[b]; });
        for (int c : usedCategories) {
            m_columns << index.categories()[c];
        }
        // Every year from first to last, so gaps show as gaps; but when that would be more bars
        // than a chart can show (a stray event in year 1 beside one in 2024), only the years that
        // have events, each labelled, so no bar is squeezed out of sight.
        QList<int> years;
        if (!perYear.empty()) {
            const int first = perYear.begin()->first;
            const int last = perYear.rbegin()->first;
            if (last - first < MaxContiguousYears) {
                for (int y = first; y <= last; ++y) {
                    years << y;
                }
            } else {
                for (const auto &[y, counts] : perYear) {
                    years << y;
                }
            }
        }
        for (int y : years) {
            m_rowLabels << QString::number(y);
            m_rowKeys << QString::number(y);
            QList<double> row;
            const auto it = perYear.find(y);
            for (int c : usedCategories) {
                row << (it == perYear.end() ? 0.0 : it->second.value(c));
            }
            m_values << row;
        }
        break;
    }
    case Kind::EventsPerActor: {
        QList<int> counts(kase.actors.size(), 0);
        for (qsizetype e : visible) {
            QList<qint32> seen;
            for (qint32 a : index.eventActors(e)) {
                if (!seen.contains(a)) {
                    seen << a;
                    ++counts[a];
                }
            }
        }
        QList<int> order;
        for (int a = 0; a < counts.size(); ++a) {
            if (counts[a] > 0) {
                order << a;
            }
        }
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return counts[a] > counts[b]; });
        order = order.mid(0, TopActors);
        m_columns << QStringLiteral("Events");
        for (int a : order) {
            m_rowLabels << kase.actors[a].name;
            m_rowKeys << kase.actors[a].id;
            m_values << QList<double> {double(counts[a])};
        }
        break;
    }
    case Kind::SourcesPerEvent: {
        std::map<int, int> histogram;
        int most = 0;
        for (qsizetype e : visible) {
            const int n = static_cast<int>(index.eventSources(e).size());
            ++histogram[n];
            most = std::max(most, n);
        }
        m_columns << QStringLiteral("Events");
        for (int n = 1; n <= most; ++n) {
            m_rowLabels << (n == 1 ? QStringLiteral("1 source") : QStringLiteral("%1 sources").arg(n));
            m_rowKeys << QString::number(n);
            m_values << QList<double> {double(histogram.count(n) ? histogram[n] : 0)};
        }
        if (histogram.count(0)) {
            m_rowLabels.prepend(QStringLiteral("no source"));
            m_rowKeys.prepend(QStringLiteral("0"));
            m_values.prepend(QList<double> {double(histogram[0])});
        }
        break;
    }
    case Kind::ClaimsByAttributor: {
        // Claims about visible events, plus claims tied to no event (they are not filtered out).
        QSet<QString> visibleIds;
        for (qsizetype e : visible) {
            visibleIds.insert(kase.events[e].id);
        }
        QStringList attributors;
        QHash<QString, QHash<QString, int>> counts;
        for (const Claim &c : kase.claims) {
            if (!c.eventId.isEmpty() && !visibleIds.contains(c.eventId)) {
                continue;
            }
            const QString wording = c.confidence.isEmpty() ? QStringLiteral("(no wording)") : c.confidence;
            if (!m_columns.contains(wording)) {
                m_columns << wording;
            }
            if (!attributors.contains(c.attributorId)) {
                attributors << c.attributorId;
            }
            ++counts[c.attributorId][wording];
        }
        std::sort(m_columns.begin(), m_columns.end());
        // Most claims first (ties in the case's order): a low chart sums up the last rows in one bar.
        auto total = [&](const QString &id) {
            int n = 0;
            for (int v : counts[id]) {
                n += v;
            }
            return n;
        };
        std::stable_sort(attributors.begin(), attributors.end(),
                         [&](const QString &a, const QString &b) { return total(a) > total(b); });
        for (const QString &id : attributors) {
            const Actor *a = kase.actor(id);
            m_rowLabels << (a ? a->name : id);
            m_rowKeys << id;
            QList<double> row;
            for (const QString &w : m_columns) {
                row << counts[id].value(w);
            }
            m_values << row;
        }
        break;
    }
    case Kind::ActorActivity: {
        QList<double> first(kase.actors.size(), 0);
        QList<double> last(kase.actors.size(), 0);
        QList<int> count(kase.actors.size(), 0);
        for (qsizetype e : visible) {
            const PartialDate &d = kase.events[e].date;
            for (qint32 a : index.eventActors(e)) {
                const double f = double(d.earliestJulianDay());
                const double l = double(d.latestJulianDay());
                first[a] = count[a] ? std::min(first[a], f) : f;
                last[a] = count[a] ? std::max(last[a], l) : l;
                ++count[a];
            }
        }
        QList<int> order;
        for (int a = 0; a < count.size(); ++a) {
            if (count[a] > 0) {
                order << a;
            }
        }
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return count[a] > count[b]; });
        order = order.mid(0, TopActors);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return first[a] < first[b]; });
        m_columns << QStringLiteral("First") << QStringLiteral("Last");
        for (int a : order) {
            m_rowLabels << kase.actors[a].name;
            m_rowKeys << kase.actors[a].id;
            m_values << QList<double> {first[a], last[a]};
        }
        break;
    }
    }
}

int ChartModel::rowCount(const QModelIndex &parent) const
{
    ensure();
    return parent.isValid() ? 0 : static_cast<int>(m_rowLabels.size());
}

int ChartModel::columnCount(const QModelIndex &parent) const
{
    ensure();
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant ChartModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    ensure();
    switch (role) {
    case Qt::DisplayRole:
        return m_values[index.row()][index.column()];
    case ChartKeyRole:
        return m_rowKeys[index.row()];
    }
    return {};
}

QVariant ChartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == ChartCategoriesRole && orientation == Qt::Horizontal) {
        return m_session ? QVariant(m_session->index().categories()) : QVariant();
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    ensure();
    if (orientation == Qt::Vertical) {
        return section >= 0 && section < m_rowLabels.size() ? QVariant(m_rowLabels[section]) : QVariant();
    }
    return section >= 0 && section < m_columns.size() ? QVariant(m_columns[section]) : QVariant();
}

} // namespace AT
