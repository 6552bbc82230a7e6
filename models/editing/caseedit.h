#pragma once

#include "casedata.h"

#include <QList>
#include <QUndoCommand>

#include <optional>
#include <variant>

namespace AT {

class CaseDocument;

// The case's own words about itself.
struct CaseHeading
{
    QString title;
    QString description;
    friend bool operator==(const CaseHeading &, const CaseHeading &) = default;
};

// The case's reviewed passages, as one whole: they have no ids, and an edit replaces the list (like
// the heading). Marking a passage reviewed or unmarking it is one such replacement (reviewing.h).
struct ReviewedList
{
    QList<ReviewedPassage> passages;
    friend bool operator==(const ReviewedList &, const ReviewedList &) = default;
};

enum class EntityKind { Source, Actor, Event, Claim, Disagreement, Heading, Reviewed };

using Entity = std::variant<Source, Actor, Event, Claim, Disagreement, CaseHeading, ReviewedList>;

EntityKind kindOf(const Entity &entity);
QString idOf(const Entity &entity);
// "event", "actor", ... as a reader says it.
QString kindName(EntityKind kind);

// One entity put in, replaced or taken out at a position of its list. Applying the changes of an
// edit in order, then their inverses in reverse order, gives back the case exactly.
struct CaseChange
{
    EntityKind kind = EntityKind::Event;
    qsizetype index = -1;
    std::optional<Entity> before; // none: inserted
    std::optional<Entity> after; // none: removed
};

void applyChange(Case &kase, const CaseChange &change, bool forward);

// Builds one user action as a list of changes against a working copy of the case, looking
// entities up by id; commands are made from it with CaseDocument::apply(). Nothing touches the
// document until then.
class CaseEdit
{
public:
    CaseEdit(const Case &base, const QString &text);

    const Case &kase() const { return m_case; }
    const QString &text() const { return m_text; }
    const QList<CaseChange> &changes() const { return m_changes; }
    bool isEmpty() const { return m_changes.isEmpty(); }

    // Appends the entity to its list (a CaseHeading replaces the heading, a ReviewedList the reviewed
    // passages).
    void add(const Entity &entity);
    // Replaces the entity with the same id; false when there is none. An entity equal to the one
    // there is no change (citations compare by source, quote, position and context), unless
    // `evenIfEqual`: then it goes in too, e.g. for citations whose anchoring status changed.
    bool replace(const Entity &entity, bool evenIfEqual = false);
    // Takes the entity out; false when there is none. Whatever refers to it is left as it is:
    // removeWithReferences() (references.h) takes care of that.
    bool remove(EntityKind kind, const QString &id);

private:
    Case m_case;
    QString m_text;
    QList<CaseChange> m_changes;
};

// One undo step: the changes of a CaseEdit, applied to a document.
class CaseEditCommand final : public QUndoCommand
{
public:
    CaseEditCommand(CaseDocument *document, const CaseEdit &edit);
    void redo() override;
    void undo() override;

private:
    CaseDocument *m_document;
    QList<CaseChange> m_changes;
};

// A fresh id for a new entity of the kind: the prefix and the first number not taken ("event-12").
QString newId(const Case &kase, EntityKind kind);

} // namespace AT
