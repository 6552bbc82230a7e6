#pragma once

#include "citation.h"
#include "partialdate.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AT {

struct Source
{
    QString id;
    QString title;
    QString text; // the full text, UTF-8 decoded
    QString path; // as given in the case file: relative to it, or "qrc:/..."; empty when embedded
    // Metadata; an empty value means unknown and is shown as "unknown", never guessed.
    QString publisher;
    QString url;
    DatePoint published;
    DatePoint retrieved;
    QString sha256; // hex digest of the UTF-8 text, as recorded in the case file (may be empty)
    // A reference only: the case names the article (title, URL, hash) but does not hold its text, as
    // with a source imported from a STIX external reference. Its citations cannot be anchored: their
    // status is Citation::Anchor::ReferenceOnly. text and path are empty; sha256, when given, is the
    // hash of the text elsewhere, kept as the case file gives it.
    bool referenceOnly = false;

    friend bool operator==(const Source &, const Source &) = default;
};

QString sha256Hex(const QString &text);
// How a source is named to readers: its headline, or, when the text has none, its first words
// followed by "(no headline)", so that no headline is ever made up. A reference-only source without a
// title is named by its URL (or id) and "(reference only, no title given)".
QString displayTitle(const Source &source);

struct Alias
{
    QString name;
    QStringList usedBy; // actor ids that use this name, when the source says who does
    QList<Citation> citations;
    friend bool operator==(const Alias &, const Alias &) = default;
};

struct Affiliation
{
    QString actorId;
    QString relation; // e.g. "works for", "front company for", in the sources' terms
    QList<Citation> citations;
    friend bool operator==(const Affiliation &, const Affiliation &) = default;
};

struct Actor
{
    QString id;
    QString name;
    QString kind; // group, government, agency, company, person, country, alliance, institution, ...
    QString description;
    QList<Alias> aliases;
    QList<Affiliation> affiliations;
    QList<Citation> citations;
    QString notes; // the journalist's own, never what a source says
    friend bool operator==(const Actor &, const Actor &) = default;
};

// A warning of the case checker (casechecks.h) that the author has read and accepts for one event or
// claim, and why. It is then counted by --check rather than listed.
struct AcceptedWarning
{
    QString rule; // a rule id: "beyond-quotes", "confidence-not-quoted", "relative-expression-not-quoted"
    QString reason; // the author's, in a sentence
    friend bool operator==(const AcceptedWarning &, const AcceptedWarning &) = default;
};

struct Participant
{
    QString actorId;
    QString role; // attacker, target, victim, attributor, sanctioner, denier, spokesperson, ...
    friend bool operator==(const Participant &, const Participant &) = default;
};

struct Event
{
    QString id;
    QString title;
    QString summary;
    QString category; // intrusion, reconnaissance, disclosure, indictment, sanction, diplomatic, statement, denial, ...
    PartialDate date;
    QList<Participant> participants;
    QList<Citation> citations;
    QStringList tags;
    QStringList disagreements; // ids of the disputed points this event is part of
    QString notes; // the journalist's own, never what a source says
    QList<AcceptedWarning> acceptedWarnings;
    friend bool operator==(const Event &, const Event &) = default;
};

struct Claim
{
    QString id;
    QString attributorId; // who asserts it
    QString subjectId; // about whom
    QString eventId; // what, when it is an event of the case
    QString statement; // what is asserted, in the case's words
    QString confidence; // the source's wording verbatim ("highly likely"); empty when none is given
    std::optional<int> confidenceValue; // 0-100, only where a documented yardstick maps the wording
    QString yardstick; // which yardstick, e.g. "UK PHIA probability yardstick"
    PartialDate date; // when the claim was made
    QList<Citation> citations;
    QStringList disputes; // ids of the claims this one disputes (a denial links to what it denies)
    QStringList disagreements;
    QString notes; // the journalist's own, never what a source says
    QList<AcceptedWarning> acceptedWarnings;
    friend bool operator==(const Claim &, const Claim &) = default;
};

struct DisagreementVersion
{
    QString statement;
    QList<Citation> citations;
    friend bool operator==(const DisagreementVersion &, const DisagreementVersion &) = default;
};

// A disputed point: one question, the competing versions the sources give.
struct Disagreement
{
    // Conflict: the accounts cannot both be true as written. Specificity: one account is only less
    // specific than another (a broader term, a list that names fewer, no number, name or date where
    // another gives one); that is a difference worth showing, and never called a conflict.
    enum class Kind : quint8 { Conflict, Specificity };

    QString id;
    QString question;
    Kind kind = Kind::Conflict;
    QList<DisagreementVersion> versions;
    friend bool operator==(const Disagreement &, const Disagreement &) = default;
};

