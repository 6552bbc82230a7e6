#pragma once

#include <Qt>

namespace AT {

// The only contract between models/ and views/: views read everything through these roles.
enum Role {
    // Events (EventTableModel)
    EventIdRole = Qt::UserRole + 1, // QString
    EventIndexRole, // qsizetype index into Case::events
    EarliestDayRole, // qint64 Julian day of the earliest day the date may denote
    LatestDayRole, // qint64 Julian day of the latest day
    PrecisionRole, // int, DatePoint::Precision of the date's finest known end
    IsRangeRole, // bool
    OpenStartRole, // bool: the start is unknown
    OpenEndRole, // bool: the end is unknown
    ApproximateRole, // bool
    DateDisplayRole, // QString, e.g. "2021–22"
    DateDescriptionRole, // QString, display with precision and provenance in words
    TitleRole, // QString
    SummaryRole, // QString
    CategoryRole, // QString
    ActorIdsRole, // QStringList of participants' actor ids
    ActorNamesRole, // QStringList
    ParticipantsRole, // QStringList of "name (role)"
    SourceCountRole, // int, number of distinct sources citing the event
    CitationCountRole, // int; on sources too (SourceListModel): the citations of the source
    DisputedRole, // bool: the event is part of a disputed point whose accounts conflict (not only of specificity)
    SortRole, // a value that sorts the column correctly
    // The journalist's own notes (on events, actors and claims): never what a source says, and
    // shown apart from it.
    NotesRole,
    // On the root index only: AT::TimelineRows (timelineitem.h), every visible row at once in time
    // order, for the timeline, which places all of them and cannot afford one QVariant per row.
    TimelineRowsRole,

    // Actors (ActorTreeModel)
    ActorIdRole = Qt::UserRole + 100, // QString; empty on kind rows
    ActorKindRole, // QString
    AliasesRole, // QStringList, "alias — per source title"
    AffiliationsRole, // QStringList, "relation: actor name"
    EventCountRole, // int, events of the actor that pass the filter
    ClaimCountRole, // int, claims made by or about the actor
    ActorClaimsRole, // QStringList, "attributor: statement (“wording”)" for claims by or about the actor
    ActorDescriptionRole, // QString

    // Citations (CitationListModel)
    QuoteRole = Qt::UserRole + 200, // QString, verbatim
    SourceIdRole, // QString
    SourceTitleRole, // QString
    AnchorRole, // QString: anchored, re-anchored, ambiguous, orphaned, reference only
    IsAnchoredRole, // bool
    StartRole, // qint64 code point offset in the source
    EndRole, // qint64
    Utf16StartRole, // qint64 offset in QString units, for text widgets
    Utf16EndRole, // qint64
    // CitationListModel's horizontal header, section 0, describes the event the citations belong to
    // with TitleRole, DateDescriptionRole, ParticipantsRole, SourceCountRole, SummaryRole and NotesRole.

    // Claims (ClaimListModel)
    ClaimIdRole = Qt::UserRole + 300, // QString
    AttributorRole, // QString, name of who asserts it
    SubjectRole, // QString, name of whom it is about
    StatementRole, // QString
    ConfidenceRole, // QString, the source's wording verbatim; empty when none
    DisputesRole, // QStringList, statements of the claims this one disputes
    DisputedByRole, // QStringList, "attributor: statement" of the claims disputing this one
    ClaimQuotesRole, // QStringList, the claim's quotes
    ClaimCardRole, // QString, the claim as a short multi-line block for narrow lists
    // QString, e.g. "PHIA: 80–90%": what the wording stands for on the yardstick of the one who speaks
    // (estimative.h); empty when the wording is not a term of that yardstick or the speaker's is not known.
    EstimativeBandRole,
    EstimativeBandToolTipRole, // QString: the yardstick, its publication and why it applies; empty when no band

    // Disputed points (DisagreementTableModel): column 0 is the question, columns 1.. the versions.
    VersionStatementRole = Qt::UserRole + 350, // QString
    VersionQuotesRole, // QStringList, "“quote” — source title"
    DisagreementCardRole, // QString, on column 0: the question, its kind and every version with its quotes
    // QString, on every column: the point's kind as the case file names it, "conflict" or "specificity"
    // (one account is only less specific than another: not a conflict); the tooltip says it in words.
    DisagreementKindRole,

    // Charts (ChartModel): what a row stands for, to filter on (a year, an actor id, a count).
    ChartKeyRole = Qt::UserRole + 380,
    ChartCategoriesRole, // QStringList, on the horizontal header: every category of the case, filtered out or not

    // Sources (SourceListModel)
    SourceTextRole = Qt::UserRole + 400, // QString, the full text
    PublisherRole, // QString, "unknown" when unknown
    PublishedRole, // QString, "unknown" when unknown
    CitedPassagesRole, // QVariantList of QVariantMap {start, end (UTF-16), events (QList<qsizetype>)}
    // bool, on sources and on citations: the source is a reference only (Source::referenceOnly),
    // its text is not in the case and nothing can be read or cited in it.
    ReferenceOnlyRole,
    SourceUrlRole, // QString, the source's URL; empty when unknown
    // int, on sources: how many of the source's sentences no citation and no reviewed passage
    // accounts for (source coverage); 0 for a reference only, which has no text.
    UnreviewedCountRole,

    // Sentences of the shown source (SentenceCoverageModel); StartRole, EndRole, Utf16StartRole and
    // Utf16EndRole give each sentence's place, as for citations.
    SentenceStatusRole = Qt::UserRole + 450, // int, AT::SentenceStatus: cited, reviewed and not used, unreviewed
    // QString, plain text: why the sentence has its status, in a sentence or two ("Cited by event
    // ev-x, claim cl-y.", "Reviewed, not used: opinion. …", "Unreviewed: …").
    SentenceWhyRole,
    SentenceTextRole, // QString, the sentence verbatim
};

} // namespace AT
