#pragma once

#include "casedata.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace AT {

// What an estimative word means on the published yardstick of the one who speaks: the UK
// Professional Head of Intelligence Assessment (PHIA) probability yardstick for a UK body, the US
// Intelligence Community Directive 203 likelihood terms for a US body. A reading aid beside the
// source's own words, never instead of them: the app cannot know whether the speaker used the
// yardstick, and says so. docs/estimative-language.md has the tables, their sources and the rules.

enum class EstimativeScaleId : quint8 { Phia, Icd203 };

struct EstimativeTerm
{
    QStringList words; // the spellings the scale prints for this band, lower case ("likely", "probably")
    int lowPercent = 0;
    int highPercent = 0;
};

struct EstimativeScale
{
    EstimativeScaleId id = EstimativeScaleId::Phia;
    QString name; // "UK PHIA probability yardstick"
    QString shortName; // "PHIA"
    QString publication; // who published it, the title and the date
    QString url;
    QString checked; // what could and could not be checked against the publication
    QList<EstimativeTerm> terms; // from the least to the most likely
};

const EstimativeScale &phiaYardstick();
const EstimativeScale &icd203Likelihood();
const EstimativeScale &estimativeScale(EstimativeScaleId id);

// The band a wording stands for on a scale, when the wording is one of the scale's terms as a whole
// (case, curly or straight quotes, surrounding punctuation and runs of white space do not matter).
// A wording that only contains a term ("highly likely compromised", "likely to", "not likely") is
// not on the scale: a term inside other words may be negated or qualified by them.
const EstimativeTerm *matchEstimativeTerm(const EstimativeScale &scale, QStringView wording);
// The wording as it is compared: lower case, straight quotes, surrounding quotes and punctuation
// removed, white space simplified.
QString normalizedWording(QStringView wording);

enum class SpeakerNation : quint8 { Unknown, UnitedKingdom, UnitedStates };

// Whose yardstick an actor speaks by: the actor, or an actor reached through its affiliations, that
// is of kind "country" or "government" and is named (by its name or an alias) as the United Kingdom
// or the United States. Unknown when neither is reached, or when both are. `path`, when given,
// receives the chain of names, e.g. "National Cyber Security Centre → UK government".
SpeakerNation speakerNation(const Case &kase, const QString &actorId, QString *path = nullptr);
// True when a name denotes the nation: "United Kingdom", "the UK", "UK government", "Government of the
// United States", "British government"... (the lists are in estimative.cpp and the docs).
bool nameDenotesNation(QStringView name, SpeakerNation nation);

struct EstimativeBand
{
    EstimativeScaleId scale = EstimativeScaleId::Phia;
    QString scaleName;
    QString scaleShortName;
    QString publication;
    QString url;
    QString term; // the term matched, as the scale prints it ("highly likely")
    int lowPercent = 0;
    int highPercent = 0;
    QString why; // why this scale: the claim's yardstick, or who speaks ("UK: NCSC → UK government")

    QString label() const; // "PHIA: 80–90%"
    QString toolTip() const; // the scale, its publication, why it applies, and that it is a reading
};

// The band of a claim's confidence wording. The scale is the one the claim names in `yardstick`
// when it names PHIA or ICD 203; a claim naming another yardstick gets none (its own number stands);
// otherwise the scale of the attributor's nation. No band when the wording is not a term of that
// scale, when no wording is given, or when the nation cannot be told: never a guess.
std::optional<EstimativeBand> estimativeBand(const Case &kase, const Claim &claim);

} // namespace AT
