// libFuzzer target: any bytes through the case reader. It must never crash, hang or leak, and what
// it accepts must survive a save and load unchanged. Read split into batches with its events on
// several threads (from two of them on) and read whole, it must give the same case and problems. Its source coverage must add up: every
// sentence inside its text, in order, counted once.

#include "casereader.h"
#include "casewriter.h"
#include "sourcecoverage.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void checkCoverage(const AT::Case &kase)
{
    const QList<AT::SourceCoverage> coverage = AT::caseCoverage(kase);
    if (coverage.size() != kase.sources.size()) {
        std::abort();
    }
    for (qsizetype s = 0; s < coverage.size(); ++s) {
        const AT::SourceCoverage &c = coverage[s];
        const qint64 length = kase.sources[s].text.toUcs4().size();
        if (c.cited + c.reviewed + c.unreviewed != c.total() || c.accountedFor() > c.total()) {
            std::abort();
        }
        qint64 previousEnd = 0;
        for (const AT::SentenceCoverage &sentence : c.sentences) {
            if (sentence.span.start < previousEnd || sentence.span.end <= sentence.span.start
                || sentence.span.end > length) {
                std::abort(); // sentences are non-empty, in order, apart, and inside the text
            }
            if ((sentence.status == AT::SentenceStatus::Cited) == sentence.citedBy.isEmpty()) {
                std::abort(); // a cited sentence says by what, and only a cited one
            }
            previousEnd = sentence.span.end;
        }
        if (AT::percentOf(c.accountedFor(), c.total()) > 100) {
            std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    AT::CaseReader::setParallelEventsThresholdForTesting(2);
    const AT::CaseLoad load = AT::CaseReader::readData(bytes, QStringLiteral("fuzz.json"), QString());
    AT::CaseReader::setReadingModeForTesting(AT::CaseReader::ReadingMode::Whole);
    const AT::CaseLoad whole = AT::CaseReader::readData(bytes, QStringLiteral("fuzz.json"), QString());
    AT::CaseReader::setReadingModeForTesting(AT::CaseReader::ReadingMode::Split);
    if (load.ok() != whole.ok() || load.errorCount() != whole.errorCount()
        || load.warningCount() != whole.warningCount() || !(load.kase == whole.kase) || load.problems != whole.problems
        || load.acceptedWarnings != whole.acceptedWarnings) {
        std::abort(); // reading in batches on several threads differs from reading whole
    }
    if (load.ok()) {
        checkCoverage(load.kase);
        const QByteArray saved = AT::CaseWriter::toJson(load.kase);
        const AT::CaseLoad again = AT::CaseReader::readData(saved, QStringLiteral("saved.json"), QString());
        if (!again.ok() || AT::CaseWriter::toJson(again.kase) != saved) {
            std::abort(); // the writer produced what the reader rejects or changes
        }
    }
    return 0;
}
