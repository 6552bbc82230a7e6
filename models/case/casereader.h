#pragma once

#include "casedata.h"
#include "problem.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QMap>
#include <QStringList>

#include <atomic>
#include <functional>

namespace AT {

struct CaseLoad
{
    Case kase;
    QList<Problem> problems; // at most CaseReader::MaxProblems, in the order found
    // Found beyond those listed: counted, so that the totals are true.
    qsizetype unlistedErrors = 0;
    qsizetype unlistedWarnings = 0;
    // Warnings of the checker rules (casechecks.h) that items accept with "acceptedWarnings": not
    // among the problems, and counted here by rule id so that no report is silent about them.
    QMap<QString, qsizetype> acceptedWarnings;
    // Stopped through ReadControl::cancel: nothing was kept and nothing is reported.
    bool cancelled = false;
    // Set when the file was another tool's format turned into a case ("STIX bundle"), with what the
    // conversion did and left out, in sentences (see models/exchange/interchange.h).
    QString convertedFrom;
    QStringList notes;
    bool ok() const { return !cancelled && unlistedErrors == 0 && !hasErrors(problems); }
    qsizetype errorCount() const;
    qsizetype warningCount() const;
    qsizetype problemCount() const { return problems.size() + unlistedErrors + unlistedWarnings; }
    qsizetype acceptedWarningCount() const;
};

// Lets a caller on another thread follow a read and stop it.
struct ReadControl
{
    enum Stage { Reading, Parsing, Checking };
    // Called on the reading thread as it goes: the stage and the share of it done, 0 to 1. The
    // checking stage reports every thousand items or so.
    std::function<void(Stage stage, double fraction)> progress;
    // Checked between slices of the file and before every item of the case's arrays; once true,
    // the read stops and returns a CaseLoad with `cancelled` set. Parsing the JSON is one step.
    const std::atomic<bool> *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(Stage stage, double fraction) const
    {
        if (progress) {
            progress(stage, fraction);
        }
    }
};

// Reads a case file (see docs/case-format.md). Collects every problem in one pass, each with the file,
// the JSON path and, for syntax errors, line and column. Errors mean the case cannot open; warnings
// flag what opens but needs attention (a drifted or orphaned citation, an unknown key).
class CaseReader
{
public:
    static constexpr QLatin1StringView FormatId {"attribution-timeline-case"};
    static constexpr int FormatVersion = 1;
    // Documented limits; larger input gives a clear error instead of exhausting memory.
    // Memory follows the file's size and the number of values in it: about 5 bytes per byte of a
    // realistic case (1M events, 620 MB: 3.1 GB) and up to about 23 for the worst shape measured
    // (millions of one-letter strings in one array). Before parsing, the reader estimates the peak
    // from both (estimatedPeakMemory) and refuses a file whose estimate exceeds the memory
    // available (memoryBudget), so a hostile file is refused rather than exhausting memory.
    static constexpr qint64 MaxCaseFileBytes = qint64(1) << 30; // 1 GiB
    static qint64 estimatedPeakMemory(const QByteArray &json);
    // The same from the text's size and its count of objects, arrays and strings.
    static qint64 estimatedPeakMemory(qint64 bytes, qint64 values);
    // MemAvailable of /proc/meminfo, or -1 when unknown (then only MaxCaseFileBytes applies).
    static qint64 memoryBudget();
    // Tests: pretend this much memory is available (-1: ask the system again).
    static void setMemoryBudgetForTesting(qint64 bytes);
    static constexpr qint64 MaxSourceFileBytes = qint64(64) << 20; // 64 MiB per referenced source text
    static constexpr qsizetype MaxFieldChars = 1 << 20; // any other string field: about a million characters
    static constexpr qsizetype MaxProblems = 1000; // listed; beyond that a count of the rest
    // Source text (UTF-16 units) that searching for misplaced quotes may read in one load; past it
    // the remaining misplaced citations stay unchecked, each with a warning.
    static constexpr qint64 MaxQuoteSearchChars = qint64(1) << 28;

    // A file on disk; relative source paths resolve against its folder.
    static CaseLoad readFile(const QString &path, const ReadControl &control = {});
    // Bytes already in memory; `displayName` names them in problems, `baseDir` resolves relative
    // source paths (empty: relative paths are refused).
    static CaseLoad readData(const QByteArray &data, const QString &displayName, const QString &baseDir,
                             const ReadControl &control = {});

    // How a case object is read: split at its arrays' items and parsed a batch at a time (events on
    // every core from ParallelEventsThreshold of them on), or parsed whole. Both give the same case
    // and the same problems; a text the split cannot make out, or a batch with a syntax error, is
    // parsed whole. Tests compare the ways; the app never changes them.
    static constexpr qsizetype ParallelEventsThreshold = 20000;
    enum class ReadingMode { Split, Whole };
    static void setReadingModeForTesting(ReadingMode mode);
    // Tests: read events on several threads from this many on (ParallelEventsThreshold by default).
    static void setParallelEventsThresholdForTesting(qsizetype events);
    // Tests: how many times a file has been read a second time (after its events' text was handed
    // back, to word a problem found later).
    static int secondReadsForTesting();
};

} // namespace AT
