// libFuzzer target: any bytes through the case reader. It must never crash, hang or leak, and what
// it accepts must survive a save and load unchanged.

#include "casereader.h"
#include "casewriter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const AT::CaseLoad load = AT::CaseReader::readData(bytes, QStringLiteral("fuzz.json"), QString());
    if (load.ok()) {
        const QByteArray saved = AT::CaseWriter::toJson(load.kase);
        const AT::CaseLoad again = AT::CaseReader::readData(saved, QStringLiteral("saved.json"), QString());
        if (!again.ok() || AT::CaseWriter::toJson(again.kase) != saved) {
            std::abort(); // the writer produced what the reader rejects or changes
        }
    }
    return 0;
}
