// libFuzzer target: any bytes opened as the app opens a file (a case, a STIX bundle or object, a
// TimelineJS file, recognised by content). It must never crash, hang or leak; a converted file that
// opens must be a case the writer and reader agree on, and every data export must take it.

#include "casereader.h"
#include "casewriter.h"
#include "dataexport.h"
#include "interchange.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const AT::CaseLoad load = AT::readAnyData(bytes, QStringLiteral("fuzz.json"), QString());
    if (!load.ok() || load.convertedFrom.isEmpty()) {
        return 0; // case files are fuzz_casereader's
    }
    const QByteArray saved = AT::CaseWriter::toJson(load.kase);
    const AT::CaseLoad again = AT::CaseReader::readData(saved, QStringLiteral("saved.json"), QString());
    if (!again.ok() || AT::CaseWriter::toJson(again.kase) != saved) {
        std::abort(); // a conversion produced a case the reader rejects or changes
    }
    for (const AT::DataExport &e : AT::dataExports()) {
        // Every export is a document with a frame of its own, except FollowTheMoney's JSON lines: one
        // line per entity, none for an empty case.
        if (AT::writeDataExport(e.name, load.kase).isEmpty() && e.name != QLatin1String("ftm")) {
            std::abort();
        }
    }
    return 0;
}
