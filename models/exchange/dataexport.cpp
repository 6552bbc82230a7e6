#include "dataexport.h"

#include "annotations.h"
#include "casewriter.h"
#include "ftmexport.h"
#include "htmlpage.h"
#include "stixexport.h"

namespace AT {

const QList<DataExport> &dataExports()
{
    static const QList<DataExport> exports {
        {QStringLiteral("case"), QStringLiteral("Case File (Self-contained)"),
         QStringLiteral("the case file, every source text embedded (converts a STIX or TimelineJS file into a case)"),
         QStringLiteral("json"), QStringLiteral("Attribution Timeline cases (*.json)")},
        {QStringLiteral("stix"), QStringLiteral("STIX 2.1 Bundle"),
         QStringLiteral("a STIX 2.1 bundle: report, actors, attributed-to relationships, opinions, notes"),
         QStringLiteral("json"), QStringLiteral("STIX 2.1 bundles (*.json)")},
        {QStringLiteral("timelinejs"), QStringLiteral("TimelineJS JSON"),
         QStringLiteral("TimelineJS3 JSON: one slide per event with its citations (--lane category|actor|none)"),
         QStringLiteral("json"), QStringLiteral("TimelineJS JSON (*.json)")},
        {QStringLiteral("html"), QStringLiteral("Web Page (HTML)"),
         QStringLiteral("one self-contained HTML page: timeline, citations, disagreements, actors, sources"),
         QStringLiteral("html"), QStringLiteral("Web pages (*.html *.htm)")},
        {QStringLiteral("ftm"), QStringLiteral("FollowTheMoney Entities (Aleph)"),
         QStringLiteral("FollowTheMoney entities as JSON lines, for Aleph: events, actors, claims as notes"),
         QStringLiteral("ftm.json"), QStringLiteral("FollowTheMoney entities (*.json *.ijson)")},
        {QStringLiteral("annotations"), QStringLiteral("W3C Web Annotations"),
         QStringLiteral("every citation as a W3C Web Annotation (quote and position selectors), JSON-LD"),
         QStringLiteral("jsonld"), QStringLiteral("Web Annotations (*.jsonld *.json)")},
    };
    return exports;
}

const DataExport *dataExport(QStringView name)
{
    for (const DataExport &e : dataExports()) {
        if (e.name == name) {
            return &e;
        }
    }
    return nullptr;
}

Case selfContained(Case kase)
{
    for (Source &s : kase.sources) {
        s.path.clear();
    }
    return kase;
}

QByteArray writeDataExport(QStringView name, const Case &kase, const DataExportOptions &options)
{
    if (name == u"case") {
        return CaseWriter::toJson(selfContained(kase));
    }
    if (name == u"stix") {
        return stixBundle(kase);
    }
    if (name == u"timelinejs") {
        return timelineJsJson(kase, options.lane);
    }
    if (name == u"html") {
        return htmlPage(kase);
    }
    if (name == u"ftm") {
        return ftmEntities(kase);
    }
    if (name == u"annotations") {
        return webAnnotations(kase);
    }
    return {};
}

} // namespace AT
