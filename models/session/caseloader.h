#pragma once

#include "caseindex.h"
#include "casereader.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

template<typename T> class QFutureWatcher;
class QTimer;

namespace AT {

// Reads, checks and indexes a case: the one way a case file becomes something to show, for the
// window (on a worker thread, with progress and cancellation), the command line and the benchmark
// (on the calling thread). It never touches a CaseSession: the caller installs the result.
class CaseLoader final : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Reading, Parsing, Checking, Indexing };
    Q_ENUM(Phase)
    enum class Outcome { Opened, Failed, Cancelled };
    Q_ENUM(Outcome)

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString path;
        // The problems found. When opened and indexed, the case itself has moved into `index`.
        CaseLoad load;
        std::shared_ptr<const CaseIndex> index;
        const Case &kase() const { return index ? index->kase() : load.kase; }
    };
    // Reports the phase and the share of the whole load done, 0 to 1.
    using Progress = std::function<void(Phase phase, double fraction)>;

    // On the calling thread. With `buildIndex` false the case stays in result.load.kase (enough for
    // --check and --summary). `cancel`, when given and set, stops the read or the indexing.
    static Result load(const QString &path, bool buildIndex = true, const Progress &progress = {},
                       const std::atomic<bool> *cancel = nullptr);

    explicit CaseLoader(QObject *parent = nullptr);
    // Cancels a load still running and returns at once; the worker stops on its own shortly after.
    ~CaseLoader() override;

    // Loads `path` on a worker thread and emits finished() when done. A load already running is
    // cancelled first (its result is dropped).
    void start(const QString &path);
    // Stops the running load; finished(Cancelled) follows as soon as the worker notices, which is
    // within one slice of the file, one item of the case or a few thousand events of the index.
    void cancel();
    bool isRunning() const { return m_job != nullptr; }
    QString path() const;
    // The finished load's result; call once from the finished() handler.
    Result takeResult();

Q_SIGNALS:
    // Whenever it changed, looked at 25 times a second.
    void progressChanged(AT::CaseLoader::Phase phase, double fraction);
    void finished(AT::CaseLoader::Outcome outcome);

private:
    struct Job;
    void jobFinished();
    void reportProgress();

    std::shared_ptr<Job> m_job;
    QFutureWatcher<void> *m_watcher = nullptr;
    QTimer *m_poll;
    int m_reported = -1; // phase * 10000 + permille last emitted
    Result m_result;
};

} // namespace AT
