#pragma once

#include <QString>

namespace AT {

// A verbatim passage of a source: the exact quote plus its position [start, end) counted in Unicode
// code points of the source text (as the W3C TextPositionSelector), with context to re-anchor by.
struct Citation
{
    enum class Anchor : quint8 {
        Unchecked, // not yet compared with its source
        Exact, // the quote stands at its stated position
        Reanchored, // the position had drifted; the quote was found once (or once with its context) elsewhere
        Ambiguous, // the quote occurs several times and the context does not decide
        Orphaned, // the quote is not in the source
        // The source is a reference only (Source::referenceOnly): the case does not hold its text,
        // so the quote cannot be checked; start/end are as the case gives them, or -1.
        ReferenceOnly,
    };

    QString sourceId;
    QString quote;
    qint64 start = -1;
    qint64 end = -1;
    QString prefix;
    QString suffix;

    // Filled by anchoring, not stored in the case file.
    Anchor anchor = Anchor::Unchecked;
    qint64 statedStart = -1; // the position the file gave, when re-anchored
    qint64 statedEnd = -1;

    bool isAnchored() const { return anchor == Anchor::Exact || anchor == Anchor::Reanchored; }
    friend bool operator==(const Citation &a, const Citation &b)
    {
        return a.sourceId == b.sourceId && a.quote == b.quote && a.start == b.start && a.end == b.end
            && a.prefix == b.prefix && a.suffix == b.suffix;
    }
};

QString anchorName(Citation::Anchor anchor);

} // namespace AT
