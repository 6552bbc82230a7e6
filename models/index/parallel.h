#pragma once

#include <QThread>

#include <algorithm>
#include <thread>
#include <vector>

namespace AT {

// How many parts to split `items` into: one per core (at most eight) once there are at least
// `minimum` items, else one.
inline int partsFor(qsizetype items, qsizetype minimum)
{
    return items < minimum ? 1 : std::clamp(QThread::idealThreadCount(), 1, 8);
}

// Calls work(part, from, to) for `parts` consecutive slices of [0, count): the first on this
// thread, the others on their own threads, and returns when all are done. Each call must write
// only what belongs to its slice.
template<typename Work> void forEachPart(qsizetype count, int parts, Work &&work)
{
    parts = static_cast<int>(std::clamp<qsizetype>(parts, 1, std::max<qsizetype>(count, 1)));
    std::vector<std::thread> threads;
    for (int p = 1; p < parts; ++p) {
        threads.emplace_back([&work, count, p, parts] { work(p, count * p / parts, count * (p + 1) / parts); });
    }
    work(0, qsizetype(0), count / parts);
    for (std::thread &t : threads) {
        t.join();
    }
}

} // namespace AT
