#pragma once

#include "casedata.h"
#include "timelinejs.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace AT {

// The case as data for other tools: one entry per name `--export` and File > Export as Data know.
// The image exports (timeline, charts) are the views' Exporter; these need no display and no index.
struct DataExport
{
    QString name; // on the command line: "stix"
    QString label; // in menus: "STIX 2.1 Bundle"
    QString description; // one line for --list-exports
    QString suffix; // the file name's usual ending, without the dot: "json", "html", "jsonld"
    QString fileFilter; // for file dialogs
};

const QList<DataExport> &dataExports();
const DataExport *dataExport(QStringView name);

struct DataExportOptions
{
    TimelineLane lane = TimelineLane::Category; // TimelineJS groups: the event's category, its actor, or none
};

// The bytes of export `name` of `kase`; empty when the name is unknown.
QByteArray writeDataExport(QStringView name, const Case &kase, const DataExportOptions &options = {});

// A case to save anywhere: every source's text embedded (a path beside the case or in the app's
// resources would not travel with the file).
Case selfContained(Case kase);

} // namespace AT
