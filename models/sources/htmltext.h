#pragma once

#include "partialdate.h"

#include <QString>
#include <QStringList>

namespace AT {

// The main text of a web page and the metadata the page itself gives, read by a small tokenizer of
// our own: nothing is executed, loaded or fetched, and markup is never interpreted as anything but
// structure.
//
// What is left out of the text (and counted in `notes`):
// - the elements script, style, noscript, template, svg, math, nav, aside, form, button, iframe,
//   select, canvas, object, embed, audio, video, and head;
// - header and footer when they belong to the page; inside an <article> or <main> they hold the
//   story's headline, byline and date and are kept;
// - elements with the `hidden` attribute or an inline style of display:none or visibility:hidden;
// - elements whose class or id has one of the words nav, navbar, navigation, menu, menubar,
//   breadcrumb(s), cookie(s), consent, share, sharing, social, related, comment(s), advert(s),
//   advertisement, advertising, ad, ads, sponsored, promo, newsletter (words are split at
//   punctuation and lowerCase/UpperCase changes: "cookie-banner", "shareBar"), or whose role is
//   navigation, menu, menubar, banner, contentinfo, complementary, search, dialog or alertdialog.
//   The class/id/role test never applies to html, body, main and article themselves.
//
// Which part is the main text: the <article> (not inside anything left out, not inside another
// article) with the most text; else the first such <main> with text; else <body>; else the whole
// page. Block elements become paragraphs separated by one blank line, <br> a line break, white
// space is collapsed (but kept in <pre>), table cells are separated by a space, every character
// reference is decoded (all of HTML's named references, decimal and hexadecimal). No-break spaces
// stay no-break spaces.
//
// Metadata only where the page states it, never guessed: the title from og:title, else <title>,
// else the first <h1> of the main text; the publisher from og:site_name; the URL from the
// canonical link, else og:url (web addresses only); the publication date from the
// article:published_time meta, else the first <time datetime> in the chosen <article>, to the
// precision written (the date as the page writes it, without converting time zones).
struct HtmlExtract
{
    QString text;
    QString title;
    QString publisher;
    QString url;
    DatePoint published;
    QString mainElement; // "article", "main", "body", or empty when the page has none of them
    QStringList notes; // where the text and metadata came from and what was left out, in words
};

HtmlExtract extractHtml(QStringView html);

// Decodes character references the way HTML does in text (`attribute` false) or in an attribute
// value (a legacy reference without ';' followed by a letter, digit or '=' stays as written).
QString decodeHtmlReferences(QStringView text, bool attribute = false);

} // namespace AT
