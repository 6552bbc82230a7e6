#pragma once

#include <QString>
#include <QStringView>

namespace AT {

// Case text as markup text: the five characters that can open a tag, an entity or an attribute value
// (& < > " ') as character references that mean the same in HTML text, in an attribute value of either
// quote and in XML. The HTML page (and its inline SVG) and the TimelineJS export (whose linkify puts
// URLs into href='...', so the single quote matters) escape every piece of case text with it.
QString markupEscaped(QStringView text);

} // namespace AT
