#pragma once

#include "casereader.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace AT {

// What a file the app is given turns out to be, judged by its content, never by its name.
enum class FileFormat : quint8 {
    Case, // an Attribution Timeline case file ("format": "attribution-timeline-case")
    Stix, // a STIX 2.0 or 2.1 bundle ({"type": "bundle", ...}), or one STIX object on its own
    TimelineJs, // TimelineJS JSON ({"events": [...]} with an optional "title" slide)
    Unknown,
};

// Looks at the JSON's top-level keys only (a streaming look at the first few kilobytes: it does not
// parse the whole file). Anything that is not one of the foreign formats counts as a case file, so
// that the case reader's own messages explain what is wrong with it.
FileFormat sniffFormat(const QByteArray &data);
QString formatDisplayName(FileFormat format); // "case file", "STIX bundle", "TimelineJS file"

// A foreign file turned into a case: the case, what was wrong with the file (errors stop the open;
// each names the JSON path and the rule broken) and what the conversion did in words a journalist
// reads ("12 indicator objects are not part of a case and were left out").
struct Conversion
{
    Case kase;
    QList<Problem> problems;
    QStringList notes;
};

// Reads any file the app opens, recognised by its content. A case file goes to CaseReader as it is.
// A STIX bundle or a TimelineJS file is converted into a case, which is then written and read back
// as a case file, so that it gets every check a case file gets (its problems name the file "… as
// converted to a case"). The result's `convertedFrom` and `notes` say what it was and what the
// conversion did; a converted case has no file of its own yet (saving must ask where).
CaseLoad readAnyFile(const QString &path, const ReadControl &control = {});
// The same for bytes in memory; `displayName` names them, `baseDir` resolves a case's relative paths.
CaseLoad readAnyData(const QByteArray &data, const QString &displayName, const QString &baseDir,
                     const ReadControl &control = {});

} // namespace AT
