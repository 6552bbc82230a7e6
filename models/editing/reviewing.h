#pragma once

#include "caseedit.h"

namespace AT {

// Marking passages of a source as reviewed and not used (source coverage), as undo steps. Both
// replace the case's reviewed passages as one whole (ReviewedList).

// One undo step that marks `passage` (a citation of a source, as citationOf() makes one) reviewed
// with the reason and note. A mark on exactly the same stretch of the same source is replaced, so
// marking again changes the reason; other marks stay. Empty when the passage is empty or the mark
// is already there as asked.
CaseEdit markReviewedEdit(const Case &kase, const Citation &passage, ReviewReason reason, const QString &note);

// One undo step that removes the marks of the source that overlap [start, end) (code points); an
// empty stretch (a cursor) takes the marks that hold it. Empty when there is none.
CaseEdit unmarkReviewedEdit(const Case &kase, const QString &sourceId, qint64 start, qint64 end);

// The indexes into Case::reviewed of the marks unmarkReviewedEdit() would remove.
QList<qsizetype> reviewedMarksAt(const Case &kase, const QString &sourceId, qint64 start, qint64 end);

} // namespace AT
