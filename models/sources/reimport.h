#pragma once

#include "caseedit.h"

#include <QList>

namespace AT {

// One citation of the re-imported source and what becomes of it with the new text.
struct ReimportCitation
{
    EntityKind kind = EntityKind::Event; // the entity that holds the citation
    QString entityId;
    QString where; // in words: "event “…”", "alias “…” of actor “…”", "date of claim “…”", ...
    Citation citation; // as the case has it now
    Citation::Anchor status = Citation::Anchor::Unchecked; // against the new text
    qint64 newStart = -1; // where the quote stands in the new text (exact or re-anchored), in code points
    qint64 newEnd = -1;
};

// What re-importing a source would do to its citations, before anything is replaced.
struct ReimportPreview
{
    QString sourceId;
    QString error; // the case has no such source
    bool textChanged = false;
    // The source was a reference only (no text in the case): re-importing gives it one, and its
    // citations are checked for the first time.
    bool wasReferenceOnly = false;
    // The reference recorded a SHA-256 of its text and the new text's differs: the file may not
    // be the text the reference names.
    bool hashDiffers = false;
    // In the order of the case (actors, events, claims, disagreements), then the passages marked
    // reviewed (kind EntityKind::Reviewed, no entity id): they move with the text as citations do.
    QList<ReimportCitation> citations;
    int exact = 0; // the quote is at the same position in the new text
    int reanchored = 0; // the quote is found once (or once with its context) elsewhere: it moves
    int ambiguous = 0; // the quote is found several times and its context does not decide
    int orphaned = 0; // the quote is not in the new text

    int count(Citation::Anchor status) const;
};

// Checks every citation of the source against `newText` with the case's own anchoring
// (anchorCitation: exact at its position, else a verbatim search using its context; never fuzzy).
ReimportPreview previewReimport(const Case &kase, const QString &sourceId, const QString &newText);

// One undo step that replaces the source's text (and sha256) with `newText` (a reference-only source
// becomes an ordinary one, its citations checked against the text) and moves each
// re-anchored citation to its new position, with its context taken again from the new text.
// Ambiguous and orphaned citations are kept as they are, for the case check to list. When
// `retrieved` is valid it becomes the source's retrieval date. Empty when the source is unknown.
CaseEdit reimportEdit(const Case &kase, const QString &sourceId, const QString &newText,
                      const DatePoint &retrieved = {});

// "the same place", "moves", "ambiguous", "not found" — the status as the re-import dialog says it.
QString reimportStatusName(Citation::Anchor status);

} // namespace AT
