#include "titleorder.h"

#include <QCollator>
#include <QThread>

#include <algorithm>

namespace AT {

namespace {
// Parts small enough that a late helper still finds work, large enough to cost nothing to share.
constexpr qsizetype PartEvents = 4096;
} // namespace

TitleOrder::TitleOrder(std::shared_ptr<const Case> kase, QList<qsizetype> chronological)
    : m_case(kase ? std::move(kase) : std::make_shared<const Case>())
    , m_chronological(std::move(chronological))
{
    const qsizetype n = m_case->events.size();
    m_partCount = (n + PartEvents - 1) / PartEvents;
    m_keys.resize(static_cast<size_t>(m_partCount));
    if (n >= BackgroundFrom) {
        // One thread: the other cores stay with the window, which is usable meanwhile.
        m_background = std::thread([this] { work(); });
    }
}

TitleOrder::~TitleOrder()
{
    m_cancel = true;
    if (m_background.joinable()) {
        m_background.join();
    }
}

bool TitleOrder::isReady() const
{
    const std::lock_guard lock(m_mutex);
    return m_ready;
}

const QList<qsizetype> &TitleOrder::order() const
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_ready) {
            return m_order;
        }
    }
    std::vector<std::thread> helpers;
    const int cores = std::clamp(QThread::idealThreadCount(), 1, 8);
    for (int t = 1; t < cores && m_nextPart < m_partCount; ++t) {
        helpers.emplace_back([this] { work(); });
    }
    work();
    for (std::thread &t : helpers) {
        t.join();
    }
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_ready; });
    return m_order;
}

void TitleOrder::work() const
{
    const qsizetype n = m_case->events.size();
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    for (qsizetype part = m_nextPart++; part < m_partCount; part = m_nextPart++) {
        std::vector<QCollatorSortKey> &keys = m_keys[static_cast<size_t>(part)];
        const qsizetype to = std::min(n, (part + 1) * PartEvents);
        keys.reserve(static_cast<size_t>(to - part * PartEvents));
        for (qsizetype e = part * PartEvents; e < to; ++e) {
            if (m_cancel.load(std::memory_order_relaxed)) {
                return; // the index goes away: no one will ask
            }
            // Folded first: some collation back-ends (the C locale's) ignore case-insensitivity in
            // sort keys while honouring it in compare().
            keys.push_back(collator.sortKey(m_case->events[e].title.toCaseFolded()));
        }
        if (++m_partsDone < m_partCount) {
            continue;
        }
        // The last part: every key is there.
        QList<qsizetype> order = m_chronological;
        const auto keyOf = [this](qsizetype e) -> const QCollatorSortKey & {
            return m_keys[static_cast<size_t>(e / PartEvents)][static_cast<size_t>(e % PartEvents)];
        };
        // Sorted in runs, then the runs merged pairwise (stable, as one stable sort): the index going
        // away interrupts it between steps, never waiting for the whole sort.
        const auto less = [&](qsizetype a, qsizetype b) { return keyOf(a).compare(keyOf(b)) < 0; };
        const qsizetype run = std::max<qsizetype>(PartEvents, (n + 15) / 16);
        for (qsizetype from = 0; from < n; from += run) {
            if (m_cancel.load(std::memory_order_relaxed)) {
                return;
            }
            std::stable_sort(order.begin() + from, order.begin() + std::min(n, from + run), less);
        }
        for (qsizetype width = run; width < n; width *= 2) {
            for (qsizetype from = 0; from + width < n; from += 2 * width) {
                if (m_cancel.load(std::memory_order_relaxed)) {
                    return;
                }
                std::inplace_merge(order.begin() + from, order.begin() + from + width,
                                   order.begin() + std::min(n, from + 2 * width), less);
            }
        }
        m_keys.clear();
        m_keys.shrink_to_fit();
        {
            const std::lock_guard lock(m_mutex);
            m_order = std::move(order);
            m_ready = true;
        }
        m_done.notify_all();
    }
    if (m_partCount == 0) {
        const std::lock_guard lock(m_mutex);
        m_ready = true;
    }
}

} // namespace AT
