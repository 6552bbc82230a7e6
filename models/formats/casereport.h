#pragma once

#include "casereader.h"

namespace AT {

struct CitationCounts
{
    qsizetype total = 0;
    qsizetype exact = 0;
    qsizetype reanchored = 0;
    qsizetype ambiguous = 0;
    qsizetype orphaned = 0;
    qsizetype unchecked = 0;
    qsizetype referenceOnly = 0; // of sources whose texts the case does not hold: not checked, and not a fault
};
CitationCounts countCitations(const Case &kase);
// The same for the case's reviewed passages (read, and not used): not citations, counted apart.
CitationCounts countReviewedPassages(const Case &kase);

// Number of distinct sources among an event's citations: how independently it is reported.
qsizetype distinctSources(const QList<Citation> &citations);

// The text `attribution-timeline --check` prints: counts, citations by anchor status, every problem.
QString checkReport(const QString &caseName, const CaseLoad &load);

// "1 problem", "12 problems", "200000 problems (first 1000 listed)": the true total.
QString problemCountText(const CaseLoad &load);

// A Markdown digest of a case (sources, events by date, disputed points), generated, never hand-written.
QString markdownSummary(const Case &kase);

// Events in chronological order (stable for equal dates), as indexes into kase.events.
QList<qsizetype> chronologicalOrder(const Case &kase);

} // namespace AT
