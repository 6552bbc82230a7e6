#pragma once

#include "casedata.h"

#include <QByteArray>
#include <QDateTime>

namespace AT {

struct StixExportOptions
{
    // Written as every object's created/modified and the case report's published; invalid means now (UTC).
    // Tests pass a fixed time so that two exports are byte for byte the same.
    QDateTime timestamp;
    // Carry each source's full text in the x_attribution_timeline_source property, so that importing the
    // bundle gives back the texts and anchored citations. Off by default: a STIX bundle is shared with
    // threat-intelligence platforms, and republishing whole articles is the journalist's decision. Without
    // the texts, sources come back as references (title, URL, SHA-256) and citations keep their quotes.
    bool includeSourceTexts = false;
};

// The case as a STIX 2.1 bundle (JSON, UTF-8): a report for the case, an identity per source and per
// attributing body, actors by kind, one relationship, opinion or note per claim, notes for the
// journalist's notes and the disputed points; ids are UUIDv5 from the case and item ids, stable across
// exports. Everything the case holds that STIX has no property for is kept in x_attribution_timeline_*
// properties. The mapping is in docs/exchange/stix.md.
QByteArray stixBundle(const Case &kase, const StixExportOptions &options = {});

} // namespace AT
