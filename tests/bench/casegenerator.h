#pragma once

#include <QByteArray>
#include <QString>

namespace AT {

// Writes valid synthetic case files for benchmarks and tests, deterministically from a seed:
// bursty dates over decades with mixed precisions, ranges and open ends; ~500 actors whose
// participation follows a Zipf law; ~1,000 embedded sources; one to four citations per event
// with real anchors (and context); about 10 % non-ASCII text, astral characters included.
struct GeneratorOptions
{
    qint64 events = 1000;
    quint64 seed = 1;
    int actors = 500;
    int sources = 1000;
};

QByteArray generateCase(const GeneratorOptions &options);
bool writeGeneratedCase(const GeneratorOptions &options, const QString &path, QString *error);

} // namespace AT
