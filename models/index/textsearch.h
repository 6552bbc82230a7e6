#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace AT {

// Finds a byte string in a long text quickly: with SSE2, sixteen positions at a time are tested
// for the needle's first and last byte and only the candidates are compared in full (the
// "generic SIMD" substring search); elsewhere it falls back to std::search with Boyer-Moore-Horspool.
// Searching UTF-8 for UTF-8 finds exactly the code-point matches, since UTF-8 is self-synchronising.
class SubstringFinder
{
public:
    explicit SubstringFinder(QByteArrayView needle);

    // The first position >= from where the needle starts, or -1. An empty needle matches at from.
    qsizetype indexIn(QByteArrayView haystack, qsizetype from = 0) const;

private:
    QByteArray m_needle;
};

} // namespace AT
