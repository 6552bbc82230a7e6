#pragma once

#include "casedata.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <memory>

namespace AT {

// The rules --check applies to what each event and claim says, beyond the form of the file (see
// docs/case-format.md, "Checker rules"). Each finding is a warning, which an item may accept with
// a reason (AcceptedWarning): it is then counted rather than listed.
//   beyond-quotes                    an event's summary or a claim's statement says a number, a date
//                                    or a name that none of the item's own quotes says
//   confidence-not-quoted            a claim's confidence wording is in none of its quotes
//   relative-expression-not-quoted   a relative date's expression is in none of the item's cited
//                                    passages
namespace CheckRule {
inline constexpr QLatin1StringView BeyondQuotes {"beyond-quotes"};
inline constexpr QLatin1StringView ConfidenceNotQuoted {"confidence-not-quoted"};
inline constexpr QLatin1StringView RelativeExpressionNotQuoted {"relative-expression-not-quoted"};
inline constexpr std::array<QLatin1StringView, 3> All
    = {BeyondQuotes, ConfidenceNotQuoted, RelativeExpressionNotQuoted};
bool isKnown(QStringView id);
// "beyond-quotes, confidence-not-quoted and relative-expression-not-quoted", for messages.
QString knownList();
} // namespace CheckRule

// One warning about an item, located below it.
struct CheckFinding
{
    QLatin1StringView rule; // the rule that found it; empty for a finding about an acceptance
    QString field; // the JSON path below the item: "summary", "date.provenance.expression", "acceptedWarnings[1]"
    QString message;
    friend bool operator==(const CheckFinding &, const CheckFinding &) = default;
};

// What the rules found on one item, its acceptances applied.
struct ItemCheck
{
    QList<CheckFinding> warnings; // to report: findings not accepted, and acceptances that accept nothing
    QList<QLatin1StringView> accepted; // the rules whose finding the item accepts, one entry per finding
};

// Runs the rules; made once per case, since a name is also supported by another name of the same
// actor (an alias), and the actors' names are prepared here. Cheap: an item is only tokenised when it
// has a summary, a statement, a confidence or a relative date, and its quotes only when a word is
// not found in them verbatim.
class CaseChecker
{
public:
    explicit CaseChecker(const QList<Actor> &actors = {});
    ~CaseChecker();
    CaseChecker(const CaseChecker &) = delete;
    CaseChecker &operator=(const CaseChecker &) = delete;

    ItemCheck checkEvent(const Event &event) const;
    ItemCheck checkClaim(const Claim &claim) const;

    // beyond-quotes alone: the numbers, dates and names of `text` that none of `quotes` says, as they
    // stand in `text` (adjacent words of one name as one phrase), each once, in order.
    QStringList unsupported(QStringView text, const QList<QStringView> &quotes) const;
    // Whether `wording` stands in one of `passages`, tolerant of case, spacing, hyphens, punctuation and
    // straight or curly apostrophes, but word for word ("likely" is not in "unlikely").
    static bool isQuoted(QStringView wording, const QList<QStringView> &passages);

private:
    struct Names;
    std::unique_ptr<const Names> m_names;
};

} // namespace AT
