#pragma once

#include "interchange.h"

#include <QByteArray>
#include <QString>

namespace AT {

// A STIX 2.0 or 2.1 bundle turned into a case: intrusion sets, threat actors and identities become
// actors (with their aliases), campaigns become events over first_seen–last_seen, attributed-to / uses /
// targets relationships and disagreeing opinions become claims (the attributor is the identity named by
// created_by_ref, or, when there is none, an actor that says the bundle names nobody), reports and
// external references become reference-only sources. A bundle this app exported is read back from its
// x_attribution_timeline_* properties. Objects a case has no place for are counted in `notes`. An invalid
// bundle gives errors (JSON path, the rule broken, the fix) and an empty case. See docs/exchange/stix.md.
Conversion caseFromStix(const QByteArray &json, const QString &fileName);

} // namespace AT
