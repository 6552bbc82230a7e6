#pragma once

#include "casedata.h"
#include "citation.h"

#include <QList>
#include <QString>

namespace AT {

// "reference only: the text is not in the case": how every view and export says that a citation's
// source is a reference only (Source::referenceOnly).
QString referenceOnlyNotice();

// Sets the status of every citation (and reviewed passage) of a reference-only source to
// Citation::Anchor::ReferenceOnly (its quote cannot be checked against a text the case does not hold); other citations
// are left as they are. The case reader does this on load; a case built in memory (an importer's) calls it before it is
// shown. Returns how many citations it marked.
qsizetype markReferenceOnlyCitations(Case &kase);

// Converts between Unicode code point offsets (the case file's unit) and QString's UTF-16 offsets.
// Holds a reference to the text, which must outlive it.
class TextIndex
{
public:
    explicit TextIndex(const QString &text);

    const QString &text() const { return *m_text; }
    qint64 codePointLength() const { return m_text->size() - m_pairs.size(); }
    // -1 when out of range.
    qint64 toUtf16(qint64 codePoint) const;
    // The code point at or containing the UTF-16 offset (a low surrogate maps to its pair).
    qint64 toCodePoint(qint64 utf16) const;

private:
    const QString *m_text;
    QList<qint64> m_pairs; // UTF-16 offsets of the high surrogate of each surrogate pair, ascending
};

struct AnchorResult
{
    Citation::Anchor anchor = Citation::Anchor::Unchecked;
    qint64 start = -1; // code points, valid when anchored
    qint64 end = -1;
    // Occurrences of the quote seen before the search could decide (an ambiguous quote is not
    // counted to the end); -1 when an exact position made counting needless.
    qsizetype occurrences = 0;
    bool stopped = false; // the work budget ran out before the search decided: anchor is Unchecked
};

// True when the quote stands exactly at the citation's stated [start, end).
bool isAtStatedPosition(const Citation &citation, const TextIndex &index);

// Searches the whole text for the quote, ignoring the stated position: found once (or once with
// the best matching prefix/suffix) is re-anchored, several times ambiguous, not at all orphaned. Stops
// at the second occurrence when there is no context to tell them apart. `budget`, when given, is
// the number of UTF-16 units the search may still examine; the work done is taken from it, and
// when it runs out the result is Unchecked with `stopped` set.
AnchorResult searchQuote(const Citation &citation, const TextIndex &index, qint64 *budget = nullptr);

// Checks a citation against its source text: exact at its stated position, else searchQuote().
// Never fuzzy.
AnchorResult anchorCitation(const Citation &citation, const TextIndex &index, qint64 *budget = nullptr);

// Anchors in place: sets anchor and, when re-anchored, start/end (keeping the stated ones).
void applyAnchor(Citation &citation, const AnchorResult &result);

// The context a new citation should carry: up to `length` code points before and after [start, end).
QString contextBefore(const TextIndex &index, qint64 start, int length = 32);

// The characters [from, from + length) of `text` (UTF-16 units) as a QString that shares `text`'s
// buffer instead of copying it: a quote found verbatim in its source costs no memory of its own.
// It behaves as any QString (a change detaches it from the text, or writes in place once it is
// the buffer's only user), except that utf16() is not '\0'-terminated: never hand it to an API that
// reads to a terminator. When `text` holds static data, a copy.
QString sharedSlice(const QString &text, qsizetype from, qsizetype length);
QString contextAfter(const TextIndex &index, qint64 end, int length = 32);

} // namespace AT

namespace AT {

// A citation of the passage [startUtf16, endUtf16) of the text (a selection in a reader, in
// QString offsets): white space at either end is left out, the position is counted in code points,
// and the context is taken from the text. An empty passage gives a citation with an empty quote.
Citation citationOf(const QString &sourceId, const TextIndex &index, qint64 startUtf16, qint64 endUtf16);

} // namespace AT
