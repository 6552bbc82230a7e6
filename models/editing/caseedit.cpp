#include "caseedit.h"

#include "casedocument.h"

namespace AT {

namespace {

template<typename T> QList<T> &listOf(Case &kase);
template<> QList<Source> &listOf<Source>(Case &kase)
{
    return kase.sources;
}
template<> QList<Actor> &listOf<Actor>(Case &kase)
{
    return kase.actors;
}
template<> QList<Event> &listOf<Event>(Case &kase)
{
    return kase.events;
}
template<> QList<Claim> &listOf<Claim>(Case &kase)
{
    return kase.claims;
}
template<> QList<Disagreement> &listOf<Disagreement>(Case &kase)
{
    return kase.disagreements;
}

template<typename T> qsizetype indexOf(const QList<T> &list, const QString &id)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].id == id) {
            return i;
        }
    }
    return -1;
}

qsizetype indexOfKind(Case &kase, EntityKind kind, const QString &id)
{
    switch (kind) {
    case EntityKind::Source:
        return indexOf(kase.sources, id);
    case EntityKind::Actor:
        return indexOf(kase.actors, id);
    case EntityKind::Event:
        return indexOf(kase.events, id);
    case EntityKind::Claim:
        return indexOf(kase.claims, id);
    case EntityKind::Disagreement:
        return indexOf(kase.disagreements, id);
    case EntityKind::Heading:
    case EntityKind::Reviewed:
        return 0;
    }
    return -1;
}

Entity entityAt(Case &kase, EntityKind kind, qsizetype i)
{
    switch (kind) {
    case EntityKind::Source:
        return kase.sources.at(i);
    case EntityKind::Actor:
        return kase.actors.at(i);
    case EntityKind::Event:
        return kase.events.at(i);
    case EntityKind::Claim:
        return kase.claims.at(i);
    case EntityKind::Disagreement:
        return kase.disagreements.at(i);
    case EntityKind::Reviewed:
        return ReviewedList {kase.reviewed};
    case EntityKind::Heading:
        break;
    }
    return CaseHeading {kase.title, kase.description};
}

} // namespace

EntityKind kindOf(const Entity &entity)
{
    return static_cast<EntityKind>(entity.index());
}

QString idOf(const Entity &entity)
{
    return std::visit(
        [](const auto &e) -> QString {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, CaseHeading> || std::is_same_v<T, ReviewedList>) {
                return {};
            } else {
                return e.id;
            }
        },
        entity);
}

QString kindName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Source:
        return QStringLiteral("source");
    case EntityKind::Actor:
        return QStringLiteral("actor");
    case EntityKind::Event:
        return QStringLiteral("event");
    case EntityKind::Claim:
        return QStringLiteral("claim");
    case EntityKind::Disagreement:
        return QStringLiteral("disagreement");
    case EntityKind::Heading:
        return QStringLiteral("case title");
    case EntityKind::Reviewed:
        return QStringLiteral("reviewed passages");
    }
    return {};
}

void applyChange(Case &kase, const CaseChange &change, bool forward)
{
    const std::optional<Entity> &from = forward ? change.before : change.after;
    const std::optional<Entity> &to = forward ? change.after : change.before;
    std::visit(
        [&](const auto &sample) {
            using T = std::decay_t<decltype(sample)>;
            if constexpr (std::is_same_v<T, CaseHeading>) {
                const auto &heading = std::get<CaseHeading>(*to);
                kase.title = heading.title;
                kase.description = heading.description;
            } else if constexpr (std::is_same_v<T, ReviewedList>) {
                kase.reviewed = std::get<ReviewedList>(*to).passages;
            } else {
                QList<T> &list = listOf<T>(kase);
                if (from && to) {
                    list[change.index] = std::get<T>(*to);
                } else if (to) {
                    list.insert(change.index, std::get<T>(*to));
                } else {
                    list.removeAt(change.index);
                }
            }
        },
        to ? *to : *from);
}

CaseEdit::CaseEdit(const Case &base, const QString &text)
    : m_case(base)
    , m_text(text)
{ }

void CaseEdit::add(const Entity &entity)
{
    CaseChange change;
    change.kind = kindOf(entity);
    if (change.kind == EntityKind::Heading || change.kind == EntityKind::Reviewed) {
        change.index = 0;
        change.before = entityAt(m_case, change.kind, 0);
    } else {
        change.index = std::visit(
            [this](const auto &e) -> qsizetype {
                using T = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<T, CaseHeading> || std::is_same_v<T, ReviewedList>) {
                    return 0;
                } else {
                    return listOf<T>(m_case).size();
                }
            },
            entity);
    }
    change.after = entity;
    applyChange(m_case, change, true);
    m_changes << change;
}

bool CaseEdit::replace(const Entity &entity, bool evenIfEqual)
{
    const EntityKind kind = kindOf(entity);
    if (kind == EntityKind::Heading) {
        add(entity);
        return true;
    }
    if (kind == EntityKind::Reviewed) {
        if (evenIfEqual || !(entityAt(m_case, kind, 0) == entity)) {
            add(entity);
        }
        return true;
    }
    const qsizetype i = indexOfKind(m_case, kind, idOf(entity));
    if (i < 0) {
        return false;
    }
    CaseChange change {kind, i, entityAt(m_case, kind, i), entity};
    if (!evenIfEqual && change.before == change.after) {
        return true; // nothing to undo
    }
    applyChange(m_case, change, true);
    m_changes << change;
    return true;
}

bool CaseEdit::remove(EntityKind kind, const QString &id)
{
    const qsizetype i = indexOfKind(m_case, kind, id);
    if (i < 0 || kind == EntityKind::Heading || kind == EntityKind::Reviewed) {
        return false;
    }
    CaseChange change {kind, i, entityAt(m_case, kind, i), std::nullopt};
    applyChange(m_case, change, true);
    m_changes << change;
    return true;
}

CaseEditCommand::CaseEditCommand(CaseDocument *document, const CaseEdit &edit)
    : QUndoCommand(edit.text())
    , m_document(document)
    , m_changes(edit.changes())
{ }

void CaseEditCommand::redo()
{
    m_document->applyChanges(m_changes, true);
}

void CaseEditCommand::undo()
{
    m_document->applyChanges(m_changes, false);
}

QString newId(const Case &kase, EntityKind kind)
{
    QString prefix;
    QStringList taken;
    auto collect = [&taken](const auto &list) {
        for (const auto &e : list) {
            taken << e.id;
        }
    };
    switch (kind) {
    case EntityKind::Source:
        prefix = QStringLiteral("source-");
        collect(kase.sources);
        break;
    case EntityKind::Actor:
        prefix = QStringLiteral("actor-");
        collect(kase.actors);
        break;
    case EntityKind::Event:
        prefix = QStringLiteral("event-");
        collect(kase.events);
        break;
    case EntityKind::Claim:
        prefix = QStringLiteral("claim-");
        collect(kase.claims);
        break;
    case EntityKind::Disagreement:
        prefix = QStringLiteral("disagreement-");
        collect(kase.disagreements);
        break;
    case EntityKind::Heading:
    case EntityKind::Reviewed:
        return {};
    }
    qsizetype highest = 0;
    for (const QString &id : std::as_const(taken)) {
        if (id.startsWith(prefix)) {
            bool ok = false;
            const qsizetype n = id.mid(prefix.size()).toLongLong(&ok);
            if (ok) {
                highest = std::max(highest, n);
            }
        }
    }
    return prefix + QString::number(highest + 1);
}

} // namespace AT