// "conflict", "specificity": the case file's names.
QString disagreementKindName(Disagreement::Kind kind);
std::optional<Disagreement::Kind> disagreementKindFromName(QStringView name);
// How readers are told the kind, as a sentence without its full stop: "The accounts conflict", "Not a
// conflict: one account is only less specific than another".
QString disagreementKindText(Disagreement::Kind kind);
// A short label to head the point with: "Disputed", "Less specific (not a conflict)".
QString disagreementKindLabel(Disagreement::Kind kind);

// Why a passage of a source was read and deliberately left unused: the journalist's account of a
// sentence no item cites, so that "every sentence accounted for" can be checked (source coverage).
enum class ReviewReason : quint8 {
    Boilerplate, // navigation, credits, a newsletter plug: not about the case
    Opinion, // commentary, not a statement of fact
    Duplicate, // says again what another passage says; the note says which
    OutOfScope, // about something the case does not cover; the note may say why
    Background, // general context the case does not need as a fact
};

// "boilerplate", "opinion", "duplicate", "out-of-scope", "background": as the case file spells them.
QString reviewReasonName(ReviewReason reason);
std::optional<ReviewReason> reviewReasonFromName(QStringView name);
// Every reason, in the order above.
QList<ReviewReason> reviewReasons();

// A passage of a source that was reviewed and is not used, with why. Anchored like a citation (the
// same quote, position and context, checked on load), but it supports nothing: it is no citation.
struct ReviewedPassage
{
    Citation passage;
    ReviewReason reason = ReviewReason::Boilerplate;
    QString note; // free text; for a duplicate, of what
    friend bool operator==(const ReviewedPassage &, const ReviewedPassage &) = default;
};

struct Case
{
    // A UUID naming the case across its files and exports (STIX ids derive from it); empty when the file
    // gives none, and then exports derive their ids from the title instead.
    QString id;
    QString title;
    QString description;
    QList<Source> sources;
    QList<Actor> actors;
    QList<Event> events;
    QList<Claim> claims;
    QList<Disagreement> disagreements;
    QList<ReviewedPassage> reviewed; // passages read and left unused, with why

    const Source *source(QStringView id) const;
    const Actor *actor(QStringView id) const;
    const Event *event(QStringView id) const;
    const Claim *claim(QStringView id) const;
    const Disagreement *disagreement(QStringView id) const;
    // The event is part of a disputed point whose accounts conflict (or of one the case does not
    // hold, which cannot be known not to); an event whose points are all of specificity is not.
    bool isDisputed(const Event &event) const;

    // Calls f(citation) for every citation in the case, wherever it sits.
    template<typename F> void forEachCitation(F &&f) { forEachCitationImpl(*this, f); }
    template<typename F> void forEachCitation(F &&f) const { forEachCitationImpl(*this, f); }
    // Calls f(passage) for every anchored passage: every citation, then every reviewed passage. For
    // what concerns positions in a text (anchoring, re-importing or deleting a source), not for what
    // concerns evidence (counts of citations, exports), which forEachCitation serves.
    template<typename F> void forEachPassage(F &&f)
    {
        forEachCitationImpl(*this, f);
        for (ReviewedPassage &r : reviewed) {
            f(r.passage);
        }
    }
    template<typename F> void forEachPassage(F &&f) const
    {
        forEachCitationImpl(*this, f);
        for (const ReviewedPassage &r : reviewed) {
            f(r.passage);
        }
    }

    friend bool operator==(const Case &, const Case &) = default;

private:
    template<typename C, typename F> static void forEachCitationImpl(C &c, F &f)
    {
        for (auto &actor : c.actors) {
            for (auto &cit : actor.citations) {
                f(cit);
            }
            for (auto &alias : actor.aliases) {
                for (auto &cit : alias.citations) {
                    f(cit);
                }
            }
            for (auto &aff : actor.affiliations) {
                for (auto &cit : aff.citations) {
                    f(cit);
                }
            }
        }
        for (auto &event : c.events) {
            for (auto &cit : event.citations) {
                f(cit);
            }
            for (auto &cit : event.date.provenanceCitations()) {
                f(cit);
            }
        }
        for (auto &claim : c.claims) {
            for (auto &cit : claim.citations) {
                f(cit);
            }
            for (auto &cit : claim.date.provenanceCitations()) {
                f(cit);
            }
        }
        for (auto &d : c.disagreements) {
            for (auto &version : d.versions) {
                for (auto &cit : version.citations) {
                    f(cit);
                }
            }
        }
    }
};

} // namespace AT
