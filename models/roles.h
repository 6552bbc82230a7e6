#pragma once

#include <Qt>

namespace AT {

// The only contract between models/ and views/: views read everything through these roles.
enum Role {
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
    SourceCountRole, // int, number of distinct sources citing the event
    CitationCountRole, // int
    DisputedRole, // bool: the event is part of a disputed point
    SortRole, // a value that sorts the column correctly
};

} // namespace AT
