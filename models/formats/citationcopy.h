#pragma once

#include "casedata.h"

#include <QList>
#include <QString>

class QMimeData;

namespace AT {

// Citations copied for a story or a fact-check note, in three flavours of one shape: the quote in
// typographic quotes, then "— Title, Publisher, 25 Mar 2024, https://… (p. 4, characters 1204–1290)".
// A part the case does not know is said to be unknown ("publisher unknown", "date unknown", "no URL"),
// never guessed. Case text stays text in every flavour: control and bidi control characters are
// shown as escapes (\u202e), HTML is escaped, Markdown syntax is escaped. Several citations give one
// block each with a blank line between.

// text/plain: the quote as the source has it (line breaks kept), the attribution line under it.
QString citationPlainText(const Case &kase, const QList<Citation> &citations);
// text/html: a <blockquote> and a <p> with the title in <cite>; the URL is a link only when it is http(s).
QString citationHtml(const Case &kase, const QList<Citation> &citations);
// text/markdown: "> " before every line of the quote, a blank line, then the attribution line.
QString citationMarkdown(const Case &kase, const QList<Citation> &citations);

// All three flavours (text/html led by a UTF-8 charset declaration, which some editors need to
// read a pasted HTML fragment right); the caller owns it. Null when there is no citation.
QMimeData *citationMimeData(const Case &kase, const QList<Citation> &citations);

// Where in its source the citation stands, or why that is not known: "characters 1204–1290",
// "p. 4, characters 1204–1290" (pages only when the text has form feeds), "position unknown: …".
QString citationLocation(const Source *source, const Citation &citation);

// The page of a UTF-16 offset in a text whose pages end with form feeds: 1 + the form feeds before it.
// Case text for Markdown, inline: HTML's & < > as entities, the inline syntax characters (\ ` * _
// [ ] ~ | @) backslash-escaped, and the openings of bare-URL autolinks ("://", "www.") broken, so
// that no link, image, emphasis, code span or table cell comes from the case's words.
QString markdownEscaped(const QString &text);

qsizetype pageAt(const QString &text, qsizetype utf16Offset);

} // namespace AT
