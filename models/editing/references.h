#pragma once

#include "caseedit.h"

namespace AT {

// Something in the case that refers to an entity, said so a journalist can decide.
struct Reference
{
    EntityKind kind;
    QString id;
    QString text; // e.g. "event “Hack of the Electoral Commission” names it as attacker"
};

// Everything that refers to the entity (by its id) elsewhere in the case.
QList<Reference> referencesTo(const Case &kase, EntityKind kind, const QString &id);

// One undo step that deletes the entity and every reference to it:
// - an actor: its roles in events, the aliases' "used by", other actors' ties to it, the claims
//   it makes (and their links from the claims that dispute them), and the claims' subject when
//   it is the subject (the claim stays, about no one);
// - a source: every citation of it, wherever it is (what was cited stays, with fewer citations),
//   and every reviewed passage of it;
// - an event: the claims' link to it (the claims stay);
// - a claim: the links of claims that dispute it;
// - a disagreement: the events' and claims' links to it.
CaseEdit removalEdit(const Case &kase, EntityKind kind, const QString &id);

} // namespace AT
