#pragma once

#include "casedata.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace AT {

struct HtmlPageOptions
{
    // When the page says it was generated; invalid means now. Tests pass a fixed time so that the
    // page is the same bytes on every run.
    QDateTime generatedAt;
};

// A case as one self-contained HTML page (UTF-8) to publish or send: the title and description, the
// timeline as inline SVG (one row per event in time order, each linked to its section; in pieces that
// each print on a page), every event
// with its date in words, participants, citations as block quotes and disputed points with every
// version, the claims with their confidence wording verbatim, the actors with aliases and
// affiliations, and the sources with their SHA-256. The author's notes are framed and labelled as
// such. No script, no network: a Content-Security-Policy allows inline styles only. Every piece of
// case text is escaped for where it stands (HTML text, attribute, SVG text); ids come from item
// numbers, never from case text; a URL is a link only when it is http(s). The sources' full texts are
// not included. docs/exchange/html-page.md describes the page.
QByteArray htmlPage(const Case &kase, const HtmlPageOptions &options = {});

// The fragment id of the n-th (0-based) event's section: "ev-" + n + 1 + "-" + the id reduced to
// ASCII letters, digits and hyphens (at most 40), e.g. "ev-3-2024-03-25-uk-sanctions".
QString htmlEventAnchor(const Case &kase, qsizetype eventIndex);

} // namespace AT
