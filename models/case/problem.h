#pragma once

#include <QList>
#include <QString>

namespace AT {

// One thing wrong with a case file, located well enough for a person to fix it.
struct Problem
{
    enum class Severity : quint8 { Error, Warning };
    Severity severity = Severity::Error;
    QString file;
    QString path; // JSON path, e.g. "events[12].citations[0].quote"; empty for file-level problems
    int line = 0; // 1-based, for syntax errors; 0 when not known
    int column = 0;
    QString message; // says what is wrong and how to fix it

    bool isError() const { return severity == Severity::Error; }
    // "case.json:3:14: error: ..." or "case.json: events[2].date: warning: ..."
    QString toString() const;
    friend bool operator==(const Problem &, const Problem &) = default;
};

bool hasErrors(const QList<Problem> &problems);

} // namespace AT
