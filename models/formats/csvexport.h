#pragma once

#include <QByteArray>
#include <QList>

class QAbstractItemModel;
class QString;

namespace AT {

class CaseIndex;

// Events as CSV for spreadsheets: UTF-8, RFC 4180 (CRLF line ends, fields quoted where needed,
// quotes doubled). Columns: date (as shown), precision, start, end, title, category, actors,
// sources, quotes. Multiple values in one field are separated by " | ".
QByteArray eventsToCsv(const CaseIndex &index, const QList<qsizetype> &events);

// A chart's numbers as CSV, the same rules: a header row (`rowHeader`, then the series names from
// the horizontal header, then "total" when there are several series to add up), then one row per
// bar (its vertical header, then its values). With `valuesAreDays` the values are Julian days and
// are written as ISO dates, and nothing is added up.
QByteArray chartToCsv(const QAbstractItemModel &model, const QString &rowHeader, bool valuesAreDays = false);

// One field, quoted when it contains a comma, a double quote, CR or LF; a field that a spreadsheet
// would run as a formula (first character = + - @, tab or CR) starts with an apostrophe.
QString csvField(const QString &value);

} // namespace AT
