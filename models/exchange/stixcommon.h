#pragma once

#include "casedata.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

// What the STIX export and import share: how ids are made, how dates become timestamps and back,
// and the STIX 2.1 confidence scales. See docs/exchange/stix.md.
namespace AT::Stix {

// Our own namespace for UUIDv5 ids (RFC 4122 section 4.3), fixed once: a case's namespace is the UUIDv5
// of its id (or, for a case without one, of its title) in this namespace, and every object's UUID is
// the UUIDv5 of "<what>:<item id>" in the case's namespace. The same case exports the same ids.
inline constexpr QUuid Namespace {0x58ec82c0, 0x5513, 0x4f43, 0x80, 0xf8, 0x51, 0xf0, 0x22, 0xaa, 0x35, 0x67};

QUuid caseNamespace(const Case &kase);
// "intrusion-set--<uuid>" for the item `itemId` of the given sort ("actor", "source", ...).
QString objectId(const QUuid &caseNamespace, QStringView type, QStringView sort, QStringView itemId);

// "2024-03-25T00:00:00.000Z": RFC 3339 in UTC to the millisecond, as STIX 2.1 requires for created/modified.
QString timestamp(const QDateTime &when);
// The first instant of the period a date point names (2021 -> 2021-01-01T00:00:00.000Z).
QString periodStart(const DatePoint &point);
// The last instant of the period a date point names, to the millisecond (2021 -> 2021-12-31T23:59:59.999Z,
// March 2024 -> 2024-03-31T23:59:59.999Z, a day -> that day's 23:59:59.999Z): what every end is written as.
QString periodEnd(const DatePoint &point);
// Parses an RFC 3339 timestamp as STIX writes them ("…Z", optional fraction); invalid when it is not one.
QDateTime parseTimestamp(QStringView text);
// What a timestamp from another tool can claim as a date point: a timestamp on 1 January is read as
// a year, on the 1st of a month as a month, otherwise as a day (see the import's date convention).
DatePoint datePointFromTimestamp(const QDateTime &when);
// The same for an END timestamp (last_seen): one at the last second of 31 December is read as its year, one
// at the last second of a month's last day as its month, one at a day's last second as that day; any other
// timestamp by the start rules above (see docs/exchange/stix.md, "Dates").
DatePoint datePointFromEndTimestamp(const QDateTime &when);

// The case id the importer gives the actor it makes up for claims whose relationship names no author
// (no created_by_ref). It is not anybody: the export writes no identity for it and no created_by_ref.
inline constexpr QLatin1StringView UnnamedProducerId("stix-producer-not-named");

// "type--UUID" with a valid RFC 4122 UUID; the type part is returned in *type.
bool isIdentifier(QStringView id, QString *type = nullptr);

// STIX 2.1 (OASIS Standard, 10 June 2021), Appendix A "Confidence Scales": the wording of each scale
// and the STIX confidence value the specification maps it to.
struct ConfidenceTerm
{
    QLatin1StringView scale; // "WEP", "DNI", "Admiralty Credibility", "None / Low / Med / High"
    QLatin1StringView entry; // the scale's entry as the specification writes it
    int value = 0;
};
struct ConfidenceMatch
{
    QString scale;
    QString entry;
    int value = 0;
};
// The Appendix A entry the verbatim wording names, compared without regard to case and surrounding
// space, term by term ("highly likely" is a term of the WEP entry "Highly likely/Almost Certain").
// nullopt when the wording is on no scale, or on several with different values and the claim's
// yardstick does not say which (never guessed); *candidates then lists the scales it is on.
std::optional<ConfidenceMatch> confidenceFromWording(const QString &wording, const QString &yardstick,
                                                     QStringList *candidates = nullptr);
QList<ConfidenceTerm> confidenceTable();

} // namespace AT::Stix
