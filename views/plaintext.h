#pragma once

#include <QString>

class QAbstractItemView;
class QMessageBox;

namespace AT {

// Case text is data, never markup. Qt shows a tooltip or What's This text as rich text whenever it
// looks like HTML (Qt::mightBeRichText), and Qt Charts renders every title, axis label, category
// and legend entry as HTML, which loads <img> sources, local files included. Every piece of case
// text on its way to either goes through one of these.

// `text` as a tooltip that shows literally: escaped, in one paragraph that keeps its line breaks,
// so QToolTip never guesses. CR LF and lone CR count as one line break each.
QString plainToolTip(const QString &text);

// Shows the tooltips (Qt::ToolTipRole) and What's This texts (Qt::WhatsThisRole) of `view`'s items
// through plainToolTip, whatever its delegate: an event filter on its viewport, owned by the view.
void showItemToolTipsAsPlainText(QAbstractItemView *view);

// `text` for Qt Charts: escaped so it shows literally. Charts elide a long label by chopping whole
// character references, so an escaped label never shows half of "&amp;".
QString chartText(const QString &text);

// Case text set inside a line of our own words: isolated (U+2068 ... U+2069), so that a right-to-left
// title or name neither reorders the punctuation around it nor is reordered by it. The text's own
// explicit bidi controls go: a stray U+2069 would close the isolate early and an override after
// it would reorder our words. Marks (U+200E, U+200F) stay; they are local.
QString isolated(const QString &text);

// QMessageBox::setTextFormat covers the main text only: its informative text is still shown as rich
// text when it looks like HTML. This sets `text` as the informative text, shown literally.
void setPlainInformativeText(QMessageBox *box, const QString &text);

} // namespace AT
