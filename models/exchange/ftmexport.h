#pragma once

#include "casedata.h"

#include <QByteArray>
#include <QString>

namespace AT {

// The case as FollowTheMoney entities, one JSON object a line ({"id", "schema", "properties":
// {name: [values]}}), as `ftm` and Aleph read them: sources as Article, actors as Person,
// Company, PublicBody, Organization or LegalEntity by kind, affiliations as UnknownLink, events as
// Event, claims and disputed points as Note. Only properties the FtM schemata define are used
// (docs/exchange/followthemoney.md has the table and what is lost). The journalist's private notes
// are never exported.
QByteArray ftmEntities(const Case &kase);

// The id an item gets: 40 hex digits of SHA-1 over the case title, the item's kind ("actor",
// "event", "claim", ...) and its id in the case, so that exporting the same case twice gives the
// same ids and Aleph updates the entities rather than duplicating them.
QString ftmEntityId(const Case &kase, QStringView kind, QStringView itemId);

// The FtM schema an actor kind maps to ("agency" -> "PublicBody", "person" -> "Person", ...).
QString ftmSchemaForActorKind(QStringView kind);

} // namespace AT
