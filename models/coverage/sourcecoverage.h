#pragma once

#include "casedata.h"
#include "sentences.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace AT {

// Whether the case accounts for a sentence of a source.
enum class SentenceStatus : quint8 {
    Cited, // a citation somewhere in the case overlaps it
    Reviewed, // no citation does, but a reviewed passage does: read, and deliberately not used
    Unreviewed, // nothing does
};

// "cited", "reviewed, not used", "unreviewed".
QString sentenceStatusName(SentenceStatus status);

struct SentenceCoverage
{
    TextSpan span; // code points, trimmed
    SentenceStatus status = SentenceStatus::Unreviewed;
    // What cites it, in the case's order, each once: "event ev-x", "claim cl-y", "actor apt31 (alias
    // Zirconium)", "date of event ev-x", "disagreement d-z (version 2)", ...
    QStringList citedBy;
    // The reviewed passages that overlap it (whether or not a citation does too), in the case's order.
    QList<ReviewedPassage> reviewedBy;
};

// One source's sentences, each classified, and the counts.
struct SourceCoverage
{
    QString sourceId;
    QString title; // displayTitle()
    // The case does not hold the text: no sentences, and no percentage either (not 0%).
    bool referenceOnly = false;
    QList<SentenceCoverage> sentences;
    qsizetype cited = 0;
    qsizetype reviewed = 0; // reviewed and not used (and not cited)
    qsizetype unreviewed = 0;
    // Citations and reviewed passages of this source whose quote is not where it should be
    // (ambiguous, orphaned or unchecked: --check lists them). They account for no sentence.
    qsizetype unplaced = 0;

    qsizetype total() const { return sentences.size(); }
    qsizetype accountedFor() const { return cited + reviewed; }
    // The index of the sentence that holds the code point, or of the first one after it; -1 when none.
    qsizetype sentenceAtOrAfter(qint64 codePoint) const;
};

// A whole percentage of `total`, rounded down, so that "100%" is never shown while one is missing.
int percentOf(qsizetype part, qsizetype total);

// Every source of the case, in the case's order. Citations are indexed by source and swept with
// the sentences in order, so a case of many citations costs about sentences + citations, not their
// product.
QList<SourceCoverage> caseCoverage(const Case &kase);
// One source; an unknown id gives an empty coverage with that id.
SourceCoverage sourceCoverage(const Case &kase, const QString &sourceId);

} // namespace AT
