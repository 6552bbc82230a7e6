#pragma once

#include "sourcecoverage.h"

#include <functional>

namespace AT {

// The text `attribution-timeline --coverage` prints: per source its id, title and counts (sentences,
// cited, reviewed and not used, unreviewed, with percentages), then each unreviewed sentence as
// "  [start–end] first words…" (code points, end exclusive). `safe` is applied to every piece of
// case text (ids, titles, sentences, the case's name), e.g. to make it safe for a terminal.
QString coverageReport(const QString &caseName, const Case &kase, const QList<SourceCoverage> &coverage,
                       const std::function<QString(const QString &)> &safe = {});

// "s002: 28 of 31 sentences accounted for (90%), 3 unreviewed", as the window's status bar says it.
QString coverageSummary(const SourceCoverage &coverage);

} // namespace AT
