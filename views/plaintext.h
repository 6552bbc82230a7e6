#pragma once

#include <QString>

namespace AT {

// Case text is data, never markup. Qt Charts renders every title, axis label, category and legend
// entry as HTML, which loads <img> sources, local files included: every piece of case text on its
// way to a chart goes through chartText.

// `text` for Qt Charts: escaped so it shows literally. Charts elide a long label by chopping whole
// character references, so an escaped label never shows half of "&amp;".
QString chartText(const QString &text);

} // namespace AT
