#include "actortreemodel.h"

#include "casesession.h"
#include "estimative.h"
#include "roles.h"

#include <QCollator>

#include <algorithm>

namespace AT {

namespace {
// A headline short enough to follow a name: cut at a word boundary, with an ellipsis.
QString shortTitle(const QString &title)
{
    constexpr qsizetype Max = 40;
    if (title.size() <= Max) {
        return title;
    }
    qsizetype cut = title.lastIndexOf(QLatin1Char(' '), Max);
    if (cut < Max / 2) {
        cut = Max;
    }
    return title.left(cut).trimmed() + QChar(0x2026);
}
} // namespace

// Internal ids: 0 for kind rows, actor number + 1 for actor rows.

ActorTreeModel::ActorTreeModel(CaseSession *session, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(session)
{
    connect(session, &CaseSession::caseChanged, this, &ActorTreeModel::rebuild);
    connect(session, &CaseSession::visibleEventsChanged, this, &ActorTreeModel::recount);
    rebuild();
}

void ActorTreeModel::rebuild()
{
    beginResetModel();
    const Case &kase = m_session->kase();
    m_kinds.clear();
    QHash<QString, int> kindRow;
    QStringList kindNames;
    for (const Actor &a : kase.actors) {
        if (!kindRow.contains(a.kind)) {
            kindRow.insert(a.kind, 0);
            kindNames << a.kind;
        }
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(kindNames.begin(), kindNames.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    for (int i = 0; i < kindNames.size(); ++i) {
        kindRow[kindNames[i]] = i;
        m_kinds.append(Kind {kindNames[i], {}});
    }
    m_kindOfActor.resize(kase.actors.size());
    m_rowOfActor.resize(kase.actors.size());
    for (int a = 0; a < kase.actors.size(); ++a) {
        m_kindOfActor[a] = kindRow.value(kase.actors[a].kind);
        m_kinds[m_kindOfActor[a]].actors.append(a);
    }
    for (Kind &k : m_kinds) {
        std::sort(k.actors.begin(), k.actors.end(),
                  [&](int a, int b) { return collator.compare(kase.actors[a].name, kase.actors[b].name) < 0; });
        for (int r = 0; r < k.actors.size(); ++r) {
            m_rowOfActor[k.actors[r]] = r;
        }
    }
    m_claimCount.fill(0, kase.actors.size());
    const CaseIndex &index = m_session->index();
    for (const Claim &c : kase.claims) {
        const int attributor = index.actorNumber(c.attributorId);
        const int subject = index.actorNumber(c.subjectId);
        if (attributor >= 0) {
            ++m_claimCount[attributor];
        }
        if (subject >= 0 && subject != attributor) {
            ++m_claimCount[subject];
        }
    }
    m_eventCount.fill(0, kase.actors.size());
    recount();
    endResetModel();
}

void ActorTreeModel::recount()
{
    const CaseIndex &caseIndex = m_session->index();
    QList<int> counts(caseIndex.kase().actors.size(), 0);
    for (qsizetype e : m_session->visibleEvents()) {
        const auto actors = caseIndex.eventActors(e);
        // An actor with two roles in one event counts that event once.
        for (size_t i = 0; i < actors.size(); ++i) {
            if (std::find(actors.begin(), actors.begin() + i, actors[i]) == actors.begin() + i) {
                ++counts[actors[i]];
            }
        }
    }
    // std::equal, not QList::operator==: Qt 6.4 passes null to memcmp for empty lists (UBSan flags it).
    if (std::equal(counts.cbegin(), counts.cend(), m_eventCount.cbegin(), m_eventCount.cend())) {
        return;
    }
    m_eventCount = counts;
    for (int k = 0; k < m_kinds.size(); ++k) {
        const QModelIndex kindIndex = index(k, 0);
        Q_EMIT dataChanged(index(k, EventsColumn), index(k, EventsColumn));
        if (!m_kinds[k].actors.isEmpty()) {
            Q_EMIT dataChanged(index(0, EventsColumn, kindIndex),
                               index(static_cast<int>(m_kinds[k].actors.size()) - 1, EventsColumn, kindIndex));
        }
    }
}

QModelIndex ActorTreeModel::indexOfActor(const QString &actorId) const
{
    const int a = m_session->index().actorNumber(actorId);
    if (a < 0) {
        return {};
    }
    return createIndex(m_rowOfActor[a], 0, quintptr(a + 1));
}

QModelIndex ActorTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return createIndex(row, column, quintptr(0));
    }
    return createIndex(row, column, quintptr(m_kinds[parent.row()].actors[row] + 1));
}

QModelIndex ActorTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0) {
        return {};
    }
    const int actor = static_cast<int>(child.internalId()) - 1;
    return createIndex(m_kindOfActor[actor], 0, quintptr(0));
}

int ActorTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return static_cast<int>(m_kinds.size());
    }
    if (parent.internalId() == 0 && parent.column() == 0) {
        return static_cast<int>(m_kinds[parent.row()].actors.size());
    }
    return 0;
}

int ActorTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ActorTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Case &kase = m_session->kase();
    if (index.internalId() == 0) {
        const Kind &k = m_kinds[index.row()];
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn) {
                return QStringLiteral("%1 (%2)").arg(k.name).arg(k.actors.size());
            }
            return QVariant();
        case ActorKindRole:
            return k.name;
        case ActorIdRole:
            return QString();
        }
        return {};
    }
    const int a = static_cast<int>(index.internalId()) - 1;
    const Actor &actor = kase.actors[a];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? QVariant(actor.name) : QVariant(m_eventCount[a]);
    case Qt::TextAlignmentRole:
        return index.column() == EventsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = actor.name + QStringLiteral(" (") + actor.kind + QLatin1Char(')');
        if (!actor.description.isEmpty()) {
            tip += QLatin1Char('\n') + actor.description;
        }
        const QStringList aliases = data(index, AliasesRole).toStringList();
        if (!aliases.isEmpty()) {
            tip += QStringLiteral("\nAlso known as: ") + aliases.join(QStringLiteral("; "));
        }
        const QStringList affiliations = data(index, AffiliationsRole).toStringList();
        if (!affiliations.isEmpty()) {
            tip += QStringLiteral("\n") + affiliations.join(QLatin1Char('\n'));
        }
        return tip;
    }
    case ActorIdRole:
        return actor.id;
    case ActorKindRole:
        return actor.kind;
    case AliasesRole: {
        QStringList out;
        for (const Alias &alias : actor.aliases) {
            QStringList ids;
            QStringList from;
            for (const Citation &c : alias.citations) {
                if (!ids.contains(c.sourceId)) {
                    ids << c.sourceId;
                    const Source *source = kase.source(c.sourceId);
                    // The source by its headline, as a reader knows it, never by its id.
                    from << QStringLiteral("\u201c\u2068") + shortTitle(source ? displayTitle(*source) : c.sourceId)
                            + QStringLiteral("\u2069\u201d");
                }
            }
            out << (from.isEmpty()
                        ? alias.name
                        : alias.name + QStringLiteral(" (per ") + from.join(QStringLiteral(", ")) + QLatin1Char(')'));
        }
        return out;
    }
    case AffiliationsRole: {
        QStringList out;
        for (const Affiliation &aff : actor.affiliations) {
            const Actor *other = kase.actor(aff.actorId);
            out << aff.relation + QStringLiteral(" \u2192 ") + (other ? other->name : aff.actorId);
        }
        return out;
    }
    case ActorDescriptionRole:
        return actor.description;
    case NotesRole:
        return actor.notes;
    case ActorClaimsRole: {
        QStringList out;
        for (const Claim &c : kase.claims) {
            if (c.attributorId != actor.id && c.subjectId != actor.id) {
                continue;
            }
            const Actor *by = kase.actor(c.attributorId);
            QString line = (by ? by->name : c.attributorId) + QStringLiteral(": ") + c.statement;
            if (!c.confidence.isEmpty()) {
                // The source's words, then what they stand for on the speaker's yardstick, if known.
                const std::optional<EstimativeBand> band = estimativeBand(kase, c);
                line += QStringLiteral(" (\u201c") + c.confidence + QStringLiteral("\u201d")
                    + (band ? QStringLiteral(", ") + band->label() : QString()) + QLatin1Char(')');
            }
            out << line;
        }
        return out;
    }
    case EventCountRole:
        return m_eventCount[a];
    case ClaimCountRole:
        return m_claimCount[a];
    case SortRole:
        return index.column() == EventsColumn ? QVariant(m_eventCount[a]) : QVariant(actor.name);
    }
    return {};
}

QVariant ActorTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == NameColumn ? QStringLiteral("Actor") : QStringLiteral("Events");
}

} // namespace AT
