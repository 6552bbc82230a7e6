#pragma once

#include "casedata.h"

#include <QByteArray>
#include <QString>

namespace AT {

// Every citation of the case as a W3C Web Annotation (Web Annotation Data Model, W3C Recommendation
// 23 February 2017), in one AnnotationCollection whose first AnnotationPage holds them all, JSON-LD
// with the anno.jsonld context. Each annotation's body says what the citation supports (the event,
// claim, actor, alias, affiliation, date or disputed point, by its title or statement, a tag for its
// kind and the item's IRI); its target is the cited passage of the source: the source's URL (with the
// stored text named by its hash as the cached state the selectors apply to), or the stored text's
// hash alone (urn:sha256:...) when the case gives no URL. The passage is a TextQuoteSelector (exact,
// prefix, suffix) and, only when the quote was verified at its position, a TextPositionSelector in
// Unicode code points. docs/exchange/web-annotation.md has the details.
QByteArray webAnnotations(const Case &kase);

// The IRI an item of the case gets in the annotations: a name-based (version 5) UUID of the case
// title, the item's kind and its id, as urn:uuid:..., the same on every export of the same case.
QString annotationItemIri(const Case &kase, QStringView kind, QStringView itemId);

} // namespace AT
