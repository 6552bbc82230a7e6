#pragma once

#include <QMetaType>
#include <QString>

namespace AT {

// Everything the timeline needs to place and draw one event, fetched in one data() call per row
// (TimelineItemRole), so a million events load without a million times a dozen role lookups.
struct TimelineItem
{
    qsizetype event = -1; // index into Case::events
    double first = 0; // Julian days, inclusive
    double last = 0;
    int precision = 0; // DatePoint::Precision
    bool range = false;
    bool openStart = false;
    bool openEnd = false;
    bool approximate = false;
    bool disputed = false;
    int sources = 0;
    QString title;
    QString category;
};

} // namespace AT

Q_DECLARE_METATYPE(AT::TimelineItem)
