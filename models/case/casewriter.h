#pragma once

#include "casedata.h"

#include <QByteArray>

namespace AT {

// Writes a case in the format CaseReader reads: pretty-printed JSON with keys in a stable order,
// so that save -> load -> save gives identical bytes and files diff well.
class CaseWriter
{
public:
    static QByteArray toJson(const Case &kase);
    // Atomic: writes to a temporary file and renames it over `path` only when everything was written.
    // Returns false and sets *error (naming the file and the reason) on failure; the old file stays intact.
    static bool writeFile(const Case &kase, const QString &path, QString *error);
};

// Writes `data` to `path` atomically (QSaveFile); on failure the old file is left as it was.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

} // namespace AT
