#pragma once

#include <QByteArray>
#include <QList>

namespace AT {

class CaseIndex;

// Events as CSV for spreadsheets: UTF-8, RFC 4180 (CRLF line ends, fields quoted where needed,
// quotes doubled). Columns: date (as shown), precision, start, end, title, category, actors,
// sources, quotes. Multiple values in one field are separated by " | ".
QByteArray eventsToCsv(const CaseIndex &index, const QList<qsizetype> &events);

// One field, quoted when it contains a comma, a double quote, CR or LF; a field that a spreadsheet
// would run as a formula (first character = + - @, tab or CR) starts with an apostrophe.
QString csvField(const QString &value);

} // namespace AT
