#pragma once

#include <QString>

namespace AT {

// "1 event", "2 events", "0 events": a count with its noun in the right number, for the English
// words the program shows (status lines, panels, tooltips, reports).
inline QString countOf(qint64 n, const QString &singular, const QString &plural)
{
    return QString::number(n) + QLatin1Char(' ') + (n == 1 ? singular : plural);
}

} // namespace AT
