#pragma once

#include "casedata.h"

#include <QCollatorSortKey>
#include <QList>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace AT {

// The events sorted by title: collated for the user's locale, case-insensitively, and stable on the
// chronological order (equal titles stay in time order). Collating a title costs microseconds (a
// collation key each: 2.6 s for a million on two cores), so for a large case the keys are worked
// out on a thread of its own as soon as the index is built, and the first sort by title finds the
// order ready; asked before, it helps with what is left. A small case is sorted when first asked.
class TitleOrder
{
public:
    // From this many events on, the order is worked out in the background.
    static constexpr qsizetype BackgroundFrom = 50000;

    TitleOrder(std::shared_ptr<const Case> kase, QList<qsizetype> chronological);
    // Stops the background work (within a title, or a step of the final sort) and waits for it.
    ~TitleOrder();
    TitleOrder(const TitleOrder &) = delete;
    TitleOrder &operator=(const TitleOrder &) = delete;

    // Event indexes by title. Works out what is left on this thread and every other core, with the
    // background thread, and waits for the last part. Thread-safe.
    const QList<qsizetype> &order() const;
    // Whether order() would return at once.
    bool isReady() const;

private:
    // Takes parts of the events in turn and computes their keys; whoever computes the last one sorts.
    void work() const;

    std::shared_ptr<const Case> m_case;
    QList<qsizetype> m_chronological;
    qsizetype m_partCount = 0;
    mutable std::vector<std::vector<QCollatorSortKey>> m_keys; // by part
    mutable std::atomic<qsizetype> m_nextPart {0};
    mutable std::atomic<qsizetype> m_partsDone {0};
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_done;
    mutable bool m_ready = false;
    mutable QList<qsizetype> m_order;
    std::atomic<bool> m_cancel {false};
    std::thread m_background;
};

} // namespace AT
