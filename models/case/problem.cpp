#include "problem.h"

#include <algorithm>

namespace AT {

QString Problem::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QStringLiteral(":%1:%2").arg(line).arg(column);
    }
    if (!path.isEmpty()) {
        where += QStringLiteral(": ") + path;
    }
    const QString kind = isError() ? QStringLiteral("error") : QStringLiteral("warning");
    return where + QStringLiteral(": ") + kind + QStringLiteral(": ") + message;
}

bool hasErrors(const QList<Problem> &problems)
{
    return std::any_of(problems.cbegin(), problems.cend(), [](const Problem &p) { return p.isError(); });
}

} // namespace AT
