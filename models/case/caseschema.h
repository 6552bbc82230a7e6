#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QUtf8StringView>

#include <array>
#include <span>
#include <string_view>

namespace AT::CaseSchema {

// The case file's schema, written down once: per kind of object, its keys in order, each with its
// type, whether it is required and what it means. The reader's unknown-key check and the writer's
// keys come from it, and docs/case-format.md's field tables are generated from it (tst_caseschema
// fails when they differ, or when the reader or the writer strays from it).

enum class Kind {
    Case, // the top level
    Source,
    Citation,
    Date,
    Provenance,
    Actor,
    Alias,
    Affiliation,
    Disagreement,
    Version, // one of a disagreement's competing versions
    Event,
    Participant,
    Claim,
    AcceptedWarning, // a checker warning an event or a claim accepts
    Reviewed, // a reviewed passage: read, and deliberately not used
};

enum class Type {
    String,
    StringOrNull,
    Integer,
    Boolean,
    BooleanOrEnd, // true, false, "start" or "end"
    DatePoint, // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    DatePointOrNull,
    Object, // of Field::of
    Array, // of objects of Field::of
    StringArray,
};

enum class Presence {
    Required,
    Optional,
    OneOf, // exactly one of the object's OneOf keys
    Conditional, // required in the case Field::when names
};

struct Field
{
    QLatin1StringView key;
    Type type = Type::String;
    Presence presence = Presence::Optional;
    QUtf8StringView meaning; // one line, as docs/case-format.md shows it
    Kind of = Kind::Case; // for Object and Array
    QUtf8StringView when; // for Conditional: "for `relative`"
};

namespace Detail {

template<size_t N> constexpr QLatin1StringView ascii(const char (&s)[N])
{
    return QLatin1StringView(s, qsizetype(N - 1));
}
template<size_t N> constexpr QUtf8StringView text(const char (&s)[N]) // UTF-8
{
    return QUtf8StringView(s, qsizetype(N - 1));
}
template<size_t K, size_t M>
constexpr Field field(const char (&key)[K], Type type, Presence presence, const char (&meaning)[M])
{
    return Field {ascii(key), type, presence, text(meaning), Kind::Case, {}};
}
template<size_t K, size_t M>
constexpr Field field(const char (&key)[K], Type type, Kind of, Presence presence, const char (&meaning)[M])
{
    return Field {ascii(key), type, presence, text(meaning), of, {}};
}
template<size_t K, size_t W, size_t M>
constexpr Field conditional(const char (&key)[K], Type type, const char (&when)[W], const char (&meaning)[M])
{
    return Field {ascii(key), type, Presence::Conditional, text(meaning), Kind::Case, text(when)};
}

constexpr auto Yes = Presence::Required;
constexpr auto No = Presence::Optional;

inline constexpr Field CaseFields[] = {
    field("format", Type::String, Yes, "always `\"attribution-timeline-case\"`"),
    field("version", Type::Integer, Yes, "`1`. A newer version is refused with a message asking to update the app."),
    field("id", Type::String, No,
          "a UUID (`\"0f8fad5b-d9cb-469f-a165-70867728950e\"`) naming the case; exports such as STIX derive their "
          "ids from it. Without one they derive them from the title, so retitling such a case changes its STIX ids"),
    field("title", Type::String, Yes, "the case's title"),
    field("description", Type::String, No, "what the case covers"),
    field("sources", Type::Array, Kind::Source, Yes, "the texts every citation points into"),
    field("actors", Type::Array, Kind::Actor, No, "groups, governments, companies, people"),
    field("events", Type::Array, Kind::Event, No, "what happened, when, and who took part"),
    field("claims", Type::Array, Kind::Claim, No, "attributions, counter-claims, denials"),
    field("disagreements", Type::Array, Kind::Disagreement, No, "disputed points"),
    field("reviewed", Type::Array, Kind::Reviewed, No,
          "passages read and deliberately not used, each with why; source coverage counts them as accounted for"),
};

inline constexpr Field SourceFields[] = {
    field("id", Type::String, Yes, "unique among sources"),
    field("title", Type::String, No,
          "the headline as the source gives it; leave it out when the text has none, and the app names the "
          "source by its first words and \"(no headline)\""),
    field("text", Type::String, Presence::OneOf, "the full text, embedded"),
    field("path", Type::String, Presence::OneOf,
          "a file relative to the case file's folder (never absolute, never `..`, never a symbolic link out of "
          "the folder, never a device or folder), or `qrc:/…` for the built-in case"),
    conditional("referenceOnly", Type::Boolean, "without `text` and `path`",
                "`true`: the case names the source (title, URL, `sha256`) but does not hold its text; its citations "
                "cannot be checked, and say so"),
    field("publisher", Type::StringOrNull, No, "`null` means unknown and is shown as \"unknown\", never guessed"),
    field("url", Type::StringOrNull, No, "where the source was found; `null` when unknown"),
    field("published", Type::DatePointOrNull, No, "when the source was published; `null` when unknown"),
    field("retrieved", Type::DatePointOrNull, No, "when the source was retrieved; `null` when unknown"),
    field("sha256", Type::String, No,
          "hex SHA-256 of the UTF-8 text; a mismatch on load is a warning, and every citation is re-checked; for a "
          "`referenceOnly` source, the hash of the text elsewhere, kept as given"),
};

inline constexpr Field CitationFields[] = {
    field("source", Type::String, Yes, "the id of the source the quote is from"),
    field("quote", Type::String, Yes, "the passage, verbatim"),
    conditional("start", Type::Integer, "unless the source is `referenceOnly`",
                "where the quote starts, in Unicode code points of the source text"),
    conditional("end", Type::Integer, "unless the source is `referenceOnly`", "where the quote ends (exclusive)"),
    field("prefix", Type::String, No, "the text just before the quote"),
    field("suffix", Type::String, No, "the text just after the quote"),
};

inline constexpr Field DateFields[] = {
    field("start", Type::DatePointOrNull, Yes, "`null` for an unknown start (`end` must then be given)"),
    field("end", Type::DatePointOrNull, No, "for a range; `null` for an unknown end"),
    field("approximate", Type::BooleanOrEnd, No,
          "`true`: the whole date is \"about\", shown with \"c.\"; `\"start\"` or `\"end\"`: only that end of a "
          "range is, and only it has \"c.\" (\"c. 2010 – 25 Mar 2024\")"),
    field("qualifier", Type::String, No, "the wording, e.g. \"at least since\""),
    field("provenance", Type::Object, Kind::Provenance, No, "where the date comes from"),
};

inline constexpr Field ProvenanceFields[] = {
    field("kind", Type::String, Yes,
          "`stated` (the source gives the date), `relative` (resolved from an expression such as \"last month\"), "
          "`inferred` (worked out from context)"),
    conditional("expression", Type::String, "for `relative`", "the source's own words, e.g. `\"Last month\"`"),
    conditional("reference", Type::DatePoint, "for `relative`", "the date point the expression was resolved against"),
    field("note", Type::String, No, "where the reference date comes from"),
    field("citations", Type::Array, Kind::Citation, No, "the passages that establish the reference date"),
};

inline constexpr Field ActorFields[] = {
    field("id", Type::String, Yes, "unique among actors"),
    field("name", Type::String, Yes, "the name the case uses"),
    field("kind", Type::String, Yes,
          "group, government, government body, agency, company, person, persons, officials, country, alliance, "
          "institution, research firm, news agency, …"),
    field("description", Type::String, No, "who or what the actor is"),
    field("aliases", Type::Array, Kind::Alias, No, "other names, each cited"),
    field("affiliations", Type::Array, Kind::Affiliation, No, "ties to other actors, each cited"),
    field("citations", Type::Array, Kind::Citation, No, "the passages that name the actor"),
    field("notes", Type::String, No, "the journalist's private notes; never shown as something a source says"),
};

inline constexpr Field AliasFields[] = {
    field("name", Type::String, Yes, "the other name, e.g. \"Zirconium\""),
    field("usedBy", Type::StringArray, No, "ids of the actors who use the name"),
    field("citations", Type::Array, Kind::Citation, No, "the passages that use the name"),
};

inline constexpr Field AffiliationFields[] = {
    field("actor", Type::String, Yes, "the id of the other actor (never the actor itself)"),
    field("relation", Type::String, Yes, "e.g. \"operates under the directives of\""),
    field("citations", Type::Array, Kind::Citation, No, "the passages that state the tie"),
};

inline constexpr Field DisagreementFields[] = {
    field("id", Type::String, Yes, "unique among disagreements"),
    field("question", Type::String, Yes, "the disputed point, e.g. \"Which group breached the Electoral Commission?\""),
    field("kind", Type::String, No,
          "`conflict` (the default: the accounts cannot both be true as written) or `specificity` (one account is "
          "only less specific than another, e.g. \"millions\" beside \"tens of millions\", \"on Monday\" beside a "
          "date, a list that names fewer: shown as such, never as a conflict)"),
    field("versions", Type::Array, Kind::Version, Yes, "the competing versions, at least two"),
};

inline constexpr Field VersionFields[] = {
    field("statement", Type::String, Yes, "the version, in a sentence"),
    field("citations", Type::Array, Kind::Citation, No,
          "the passages that give it; a version without one is a warning"),
};

inline constexpr Field EventFields[] = {
    field("id", Type::String, Yes, "unique among events"),
    field("title", Type::String, Yes, "what happened, in a few words"),
    field("summary", Type::String, No, "what happened, in a few sentences"),
    field("category", Type::String, Yes,
          "intrusion, reconnaissance, phishing, disclosure, indictment, sanction, diplomatic, statement, denial, "
          "counter-accusation, …"),
    field("date", Type::Object, Kind::Date, Yes, "when it happened"),
    field("participants", Type::Array, Kind::Participant, No, "who took part, and in which role"),
    field("citations", Type::Array, Kind::Citation, No,
          "the passages that report it; an event without one is a warning"),
    field("tags", Type::StringArray, No, "free labels"),
    field("disagreements", Type::StringArray, No, "ids of the disputed points the event is part of"),
    field("notes", Type::String, No, "the journalist's private notes; never shown as something a source says"),
    field("acceptedWarnings", Type::Array, Kind::AcceptedWarning, No,
          "warnings of the checker rules the author accepts for this event, each with the reason"),
};

inline constexpr Field ParticipantFields[] = {
    field("actor", Type::String, Yes, "the id of the actor"),
    field("role", Type::String, Yes,
          "attacker, target, victim, attributor, sanctioner, sanctioned, denier, spokesperson, …"),
};

inline constexpr Field ClaimFields[] = {
    field("id", Type::String, Yes, "unique among claims"),
    field("attributor", Type::String, Yes, "the id of the actor who asserts it"),
    field("subject", Type::StringOrNull, No, "the id of the actor it is about"),
    field("event", Type::StringOrNull, No, "the id of the event it is about"),
    field("statement", Type::String, Yes, "what is claimed"),
    conditional("confidence", Type::StringOrNull, "with `confidenceValue`",
                "the source's wording verbatim, e.g. `\"highly likely\"`, or `null` when none is given"),
    field("confidenceValue", Type::Integer, No, "0–100, only together with the `yardstick` that maps the wording"),
    conditional("yardstick", Type::String, "with `confidenceValue`", "the scale that maps the wording to the number"),
    field("date", Type::Object, Kind::Date, No, "when it was claimed"),
    field("citations", Type::Array, Kind::Citation, No,
          "the passages that report it; a claim without one is a warning"),
    field("disputes", Type::StringArray, No, "ids of the claims it disputes: a denial links to what it denies"),
    field("disagreements", Type::StringArray, No, "ids of the disputed points the claim is part of"),
    field("notes", Type::String, No, "the journalist's private notes; never shown as something a source says"),
    field("acceptedWarnings", Type::Array, Kind::AcceptedWarning, No,
          "warnings of the checker rules the author accepts for this claim, each with the reason"),
};

inline constexpr Field AcceptedWarningFields[] = {
    field("rule", Type::String, Yes,
          "`beyond-quotes`, `confidence-not-quoted` or `relative-expression-not-quoted`; another id is an error"),
    field("reason", Type::String, Yes, "why the author accepts the warning, in a sentence"),
};

inline constexpr Field ReviewedFields[] = {
    field("passage", Type::Object, Kind::Citation, Yes,
          "the passage, given and checked on load exactly as a citation is (quote, position, context)"),
    field("reason", Type::String, Yes, "`boilerplate`, `opinion`, `duplicate`, `out-of-scope` or `background`"),
    field("note", Type::String, No,
          "free text: for a `duplicate`, of what (a duplicate without a note is a warning); otherwise why"),
};

} // namespace Detail

inline constexpr std::array<Kind, 15> Kinds = {
    Kind::Case,    Kind::Source,          Kind::Citation, Kind::Date,        Kind::Provenance, Kind::Actor,
    Kind::Alias,   Kind::Affiliation,     Kind::Event,    Kind::Participant, Kind::Claim,      Kind::Disagreement,
    Kind::Version, Kind::AcceptedWarning, Kind::Reviewed,
};

// The keys of a kind of object, in the order the reader lists them.
constexpr std::span<const Field> fields(Kind kind)
{
    switch (kind) {
    case Kind::Case:
        return Detail::CaseFields;
    case Kind::Source:
        return Detail::SourceFields;
    case Kind::Citation:
        return Detail::CitationFields;
    case Kind::Date:
        return Detail::DateFields;
    case Kind::Provenance:
        return Detail::ProvenanceFields;
    case Kind::Actor:
        return Detail::ActorFields;
    case Kind::Alias:
        return Detail::AliasFields;
    case Kind::Affiliation:
        return Detail::AffiliationFields;
    case Kind::Disagreement:
        return Detail::DisagreementFields;
    case Kind::Version:
        return Detail::VersionFields;
    case Kind::Event:
        return Detail::EventFields;
    case Kind::Participant:
        return Detail::ParticipantFields;
    case Kind::Claim:
        return Detail::ClaimFields;
    case Kind::AcceptedWarning:
        return Detail::AcceptedWarningFields;
    case Kind::Reviewed:
        return Detail::ReviewedFields;
    }
    return {};
}

namespace Detail {
void keyIsNotInTheSchema(); // not constexpr: key() fails to compile when it is reached
} // namespace Detail

// The key `name` of an object of kind K, checked while compiling: a key the schema does not list
// for K does not compile ("call to non-constexpr function keyIsNotInTheSchema").
template<Kind K> consteval QLatin1StringView key(std::string_view name)
{
    for (const Field &f : fields(K)) {
        if (std::string_view(f.key.data(), size_t(f.key.size())) == name) {
            return f.key;
        }
    }
    Detail::keyIsNotInTheSchema();
    return {};
}

// "Source", "Citation", ...; "Case" for the top level.
QString kindName(Kind kind);
// As docs/case-format.md's tables show them: "array of Citation", "string or null", ...
QString typeText(const Field &field);
QString presenceText(Kind kind, const Field &field); // "yes", "no", "one of `text`, `path`", "for `relative`"
// The kind's table for docs/case-format.md: a header row, a separator row and a row per key.
QString markdownTable(Kind kind);

} // namespace AT::CaseSchema
