#pragma once

#include "casedata.h"
#include "problem.h"

#include <QByteArray>
#include <QLatin1StringView>

namespace AT {

struct CaseLoad
{
    Case kase;
    QList<Problem> problems; // at most CaseReader::MaxProblems, in the order found
    // Found beyond those listed: counted, so that the totals are true.
    qsizetype unlistedErrors = 0;
    qsizetype unlistedWarnings = 0;
    bool ok() const { return unlistedErrors == 0 && !hasErrors(problems); }
    qsizetype errorCount() const;
    qsizetype warningCount() const;
    qsizetype problemCount() const { return problems.size() + unlistedErrors + unlistedWarnings; }
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
    // Memory follows the file's size: about 5 bytes per byte of a realistic case and at most about
    // 23 for the worst shape measured (millions of one-letter strings in one array). 256 MiB keeps
    // the peak of any accepted file under MemoryBudgetText; files are refused before they are read.
    static constexpr qint64 MaxCaseFileBytes = qint64(256) << 20; // 256 MiB
    static constexpr QLatin1StringView MemoryBudgetText {"6 GB"};
    static constexpr qint64 MaxSourceFileBytes = qint64(64) << 20; // 64 MiB per referenced source text
    static constexpr qsizetype MaxFieldChars = 1 << 20; // any other string field: about a million characters
    static constexpr qsizetype MaxProblems = 1000; // listed; beyond that a count of the rest
    // Source text (UTF-16 units) that searching for misplaced quotes may read in one load; past it
    // the remaining misplaced citations stay unchecked, each with a warning.
    static constexpr qint64 MaxQuoteSearchChars = qint64(1) << 28;

    // A file on disk; relative source paths resolve against its folder.
    static CaseLoad readFile(const QString &path);
    // Bytes already in memory; `displayName` names them in problems, `baseDir` resolves relative
    // source paths (empty: relative paths are refused).
    static CaseLoad readData(const QByteArray &data, const QString &displayName, const QString &baseDir);
};

} // namespace AT
