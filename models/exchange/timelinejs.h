#pragma once

#include "interchange.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace AT {

// Which lane (TimelineJS "group") an event goes in: its category, one of its actors, or none (no
// groups: TimelineJS then stacks the slides in as few rows as it can, which suits an embed).
enum class TimelineLane : quint8 { Category, Actor, None };

// The case as Knight Lab's TimelineJS 3 JSON (docs/exchange/timelinejs.md): a title slide and one
// slide per event. Every piece of case text is HTML-escaped for the fields TimelineJS renders as
// HTML (headline, text) and escaped twice for the fields it first strips of markup and then
// renders as HTML (group, display_date), so nothing in a case is ever interpreted as markup. In
// the Actor lane an event's group is its first attacker, else its first accused, else its first
// participant; an event without participants goes in the group "(no actor named)".
// An event TimelineJS cannot place (no known date) is left out, named on the title slide and in
// *notes, which also says what was approximated (a date whose start is unknown is placed at its end).
QByteArray timelineJsJson(const Case &kase, TimelineLane lane = TimelineLane::Category, QStringList *notes = nullptr);

// A TimelineJS JSON file as a case. The file is the case's one source (its title slide's headline
// as the title; publisher, URL and date unknown), its text the slides' plain text, one block per
// slide; every event cites its own slide's block. Groups become categories (or, with
// TimelineLane::Actor, actors; None reads them as categories too). Slides whose years are outside 1..9999 are left out
// with a note each; media are never fetched. Errors (with the JSON path, the rule and the fix) stop the open.
Conversion caseFromTimelineJs(const QByteArray &json, const QString &fileName,
                              TimelineLane lane = TimelineLane::Category);

// The event id as TimelineJS's unique_id, and back: percent-encoded UTF-8 for every character but
// ASCII letters, digits and - _ . : so that it is a valid HTML id (no white space, never empty).
QString timelineJsUniqueId(const QString &eventId);
QString eventIdFromTimelineJs(const QString &uniqueId);

} // namespace AT
